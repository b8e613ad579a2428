"""GET /health."""

from datetime import date
from pathlib import Path

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from diplograph.app.main import create_app
from diplograph.core.settings import Settings
from tests.factories import ASSAD, PUTIN, make_article, make_event, store, world


def graph_health(events: int, through: int) -> dict[str, object]:
    """Return the ``graph`` part of /health for a ready graph of ``events`` events."""
    return {
        "ready": True,
        "building": False,
        "loaded": events,
        "total": events,
        "events": events,
        "through": through,
        "generation": 0,
        "stale_s": 0.0,
    }


def test_health_on_an_empty_database(app: FastAPI, client: TestClient) -> None:
    assert app.state.graph_cache.wait(timeout=30)  # the build started with the app
    response = client.get("/health")
    assert (response.status_code, response.json()) == (
        200,
        {"status": "ok", "database": "ok", "events": 0, "graph": graph_health(0, 0)},
    )


def test_health_reports_the_graph_build(
    database_url: str, session_factory: sessionmaker[Session]
) -> None:
    store(session_factory, *world())
    app = create_app(Settings(database_url=database_url))
    with TestClient(app) as client:
        assert app.state.graph_cache.wait(timeout=30)
        body = client.get("/health").json()
        # A meeting months later: a new event (the same day's would be a mention of one).
        later = make_event(PUTIN, ASSAD, when=date(2018, 5, 1))
        store(
            session_factory, make_article("Putin met Assad.", [later], published=date(2018, 5, 1))
        )
        client.get("/graph/who-met-whom")  # a graph request applies the new event
        after = client.get("/health").json()
    assert body == {"status": "ok", "database": "ok", "events": 6, "graph": graph_health(6, 6)}
    assert after["graph"] == {**graph_health(6, 7), "events": 7}


def test_health_is_503_when_the_database_is_not_migrated(tmp_path: Path) -> None:
    app = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'empty.db'}"))
    with TestClient(app) as client:
        response = client.get("/health")
    assert (response.status_code, response.json()) == (
        503,
        {"detail": "database unavailable: OperationalError"},
    )
