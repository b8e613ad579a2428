"""EdgeFilter, incident_edges, edges_between and filtered_graph on tiny hand-built graphs."""

from datetime import date

import pytest

from diplograph.graph.build import build_graph
from diplograph.graph.filters import (
    MODALITIES,
    EdgeFilter,
    edges_between,
    filtered_graph,
    incident_edges,
    kept_edges,
)
from tests.factories import node, record

PUTIN = node(1, "Putin", "RUS")
ASSAD = node(2, "Assad", "SYR")
ERDOGAN = node(3, "Erdogan", "TUR")
SISSI = node(4, "Sissi", "EGY")

G = build_graph(
    [
        record(1, PUTIN, ASSAD, "040", when=date(2017, 1, 1), confidence=0.9),
        record(2, ASSAD, PUTIN, "042", when=date(2017, 2, 1), confidence=0.5),
        record(3, PUTIN, ERDOGAN, "111", when=date(2017, 3, 1), quad_class=3),
        record(4, PUTIN, ERDOGAN, "190", when=None, quad_class=4),
        record(5, ERDOGAN, SISSI, "040", negated=True),
        record(6, SISSI, PUTIN, "040", modality="intended"),
        record(7, PUTIN, PUTIN, "051", when=date(2017, 1, 1)),
    ]
)


def kept(where: EdgeFilter) -> list[int]:
    return [key for _, _, key, _ in kept_edges(G, where)]


def test_default_keeps_asserted_non_negated_events_of_any_kind() -> None:
    assert kept(EdgeFilter()) == [1, 3, 4, 7, 2]


def test_negated_events_never_count_whatever_the_modalities() -> None:
    assert kept(EdgeFilter(modalities=MODALITIES)) == [1, 3, 4, 7, 2, 6]


@pytest.mark.parametrize(
    ("where", "ids"),
    [
        (EdgeFilter(codes=("04",)), [1, 2]),
        (EdgeFilter(codes=("042", "19")), [4, 2]),
        (EdgeFilter(codes=("0421",)), []),
        (EdgeFilter(quad_classes=frozenset({3, 4})), [3, 4]),
        (EdgeFilter(min_confidence=0.9), [1, 3, 4, 7]),
        (EdgeFilter(since=date(2017, 2, 1)), [3, 2]),
        (EdgeFilter(until=date(2017, 2, 1)), [1, 7, 2]),
        (EdgeFilter(since=date(2017, 2, 1), until=date(2017, 2, 1)), [2]),
        (EdgeFilter(modalities=frozenset({"intended"})), [6]),
    ],
)
def test_each_filter(where: EdgeFilter, ids: list[int]) -> None:
    assert kept(where) == ids


def test_filters_are_hashable_and_equal_by_value() -> None:
    a = EdgeFilter(codes=("04",), quad_classes=frozenset({1}))
    b = EdgeFilter(codes=("04",), quad_classes=frozenset({1}))
    assert (a == b, hash(a) == hash(b), a == EdgeFilter()) == (True, True, False)


def test_incident_edges_both_directions_self_loop_once() -> None:
    assert [(u, v, k) for u, v, k, _ in incident_edges(G, 1)] == [
        (1, 2, 1),
        (1, 3, 3),
        (1, 3, 4),
        (1, 1, 7),
        (2, 1, 2),
    ]
    assert [k for _, _, k, _ in incident_edges(G, 1, EdgeFilter(codes=("04",)))] == [1, 2]
    assert incident_edges(G, 99) == []


def test_edges_between_reads_both_directions() -> None:
    assert [(u, v, k) for u, v, k, _ in edges_between(G, 2, 1)] == [(2, 1, 2), (1, 2, 1)]
    assert [k for _, _, k, _ in edges_between(G, 1, 1)] == [7]
    assert [k for _, _, k, _ in edges_between(G, 3, 4)] == []
    assert edges_between(G, 1, 99) == []


def test_filtered_graph_keeps_kept_events_and_their_nodes() -> None:
    H = filtered_graph(G, EdgeFilter(quad_classes=frozenset({3, 4})))
    assert sorted(H.nodes) == [1, 3]
    assert list(H.edges(keys=True)) == [(1, 3, 3), (1, 3, 4)]
    assert H.nodes[3] == G.nodes[3]
    assert H.edges[1, 3, 4] == G.edges[1, 3, 4]
    assert filtered_graph(G, EdgeFilter(since=date(2030, 1, 1))).number_of_nodes() == 0
