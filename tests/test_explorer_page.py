"""The explorer page as the server sends it: one HTML page at / and every /explore/ link,
loading only files this server ships, and the reference table it labels things with."""

import re
from fnmatch import fnmatch
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from diplograph.app.static_files import STATIC_DIR

ASSETS = [
    "/static/explorer.css",
    "/static/favicon.svg",
    "/static/favicon.svg",
    "/static/js/main.js",
    "/static/vendor/chart.js/dist/chart.umd.min.js",
    "/static/vendor/cytoscape/dist/cytoscape.min.js",
]


def page_assets(html: str) -> list[str]:
    """Return the files a page loads (``src`` and ``href`` attributes not pointing at a view
    or the API docs), sorted."""
    urls = re.findall(r'(?:src|href)="([^"]+)"', html)
    return sorted(u for u in urls if u.startswith("/static/"))


@pytest.mark.parametrize(
    "path",
    ["/", "/explore", "/explore/actor/Putin", "/explore/dyad/Putin/Egypt", "/explore/meetings"],
)
def test_every_view_link_serves_the_explorer_page(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert (response.status_code, response.headers["content-type"]) == (
        200,
        "text/html; charset=utf-8",
    )
    assert "<title>Diplograph Explorer</title>" in response.text
    assert page_assets(response.text) == ASSETS


def test_the_page_loads_only_files_this_server_ships(client: TestClient) -> None:
    html = client.get("/").text
    assert re.findall(r"(?:https?:)?//[\w.-]+", html) == []
    assert [client.get(url).status_code for url in ASSETS] == [200] * len(ASSETS)


def test_every_script_module_the_page_imports_is_shipped(client: TestClient) -> None:
    scripts = sorted(p.name for p in (STATIC_DIR / "js").glob("*.js"))
    imported = {"main.js"}
    for script in scripts:
        source = (STATIC_DIR / "js" / script).read_text(encoding="utf-8")
        imported |= set(re.findall(r'from "\./([\w-]+\.js)"', source))
        assert re.findall(r"https?://", source) == [], script
    assert sorted(imported) == scripts
    assert [client.get(f"/static/js/{s}").status_code for s in scripts] == [200] * len(scripts)


def test_the_page_follows_the_root_path_it_is_served_under(app: FastAPI) -> None:
    with TestClient(app, root_path="/diplograph") as behind_proxy:
        html = behind_proxy.get("/explore/meetings").text
    assert 'data-root="/diplograph"' in html
    assert page_assets(html.replace('"/diplograph/', '"/')) == ASSETS


def test_reference_names_countries_and_cameo_codes(client: TestClient) -> None:
    reference = client.get("/explore/reference.json").json()
    assert sorted(reference) == ["cameo", "countries"]
    assert [reference["countries"][c] for c in ("RUS", "SYR", "USA")] == [
        "Russia",
        "Syria",
        "United States",
    ]
    families = {code: name for code, name in reference["cameo"].items() if len(code) == 2}
    assert len(families) == 20
    assert (families["04"], reference["cameo"]["042"], reference["cameo"]["111"]) == (
        "Consult",
        "Make a visit",
        "Criticize or denounce",
    )


def test_the_explorer_is_not_part_of_the_api(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert [p for p in paths if p == "/" or p.startswith(("/explore", "/docs", "/redoc"))] == []
    assert client.get("/nowhere").json() == {"detail": "Not Found"}


def test_the_wheel_ships_the_static_files() -> None:
    pyproject = (Path(__file__).resolve().parents[1] / "pyproject.toml").read_text()
    shipped = re.search(r'"diplograph\.app" = \[(.*?)\]', pyproject, re.S)
    assert shipped is not None
    patterns = re.findall(r'"([^"]+)"', shipped[1])
    files = sorted(
        str(p.relative_to(STATIC_DIR.parent))
        for p in STATIC_DIR.rglob("*")
        if p.is_file() and not p.name.startswith(".")
    )
    unshipped = [f for f in files if not any(fnmatch(f, p) for p in patterns)]
    assert unshipped == []
