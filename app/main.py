"""The FastAPI application factory."""

import multiprocessing
import os
from collections.abc import AsyncIterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import asynccontextmanager
from importlib.metadata import PackageNotFoundError, version

from anyio import to_thread
from fastapi import Depends, FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles

from diplograph.app.access import RateLimiter, document_keys, require_read_access
from diplograph.app.access_log import AccessLogMiddleware
from diplograph.app.article_worker import exit_with, extract_within
from diplograph.app.errors import install_error_handlers
from diplograph.app.extraction import ExtractionPool
from diplograph.app.graph_headers import GraphHeadersMiddleware
from diplograph.app.graph_params import warm_snapshot
from diplograph.app.limits import BodyLimitMiddleware, validation_error_response
from diplograph.app.routes import (
    actors,
    articles,
    docs,
    events,
    explorer,
    graph,
    graph_network,
    graph_pairs,
    health,
)
from diplograph.app.static_files import STATIC_DIR, STATIC_URL
from diplograph.core.db import make_engine, make_session_factory
from diplograph.core.settings import Settings, get_settings
from diplograph.graph.cache import GraphCache

DESCRIPTION = """
Diplomatic events extracted from news articles (who did what to whom, CAMEO-coded),
each kept with the sentence that says so, and graph questions over them.

Every answer links to its evidence: `GET /events/{id}` shows the sentence and the article.
Errors are JSON objects with a `detail` message.
"""

TAGS = [
    {"name": "service", "description": "Is the service up."},
    {"name": "articles", "description": "Ingest news articles and read them back."},
    {"name": "events", "description": "Coded events and their evidence."},
    {"name": "actors", "description": "People, states and organizations."},
    {"name": "graph", "description": "Questions answered on the actor graph."},
]


def package_version() -> str:
    """Return the installed version of the diplograph package ("0.0.0" if not installed)."""
    try:
        return version("diplograph")
    except PackageNotFoundError:
        return "0.0.0"


def create_app(settings: Settings | None = None) -> FastAPI:
    """Return the API application bound to the database of ``settings`` (default: environment).

    The engines, session factories, graph cache, access keys, write rate limiter,
    extraction pool and extraction processes live on ``app.state``; the graph's first
    build starts with the app (in the background); the extraction processes stop and
    the engines are disposed when the app shuts down. Requests are served by
    ``settings.worker_threads`` threads, each of which can hold a pooled connection at
    once, so none waits for one; writes go through their own engine whose transactions
    take SQLite's write lock first (``BEGIN IMMEDIATE``).
    """
    settings = settings or get_settings()
    engine = make_engine(settings.database_url, pool_size=settings.worker_threads)
    write_engine = make_engine(
        settings.database_url, pool_size=settings.extract_workers + 1, write=True
    )
    cache = GraphCache(warm=warm_snapshot)  # no request pays for an index after a build
    # The processes that extract posted articles and store them (spawned on the first POST;
    # see deps.get_ingester), as many as the extraction pool lets run at once.
    extractor = ProcessPoolExecutor(
        max_workers=max(1, settings.extract_workers),
        mp_context=multiprocessing.get_context("spawn"),
        initializer=exit_with,
        initargs=(os.getpid(),),
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        to_thread.current_default_thread_limiter().total_tokens = settings.worker_threads
        cache.start(engine)  # in the background: /health reports its progress
        yield
        extractor.shutdown(wait=False, cancel_futures=True)
        engine.dispose()
        write_engine.dispose()

    app = FastAPI(
        title="Diplograph",
        version=package_version(),
        description=DESCRIPTION,
        openapi_tags=TAGS,
        lifespan=lifespan,
        # Served by routes.docs with the files the package ships (no CDN).
        docs_url=None,
        redoc_url=None,
        dependencies=[Depends(require_read_access)],
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.session_factory = make_session_factory(engine)
    app.state.write_session_factory = make_session_factory(write_engine)
    app.state.graph_cache = cache
    app.state.extractor = extractor
    app.state.extract = extract_within  # what the extraction process runs on an article
    app.state.write_keys = settings.write_keys()
    app.state.read_keys = settings.reader_keys()
    app.state.write_limiter = RateLimiter(settings.write_rate, settings.write_burst)
    app.state.extraction = ExtractionPool(settings.extract_workers, settings.extract_queue)
    app.add_middleware(GraphHeadersMiddleware, cache=cache)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    app.add_middleware(AccessLogMiddleware)
    install_error_handlers(app)
    app.add_exception_handler(RequestValidationError, validation_error_response)
    document_keys(app, writes=bool(app.state.write_keys), reads=bool(app.state.read_keys))
    routers = (health, articles, events, actors, graph, graph_pairs, graph_network, docs, explorer)
    for module in routers:
        app.include_router(module.router)
    app.mount(STATIC_URL, StaticFiles(directory=STATIC_DIR), name="static")
    return app
