"""``diplograph ingest --workers N`` and ``--scheduler ADDRESS``: ingest on a Dask cluster."""

import sys
from datetime import date

from diplograph.app.progress import IngestProgress
from diplograph.core.db import make_engine, make_session_factory
from diplograph.ingest.shards import OtherReader, plan_shards, tapered

PROGRESS_EVERY = 30.0
"""Seconds between two progress lines when the output is not a terminal."""


class ClusterOptionError(Exception):
    """The cluster options cannot be used as given (the message says why, in one line)."""


def ingest_on_cluster(
    paths: list[str],
    *,
    published: date | None,
    title: str | None,
    url: str | None,
    database_url: str,
    workers: int | None,
    scheduler: str | None,
    shard_size: int,
    read_others: OtherReader | None = None,
    recursive: bool = True,
) -> int:
    """Ingest ``paths`` on a local cluster of ``workers`` processes or at ``scheduler``.

    ``.txt`` and ``.jsonl`` files are read by the workers; every other source (URLs,
    ``-``, pages, feeds, URL lists) by ``read_others`` here, then extracted on the cluster.

    Prints the unreadable articles, the shards lost and one summary line on stderr;
    returns the exit code (0, or 1 when an article was skipped or a shard lost). Raises
    :class:`ClusterOptionError` for unusable options or an unreachable scheduler and
    ``InputError`` for a bad path, before anything is stored.
    """
    if workers is not None and scheduler is not None:
        raise ClusterOptionError("--workers and --scheduler exclude each other")
    try:
        from diplograph.ingest import cluster
    except ImportError as exc:
        raise ClusterOptionError(
            f"--workers and --scheduler need Dask ({exc.name} is missing): "
            "pip install 'diplograph[distributed]'"
        ) from None
    shards = list(
        plan_shards(
            paths,
            size=shard_size,
            published=published,
            title=title,
            url=url,
            read_others=read_others,
            recursive=recursive,
        )
    )
    engine = make_engine(database_url)
    threads = cluster.WRITING_WORKER_THREADS if cluster.workers_write(database_url) else 1
    try:
        with (
            cluster.connect(
                workers=workers,
                scheduler=scheduler,
                threads=threads,
            ) as client,
            IngestProgress(sum(s.size for s in shards), every=PROGRESS_EVERY) as progress,
        ):
            run = cluster.ingest_on_cluster(
                client,
                tapered(shards, len(client.nthreads())),  # workers finish close together
                factory=make_session_factory(engine),
                database_url=database_url,
                on_shard=lambda result, _: progress.advance(result.shard.size, str(result.shard)),
            )
    except cluster.ClusterUnavailableError as exc:
        raise ClusterOptionError(str(exc)) from None
    finally:
        engine.dispose()
    for error in run.errors:
        print(f"skipped {error}", file=sys.stderr)
    for item in run.not_stored:
        print(f"not stored {item}", file=sys.stderr)
    for shard, reason in run.failed:
        print(f"failed {shard}: {reason}", file=sys.stderr)
    summary = run.summary
    lost = sum(shard.size for shard, _ in run.failed)
    print(
        f"{summary.articles_added} articles added, {summary.articles_unchanged} already stored, "
        f"{len(run.errors) + len(run.not_stored)} skipped, {summary.events_added} events added"
        + (f", {lost} not ingested ({len(run.failed)} shards failed)" if run.failed else ""),
        file=sys.stderr,
    )
    return 1 if run.errors or run.failed or run.not_stored else 0
