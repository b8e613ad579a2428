"""Shared fixtures: a migrated database per test on each store (SQLite, and PostgreSQL when a
server answers), the app and its client; the English vocabulary and the gazetteer for
hand-built parses.

Every test that asks for ``database_url`` (or ``session_factory``, ``app``, ``client``,
``empty_database_url``, ``store``) runs once per store: ``test_x[sqlite]``,
``test_x[postgres]``. ``--stores sqlite`` (or ``postgres``) runs one; a test marked
``@pytest.mark.stores("sqlite")`` runs on the stores named only. Without a server at
``DIPLOGRAPH_TEST_POSTGRES_URL`` the PostgreSQL runs are left out and the summary says so
in one line.
"""

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
from tests.stores import (
    STORES,
    DataReset,
    PostgresTestDatabase,
    display_url,
    postgres_server_url,
    unavailable_reason,
)

POSTGRES_MISSING = pytest.StashKey[str]()
"""Why the PostgreSQL runs were left out (set only when they were)."""
SELECTED_STORES = pytest.StashKey[tuple[str, ...]]()
LEFT_OUT = pytest.StashKey[int]()
"""How many tests were left out because none of their stores is available."""
NO_STORE = pytest.mark.no_store_available


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add ``--stores``: which stores the database tests run on."""
    parser.addoption(
        "--stores",
        default="sqlite,postgres",
        help="comma-separated stores the database tests run on (default: sqlite,postgres; "
        "postgres is left out, with one line in the summary, when no server answers at "
        "DIPLOGRAPH_TEST_POSTGRES_URL)",
    )


def pytest_configure(config: pytest.Config) -> None:
    """Decide the stores once: PostgreSQL only if a server answers."""
    config.addinivalue_line(
        "markers", "stores(*names): run this test on the stores named only (sqlite, postgres)"
    )
    config.addinivalue_line("markers", f"{NO_STORE.name}: none of the test's stores is available")
    wanted = tuple(s.strip() for s in str(config.getoption("--stores")).split(",") if s.strip())
    unknown = set(wanted) - set(STORES)
    if unknown or not wanted:
        raise pytest.UsageError(f"--stores takes sqlite and/or postgres, not {sorted(unknown)}")
    stores = wanted
    if "postgres" in wanted:
        reason = unavailable_reason(postgres_server_url())
        if reason is not None:
            if wanted == ("postgres",):
                raise pytest.UsageError(f"--stores postgres: {reason}")
            config.stash[POSTGRES_MISSING] = reason
            stores = tuple(s for s in wanted if s != "postgres")
    config.stash[SELECTED_STORES] = stores


def pytest_report_header(config: pytest.Config) -> str:
    """Name the stores the database tests run on."""
    stores = config.stash[SELECTED_STORES]
    where = f" ({display_url(postgres_server_url())})" if "postgres" in stores else ""
    return f"database tests run on: {', '.join(stores)}{where}"


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say in one line, in the closing summary, that PostgreSQL was not tested and why."""
    config = terminalreporter.config
    reason = config.stash.get(POSTGRES_MISSING, None)
    if reason is not None:
        left_out = config.stash.get(LEFT_OUT, 0)
        only = f" ({left_out} PostgreSQL-only tests not run)" if left_out else ""
        terminalreporter.write_line(
            f"POSTGRESQL SKIPPED: the database tests ran on SQLite only{only}: {reason}",
            yellow=True,
            bold=True,
        )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run each test that uses a database once per selected store: ``[sqlite]``, ``[postgres]``."""
    if "store" not in metafunc.fixturenames:
        return
    stores = metafunc.config.stash[SELECTED_STORES]
    marker = metafunc.definition.get_closest_marker("stores")
    if marker is not None:
        stores = tuple(s for s in stores if s in marker.args)
    if not stores:  # left out below, and counted in the summary line (not a skipped test)
        metafunc.parametrize("store", [pytest.param(None, marks=NO_STORE, id="no-store")])
        return
    metafunc.parametrize("store", stores, indirect=True)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Leave out the tests none of whose stores is available."""
    left_out = [item for item in items if item.get_closest_marker(NO_STORE.name) is not None]
    if left_out:
        config.stash[LEFT_OUT] = len(left_out)
        config.hook.pytest_deselected(items=left_out)
        items[:] = [item for item in items if item.get_closest_marker(NO_STORE.name) is None]


@pytest.fixture
def store(request: pytest.FixtureRequest) -> str:
    """Return the store this run of the test uses: "sqlite" or "postgres"."""
    return str(request.param)


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[tuple[PostgresTestDatabase, DataReset]]:
    """Return this session's PostgreSQL database, migrated once, and its data reset."""
    database = PostgresTestDatabase(postgres_server_url())
    database.create()
    try:
        upgrade(database.url)
        reset = DataReset(database.url)
        yield database, reset
        reset.dispose()
    finally:
        database.drop()


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return an empty SQLite file migrated once with the real Alembic migrations."""
    path = tmp_path_factory.mktemp("template") / "migrated.db"
    upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture
def database_url(store: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """Return the URL of a migrated database holding nothing but what the migrations wrote.

    SQLite: a copy of the migrated template file. PostgreSQL: the session's database,
    its tables reset (ids start at 1 again).
    """
    if store == "sqlite":
        path = tmp_path / "test.db"
        shutil.copyfile(request.getfixturevalue("migrated_template"), path)
        return f"sqlite:///{path}"
    database, reset = request.getfixturevalue("postgres_database")
    reset()
    return str(database.url)


@pytest.fixture
def empty_database_url(store: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """Return the URL of a database without any table (not migrated).

    SQLite: a new file. PostgreSQL: a new schema of the session's database, dropped after.
    """
    if store == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.db'}"
        return
    database, _ = request.getfixturevalue("postgres_database")
    schema, url = database.new_schema()
    yield url
    database.drop_schema(schema)


@pytest.fixture
def session_factory(database_url: str) -> Iterator[sessionmaker[Session]]:
    """Return a session factory on the test database."""
    engine = make_engine(database_url)
    yield make_session_factory(engine)
    engine.dispose()


@pytest.fixture
def app(database_url: str) -> Iterator[FastAPI]:
    """Return an app bound to the test database (tests may set dependency overrides)."""
    app = create_app(Settings(database_url=database_url))
    yield app
    app.state.engine.dispose()


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
