"""GET /graph/actors/{actor}/ego and GET /graph/balance on the graph world."""

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from diplograph.ingest.types import ActorRef
from tests.factories import actor_json, graph_world, make_article, make_event, store
from tests.graph_api import (
    EG,
    EGY,
    ER,
    RUS,
    SI,
    SYR,
    TR,
    TUR,
    USA,
    A,
    P,
    quads,
    summary,
)


@pytest.fixture
def filled(session_factory: sessionmaker[Session]) -> None:
    """Store the eleven events of ``tests.factories.graph_world``."""
    store(session_factory, *graph_world())


PUTIN_ASSAD = summary([1, 9, 10], 2, quads(2, 1), 9.9, 3.3, "2017-12-11", "2018-05-18")
PUTIN_ERDOGAN = summary([2, 3], 1, quads(1, 0, 1), 0.8, 0.4, "2017-12-12", "2018-01-15")
PUTIN_TRUMP = summary([11], 0, quads(0, 0, 1), -2.0, -2.0, "2018-05-20", "2018-05-20")


@pytest.mark.usefixtures("filled")
def test_ego_radius_one(client: TestClient) -> None:
    assert client.get("/graph/actors/Putin/ego").json() == {
        "level": "actor",
        "actor": P,
        "radius": 1,
        "neighbours": [
            {"node": A, "distance": 1, "via": [], "summary": PUTIN_ASSAD},
            {"node": ER, "distance": 1, "via": [], "summary": PUTIN_ERDOGAN},
            {"node": TR, "distance": 1, "via": [], "summary": PUTIN_TRUMP},
        ],
        "total": 3,
        "limit": 100,
        "offset": 0,
    }


@pytest.mark.usefixtures("filled")
def test_ego_radius_two_by_id(client: TestClient) -> None:
    body = client.get("/graph/actors/1/ego", params={"radius": 2}).json()
    assert body["neighbours"][3:] == [
        {
            "node": SI,
            "distance": 2,
            "via": [TR],
            "summary": summary([5], 0, quads(0, 0, 1), -7.0, -7.0, "2018-03-01", "2018-03-01"),
        },
        {
            "node": EG,
            "distance": 2,
            "via": [A],
            "summary": summary([4], 1, quads(1), 1.9, 1.9, "2018-02-03", "2018-02-03"),
        },
    ]


@pytest.mark.usefixtures("filled")
def test_ego_with_filters(client: TestClient) -> None:
    conflict = client.get("/graph/actors/putin/ego", params={"quad_class": "3,4"}).json()
    assert [(n["node"]["id"], n["summary"]["event_ids"]) for n in conflict["neighbours"]] == [
        (6, [11]),
        (3, [2]),
    ]
    intended = client.get(
        "/graph/actors/Putin/ego", params={"modality": "intended", "codes": "04"}
    ).json()
    assert [(n["node"]["id"], n["summary"]["event_ids"]) for n in intended["neighbours"]] == [
        (4, [6])
    ]
    window = client.get(
        "/graph/actors/Putin/ego", params={"since": "2018-01-01", "min_confidence": 0.9}
    ).json()
    assert [(n["node"]["id"], n["summary"]["event_ids"]) for n in window["neighbours"]] == [
        (2, [9]),
        (6, [11]),
    ]


@pytest.mark.usefixtures("filled")
def test_ego_at_country_level(client: TestClient) -> None:
    body = client.get("/graph/actors/Putin/ego", params={"level": "country"}).json()
    assert (body["level"], body["actor"]) == ("country", RUS)
    assert [(n["node"], n["summary"]["event_ids"]) for n in body["neighbours"]] == [
        (SYR, [1, 9, 10]),
        (TUR, [2, 3]),
        (USA, [11]),
    ]
    by_code = client.get("/graph/actors/egy/ego", params={"level": "country"}).json()
    assert [(n["node"], n["summary"]["event_ids"]) for n in by_code["neighbours"]] == [
        (SYR, [4]),
        (USA, [5]),
    ]


@pytest.mark.usefixtures("filled")
def test_balance(client: TestClient) -> None:
    assert client.get("/graph/balance", params={"actor": "Vladimir Putin"}).json() == {
        "level": "actor",
        "actor": P,
        "total": summary(
            [1, 2, 3, 9, 10, 11], 3, quads(3, 1, 2), 8.7, 1.45, "2017-12-11", "2018-05-20"
        ),
        "counterparts": [
            {"node": A, "stance": "partner", "summary": PUTIN_ASSAD},
            {"node": ER, "stance": "partner", "summary": PUTIN_ERDOGAN},
            {"node": TR, "stance": "adversary", "summary": PUTIN_TRUMP},
        ],
        "partners": [A, ER],
        "adversaries": [TR],
        "counterparts_total": 3,
        "partners_total": 2,
        "adversaries_total": 1,
        "limit": 100,
        "offset": 0,
    }


@pytest.mark.usefixtures("filled")
def test_balance_pages_its_three_lists(client: TestClient) -> None:
    params = {"actor": "Vladimir Putin", "limit": 1, "offset": 1}
    body = client.get("/graph/balance", params=params).json()
    assert (
        [c["node"] for c in body["counterparts"]],
        body["partners"],
        body["adversaries"],
        body["counterparts_total"],
        body["partners_total"],
        body["adversaries_total"],
        body["limit"],
        body["offset"],
        body["total"]["event_ids"],
    ) == ([ER], [ER], [], 3, 2, 1, 1, 1, [1, 2, 3, 9, 10, 11])


@pytest.mark.usefixtures("filled")
def test_balance_of_a_country_over_a_window(client: TestClient) -> None:
    body = client.get(
        "/graph/balance", params={"actor": "Egypt", "level": "country", "until": "2018-03-31"}
    ).json()
    assert (body["actor"], body["partners"], body["adversaries"]) == (EGY, [SYR], [USA])
    assert [(c["node"]["id"], c["summary"]["goldstein_sum"]) for c in body["counterparts"]] == [
        ("SYR", 1.9),
        ("USA", -7.0),
    ]


@pytest.mark.usefixtures("filled")
def test_actor_without_events_in_the_filter(client: TestClient) -> None:
    body = client.get("/graph/balance", params={"actor": "Hamas", "codes": "04"}).json()
    assert (body["actor"]["name"], body["counterparts"], body["total"]["events"]) == (
        "Hamas",
        [],
        0,
    )


@pytest.mark.usefixtures("filled")
@pytest.mark.parametrize(
    ("path", "params", "detail"),
    [
        ("/graph/actors/Nobody/ego", {}, "unknown actor 'Nobody'"),
        ("/graph/balance", {"actor": "Nobody"}, "unknown actor 'Nobody'"),
        ("/graph/balance", {"actor": "Hamas", "level": "country"}, "actor 'Hamas' has no country"),
    ],
)
def test_unknown_actor_or_country_is_404(
    client: TestClient, path: str, params: dict[str, str], detail: str
) -> None:
    response = client.get(path, params=params)
    assert (response.status_code, response.json()) == (404, {"detail": detail})


def test_ambiguous_actor_is_409(client: TestClient, session_factory: sessionmaker[Session]) -> None:
    hamad = ActorRef("Hamad bin Jassim", "person", "QAT", None, ("Sheikh Hamad",))
    hamad_bahrain = ActorRef(
        "King Hamad bin Isa Al Khalifa", "person", "BHR", "king", ("Sheikh Hamad",)
    )
    store(session_factory, make_article("They met.", [make_event(hamad, hamad_bahrain)]))
    for path, params in [
        ("/graph/actors/sheikh hamad/ego", {}),
        ("/graph/balance", {"actor": "Sheikh Hamad"}),
        ("/graph/actors/sheikh hamad/ego", {"level": "country"}),
    ]:
        response = client.get(path, params=params)
        assert (response.status_code, response.json()["candidates"]) == (
            409,
            [actor_json(1, hamad), actor_json(2, hamad_bahrain)],
        )


@pytest.mark.usefixtures("filled")
@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/graph/actors/Putin/ego", {"radius": "3"}),
        ("/graph/actors/Putin/ego", {"level": "region"}),
        ("/graph/actors/Putin/ego", {"codes": "04;05"}),
        ("/graph/actors/Putin/ego", {"quad_class": "5"}),
        ("/graph/actors/Putin/ego", {"min_confidence": "1.5"}),
        ("/graph/actors/Putin/ego", {"modality": "rumoured"}),
        ("/graph/actors/Putin/ego", {"since": "2018-02-30"}),
        ("/graph/balance", {}),
        ("/graph/balance", {"actor": ""}),
    ],
)
def test_bad_parameters_are_422(client: TestClient, path: str, params: dict[str, str]) -> None:
    assert client.get(path, params=params).status_code == 422
