"""Exports re-read with networkx and compared with the graph they came from."""

import csv
import io
import json
import threading
from datetime import date
from typing import IO, Any

import networkx as nx
import pytest

from diplograph.graph.build import build_graph
from diplograph.graph.country import country_graph
from diplograph.graph.export import (
    CSV_COLUMNS,
    export,
    export_chunks,
    iter_csv,
    iter_gexf,
    iter_graphml,
    iter_node_link,
    iter_written,
    to_csv,
    to_gexf,
    to_graphml,
    to_node_link,
)
from diplograph.graph.filters import EdgeFilter, filtered_graph
from diplograph.graph.records import ActorNode, EventGraph
from tests.factories import record

PUTIN = ActorNode(1, "Vladimir Putin", "person", "RUS", "president", ("putin", "vladimir putin"))
ASSAD = ActorNode(2, "Bashar al-Assad", "person", "SYR", "president", ("assad",))
HAMAS = ActorNode(3, "Hamas", "group", None, None)

G = build_graph(
    [
        record(7, PUTIN, ASSAD, "040", when=date(2017, 12, 11), sentence='Putin met "Assad".'),
        record(9, ASSAD, PUTIN, "042", when=date(2018, 5, 17), trigger="visited"),
        record(8, PUTIN, ASSAD, "111", when=None, quad_class=3, goldstein=-2.0, negated=True),
        record(10, HAMAS, ASSAD, "190", when=date(2017, 12, 20), quad_class=4, goldstein=-10.0),
    ]
)


def xml_form(graph: EventGraph) -> tuple[dict[Any, dict[str, Any]], list[tuple[Any, ...]]]:
    """Return the nodes and edges of ``graph`` as GraphML and GEXF hold them."""

    def value(v: Any) -> Any:
        if v is None:
            return ""
        if isinstance(v, date):
            return v.isoformat()
        if isinstance(v, tuple):
            return "; ".join(v)
        return v

    nodes = {n: {k: value(v) for k, v in d.items()} for n, d in graph.nodes(data=True)}
    edges = sorted(
        (u, v, k, {a: value(x) for a, x in d.items()})
        for u, v, k, d in graph.edges(keys=True, data=True)
    )
    return nodes, edges


def test_graphml_round_trip() -> None:
    H = nx.read_graphml(io.BytesIO(to_graphml(G)), node_type=int, force_multigraph=True)
    nodes, edges = xml_form(G)
    assert dict(H.nodes(data=True)) == nodes
    assert sorted(H.edges(keys=True, data=True)) == edges
    assert H.nodes[3]["country"] == "" and H.edges[1, 2, 8]["date"] == ""


def test_gexf_round_trip_with_timeline() -> None:
    H = nx.read_gexf(io.BytesIO(to_gexf(G)), node_type=int)
    nodes, edges = xml_form(G)
    starts = {1: "2017-12-11", 2: "2017-12-11", 3: "2017-12-20"}
    assert dict(H.nodes(data=True)) == {
        n: {**attrs, "label": attrs["name"], "start": starts[n]} for n, attrs in nodes.items()
    }
    dated = {k: d["date"] for _, _, k, d in edges if d["date"]}
    assert sorted(H.edges(keys=True, data=True)) == [
        (
            u,
            v,
            k,
            {**d, "id": str(k), **({"start": dated[k], "end": dated[k]} if k in dated else {})},
        )
        for u, v, k, d in edges
    ]
    assert H.graph["mode"] == "dynamic"
    assert b'timeformat="date"' in to_gexf(G)


def test_node_link_json_round_trip() -> None:
    data = json.loads(export(G, "json"))
    H = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    assert dict(H.nodes(data=True)) == {
        n: {**d, "aliases": list(d["aliases"])} for n, d in G.nodes(data=True)
    }
    assert sorted(H.edges(keys=True, data=True)) == sorted(
        (u, v, k, {**d, "date": d["date"].isoformat() if d["date"] else None})
        for u, v, k, d in G.edges(keys=True, data=True)
    )
    assert data == to_node_link(G)


def test_csv_is_one_event_per_row_in_id_order() -> None:
    rows = list(csv.reader(io.StringIO(to_csv(G))))
    assert rows[0] == list(CSV_COLUMNS)
    assert [r[0] for r in rows[1:]] == ["7", "8", "9", "10"]
    assert dict(zip(CSV_COLUMNS, rows[1], strict=True)) == {
        "GLOBALEVENTID": "7",
        "SQLDATE": "20171211",
        "Actor1Code": "RUSGOV",
        "Actor1Name": "Vladimir Putin",
        "Actor1CountryCode": "RUS",
        "Actor1Type1Code": "GOV",
        "Actor2Code": "SYRGOV",
        "Actor2Name": "Bashar al-Assad",
        "Actor2CountryCode": "SYR",
        "Actor2Type1Code": "GOV",
        "EventCode": "040",
        "EventBaseCode": "040",
        "EventRootCode": "04",
        "QuadClass": "1",
        "GoldsteinScale": "1.0",
        "SentenceID": "1",
        "Actor1ID": "1",
        "Actor1Type": "person",
        "Actor2ID": "2",
        "Actor2Type": "person",
        "Modality": "asserted",
        "Confidence": "0.9",
        "ArticleID": "1",
        "Trigger": "met",
        "Sentence": 'Putin met "Assad".',
    }
    hamas = dict(zip(CSV_COLUMNS, rows[4], strict=True))
    assert [hamas[c] for c in ("Actor1Code", "Actor1CountryCode", "Actor1Type1Code")] == [
        "REB",
        "",
        "REB",
    ]
    assert (rows[2][1], rows[4][4]) == ("", "")


def test_empty_graph_exports() -> None:
    empty: EventGraph = nx.MultiDiGraph()
    assert to_csv(empty) == ",".join(CSV_COLUMNS) + "\n"
    assert nx.read_graphml(io.BytesIO(to_graphml(empty))).number_of_nodes() == 0
    assert nx.read_gexf(io.BytesIO(to_gexf(empty))).number_of_nodes() == 0
    assert to_node_link(empty)["nodes"] == []


def test_streamed_exports_equal_the_whole_files() -> None:
    csv_pieces = list(iter_csv(G, rows=1))
    json_pieces = list(iter_node_link(G, items=1))
    graphml = b"".join(export_chunks(G, "graphml"))
    assert (len(csv_pieces), "".join(csv_pieces)) == (G.number_of_edges() + 1, to_csv(G))
    assert json.loads("".join(json_pieces)) == to_node_link(G)
    assert b"".join(export_chunks(G, "csv")) == export(G, "csv")
    assert json.loads(b"".join(export_chunks(G, "json"))) == json.loads(export(G, "json"))
    assert nx.utils.graphs_equal(
        nx.read_graphml(io.BytesIO(graphml), force_multigraph=True),
        nx.read_graphml(io.BytesIO(export(G, "graphml")), force_multigraph=True),
    )


def test_streamed_graphml_is_networkx_graphml_byte_for_byte() -> None:
    pieces = list(iter_graphml(G))
    assert b"".join(pieces) == to_graphml(G)
    assert b"".join(export_chunks(G, "graphml")) == to_graphml(G)


def test_streamed_graphml_of_the_accepted_events() -> None:
    where = EdgeFilter(codes=("04",))
    kept = filtered_graph(G, where)
    streamed = nx.read_graphml(io.BytesIO(b"".join(iter_graphml(G, where))), force_multigraph=True)
    whole = nx.read_graphml(io.BytesIO(to_graphml(kept)), force_multigraph=True)
    assert (sorted(streamed.edges(keys=True, data=True)), dict(streamed.nodes(data=True))) == (
        sorted(whole.edges(keys=True, data=True)),
        dict(whole.nodes(data=True)),
    )
    assert sorted(int(k) for _, _, k in streamed.edges(keys=True)) == [7, 9]


def test_streamed_graphml_leaves_out_events_after_its_bound() -> None:
    streamed = nx.read_graphml(
        io.BytesIO(b"".join(iter_graphml(G, through=min(k for _, _, k in G.edges(keys=True))))),
        force_multigraph=True,
    )
    assert streamed.number_of_edges() == 1


def test_a_streamed_export_stops_its_writer_when_the_reader_goes_away() -> None:
    def write(file: IO[bytes]) -> None:
        for _ in range(1000):
            file.write(b"x" * 10)

    pieces = iter_written(write, pending=2)
    assert next(pieces) == b"x" * 10
    pieces.close()  # the writer thread ends (joined in close)
    assert [t for t in threading.enumerate() if t.name == "graph-export"] == []


def test_a_writer_error_reaches_the_reader() -> None:
    def write(file: IO[bytes]) -> None:
        file.write(b"a")
        raise ValueError("broken")

    with pytest.raises(ValueError, match="broken"):
        list(iter_written(write))


def tricky_graph() -> EventGraph:
    """Return a small graph whose values try every escape and type GEXF writes."""
    H: EventGraph = nx.MultiDiGraph()
    H.add_node(1, name='A & "B" <c>\n\td\r', rank=2, weight=1.5, flag=True, none=None)
    H.add_node(
        "SYR",
        name="Syrie \u00e9 \u1f08\u03b8\u1fc6\u03bd\u03b1\u03b9 \U0001f600",
        flag=False,
        score=float("inf"),
    )
    H.add_node(3)  # no attributes, no name: labelled with its id
    H.add_edge(1, "SYR", key=4, date=date(2017, 12, 11), score=float("nan"), note="x > y")
    H.add_edge("SYR", 1, key=2, date=None, score=float("-inf"), note="")
    H.add_edge(3, 3, key=9, date=date(2016, 1, 1), score=1.0, note="self")
    H.add_edge(3, 1, key=1, date=date(2018, 1, 1), flag=True)  # a title met late
    return H


def test_streamed_gexf_is_networkx_gexf_byte_for_byte() -> None:
    pieces = list(iter_gexf(G, items=1))
    # the head, a piece a node, the nodes' end, a piece an event, the events' end, the end
    assert len(pieces) == 1 + G.number_of_nodes() + 1 + G.number_of_edges() + 1 + 1
    assert b"".join(pieces) == to_gexf(G)
    assert b"".join(export_chunks(G, "gexf")) == to_gexf(G) == export(G, "gexf")
    for graph in (tricky_graph(), country_graph(G), nx.MultiDiGraph()):
        assert b"".join(iter_gexf(graph, items=2)) == to_gexf(graph)


def test_streamed_gexf_of_the_accepted_events() -> None:
    where = EdgeFilter(codes=("04",))
    streamed = nx.read_gexf(io.BytesIO(b"".join(iter_gexf(G, where))), node_type=int)
    whole = nx.read_gexf(io.BytesIO(to_gexf(filtered_graph(G, where))), node_type=int)
    assert (sorted(streamed.edges(data="id")), dict(streamed.nodes(data=True))) == (
        sorted(whole.edges(data="id")),
        dict(whole.nodes(data=True)),
    )
    assert sorted(streamed.edges(data=True)) == sorted(whole.edges(data=True))
    assert sorted(int(k) for _, _, k in streamed.edges(data="id")) == [7, 9]
    bounded = iter_gexf(G, through=min(k for _, _, k in G.edges(keys=True)))
    assert nx.read_gexf(io.BytesIO(b"".join(bounded))).number_of_edges() == 1
