"""The country view: every actor collapsed onto its country, every event kept."""

from collections.abc import Iterable
from functools import cache
from typing import Any, Literal

import networkx as nx
import pycountry

from diplograph.graph.edges import FoldedEdgeData
from diplograph.graph.live import add_edge, add_nodes
from diplograph.graph.records import Edge, EventGraph, NodeId

Level = Literal["actor", "country"]


def country_graph(G: EventGraph, namers: dict[str, NodeId] | None = None) -> EventGraph:
    """Return the graph of ``G`` with each actor replaced by its country.

    Nodes are ISO 3166-1 alpha-3 codes with the attributes of an actor node:
    ``name`` is the name of the country's own actor (type "country") when
    ``G`` has one, else its ISO short name (the common one when ISO has one),
    else the code; ``type`` is "country", ``country`` the code,
    ``role`` None and ``aliases`` empty. Each event stays one edge, keyed by
    its id, with its attributes plus ``source_actor`` and ``target_actor``
    (the actor ids it links). Events of an actor without a country are left
    out; events between two actors of one country become self-loops.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An actor-level event graph.

    Returns
    -------
    C : networkx.MultiDiGraph
        The country-level event graph.

    ``namers``, when given, is filled with the actor that names each country named
    by one (what :func:`add_country_edges` needs to keep names right).

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node(1, name="Vladimir Putin", type="person", country="RUS", role=None)
    >>> G.add_node(2, name="Syria", type="country", country="SYR", role=None)
    >>> G.add_node(3, name="Bashar al-Assad", type="person", country="SYR", role=None)
    >>> G.add_node(4, name="Hamas", type="group", country=None, role=None)
    >>> G.add_edges_from([(1, 3, 7, {"cameo": "040"}), (1, 2, 8, {}), (3, 4, 9, {})])
    [7, 8, 9]
    >>> C = country_graph(G)
    >>> C.nodes["SYR"]
    {'name': 'Syria', 'type': 'country', 'country': 'SYR', 'role': None, 'aliases': ()}
    >>> list(C.edges(keys=True, data=True))[0]
    ('RUS', 'SYR', 7, {'cameo': '040', 'source_actor': 1, 'target_actor': 3})
    >>> C.nodes["RUS"]["name"], C.number_of_edges()
    ('Russian Federation', 2)
    """
    names: dict[str, str] = {}
    namers = {} if namers is None else namers
    for n in sorted(G, key=_naming_order):
        attrs = G.nodes[n]
        code = attrs["country"]
        if attrs["type"] == "country" and code and code not in names:
            names[code] = attrs["name"]
            namers[code] = n
    C: EventGraph = nx.MultiDiGraph()
    for u, v, key, data in G.edges(keys=True, data=True):
        cu: NodeId | None = G.nodes[u]["country"]
        cv: NodeId | None = G.nodes[v]["country"]
        if not cu or not cv:
            continue
        for code in (cu, cv):
            if code not in C:
                C.add_node(
                    code,
                    name=names.get(str(code)) or country_name(str(code)),
                    type="country",
                    country=code,
                    role=None,
                    aliases=(),
                )
        C.add_edge(cu, cv, key=key)
        C._succ[cu][cv][key] = FoldedEdgeData(data, u, v)  # type: ignore[attr-defined]
    return C


def add_country_edges(
    C: EventGraph, G: EventGraph, edges: Iterable[Edge], namers: dict[str, NodeId]
) -> list[Edge]:
    """Add to the country view ``C`` of ``G`` the country edges of ``edges`` (new in ``G``).

    Safe while other threads read ``C`` (copy-on-write, see :mod:`graph.live`);
    ``namers`` is what :func:`country_graph` filled, kept up to date here. A
    country actor that sorts before the one naming its country renames it.
    Returns the edges added to ``C``.
    """
    added: list[Edge] = []
    for u, v, key, data in edges:
        fresh: dict[NodeId, dict[str, Any]] = {}
        for actor in (u, v):
            attrs = G.nodes[actor]
            code, namer = attrs["country"], namers.get(attrs["country"])
            if (
                code
                and attrs["type"] == "country"
                and (namer is None or _naming_order(actor) < _naming_order(namer))
            ):
                namers[code] = actor
                if code in C:
                    fresh[code] = _country_attrs(code, attrs["name"])
        cu: NodeId | None = G.nodes[u]["country"]
        cv: NodeId | None = G.nodes[v]["country"]
        if cu and cv:
            for code in (cu, cv):
                if code not in C and code not in fresh:
                    namer = namers.get(str(code))
                    fresh[code] = _country_attrs(
                        str(code), G.nodes[namer]["name"] if namer is not None else None
                    )
        if fresh:
            add_nodes(C, fresh)
        if not cu or not cv:
            continue
        edge = FoldedEdgeData(data, u, v)
        add_edge(C, cu, cv, key, edge)
        added.append((cu, cv, key, edge))
    return added


def _country_attrs(code: str, name: str | None) -> dict[str, Any]:
    return {
        "name": name or country_name(code),
        "type": "country",
        "country": code,
        "role": None,
        "aliases": (),
    }


def _naming_order(n: NodeId) -> tuple[int, str]:
    return (len(str(n)), str(n))


@cache
def country_name(code: str) -> str:
    """Return the ISO 3166 name of the alpha-3 ``code`` (its common name if any), else the code.

    >>> country_name("SYR"), country_name("USA"), country_name("XKX")
    ('Syria', 'United States', 'XKX')
    """
    found = pycountry.countries.get(alpha_3=code)
    if found is None:
        return code
    name: str = getattr(found, "common_name", None) or found.name
    return name
