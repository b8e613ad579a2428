"""Write an extracted article, its sentences, actors and events to the store."""

import hashlib
from dataclasses import dataclass

from sqlalchemy.orm import Session

from diplograph.core.models import ActorRow, EventRow
from diplograph.core.repositories import actors, articles, events
from diplograph.ingest import version as ingest_version
from diplograph.ingest.types import ActorRef, ExtractedArticle


@dataclass(frozen=True)
class PersistResult:
    """What storing one article did: its id, whether it was new, and its event ids."""

    article_id: int
    created: bool
    event_ids: tuple[int, ...]


def content_hash(text: str) -> str:
    """Return the SHA-256 of the article text with surrounding whitespace ignored."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()


def persist(
    session: Session, extracted: ExtractedArticle, *, version: str | None = None
) -> PersistResult:
    """Store the article unless its text is already stored; return what was done.

    ``version`` is the extractor that made ``extracted`` (default: the current one).
    The caller owns the transaction: nothing here commits.
    """
    art = extracted.article
    digest = content_hash(art.text)
    existing = articles.get_by_hash(session, digest)
    if existing is not None:
        return PersistResult(article_id=existing.id, created=False, event_ids=())
    try:
        row = articles.add(
            session,
            content_hash=digest,
            text=art.text,
            published=art.published,
            title=art.title,
            url=art.url,
            external_id=art.id,
        )
    except articles.ArticleExistsError as exc:
        # Another writer stored the same text since the lookup above; nothing was written.
        return PersistResult(article_id=exc.article_id, created=False, event_ids=())
    event_ids = store_extraction(session, row.id, extracted, version=version)
    return PersistResult(article_id=row.id, created=True, event_ids=event_ids)


def store_extraction(
    session: Session, article_id: int, extracted: ExtractedArticle, *, version: str | None = None
) -> tuple[int, ...]:
    """Store the sentences and events of a stored article; return the new event ids.

    Each event and the article record ``version``, the extractor that made them
    (default: the current one).
    """
    version = version or ingest_version.extractor_version()
    sentence_ids: dict[int, int] = {}
    for s in extracted.sentences:
        sentence_ids[s.index] = articles.add_sentence(
            session,
            article_id=article_id,
            index=s.index,
            paragraph=s.paragraph,
            text=s.text,
            start_char=s.start,
            end_char=s.end,
        ).id
    actor_ids: dict[ActorRef, int] = {}

    def actor_id(ref: ActorRef) -> int:
        if ref not in actor_ids:
            actor_ids[ref] = _store_actor(session, ref).id
        return actor_ids[ref]

    event_ids = []
    for ev in extracted.events:
        stored = events.add(
            session,
            EventRow(
                article_id=article_id,
                sentence_id=sentence_ids[ev.sentence_index],
                source_actor_id=actor_id(ev.source),
                target_actor_id=actor_id(ev.target),
                action=ev.action,
                cameo_code=ev.cameo,
                goldstein=ev.goldstein,
                quad_class=ev.quad_class,
                negated=ev.negated,
                modality=ev.modality,
                event_date=ev.date,
                location=ev.location,
                trigger=ev.trigger,
                confidence=ev.confidence,
                extractor_version=version,
            ),
        )
        event_ids.append(stored.id)
    articles.set_extractor_version(session, article_id, version)
    return tuple(event_ids)


def replace_extraction(
    session: Session, article_id: int, extracted: ExtractedArticle, *, version: str | None = None
) -> tuple[int, tuple[int, ...]]:
    """Replace a stored article's sentences and events with ``extracted``; return (events
    removed, new event ids). Nothing commits: in one transaction, it is all or nothing."""
    removed = articles.clear_extraction(session, article_id)
    return removed, store_extraction(session, article_id, extracted, version=version)


def _store_actor(session: Session, ref: ActorRef) -> ActorRow:
    return actors.upsert(
        session,
        canonical_name=ref.name,
        type=ref.type,
        country=ref.country,
        role=ref.role,
        aliases=ref.aliases,
    )
