"""Read the stored events as plain graph records (the one place graph code touches the store)."""

from sqlalchemy.orm import Session

from core.models import ActorRow, EventRow
from core.repositories import events
from graph.records import ActorNode, EventRecord


def actor_node(row: ActorRow) -> ActorNode:
    """Return the graph node of a stored actor."""
    return ActorNode(row.id, row.canonical_name, row.type, row.country, row.role)


def event_record(row: EventRow) -> EventRecord:
    """Return the graph record of a stored event (its actors and sentence must be loaded)."""
    return EventRecord(
        id=row.id,
        source=actor_node(row.source),
        target=actor_node(row.target),
        cameo=row.cameo_code,
        quad_class=row.quad_class,
        goldstein=row.goldstein,
        date=row.event_date,
        modality=row.modality,
        confidence=row.confidence,
        negated=row.negated,
        article_id=row.article_id,
        sentence_id=row.sentence_id,
        sentence=row.sentence.text,
        trigger=row.trigger,
    )


def load_records(session: Session) -> list[EventRecord]:
    """Return every stored event as a graph record, in id order."""
    return [event_record(row) for row in events.all_matching(session, events.EventFilter())]
