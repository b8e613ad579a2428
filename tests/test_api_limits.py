"""Bad or outsized input is refused with a 4xx and a short JSON body, never a 500."""

import csv
import io
import json
import threading
from collections.abc import Iterator
from datetime import date

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from diplograph.app.deps import get_ingester
from diplograph.app.extraction import ExtractionPool
from diplograph.app.main import create_app
from diplograph.core.settings import Settings
from diplograph.ingest.budget import check_budget
from diplograph.ingest.persist import PersistResult
from diplograph.ingest.types import ArticleInput
from tests.factories import ASSAD, PUTIN, fake_ingester, make_article, make_event, store

BODY = {"text": "Putin met Assad.", "published": "2017-12-11"}
HUGE_ID = "99999999999999999999"
ABOVE_INT64 = str(2**63)


@pytest.fixture
def small_app(database_url: str) -> FastAPI:
    """Return an app accepting bodies of 2,000 bytes and articles of 100 characters."""
    settings = Settings(
        database_url=database_url, max_body_bytes=2_000, max_article_chars=100, extract_seconds=5
    )
    app = create_app(settings)
    app.dependency_overrides[get_ingester] = lambda: fake_ingester([make_event(PUTIN, ASSAD)])
    return app


@pytest.fixture
def small(small_app: FastAPI) -> Iterator[TestClient]:
    """Return a client of ``small_app``."""
    with TestClient(small_app, raise_server_exceptions=False) as client:
        yield client


def test_a_body_over_the_limit_is_413_before_it_is_read(small: TestClient) -> None:
    response = small.post("/articles", json={**BODY, "text": "x" * 5_000})
    assert (response.status_code, response.json()) == (
        413,
        {"detail": "request body larger than 2000 bytes"},
    )


def test_a_chunked_body_over_the_limit_is_413(small: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(10):
            yield b"x" * 500
        yield b'", "published": "2017-12-11"}'

    response = small.post(
        "/articles", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413


def test_an_article_over_the_length_limit_is_413(small: TestClient) -> None:
    response = small.post("/articles", json={**BODY, "text": "Putin met Assad. " * 10})
    assert (response.status_code, response.json()) == (
        413,
        {"detail": "the article text is 170 characters long; at most 100 are accepted"},
    )


def test_an_extraction_past_its_time_budget_is_413(database_url: str) -> None:
    app = create_app(Settings(database_url=database_url, extract_seconds=0.0))

    def slow_ingest(session: Session, article: ArticleInput) -> PersistResult:
        check_budget()  # the budget of 0 s is spent as soon as extraction starts
        raise AssertionError("the budget did not stop the extraction")

    app.dependency_overrides[get_ingester] = lambda: slow_ingest
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.post("/articles", json=BODY)
    assert (response.status_code, response.json()) == (
        413,
        {"detail": "the article could not be extracted within 0 s; send it in shorter parts"},
    )


def test_a_validation_error_does_not_echo_a_large_input(small: TestClient) -> None:
    response = small.post("/articles", json={"text": "x" * 1_500})
    assert (response.status_code, response.json()) == (
        422,
        {"detail": [{"type": "missing", "loc": ["body", "published"], "msg": "Field required"}]},
    )


def test_a_validation_error_echoes_a_short_input(client: TestClient) -> None:
    response = client.get("/events", params={"limit": "many"})
    assert response.json()["detail"][0]["input"] == "many"


@pytest.mark.parametrize(
    "path",
    [
        f"/events?offset={ABOVE_INT64}",
        f"/articles?offset={ABOVE_INT64}",
        f"/actors?offset={ABOVE_INT64}",
        f"/articles/{HUGE_ID}",
        f"/events/{HUGE_ID}",
        f"/actors/{HUGE_ID}",
        "/events?since=0",
        "/events?until=20171211",
        "/events?since=0001-01-01",
        "/events?until=9999-12-31",
        "/graph/who-met-whom?since=0",
        "/graph/new-dyads?since=1",
        "/graph/centrality?min_confidence=nan",
    ],
)
def test_out_of_range_numbers_and_dates_are_422(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 422


@pytest.mark.parametrize(
    ("actor", "status"),
    [("²", 404), ("¹²³", 404), (HUGE_ID, 404), ("Путин", 404), ("\x00", 404)],
)
def test_odd_actor_references_are_not_found(client: TestClient, actor: str, status: int) -> None:
    assert client.get("/events", params={"actor": actor}).status_code == status


@pytest.mark.parametrize(
    ("field", "value", "error_type"),
    [
        ("text", "Putin met Assad \ud800 today.", "string_unicode"),
        ("title", "\udfff", "string_unicode"),
        ("published", "0001-01-01", "date_range"),
        ("published", "9999-12-31", "date_range"),
        ("published", 0, "date_from_datetime_parsing"),
        ("published", "2017-02-30", "date_from_datetime_parsing"),
    ],
)
def test_bad_article_fields_are_422_and_name_the_field(
    client: TestClient, field: str, value: object, error_type: str
) -> None:
    # A lone surrogate cannot be sent as UTF-8 JSON: it goes as a JSON escape.
    body = json.dumps({**BODY, field: value}, ensure_ascii=True)
    response = client.post("/articles", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert [(e["type"], e["loc"]) for e in response.json()["detail"]] == [
        (error_type, ["body", field])
    ]


@pytest.mark.parametrize("interval", ["day", "week", "month", "year"])
def test_a_dyad_with_an_event_on_the_last_day_of_the_calendar_is_answered(
    client: TestClient, session_factory: sessionmaker[Session], interval: str
) -> None:
    store(
        session_factory,
        make_article("Putin met Assad.", [make_event(PUTIN, ASSAD, when=date(9999, 12, 31))]),
    )
    response = client.get("/graph/dyad", params={"a": "Putin", "b": "Assad", "interval": interval})
    assert response.status_code == 200
    assert [(b["start"], b["end"]) for b in response.json()["buckets"]] == [
        (
            {
                "day": "9999-12-31",
                "week": "9999-12-27",
                "month": "9999-12-01",
                "year": "9999-01-01",
            }[interval],
            "9999-12-31",
        )
    ]


def test_a_full_extraction_queue_answers_503_with_retry_after(database_url: str) -> None:
    app = create_app(Settings(database_url=database_url))
    app.state.extraction = ExtractionPool(workers=1, queue=0, retry_after=7)
    started, release = threading.Event(), threading.Event()
    inner = fake_ingester([make_event(PUTIN, ASSAD)])

    def blocking_ingest(session: Session, article: ArticleInput) -> PersistResult:
        started.set()
        release.wait(10)
        return inner(session, article)

    app.dependency_overrides[get_ingester] = lambda: blocking_ingest
    with TestClient(app, raise_server_exceptions=False) as client:
        first: list[int] = []
        worker = threading.Thread(
            target=lambda: first.append(client.post("/articles", json=BODY).status_code)
        )
        worker.start()
        assert started.wait(10)
        second = client.post("/articles", json={**BODY, "text": "Assad met Putin."})
        read = client.get("/events")
        release.set()
        worker.join(10)
    assert (second.status_code, second.headers["retry-after"], second.json()) == (
        503,
        "7",
        {"detail": "too many articles being extracted; retry later"},
    )
    assert (read.status_code, first) == (200, [201])


def test_csv_export_neutralises_formulas(
    client: TestClient, session_factory: sessionmaker[Session]
) -> None:
    sentence = '=HYPERLINK("http://evil.example","Putin met Assad")'
    store(
        session_factory,
        make_article(sentence, [make_event(PUTIN, ASSAD, sentence=sentence, trigger="@met")]),
    )
    text = client.get("/graph/export", params={"format": "csv"}).text
    row = list(csv.reader(io.StringIO(text)))[1]
    assert row[-2:] == ["'@met", f"'{sentence}"]
