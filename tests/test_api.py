"""HTTP API through TestClient on a migrated temporary database."""

from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from core.db import transaction
from core.models import ArticleRow, EventRow
from ingest.persist import persist
from tests.factories import ASSAD, EGYPT, PUTIN, make_article, make_event

TEXT = "Putin met Assad in Damascus.\nPutin criticized Egypt."


def _fill(factory: sessionmaker[Session]) -> int:
    article = make_article(
        TEXT,
        [
            make_event(PUTIN, ASSAD, sentence_index=0, sentence="Putin met Assad in Damascus."),
            make_event(
                PUTIN,
                EGYPT,
                cameo="111",
                sentence_index=1,
                sentence="Putin criticized Egypt.",
                when=date(2017, 12, 12),
            ),
        ],
    )
    with transaction(factory) as session:
        return persist(session, article).article_id


def test_health_counts_events(client: TestClient, session_factory: sessionmaker[Session]) -> None:
    _fill(session_factory)
    assert client.get("/health").json() == {"status": "ok", "database": "ok", "events": 2}


def test_who_met_whom_lists_assad_with_evidence(
    client: TestClient, session_factory: sessionmaker[Session]
) -> None:
    _fill(session_factory)
    body = client.get("/graph/who-met-whom", params={"actor": "putin"}).json()
    assert body["actor"]["name"] == "Vladimir Putin"
    assert [(p["a"]["name"], p["b"]["name"], p["count"]) for p in body["pairs"]] == [
        ("Vladimir Putin", "Bashar al-Assad", 1)
    ]
    assert [e["sentence"] for e in body["pairs"][0]["evidence"]] == ["Putin met Assad in Damascus."]


def test_who_met_whom_date_filter_excludes(
    client: TestClient, session_factory: sessionmaker[Session]
) -> None:
    _fill(session_factory)
    body = client.get("/graph/who-met-whom", params={"since": "2018-01-01"}).json()
    assert body == {"actor": None, "pairs": []}


def test_unknown_actor_is_404(client: TestClient, session_factory: sessionmaker[Session]) -> None:
    _fill(session_factory)
    response = client.get("/graph/who-met-whom", params={"actor": "Nobody"})
    assert (response.status_code, response.json()) == (404, {"detail": "unknown actor 'Nobody'"})


def test_bad_date_is_422(client: TestClient) -> None:
    assert client.get("/events", params={"since": "yesterday-ish"}).status_code == 422


def test_events_filter_by_code_prefix_and_pagination(
    client: TestClient, session_factory: sessionmaker[Session]
) -> None:
    _fill(session_factory)
    body = client.get("/events", params={"code": "11"}).json()
    assert (body["total"], [e["cameo"] for e in body["items"]]) == (1, ["111"])
    page = client.get("/events", params={"limit": 1, "offset": 1}).json()
    assert (page["total"], page["limit"], page["offset"], len(page["items"])) == (2, 1, 1, 1)


def test_event_evidence_view(client: TestClient, session_factory: sessionmaker[Session]) -> None:
    article_id = _fill(session_factory)
    first = client.get("/events").json()["items"][0]
    body = client.get(f"/events/{first['id']}").json()
    assert body["article"] == {
        "id": article_id,
        "title": "T",
        "url": None,
        "published": "2017-12-11",
    }
    assert body["sentence"] == "Putin met Assad in Damascus."
    assert client.get("/events/999").status_code == 404


def test_actor_search_by_alias_prefix_and_detail(
    client: TestClient, session_factory: sessionmaker[Session]
) -> None:
    _fill(session_factory)
    items = client.get("/actors", params={"q": "PUT"}).json()["items"]
    assert [a["name"] for a in items] == ["Vladimir Putin"]
    detail = client.get(f"/actors/{items[0]['id']}").json()
    assert (detail["aliases"], detail["events_as_source"], detail["events_as_target"]) == (
        ["putin", "vladimir putin"],
        2,
        0,
    )
    assert client.get("/actors/999").status_code == 404


def test_ambiguous_actor_is_409(client: TestClient, session_factory: sessionmaker[Session]) -> None:
    other = make_article(
        "Kim met Kim.",
        [
            make_event(
                PUTIN.__class__("Kim Jong Un", "person", "PRK", None, ("Kim",)),
                PUTIN.__class__("Kim Yo Jong", "person", "PRK", None, ("Kim",)),
            )
        ],
    )
    with transaction(session_factory) as session:
        persist(session, other)
    response = client.get("/events", params={"actor": "Kim"})
    assert response.status_code == 409
    assert "ambiguous" in response.json()["detail"]


def test_articles_list_and_detail(
    client: TestClient, session_factory: sessionmaker[Session]
) -> None:
    article_id = _fill(session_factory)
    listing = client.get("/articles").json()
    assert (listing["total"], listing["items"][0]["events"]) == (1, 2)
    detail = client.get(f"/articles/{article_id}").json()
    assert [(s["index"], s["start"], s["end"]) for s in detail["sentences"]] == [
        (0, 0, 28),
        (1, 29, 52),
    ]
    assert len(detail["events"]) == 2
    assert client.get("/articles/999").json() == {"detail": "no article with id 999"}


def test_empty_article_is_422_and_writes_nothing(
    client: TestClient, session_factory: sessionmaker[Session]
) -> None:
    response = client.post("/articles", json={"text": "   \n ", "published": "2017-12-11"})
    assert response.status_code == 422
    assert "the article text is empty" in response.text
    with session_factory() as session:
        assert session.scalar(select(func.count()).select_from(ArticleRow)) == 0


@pytest.mark.slow
def test_post_article_extracts_and_is_idempotent(
    client: TestClient, session_factory: sessionmaker[Session]
) -> None:
    text = "Russian President Vladimir Putin met Syrian President Bashar al-Assad in Damascus."
    first = client.post("/articles", json={"text": text, "published": "2017-12-11"})
    assert first.status_code == 201
    body = first.json()
    assert [(e["source"]["name"], e["target"]["name"], e["cameo"]) for e in body["events"]] == [
        ("Vladimir Putin", "Bashar al-Assad", "040")
    ]
    again = client.post("/articles", json={"text": text, "published": "2017-12-11"})
    assert (again.status_code, again.json()["article_id"], again.json()["created"]) == (
        200,
        body["article_id"],
        False,
    )
    pairs = client.get("/graph/who-met-whom", params={"actor": "Putin"}).json()["pairs"]
    assert [(p["b"]["name"], p["evidence"][0]["sentence"]) for p in pairs] == [
        ("Bashar al-Assad", text)
    ]
    with session_factory() as session:
        assert session.scalar(select(func.count()).select_from(EventRow)) == 1
