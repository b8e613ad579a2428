"""The live graph: events applied incrementally, other changes rebuilt in the background,
always equal to a fresh build of the same store."""

import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from sqlalchemy import delete, select, text, update
from sqlalchemy.orm import Session, sessionmaker

from diplograph.core.db import make_engine, make_session_factory
from diplograph.core.models import EventRow, SentenceRow
from diplograph.core.repositories import events, graph_state
from diplograph.graph.build import build_graph, edge_columns
from diplograph.graph.cache import GraphCache, GraphSnapshot
from diplograph.graph.centrality import centrality
from diplograph.graph.country import country_graph
from diplograph.graph.degree import (
    DegreeCounts,
    add_degree_edges,
    count_degrees,
    degree_ranking,
)
from diplograph.graph.dyad import dyad_timeline
from diplograph.graph.edges import SentenceLoader, with_sentences
from diplograph.graph.export import export_chunks
from diplograph.graph.filters import MODALITIES, EdgeFilter, filtered_graph, kept_edges
from diplograph.graph.live import add_events
from diplograph.graph.load import load_graph, load_records
from diplograph.graph.new_dyads import new_dyads
from diplograph.graph.queries import extend_meeting_index, meeting_index
from diplograph.graph.records import EventGraph
from diplograph.graph.row_flags import accepted_flags
from diplograph.ingest.types import ActorRef
from tests.factories import (
    ASSAD,
    EGYPT,
    ERDOGAN,
    PUTIN,
    graph_world,
    make_article,
    make_event,
    store,
)

SYRIA = ActorRef("Syria", "country", "SYR", None, ("Damascus",))


def contents(G: EventGraph) -> tuple[dict[Any, dict[str, Any]], dict[Any, dict[str, Any]]]:
    """Return the nodes and edges of ``G`` with their attributes, comparable with ``==``."""
    nodes = {n: dict(G.nodes[n]) for n in G}
    edges = {(u, v, k): dict(d) for u, v, k, d in G.edges(keys=True, data=True)}
    return nodes, edges


def fresh(factory: sessionmaker[Session]) -> EventGraph:
    """Return the graph built from scratch from the store."""
    with factory() as session:
        return build_graph(load_records(session))


def first_two(factory: sessionmaker[Session]) -> None:
    store(
        factory,
        make_article(
            "Putin met Assad.\nPutin met Egypt.",
            [make_event(PUTIN, ASSAD), make_event(PUTIN, EGYPT, sentence_index=1)],
        ),
    )


def settled(cache: GraphCache, factory: sessionmaker[Session]) -> GraphSnapshot:
    """Return the snapshot once every background build has ended."""
    with factory() as session:
        cache.snapshot(session)
    builder = cache._builder
    if builder is not None:
        builder.join()
    with factory() as session:
        return cache.snapshot(session)


def test_new_events_are_applied_in_place(session_factory: sessionmaker[Session]) -> None:
    first_two(session_factory)
    cache = GraphCache()
    with session_factory() as session:
        snap = cache.snapshot(session)
        index = snap.memo(
            ("meetings", "actor"), lambda: meeting_index(snap.graph), update=extend_meeting_index
        )
        countries = snap.level("country")
    store(
        session_factory,
        make_article(
            "Erdogan met Assad.\nSyria hosted Erdogan.",
            [
                make_event(ERDOGAN, ASSAD, sentence="Erdogan met Assad."),
                make_event(SYRIA, ERDOGAN, cameo="043", sentence_index=1, trigger="hosted"),
            ],
        ),
    )
    with session_factory() as session:
        after = cache.snapshot(session)
        grown = after.memo(("meetings", "actor"), lambda: {}, update=extend_meeting_index)
    G = fresh(session_factory)
    assert (after is snap, cache.builds, after.version, after.stale_s()) == (True, 1, (4, 4), 0.0)
    assert contents(after.graph) == contents(G)
    assert grown is index and {n: sorted(e[2] for e in es) for n, es in grown.items()} == {
        n: sorted(e[2] for e in es) for n, es in meeting_index(G).items()
    }
    assert after.level("country") is countries
    assert contents(countries) == contents(country_graph(G))
    # Syria the country actor now names the SYR node, as a fresh build does.
    assert countries.nodes["SYR"]["name"] == "Syria"


def test_degree_counts_follow_new_events(session_factory: sessionmaker[Session]) -> None:
    first_two(session_factory)
    G = fresh(session_factory)
    counts = add_degree_edges(DegreeCounts(), kept_edges(G))
    records = [r for r in load_records(session_factory()) if r.id == 1]
    store(session_factory, make_article("Erdogan met Assad.", [make_event(ERDOGAN, ASSAD)]))
    with session_factory() as session:
        new = [r for r in load_records(session) if r.id == 3]
    add_degree_edges(counts, add_events(G, new))
    assert records and degree_ranking(G, counts, top=5, evidence=5) == centrality(
        filtered_graph(fresh(session_factory)), "degree", top=5, evidence=5
    )


def test_a_reextracted_article_is_rebuilt_in_the_background(
    session_factory: sessionmaker[Session],
) -> None:
    first_two(session_factory)
    cache = GraphCache()
    with session_factory() as session:
        old = cache.snapshot(session)
    # Re-extraction: the article's events are replaced by new ones (new ids).
    with session_factory() as session, session.begin():
        session.execute(delete(EventRow).where(EventRow.article_id == 1))
        session.execute(
            text(
                "INSERT INTO events (article_id, sentence_id, source_actor_id, target_actor_id,"
                " action, cameo_code, goldstein, quad_class, negated, modality, event_date,"
                " trigger, confidence) VALUES (1, 2, 3, 1, 'host', '043', 2.8, 1, false,"
                " 'asserted', '2017-12-11', 'hosted', 0.8)"
            )
        )
    with session_factory() as session:
        served = cache.snapshot(session)
    stale = served.stale_since is not None or served is not old
    new = settled(cache, session_factory)
    assert (stale, new is not old, cache.builds) == (True, True, 2)
    # AUTOINCREMENT (0002_sources) gives the new event a fresh id, 3; the triggers bump the
    # generation once per event deleted and once per mention deleted with it (cascade).
    assert (new.version, new.generation, new.stale_s()) == ((3, 1), 4, 0.0)
    assert contents(new.graph) == contents(fresh(session_factory))


def test_a_merge_of_actors_is_rebuilt(session_factory: sessionmaker[Session]) -> None:
    first_two(session_factory)
    store(session_factory, make_article("Erdogan met Assad.", [make_event(ERDOGAN, ASSAD)]))
    cache = GraphCache()
    with session_factory() as session:
        cache.snapshot(session)
    # Merge Erdogan (4) into Putin (1): rows rewritten, the merged actor deleted.
    with session_factory() as session, session.begin():
        session.execute(
            update(EventRow).where(EventRow.source_actor_id == 4).values(source_actor_id=1)
        )
        session.execute(text("DELETE FROM actor_aliases WHERE actor_id = 4"))
        session.execute(text("DELETE FROM actors WHERE id = 4"))
    new = settled(cache, session_factory)
    assert (cache.builds, sorted(new.graph.edges(keys=True))) == (
        2,
        [(1, 2, 1), (1, 2, 3), (1, 3, 2)],
    )
    assert contents(new.graph) == contents(fresh(session_factory))


def test_a_deletion_is_rebuilt_and_the_generation_bumped(
    session_factory: sessionmaker[Session],
) -> None:
    first_two(session_factory)
    cache = GraphCache()
    with session_factory() as session:
        cache.snapshot(session)
        before = graph_state.marker(session)
    with session_factory() as session, session.begin():
        session.execute(delete(EventRow).where(EventRow.id == 1))  # the highest id stays 2
    with session_factory() as session:
        after = graph_state.marker(session)
    new = settled(cache, session_factory)
    # (highest event id, highest mention id, generation): the event and its mention bump it.
    assert (before, after) == ((2, 2, 0), (2, 2, 2))
    assert (cache.builds, list(new.graph.edges(keys=True)), new.generation) == (2, [(1, 3, 2)], 2)
    assert contents(new.graph) == contents(fresh(session_factory))


def test_readers_are_never_disturbed_by_new_events(session_factory: sessionmaker[Session]) -> None:
    first_two(session_factory)
    cache = GraphCache()
    with session_factory() as session:
        snap = cache.snapshot(session)
    errors: list[BaseException] = []
    done = threading.Event()

    def read() -> None:
        try:
            while not done.is_set():
                for u, v, _, _ in snap.graph.edges(keys=True, data=True):
                    snap.graph.nodes[u]["name"], snap.graph.nodes[v]["name"]
                for n in list(snap.graph):
                    list(snap.graph.succ[n].items())
        except BaseException as exc:
            errors.append(exc)

    readers = [threading.Thread(target=read) for _ in range(2)]
    for t in readers:
        t.start()
    # Organizations: identity would take "Envoy 1" for a near-spelling of "Envoy 0".
    people = [
        ActorRef(f"Mission {i}", "organization", "FRA", None, (f"Mission {i}",)) for i in range(40)
    ]
    for i, envoy in enumerate(people):
        # The reference keeps the texts apart (one character's difference is a typo's copy).
        text = f"Mission {i} met Putin (ref {i}{i}{i}{i})."
        store(session_factory, make_article(text, [make_event(envoy, PUTIN)]))
        with session_factory() as session:
            cache.snapshot(session)
    done.set()
    for t in readers:
        t.join()
    assert (errors, cache.builds, snap.events) == ([], 1, 42)
    assert contents(snap.graph) == contents(fresh(session_factory))


def test_the_fast_load_builds_the_same_graph(session_factory: sessionmaker[Session]) -> None:
    first_two(session_factory)
    store(session_factory, make_article("Erdogan met Assad.", [make_event(ERDOGAN, ASSAD)]))
    seen: list[tuple[int, int]] = []
    with session_factory() as session:
        G = load_graph(session, progress=lambda read, last: seen.append((read, last)))
    assert (contents(G), list(G), seen) == (
        contents(fresh(session_factory)),
        [1, 2, 3, 4],
        [(3, 3)],
    )


def test_a_later_article_telling_a_stored_event_updates_its_counts_in_place(
    session_factory: sessionmaker[Session],
) -> None:
    first_two(session_factory)
    cache = GraphCache()
    with session_factory() as session:
        snap = cache.snapshot(session)
        country = snap.level("country")
        index = snap.memo(("meetings", "actor"), lambda: meeting_index(snap.graph))
    # Another outlet tells the same meeting (same actors, root and day): a mention, no event.
    again = make_article("Putin and Assad met in Sochi.", [make_event(PUTIN, ASSAD)])
    (result,) = store(session_factory, again)
    with session_factory() as session:
        same = cache.snapshot(session)
        mark = graph_state.marker(session)
    assert (result.event_ids, result.new_events, mark) == ((1,), 0, (2, 3, 0))
    assert (same is snap, cache.builds, same.mentions, same.version) == (True, 1, 3, (2, 2))
    edge = same.graph.edges[1, 2, 1]
    assert (edge["mentions"], edge["articles"], edge["sentence_index"]) == (2, 2, 0)
    assert (country.edges["RUS", "SYR", 1]["mentions"], index[1][0][3]["mentions"]) == (2, 2)
    assert contents(same.graph) == contents(fresh(session_factory))


def test_rankings_count_events_so_a_later_mention_leaves_them_current(
    session_factory: sessionmaker[Session],
) -> None:
    """A cached ranking is not recomputed when a later article adds only a mention: it counts
    events (partners, events, event ids, weights), never mentions, so it is still exact."""
    first_two(session_factory)
    cache = GraphCache()
    key = ("centrality", "pagerank")
    with session_factory() as session:
        snap = cache.snapshot(session)
        before = snap.memo(key, lambda: centrality(filtered_graph(snap.graph), "pagerank", top=5))
    again = make_article("Putin and Assad met in Sochi.", [make_event(PUTIN, ASSAD)])
    store(session_factory, again)
    with session_factory() as session:
        same = cache.snapshot(session)
    cached = same.memo(key, lambda: centrality(filtered_graph(same.graph), "pagerank", top=5))
    assert (same is snap, same.graph.edges[1, 2, 1]["mentions"], cached is before) == (
        True,
        2,
        True,
    )
    assert cached == centrality(filtered_graph(fresh(session_factory)), "pagerank", top=5)


def test_the_fast_load_reads_exact_floats_undated_events_shared_sentences_and_odd_text(
    session_factory: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = 'Erdoğan, "the host", met Assad; Putin met him.\nAnd then: Sisi? Ça va.'
    store(
        session_factory,
        make_article(
            text,
            [
                make_event(ERDOGAN, ASSAD, sentence_index=0, confidence=0.1234567890123456789),
                make_event(PUTIN, ERDOGAN, sentence_index=0, goldstein=-7.2, when=None),
                make_event(PUTIN, ASSAD, sentence_index=1, trigger="met, again", quad_class=3),
            ],
        ),
    )
    with session_factory() as session:
        if session.get_bind().dialect.name == "sqlite":  # columns, never a row
            monkeypatch.setattr(events, "graph_rows", None)
        G = load_graph(session)
    monkeypatch.undo()
    assert contents(G) == contents(fresh(session_factory))
    sentences = {d["sentence_id"]: d["sentence"] for _, _, d in G.edges(data=True)}
    confidences = {d["confidence"] for _, _, d in G.edges(data=True)}
    assert (len(sentences), 0.1234567890123456789 in confidences) == (2, True)


def test_meeting_index_read_from_the_columns_is_the_one_read_edge_by_edge(
    session_factory: sessionmaker[Session],
) -> None:
    store(session_factory, *graph_world())
    with session_factory() as session:
        G = load_graph(session)  # pairs of events in edge columns
        grown = [r for r in load_records(session) if r.id in (1, 5)]
    for record in grown:  # the same pairs grown live (dicts of events), as after new events
        add_events(G, [replace(record, id=record.id + 100)])

    def by_edges(G: EventGraph) -> dict[Any, list[tuple[Any, ...]]]:
        index = extend_meeting_index({}, G.edges(keys=True, data=True))
        return {n: [(u, v, k, dict(d)) for u, v, k, d in e] for n, e in index.items()}

    columns = {n: [(u, v, k, dict(d)) for u, v, k, d in e] for n, e in meeting_index(G).items()}
    assert columns == by_edges(G)
    assert [k for _, _, k, _ in meeting_index(G)[1]] == [1, 101, 6, 9, 3]


@pytest.mark.parametrize(
    "where",
    [
        EdgeFilter(),
        EdgeFilter(modalities=MODALITIES),
        EdgeFilter(codes=("04", "111"), quad_classes=frozenset({1, 3})),
        EdgeFilter(min_confidence=0.8, since=date(2017, 12, 12), until=date(2018, 5, 18)),
    ],
)
def test_degree_counts_read_from_the_columns_are_those_of_the_kept_edges(
    session_factory: sessionmaker[Session], where: EdgeFilter
) -> None:
    store(session_factory, *graph_world())
    with session_factory() as session:
        G = load_graph(session)
        grown = [r for r in load_records(session) if r.id in (1, 5)]
    add_events(G, [replace(record, id=record.id + 100) for record in grown])
    cols = edge_columns(G)
    flags = accepted_flags(cols, where)
    by_rows = {cols.event_id[row]: bool(flag) for row, flag in enumerate(flags)}
    by_data = {k: where.accepts(d) for _, _, k, d in G.edges(keys=True, data=True)}
    assert by_rows == by_data
    expected = add_degree_edges(DegreeCounts(), kept_edges(G, where))
    assert count_degrees(G, where) == expected
    assert expected.partners  # every filter keeps some events


def stored_sentences(factory: sessionmaker[Session]) -> dict[int, str]:
    """Return the stored sentence texts by id."""
    with factory() as session:
        rows = session.execute(select(SentenceRow.id, SentenceRow.text))
        return {id_: text for id_, text in rows}


def evidence_texts(G: EventGraph, event_ids: Iterable[int], stored: dict[int, str]) -> list[str]:
    """Return the stored texts of the sentences of ``event_ids`` (edges of ``G``)."""
    sentence_of = {k: d["sentence_id"] for _, _, k, d in G.edges(keys=True, data=True)}
    return [stored[sentence_of[k]] for k in event_ids]


def test_evidence_sentences_are_read_when_an_answer_needs_them(
    session_factory: sessionmaker[Session],
) -> None:
    first_two(session_factory)
    cache = GraphCache()
    with session_factory() as session:
        snap = cache.snapshot(session)
    texts = edge_columns(snap.graph).texts
    store(  # applied in place: its sentence comes with the event
        session_factory,
        make_article("Erdogan met Assad.", [make_event(ERDOGAN, ASSAD, sentence="x")]),
    )
    with session_factory() as session:
        live = cache.snapshot(session)
    held = [texts.known(i) for i in (1, 2, 3)]
    dyad = dyad_timeline(live.graph, 1, 2)
    news = new_dyads(live.graph, since=date(2017, 1, 1))
    stored = stored_sentences(session_factory)
    assert (live is snap, held, len(news)) == (True, [False, False, True], 3)
    assert [e.sentence for e in dyad.events] == evidence_texts(live.graph, [1], stored)
    assert [d.first_event.sentence for d in news] == evidence_texts(
        live.graph, [d.first_event.event_id for d in news], stored
    )
    assert [texts.known(i) for i in (1, 2, 3)] == [True, True, True]
    G = fresh(session_factory)
    for fmt in ("csv", "json", "graphml", "gexf"):
        assert b"".join(export_chunks(live.graph, fmt)) == b"".join(export_chunks(G, fmt))
    assert contents(live.graph) == contents(G)


def test_evidence_after_a_sentence_is_reextracted_is_the_new_text(
    session_factory: sessionmaker[Session],
) -> None:
    first_two(session_factory)
    cache = GraphCache()
    with session_factory() as session:
        before = [e.sentence for e in dyad_timeline(cache.snapshot(session).graph, 1, 2).events]
    with session_factory() as session, session.begin():  # bumps the generation (0004)
        session.execute(
            update(SentenceRow).where(SentenceRow.id == 1).values(text="Putin met Assad again.")
        )
    new = settled(cache, session_factory)
    after = [e.sentence for e in dyad_timeline(new.graph, 1, 2).events]
    assert (before, after, cache.builds) == (["Putin met Assad."], ["Putin met Assad again."], 2)
    assert contents(new.graph) == contents(fresh(session_factory))


def test_an_answer_or_export_reads_the_sentences_of_its_events_at_once(
    session_factory: sessionmaker[Session],
) -> None:
    store(session_factory, *graph_world())
    asked: list[list[int]] = []
    graphs = []
    for _ in range(2):
        with session_factory() as session:
            G = load_graph(session)
        texts = edge_columns(G).texts
        loader = texts.loader
        assert loader is not None

        def counted(
            ids: Sequence[int], loader: SentenceLoader = loader
        ) -> Mapping[int, tuple[str, int]]:
            asked.append(list(ids))
            return loader(ids)

        texts.loader = counted
        graphs.append(G)
    answered, exported = graphs
    news = new_dyads(answered, since=date(2017, 1, 1))
    firsts = [d.first_event.event_id for d in news]
    rows = list(with_sentences(exported.edges(keys=True, data=True), size=4))
    stored = stored_sentences(session_factory)
    sentence_of = {k: d["sentence_id"] for _, _, k, d in exported.edges(keys=True, data=True)}
    chunks = [[sentence_of[k] for _, _, k, _ in rows[i : i + 4]] for i in range(0, len(rows), 4)]
    assert [d.first_event.sentence for d in news] == evidence_texts(answered, firsts, stored)
    assert asked == [sorted({sentence_of[k] for k in firsts})] + [
        sorted(set(chunk)) for chunk in chunks
    ]
    assert [d["sentence"] for *_, d in rows] == [stored[sentence_of[k]] for _, _, k, _ in rows]
    assert len(rows) == 11


def test_scores_the_scaled_integers_cannot_hold_are_read_as_rows(
    session_factory: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    store(
        session_factory,
        make_article(
            "Putin met Assad.\nErdogan met Assad.",
            [
                make_event(PUTIN, ASSAD, goldstein=-100.3),  # beyond 16: overflows the scale
                make_event(ERDOGAN, ASSAD, sentence_index=1, confidence=1e-300),
            ],
        ),
    )
    read: list[int] = []
    rows = events.graph_rows

    def counted(session: Session, **kw: Any) -> Iterator[events.GraphRow]:
        found = list(rows(session, **kw))
        read.append(len(found))
        return iter(found)

    with session_factory() as session:
        monkeypatch.setattr(events, "graph_rows", counted)
        G = load_graph(session)
    monkeypatch.undo()
    scores = sorted((d["goldstein"], d["confidence"]) for *_, d in G.edges(data=True))
    assert (read, scores) == ([2], [(-100.3, 0.9), (1.0, 1e-300)])
    assert contents(G) == contents(fresh(session_factory))


def test_evidence_is_read_while_every_pooled_connection_is_held(database_url: str) -> None:
    # A request holds one of the pool's connections while its answer reads sentences: the
    # read must not wait for another (requests outnumber the pool's connections).
    engine = make_engine(database_url, pool_size=1)
    factory = make_session_factory(engine)
    first_two(factory)
    with factory() as session:
        G = load_graph(session)
    held = [engine.connect() for _ in range(3)]  # the pool's one and its two of overflow
    try:
        texts = [edge_columns(G).texts.text(i) for i in (1, 2)]
    finally:
        for connection in held:
            connection.close()
        engine.dispose()
    assert texts == ["Putin met Assad.", "Putin met Egypt."]


def test_an_export_of_the_accepted_events_reads_their_sentences_at_once(
    session_factory: sessionmaker[Session],
) -> None:
    store(session_factory, *graph_world())
    with session_factory() as session:
        G = load_graph(session)
    texts = edge_columns(G).texts
    loader = texts.loader
    assert loader is not None
    asked: list[int] = []

    def counted(ids: Sequence[int]) -> Mapping[int, tuple[str, int]]:
        asked.append(len(ids))
        return loader(ids)

    texts.loader = counted
    H = filtered_graph(G, EdgeFilter(modalities=MODALITIES))
    shared = [texts.known(i) for i in range(1, 12)]
    exported = b"".join(export_chunks(H, "csv"))
    expected = b"".join(
        export_chunks(
            filtered_graph(fresh(session_factory), EdgeFilter(modalities=MODALITIES)), "csv"
        )
    )
    assert (shared, asked, exported) == ([False] * 11, [10], expected)
