"""GET /graph/dyad, /graph/path and /graph/new-dyads on the graph world."""

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from tests.factories import graph_world, store
from tests.graph_api import (
    AID,
    ATTACKED,
    EG,
    EGY,
    HA,
    MET,
    RUS,
    SI,
    SYR,
    THREATENED,
    TR,
    TRUMP_CRITICIZED,
    USA,
    VISITED_EGYPT,
    VISITED_PUTIN,
    WILL_VISIT,
    A,
    P,
    quads,
    summary,
)


@pytest.fixture
def filled(session_factory: sessionmaker[Session]) -> None:
    """Store the eleven events of ``tests.factories.graph_world``."""
    store(session_factory, *graph_world())


@pytest.mark.usefixtures("filled")
def test_dyad_by_month(client: TestClient) -> None:
    assert client.get("/graph/dyad", params={"a": "Putin", "b": "Assad"}).json() == {
        "level": "actor",
        "a": P,
        "b": A,
        "interval": "month",
        "summary": summary([1, 9, 10], 2, quads(2, 1), 9.9, 3.3, "2017-12-11", "2018-05-18"),
        "buckets": [
            {
                "start": "2017-12-01",
                "end": "2017-12-31",
                "events": 1,
                "quad_classes": quads(1),
                "goldstein_sum": 1.0,
                "mean_goldstein": 1.0,
                "event_ids": [1],
            },
            {
                "start": "2018-05-01",
                "end": "2018-05-31",
                "events": 2,
                "quad_classes": quads(1, 1),
                "goldstein_sum": 8.9,
                "mean_goldstein": 4.45,
                "event_ids": [9, 10],
            },
        ],
        "undated": 0,
        "events": [MET, VISITED_PUTIN, AID],
        "total": 3,
        "limit": 100,
        "offset": 0,
        "hint": None,
    }


@pytest.mark.usefixtures("filled")
def test_dyad_by_day_with_a_code_filter(client: TestClient) -> None:
    body = client.get(
        "/graph/dyad", params={"a": "2", "b": "1", "interval": "day", "codes": "042,07"}
    ).json()
    assert [(b["start"], b["end"], b["event_ids"]) for b in body["buckets"]] == [
        ("2018-05-17", "2018-05-17", [9]),
        ("2018-05-18", "2018-05-18", [10]),
    ]
    assert (body["summary"]["outgoing"], body["events"]) == (1, [VISITED_PUTIN, AID])


@pytest.mark.usefixtures("filled")
def test_dyad_between_countries_with_undated_events(client: TestClient) -> None:
    body = client.get(
        "/graph/dyad",
        params={
            "a": "RUS",
            "b": "Sissi",
            "level": "country",
            "modality": "all",
            "interval": "year",
        },
    ).json()
    assert (body["a"], body["b"], body["buckets"], body["undated"]) == (RUS, EGY, [], 1)
    assert body["events"] == [{**WILL_VISIT, "source": "RUS", "target": "EGY"}]


@pytest.mark.usefixtures("filled")
def test_path_with_hop_directions_and_evidence(client: TestClient) -> None:
    assert client.get(
        "/graph/path", params={"from": "Trump", "to": "Egypt", "exact": "true"}
    ).json() == {
        "level": "actor",
        "source": TR,
        "target": EG,
        "max_len": 4,
        "paths": [
            {
                "nodes": [TR, P, A, EG],
                "hops": [
                    {
                        "source": TR,
                        "target": P,
                        "direction": "forward",
                        "evidence": TRUMP_CRITICIZED,
                        "event_ids": [11],
                    },
                    {
                        "source": P,
                        "target": A,
                        "direction": "backward",
                        "evidence": VISITED_PUTIN,
                        "event_ids": [1, 9, 10],
                    },
                    {
                        "source": A,
                        "target": EG,
                        "direction": "forward",
                        "evidence": VISITED_EGYPT,
                        "event_ids": [4],
                    },
                ],
            }
        ],
    }


@pytest.mark.usefixtures("filled")
def test_path_filters_and_limits(client: TestClient) -> None:
    every = client.get(
        "/graph/path", params={"from": "Trump", "to": "Egypt", "modality": "all", "exact": "true"}
    ).json()
    assert [[n["id"] for n in p["nodes"]] for p in every["paths"]] == [[6, 1, 4]]
    assert every["paths"][0]["hops"][1]["evidence"] == WILL_VISIT
    short = client.get(
        "/graph/path", params={"from": "Trump", "to": "Egypt", "max_len": 2, "exact": "true"}
    )
    assert short.json()["paths"] == []
    # Without exact, Egypt stands for its president too: Sissi threatened Trump (event 5).
    state = client.get("/graph/path", params={"from": "Trump", "to": "Egypt"}).json()
    assert [[h["event_ids"] for h in p["hops"]] for p in state["paths"]] == [[[5]]]
    countries = client.get(
        "/graph/path", params={"from": "USA", "to": "SYR", "level": "country"}
    ).json()
    assert [[n["id"] for n in p["nodes"]] for p in countries["paths"]] == [
        ["USA", "EGY", "SYR"],
        ["USA", "RUS", "SYR"],
    ]
    assert (countries["source"], countries["target"]) == (USA, SYR)


@pytest.mark.usefixtures("filled")
def test_new_dyads(client: TestClient) -> None:
    assert client.get("/graph/new-dyads", params={"since": "2018-01-01"}).json() == {
        "level": "actor",
        "since": "2018-01-01",
        "dyads": [
            {
                "a": A,
                "b": EG,
                "first_date": "2018-02-03",
                "first_event": VISITED_EGYPT,
                "summary": summary([4], 1, quads(1), 1.9, 1.9, "2018-02-03", "2018-02-03"),
            },
            {
                "a": SI,
                "b": TR,
                "first_date": "2018-03-01",
                "first_event": THREATENED,
                "summary": summary([5], 1, quads(0, 0, 1), -7.0, -7.0, "2018-03-01", "2018-03-01"),
            },
            {
                "a": EG,
                "b": HA,
                "first_date": "2018-03-05",
                "first_event": ATTACKED,
                "summary": summary(
                    [8], 0, quads(0, 0, 0, 1), -10.0, -10.0, "2018-03-05", "2018-03-05"
                ),
            },
            {
                "a": TR,
                "b": P,
                "first_date": "2018-05-20",
                "first_event": TRUMP_CRITICIZED,
                "summary": summary([11], 1, quads(0, 0, 1), -2.0, -2.0, "2018-05-20", "2018-05-20"),
            },
        ],
        "total": 4,
        "limit": 100,
        "offset": 0,
    }


@pytest.mark.usefixtures("filled")
def test_new_conflicts_between_countries(client: TestClient) -> None:
    body = client.get(
        "/graph/new-dyads", params={"since": "2018-01-01", "quad_class": "3,4", "level": "country"}
    ).json()
    assert [(d["a"]["id"], d["b"]["id"], d["first_event"]["event_id"]) for d in body["dyads"]] == [
        ("EGY", "USA", 5),
        ("RUS", "USA", 11),
    ]


@pytest.mark.usefixtures("filled")
@pytest.mark.parametrize(
    ("path", "params", "status"),
    [
        ("/graph/new-dyads", {}, 422),
        ("/graph/dyad", {"a": "Putin"}, 422),
        ("/graph/dyad", {"a": "Putin", "b": "Assad", "interval": "hour"}, 422),
        ("/graph/path", {"from": "Putin", "to": "Assad", "max_len": "7"}, 422),
        ("/graph/path", {"from": "Putin"}, 422),
        ("/graph/dyad", {"a": "Putin", "b": "Nobody"}, 404),
        ("/graph/path", {"from": "Nobody", "to": "Assad"}, 404),
        ("/graph/path", {"from": "Hamas", "to": "RUS", "level": "country"}, 404),
    ],
)
def test_bad_or_unknown_parameters(
    client: TestClient, path: str, params: dict[str, str], status: int
) -> None:
    assert client.get(path, params=params).status_code == status


@pytest.mark.usefixtures("filled")
def test_dyad_events_come_in_pages_with_every_bucket(client: TestClient) -> None:
    every = client.get("/graph/dyad", params={"a": "Putin", "b": "Assad"}).json()
    page = client.get("/graph/dyad", params={"a": "Putin", "b": "Assad", "offset": 2}).json()
    assert (page["events"], page["total"], page["buckets"], page["summary"]) == (
        every["events"][2:],
        3,
        every["buckets"],
        every["summary"],
    )
