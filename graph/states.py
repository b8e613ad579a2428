"""The state view of one question: the members of the states it names folded onto them."""

from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

from diplograph.core.identity import acts_for_state
from diplograph.graph.edges import FoldedEdgeData
from diplograph.graph.folded import fold_columns
from diplograph.graph.live import add_edge, add_nodes
from diplograph.graph.records import ActorNode, Edge, EventGraph, NodeId


def member_of(G: EventGraph, node: NodeId) -> str | None:
    """Return the state (ISO alpha-3) ``node`` acts for, or None (``core.identity``).

    >>> G = nx.MultiDiGraph()
    >>> G.add_node(1, name="Indian foreign ministry", type="government", country="IND", role=None)
    >>> G.add_node(2, name="Tata", type="organization", country="IND", role=None)
    >>> member_of(G, 1), member_of(G, 2)
    ('IND', None)
    """
    attrs = G.nodes[node]
    country: str | None = attrs["country"]
    if country and acts_for_state(attrs["type"], attrs["role"]):
        return country
    return None


def state_graph(G: EventGraph, states: Mapping[str, ActorNode]) -> EventGraph:
    """Return ``G`` with every member of a state in ``states`` replaced by that state's node.

    ``states`` maps an ISO alpha-3 code to the node that stands for the state (its
    country actor, which need not have events of its own). Other nodes stay as they
    are; each event stays one edge, keyed by its id, with ``source_actor`` and
    ``target_actor`` (the actor ids it links) added.
    Events between two members of one state become self-loops.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node(1, name="India", type="country", country="IND", role=None)
    >>> G.add_node(2, name="Narendra Modi", type="person", country="IND", role="prime minister")
    >>> G.add_node(3, name="Justin Trudeau", type="person", country="CAN", role="prime minister")
    >>> G.add_edges_from([(2, 3, 7, {"cameo": "040"}), (3, 1, 8, {"cameo": "111"})])
    [7, 8]
    >>> india = ActorNode(1, "India", "country", "IND", None)
    >>> sorted(state_graph(G, {"IND": india}).edges(keys=True))
    [(1, 3, 7), (3, 1, 8)]
    """
    H: EventGraph = nx.MultiDiGraph()
    H.graph.update(G.graph)

    def folded(node: NodeId) -> NodeId:
        state = member_of(G, node)
        return states[state].id if state is not None and state in states else node

    for state in states.values():
        H.add_node(
            state.id,
            name=state.name,
            type=state.type,
            country=state.country,
            role=state.role,
            aliases=state.aliases,
        )
    for n, attrs in G.nodes(data=True):
        if folded(n) == n and n not in H:
            H.add_node(n, **attrs)
    if fold_columns(G, H, folded):  # at C speed, the same view
        return H
    for u, v, key, data in G.edges(keys=True, data=True):
        fu, fv = folded(u), folded(v)
        H.add_edge(fu, fv, key=key)
        H._succ[fu][fv][key] = FoldedEdgeData(data, u, v)  # type: ignore[attr-defined]
    return H


def fold_edges(G: EventGraph, edges: Iterable[Edge], states: Mapping[str, ActorNode]) -> list[Edge]:
    """Return ``edges`` (of ``G``) as the edges :func:`state_graph` makes of them.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node(2, name="Narendra Modi", type="person", country="IND", role="prime minister")
    >>> G.add_node(3, name="Justin Trudeau", type="person", country="CAN", role="prime minister")
    >>> india = ActorNode(1, "India", "country", "IND", None)
    >>> fold_edges(G, [(2, 3, 7, {"cameo": "040"})], {"IND": india})
    [(1, 3, 7, {'cameo': '040', 'source_actor': 2, 'target_actor': 3})]
    """
    folded: list[Edge] = []
    for u, v, key, data in edges:
        su, sv = member_of(G, u), member_of(G, v)
        fu = states[su].id if su is not None and su in states else u
        fv = states[sv].id if sv is not None and sv in states else v
        folded.append((fu, fv, key, FoldedEdgeData(data, u, v)))
    return folded


def add_state_edges(
    H: EventGraph, G: EventGraph, edges: Iterable[Edge], states: Mapping[str, ActorNode]
) -> list[Edge]:
    """Add to the state view ``H`` of ``G`` the edges ``edges`` (new in ``G``), folded;
    return them as added.

    Safe while other threads read ``H`` (copy-on-write, see :mod:`graph.live`): this is
    how a state view follows the live graph.
    """
    added = fold_edges(G, edges, states)
    state_ids = {state.id for state in states.values()}
    fresh: dict[NodeId, dict[str, Any]] = {}
    for u, v, _key, _data in added:
        for n in (u, v):
            if n not in state_ids:
                fresh[n] = G.nodes[n]
    if fresh:
        add_nodes(H, fresh)
    for u, v, key, data in added:
        add_edge(H, u, v, key, data)
    return added
