"""What the fork server of a local Dask cluster imports before it forks any worker
(see :func:`diplograph.ingest.cluster.connect`).

Importing this module loads the extraction: the spaCy pipeline and every table a first
article reads. Each worker process forked from the server starts with them in memory,
shared copy-on-write, instead of spending seconds of CPU loading a copy of its own.
"""

from contextlib import suppress

from diplograph.ingest.pipeline import warm_up

# The fork server survives only an ImportError from a preloaded module; any other failure
# (a missing model, say) would take it down with every worker start. A worker that finds
# nothing loaded loads at its first shard and reports the failure there, as before.
with suppress(Exception):
    warm_up()
