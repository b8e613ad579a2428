"""The API documentation pages (Swagger UI at /docs, ReDoc at /redoc), served with the
front-end files the package ships, so they render without internet."""

from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse

from diplograph.app.static_files import STATIC_URL

router = APIRouter(include_in_schema=False)

VENDOR_URL = f"{STATIC_URL}/vendor"
FAVICON_URL = f"{STATIC_URL}/favicon.svg"


def _openapi_url(request: Request) -> str:
    """Return the URL of the OpenAPI document as the browser sees it (behind a root path too)."""
    root = str(request.scope.get("root_path", "")).rstrip("/")
    return f"{root}{request.app.openapi_url}"


def _local(request: Request, url: str) -> str:
    """Return the server-absolute ``url`` under the request's root path."""
    return str(request.scope.get("root_path", "")).rstrip("/") + url


@router.get("/docs")
def swagger_ui(request: Request) -> HTMLResponse:
    """Return the Swagger UI page, loading its script and style from this server."""
    return get_swagger_ui_html(
        openapi_url=_openapi_url(request),
        title=f"{request.app.title} — API",
        swagger_js_url=_local(request, f"{VENDOR_URL}/swagger-ui-dist/swagger-ui-bundle.js"),
        swagger_css_url=_local(request, f"{VENDOR_URL}/swagger-ui-dist/swagger-ui.css"),
        swagger_favicon_url=_local(request, FAVICON_URL),
        # No call to the public validator service: the page stays on this server.
        swagger_ui_parameters={"validatorUrl": None},
    )


@router.get("/redoc")
def redoc(request: Request) -> HTMLResponse:
    """Return the ReDoc page, loading its script from this server (system fonts, no web fonts)."""
    return get_redoc_html(
        openapi_url=_openapi_url(request),
        title=f"{request.app.title} — API reference",
        redoc_js_url=_local(request, f"{VENDOR_URL}/redoc/bundles/redoc.standalone.js"),
        redoc_favicon_url=_local(request, FAVICON_URL),
        with_google_fonts=False,
    )
