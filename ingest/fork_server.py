"""The fork server local Dask workers are started from, with the extraction loaded in it.

Kept apart from :mod:`diplograph.ingest.cluster` (which imports Dask) so that a command can
start the server first thing, and the model loads while the command does the rest of its
setting up.
"""

import multiprocessing
from multiprocessing import forkserver

PRELOAD_MODULE = "diplograph.ingest.worker_preload"
"""The module the fork server imports (the extraction, loaded) before it forks any worker,
after Dask's own package."""


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
    forkserver.ensure_running()
    return True
