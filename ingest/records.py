"""The JSON form of extracted events (the schema of ``diplograph extract --json``)."""

from typing import Any

from diplograph.ingest.types import ActorRef, ExtractedEvent


def actor_record(actor: ActorRef) -> dict[str, Any]:
    """Return the JSON object of an actor: name, country, type, role."""
    return {"name": actor.name, "country": actor.country, "type": actor.type, "role": actor.role}


def event_record(event: ExtractedEvent, article_id: str) -> dict[str, Any]:
    """Return the JSON object of an event, as documented in the README."""
    return {
        "article": article_id,
        "source": actor_record(event.source),
        "target": actor_record(event.target),
        "action": event.action,
        "cameo": event.cameo,
        "goldstein": event.goldstein,
        "quad_class": event.quad_class,
        "negated": event.negated,
        "modality": event.modality,
        "date": event.date.isoformat() if event.date else None,
        "location": event.location,
        "sentence_index": event.sentence_index,
        "sentence": event.sentence,
        "trigger": event.trigger,
        "confidence": event.confidence,
    }
