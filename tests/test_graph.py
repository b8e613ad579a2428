"""Graph building, queries and the cache, on tiny hand-built data."""

from datetime import date

from sqlalchemy.orm import Session, sessionmaker

from core.db import transaction
from graph.build import build_graph
from graph.cache import GraphCache
from graph.queries import who_met_whom
from graph.records import ActorNode, EventRecord
from ingest.persist import persist
from tests.factories import ASSAD, EGYPT, PUTIN, make_article, make_event

A = ActorNode(1, "Putin", "person", "RUS", "president")
B = ActorNode(2, "Assad", "person", "SYR", "president")
C = ActorNode(3, "Egypt", "country", "EGY", None)


def rec(
    id_: int,
    s: ActorNode,
    t: ActorNode,
    cameo: str = "040",
    *,
    when: date = date(2017, 1, 5),
    negated: bool = False,
    modality: str = "asserted",
) -> EventRecord:
    return EventRecord(id_, s, t, cameo, 1, 1.0, when, modality, 0.9, negated, 1, 1, "s", "met")


def test_who_met_whom_counts_both_directions_and_skips_other_codes() -> None:
    G = build_graph([rec(1, A, B), rec(2, B, A, when=date(2017, 2, 1)), rec(3, A, C, "111")])
    [pair] = who_met_whom(G)
    assert (pair.a, pair.b, pair.count, pair.first_date, pair.last_date, pair.event_ids) == (
        1,
        2,
        2,
        date(2017, 1, 5),
        date(2017, 2, 1),
        (1, 2),
    )


def test_who_met_whom_drops_negated_and_unasserted() -> None:
    G = build_graph([rec(1, A, B, negated=True), rec(2, A, C, modality="intended")])
    assert who_met_whom(G) == []
    assert [p.b for p in who_met_whom(G, modalities=frozenset({"intended"}))] == [3]


def test_who_met_whom_actor_and_dates() -> None:
    G = build_graph([rec(1, A, B), rec(2, B, C, when=date(2018, 1, 1)), rec(3, A, C)])
    assert [(p.a, p.b) for p in who_met_whom(G, actor=3)] == [(2, 3), (1, 3)]
    assert [(p.a, p.b) for p in who_met_whom(G, since=date(2017, 6, 1))] == [(2, 3)]
    assert [(p.a, p.b) for p in who_met_whom(G, until=date(2017, 6, 1))] == [(1, 2), (1, 3)]


def test_cache_rebuilds_only_after_new_events(session_factory: sessionmaker[Session]) -> None:
    cache = GraphCache()
    with transaction(session_factory) as session:
        persist(session, make_article("Putin met Assad.", [make_event(PUTIN, ASSAD)]))
    with session_factory() as session:
        first = cache.get(session)
        assert cache.get(session) is first
    assert (cache.builds, first.number_of_edges()) == (1, 1)
    with transaction(session_factory) as session:
        persist(session, make_article("Putin met Egypt.", [make_event(PUTIN, EGYPT)]))
    with session_factory() as session:
        assert cache.get(session).number_of_edges() == 2
    assert cache.builds == 2
