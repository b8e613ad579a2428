"""GET /graph/who-met-whom on the cached graph."""

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from diplograph.app.deps import get_ingester
from diplograph.ingest.types import ActorRef
from tests.factories import (
    ASSAD,
    EGYPT,
    ERDOGAN,
    PUTIN,
    actor_json,
    fake_ingester,
    make_article,
    make_event,
    store,
    world,
)

MET = {
    "event_id": 1,
    "date": "2017-12-11",
    "sentence": "Putin met Assad in Latakia.",
    "trigger": "met",
    "article_id": 1,
    "mentions": 1,
    "articles": 1,
}
HOSTED = {
    "event_id": 3,
    "date": "2017-12-12",
    "sentence": "Erdogan hosted Putin in Ankara.",
    "trigger": "hosted",
    "article_id": 1,
    "mentions": 1,
    "articles": 1,
}
VISITED = {
    "event_id": 6,
    "date": "2018-05-17",
    "sentence": "Assad visited Putin in Sochi.",
    "trigger": "visited",
    "article_id": 2,
    "mentions": 1,
    "articles": 1,
}

NO_PAIRS = {"level": "actor", "actor": None, "pairs": [], "total": 0, "limit": 100, "offset": 0}


@pytest.fixture
def filled(session_factory: sessionmaker[Session]) -> None:
    """Store the six events of ``tests.factories.world``."""
    store(session_factory, *world())


@pytest.mark.usefixtures("filled")
def test_every_pair_most_meetings_first(client: TestClient) -> None:
    assert client.get("/graph/who-met-whom").json() == {
        "level": "actor",
        "actor": None,
        "pairs": [
            {
                "a": actor_json(2, ASSAD),
                "b": actor_json(1, PUTIN),
                "count": 2,
                "mentions": 2,
                "first_date": "2017-12-11",
                "last_date": "2018-05-17",
                "evidence": [MET, VISITED],
            },
            {
                "a": actor_json(4, ERDOGAN),
                "b": actor_json(1, PUTIN),
                "count": 1,
                "mentions": 1,
                "first_date": "2017-12-12",
                "last_date": "2017-12-12",
                "evidence": [HOSTED],
            },
        ],
        "total": 2,
        "limit": 100,
        "offset": 0,
    }


@pytest.mark.usefixtures("filled")
def test_pairs_around_an_actor_named_by_alias(client: TestClient) -> None:
    assert client.get("/graph/who-met-whom", params={"actor": "Putin"}).json() == {
        "level": "actor",
        "actor": actor_json(1, PUTIN),
        "pairs": [
            {
                "a": actor_json(1, PUTIN),
                "b": actor_json(2, ASSAD),
                "count": 2,
                "mentions": 2,
                "first_date": "2017-12-11",
                "last_date": "2018-05-17",
                "evidence": [MET, VISITED],
            },
            {
                "a": actor_json(1, PUTIN),
                "b": actor_json(4, ERDOGAN),
                "count": 1,
                "mentions": 1,
                "first_date": "2017-12-12",
                "last_date": "2017-12-12",
                "evidence": [HOSTED],
            },
        ],
        "total": 2,
        "limit": 100,
        "offset": 0,
    }


@pytest.mark.usefixtures("filled")
def test_negated_and_intended_meetings_do_not_count(client: TestClient) -> None:
    body = client.get("/graph/who-met-whom", params={"actor": "erdogan"}).json()
    assert [(p["b"]["name"], p["count"]) for p in body["pairs"]] == [("Vladimir Putin", 1)]


@pytest.mark.usefixtures("filled")
def test_date_range(client: TestClient) -> None:
    since = client.get("/graph/who-met-whom", params={"since": "2018-01-01"}).json()
    until = client.get("/graph/who-met-whom", params={"actor": "1", "until": "2017-12-11"}).json()
    assert since["pairs"] == [
        {
            "a": actor_json(2, ASSAD),
            "b": actor_json(1, PUTIN),
            "count": 1,
            "mentions": 1,
            "first_date": "2018-05-17",
            "last_date": "2018-05-17",
            "evidence": [VISITED],
        }
    ]
    assert until["pairs"] == [
        {
            "a": actor_json(1, PUTIN),
            "b": actor_json(2, ASSAD),
            "count": 1,
            "mentions": 1,
            "first_date": "2017-12-11",
            "last_date": "2017-12-11",
            "evidence": [MET],
        }
    ]


@pytest.mark.usefixtures("filled")
def test_an_actor_who_met_nobody(client: TestClient) -> None:
    assert client.get("/graph/who-met-whom", params={"actor": "Egypt"}).json() == {
        "level": "actor",
        "actor": actor_json(3, EGYPT),
        "pairs": [],
        "total": 0,
        "limit": 100,
        "offset": 0,
    }


def test_empty_store(client: TestClient) -> None:
    assert client.get("/graph/who-met-whom").json() == NO_PAIRS


@pytest.mark.usefixtures("filled")
def test_unknown_actor_is_404(client: TestClient) -> None:
    response = client.get("/graph/who-met-whom", params={"actor": "Nobody"})
    assert (response.status_code, response.json()) == (404, {"detail": "unknown actor 'Nobody'"})


def test_ambiguous_actor_is_409(client: TestClient, session_factory: sessionmaker[Session]) -> None:
    hamad = ActorRef("Hamad bin Jassim", "person", "QAT", None, ("Sheikh Hamad",))
    hamad_bahrain = ActorRef(
        "King Hamad bin Isa Al Khalifa", "person", "BHR", "king", ("Sheikh Hamad",)
    )
    store(session_factory, make_article("They met.", [make_event(hamad, hamad_bahrain)]))
    response = client.get("/graph/who-met-whom", params={"actor": "sheikh hamad"})
    assert (response.status_code, response.json()) == (
        409,
        {
            "detail": "actor 'sheikh hamad' is ambiguous: use one of the candidates' ids",
            "candidates": [actor_json(1, hamad), actor_json(2, hamad_bahrain)],
        },
    )


@pytest.mark.parametrize("params", [{"since": "2017-02-30"}, {"until": "soon"}, {"actor": ""}])
def test_bad_parameters_are_422(client: TestClient, params: dict[str, str]) -> None:
    assert client.get("/graph/who-met-whom", params=params).status_code == 422


def test_new_events_reach_the_cached_graph(app: FastAPI, client: TestClient) -> None:
    app.dependency_overrides[get_ingester] = lambda: fake_ingester([make_event(PUTIN, ASSAD)])
    assert client.get("/graph/who-met-whom").json() == NO_PAIRS
    client.post("/articles", json={"text": "Putin met Assad.", "published": "2017-12-11"})
    pairs = client.get("/graph/who-met-whom").json()["pairs"]
    assert [(p["a"]["name"], p["b"]["name"], p["count"]) for p in pairs] == [
        ("Bashar al-Assad", "Vladimir Putin", 1)
    ]
    assert app.state.graph_cache.builds == 1  # applied in place, not rebuilt


@pytest.mark.usefixtures("filled")
def test_pairs_come_in_pages_with_the_total(client: TestClient) -> None:
    every = client.get("/graph/who-met-whom").json()["pairs"]
    first = client.get("/graph/who-met-whom", params={"limit": 1}).json()
    second = client.get("/graph/who-met-whom", params={"limit": 1, "offset": 1}).json()
    beyond = client.get("/graph/who-met-whom", params={"offset": 5}).json()
    assert (first["pairs"], second["pairs"], beyond["pairs"]) == ([every[0]], [every[1]], [])
    assert [(b["total"], b["limit"], b["offset"]) for b in (first, second, beyond)] == [
        (2, 1, 0),
        (2, 1, 1),
        (2, 100, 5),
    ]
    assert client.get("/graph/who-met-whom", params={"limit": 0}).status_code == 422
    assert client.get("/graph/who-met-whom", params={"limit": 10_001}).status_code == 422


def test_graph_answers_say_how_current_the_graph_is(app: FastAPI, client: TestClient) -> None:
    app.dependency_overrides[get_ingester] = lambda: fake_ingester([make_event(PUTIN, ASSAD)])
    client.post("/articles", json={"text": "Putin met Assad.", "published": "2017-12-11"})
    response = client.get("/graph/who-met-whom")
    headers = {k: response.headers[k] for k in ("x-graph-through", "x-graph-stale-seconds")}
    assert (headers, "x-graph-through" in client.get("/health").headers) == (
        {"x-graph-through": "1", "x-graph-stale-seconds": "0.000"},
        False,
    )
