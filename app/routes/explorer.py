"""The explorer: one HTML page (at ``/`` and at every shareable ``/explore/...`` link) whose
script draws the graph from the JSON API, and the reference tables it labels things with."""

from functools import lru_cache
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse

from diplograph.app.static_files import STATIC_DIR
from diplograph.ingest.gazetteer import gazetteer
from diplograph.ingest.lexicon import cameo_codes

router = APIRouter(include_in_schema=False)

ROOT_MARK = "%ROOT%"
"""Stands in the page for the root path the app is served under (empty at the top)."""


@lru_cache(maxsize=1)
def _page_template() -> str:
    return (STATIC_DIR / "explorer.html").read_text(encoding="utf-8")


def explorer_page(root_path: str) -> str:
    """Return the explorer's HTML with its links under ``root_path``."""
    return _page_template().replace(ROOT_MARK, root_path.rstrip("/"))


@lru_cache(maxsize=1)
def reference() -> dict[str, Any]:
    """Return what the page labels things with: country names by ISO alpha-3 code and CAMEO
    code names by code (the two-digit codes are the twenty families)."""
    countries = {code: country.name for code, country in sorted(gazetteer().by_iso3.items())}
    cameo = {
        code.code: code.name.capitalize() if len(code.code) == 2 else code.name
        for code in sorted(cameo_codes().values(), key=lambda c: c.code)
    }
    return {"countries": countries, "cameo": cameo}


@router.get("/explore/reference.json")
def get_reference() -> JSONResponse:
    """Return the country names and CAMEO code names (see ``reference``)."""
    return JSONResponse(reference(), headers={"Cache-Control": "max-age=3600"})


@router.get("/", response_class=HTMLResponse)
@router.get("/explore", response_class=HTMLResponse)
@router.get("/explore/{view:path}", response_class=HTMLResponse)
def get_explorer(request: Request) -> HTMLResponse:
    """Return the explorer page; its script reads the view from the URL."""
    return HTMLResponse(explorer_page(str(request.scope.get("root_path", ""))))
