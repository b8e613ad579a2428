"""A thread-safe cache of the event graph, rebuilt only when the events changed."""

import threading
from collections.abc import Callable

import networkx as nx
from sqlalchemy.orm import Session

from core.repositories import events as event_repo
from graph.build import build_graph
from graph.records import ActorNode, EventRecord


def load_records(session: Session) -> list[EventRecord]:
    """Return every stored event as a plain record."""
    records = []
    for row in event_repo.all_matching(session, event_repo.EventFilter()):
        records.append(
            EventRecord(
                id=row.id,
                source=ActorNode(
                    row.source.id,
                    row.source.canonical_name,
                    row.source.type,
                    row.source.country,
                    row.source.role,
                ),
                target=ActorNode(
                    row.target.id,
                    row.target.canonical_name,
                    row.target.type,
                    row.target.country,
                    row.target.role,
                ),
                cameo=row.cameo_code,
                quad_class=row.quad_class,
                goldstein=row.goldstein,
                date=row.event_date,
                modality=row.modality,
                confidence=row.confidence,
                negated=row.negated,
                article_id=row.article_id,
                sentence_id=row.sentence_id,
                sentence=row.sentence.text,
                trigger=row.trigger,
            )
        )
    return records


class GraphCache:
    """Holds the graph keyed on the events' version; ``get`` rebuilds it only after a change."""

    def __init__(self, loader: Callable[[Session], list[EventRecord]] = load_records) -> None:
        self._loader = loader
        self._lock = threading.Lock()
        self._version: tuple[int, int] | None = None
        self._graph: nx.MultiDiGraph[int] = nx.MultiDiGraph()
        self.builds = 0

    def get(self, session: Session) -> "nx.MultiDiGraph[int]":
        """Return the graph of the events stored now, rebuilding it if they changed."""
        version = event_repo.version(session)
        if version == self._version:
            return self._graph
        with self._lock:
            if version != self._version:
                self._graph = build_graph(self._loader(session))
                self._version = version
                self.builds += 1
            return self._graph
