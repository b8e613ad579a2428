"""A folded view of an actor graph (a state view) read off its edge columns.

:func:`graph.states.state_graph` folds the members of some states onto them; event by
event that takes seconds at a million events (an edge added, and attributes made, per
event). Here the events are taken pair by pair from the actor graph, folded and grouped
at C speed, and each pair of the view holds its events' rows (:class:`FoldedPairEvents`),
whose attributes are made when read, as :class:`graph.edges.PairEvents` does for the actor
graph. The view iterates exactly as the one built event by event.
"""

from array import array
from collections.abc import Callable, ItemsView, Iterator, Sequence, ValuesView
from typing import Any

import numpy as np

from diplograph.graph.adjacency import Adjacency, group_pairs, link, slotted
from diplograph.graph.edges import EdgeColumns, EdgeData, EventRows, FoldedEdgeData, PairEvents
from diplograph.graph.records import EventGraph, NodeId

LOOKUP_FROM = 16
"""From this many events a pair looks an event up in a dict it makes once (else a scan)."""


class RowEnds:
    """The actor graph's edge columns and, by row, the actors each event links (what the
    events of a folded view read: one per view, shared by its pairs)."""

    __slots__ = ("cols", "source", "target")

    def __init__(self, cols: EdgeColumns, source: "array[int]", target: "array[int]") -> None:
        self.cols = cols
        self.source = source
        self.target = target

    def data(self, row: int) -> FoldedEdgeData:
        """Return the attributes of the event at ``row`` as the folded view shows them."""
        return FoldedEdgeData(EdgeData(row, self.cols), self.source[row], self.target[row])


class FoldedPairEvents(EventRows[FoldedEdgeData]):
    """The events between two nodes of a folded view as rows of the actor graph's edge
    columns: a read-only mapping of event id to :class:`FoldedEdgeData`, in the order the
    view got them (that of the actor graph's edges), made on access.

    Examples
    --------
    >>> cols = EdgeColumns()
    >>> for id_ in (7, 9, 12):
    ...     _ = cols.append(id_, "040", 1, 1.0, None, "asserted", 0.9, False, 1, id_, "", "met")
    >>> ends = RowEnds(cols, array("q", [1, 2, 1]), array("q", [3, 3, 4]))
    >>> pair = FoldedPairEvents(array("I", [2, 0]), ends)
    >>> list(pair), pair[7]["target_actor"], 9 in pair, len(pair), dict(pair)[12]["cameo"]
    ([12, 7], 3, False, 2, '040')
    """

    __slots__ = ("_ends", "_lookup", "_rows")
    _lookup: dict[int, int]

    def __init__(self, rows: "int | array[int]", ends: RowEnds) -> None:
        self._rows = rows
        self._ends = ends

    def _row_of(self, key: object) -> int:
        """Return the row of event ``key`` (KeyError when the pair has no such event)."""
        rows, ids = self._rows, self._ends.cols.event_id
        if isinstance(rows, int):
            if isinstance(key, int) and ids[rows] == key:
                return rows
            raise KeyError(key)
        if len(rows) < LOOKUP_FROM:
            for row in rows:
                if ids[row] == key:
                    return row
            raise KeyError(key)
        try:
            lookup = self._lookup
        except AttributeError:  # made once, on the first lookup (a race makes it twice)
            lookup = self._lookup = {ids[row]: row for row in rows}
        try:
            return lookup[key]  # type: ignore[index]
        except (KeyError, TypeError):
            raise KeyError(key) from None

    def __getitem__(self, key: int) -> FoldedEdgeData:
        return self._ends.data(self._row_of(key))

    def __iter__(self) -> Iterator[int]:
        ids = self._ends.cols.event_id
        return iter([ids[row] for row in self.rows()])

    def data(self, row: int) -> FoldedEdgeData:
        """Return the attributes of the pair's event at edge row ``row``."""
        return self._ends.data(row)

    def items(self) -> "_FoldedItems":
        """Return the (event id, :class:`FoldedEdgeData`) pairs, in the view's order."""
        return _FoldedItems(self)

    def values(self) -> "_FoldedValues":
        """Return the :class:`FoldedEdgeData` of the events, in the view's order."""
        return _FoldedValues(self)


class _FoldedItems(ItemsView[int, FoldedEdgeData]):
    _mapping: FoldedPairEvents

    def __iter__(self) -> Iterator[tuple[int, FoldedEdgeData]]:
        ends = self._mapping._ends
        ids, data = ends.cols.event_id, ends.data
        for row in self._mapping.rows():
            yield ids[row], data(row)


class _FoldedValues(ValuesView[FoldedEdgeData]):
    _mapping: FoldedPairEvents

    def __iter__(self) -> Iterator[FoldedEdgeData]:
        data = self._mapping._ends.data
        for row in self._mapping.rows():
            yield data(row)


def fold_columns(G: EventGraph, H: EventGraph, folded: Callable[[NodeId], NodeId]) -> bool:
    """Add to ``H`` (its nodes added already) the events of ``G`` with each end ``n`` moved
    to ``folded(n)``, as :func:`graph.states.state_graph` adds them one by one; return False
    (``H`` left as it was) when ``G``'s events do not all live in its edge columns.

    Each event keeps its key and reads its attributes from ``G``'s columns, with
    ``source_actor`` and ``target_actor`` added; a pair of ``H`` holds its events in the
    order ``G`` iterates them, and the pairs come in that order too.
    """
    cols: EdgeColumns | None = G.__dict__.get("edge_columns")
    if cols is None:
        return False
    flat: array[int] = array("I")
    sources: list[NodeId] = []
    targets: list[NodeId] = []
    counts: list[int] = []
    succ: Adjacency = G._succ  # type: ignore[attr-defined]
    for u, out in succ.items():
        if not isinstance(u, int):
            return False
        for v, events in out.items():
            rows: Sequence[int]
            if isinstance(events, PairEvents) and events.columns is cols:
                rows = events.rows()
            else:  # a pair grown since the build: a dict of its events
                rows = [getattr(d, "row", -1) for d in events.values()]
                if not all(isinstance(d, EdgeData) and d.columns is cols for d in events.values()):
                    return False
            flat.extend(rows)
            sources.append(u)
            targets.append(v)
            counts.append(len(rows))
    H.__dict__["folded_columns"] = cols  # what column readers of H read (not H's own)
    if not flat:
        return True
    order = np.frombuffer(flat, dtype=np.uint32).astype(np.int64)
    per_pair = np.array(counts, dtype=np.int64)
    source = np.repeat(np.array(sources, dtype=np.int64), per_pair)
    target = np.repeat(np.array(targets, dtype=np.int64), per_pair)
    nodes = np.unique(np.concatenate((source, target)))
    onto = np.array([folded(n) for n in nodes.tolist()], dtype=np.int64)
    fu, fv = onto[np.searchsorted(nodes, source)], onto[np.searchsorted(nodes, target)]
    size = len(cols.event_id)
    ends = RowEnds(cols, _by_row(order, source, size), _by_row(order, target, size))
    held, starts = group_pairs(fu, fv, order)
    made = slotted(FoldedPairEvents, held, "_ends", ends)
    link(H._succ, fu[starts], fv[starts], made)  # type: ignore[attr-defined]
    link(H._pred, fv[starts], fu[starts], made)  # type: ignore[attr-defined]
    return True


def _by_row(order: Any, values: Any, size: int) -> "array[int]":
    """Return ``values`` (one per position) by edge row (``order``: the row at each position)."""
    by_row = np.zeros(size, dtype=np.int64)
    by_row[order] = values
    return array("q", by_row.tobytes())
