"""Cooperation against conflict: an actor's counterparts by the Goldstein scores of their events."""

from collections import defaultdict
from dataclasses import dataclass
from typing import Literal

from diplograph.graph.build import node_record, sort_key
from diplograph.graph.filters import DEFAULT_FILTER, EdgeFilter, incident_edges
from diplograph.graph.records import ActorNode, Edge, EventGraph, NodeId
from diplograph.graph.summary import TieSummary, summarize

Stance = Literal["partner", "adversary", "neutral"]


@dataclass(frozen=True, slots=True)
class Counterpart:
    """One actor the centre has events with, and whether they cooperate or clash.

    ``stance`` is "partner" when the Goldstein scores of their events sum above
    zero, "adversary" below zero, "neutral" at zero.
    """

    node: ActorNode
    stance: Stance
    summary: TieSummary


@dataclass(frozen=True, slots=True)
class Balance:
    """An actor's counterparts, most cooperative first, and its overall record."""

    total: TieSummary
    counterparts: tuple[Counterpart, ...]
    partners: tuple[ActorNode, ...]
    adversaries: tuple[ActorNode, ...]


def balance(G: EventGraph, actor: NodeId, *, where: EdgeFilter = DEFAULT_FILTER) -> Balance:
    """Return the summed and mean Goldstein and quad class counts per counterpart of ``actor``.

    Events in both directions count (``outgoing`` ones are the actor's own
    acts); events of the actor with itself do not.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An event graph.
    actor : node id
        The actor; a node not in ``G`` has no counterparts.
    where : EdgeFilter, optional
        Which events count.

    Returns
    -------
    balance : Balance
        ``counterparts`` by Goldstein sum (highest first), then name;
        ``partners`` from the most cooperative, ``adversaries`` from the most
        hostile; ``total`` over all the counted events.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> for id_, name in [(1, "Putin"), (2, "Assad"), (3, "Erdogan"), (4, "Poroshenko")]:
    ...     G.add_node(id_, name=name, type="person", country=None, role=None)
    >>> ev = dict(negated=False, modality="asserted", cameo="040", confidence=0.9, date=None)
    >>> G.add_edge(1, 2, key=1, quad_class=2, goldstein=7.0, **ev)
    1
    >>> G.add_edge(4, 1, key=2, quad_class=3, goldstein=-4.0, **ev)
    2
    >>> G.add_edge(1, 3, key=3, quad_class=1, goldstein=1.0, **ev)
    3
    >>> G.add_edge(3, 1, key=4, quad_class=3, goldstein=-1.0, **ev)
    4
    >>> b = balance(G, 1)
    >>> [(c.node.name, c.stance, c.summary.goldstein_sum) for c in b.counterparts]
    [('Assad', 'partner', 7.0), ('Erdogan', 'neutral', 0.0), ('Poroshenko', 'adversary', -4.0)]
    >>> [a.name for a in b.partners], [a.name for a in b.adversaries], b.total.goldstein_sum
    (['Assad'], ['Poroshenko'], 3.0)
    """
    edges = [e for e in incident_edges(G, actor, where) if e[0] != e[1]]
    by_other: defaultdict[NodeId, list[Edge]] = defaultdict(list)
    for edge in edges:
        by_other[edge[1] if edge[0] == actor else edge[0]].append(edge)
    counterparts = [
        Counterpart(node_record(G, n), _stance(summary), summary)
        for n, summary in ((n, summarize(es, origin={actor})) for n, es in by_other.items())
    ]
    counterparts.sort(key=lambda c: (-c.summary.goldstein_sum, sort_key(G, c.node.id)))
    adversaries = sorted(
        (c for c in counterparts if c.stance == "adversary"),
        key=lambda c: (c.summary.goldstein_sum, sort_key(G, c.node.id)),
    )
    return Balance(
        total=summarize(edges, origin={actor}),
        counterparts=tuple(counterparts),
        partners=tuple(c.node for c in counterparts if c.stance == "partner"),
        adversaries=tuple(c.node for c in adversaries),
    )


def _stance(summary: TieSummary) -> Stance:
    if summary.goldstein_sum > 0:
        return "partner"
    return "adversary" if summary.goldstein_sum < 0 else "neutral"
