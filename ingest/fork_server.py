"""The fork server local Dask workers are started from, with the extraction loaded in it.

Kept apart from :mod:`diplograph.ingest.cluster` (which imports Dask) so that a command can
start the server first thing, and the model loads while the command does the rest of its
setting up.
"""

import multiprocessing
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from multiprocessing import forkserver

PRELOAD_MODULE = "diplograph.ingest.worker_preload"
"""The module the fork server imports (the extraction, loaded) before it forks any worker,
after Dask's own package."""

THREAD_LIMITS = {"OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
"""Set for the server unless set already: one thread per worker, as Dask sets for the worker
processes it spawns itself (they must be set before numpy loads, so before the server starts)."""

SERVER_MARK = "DIPLOGRAPH_FORK_SERVER"
"""Set in the server's environment only, so that :data:`PRELOAD_MODULE` knows it runs in the
server (it takes the mark off before any worker is forked)."""

UNSET = ("MALLOC_TRIM_THRESHOLD_",)
"""Left out of the server's environment. Dask sets ``MALLOC_TRIM_THRESHOLD_=65536`` for the
processes it spawns, and in the environment of the process that runs the cluster, so that
workers give freed memory back to the system; extraction allocates and frees all the time,
and that trimming cost it 10 to 20 % of its CPU (one worker, 100 articles, spawned with and
without it). A worker's memory is the model and one shard: nothing to give back."""


def start_fork_server() -> bool:
    """Start this process's multiprocessing fork server, preloading :data:`PRELOAD_MODULE`,
    unless it runs already; return whether workers can be forked from it on this platform.

    The server loads the extraction once, and every worker forked from it starts with the
    model loaded: one load of a few seconds of CPU per run instead of one per worker, and
    the model's memory shared between them. Started before Dask asks for the context,
    because Dask sets a preload list of its own when it is the first to ask, and the list
    is read once, when the server starts. Returns without waiting for the load.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return False
    multiprocessing.get_context("forkserver").set_forkserver_preload(
        ["distributed", PRELOAD_MODULE]
    )
    changes: dict[str, str | None] = {k: v for k, v in THREAD_LIMITS.items() if k not in os.environ}
    changes.update(dict.fromkeys(UNSET))
    changes[SERVER_MARK] = "1"
    with environment(changes):
        forkserver.ensure_running()
    return True


@contextmanager
def environment(changes: Mapping[str, str | None]) -> Iterator[None]:
    """Set (a value) or remove (None) these environment variables, and put them back as they
    were on exit; yields nothing."""
    before = {key: os.environ.get(key) for key in changes}
    try:
        _apply(changes)
        yield
    finally:
        _apply(before)


def _apply(values: Mapping[str, str | None]) -> None:
    """Set or remove each environment variable of ``values``. Returns nothing."""
    for key, value in values.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
