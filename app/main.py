"""The FastAPI application factory."""

import logging
import time
from collections.abc import Awaitable, Callable
from importlib.metadata import PackageNotFoundError, version

from fastapi import FastAPI, Request, Response

from app.routes import actors, articles, events, graph, health
from core.db import make_engine, make_session_factory
from core.settings import Settings, get_settings
from graph.cache import GraphCache

logger = logging.getLogger("diplograph.http")

DESCRIPTION = """
Diplomatic events extracted from news articles (who did what to whom, CAMEO-coded),
kept with the sentence that says so, and graph questions over them.

Every answer links to its evidence: `GET /events/{id}` shows the sentence and article.
"""


def _package_version() -> str:
    try:
        return version("diplograph")
    except PackageNotFoundError:
        return "0.0.0"


def create_app(settings: Settings | None = None) -> FastAPI:
    """Return the API application bound to the database of ``settings``."""
    settings = settings or get_settings()
    app = FastAPI(title="Diplograph", version=_package_version(), description=DESCRIPTION)
    engine = make_engine(settings.database_url)
    app.state.settings = settings
    app.state.engine = engine
    app.state.session_factory = make_session_factory(engine)
    app.state.graph_cache = GraphCache()

    @app.middleware("http")
    async def log_request(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        start = time.perf_counter()
        response = await call_next(request)
        elapsed = (time.perf_counter() - start) * 1000
        logger.info(
            "%s %s %d %.1fms", request.method, request.url.path, response.status_code, elapsed
        )
        return response

    for module in (health, articles, events, actors, graph):
        app.include_router(module.router)
    return app
