"""GraphCache: rebuilt after new events and not otherwise, one build at a time."""

import threading
import time
from collections.abc import Iterable
from datetime import date

from sqlalchemy.orm import Session, sessionmaker

from graph.cache import GraphCache
from graph.load import load_records
from graph.records import ActorNode, EventRecord
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


def test_rebuilds_after_new_events(session_factory: sessionmaker[Session]) -> None:
    cache = GraphCache()
    with session_factory() as session:
        empty = cache.get(session)
    store(session_factory, make_article("Putin met Assad.", [make_event(PUTIN, ASSAD)]))
    with session_factory() as session:
        one = cache.get(session)
    store(session_factory, make_article("Putin met Egypt.", [make_event(PUTIN, EGYPT)]))
    with session_factory() as session:
        two = cache.get(session)
        assert cache.get(session) is two
    assert [g.number_of_edges() for g in (empty, one, two)] == [0, 1, 2]
    assert cache.builds == 3


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
    putin = ActorNode(1, "Vladimir Putin", "person", "RUS", "president")
    assad = ActorNode(2, "Bashar al-Assad", "person", "SYR", "president")
    egypt = ActorNode(3, "Egypt", "country", "EGY", None)
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
            quad_class=1,
            goldstein=1.0,
            confidence=0.9,
            negated=False,
        ),
    ]
