"""Shared fixtures: a migrated temporary SQLite database per test, and an API client."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from app.main import create_app
from core.db import make_engine, make_session_factory
from core.migrate import upgrade
from core.settings import Settings


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    """Return the URL of a fresh database migrated with the real Alembic migrations."""
    url = f"sqlite:///{tmp_path / 'test.db'}"
    upgrade(url)
    return url


@pytest.fixture
def session_factory(database_url: str) -> Iterator[sessionmaker[Session]]:
    """Return a session factory on the test database."""
    engine = make_engine(database_url)
    yield make_session_factory(engine)
    engine.dispose()


@pytest.fixture
def client(database_url: str) -> Iterator[TestClient]:
    """Return a TestClient on an app bound to the test database."""
    app = create_app(Settings(database_url=database_url))
    with TestClient(app) as test_client:
        yield test_client
    app.state.engine.dispose()
