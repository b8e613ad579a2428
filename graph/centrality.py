"""Who matters in the graph: degree, betweenness, PageRank and eigenvector centrality."""

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, TypeAlias

import networkx as nx

from diplograph.graph.build import node_record, sort_key
from diplograph.graph.records import ActorNode, EventGraph, NodeId

if TYPE_CHECKING:
    WeightedGraph: TypeAlias = nx.Graph[NodeId]
    WeightedDiGraph: TypeAlias = nx.DiGraph[NodeId]
else:
    WeightedGraph = nx.Graph
    WeightedDiGraph = nx.DiGraph

Measure = Literal["degree", "betweenness", "pagerank", "eigenvector"]

BETWEENNESS_EXACT_UP_TO = 500
"""Above this many nodes betweenness is estimated from this many sampled sources (seed 0)."""


@dataclass(frozen=True, slots=True)
class Ranked:
    """A node with its score, how many others it has events with, and its events."""

    node: ActorNode
    score: float
    partners: int
    events: int
    event_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Ranking:
    """Nodes ranked by a centrality measure.

    ``computed`` is the measure the scores come from: the one asked for,
    unless eigenvector centrality did not converge and degree stood in, which
    ``note`` then says.
    """

    measure: Measure
    computed: Measure
    note: str | None
    nodes: int
    ranked: tuple[Ranked, ...]


def weighted_graph(G: EventGraph) -> WeightedGraph:
    """Return the simple undirected graph of ``G``: one edge per linked pair, weighted by events.

    Every node of ``G`` is kept; an actor's events with itself are dropped.

    Examples
    --------
    >>> G = nx.MultiDiGraph([(1, 2), (2, 1), (1, 3), (3, 3)])
    >>> sorted(weighted_graph(G).edges(data="weight"))
    [(1, 2, 2), (1, 3, 1)]
    """
    S: WeightedGraph = nx.Graph()
    S.add_nodes_from(G)
    for u, v in G.edges():
        if u != v:
            if S.has_edge(u, v):
                S[u][v]["weight"] += 1
            else:
                S.add_edge(u, v, weight=1)
    return S


def weighted_digraph(G: EventGraph) -> WeightedDiGraph:
    """Return the simple directed graph of ``G``: one edge per direction, weighted by events.

    Examples
    --------
    >>> G = nx.MultiDiGraph([(1, 2), (2, 1), (1, 2), (3, 3)])
    >>> sorted(weighted_digraph(G).edges(data="weight"))
    [(1, 2, 2), (2, 1, 1)]
    """
    D: WeightedDiGraph = nx.DiGraph()
    D.add_nodes_from(G)
    for u, v in G.edges():
        if u != v:
            if D.has_edge(u, v):
                D[u][v]["weight"] += 1
            else:
                D.add_edge(u, v, weight=1)
    return D


def centrality(
    G: EventGraph, measure: Measure = "degree", *, top: int = 10, evidence: int = 20
) -> Ranking:
    """Return the ``top`` nodes of ``G`` by a centrality measure.

    ``G`` is taken as it is: filter it first (:func:`graph.filters.filtered_graph`)
    to leave out negated or unasserted events. The measures run on the simple
    weighted graphs derived from it (:func:`weighted_graph`, and
    :func:`weighted_digraph` for PageRank):

    - ``degree``: the share of the other nodes a node has events with
      (``networkx.degree_centrality``, unweighted);
    - ``betweenness``: the share of shortest paths (in hops) through a node
      (``networkx.betweenness_centrality``); above ``BETWEENNESS_EXACT_UP_TO``
      nodes it is estimated from that many sources sampled with seed 0;
    - ``pagerank``: ``networkx.pagerank`` on the directed graph weighted by
      event counts (an event passes rank from its source to its target);
    - ``eigenvector``: ``networkx.eigenvector_centrality`` weighted by event
      counts. On a disconnected graph the scores concentrate on the component
      with the largest eigenvalue (the others score near 0), as the measure
      defines. When the power iteration does not converge (1,000 rounds),
      the ranking falls back to degree centrality and ``note`` says so.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An event graph.
    measure : {"degree", "betweenness", "pagerank", "eigenvector"}
        The measure.
    top : int, optional
        How many nodes to return.
    evidence : int, optional
        The most event ids to list per node (the lowest ones).

    Returns
    -------
    ranking : Ranking
        The highest scores first (rounded to 6 decimals), ties by name.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> for id_, name in [(1, "Putin"), (2, "Assad"), (3, "Erdogan"), (4, "Sissi")]:
    ...     G.add_node(id_, name=name, type="person", country=None, role=None)
    >>> G.add_edges_from([(1, 2, 10), (1, 3, 11), (4, 1, 12), (2, 3, 13)])
    [10, 11, 12, 13]
    >>> r = centrality(G, "degree", top=2)
    >>> [(x.node.name, x.score, x.partners, x.event_ids) for x in r.ranked]
    [('Putin', 1.0, 3, (10, 11, 12)), ('Assad', 0.666667, 2, (10, 13))]
    >>> G.add_node(5, name="Abe", type="person", country=None, role=None)
    >>> G.add_edge(5, 5, key=14)
    14
    >>> r = centrality(G, "eigenvector", top=5)
    >>> r.computed, [(x.node.name, x.score) for x in r.ranked][-2:]
    ('eigenvector', [('Sissi', 0.281847), ('Abe', 0.0)])
    """
    if G.number_of_nodes() == 0:
        return Ranking(measure, measure, None, 0, ())
    S = weighted_graph(G)
    computed: Measure = measure
    note = None
    scores: dict[NodeId, float]
    if measure == "degree":
        scores = nx.degree_centrality(S)
    elif measure == "betweenness":
        n = S.number_of_nodes()
        k = BETWEENNESS_EXACT_UP_TO if n > BETWEENNESS_EXACT_UP_TO else None
        scores = nx.betweenness_centrality(S, k=k, seed=0)
        if k is not None:
            note = f"estimated from {k} of {n} nodes sampled as sources (seed 0)"
    elif measure == "pagerank":
        scores = nx.pagerank(weighted_digraph(G), weight="weight")
    else:
        try:
            scores = nx.eigenvector_centrality(S, max_iter=1000, weight="weight")
        except nx.PowerIterationFailedConvergence:
            scores = nx.degree_centrality(S)
            computed = "degree"
            note = "eigenvector centrality did not converge; ranked by degree instead"
    best = sorted(S, key=lambda n: (-round(scores[n], 6), sort_key(G, n)))[:top]
    ranked = tuple(
        Ranked(
            node=node_record(G, n),
            score=round(scores[n], 6),
            partners=S.degree(n),
            events=S.degree(n, weight="weight"),
            event_ids=_event_ids(G, n, evidence),
        )
        for n in best
    )
    return Ranking(measure, computed, note, S.number_of_nodes(), ranked)


def _event_ids(G: EventGraph, node: NodeId, limit: int) -> tuple[int, ...]:
    keys = [k for _, v, k in G.out_edges(node, keys=True) if v != node]
    keys += [k for u, _, k in G.in_edges(node, keys=True) if u != node]
    return tuple(sorted(keys)[:limit])
