"""Articles: ingest one, list them, read one with its sentences and events."""

from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, HTTPException, Path, Query, Response, status

from diplograph.app.access import WriteAccess
from diplograph.app.convert import article_detail, article_summary, event_out
from diplograph.app.deps import (
    ArticleWriterDep,
    ExtractionPoolDep,
    GraphCacheDep,
    ReextractorDep,
    SessionDep,
    SettingsDep,
)
from diplograph.app.routes.responses import ACCESS_ERRORS, MAX_ID, WRITE_ERRORS, not_found
from diplograph.app.schemas.articles import (
    ArticleDeleted,
    ArticleDetail,
    ArticleIn,
    ArticlePage,
    IngestResult,
    ReextractResultOut,
)
from diplograph.app.schemas.service import ErrorOut
from diplograph.core.repositories import articles, events
from diplograph.ingest.budget import ExtractionTimeout
from diplograph.ingest.types import ArticleInput

router = APIRouter(prefix="/articles", tags=["articles"])
ArticleId = Annotated[int, Path(ge=0, le=MAX_ID)]


@router.post(
    "",
    response_model=IngestResult,
    status_code=status.HTTP_201_CREATED,
    summary="Ingest an article",
    description="Extracts the events of the article and stores the article, its sentences, "
    "actors and events (201). Posting a text that is already stored (surrounding whitespace "
    "ignored), even by a request running at the same time, changes nothing and answers 200 "
    "with the stored article's id and events. "
    "An empty text is refused with 422, a text longer than `DIPLOGRAPH_MAX_ARTICLE_CHARS` "
    "(or one whose extraction outlasts `DIPLOGRAPH_EXTRACT_SECONDS`) with 413. Articles are "
    "extracted, and stored, by a bounded pool of worker processes; when its queue is full the "
    "answer is 503 with `Retry-After`. The graph routes count the new events from the next "
    "request on.",
    responses={
        200: {"model": IngestResult, "description": "The text was already stored."},
        **WRITE_ERRORS,
    },
    dependencies=[WriteAccess],
)
async def post_article(
    body: ArticleIn,
    write: ArticleWriterDep,
    pool: ExtractionPoolDep,
    settings: SettingsDep,
    response: Response,
) -> IngestResult:
    """Return the stored article's id, whether it was new, and its events."""
    if len(body.text) > settings.max_article_chars:
        raise HTTPException(
            status.HTTP_413_CONTENT_TOO_LARGE,
            detail=f"the article text is {len(body.text)} characters long; "
            f"at most {settings.max_article_chars} are accepted",
        )
    article = ArticleInput(
        id="api", text=body.text, published=body.published, title=body.title, url=body.url
    )
    try:
        stored = await pool.run(lambda: write(article))
    except ExtractionTimeout:
        raise HTTPException(
            status.HTTP_413_CONTENT_TOO_LARGE,
            detail=f"the article could not be extracted within {settings.extract_seconds:g} s; "
            "send it in shorter parts",
        ) from None
    if not stored.created:
        response.status_code = status.HTTP_200_OK
    response.headers["Location"] = f"/articles/{stored.article_id}"
    return stored


@router.get(
    "",
    response_model=ArticlePage,
    summary="List articles",
    description="Articles newest first (by publication date), without their text, with their "
    "number of events and the total for pagination.",
)
def list_articles(
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_ID)] = 0,
) -> ArticlePage:
    """Return one page of articles and the total."""
    rows, total = articles.list_page(session, limit=limit, offset=offset)
    counts = articles.event_counts(session, [r.id for r in rows])
    return ArticlePage(
        total=total,
        limit=limit,
        offset=offset,
        items=[article_summary(r, counts.get(r.id, 0)) for r in rows],
    )


@router.get(
    "/{article_id}",
    response_model=ArticleDetail,
    summary="One article",
    description="The article text with its sentences (character offsets into the text) and "
    "its events.",
    responses=not_found("article"),
)
def get_article(article_id: ArticleId, session: SessionDep) -> ArticleDetail:
    """Return the article with its sentences and events."""
    row = articles.get(session, article_id)
    if row is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"no article with id {article_id}")
    rows = events.all_matching(session, events.EventFilter(article_id=article_id))
    return article_detail(row, rows)


@router.delete(
    "/{article_id}",
    response_model=ArticleDeleted,
    summary="Delete an article (write)",
    description="Removes the article with its sentences and events; the graph routes stop "
    "counting them from the next request. Actors stay, even those left without events. "
    "An unknown id answers 404.",
    responses={**not_found("article"), **ACCESS_ERRORS},
    dependencies=[WriteAccess],
)
def delete_article(
    article_id: ArticleId, session: SessionDep, cache: GraphCacheDep, after: BackgroundTasks
) -> ArticleDeleted:
    """Return how many events went with the deleted article."""
    removed = articles.delete(session, article_id)
    if removed is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"no article with id {article_id}")
    cache.invalidate()
    after.add_task(cache.invalidate)  # again once committed, for a request that came between
    return ArticleDeleted(article_id=article_id, deleted=True, events_removed=removed)


@router.post(
    "/{article_id}/reextract",
    response_model=ReextractResultOut,
    summary="Re-extract an article (write)",
    description="Runs the current extractor over the stored article and replaces its "
    "sentences and events in one transaction (all or nothing); each new event records the "
    "extractor version. An unknown id answers 404; an article imported from an event file "
    "(GDELT, ICEWS) has no text to extract from and answers 409.",
    responses={
        **not_found("article"),
        409: {"model": ErrorOut, "description": "The article was imported from an event file."},
        **ACCESS_ERRORS,
    },
    dependencies=[WriteAccess],
)
def reextract_article(
    article_id: ArticleId,
    session: SessionDep,
    reextract: ReextractorDep,
    cache: GraphCacheDep,
    after: BackgroundTasks,
) -> ReextractResultOut:
    """Return the article's new events and how many it had before."""
    from diplograph.ingest.service import ImportedArticleError

    try:
        result = reextract(session, article_id)
    except ImportedArticleError as exc:
        raise HTTPException(status.HTTP_409_CONFLICT, detail=str(exc)) from None
    if result is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"no article with id {article_id}")
    cache.invalidate()
    after.add_task(cache.invalidate)
    rows = events.all_matching(session, events.EventFilter(article_id=article_id))
    return ReextractResultOut(
        article_id=article_id,
        extractor_version=result.version,
        events_removed=result.events_removed,
        events=[event_out(r) for r in rows],
    )
