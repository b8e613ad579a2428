"""The live event graph: new events applied as they arrive, full builds in the background.

:class:`GraphCache` holds one :class:`~graph.snapshot.GraphSnapshot`. On every request
it reads a marker (highest event id, highest mention id, generation: three primary-key
lookups); events with a higher id are read and added to the graph in place
(copy-on-write, see :mod:`graph.live`), in time proportional to what was added, and
events already in the graph that new mentions tell (a later article told them) have
their ``mentions`` and ``articles`` counts re-read and set in place. A change that cannot be
applied so (a deletion, a rewritten event, a renamed or merged actor) bumps the
generation (SQLite triggers, migration ``0004_graph_generation``) or changes the event
count (checked every ``recount_after`` seconds); then a new graph is built in a
background thread while requests keep being served from the current snapshot, which
reports since when it is stale. Only the very first build (at start-up, see
:meth:`GraphCache.start`) is waited for. Each build computes the derived results the app
asks it to warm before the new snapshot is served (see :class:`GraphCache`).
"""

import gc
import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from diplograph.core.repositories import events, graph_state
from diplograph.graph.build import build_graph
from diplograph.graph.load import iter_records, load_graph
from diplograph.graph.records import EventGraph, EventRecord
from diplograph.graph.snapshot import MEMO_SIZE, GraphSnapshot, collector_paused, is_big, settle

__all__ = ["BuildStatus", "GraphCache", "GraphSnapshot", "is_big", "settle"]

Loader = Callable[[Session], Iterable[EventRecord]]
Warmer = Callable[[GraphSnapshot, GraphSnapshot | None], None]
"""Computes derived results of a new snapshot (given the one it replaces, None at first)."""

logger = logging.getLogger(__name__)

RECOUNT_AFTER = 60.0
"""Seconds between event counts (deletions on databases without triggers; ~10 ms at 1M)."""

BULK_AFTER = 100_000
"""From this many new events at once, a background build replaces applying them in place."""


@dataclass(frozen=True)
class BuildStatus:
    """What ``/health`` says about the graph: is it ready, is a build running, how far."""

    ready: bool
    building: bool
    loaded: int
    """Events read by the running build (or the last one)."""
    total: int
    """Events the running build (or the last one) reads."""
    events: int
    """Events in the graph being served (0 before the first build ends)."""
    through: int
    """Highest event id in the graph being served."""
    generation: int
    builds: int
    stale_s: float
    """Seconds since a change the served graph does not reflect was noticed (0: current)."""


class GraphCache:
    """Holds the live event graph of one database (see the module docstring).

    ``snapshot(session)`` is the entry point: plain, synchronous, never waits for a
    build except the first one. Builds read through their own sessions on the
    engine of the session they are given. ``warm``, when given, is called by every
    build with the new snapshot (and the one it replaces) before it is served, so that
    the derived results it computes there (indexes, views) are not computed on the path
    of the first requests that need them.
    """

    def __init__(
        self,
        loader: Loader = iter_records,
        memo_size: int = MEMO_SIZE,
        recount_after: float = RECOUNT_AFTER,
        bulk_after: int = BULK_AFTER,
        warm: Warmer | None = None,
    ) -> None:
        self._loader = loader
        self._warm = warm
        self._memo_size = memo_size
        self._recount_after = recount_after
        self._bulk_after = bulk_after
        self._built: GraphSnapshot | None = None
        self._apply_lock = threading.Lock()
        self._build_lock = threading.Lock()
        self._ready = threading.Event()
        self._builder: threading.Thread | None = None
        self._build_error: BaseException | None = None
        self._recount_at = 0.0
        self._builds = 0
        self._loaded = 0
        self._total = 0
        self._last_id = 0
        self._invalid = False

    @property
    def builds(self) -> int:
        """Return how many full builds finished since the cache was made."""
        return self._builds

    @property
    def served(self) -> GraphSnapshot | None:
        """Return the snapshot being served (None before the first build ends)."""
        return self._built

    def invalidate(self) -> None:
        """Make the next request wait for a full build: called by the app after it deleted or
        replaced events (the API promises the next request sees that). Returns nothing.

        Cheap, never blocks: the request that next asks for a snapshot rebuilds. The routes
        call it before and after their commit, so a request in between does not consume it.
        """
        self._invalid = True
        self._recount_at = 0.0

    def status(self) -> BuildStatus:
        """Return the readiness, build progress and staleness of the graph."""
        built = self._built
        builder = self._builder
        return BuildStatus(
            ready=built is not None,
            building=builder is not None and builder.is_alive(),
            loaded=self._loaded,
            total=self._total,
            events=built.events if built else 0,
            through=built.through if built else 0,
            generation=built.generation if built else 0,
            builds=self._builds,
            stale_s=built.stale_s() if built else 0.0,
        )

    def start(self, engine: Engine) -> None:
        """Start the first build in a background thread (at start-up), unless one exists."""
        with self._build_lock:
            if self._built is None and not self._building():
                self._spawn(engine)

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until the first build ended; return whether the graph is ready."""
        self._ready.wait(timeout)
        return self._built is not None

    def current(self, session: Session) -> GraphSnapshot | None:
        """Return the snapshot if the marker says it holds every stored event, else None.

        One statement (two primary-key lookups) and never a build or a read of
        events: callers that must not block (an event loop) try this first and
        call :meth:`snapshot` elsewhere when it answers None.
        """
        built = self._built
        if built is None or self._invalid or time.monotonic() >= self._recount_at:
            return None
        mark = graph_state.marker(session)
        if (mark.through, mark.mentions, mark.generation) == (
            built.through,
            built.mentions,
            built.generation,
        ):
            return built
        return None

    def snapshot(self, session: Session) -> GraphSnapshot:
        """Return the live snapshot of the events ``session`` sees, caught up with new ones.

        Events added since the snapshot's last one are read and applied in place;
        any other change starts a background build and the current snapshot is
        returned, marked stale. Waits only when no graph was built yet.
        """
        built = self._built
        if built is None:
            return self._first(session)
        if self._invalid:
            return self._rebuilt(session, built)
        mark = graph_state.marker(session)
        if (
            mark.generation != built.generation
            or mark.through < built.through
            or mark.mentions < built.mentions
        ):
            self._rebuild(session, built)
        else:
            if mark.through > built.through:
                if mark.through - built.through >= self._bulk_after:
                    self._rebuild(session, built)
                else:
                    self._catch_up(session, built)
            if mark.mentions > built.mentions and self._built is built:
                self._recount(session, built, mark.mentions)
        if time.monotonic() >= self._recount_at and self._current(built, mark):
            # Only once the snapshot holds every event this session sees: a count taken
            # while another thread is still applying new events would differ from the
            # snapshot's and throw it away for a full build (seconds without new events).
            self._recount_at = time.monotonic() + self._recount_after
            if events.version(session)[1] != built.events:
                self._rebuild(session, built)
        return self._built or built

    def _current(self, built: GraphSnapshot, mark: graph_state.Marker) -> bool:
        """Return whether ``built`` is the served snapshot and holds what ``mark`` says."""
        return self._built is built and (mark.through, mark.mentions, mark.generation) == (
            built.through,
            built.mentions,
            built.generation,
        )

    def get(self, session: Session) -> EventGraph:
        """Return the actor graph of the events ``session`` sees (see :meth:`snapshot`)."""
        return self.snapshot(session).graph

    def _first(self, session: Session) -> GraphSnapshot:
        with self._build_lock:
            if self._built is None and not self._building():
                self._spawn(session.get_bind())
            builder = self._builder
        if builder is not None:
            builder.join()
        if self._built is None:
            raise RuntimeError("the graph could not be built") from self._build_error
        return self.snapshot(session)

    def _rebuilt(self, session: Session, built: GraphSnapshot) -> GraphSnapshot:
        """Return a snapshot built after :meth:`invalidate` was called (waits for it)."""
        self._invalid = False
        built.mark_stale()
        with self._build_lock:
            running = self._builder if self._building() else None
        if running is not None:
            running.join()  # it may have started before the change: build once more
        with self._build_lock:
            if not self._building():
                self._spawn(session.get_bind())
            builder = self._builder
        if builder is not None:
            builder.join()
        if self._built is built:
            raise RuntimeError("the graph could not be rebuilt") from self._build_error
        return self.snapshot(session)

    def _catch_up(self, session: Session, built: GraphSnapshot) -> None:
        """Apply the events stored after ``built.through`` (one thread at a time; the others
        go on with the snapshot as it is)."""
        if not self._apply_lock.acquire(blocking=False):
            return
        try:
            if self._built is built:
                built.apply(iter_records(session, after=built.through))
        finally:
            self._apply_lock.release()

    def _recount(self, session: Session, built: GraphSnapshot, mentions: int) -> None:
        """Re-read the counts of the events in the graph that the mentions stored after
        ``built.mentions`` (up to ``mentions``) tell: a later article told them (one thread
        at a time, like :meth:`_catch_up`)."""
        if not self._apply_lock.acquire(blocking=False):
            return
        try:
            if self._built is built and mentions > built.mentions:
                rows = graph_state.recounted(
                    session, after=built.mentions, upto=mentions, through=built.through
                )
                built.recount(rows)
                built.mentions = mentions
        finally:
            self._apply_lock.release()

    def _rebuild(self, session: Session, built: GraphSnapshot) -> None:
        built.mark_stale()
        with self._build_lock:
            if not self._building():
                self._spawn(session.get_bind())

    def _building(self) -> bool:
        return self._builder is not None and self._builder.is_alive()

    def _spawn(self, bind: object) -> None:
        if not isinstance(bind, Engine):
            bind = getattr(bind, "engine", bind)
        assert isinstance(bind, Engine)
        engine = bind
        self._builder = threading.Thread(
            target=self._build, args=(engine,), name="graph-build", daemon=True
        )
        self._builder.start()

    def _build(self, engine: Engine) -> None:
        """Build a new snapshot from scratch, catch it up, and swap it in."""
        try:
            with Session(engine) as session:
                through, mentions, generation = graph_state.marker(session)
                self._loaded, self._last_id = 0, 0
                self._total = events.version(session)[1]
                with collector_paused():
                    if self._loader is iter_records:
                        graph = load_graph(session, progress=self._progress)
                    else:
                        graph = build_graph(self._counted(self._loader(session)))
                built = GraphSnapshot(graph, generation, self._memo_size)
                built.through, built.events = max(through, self._last_id), self._loaded
                built.mentions = mentions  # the counts read are at least this fresh
                self._warmed(built)
                with self._apply_lock:
                    built.apply(iter_records(session, after=built.through))
                    self._built = built
                    self._builds += 1
                self._recount_at = time.monotonic() + self._recount_after
            # Only now, once the new graph is served: unfrozen during the build, the old
            # graph would be walked by every full collection the build sets off.
            unfrozen = gc.get_freeze_count() > 0
            if unfrozen:
                gc.unfreeze()  # so that the graph replaced can be freed
            if built.big:
                # Nothing was frozen (the first big graph): the build leaves next to no
                # garbage (about ten objects at a million events), so it is frozen as it is,
                # without a full collection (most of a second).
                settle(collect=unfrozen)
        except Exception as exc:  # reported to the request waiting for the first build
            self._build_error = exc
        finally:
            self._ready.set()

    def _warmed(self, built: GraphSnapshot) -> None:
        """Compute ``built``'s derived results in advance (the events stored meanwhile are
        applied to them when they are next asked for, from the snapshot's edge log)."""
        if self._warm is None:
            return
        try:
            with built.warming(), collector_paused():  # as the build: what it makes lives on
                self._warm(built, self._built)
        except Exception:  # a result not warmed is computed when asked for, as without warm
            logger.exception("warming the derived results of the new graph failed")

    def _progress(self, read: int, last_id: int) -> None:
        self._loaded, self._last_id = read, max(self._last_id, last_id)

    def _counted(self, records: Iterable[EventRecord]) -> Iterable[EventRecord]:
        """Yield ``records``, noting how many were read and the highest id."""
        n = 0
        for n, record in enumerate(records, 1):
            if n % 10_000 == 0:
                self._loaded = n
            self._last_id = max(self._last_id, record.id)
            yield record
        self._loaded = n
