"""Graph questions, answered with networkx on the cached event graph."""

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query

from app.convert import actor_out, meeting_pair_out
from app.deps import ActorFilterDep, GraphCacheDep, SessionDep
from app.routes.responses import ACTOR_ERRORS
from app.schemas.graph import WhoMetWhom
from graph.queries import who_met_whom

router = APIRouter(prefix="/graph", tags=["graph"])


@router.get(
    "/who-met-whom",
    response_model=WhoMetWhom,
    summary="Who met whom",
    description="Pairs of actors linked by consult-family events (CAMEO 04x: meet, visit, "
    "host, negotiate, mediate), with the number of events, the first and last date and the "
    "evidence sentence of every event; most events first. Only asserted, non-negated events "
    "count. `actor` (id, canonical name or alias) keeps the pairs around one actor, who is "
    "then `a` of every pair; `since` and `until` (inclusive) keep dated events in a range.",
    responses=ACTOR_ERRORS,
)
def get_who_met_whom(
    session: SessionDep,
    cache: GraphCacheDep,
    actor: ActorFilterDep,
    since: Annotated[date | None, Query(description="First day (YYYY-MM-DD).")] = None,
    until: Annotated[date | None, Query(description="Last day (YYYY-MM-DD).")] = None,
) -> WhoMetWhom:
    """Return the meeting pairs with their evidence."""
    G = cache.get(session)
    pairs = who_met_whom(G, actor=actor.id if actor else None, since=since, until=until)
    return WhoMetWhom(
        actor=actor_out(actor) if actor else None,
        pairs=[meeting_pair_out(G, p) for p in pairs],
    )
