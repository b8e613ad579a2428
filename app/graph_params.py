"""What every graph route shares: the event filters, the level, the graph snapshot, and
turning an actor (or country) parameter into a node of the graph."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import Depends, HTTPException, Query, status
from sqlalchemy.orm import Session

from diplograph.app.convert import node_out
from diplograph.app.deps import GraphCacheDep, SessionDep, resolve_actor
from diplograph.app.schemas.days import Day
from diplograph.app.schemas.graph import NodeOut
from diplograph.graph.build import node_record
from diplograph.graph.cache import GraphSnapshot
from diplograph.graph.country import Level
from diplograph.graph.degree import DegreeCounts, add_degree_edges, count_degrees
from diplograph.graph.filters import (
    DEFAULT_FILTER,
    MODALITIES,
    EdgeFilter,
    edges_between,
)
from diplograph.graph.queries import extend_meeting_index, meeting_index
from diplograph.graph.records import ActorNode, Edge, EventGraph, NodeId
from diplograph.graph.snapshot import Touched
from diplograph.graph.states import add_state_edges, fold_edges, state_graph

MeetingIndex = dict[NodeId, list[Edge]]
"""A meeting index (:func:`graph.queries.meeting_index`)."""

_MODALITY = "(?:asserted|intended|requested|reported|hypothetical)"

LevelQuery = Annotated[
    Level,
    Query(
        description="`actor`: one node per actor. `country`: every actor collapsed onto its "
        "country (nodes are ISO alpha-3 codes; events of actors without a country drop out)."
    ),
]
SinceQuery = Annotated[
    Day | None,
    Query(
        description="First day (YYYY-MM-DD); undated events then drop out.", examples=["2017-01-01"]
    ),
]
UntilQuery = Annotated[
    Day | None,
    Query(
        description="Last day (YYYY-MM-DD); undated events then drop out.", examples=["2018-12-31"]
    ),
]
CodesQuery = Annotated[
    str | None,
    Query(
        pattern=r"^\d{1,4}(,\d{1,4})*$",
        description="CAMEO code prefixes, comma-separated (`04` consult, `111` criticize).",
        examples=["04,05"],
    ),
]
QuadClassQuery = Annotated[
    str | None,
    Query(
        pattern=r"^[1-4](,[1-4])*$",
        description="Quad classes, comma-separated: 1 verbal / 2 material cooperation, "
        "3 verbal / 4 material conflict.",
        examples=["3,4"],
    ),
]
MinConfidenceQuery = Annotated[
    float, Query(ge=0.0, le=1.0, description="Lowest extraction confidence that counts.")
]
ModalityQuery = Annotated[
    str,
    Query(
        pattern=rf"^(all|{_MODALITY}(,{_MODALITY})*)$",
        description="Modalities that count, comma-separated, or `all`: asserted, intended, "
        "requested, reported, hypothetical. Negated events never count.",
        examples=["asserted,reported"],
    ),
]
DEFAULT_LIMIT = 100
"""Items a graph answer lists unless ``limit`` says otherwise."""
MAX_LIMIT = 10_000
LimitQuery = Annotated[
    int,
    Query(
        ge=1,
        le=MAX_LIMIT,
        description=f"Most items in the answer (default {DEFAULT_LIMIT}, at most {MAX_LIMIT}); "
        "`total` says how many there are.",
    ),
]
OffsetQuery = Annotated[
    int,
    Query(
        ge=0, description="Items skipped first, in the answer's order (next page: offset + limit)."
    ),
]
_ACTOR_DOC = (
    "Actor id, canonical name or alias (any case); at level=country also an ISO alpha-3 code."
)
ActorQuery = Annotated[str, Query(min_length=1, description=_ACTOR_DOC, examples=["Putin"])]
OptionalActorQuery = Annotated[
    str | None, Query(min_length=1, description=_ACTOR_DOC, examples=["Putin"])
]


def edge_filter(
    *,
    since: date | None,
    until: date | None,
    codes: str | None,
    quad_class: str | None,
    min_confidence: float,
    modality: str,
) -> EdgeFilter:
    """Return the filter the graph query parameters describe."""
    return EdgeFilter(
        since=since,
        until=until,
        codes=tuple(sorted(set(codes.split(",")))) if codes else (),
        quad_classes=frozenset(int(q) for q in quad_class.split(","))
        if quad_class
        else frozenset(),
        min_confidence=min_confidence,
        modalities=MODALITIES if modality == "all" else frozenset(modality.split(",")),
    )


async def get_edge_filter(
    since: SinceQuery = None,
    until: UntilQuery = None,
    codes: CodesQuery = None,
    quad_class: QuadClassQuery = None,
    min_confidence: MinConfidenceQuery = 0.0,
    modality: ModalityQuery = "asserted",
) -> EdgeFilter:
    """Return the event filter of a graph request.

    Async only so that FastAPI calls it inline: it parses parameters and never
    blocks, and a worker-thread hop per dependency is a noticeable share of a
    graph answer's latency.
    """
    return edge_filter(
        since=since,
        until=until,
        codes=codes,
        quad_class=quad_class,
        min_confidence=min_confidence,
        modality=modality,
    )


async def get_window_filter(
    since: Annotated[
        Day,
        Query(
            description="Pairs whose first event is on or after this day.", examples=["2017-12-01"]
        ),
    ],
    until: UntilQuery = None,
    codes: CodesQuery = None,
    quad_class: QuadClassQuery = None,
    min_confidence: MinConfidenceQuery = 0.0,
    modality: ModalityQuery = "asserted",
) -> EdgeFilter:
    """Return the event filter of a request whose ``since`` is required (async: see above)."""
    return edge_filter(
        since=since,
        until=until,
        codes=codes,
        quad_class=quad_class,
        min_confidence=min_confidence,
        modality=modality,
    )


def get_snapshot(session: SessionDep, cache: GraphCacheDep) -> GraphSnapshot:
    """Return the graph snapshot of the events the request's session sees.

    A plain ``def``: FastAPI runs it in a worker thread, because even the cheap
    currency check queries the database (and may wait for a connection or a
    lock), and a rebuild takes seconds on a big store; the event loop never waits.
    """
    return cache.snapshot(session)


EdgeFilterDep = Annotated[EdgeFilter, Depends(get_edge_filter)]
WindowFilterDep = Annotated[EdgeFilter, Depends(get_window_filter)]
SnapshotDep = Annotated[GraphSnapshot, Depends(get_snapshot)]


ExactQuery = Annotated[
    bool,
    Query(
        description="`false` (default): a state (a country actor) stands for itself and every "
        "actor acting for it (its government, ministries, military, diplomats and office "
        "holders). `true`: the node alone."
    ),
]


@dataclass(frozen=True)
class NodeRef:
    """The graph node a request parameter names, and how the answer shows it.

    ``state`` is the ISO alpha-3 code whose members fold onto the node (a country
    actor asked for without ``exact``), else None.
    """

    id: NodeId
    out: NodeOut
    state: str | None = None
    node: ActorNode | None = None


def resolve_node(
    session: Session, snapshot: GraphSnapshot, ref: str, level: Level, *, exact: bool = True
) -> NodeRef:
    """Return the node ``ref`` names at ``level``.

    At level ``actor`` it is the actor ``ref`` names (id, canonical name or
    alias; 404 unknown, 409 ambiguous); a country actor stands for its members
    too unless ``exact``. At level ``country`` it is the country whose ISO
    alpha-3 code ``ref`` is, else the country of the actor ``ref`` names (404
    when that actor has none).
    """
    if level == "actor":
        row = resolve_actor(session, ref)
        if not exact and row.type == "country" and row.country:
            node = ActorNode(row.id, row.canonical_name, row.type, row.country, row.role)
            return NodeRef(row.id, node_out(row), row.country, node)
        return NodeRef(row.id, node_out(row))
    countries = snapshot.level("country")
    code = ref.strip().upper()
    if code in countries:
        return NodeRef(code, NodeOut.model_validate(node_record(countries, code)))
    row = resolve_actor(session, ref)
    if row.country is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"actor {ref!r} has no country")
    if row.country in countries:
        return NodeRef(row.country, NodeOut.model_validate(node_record(countries, row.country)))
    out = NodeOut(id=row.country, name=row.country, type="country", country=row.country, role=None)
    return NodeRef(row.country, out)


def states_of(*nodes: NodeRef | None) -> dict[str, ActorNode]:
    """Return the states among ``nodes`` (ISO alpha-3 code -> the node standing for it)."""
    return {n.state: n.node for n in nodes if n is not None and n.state and n.node}


def view(snapshot: GraphSnapshot, level: Level, *nodes: NodeRef | None) -> EventGraph:
    """Return the graph a question about ``nodes`` reads: the level's graph, with the members
    of every state among ``nodes`` folded onto it (memoized per set of states)."""
    return states_view(snapshot, level, states_of(*nodes))


def states_view(
    snapshot: GraphSnapshot, level: Level, states: Mapping[str, ActorNode]
) -> EventGraph:
    """Return the graph of ``level`` with the members of ``states`` folded onto them (at
    level ``actor``; memoized per set of states)."""
    if level != "actor" or not states:
        return snapshot.level(level)
    return state_view(snapshot, states)


def state_view(snapshot: GraphSnapshot, states: Mapping[str, ActorNode]) -> EventGraph:
    """Return the actor graph with the members of ``states`` folded onto them, memoized per
    set of states and kept up to date with the live graph's new events."""
    G = snapshot.graph

    def update(H: EventGraph, edges: list[Edge]) -> EventGraph:
        add_state_edges(H, G, edges, states)
        return H

    key = ("states", frozenset(states.items()))  # the nodes too: what a later build re-warms
    return snapshot.memo(key, lambda: state_graph(G, states), update)


def meeting_updater(
    snapshot: GraphSnapshot, level: Level, states: Mapping[str, ActorNode]
) -> Callable[[MeetingIndex, list[Edge]], MeetingIndex]:
    """Return what brings a meeting index of :func:`states_view`'s graph up to date with the
    new edges of ``level`` (an actor edge folded onto its state as the view folds it)."""

    def update(index: MeetingIndex, edges: list[Edge]) -> MeetingIndex:
        if level == "actor" and states:
            edges = fold_edges(snapshot.graph, edges, states)
        return extend_meeting_index(index, edges)

    return update


def touches(
    snapshot: GraphSnapshot, level: Level, watched: set[NodeId] | None, *nodes: NodeRef | None
) -> Touched:
    """Return the test of whether new edges of ``level`` touch a node of ``watched`` (None:
    any edge does) in :func:`view`'s graph (an actor edge folded onto its state as the view
    folds it): what may change an answer about those nodes (see ``GraphSnapshot.answer``)."""
    states = {n.state: n.node for n in nodes if n is not None and n.state and n.node}

    def touched(edges: list[Edge]) -> bool:
        if watched is None:
            return bool(edges)
        if level == "actor" and states:
            edges = fold_edges(snapshot.graph, edges, states)
        return any(edge[0] in watched or edge[1] in watched for edge in edges)

    return touched


def view_key(level: Level, *nodes: NodeRef | None) -> tuple[str, ...]:
    """Return what tells apart the graphs :func:`view` returns (for memo keys)."""
    return (level, *sorted(n.state for n in nodes if n is not None and n.state))


def meetings(snapshot: GraphSnapshot, level: Level, *nodes: NodeRef | None) -> MeetingIndex:
    """Return the meeting index (:func:`graph.queries.meeting_index`) of :func:`view`'s graph,
    memoized and kept up to date with the live graph's new events."""
    return states_meetings(snapshot, level, states_of(*nodes))


def states_meetings(
    snapshot: GraphSnapshot, level: Level, states: Mapping[str, ActorNode]
) -> MeetingIndex:
    """Return the meeting index of :func:`states_view`'s graph (see :func:`meetings`)."""
    G = states_view(snapshot, level, states)
    return snapshot.memo(
        ("meetings", level, *sorted(states)),
        lambda: meeting_index(G),
        update=meeting_updater(snapshot, level, states),
        level=level,
    )


def degree_counts(snapshot: GraphSnapshot, where: EdgeFilter, level: Level) -> DegreeCounts:
    """Return the degree counts of the events of ``level`` that ``where`` accepts, memoized
    and updated in place as events arrive."""
    G = snapshot.level(level)
    return snapshot.memo(
        ("degree", level, where),
        lambda: count_degrees(G, where),
        update=lambda c, edges: add_degree_edges(c, (e for e in edges if where.accepts(e[3]))),
        level=level,
    )


def warm_snapshot(snapshot: GraphSnapshot, previous: GraphSnapshot | None) -> None:
    """Compute the derived results of a newly built ``snapshot`` that requests would
    otherwise compute on their path (seconds at a million events); returns nothing.

    Always the actor graph's meeting index (who-met-whom around any actor but a state)
    and the degree counts of the default filter (degree centrality). After a rebuild,
    also the views and indexes that ``previous``, the snapshot replaced, held: the
    country view, each state view (who-met-whom around a state) with its meeting index,
    and the degree counts of every filter and level asked for. Rankings and partitions
    are not: they are recomputed in the background when next asked for.
    """
    meetings(snapshot, "actor")
    degree_counts(snapshot, DEFAULT_FILTER, "actor")
    if previous is None:
        return
    keys = previous.memo_keys()
    states: dict[tuple[str, ...], dict[str, ActorNode]] = {}
    for key in keys:
        match key:
            case ("level", "country"):
                snapshot.level("country")
            case ("states", frozenset() as items):
                mapping = dict(items)
                states[tuple(sorted(mapping))] = mapping
                state_view(snapshot, mapping)
            case ("degree", "actor" | "country" as level, EdgeFilter() as where):
                degree_counts(snapshot, where, level)
    for key in keys:
        match key:
            case ("meetings", "actor" | "country" as level, *rest):
                codes = tuple(str(code) for code in rest)
                if not codes or codes in states:
                    states_meetings(snapshot, level, states.get(codes, {}))


def dyad_hint(
    snapshot: GraphSnapshot, a: NodeOut, b: NodeOut, *, where: EdgeFilter, exact: bool
) -> str | None:
    """Return what would find events between two actors that have none, or None.

    Their states' events (``level=country``) when both have a country; for two
    states asked with ``exact=true``, the events of their members.
    """
    names = f"no events between the nodes {a.name} and {b.name}"
    if exact and a.type == "country" and b.type == "country" and a.country and b.country:
        states = {
            str(n.country): ActorNode(n.id, n.name, n.type, n.country, n.role) for n in (a, b)
        }
        G = state_view(snapshot, states)
        found = len(edges_between(G, a.id, b.id, where))
        if found:
            return f"{names}; {found} with their members: exact=false"
    if a.country and b.country:
        found = len(edges_between(snapshot.level("country"), a.country, b.country, where))
        if found:
            return f"{names}; {found} between their states: level=country"
    return None
