"""A thread-safe cache of the event graph, rebuilt only when the stored events changed."""

import threading
from collections.abc import Callable, Iterable

import networkx as nx
from sqlalchemy.orm import Session

from core.repositories import events
from graph.build import build_graph
from graph.load import load_records
from graph.records import EventRecord

Version = tuple[int, int]
Loader = Callable[[Session], Iterable[EventRecord]]


class GraphCache:
    """Holds the event graph keyed on ``events.version`` (highest event id, event count).

    ``get`` checks the version (one cheap query) and rebuilds only when it
    differs from the one the cached graph was built at. Rebuilds happen under a
    lock, one at a time; the (version, graph) pair is swapped in as one object,
    so a reader never sees a graph with another version's key. Callers must not
    modify the graph they get.
    """

    def __init__(self, loader: Loader = load_records) -> None:
        self._loader = loader
        self._lock = threading.Lock()
        self._built: tuple[Version, nx.MultiDiGraph[int]] | None = None
        self._builds = 0

    @property
    def builds(self) -> int:
        """Return how many times the graph was built since the cache was made."""
        return self._builds

    def get(self, session: Session) -> "nx.MultiDiGraph[int]":
        """Return the graph of the events ``session`` sees, rebuilding it if they changed."""
        version = events.version(session)
        built = self._built
        if built is not None and built[0] == version:
            return built[1]
        with self._lock:
            built = self._built
            if built is None or built[0] != version:
                built = (version, build_graph(self._loader(session)))
                self._built = built
                self._builds += 1
            return built[1]
