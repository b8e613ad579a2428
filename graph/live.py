"""Add events to a graph that other threads are reading: copy-on-write, never a resize in place.

A reader iterating a dict that another thread grows gets ``RuntimeError: dictionary
changed size during iteration``. So a live graph is only changed in ways readers
tolerate: a dict that gains a key is copied, grown, and put back in place of the old
one (replacing the value of an existing key never disturbs an iteration); edge and
node attribute dicts are never changed, only replaced. A reader that is iterating
keeps the old dict and sees the graph as it was; the next reader sees the new one.
One writer at a time (the cache's apply lock); cost per event: the adjacency of its
two actors when they first meet, else the events already between them.
"""

from collections.abc import Iterable, Mapping
from typing import Any

from diplograph.graph.build import edge_attrs, edge_columns, node_attrs
from diplograph.graph.records import ActorNode, Edge, EventGraph, EventRecord, NodeId

VIEWS: tuple[str, ...] = ("nodes", "adj", "succ", "pred", "edges", "out_edges", "in_edges")
VIEWS += ("degree", "in_degree", "out_degree")
"""The cached views networkx keeps on a graph; dropped when a top-level dict is replaced."""


def add_events(G: EventGraph, events: Iterable[EventRecord]) -> list[Edge]:
    """Add ``events`` (and their actors, refreshing the attributes of known ones) to ``G``.

    Safe while other threads read ``G`` (see the module docstring). Returns the edges
    added, as ``(source, target, event id, attributes)``.

    Examples
    --------
    >>> import networkx as nx
    >>> from datetime import date
    >>> putin = ActorNode(1, "Vladimir Putin", "person", "RUS", "president")
    >>> assad = ActorNode(2, "Bashar al-Assad", "person", "SYR", "president")
    >>> met = EventRecord(7, putin, assad, "040", 1, 1.0, date(2017, 12, 11), "asserted",
    ...                   0.9, False, 1, 3, "Putin met Assad.", "met")
    >>> G = nx.MultiDiGraph()
    >>> [(u, v, k) for u, v, k, _ in add_events(G, [met])]
    [(1, 2, 7)]
    >>> G.nodes[2]["name"], G.edges[1, 2, 7]["root"]
    ('Bashar al-Assad', '04')
    """
    batch = list(events)
    actors: dict[NodeId, ActorNode] = {}
    for ev in batch:
        actors[ev.source.id] = ev.source
        actors[ev.target.id] = ev.target
    add_nodes(G, {n: node_attrs(actor) for n, actor in actors.items()})
    added: list[Edge] = []
    cols = edge_columns(G)
    for ev in batch:
        data = edge_attrs(ev, cols)
        add_edge(G, ev.source.id, ev.target.id, ev.id, data)
        added.append((ev.source.id, ev.target.id, ev.id, data))
    return added


def add_nodes(G: EventGraph, nodes: dict[NodeId, dict[str, Any]]) -> None:
    """Add the nodes of ``nodes`` to ``G`` or replace the attributes of those it has.

    New nodes are added by copying the three top-level dicts once (nodes, successors,
    predecessors) and dropping networkx's cached views of the old ones.
    """
    node_dict: dict[NodeId, dict[str, Any]] = G._node  # type: ignore[attr-defined]
    new = [n for n in nodes if n not in node_dict]
    for n, attrs in nodes.items():
        if n in node_dict and node_dict[n] != attrs:
            node_dict[n] = attrs  # same key: a reader's iteration is not disturbed
    if not new:
        return
    succ = dict(G._succ)  # type: ignore[attr-defined]
    pred = dict(G._pred)  # type: ignore[attr-defined]
    grown = dict(node_dict)
    for n in new:
        succ[n] = {}
        pred[n] = {}
        grown[n] = nodes[n]
    # Adjacency first: a reader finding a node in G._node must find its adjacency.
    G._succ = G._adj = succ  # type: ignore[attr-defined]
    G._pred = pred  # type: ignore[attr-defined]
    G._node = grown  # type: ignore[attr-defined]
    for view in VIEWS:
        G.__dict__.pop(view, None)
    getattr(G, "__networkx_cache__", {}).clear()


def add_edge(G: EventGraph, u: NodeId, v: NodeId, key: int, data: Mapping[str, Any]) -> None:
    """Add the edge ``u -> v`` keyed ``key`` to ``G`` (both nodes present), copy-on-write."""
    succ: dict[NodeId, dict[NodeId, dict[int, Any]]] = G._succ  # type: ignore[attr-defined]
    pred: dict[NodeId, dict[NodeId, dict[int, Any]]] = G._pred  # type: ignore[attr-defined]
    out = succ[u]
    old = out.get(v)
    keys = {**old, key: data} if old is not None else {key: data}
    if old is not None:
        out[v] = keys
    else:
        succ[u] = {**out, v: keys}
    into = pred[v]
    if u in into:
        into[u] = keys
    else:
        pred[v] = {**into, u: keys}
