"""Queries on events."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session, joinedload

from core.models import EventRow


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
    """Return (highest event id, event count): changes whenever events are added or removed."""
    row = session.execute(select(func.coalesce(func.max(EventRow.id), 0), func.count(EventRow.id)))
    max_id, count = row.one()
    return int(max_id), int(count)
