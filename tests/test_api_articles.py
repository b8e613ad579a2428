"""POST /articles, GET /articles, GET /articles/{id}."""

from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from diplograph.app.convert import as_utc
from diplograph.app.deps import get_ingester
from diplograph.core.models import ActorAliasRow, ActorRow, ArticleRow, EventRow, SentenceRow
from diplograph.core.names import normalize_name
from diplograph.core.repositories import articles
from diplograph.ingest.persist import PersistResult, persist
from diplograph.ingest.types import ArticleInput
from tests.factories import (
    ASSAD,
    PUTIN,
    actor_json,
    fake_ingester,
    make_article,
    make_event,
    store,
)

BODY = {
    "text": "Putin met Assad.",
    "published": "2017-12-11",
    "title": "Meeting",
    "url": "https://example.org/m",
}
EVENT = {
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
    "location": None,
    "trigger": "met",
    "sentence": "Putin met Assad.",
    "sentence_index": 0,
    "confidence": 0.9,
    "num_mentions": 1,
    "num_articles": 1,
    "num_sources": 1,
}

ONE_MEETING = {"articles": 1, "sentences": 1, "actors": 2, "aliases": 5, "events": 1}
"""What the store holds after BODY is ingested with the ``met`` fixture."""


def counts(factory: sessionmaker[Session]) -> dict[str, int]:
    """Return the number of rows of every table an ingest writes to."""
    models = {
        "articles": ArticleRow,
        "sentences": SentenceRow,
        "actors": ActorRow,
        "aliases": ActorAliasRow,
        "events": EventRow,
    }
    with factory() as session:
        return {
            name: session.scalar(select(func.count()).select_from(model)) or 0
            for name, model in models.items()
        }


def ingested_at(factory: sessionmaker[Session], article_id: int) -> str:
    """Return the JSON form of the stored ingestion time of an article."""
    with factory() as session:
        stamp = session.get_one(ArticleRow, article_id).ingested_at
    return as_utc(stamp).isoformat().replace("+00:00", "Z")


@pytest.fixture
def met(app: FastAPI) -> None:
    """Make POST /articles "extract" Putin meeting Assad from any text."""
    app.dependency_overrides[get_ingester] = lambda: fake_ingester([make_event(PUTIN, ASSAD)])


@pytest.mark.usefixtures("met")
def test_post_stores_the_article_and_answers_201(
    client: TestClient, session_factory: sessionmaker[Session]
) -> None:
    response = client.post("/articles", json=BODY)
    assert (response.status_code, response.headers["location"]) == (201, "/articles/1")
    assert response.json() == {"article_id": 1, "created": True, "events": [EVENT]}
    assert counts(session_factory) == ONE_MEETING


@pytest.mark.usefixtures("met")
def test_reposting_the_same_text_answers_200_with_the_stored_article(
    client: TestClient, session_factory: sessionmaker[Session]
) -> None:
    client.post("/articles", json=BODY)
    before = counts(session_factory)
    again = client.post("/articles", json=BODY)
    padded = client.post("/articles", json={**BODY, "text": "  Putin met Assad.\n"})
    expected = {"article_id": 1, "created": False, "events": [EVENT]}
    assert (again.status_code, again.json()) == (200, expected)
    assert (padded.status_code, padded.json()) == (200, expected)
    assert counts(session_factory) == before


def miss_the_lookup_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the next "already stored?" lookup of an ingest answer None.

    As if a simultaneous request had not committed the same text yet when this
    one looked: the insert that follows collides with the stored article.
    """
    real = articles.get_by_hash
    missed: list[str] = []

    def lookup(session: Session, content_hash: str) -> ArticleRow | None:
        if not missed:
            missed.append(content_hash)
            return None
        return real(session, content_hash)

    monkeypatch.setattr(articles, "get_by_hash", lookup)


@pytest.mark.usefixtures("met")
def test_losing_a_race_to_store_the_same_text_answers_200_with_the_stored_article(
    client: TestClient, session_factory: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    client.post("/articles", json=BODY)
    before = counts(session_factory)
    miss_the_lookup_once(monkeypatch)
    loser = client.post("/articles", json=BODY)
    assert (loser.status_code, loser.json(), loser.headers.get("location")) == (
        200,
        {"article_id": 1, "created": False, "events": [EVENT]},
        "/articles/1",
    )
    assert counts(session_factory) == before == ONE_MEETING


@pytest.mark.usefixtures("met")
def test_simultaneous_posts_of_a_new_text_store_it_once(
    client: TestClient, session_factory: sessionmaker[Session]
) -> None:
    with ThreadPoolExecutor(max_workers=10) as pool:
        answers = list(pool.map(lambda _: client.post("/articles", json=BODY), range(10)))
    assert sorted((a.status_code, a.json()["article_id"]) for a in answers) == [
        *[(200, 1)] * 9,
        (201, 1),
    ]
    assert counts(session_factory) == ONE_MEETING


@pytest.mark.usefixtures("met")
def test_empty_text_is_422_and_writes_nothing(
    client: TestClient, session_factory: sessionmaker[Session]
) -> None:
    response = client.post("/articles", json={**BODY, "text": " \n\t "})
    assert (response.status_code, response.json()) == (
        422,
        {
            "detail": [
                {
                    "type": "blank_text",
                    "loc": ["body", "text"],
                    "msg": "the article text is empty or only whitespace",
                    "input": " \n\t ",
                }
            ]
        },
    )
    assert counts(session_factory)["articles"] == 0


@pytest.mark.parametrize(
    ("body", "error_type", "loc"),
    [
        ({"text": "Putin met Assad."}, "missing", ["body", "published"]),
        ({"published": "2017-12-11"}, "missing", ["body", "text"]),
        ({**BODY, "published": "last Monday"}, "date_from_datetime_parsing", ["body", "published"]),
    ],
)
@pytest.mark.usefixtures("met")
def test_bad_body_is_422(
    client: TestClient, body: dict[str, str], error_type: str, loc: list[str]
) -> None:
    response = client.post("/articles", json=body)
    assert response.status_code == 422
    assert [(e["type"], e["loc"]) for e in response.json()["detail"]] == [(error_type, loc)]


def test_a_failing_ingest_writes_nothing(
    app: FastAPI, client: TestClient, session_factory: sessionmaker[Session]
) -> None:
    def persist_then_crash(session: Session, article: ArticleInput) -> PersistResult:
        persist(session, make_article(article.text, [make_event(PUTIN, ASSAD)]))
        raise RuntimeError("extractor crashed after writing")

    app.dependency_overrides[get_ingester] = lambda: persist_then_crash
    response = client.post("/articles", json=BODY)
    assert (response.status_code, response.json()) == (500, {"detail": "internal server error"})
    assert counts(session_factory) == {
        "articles": 0,
        "sentences": 0,
        "actors": 0,
        "aliases": 0,
        "events": 0,
    }


def test_list_is_newest_first_and_paginated(
    client: TestClient, session_factory: sessionmaker[Session]
) -> None:
    store(
        session_factory,
        make_article("Old.", published=date(2017, 12, 11), title="Old"),
        make_article("Undated.", published=None, title="Undated"),
        make_article(
            "New.",
            [make_event(PUTIN, ASSAD, sentence="New.")],
            published=date(2018, 5, 17),
            title="New",
        ),
    )
    page = client.get("/articles", params={"limit": 2, "offset": 0}).json()
    rest = client.get("/articles", params={"limit": 2, "offset": 2}).json()
    assert page == {
        "total": 3,
        "limit": 2,
        "offset": 0,
        "items": [
            {
                "id": 3,
                "title": "New",
                "url": None,
                "published": "2018-05-17",
                "ingested_at": ingested_at(session_factory, 3),
                "events": 1,
            },
            {
                "id": 1,
                "title": "Old",
                "url": None,
                "published": "2017-12-11",
                "ingested_at": ingested_at(session_factory, 1),
                "events": 0,
            },
        ],
    }
    assert (rest["total"], [a["id"] for a in rest["items"]]) == (3, [2])


def test_list_of_an_empty_store(client: TestClient) -> None:
    assert client.get("/articles").json() == {"total": 0, "limit": 50, "offset": 0, "items": []}


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 501}, {"offset": -1}])
def test_bad_pagination_is_422(client: TestClient, params: dict[str, int]) -> None:
    assert client.get("/articles", params=params).status_code == 422


@pytest.mark.usefixtures("met")
def test_one_article_with_sentences_and_events(
    client: TestClient, session_factory: sessionmaker[Session]
) -> None:
    client.post("/articles", json={**BODY, "text": "Putin met Assad.\nThey talked."})
    assert client.get("/articles/1").json() == {
        "id": 1,
        "title": "Meeting",
        "url": "https://example.org/m",
        "published": "2017-12-11",
        "ingested_at": ingested_at(session_factory, 1),
        "text": "Putin met Assad.\nThey talked.",
        "sentences": [
            {"index": 0, "paragraph": 0, "text": "Putin met Assad.", "start": 0, "end": 16},
            {"index": 1, "paragraph": 1, "text": "They talked.", "start": 17, "end": 29},
        ],
        "events": [EVENT],
    }


def test_unknown_article_is_404(client: TestClient) -> None:
    response = client.get("/articles/999")
    assert (response.status_code, response.json()) == (404, {"detail": "no article with id 999"})


@pytest.mark.slow
def test_real_article_shows_up_in_who_met_whom(client: TestClient) -> None:
    text = (
        "Russian President Vladimir Putin met with Syrian President Bashar al-Assad "
        "in Damascus on Monday."
    )
    posted = client.post("/articles", json={"text": text, "published": "2017-12-13"})
    assert (posted.status_code, posted.json()["created"]) == (201, True)
    body = client.get("/graph/who-met-whom", params={"actor": "Putin"}).json()
    [pair] = body["pairs"]
    assad = pair.pop("b")
    assert (normalize_name(assad["name"]), assad["country"]) == ("bashar al assad", "SYR")
    assert body == {
        "level": "actor",
        "actor": actor_json(1, PUTIN),
        "pairs": [
            {
                "a": actor_json(1, PUTIN),
                "count": 1,
                "mentions": 1,
                "first_date": "2017-12-11",
                "last_date": "2017-12-11",
                "evidence": [
                    {
                        "event_id": 1,
                        "date": "2017-12-11",
                        "sentence": text,
                        "trigger": "met with",
                        "article_id": 1,
                        "mentions": 1,
                        "articles": 1,
                    }
                ],
            }
        ],
        "total": 1,
        "limit": 100,
        "offset": 0,
    }
