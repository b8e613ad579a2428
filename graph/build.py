"""Build the event graph: actors are nodes, every event is an edge keyed by its id."""

from collections.abc import Iterable
from typing import Any

import networkx as nx

from diplograph.graph.edges import EdgeColumns, EdgeData
from diplograph.graph.records import ActorNode, EventGraph, EventRecord, NodeId


def build_graph(events: Iterable[EventRecord]) -> EventGraph:
    """Return a MultiDiGraph with one node per actor id and one edge per event.

    Nodes carry ``name``, ``type``, ``country``, ``role`` and ``aliases``. Each
    edge goes from the event's source to its target, is keyed by the event id and
    carries, in a compact read-only mapping (:class:`graph.edges.EdgeData`, a row of
    the graph's :func:`edge_columns`), ``event_id``,
    ``cameo``, ``root`` (the first two digits of the CAMEO code), ``quad_class``,
    ``goldstein``, ``date``, ``modality``, ``confidence``, ``negated``,
    ``article_id``, ``sentence_id``, ``sentence_index``, ``sentence``, ``trigger``,
    ``mentions`` and ``articles`` (how many sentences and articles tell the occurrence;
    the sentence is its first mention).

    Parameters
    ----------
    events : iterable of EventRecord
        The events; actors are taken from their source and target.

    Returns
    -------
    G : networkx.MultiDiGraph
        The event graph.

    Examples
    --------
    >>> from datetime import date
    >>> putin = ActorNode(1, "Vladimir Putin", "person", "RUS", "president", ("putin",))
    >>> assad = ActorNode(2, "Bashar al-Assad", "person", "SYR", "president")
    >>> met = EventRecord(7, putin, assad, "040", 1, 1.0, date(2017, 12, 11), "asserted",
    ...                   0.9, False, 1, 3, "Putin met Assad.", "met")
    >>> G = build_graph([met])
    >>> G.nodes[2]
    {'name': 'Bashar al-Assad', 'type': 'person', 'country': 'SYR', 'role': 'president', \
'aliases': ()}
    >>> list(G.edges(keys=True))
    [(1, 2, 7)]
    >>> G.edges[1, 2, 7]["root"], G.edges[1, 2, 7]["sentence"]
    ('04', 'Putin met Assad.')
    """
    G: EventGraph = nx.MultiDiGraph()
    nodes: dict[NodeId, dict[str, Any]] = G._node  # type: ignore[attr-defined]
    succ: dict[NodeId, dict[NodeId, dict[int, Any]]] = G._succ  # type: ignore[attr-defined]
    pred: dict[NodeId, dict[NodeId, dict[int, Any]]] = G._pred  # type: ignore[attr-defined]
    cols = edge_columns(G)
    for ev in events:
        source, target = ev.source.id, ev.target.id
        for actor in (ev.source, ev.target):
            if actor.id not in nodes:
                G.add_node(actor.id, **node_attrs(actor))
        keys = succ[source].get(target)
        if keys is None:
            keys = succ[source][target] = pred[target][source] = {}
        keys[ev.id] = edge_attrs(ev, cols)
    return G


def edge_columns(G: EventGraph) -> EdgeColumns:
    """Return the columns holding the attributes of ``G``'s edges (made on first use)."""
    cols: EdgeColumns | None = G.__dict__.get("edge_columns")
    if cols is None:
        cols = G.__dict__["edge_columns"] = EdgeColumns()
    return cols


def node_attrs(actor: ActorNode) -> dict[str, Any]:
    """Return the attributes of the node of ``actor``."""
    return {
        "name": actor.name,
        "type": actor.type,
        "country": actor.country,
        "role": actor.role,
        "aliases": actor.aliases,
    }


def edge_attrs(ev: EventRecord, cols: EdgeColumns) -> EdgeData:
    """Add the attributes of the edge of ``ev`` to ``cols`` and return them (see
    :func:`build_graph`)."""
    return cols.append(
        ev.id,
        ev.cameo,
        ev.quad_class,
        ev.goldstein,
        ev.date,
        ev.modality,
        ev.confidence,
        ev.negated,
        ev.article_id,
        ev.sentence_id,
        ev.sentence,
        ev.trigger,
        ev.sentence_index,
        ev.mentions,
        ev.articles,
    )


def node_record(G: EventGraph, node: NodeId) -> ActorNode:
    """Return the node ``node`` of ``G`` as an :class:`ActorNode`.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node(1, name="Egypt", type="country", country="EGY", role=None, aliases=("cairo",))
    >>> node_record(G, 1)
    ActorNode(id=1, name='Egypt', type='country', country='EGY', role=None, aliases=('cairo',))
    """
    attrs = G.nodes[node]
    return ActorNode(
        node,
        attrs["name"],
        attrs["type"],
        attrs["country"],
        attrs["role"],
        tuple(attrs.get("aliases", ())),
    )


def sort_key(G: EventGraph, node: NodeId) -> tuple[str, str]:
    """Return the key that orders nodes by name, then id (ids of one graph share a type)."""
    return (G.nodes[node]["name"], f"{node:>12}" if isinstance(node, int) else node)
