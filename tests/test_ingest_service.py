"""A write that lost a race to another writer on PostgreSQL is run again; nothing else is."""

from collections.abc import Callable

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from diplograph.core.db import write_transaction
from diplograph.core.models import ArticleRow
from diplograph.ingest.persist import PersistResult, persist
from tests.factories import ASSAD, PUTIN, make_article, make_event


class DriverError(Exception):
    """A driver exception carrying a PostgreSQL SQLSTATE, as psycopg's do."""

    def __init__(self, sqlstate: str) -> None:
        super().__init__(sqlstate)
        self.sqlstate = sqlstate


def failing_first(error: Exception, calls: list[int]) -> Callable[[Session], PersistResult]:
    """Return a write that raises ``error`` the first time, then stores an article."""
    article = make_article("Putin met Assad.", [make_event(PUTIN, ASSAD)])

    def work(session: Session) -> PersistResult:
        calls.append(len(calls) + 1)
        if len(calls) == 1:
            raise error
        return persist(session, article)

    return work


def articles_stored(factory: sessionmaker[Session]) -> int:
    """Return the number of stored articles."""
    with factory() as session:
        return session.scalar(select(func.count()).select_from(ArticleRow)) or 0


@pytest.mark.parametrize(
    "error",
    [
        OperationalError("INSERT", {}, DriverError("40P01")),  # deadlock detected
        OperationalError("INSERT", {}, DriverError("40001")),  # serialization failure
        IntegrityError("INSERT", {}, DriverError("23505")),  # another writer stored it first
    ],
    ids=["deadlock", "serialization", "unique"],
)
def test_a_write_that_lost_a_race_is_run_again(
    session_factory: sessionmaker[Session], error: Exception
) -> None:
    calls: list[int] = []
    result = write_transaction(session_factory, failing_first(error, calls), pause=0)
    assert (calls, result.created, articles_stored(session_factory)) == ([1, 2], True, 1)


def test_other_database_errors_are_raised_at_once(session_factory: sessionmaker[Session]) -> None:
    calls: list[int] = []
    error = IntegrityError("INSERT", {}, DriverError("23503"))  # a foreign key violated
    with pytest.raises(IntegrityError):
        write_transaction(session_factory, failing_first(error, calls), pause=0)
    assert (calls, articles_stored(session_factory)) == ([1], 0)
