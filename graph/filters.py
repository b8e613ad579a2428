"""Which events a graph question counts: the filters every graph endpoint shares."""

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any, cast

import networkx as nx

from diplograph.graph.records import Edge, EventGraph, NodeId

MODALITIES: frozenset[str] = frozenset(
    {"asserted", "intended", "requested", "reported", "hypothetical"}
)
"""Every modality an event can have."""

ASSERTED_ONLY: frozenset[str] = frozenset({"asserted"})
"""The modalities that count unless a question asks for others."""


@dataclass(frozen=True)
class EdgeFilter:
    """Which events count: a date range, CAMEO prefixes, quad classes, confidence, modalities.

    Negated events ("did not meet") never count. Every other field left at its
    default does not filter, except ``modalities``, which keeps only asserted
    events unless given. With ``since`` or ``until`` set, undated events do not
    count. The filter is hashable, so it can key a cache.

    Examples
    --------
    >>> from datetime import date
    >>> met = {"cameo": "040", "quad_class": 1, "confidence": 0.9, "modality": "asserted",
    ...        "negated": False, "date": date(2017, 12, 11)}
    >>> EdgeFilter().accepts(met), EdgeFilter(codes=("11", "12")).accepts(met)
    (True, False)
    >>> EdgeFilter(since=date(2018, 1, 1)).accepts(met)
    False
    >>> EdgeFilter().accepts({**met, "negated": True})
    False
    >>> EdgeFilter(modalities=MODALITIES).accepts({**met, "modality": "intended"})
    True
    """

    since: date | None = None
    until: date | None = None
    codes: tuple[str, ...] = ()
    """CAMEO code prefixes ("04" = consult, "111" = criticize); empty: every code."""
    quad_classes: frozenset[int] = field(default_factory=frozenset)
    """1 verbal / 2 material cooperation, 3 verbal / 4 material conflict; empty: all four."""
    min_confidence: float = 0.0
    modalities: frozenset[str] = ASSERTED_ONLY

    @cached_property
    def accepts(self) -> Callable[[Mapping[str, Any]], bool]:
        """Return whether the event with edge attributes ``data`` counts: ``accepts(data)``.

        A function made once per filter, checking only what the filter
        restricts (graph queries call it on every event they read).
        """
        modalities, codes, quads = self.modalities, self.codes, self.quad_classes
        min_confidence, since, until = self.min_confidence, self.since, self.until
        dated = since is not None or until is not None

        def accepts(data: Mapping[str, Any]) -> bool:
            if data["negated"] or data["modality"] not in modalities:
                return False
            if codes and not data["cameo"].startswith(codes):
                return False
            if quads and data["quad_class"] not in quads:
                return False
            if min_confidence and data["confidence"] < min_confidence:
                return False
            if not dated:
                return True
            when: date | None = data["date"]
            return (
                when is not None
                and (since is None or when >= since)
                and (until is None or when <= until)
            )

        return accepts


DEFAULT_FILTER = EdgeFilter()
"""Asserted, non-negated events of any code, class, confidence and date."""


def kept_edges(G: EventGraph, where: EdgeFilter = DEFAULT_FILTER) -> Iterator[Edge]:
    """Yield the events of ``G`` that ``where`` accepts, as ``(u, v, key, data)``."""
    for u, v, key, data in G.edges(keys=True, data=True):
        if where.accepts(data):
            yield u, v, key, data


def incident_edges(G: EventGraph, node: NodeId, where: EdgeFilter = DEFAULT_FILTER) -> list[Edge]:
    """Return the events of ``node`` (either end) that ``where`` accepts; self-loops once.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> fact = dict(negated=False, modality="asserted", cameo="040", quad_class=1,
    ...             confidence=0.9, date=None)
    >>> G.add_edges_from([(1, 2, 5, fact), (3, 1, 6, fact), (1, 1, 7, fact), (2, 3, 8, fact)])
    [5, 6, 7, 8]
    >>> [(u, v, k) for u, v, k, _ in incident_edges(G, 1)]
    [(1, 2, 5), (1, 1, 7), (3, 1, 6)]
    """
    if node not in G:
        return []
    found: list[Edge] = []
    for v, keydict in G.succ[node].items():
        for key, data in keydict.items():
            if where.accepts(data):
                found.append((node, v, cast(int, key), data))
    for u, keydict in G.pred[node].items():
        if u == node:
            continue
        for key, data in keydict.items():
            if where.accepts(data):
                found.append((u, node, cast(int, key), data))
    return found


def edges_between(
    G: EventGraph, a: NodeId, b: NodeId, where: EdgeFilter = DEFAULT_FILTER
) -> list[Edge]:
    """Return the events from ``a`` to ``b`` and from ``b`` to ``a`` that ``where`` accepts.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> fact = dict(negated=False, modality="asserted", cameo="040", quad_class=1,
    ...             confidence=0.9, date=None)
    >>> G.add_edges_from([(1, 2, 5, fact), (2, 1, 6, fact), (1, 3, 7, fact)])
    [5, 6, 7]
    >>> [(u, v, k) for u, v, k, _ in edges_between(G, 2, 1)]
    [(2, 1, 6), (1, 2, 5)]
    """
    found: list[Edge] = []
    if a not in G or b not in G:
        return found
    pairs = [(a, b)] if a == b else [(a, b), (b, a)]
    for u, v in pairs:
        for key, data in G.succ[u].get(v, {}).items():
            if where.accepts(data):
                found.append((u, v, cast(int, key), data))
    return found


def filtered_graph(G: EventGraph, where: EdgeFilter = DEFAULT_FILTER) -> EventGraph:
    """Return a new graph of the events ``where`` accepts and the nodes they link.

    Node attributes are copied (shallowly); edge attributes are copied when they are a
    dict, else shared (the read-only mappings of an event graph, whose evidence sentence is
    read when asked for: a copy would read every event's); nodes left without any accepted
    event are left out.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([1, 2, 3], name="x")
    >>> fact = dict(negated=False, modality="asserted", cameo="040", quad_class=1,
    ...             confidence=0.9, date=None)
    >>> G.add_edges_from([(1, 2, 5, fact), (2, 3, 6, {**fact, "negated": True})])
    [5, 6]
    >>> H = filtered_graph(G)
    >>> sorted(H.nodes), list(H.edges(keys=True))
    ([1, 2], [(1, 2, 5)])
    """
    H: EventGraph = nx.MultiDiGraph()
    H.graph.update(G.graph)
    succ: dict[NodeId, dict[NodeId, dict[int, Any]]] = H._succ  # type: ignore[attr-defined]
    for u, v, key, data in kept_edges(G, where):
        for n in (u, v):
            if n not in H:
                H.add_node(n, **G.nodes[n])
        H.add_edge(u, v, key=key)
        succ[u][v][key] = dict(data) if isinstance(data, dict) else data  # pred shares it
    return H
