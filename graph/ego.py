"""An actor's neighbourhood: who it has events with, one or two steps away."""

from collections import defaultdict
from dataclasses import dataclass

from diplograph.graph.build import node_record, sort_key
from diplograph.graph.filters import DEFAULT_FILTER, EdgeFilter, incident_edges
from diplograph.graph.records import ActorNode, Edge, EventGraph, NodeId
from diplograph.graph.summary import TieSummary, summarize


@dataclass(frozen=True, slots=True)
class Neighbour:
    """A node of an actor's neighbourhood with the events that tie it in.

    At distance 1 ``summary`` covers the events between the neighbour and the
    centre (``outgoing`` ones go from the centre). At distance 2 it covers the
    events between the neighbour and the distance-1 neighbours it is reached
    through, listed in ``via`` (``outgoing`` ones go from them).
    """

    node: ActorNode
    distance: int
    via: tuple[ActorNode, ...]
    summary: TieSummary


def ego(
    G: EventGraph, actor: NodeId, *, radius: int = 1, where: EdgeFilter = DEFAULT_FILTER
) -> list[Neighbour]:
    """Return the nodes within ``radius`` events of ``actor`` with a summary of their ties.

    Events are followed whichever way they point; only those ``where``
    accepts count, and an actor's events with itself never do.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An event graph.
    actor : node id
        The centre; a node not in ``G`` has no neighbours.
    radius : {1, 2}
        How many steps away to look.
    where : EdgeFilter, optional
        Which events count.

    Returns
    -------
    neighbours : list of Neighbour
        Nearest first, then most events, then by name.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> for id_, name in [(1, "Putin"), (2, "Assad"), (3, "Erdogan"), (4, "Sissi")]:
    ...     G.add_node(id_, name=name, type="person", country=None, role=None)
    >>> ev = dict(negated=False, modality="asserted", cameo="040", confidence=0.9, date=None)
    >>> G.add_edge(1, 2, key=10, quad_class=1, goldstein=1.0, **ev)
    10
    >>> G.add_edge(2, 1, key=11, quad_class=3, goldstein=-2.0, **ev)
    11
    >>> G.add_edge(3, 1, key=12, quad_class=1, goldstein=3.0, **ev)
    12
    >>> G.add_edge(2, 4, key=13, quad_class=2, goldstein=7.0, **ev)
    13
    >>> [(n.node.name, n.summary.events, n.summary.mean_goldstein, n.summary.event_ids)
    ...  for n in ego(G, 1)]
    [('Assad', 2, -0.5, (10, 11)), ('Erdogan', 1, 3.0, (12,))]
    >>> [(n.node.name, n.distance, [v.name for v in n.via]) for n in ego(G, 1, radius=2)][2:]
    [('Sissi', 2, ['Assad'])]
    """
    if radius not in (1, 2):
        raise ValueError(f"radius must be 1 or 2, not {radius}")
    first = _ties(G, actor, where, skip={actor})
    neighbours = [
        Neighbour(node_record(G, n), 1, (), summarize(edges, origin={actor}))
        for n, edges in first.items()
    ]
    if radius == 2:
        second: defaultdict[NodeId, list[Edge]] = defaultdict(list)
        via: defaultdict[NodeId, set[NodeId]] = defaultdict(set)
        skip = {actor, *first}
        for n in first:
            for other, edges in _ties(G, n, where, skip=skip).items():
                second[other].extend(edges)
                via[other].add(n)
        neighbours += [
            Neighbour(
                node_record(G, n),
                2,
                tuple(node_record(G, v) for v in sorted(via[n], key=lambda v: sort_key(G, v))),
                summarize(edges, origin=via[n]),
            )
            for n, edges in second.items()
        ]
    neighbours.sort(key=lambda n: (n.distance, -n.summary.events, sort_key(G, n.node.id)))
    return neighbours


def _ties(
    G: EventGraph, node: NodeId, where: EdgeFilter, *, skip: set[NodeId]
) -> dict[NodeId, list[Edge]]:
    ties: defaultdict[NodeId, list[Edge]] = defaultdict(list)
    for edge in incident_edges(G, node, where):
        u, v = edge[0], edge[1]
        other = v if u == node else u
        if other not in skip:
            ties[other].append(edge)
    return ties
