"""The ``diplograph`` command line: its options, help texts and error handling.

Only the standard library is imported here, so ``diplograph --help`` answers at once; each
command imports what it needs (spaCy, SQLAlchemy, uvicorn...) in :mod:`diplograph.app.commands`
when it runs. Every option also reads an environment variable (named in its help).

Exit codes: 0 done; 1 some inputs were skipped (each reported as ``file:line: reason``);
2 a bad option or an unusable database (one line on stderr, nothing written); 130 interrupted.
"""

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import NoReturn

PROG = "diplograph"


class CliError(Exception):
    """A problem reported as one line on stderr (``error: ...``) with exit ``code``."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.code = code


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line on stderr and exit code 2."""

    def error(self, message: str) -> NoReturn:
        """Print ``<command>: error: <message> (see --help)`` and exit 2."""
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def env(name: str, default: str | None = None) -> str | None:
    """Return the environment variable ``name`` (or ``default``): an option's default."""
    return os.environ.get(name, default)


def iso_date(value: str) -> date:
    """Return the ISO date ``value`` (argparse type); a bad one is a one-line usage error."""
    from diplograph.core.dates import parse_day  # standard library only: --help stays quick

    try:
        return parse_day(value, what="")
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc).strip()) from None


def port_number(value: str) -> int:
    """Return ``value`` as a TCP port (argparse type): 0 (any free port) to 65535."""
    if not value.isdigit() or not 0 <= int(value) <= 65535:
        raise argparse.ArgumentTypeError(f"{value!r} is not a port number (0-65535)")
    return int(value)


def positive_int(value: str) -> int:
    """Return ``value`` as an integer of 1 or more (argparse type)."""
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of 1 or more")
    return int(value)


def positive_float(value: str) -> float:
    """Return ``value`` as a number above 0 (argparse type)."""
    try:
        number = float(value)
    except ValueError:
        number = 0.0
    if not number > 0:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number above 0")
    return number


UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def duration(value: str) -> float:
    """Return ``value`` (``30s``, ``15m``, ``1h``, ``1d`` or seconds) in seconds.

    >>> duration("15m"), duration("90"), duration("1.5h")
    (900.0, 90.0, 5400.0)
    """
    text = value.strip().lower()
    scale = UNITS.get(text[-1:], 0) if text else 0
    number = text[:-1] if scale else text
    try:
        seconds = float(number) * (scale or 1)
    except ValueError:
        seconds = 0.0
    if not seconds > 0:
        raise argparse.ArgumentTypeError(f"{value!r} is not a duration (e.g. 30s, 15m, 1h)")
    return seconds


def package_version() -> str:
    """Return the installed version of diplograph ("0.0.0" when not installed)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("diplograph")
    except PackageNotFoundError:
        return "0.0.0"


class VersionAction(argparse.Action):
    """``--version``: print ``diplograph <version>`` and exit (the version read only then)."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="print the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kw: object) -> None:
        """Print the version on stdout and exit 0."""
        print(f"{PROG} {package_version()}")
        parser.exit(0)


def add_database(p: argparse.ArgumentParser) -> None:
    """Add ``--database-url`` (env DIPLOGRAPH_DATABASE_URL)."""
    p.add_argument(
        "--database-url",
        metavar="URL",
        default=env("DIPLOGRAPH_DATABASE_URL"),
        help="SQLAlchemy URL of the database (env DIPLOGRAPH_DATABASE_URL; "
        "default sqlite:///diplograph.db).",
    )


def add_reading(p: argparse.ArgumentParser) -> None:
    """Add the options that say how articles are read (date, title, URL, recursion)."""
    p.add_argument(
        "sources",
        nargs="+",
        metavar="SOURCE",
        help="a .txt article, a .jsonl file (one article per line), an .html page, an "
        ".rss/.atom/.xml feed, a .urls file (one URL per line), an http(s) URL (page or feed), "
        "a folder of them, or - for standard input (a text, or JSON Lines if it starts with {)",
    )
    p.add_argument(
        "--date",
        type=iso_date,
        metavar="YYYY-MM-DD",
        default=env("DIPLOGRAPH_DATE"),
        help="publication date of .txt, .html, feed and standard-input articles, over the date "
        "they carry (.jsonl lines keep their own); relative dates ('on Monday') are resolved "
        "against it (env DIPLOGRAPH_DATE)",
    )
    p.add_argument(
        "--title", metavar="TEXT", default=env("DIPLOGRAPH_TITLE"), help="title of a .txt article"
    )
    p.add_argument(
        "--url", metavar="URL", default=env("DIPLOGRAPH_URL"), help="source URL of a .txt article"
    )
    p.add_argument(
        "--no-recursive",
        dest="recursive",
        action="store_false",
        help="read only the files directly in a folder, not its subfolders",
    )
    p.add_argument(
        "--timeout",
        type=positive_float,
        metavar="SECONDS",
        default=env("DIPLOGRAPH_TIMEOUT", "20"),
        help="web fetches: seconds to wait for an answer (env DIPLOGRAPH_TIMEOUT; default 20)",
    )
    p.add_argument(
        "--max-bytes",
        type=positive_int,
        metavar="N",
        default=env("DIPLOGRAPH_MAX_BYTES", "5000000"),
        help="web fetches: refuse answers larger than this (default 5000000)",
    )


def build_parser() -> Parser:
    """Return the parser of the whole command line."""
    parser = Parser(
        prog=PROG,
        description="Diplomatic events from news articles (who did what to whom, CAMEO-coded), "
        "stored as a graph and served over HTTP.",
        epilog="Run 'diplograph COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action=VersionAction)
    commands = parser.add_subparsers(
        dest="command", required=True, metavar="COMMAND", help="the command to run"
    )

    def command(name: str, summary: str, description: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=summary, description=description)
        sub.set_defaults(command_parser=sub)
        return sub

    db = command("db", "database schema", "Database schema (Alembic migrations).")
    db_commands = db.add_subparsers(
        dest="db_command", required=True, metavar="COMMAND", help="what to do with the schema"
    )
    upgrade = db_commands.add_parser(
        "upgrade",
        help="migrate to the latest schema",
        description="Migrate the database to the latest schema (creates it if needed).",
    )
    upgrade.set_defaults(command_parser=upgrade)
    add_database(upgrade)

    ingest = command(
        "ingest",
        "extract articles and store them",
        "Extract the events of articles and store them, each article in its own transaction. "
        "A text already stored is left as it is. A bad source is reported (file:line: reason) "
        "and skipped, and the exit code is then 1.",
    )
    add_reading(ingest)
    add_database(ingest)
    ingest.add_argument(
        "--workers",
        type=positive_int,
        metavar="N",
        default=env("DIPLOGRAPH_WORKERS"),
        help="extract on a local Dask cluster of N processes; .txt and .jsonl sources only "
        "(needs diplograph[distributed]; env DIPLOGRAPH_WORKERS)",
    )
    ingest.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        default=env("DIPLOGRAPH_SCHEDULER"),
        help="extract on the existing Dask cluster of this scheduler, tcp://host:8786 "
        "(env DIPLOGRAPH_SCHEDULER)",
    )
    ingest.add_argument(
        "--shard-size",
        type=positive_int,
        metavar="N",
        default=env("DIPLOGRAPH_SHARD_SIZE", "16"),
        help="articles per Dask task with --workers or --scheduler (default 16)",
    )

    extract = command(
        "extract",
        "print the events of articles (no database)",
        "Print the events of articles without touching the database. Bad sources are "
        "reported and skipped as by ingest.",
    )
    add_reading(extract)
    extract.add_argument("--json", action="store_true", help="print JSON Lines, one event per line")

    delete = command(
        "delete",
        "delete stored articles",
        "Delete articles with their sentences and events. Actors stay, even those left "
        "without events.",
    )
    delete.add_argument("ids", nargs="+", type=positive_int, metavar="ID", help="article id")
    add_database(delete)

    reextract = command(
        "reextract",
        "rerun the current extractor over stored articles",
        "Rerun the current extractor over stored articles, replacing each article's sentences "
        "and events in its own transaction. By default only articles made by another extractor "
        "version are taken, so an interrupted run resumes where it stopped.",
    )
    reextract.add_argument(
        "--since", type=iso_date, metavar="YYYY-MM-DD", help="articles published on or after"
    )
    reextract.add_argument(
        "--until", type=iso_date, metavar="YYYY-MM-DD", help="articles published on or before"
    )
    reextract.add_argument(
        "--where",
        action="append",
        default=[],
        metavar="FIELD=VALUE",
        help="only matching articles (repeatable): id=3, title=Syria (contains), "
        "url=example.org (contains), version=rules-0.1+abc (made by that extractor)",
    )
    reextract.add_argument(
        "--all",
        action="store_true",
        help="also articles already made by the current extractor version",
    )
    reextract.add_argument(
        "--dry-run",
        action="store_true",
        help="write nothing; print each article's events that would go (-) and come (+)",
    )
    add_database(reextract)

    watch = command(
        "watch",
        "poll feeds and ingest new items",
        "Poll RSS/Atom feeds and ingest the items not seen before; the items seen are "
        "remembered in the database, so a restart neither repeats nor misses any. "
        "One log line per poll on stderr.",
    )
    watch.add_argument("feeds", nargs="+", metavar="FEED_URL", help="an RSS or Atom feed URL")
    watch.add_argument(
        "--every",
        type=duration,
        default=env("DIPLOGRAPH_WATCH_EVERY", "15m"),
        metavar="DURATION",
        help="time between polls: 30s, 15m, 1h (env DIPLOGRAPH_WATCH_EVERY; default 15m)",
    )
    watch.add_argument("--once", action="store_true", help="poll once and exit")
    watch.add_argument("--max-polls", type=positive_int, metavar="N", help="stop after N polls")
    watch.add_argument(
        "--timeout",
        type=positive_float,
        metavar="SECONDS",
        default="20",
        help="seconds to wait for an answer (default 20)",
    )
    watch.add_argument(
        "--max-bytes",
        type=positive_int,
        metavar="N",
        default="5000000",
        help="refuse answers larger than this (default 5000000)",
    )
    add_database(watch)

    imports = command(
        "import-events",
        "import GDELT or ICEWS event files",
        "Import events from GDELT 1.0/2.0 event exports (tab-separated, no header) or "
        "ICEWS-style CSV/TSV files (with a header row), with their source URLs. They are "
        "stored marked as imported (origin gdelt or icews), never as extracted here; an "
        "event already imported is passed over. One-sided events (one actor) are counted, "
        "not stored.",
    )
    imports.add_argument("files", nargs="+", metavar="FILE", help="a GDELT or ICEWS file")
    imports.add_argument(
        "--format",
        choices=("gdelt", "icews"),
        metavar="FORMAT",
        help="gdelt or icews (default: told from the file's first line)",
    )
    add_database(imports)

    evaluate = command(
        "eval",
        "score the extractor against gold articles",
        "Print precision, recall and F1 per gold article and in total (entity and country "
        "level); the last line is entity_f1=<x> country_f1=<y>.",
    )
    evaluate.add_argument(
        "gold",
        nargs="+",
        metavar="GOLD",
        help="gold articles: .json or .jsonl files, or folders holding them",
    )
    evaluate.add_argument(
        "--cmd",
        metavar="COMMAND",
        help="score this command instead of the built-in extractor: {file} is replaced by a "
        "file holding the article text, {date} by its publication date; it prints JSON Lines",
    )
    evaluate.add_argument(
        "-v", "--verbose", action="store_true", help="list the missed gold events"
    )
    evaluate.add_argument(
        "--sentences",
        action="store_true",
        help="GOLD are sentence suites (records.jsonl, e.g. eval/petrarch_unit): score CAMEO "
        "roots with source and target countries, and roots alone, per sentence",
    )

    serve = command("serve", "serve the HTTP API", "Serve the HTTP API (OpenAPI docs at /docs).")
    serve.add_argument(
        "--host",
        metavar="ADDRESS",
        default=env("DIPLOGRAPH_HOST", "127.0.0.1"),
        help="interface to bind (env DIPLOGRAPH_HOST; default 127.0.0.1)",
    )
    serve.add_argument(
        "--port",
        type=port_number,
        metavar="PORT",
        default=env("DIPLOGRAPH_PORT", env("PORT", "8000")),
        help="port to listen on, 0 for any free one (env DIPLOGRAPH_PORT or PORT; default 8000)",
    )
    add_database(serve)
    return parser


def handler(args: argparse.Namespace) -> Callable[[argparse.Namespace], int]:
    """Return the function that runs the command ``args`` names."""
    from diplograph.app import commands

    special = {"db": "db_upgrade", "eval": "score"}
    name = special.get(args.command, args.command.replace("-", "_"))
    function: Callable[[argparse.Namespace], int] = getattr(commands, name)
    return function


def start_local_workers(args: argparse.Namespace) -> None:
    """Start the fork server of local Dask workers when ``args`` asks for them
    (``ingest --workers N``), first thing: the extraction loads in it while this process
    imports the rest of the command. Returns nothing."""
    if args.command == "ingest" and args.workers is not None and args.scheduler is None:
        from diplograph.ingest.fork_server import start_fork_server

        start_fork_server()


def run(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: the process's); return the exit code."""
    try:
        parser = build_parser()
        args, extra = parser.parse_known_args(argv)
        if extra:
            getattr(args, "command_parser", parser).error(
                f"unrecognized arguments: {' '.join(extra)}"
            )
    except SystemExit as exc:
        return int(exc.code or 0) if not isinstance(exc.code, str) else 2
    start_local_workers(args)
    try:
        return handler(args)(args)
    except CliError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except ModuleNotFoundError as exc:
        if exc.name is None or exc.name.split(".")[0] == "diplograph":
            raise
        print(
            f"{PROG}: the command line needs the server extras ({exc.name} is not installed):"
            " pip install 'diplograph[server]'",
            file=sys.stderr,
        )
        return 2


def main() -> None:
    """Run the command line (the ``diplograph`` console script) and exit with its code."""
    sys.exit(run())
