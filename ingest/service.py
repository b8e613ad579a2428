"""Ingest use cases: extract articles and store them, one transaction per article; re-extract
stored articles with the current extractor."""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial

from sqlalchemy.orm import Session, sessionmaker

from diplograph.core.db import transaction, write_transaction
from diplograph.core.repositories import articles, runs
from diplograph.ingest import version as ingest_version
from diplograph.ingest.actor_cache import ActorCache
from diplograph.ingest.persist import PersistResult, persist, replace_extraction
from diplograph.ingest.pipeline import extract_many, extract_one
from diplograph.ingest.types import ArticleInput, RunSummary


class ImportedArticleError(ValueError):
    """The article was imported from an event file: it has no text to extract from."""


@dataclass(frozen=True)
class ReextractResult:
    """What re-extracting one stored article did."""

    article_id: int
    events_removed: int
    event_ids: tuple[int, ...]
    version: str


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
    An article's transaction that meets a lock held by another writer is retried
    (``core.db.write_transaction``).
    """
    with transaction(factory) as session:
        run_id = runs.start(session, extractor_version=ingest_version.extractor_version()).id
    added = unchanged = n_events = 0
    actors = ActorCache()
    for extracted in extract_many(items):
        result = write_transaction(factory, partial(persist, extracted=extracted, actors=actors))
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


def stored_input(session: Session, article_id: int) -> ArticleInput | None:
    """Return a stored article as extractor input (its id as text), or None when absent."""
    row = articles.get(session, article_id)
    if row is None:
        return None
    return ArticleInput(
        id=str(row.id), text=row.text, published=row.published, title=row.title, url=row.url
    )


def reextract_one(session: Session, article_id: int) -> ReextractResult | None:
    """Re-extract one stored article in the caller's transaction, replacing its sentences and
    events; return what changed, or None when there is no such article.

    Raises :class:`ImportedArticleError` for an article imported from an event file.
    """
    row = articles.get(session, article_id)
    if row is not None and row.origin != "extracted":
        raise ImportedArticleError(
            f"article {article_id} was imported from {row.origin}: it has no text to extract from"
        )
    article = stored_input(session, article_id)
    if article is None:
        return None
    removed, event_ids = replace_extraction(session, article_id, extract_one(article))
    return ReextractResult(article_id, removed, event_ids, ingest_version.extractor_version())


def reextract_many(
    factory: sessionmaker[Session],
    article_ids: Iterable[int],
    *,
    on_article: Callable[[ReextractResult], None] | None = None,
) -> list[ReextractResult]:
    """Re-extract the stored articles ``article_ids``, each in its own transaction; return what
    changed per article. An article deleted meanwhile is passed over.

    An interrupted run leaves every article either as it was or fully re-extracted, so
    running again over the articles not yet at the current version finishes the work.
    """

    def inputs() -> Iterator[ArticleInput]:
        for article_id in article_ids:
            with transaction(factory) as session:
                article = stored_input(session, article_id)
            if article is not None:
                yield article

    version = ingest_version.extractor_version()
    done: list[ReextractResult] = []
    for extracted in extract_many(inputs()):
        article_id = int(extracted.article.id)
        with transaction(factory) as session:
            if articles.get(session, article_id) is None:
                continue  # deleted since it was read
            removed, event_ids = replace_extraction(session, article_id, extracted)
        result = ReextractResult(article_id, removed, event_ids, version)
        done.append(result)
        if on_article is not None:
            on_article(result)
    return done
