"""Articles: ingest one, list them, read one with its sentences and events."""

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Response, status

from app.convert import event_out
from app.deps import SessionDep
from app.schemas import (
    ArticleDetail,
    ArticleIn,
    ArticlePage,
    ArticleSummary,
    IngestResult,
    SentenceOut,
)
from core.repositories import articles, events
from ingest.service import ingest_one
from ingest.types import ArticleInput

router = APIRouter(prefix="/articles", tags=["articles"])


@router.post(
    "",
    response_model=IngestResult,
    status_code=status.HTTP_201_CREATED,
    summary="Ingest an article",
    description="Extracts the events of the article and stores them. Posting a text that is "
    "already stored changes nothing and answers 200 with the stored article's id.",
)
def post_article(body: ArticleIn, session: SessionDep, response: Response) -> IngestResult:
    """Return the stored article id, whether it was new, and its events."""
    result = ingest_one(
        session,
        ArticleInput(
            id="api", text=body.text, published=body.published, title=body.title, url=body.url
        ),
    )
    if not result.created:
        response.status_code = status.HTTP_200_OK
    rows = events.all_matching(session, events.EventFilter(article_id=result.article_id))
    return IngestResult(
        article_id=result.article_id, created=result.created, events=[event_out(r) for r in rows]
    )


@router.get(
    "",
    response_model=ArticlePage,
    summary="List articles",
    description="Articles newest first, with their event counts.",
)
def list_articles(
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> ArticlePage:
    """Return one page of articles."""
    rows, total = articles.list_page(session, limit=limit, offset=offset)
    counts = articles.event_counts(session, [r.id for r in rows])
    items = [
        ArticleSummary(
            id=r.id,
            title=r.title,
            url=r.url,
            published=r.published,
            ingested_at=r.ingested_at,
            events=counts.get(r.id, 0),
        )
        for r in rows
    ]
    return ArticlePage(total=total, limit=limit, offset=offset, items=items)


@router.get(
    "/{article_id}",
    response_model=ArticleDetail,
    summary="One article",
    description="The article text with its sentences (character offsets) and events.",
    responses={404: {"description": "No such article"}},
)
def get_article(article_id: int, session: SessionDep) -> ArticleDetail:
    """Return the article with its sentences and events."""
    row = articles.get(session, article_id)
    if row is None:
        raise HTTPException(status_code=404, detail=f"no article with id {article_id}")
    evs = events.all_matching(session, events.EventFilter(article_id=article_id))
    return ArticleDetail(
        id=row.id,
        title=row.title,
        url=row.url,
        published=row.published,
        ingested_at=row.ingested_at,
        text=row.text,
        sentences=[
            SentenceOut(
                index=s.index,
                paragraph=s.paragraph,
                text=s.text,
                start=s.start_char,
                end=s.end_char,
            )
            for s in row.sentences
        ],
        events=[event_out(e) for e in evs],
    )
