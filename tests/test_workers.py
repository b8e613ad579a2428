"""Several workers (uvicorn --workers N): each process holds its own live graph of the one
database, caught up on its next graph request; modelled here as two apps on one database."""

from fastapi.testclient import TestClient
from sqlalchemy import delete
from sqlalchemy.orm import Session, sessionmaker

from diplograph.app.deps import get_ingester
from diplograph.app.main import create_app
from diplograph.core.models import EventRow
from diplograph.core.settings import Settings
from tests.factories import ASSAD, EGYPT, PUTIN, fake_ingester, make_event


def pairs(client: TestClient) -> list[tuple[str, str, int]]:
    """Return who-met-whom as (a, b, count) rows."""
    body = client.get("/graph/who-met-whom").json()
    return [(p["a"]["name"], p["b"]["name"], p["count"]) for p in body["pairs"]]


def test_each_worker_keeps_its_own_graph_current(
    database_url: str, session_factory: sessionmaker[Session]
) -> None:
    first = create_app(Settings(database_url=database_url))
    second = create_app(Settings(database_url=database_url))
    first.dependency_overrides[get_ingester] = lambda: fake_ingester(
        [make_event(PUTIN, ASSAD), make_event(PUTIN, EGYPT)]
    )
    with TestClient(first) as one, TestClient(second) as two:
        before = (pairs(one), pairs(two))
        one.post("/articles", json={"text": "Putin met Assad.", "published": "2017-12-11"})
        added = (pairs(one), pairs(two))  # the second worker never saw the POST
        with session_factory() as session, session.begin():
            session.execute(delete(EventRow).where(EventRow.id == 2))
        pairs(one), pairs(two)  # each notices the deletion and rebuilds in the background
        for app in (first, second):
            builder = app.state.graph_cache._builder
            assert builder is not None
            builder.join()
        removed = (pairs(one), pairs(two))
        builds = (first.state.graph_cache.builds, second.state.graph_cache.builds)
    met = [("Bashar al-Assad", "Vladimir Putin", 1)]
    both = [*met, ("Egypt", "Vladimir Putin", 1)]
    assert (before, added) == (([], []), (both, both))
    assert (removed, builds) == ((met, met), (2, 2))
