"""Events: filtered lists and the evidence view of one event."""

from datetime import date
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from app.actor_param import resolve_actor
from app.convert import event_evidence, event_out
from app.deps import SessionDep
from app.schemas import EventEvidence, EventPage
from core.repositories import events

router = APIRouter(prefix="/events", tags=["events"])


@router.get(
    "",
    response_model=EventPage,
    summary="List events",
    description="Events filtered by actor (id, name or alias), CAMEO code prefix and "
    "date range, ordered by date, with the total count for pagination.",
    responses={404: {"description": "Unknown actor"}, 409: {"description": "Ambiguous actor name"}},
)
def list_events(
    session: SessionDep,
    actor: Annotated[str | None, Query(description="Actor id, name or alias")] = None,
    code: Annotated[str | None, Query(pattern=r"^\d{1,4}$", description="CAMEO prefix")] = None,
    since: date | None = None,
    until: date | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> EventPage:
    """Return one page of matching events."""
    actor_id = resolve_actor(session, actor).id if actor else None
    f = events.EventFilter(actor_id=actor_id, code_prefix=code, since=since, until=until)
    rows, total = events.list_page(session, f, limit=limit, offset=offset)
    return EventPage(total=total, limit=limit, offset=offset, items=[event_out(r) for r in rows])


@router.get(
    "/{event_id}",
    response_model=EventEvidence,
    summary="One event with its evidence",
    description="The event, its sentence, and the article it was reported in.",
    responses={404: {"description": "No such event"}},
)
def get_event(event_id: int, session: SessionDep) -> EventEvidence:
    """Return one event with its article."""
    row = events.get(session, event_id)
    if row is None:
        raise HTTPException(status_code=404, detail=f"no event with id {event_id}")
    return event_evidence(row)
