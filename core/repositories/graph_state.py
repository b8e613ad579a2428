"""The marker a graph cache checks on every request: the highest event id, the highest
mention id and the generation."""

from collections.abc import Sequence
from typing import NamedTuple

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from diplograph.core.models import EventMentionRow, EventRow, GraphStateRow


class Marker(NamedTuple):
    """What a graph cache compares with what it holds."""

    through: int
    """The highest event id: grows with every ingest that adds events (read incrementally)."""
    mentions: int
    """The highest mention id: grows when an article tells an event, new or already stored
    (whose counts the cache then re-reads)."""
    generation: int
    """Grows with every change that cannot be read so (:class:`core.models.GraphStateRow`)."""


def marker(session: Session) -> Marker:
    """Return the :class:`Marker` in one statement: three primary-key lookups (0 for a store
    without the row)."""
    max_id = select(func.coalesce(func.max(EventRow.id), 0)).scalar_subquery()
    max_mention = select(func.coalesce(func.max(EventMentionRow.id), 0)).scalar_subquery()
    generation = select(func.coalesce(func.max(GraphStateRow.generation), 0)).scalar_subquery()
    row = session.execute(select(max_id, max_mention, generation)).one()
    return Marker(int(row[0]), int(row[1]), int(row[2]))


def recounted(
    session: Session, *, after: int, upto: int, through: int
) -> Sequence[tuple[int, int, int, int, int]]:
    """Return (event id, source actor id, target actor id, mentions, articles) of the events
    with ids up to ``through`` that the mentions ``after < id <= upto`` tell, by event id."""
    told = select(EventMentionRow.event_id).where(
        EventMentionRow.id > after, EventMentionRow.id <= upto
    )
    stmt = (
        select(
            EventRow.id,
            EventRow.source_actor_id,
            EventRow.target_actor_id,
            EventRow.num_mentions,
            EventRow.num_articles,
        )
        .where(EventRow.id.in_(told), EventRow.id <= through)
        .order_by(EventRow.id)
    )
    return [(a, b, c, d, e) for a, b, c, d, e in session.execute(stmt)]


def bump(session: Session) -> None:
    """Bump the generation: graph caches then rebuild in the background (caller commits).

    Needed only where triggers do not do it (0004_graph_generation creates them on SQLite and
    PostgreSQL).
    """
    session.execute(update(GraphStateRow).values(generation=GraphStateRow.generation + 1))
