"""Event filters read off a graph's edge columns: one byte a row, computed at C speed."""

from array import array
from collections.abc import Callable
from typing import Any

import numpy as np

from diplograph.graph.edges import EdgeColumns
from diplograph.graph.filters import EdgeFilter


def _column(values: "array[Any]", dtype: type[np.generic]) -> "np.ndarray[Any, Any]":
    """Return a copy of an edge column (``array``) as a numpy array.

    ``tobytes()`` copies under the GIL: a view of the array would stop a writer growing it.
    """
    return np.frombuffer(values.tobytes(), dtype=dtype)


def _numbers(cols: EdgeColumns, keep: Callable[[str], bool]) -> "np.ndarray[Any, Any]":
    """Return the numbers of the strings of ``cols``'s table that ``keep(text)`` keeps."""
    return np.array(
        [n for n, text in enumerate(cols.strings) if keep(text)],
        dtype=np.uint32,
    )


def root_flags(cols: EdgeColumns, root: str) -> bytes:
    """Return one byte a row of ``cols``: 1 where the event's CAMEO code has root ``root``."""
    codes = _column(cols.cameo, np.uint32)
    return np.isin(codes, _numbers(cols, lambda text: text[:2] == root)).tobytes()


def accepted_flags(cols: EdgeColumns, where: EdgeFilter) -> bytes:
    """Return one byte a row of ``cols``: 1 where ``where.accepts`` the row's event.

    The same test as :meth:`EdgeFilter.accepts`, column by column: not negated, an
    accepted modality, then each restriction the filter sets.
    """
    n = len(cols.event_id)  # rows are complete once they have ids: the others may be longer
    keep = _column(cols.negated, np.int8)[:n] == 0
    modality = _column(cols.modality, np.uint32)[:n]
    keep &= np.isin(modality, _numbers(cols, lambda text: text in where.modalities))
    if where.codes:
        codes = _column(cols.cameo, np.uint32)[:n]
        keep &= np.isin(codes, _numbers(cols, lambda text: text.startswith(where.codes)))
    if where.quad_classes:
        quads = _column(cols.quad_class, np.int8)[:n]
        keep &= np.isin(quads, np.array(sorted(where.quad_classes), dtype=np.int8))
    if where.min_confidence:
        keep &= _column(cols.confidence, np.float64)[:n] >= where.min_confidence
    if where.since is not None or where.until is not None:
        day = _column(cols.day, np.int32)[:n]
        keep &= day != 0
        if where.since is not None:
            keep &= day >= where.since.toordinal()
        if where.until is not None:
            keep &= day <= where.until.toordinal()
    flags: bytes = keep.astype(np.uint8).tobytes()
    return flags
