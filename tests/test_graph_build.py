"""build_graph on hand-made records."""

import warnings
from datetime import date

from diplograph.graph.build import build_graph
from diplograph.graph.records import ActorNode
from tests.factories import node, record

PUTIN = ActorNode(1, "Vladimir Putin", "person", "RUS", "president", ("putin", "vladimir putin"))
SYRIA = ActorNode(2, "Syria", "country", "SYR", None)


def test_nodes_carry_actor_attributes() -> None:
    G = build_graph([record(7, PUTIN, SYRIA)])
    assert {n: G.nodes[n] for n in G} == {
        1: {
            "name": "Vladimir Putin",
            "type": "person",
            "country": "RUS",
            "role": "president",
            "aliases": ("putin", "vladimir putin"),
        },
        2: {"name": "Syria", "type": "country", "country": "SYR", "role": None, "aliases": ()},
    }


def test_one_edge_per_event_keyed_by_event_id() -> None:
    G = build_graph(
        [
            record(7, PUTIN, SYRIA, "042", sentence="Putin visited Syria.", trigger="visited"),
            record(9, PUTIN, SYRIA, "111", when=None, negated=True, modality="reported"),
        ]
    )
    assert list(G.edges(keys=True)) == [(1, 2, 7), (1, 2, 9)]
    assert G.edges[1, 2, 7] == {
        "event_id": 7,
        "cameo": "042",
        "root": "04",
        "quad_class": 1,
        "goldstein": 1.0,
        "date": date(2017, 1, 5),
        "modality": "asserted",
        "confidence": 0.9,
        "negated": False,
        "article_id": 1,
        "sentence_id": 7,
        "sentence_index": 0,
        "sentence": "Putin visited Syria.",
        "trigger": "visited",
        "mentions": 1,
        "articles": 1,
    }
    assert (G.edges[1, 2, 9]["root"], G.edges[1, 2, 9]["date"]) == ("11", None)


def test_no_events_no_graph() -> None:
    G = build_graph([])
    assert (G.number_of_nodes(), G.number_of_edges()) == (0, 0)


def test_an_actor_seen_twice_is_one_node() -> None:
    a, b, c = node(1, "A"), node(2, "B"), node(3, "C")
    G = build_graph([record(1, a, b), record(2, c, a), record(3, b, a)])
    assert (sorted(G.nodes), G.number_of_edges()) == ([1, 2, 3], 3)


def test_a_column_text_numpy_cannot_read_falls_back_without_touching_warning_filters() -> None:
    # Filters are process-wide: a build thread that set them once turned a warning in a
    # request thread into a 500 (a pydantic warning while FastAPI built a route lazily).
    from diplograph.graph.load import _parse_columns

    before = list(warnings.filters)
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        chunk = _parse_columns(
            (2, "1,2x", "0,0", "0,0", "1,1", "1,1", "1,1"),
            (2, "0,0", "0,0", 0.0, "a\x1fb", "asserted\x1fasserted", "met\x1fmet"),
        )
    assert chunk is None
    assert list(warnings.filters) == before
