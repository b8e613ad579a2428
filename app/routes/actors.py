"""Actors: search by name or alias, and one actor in full."""

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from app.deps import SessionDep
from app.schemas import ActorDetail, ActorPage
from core.models import ActorRow
from core.repositories import actors

router = APIRouter(prefix="/actors", tags=["actors"])


def _detail(session: SessionDep, row: ActorRow) -> ActorDetail:
    as_source, as_target = actors.event_counts(session, row.id)
    return ActorDetail(
        id=row.id,
        name=row.canonical_name,
        type=row.type,
        country=row.country,
        role=row.role,
        aliases=sorted(a.alias for a in row.aliases),
        events_as_source=as_source,
        events_as_target=as_target,
    )


@router.get(
    "",
    response_model=ActorPage,
    summary="Search actors",
    description="Actors whose name or an alias starts with `q` (case-insensitive).",
)
def search_actors(
    session: SessionDep,
    q: str | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> ActorPage:
    """Return one page of matching actors."""
    rows, total = actors.search(session, q, limit=limit, offset=offset)
    return ActorPage(
        total=total, limit=limit, offset=offset, items=[_detail(session, r) for r in rows]
    )


@router.get(
    "/{actor_id}",
    response_model=ActorDetail,
    summary="One actor",
    description="The actor with its aliases and event counts.",
    responses={404: {"description": "No such actor"}},
)
def get_actor(actor_id: int, session: SessionDep) -> ActorDetail:
    """Return one actor."""
    row = actors.get(session, actor_id)
    if row is None:
        raise HTTPException(status_code=404, detail=f"no actor with id {actor_id}")
    return _detail(session, row)
