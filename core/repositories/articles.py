"""Queries on articles and their sentences."""

from collections.abc import Sequence
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from core.models import ArticleRow, EventRow, SentenceRow


def get_by_hash(session: Session, content_hash: str) -> ArticleRow | None:
    """Return the article whose text has ``content_hash``, or None."""
    return session.scalar(select(ArticleRow).where(ArticleRow.content_hash == content_hash))


def add(
    session: Session,
    *,
    content_hash: str,
    text: str,
    published: date | None,
    title: str | None = None,
    url: str | None = None,
    external_id: str | None = None,
) -> ArticleRow:
    """Add an article row (flushed, so it has an id) and return it."""
    row = ArticleRow(
        content_hash=content_hash,
        text=text,
        published=published,
        title=title,
        url=url,
        external_id=external_id,
    )
    session.add(row)
    session.flush()
    return row


def add_sentence(
    session: Session,
    *,
    article_id: int,
    index: int,
    paragraph: int,
    text: str,
    start_char: int,
    end_char: int,
) -> SentenceRow:
    """Add one sentence of an article (flushed) and return it."""
    row = SentenceRow(
        article_id=article_id,
        index=index,
        paragraph=paragraph,
        text=text,
        start_char=start_char,
        end_char=end_char,
    )
    session.add(row)
    session.flush()
    return row


def get(session: Session, article_id: int) -> ArticleRow | None:
    """Return the article with its sentences loaded, or None."""
    stmt = (
        select(ArticleRow)
        .where(ArticleRow.id == article_id)
        .options(selectinload(ArticleRow.sentences))
    )
    return session.scalar(stmt)


def list_page(session: Session, *, limit: int, offset: int) -> tuple[Sequence[ArticleRow], int]:
    """Return one page of articles, newest first, and the total count."""
    total = session.scalar(select(func.count()).select_from(ArticleRow)) or 0
    stmt = (
        select(ArticleRow)
        .order_by(ArticleRow.published.desc(), ArticleRow.id.desc())
        .limit(limit)
        .offset(offset)
    )
    return session.scalars(stmt).all(), total


def event_counts(session: Session, article_ids: Sequence[int]) -> dict[int, int]:
    """Return the number of events of each article in ``article_ids``."""
    stmt = (
        select(EventRow.article_id, func.count())
        .where(EventRow.article_id.in_(article_ids))
        .group_by(EventRow.article_id)
    )
    return {article_id: count for article_id, count in session.execute(stmt).all()}
