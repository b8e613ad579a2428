"""The stores the suite runs on: SQLite files, and PostgreSQL when a server answers.

A test session on PostgreSQL gets a database of its own on the server named by
``DIPLOGRAPH_TEST_POSTGRES_URL`` (default the local one), migrated once and dropped at
the end, so that several sessions (developers, CI) can share one server. Before each
test the tables are put back as the migrations left them (:class:`DataReset`); a test
that needs an empty database gets a schema of its own (:meth:`PostgresTestDatabase.new_schema`).
"""

import os
import secrets
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, MetaData, create_engine, insert, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
STORES = ("sqlite", "postgres")
DATABASE_PREFIX = "diplograph_test_"
STALE_AFTER_S = 12 * 3600
"""A session database older than this was left by a session that died; it is dropped."""


def postgres_server_url() -> str:
    """Return the URL of the PostgreSQL server tests may use (``DIPLOGRAPH_TEST_POSTGRES_URL``)."""
    return os.environ.get("DIPLOGRAPH_TEST_POSTGRES_URL") or DEFAULT_POSTGRES_URL


def display_url(url: str) -> str:
    """Return ``url`` with any password hidden, for messages."""
    return make_url(url).render_as_string(hide_password=True)


def unavailable_reason(url: str) -> str | None:
    """Return why no PostgreSQL server can be used at ``url``, or None when one answers."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (pip install 'diplograph[postgres]')"
    try:
        with admin_engine(url) as engine, engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        first_line = str(exc.orig or exc).strip().splitlines()[0]
        return f"no server answers at {display_url(url)} ({first_line})"
    return None


@contextmanager
def admin_engine(url: str) -> Iterator[Engine]:
    """Yield an autocommit engine on ``url`` (for CREATE/DROP DATABASE), disposed on exit."""
    engine = create_engine(
        url, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3}, poolclass=NullPool
    )
    try:
        yield engine
    finally:
        engine.dispose()


@dataclass
class PostgresTestDatabase:
    """A throw-away database of one test session on the server at ``server_url``."""

    server_url: str
    name: str = field(
        default_factory=lambda: f"{DATABASE_PREFIX}{int(time.time())}_{secrets.token_hex(4)}"
    )

    @property
    def url(self) -> str:
        """Return the URL of this session's database."""
        return make_url(self.server_url).set(database=self.name).render_as_string(False)

    def create(self) -> None:
        """Create the database (commits are not waited for: tests need no durability)."""
        with admin_engine(self.server_url) as engine, engine.connect() as conn:
            self._drop_stale(conn)
            conn.execute(text(f'CREATE DATABASE "{self.name}"'))
            conn.execute(text(f'ALTER DATABASE "{self.name}" SET synchronous_commit = off'))

    def drop(self) -> None:
        """Drop the database, closing whatever connection is still open on it."""
        with admin_engine(self.server_url) as engine, engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))

    def new_schema(self) -> tuple[str, str]:
        """Create an empty schema; return its name and a URL whose tables live in it."""
        schema = f"empty_{secrets.token_hex(6)}"
        with admin_engine(self.url) as engine, engine.connect() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        url = make_url(self.url).update_query_dict({"options": f"-csearch_path={schema}"})
        return schema, url.render_as_string(False)

    def drop_schema(self, schema: str) -> None:
        """Drop ``schema`` and everything in it."""
        with admin_engine(self.url) as engine, engine.connect() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))

    @staticmethod
    def _drop_stale(conn: Any) -> None:
        names = conn.scalars(
            text("SELECT datname FROM pg_database WHERE datname LIKE :prefix"),
            {"prefix": f"{DATABASE_PREFIX}%"},
        )
        for name in list(names):
            created = name.removeprefix(DATABASE_PREFIX).split("_")[0]
            if created.isdigit() and time.time() - int(created) > STALE_AFTER_S:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


class DataReset:
    """Puts the tables of a migrated PostgreSQL database back as the migrations left them.

    Built once per session on the freshly migrated database: it notes every table
    (whatever revisions other branches add), the rows the migrations themselves
    wrote, and PostgreSQL's id sequences. Calling it deletes every row, restores
    those rows and restarts the sequences, so that ids start at 1 again: a few
    milliseconds, where a new database or TRUNCATE costs a checkpoint.
    """

    def __init__(self, url: str) -> None:
        self.engine = create_engine(url)
        self.metadata = MetaData()
        self.metadata.reflect(self.engine)
        with self.engine.connect() as conn:
            self.seed_rows = {
                table.name: [dict(row._mapping) for row in conn.execute(table.select())]
                for table in self.metadata.sorted_tables
            }
            self.sequences = [
                (sequence, table.name, column.name)
                for table in self.metadata.sorted_tables
                for column in table.primary_key.columns
                if (
                    sequence := conn.scalar(
                        text("SELECT pg_get_serial_sequence(:table, :column)"),
                        {"table": table.name, "column": column.name},
                    )
                )
                is not None
            ]

    def __call__(self) -> None:
        """Reset the data; fail after 5 s if a connection left open still locks a table."""
        with self.engine.begin() as conn:
            conn.execute(text("SET LOCAL lock_timeout = '5s'"))
            for table in reversed(self.metadata.sorted_tables):
                conn.execute(table.delete())
            for table in self.metadata.sorted_tables:
                if self.seed_rows[table.name]:
                    conn.execute(insert(table), self.seed_rows[table.name])
            for sequence, table_name, column in self.sequences:
                conn.execute(
                    text(
                        f'SELECT setval(:sequence, COALESCE((SELECT max("{column}") '
                        f'FROM "{table_name}"), 0) + 1, false)'
                    ),
                    {"sequence": sequence},
                )

    def dispose(self) -> None:
        """Close the connections."""
        self.engine.dispose()
