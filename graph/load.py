"""Read the stored events as plain graph records (the one place graph code touches the store)."""

from collections.abc import Callable, Collection, Iterator
from typing import Any

import networkx as nx
from sqlalchemy.orm import Session

from diplograph.core.repositories import actors, events
from diplograph.graph.build import edge_columns, node_attrs
from diplograph.graph.edges import EdgeData
from diplograph.graph.records import ActorNode, EventGraph, EventRecord, NodeId

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
            sentence_index,
            mentions,
            articles,
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
                sentence_index=sentence_index,
                mentions=mentions,
                articles=articles,
            )
        last = upper


def load_graph(
    session: Session, *, progress: Callable[[int, int], None] | None = None
) -> EventGraph:
    """Return the graph of every stored event, read straight into its edge columns.

    The same graph as ``build_graph(iter_records(session))`` (same node and edge
    order), without making a record per event: the cache's full builds use it.
    ``progress(events read, highest id read)`` is called after every chunk.
    """
    G: EventGraph = nx.MultiDiGraph()
    node_attrs_of = {n: node_attrs(actor) for n, actor in actor_nodes(session).items()}
    nodes: dict[NodeId, dict[str, Any]] = G._node  # type: ignore[attr-defined]
    succ: dict[NodeId, dict[NodeId, dict[int, Any]]] = G._succ  # type: ignore[attr-defined]
    pred: dict[NodeId, dict[NodeId, dict[int, Any]]] = G._pred  # type: ignore[attr-defined]
    cols = edge_columns(G)
    through = events.latest_id(session)
    last = read = 0
    while last < through:
        upper = min(last + CHUNK, through)
        rows = list(events.graph_rows(session, after=last, through=upper))
        missing = {r[1] for r in rows if r[1] not in node_attrs_of}
        missing |= {r[2] for r in rows if r[2] not in node_attrs_of}
        if missing:
            node_attrs_of.update(
                (n, node_attrs(actor)) for n, actor in actor_nodes(session, missing).items()
            )
        added = cols.extend([(r[0], *r[3:]) for r in rows])
        for (id_, source, target, *_), row in zip(rows, added, strict=True):
            if source not in nodes:
                G.add_node(source, **node_attrs_of[source])
            if target not in nodes:
                G.add_node(target, **node_attrs_of[target])
            keys = succ[source].get(target)
            if keys is None:
                keys = succ[source][target] = pred[target][source] = {}
            keys[id_] = EdgeData(row, cols)
        read += len(rows)
        last = upper
        if progress is not None:
            progress(read, rows[-1][0] if rows else last)
    return G


def load_records(session: Session) -> list[EventRecord]:
    """Return every stored event as a graph record, in id order."""
    return list(iter_records(session))
