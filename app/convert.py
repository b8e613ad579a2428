"""Turn stored rows and graph results into API schemas."""

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from diplograph.app.schemas.actors import ActorDetail, ActorOut
from diplograph.app.schemas.articles import ArticleDetail, ArticleSummary, SentenceOut
from diplograph.app.schemas.events import ArticleRef, EventEvidence, EventOut, MentionOut
from diplograph.app.schemas.graph import MeetingPairOut, NodeOut
from diplograph.core.models import ActorRow, ArticleRow, EventMentionRow, EventRow
from diplograph.graph.edges import fetch_sentences
from diplograph.graph.queries import MeetingPair, pair_events
from diplograph.graph.records import EventGraph


def as_utc(moment: datetime) -> datetime:
    """Return ``moment`` as an aware UTC datetime (SQLite hands back naive UTC ones)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def actor_out(row: ActorRow) -> ActorOut:
    """Return the API form of an actor row."""
    return ActorOut(
        id=row.id, name=row.canonical_name, type=row.type, country=row.country, role=row.role
    )


def actor_detail(row: ActorRow, counts: tuple[int, int]) -> ActorDetail:
    """Return an actor (aliases loaded) with its (as source, as target) event counts."""
    return ActorDetail(
        **actor_out(row).model_dump(),
        aliases=sorted(a.alias for a in row.aliases),
        events_as_source=counts[0],
        events_as_target=counts[1],
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
        num_mentions=row.num_mentions,
        num_articles=row.num_articles,
        num_sources=row.num_sources,
    )


def event_evidence(row: EventRow, mentions: Sequence[EventMentionRow] = ()) -> EventEvidence:
    """Return an event with its article and every mention (actors, sentence, article and the
    mentions' sentences and articles must be loaded)."""
    art = row.article
    return EventEvidence(
        **event_out(row).model_dump(),
        article=ArticleRef(id=art.id, title=art.title, url=art.url, published=art.published),
        mentions=[
            MentionOut(
                article_id=m.article_id,
                article_title=m.article.title,
                published=m.article.published,
                sentence_index=m.sentence.index,
                sentence=m.sentence.text,
                trigger=m.trigger,
                date=m.event_date,
                confidence=m.confidence,
            )
            for m in mentions
        ],
    )


def article_summary(row: ArticleRow, events: int) -> ArticleSummary:
    """Return an article without its text, with its number of events."""
    return ArticleSummary(
        id=row.id,
        title=row.title,
        url=row.url,
        published=row.published,
        ingested_at=as_utc(row.ingested_at),
        events=events,
    )


def article_detail(row: ArticleRow, events: Sequence[EventRow]) -> ArticleDetail:
    """Return an article (sentences loaded) with its text, sentences and ``events``."""
    return ArticleDetail(
        id=row.id,
        title=row.title,
        url=row.url,
        published=row.published,
        ingested_at=as_utc(row.ingested_at),
        text=row.text,
        sentences=[
            SentenceOut(
                index=s.index,
                paragraph=s.paragraph,
                text=s.text,
                start=s.start_char,
                end=s.end_char,
            )
            for s in row.sentences
        ],
        events=[event_out(e) for e in events],
    )


def node_out(row: ActorRow) -> NodeOut:
    """Return an actor row as a graph node."""
    return NodeOut(
        id=row.id, name=row.canonical_name, type=row.type, country=row.country, role=row.role
    )


def meeting_pairs_out(G: EventGraph, pairs: Sequence[MeetingPair]) -> list[MeetingPairOut]:
    """Return who-met-whom pairs with the evidence of each of their events, read from ``G``
    (the sentences of all in one read)."""
    evidence = [pair_events(G, pair) for pair in pairs]
    fetch_sentences(data for events in evidence for data in events)
    return [meeting_pair_out(G, pair, events) for pair, events in zip(pairs, evidence, strict=True)]


def meeting_pair_out(
    G: EventGraph, pair: MeetingPair, evidence: Sequence[Mapping[str, Any]] | None = None
) -> MeetingPairOut:
    """Return a who-met-whom pair with the evidence of each of its events (``evidence``, else
    read from ``G``)."""
    if evidence is None:
        evidence = pair_events(G, pair)
    return MeetingPairOut.model_validate(
        {
            "a": pair.a,
            "b": pair.b,
            "count": pair.count,
            "mentions": sum(e.get("mentions", 1) for e in evidence),
            "first_date": pair.first_date,
            "last_date": pair.last_date,
            "evidence": evidence,
        }
    )
