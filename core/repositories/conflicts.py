"""What concurrent writers do when they meet: inserts that skip duplicates, and key locks.

Both are dialect-specific. SQLite has one writer at a time, so only its inserts need to
skip; PostgreSQL runs writers side by side (several API servers, ingest workers), so a
writer also locks the keys of the rows it may create (:func:`lock_keys`) for as long as
its transaction lasts.
"""

import hashlib
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Insert, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import InstrumentedAttribute, Session

LOCK_IN_ORDER = text(
    "SELECT count(pg_advisory_xact_lock(number)) FROM unnest(CAST(:numbers AS bigint[])) AS number"
)


def insert_skipping_duplicates(
    session: Session, model: type[Any], unique: Sequence[InstrumentedAttribute[Any]]
) -> Insert | None:
    """Return an INSERT into ``model`` that skips rows whose ``unique`` columns are stored.

    ``ON CONFLICT DO NOTHING`` on SQLite and PostgreSQL (PostgreSQL waits for a writer
    inserting the same key to commit or roll back); None on other databases, which get
    plain inserts.
    """
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        return sqlite.insert(model).on_conflict_do_nothing(index_elements=list(unique))
    if dialect == "postgresql":
        return postgresql.insert(model).on_conflict_do_nothing(index_elements=list(unique))
    return None


def key_number(key: str) -> int:
    """Return the signed 64-bit number PostgreSQL's advisory locks know ``key`` by.

    >>> key_number("actor:Vladimir Putin|RUS") == key_number("actor:Vladimir Putin|RUS")
    True
    >>> -(2**63) <= key_number("article:0f3a") < 2**63
    True
    """
    return int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big", signed=True)


def lock_keys(session: Session, keys: Iterable[str]) -> None:
    """Lock ``keys`` until the session's transaction ends (PostgreSQL; elsewhere nothing).

    A writer that is about to look up and then create rows (an article by its content
    hash, an actor by name and country) locks their keys first, so that a second writer
    of the same keys waits and then finds the rows instead of creating them again. The
    locks are taken in one global order (by number), so two writers never deadlock on
    them; they are released by the commit or rollback. One statement: ``unnest`` hands
    the sorted numbers to the lock function in array order.
    """
    if session.get_bind().dialect.name != "postgresql":
        return
    numbers = sorted({key_number(key) for key in keys})
    if numbers:
        session.execute(LOCK_IN_ORDER, {"numbers": numbers})


APPEND_KEY = "graph:append"
"""The key of the lock held by a transaction that adds events or mentions (PostgreSQL)."""


def lock_appends(session: Session) -> None:
    """Let only one transaction at a time add events and mentions (PostgreSQL; elsewhere,
    where writers take turns anyway, nothing). Held until the commit or rollback.

    A graph cache notices new events and mentions by the highest id (``graph_state.marker``)
    and reads those above the highest it holds. Ids come from sequences, handed out when a
    row is inserted, not when its transaction commits: a writer that inserted id 100 and
    commits after another writer's id 101 was seen would be missed. With this lock the
    second writer inserts nothing until the first commits, so ids become visible in order.
    Take it after :func:`lock_keys` (a writer never waits for a key while holding it);
    writing events is a small part of a writer's work, so the wait is short.
    """
    lock_keys(session, [APPEND_KEY])
