"""country_graph: actors collapsed onto their countries."""

from datetime import date

from diplograph.graph.build import build_graph
from diplograph.graph.country import country_graph
from diplograph.graph.filters import EdgeFilter
from diplograph.graph.queries import who_met_whom
from diplograph.graph.records import ActorNode
from tests.factories import node, record

PUTIN = node(1, "Putin", "RUS")
LAVROV = node(2, "Lavrov", "RUS")
ASSAD = node(3, "Assad", "SYR")
SYRIA = ActorNode(4, "Syria", "country", "SYR", None)
HAMAS = ActorNode(5, "Hamas", "group", None, None)
TRUMP = node(6, "Trump", "USA")

G = build_graph(
    [
        record(1, PUTIN, ASSAD, "040"),
        record(2, LAVROV, SYRIA, "042", when=date(2017, 2, 1)),
        record(3, PUTIN, LAVROV, "040"),
        record(4, HAMAS, SYRIA, "190"),
        record(5, TRUMP, PUTIN, "040"),
    ]
)


def test_nodes_are_countries_named_by_their_country_actor_or_iso() -> None:
    C = country_graph(G)
    assert dict(C.nodes(data=True)) == {
        "RUS": {
            "name": "Russian Federation",
            "type": "country",
            "country": "RUS",
            "role": None,
            "aliases": (),
        },
        "SYR": {"name": "Syria", "type": "country", "country": "SYR", "role": None, "aliases": ()},
        "USA": {
            "name": "United States",
            "type": "country",
            "country": "USA",
            "role": None,
            "aliases": (),
        },
    }


def test_every_event_with_two_countries_stays_one_edge() -> None:
    C = country_graph(G)
    assert sorted(C.edges(keys=True)) == [
        ("RUS", "RUS", 3),
        ("RUS", "SYR", 1),
        ("RUS", "SYR", 2),
        ("USA", "RUS", 5),
    ]
    assert C.edges["RUS", "SYR", 2] == {
        **G.edges[2, 4, 2],
        "source_actor": 2,
        "target_actor": 4,
    }


def test_queries_run_unchanged_on_the_country_view() -> None:
    pairs = who_met_whom(country_graph(G), actor="RUS", where=EdgeFilter())
    assert [(p.a.id, p.b.id, p.count, p.event_ids) for p in pairs] == [
        ("RUS", "SYR", 2, (1, 2)),
        ("RUS", "USA", 1, (5,)),
    ]
