"""Graph questions computed with networkx on the cached event graph."""

from datetime import date
from typing import Any

from fastapi import APIRouter

from app.actor_param import resolve_actor
from app.convert import actor_out
from app.deps import GraphCacheDep, SessionDep
from app.schemas import ActorOut, Evidence, MeetingPairOut, WhoMetWhom
from graph.queries import who_met_whom

router = APIRouter(prefix="/graph", tags=["graph"])


def _node_actor(node_id: int, data: dict[str, Any]) -> ActorOut:
    return ActorOut(
        id=node_id, name=data["name"], type=data["type"], country=data["country"], role=data["role"]
    )


@router.get(
    "/who-met-whom",
    response_model=WhoMetWhom,
    summary="Who met whom",
    description="Pairs of actors linked by consult-family events (CAMEO 04x: meet, visit, host, "
    "negotiate, mediate), with the number of events, first and last date, and every evidence "
    "sentence. `actor` (id, name or alias) keeps the pairs around one actor. Only asserted, "
    "non-negated events count.",
    responses={404: {"description": "Unknown actor"}, 409: {"description": "Ambiguous actor"}},
)
def get_who_met_whom(
    session: SessionDep,
    cache: GraphCacheDep,
    actor: str | None = None,
    since: date | None = None,
    until: date | None = None,
) -> WhoMetWhom:
    """Return the meeting pairs with their evidence."""
    focus = resolve_actor(session, actor) if actor else None
    G = cache.get(session)
    pairs = who_met_whom(G, actor=focus.id if focus else None, since=since, until=until)
    out = []
    for p in pairs:
        evidence = []
        for key in p.event_ids:
            edge = _edge(G, p.a, p.b, key)
            evidence.append(
                Evidence(
                    event_id=key,
                    date=edge["date"],
                    trigger=edge["trigger"],
                    sentence=edge["sentence"],
                    article_id=edge["article_id"],
                )
            )
        out.append(
            MeetingPairOut(
                a=_node_actor(p.a, G.nodes[p.a]),
                b=_node_actor(p.b, G.nodes[p.b]),
                count=p.count,
                first_date=p.first_date,
                last_date=p.last_date,
                evidence=evidence,
            )
        )
    return WhoMetWhom(actor=actor_out(focus) if focus else None, pairs=out)


def _edge(G: Any, a: int, b: int, key: int) -> dict[str, Any]:
    if G.has_edge(a, b, key):
        data: dict[str, Any] = G.edges[a, b, key]
        return data
    data = G.edges[b, a, key]
    return data
