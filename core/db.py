"""Engine and session factory; SQLite in WAL mode with a busy timeout, and retried writes."""

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

T = TypeVar("T")
logger = logging.getLogger("diplograph.db")

BUSY_TIMEOUT_MS = 10_000
"""How long SQLite waits for another connection's lock before answering 'database is locked'."""

WRITE_ATTEMPTS = 4
"""How many times :func:`write_transaction` runs its work when SQLite reports a lock."""

_TRANSIENT = ("database is locked", "database table is locked", "database is busy")
_TRANSIENT_SQLSTATES = frozenset({"40001", "40P01", "23505"})
"""PostgreSQL: serialization failure, deadlock, and a unique row another writer stored first
(run again, the transaction finds it)."""


def _is_lock_message(message: str) -> bool:
    return any(text in message for text in _TRANSIENT)


def _sqlite_setup(write: bool) -> Callable[[Any, Any], None]:
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        if write:
            # The driver's own transaction handling is turned off so that the "begin" hook
            # decides how each transaction begins (IMMEDIATE). Only for the write engine:
            # elsewhere (migrations) a PRAGMA must still run outside any transaction.
            dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode")
        mode = cursor.fetchone()[0]
        cursor.execute("PRAGMA page_count")
        empty = cursor.fetchone()[0] == 0
        if mode not in ("memory", "wal") and not empty:
            # WAL: readers never wait for the writer and the writer never waits for readers.
            # (An empty file is left untouched: opening a database must not create one.)
            try:
                cursor.execute("PRAGMA journal_mode=WAL")
            except Exception as exc:  # the driver's OperationalError, not SQLAlchemy's
                # Another connection holds the file (the switch needs it alone): the mode is
                # stored in the file, so whichever connection opens it alone next sets it.
                if not _is_lock_message(str(exc)):
                    raise
        cursor.close()

    return on_connect


def _begin(mode: str) -> Callable[[Connection], None]:
    def on_begin(conn: Connection) -> None:
        conn.exec_driver_sql(f"BEGIN {mode}")

    return on_begin


def in_memory(url: str) -> bool:
    """Return whether ``url`` names an in-memory SQLite database (one per connection or
    process: another process cannot open it).

    >>> in_memory("sqlite://"), in_memory("sqlite:///:memory:"), in_memory("sqlite:///x.db")
    (True, True, False)
    """
    return ":memory:" in url or url in ("sqlite://", "sqlite+pysqlite://")


def make_engine(
    url: str, *, pool_size: int = 5, write: bool = False, pooled: bool = True
) -> Engine:
    """Return an engine for ``url`` whose pool holds ``pool_size`` connections (without
    ``pooled``, none: each connection is opened when taken and closed when given back;
    an in-memory database keeps its default pool).

    SQLite gets foreign keys enforced, WAL journaling (file databases) and a
    busy timeout of ``BUSY_TIMEOUT_MS``. With ``write`` every transaction
    begins ``IMMEDIATE``: it takes the write lock (waiting up to the busy
    timeout) before its first read, so it never fails later when upgrading a
    read lock that another writer made stale.
    """
    is_sqlite = url.startswith("sqlite")
    connect_args: dict[str, Any] = (
        {"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000} if is_sqlite else {}
    )
    pool_args: dict[str, Any] = {}
    if not in_memory(url):
        pool_args = {"pool_size": pool_size, "max_overflow": 2, "pool_timeout": 60}
        if not pooled:
            pool_args = {"poolclass": NullPool}
    engine = create_engine(url, connect_args=connect_args, **pool_args)
    if is_sqlite:
        event.listen(engine, "connect", _sqlite_setup(write))
        if write:
            event.listen(engine, "begin", _begin("IMMEDIATE"))
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Return a session factory bound to ``engine``; objects stay usable after commit."""
    return sessionmaker(bind=engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """Yield a session whose work is committed on success and rolled back on any error."""
    with factory() as session, session.begin():
        yield session


def is_transient(exc: BaseException) -> bool:
    """Return whether ``exc`` is a lock error that the same work may not meet again."""
    if isinstance(exc, DBAPIError) and getattr(exc.orig, "sqlstate", None) in _TRANSIENT_SQLSTATES:
        return True
    return isinstance(exc, OperationalError) and _is_lock_message(str(exc.orig))


def write_transaction(
    factory: sessionmaker[Session],
    work: Callable[[Session], T],
    *,
    attempts: int = WRITE_ATTEMPTS,
    pause: float = 0.05,
) -> T:
    """Return what ``work`` returns, run in its own committed transaction.

    A transient lock error (see :func:`is_transient`) rolls the transaction
    back and runs ``work`` again in a new one, up to ``attempts`` times, with a
    growing pause; any other error, or the last lock error, propagates.
    """
    for attempt in range(1, attempts + 1):
        try:
            with transaction(factory) as session:
                return work(session)
        except DBAPIError as exc:
            if attempt == attempts or not is_transient(exc):
                raise
            logger.warning("database locked (attempt %d of %d); retrying", attempt, attempts)
            time.sleep(pause * 2 ** (attempt - 1))
    raise AssertionError("unreachable")  # pragma: no cover
