"""GET /events (filters, pagination, actor resolution) and GET /events/{id}."""

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from diplograph.ingest.types import ActorRef
from tests.factories import (
    ASSAD,
    EGYPT,
    PUTIN,
    actor_json,
    make_article,
    make_event,
    store,
    world,
)

KIM_JONG_UN = ActorRef("Kim Jong Un", "person", "PRK", "supreme leader", ("Kim",))
KIM_YO_JONG = ActorRef("Kim Yo Jong", "person", "PRK", "spokesperson", ("Kim",))


@pytest.fixture
def filled(session_factory: sessionmaker[Session]) -> None:
    """Store the six events of ``tests.factories.world``."""
    store(session_factory, *world())


def ids(client: TestClient, **params: str | int) -> tuple[int, list[int]]:
    """Return the total and the event ids of GET /events with ``params``."""
    body = client.get("/events", params=params).json()
    return body["total"], [e["id"] for e in body["items"]]


@pytest.mark.usefixtures("filled")
def test_one_page_of_events_in_full(client: TestClient) -> None:
    assert client.get("/events", params={"code": "111"}).json() == {
        "total": 1,
        "limit": 100,
        "offset": 0,
        "items": [
            {
                "id": 2,
                "article_id": 1,
                "source": actor_json(1, PUTIN),
                "target": actor_json(3, EGYPT),
                "action": "criticize",
                "cameo": "111",
                "goldstein": 1.0,
                "quad_class": 1,
                "negated": False,
                "modality": "asserted",
                "date": "2017-12-11",
                "location": None,
                "trigger": "criticized",
                "sentence": "Putin criticized Egypt.",
                "sentence_index": 1,
                "confidence": 0.9,
                "num_mentions": 1,
                "num_articles": 1,
                "num_sources": 1,
            }
        ],
        "mentions": 1,
        "actor_ids": None,
        "hint": None,
    }


@pytest.mark.usefixtures("filled")
def test_all_events_by_date_then_id_undated_last(client: TestClient) -> None:
    assert ids(client) == (6, [1, 2, 4, 3, 6, 5])


@pytest.mark.usefixtures("filled")
@pytest.mark.parametrize("actor", ["1", "Vladimir Putin", "vladimir PUTIN", "putin", "PUTIN"])
def test_actor_by_id_name_or_alias_any_case(client: TestClient, actor: str) -> None:
    assert ids(client, actor=actor) == (4, [1, 2, 3, 6])


@pytest.mark.usefixtures("filled")
def test_actor_by_a_place_alias(client: TestClient) -> None:
    assert ids(client, actor="cairo") == (1, [2])


@pytest.mark.usefixtures("filled")
@pytest.mark.parametrize(
    ("code", "expected"),
    [("04", (5, [1, 4, 3, 6, 5])), ("043", (1, [3])), ("1", (1, [2])), ("19", (0, []))],
)
def test_code_is_a_cameo_prefix(
    client: TestClient, code: str, expected: tuple[int, list[int]]
) -> None:
    assert ids(client, code=code) == expected


@pytest.mark.usefixtures("filled")
def test_date_range_is_inclusive_and_drops_undated_events(client: TestClient) -> None:
    assert ids(client, since="2017-12-12") == (2, [3, 6])
    assert ids(client, until="2017-12-11") == (3, [1, 2, 4])
    assert ids(client, since="2017-12-11", until="2017-12-12") == (4, [1, 2, 4, 3])


@pytest.mark.usefixtures("filled")
def test_filters_combine(client: TestClient) -> None:
    assert ids(client, actor="Assad", code="04", since="2017-12-11") == (3, [1, 4, 6])


@pytest.mark.usefixtures("filled")
def test_pagination_keeps_the_total(client: TestClient) -> None:
    body = client.get("/events", params={"limit": 2, "offset": 1}).json()
    assert (body["total"], body["limit"], body["offset"], [e["id"] for e in body["items"]]) == (
        6,
        2,
        1,
        [2, 4],
    )
    assert ids(client, offset=6) == (6, [])


@pytest.mark.usefixtures("filled")
@pytest.mark.parametrize("actor", ["Nobody", "99"])
def test_unknown_actor_is_404(client: TestClient, actor: str) -> None:
    response = client.get("/events", params={"actor": actor})
    assert (response.status_code, response.json()) == (
        404,
        {"detail": f"unknown actor '{actor}'"},
    )


def test_ambiguous_actor_is_409_with_candidates(
    client: TestClient, session_factory: sessionmaker[Session]
) -> None:
    store(session_factory, make_article("Kim met Kim.", [make_event(KIM_JONG_UN, KIM_YO_JONG)]))
    response = client.get("/events", params={"actor": "kim"})
    assert (response.status_code, response.json()) == (
        409,
        {
            "detail": "actor 'kim' is ambiguous: use one of the candidates' ids",
            "candidates": [actor_json(1, KIM_JONG_UN), actor_json(2, KIM_YO_JONG)],
        },
    )
    assert ids(client, actor="Kim Yo Jong") == (1, [1])


@pytest.mark.parametrize(
    "params",
    [
        {"since": "yesterday"},
        {"until": "2017-13-01"},
        {"code": "04a"},
        {"code": "12345"},
        {"actor": ""},
        {"limit": 0},
        {"limit": 1001},
        {"offset": -1},
    ],
)
def test_bad_parameters_are_422(client: TestClient, params: dict[str, str | int]) -> None:
    response = client.get("/events", params=params)
    assert (response.status_code, [e["loc"][1] for e in response.json()["detail"]]) == (
        422,
        list(params),
    )


@pytest.mark.usefixtures("filled")
def test_one_event_with_its_evidence(client: TestClient) -> None:
    assert client.get("/events/1").json() == {
        "id": 1,
        "article_id": 1,
        "source": actor_json(1, PUTIN),
        "target": actor_json(2, ASSAD),
        "action": "meet",
        "cameo": "040",
        "goldstein": 1.0,
        "quad_class": 1,
        "negated": False,
        "modality": "asserted",
        "date": "2017-12-11",
        "location": "Latakia",
        "trigger": "met",
        "sentence": "Putin met Assad in Latakia.",
        "sentence_index": 0,
        "confidence": 0.9,
        "num_mentions": 1,
        "num_articles": 1,
        "num_sources": 1,
        "article": {
            "id": 1,
            "title": "Putin in Syria",
            "url": "https://example.org/putin-syria",
            "published": "2017-12-11",
        },
        "mentions": [
            {
                "article_id": 1,
                "article_title": "Putin in Syria",
                "published": "2017-12-11",
                "sentence_index": 0,
                "sentence": "Putin met Assad in Latakia.",
                "trigger": "met",
                "date": "2017-12-11",
                "confidence": 0.9,
            }
        ],
    }


def test_unknown_event_is_404(client: TestClient) -> None:
    response = client.get("/events/999")
    assert (response.status_code, response.json()) == (404, {"detail": "no event with id 999"})
