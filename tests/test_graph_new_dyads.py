"""new_dyads on a tiny hand-built graph."""

from datetime import date

from diplograph.graph.build import build_graph
from diplograph.graph.filters import DEFAULT_FILTER, EdgeFilter
from diplograph.graph.new_dyads import new_dyads
from tests.factories import node, record

PUTIN = node(1, "Putin", "RUS")
ASSAD = node(2, "Assad", "SYR")
ERDOGAN = node(3, "Erdogan", "TUR")
KIM = node(4, "Kim", "PRK")
TRUMP = node(5, "Trump", "USA")

G = build_graph(
    [
        record(1, PUTIN, ASSAD, "040", when=date(2016, 5, 1)),
        record(2, ASSAD, PUTIN, "040", when=date(2018, 2, 1)),
        record(3, ERDOGAN, PUTIN, "111", when=date(2018, 1, 10), quad_class=3, goldstein=-2.0),
        record(4, PUTIN, ERDOGAN, "040", when=date(2018, 3, 1)),
        record(5, KIM, TRUMP, "040", when=date(2018, 6, 12), sentence="Kim met Trump."),
        record(6, TRUMP, KIM, "111", when=None, quad_class=3),
        record(7, KIM, TRUMP, "040", when=date(2017, 3, 1), modality="reported"),
        record(8, KIM, KIM, "040", when=date(2018, 7, 1)),
    ]
)


def summarized(
    since: date, where: EdgeFilter = DEFAULT_FILTER
) -> list[tuple[str, str, str, int, tuple[int, ...]]]:
    return [
        (d.a.name, d.b.name, d.first_date.isoformat(), d.first_event.event_id, d.summary.event_ids)
        for d in new_dyads(G, since=since, where=where)
    ]


def test_pairs_first_seen_since_the_date() -> None:
    assert summarized(date(2018, 1, 1)) == [
        ("Erdogan", "Putin", "2018-01-10", 3, (3, 4)),
        ("Kim", "Trump", "2018-06-12", 5, (5,)),
    ]
    [kim_trump] = new_dyads(G, since=date(2018, 6, 12))
    assert (kim_trump.first_event.sentence, kim_trump.summary.outgoing) == ("Kim met Trump.", 1)


def test_history_before_since_counts_whatever_the_filter_since() -> None:
    assert summarized(date(2018, 1, 1), EdgeFilter(since=date(2018, 1, 1))) == [
        ("Erdogan", "Putin", "2018-01-10", 3, (3, 4)),
        ("Kim", "Trump", "2018-06-12", 5, (5,)),
    ]


def test_filters_define_what_is_new() -> None:
    consults = EdgeFilter(codes=("04",))
    assert summarized(date(2018, 1, 1), consults) == [
        ("Erdogan", "Putin", "2018-03-01", 4, (4,)),
        ("Kim", "Trump", "2018-06-12", 5, (5,)),
    ]
    reported = EdgeFilter(modalities=frozenset({"asserted", "reported"}))
    assert summarized(date(2018, 1, 1), reported) == [("Erdogan", "Putin", "2018-01-10", 3, (3, 4))]
    assert summarized(date(2018, 1, 1), EdgeFilter(until=date(2018, 2, 1))) == [
        ("Erdogan", "Putin", "2018-01-10", 3, (3,))
    ]


def test_nothing_new() -> None:
    assert summarized(date(2019, 1, 1)) == []
