"""Read the stored events as plain graph records (the one place graph code touches the store)."""

from collections.abc import Iterator

from sqlalchemy.orm import Session

from diplograph.core.repositories import actors, events
from diplograph.graph.records import ActorNode, EventRecord


def iter_records(session: Session) -> Iterator[EventRecord]:
    """Yield every stored event as a graph record, in id order.

    Reads plain rows in batches (no ORM objects), and every event of one actor
    shares that actor's :class:`ActorNode`, so a million events load in
    seconds and memory stays proportional to the graph being built.
    """
    nodes = {row[0]: ActorNode(*row[:5], aliases=row[5]) for row in actors.graph_nodes(session)}
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
        sentence_index,
        mentions,
        articles,
    ) in events.graph_rows(session):
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
            sentence_index=sentence_index,
            mentions=mentions,
            articles=articles,
        )


def load_records(session: Session) -> list[EventRecord]:
    """Return every stored event as a graph record, in id order."""
    return list(iter_records(session))
