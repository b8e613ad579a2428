"""The Python client: tables, graphs and errors from an app run in-process on a filled database."""

import doctest
import inspect
import io
import json
import pydoc
import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import networkx as nx
import pandas as pd
import pytest
from fastapi import FastAPI
from sqlalchemy.orm import Session, sessionmaker

import diplograph.app.client.errors
import diplograph.app.client.graph_network
import diplograph.app.client.params
import diplograph.app.client.records
import diplograph.app.client.tables
from diplograph import Client, DiplographConnectionError, DiplographError
from diplograph.app.client.transport import InProcessTransport, RetryingTransport
from diplograph.app.deps import get_ingester
from diplograph.ingest.types import ActorRef
from tests.factories import (
    ASSAD,
    PUTIN,
    fake_ingester,
    graph_world,
    make_article,
    make_event,
    store,
)

Handler = Callable[[httpx.Request], httpx.Response]


def col(values: list[Any], dtype: str) -> pd.Series:
    """Return an expected column."""
    return pd.Series(values, dtype=dtype)


def dates(*values: str | None) -> pd.Series:
    """Return an expected date column (datetime64[ns], None = NaT)."""
    return pd.Series(list(values), dtype="datetime64[ns]")


def lists(*values: list[Any]) -> pd.Series:
    """Return an expected column of lists."""
    return pd.Series(list(values), dtype="object")


QUAD_ZERO = dict.fromkeys(
    ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"), 0
)


@pytest.fixture
def dg(database_url: str, session_factory: sessionmaker[Session]) -> Iterator[Client]:
    """Return a local client on the eleven events of ``factories.graph_world``."""
    store(session_factory, *graph_world())
    with Client.local(database_url, migrate=False) as client:
        yield client


def mock_client(handler: Handler, **options: Any) -> Client:
    """Return a client whose requests ``handler`` answers (no retry wait)."""
    return Client("http://test", transport=httpx.MockTransport(handler), backoff=0.0, **options)


# -- tables -----------------------------------------------------------------------------------


def test_events_of_an_actor(dg: Client) -> None:
    expected = pd.DataFrame(
        {
            "id": col([5], "int64"),
            "date": dates("2018-03-01"),
            "source_id": col([5], "int64"),
            "source_name": col(["Abdel Fattah al-Sisi"], "str"),
            "source_country": col(["EGY"], "str"),
            "target_id": col([6], "int64"),
            "target_name": col(["Donald Trump"], "str"),
            "target_country": col(["USA"], "str"),
            "action": col(["meet"], "str"),
            "cameo": col(["138"], "str"),
            "quad_class": col([3], "int64"),
            "goldstein": col([-7.0], "float64"),
            "modality": col(["asserted"], "str"),
            "negated": col([False], "bool"),
            "confidence": col([0.9], "float64"),
            "location": col([None], "str"),
            "trigger": col(["threatened"], "str"),
            "sentence": col(["Sissi threatened Trump."], "str"),
            "sentence_index": col([4], "int64"),
            "article_id": col([1], "int64"),
        }
    )
    pd.testing.assert_frame_equal(dg.events("Sissi"), expected)


def test_every_event_is_listed_page_by_page_by_date(
    dg: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(diplograph.app.client.records.PAGE_SIZES, "/events", 4)
    events = dg.events()
    assert events["id"].tolist() == [1, 7, 2, 3, 4, 5, 8, 9, 10, 11, 6]
    assert events["date"].isna().tolist() == [False] * 10 + [True]
    assert events["negated"].tolist() == [False, True] + [False] * 9
    assert dg.events(limit=5)["id"].tolist() == [1, 7, 2, 3, 4]
    assert dg.events(code="04", since=date(2018, 1, 1), until="2018-03-31")["id"].tolist() == [
        3,
        4,
    ]


def test_actors_and_articles(dg: Client) -> None:
    pd.testing.assert_frame_equal(
        dg.actors("pu"),
        pd.DataFrame(
            {
                "id": col([1], "int64"),
                "name": col(["Vladimir Putin"], "str"),
                "type": col(["person"], "str"),
                "country": col(["RUS"], "str"),
                "role": col(["president"], "str"),
                "aliases": lists(["putin", "vladimir putin"]),
                "events_as_source": col([4], "int64"),
                "events_as_target": col([3], "int64"),
            }
        ),
    )
    assert dg.actors()["name"].tolist()[:2] == ["Abdel Fattah al-Sisi", "Bashar al-Assad"]
    articles = dg.articles()
    assert articles.drop(columns=["url", "ingested_at"]).to_dict("list") == {
        "id": [2, 1],
        "title": ["Graph world, later", "Graph world"],
        "published": [pd.Timestamp("2018-05-17"), pd.Timestamp("2017-12-11")],
        "events": [3, 8],
    }
    assert articles["url"].isna().tolist() == [True, True]
    assert articles.dtypes.astype(str).to_dict() == {
        "id": "int64",
        "title": "str",
        "url": "str",
        "published": "datetime64[ns]",
        "ingested_at": "datetime64[ns, UTC]",
        "events": "int64",
    }
    assert dg.actor(1)["aliases"] == ["putin", "vladimir putin"]
    assert dg.event(5)["article"]["title"] == "Graph world"
    assert [s["text"] for s in dg.article(2)["sentences"]] == [
        "Assad visited Putin in Sochi.",
        "Putin sent aid to Assad.",
        "Trump criticized Putin.",
    ]


def test_who_met_whom(dg: Client) -> None:
    expected = pd.DataFrame(
        {
            "a_id": col([1, 1], "int64"),
            "a_name": col(["Vladimir Putin"] * 2, "str"),
            "a_type": col(["person"] * 2, "str"),
            "a_country": col(["RUS"] * 2, "str"),
            "b_id": col([2, 3], "int64"),
            "b_name": col(["Bashar al-Assad", "Recep Tayyip Erdogan"], "str"),
            "b_type": col(["person"] * 2, "str"),
            "b_country": col(["SYR", "TUR"], "str"),
            "events": col([2, 1], "int64"),
            "mentions": col([2, 1], "int64"),
            "first_date": dates("2017-12-11", "2018-01-15"),
            "last_date": dates("2018-05-17", "2018-01-15"),
            "event_ids": lists([1, 9], [3]),
            "sentences": lists(
                ["Putin met Assad in Latakia.", "Assad visited Putin in Sochi."],
                ["Erdogan hosted Putin in Ankara."],
            ),
        }
    )
    pd.testing.assert_frame_equal(dg.who_met_whom("putin"), expected)
    since_2018 = dg.who_met_whom(since="2018-01-01", codes=["042", "043"], modality="all")
    assert since_2018[["a_id", "b_id", "event_ids"]].values.tolist() == [
        [2, 4, [4]],
        [2, 1, [9]],
        [3, 1, [3]],
    ]


def test_an_empty_answer_keeps_the_columns_and_dtypes(dg: Client) -> None:
    pairs = dg.who_met_whom(since="2030-01-01")
    assert pairs.empty
    assert pairs.dtypes.astype(str).to_dict() == {
        "a_id": "int64",
        "a_name": "str",
        "a_type": "str",
        "a_country": "str",
        "b_id": "int64",
        "b_name": "str",
        "b_type": "str",
        "b_country": "str",
        "events": "int64",
        "mentions": "int64",
        "first_date": "datetime64[ns]",
        "last_date": "datetime64[ns]",
        "event_ids": "object",
        "sentences": "object",
    }


def test_ego(dg: Client) -> None:
    ego = dg.ego("Putin", quad_class=[1, 3])
    expected = pd.DataFrame(
        {
            "id": col([2, 3, 6], "int64"),
            "name": col(["Bashar al-Assad", "Recep Tayyip Erdogan", "Donald Trump"], "str"),
            "type": col(["person"] * 3, "str"),
            "country": col(["SYR", "TUR", "USA"], "str"),
            "distance": col([1, 1, 1], "int64"),
            "via": lists([], [], []),
            "events": col([2, 2, 1], "int64"),
            "outgoing": col([1, 1, 0], "int64"),
            "incoming": col([1, 1, 1], "int64"),
            "verbal_cooperation": col([2, 1, 0], "int64"),
            "material_cooperation": col([0, 0, 0], "int64"),
            "verbal_conflict": col([0, 1, 1], "int64"),
            "material_conflict": col([0, 0, 0], "int64"),
            "goldstein_sum": col([2.9, 0.8, -2.0], "float64"),
            "mean_goldstein": col([1.45, 0.4, -2.0], "float64"),
            "first_date": dates("2017-12-11", "2017-12-12", "2018-05-20"),
            "last_date": dates("2018-05-17", "2018-01-15", "2018-05-20"),
            "event_ids": lists([1, 9], [2, 3], [11]),
        }
    )
    pd.testing.assert_frame_equal(ego, expected)
    assert ego.attrs == {
        "level": "actor",
        "radius": 1,
        "actor": {
            "id": 1,
            "name": "Vladimir Putin",
            "type": "person",
            "country": "RUS",
            "role": "president",
        },
        "total": 3,
    }
    far = dg.ego("Trump", radius=2)
    assert far[["id", "distance", "via"]].to_dict("records") == [
        {"id": 5, "distance": 1, "via": []},
        {"id": 1, "distance": 1, "via": []},
        {"id": 2, "distance": 2, "via": [1]},
        {"id": 3, "distance": 2, "via": [1]},
    ]


def test_country_level_ids_are_iso_codes(dg: Client) -> None:
    ego = dg.ego("RUS", level="country")
    assert ego[["id", "name", "events"]].to_dict("list") == {
        "id": ["SYR", "TUR", "USA"],
        "name": ["Syria", "Türkiye", "United States"],
        "events": [3, 2, 1],
    }
    assert str(ego["id"].dtype) == "str"


def test_dyad(dg: Client) -> None:
    dyad = dg.dyad("Putin", "Assad")
    assert (dyad.a["name"], dyad.b["name"], dyad.level, dyad.interval, dyad.undated) == (
        "Vladimir Putin",
        "Bashar al-Assad",
        "actor",
        "month",
        0,
    )
    assert dyad.summary["event_ids"] == [1, 9, 10]
    timeline = pd.DataFrame(
        {
            "start": dates("2017-12-01", "2018-05-01"),
            "end": dates("2017-12-31", "2018-05-31"),
            "events": col([1, 2], "int64"),
            "verbal_cooperation": col([1, 1], "int64"),
            "material_cooperation": col([0, 1], "int64"),
            "verbal_conflict": col([0, 0], "int64"),
            "material_conflict": col([0, 0], "int64"),
            "goldstein_sum": col([1.0, 8.9], "float64"),
            "mean_goldstein": col([1.0, 4.45], "float64"),
            "event_ids": lists([1], [9, 10]),
        }
    )
    pd.testing.assert_frame_equal(dyad.timeline, timeline)
    events = pd.DataFrame(
        {
            "event_id": col([1, 9, 10], "int64"),
            "date": dates("2017-12-11", "2018-05-17", "2018-05-18"),
            "source": col([1, 2, 1], "int64"),
            "target": col([2, 1, 2], "int64"),
            "cameo": col(["040", "042", "070"], "str"),
            "quad_class": col([1, 1, 2], "int64"),
            "goldstein": col([1.0, 1.9, 7.0], "float64"),
            "modality": col(["asserted"] * 3, "str"),
            "confidence": col([0.9, 0.95, 0.85], "float64"),
            "trigger": col(["met", "visited", "sent"], "str"),
            "sentence": col(
                [
                    "Putin met Assad in Latakia.",
                    "Assad visited Putin in Sochi.",
                    "Putin sent aid to Assad.",
                ],
                "str",
            ),
            "article_id": col([1, 2, 2], "int64"),
        }
    )
    pd.testing.assert_frame_equal(dyad.events, events)


def test_path(dg: Client) -> None:
    hops = dg.path("Hamas", "Assad")
    columns = ["sentence", "source_type", "target_type", "source_country"]
    assert hops.drop(columns=columns).to_dict("list") == {
        "path": [0, 0],
        "hop": [0, 1],
        "source_id": [7, 4],
        "source_name": ["Hamas", "Egypt"],
        "target_id": [4, 2],
        "target_name": ["Egypt", "Bashar al-Assad"],
        "target_country": ["EGY", "SYR"],
        "direction": ["forward", "backward"],
        "event_id": [8, 4],
        "date": [pd.Timestamp("2018-03-05"), pd.Timestamp("2018-02-03")],
        "cameo": ["190", "042"],
        "quad_class": [4, 1],
        "goldstein": [-10.0, 1.9],
        "event_ids": [[8], [4]],
    }
    assert hops["source_country"].isna().tolist() == [True, False]
    assert hops["source_country"][1] == "EGY"
    assert hops["sentence"].tolist() == ["Hamas attacked Egypt.", "Assad visited Egypt."]
    assert dg.path("Hamas", "Trump", max_len=2).empty


def test_centrality_communities_balance_new_dyads(dg: Client) -> None:
    ranking = dg.centrality(top=3)
    assert ranking.drop(columns="score").to_dict("list") == {
        "rank": [1, 2, 3],
        "id": [1, 2, 6],
        "name": ["Vladimir Putin", "Bashar al-Assad", "Donald Trump"],
        "type": ["person"] * 3,
        "country": ["RUS", "SYR", "USA"],
        "partners": [3, 2, 2],
        "events": [6, 4, 2],
        "event_ids": [[1, 2, 3, 9, 10, 11], [1, 4, 9, 10], [5, 11]],
    }
    assert ranking["score"].tolist() == pytest.approx([3 / 6, 2 / 6, 2 / 6])
    assert ranking.attrs == {
        "level": "actor",
        "measure": "degree",
        "computed": "degree",
        "note": None,
        "nodes": 7,
    }
    groups = dg.communities()
    assert groups.to_dict("list") == {
        "community": [0, 1, 2],
        "size": [3, 2, 2],
        "member_ids": [[2, 3, 1], [5, 6], [4, 7]],
        "members": [
            ["Bashar al-Assad", "Recep Tayyip Erdogan", "Vladimir Putin"],
            ["Abdel Fattah al-Sisi", "Donald Trump"],
            ["Egypt", "Hamas"],
        ],
        "internal_events": [5, 1, 1],
        "external_events": [2, 1, 1],
        "event_ids": [[1, 2, 3, 9, 10], [5], [8]],
    }
    assert (groups.attrs["method"], groups.dtypes["size"]) == ("louvain", "int64")
    balance = dg.balance("Putin")
    assert balance[["id", "stance", "goldstein_sum", "first_date"]].to_dict("list") == {
        "id": [2, 3, 6],
        "stance": ["partner", "partner", "adversary"],
        "goldstein_sum": [9.9, 0.8, -2.0],
        "first_date": [
            pd.Timestamp("2017-12-11"),
            pd.Timestamp("2017-12-12"),
            pd.Timestamp("2018-05-20"),
        ],
    }
    assert (balance.attrs["total"]["events"], balance.attrs["counterparts_total"]) == (6, 3)
    page = dg.balance("Putin", limit=1, offset=2)
    assert (page["id"].tolist(), page.attrs["counterparts_total"]) == ([6], 3)
    new = dg.new_dyads(date(2018, 3, 1), quad_class=[3, 4])
    assert new[["a_name", "b_name", "first_date", "first_event_id", "first_cameo"]].to_dict(
        "list"
    ) == {
        "a_name": ["Abdel Fattah al-Sisi", "Egypt", "Donald Trump"],
        "b_name": ["Donald Trump", "Hamas", "Vladimir Putin"],
        "first_date": [
            pd.Timestamp("2018-03-01"),
            pd.Timestamp("2018-03-05"),
            pd.Timestamp("2018-05-20"),
        ],
        "first_event_id": [5, 8, 11],
        "first_cameo": ["138", "190", "111"],
    }
    assert str(new["first_date"].dtype) == "datetime64[ns]"


# -- graphs and files -------------------------------------------------------------------------


def test_graph_carries_every_attribute(dg: Client) -> None:
    G = dg.graph()
    assert isinstance(G, nx.MultiDiGraph)
    assert sorted(G.edges(keys=True)) == [
        (1, 2, 1),
        (1, 2, 10),
        (1, 3, 2),
        (2, 1, 9),
        (2, 4, 4),
        (3, 1, 3),
        (5, 6, 5),
        (6, 1, 11),
        (7, 4, 8),
    ]
    assert G.nodes[7] == {
        "name": "Hamas",
        "type": "group",
        "country": None,
        "role": None,
        "aliases": ("hamas",),
    }
    assert G.edges[1, 2, 1] == {
        "event_id": 1,
        "cameo": "040",
        "root": "04",
        "quad_class": 1,
        "goldstein": 1.0,
        "date": date(2017, 12, 11),
        "modality": "asserted",
        "confidence": 0.9,
        "negated": False,
        "article_id": 1,
        "sentence_id": 1,
        "sentence_index": 0,
        "sentence": "Putin met Assad in Latakia.",
        "trigger": "met",
        "mentions": 1,
        "articles": 1,
    }
    undated = dg.graph(modality="all")
    assert undated.edges[1, 4, 6]["date"] is None
    countries = dg.graph(level="country", since="2018-05-01")
    assert sorted(countries.edges(keys=True, data="source_actor")) == [
        ("RUS", "SYR", 10, 1),
        ("SYR", "RUS", 9, 2),
        ("USA", "RUS", 11, 6),
    ]
    assert countries.nodes["RUS"]["name"] == "Russian Federation"


def test_export_writes_files_other_tools_read(dg: Client, tmp_path: Path) -> None:
    target = dg.export("gexf", tmp_path / "world.gexf", until="2017-12-31")
    assert target == tmp_path / "world.gexf"
    G = nx.read_gexf(target, node_type=int)
    assert sorted((u, v, d["id"], d["start"]) for u, v, d in G.edges(data=True)) == [
        (1, 2, "1", "2017-12-11"),
        (1, 3, "2", "2017-12-12"),
    ]
    csv = dg.export("csv", codes="13")
    assert isinstance(csv, bytes)
    table = pd.read_csv(io.BytesIO(csv), dtype=str)
    assert table[["GLOBALEVENTID", "SQLDATE", "Actor1Name", "EventCode"]].values.tolist() == [
        ["5", "20180301", "Abdel Fattah al-Sisi", "138"]
    ]


# -- errors -----------------------------------------------------------------------------------


def test_unknown_actor_is_404_with_the_server_message(dg: Client) -> None:
    with pytest.raises(DiplographError) as info:
        dg.ego("Nobody")
    assert (info.value.status_code, info.value.detail, str(info.value)) == (
        404,
        "unknown actor 'Nobody'",
        "HTTP 404: unknown actor 'Nobody'",
    )
    with pytest.raises(DiplographError, match=r"^HTTP 404: no event with id 99$"):
        dg.event(99)


def test_ambiguous_actor_is_409_naming_the_candidates(
    dg: Client, session_factory: sessionmaker[Session]
) -> None:
    qatar = ActorRef("Hamad bin Jassim", "person", "QAT", None, ("Sheikh Hamad",))
    bahrain = ActorRef("King Hamad bin Isa Al Khalifa", "person", "BHR", "king", ("Sheikh Hamad",))
    store(session_factory, make_article("They met.", [make_event(qatar, bahrain)]))
    with pytest.raises(DiplographError) as info:
        dg.balance("sheikh hamad")
    assert (info.value.status_code, info.value.detail) == (
        409,
        "actor 'sheikh hamad' is ambiguous: use one of the candidates' ids "
        "(candidates: 8 Hamad bin Jassim, 9 King Hamad bin Isa Al Khalifa)",
    )
    assert [c["id"] for c in info.value.body["candidates"]] == [8, 9]


def test_invalid_parameter_is_422_with_the_field(dg: Client) -> None:
    with pytest.raises(DiplographError) as info:
        dg.centrality(top=0)
    assert (info.value.status_code, info.value.detail) == (
        422,
        "query.top: Input should be greater than or equal to 1",
    )
    with pytest.raises(
        DiplographError, match=r"^HTTP 422: query\.since: Input should be a valid date"
    ):
        dg.who_met_whom(since="2017-02-30")


def test_a_server_error_without_json_keeps_its_text() -> None:
    client = mock_client(lambda request: httpx.Response(502, text="Bad gateway\n"))
    with pytest.raises(DiplographError) as info:
        client.health()
    assert (info.value.status_code, info.value.detail, info.value.body) == (
        502,
        "Bad gateway",
        None,
    )


# -- transport: retries, keys, local mode ----------------------------------------------------


def flaky(failures: int, calls: list[httpx.Request]) -> Handler:
    """Return a handler that fails to connect ``failures`` times, then answers."""

    def handle(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        if len(calls) <= failures:
            raise httpx.ConnectError("connection refused", request=request)
        return httpx.Response(200, json={"status": "ok", "database": "ok", "events": 3})

    return handle


def test_connection_errors_are_retried_then_answered() -> None:
    calls: list[httpx.Request] = []
    client = mock_client(flaky(2, calls), retries=3)
    assert client.health() == {"status": "ok", "database": "ok", "events": 3}
    assert [str(r.url) for r in calls] == ["http://test/health"] * 3


def test_retries_are_bounded() -> None:
    calls: list[httpx.Request] = []
    client = mock_client(flaky(10, calls), retries=2)
    with pytest.raises(DiplographConnectionError) as info:
        client.health()
    assert (len(calls), info.value.status_code) == (3, None)
    assert str(info.value) == "no answer from http://test: ConnectError: connection refused"
    assert isinstance(info.value.__cause__, httpx.ConnectError)


def test_error_answers_and_read_timeouts_are_not_retried() -> None:
    calls: list[httpx.Request] = []

    def unavailable(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(503, json={"detail": "database unavailable: OperationalError"})

    with pytest.raises(
        DiplographError, match=r"^HTTP 503: database unavailable: OperationalError$"
    ):
        mock_client(unavailable).health()

    def slow(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        raise httpx.ReadTimeout("timed out", request=request)

    with pytest.raises(DiplographConnectionError, match="ReadTimeout: timed out"):
        mock_client(slow).health()
    assert len(calls) == 2


def test_backoff_doubles_between_tries() -> None:
    calls: list[httpx.Request] = []
    waits: list[float] = []
    transport = RetryingTransport(
        httpx.MockTransport(flaky(3, calls)), retries=3, backoff=0.5, sleep=waits.append
    )
    with httpx.Client(transport=transport) as http:
        assert http.get("http://test/health").status_code == 200
    assert waits == [0.5, 1.0, 2.0]


def test_api_key_is_sent_as_a_bearer_token() -> None:
    seen: list[str | None] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers.get("Authorization"))
        return httpx.Response(200, json={"status": "ok"})

    mock_client(handle, api_key="s3cret").health()
    mock_client(handle).health()
    assert seen == ["Bearer s3cret", None]


def test_local_mode_migrates_a_new_database(empty_database_url: str) -> None:
    url = empty_database_url
    with Client.local(url) as client:
        assert repr(client) == f"Client.local({url!r})"
        health = client.health()
        assert client.who_met_whom().empty
        assert {k: health[k] for k in ("status", "database", "events")} == {
            "status": "ok",
            "database": "ok",
            "events": 0,
        }


MISSING_TABLE_ERRORS = {"sqlite": "OperationalError", "postgres": "ProgrammingError"}
"""The error class each store's driver raises for a table that does not exist."""


def test_local_mode_without_migrating_reports_the_unreadable_database(
    empty_database_url: str, store: str
) -> None:
    expected = f"^HTTP 503: database unavailable: {MISSING_TABLE_ERRORS[store]}$"
    with (
        Client.local(empty_database_url, migrate=False) as client,
        pytest.raises(DiplographError, match=expected),
    ):
        client.health()


# -- ingest -----------------------------------------------------------------------------------


@pytest.fixture
def fake(app: FastAPI) -> Iterator[Client]:
    """Return a client on the test app whose ingest "extracts" Putin met Assad from any text."""
    app.dependency_overrides[get_ingester] = lambda: fake_ingester([make_event(PUTIN, ASSAD)])
    client = Client("http://local", transport=InProcessTransport(app))
    yield client
    client.close()


def test_ingest_one_text(fake: Client) -> None:
    expected = pd.DataFrame(
        {
            "source": col(["text"], "str"),
            "article_id": col([1], "int64"),
            "created": col([True], "bool"),
            "events": col([1], "int64"),
            "event_ids": lists([1]),
        }
    )
    done = fake.ingest("Putin met Assad.", published=date(2017, 12, 11), title="T")
    pd.testing.assert_frame_equal(done, expected)
    again = fake.ingest("Putin met Assad.", published="2017-12-11")
    assert again["created"].tolist() == [False]
    assert fake.articles()[["title", "published"]].to_dict("list") == {
        "title": ["T"],
        "published": [pd.Timestamp("2017-12-11")],
    }


def test_ingest_files_and_folders(fake: Client, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Putin met Assad.", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(
        json.dumps({"published": "2017-12-11", "title": "A"}), encoding="utf-8"
    )
    lines = [
        {"id": "j1", "text": "One.", "published": "2018-01-02"},
        {"id": "j2", "text": "Two.", "published": "2018-01-03", "url": "https://x.org/2"},
    ]
    (tmp_path / "b.jsonl").write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    done = fake.ingest(path=tmp_path)
    assert done[["source", "article_id", "created", "events"]].to_dict("list") == {
        "source": ["a", "j1", "j2"],
        "article_id": [1, 2, 3],
        "created": [True, True, True],
        "events": [1, 1, 1],
    }
    assert fake.article(1)["title"] == "A"
    assert fake.article(3)["url"] == "https://x.org/2"
    again = fake.ingest(path=[tmp_path / "a.txt"])
    assert again[["source", "created"]].values.tolist() == [["a", False]]


def test_ingest_refuses_unreadable_articles_before_sending_any(
    fake: Client, tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_text("Putin met Assad.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("   ", encoding="utf-8")
    with pytest.raises(ValueError) as info:
        fake.ingest(path=tmp_path)
    assert str(info.value) == (
        f"cannot ingest: {tmp_path / 'b.txt'}: the article text is empty; "
        "a: no publication date (pass published= or add a .meta.json)"
    )
    assert fake.articles().empty
    with pytest.raises(ValueError, match=r"^give either text or path$"):
        fake.ingest()
    with pytest.raises(ValueError, match=r"^published is required with text$"):
        fake.ingest("Putin met Assad.")


# -- documentation ----------------------------------------------------------------------------

PUBLIC = [
    name
    for name, member in inspect.getmembers(Client)
    if callable(member) and not name.startswith("_")
]


def test_every_public_method_is_typed_and_documented() -> None:
    assert len(PUBLIC) == 22
    for name in PUBLIC:
        method = getattr(Client, name)
        signature = inspect.signature(method)
        assert signature.return_annotation is not inspect.Signature.empty, name
        for param in signature.parameters.values():
            assert param.name == "self" or param.annotation is not inspect.Parameter.empty, (
                name,
                param.name,
            )
        assert method.__doc__ and "{filters}" not in method.__doc__, name
        documented = re.findall(r"^ {8}([\w, ]+) : ", method.__doc__, flags=re.MULTILINE)
        names = [n for entry in documented for n in entry.split(", ")]
        wanted = [p for p in signature.parameters if p not in ("self", "cls")]
        assert sorted(names) == sorted(wanted), name


def test_help_on_a_method_explains_its_parameters_and_table() -> None:
    text = pydoc.render_doc(Client.who_met_whom, renderer=pydoc.plaintext)
    for words in (
        "Return who met whom",
        "actor : str or int, optional",
        "since : date or str, optional",
        "quad_class : int or sequence of int, optional",
        'modality : str or sequence of str, default "asserted"',
        'level : {"actor", "country"}, default "actor"',
        "``first_date`` and\n        ``last_date`` (datetime64)",
        "404 for an unknown actor, 409 for a name several actors share",
    ):
        assert words in text, words


@pytest.mark.parametrize(
    ("module", "examples"),
    [
        (diplograph.app.client.errors, 4),
        (diplograph.app.client.params, 4),
        (diplograph.app.client.tables, 3),
        (diplograph.app.client.graph_network, 2),
    ],
)
def test_docstring_examples_run(module: Any, examples: int) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert (result.failed, result.attempted) == (0, examples)


def test_lists_come_in_pages(dg: Client) -> None:
    every = dg.ego("Putin")
    page = dg.ego("Putin", limit=2, offset=1)
    pairs = dg.who_met_whom(limit=1)
    groups = dg.communities(limit=1)
    dyad = dg.dyad("Putin", "Assad", limit=1, offset=1)
    assert (list(page["id"]), page.attrs["total"]) == (list(every["id"])[1:3], len(every))
    assert (len(pairs), pairs.attrs["total"], len(groups)) == (1, len(dg.who_met_whom()), 1)
    assert (groups.attrs["total"], len(dyad.events)) == (len(dg.communities()), 1)
