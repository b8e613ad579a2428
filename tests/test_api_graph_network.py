"""GET /graph/who-met-whom filters, /graph/centrality, /graph/communities and /graph/export
on the graph world; the cached graph and its memo follow new events."""

import csv
import io

import networkx as nx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from diplograph.app.deps import get_ingester
from diplograph.graph import export
from diplograph.graph.export import CSV_COLUMNS
from diplograph.graph.filters import EdgeFilter, filtered_graph
from tests.factories import ASSAD, HAMAS, fake_ingester, graph_world, make_event, store
from tests.graph_api import EG, EGY, ER, HA, RUS, SI, SYR, TR, TUR, USA, A, P


@pytest.fixture
def filled(session_factory: sessionmaker[Session]) -> None:
    """Store the eleven events of ``tests.factories.graph_world``."""
    store(session_factory, *graph_world())


def pairs(client: TestClient, **params: str) -> list[tuple[object, object, list[int]]]:
    body = client.get("/graph/who-met-whom", params=params).json()
    return [
        (p["a"]["id"], p["b"]["id"], [e["event_id"] for e in p["evidence"]]) for p in body["pairs"]
    ]


@pytest.mark.usefixtures("filled")
def test_who_met_whom_with_the_shared_filters(client: TestClient) -> None:
    assert pairs(client) == [(2, 1, [1, 9]), (2, 4, [4]), (3, 1, [3])]
    assert pairs(client, codes="042") == [(2, 4, [4]), (2, 1, [9])]
    assert pairs(client, min_confidence="0.9") == [(2, 1, [1, 9])]
    assert pairs(client, quad_class="2") == []
    assert pairs(client, modality="asserted,intended", actor="Egypt") == [(4, 2, [4]), (4, 1, [6])]


@pytest.mark.usefixtures("filled")
def test_who_met_whom_between_countries(client: TestClient) -> None:
    body = client.get("/graph/who-met-whom", params={"level": "country"}).json()
    assert [(p["a"], p["b"], p["count"]) for p in body["pairs"]] == [
        (RUS, SYR, 2),
        (EGY, SYR, 1),
        (RUS, TUR, 1),
    ]
    around = client.get("/graph/who-met-whom", params={"level": "country", "actor": "Assad"})
    assert [(p["a"]["id"], p["b"]["id"]) for p in around.json()["pairs"]] == [
        ("SYR", "RUS"),
        ("SYR", "EGY"),
    ]
    assert around.json()["actor"] == SYR


def ranked(body: dict[str, object]) -> list[tuple[object, ...]]:
    items = body["ranked"]
    assert isinstance(items, list)
    return [
        (r["node"]["id"], r["score"], r["partners"], r["events"], r["event_ids"]) for r in items
    ]


@pytest.mark.usefixtures("filled")
def test_degree_centrality(client: TestClient) -> None:
    body = client.get("/graph/centrality", params={"top": 3}).json()
    assert {k: body[k] for k in ("level", "measure", "computed", "note", "nodes")} == {
        "level": "actor",
        "measure": "degree",
        "computed": "degree",
        "note": None,
        "nodes": 7,
    }
    assert body["ranked"][0]["node"] == P
    assert ranked(body) == [
        (1, 0.5, 3, 6, [1, 2, 3, 9, 10, 11]),
        (2, 0.333333, 2, 4, [1, 4, 9, 10]),
        (6, 0.333333, 2, 2, [5, 11]),
    ]


@pytest.mark.usefixtures("filled")
def test_betweenness_on_the_tree_of_actors(client: TestClient) -> None:
    # Putin splits the others into {Assad, Egypt, Hamas}, {Erdogan}, {Trump, Sissi}:
    # 3*1 + 3*2 + 1*2 = 11 of the 15 pairs of the other six actors pass through him.
    body = client.get(
        "/graph/centrality", params={"measure": "betweenness", "top": 3, "evidence": 1}
    ).json()
    assert ranked(body) == [
        (1, 0.733333, 3, 6, [1]),
        (2, 0.533333, 2, 4, [1]),
        (6, 0.333333, 2, 2, [5]),
    ]


@pytest.mark.usefixtures("filled")
@pytest.mark.parametrize("measure", ["pagerank", "eigenvector"])
def test_other_measures_rank_every_actor(client: TestClient, measure: str) -> None:
    body = client.get("/graph/centrality", params={"measure": measure, "top": 10}).json()
    assert (body["measure"], body["computed"], len(body["ranked"])) == (measure, measure, 7)
    assert sorted(r["node"]["id"] for r in body["ranked"]) == [1, 2, 3, 4, 5, 6, 7]


@pytest.mark.usefixtures("filled")
def test_centrality_of_countries(client: TestClient) -> None:
    body = client.get("/graph/centrality", params={"level": "country", "top": 4}).json()
    assert ranked(body) == [
        ("RUS", 0.75, 3, 6, [1, 2, 3, 9, 10, 11]),
        ("EGY", 0.5, 2, 2, [4, 5]),
        ("SYR", 0.5, 2, 4, [1, 4, 9, 10]),
        ("USA", 0.5, 2, 2, [5, 11]),
    ]
    assert body["nodes"] == 5


@pytest.mark.usefixtures("filled")
@pytest.mark.parametrize("method", ["louvain", "greedy_modularity"])
def test_communities(client: TestClient, method: str) -> None:
    # m = 9; {Assad, Erdogan, Putin}: 5/9 - (12/18)**2; {Sissi, Trump} and {Egypt, Hamas}:
    # 1/9 - (3/18)**2 each; Q = 0.277778.
    assert client.get("/graph/communities", params={"method": method}).json() == {
        "level": "actor",
        "method": method,
        "modularity": 0.277778,
        "communities": [
            {
                "members": [A, ER, P],
                "internal_events": 5,
                "external_events": 2,
                "event_ids": [1, 2, 3, 9, 10],
            },
            {"members": [SI, TR], "internal_events": 1, "external_events": 1, "event_ids": [5]},
            {"members": [EG, HA], "internal_events": 1, "external_events": 1, "event_ids": [8]},
        ],
        "total": 3,
        "limit": 100,
        "offset": 0,
    }


@pytest.mark.usefixtures("filled")
def test_communities_of_countries(client: TestClient) -> None:
    body = client.get("/graph/communities", params={"level": "country", "evidence": 2}).json()
    assert (body["modularity"], body["communities"]) == (
        0.125,
        [
            {
                "members": [RUS, SYR, TUR],
                "internal_events": 5,
                "external_events": 2,
                "event_ids": [1, 2],
            },
            {"members": [EGY, USA], "internal_events": 1, "external_events": 2, "event_ids": [5]},
        ],
    )


@pytest.mark.usefixtures("filled")
def test_export_graphml_reads_back(client: TestClient) -> None:
    response = client.get("/graph/export", params={"format": "graphml"})
    assert (response.headers["content-type"], response.headers["content-disposition"]) == (
        "application/graphml+xml",
        'attachment; filename="diplograph-actor.graphml"',
    )
    G = nx.read_graphml(io.BytesIO(response.content), node_type=int, force_multigraph=True)
    assert sorted(G.nodes) == [1, 2, 3, 4, 5, 6, 7]
    assert sorted(k for _, _, k in G.edges(keys=True)) == [1, 2, 3, 4, 5, 8, 9, 10, 11]
    assert G.nodes[7] == {
        "name": "Hamas",
        "type": "group",
        "country": "",
        "role": "",
        "aliases": "hamas",
    }
    assert G.edges[1, 2, 10] == {
        "event_id": 10,
        "cameo": "070",
        "root": "07",
        "quad_class": 2,
        "goldstein": 7.0,
        "date": "2018-05-18",
        "modality": "asserted",
        "confidence": 0.85,
        "negated": False,
        "article_id": 2,
        "sentence_id": 10,
        "sentence_index": 1,
        "sentence": "Putin sent aid to Assad.",
        "trigger": "sent",
        "mentions": 1,
        "articles": 1,
    }


@pytest.mark.usefixtures("filled")
def test_export_gexf_of_countries_has_a_timeline(client: TestClient) -> None:
    response = client.get("/graph/export", params={"format": "gexf", "level": "country"})
    assert response.headers["content-type"] == "application/gexf+xml"
    G = nx.read_gexf(io.BytesIO(response.content))
    assert G.graph["mode"] == "dynamic"
    assert sorted((u, v, d["start"], d["end"]) for u, v, d in G.edges(data=True)) == [
        ("EGY", "USA", "2018-03-01", "2018-03-01"),
        ("RUS", "SYR", "2017-12-11", "2017-12-11"),
        ("RUS", "SYR", "2018-05-18", "2018-05-18"),
        ("RUS", "TUR", "2017-12-12", "2017-12-12"),
        ("SYR", "EGY", "2018-02-03", "2018-02-03"),
        ("SYR", "RUS", "2018-05-17", "2018-05-17"),
        ("TUR", "RUS", "2018-01-15", "2018-01-15"),
        ("USA", "RUS", "2018-05-20", "2018-05-20"),
    ]
    assert (G.nodes["USA"]["label"], G.nodes["USA"]["start"]) == ("United States", "2018-03-01")


@pytest.mark.usefixtures("filled")
def test_export_gexf_is_streamed_as_it_is_written(
    app: FastAPI, client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export, "CHUNK_ROWS", 2)
    with client.stream("GET", "/graph/export", params={"format": "gexf", "codes": "04"}) as r:
        pieces = list(r.iter_raw())
        headers = r.headers
    assert ("content-length" in headers, headers["content-disposition"]) == (
        False,
        'attachment; filename="diplograph-actor.gexf"',
    )
    with app.state.session_factory() as session:
        G = app.state.graph_cache.get(session)
    whole = export.to_gexf(filtered_graph(G, EdgeFilter(codes=("04",))))
    # the head; two nodes (of four) a piece, the nodes' end; the same for the four events; the end
    assert len(pieces) == 1 + 2 + 1 + 2 + 1 + 1
    streamed = nx.read_gexf(io.BytesIO(b"".join(pieces)), node_type=int)
    expected = nx.read_gexf(io.BytesIO(whole), node_type=int)
    assert sorted(streamed.edges(data=True)) == sorted(expected.edges(data=True))
    assert dict(streamed.nodes(data=True)) == dict(expected.nodes(data=True))
    assert sorted(int(i) for _, _, i in streamed.edges(data="id")) == [1, 3, 4, 9]


@pytest.mark.usefixtures("filled")
def test_export_json_and_csv_follow_the_filters(client: TestClient) -> None:
    data = client.get("/graph/export", params={"format": "json", "codes": "04"}).json()
    G = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    assert sorted(G.edges(keys=True)) == [(1, 2, 1), (2, 1, 9), (2, 4, 4), (3, 1, 3)]
    assert G.nodes[1]["aliases"] == ["putin", "vladimir putin"]
    response = client.get("/graph/export", params={"format": "csv", "quad_class": "3,4"})
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [
        (r["GLOBALEVENTID"], r["SQLDATE"], r["Actor1Name"], r["Actor2CountryCode"]) for r in rows
    ] == [
        ("2", "20171212", "Vladimir Putin", "TUR"),
        ("5", "20180301", "Abdel Fattah al-Sisi", "USA"),
        ("8", "20180305", "Hamas", "EGY"),
        ("11", "20180520", "Donald Trump", "RUS"),
    ]


def test_export_of_an_empty_store(client: TestClient) -> None:
    response = client.get("/graph/export", params={"format": "csv"})
    assert response.text == ",".join(CSV_COLUMNS) + "\n"
    assert client.get("/graph/export", params={"format": "pdf"}).status_code == 422


@pytest.mark.usefixtures("filled")
def test_rankings_are_memoized_until_an_ingest(app: FastAPI, client: TestClient) -> None:
    first = client.get("/graph/centrality", params={"top": 2}).json()
    assert client.get("/graph/centrality", params={"top": 2}).json() == first
    cache = app.state.graph_cache
    with app.state.session_factory() as session:
        # computed once: the ranking made from the degree counts (warmed by the build, with
        # the meeting index)
        assert (cache.snapshot(session).computed, cache.builds) == (3, 1)
    aid = make_event(HAMAS, ASSAD, cameo="070", quad_class=2, goldstein=7.0)
    app.dependency_overrides[get_ingester] = lambda: fake_ingester([aid, aid])
    client.post("/articles", json={"text": "Hamas and Assad.", "published": "2018-06-01"})
    after = client.get("/graph/centrality", params={"top": 2}).json()
    # Assad now has three partners, like Putin, and comes first by name; the aid told twice
    # in one article is one event.
    assert [(r["node"]["id"], r["score"], r["events"]) for r in first["ranked"]] == [
        (1, 0.5, 6),
        (2, 0.333333, 4),
    ]
    assert [(r["node"]["id"], r["score"], r["events"]) for r in after["ranked"]] == [
        (2, 0.5, 5),
        (1, 0.5, 6),
    ]
    assert cache.builds == 1  # the new events were applied in place


@pytest.mark.usefixtures("filled")
def test_communities_come_in_pages(client: TestClient) -> None:
    every = client.get("/graph/communities").json()["communities"]
    page = client.get("/graph/communities", params={"limit": 1, "offset": 1}).json()
    assert (page["communities"], page["total"], page["limit"], page["offset"]) == (
        every[1:2],
        3,
        1,
        1,
    )
