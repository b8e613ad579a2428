"""Events: filtered lists and the evidence view of one event."""

from datetime import date
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, status

from diplograph.app.convert import event_evidence, event_out
from diplograph.app.deps import ActorFilterDep, SessionDep
from diplograph.app.routes.responses import ACTOR_ERRORS, not_found
from diplograph.app.schemas.events import EventEvidence, EventPage
from diplograph.core.repositories import events

router = APIRouter(prefix="/events", tags=["events"])


@router.get(
    "",
    response_model=EventPage,
    summary="List events",
    description="Events filtered by actor (id, canonical name or alias, as source or target), "
    "CAMEO code prefix (`04` = consult, `111` = criticize) and date range (inclusive), "
    "ordered by date then id, with the total for pagination. Events without a date are "
    "left out when `since` or `until` is given.",
    responses=ACTOR_ERRORS,
)
def list_events(
    session: SessionDep,
    actor: ActorFilterDep,
    code: Annotated[
        str | None, Query(pattern=r"^\d{1,4}$", description="CAMEO code prefix.")
    ] = None,
    since: Annotated[date | None, Query(description="First day (YYYY-MM-DD).")] = None,
    until: Annotated[date | None, Query(description="Last day (YYYY-MM-DD).")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> EventPage:
    """Return one page of matching events and the total."""
    f = events.EventFilter(
        actor_id=actor.id if actor else None, code_prefix=code, since=since, until=until
    )
    rows, total = events.list_page(session, f, limit=limit, offset=offset)
    return EventPage(total=total, limit=limit, offset=offset, items=[event_out(r) for r in rows])


@router.get(
    "/{event_id}",
    response_model=EventEvidence,
    summary="One event with its evidence",
    description="The event, the sentence it was found in, its source and target actors, and "
    "the article (id, title, URL, publication date) that reported it.",
    responses=not_found("event"),
)
def get_event(event_id: int, session: SessionDep) -> EventEvidence:
    """Return one event with its sentence and article."""
    row = events.get(session, event_id)
    if row is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"no event with id {event_id}")
    return event_evidence(row)
