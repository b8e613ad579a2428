"""New dyads: pairs of actors whose first event together falls on or after a date."""

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date

from diplograph.graph.build import node_record, sort_key
from diplograph.graph.edges import fetch_sentences
from diplograph.graph.filters import DEFAULT_FILTER, EdgeFilter, kept_edges
from diplograph.graph.records import ActorNode, Edge, EventGraph, NodeId
from diplograph.graph.summary import EventRef, TieSummary, chronological, event_ref, summarize


@dataclass(frozen=True, slots=True)
class NewDyad:
    """Two nodes that first interacted on ``first_date``, with their events since."""

    a: ActorNode
    b: ActorNode
    first_date: date
    first_event: EventRef
    summary: TieSummary


def new_dyads(G: EventGraph, *, since: date, where: EdgeFilter = DEFAULT_FILTER) -> list[NewDyad]:
    """Return the pairs whose earliest dated event is on or after ``since``.

    The whole history counts when deciding whether a pair is new: ``where``
    is applied without its own ``since`` (its ``until`` still ends the
    window). Undated events cannot place a first interaction and are left
    out, as are an actor's events with itself.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An event graph.
    since : datetime.date
        The first day a pair's first event may fall on.
    where : EdgeFilter, optional
        Which events count (e.g. ``quad_classes={3, 4}`` for new conflicts).

    Returns
    -------
    dyads : list of NewDyad
        By first date, then names; ``a`` is the node whose name sorts first and
        ``summary`` (taken from ``a``) covers the pair's events since ``since``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> for id_, name in [(1, "Putin"), (2, "Assad"), (3, "Erdogan")]:
    ...     G.add_node(id_, name=name, type="person", country=None, role=None)
    >>> ev = dict(negated=False, modality="asserted", cameo="040", quad_class=1, goldstein=1.0,
    ...           confidence=0.9, sentence="They met.", trigger="met", article_id=1)
    >>> G.add_edge(1, 2, key=1, date=date(2016, 5, 1), **ev)
    1
    >>> G.add_edge(1, 2, key=2, date=date(2017, 6, 1), **ev)
    2
    >>> G.add_edge(3, 1, key=3, date=date(2017, 7, 1), **ev)
    3
    >>> [(d.a.name, d.b.name, d.first_date.isoformat(), d.summary.event_ids)
    ...  for d in new_dyads(G, since=date(2017, 1, 1))]
    [('Erdogan', 'Putin', '2017-07-01', (3,))]
    """
    history = replace(where, since=None)
    by_pair: defaultdict[frozenset[NodeId], list[Edge]] = defaultdict(list)
    for edge in kept_edges(G, history):
        u, v, _, data = edge
        if u != v and data["date"] is not None:
            by_pair[frozenset((u, v))].append(edge)
    found = []
    for ends, edges in by_pair.items():
        first = min(edges, key=chronological)
        if first[3]["date"] >= since:
            found.append((ends, edges, first))
    fetch_sentences(first[3] for _, _, first in found)  # the evidence of every dyad, in one read
    dyads = []
    for ends, edges, first in found:
        first_date: date = first[3]["date"]
        a, b = sorted(ends, key=lambda n: sort_key(G, n))
        dyads.append(
            NewDyad(
                a=node_record(G, a),
                b=node_record(G, b),
                first_date=first_date,
                first_event=event_ref(first),
                summary=summarize(edges, origin={a}),
            )
        )
    dyads.sort(key=lambda d: (d.first_date, sort_key(G, d.a.id), sort_key(G, d.b.id)))
    return dyads
