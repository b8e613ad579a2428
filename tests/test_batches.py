"""Storing a batch of articles in one transaction, one savepoint each: an article that fails
leaves no row and the others of the batch are stored (on each store)."""

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from diplograph.core.models import ArticleRow, EventMentionRow, EventRow, SentenceRow
from diplograph.ingest.batches import NotStored, store_batch
from diplograph.ingest.persist import PersistResult
from diplograph.ingest.types import ExtractedArticle
from tests.factories import ASSAD, EGYPT, PUTIN, make_article, make_event

FIRST = "Putin met Assad in Sochi.\nThey talked about Syria.\nA statement followed."
BROKEN = "Assad met Egypt's envoy.\nThe talks were long.\nNothing was said."
THIRD = "Putin met Egypt's president.\nThey signed a deal.\nTrade will grow."


def articles() -> list[ExtractedArticle]:
    """Return three articles; the second tells an event of a sentence it does not have."""
    first = make_article(FIRST, [make_event(PUTIN, ASSAD, sentence=FIRST.split("\n")[0])])
    broken = make_article(BROKEN, [make_event(ASSAD, EGYPT, sentence_index=7)])
    third = make_article(THIRD, [make_event(PUTIN, EGYPT, sentence=THIRD.split("\n")[0])])
    return [first, broken, third]


def count(session: Session, model: type) -> int:
    """Return the rows of ``model``'s table."""
    return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_an_article_failing_mid_batch_leaves_no_row_and_the_others_are_stored(
    session_factory: sessionmaker[Session],
) -> None:
    outcomes = store_batch(session_factory, articles())

    assert [type(o) for o in outcomes] == [PersistResult, NotStored, PersistResult]
    assert [o.created for o in outcomes if isinstance(o, PersistResult)] == [True, True]
    broken = outcomes[1]
    assert isinstance(broken, NotStored)
    assert broken.article_id == "t"
    assert broken.reason.startswith("KeyError")
    with session_factory() as session:
        assert sorted(session.scalars(select(ArticleRow.text))) == sorted([FIRST, THIRD])
        assert count(session, SentenceRow) == 6
        assert count(session, EventRow) == 2
        assert count(session, EventMentionRow) == 2
        assert session.scalar(select(ArticleRow.id).where(ArticleRow.text == BROKEN)) is None


def test_a_batch_stored_again_stores_nothing_twice(session_factory: sessionmaker[Session]) -> None:
    first = store_batch(session_factory, articles())
    again = store_batch(session_factory, articles())

    assert [isinstance(o, PersistResult) and o.created for o in again] == [False, False, False]
    assert [o.article_id for o in again if isinstance(o, PersistResult)] == [
        o.article_id for o in first if isinstance(o, PersistResult)
    ]
    with session_factory() as session:
        assert count(session, ArticleRow) == 2
        assert count(session, EventRow) == 2


def test_an_empty_batch_does_nothing(session_factory: sessionmaker[Session]) -> None:
    assert store_batch(session_factory, []) == []
