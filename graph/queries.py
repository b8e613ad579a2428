"""Pure queries on the event graph: ``(G, ...) -> result``, no I/O."""

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from diplograph.graph.build import node_record, sort_key
from diplograph.graph.edges import EdgeColumns, EventRows
from diplograph.graph.filters import DEFAULT_FILTER, EdgeFilter, incident_edges
from diplograph.graph.records import ActorNode, Edge, EventGraph, NodeId
from diplograph.graph.row_flags import root_flags

CONSULT_ROOT = "04"
"""CAMEO root of the consult family: meet, visit, host, negotiate, mediate."""


@dataclass(frozen=True)
class MeetingPair:
    """Two actors linked by consult-family events, with the ids of those events."""

    a: ActorNode
    b: ActorNode
    count: int
    first_date: date | None
    last_date: date | None
    event_ids: tuple[int, ...]


def meeting_index(G: EventGraph) -> dict[NodeId, list[Edge]]:
    """Return, for every node, its consult events (CAMEO 04x) with other nodes, in edge order.

    One pass over the graph; with it :func:`who_met_whom` around one actor
    reads only that actor's consult events instead of all its events. The
    index holds every consult event whatever its modality or negation:
    filters still apply at query time.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_edges_from([(1, 2, 5, {"root": "04"}), (3, 1, 6, {"root": "11"}),
    ...                   (2, 3, 7, {"root": "04"}), (1, 1, 8, {"root": "04"})])
    [5, 6, 7, 8]
    >>> {n: [k for _, _, k, _ in edges] for n, edges in meeting_index(G).items()}
    {1: [5], 2: [5, 7], 3: [7]}
    """
    cols = G.__dict__.get("edge_columns") or G.__dict__.get("folded_columns")
    if cols is None:
        return extend_meeting_index({}, G.edges(keys=True, data=True))
    return _column_meeting_index(G, cols)


def _column_meeting_index(G: EventGraph, cols: EdgeColumns) -> dict[NodeId, list[Edge]]:
    """Return :func:`meeting_index` of ``G``, whose edges live in ``cols`` (its own, or those
    of the actor graph a state view folds), reading the CAMEO column at C speed: attributes
    are made only for the consult events (a quarter or so), not for every event (minutes at
    ten million)."""
    flags = root_flags(cols, CONSULT_ROOT)
    ids = cols.event_id
    index: dict[NodeId, list[Edge]] = {}
    succ: dict[NodeId, dict[NodeId, Mapping[int, Any]]] = G._succ  # type: ignore[attr-defined]
    for u, targets in succ.items():
        for v, events in targets.items():
            if u == v:
                continue
            edges: list[Edge]
            if isinstance(events, EventRows):  # an actor graph's pair, or a state view's
                met = events.rows_flagged(flags)
                if not met:
                    continue
                data = events.data
                edges = [(u, v, ids[row], data(row)) for row in met]
            else:  # a pair grown since the build: a dict of its events
                edges = [(u, v, k, d) for k, d in events.items() if d["root"] == CONSULT_ROOT]
            if edges:
                index.setdefault(u, []).extend(edges)
                index.setdefault(v, []).extend(edges)
    return index


def extend_meeting_index(
    index: dict[NodeId, list[Edge]], edges: Iterable[Edge]
) -> dict[NodeId, list[Edge]]:
    """Add the consult events among ``edges`` to ``index`` (in place) and return it.

    Lists only grow by appending and new nodes are new keys, so a reader looking
    an actor up while the index grows is never disturbed.
    """
    for edge in edges:
        u, v, _, data = edge
        if u != v and data["root"] == CONSULT_ROOT:
            index.setdefault(u, []).append(edge)
            index.setdefault(v, []).append(edge)
    return index


def who_met_whom(
    G: EventGraph,
    *,
    actor: NodeId | None = None,
    where: EdgeFilter = DEFAULT_FILTER,
    index: dict[NodeId, list[Edge]] | None = None,
) -> list[MeetingPair]:
    """Return the unordered pairs of actors linked by consult events (CAMEO 04x).

    An event counts when its CAMEO root is ``04`` and ``where`` accepts it (by
    default: asserted and not negated; see :class:`graph.filters.EdgeFilter`).
    Events of an actor with itself never count. Around one actor only that
    actor's own events are read, so the answer costs its degree, not the graph's size.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An event graph made by :func:`graph.build.build_graph`.
    actor : int, optional
        Keep only the pairs including this actor id; it is then ``a`` of each
        pair. Otherwise ``a`` is the pair's actor whose name sorts first.
    where : EdgeFilter, optional
        Which events count besides the consult root.
    index : dict, optional
        The :func:`meeting_index` of ``G``, to answer around ``actor`` from
        its consult events only (same answer, less reading).

    Returns
    -------
    pairs : list of MeetingPair
        Each pair with its event count, first and last event date and the
        sorted event ids; most events first, then by the two names.

    Examples
    --------
    >>> import networkx as nx
    >>> from datetime import date
    >>> G = nx.MultiDiGraph()
    >>> for id_, name in [(1, "Putin"), (2, "Assad"), (3, "Erdogan")]:
    ...     G.add_node(id_, name=name, type="person", country=None, role=None)
    >>> fact = dict(negated=False, modality="asserted", quad_class=1, confidence=0.9)
    >>> G.add_edge(1, 2, key=10, cameo="040", root="04", date=date(2017, 12, 11), **fact)
    10
    >>> G.add_edge(2, 1, key=11, cameo="042", root="04", date=date(2018, 5, 17), **fact)
    11
    >>> G.add_edge(1, 3, key=12, cameo="040", root="04", date=date(2017, 12, 11), **fact)
    12
    >>> G.add_edge(3, 1, key=13, cameo="111", root="11", date=date(2017, 12, 12), **fact)
    13
    >>> [(p.a.name, p.b.name, p.count, p.event_ids) for p in who_met_whom(G)]
    [('Assad', 'Putin', 2, (10, 11)), ('Erdogan', 'Putin', 1, (12,))]
    >>> pairs = who_met_whom(G, actor=1, where=EdgeFilter(until=date(2018, 1, 1)))
    >>> [(p.a.name, p.b.name, p.count, p.last_date.isoformat()) for p in pairs]
    [('Putin', 'Assad', 1, '2017-12-11'), ('Putin', 'Erdogan', 1, '2017-12-11')]
    """
    if actor is not None and actor not in G:
        return []
    found: defaultdict[frozenset[NodeId], list[tuple[int, date | None]]] = defaultdict(list)
    for u, v, key, data in _candidate_edges(G, actor, where, index):
        if u != v and data["root"] == CONSULT_ROOT:
            found[frozenset((u, v))].append((key, data["date"]))
    pairs = [_pair(G, tuple(ends), events, actor) for ends, events in found.items()]
    pairs.sort(key=lambda p: (-p.count, sort_key(G, p.a.id), sort_key(G, p.b.id)))
    return pairs


def pair_events(G: EventGraph, pair: MeetingPair) -> list[dict[str, Any]]:
    """Return the edge attributes of the events of ``pair``, in event id order.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The graph ``pair`` was found in.
    pair : MeetingPair
        A result of :func:`who_met_whom` on ``G``.

    Returns
    -------
    events : list of dict
        One attribute dict per event id of the pair, whichever way its edge points.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([(1, {"name": "Putin"}), (2, {"name": "Assad"})])
    >>> G.add_edge(2, 1, key=11, trigger="hosted")
    11
    >>> G.add_edge(1, 2, key=10, trigger="met")
    10
    >>> pair = MeetingPair(ActorNode(1, "Putin", "person", None, None),
    ...                    ActorNode(2, "Assad", "person", None, None), 2, None, None, (10, 11))
    >>> [e["trigger"] for e in pair_events(G, pair)]
    ['met', 'hosted']
    """
    events = []
    for key in pair.event_ids:
        data = G.get_edge_data(pair.a.id, pair.b.id, key)
        if data is None:
            data = G.edges[pair.b.id, pair.a.id, key]
        events.append(data)
    return events


def _candidate_edges(
    G: EventGraph, actor: NodeId | None, where: EdgeFilter, index: dict[NodeId, list[Edge]] | None
) -> Iterable[Edge]:
    if actor is not None and index is not None:
        accepts = where.accepts
        return [edge for edge in index.get(actor, ()) if accepts(edge[3])]
    if actor is not None:
        return incident_edges(G, actor, where)
    return (
        (u, v, key, data)
        for u, v, key, data in G.edges(keys=True, data=True)
        if data["root"] == CONSULT_ROOT and where.accepts(data)
    )


def _pair(
    G: EventGraph,
    ends: tuple[NodeId, ...],
    events: list[tuple[int, date | None]],
    actor: NodeId | None,
) -> MeetingPair:
    a, b = sorted(ends, key=lambda n: sort_key(G, n))
    if actor is not None and b == actor:
        a, b = b, a
    dates = [when for _, when in events if when is not None]
    return MeetingPair(
        a=node_record(G, a),
        b=node_record(G, b),
        count=len(events),
        first_date=min(dates, default=None),
        last_date=max(dates, default=None),
        event_ids=tuple(sorted(key for key, _ in events)),
    )
