"""GET /health."""

from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from diplograph.app.main import create_app
from diplograph.core.settings import Settings
from tests.factories import store, world


def test_health_on_an_empty_database(client: TestClient) -> None:
    response = client.get("/health")
    assert (response.status_code, response.json()) == (
        200,
        {"status": "ok", "database": "ok", "events": 0},
    )


def test_health_counts_events(client: TestClient, session_factory: sessionmaker[Session]) -> None:
    store(session_factory, *world())
    assert client.get("/health").json() == {"status": "ok", "database": "ok", "events": 6}


def test_health_is_503_when_the_database_is_not_migrated(tmp_path: Path) -> None:
    app = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'empty.db'}"))
    with TestClient(app) as client:
        response = client.get("/health")
    assert (response.status_code, response.json()) == (
        503,
        {"detail": "database unavailable: OperationalError"},
    )
