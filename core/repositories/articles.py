"""Queries on articles and their sentences."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete as sql_delete
from sqlalchemy import func, insert, or_, select, update
from sqlalchemy.orm import Session, selectinload

from diplograph.core.models import ArticleRow, EventMentionRow, EventRow, SentenceRow
from diplograph.core.repositories import events as event_repo
from diplograph.core.repositories.conflicts import insert_skipping_duplicates
from diplograph.core.texts import fingerprint, near_duplicate

SentenceValues = tuple[int, int, str, int, int]
"""(index, paragraph, text, start_char, end_char) of one sentence."""


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
    origin: str = "extracted",
) -> ArticleRow:
    """Add an article row and return it (with its id); raise if its text is already stored.

    On SQLite and PostgreSQL the insert itself skips a stored text (``ON CONFLICT
    DO NOTHING`` on the content hash), so when two transactions add the same new
    text at once the second neither fails on the UNIQUE constraint nor stores it
    twice: it writes nothing and gets :class:`ArticleExistsError` with the first
    one's article id (PostgreSQL makes it wait until the first one commits or
    rolls back). No SAVEPOINT is used: on pysqlite, releasing one that opened the
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
        "origin": origin,
    }
    insert = insert_skipping_duplicates(session, ArticleRow, [ArticleRow.content_hash])
    if insert is None:
        row = ArticleRow(**values)
        session.add(row)
        session.flush()
        return row
    stored: ArticleRow | None = session.scalar(insert.values(values).returning(ArticleRow))
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


def add_sentences(
    session: Session, *, article_id: int, rows: Sequence[SentenceValues]
) -> list[int]:
    """Add the sentences of an article in one statement; return their ids, in ``rows`` order.

    ``rows`` are (index, paragraph, text, start_char, end_char). Core, not the ORM: no
    object per sentence, no flush per row.
    """
    if not rows:
        return []
    stmt = insert(SentenceRow).returning(SentenceRow.id, sort_by_parameter_order=True)
    params = [
        {
            "article_id": article_id,
            "index": index,
            "paragraph": paragraph,
            "text": text,
            "start_char": start,
            "end_char": end,
        }
        for index, paragraph, text, start, end in rows
    ]
    return [int(id_) for id_ in session.connection().execute(stmt, params).scalars()]


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
        .order_by(ArticleRow.published.desc().nulls_last(), ArticleRow.id.desc())
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


def clear_extraction(session: Session, article_id: int) -> int:
    """Delete what an extraction wrote for an article (not the article); return the events
    deleted.

    The article's mentions go first. An event no other article tells is deleted; an
    event other articles tell too stays, re-anchored on its earliest remaining mention
    and recounted. Then the article's sentences go. Everything an extraction wrote goes
    through here, so a table that hangs off events or sentences is cleared here too.
    """
    touched = set(
        session.scalars(
            select(EventMentionRow.event_id).where(EventMentionRow.article_id == article_id)
        )
    ) | set(session.scalars(select(EventRow.id).where(EventRow.article_id == article_id)))
    session.execute(
        sql_delete(EventMentionRow)
        .where(EventMentionRow.article_id == article_id)
        .execution_options(synchronize_session=False)
    )
    anchors = {
        event_id: (mention_article, sentence_id, trigger)
        for event_id, mention_article, sentence_id, trigger in session.execute(
            select(
                EventMentionRow.event_id,
                EventMentionRow.article_id,
                EventMentionRow.sentence_id,
                EventMentionRow.trigger,
            )
            .where(EventMentionRow.event_id.in_(touched))
            .order_by(EventMentionRow.id.desc())
        )
    }
    orphaned = touched - anchors.keys()
    session.execute(
        sql_delete(EventRow)
        .where(EventRow.id.in_(orphaned))
        .execution_options(synchronize_session=False)
    )
    for event_id, (mention_article, sentence_id, trigger) in anchors.items():
        session.execute(
            update(EventRow)
            .where(EventRow.id == event_id, EventRow.article_id == article_id)
            .values(article_id=mention_article, sentence_id=sentence_id, trigger=trigger)
            .execution_options(synchronize_session=False)
        )
        event_repo.recount(session, event_id)
    session.execute(
        sql_delete(SentenceRow)
        .where(SentenceRow.article_id == article_id)
        .execution_options(synchronize_session=False)
    )
    return len(orphaned)


def delete(session: Session, article_id: int) -> int | None:
    """Delete an article with its sentences and events; return the events deleted (None: no such
    article). Actors stay, even those left without events (their ids and aliases keep resolving).
    """
    row = session.get(ArticleRow, article_id)
    if row is None:
        return None
    removed = clear_extraction(session, article_id)
    session.execute(
        sql_delete(ArticleRow)
        .where(ArticleRow.id == article_id)
        .execution_options(synchronize_session=False)
    )
    session.expunge(row)
    return removed


def set_extractor_version(session: Session, article_id: int, version: str) -> None:
    """Record that the article's current events were made by extractor ``version``."""
    session.execute(
        update(ArticleRow)
        .where(ArticleRow.id == article_id)
        .values(extractor_version=version)
        .execution_options(synchronize_session=False)
    )


@dataclass(frozen=True)
class ArticleSelection:
    """Which stored articles a maintenance command works on; None fields do not filter."""

    ids: tuple[int, ...] | None = None
    since: date | None = None
    until: date | None = None
    title_contains: str | None = None
    url_contains: str | None = None
    version: str | None = None
    not_version: str | None = None
    origin: str | None = "extracted"
    """Imported articles have no text to extract from: left out unless asked for."""


def select_ids(session: Session, sel: ArticleSelection) -> list[int]:
    """Return the ids of the articles ``sel`` selects, in id order (published dates inclusive)."""
    stmt = select(ArticleRow.id).order_by(ArticleRow.id)
    if sel.ids is not None:
        stmt = stmt.where(ArticleRow.id.in_(sel.ids))
    if sel.origin is not None:
        stmt = stmt.where(ArticleRow.origin == sel.origin)
    if sel.since is not None:
        stmt = stmt.where(ArticleRow.published >= sel.since)
    if sel.until is not None:
        stmt = stmt.where(ArticleRow.published <= sel.until)
    if sel.title_contains:
        stmt = stmt.where(ArticleRow.title.contains(sel.title_contains, autoescape=True))
    if sel.url_contains:
        stmt = stmt.where(ArticleRow.url.contains(sel.url_contains, autoescape=True))
    if sel.version is not None:
        stmt = stmt.where(ArticleRow.extractor_version == sel.version)
    if sel.not_version is not None:
        stmt = stmt.where(
            or_(
                ArticleRow.extractor_version.is_(None),
                ArticleRow.extractor_version != sel.not_version,
            )
        )
    return list(session.scalars(stmt))


def sentence_count(session: Session, article_id: int) -> int:
    """Return the number of sentences an article has (the index its next one takes)."""
    stmt = select(func.count()).select_from(SentenceRow).where(SentenceRow.article_id == article_id)
    return int(session.scalar(stmt) or 0)
