"""Build the event graph: actors are nodes, every event is an edge keyed by its id."""

from collections.abc import Iterable

import networkx as nx

from diplograph.graph.records import ActorNode, EventGraph, EventRecord, NodeId


def build_graph(events: Iterable[EventRecord]) -> EventGraph:
    """Return a MultiDiGraph with one node per actor id and one edge per event.

    Nodes carry ``name``, ``type``, ``country``, ``role`` and ``aliases``. Each
    edge goes from the event's source to its target, is keyed by the event id
    and carries ``event_id``, ``cameo``, ``root`` (the first two digits of the
    CAMEO code), ``quad_class``, ``goldstein``, ``date``, ``modality``,
    ``confidence``, ``negated``, ``article_id``, ``sentence_id``, ``sentence_index``,
    ``sentence``, ``trigger``, ``mentions`` and ``articles`` (how many sentences and articles
    tell the occurrence; the sentence is its first mention).

    Parameters
    ----------
    events : iterable of EventRecord
        The events; actors are taken from their source and target.

    Returns
    -------
    G : networkx.MultiDiGraph
        The event graph.

    Examples
    --------
    >>> from datetime import date
    >>> putin = ActorNode(1, "Vladimir Putin", "person", "RUS", "president", ("putin",))
    >>> assad = ActorNode(2, "Bashar al-Assad", "person", "SYR", "president")
    >>> met = EventRecord(7, putin, assad, "040", 1, 1.0, date(2017, 12, 11), "asserted",
    ...                   0.9, False, 1, 3, "Putin met Assad.", "met")
    >>> G = build_graph([met])
    >>> G.nodes[2]
    {'name': 'Bashar al-Assad', 'type': 'person', 'country': 'SYR', 'role': 'president', \
'aliases': ()}
    >>> list(G.edges(keys=True))
    [(1, 2, 7)]
    >>> G.edges[1, 2, 7]["root"], G.edges[1, 2, 7]["sentence"]
    ('04', 'Putin met Assad.')
    """
    G: EventGraph = nx.MultiDiGraph()
    for ev in events:
        _add_actor(G, ev.source)
        _add_actor(G, ev.target)
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
            sentence_index=ev.sentence_index,
            sentence=ev.sentence,
            trigger=ev.trigger,
            mentions=ev.mentions,
            articles=ev.articles,
        )
    return G


def node_record(G: EventGraph, node: NodeId) -> ActorNode:
    """Return the node ``node`` of ``G`` as an :class:`ActorNode`.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node(1, name="Egypt", type="country", country="EGY", role=None, aliases=("cairo",))
    >>> node_record(G, 1)
    ActorNode(id=1, name='Egypt', type='country', country='EGY', role=None, aliases=('cairo',))
    """
    attrs = G.nodes[node]
    return ActorNode(
        node,
        attrs["name"],
        attrs["type"],
        attrs["country"],
        attrs["role"],
        tuple(attrs.get("aliases", ())),
    )


def sort_key(G: EventGraph, node: NodeId) -> tuple[str, str]:
    """Return the key that orders nodes by name, then id (ids of one graph share a type)."""
    return (G.nodes[node]["name"], f"{node:>12}" if isinstance(node, int) else node)


def _add_actor(G: EventGraph, actor: ActorNode) -> None:
    if actor.id not in G:
        G.add_node(
            actor.id,
            name=actor.name,
            type=actor.type,
            country=actor.country,
            role=actor.role,
            aliases=actor.aliases,
        )
