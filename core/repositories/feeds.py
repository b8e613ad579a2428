"""Queries on the items of watched feeds that were already seen."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from diplograph.core.models import FeedItemRow


def seen_keys(session: Session, feed_url: str) -> set[str]:
    """Return the keys (item id or link) of the items of ``feed_url`` already seen."""
    stmt = select(FeedItemRow.item_key).where(FeedItemRow.feed_url == feed_url)
    return set(session.scalars(stmt))


def mark_seen(
    session: Session, *, feed_url: str, item_key: str, article_id: int | None, outcome: str
) -> None:
    """Record that the item ``item_key`` of ``feed_url`` was handled (``outcome`` says how)."""
    session.add(
        FeedItemRow(
            feed_url=feed_url, item_key=item_key, article_id=article_id, outcome=outcome[:500]
        )
    )
    session.flush()
