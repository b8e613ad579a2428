"""who_met_whom and pair_events on tiny hand-built graphs."""

from datetime import date

from diplograph.graph.build import build_graph
from diplograph.graph.filters import MODALITIES, EdgeFilter
from diplograph.graph.queries import MeetingPair, meeting_index, pair_events, who_met_whom
from tests.factories import node, record

PUTIN = node(1, "Putin", "RUS")
ASSAD = node(2, "Assad", "SYR")
ERDOGAN = node(3, "Erdogan", "TUR")
SISSI = node(4, "Sissi", "EGY")
DAY = date(2017, 1, 5)


def test_pairs_count_both_directions_and_ignore_other_roots() -> None:
    G = build_graph(
        [
            record(1, PUTIN, ASSAD),
            record(2, ASSAD, PUTIN, "042", when=date(2017, 2, 1)),
            record(3, PUTIN, ERDOGAN, "111"),
            record(4, PUTIN, ERDOGAN, "0431"),
        ]
    )
    assert who_met_whom(G) == [
        MeetingPair(ASSAD, PUTIN, 2, DAY, date(2017, 2, 1), (1, 2)),
        MeetingPair(ERDOGAN, PUTIN, 1, DAY, DAY, (4,)),
    ]


def test_negated_events_never_count() -> None:
    G = build_graph([record(1, PUTIN, ASSAD, negated=True), record(2, PUTIN, SISSI)])
    assert who_met_whom(G) == [MeetingPair(PUTIN, SISSI, 1, DAY, DAY, (2,))]
    assert who_met_whom(G, where=EdgeFilter(modalities=MODALITIES)) == [
        MeetingPair(PUTIN, SISSI, 1, DAY, DAY, (2,))
    ]


def test_only_asserted_events_count_unless_modalities_are_given() -> None:
    G = build_graph(
        [
            record(1, PUTIN, ASSAD, modality="intended"),
            record(2, PUTIN, ERDOGAN, modality="reported"),
            record(3, PUTIN, SISSI),
        ]
    )
    assert who_met_whom(G) == [MeetingPair(PUTIN, SISSI, 1, DAY, DAY, (3,))]
    assert who_met_whom(G, where=EdgeFilter(modalities=frozenset({"intended", "reported"}))) == [
        MeetingPair(ASSAD, PUTIN, 1, DAY, DAY, (1,)),
        MeetingPair(ERDOGAN, PUTIN, 1, DAY, DAY, (2,)),
    ]


def test_since_and_until_are_inclusive_and_undated_events_drop_out() -> None:
    jan, feb, mar = date(2017, 1, 1), date(2017, 2, 1), date(2017, 3, 1)
    G = build_graph(
        [
            record(1, PUTIN, ASSAD, when=jan),
            record(2, PUTIN, ASSAD, when=feb),
            record(3, PUTIN, ASSAD, when=mar),
            record(4, PUTIN, ASSAD, when=None),
        ]
    )
    assert who_met_whom(G) == [MeetingPair(ASSAD, PUTIN, 4, jan, mar, (1, 2, 3, 4))]
    assert who_met_whom(G, where=EdgeFilter(since=feb)) == [
        MeetingPair(ASSAD, PUTIN, 2, feb, mar, (2, 3))
    ]
    assert who_met_whom(G, where=EdgeFilter(until=feb)) == [
        MeetingPair(ASSAD, PUTIN, 2, jan, feb, (1, 2))
    ]
    assert who_met_whom(G, where=EdgeFilter(since=feb, until=feb)) == [
        MeetingPair(ASSAD, PUTIN, 1, feb, feb, (2,))
    ]
    assert who_met_whom(G, where=EdgeFilter(since=date(2018, 1, 1))) == []


def test_undated_events_count_without_date_filters() -> None:
    G = build_graph([record(1, PUTIN, ASSAD, when=None)])
    assert who_met_whom(G) == [MeetingPair(ASSAD, PUTIN, 1, None, None, (1,))]


def test_actor_keeps_its_pairs_and_comes_first() -> None:
    G = build_graph(
        [
            record(1, PUTIN, ASSAD),
            record(2, ERDOGAN, PUTIN),
            record(3, ERDOGAN, PUTIN),
            record(4, ASSAD, ERDOGAN),
        ]
    )
    assert who_met_whom(G, actor=1) == [
        MeetingPair(PUTIN, ERDOGAN, 2, DAY, DAY, (2, 3)),
        MeetingPair(PUTIN, ASSAD, 1, DAY, DAY, (1,)),
    ]
    assert who_met_whom(G, actor=2) == [
        MeetingPair(ASSAD, ERDOGAN, 1, DAY, DAY, (4,)),
        MeetingPair(ASSAD, PUTIN, 1, DAY, DAY, (1,)),
    ]


def test_actor_without_meetings_or_not_in_graph_has_no_pairs() -> None:
    G = build_graph([record(1, PUTIN, ASSAD), record(2, SISSI, PUTIN, "111")])
    assert who_met_whom(G, actor=4) == []
    assert who_met_whom(G, actor=99) == []


def test_meetings_of_an_actor_with_itself_are_ignored() -> None:
    G = build_graph([record(1, PUTIN, PUTIN), record(2, PUTIN, ASSAD)])
    assert who_met_whom(G) == [MeetingPair(ASSAD, PUTIN, 1, DAY, DAY, (2,))]
    assert who_met_whom(G, actor=1) == [MeetingPair(PUTIN, ASSAD, 1, DAY, DAY, (2,))]


def test_most_events_first_then_by_names() -> None:
    G = build_graph(
        [
            record(1, SISSI, PUTIN),
            record(2, ERDOGAN, SISSI),
            record(3, ASSAD, SISSI),
            record(4, ERDOGAN, SISSI),
        ]
    )
    assert [(p.a.name, p.b.name, p.count) for p in who_met_whom(G)] == [
        ("Erdogan", "Sissi", 2),
        ("Assad", "Sissi", 1),
        ("Putin", "Sissi", 1),
    ]


def test_pair_events_reads_both_directions_in_id_order() -> None:
    G = build_graph(
        [
            record(5, ASSAD, PUTIN, sentence="Assad hosted Putin.", trigger="hosted"),
            record(2, PUTIN, ASSAD, sentence="Putin met Assad.", trigger="met"),
        ]
    )
    [pair] = who_met_whom(G)
    assert [(e["event_id"], e["sentence"], e["trigger"]) for e in pair_events(G, pair)] == [
        (2, "Putin met Assad.", "met"),
        (5, "Assad hosted Putin.", "hosted"),
    ]


def test_the_meeting_index_gives_the_same_answers() -> None:
    G = build_graph(
        [
            record(1, PUTIN, ASSAD),
            record(2, ASSAD, PUTIN, "042", when=date(2017, 2, 1)),
            record(3, PUTIN, ERDOGAN, "111"),
            record(4, PUTIN, ERDOGAN, "0431", modality="intended"),
            record(5, SISSI, PUTIN, "040", negated=True),
            record(6, PUTIN, PUTIN, "040"),
            record(7, SISSI, ERDOGAN, "043", when=None),
        ]
    )
    index = meeting_index(G)
    assert {n: [k for _, _, k, _ in edges] for n, edges in index.items()} == {
        1: [1, 4, 2, 5],
        2: [1, 2],
        3: [4, 7],
        4: [5, 7],
    }
    filters = [
        EdgeFilter(),
        EdgeFilter(modalities=MODALITIES),
        EdgeFilter(since=date(2017, 1, 6)),
        EdgeFilter(codes=("042", "043")),
    ]
    for where in filters:
        for actor in (1, 2, 3, 4, 99):
            assert who_met_whom(G, actor=actor, where=where, index=index) == who_met_whom(
                G, actor=actor, where=where
            )
