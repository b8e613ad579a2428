"""Shared fixtures: a migrated temporary SQLite database per test, the app and its client;
the English vocabulary and the gazetteer for hand-built parses."""

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import spacy
from fastapi import FastAPI
from fastapi.testclient import TestClient
from spacy.vocab import Vocab
from sqlalchemy.orm import Session, sessionmaker

from diplograph.app.main import create_app
from diplograph.core.db import make_engine, make_session_factory
from diplograph.core.migrate import upgrade
from diplograph.core.settings import Settings
from diplograph.ingest.gazetteer import Gazetteer, gazetteer


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return an empty SQLite file migrated once with the real Alembic migrations."""
    path = tmp_path_factory.mktemp("template") / "migrated.db"
    upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture
def database_url(migrated_template: Path, tmp_path: Path) -> str:
    """Return the URL of this test's own database: a copy of the migrated template."""
    path = tmp_path / "test.db"
    shutil.copyfile(migrated_template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def session_factory(database_url: str) -> Iterator[sessionmaker[Session]]:
    """Return a session factory on the test database."""
    engine = make_engine(database_url)
    yield make_session_factory(engine)
    engine.dispose()


@pytest.fixture
def app(database_url: str) -> FastAPI:
    """Return an app bound to the test database (tests may set dependency overrides)."""
    return create_app(Settings(database_url=database_url))


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    """Return a TestClient on ``app`` (its engine is disposed on exit); errors come back as 500."""
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def vocab() -> Vocab:
    """Return the English vocabulary (its lexical attributes: lower case, shape, ...)."""
    return spacy.blank("en").vocab


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    """Return the gazetteer built from the countries, organizations, roles and people tables."""
    return gazetteer()
