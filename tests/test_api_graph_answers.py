"""Whole graph answers kept by the live snapshot: served again while news about other actors
arrives, made again once a new (or recounted) edge may change them, and always equal to the
answer of a server that builds the graph afresh."""

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

import diplograph.app.routes.graph as graph_routes
from diplograph.app.main import create_app
from diplograph.core.settings import Settings
from tests.factories import (
    ASSAD,
    ERDOGAN,
    PUTIN,
    SISSI,
    TRUMP,
    graph_world,
    make_article,
    make_event,
    store,
)

LATER = date(2019, 6, 1)


@pytest.fixture
def filled(session_factory: sessionmaker[Session]) -> None:
    """Store the eleven events of ``tests.factories.graph_world``."""
    store(session_factory, *graph_world())


def counted(monkeypatch: pytest.MonkeyPatch, name: str) -> list[int]:
    """Count the calls of the graph routes' function ``name``; return the growing count."""
    calls = [0]
    real: Callable[..., Any] = getattr(graph_routes, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(graph_routes, name, wrapper)
    return calls


def fresh(database_url: str, path: str, **params: Any) -> Any:
    """Return the JSON answer of a new server (a graph built afresh) on the same database."""
    app = create_app(Settings(database_url=database_url))
    try:
        with TestClient(app) as other:
            return other.get(path, params=params).json()
    finally:
        app.state.engine.dispose()


def told(factory: sessionmaker[Session], text: str, *pairs: tuple[Any, Any]) -> None:
    """Store an article ``text`` (dated ``LATER``) telling a meeting of each pair. Returns
    nothing."""
    events = [make_event(s, t, sentence=text, when=LATER) for s, t in pairs]
    store(factory, make_article(text, events, published=LATER))


@pytest.mark.usefixtures("filled")
def test_ego_is_served_again_until_an_edge_touches_the_actor(
    client: TestClient,
    session_factory: sessionmaker[Session],
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = counted(monkeypatch, "ego")
    first = client.get("/graph/actors/Putin/ego").json()
    again = client.get("/graph/actors/Putin/ego").json()
    told(session_factory, "Erdogan met Sissi.", (ERDOGAN, SISSI))
    untouched = client.get("/graph/actors/Putin/ego").json()
    assert (again, untouched, calls[0]) == (first, first, 1)

    told(session_factory, "Putin met Sissi.", (PUTIN, SISSI))
    touched = client.get("/graph/actors/Putin/ego").json()
    assert calls[0] == 2
    assert "Abdel Fattah al-Sisi" in [n["node"]["name"] for n in touched["neighbours"]]
    assert touched == fresh(database_url, "/graph/actors/Putin/ego")


@pytest.mark.usefixtures("filled")
def test_ego_two_steps_out_is_made_again_when_a_neighbour_gets_a_tie(
    client: TestClient,
    session_factory: sessionmaker[Session],
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = counted(monkeypatch, "ego")
    before = client.get("/graph/actors/Putin/ego", params={"radius": 2}).json()
    told(session_factory, "Sissi met Trump again.", (SISSI, TRUMP))  # two steps from Putin
    assert calls[0] == 1
    after = client.get("/graph/actors/Putin/ego", params={"radius": 2}).json()
    assert calls[0] == 2
    assert after != before
    assert after == fresh(database_url, "/graph/actors/Putin/ego", radius=2)


@pytest.mark.usefixtures("filled")
def test_a_state_answer_is_made_again_when_one_of_its_members_acts(
    client: TestClient,
    session_factory: sessionmaker[Session],
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = counted(monkeypatch, "ego")
    before = client.get("/graph/actors/Egypt/ego").json()
    told(session_factory, "Putin met Assad once more.", (PUTIN, ASSAD))
    assert client.get("/graph/actors/Egypt/ego").json() == before
    told(session_factory, "Sissi met Erdogan.", (SISSI, ERDOGAN))  # Sissi acts for Egypt
    after = client.get("/graph/actors/Egypt/ego").json()
    assert calls[0] == 2
    assert after != before
    assert after == fresh(database_url, "/graph/actors/Egypt/ego")


@pytest.mark.usefixtures("filled")
def test_a_recounted_event_makes_its_answers_again(
    client: TestClient,
    session_factory: sessionmaker[Session],
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = counted(monkeypatch, "who_met_whom")
    path, params = "/graph/who-met-whom", {"actor": "Putin"}
    before = client.get(path, params=params).json()
    retold = "Putin met Assad, a second paper says."  # event 1 again: one more mention
    store(
        session_factory,
        make_article(retold, [make_event(PUTIN, ASSAD, sentence=retold, when=date(2017, 12, 11))]),
    )
    after = client.get(path, params=params).json()
    assert calls[0] == 2
    assert after != before
    assert after == fresh(database_url, path, **params)


@pytest.mark.usefixtures("filled")
def test_who_met_whom_around_an_actor_is_served_again_while_others_meet(
    client: TestClient,
    session_factory: sessionmaker[Session],
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = counted(monkeypatch, "who_met_whom")
    path, params = "/graph/who-met-whom", {"actor": "Assad"}
    before = client.get(path, params=params).json()
    told(session_factory, "Erdogan met Trump.", (ERDOGAN, TRUMP))
    assert (client.get(path, params=params).json(), calls[0]) == (before, 1)
    told(session_factory, "Assad met Trump.", (ASSAD, TRUMP))
    after = client.get(path, params=params).json()
    assert calls[0] == 2
    assert after["total"] == before["total"] + 1
    assert after == fresh(database_url, path, **params)
    everyone = client.get(path).json()  # no actor: any new edge makes it again
    told(session_factory, "Erdogan met Trump once more.", (ERDOGAN, TRUMP))
    assert client.get(path).json() != everyone
