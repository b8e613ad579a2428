"""Read the stored events as plain graph records (the one place graph code touches the store)."""

from collections.abc import Callable, Collection, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import networkx as nx
import numpy as np
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from diplograph.core.db import in_memory, make_engine
from diplograph.core.repositories import actors, events
from diplograph.core.repositories.events import SEPARATOR, ColumnTexts, GraphRow
from diplograph.graph.adjacency import Adjacency, group_pairs, link, slotted
from diplograph.graph.build import edge_columns, node_attrs
from diplograph.graph.edges import ColumnChunk, Ints, PairEvents, SentenceLoader
from diplograph.graph.records import ActorNode, EventGraph, EventRecord

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
    order), without making a record or a row tuple per event: the cache's full builds
    use it. Each chunk of ``FAST_CHUNK`` event ids is read column by column
    (:func:`read_chunks`) into the edge columns; once all are read the adjacency is made
    from the id, source and target columns, one :class:`PairEvents` per pair of actors.
    ``progress(events read, highest id read)`` is called after every chunk.

    The sentences (their texts and positions) are not read: the graph reads them from the
    store when an answer asks for them, through its own sessions (:func:`sentence_loader`),
    and keeps them.
    """
    G: EventGraph = nx.MultiDiGraph()
    cols = edge_columns(G)
    cols.texts.loader = sentence_loader(session)
    nodes = actor_nodes(session)
    last = read = 0
    ids: list[Ints] = []
    sources: list[Ints] = []
    targets: list[Ints] = []
    for chunk, upper in read_chunks(session, through=events.latest_id(session)):
        cols.extend_chunk(chunk)
        ids.append(chunk.event_id)
        sources.append(chunk.source)
        targets.append(chunk.target)
        read += len(chunk)
        last = upper
        if progress is not None:
            progress(read, int(chunk.event_id[-1]) if len(chunk) else last)
    if read:
        source, target = np.concatenate(sources), np.concatenate(targets)
        missing = np.setdiff1d(np.concatenate((source, target)), np.array(list(nodes)))
        if len(missing):  # actors stored while the chunks were read
            nodes.update(actor_nodes(session, missing.tolist()))
        _adjacency(G, nodes, np.concatenate(ids), source, target)
    return G


def sentence_loader(session: Session) -> SentenceLoader:
    """Return what reads sentences (text, position) by id from the database of ``session``,
    each time on a connection of its own (it outlives ``session``: a graph calls it from
    request threads).

    The connection is opened for the read and closed after it, outside the pool of
    ``session``'s engine: a request holding one of the pool's connections while its answer
    reads sentences must not wait for another (requests outnumber the pool's connections).
    An in-memory database is read through the same engine (another would open another
    database).
    """
    bind = session.get_bind()
    engine: Engine = bind if isinstance(bind, Engine) else bind.engine
    url = engine.url.render_as_string(hide_password=False)
    reader = engine if in_memory(url) else make_engine(url, pooled=False)

    def load(sentence_ids: Sequence[int]) -> dict[int, tuple[str, int]]:
        with Session(reader) as session:
            return events.sentences_by_id(session, sentence_ids)

    return load


FAST_CHUNK = 50_000
"""Event ids :func:`load_graph` reads per statement (a few columns of text each)."""

READERS = 2
"""Connections reading a SQLite file at once in :func:`read_chunks` (SQLite works
without the GIL, so the statements of a chunk run side by side)."""


def read_chunks(session: Session, *, through: int) -> Iterator[tuple[ColumnChunk, int]]:
    """Yield the events with ids up to ``through`` as :class:`ColumnChunk` s of
    ``FAST_CHUNK`` ids, each with the highest id its range covers, in id order.

    On a SQLite file each chunk's two statements
    (:data:`events.GRAPH_COLUMN_PARTS`: each column one text, parsed at C speed) run on
    ``READERS`` connections of their own, a chunk ahead of the one being parsed;
    elsewhere, or if a text does not split into one value per event (or a score is not
    read exactly), the chunk is read as the rows of :func:`events.graph_rows`. No sentence
    (text or position) is read: see :func:`sentence_loader`.
    """
    ranges = [(low, min(low + FAST_CHUNK, through)) for low in range(0, through, FAST_CHUNK)]
    bind = session.get_bind()
    engine = getattr(bind, "engine", bind)
    if not isinstance(engine, Engine) or not _parallel(engine):
        for low, high in ranges:
            yield _chunk_of_rows(list(events.graph_rows(session, after=low, through=high))), high
        return
    parts = range(len(events.GRAPH_COLUMN_PARTS))
    with ThreadPoolExecutor(READERS, thread_name_prefix="graph-read") as pool:

        def submit(low: int, high: int) -> list[Future[ColumnTexts | None]]:
            return [
                pool.submit(events.graph_column_texts, engine, part, after=low, through=high)
                for part in parts
            ]

        pending = [submit(*r) for r in ranges[:2]]
        for i, (low, high) in enumerate(ranges):
            texts = [future.result() for future in pending.pop(0)]
            if i + 2 < len(ranges):
                pending.append(submit(*ranges[i + 2]))
            numbers, others = texts
            chunk = None
            if numbers is not None and others is not None:
                chunk = _parse_columns(numbers, others)
            if chunk is None:
                rows = list(events.graph_rows(session, after=low, through=high))
                chunk = _chunk_of_rows(rows)
            yield chunk, high


def _parallel(engine: Engine) -> bool:
    """Return whether ``engine`` is a SQLite file that several connections can read at once."""
    url = engine.url
    return url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:")


def _parse_columns(numbers: ColumnTexts, others: ColumnTexts) -> ColumnChunk | None:
    """Return the chunk the column texts of :data:`events.GRAPH_COLUMN_PARTS` hold, or None if
    one does not parse into one value per event or a score is not read exactly (then the
    caller reads rows)."""
    n = int(numbers[0] or 0)
    if not n or others[0] != n:
        return _chunk_of_rows([]) if not n else None
    if others[3]:  # a Goldstein score or a confidence the scaled integers do not hold exactly
        return None

    def parse(text: str | int | float | None) -> Ints:
        return np.fromstring(str(text), dtype=np.int64, sep=",")

    # A text numpy cannot read to its end parses short (with a warning), and the length
    # checks below send the chunk to row reads. No warning filter is set here: filters are
    # process-wide, and this runs beside request threads.
    try:
        ids, ends, small, counts, article_id, sentence_id = map(parse, numbers[1:7])
        goldstein, confidence = parse(others[1]), parse(others[2])
    except ValueError:
        return None
    cameo, modality, trigger = (str(text).split(SEPARATOR) for text in others[4:7])
    columns = (ids, ends, small, counts, article_id, sentence_id, goldstein, confidence)
    if any(len(c) != n for c in (*columns, cameo, modality, trigger)):
        return None
    if np.any(np.diff(ids) <= 0):
        return None  # not in id order
    low32 = np.int64(0xFFFFFFFF)
    return ColumnChunk(
        event_id=ids,
        source=ends >> 32,
        target=ends & low32,
        cameo=cameo,
        quad_class=(small >> 20) & 7,
        goldstein=goldstein / float(events.GOLDSTEIN_SCALE),
        day=small & 0xFFFFF,
        modality=modality,
        confidence=confidence / float(events.CONFIDENCE_SCALE),
        negated=(small >> 23) & 1,
        article_id=article_id,
        sentence_id=sentence_id,
        trigger=trigger,
        mentions=counts >> 32,
        articles=counts & low32,
    )


def _chunk_of_rows(rows: list[GraphRow]) -> ColumnChunk:
    """Return ``rows`` (see :data:`events.GraphRow`) as a :class:`ColumnChunk`."""
    if rows:
        columns: list[tuple[Any, ...]] = list(zip(*rows, strict=True))
    else:
        columns = [()] * 17

    def ints(i: int) -> Ints:
        return np.array(columns[i], dtype=np.int64)

    return ColumnChunk(
        event_id=ints(0),
        source=ints(1),
        target=ints(2),
        cameo=list(columns[3]),
        quad_class=ints(4),
        goldstein=np.array(columns[5], dtype=np.float64),
        day=np.array([0 if d is None else d.toordinal() for d in columns[6]], dtype=np.int64),
        modality=list(columns[7]),
        confidence=np.array(columns[8], dtype=np.float64),
        negated=np.array(columns[9], dtype=np.int64),
        article_id=ints(10),
        sentence_id=ints(11),
        trigger=list(columns[13]),
        mentions=ints(15),
        articles=ints(16),
    )


def _adjacency(
    G: EventGraph, actors: dict[int, ActorNode], ids: Ints, sources: Ints, targets: Ints
) -> None:
    """Add to ``G`` the nodes and edges of the events with these ids, sources and targets
    (rows 0.. of its edge columns), in the order one event at a time would add them.

    Nodes come in order of first appearance (source before target), with the attributes of
    ``actors``; each pair of actors gets one mapping of its events (event id ->
    :class:`EdgeData`, in id order: a :class:`PairEvents` holding their rows, not a dict),
    shared by the successors and predecessors, in order of the pair's first event: so the
    graph iterates exactly as one built event by event.
    """
    cols = edge_columns(G)
    n = len(ids)
    ends = np.empty(2 * n, dtype=np.int64)
    ends[0::2], ends[1::2] = sources, targets
    seen, first = np.unique(ends, return_index=True)
    for node in seen[np.argsort(first, kind="stable")].tolist():
        G.add_node(node, **node_attrs(actors[node]))
    held, starts = group_pairs(sources, targets, np.arange(n))
    made = slotted(PairEvents, held, "_cols", cols)
    succ: Adjacency = G._succ  # type: ignore[attr-defined]
    pred: Adjacency = G._pred  # type: ignore[attr-defined]
    link(succ, sources[starts], targets[starts], made)
    link(pred, targets[starts], sources[starts], made)  # the same mappings, shared


def load_records(session: Session) -> list[EventRecord]:
    """Return every stored event as a graph record, in id order."""
    return list(iter_records(session))
