"""The application as a whole: OpenAPI, docs, JSON errors, request logging."""

import logging
import re
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from diplograph.app.deps import get_ingester
from diplograph.app.main import package_version
from diplograph.ingest.persist import PersistResult
from diplograph.ingest.types import ArticleInput

OPERATIONS = [
    ("get", "/health"),
    ("post", "/articles"),
    ("get", "/articles"),
    ("get", "/articles/{article_id}"),
    ("delete", "/articles/{article_id}"),
    ("post", "/articles/{article_id}/reextract"),
    ("get", "/events"),
    ("get", "/events/{event_id}"),
    ("get", "/actors"),
    ("get", "/actors/{actor_id}"),
    ("get", "/graph/who-met-whom"),
    ("get", "/graph/actors/{actor}/ego"),
    ("get", "/graph/balance"),
    ("get", "/graph/dyad"),
    ("get", "/graph/path"),
    ("get", "/graph/new-dyads"),
    ("get", "/graph/centrality"),
    ("get", "/graph/communities"),
]
"""The JSON operations; GET /graph/export answers files and is checked on its own."""


def schema_of(spec: dict[str, Any], ref: str) -> dict[str, Any]:
    """Return the component schema ``ref`` (``#/components/schemas/Name``) points to."""
    schema: dict[str, Any] = spec["components"]["schemas"][ref.rsplit("/", 1)[1]]
    return schema


def test_openapi_lists_every_route_documented(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert (spec["info"]["title"], spec["info"]["version"]) == ("Diplograph", package_version())
    documented = [(m, p) for p, ops in spec["paths"].items() for m in ops]
    assert sorted(documented) == sorted([*OPERATIONS, ("get", "/graph/export")])
    for method, path in OPERATIONS:
        op = spec["paths"][path][method]
        success = op["responses"]["201" if (method, path) == ("post", "/articles") else "200"]
        schema = schema_of(spec, success["content"]["application/json"]["schema"]["$ref"])
        assert (bool(op["summary"]), bool(op["description"]), bool(schema["examples"])) == (
            True,
            True,
            True,
        ), (method, path)


def test_openapi_documents_the_error_answers(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    errors = {
        (method, path): sorted(code for code in op["responses"] if code[0] in "45")
        for path, ops in spec["paths"].items()
        for method, op in ops.items()
    }
    assert errors == {
        ("get", "/health"): ["503"],
        ("post", "/articles"): ["400", "401", "413", "422", "429", "503"],
        ("get", "/articles"): ["422"],
        ("get", "/articles/{article_id}"): ["404", "422"],
        ("delete", "/articles/{article_id}"): ["401", "404", "422", "429"],
        ("post", "/articles/{article_id}/reextract"): ["401", "404", "409", "422", "429"],
        ("get", "/events"): ["404", "409", "422"],
        ("get", "/events/{event_id}"): ["404", "422"],
        ("get", "/actors"): ["422"],
        ("get", "/actors/{actor_id}"): ["404", "422"],
        ("get", "/graph/who-met-whom"): ["404", "409", "422"],
        ("get", "/graph/actors/{actor}/ego"): ["404", "409", "422"],
        ("get", "/graph/balance"): ["404", "409", "422"],
        ("get", "/graph/dyad"): ["404", "409", "422"],
        ("get", "/graph/path"): ["404", "409", "422"],
        ("get", "/graph/new-dyads"): ["422"],
        ("get", "/graph/centrality"): ["422"],
        ("get", "/graph/communities"): ["422"],
        ("get", "/graph/export"): ["422"],
    }
    body = spec["paths"]["/articles"]["post"]["requestBody"]["content"]["application/json"]
    assert schema_of(spec, body["schema"]["$ref"])["examples"][0]["published"] == "2017-12-11"


def test_openapi_documents_the_export_formats(client: TestClient) -> None:
    op = client.get("/openapi.json").json()["paths"]["/graph/export"]["get"]
    assert (bool(op["summary"]), bool(op["description"])) == (True, True)
    assert sorted(op["responses"]["200"]["content"]) == [
        "application/gexf+xml",
        "application/graphml+xml",
        "application/json",
        "text/csv",
    ]
    [fmt] = [p for p in op["parameters"] if p["name"] == "format"]
    assert fmt["schema"]["enum"] == ["graphml", "gexf", "json", "csv"]


def page_assets(html: str) -> list[str]:
    """Return the URLs a page loads (``src`` and ``href`` attributes), sorted."""
    return sorted(re.findall(r'(?:src|href)="([^"]+)"', html))


@pytest.mark.parametrize(
    ("path", "assets"),
    [
        (
            "/docs",
            [
                "/static/favicon.svg",
                "/static/vendor/swagger-ui-dist/swagger-ui-bundle.js",
                "/static/vendor/swagger-ui-dist/swagger-ui.css",
            ],
        ),
        ("/redoc", ["/static/favicon.svg", "/static/vendor/redoc/bundles/redoc.standalone.js"]),
    ],
)
def test_docs_pages_load_only_files_this_server_ships(
    client: TestClient, path: str, assets: list[str]
) -> None:
    response = client.get(path)
    assert (response.status_code, "Diplograph" in response.text) == (200, True)
    assert re.findall(r"(?:https?:)?//[\w.-]+", response.text) == []
    assert page_assets(response.text) == assets
    assert [client.get(url).status_code for url in assets] == [200] * len(assets)
    assert "/openapi.json" in response.text


def test_swagger_ui_asks_no_validator_service(client: TestClient) -> None:
    assert '"validatorUrl": null' in client.get("/docs").text


def test_unknown_route_is_json_404(client: TestClient) -> None:
    response = client.get("/nowhere")
    assert (response.status_code, response.json()) == (404, {"detail": "Not Found"})


def test_one_log_line_per_request(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="diplograph.http"):
        client.get("/health")
        client.get("/events/99")
    lines = [r.getMessage() for r in caplog.records if r.name == "diplograph.http"]
    assert [re.sub(r"\d+\.\dms$", "<ms>", line) for line in lines] == [
        "GET /health 200 <ms>",
        "GET /events/99 404 <ms>",
    ]


def test_unexpected_error_is_json_500_and_logged(
    app: FastAPI, client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    def crash(session: object, article: ArticleInput) -> PersistResult:
        raise RuntimeError("boom")

    app.dependency_overrides[get_ingester] = lambda: crash
    with caplog.at_level(logging.INFO, logger="diplograph.http"):
        response = client.post("/articles", json={"text": "x", "published": "2017-12-11"})
    assert (response.status_code, response.json()) == (500, {"detail": "internal server error"})
    lines = [r.getMessage() for r in caplog.records if r.name == "diplograph.http"]
    assert [re.sub(r"\d+\.\dms$", "<ms>", line) for line in lines] == ["POST /articles 500 <ms>"]
