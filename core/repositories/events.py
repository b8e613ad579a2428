"""Queries on events."""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import cast

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session, joinedload

from diplograph.core.models import EventRow, SentenceRow


@dataclass(frozen=True)
class EventFilter:
    """Which events a query wants; every field left None does not filter."""

    actor_id: int | None = None
    code_prefix: str | None = None
    since: date | None = None
    until: date | None = None
    article_id: int | None = None


def _filtered(stmt: Select[EventRow], f: EventFilter) -> Select[EventRow]:
    if f.actor_id is not None:
        stmt = stmt.where(
            or_(EventRow.source_actor_id == f.actor_id, EventRow.target_actor_id == f.actor_id)
        )
    if f.code_prefix:
        stmt = stmt.where(EventRow.cameo_code.startswith(f.code_prefix, autoescape=True))
    if f.since is not None:
        stmt = stmt.where(EventRow.event_date >= f.since)
    if f.until is not None:
        stmt = stmt.where(EventRow.event_date <= f.until)
    if f.article_id is not None:
        stmt = stmt.where(EventRow.article_id == f.article_id)
    return stmt


def _with_relations(stmt: Select[EventRow]) -> Select[EventRow]:
    return stmt.options(
        joinedload(EventRow.source),
        joinedload(EventRow.target),
        joinedload(EventRow.sentence),
    )


def add(session: Session, row: EventRow) -> EventRow:
    """Add an event row (flushed, so it has an id) and return it."""
    session.add(row)
    session.flush()
    return row


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
    int, int, int, str, int, float, date | None, str, float, bool, int, int, str, str, int
]
"""(id, source actor id, target actor id, CAMEO code, quad class, Goldstein, date, modality,
confidence, negated, article id, sentence id, sentence text, trigger, sentence index)."""


def graph_rows(session: Session, *, batch: int = 10_000) -> Iterator[GraphRow]:
    """Yield every event as a plain tuple with its sentence text, in id order, in batches.

    One joined query, no ORM objects: this is what the graph is built from.
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
        )
        .join(SentenceRow, SentenceRow.id == EventRow.sentence_id)
        .order_by(EventRow.id)
        .execution_options(yield_per=batch)
    )
    for row in session.execute(stmt):
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
