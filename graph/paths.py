"""Shortest chains of events between two actors, each hop with its evidence."""

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice, pairwise
from typing import Literal

from diplograph.graph.build import node_record, sort_key
from diplograph.graph.edges import fetch_sentences
from diplograph.graph.filters import DEFAULT_FILTER, EdgeFilter, edges_between
from diplograph.graph.records import ActorNode, Edge, EventGraph, NodeId
from diplograph.graph.summary import EventRef, event_ref

Direction = Literal["forward", "backward"]


@dataclass(frozen=True, slots=True)
class Hop:
    """One step of a path, from ``source`` to ``target`` in the path's order.

    ``evidence`` is the most confident event linking the two (then the lowest
    id); ``direction`` is "forward" when it goes from ``source`` to ``target``,
    "backward" when it goes the other way. ``event_ids`` lists every linking
    event, either way.
    """

    source: ActorNode
    target: ActorNode
    direction: Direction
    evidence: EventRef
    event_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Path:
    """A chain of nodes from the first to the last, and the hops between them."""

    nodes: tuple[ActorNode, ...]
    hops: tuple[Hop, ...]


def shortest_paths(
    G: EventGraph,
    source: NodeId,
    target: NodeId,
    *,
    max_len: int = 4,
    limit: int = 10,
    where: EdgeFilter = DEFAULT_FILTER,
) -> list[Path]:
    """Return the shortest paths from ``source`` to ``target`` through events of any type.

    Events link their two actors whichever way they point (reachability is
    undirected); each hop then reports which way its evidence went. The search
    is breadth-first and stops at ``max_len`` hops, so its cost is bounded by
    the neighbourhood it explores.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An event graph.
    source, target : node id
        The two ends; a node not in ``G`` has no path.
    max_len : int, optional
        The most hops a path may have (a path of a node to itself has none).
    limit : int, optional
        The most paths to return when several are equally short.
    where : EdgeFilter, optional
        Which events count.

    Returns
    -------
    paths : list of Path
        Every shortest path up to ``limit``, ordered by the names along them;
        empty when ``target`` is further than ``max_len`` hops or unreachable.

    Examples
    --------
    >>> import networkx as nx
    >>> from datetime import date
    >>> G = nx.MultiDiGraph()
    >>> for id_, name in [(1, "Putin"), (2, "Assad"), (3, "Erdogan"), (4, "Sissi")]:
    ...     G.add_node(id_, name=name, type="person", country=None, role=None)
    >>> ev = dict(negated=False, modality="asserted", cameo="040", quad_class=1, goldstein=1.0,
    ...           date=date(2017, 12, 11), trigger="met", article_id=1)
    >>> G.add_edge(1, 2, key=5, confidence=0.9, sentence="Putin met Assad.", **ev)
    5
    >>> G.add_edge(3, 2, key=6, confidence=0.8, sentence="Erdogan met Assad.", **ev)
    6
    >>> [path] = shortest_paths(G, 1, 3)
    >>> [n.name for n in path.nodes]
    ['Putin', 'Assad', 'Erdogan']
    >>> [(h.direction, h.evidence.sentence) for h in path.hops]
    [('forward', 'Putin met Assad.'), ('backward', 'Erdogan met Assad.')]
    >>> shortest_paths(G, 1, 3, max_len=1), shortest_paths(G, 1, 4)
    ([], [])
    """
    if source not in G or target not in G:
        return []
    if source == target:
        return [Path((node_record(G, source),), ())]
    preds = _predecessors(G, source, target, max_len, where)
    if target not in preds:
        return []
    chains = list(islice(_chains(G, preds, source, target), limit))
    events = [[edges_between(G, u, v, where) for u, v in pairwise(chain)] for chain in chains]
    best = [[min(edges, key=_most_confident) for edges in hops] for hops in events]
    fetch_sentences(edge[3] for hops in best for edge in hops)  # every hop's evidence at once
    return [
        Path(
            tuple(node_record(G, n) for n in chain),
            tuple(
                _hop(G, u, v, edges, first)
                for (u, v), edges, first in zip(pairwise(chain), hops, firsts, strict=True)
            ),
        )
        for chain, hops, firsts in zip(chains, events, best, strict=True)
    ]


def linked(G: EventGraph, node: NodeId, where: EdgeFilter = DEFAULT_FILTER) -> set[NodeId]:
    """Return the other nodes sharing at least one event with ``node`` that ``where`` accepts."""
    found: set[NodeId] = set()
    for adjacency in (G.succ[node], G.pred[node]):
        for other, keydict in adjacency.items():
            if (
                other != node
                and other not in found
                and any(where.accepts(data) for data in keydict.values())
            ):
                found.add(other)
    return found


def _predecessors(
    G: EventGraph, source: NodeId, target: NodeId, max_len: int, where: EdgeFilter
) -> dict[NodeId, list[NodeId]]:
    preds: dict[NodeId, list[NodeId]] = {source: []}
    frontier = [source]
    for _ in range(max_len):
        level: dict[NodeId, list[NodeId]] = {}
        for n in frontier:
            for m in linked(G, n, where):
                if m not in preds:
                    level.setdefault(m, []).append(n)
        preds.update(level)
        if target in level or not level:
            break
        frontier = list(level)
    return preds


def _chains(
    G: EventGraph, preds: dict[NodeId, list[NodeId]], source: NodeId, target: NodeId
) -> Iterator[list[NodeId]]:
    """Yield the shortest chains from ``source`` to ``target``, by the names along them."""
    onward: defaultdict[NodeId, list[NodeId]] = defaultdict(list)
    seen, stack = {target}, [target]
    while stack:
        n = stack.pop()
        for p in preds[n]:
            onward[p].append(n)
            if p not in seen:
                seen.add(p)
                stack.append(p)

    def walk(node: NodeId) -> Iterator[list[NodeId]]:
        if node == target:
            yield [node]
            return
        for nxt in sorted(onward[node], key=lambda n: sort_key(G, n)):
            for rest in walk(nxt):
                yield [node, *rest]

    return walk(source)


def _most_confident(edge: Edge) -> tuple[float, int]:
    """Return the key that orders events by confidence (highest first), then id."""
    return (-edge[3]["confidence"], edge[2])


def _hop(G: EventGraph, u: NodeId, v: NodeId, edges: list[Edge], best: Edge) -> Hop:
    return Hop(
        source=node_record(G, u),
        target=node_record(G, v),
        direction="forward" if best[0] == u else "backward",
        evidence=event_ref(best),
        event_ids=tuple(sorted(e[2] for e in edges)),
    )
