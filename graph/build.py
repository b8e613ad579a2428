"""Build the event graph: actors are nodes, every event is an edge."""

from collections.abc import Iterable

import networkx as nx

from graph.records import EventRecord


def build_graph(events: Iterable[EventRecord]) -> "nx.MultiDiGraph[int]":
    """Return a MultiDiGraph with one node per actor id and one edge (keyed by event id) per event.

    >>> from datetime import date
    >>> from graph.records import ActorNode
    >>> a = ActorNode(1, "Vladimir Putin", "person", "RUS", "president")
    >>> b = ActorNode(2, "Bashar al-Assad", "person", "SYR", "president")
    >>> ev = EventRecord(7, a, b, "040", 1, 1.0, date(2017, 12, 11), "asserted", 0.9,
    ...                  False, 1, 3, "Putin met Assad.", "met")
    >>> G = build_graph([ev])
    >>> G.nodes[1]["name"], list(G.edges(keys=True))
    ('Vladimir Putin', [(1, 2, 7)])
    """
    G: nx.MultiDiGraph[int] = nx.MultiDiGraph()
    for ev in events:
        for actor in (ev.source, ev.target):
            if actor.id not in G:
                G.add_node(
                    actor.id,
                    name=actor.name,
                    type=actor.type,
                    country=actor.country,
                    role=actor.role,
                )
        G.add_edge(
            ev.source.id,
            ev.target.id,
            key=ev.id,
            event_id=ev.id,
            cameo=ev.cameo,
            root=ev.cameo[:2],
            quad_class=ev.quad_class,
            goldstein=ev.goldstein,
            date=ev.date,
            modality=ev.modality,
            confidence=ev.confidence,
            negated=ev.negated,
            article_id=ev.article_id,
            sentence_id=ev.sentence_id,
            sentence=ev.sentence,
            trigger=ev.trigger,
        )
    return G
