"""Pure queries on the event graph: ``(G, ...) -> result``, no I/O."""

from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

import networkx as nx

from graph.records import ActorNode

CONSULT_ROOT = "04"
"""CAMEO root of the consult family: meet, visit, host, negotiate, mediate."""

ASSERTED_ONLY: frozenset[str] = frozenset({"asserted"})

Edge = tuple[int, int, int, dict[str, Any]]


@dataclass(frozen=True)
class MeetingPair:
    """Two actors linked by consult-family events, with the ids of those events."""

    a: ActorNode
    b: ActorNode
    count: int
    first_date: date | None
    last_date: date | None
    event_ids: tuple[int, ...]


def who_met_whom(
    G: "nx.MultiDiGraph[int]",
    *,
    actor: int | None = None,
    since: date | None = None,
    until: date | None = None,
    modalities: Collection[str] = ASSERTED_ONLY,
) -> list[MeetingPair]:
    """Return the unordered pairs of actors linked by consult events (CAMEO 04x).

    An event counts when its CAMEO root is ``04``, it is not negated, its
    modality is one of ``modalities`` and, when ``since`` or ``until`` is
    given, it has a date within ``[since, until]``. Events of an actor with
    itself never count.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An event graph made by :func:`graph.build.build_graph`.
    actor : int, optional
        Keep only the pairs including this actor id; it is then ``a`` of each
        pair. Otherwise ``a`` is the pair's actor whose name sorts first.
    since, until : datetime.date, optional
        First and last day (inclusive) of the events that count.
    modalities : collection of str, optional
        The modalities that count; only "asserted" by default.

    Returns
    -------
    pairs : list of MeetingPair
        Each pair with its event count, first and last event date and the
        sorted event ids; most events first, then by the two names.

    Examples
    --------
    >>> from datetime import date
    >>> G = nx.MultiDiGraph()
    >>> for id_, name in [(1, "Putin"), (2, "Assad"), (3, "Erdogan")]:
    ...     G.add_node(id_, name=name, type="person", country=None, role=None)
    >>> fact = dict(negated=False, modality="asserted")
    >>> G.add_edge(1, 2, key=10, root="04", date=date(2017, 12, 11), **fact)
    10
    >>> G.add_edge(2, 1, key=11, root="04", date=date(2018, 5, 17), **fact)
    11
    >>> G.add_edge(1, 3, key=12, root="04", date=date(2017, 12, 11), **fact)
    12
    >>> G.add_edge(3, 1, key=13, root="11", date=date(2017, 12, 12), **fact)
    13
    >>> [(p.a.name, p.b.name, p.count, p.event_ids) for p in who_met_whom(G)]
    [('Assad', 'Putin', 2, (10, 11)), ('Erdogan', 'Putin', 1, (12,))]
    >>> pairs = who_met_whom(G, actor=1, until=date(2018, 1, 1))
    >>> [(p.a.name, p.b.name, p.count, p.last_date.isoformat()) for p in pairs]
    [('Putin', 'Assad', 1, '2017-12-11'), ('Putin', 'Erdogan', 1, '2017-12-11')]
    """
    if actor is not None and actor not in G:
        return []
    found: defaultdict[tuple[int, int], list[tuple[int, date | None]]] = defaultdict(list)
    for u, v, key, data in _candidate_edges(G, actor):
        if u != v and _counts(data, since=since, until=until, modalities=modalities):
            found[(min(u, v), max(u, v))].append((key, data["date"]))
    pairs = [_pair(G, ends, events, actor) for ends, events in found.items()]
    pairs.sort(key=lambda p: (-p.count, p.a.name, p.b.name, p.a.id, p.b.id))
    return pairs


def pair_events(G: "nx.MultiDiGraph[int]", pair: MeetingPair) -> list[dict[str, Any]]:
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


def _candidate_edges(G: "nx.MultiDiGraph[int]", actor: int | None) -> Iterable[Edge]:
    if actor is None:
        return G.edges(keys=True, data=True)
    outgoing = G.out_edges(actor, keys=True, data=True)
    incoming = G.in_edges(actor, keys=True, data=True)
    return [*outgoing, *incoming]


def _counts(
    data: dict[str, Any], *, since: date | None, until: date | None, modalities: Collection[str]
) -> bool:
    if data["root"] != CONSULT_ROOT or data["negated"] or data["modality"] not in modalities:
        return False
    when: date | None = data["date"]
    if since is not None and (when is None or when < since):
        return False
    return until is None or (when is not None and when <= until)


def _pair(
    G: "nx.MultiDiGraph[int]",
    ends: tuple[int, int],
    events: list[tuple[int, date | None]],
    actor: int | None,
) -> MeetingPair:
    a, b = (_actor(G, n) for n in ends)
    if (actor is not None and b.id == actor) or (actor is None and (b.name, b.id) < (a.name, a.id)):
        a, b = b, a
    dates = [when for _, when in events if when is not None]
    return MeetingPair(
        a=a,
        b=b,
        count=len(events),
        first_date=min(dates, default=None),
        last_date=max(dates, default=None),
        event_ids=tuple(sorted(key for key, _ in events)),
    )


def _actor(G: "nx.MultiDiGraph[int]", node: int) -> ActorNode:
    attrs = G.nodes[node]
    return ActorNode(node, attrs["name"], attrs["type"], attrs["country"], attrs["role"])
