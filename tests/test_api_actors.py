"""GET /actors (prefix search) and GET /actors/{id}."""

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from diplograph.ingest.types import ActorRef
from tests.factories import (
    ASSAD,
    EGYPT,
    ERDOGAN,
    PUTIN,
    actor_json,
    make_article,
    make_event,
    store,
    world,
)

PUTIN_DETAIL = {
    **actor_json(1, PUTIN),
    "aliases": ["putin", "vladimir putin"],
    "events_as_source": 2,
    "events_as_target": 2,
    "claims": [],
}
ASSAD_DETAIL = {
    **actor_json(2, ASSAD),
    "aliases": ["assad", "bashar al assad", "bashar assad"],
    "events_as_source": 2,
    "events_as_target": 2,
    "claims": [],
}
EGYPT_DETAIL = {
    **actor_json(3, EGYPT),
    "aliases": ["cairo", "egypt"],
    "events_as_source": 0,
    "events_as_target": 1,
    "claims": [],
}
ERDOGAN_DETAIL = {
    **actor_json(4, ERDOGAN),
    "aliases": ["erdogan", "recep tayyip erdogan", "tayyip erdogan"],
    "events_as_source": 2,
    "events_as_target": 1,
    "claims": [],
}


@pytest.fixture(autouse=True)
def filled(session_factory: sessionmaker[Session]) -> None:
    """Store the six events of ``tests.factories.world``."""
    store(session_factory, *world())


def test_search_by_alias_prefix_any_case(client: TestClient) -> None:
    assert client.get("/actors", params={"q": "ASS"}).json() == {
        "total": 1,
        "limit": 50,
        "offset": 0,
        "items": [ASSAD_DETAIL],
    }


@pytest.mark.parametrize(
    ("q", "names"),
    [
        ("vlad", ["Vladimir Putin"]),
        ("Recep T", ["Recep Tayyip Erdogan"]),
        ("bashar al-", ["Bashar al-Assad"]),
        ("cai", ["Egypt"]),
        ("e", ["Egypt", "Recep Tayyip Erdogan"]),
        ("zz", []),
    ],
)
def test_search_matches_names_and_aliases(client: TestClient, q: str, names: list[str]) -> None:
    body = client.get("/actors", params={"q": q}).json()
    assert (body["total"], [a["name"] for a in body["items"]]) == (len(names), names)


def test_without_q_every_actor_by_name_paginated(client: TestClient) -> None:
    assert client.get("/actors").json()["items"] == [
        ASSAD_DETAIL,
        EGYPT_DETAIL,
        ERDOGAN_DETAIL,
        PUTIN_DETAIL,
    ]
    assert client.get("/actors", params={"limit": 2, "offset": 1}).json() == {
        "total": 4,
        "limit": 2,
        "offset": 1,
        "items": [EGYPT_DETAIL, ERDOGAN_DETAIL],
    }


def test_one_actor_with_aliases_and_counts(client: TestClient) -> None:
    assert client.get("/actors/1").json() == PUTIN_DETAIL


def test_unknown_actor_is_404(client: TestClient) -> None:
    response = client.get("/actors/99")
    assert (response.status_code, response.json()) == (404, {"detail": "no actor with id 99"})


def test_actor_id_must_be_a_number(client: TestClient) -> None:
    assert client.get("/actors/putin").status_code == 422


def test_search_with_punctuation_only_matches_nothing(client: TestClient) -> None:
    body = client.get("/actors", params={"q": "%"}).json()
    assert (body["total"], body["items"]) == (0, [])


@pytest.mark.parametrize(
    ("q", "names"),
    [
        ("Путин", ["Владимир Путин"]),
        ("владимир", ["Владимир Путин"]),
        ("ВЛАД", ["Владимир Путин"]),
        ("محمد", ["محمد بن سلمان"]),
    ],
)
def test_cyrillic_and_arabic_names_are_searchable(
    client: TestClient, session_factory: sessionmaker[Session], q: str, names: list[str]
) -> None:
    putin_ru = ActorRef("Владимир Путин", "person", "RUS", "president", ("Путин",))
    mbs = ActorRef("محمد بن سلمان", "person", "SAU", "crown prince", ())
    store(session_factory, make_article("Путин встретился.", [make_event(putin_ru, mbs)]))
    found = client.get("/actors", params={"q": q}).json()["items"]
    assert [a["name"] for a in found] == names


def test_a_cyrillic_name_names_an_actor_in_event_filters(
    client: TestClient, session_factory: sessionmaker[Session]
) -> None:
    putin_ru = ActorRef("Владимир Путин", "person", "RUS", "president", ("Путин",))
    store(session_factory, make_article("Путин встретился.", [make_event(putin_ru, ASSAD)]))
    answer = client.get("/events", params={"actor": "путин"}).json()
    assert [e["source"]["name"] for e in answer["items"]] == ["Владимир Путин"]
