"""What each ``diplograph`` command does (the options are in :mod:`diplograph.app.cli`).

Each function takes the parsed options and returns the exit code. Bad inputs are handled
in one place, :func:`report_bad_inputs`: every bad source is reported as
``skipped file:line: reason`` on stderr and skipped, and the command then exits 1.
"""

import argparse
import json
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime

from sqlalchemy.orm import Session, sessionmaker

from diplograph.app.cli import CliError
from diplograph.core.settings import get_settings
from diplograph.ingest.sources import SourceError, SourceReader
from diplograph.ingest.types import ArticleInput

UNDATED_LISTED = 5
"""How many undated articles the warning names before '...'."""


def say(line: str) -> None:
    """Print one line on stderr (where every report goes; stdout carries only results)."""
    print(line, file=sys.stderr, flush=True)


def report_bad_inputs(errors: Sequence[SourceError]) -> int:
    """Report each bad source as ``skipped file:line: reason``; return the exit code it calls
    for (1 if any, else 0)."""
    for error in errors:
        say(f"skipped {error}")
    return 1 if errors else 0


def warn_undated(articles: Sequence[ArticleInput]) -> int:
    """Warn, with their count, about articles without a publication date; return the count."""
    undated = [a.id for a in articles if a.published is None]
    if undated:
        names = ", ".join(undated[:UNDATED_LISTED]) + (
            ", ..." if len(undated) > UNDATED_LISTED else ""
        )
        say(
            f"warning: {len(undated)} articles have no publication date ({names}): relative "
            "dates in them stay unresolved (give --date, a .meta.json or 'published')"
        )
    return len(undated)


def source_reader(args: argparse.Namespace) -> SourceReader:
    """Return the reader of the command's sources, with its date, title and fetch limits."""
    return SourceReader(
        published=args.date,
        title=args.title,
        url=args.url,
        recursive=args.recursive,
        timeout=args.timeout,
        max_bytes=args.max_bytes,
    )


def read_sources(args: argparse.Namespace) -> tuple[list[ArticleInput], list[SourceError]]:
    """Return the articles of the command's sources and the errors of the bad ones."""
    articles: list[ArticleInput] = []
    errors: list[SourceError] = []
    reader = source_reader(args)  # its fetcher (httpx) is made only for a web source
    for item in reader.read(args.sources):
        if isinstance(item, SourceError):
            errors.append(item)
        else:
            articles.append(item)
    return articles, errors


def database_url(args: argparse.Namespace) -> str:
    """Return the database URL of ``--database-url``, else of the settings."""
    url: str | None = getattr(args, "database_url", None)
    return url or get_settings().database_url


@contextmanager
def open_database(args: argparse.Namespace) -> Iterator[sessionmaker[Session]]:
    """Yield a session factory on the migrated database; an unusable one is a one-line error
    naming the fix (and a missing SQLite file is not created)."""
    from diplograph.core.db import make_engine, make_session_factory
    from diplograph.core.migrate import schema_problem

    url = database_url(args)
    try:
        problem = schema_problem(url)
    except Exception as exc:  # a bad URL, a driver not installed, a server not answering
        raise CliError(f"cannot open the database {url}: {exc}") from None
    if problem is not None:
        raise CliError(f"{problem} (run: diplograph db upgrade)")
    engine = make_engine(url, write=True)  # every command that opens it writes
    try:
        yield make_session_factory(engine)
    finally:
        engine.dispose()


def db_upgrade(args: argparse.Namespace) -> int:
    """Migrate the database to the latest schema; return 0."""
    from diplograph.core.migrate import current_revision, upgrade

    url = database_url(args)
    try:
        upgrade(url)
    except Exception as exc:
        raise CliError(f"cannot migrate the database {url}: {exc}") from None
    say(f"database at revision {current_revision(url)}")
    return 0


def extract(args: argparse.Namespace) -> int:
    """Print the events of the articles (text or JSON Lines); return 1 if a source was bad."""
    from diplograph.ingest.pipeline import extract_many
    from diplograph.ingest.records import event_record

    articles, errors = read_sources(args)
    code = report_bad_inputs(errors)
    warn_undated(articles)
    out = sys.stdout
    for extracted in extract_many(articles) if articles else ():
        for ev in extracted.events:
            record = event_record(ev, extracted.article.id)
            if args.json:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                flag = " (negated)" if ev.negated else ""
                out.write(
                    f"[{ev.sentence_index}] {ev.source.name} -{ev.action}/{ev.cameo}-> "
                    f"{ev.target.name} {ev.modality}{flag} {record['date'] or ''}\n"
                )
    return code


def ingest(args: argparse.Namespace) -> int:
    """Store the articles; return 1 if a source was bad."""
    if args.workers is not None or args.scheduler is not None:
        return ingest_on_cluster(args)  # before importing the extraction: workers do it
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from diplograph.ingest.persist import PersistResult
    from diplograph.ingest.service import ingest_many

    with open_database(args) as factory:
        articles, errors = read_sources(args)
        code = report_bad_inputs(errors)
        undated = warn_undated(articles)
        if not articles:
            say(f"0 articles added, 0 already stored, {len(errors)} skipped, 0 events added")
            return code
        progress = Progress(
            TextColumn("ingesting"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.description}"),
            transient=True,
            disable=not sys.stderr.isatty(),
        )
        with progress:
            task = progress.add_task("", total=len(articles))

            def advance(article: ArticleInput, result: PersistResult) -> None:
                progress.update(task, advance=1, description=article.id)

            summary = ingest_many(factory, articles, on_article=advance)
    undated_note = f", {undated} undated" if undated else ""
    say(
        f"{summary.articles_added} articles added, {summary.articles_unchanged} already stored, "
        f"{len(errors)} skipped, {summary.events_added} events added{undated_note}"
    )
    return code


def ingest_on_cluster(args: argparse.Namespace) -> int:
    """Store the articles, extracted on a Dask cluster; return 1 if a source or shard failed."""
    from diplograph.app import cluster_cli
    from diplograph.ingest.sources import InputError

    with open_database(args):  # the same checks of the database as without a cluster
        pass
    reader = source_reader(args)  # reads what workers do not: URLs, stdin, pages, feeds
    try:
        return cluster_cli.ingest_on_cluster(
            list(args.sources),
            published=args.date,
            title=args.title,
            url=args.url,
            database_url=database_url(args),
            workers=args.workers,
            scheduler=args.scheduler,
            shard_size=args.shard_size,
            read_others=lambda others: list(reader.read(others)),
            recursive=args.recursive,
        )
    except (cluster_cli.ClusterOptionError, InputError) as exc:
        raise CliError(str(exc)) from None
    finally:
        reader.close()


def delete(args: argparse.Namespace) -> int:
    """Delete the articles ``args.ids``; return 1 if one of them does not exist."""
    from diplograph.core.db import transaction
    from diplograph.core.repositories import articles

    code = 0
    with open_database(args) as factory:
        for article_id in args.ids:
            with transaction(factory) as session:
                removed = articles.delete(session, article_id)
            if removed is None:
                say(f"skipped {article_id}: no such article")
                code = 1
            else:
                say(f"deleted article {article_id} ({removed} events)")
    return code


def reextract(args: argparse.Namespace) -> int:
    """Re-extract the selected articles (or show what would change); return 0."""
    from diplograph.app.reextract_cli import run_reextract

    with open_database(args) as factory:
        return run_reextract(factory, args)


def import_events(args: argparse.Namespace) -> int:
    """Import the events of GDELT or ICEWS files; return 1 if a line or file was bad."""
    from pathlib import Path

    from diplograph.ingest.event_files import ONE_SIDED, ImportedEvent, read_event_file
    from diplograph.ingest.import_events import import_events as store

    errors: list[SourceError] = []
    one_sided = 0

    def items() -> Iterator[ImportedEvent]:
        nonlocal one_sided
        for name in args.files:
            if not Path(name).is_file():
                errors.append(SourceError(name, None, "no such file"))
                continue
            for item in read_event_file(Path(name), args.format):
                if not isinstance(item, SourceError):
                    yield item
                elif item.reason == ONE_SIDED:
                    one_sided += 1
                else:
                    errors.append(item)

    with open_database(args) as factory:
        summary = store(factory, items())
    code = report_bad_inputs(errors)
    say(
        f"{summary.events_added} events imported from {summary.articles_added} new sources, "
        f"{summary.already_stored} already stored, {one_sided} one-sided, "
        f"{summary.unknown_codes} with an unknown CAMEO code, {len(errors)} skipped"
    )
    return code


def watch(args: argparse.Namespace) -> int:
    """Poll the feeds until stopped (or ``--once`` / ``--max-polls``); return 0."""
    from diplograph.ingest.watch import poll_once
    from diplograph.ingest.web import Fetcher

    polls = 1 if args.once else args.max_polls
    with (
        open_database(args) as factory,
        Fetcher(timeout=args.timeout, max_bytes=args.max_bytes) as fetcher,
    ):
        n = 0
        while polls is None or n < polls:
            n += 1
            summary = poll_once(factory, list(args.feeds), fetcher)
            for problem in summary.problems:
                say(f"skipped {problem}")
            stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            say(f"{stamp} {summary.line(n)}")
            if polls is None or n < polls:
                time.sleep(args.every)
    return 0


def score(args: argparse.Namespace) -> int:
    """Score the extractor (or ``--cmd``) against gold articles; return 0."""
    from diplograph.app.eval_command import evaluate

    return evaluate(args)


def is_loopback(host: str) -> bool:
    """Return whether ``host`` is reachable only from this machine (localhost, 127.x, ::1).

    >>> is_loopback("127.0.0.1"), is_loopback("localhost"), is_loopback("0.0.0.0")
    (True, True, False)
    """
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(args: argparse.Namespace) -> int:
    """Serve the HTTP API until stopped; return uvicorn's outcome (0)."""
    import os

    if args.database_url:
        os.environ["DIPLOGRAPH_DATABASE_URL"] = args.database_url
        get_settings.cache_clear()
    with open_database(args):
        pass  # refuse an unmigrated database before binding the port
    if not is_loopback(args.host) and not get_settings().write_keys():
        print(
            f"WARNING: serving on {args.host} without DIPLOGRAPH_API_KEYS: anyone who can reach "
            "this port can write to the graph. Set DIPLOGRAPH_API_KEYS (comma-separated keys, "
            "or a file of them) to require a key for writes.",
            file=sys.stderr,
            flush=True,
        )
    import uvicorn

    uvicorn.run(
        "diplograph.app.asgi:app",
        host=args.host,
        port=args.port,
        log_level="info",
        access_log=False,
    )
    return 0
