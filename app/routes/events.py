"""Events: filtered lists and the evidence view of one event."""

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, status

from diplograph.app.convert import event_evidence, event_out
from diplograph.app.deps import ActorFilterDep, SessionDep, resolve_country
from diplograph.app.routes.responses import ACTOR_ERRORS, MAX_ID, not_found
from diplograph.app.schemas.days import Day
from diplograph.app.schemas.events import EventEvidence, EventPage
from diplograph.core.repositories import actors, events

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
    exact: Annotated[
        bool,
        Query(
            description="`false` (default): a state (country actor) stands for itself and "
            "every actor acting for it (government, ministries, military, diplomats, office "
            "holders). `true`: the actor alone."
        ),
    ] = False,
    country: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=100,
            description="Events with an actor of this state at either end: ISO alpha-3 code "
            "or country name.",
            examples=["IND"],
        ),
    ] = None,
    code: Annotated[
        str | None, Query(pattern=r"^\d{1,4}$", description="CAMEO code prefix.")
    ] = None,
    since: Annotated[Day | None, Query(description="First day (YYYY-MM-DD).")] = None,
    until: Annotated[Day | None, Query(description="Last day (YYYY-MM-DD).")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=MAX_ID)] = 0,
) -> EventPage:
    """Return one page of matching events, the total and the mentions behind it."""
    actor_ids = None
    if actor is not None:
        actor_ids = [actor.id]
        if not exact and actor.type == "country" and actor.country:
            actor_ids = sorted({actor.id, *actors.members(session, actor.country)})
    code3 = None if country is None else resolve_country(country)
    f = events.EventFilter(
        actor_ids=tuple(actor_ids) if actor_ids else None,
        code_prefix=code,
        since=since,
        until=until,
        country=code3,
    )
    rows, total = events.list_page(session, f, limit=limit, offset=offset)
    hint = None
    if total == 0 and actor is not None and actor.country and code3 is None:
        wider = events.EventFilter(
            code_prefix=code, since=since, until=until, country=actor.country
        )
        found = events.count(session, wider)
        if found:
            name, state = actor.canonical_name, actor.country
            hint = f"no events of {name}; {found} of its state: country={state}"
    return EventPage(
        total=total,
        limit=limit,
        offset=offset,
        items=[event_out(r) for r in rows],
        mentions=events.mention_total(session, f),
        actor_ids=actor_ids,
        hint=hint,
    )


@router.get(
    "/{event_id}",
    response_model=EventEvidence,
    summary="One event with its evidence",
    description="The event (one occurrence), the first sentence it was found in, its source "
    "and target actors, the article (id, title, URL, publication date) that first reported "
    "it, and every mention: each sentence, in every article, that tells it.",
    responses=not_found("event"),
)
def get_event(
    event_id: Annotated[int, Path(ge=0, le=MAX_ID)], session: SessionDep
) -> EventEvidence:
    """Return one event with its sentence and article."""
    row = events.get(session, event_id)
    if row is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"no event with id {event_id}")
    return event_evidence(row, events.mentions(session, [event_id])[event_id])
