"""Plain records the graph is built from: no database types, so graph code is testable alone."""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class ActorNode:
    """An actor as a graph node: its id and the attributes stored on the node."""

    id: int
    name: str
    type: str
    country: str | None
    role: str | None


@dataclass(frozen=True)
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
