"""Graph questions about pairs: a dyad's timeline, the paths between two actors, new dyads."""

from typing import Annotated

from fastapi import APIRouter, Query, Response

from diplograph.app.deps import SessionDep
from diplograph.app.graph_params import (
    DEFAULT_LIMIT,
    ActorQuery,
    EdgeFilterDep,
    ExactQuery,
    LevelQuery,
    LimitQuery,
    OffsetQuery,
    SnapshotDep,
    WindowFilterDep,
    dyad_hint,
    resolve_node,
    view,
)
from diplograph.app.routes.graph import FILTERS, PAGED
from diplograph.app.routes.responses import ACTOR_ERRORS, json_answer
from diplograph.app.schemas.graph_pairs import DyadOut, NewDyadOut, NewDyadsOut, PathOut, PathsOut
from diplograph.graph.dyad import Interval, dyad_timeline
from diplograph.graph.new_dyads import new_dyads
from diplograph.graph.paths import shortest_paths

router = APIRouter(prefix="/graph", tags=["graph"])


@router.get(
    "/dyad",
    response_model=DyadOut,
    summary="The timeline between two actors",
    description="Every event between `a` and `b` (both directions): a summary taken from `a`, "
    "the events per `interval` (day, week from Monday, month, year) with counts by quad class "
    "and summed and mean Goldstein, and the list of events with their sentences, by date "
    "(the summary and buckets cover every event; `limit` and `offset` page the list)."
    + FILTERS
    + PAGED,
    responses=ACTOR_ERRORS,
)
def get_dyad(
    session: SessionDep,
    graph: SnapshotDep,
    where: EdgeFilterDep,
    a: ActorQuery,
    b: Annotated[
        str,
        Query(
            min_length=1,
            description="The other actor (id, name or alias; ISO alpha-3 at level=country).",
            examples=["Assad"],
        ),
    ],
    interval: Annotated[Interval, Query(description="Width of the timeline's buckets.")] = "month",
    level: LevelQuery = "actor",
    exact: ExactQuery = False,
    limit: LimitQuery = DEFAULT_LIMIT,
    offset: OffsetQuery = 0,
) -> Response:
    """Return the dyad's summary, buckets and events, and a hint when there are none."""
    node_a = resolve_node(session, graph, a, level, exact=exact)
    node_b = resolve_node(session, graph, b, level, exact=exact)
    G = view(graph, level, node_a, node_b)
    dyad = dyad_timeline(G, node_a.id, node_b.id, interval=interval, where=where)
    hint = None
    if not dyad.events and level == "actor":
        hint = dyad_hint(graph, node_a.out, node_b.out, where=where, exact=exact)
    return json_answer(
        DyadOut.model_validate(
            {
                "level": level,
                "a": node_a.out,
                "b": node_b.out,
                "interval": dyad.interval,
                "summary": dyad.summary,
                "buckets": dyad.buckets,
                "undated": dyad.undated,
                "events": dyad.events[offset : offset + limit],
                "total": len(dyad.events),
                "limit": limit,
                "offset": offset,
                "hint": hint,
            }
        )
    )


@router.get(
    "/path",
    response_model=PathsOut,
    summary="Shortest paths between two actors",
    description="The shortest chains of events (of any type) linking `from` to `to`, at most "
    "`max_len` hops; events link their actors whichever way they point, and each hop says "
    "which way its evidence event went and gives its sentence. Up to `limit` equally short "
    "paths, ordered by the names along them; none when `to` is further or unreachable." + FILTERS,
    responses=ACTOR_ERRORS,
)
def get_path(
    session: SessionDep,
    graph: SnapshotDep,
    where: EdgeFilterDep,
    source: Annotated[
        str,
        Query(
            alias="from",
            min_length=1,
            description="Where the path starts (id, name or alias; ISO alpha-3 at level=country).",
            examples=["Putin"],
        ),
    ],
    target: Annotated[
        str,
        Query(
            alias="to",
            min_length=1,
            description="Where the path ends (id, name or alias; ISO alpha-3 at level=country).",
            examples=["Erdogan"],
        ),
    ],
    max_len: Annotated[int, Query(ge=1, le=6, description="Most hops.")] = 4,
    limit: Annotated[int, Query(ge=1, le=100, description="Most paths.")] = 10,
    level: LevelQuery = "actor",
    exact: ExactQuery = False,
) -> Response:
    """Return the shortest paths with the evidence of every hop."""
    start = resolve_node(session, graph, source, level, exact=exact)
    end = resolve_node(session, graph, target, level, exact=exact)
    G = view(graph, level, start, end)
    paths = shortest_paths(G, start.id, end.id, max_len=max_len, limit=limit, where=where)
    return json_answer(
        PathsOut(
            level=level,
            source=start.out,
            target=end.out,
            max_len=max_len,
            paths=[PathOut.model_validate(p) for p in paths],
        )
    )


@router.get(
    "/new-dyads",
    response_model=NewDyadsOut,
    summary="Pairs interacting for the first time",
    description="Pairs of actors whose first dated event together (over their whole history, "
    "within the other filters) falls on or after `since`: the early-warning question. With "
    "`quad_class=3,4`, new conflicts. Each pair with its first event and a summary of its "
    "events since; by first date, then names. Undated events cannot date a first "
    "interaction and are left out." + FILTERS + PAGED,
)
def get_new_dyads(
    graph: SnapshotDep,
    where: WindowFilterDep,
    level: LevelQuery = "actor",
    limit: LimitQuery = DEFAULT_LIMIT,
    offset: OffsetQuery = 0,
) -> Response:
    """Return the pairs first seen on or after ``since``."""
    assert where.since is not None
    dyads = new_dyads(graph.level(level), since=where.since, where=where)
    return json_answer(
        NewDyadsOut(
            level=level,
            since=where.since,
            dyads=[NewDyadOut.model_validate(d) for d in dyads[offset : offset + limit]],
            total=len(dyads),
            limit=limit,
            offset=offset,
        )
    )
