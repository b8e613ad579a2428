"""Each graph build warms the derived results the first requests would otherwise compute on
their path: the actor graph's meeting index and degree counts always, and after a rebuild
the views and indexes the replaced graph held."""

from collections.abc import Hashable
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from diplograph.app.graph_params import MeetingIndex, states_view
from diplograph.graph.cache import GraphCache, GraphSnapshot
from diplograph.graph.degree import DegreeCounts, add_degree_edges
from diplograph.graph.filters import DEFAULT_FILTER, EdgeFilter, kept_edges
from diplograph.graph.queries import meeting_index
from diplograph.graph.records import ActorNode, EventGraph
from diplograph.graph.states import state_graph
from tests.factories import graph_world, store

EGYPT = ActorNode(4, "Egypt", "country", "EGY", None)
"""The state actor of ``graph_world`` (id 4), as a request naming it resolves it."""


def memoized(snapshot: GraphSnapshot, key: Hashable) -> Any:
    """Return the result memoized under ``key`` (failing if it is not there)."""

    def missing() -> None:
        raise AssertionError(f"{key} was not warmed")

    return snapshot.memo(key, missing)


def index_form(index: MeetingIndex) -> dict[object, list[tuple[object, object, int]]]:
    """Return a meeting index as plain (source, target, event id) lists."""
    return {n: [(u, v, k) for u, v, k, _ in edges] for n, edges in index.items()}


def edge_form(G: EventGraph) -> list[tuple[object, object, int, dict[str, Any]]]:
    """Return the edges of ``G`` with their attributes as plain dicts, sorted."""
    return sorted(((u, v, k, dict(d)) for u, v, k, d in G.edges(keys=True, data=True)), key=repr)


def served(app: FastAPI) -> GraphSnapshot:
    """Return the snapshot the app's cache serves once its first build ended."""
    cache: GraphCache = app.state.graph_cache
    assert cache.wait(30)
    assert cache.served is not None
    return cache.served


def test_a_build_warms_the_meeting_index_and_degree_counts(
    app: FastAPI, session_factory: sessionmaker[Session]
) -> None:
    store(session_factory, *graph_world())
    with TestClient(app) as client:
        snapshot = served(app)  # no graph request made yet
        G = snapshot.graph
        assert (snapshot.computed, snapshot.memo_keys()) == (
            2,
            [("meetings", "actor"), ("degree", "actor", DEFAULT_FILTER)],
        )
        assert index_form(memoized(snapshot, ("meetings", "actor"))) == index_form(meeting_index(G))
        cold = add_degree_edges(DegreeCounts(), kept_edges(G, DEFAULT_FILTER))
        assert memoized(snapshot, ("degree", "actor", DEFAULT_FILTER)) == cold
        client.get("/graph/who-met-whom", params={"actor": "Putin"}).raise_for_status()
        client.get("/graph/centrality").raise_for_status()
    # only the ranking made from the warmed counts was computed on a request's path
    assert snapshot.computed == 3


def test_a_rebuild_warms_the_views_the_replaced_graph_held(
    app: FastAPI, session_factory: sessionmaker[Session]
) -> None:
    store(session_factory, *graph_world())
    codes = EdgeFilter(codes=("04",))
    asked: list[tuple[str, dict[str, str]]] = [
        ("/graph/who-met-whom", {"actor": "Egypt"}),  # a state: its state view
        ("/graph/who-met-whom", {"actor": "Assad", "level": "country"}),
        ("/graph/centrality", {"codes": "04"}),
    ]
    with TestClient(app) as client:
        old = served(app)
        answers = [client.get(path, params=params).json() for path, params in asked]
        cache: GraphCache = app.state.graph_cache
        cache.invalidate()
        with app.state.session_factory() as session:
            new = cache.snapshot(session)  # waits for the new build, computes nothing
        warmed = new.memo_keys()
        computed = new.computed
        again = [client.get(path, params=params).json() for path, params in asked]
    assert (new is not old, cache.builds) == (True, 2)
    states = {"EGY": EGYPT}
    assert {
        ("meetings", "actor"),
        ("degree", "actor", DEFAULT_FILTER),
        ("states", frozenset(states.items())),
        ("meetings", "actor", "EGY"),
        ("level", "country"),
        ("meetings", "country"),
        ("degree", "actor", codes),
    } <= set(warmed)
    view = states_view(new, "actor", states)
    assert edge_form(view) == edge_form(state_graph(new.graph, states))
    assert index_form(memoized(new, ("meetings", "actor", "EGY"))) == index_form(
        meeting_index(view)
    )
    country = memoized(new, ("level", "country"))
    assert index_form(memoized(new, ("meetings", "country"))) == index_form(meeting_index(country))
    cold = add_degree_edges(DegreeCounts(), kept_edges(new.graph, codes))
    assert memoized(new, ("degree", "actor", codes)) == cold
    # the same answers; on the requests' path only the degree ranking was computed
    assert (again, new.computed - computed) == (answers, 1)
