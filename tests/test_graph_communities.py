"""communities on tiny hand-built graphs."""

import networkx as nx
import pytest

from diplograph.graph.build import build_graph
from diplograph.graph.communities import Community, Method, Partition, communities
from diplograph.graph.records import EventGraph
from tests.factories import node, record

NODES = {i: node(i, name) for i, name in enumerate("ABCDEFG", start=1)}


def events(*pairs: tuple[int, int]) -> EventGraph:
    """Return a graph with one event per (source, target) pair, ids from 1."""
    return build_graph([record(i, NODES[u], NODES[v]) for i, (u, v) in enumerate(pairs, start=1)])


# Triangles A-B-C and D-E-F (D-E twice) joined by C-D; G only talks to itself.
TWO_TRIANGLES = events((1, 2), (2, 3), (3, 1), (4, 5), (5, 4), (5, 6), (6, 4), (3, 4), (7, 7))


@pytest.mark.parametrize("method", ["louvain", "greedy_modularity"])
def test_two_triangles_joined_by_a_bridge(method: Method) -> None:
    partition = communities(TWO_TRIANGLES, method)
    assert partition.communities == (
        Community((NODES[1], NODES[2], NODES[3]), 3, 1, (1, 2, 3)),
        Community((NODES[4], NODES[5], NODES[6]), 4, 1, (4, 5, 6, 7)),
        Community((NODES[7],), 1, 0, (9,)),
    )
    # m = 8 (D-E weighs 2); degrees A-C 2+2+3, D-F 4+3+2:
    # Q = (3/8 - (7/16)**2) + (4/8 - (9/16)**2) = 0.3671875
    assert (partition.method, partition.modularity) == (method, 0.367188)


def test_louvain_is_reproducible() -> None:
    assert communities(TWO_TRIANGLES) == communities(TWO_TRIANGLES)


def test_evidence_is_capped() -> None:
    [first, second, _] = communities(TWO_TRIANGLES, evidence=2).communities
    assert (first.event_ids, second.event_ids) == ((1, 2), (4, 5))


def test_no_events_between_actors_gives_singletons() -> None:
    assert communities(events((7, 7), (1, 1))) == Partition(
        "louvain",
        0.0,
        (Community((NODES[1],), 1, 0, (2,)), Community((NODES[7],), 1, 0, (1,))),
    )
    assert communities(nx.MultiDiGraph()) == Partition("louvain", 0.0, ())
