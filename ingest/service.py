"""Ingest use cases: extract articles and store them, one transaction per article."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from diplograph.core.db import transaction
from diplograph.core.repositories import runs
from diplograph.ingest.persist import PersistResult, persist
from diplograph.ingest.pipeline import EXTRACTOR_VERSION, extract_many, extract_one
from diplograph.ingest.types import ArticleInput


@dataclass(frozen=True)
class RunSummary:
    """Counts of one ingest run."""

    run_id: int
    articles_added: int
    articles_unchanged: int
    events_added: int


def ingest_one(session: Session, article: ArticleInput) -> PersistResult:
    """Extract ``article`` and store it in the caller's transaction; return what was stored."""
    return persist(session, extract_one(article))


def ingest_many(
    factory: sessionmaker[Session],
    items: Iterable[ArticleInput],
    *,
    on_article: Callable[[ArticleInput, PersistResult], None] | None = None,
) -> RunSummary:
    """Extract and store ``items``, each article in its own transaction; return the counts.

    The run itself is recorded in ``ingest_runs`` so caches can tell that data changed.
    """
    with transaction(factory) as session:
        run_id = runs.start(session, extractor_version=EXTRACTOR_VERSION).id
    added = unchanged = n_events = 0
    for extracted in extract_many(items):
        with transaction(factory) as session:
            result = persist(session, extracted)
        if result.created:
            added += 1
            n_events += result.new_events
        else:
            unchanged += 1
        if on_article is not None:
            on_article(extracted.article, result)
    with transaction(factory) as session:
        runs.finish(
            session,
            run_id,
            articles_added=added,
            articles_skipped=unchanged,
            events_added=n_events,
        )
    return RunSummary(
        run_id=run_id, articles_added=added, articles_unchanged=unchanged, events_added=n_events
    )
