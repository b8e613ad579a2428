"""dyad_timeline on a tiny hand-built graph."""

from datetime import date

import pytest

from diplograph.graph.build import build_graph
from diplograph.graph.dyad import Bucket, Interval, dyad_timeline, interval_end, interval_start
from diplograph.graph.filters import EdgeFilter
from diplograph.graph.summary import EventRef, QuadCounts
from tests.factories import node, record

PUTIN = node(1, "Putin", "RUS")
ASSAD = node(2, "Assad", "SYR")
ERDOGAN = node(3, "Erdogan", "TUR")

G = build_graph(
    [
        record(1, PUTIN, ASSAD, "040", when=date(2017, 12, 11), sentence="Putin met Assad."),
        record(
            2,
            ASSAD,
            PUTIN,
            "111",
            when=date(2017, 12, 17),
            quad_class=3,
            goldstein=-2.0,
            sentence="Assad criticized Putin.",
            trigger="criticized",
        ),
        record(3, ASSAD, PUTIN, "042", when=date(2018, 1, 2), goldstein=1.9),
        record(4, PUTIN, ASSAD, "040", when=None, sentence="They met once."),
        record(5, PUTIN, ERDOGAN, "040", when=date(2017, 12, 11)),
        record(6, PUTIN, ASSAD, "040", when=date(2017, 12, 12), modality="reported"),
    ]
)


def test_month_buckets_summary_and_events() -> None:
    dyad = dyad_timeline(G, 1, 2)
    assert dyad.buckets == (
        Bucket(
            date(2017, 12, 1), date(2017, 12, 31), 2, QuadCounts(1, 0, 1, 0), -1.0, -0.5, (1, 2)
        ),
        Bucket(date(2018, 1, 1), date(2018, 1, 31), 1, QuadCounts(1, 0, 0, 0), 1.9, 1.9, (3,)),
    )
    assert (dyad.interval, dyad.undated, dyad.summary.events) == ("month", 1, 4)
    assert (dyad.summary.outgoing, dyad.summary.incoming, dyad.summary.event_ids) == (
        2,
        2,
        (1, 2, 3, 4),
    )
    assert [e.event_id for e in dyad.events] == [1, 2, 3, 4]
    assert dyad.events[1] == EventRef(
        event_id=2,
        source=2,
        target=1,
        cameo="111",
        quad_class=3,
        goldstein=-2.0,
        modality="asserted",
        confidence=0.9,
        date=date(2017, 12, 17),
        sentence="Assad criticized Putin.",
        trigger="criticized",
        article_id=1,
    )


@pytest.mark.parametrize(
    ("interval", "starts"),
    [
        ("day", [date(2017, 12, 11), date(2017, 12, 17), date(2018, 1, 2)]),
        ("week", [date(2017, 12, 11), date(2018, 1, 1)]),
        ("year", [date(2017, 1, 1), date(2018, 1, 1)]),
    ],
)
def test_other_intervals(interval: Interval, starts: list[date]) -> None:
    assert [b.start for b in dyad_timeline(G, 2, 1, interval=interval).buckets] == starts


def test_summary_is_taken_from_a() -> None:
    summary = dyad_timeline(G, 2, 1).summary
    assert (summary.outgoing, summary.incoming) == (2, 2)
    assert dyad_timeline(G, 1, 2, where=EdgeFilter(codes=("04",))).summary.outgoing == 2


def test_filters_and_modalities() -> None:
    dated = dyad_timeline(G, 1, 2, where=EdgeFilter(since=date(2017, 12, 12)))
    assert ([e.event_id for e in dated.events], dated.undated) == ([2, 3], 0)
    reported = dyad_timeline(G, 1, 2, where=EdgeFilter(modalities=frozenset({"reported"})))
    assert [e.event_id for e in reported.events] == [6]


def test_no_events_between_two_nodes() -> None:
    dyad = dyad_timeline(G, 2, 3)
    assert (dyad.buckets, dyad.events, dyad.undated, dyad.summary.events) == ((), (), 0, 0)
    assert dyad_timeline(G, 1, 99).events == ()


def test_interval_bounds() -> None:
    assert interval_start(date(2017, 12, 17), "week") == date(2017, 12, 11)
    assert interval_end(date(2017, 12, 1), "month") == date(2017, 12, 31)
    assert interval_end(date(2016, 2, 1), "month") == date(2016, 2, 29)
    assert interval_end(date(2017, 1, 1), "year") == date(2017, 12, 31)
    assert interval_end(date(2017, 12, 11), "day") == date(2017, 12, 11)
