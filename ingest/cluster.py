"""Ingest on a Dask cluster: workers extract shards of the input, and the results are stored
a shard at a time (one transaction per shard, one savepoint per article: nothing
half-written), by the workers themselves on PostgreSQL or by one writer in this process on
SQLite (which has one writer at a time anyway).

Dask does the scheduling: each shard is one task (:func:`extract_shard`); a worker that
dies takes its tasks with it and the scheduler runs them again elsewhere. Storing is
idempotent (an article whose text is stored is left as it is), so a shard run twice
stores each of its articles once. A worker process loads the spaCy pipeline once, at its
first shard.
"""

import logging
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache

import dask
from distributed import Client, Future, LocalCluster, as_completed
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from diplograph.core.db import make_engine, make_session_factory, transaction
from diplograph.core.repositories import runs
from diplograph.ingest import version as ingest_version
from diplograph.ingest.actor_cache import ActorCache
from diplograph.ingest.batches import NotStored, StoreOutcome, store_batch
from diplograph.ingest.fork_server import start_fork_server
from diplograph.ingest.gazetteer import gazetteer
from diplograph.ingest.shards import Shard, read_shard
from diplograph.ingest.sources import SourceError
from diplograph.ingest.types import ArticleInput, ExtractedArticle, RunSummary

TASK_RETRIES = 2
"""How many times a shard whose task raised (a database gone, say) is run again."""


LOCAL_WORKER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
}
"""Dask settings of a local cluster (its scheduler, nannies and workers), made for a machine
whose every core extracts. The statistical profiler (on by default) walks the stack of the
worker thread every 10 ms for the dashboard, which a local cluster does not have: on spaCy's
deep stacks that cost 15 to 25 ms of CPU per article (about 8 % of the extraction), in a
thread that takes the GIL from the extraction's. The event-loop tick (20 ms), system monitor
(500 ms) and memory monitor (100 ms) keep an idle cluster of two workers at about 7 % of a
core in this process and 2 % in each worker; at these intervals, 1 % and 0.4 %."""


class ClusterUnavailableError(Exception):
    """The Dask scheduler named cannot be reached (the message says where and why)."""


@dataclass(frozen=True)
class ShardResult:
    """What a worker did with one shard.

    ``extracted`` holds the extractions when this process stores them (SQLite);
    ``stored`` what storing did when the worker stored them itself (PostgreSQL).
    """

    shard: Shard
    errors: tuple[SourceError, ...]
    extracted: tuple[ExtractedArticle, ...] = ()
    stored: tuple[StoreOutcome, ...] = ()


@dataclass
class ClusterRun:
    """Counts of an ingest on a cluster, with the unreadable articles and the lost shards."""

    summary: RunSummary
    errors: list[SourceError] = field(default_factory=list)
    failed: list[tuple[Shard, str]] = field(default_factory=list)
    not_stored: list[NotStored] = field(default_factory=list)


def workers_write(database_url: str) -> bool:
    """Return whether workers store their results themselves (PostgreSQL) or send them back."""
    return make_url(database_url).get_backend_name() == "postgresql"


@lru_cache(maxsize=4)
def _worker_sessions(database_url: str) -> sessionmaker[Session]:
    """Return this worker process's session factory on ``database_url`` (one engine each)."""
    return make_session_factory(make_engine(database_url, write=True))


@lru_cache(maxsize=4)
def _worker_actors(database_url: str) -> ActorCache:
    """Return this worker process's actor cache on ``database_url`` (kept from shard to shard)."""
    return ActorCache()


_EXTRACTING = threading.Lock()
"""Held by the worker thread extracting a shard: one extraction at a time per process."""

_STORING = threading.Lock()
"""Held by the worker thread storing a shard: one store at a time per process (the actor
cache and the session factory are the process's)."""


def extract_shard(shard: Shard, database_url: str | None) -> ShardResult:
    """Extract the articles of ``shard``; store them too when ``database_url`` is given.

    Runs on a worker. The shard's articles are stored together in one transaction, each
    in its own savepoint (:func:`~diplograph.ingest.batches.store_batch`), so a worker that
    dies half-way leaves whole articles only. Extracting and storing each take their
    turn (:data:`_EXTRACTING`, :data:`_STORING`): a worker of two threads
    (:data:`WRITING_WORKER_THREADS`) stores one shard, mostly waiting for the database,
    while it extracts the next, and the task of a shard ends only once it is stored.
    """
    # Imported here, on the worker: the driver that only stores never loads spaCy.
    from diplograph.ingest.pipeline import extract_many

    items = list(read_shard(shard))
    errors = tuple(item for item in items if isinstance(item, SourceError))
    articles = [item for item in items if isinstance(item, ArticleInput)]
    with _EXTRACTING:
        extracted = tuple(extract_many(articles))
    if database_url is None:
        return ShardResult(shard, errors, extracted=extracted)
    with _STORING:
        factory = _worker_sessions(database_url)
        actors = _worker_actors(database_url)
        stored = tuple(store_batch(factory, extracted, actors=actors))
    return ShardResult(shard, errors, stored=stored)


def in_flight_limit(client: Client) -> int:
    """Return how many shards to keep submitted at once: two per worker thread."""
    threads: dict[str, int] = client.nthreads()
    return max(2, 2 * sum(threads.values()))


def ingest_on_cluster(
    client: Client,
    shards: Iterable[Shard],
    *,
    factory: sessionmaker[Session],
    database_url: str,
    on_shard: Callable[[ShardResult, int], None] | None = None,
) -> ClusterRun:
    """Extract ``shards`` on the cluster behind ``client`` and store every article once.

    At most :func:`in_flight_limit` shards are submitted at a time, so neither the
    scheduler nor this process holds a large input. ``on_shard(result, n_stored)`` is
    called as each shard is done. A shard whose task failed more than
    ``TASK_RETRIES`` times, or whose workers kept dying, is reported in ``failed``;
    the others are stored all the same. The run is recorded in ``ingest_runs``.
    """
    here = not workers_write(database_url)
    worker_url = None if here else database_url
    with transaction(factory) as session:
        run_id = runs.start(session, extractor_version=ingest_version.extractor_version()).id
    run = ClusterRun(RunSummary(run_id, 0, 0, 0))
    added = unchanged = n_events = 0
    actors = ActorCache()
    pending = iter(shards)
    submitted: dict[Future[ShardResult], Shard] = {}
    done = as_completed()

    def submit_next() -> None:
        shard = next(pending, None)
        if shard is not None:
            future = client.submit(
                extract_shard, shard, worker_url, pure=False, retries=TASK_RETRIES
            )
            submitted[future] = shard
            done.add(future)

    for _ in range(in_flight_limit(client)):
        submit_next()
    if here:
        gazetteer()  # this writer's tables load while the workers extract the first shards
    for future in done:
        shard = submitted.pop(future)
        result: ShardResult | None = None
        try:
            result = future.result()
        except Exception as exc:  # the task kept failing, or the workers running it kept dying
            run.failed.append((shard, f"{type(exc).__name__}: {exc}"))
        future.release()
        submit_next()
        if result is None:
            continue
        stored = store_batch(factory, result.extracted, actors=actors) if here else result.stored
        for item in stored:
            if isinstance(item, NotStored):
                run.not_stored.append(item)
            elif item.created:
                added += 1
                n_events += item.new_events
            else:
                unchanged += 1
        run.errors.extend(result.errors)
        if on_shard is not None:
            on_shard(result, len(stored))
    with transaction(factory) as session:
        runs.finish(
            session, run_id, articles_added=added, articles_skipped=unchanged, events_added=n_events
        )
    run.summary = RunSummary(run_id, added, unchanged, n_events)
    return run


WRITING_WORKER_THREADS = 2
"""Threads of a local worker that stores its own shards (PostgreSQL): one extracts while
the other stores (see :func:`extract_shard`)."""


@contextmanager
def connect(
    *, workers: int | None = None, scheduler: str | None = None, threads: int = 1
) -> Iterator[Client]:
    """Yield a client on the scheduler at ``scheduler``, or on a new local cluster.

    The local cluster has ``workers`` processes of ``threads`` threads each and no
    dashboard; it is shut down on exit. Raises :class:`ClusterUnavailableError` when no scheduler
    answers at ``scheduler`` within 10 seconds.
    """
    if scheduler is not None:
        try:
            client = Client(scheduler, timeout="10s")
        except (OSError, ValueError) as exc:
            message = f"no Dask scheduler answers at {scheduler}: {exc}"
            raise ClusterUnavailableError(message) from exc
        with client:
            yield client
        return
    config: dict[str, object] = dict(LOCAL_WORKER_CONFIG)
    if start_fork_server():
        config["distributed.worker.multiprocessing-method"] = "forkserver"
    # The workers get the configuration in force when they start (their nanny passes it).
    with (
        dask.config.set(config),
        LocalCluster(
            n_workers=workers or 1,
            threads_per_worker=threads,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client
