"""The engine: SQLite in WAL mode with a busy timeout; writes retried on a transient lock."""

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from diplograph.core.db import (
    BUSY_TIMEOUT_MS,
    make_engine,
    make_session_factory,
    write_transaction,
)


def locked() -> OperationalError:
    """Return the error SQLite's driver raises when another connection holds the lock."""
    return OperationalError("INSERT ...", {}, sqlite3.OperationalError("database is locked"))


def test_a_file_database_is_in_wal_mode_with_a_busy_timeout(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'x.db'}"
    first = make_engine(url)
    with first.begin() as conn:
        conn.execute(text("CREATE TABLE t (x INTEGER)"))
    first.dispose()
    engine = make_engine(url)
    with engine.connect() as conn:
        pragmas = [
            conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "busy_timeout", "foreign_keys")
        ]
    engine.dispose()
    assert pragmas == ["wal", BUSY_TIMEOUT_MS, 1]


def test_a_file_another_connection_holds_still_opens(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    holder = sqlite3.connect(path, isolation_level=None)  # rollback journal, as made elsewhere
    holder.execute("CREATE TABLE t (x INTEGER)")
    holder.execute("BEGIN")
    holder.execute("SELECT * FROM t").fetchall()  # a read lock: the switch to WAL must wait
    engine = make_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as conn:
            mode = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
            rows = conn.execute(text("SELECT count(*) FROM t")).scalar()
    finally:
        engine.dispose()
        holder.close()
    assert (mode, rows) == ("delete", 0)


def test_a_pool_holds_the_connections_asked_for(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'x.db'}", pool_size=40)
    assert engine.pool.size() == 40  # type: ignore[attr-defined]
    engine.dispose()


def test_opening_an_empty_file_leaves_it_empty(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    engine = make_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        mode = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
    engine.dispose()
    assert (mode, path.read_bytes()) == ("delete", b"")


def test_a_write_engine_takes_the_write_lock_when_it_begins(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'x.db'}"
    writer, other = make_engine(url, write=True), make_engine(url)
    with other.begin() as conn:
        conn.execute(text("CREATE TABLE t (x INTEGER)"))
    with writer.connect() as held, held.begin():
        held.execute(text("SELECT 1"))  # a read, yet the lock is taken
        probe = sqlite3.connect(str(tmp_path / "x.db"), timeout=0)
        with pytest.raises(sqlite3.OperationalError, match="database is locked"):
            probe.execute("BEGIN IMMEDIATE")
        probe.close()
    writer.dispose()
    other.dispose()


def test_a_transient_lock_is_retried_and_the_work_committed(
    session_factory: sessionmaker[Session],
) -> None:
    calls: list[int] = []

    def work(session: Session) -> int:
        calls.append(1)
        if len(calls) < 3:
            raise locked()
        return 42

    assert (write_transaction(session_factory, work, pause=0.0), len(calls)) == (42, 3)


def test_a_lock_that_lasts_is_raised_after_the_last_attempt(
    session_factory: sessionmaker[Session],
) -> None:
    calls: list[int] = []

    def work(session: Session) -> None:
        calls.append(1)
        raise locked()

    with pytest.raises(OperationalError):
        write_transaction(session_factory, work, attempts=3, pause=0.0)
    assert len(calls) == 3


def test_other_database_errors_are_not_retried(tmp_path: Path) -> None:
    factory = make_session_factory(make_engine(f"sqlite:///{tmp_path / 'x.db'}"))
    calls: list[int] = []

    def work(session: Session) -> None:
        calls.append(1)
        session.execute(text("SELECT * FROM no_such_table"))

    with pytest.raises(OperationalError, match="no such table"):
        write_transaction(factory, work, pause=0.0)
    assert len(calls) == 1
