"""shortest_paths on tiny hand-built graphs."""

from datetime import date

from diplograph.graph.build import build_graph
from diplograph.graph.filters import EdgeFilter
from diplograph.graph.paths import Hop, Path, linked, shortest_paths
from diplograph.graph.summary import EventRef
from tests.factories import node, record

A, B, C, D, E, F = (node(i, name) for i, name in enumerate("ABCDEF", start=1))
DAY = date(2017, 1, 5)

# A - B - D - E and A - C - D, F alone; B-D is only a conflict, C-A is twice.
G = build_graph(
    [
        record(1, A, B, "040", sentence="A met B."),
        record(2, D, B, "111", quad_class=3, sentence="D criticized B."),
        record(3, C, A, "040", confidence=0.6, sentence="C met A."),
        record(4, A, C, "042", confidence=0.8, sentence="A visited C."),
        record(5, C, D, "040", sentence="C met D."),
        record(6, D, E, "040", sentence="D met E."),
        record(7, F, F, "040"),
    ]
)


def ref(id_: int, source: int, target: int, cameo: str, sentence: str, **kw: object) -> EventRef:
    fields: dict[str, object] = dict(
        quad_class=1, goldstein=1.0, modality="asserted", confidence=0.9, date=DAY
    )
    fields.update(kw)
    return EventRef(
        event_id=id_,
        source=source,
        target=target,
        cameo=cameo,
        sentence=sentence,
        trigger="met",
        article_id=1,
        **fields,
    )


def test_every_shortest_path_in_name_order_with_evidence() -> None:
    assert shortest_paths(G, 1, 4) == [
        Path(
            (A, B, D),
            (
                Hop(A, B, "forward", ref(1, 1, 2, "040", "A met B."), (1,)),
                Hop(
                    B,
                    D,
                    "backward",
                    ref(2, 4, 2, "111", "D criticized B.", quad_class=3),
                    (2,),
                ),
            ),
        ),
        Path(
            (A, C, D),
            (
                Hop(A, C, "forward", ref(4, 1, 3, "042", "A visited C.", confidence=0.8), (3, 4)),
                Hop(C, D, "forward", ref(5, 3, 4, "040", "C met D."), (5,)),
            ),
        ),
    ]


def test_limit_max_len_and_filters() -> None:
    assert [[n.name for n in p.nodes] for p in shortest_paths(G, 1, 4, limit=1)] == [
        ["A", "B", "D"]
    ]
    assert shortest_paths(G, 1, 5, max_len=2) == []
    assert [[n.name for n in p.nodes] for p in shortest_paths(G, 1, 5, max_len=3)] == [
        ["A", "B", "D", "E"],
        ["A", "C", "D", "E"],
    ]
    consults = EdgeFilter(codes=("04",))
    assert [[n.name for n in p.nodes] for p in shortest_paths(G, 1, 4, where=consults)] == [
        ["A", "C", "D"]
    ]
    [path] = shortest_paths(G, 1, 3, where=EdgeFilter(min_confidence=0.7))
    assert (path.hops[0].evidence.event_id, path.hops[0].event_ids) == (4, (4,))


def test_unreachable_unknown_and_same_node() -> None:
    assert shortest_paths(G, 1, 6) == []
    assert shortest_paths(G, 1, 99) == []
    assert shortest_paths(G, 2, 2) == [Path((B,), ())]


def test_linked_ignores_direction_self_loops_and_filtered_events() -> None:
    assert linked(G, 4) == {2, 3, 5}
    assert linked(G, 4, EdgeFilter(codes=("04",))) == {3, 5}
    assert linked(G, 6) == set()
