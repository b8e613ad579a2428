"""The marker a graph cache checks on every request: the highest event id and the generation."""

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from diplograph.core.models import EventRow, GraphStateRow


def marker(session: Session) -> tuple[int, int]:
    """Return (highest event id, generation) in one statement: two primary-key lookups.

    The highest id grows with every ingest that adds events (read incrementally);
    the generation grows with every change that cannot be read so (see
    :class:`core.models.GraphStateRow`). 0 for a store without the row.
    """
    max_id = select(func.coalesce(func.max(EventRow.id), 0)).scalar_subquery()
    generation = select(func.coalesce(func.max(GraphStateRow.generation), 0)).scalar_subquery()
    row = session.execute(select(max_id, generation)).one()
    return int(row[0]), int(row[1])


def bump(session: Session) -> None:
    """Bump the generation: graph caches then rebuild in the background (caller commits).

    Needed only where triggers do not do it (databases other than SQLite).
    """
    session.execute(update(GraphStateRow).values(generation=GraphStateRow.generation + 1))
