"""A thread-safe cache of the event graph, rebuilt only when the stored events changed."""

import gc
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from typing import Any, TypeVar, cast

from sqlalchemy.orm import Session

from diplograph.core.repositories import events
from diplograph.graph.build import build_graph
from diplograph.graph.country import Level, country_graph
from diplograph.graph.load import iter_records
from diplograph.graph.records import EventGraph, EventRecord

Version = tuple[int, int]
Loader = Callable[[Session], Iterable[EventRecord]]
T = TypeVar("T")

MEMO_SIZE = 32
"""How many derived results (views, rankings, partitions) a snapshot keeps."""

SETTLE_FROM_EDGES = 100_000
"""From this many edges, the garbage collector is kept off the graph (see :func:`settle`)."""

RECOUNT_AFTER = 60.0
"""Seconds between full version checks (the event count scans an index: ~10 ms at 1M events)."""


def is_big(graph: EventGraph) -> bool:
    """Return whether ``graph`` is big enough to keep the collector off (see :func:`settle`)."""
    return graph.number_of_edges() >= SETTLE_FROM_EDGES


def settle() -> None:
    """Keep the collector's full passes off a big graph: collect once, then ``gc.freeze()``.

    A million-event graph holds about half a million dicts the cyclic garbage
    collector tracks; each of its full passes walks them all (close to a
    second), and one falls due soon after a build or a big derived result,
    landing in some request's latency. Collecting right away and freezing what
    is alive (``gc.freeze``: moved to a permanent generation the collector
    skips) pays that once, at build time. :meth:`GraphCache.snapshot` calls
    ``gc.unfreeze()`` before the next build so that the old graph can be freed.
    Only called for graphs of ``SETTLE_FROM_EDGES`` edges or more (:func:`is_big`).
    """
    gc.collect()
    gc.freeze()


class GraphSnapshot:
    """The event graph at one version and the results derived from it.

    Derived results (the country view, rankings, partitions...) are memoized
    by key for as long as the snapshot is current: a new ingest makes a new
    snapshot, so nothing derived from old events is ever served. The memo
    keeps the ``memo_size`` most recently used results. Callers must not
    modify the graphs or results they get.
    """

    def __init__(self, version: Version, graph: EventGraph, memo_size: int = MEMO_SIZE) -> None:
        self.version = version
        self.graph = graph
        self.big = is_big(graph)
        """Whether the graph and its derived results are settled (:func:`settle`)."""
        self._memo: OrderedDict[Hashable, Any] = OrderedDict()
        self._memo_size = memo_size
        self._lock = threading.Lock()
        self.computed = 0
        """How many derived results were computed (memo misses)."""

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """Return the result memoized under ``key``, computing it with ``compute`` if missing.

        Two threads missing the same key at once may both compute it; the
        first result stored wins and both get it.
        """
        with self._lock:
            if key in self._memo:
                self._memo.move_to_end(key)
                return cast(T, self._memo[key])
        value = compute()
        with self._lock:
            if key in self._memo:
                return cast(T, self._memo[key])
            self.computed += 1
            self._memo[key] = value
            while len(self._memo) > self._memo_size:
                self._memo.popitem(last=False)
        if self.big:
            settle()
        return value

    def level(self, level: Level) -> EventGraph:
        """Return the actor graph, or the country view derived from it (memoized)."""
        if level == "actor":
            return self.graph
        return self.memo(("level", "country"), lambda: country_graph(self.graph))


class GraphCache:
    """Holds the event graph keyed on ``events.version`` (highest event id, event count).

    ``snapshot`` rebuilds the graph only when the version differs from the one
    the cached graph was built at. The check is cheap: every call reads the
    highest event id (one primary-key lookup), which grows with every ingest
    that adds events; the full version, whose count also notices events
    deleted behind the app's back, is read when that id changed and otherwise
    at most every ``recount_after`` seconds. Rebuilds happen under a lock, one
    at a time; the snapshot is swapped in as one object, so a reader never
    sees a graph with another version's key or results derived from another
    version's graph.
    """

    def __init__(
        self,
        loader: Loader = iter_records,
        memo_size: int = MEMO_SIZE,
        recount_after: float = RECOUNT_AFTER,
    ) -> None:
        self._loader = loader
        self._memo_size = memo_size
        self._recount_after = recount_after
        self._lock = threading.Lock()
        self._built: GraphSnapshot | None = None
        self._recount_at = 0.0
        self._builds = 0

    @property
    def builds(self) -> int:
        """Return how many times the graph was built since the cache was made."""
        return self._builds

    def invalidate(self) -> None:
        """Make the next request read the full version (id and count) instead of trusting the
        highest event id: called after the app deleted or replaced events. Returns nothing."""
        self._recount_at = 0.0

    def current(self, session: Session) -> GraphSnapshot | None:
        """Return the cached snapshot if the cheap check finds it current, else None.

        One primary-key lookup and never a build: callers that must not block
        (an event loop) try this first and call :meth:`snapshot` elsewhere when
        it answers None.
        """
        built = self._built
        if (
            built is not None
            and time.monotonic() < self._recount_at
            and events.latest_id(session) == built.version[0]
        ):
            return built
        return None

    def snapshot(self, session: Session) -> GraphSnapshot:
        """Return the snapshot of the events ``session`` sees, rebuilding it if they changed."""
        built = self.current(session)
        if built is not None:
            return built
        version = events.version(session)
        with self._lock:
            built = self._built
            if built is None or built.version != version:
                if gc.get_freeze_count():
                    gc.unfreeze()  # so that the graph being replaced can be freed
                graph = build_graph(self._loader(session))
                built = GraphSnapshot(version, graph, self._memo_size)
                self._built = built
                self._builds += 1
                if built.big:
                    settle()
            self._recount_at = time.monotonic() + self._recount_after
            return built

    def get(self, session: Session) -> EventGraph:
        """Return the actor graph of the events ``session`` sees (see :meth:`snapshot`)."""
        return self.snapshot(session).graph
