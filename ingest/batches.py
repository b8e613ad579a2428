"""Many articles stored in one transaction, each in its own SAVEPOINT: nothing half-written.

A commit per article is what made storing cost as much as extracting on a busy store
(each commit waits for the disk on SQLite, for a round trip and the WAL flush on
PostgreSQL). Here a batch of articles shares one transaction, and each article is
written inside its own SAVEPOINT: an article whose writing fails is rolled back to its
savepoint (none of its rows stay) and reported, and the others of the batch are
committed together. A lost race (a lock, a deadlock, a unique row another writer stored
first: :func:`~diplograph.core.db.is_transient`) rolls the whole batch back and runs it
again, as :func:`~diplograph.core.db.write_transaction` does for one article; storing
is idempotent, so nothing is stored twice.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from diplograph.core.db import is_transient, write_transaction
from diplograph.core.repositories import conflicts
from diplograph.ingest.actor_cache import ActorCache
from diplograph.ingest.persist import PersistResult, content_hash, persist, write_keys
from diplograph.ingest.types import ExtractedArticle


@dataclass(frozen=True)
class NotStored:
    """An article of a batch whose writing failed: it was rolled back, the others kept."""

    article_id: str
    """The input's id (file name, JSON Lines id)."""
    reason: str

    def __str__(self) -> str:
        return f"{self.article_id}: {self.reason}"


StoreOutcome = PersistResult | NotStored
"""What storing one article of a batch did."""


def store_batch(
    factory: sessionmaker[Session],
    batch: Sequence[ExtractedArticle],
    *,
    version: str | None = None,
    actors: ActorCache | None = None,
) -> list[StoreOutcome]:
    """Store ``batch`` in one transaction, each article in its own savepoint; return what was
    done with each, in order.

    An article whose writing raised (other than a lost race) is rolled back to its
    savepoint and comes back as :class:`NotStored`; the others are committed. A lost race
    runs the whole batch again in a new transaction (up to ``core.db.WRITE_ATTEMPTS``).
    ``actors`` is the writer's :class:`~diplograph.ingest.actor_cache.ActorCache`, if any.
    """
    if not batch:
        return []

    def work(session: Session) -> list[StoreOutcome]:
        _begin_for_savepoints(session)
        # Every key the batch may write, locked at once in the one global order: locked
        # article by article, a second article's keys would be taken after the first's
        # (and after the append lock), out of order with another writer's batch.
        conflicts.lock_keys(
            session, [key for e in batch for key in write_keys(content_hash(e.article.text), e)]
        )
        done: list[StoreOutcome] = []
        for extracted in batch:
            done.append(_store_one(session, extracted, version, actors))
        return done

    return write_transaction(factory, work)


def _begin_for_savepoints(session: Session) -> None:
    """Open the transaction before the first SAVEPOINT on SQLite: pysqlite's own transaction
    handling begins one only before a write, so a SAVEPOINT would open it and its RELEASE
    commit it. (The write engine, ``make_engine(write=True)``, has begun IMMEDIATE already.)"""
    conn = session.connection()
    if conn.dialect.name != "sqlite":
        return
    driver = conn.connection.driver_connection
    if driver is not None and not driver.in_transaction:
        conn.exec_driver_sql("BEGIN")


def _store_one(
    session: Session, extracted: ExtractedArticle, version: str | None, actors: ActorCache | None
) -> StoreOutcome:
    """Store one article inside a savepoint of the session's transaction."""
    try:
        with session.begin_nested():
            return persist(session, extracted, version=version, actors=actors)
    except DBAPIError as exc:
        if is_transient(exc):
            raise  # the whole batch runs again
        return NotStored(extracted.article.id, f"{type(exc).__name__}: {exc.orig}")
    except Exception as exc:  # a bug or bad data in this article: the others still go in
        return NotStored(extracted.article.id, f"{type(exc).__name__}: {exc}")
