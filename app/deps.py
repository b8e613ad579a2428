"""Request dependencies: settings, the session that owns the transaction, the graph cache,
the ingest function, and the actor a request names."""

from collections.abc import Callable, Iterator
from concurrent.futures import Executor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

from fastapi import Depends, HTTPException, Query, Request, status
from fastapi.exceptions import RequestValidationError
from sqlalchemy.orm import Session, sessionmaker

from diplograph.app.article_worker import (
    Extract,
    extract_and_store,
    extract_within,
    ingest_result,
)
from diplograph.app.convert import actor_out
from diplograph.app.errors import AmbiguousActorError
from diplograph.app.extraction import ExtractionPool
from diplograph.app.schemas.articles import IngestResult
from diplograph.core.db import in_memory, write_transaction
from diplograph.core.models import ActorRow
from diplograph.core.repositories import actors
from diplograph.core.settings import Settings
from diplograph.graph.cache import GraphCache
from diplograph.ingest.budget import time_budget
from diplograph.ingest.persist import PersistResult, persist
from diplograph.ingest.types import ArticleInput

if TYPE_CHECKING:
    from diplograph.ingest.service import ReextractResult

Ingester = Callable[[Session, ArticleInput], PersistResult]
"""Extracts an article and stores it in the given session (uncommitted)."""
ArticleWriter = Callable[[ArticleInput], IngestResult]
"""Ingests a posted article (extracted and committed) and returns the answer to the post."""
Reextractor = Callable[[Session, int], "ReextractResult | None"]


def get_app_settings(request: Request) -> Settings:
    """Return the settings the app was created with."""
    settings: Settings = request.app.state.settings
    return settings


def get_session(request: Request) -> Iterator[Session]:
    """Yield the request's session: committed when the route succeeds, rolled back on any error.

    This is the only place that commits. Used with ``scope="function"``, so the
    commit happens before the response is sent and a failed commit is a 500.
    """
    factory: sessionmaker[Session] = request.app.state.session_factory
    with factory() as session, session.begin():
        yield session


async def get_write_session_factory(request: Request) -> sessionmaker[Session]:
    """Return the factory of write sessions (each transaction takes the write lock first).

    Async, like the attribute reads below: it needs no worker thread.
    """
    factory: sessionmaker[Session] = request.app.state.write_session_factory
    return factory


async def get_extraction_pool(request: Request) -> ExtractionPool:
    """Return the app's bounded pool of extraction workers."""
    pool: ExtractionPool = request.app.state.extraction
    return pool


async def get_graph_cache(request: Request) -> GraphCache:
    """Return the app's graph cache (async: an attribute read needs no worker thread)."""
    cache: GraphCache = request.app.state.graph_cache
    return cache


@dataclass(frozen=True)
class ExtractingIngester:
    """The app's ingest function: extracts in the app's extraction process
    (``app.state.extractor``, started on the first POST, spaCy loaded there), where
    CPU-bound rule code does not hold the interpreter lock against the graph requests
    being served.

    With a ``database_url`` the post stores the article there too (:meth:`store`, see
    :mod:`app.article_worker`); called as an :data:`Ingester`, it stores the extraction in
    the caller's session (the server's: for an in-memory database, or when the settings
    say so).
    """

    extractor: Executor
    seconds: float | None
    database_url: str | None
    """The database the extraction process stores articles in; None: the server stores them."""
    extract: Extract = extract_within

    def __call__(self, session: Session, article: ArticleInput) -> PersistResult:
        """Return what storing the extraction of ``article`` in ``session`` did."""
        return persist(session, self.extractor.submit(self.extract, article, self.seconds).result())

    def store(self, article: ArticleInput) -> IngestResult:
        """Return the answer to the post of ``article``, extracted and stored (committed) by
        the extraction process."""
        assert self.database_url is not None
        work = self.extractor.submit(
            extract_and_store, article, self.seconds, self.database_url, self.extract
        )
        return work.result()


def stores_in_extractor(settings: Settings) -> bool:
    """Return whether posted articles are stored by the extraction process: unless the
    settings say otherwise or the database is in memory (another process cannot open it)."""
    return settings.store_in_extractor and not in_memory(settings.database_url)


async def get_ingester(request: Request) -> Ingester:
    """Return the function that extracts an article and stores it in the caller's transaction
    (an :class:`ExtractingIngester`, which can also store it in the extraction process).

    Async, like :func:`get_article_writer`: attribute reads need no worker thread.
    """
    settings: Settings = request.app.state.settings
    return ExtractingIngester(
        extractor=request.app.state.extractor,
        seconds=settings.extract_seconds,
        database_url=settings.database_url if stores_in_extractor(settings) else None,
        extract=request.app.state.extract,
    )


async def get_article_writer(
    request: Request,
    ingest: Annotated[Ingester, Depends(get_ingester)],
    factory: Annotated[sessionmaker[Session], Depends(get_write_session_factory)],
) -> ArticleWriter:
    """Return the function that ingests a posted article and returns the answer: in the
    extraction process when the ingester stores there, else extracted by ``ingest`` and
    stored in a write transaction of the server's, within the extraction time budget
    (what tests that put their own ingester in place of :func:`get_ingester` get)."""
    if isinstance(ingest, ExtractingIngester) and ingest.database_url is not None:
        return ingest.store
    seconds: float | None = request.app.state.settings.extract_seconds

    def write(article: ArticleInput) -> IngestResult:
        # A text another request stored meanwhile comes back as not created (ingest.persist).
        with time_budget(seconds):
            return write_transaction(
                factory, lambda session: ingest_result(session, ingest(session, article))
            )

    return write


def get_reextractor() -> Reextractor:
    """Return the function that re-extracts a stored article in the caller's transaction."""
    from diplograph.ingest.service import reextract_one

    return reextract_one


SettingsDep = Annotated[Settings, Depends(get_app_settings)]
SessionDep = Annotated[Session, Depends(get_session, scope="function")]
WriteFactoryDep = Annotated[sessionmaker[Session], Depends(get_write_session_factory)]
ExtractionPoolDep = Annotated[ExtractionPool, Depends(get_extraction_pool)]
GraphCacheDep = Annotated[GraphCache, Depends(get_graph_cache)]
IngesterDep = Annotated[Ingester, Depends(get_ingester)]
ArticleWriterDep = Annotated[ArticleWriter, Depends(get_article_writer)]
ReextractorDep = Annotated[Reextractor, Depends(get_reextractor)]


def resolve_actor(session: Session, ref: str) -> ActorRow:
    """Return the one actor ``ref`` names (an id, canonical name or alias, any case).

    Raises 404 when no actor matches and ``AmbiguousActorError`` (409) when several do.
    """
    found = actors.lookup(session, ref)
    if not found:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"unknown actor {ref!r}")
    if len(found) > 1:
        raise AmbiguousActorError(ref, [actor_out(row) for row in found])
    return found[0]


def get_actor_filter(
    session: SessionDep,
    actor: Annotated[
        str | None,
        Query(min_length=1, description="Actor id, canonical name or alias (any case)."),
    ] = None,
) -> ActorRow | None:
    """Return the actor the ``actor`` query parameter names, or None when it is absent."""
    return None if actor is None else resolve_actor(session, actor)


ActorFilterDep = Annotated[ActorRow | None, Depends(get_actor_filter)]


def resolve_country(ref: str) -> str:
    """Return the ISO alpha-3 code ``ref`` names (a code or a country name); 422 if none."""
    from diplograph.ingest.gazetteer import gazetteer

    gaz = gazetteer()
    code = ref.strip().upper()
    if code in gaz.by_iso3:
        return code
    found = gaz.country(ref)
    if found is None:
        # A validation error of the parameter: the 422 body the OpenAPI schema documents.
        raise RequestValidationError(
            [
                {
                    "type": "value_error",
                    "loc": ("query", "country"),
                    "msg": f"unknown country {ref[:100]!r}",
                    "input": ref[:100],
                }
            ]
        )
    return found.iso3
