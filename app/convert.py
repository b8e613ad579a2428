"""Turn stored rows into API schemas."""

from app.schemas import ActorOut, ArticleRef, EventEvidence, EventOut
from core.models import ActorRow, EventRow


def actor_out(row: ActorRow) -> ActorOut:
    """Return the API form of an actor row."""
    return ActorOut(
        id=row.id, name=row.canonical_name, type=row.type, country=row.country, role=row.role
    )


def event_out(row: EventRow) -> EventOut:
    """Return the API form of an event row (its actors and sentence must be loaded)."""
    return EventOut(
        id=row.id,
        article_id=row.article_id,
        source=actor_out(row.source),
        target=actor_out(row.target),
        action=row.action,
        cameo=row.cameo_code,
        goldstein=row.goldstein,
        quad_class=row.quad_class,
        negated=row.negated,
        modality=row.modality,
        date=row.event_date,
        location=row.location,
        trigger=row.trigger,
        sentence=row.sentence.text,
        sentence_index=row.sentence.index,
        confidence=row.confidence,
    )


def event_evidence(row: EventRow) -> EventEvidence:
    """Return an event with its article (which must be loaded)."""
    art = row.article
    return EventEvidence(
        **event_out(row).model_dump(),
        article=ArticleRef(id=art.id, title=art.title, url=art.url, published=art.published),
    )
