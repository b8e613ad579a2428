"""ego on tiny hand-built graphs."""

from datetime import date

import pytest

from diplograph.graph.build import build_graph
from diplograph.graph.ego import Neighbour, ego
from diplograph.graph.filters import EdgeFilter
from diplograph.graph.summary import QuadCounts, TieSummary
from tests.factories import node, record

PUTIN = node(1, "Putin", "RUS")
ASSAD = node(2, "Assad", "SYR")
ERDOGAN = node(3, "Erdogan", "TUR")
SISSI = node(4, "Sissi", "EGY")
TRUMP = node(5, "Trump", "USA")
JAN, FEB = date(2017, 1, 10), date(2017, 2, 10)

G = build_graph(
    [
        record(1, PUTIN, ASSAD, "040", when=JAN, goldstein=1.0),
        record(2, ASSAD, PUTIN, "111", when=FEB, quad_class=3, goldstein=-2.0),
        record(3, ERDOGAN, PUTIN, "070", when=None, quad_class=2, goldstein=7.0),
        record(4, ASSAD, SISSI, "040", when=FEB, goldstein=1.0),
        record(5, ERDOGAN, SISSI, "190", when=JAN, quad_class=4, goldstein=-10.0),
        record(6, SISSI, TRUMP, "040", when=JAN),
        record(7, PUTIN, PUTIN, "051", when=JAN),
        record(8, ASSAD, ERDOGAN, "040", when=JAN),
        record(9, PUTIN, TRUMP, "040", negated=True),
    ]
)


def summary(
    events: int,
    outgoing: int,
    quads: tuple[int, int, int, int],
    total: float,
    mean: float,
    first: date | None,
    last: date | None,
    ids: tuple[int, ...],
) -> TieSummary:
    return TieSummary(
        events,
        outgoing,
        events - outgoing,
        QuadCounts(*quads),
        total,
        mean,
        first,
        last,
        ids,
        mentions=events,
    )


def test_radius_one_summarizes_each_neighbour() -> None:
    assert ego(G, 1) == [
        Neighbour(ASSAD, 1, (), summary(2, 1, (1, 0, 1, 0), -1.0, -0.5, JAN, FEB, (1, 2))),
        Neighbour(ERDOGAN, 1, (), summary(1, 0, (0, 1, 0, 0), 7.0, 7.0, None, None, (3,))),
    ]


def test_radius_two_adds_neighbours_of_neighbours_via_them() -> None:
    second = ego(G, 1, radius=2)[2:]
    assert second == [
        Neighbour(
            SISSI,
            2,
            (ASSAD, ERDOGAN),
            summary(2, 2, (1, 0, 0, 1), -9.0, -4.5, JAN, FEB, (4, 5)),
        )
    ]


def test_ties_between_first_ring_neighbours_and_self_events_are_left_out() -> None:
    names = [(n.node.name, n.distance) for n in ego(G, 1, radius=2)]
    assert names == [("Assad", 1), ("Erdogan", 1), ("Sissi", 2)]


def test_filters_apply_to_every_ring() -> None:
    conflict = EdgeFilter(quad_classes=frozenset({3, 4}))
    assert [
        (n.node.name, n.distance, n.summary.event_ids) for n in ego(G, 1, radius=2, where=conflict)
    ] == [("Assad", 1, (2,))]
    assert [(n.node.name, n.summary.event_ids) for n in ego(G, 4, where=conflict)] == [
        ("Erdogan", (5,))
    ]


def test_busiest_neighbour_first_then_by_name() -> None:
    assert [(n.node.name, n.summary.events) for n in ego(G, 2)] == [
        ("Putin", 2),
        ("Erdogan", 1),
        ("Sissi", 1),
    ]


def test_unknown_actor_has_no_neighbours_and_radius_is_checked() -> None:
    assert ego(G, 99, radius=2) == []
    with pytest.raises(ValueError, match="radius must be 1 or 2"):
        ego(G, 1, radius=3)
