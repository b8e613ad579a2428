"""Plain records the graph is built from: no database types, so graph code is testable alone."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, TypeAlias

import networkx as nx

NodeId: TypeAlias = int | str
"""A node of an event graph: an actor id, or an ISO 3166-1 alpha-3 code in the country view."""

if TYPE_CHECKING:
    EventGraph: TypeAlias = nx.MultiDiGraph[NodeId]
else:
    EventGraph = nx.MultiDiGraph

Edge: TypeAlias = tuple[NodeId, NodeId, int, Mapping[str, Any]]
"""One event of an event graph as ``(source, target, event id, edge attributes)``."""


@dataclass(frozen=True, slots=True)
class ActorNode:
    """An actor as a graph node: its id and the attributes stored on the node.

    In the country view (:func:`graph.country.country_graph`) ``id`` is the
    country's ISO alpha-3 code and ``type`` is "country".
    """

    id: NodeId
    name: str
    type: str
    country: str | None
    role: str | None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EventRecord:
    """One event as a graph edge, with its coding and its evidence sentence."""

    id: int
    source: ActorNode
    target: ActorNode
    cameo: str
    quad_class: int
    goldstein: float
    date: date | None
    modality: str
    confidence: float
    negated: bool
    article_id: int
    sentence_id: int
    sentence: str
    trigger: str
    sentence_index: int = 0
    """The sentence's position in its article (0 = the first)."""
    mentions: int = 1
    """Sentences that tell this occurrence (in every article)."""
    articles: int = 1
    """Articles that tell it."""
