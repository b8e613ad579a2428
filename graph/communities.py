"""Groups of actors with more events among themselves than with the rest (seeded, reproducible)."""

from collections.abc import Collection
from dataclasses import dataclass
from typing import Literal

import networkx as nx

from diplograph.graph.build import node_record, sort_key
from diplograph.graph.centrality import weighted_graph
from diplograph.graph.records import ActorNode, EventGraph, NodeId

Method = Literal["louvain", "greedy_modularity"]


@dataclass(frozen=True, slots=True)
class Community:
    """A group of nodes, the events inside it and the events crossing its border."""

    members: tuple[ActorNode, ...]
    internal_events: int
    external_events: int
    event_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Partition:
    """The communities a method found and the modularity of the partition."""

    method: Method
    modularity: float
    communities: tuple[Community, ...]


def communities(
    G: EventGraph, method: Method = "louvain", *, seed: int = 0, evidence: int = 20
) -> Partition:
    """Return the communities of ``G``'s actors, found on the event-weighted simple graph.

    ``G`` is taken as it is: filter it first (:func:`graph.filters.filtered_graph`).
    Louvain (``networkx.community.louvain_communities``) is run with ``seed``,
    so the same graph always gives the same groups; greedy modularity
    (``networkx.community.greedy_modularity_communities``) is deterministic.
    Both weigh a pair by its number of events (:func:`graph.centrality.weighted_graph`).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An event graph.
    method : {"louvain", "greedy_modularity"}
        The community detection method.
    seed : int, optional
        The Louvain random seed.
    evidence : int, optional
        The most internal event ids to list per community (the lowest ones).

    Returns
    -------
    partition : Partition
        The modularity (rounded to 6 decimals; 0.0 without events) and the
        communities, largest first, then by their first member's name; members
        sorted by name. An actor's events with itself are internal to its
        community.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> for id_, name in [(1, "Putin"), (2, "Assad"), (3, "Merkel"), (4, "Macron")]:
    ...     G.add_node(id_, name=name, type="person", country=None, role=None)
    >>> G.add_edges_from([(1, 2, 10), (2, 1, 11), (3, 4, 12), (4, 3, 13), (1, 3, 14)])
    [10, 11, 12, 13, 14]
    >>> p = communities(G)
    >>> [([m.name for m in c.members], c.internal_events, c.external_events, c.event_ids)
    ...  for c in p.communities]
    [(['Assad', 'Putin'], 2, 1, (10, 11)), (['Macron', 'Merkel'], 2, 1, (12, 13))]
    >>> p.modularity
    0.3
    """
    S = weighted_graph(G)
    if S.number_of_edges() == 0:
        groups: list[set[NodeId]] = [{n} for n in S]
        modularity = 0.0
    else:
        if method == "louvain":
            groups = nx.community.louvain_communities(S, weight="weight", seed=seed)
        else:
            groups = [set(c) for c in nx.community.greedy_modularity_communities(S, "weight")]
        modularity = round(nx.community.modularity(S, groups, weight="weight"), 6)
    found = [_community(G, group, evidence) for group in groups]
    found.sort(key=lambda c: (-len(c.members), sort_key(G, c.members[0].id)))
    return Partition(method, modularity, tuple(found))


def _community(G: EventGraph, members: Collection[NodeId], evidence: int) -> Community:
    inside: list[int] = []
    crossing = 0
    for n in members:
        for _, v, key in G.out_edges(n, keys=True):
            if v in members:
                inside.append(key)
            else:
                crossing += 1
        for u, _ in G.in_edges(n):
            if u not in members:
                crossing += 1
    ordered = sorted(members, key=lambda n: sort_key(G, n))
    return Community(
        members=tuple(node_record(G, n) for n in ordered),
        internal_events=len(inside),
        external_events=crossing,
        event_ids=tuple(sorted(inside)[:evidence]),
    )
