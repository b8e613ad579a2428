"""Graph questions about one actor: who it met, its neighbourhood, its partners and adversaries.

Every graph route reads the cached graph snapshot, takes the shared event filters and
``level``, and answers with the ids of the events behind it (each at ``/events/{id}``).
"""

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response

from diplograph.app.convert import meeting_pairs_out
from diplograph.app.deps import SessionDep
from diplograph.app.graph_params import (
    DEFAULT_LIMIT,
    ActorQuery,
    EdgeFilterDep,
    ExactQuery,
    LevelQuery,
    LimitQuery,
    OffsetQuery,
    OptionalActorQuery,
    SnapshotDep,
    meetings,
    resolve_node,
    touches,
    view,
    view_key,
)
from diplograph.app.routes.responses import ACTOR_ERRORS, json_answer, json_body
from diplograph.app.schemas.graph import WhoMetWhom
from diplograph.app.schemas.graph_actor import BalanceOut, EgoOut, NeighbourOut
from diplograph.graph.balance import balance
from diplograph.graph.ego import ego
from diplograph.graph.queries import who_met_whom
from diplograph.graph.snapshot import Touched

router = APIRouter(prefix="/graph", tags=["graph"])

FILTERS = (
    " Filters shared by every graph route: `since` and `until` (inclusive; undated events "
    "then drop out), `codes` (CAMEO prefixes), `quad_class`, `min_confidence`, `modality` "
    "(asserted only by default; negated events never count); `level=country` collapses "
    "actors onto their countries. Actors are named by id, canonical name or alias (404 "
    "unknown, 409 ambiguous with the candidates); a state (country actor) stands for "
    "itself and every actor acting for it unless `exact=true`."
)


PAGED = (
    " Answers list at most `limit` items (default 100) from `offset` on, in the order "
    "described, and say how many there are in all in `total`."
)


@router.get(
    "/who-met-whom",
    response_model=WhoMetWhom,
    summary="Who met whom",
    description="Pairs of actors linked by consult-family events (CAMEO 04x: meet, visit, "
    "host, negotiate, mediate), with the number of events, the first and last date and the "
    "evidence sentence of every event; most events first. `actor` keeps the pairs around one "
    "actor, who is then `a` of every pair." + FILTERS + PAGED,
    responses=ACTOR_ERRORS,
)
def get_who_met_whom(
    session: SessionDep,
    graph: SnapshotDep,
    where: EdgeFilterDep,
    actor: OptionalActorQuery = None,
    level: LevelQuery = "actor",
    exact: ExactQuery = False,
    limit: LimitQuery = DEFAULT_LIMIT,
    offset: OffsetQuery = 0,
) -> Response:
    """Return one page of the meeting pairs with their evidence."""
    node = resolve_node(session, graph, actor, level, exact=exact) if actor is not None else None
    key = ("meetings", *view_key(level, node))

    def compute() -> tuple[bytes, Touched]:
        G = view(graph, level, node)
        index = meetings(graph, level, node) if node else None
        pairs = who_met_whom(G, actor=node.id if node else None, where=where, index=index)
        page = WhoMetWhom(
            level=level,
            actor=node.out if node else None,
            pairs=meeting_pairs_out(G, pairs[offset : offset + limit]),
            total=len(pairs),
            limit=limit,
            offset=offset,
        )
        watched = {node.id} if node else None
        return page.model_dump_json().encode(), touches(graph, level, watched, node)

    answer_key = ("who-met-whom", *key, node.id if node else None, where, limit, offset)
    return json_body(graph.answer(answer_key, compute, level))


@router.get(
    "/actors/{actor}/ego",
    response_model=EgoOut,
    summary="An actor's neighbourhood",
    description="The actors the actor has events with (`radius=1`), and theirs (`radius=2`), "
    "each with a summary of the events that tie it in: counts by quad class, outgoing and "
    "incoming, summed and mean Goldstein, first and last date and the event ids. At distance "
    "2 the summary covers the events with the distance-1 neighbours listed in `via`. Nearest "
    "first, then most events." + FILTERS + PAGED,
    responses=ACTOR_ERRORS,
)
def get_ego(
    session: SessionDep,
    graph: SnapshotDep,
    where: EdgeFilterDep,
    actor: Annotated[
        str,
        Path(description="Actor id, canonical name or alias (any case).", examples=["Putin"]),
    ],
    radius: Annotated[int, Query(ge=1, le=2, description="1 or 2 steps.")] = 1,
    level: LevelQuery = "actor",
    exact: ExactQuery = False,
    limit: LimitQuery = DEFAULT_LIMIT,
    offset: OffsetQuery = 0,
) -> Response:
    """Return the actor's neighbours with their tie summaries."""
    node = resolve_node(session, graph, actor, level, exact=exact)

    def compute() -> tuple[bytes, Touched]:
        neighbours = ego(view(graph, level, node), node.id, radius=radius, where=where)
        page = EgoOut(
            level=level,
            actor=node.out,
            radius=radius,
            neighbours=[
                NeighbourOut.model_validate(n) for n in neighbours[offset : offset + limit]
            ],
            total=len(neighbours),
            limit=limit,
            offset=offset,
        )
        # Two steps out, a new tie of a neighbour changes the answer too.
        watched = {node.id, *(n.node.id for n in neighbours if radius == 2 and n.distance == 1)}
        return page.model_dump_json().encode(), touches(graph, level, watched, node)

    key = ("ego", *view_key(level, node), node.id, radius, where, limit, offset)
    return json_body(graph.answer(key, compute, level))


@router.get(
    "/balance",
    response_model=BalanceOut,
    summary="Cooperation against conflict",
    description="Per counterpart of the actor: summed and mean Goldstein score and counts of "
    "the four quad classes over their events (both directions); counterparts with a positive "
    "sum are its `partners` (most cooperative first), with a negative sum its `adversaries` "
    "(most hostile first)." + FILTERS + " The three lists are each paged by `limit` (default "
    "100) and `offset`, in the orders described; `counterparts_total`, `partners_total` and "
    "`adversaries_total` say how many each has in all (`total` is the actor's summary over "
    "all its counted events).",
    responses=ACTOR_ERRORS,
)
def get_balance(
    session: SessionDep,
    graph: SnapshotDep,
    where: EdgeFilterDep,
    actor: ActorQuery,
    level: LevelQuery = "actor",
    exact: ExactQuery = False,
    limit: LimitQuery = DEFAULT_LIMIT,
    offset: OffsetQuery = 0,
) -> Response:
    """Return one page of the actor's counterparts with their Goldstein balance."""
    node = resolve_node(session, graph, actor, level, exact=exact)
    result = balance(view(graph, level, node), node.id, where=where)
    page = slice(offset, offset + limit)
    return json_answer(
        BalanceOut.model_validate(
            {
                "level": level,
                "actor": node.out,
                "total": result.total,
                "counterparts": result.counterparts[page],
                "partners": result.partners[page],
                "adversaries": result.adversaries[page],
                "counterparts_total": len(result.counterparts),
                "partners_total": len(result.partners),
                "adversaries_total": len(result.adversaries),
                "limit": limit,
                "offset": offset,
            }
        )
    )
