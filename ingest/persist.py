"""Write an extracted article, its sentences, actors and events to the store."""

import hashlib
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy.orm import Session

from diplograph.core.repositories import articles, conflicts, events
from diplograph.ingest import version as ingest_version
from diplograph.ingest.actor_cache import ActorCache
from diplograph.ingest.identity import resolution_key, store_actor
from diplograph.ingest.types import ActorRef, ExtractedArticle, ExtractedEvent


@dataclass(frozen=True)
class PersistResult:
    """What storing one article did: its id, whether it was new, the ids of the events it
    tells (new or already stored) and how many of them are new."""

    article_id: int
    created: bool
    event_ids: tuple[int, ...]
    new_events: int = 0


def content_hash(text: str) -> str:
    """Return the SHA-256 of the article text with surrounding whitespace ignored."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()


OCCURRENCE_WINDOW = timedelta(days=2)
"""How far apart two articles may date one act (same actors, same CAMEO root).

An act without a date expression takes its article's publication date, so a
follow-up published the next day, or a day later in another time zone, dates the
same meeting one or two days later; "Monday" and "late November" resolve exactly.
Two days joins those reports and keeps acts a week apart (weekly talks, a second
round) separate.
"""


ActKey = tuple[int, int, str, date | None, bool, str]
"""(source actor id, target actor id, CAMEO root, date, negated, modality): one act."""


def persist(
    session: Session,
    extracted: ExtractedArticle,
    *,
    version: str | None = None,
    actors: ActorCache | None = None,
) -> PersistResult:
    """Store the article unless it is already stored; return what was done.

    An article whose text (up to whitespace, punctuation, case or one edited line)
    is stored is that article. Events are occurrences: the sentences of the article
    that tell one act become one event with several mentions, and an act another
    article already told (``OCCURRENCE_WINDOW``) gets this article's mentions and
    counts instead of a new event. ``event_ids`` are the events the article tells.
    ``version`` is the extractor that made ``extracted`` (default: the current one);
    ``actors`` the writer's :class:`~diplograph.ingest.actor_cache.ActorCache`, if it keeps
    one. The caller owns the transaction: nothing here commits. On PostgreSQL, where writers
    run side by side, the text and the actors it names are locked first (see
    :func:`~diplograph.core.repositories.conflicts.lock_keys`), so a second writer of
    the same text or the same actors waits for this one and then finds its rows.
    """
    art = extracted.article
    digest = content_hash(art.text)
    conflicts.lock_keys(session, write_keys(digest, extracted))
    existing = articles.get_by_hash(session, digest)
    if existing is None:
        copy_of = articles.find_near_duplicate(session, art.text, art.published)
        if copy_of is not None:
            return PersistResult(article_id=copy_of, created=False, event_ids=())
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
    event_ids, new_events = store_extraction(
        session, row.id, extracted, version=version, actors=actors
    )
    return PersistResult(
        article_id=row.id, created=True, event_ids=event_ids, new_events=new_events
    )


def store_extraction(
    session: Session,
    article_id: int,
    extracted: ExtractedArticle,
    *,
    version: str | None = None,
    actors: ActorCache | None = None,
) -> tuple[tuple[int, ...], int]:
    """Store the sentences and events of a stored article; return the ids of the events it
    tells and how many of them are new.

    Each new event and the article record ``version``, the extractor that made them
    (default: the current one). Actors are resolved through ``actors`` when given.
    """
    version = version or ingest_version.extractor_version()
    text = extracted.article.text
    sentence_ids = dict(
        zip(
            (s.index for s in extracted.sentences),
            articles.add_sentences(
                session,
                article_id=article_id,
                rows=[(s.index, s.paragraph, s.text, s.start, s.end) for s in extracted.sentences],
            ),
            strict=True,
        )
    )
    actor_ids: dict[ActorRef, int] = {}
    if actors is not None:
        actors.begin_article(session)

    def mention(ref: ActorRef) -> dict[str, Any]:
        """Return what identity resolution reads of a mention of ``ref`` in this text."""
        return {
            "name": ref.name,
            "type": ref.type,
            "country": ref.country,
            "role": ref.role,
            "aliases": ref.aliases,
            "text": text,
        }

    def resolve(ref: ActorRef) -> int:
        return store_actor(session, **mention(ref), article_id=article_id).id

    def actor_id(ref: ActorRef) -> int:
        if ref not in actor_ids:
            if actors is None:
                actor_ids[ref] = resolve(ref)
            else:
                key = resolution_key(**mention(ref))
                actor_ids[ref] = actors.actor_id(session, key, lambda: resolve(ref))
        return actor_ids[ref]

    conflicts.lock_appends(session)  # ids of events and mentions visible in commit order
    groups: dict[ActKey, list[ExtractedEvent]] = {}
    for ev in extracted.events:
        key: ActKey = (
            actor_id(ev.source),
            actor_id(ev.target),
            ev.cameo[:2],
            ev.date,
            ev.negated,
            ev.modality,
        )
        groups.setdefault(key, []).append(ev)
    stored = events.find_occurrences(
        session, list(groups), window=OCCURRENCE_WINDOW, other_than_article=article_id
    )
    new = [key for key in groups if key not in stored]
    # Finding an occurrence leaves this article's own events out, so the new events can go
    # in after every lookup, together, in the order one insert per event gave them ids.
    stored.update(
        zip(
            new,
            events.insert_events(
                session,
                [new_event(article_id, key, groups[key], sentence_ids, version) for key in new],
            ),
            strict=True,
        )
    )
    event_ids = [stored[key] for key in groups]
    mentions: list[dict[str, object]] = [
        {
            "event_id": stored[key],
            "article_id": article_id,
            "sentence_id": sentence_ids[ev.sentence_index],
            "trigger": ev.trigger,
            "event_date": ev.date,
            "confidence": ev.confidence,
        }
        for key, told in groups.items()
        for ev in told
    ]
    new_events = len(new)
    # The mentions go in together, then the counts of every event told are set at once: an
    # event's counts depend on its mentions only, and finding an occurrence (above) leaves
    # this article's own events out, so the order of the writes changes nothing.
    events.add_mentions(session, mentions)
    events.recount_many(session, event_ids)
    articles.set_extractor_version(session, article_id, version)
    return tuple(event_ids), new_events


def new_event(
    article_id: int,
    key: ActKey,
    told: list[ExtractedEvent],
    sentence_ids: dict[int, int],
    version: str,
) -> dict[str, object]:
    """Return the column values of the new event of act ``key`` that the extracted events
    ``told`` tell: the first one's, with the highest confidence of them all."""
    first = told[0]
    return {
        "article_id": article_id,
        "sentence_id": sentence_ids[first.sentence_index],
        "source_actor_id": key[0],
        "target_actor_id": key[1],
        "action": first.action,
        "cameo_code": first.cameo,
        "goldstein": first.goldstein,
        "quad_class": first.quad_class,
        "negated": first.negated,
        "modality": first.modality,
        "event_date": first.date,
        "location": first.location,
        "trigger": first.trigger,
        "confidence": max(ev.confidence for ev in told),
        "extractor_version": version,
    }


def replace_extraction(
    session: Session, article_id: int, extracted: ExtractedArticle, *, version: str | None = None
) -> tuple[int, tuple[int, ...]]:
    """Replace a stored article's sentences and events with ``extracted``; return (events
    removed, the ids of the events it now tells). Nothing commits: in one transaction, it is
    all or nothing."""
    conflicts.lock_keys(session, write_keys(content_hash(extracted.article.text), extracted))
    removed = articles.clear_extraction(session, article_id)
    event_ids, _ = store_extraction(session, article_id, extracted, version=version)
    return removed, event_ids


def write_keys(digest: str, extracted: ExtractedArticle) -> list[str]:
    """Return the keys of the rows storing ``extracted`` may create or merge into: its text
    and its actors (events are matched across articles by their actors)."""
    refs = {ref for ev in extracted.events for ref in (ev.source, ev.target)}
    return [f"article:{digest}", *(f"actor:{ref.name}|{ref.country or ''}" for ref in refs)]
