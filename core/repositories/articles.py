"""Queries on articles and their sentences."""

from collections.abc import Sequence
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Session, selectinload

from diplograph.core.models import ArticleRow, EventMentionRow, SentenceRow
from diplograph.core.texts import fingerprint, near_duplicate


class ArticleExistsError(Exception):
    """The text being added is already stored (another transaction stored it first).

    Raised by :func:`add` before anything is written, so the caller's
    transaction is left as it was; ``article_id`` is the stored article.
    """

    def __init__(self, content_hash: str, article_id: int) -> None:
        super().__init__(f"article {article_id} already has content hash {content_hash}")
        self.content_hash = content_hash
        self.article_id = article_id


def get_by_hash(session: Session, content_hash: str) -> ArticleRow | None:
    """Return the article whose text has ``content_hash``, or None."""
    return session.scalar(select(ArticleRow).where(ArticleRow.content_hash == content_hash))


def find_near_duplicate(session: Session, text: str, published: date | None) -> int | None:
    """Return the id of a stored copy of ``text`` up to whitespace, punctuation, case or one
    edited line (``core.texts.near_duplicate``), or None.

    The same fingerprint is one indexed lookup; otherwise only articles of the same
    publication date and a similar length are compared.
    """
    same = session.scalar(
        select(ArticleRow.id).where(ArticleRow.fingerprint == fingerprint(text)).limit(1)
    )
    if same is not None:
        return same
    slack = max(200, len(text) // 10)
    length = func.length(ArticleRow.text)
    stmt = (
        select(ArticleRow.id, ArticleRow.text)
        .where(
            ArticleRow.published.is_(None)
            if published is None
            else ArticleRow.published == published,
            length.between(len(text) - slack, len(text) + slack),
        )
        .order_by(ArticleRow.id)
    )
    for article_id, stored in session.execute(stmt):
        if near_duplicate(stored, text):
            return int(article_id)
    return None


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
    """Add an article row and return it (with its id); raise if its text is already stored.

    On SQLite the insert itself skips a stored text (``ON CONFLICT DO NOTHING``
    on the content hash), so when two transactions add the same new text at
    once the second neither fails on the UNIQUE constraint nor stores it twice:
    it writes nothing and gets :class:`ArticleExistsError` with the first one's
    article id. No SAVEPOINT is used: on pysqlite, releasing one that opened the
    transaction commits it. Other databases get a plain insert, where such a
    race is an ``IntegrityError``.
    """
    values = {
        "content_hash": content_hash,
        "fingerprint": fingerprint(text),
        "text": text,
        "published": published,
        "title": title,
        "url": url,
        "external_id": external_id,
    }
    if session.get_bind().dialect.name != "sqlite":
        row = ArticleRow(**values)
        session.add(row)
        session.flush()
        return row
    stmt = (
        sqlite.insert(ArticleRow)
        .values(values)
        .on_conflict_do_nothing(index_elements=[ArticleRow.content_hash])
        .returning(ArticleRow)
    )
    stored: ArticleRow | None = session.scalar(stmt)
    if stored is None:
        existing = session.execute(
            select(ArticleRow.id).where(ArticleRow.content_hash == content_hash)
        ).scalar_one()
        raise ArticleExistsError(content_hash, existing)
    return stored


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
    """Return the number of events (occurrences) each article in ``article_ids`` tells."""
    stmt = (
        select(EventMentionRow.article_id, func.count(func.distinct(EventMentionRow.event_id)))
        .where(EventMentionRow.article_id.in_(article_ids))
        .group_by(EventMentionRow.article_id)
    )
    return {article_id: count for article_id, count in session.execute(stmt).all()}
