"""centrality, weighted_graph and weighted_digraph on tiny hand-built graphs."""

import networkx as nx
import pytest

import diplograph.graph.centrality as centrality_module
from diplograph.graph.build import build_graph
from diplograph.graph.centrality import (
    Ranked,
    Ranking,
    centrality,
    weighted_digraph,
    weighted_graph,
)
from diplograph.graph.records import EventGraph
from tests.factories import node, record

A, B, C, D, E = (node(i, name) for i, name in enumerate("ABCDE", start=1))


def events(*pairs: tuple[int, int]) -> EventGraph:
    """Return a graph with one event per (source, target) pair, ids from 1."""
    nodes = {n.id: n for n in (A, B, C, D, E)}
    return build_graph([record(i, nodes[u], nodes[v]) for i, (u, v) in enumerate(pairs, start=1)])


# A star around A (A-B twice), plus C-D.
STAR = events((1, 2), (2, 1), (1, 3), (4, 1), (3, 4), (5, 5))


def test_weighted_graphs_count_events_and_drop_self_loops() -> None:
    assert sorted(weighted_graph(STAR).edges(data="weight")) == [
        (1, 2, 2),
        (1, 3, 1),
        (1, 4, 1),
        (3, 4, 1),
    ]
    assert sorted(weighted_graph(STAR).nodes) == [1, 2, 3, 4, 5]
    assert sorted(weighted_digraph(STAR).edges(data="weight")) == [
        (1, 2, 1),
        (1, 3, 1),
        (2, 1, 1),
        (3, 4, 1),
        (4, 1, 1),
    ]


def test_degree_ranks_by_share_of_partners_with_counts_and_evidence() -> None:
    assert centrality(STAR, "degree", top=3, evidence=2) == Ranking(
        "degree",
        "degree",
        None,
        5,
        (
            Ranked(A, 0.75, 3, 4, (1, 2)),
            Ranked(C, 0.5, 2, 2, (3, 5)),
            Ranked(D, 0.5, 2, 2, (4, 5)),
        ),
    )


def test_betweenness_on_a_path() -> None:
    path = events((1, 2), (2, 3), (3, 4))
    ranking = centrality(path, "betweenness", top=4)
    assert [(r.node.name, r.score) for r in ranking.ranked] == [
        ("B", 0.666667),
        ("C", 0.666667),
        ("A", 0.0),
        ("D", 0.0),
    ]
    assert ranking.note is None


def test_betweenness_is_sampled_above_the_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(centrality_module, "BETWEENNESS_EXACT_UP_TO", 2)
    ranking = centrality(events((1, 2), (2, 3), (3, 4)), "betweenness")
    assert ranking.note == "estimated from 2 of 4 nodes sampled as sources (seed 0)"


def test_pagerank_follows_event_direction() -> None:
    # A -> B with B dangling: b = 0.075 + 0.85 a + 0.425 b, a = 0.075 + 0.425 b.
    ranking = centrality(events((1, 2)), "pagerank")
    assert [r.node.name for r in ranking.ranked] == ["B", "A"]
    assert [r.score for r in ranking.ranked] == pytest.approx([0.649123, 0.350877], abs=2e-6)


def test_eigenvector_on_a_disconnected_graph_concentrates_on_the_larger_component() -> None:
    # Triangle A-B-C and the pair D-E: the triangle holds the largest eigenvalue.
    ranking = centrality(events((1, 2), (2, 3), (3, 1), (4, 5)), "eigenvector", top=5)
    assert (ranking.computed, ranking.note) == ("eigenvector", None)
    assert [r.node.name for r in ranking.ranked[:3]] == ["A", "B", "C"]
    assert [r.score for r in ranking.ranked[:3]] == pytest.approx([0.57735] * 3, abs=1e-5)
    assert max(r.score for r in ranking.ranked[3:]) < 1e-3


def test_eigenvector_on_tiny_graphs() -> None:
    assert [r.score for r in centrality(events((1, 2)), "eigenvector").ranked] == pytest.approx(
        [0.707107, 0.707107], abs=1e-5
    )
    lonely = centrality(events((5, 5)), "eigenvector")
    assert [(r.node.name, r.score, r.partners) for r in lonely.ranked] == [("E", 1.0, 0)]


def test_eigenvector_falls_back_to_degree_when_it_does_not_converge(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def never_converges(*args: object, **kwargs: object) -> dict[int, float]:
        raise nx.PowerIterationFailedConvergence(1000)

    monkeypatch.setattr(nx, "eigenvector_centrality", never_converges)
    ranking = centrality(STAR, "eigenvector", top=1)
    assert ranking == Ranking(
        "eigenvector",
        "degree",
        "eigenvector centrality did not converge; ranked by degree instead",
        5,
        (Ranked(A, 0.75, 3, 4, (1, 2, 3, 4)),),
    )


@pytest.mark.parametrize("measure", ["degree", "betweenness", "pagerank", "eigenvector"])
def test_empty_graph_ranks_nobody(measure: centrality_module.Measure) -> None:
    assert centrality(nx.MultiDiGraph(), measure) == Ranking(measure, measure, None, 0, ())
