"""Queries on events."""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import cast
from urllib.parse import urlsplit

from sqlalchemy import Engine, Select, bindparam, func, insert, or_, select, update
from sqlalchemy.orm import Session, joinedload

from diplograph.core.models import ActorRow, ArticleRow, EventMentionRow, EventRow, SentenceRow


@dataclass(frozen=True)
class EventFilter:
    """Which events a query wants; every field left None does not filter.

    ``actor_ids``: events with any of these actors as source or target (an actor and
    the members of its state); ``country``: events with an actor of that state (ISO
    alpha-3) at either end; ``article_id``: events that article tells (any mention).
    """

    actor_id: int | None = None
    code_prefix: str | None = None
    since: date | None = None
    until: date | None = None
    article_id: int | None = None
    actor_ids: tuple[int, ...] | None = None
    country: str | None = None


def _filtered(stmt: Select[EventRow], f: EventFilter) -> Select[EventRow]:
    if f.actor_id is not None:
        stmt = stmt.where(
            or_(EventRow.source_actor_id == f.actor_id, EventRow.target_actor_id == f.actor_id)
        )
    if f.actor_ids is not None:
        stmt = stmt.where(
            or_(
                EventRow.source_actor_id.in_(f.actor_ids), EventRow.target_actor_id.in_(f.actor_ids)
            )
        )
    if f.country is not None:
        of_country = select(ActorRow.id).where(ActorRow.country == f.country)
        stmt = stmt.where(
            or_(EventRow.source_actor_id.in_(of_country), EventRow.target_actor_id.in_(of_country))
        )
    if f.code_prefix:
        stmt = stmt.where(EventRow.cameo_code.startswith(f.code_prefix, autoescape=True))
    if f.since is not None:
        stmt = stmt.where(EventRow.event_date >= f.since)
    if f.until is not None:
        stmt = stmt.where(EventRow.event_date <= f.until)
    if f.article_id is not None:
        told = select(EventMentionRow.event_id).where(EventMentionRow.article_id == f.article_id)
        stmt = stmt.where(EventRow.id.in_(told))
    return stmt


def _with_relations(stmt: Select[EventRow]) -> Select[EventRow]:
    return stmt.options(
        joinedload(EventRow.source),
        joinedload(EventRow.target),
        joinedload(EventRow.sentence),
    )


def insert_events(session: Session, rows: Sequence[dict[str, object]]) -> list[int]:
    """Insert events from their column values in one statement (Core: no ORM object); return
    their ids, in ``rows`` order (ids ascend in that order, as one insert per row gave)."""
    if not rows:
        return []
    stmt = insert(EventRow).returning(EventRow.id, sort_by_parameter_order=True)
    # On the session's connection: the ORM's bulk-insert path costs more than the insert.
    return [int(id_) for id_ in session.connection().execute(stmt, list(rows)).scalars()]


def add_mentions(session: Session, rows: Sequence[dict[str, object]]) -> None:
    """Insert mentions from their column values in one statement (Core, executemany)."""
    if rows:
        session.connection().execute(insert(EventMentionRow), list(rows))


def recount_many(session: Session, event_ids: Sequence[int]) -> None:
    """Set the counts of each event in ``event_ids`` as :func:`recount` does, in two
    statements for all of them (one read, one executemany update by primary key)."""
    ids = sorted(set(event_ids))
    if not ids:
        return
    stmt = (
        select(EventMentionRow.event_id, EventMentionRow.article_id, ArticleRow.url)
        .join(ArticleRow, ArticleRow.id == EventMentionRow.article_id)
        .where(EventMentionRow.event_id.in_(ids))
    )
    told: dict[int, list[tuple[int, str | None]]] = {event_id: [] for event_id in ids}
    for event_id, article_id, url in session.execute(stmt):
        told[event_id].append((article_id, url))
    params = []
    for event_id, rows in told.items():
        sources = {urlsplit(url).hostname or url if url else f"article {a}" for a, url in rows}
        params.append(
            {
                "event_id": event_id,
                "n_mentions": len(rows),
                "n_articles": len({a for a, _ in rows}),
                "n_sources": len(sources),
            }
        )
    session.connection().execute(
        update(EventRow)
        .where(EventRow.id == bindparam("event_id"))
        .values(
            num_mentions=bindparam("n_mentions"),
            num_articles=bindparam("n_articles"),
            num_sources=bindparam("n_sources"),
        ),
        params,
    )


def add(session: Session, row: EventRow) -> EventRow:
    """Add an event row (flushed, so it has an id) and return it."""
    session.add(row)
    session.flush()
    return row


SYMMETRIC_ROOTS = frozenset({"04"})
"""CAMEO roots whose act is the same whichever side the text names first ("A met B",
"B met A")."""


OccurrenceKey = tuple[int, int, str, date | None, bool, str]
"""(source actor id, target actor id, CAMEO root, date, negated, modality) of one act."""


def find_occurrences(
    session: Session,
    acts: Sequence[OccurrenceKey],
    *,
    window: timedelta,
    other_than_article: int,
) -> dict[OccurrenceKey, int]:
    """Return, for each act of ``acts`` that another article told, the id of the stored event
    it is (acts without one are left out).

    Same actors (either way round for a consult), same CAMEO root, same negation and
    modality, dated within ``window`` of the act's date (an undated act matches nothing):
    the earliest such event. One read per run of overlapping date windows (an article's acts
    are mostly days apart): the candidates of every act at once, matched here.
    """
    dated = [act for act in acts if act[3] is not None]
    if not dated:
        return {}
    actor_ids = sorted({i for act in dated for i in act[:2]})
    spans = sorted(_around(act[3], window) for act in dated if act[3] is not None)
    merged: list[tuple[date, date]] = []
    for low, high in spans:
        if merged and low <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    candidates: list[tuple[int, int, int, str, date | None, bool, str]] = []
    for low, high in merged:
        stmt = select(
            EventRow.id,
            EventRow.source_actor_id,
            EventRow.target_actor_id,
            EventRow.cameo_code,
            EventRow.event_date,
            EventRow.negated,
            EventRow.modality,
        ).where(
            EventRow.source_actor_id.in_(actor_ids),
            EventRow.target_actor_id.in_(actor_ids),
            EventRow.event_date.between(low, high),
            EventRow.article_id != other_than_article,
        )
        candidates.extend(session.connection().execute(stmt))
    candidates.sort()
    found: dict[OccurrenceKey, int] = {}
    for act in dated:
        source_id, target_id, root, when, negated, modality = act
        assert when is not None
        low, high = _around(when, window)
        pairs = {(source_id, target_id)}
        if root in SYMMETRIC_ROOTS:
            pairs.add((target_id, source_id))
        for id_, s, t, code, day, neg, mod in candidates:
            if (
                (s, t) in pairs
                and code.startswith(root)
                and day is not None
                and low <= day <= high
                and neg == negated
                and mod == modality
            ):
                found[act] = id_
                break
    return found


def _around(when: date, window: timedelta) -> tuple[date, date]:
    """Return the days ``window`` either side of ``when``, kept within the calendar."""
    low = when - window if when - date.min > window else date.min
    high = when + window if date.max - when > window else date.max
    return low, high


def add_mention(session: Session, row: EventMentionRow) -> None:
    """Add one piece of evidence of an event (flushed)."""
    session.add(row)
    session.flush()


def recount(session: Session, event_id: int) -> None:
    """Set an event's mention, article and source counts from its mentions.

    A source is the host of an article's URL; an article without URL is its own source.
    """
    stmt = (
        select(EventMentionRow.article_id, ArticleRow.url)
        .join(ArticleRow, ArticleRow.id == EventMentionRow.article_id)
        .where(EventMentionRow.event_id == event_id)
    )
    rows = session.execute(stmt).all()
    sources = {urlsplit(url).hostname or url if url else f"article {a}" for a, url in rows}
    session.execute(
        update(EventRow)
        .where(EventRow.id == event_id)
        .values(
            num_mentions=len(rows),
            num_articles=len({a for a, _ in rows}),
            num_sources=len(sources),
        )
    )


def mentions(session: Session, event_ids: Sequence[int]) -> dict[int, list[EventMentionRow]]:
    """Return the mentions of each event in ``event_ids`` (sentence and article loaded),
    in mention order."""
    stmt = (
        select(EventMentionRow)
        .where(EventMentionRow.event_id.in_(event_ids))
        .options(joinedload(EventMentionRow.sentence), joinedload(EventMentionRow.article))
        .order_by(EventMentionRow.id)
    )
    found: dict[int, list[EventMentionRow]] = {event_id: [] for event_id in event_ids}
    for row in session.scalars(stmt).unique():
        found[row.event_id].append(row)
    return found


def list_page(
    session: Session, f: EventFilter, *, limit: int, offset: int
) -> tuple[Sequence[EventRow], int]:
    """Return one page of matching events (actors and sentence loaded) and the total count."""
    matching = _filtered(select(EventRow), f).with_only_columns(EventRow.id).subquery()
    total = session.scalar(select(func.count()).select_from(matching)) or 0
    stmt = _with_relations(_filtered(select(EventRow), f)).order_by(
        EventRow.event_date.is_(None), EventRow.event_date, EventRow.id
    )
    return session.scalars(stmt.limit(limit).offset(offset)).unique().all(), total


def count(session: Session, f: EventFilter) -> int:
    """Return how many events match."""
    matching = _filtered(select(EventRow), f).with_only_columns(EventRow.id).subquery()
    return session.scalar(select(func.count()).select_from(matching)) or 0


def mention_total(session: Session, f: EventFilter) -> int:
    """Return the number of mentions behind the matching events."""
    matching = _filtered(select(EventRow), f).with_only_columns(EventRow.num_mentions).subquery()
    return int(session.scalar(select(func.coalesce(func.sum(matching.c.num_mentions), 0))) or 0)


def all_matching(session: Session, f: EventFilter) -> Sequence[EventRow]:
    """Return every matching event with its actors and sentence loaded, in id order."""
    stmt = _with_relations(_filtered(select(EventRow), f)).order_by(EventRow.id)
    return session.scalars(stmt).unique().all()


def get(session: Session, event_id: int) -> EventRow | None:
    """Return one event with its actors, sentence and article loaded, or None."""
    stmt = _with_relations(select(EventRow).where(EventRow.id == event_id)).options(
        joinedload(EventRow.article)
    )
    return session.scalars(stmt).unique().one_or_none()


def version(session: Session) -> tuple[int, int]:
    """Return (highest event id, event count): changes whenever events are added or removed.

    Two statements on purpose: SQLite answers ``max(id)`` from the primary key and
    ``count(*)`` from its smallest index, each in well under a millisecond at a million
    rows, but the two in one statement scan the table.
    """
    max_id = session.scalar(select(func.coalesce(func.max(EventRow.id), 0)))
    count = session.scalar(select(func.count()).select_from(EventRow))
    return int(max_id or 0), int(count or 0)


def latest_id(session: Session) -> int:
    """Return the highest event id (0 without events): one primary-key lookup.

    It grows with every ingest that adds events, so it is the cheap half of
    :func:`version`; only a deletion can leave it unchanged while the events change.
    """
    return int(session.scalar(select(func.coalesce(func.max(EventRow.id), 0))) or 0)


GraphRow = tuple[
    int, int, int, str, int, float, date | None, str, float, bool, int, int, str, str, int, int, int
]
"""(id, source actor id, target actor id, CAMEO code, quad class, Goldstein, date, modality,
confidence, negated, article id, sentence id, sentence text, trigger, sentence index,
mentions, articles)."""


def graph_rows(
    session: Session, *, after: int = 0, through: int | None = None, batch: int = 10_000
) -> Iterator[GraphRow]:
    """Yield the events with ``after < id <= through`` (default: every event) as plain tuples
    with their sentence text, in id order, in batches.

    One joined query, no ORM objects: this is what the graph is built from, and
    what a cache holding the events up to ``after`` reads to catch up.
    """
    stmt = (
        select(
            EventRow.id,
            EventRow.source_actor_id,
            EventRow.target_actor_id,
            EventRow.cameo_code,
            EventRow.quad_class,
            EventRow.goldstein,
            EventRow.event_date,
            EventRow.modality,
            EventRow.confidence,
            EventRow.negated,
            EventRow.article_id,
            EventRow.sentence_id,
            SentenceRow.text,
            EventRow.trigger,
            SentenceRow.index,
            EventRow.num_mentions,
            EventRow.num_articles,
        )
        .join(SentenceRow, SentenceRow.id == EventRow.sentence_id)
        .where(EventRow.id > after)
        .order_by(EventRow.id)
        .execution_options(yield_per=batch)
    )
    if through is not None:
        stmt = stmt.where(EventRow.id <= through)
    # Core rows from the session's connection: no ORM result processing per row.
    for row in session.connection().execute(stmt):
        yield cast(GraphRow, tuple(row))


def existing_external_ids(session: Session, origin: str, external_ids: Sequence[str]) -> set[str]:
    """Return which of ``external_ids`` are already stored as events imported from ``origin``."""
    found: set[str] = set()
    for start in range(0, len(external_ids), 500):
        chunk = list(external_ids[start : start + 500])
        stmt = select(EventRow.external_id).where(
            EventRow.origin == origin, EventRow.external_id.in_(chunk)
        )
        found |= {value for value in session.scalars(stmt) if value is not None}
    return found


SEPARATOR = "\x1f"
"""Separates the texts of one column in a :func:`graph_column_texts` answer (ASCII unit
separator: no code, modality or trigger holds it; a reader checks the count anyway)."""

_CHUNK = "FROM events NOT INDEXED WHERE id > ? AND id <= ?"
"""A chunk of events: ``NOT INDEXED`` leaves SQLite one way to read it, the table itself in
rowid (id) order, so the texts list the events in id order without an ``ORDER BY`` (whose
subquery costs about a tenth more; the reader checks the ids of part 0)."""
GOLDSTEIN_SCALE = 2**59
"""Goldstein scores are read as ``score * GOLDSTEIN_SCALE`` in integers: exact for every
score of magnitude from 1/128 to 16 (a power of two only moves the binary point), and a
chunk holding another is read otherwise (see :data:`GRAPH_COLUMN_PARTS`)."""
CONFIDENCE_SCALE = 2**62
"""Confidences are read as ``confidence * CONFIDENCE_SCALE`` in integers: exact from 1/1024
to 2 (and for 0, and any value with a shorter binary fraction)."""
_GOLDSTEIN = f"goldstein * {GOLDSTEIN_SCALE}"  # an integer: exact as a double
_CONFIDENCE = f"confidence * {CONFIDENCE_SCALE}"
_G = f"CAST({_GOLDSTEIN} AS INTEGER)"
_C = f"CAST({_CONFIDENCE} AS INTEGER)"
GRAPH_COLUMN_PARTS = (
    f"""SELECT count(*), group_concat(id), group_concat((source_actor_id << 32) | target_actor_id),
       group_concat(coalesce(CAST(julianday(event_date) - 1721424.5 AS INTEGER), 0)
                    | (quad_class << 20) | ((negated + 0) << 23)),
       group_concat((num_mentions << 32) | num_articles),
       group_concat(article_id), group_concat(sentence_id)
{_CHUNK}""",
    f"""SELECT count(*), group_concat({_G}), group_concat({_C}),
       total({_G} != {_GOLDSTEIN} OR {_C} != {_CONFIDENCE}),
       group_concat(cameo_code, char(31)), group_concat(modality, char(31)),
       group_concat("trigger", char(31))
{_CHUNK}""",
)
"""The two statements that read a chunk of events column by column on SQLite (see
:func:`graph_column_texts`): they can run at once on two connections."""


ColumnTexts = tuple[str | int | float | None, ...]
"""One answer of a statement of :data:`GRAPH_COLUMN_PARTS`."""


def graph_column_texts(
    engine: Engine, part: int, *, after: int, through: int
) -> ColumnTexts | None:
    """Return part ``part`` (0 or 1) of the events with ``after < id <= through`` column
    by column, each column one text, read on a connection of its own (SQLite only; None on
    another database).

    Part 0: (row count, ids, source << 32 | target, date ordinal (0: undated) | quad class
    << 20 | negated << 23, mentions << 32 | articles, article ids, sentence ids), numbers
    joined by commas, in id order. Part 1: (count, Goldstein scores
    times :data:`GOLDSTEIN_SCALE` and confidences times :data:`CONFIDENCE_SCALE` as integers,
    how many of those two are not exact (then the chunk must be read otherwise), CAMEO codes,
    modalities and triggers joined by :data:`SEPARATOR`). Not the sentences the events cite
    (their texts and positions), which a graph reads when an answer needs them
    (:func:`sentences_by_id`).
    A few texts per statement, no float written as text: reading a million
    events so takes a fraction of the time tuples per row take, and no statement outlives
    its chunk.
    """
    if engine.dialect.name != "sqlite":
        return None
    with engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        assert raw is not None
        cursor = raw.cursor()
        try:
            return tuple(cursor.execute(GRAPH_COLUMN_PARTS[part], (after, through)).fetchone())
        finally:
            cursor.close()


def sentences_by_id(
    session: Session, sentence_ids: Sequence[int], *, batch: int = 500
) -> dict[int, tuple[str, int]]:
    """Return the text and position in its article of each sentence of ``sentence_ids``, by
    id (ids not stored are left out), read ``batch`` ids per statement."""
    found: dict[int, tuple[str, int]] = {}
    connection = session.connection()
    for start in range(0, len(sentence_ids), batch):
        wanted = list(sentence_ids[start : start + batch])
        stmt = select(SentenceRow.id, SentenceRow.text, SentenceRow.index).where(
            SentenceRow.id.in_(wanted)
        )
        found.update(
            (int(id_), (text, int(index))) for id_, text, index in connection.execute(stmt)
        )
    return found
