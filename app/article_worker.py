"""What the extraction process runs for ``POST /articles``: it extracts the article and stores
it through an engine of its own on the server's database, and hands back the answer.

Storing there rather than in the server keeps the actor resolution and SQLAlchemy's unit
of work (tens of milliseconds of Python an article) off the server's interpreter lock,
which the graph requests being served need. The server learns of the new events as it
learns of any write: the graph cache reads the marker of highest ids on the next request.
"""

import atexit
import os
import threading
import time
from collections.abc import Callable

from sqlalchemy.orm import Session, sessionmaker

from diplograph.app.convert import event_out
from diplograph.app.schemas.articles import IngestResult
from diplograph.core.db import make_engine, make_session_factory, write_transaction
from diplograph.core.repositories import events
from diplograph.ingest.persist import PersistResult, persist
from diplograph.ingest.types import ArticleInput, ExtractedArticle

Extract = Callable[[ArticleInput, float | None], ExtractedArticle]
"""Extracts an article within a time budget (seconds; None: none). Run in the extraction
process, so it must be a module-level function (pickled by name)."""

_factories: dict[str, sessionmaker[Session]] = {}
"""The write session factory of each database this process stored articles in."""


def exit_with(parent: int, every: float = 1.0) -> None:
    """Make this extraction process end when process ``parent`` (the server) has ended;
    returns at once (a daemon thread watches). The pool's initializer.

    A server stopped without shutting its pool down (killed, or a shutdown racing the
    interpreter's exit) otherwise leaves its extraction processes running, each holding
    the spaCy model and a database connection.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-server", daemon=True).start()


def extract_within(article: ArticleInput, seconds: float | None) -> ExtractedArticle:
    """Return the extraction of ``article`` within a time budget of ``seconds`` (run in the
    extraction process, where the request's budget does not reach; its
    ``ExtractionTimeout`` comes back to the request)."""
    # Imported here so nothing of the pipeline loads before the first POST.
    from diplograph.ingest.budget import time_budget
    from diplograph.ingest.pipeline import extract_one

    with time_budget(seconds):
        return extract_one(article)


def ingest_result(session: Session, result: PersistResult) -> IngestResult:
    """Return the answer to a post that stored (or found) ``result``'s article: its id,
    whether it is new, and its events as read in ``session``."""
    rows = events.all_matching(session, events.EventFilter(article_id=result.article_id))
    return IngestResult(
        article_id=result.article_id,
        created=result.created,
        events=[event_out(r) for r in rows],
    )


def write_factory(database_url: str) -> sessionmaker[Session]:
    """Return this process's factory of write sessions on ``database_url`` (made once: one
    pooled connection, transactions taking SQLite's write lock first, as the server's)."""
    factory = _factories.get(database_url)
    if factory is None:
        engine = make_engine(database_url, pool_size=1, write=True)
        # Closed when the process ends (the pool shut down): SQLite checkpoints and removes
        # its WAL journal only when the last connection closes.
        atexit.register(engine.dispose)
        factory = make_session_factory(engine)
        _factories[database_url] = factory
    return factory


def extract_and_store(
    article: ArticleInput,
    seconds: float | None,
    database_url: str,
    extract: Extract = extract_within,
) -> IngestResult:
    """Extract ``article`` (within ``seconds``) and store it in the database at
    ``database_url`` in one committed transaction (retried on a lock, like the server's
    writes); return the answer to the post.

    A text already stored (even by a writer in another process at the same time) comes
    back as not created, as :func:`ingest.persist.persist` finds it.
    """
    extracted = extract(article, seconds)

    def store(session: Session) -> IngestResult:
        return ingest_result(session, persist(session, extracted))

    return write_transaction(write_factory(database_url), store)
