"""balance on a tiny hand-built graph."""

from datetime import date

from diplograph.graph.balance import Balance, Counterpart, balance
from diplograph.graph.build import build_graph
from diplograph.graph.filters import EdgeFilter
from diplograph.graph.summary import QuadCounts, TieSummary
from tests.factories import node, record

PUTIN = node(1, "Putin", "RUS")
ASSAD = node(2, "Assad", "SYR")
ERDOGAN = node(3, "Erdogan", "TUR")
POROSHENKO = node(4, "Poroshenko", "UKR")
TRUMP = node(5, "Trump", "USA")
DAY = date(2017, 1, 5)

G = build_graph(
    [
        record(1, PUTIN, ASSAD, "070", quad_class=2, goldstein=7.0),
        record(2, ASSAD, PUTIN, "040", goldstein=1.0),
        record(3, POROSHENKO, PUTIN, "111", quad_class=3, goldstein=-2.0),
        record(4, PUTIN, POROSHENKO, "190", quad_class=4, goldstein=-10.0),
        record(5, PUTIN, ERDOGAN, "040", goldstein=1.0),
        record(6, ERDOGAN, PUTIN, "111", quad_class=3, goldstein=-1.0),
        record(7, PUTIN, TRUMP, "111", quad_class=3, goldstein=-2.0),
        record(8, TRUMP, PUTIN, "040", goldstein=1.0, modality="intended"),
        record(9, PUTIN, PUTIN, "051", goldstein=3.4),
    ]
)


def tie(
    events: int, outgoing: int, quads: tuple[int, int, int, int], total: float, ids: tuple[int, ...]
) -> TieSummary:
    return TieSummary(
        events,
        outgoing,
        events - outgoing,
        QuadCounts(*quads),
        total,
        round(total / events, 3),
        DAY,
        DAY,
        ids,
        mentions=events,
    )


def test_counterparts_partners_and_adversaries() -> None:
    assert balance(G, 1) == Balance(
        total=tie(7, 4, (2, 1, 3, 1), -6.0, (1, 2, 3, 4, 5, 6, 7)),
        counterparts=(
            Counterpart(ASSAD, "partner", tie(2, 1, (1, 1, 0, 0), 8.0, (1, 2))),
            Counterpart(ERDOGAN, "neutral", tie(2, 1, (1, 0, 1, 0), 0.0, (5, 6))),
            Counterpart(TRUMP, "adversary", tie(1, 1, (0, 0, 1, 0), -2.0, (7,))),
            Counterpart(POROSHENKO, "adversary", tie(2, 1, (0, 0, 1, 1), -12.0, (3, 4))),
        ),
        partners=(ASSAD,),
        adversaries=(POROSHENKO, TRUMP),
    )


def test_filters_change_the_balance() -> None:
    every = balance(G, 1, where=EdgeFilter(modalities=frozenset({"asserted", "intended"})))
    assert [(c.node.name, c.stance, c.summary.goldstein_sum) for c in every.counterparts] == [
        ("Assad", "partner", 8.0),
        ("Erdogan", "neutral", 0.0),
        ("Trump", "adversary", -1.0),
        ("Poroshenko", "adversary", -12.0),
    ]
    verbal = balance(G, 1, where=EdgeFilter(quad_classes=frozenset({1, 3})))
    assert ([a.name for a in verbal.partners], [a.name for a in verbal.adversaries]) == (
        ["Assad"],
        ["Poroshenko", "Trump"],
    )


def test_actor_without_events() -> None:
    empty = balance(G, 99)
    assert (empty.counterparts, empty.partners, empty.adversaries, empty.total.events) == (
        (),
        (),
        (),
        0,
    )
