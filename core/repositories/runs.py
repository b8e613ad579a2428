"""Queries on ingest runs."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from diplograph.core.models import IngestRunRow, utcnow


def start(session: Session, *, extractor_version: str) -> IngestRunRow:
    """Record the start of an ingest run and return it (flushed, so it has an id)."""
    row = IngestRunRow(extractor_version=extractor_version)
    session.add(row)
    session.flush()
    return row


def finish(
    session: Session, run_id: int, *, articles_added: int, articles_skipped: int, events_added: int
) -> None:
    """Record the counts and end time of the run ``run_id``."""
    row = session.get_one(IngestRunRow, run_id)
    row.articles_added = articles_added
    row.articles_skipped = articles_skipped
    row.events_added = events_added
    row.finished_at = utcnow()


def latest(session: Session) -> IngestRunRow | None:
    """Return the most recent ingest run, or None."""
    return session.scalar(select(IngestRunRow).order_by(IngestRunRow.id.desc()).limit(1))
