"""GraphCache: rebuilt after new events and not otherwise, one build at a time."""

import gc
import threading
import time
import weakref
from collections.abc import Iterable
from datetime import date

import pytest
from sqlalchemy import delete, text
from sqlalchemy.orm import Session, sessionmaker

import diplograph.graph.snapshot
from diplograph.core.models import EventRow
from diplograph.graph.cache import GraphCache, GraphSnapshot
from diplograph.graph.load import load_records
from diplograph.graph.records import ActorNode, EventGraph, EventRecord
from tests.factories import ASSAD, EGYPT, PUTIN, make_article, make_event, store


def test_builds_once_while_events_are_unchanged(session_factory: sessionmaker[Session]) -> None:
    store(session_factory, make_article("Putin met Assad.", [make_event(PUTIN, ASSAD)]))
    cache = GraphCache()
    with session_factory() as session:
        first = cache.get(session)
        second = cache.get(session)
    with session_factory() as session:
        third = cache.get(session)
    assert (cache.builds, first.number_of_edges()) == (1, 1)
    assert second is first and third is first


def test_new_events_are_applied_without_a_rebuild(session_factory: sessionmaker[Session]) -> None:
    cache = GraphCache()
    counts = []
    with session_factory() as session:
        empty = cache.get(session)
        counts.append(empty.number_of_edges())
    store(session_factory, make_article("Putin met Assad.", [make_event(PUTIN, ASSAD)]))
    with session_factory() as session:
        counts.append(cache.get(session).number_of_edges())
    store(session_factory, make_article("Putin met Egypt.", [make_event(PUTIN, EGYPT)]))
    with session_factory() as session:
        two = cache.get(session)
        assert cache.get(session) is two
    assert ([*counts, two.number_of_edges()], two is empty, cache.builds) == ([0, 1, 2], True, 1)


def test_an_article_without_events_does_not_rebuild(session_factory: sessionmaker[Session]) -> None:
    store(session_factory, make_article("Putin met Assad.", [make_event(PUTIN, ASSAD)]))
    cache = GraphCache()
    with session_factory() as session:
        cache.get(session)
    store(session_factory, make_article("Nothing happened."))
    with session_factory() as session:
        cache.get(session)
    assert cache.builds == 1


def test_concurrent_gets_build_once(session_factory: sessionmaker[Session]) -> None:
    store(session_factory, make_article("Putin met Assad.", [make_event(PUTIN, ASSAD)]))
    loads: list[int] = []

    def slow_loader(session: Session) -> Iterable[EventRecord]:
        loads.append(1)
        time.sleep(0.05)
        return load_records(session)

    cache = GraphCache(loader=slow_loader)
    start = threading.Barrier(8)
    graphs: list[object] = []

    def worker() -> None:
        with session_factory() as session:
            start.wait()
            graphs.append(cache.get(session))

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert (len(loads), cache.builds, len(graphs)) == (1, 1, 8)
    assert all(g is graphs[0] for g in graphs)


def test_load_records_maps_stored_events(session_factory: sessionmaker[Session]) -> None:
    store(
        session_factory,
        make_article(
            "Putin met Assad.\nPutin will visit Egypt.",
            [
                make_event(PUTIN, ASSAD),
                make_event(
                    PUTIN,
                    EGYPT,
                    cameo="042",
                    sentence_index=1,
                    when=None,
                    modality="intended",
                    trigger="will visit",
                ),
            ],
        ),
    )
    with session_factory() as session:
        records = load_records(session)
    putin = ActorNode(
        1, "Vladimir Putin", "person", "RUS", "president", ("putin", "vladimir putin")
    )
    assad = ActorNode(
        2,
        "Bashar al-Assad",
        "person",
        "SYR",
        "president",
        ("assad", "bashar al assad", "bashar assad"),
    )
    egypt = ActorNode(3, "Egypt", "country", "EGY", None, ("cairo", "egypt"))
    assert records == [
        EventRecord(
            id=1,
            source=putin,
            target=assad,
            cameo="040",
            date=date(2017, 12, 11),
            modality="asserted",
            article_id=1,
            sentence_id=1,
            sentence="Putin met Assad.",
            trigger="met",
            quad_class=1,
            goldstein=1.0,
            confidence=0.9,
            negated=False,
        ),
        EventRecord(
            id=2,
            source=putin,
            target=egypt,
            cameo="042",
            date=None,
            modality="intended",
            article_id=1,
            sentence_id=2,
            sentence="Putin will visit Egypt.",
            trigger="will visit",
            sentence_index=1,
            quad_class=1,
            goldstein=1.0,
            confidence=0.9,
            negated=False,
        ),
    ]


def test_snapshot_memo_updates_or_refreshes_derived_results(
    session_factory: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(diplograph.graph.snapshot, "REFRESH_EVERY", 0.0)
    store(session_factory, make_article("Putin met Assad.", [make_event(PUTIN, ASSAD)]))
    cache = GraphCache()
    calls: list[int] = []

    def count_edges(graph: EventGraph) -> int:
        calls.append(1)
        return graph.number_of_edges()

    def add(total: int, edges: list[object]) -> int:
        return total + len(edges)

    with session_factory() as session:
        snap = cache.snapshot(session)
        first = snap.memo("edges", lambda: count_edges(snap.graph))
        again = cache.snapshot(session).memo("edges", lambda: count_edges(snap.graph))
        kept = snap.memo("kept", lambda: count_edges(snap.graph), update=add)
        countries = snap.level("country")
        assert snap.level("country") is countries and snap.level("actor") is snap.graph
    store(session_factory, make_article("Putin met Egypt.", [make_event(PUTIN, EGYPT)]))
    with session_factory() as session:
        now = cache.snapshot(session)
        stale = now.memo("edges", lambda: count_edges(now.graph))  # served, refreshed later
        updated = now.memo("kept", lambda: count_edges(now.graph), update=add)
    for thread in threading.enumerate():
        if thread.name == "graph-refresh":
            thread.join()
    refreshed = now.memo("edges", lambda: -1)
    assert (first, again, kept, stale, updated, refreshed) == (1, 1, 1, 1, 2, 2)
    assert (len(calls), cache.builds, now is snap, now.level("country") is countries) == (
        3,
        1,
        True,
        True,
    )
    assert sorted(countries.edges(keys=True)) == [("RUS", "EGY", 2), ("RUS", "SYR", 1)]


def test_snapshot_memo_keeps_the_most_recently_used(session_factory: sessionmaker[Session]) -> None:
    cache = GraphCache(memo_size=2)
    with session_factory() as session:
        snap = cache.snapshot(session)
    for key in ("a", "b", "a", "c"):
        snap.memo(key, lambda key=key: key.upper())
    assert (snap.memo("a", lambda: "again"), snap.memo("b", lambda: "again"), snap.computed) == (
        "A",
        "again",
        4,
    )


# SQLite only: each SQLite test has its own database file, while the PostgreSQL tests share
# one database whose triggers must stay.
@pytest.mark.stores("sqlite")
def test_deleted_events_are_noticed_at_the_next_recount_without_triggers(
    session_factory: sessionmaker[Session],
) -> None:
    store(
        session_factory,
        make_article(
            "Putin met Assad.\nPutin met Egypt.",
            [make_event(PUTIN, ASSAD), make_event(PUTIN, EGYPT, sentence_index=1)],
        ),
    )
    patient, eager = GraphCache(recount_after=3600), GraphCache(recount_after=0)
    with session_factory() as session:
        patient.snapshot(session)
        eager.snapshot(session)
    with session_factory() as session, session.begin():
        session.execute(text("DROP TRIGGER graph_events_deleted"))  # as without the triggers
        session.execute(text("DROP TRIGGER graph_mentions_deleted"))
        session.execute(delete(EventRow).where(EventRow.id == 1))  # the highest id stays 2
    with session_factory() as session:
        stale = patient.snapshot(session).graph
        eager.snapshot(session)
    builder = eager._builder
    assert builder is not None
    builder.join()
    with session_factory() as session:
        fresh = eager.snapshot(session).graph
    assert (stale.number_of_edges(), patient.builds) == (2, 1)
    assert (list(fresh.edges(keys=True)), eager.builds) == ([(1, 3, 2)], 2)


def test_big_graphs_are_frozen_and_freed_after_the_next_build(
    session_factory: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(diplograph.graph.snapshot, "SETTLE_FROM_EDGES", 1)
    store(
        session_factory,
        make_article(
            "Putin met Assad.\nPutin met Egypt.",
            [make_event(PUTIN, ASSAD), make_event(PUTIN, EGYPT, sentence_index=1)],
        ),
    )
    cache = GraphCache()
    try:
        with session_factory() as session:
            first = weakref.ref(cache.get(session))
        frozen = gc.get_freeze_count()
        with session_factory() as session, session.begin():
            session.execute(delete(EventRow).where(EventRow.id == 1))
        with session_factory() as session:
            cache.get(session)
        builder = cache._builder
        assert builder is not None
        builder.join()
        with session_factory() as session:
            second = cache.get(session)
        gc.collect()
        assert (frozen > 0, first() is None, second.number_of_edges()) == (True, True, 1)
    finally:
        gc.unfreeze()


def test_current_never_builds(session_factory: sessionmaker[Session]) -> None:
    cache = GraphCache()
    with session_factory() as session:
        before = cache.current(session)
        built = cache.snapshot(session)
        now = cache.current(session)
    store(session_factory, make_article("Putin met Assad.", [make_event(PUTIN, ASSAD)]))
    with session_factory() as session:
        after = cache.current(session)
    assert (before, now is built, after, cache.builds) == (None, True, None, 1)


def test_a_recount_while_another_thread_applies_does_not_rebuild(
    session_factory: sessionmaker[Session],
) -> None:
    store(session_factory, make_article("Putin met Assad.", [make_event(PUTIN, ASSAD)]))
    cache = GraphCache(recount_after=0)  # every request counts the events
    with session_factory() as session:
        built = cache.snapshot(session)
    store(session_factory, make_article("Putin met Egypt.", [make_event(PUTIN, EGYPT)]))
    with cache._apply_lock:  # another thread is applying: this request cannot catch up
        with session_factory() as session:
            behind = cache.snapshot(session)
        with_lock = (behind is built, behind.events, cache.status().building, built.stale_since)
    with session_factory() as session:
        caught_up = cache.snapshot(session)
    assert with_lock == (True, 1, False, None)
    assert (caught_up is built, caught_up.events, cache.builds) == (True, 2, 1)


def test_derived_results_of_big_graphs_are_kept_off_the_collector(
    session_factory: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(diplograph.graph.snapshot, "SETTLE_FROM_EDGES", 1)
    store(session_factory, make_article("Putin met Assad.", [make_event(PUTIN, ASSAD)]))
    cache = GraphCache()
    try:
        with session_factory() as session:
            snap = cache.snapshot(session)
        gc.unfreeze()

        def add(index: list[object], edges: list[object]) -> list[object]:
            index.extend(edges)
            return index

        index = snap.memo("index", lambda: [list(e) for e in snap.graph.edges(keys=True)], add)
        view = snap.level("country")
        tracked = {id(o) for o in gc.get_objects()}  # frozen objects are not listed
        assert (gc.get_freeze_count() > 0, id(index) in tracked, id(view) in tracked) == (
            True,
            False,
            False,
        )
    finally:
        gc.unfreeze()


def test_each_build_warms_its_snapshot_before_serving_it(
    session_factory: sessionmaker[Session],
) -> None:
    store(session_factory, make_article("Putin met Assad.", [make_event(PUTIN, ASSAD)]))
    calls: list[tuple[object, object, object, int]] = []

    def warm(snapshot: GraphSnapshot, previous: GraphSnapshot | None) -> None:
        calls.append((snapshot, previous, cache.served, snapshot.graph.number_of_edges()))
        snapshot.memo("warmed", lambda: "ready")
        if previous is not None:
            raise RuntimeError("warming failed")  # logged: the new graph is served all the same

    cache = GraphCache(warm=warm)
    with session_factory() as session:
        first = cache.snapshot(session)
        cache.invalidate()
        second = cache.snapshot(session)
    assert calls == [(first, None, None, 1), (second, first, first, 1)]
    assert (cache.builds, second is not first) == (2, True)
    assert [s.memo("warmed", lambda: "late") for s in (first, second)] == ["ready", "ready"]
