"""API keys for writes (and optionally reads), and the rate limit on writes."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from diplograph.app.access import RateLimiter
from diplograph.app.client import Client, DiplographError
from diplograph.app.client.transport import InProcessTransport
from diplograph.app.deps import get_ingester
from diplograph.app.main import create_app
from diplograph.core.settings import Settings, get_settings, parse_keys
from tests.factories import ASSAD, PUTIN, fake_ingester, make_event

BODY = {"text": "Putin met Assad.", "published": "2017-12-11"}
NEED_KEY = {"detail": "this route needs an API key: Authorization: Bearer <key>"}


def keyed_app(database_url: str, **settings: object) -> FastAPI:
    """Return an app with ``settings`` whose POST /articles "extracts" one meeting."""
    app = create_app(Settings(database_url=database_url, **settings))  # type: ignore[arg-type]
    app.dependency_overrides[get_ingester] = lambda: fake_ingester([make_event(PUTIN, ASSAD)])
    return app


@pytest.fixture
def keyed(database_url: str) -> Iterator[TestClient]:
    """Return a client of an app whose writes need the key ``k1`` or ``k2``."""
    with TestClient(keyed_app(database_url, api_keys="k1, k2")) as client:
        yield client


def bearer(key: str) -> dict[str, str]:
    """Return the header carrying ``key``."""
    return {"Authorization": f"Bearer {key}"}


def test_a_write_without_a_key_is_401_and_writes_nothing(keyed: TestClient) -> None:
    response = keyed.post("/articles", json=BODY)
    assert (response.status_code, response.headers["www-authenticate"], response.json()) == (
        401,
        "Bearer",
        NEED_KEY,
    )
    assert keyed.get("/articles").json()["total"] == 0


def test_a_write_with_a_wrong_key_is_401(keyed: TestClient) -> None:
    response = keyed.post("/articles", json=BODY, headers=bearer("k3"))
    assert (response.status_code, response.json()) == (401, {"detail": "unknown API key"})


def test_a_write_with_a_key_is_stored_and_reads_stay_open(keyed: TestClient) -> None:
    response = keyed.post("/articles", json=BODY, headers=bearer("k2"))
    assert response.status_code == 201
    assert (keyed.get("/articles").status_code, keyed.get("/events").json()["total"]) == (200, 1)


def test_without_keys_writes_are_open(client: TestClient, app: FastAPI) -> None:
    app.dependency_overrides[get_ingester] = lambda: fake_ingester([make_event(PUTIN, ASSAD)])
    assert client.post("/articles", json=BODY).status_code == 201


def test_read_keys_close_reads_but_not_health(database_url: str) -> None:
    app = keyed_app(database_url, api_keys="writer", read_keys="reader")
    with TestClient(app) as client:
        statuses = [
            client.get("/events").status_code,
            client.get("/events", headers=bearer("nobody")).status_code,
            client.get("/events", headers=bearer("reader")).status_code,
            client.get("/events", headers=bearer("writer")).status_code,
            client.get("/health").status_code,
            client.post("/articles", json=BODY, headers=bearer("reader")).status_code,
        ]
    assert statuses == [401, 401, 200, 200, 200, 401]


def test_keys_can_come_from_a_file(tmp_path: Path) -> None:
    keys = tmp_path / "keys"
    keys.write_text("# writers\nalpha\n\nbeta\n")
    assert parse_keys(str(keys)) == frozenset({"alpha", "beta"})
    assert parse_keys("") == frozenset()


def test_writes_beyond_the_rate_are_429_with_retry_after(database_url: str) -> None:
    app = keyed_app(database_url, write_rate=1.0, write_burst=2)
    with TestClient(app) as client:
        answers = [
            client.post("/articles", json={**BODY, "text": f"Putin met Assad {n}."})
            for n in range(3)
        ]
    assert [a.status_code == 429 for a in answers] == [False, False, True]
    assert (answers[2].headers["retry-after"], answers[2].json()) == (
        "60",
        {"detail": "too many writes: at most 1 a minute"},
    )


def test_the_rate_limit_is_per_client_and_refills() -> None:
    limiter = RateLimiter(per_minute=60, burst=1)
    assert [
        limiter.acquire("a", now=0.0),
        limiter.acquire("a", now=0.0),
        limiter.acquire("b", now=0.0),
        limiter.acquire("a", now=1.0),
    ] == [0.0, 1.0, 0.0, 0.0]


def test_the_client_sends_its_api_key(database_url: str) -> None:
    app = keyed_app(database_url, api_keys="k1")
    anonymous = Client("http://local", transport=InProcessTransport(app))
    keyed = Client("http://local", api_key="k1", transport=InProcessTransport(app))
    with pytest.raises(DiplographError) as refused:
        anonymous.ingest(BODY["text"], published=BODY["published"])
    stored = keyed.ingest(BODY["text"], published=BODY["published"])
    assert (refused.value.status_code, stored["created"].tolist()) == (401, [True])


@pytest.mark.parametrize(
    ("host", "keys", "warned"),
    [("0.0.0.0", None, True), ("0.0.0.0", "k1", False), ("127.0.0.1", None, False)],
)
def test_serving_beyond_loopback_without_keys_warns(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, host: str, keys: str | None, warned: bool
) -> None:
    import uvicorn

    from tests.test_cli import invoke, upgraded_database

    url = upgraded_database(tmp_path)
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: None)
    if keys is None:
        monkeypatch.delenv("DIPLOGRAPH_API_KEYS", raising=False)
    else:
        monkeypatch.setenv("DIPLOGRAPH_API_KEYS", keys)
    get_settings.cache_clear()
    try:
        result = invoke(["serve", "--host", host, "--port", "9", "--database-url", url])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 0
    assert ("WARNING: serving on 0.0.0.0 without DIPLOGRAPH_API_KEYS" in result.stderr) == warned


def test_openapi_asks_for_a_key_only_where_keys_are_set(database_url: str) -> None:
    def secured(app: FastAPI) -> list[str]:
        paths = app.openapi()["paths"]
        return sorted(
            f"{method.upper()} {path}"
            for path, item in paths.items()
            for method, operation in item.items()
            if operation.get("security") == [{"bearer": []}]
        )

    open_app = create_app(Settings(database_url=database_url))
    writes = create_app(Settings(database_url=database_url, api_keys="k1"))
    reads = create_app(Settings(database_url=database_url, api_keys="k1", read_keys="r1"))
    assert (secured(open_app), secured(writes), len(secured(reads))) == (
        [],
        [
            "DELETE /articles/{article_id}",
            "POST /articles",
            "POST /articles/{article_id}/reextract",
        ],
        sum(len(item) for item in reads.openapi()["paths"].values()) - 1,  # all but GET /health
    )
