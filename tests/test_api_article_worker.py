"""POST /articles stored by the extraction process, through its own connection: the answers,
the idempotence and the graph are as when the server stores them, and the server stores
nothing itself (an in-memory database, or the setting off, keeps storing in the server)."""

import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

import diplograph.app.article_worker
import diplograph.app.deps
from diplograph.app.deps import stores_in_extractor
from diplograph.app.main import create_app
from diplograph.core.settings import Settings
from diplograph.ingest.persist import PersistResult, persist
from tests.factories import extract_meeting, extract_out_of_time
from tests.test_api_articles import BODY, EVENT, ONE_MEETING, counts


def worker_app(database_url: str, **settings: Any) -> FastAPI:
    """Return an app whose extraction process "extracts" Putin meeting Assad from any text."""
    app = create_app(Settings(database_url=database_url, **settings))
    app.state.extract = extract_meeting
    return app


@pytest.fixture
def server_persists(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Record every article text the server process itself stores (the extraction process,
    spawned afresh, is not patched)."""
    stored: list[str] = []

    def recording(session: Session, extracted: Any, **kwargs: Any) -> PersistResult:
        stored.append(extracted.article.text)
        return persist(session, extracted, **kwargs)

    monkeypatch.setattr(diplograph.app.deps, "persist", recording)
    monkeypatch.setattr(diplograph.app.article_worker, "persist", recording)
    yield stored


def test_a_post_is_stored_by_the_extraction_process(
    database_url: str, session_factory: sessionmaker[Session], server_persists: list[str]
) -> None:
    with TestClient(worker_app(database_url), raise_server_exceptions=False) as client:
        assert client.get("/graph/centrality").json()["nodes"] == 0  # the graph is built
        first = client.post("/articles", json=BODY)
        again = client.post("/articles", json=BODY)
        padded = client.post("/articles", json={**BODY, "text": "  Putin met Assad.\n"})
        met = client.get("/graph/who-met-whom", params={"actor": "Putin"}).json()
    assert (first.status_code, first.headers["location"], first.json()) == (
        201,
        "/articles/1",
        {"article_id": 1, "created": True, "events": [EVENT]},
    )
    stored = {"article_id": 1, "created": False, "events": [EVENT]}
    assert [(r.status_code, r.json()) for r in (again, padded)] == [(200, stored)] * 2
    assert counts(session_factory) == ONE_MEETING
    # the graph cache read the new event, written by another process
    assert [[e["event_id"] for e in p["evidence"]] for p in met["pairs"]] == [[1]]
    assert server_persists == []


def test_simultaneous_posts_to_extraction_processes_store_the_text_once(
    database_url: str, session_factory: sessionmaker[Session], server_persists: list[str]
) -> None:
    app = worker_app(database_url, extract_workers=3)
    with TestClient(app, raise_server_exceptions=False) as client, ThreadPoolExecutor(10) as pool:
        answers = list(pool.map(lambda _: client.post("/articles", json=BODY), range(10)))
    assert sorted((a.status_code, a.json()["article_id"]) for a in answers) == [
        *[(200, 1)] * 9,
        (201, 1),
    ]
    assert counts(session_factory) == ONE_MEETING
    assert server_persists == []


def test_running_out_of_time_in_the_extraction_process_is_413(
    database_url: str, session_factory: sessionmaker[Session]
) -> None:
    app = worker_app(database_url)
    app.state.extract = extract_out_of_time
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.post("/articles", json=BODY)
    assert (response.status_code, response.json()) == (
        413,
        {"detail": "the article could not be extracted within 60 s; send it in shorter parts"},
    )
    assert counts(session_factory)["articles"] == 0


def test_the_server_stores_when_the_settings_say_so(
    database_url: str, session_factory: sessionmaker[Session], server_persists: list[str]
) -> None:
    app = worker_app(database_url, store_in_extractor=False)
    with TestClient(app, raise_server_exceptions=False) as client:
        first = client.post("/articles", json=BODY)
    assert (first.status_code, first.json()) == (
        201,
        {"article_id": 1, "created": True, "events": [EVENT]},
    )
    assert (server_persists, counts(session_factory)) == ([BODY["text"]], ONE_MEETING)


def test_which_databases_the_extraction_process_stores_in() -> None:
    assert [
        stores_in_extractor(Settings(database_url=url, store_in_extractor=setting))
        for url, setting in [
            ("sqlite:///diplograph.db", True),
            ("postgresql+psycopg://localhost/diplograph", True),
            ("sqlite:///diplograph.db", False),
            ("sqlite://", True),
            ("sqlite:///:memory:", True),
        ]
    ] == [True, True, False, False, False]


ORPHAN = """
import multiprocessing, os, sys
from concurrent.futures import ProcessPoolExecutor
from diplograph.app.article_worker import exit_with

if __name__ == "__main__":
    pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"),
                               initializer=exit_with, initargs=(os.getpid(), 0.05))
    print(pool.submit(os.getpid).result(), flush=True)
    os._exit(0)  # the server dies without shutting its pool down
"""


def test_an_extraction_process_ends_with_its_server(tmp_path: Path) -> None:
    script = tmp_path / "server.py"
    script.write_text(ORPHAN)
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120, check=True
    )
    worker = int(done.stdout.split()[0])
    for _ in range(200):  # ten seconds at most
        if not Path(f"/proc/{worker}").exists():
            break
        time.sleep(0.05)
    assert not Path(f"/proc/{worker}").exists()
