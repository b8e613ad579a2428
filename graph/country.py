"""The country view: every actor collapsed onto its country, every event kept."""

from functools import cache
from typing import Literal

import networkx as nx
import pycountry

from diplograph.graph.records import EventGraph, NodeId

Level = Literal["actor", "country"]


def country_graph(G: EventGraph) -> EventGraph:
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
    for n in sorted(G, key=lambda n: (len(str(n)), str(n))):
        attrs = G.nodes[n]
        code = attrs["country"]
        if attrs["type"] == "country" and code and code not in names:
            names[code] = attrs["name"]
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
        C.add_edge(cu, cv, key=key, **data, source_actor=u, target_actor=v)
    return C


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
