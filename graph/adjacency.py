"""Adjacency made at C speed: events grouped into pairs of nodes, pairs linked into a graph.

What a column load (:func:`graph.load.load_graph`) and a column state view
(:mod:`graph.folded`) share: a million events make about 400,000 pairs, so nothing here
runs Python code per event, and per pair only what filling the adjacency dicts needs.
"""

from array import array
from collections import deque
from collections.abc import Mapping
from itertools import repeat
from typing import Any, TypeVar

import numpy as np

from diplograph.graph.edges import Ints
from diplograph.graph.records import NodeId

Adjacency = dict[NodeId, dict[NodeId, Mapping[int, Any]]]
"""A networkx graph's successors or predecessors: node -> neighbour -> its events."""

PairT = TypeVar("PairT")


def group_pairs(sources: Ints, targets: Ints, rows: Ints) -> tuple[list[Any], Ints]:
    """Group the events at positions 0.. (``sources[i] -> targets[i]``, edge row ``rows[i]``)
    by pair of nodes; return each pair's rows and the position of its first event, pairs in
    order of their first event.

    A pair's rows are in position order: its one row (an ``int``) or an ``array("I")``.

    >>> held, starts = group_pairs(np.array([1, 2, 1]), np.array([2, 1, 2]), np.array([7, 8, 9]))
    >>> held, starts.tolist()
    ([array('I', [7, 9]), 8], [0, 1])
    """
    pairs = sources * (int(max(sources.max(), targets.max())) + 1) + targets
    _, pair_first, pair_of = np.unique(pairs, return_index=True, return_inverse=True)
    by_first = np.argsort(pair_first, kind="stable")
    rank = np.empty_like(by_first)
    rank[by_first] = np.arange(len(by_first))
    pair_of = rank[pair_of.reshape(-1)]  # pairs numbered in order of their first event
    grouped = rows[np.argsort(pair_of, kind="stable")].astype(np.uint32)  # by pair, in order
    sizes = np.bincount(pair_of)
    bounds = np.concatenate(([0], np.cumsum(sizes)))
    held: list[Any] = grouped[bounds[:-1]].tolist()  # a pair of one event holds its row
    many = np.flatnonzero(sizes > 1)
    if len(many):
        flat = array("I", grouped.tobytes())
        for i, low, high in zip(
            many.tolist(), bounds[many].tolist(), bounds[many + 1].tolist(), strict=True
        ):
            held[i] = flat[low:high]
    return held, pair_first[by_first]


def slotted(cls: type[PairT], rows: list[Any], slot: str, shared: object) -> list[PairT]:
    """Return one ``cls`` per entry of ``rows``, its ``_rows`` slot set to that entry and its
    ``slot`` slot to ``shared``, without calling ``cls``.

    Made at C speed, with no Python call per pair: empty instances, then their two slots
    set through the slots' descriptors.
    """
    made: list[PairT] = list(map(object.__new__, repeat(cls, len(rows))))
    rows_slot, other_slot = vars(cls)["_rows"], vars(cls)[slot]
    deque(map(rows_slot.__set__, made, rows), maxlen=0)
    deque(map(other_slot.__set__, made, repeat(shared)), maxlen=0)
    return made


def link(adjacency: Adjacency, near: Ints, far: Ints, made: list[Any]) -> None:
    """Set ``adjacency[near[i]][far[i]] = made[i]`` for every pair ``i``, each node's
    neighbours in order of ``i`` (every node of ``near`` has its dict already). Returns
    nothing."""
    order = np.argsort(near, kind="stable")
    keys = near[order]
    cuts = np.flatnonzero(np.diff(keys)) + 1
    lows = np.concatenate(([0], cuts)).astype(np.int64)
    highs = np.concatenate((cuts, [len(keys)])).tolist()
    position, others = order.tolist(), far[order].tolist()
    for node, low, high in zip(keys[lows].tolist(), lows.tolist(), highs, strict=True):
        adjacency[node].update(
            zip(others[low:high], map(made.__getitem__, position[low:high]), strict=True)
        )
