"""Actors: search by name or alias, and one actor in full."""

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, status

from diplograph.app.convert import actor_detail
from diplograph.app.deps import SessionDep
from diplograph.app.routes.responses import MAX_ID, not_found
from diplograph.app.schemas.actors import ActorDetail, ActorPage, ClaimOut
from diplograph.core.repositories import actors

router = APIRouter(prefix="/actors", tags=["actors"])


@router.get(
    "",
    response_model=ActorPage,
    summary="Search actors",
    description="Actors whose canonical name or an alias starts with `q` (case-insensitive; "
    "all actors without `q`), sorted by name, with aliases, event counts and the total.",
)
def search_actors(
    session: SessionDep,
    q: Annotated[str | None, Query(description="Name or alias prefix.")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_ID)] = 0,
) -> ActorPage:
    """Return one page of matching actors and the total."""
    rows, total = actors.search(session, q, limit=limit, offset=offset)
    counts = actors.event_counts_many(session, [r.id for r in rows])
    return ActorPage(
        total=total,
        limit=limit,
        offset=offset,
        items=[actor_detail(r, counts[r.id]) for r in rows],
    )


@router.get(
    "/{actor_id}",
    response_model=ActorDetail,
    summary="One actor",
    description="The actor with its aliases, how many events it is the source and the "
    "target of, and the claims articles made about it that conflict with the store (another "
    "country, a name another actor owns): kept for review, never applied to the lookup.",
    responses=not_found("actor"),
)
def get_actor(actor_id: Annotated[int, Path(ge=0, le=MAX_ID)], session: SessionDep) -> ActorDetail:
    """Return one actor with its aliases and event counts."""
    row = actors.get(session, actor_id)
    if row is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"no actor with id {actor_id}")
    detail = actor_detail(row, actors.event_counts(session, row.id))
    detail.claims = [
        ClaimOut(kind=c.kind, value=c.value, article_id=c.article_id, status=c.status)
        for c in actors.claims(session, row.id)
    ]
    return detail
