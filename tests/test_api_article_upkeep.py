"""DELETE /articles/{id} and POST /articles/{id}/reextract, and what the graph routes see after."""

from collections.abc import Callable

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from diplograph.app.deps import get_reextractor
from diplograph.core.models import ActorRow, ArticleRow, EventRow, SentenceRow
from diplograph.ingest.persist import replace_extraction
from diplograph.ingest.service import ReextractResult, stored_input
from diplograph.ingest.types import ExtractedArticle
from diplograph.ingest.version import extractor_version
from tests.factories import ASSAD, EGYPT, PUTIN, line_sentences, make_article, make_event, store


def counts(factory: sessionmaker[Session]) -> dict[str, int]:
    """Return the number of articles, sentences, events and actors stored."""
    models = {
        "articles": ArticleRow,
        "sentences": SentenceRow,
        "events": EventRow,
        "actors": ActorRow,
    }
    with factory() as session:
        return {
            name: session.scalar(select(func.count()).select_from(model)) or 0
            for name, model in models.items()
        }


def partners(client: TestClient) -> list[tuple[str, list[int]]]:
    """Return Putin's who-met-whom partners with their evidence event ids."""
    body = client.get("/graph/who-met-whom", params={"actor": "Putin"}).json()
    return sorted(
        (pair["b"]["name"], sorted(e["event_id"] for e in pair["evidence"]))
        for pair in body["pairs"]
    )


@pytest.fixture
def two_articles(session_factory: sessionmaker[Session]) -> None:
    """Store article 1 (Putin met Assad, event 1) and article 2 (Putin met Egypt, event 2)."""
    store(
        session_factory,
        make_article("Putin met Assad.\nThey talked.", [make_event(PUTIN, ASSAD)]),
        make_article("Putin met Egypt.", [make_event(PUTIN, EGYPT, sentence="Putin met Egypt.")]),
    )


@pytest.mark.usefixtures("two_articles")
def test_delete_removes_the_article_and_the_graph_stops_counting_it(
    client: TestClient, session_factory: sessionmaker[Session]
) -> None:
    assert partners(client) == [("Bashar al-Assad", [1]), ("Egypt", [2])]  # graph now cached
    response = client.delete("/articles/1")
    assert (response.status_code, response.json()) == (
        200,
        {"article_id": 1, "deleted": True, "events_removed": 1},
    )
    # Event 1 was not the highest id: the cheap check alone would have kept the old graph.
    assert partners(client) == [("Egypt", [2])]
    assert client.get("/articles/1").status_code == 404
    assert client.get("/events/1").status_code == 404
    assert client.get("/events", params={"actor": "Assad"}).json()["total"] == 0
    assert counts(session_factory) == {"articles": 1, "sentences": 1, "events": 1, "actors": 3}


@pytest.mark.usefixtures("two_articles")
def test_delete_of_an_unknown_article_is_404_and_changes_nothing(
    client: TestClient, session_factory: sessionmaker[Session]
) -> None:
    before = counts(session_factory)
    response = client.delete("/articles/99")
    assert (response.status_code, response.json()) == (404, {"detail": "no article with id 99"})
    assert counts(session_factory) == before


def fixed_reextractor() -> Callable[[Session, int], ReextractResult | None]:
    """Return a re-extractor that "finds" Putin meeting Egypt in any stored article."""

    def reextract(session: Session, article_id: int) -> ReextractResult | None:
        article = stored_input(session, article_id)
        if article is None:
            return None
        found = ExtractedArticle(
            article,
            line_sentences(article.text),
            (make_event(PUTIN, EGYPT, cameo="036", action="express intent to meet"),),
        )
        removed, ids = replace_extraction(session, article_id, found, version="test-2")
        return ReextractResult(article_id, removed, ids, "test-2")

    return reextract


@pytest.mark.usefixtures("two_articles")
def test_reextract_replaces_the_events_and_records_the_version(
    app: FastAPI, client: TestClient, session_factory: sessionmaker[Session]
) -> None:
    app.dependency_overrides[get_reextractor] = lambda: fixed_reextractor()
    assert partners(client) == [("Bashar al-Assad", [1]), ("Egypt", [2])]
    response = client.post("/articles/1/reextract")
    assert response.status_code == 200
    body = response.json()
    assert (body["article_id"], body["extractor_version"], body["events_removed"]) == (
        1,
        "test-2",
        1,
    )
    assert [(e["id"], e["target"]["name"], e["cameo"]) for e in body["events"]] == [
        (3, "Egypt", "036")
    ]
    assert partners(client) == [("Egypt", [2])]  # 036 is not a meeting: Assad's pair is gone
    with session_factory() as session:
        stored = session.execute(
            select(EventRow.id, EventRow.article_id, EventRow.extractor_version).order_by(
                EventRow.id
            )
        ).all()
        article_version = session.get_one(ArticleRow, 1).extractor_version
    assert [tuple(row) for row in stored] == [(2, 2, extractor_version()), (3, 1, "test-2")]
    assert article_version == "test-2"
    assert counts(session_factory) == {"articles": 2, "sentences": 3, "events": 2, "actors": 3}


def test_reextract_of_an_unknown_article_is_404(app: FastAPI, client: TestClient) -> None:
    app.dependency_overrides[get_reextractor] = lambda: fixed_reextractor()
    response = client.post("/articles/5/reextract")
    assert (response.status_code, response.json()) == (404, {"detail": "no article with id 5"})


@pytest.mark.usefixtures("two_articles")
def test_a_later_article_telling_a_stored_meeting_shows_in_who_met_whom_without_a_rebuild(
    app: FastAPI, client: TestClient, session_factory: sessionmaker[Session]
) -> None:
    def meetings() -> list[tuple[str, int, int]]:
        body = client.get("/graph/who-met-whom", params={"actor": "Putin"}).json()
        return sorted((p["b"]["name"], p["count"], p["mentions"]) for p in body["pairs"])

    assert meetings() == [("Bashar al-Assad", 1, 1), ("Egypt", 1, 1)]  # graph now cached
    store(session_factory, make_article("Assad and Putin met.", [make_event(PUTIN, ASSAD)]))
    assert meetings() == [("Bashar al-Assad", 1, 2), ("Egypt", 1, 1)]
    assert app.state.graph_cache.builds == 1
