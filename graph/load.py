"""Read the stored events as plain graph records (the one place graph code touches the store)."""

from collections.abc import Collection, Iterator

from sqlalchemy.orm import Session

from diplograph.core.repositories import actors, events
from diplograph.graph.records import ActorNode, EventRecord

CHUNK = 10_000
"""Event ids read per statement: each is fetched whole, so no read lock outlives a chunk."""


def actor_nodes(session: Session, ids: Collection[int] | None = None) -> dict[int, ActorNode]:
    """Return the stored actors (every one, or those in ``ids``) as graph nodes by id."""
    return {row[0]: ActorNode(*row[:5], aliases=row[5]) for row in actors.graph_nodes(session, ids)}


def iter_records(
    session: Session, *, after: int = 0, through: int | None = None
) -> Iterator[EventRecord]:
    """Yield the stored events with ``after < id <= through`` (default: all) as graph records,
    in id order.

    Reads plain rows in chunks of ``CHUNK`` ids (no ORM objects; each chunk's statement
    finishes before the next starts, so a long build never holds SQLite's read lock
    against a writer). Every event of one actor shares that actor's :class:`ActorNode`,
    so a million events load in seconds and memory stays proportional to the graph.
    With ``after`` set, only the actors of the events read are loaded (their current
    attributes), which is what a cache catching up needs.
    """
    if through is None:
        through = events.latest_id(session)
    nodes = actor_nodes(session) if after == 0 else {}
    last = after
    while last < through:
        upper = min(last + CHUNK, through)
        rows = list(events.graph_rows(session, after=last, through=upper))
        missing = {r[1] for r in rows if r[1] not in nodes} | {
            r[2] for r in rows if r[2] not in nodes
        }
        if missing:
            nodes.update(actor_nodes(session, missing))
        for (
            id_,
            source_id,
            target_id,
            cameo,
            quad_class,
            goldstein,
            when,
            modality,
            confidence,
            negated,
            article_id,
            sentence_id,
            sentence,
            trigger,
        ) in rows:
            yield EventRecord(
                id=id_,
                source=nodes[source_id],
                target=nodes[target_id],
                cameo=cameo,
                quad_class=quad_class,
                goldstein=goldstein,
                date=when,
                modality=modality,
                confidence=confidence,
                negated=negated,
                article_id=article_id,
                sentence_id=sentence_id,
                sentence=sentence,
                trigger=trigger,
            )
        last = upper


def load_records(session: Session) -> list[EventRecord]:
    """Return every stored event as a graph record, in id order."""
    return list(iter_records(session))
