"""What the fork server of a local Dask cluster imports before it forks any worker
(see :func:`diplograph.ingest.cluster.connect`).

Importing this module loads the extraction: the spaCy pipeline and every table a first
article reads. Each worker process forked from the server starts with them in memory,
shared copy-on-write, instead of spending seconds of CPU loading a copy of its own.
"""

import atexit
import gc
import os
import sys
from contextlib import suppress

from diplograph.ingest.fork_server import SERVER_MARK
from diplograph.ingest.pipeline import warm_up

# The fork server survives only an ImportError from a preloaded module; any other failure
# (a missing model, say) would take it down with every worker start. A worker that finds
# nothing loaded loads at its first shard and reports the failure there, as before.
with suppress(Exception):
    warm_up()


def settle_in_server() -> bool:
    """In the fork server (marked by :data:`~diplograph.ingest.fork_server.SERVER_MARK`),
    take the mark off, freeze what is loaded and have the server end without tearing it
    down; return whether this process is the server.

    Frozen objects are left out of every garbage collection, the server's and its workers'
    (which inherit them): the loaded model and tables are never garbage, and a worker's
    collections otherwise walk them again and again (about 2 % of its CPU, and pages
    copied that the workers could share). Tearing the loaded model down when the command
    ends costs the server half a second of CPU, and whoever reads the command's output
    waits for it: the server holds the output open too.
    """
    if os.environ.pop(SERVER_MARK, None) is None:
        return False
    gc.freeze()
    atexit.register(exit_at_once)
    return True


def exit_at_once() -> None:
    """Flush the standard streams and end the process with status 0, skipping the rest of
    the interpreter's shutdown. Returns nothing.

    Exit functions run last registered first, so those of the modules loaded before this
    one (multiprocessing's, logging's) are skipped too: in the server they have nothing
    to do (it starts no process of its own; the workers it forks never run exit functions).
    """
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


settle_in_server()
