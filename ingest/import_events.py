"""Store events read from GDELT or ICEWS files, marked as imported (see :mod:`event_files`).

The events of one source (a GDELT SOURCEURL, an ICEWS story) share one article whose
title says where they came from and whose text is the list of their one-line
descriptions (the news text itself is not in the files); each event is one sentence of
it, so every imported event has evidence to show like an extracted one. Events are
stored with ``origin`` "gdelt" or "icews" and their id in the file; an event already
imported is passed over, so importing a file again, or after an interruption, adds
only what is missing. ``diplograph reextract`` leaves imported articles alone.
"""

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from diplograph.core.db import transaction
from diplograph.core.models import ArticleRow, EventRow
from diplograph.core.repositories import actors, articles, events
from diplograph.ingest.event_files import ImportedActor, ImportedEvent
from diplograph.ingest.lexicon import cameo_codes

BATCH = 1000
"""Events stored per transaction."""
DATASET_NAMES = {"gdelt-1.0": "GDELT 1.0", "gdelt-2.0": "GDELT 2.0", "icews": "ICEWS"}


@dataclass
class ImportSummary:
    """Counts of one import."""

    events_added: int = 0
    already_stored: int = 0
    articles_added: int = 0
    unknown_codes: int = 0


def source_key(event: ImportedEvent) -> str:
    """Return what groups an event with the others of its report: URL, story, or dataset."""
    return f"{event.origin}:{event.url or event.story or event.dataset}"


def _article(session: Session, event: ImportedEvent, summary: ImportSummary) -> ArticleRow:
    digest = hashlib.sha256(source_key(event).encode("utf-8")).hexdigest()
    row = articles.get_by_hash(session, digest)
    if row is not None:
        return row
    where = event.url or event.story or "no source given"
    summary.articles_added += 1
    return articles.add(
        session,
        content_hash=digest,
        text="",
        published=event.date,
        title=f"[imported from {DATASET_NAMES[event.dataset]}] {where}"[:500],
        url=event.url,
        external_id=event.story,
        origin=event.origin,
    )


def _actor_id(session: Session, actor: ImportedActor) -> int:
    return actors.upsert(
        session,
        canonical_name=actor.name,
        type=actor.type,
        country=actor.country,
        role=None,
        aliases=[actor.name],
    ).id


def _store(session: Session, batch: list[ImportedEvent], summary: ImportSummary) -> None:
    codes = cameo_codes()
    for origin in {e.origin for e in batch}:
        mine = [e for e in batch if e.origin == origin]
        known = events.existing_external_ids(session, origin, [e.external_id for e in mine])
        summary.already_stored += sum(e.external_id in known for e in mine)
        for event in mine:
            if event.external_id in known:
                continue
            known.add(event.external_id)
            code = (
                codes.get(event.cameo) or codes.get(event.cameo[:3]) or codes.get(event.cameo[:2])
            )
            if code is None:
                summary.unknown_codes += 1
                continue
            article = _article(session, event, summary)
            index = articles.sentence_count(session, article.id)
            start = len(article.text)
            article.text += event.text + "\n"
            sentence = articles.add_sentence(
                session,
                article_id=article.id,
                index=index,
                paragraph=index,
                text=event.text,
                start_char=start,
                end_char=start + len(event.text),
            )
            events.add(
                session,
                EventRow(
                    article_id=article.id,
                    sentence_id=sentence.id,
                    source_actor_id=_actor_id(session, event.source),
                    target_actor_id=_actor_id(session, event.target),
                    action=code.name[:100],
                    cameo_code=event.cameo[:4],
                    goldstein=event.goldstein if event.goldstein is not None else code.goldstein,
                    quad_class=event.quad_class or code.quad_class,
                    negated=False,
                    modality="asserted",
                    event_date=event.date,
                    location=event.location[:255] if event.location else None,
                    trigger=f"{DATASET_NAMES[event.dataset]} event {event.external_id}"[:255],
                    confidence=1.0,
                    extractor_version=event.dataset,
                    origin=event.origin,
                    external_id=event.external_id[:64],
                ),
            )
            summary.events_added += 1


def _batches(items: Iterable[ImportedEvent]) -> Iterator[list[ImportedEvent]]:
    batch: list[ImportedEvent] = []
    for item in items:
        batch.append(item)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def import_events(
    factory: sessionmaker[Session],
    items: Iterable[ImportedEvent],
    *,
    on_batch: Callable[[ImportSummary], None] | None = None,
) -> ImportSummary:
    """Store ``items`` in transactions of ``BATCH`` events; return the counts.

    An event whose CAMEO code is in no table is counted in ``unknown_codes`` and not stored.
    """
    summary = ImportSummary()
    for batch in _batches(items):
        with transaction(factory) as session:
            _store(session, batch, summary)
        if on_batch is not None:
            on_batch(summary)
    return summary
