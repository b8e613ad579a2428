"""One live event graph and the results derived from it, kept current as events arrive."""

import bisect
import ctypes
import ctypes.util
import gc
import threading
import time
from collections.abc import Callable, Hashable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from diplograph.graph.build import edge_columns
from diplograph.graph.country import Level, add_country_edges, country_graph
from diplograph.graph.edges import EdgeData
from diplograph.graph.live import add_events
from diplograph.graph.records import Edge, EventGraph, EventRecord, NodeId

T = TypeVar("T")
Updater = Callable[[T, list[Edge]], T | None]
"""Brings a derived result up to date with new edges (of its level); None when it cannot."""

MEMO_SIZE = 32
"""How many derived results (views, rankings, partitions) a snapshot keeps."""

SETTLE_FROM_EDGES = 100_000
"""From this many edges, the garbage collector is kept off the graph (see :func:`settle`)."""

LOG_SIZE = 200_000
"""How many recent edges a snapshot remembers to bring derived results up to date."""

ANSWERS = 128
"""How many whole answers (serialized pages) a snapshot keeps (:meth:`GraphSnapshot.answer`)."""

Touched = Callable[[list[Edge]], bool]
"""Says whether edges added (or recounted) since an answer was made may change it."""

REFRESH_EVERY = 10.0
"""Least seconds between two background recomputations of one stale derived result."""


def is_big(graph: EventGraph) -> bool:
    """Return whether ``graph`` is big enough to keep the collector off (see :func:`settle`)."""
    cols = graph.__dict__.get("edge_columns")
    # An event graph has a row of edge columns per edge: counted so, not pair by pair
    # (``number_of_edges`` sums the pairs' lengths: most of a second at a million events).
    edges = len(cols.event_id) if cols is not None else graph.number_of_edges()
    return edges >= SETTLE_FROM_EDGES


@contextmanager
def collector_paused() -> Iterator[None]:
    """Keep the cyclic garbage collector off while the block runs (a full build). Yields
    nothing.

    A build makes a million objects that live on; each collection they set off walks
    every young one, and the full ones all of them: about a third of a build's CPU in
    the main thread at a million events. Reference counting frees the rest meanwhile;
    :func:`settle` collects once the build is done. The switch is process-wide, so it is
    turned back on only if it was on.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def settle(*, collect: bool = True) -> None:
    """Keep the collector's full passes off a big graph: collect once, then ``gc.freeze()``.

    A million-event graph holds about half a million dicts the cyclic garbage
    collector tracks; each of its full passes walks them all (close to a
    second), and one falls due soon after a build or a big derived result,
    landing in some request's latency. Collecting right away and freezing what
    is alive (``gc.freeze``: moved to a permanent generation the collector
    skips) pays that once, at build time. Derived results kept for the
    snapshot's life (the meeting index, degree counts, state and country views)
    are settled the same way when computed: left in the collector's oldest
    generation they made each full pass walk them (100-300 ms pauses of every
    thread while news streamed in). The cache calls ``gc.unfreeze()`` after the
    next build is swapped in, so that the old graph can be freed. ``collect=False``
    freezes without collecting (when there is next to nothing to free). Returns nothing.
    """
    if collect:
        gc.collect()
    gc.freeze()
    trim_heap()


def trim_heap() -> None:
    """Give the C heap's free pages back to the system (glibc's ``malloc_trim``; nothing
    elsewhere). Returns nothing.

    A build reads its chunks as large texts on reader threads, each with its own heap
    arena; freed, they stay in the process's resident memory until trimmed (about 130 MB
    at a million events).
    """
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim = libc.malloc_trim
    except (OSError, AttributeError):
        return
    trim(0)


@dataclass
class _Entry:
    value: Any
    through: int
    update: Any
    level: Level
    refreshed_at: float = 0.0


@dataclass
class _Answer:
    body: bytes
    touched: Touched
    through: int
    level: Level


class _Log:
    """The most recent edges added to a graph, by event id, to update derived results."""

    def __init__(self, start: int) -> None:
        self.start = start
        """Every edge with an event id above this one is in the log."""
        self.ids: list[int] = []
        self.edges: list[Edge] = []

    def add(self, edges: list[Edge]) -> None:
        self.ids += [edge[2] for edge in edges]
        self.edges += edges
        if len(self.ids) > LOG_SIZE:
            cut = len(self.ids) - LOG_SIZE // 2
            self.start = self.ids[cut - 1]
            del self.ids[:cut], self.edges[:cut]

    def since(self, through: int) -> list[Edge] | None:
        """Return the edges with an event id above ``through``, or None if forgotten."""
        if through < self.start:
            return None
        return self.edges[bisect.bisect_right(self.ids, through) :]


class GraphSnapshot:
    """The live event graph of one generation and the results derived from it.

    The graph grows in place as events arrive (:meth:`apply`; readers are never
    disturbed, see :mod:`graph.live`). Derived results are memoized by key with
    the id of the last event they reflect: one with an updater is brought up to
    date from the recent edges when asked for (the country view, the meeting
    index, degree counts); one without is served as it is while a background
    thread recomputes it (rankings, partitions), at most every ``REFRESH_EVERY``
    seconds. Callers must not modify the graphs or results they get.
    """

    def __init__(self, graph: EventGraph, generation: int, memo_size: int = MEMO_SIZE) -> None:
        self.graph = graph
        self.generation = generation
        self.through = 0
        """Highest event id in the graph."""
        self.events = 0
        """Events in the graph."""
        self.mentions = 0
        """Highest mention id whose counts the graph reflects."""
        self.built_at = time.time()
        self.stale_since: float | None = None
        """When a change the graph does not reflect was noticed (monotonic clock), if ever."""
        self.big = is_big(graph)
        """Whether the graph and its derived results are settled (:func:`settle`)."""
        self._memo: dict[Hashable, _Entry] = {}
        self._memo_size = memo_size
        self._lock = threading.RLock()
        self._logs: dict[Level, _Log] = {"actor": _Log(0), "country": _Log(0)}
        self._country_through = 0
        self._namers: dict[str, NodeId] = {}
        self._refreshing: set[Hashable] = set()
        self._answers: dict[Hashable, _Answer] = {}
        self._settling = True
        self.computed = 0
        """How many derived results were computed from scratch (memo misses)."""

    @property
    def version(self) -> tuple[int, int]:
        """Return (highest event id, number of events) of the graph."""
        return self.through, self.events

    def stale_s(self) -> float:
        """Return the seconds since the graph became stale (0.0 while it is current)."""
        since = self.stale_since
        return 0.0 if since is None else round(time.monotonic() - since, 3)

    def mark_stale(self) -> None:
        """Record that the store changed in a way this graph does not reflect."""
        if self.stale_since is None:
            self.stale_since = time.monotonic()

    def apply(self, records: Iterable[EventRecord]) -> int:
        """Add ``records`` (events with ids above :attr:`through`) to the graph; return how many.

        Call from one thread at a time (the cache's apply lock).
        """
        added = add_events(self.graph, records)
        if not added:
            return 0
        with self._lock:
            self._logs["actor"].add(added)
            self.events += len(added)
            self.through = max(self.through, max(edge[2] for edge in added))
        return len(added)

    def recount(self, rows: Iterable[tuple[int, NodeId, NodeId, int, int]]) -> int:
        """Set the counts of events in the graph from ``rows`` (event id, source, target,
        mentions, articles); return how many were found. Derived views read the same edge
        rows (:class:`graph.edges.FoldedEdgeData`), so they show the new counts too.

        Call from one thread at a time (the cache's apply lock).
        """
        succ: dict[NodeId, dict[NodeId, dict[int, Any]]] = self.graph._succ  # type: ignore[attr-defined]
        cols = edge_columns(self.graph)
        found = 0
        recounted: list[Edge] = []
        for event_id, u, v, mentions, articles in rows:
            data = succ.get(u, {}).get(v, {}).get(event_id)
            if isinstance(data, EdgeData):
                cols.recount(data, mentions, articles)
                recounted.append((u, v, event_id, data))
                found += 1
        if recounted:
            with self._lock:
                self._forget_answers(recounted)
        return found

    def memo_keys(self) -> list[Hashable]:
        """Return the keys of the derived results memoized, least recently used first."""
        with self._lock:
            return list(self._memo)

    @contextmanager
    def warming(self) -> Iterator[None]:
        """Within the block, derived results computed are not settled one by one (the cache
        settles the new graph and all it warmed once, after the swap); yields nothing."""
        self._settling = False
        try:
            yield
        finally:
            self._settling = True

    def memo(
        self,
        key: Hashable,
        compute: Callable[[], T],
        update: Updater[T] | None = None,
        level: Level = "actor",
    ) -> T:
        """Return the result memoized under ``key``, computing it with ``compute`` if missing.

        ``update(value, new_edges)`` brings a result computed earlier up to date
        with the edges (of ``level``) added since; it runs under the snapshot's
        lock, as does ``compute`` for such results. Without ``update`` a result
        computed earlier is returned as it is and recomputed in the background.
        """
        if level == "country":
            self.level("country")  # brings the country view and its edge log up to date
        with self._lock:
            entry = self._memo.get(key)
            if entry is not None:
                self._memo[key] = self._memo.pop(key)  # most recently used last
                if entry.through >= self._through(level):
                    return cast(T, entry.value)
                if update is None:
                    self._refresh_later(key, compute, level)
                    return cast(T, entry.value)
                edges = self._logs[level].since(entry.through)
                value = update(entry.value, edges) if edges is not None else None
                if value is not None:
                    entry.value, entry.through = value, self._through(level)
                    return value
            if update is not None:
                stored = self._store(key, compute, update, level)
        if update is not None:
            if self.big and self._settling:
                settle()  # a result kept and updated for the snapshot's life: off the collector
            return stored
        value = compute()
        with self._lock:
            found = self._memo.get(key)
            if found is not None and found.through >= self._through(level):
                return cast(T, found.value)
            self.computed += 1
            self._put(key, _Entry(value, self._through(level), None, level))
        if self.big and self._settling:
            settle()
        return value

    def answer(
        self, key: Hashable, compute: Callable[[], tuple[bytes, Touched]], level: Level = "actor"
    ) -> bytes:
        """Return the answer memoized under ``key`` (a serialized page), made by ``compute``
        if missing or if edges added since it was made may change it.

        ``compute`` returns the answer and a test ``touched(edges)`` saying whether new
        edges (of ``level``) may change it: an actor's ego network or meetings change only
        with an edge at the actor (or at its neighbours, two steps out), so while news about
        others streams in, a busy actor's page is answered without being computed again.
        An answer whose edges' counts change (:meth:`recount`) is made again too.
        """
        if level == "country":
            self.level("country")  # brings the country view and its edge log up to date
        with self._lock:
            through = self._through(level)
            found = self._answers.pop(key, None)
            if found is not None and found.through < through:
                edges = self._logs[level].since(found.through)
                if edges is None or found.touched(edges):
                    found = None
                else:
                    found.through = through
            if found is not None:
                self._answers[key] = found  # most recently used last
                return found.body
        body, touched = compute()
        with self._lock:
            self._answers[key] = _Answer(body, touched, through, level)
            while len(self._answers) > ANSWERS:
                del self._answers[next(iter(self._answers))]
        return body

    def _forget_answers(self, edges: list[Edge]) -> None:
        """Drop the answers actor edges ``edges`` may change (call under the lock); the
        country view's answers all (their edges fold the actors' edges)."""
        for key in [k for k, a in self._answers.items() if a.level != "actor" or a.touched(edges)]:
            del self._answers[key]

    def level(self, level: Level) -> EventGraph:
        """Return the actor graph, or the country view derived from it (kept up to date)."""
        if level == "actor":
            return self.graph
        with self._lock:
            entry = self._memo.get(("level", "country"))
            if entry is not None and entry.through >= self.through:
                return cast(EventGraph, entry.value)
            edges = self._logs["actor"].since(entry.through) if entry is not None else None
            if entry is not None and edges is not None:
                self._logs["country"].add(
                    add_country_edges(entry.value, self.graph, edges, self._namers)
                )
                entry.through = self._country_through = self.through
                return cast(EventGraph, entry.value)
            through = self.through
            self._namers = {}
            view = country_graph(self.graph, self._namers)
            self.computed += 1
            self._put(("level", "country"), _Entry(view, through, None, "country"))
            self._logs["country"] = _Log(through)
            self._country_through = through
        if self.big and self._settling:
            settle()
        return view

    def _through(self, level: Level) -> int:
        return self.through if level == "actor" else self._country_through

    def _store(self, key: Hashable, compute: Callable[[], T], update: Any, level: Level) -> T:
        through = self._through(level)
        value = compute()
        self.computed += 1
        self._put(key, _Entry(value, through, update, level))
        return value

    def _put(self, key: Hashable, entry: _Entry) -> None:
        self._memo.pop(key, None)
        self._memo[key] = entry
        while len(self._memo) > self._memo_size:
            oldest = next(iter(self._memo))
            if oldest == ("level", "country") and len(self._memo) > 1:
                self._memo[oldest] = self._memo.pop(oldest)  # the view outlives its users
                oldest = next(iter(self._memo))
            del self._memo[oldest]

    def _refresh_later(self, key: Hashable, compute: Callable[[], Any], level: Level) -> None:
        entry = self._memo[key]
        if key in self._refreshing or time.monotonic() - entry.refreshed_at < REFRESH_EVERY:
            return
        self._refreshing.add(key)
        entry.refreshed_at = time.monotonic()

        def refresh() -> None:
            try:
                through = self._through(level)
                value = compute()
                with self._lock:
                    self.computed += 1
                    if key in self._memo:
                        self._memo[key] = _Entry(value, through, None, level, time.monotonic())
                if self.big:
                    settle()
            finally:
                with self._lock:
                    self._refreshing.discard(key)

        threading.Thread(target=refresh, name="graph-refresh", daemon=True).start()
