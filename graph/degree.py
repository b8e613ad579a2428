"""Degree centrality kept up to date as events arrive: partner sets and event ids per node."""

from array import array
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from heapq import nsmallest
from typing import Any

from diplograph.graph.build import node_record, sort_key
from diplograph.graph.centrality import Ranked, Ranking
from diplograph.graph.edges import PairEvents
from diplograph.graph.filters import DEFAULT_FILTER, EdgeFilter, kept_edges
from diplograph.graph.records import Edge, EventGraph, NodeId
from diplograph.graph.row_flags import accepted_flags


@dataclass
class DegreeCounts:
    """Per node with an event: the nodes it has events with and its events' ids, ascending
    (self-loops make a node count but add no partner or event).

    The event ids are 32-bit arrays (as in :class:`graph.edges.EdgeColumns`): 4 bytes an id
    where a list of ``int`` objects took 36, two million of them at a million events. Kept
    in order, a node's lowest ids (a ranking's evidence) are its first ones.
    """

    partners: dict[NodeId, set[NodeId]] = field(default_factory=dict)
    event_ids: "dict[NodeId, array[int]]" = field(default_factory=dict)


def add_degree_edges(counts: DegreeCounts, edges: Iterable[Edge]) -> DegreeCounts:
    """Count ``edges`` in ``counts`` (in place) and return it.

    Examples
    --------
    >>> c = add_degree_edges(DegreeCounts(), [(1, 2, 6, {}), (2, 1, 5, {}), (3, 3, 7, {})])
    >>> c.partners, {node: list(ids) for node, ids in c.event_ids.items()}
    ({1: {2}, 2: {1}, 3: set()}, {1: [5, 6], 2: [5, 6], 3: []})
    """
    unsorted: set[NodeId] = set()
    for u, v, key, _ in edges:
        unsorted.update(_add_pair(counts, u, v, [key]))
    return _sorted(counts, unsorted)


def _add_pair(counts: DegreeCounts, u: NodeId, v: NodeId, keys: list[int]) -> list[NodeId]:
    """Count the events ``keys`` (ascending) between ``u`` and ``v``; return the nodes whose
    event ids they put out of order."""
    out_of_order: list[NodeId] = []
    for a, b in ((u, v), (v, u)):
        if a not in counts.partners:
            counts.partners[a] = set()
            counts.event_ids[a] = array("I")
        if a != b:
            counts.partners[a].add(b)
            ids = counts.event_ids[a]
            if ids and keys[0] < ids[-1]:
                out_of_order.append(a)
            ids.extend(keys)
    return out_of_order


def _sorted(counts: DegreeCounts, unsorted: Iterable[NodeId]) -> DegreeCounts:
    """Sort the event ids of the nodes ``unsorted``; return ``counts``."""
    # New events come in id order, after those counted: only a first count sorts much.
    for node in unsorted:
        counts.event_ids[node] = array("I", sorted(counts.event_ids[node]))
    return counts


def count_degrees(G: EventGraph, where: EdgeFilter = DEFAULT_FILTER) -> DegreeCounts:
    """Return the degree counts of the events of ``G`` that ``where`` accepts: the same as
    ``add_degree_edges(DegreeCounts(), kept_edges(G, where))``, read off the edge columns
    and counted pair by pair (no event's attributes made) when ``G`` has them."""
    cols = G.__dict__.get("edge_columns")
    if cols is None:
        return add_degree_edges(DegreeCounts(), kept_edges(G, where))
    flags, ids, accepts = accepted_flags(cols, where), cols.event_id, where.accepts
    counts = DegreeCounts()
    unsorted: set[NodeId] = set()
    succ: dict[NodeId, dict[NodeId, Mapping[int, Any]]] = G._succ  # type: ignore[attr-defined]
    for u, targets in succ.items():
        for v, events in targets.items():
            if isinstance(events, PairEvents):
                keys = [ids[row] for row in events.rows_flagged(flags)]
            else:  # a pair grown since the build: a dict of its events
                keys = [k for k, d in events.items() if accepts(d)]
            if keys:
                unsorted.update(_add_pair(counts, u, v, keys))
    return _sorted(counts, unsorted)


def degree_ranking(G: EventGraph, counts: DegreeCounts, *, top: int, evidence: int) -> Ranking:
    """Return the ranking :func:`graph.centrality.centrality` gives for ``degree`` on the
    graph whose events ``counts`` counted (``G`` gives the nodes' names and attributes),
    reading only the nodes that can make the top.
    """
    n = len(counts.partners)
    if n == 0:
        return Ranking("degree", "degree", None, 0, ())
    scale = 1.0 / (n - 1) if n > 1 else 1.0

    def score(node: NodeId) -> float:
        return round(len(counts.partners[node]) * scale, 6) if n > 1 else 1.0

    sizes = nsmallest(top, map(len, counts.partners.values()), key=int.__neg__)
    fewest = sizes[-1]  # partners of the last of the top; rounding may tie fewer with it
    floor = round(fewest * scale, 6) if n > 1 else 1.0
    while fewest > 0 and (n <= 1 or round((fewest - 1) * scale, 6) >= floor):
        fewest -= 1
    candidates = [node for node, p in counts.partners.items() if len(p) >= fewest]
    best = nsmallest(top, candidates, key=lambda node: (-score(node), sort_key(G, node)))
    ranked = tuple(
        Ranked(
            node=node_record(G, node),
            score=score(node),
            partners=len(counts.partners[node]),
            events=len(counts.event_ids[node]),
            event_ids=tuple(counts.event_ids[node][:evidence]),
        )
        for node in best
    )
    return Ranking("degree", "degree", None, n, ranked)
