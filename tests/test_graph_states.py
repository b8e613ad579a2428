"""State views: the members of states folded onto them, read off the edge columns, are the
views folded event by event."""

from dataclasses import replace
from typing import Any

import networkx as nx
from sqlalchemy.orm import Session, sessionmaker

from diplograph.graph.folded import FoldedPairEvents
from diplograph.graph.live import add_events
from diplograph.graph.load import load_graph, load_records
from diplograph.graph.queries import meeting_index
from diplograph.graph.records import ActorNode, EventGraph
from diplograph.graph.states import add_state_edges, state_graph
from tests.factories import graph_world, store

STATES = {
    "RUS": ActorNode(99, "Russia", "country", "RUS", None),
    "SYR": ActorNode(98, "Syria", "country", "SYR", None),
    "EGY": ActorNode(4, "Egypt", "country", "EGY", None),
}


def plain(G: EventGraph) -> EventGraph:
    """Return a copy of ``G`` whose edge attributes are plain dicts (no edge columns)."""
    H: EventGraph = nx.MultiDiGraph()
    H.add_nodes_from(G.nodes(data=True))
    H.add_edges_from((u, v, k, dict(d)) for u, v, k, d in G.edges(keys=True, data=True))
    return H


def form(G: EventGraph) -> tuple[list[Any], list[Any], list[Any]]:
    """Return ``G``'s nodes, edges and predecessors as they iterate, attributes as dicts."""
    nodes = [(n, dict(a)) for n, a in G.nodes(data=True)]
    edges = [(u, v, k, dict(d)) for u, v, k, d in G.edges(keys=True, data=True)]
    preds = [(n, list(G.pred[n])) for n in G]
    return nodes, edges, preds


def test_a_state_view_read_off_the_columns_is_the_view_folded_event_by_event(
    session_factory: sessionmaker[Session],
) -> None:
    store(session_factory, *graph_world())
    with session_factory() as session:
        G = load_graph(session)
        records = load_records(session)
    # Grown live: new events of pairs held as rows (then dicts) and a new self-loop of a
    # state (Sissi -> Egypt, both EGY).
    sissi_egypt = replace(records[4], id=105, target=records[3].target)
    add_events(G, [replace(records[0], id=101), replace(records[8], id=109), sissi_egypt])
    H = state_graph(G, STATES)
    expected = state_graph(plain(G), STATES)
    pairs = {type(keys) for _, out in H.adjacency() for keys in out.values()}
    assert form(H) == form(expected)
    assert pairs == {FoldedPairEvents}
    assert (H.number_of_edges(), H.edges[99, 98, 10]["target_actor"], 105 in H[4][4]) == (
        14,
        2,
        True,
    )
    assert (H[99][98].get(1) == expected[99][98][1], 3 in H[99][98], H[99][98].get(3)) == (
        True,
        False,
        None,
    )


def test_a_state_view_read_off_the_columns_grows_as_the_one_folded_event_by_event(
    session_factory: sessionmaker[Session],
) -> None:
    store(session_factory, *graph_world())
    with session_factory() as session:
        G = load_graph(session)
        records = load_records(session)
    H, expected = state_graph(G, STATES), state_graph(plain(G), STATES)
    added = add_events(G, [replace(records[0], id=101), replace(records[4], id=105)])
    add_state_edges(H, G, added, STATES)
    add_state_edges(expected, G, added, STATES)
    assert form(H) == form(expected)


def test_the_meeting_index_of_a_state_view_read_off_the_columns_is_the_one_read_edge_by_edge(
    session_factory: sessionmaker[Session],
) -> None:
    store(session_factory, *graph_world())
    with session_factory() as session:
        G = load_graph(session)
        records = load_records(session)
    add_events(G, [replace(records[0], id=101), replace(records[8], id=109)])
    H, expected = state_graph(G, STATES), state_graph(plain(G), STATES)

    def index_form(index: dict[Any, list[Any]]) -> dict[Any, list[Any]]:
        return {n: [(u, v, k, dict(d)) for u, v, k, d in e] for n, e in index.items()}

    columns = index_form(meeting_index(H))
    assert columns == index_form(meeting_index(expected))
    assert [k for _, _, k, _ in meeting_index(H)[99]] == [1, 101, 6, 9, 109, 3]
