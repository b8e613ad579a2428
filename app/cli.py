"""The ``diplograph`` command line: db, ingest, extract, serve."""

import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from diplograph.app.eval_command import evaluate
from diplograph.core.db import make_engine, make_session_factory
from diplograph.core.migrate import current_revision, upgrade
from diplograph.core.settings import get_settings
from diplograph.ingest.persist import PersistResult
from diplograph.ingest.records import event_record
from diplograph.ingest.sources import InputError, SourceError, parse_date, read_paths
from diplograph.ingest.types import ArticleInput

cli = typer.Typer(
    help="Diplograph: diplomatic events from news, as a queryable graph.",
    no_args_is_help=True,
    add_completion=False,
)
db_cli = typer.Typer(help="Database schema (Alembic migrations).", no_args_is_help=True)
cli.add_typer(db_cli, name="db")

DatabaseOpt = Annotated[
    str | None,
    typer.Option(
        "--database-url",
        envvar="DIPLOGRAPH_DATABASE_URL",
        help="SQLAlchemy URL of the database (default sqlite:///diplograph.db).",
    ),
]
PathsArg = Annotated[list[Path], typer.Argument(help=".txt files, .jsonl files or directories.")]
DateOpt = Annotated[
    str | None,
    typer.Option(
        "--date", envvar="DIPLOGRAPH_DATE", help="Publication date (YYYY-MM-DD) of .txt articles."
    ),
]
TitleOpt = Annotated[
    str | None, typer.Option("--title", envvar="DIPLOGRAPH_TITLE", help="Title of a .txt article.")
]
UrlOpt = Annotated[
    str | None, typer.Option("--url", envvar="DIPLOGRAPH_URL", help="Source URL of a .txt article.")
]


def fail(message: str) -> NoReturn:
    """Print one line on stderr and exit with code 2 (bad input)."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code=2)


def _date_option(value: str | None) -> date | None:
    try:
        return parse_date(value, what="--date")
    except ValueError as exc:
        fail(str(exc))


def _database_url(option: str | None) -> str:
    return option or get_settings().database_url


@db_cli.command("upgrade")
def db_upgrade(database_url: DatabaseOpt = None) -> None:
    """Migrate the database to the latest schema."""
    url = _database_url(database_url)
    upgrade(url)
    typer.echo(f"database at revision {current_revision(url)}", err=True)


@cli.command()
def extract(
    paths: PathsArg,
    date_: DateOpt = None,
    title: TitleOpt = None,
    url: UrlOpt = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print JSON Lines (one event per line).")
    ] = False,
) -> None:
    """Print the events of articles without touching the database."""
    from diplograph.ingest.pipeline import extract_many

    published = _date_option(date_)
    articles: list[ArticleInput] = []
    try:
        for item in read_paths(paths, published=published, title=title, url=url):
            if isinstance(item, SourceError):
                fail(str(item))
            articles.append(item)
    except InputError as exc:
        fail(str(exc))
    out = sys.stdout
    for extracted in extract_many(articles):
        for ev in extracted.events:
            record = event_record(ev, extracted.article.id)
            if as_json:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                flag = " (negated)" if ev.negated else ""
                out.write(
                    f"[{ev.sentence_index}] {ev.source.name} -{ev.action}/{ev.cameo}-> "
                    f"{ev.target.name} {ev.modality}{flag} {record['date'] or ''}\n"
                )


@cli.command()
def ingest(
    paths: PathsArg,
    date_: DateOpt = None,
    title: TitleOpt = None,
    url: UrlOpt = None,
    database_url: DatabaseOpt = None,
) -> None:
    """Extract articles and store them; already stored texts are left as they are."""
    from diplograph.ingest.service import ingest_many

    published = _date_option(date_)
    try:
        items = list(read_paths(paths, published=published, title=title, url=url))
    except InputError as exc:
        fail(str(exc))
    errors = [i for i in items if isinstance(i, SourceError)]
    articles = [i for i in items if isinstance(i, ArticleInput)]
    for err in errors:
        typer.echo(f"skipped {err}", err=True)
    engine = make_engine(_database_url(database_url))
    factory = make_session_factory(engine)
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
    engine.dispose()
    typer.echo(
        f"{summary.articles_added} articles added, {summary.articles_unchanged} already stored, "
        f"{len(errors)} skipped, {summary.events_added} events added",
        err=True,
    )
    if errors:
        raise typer.Exit(code=1)


@cli.command()
def serve(
    host: Annotated[
        str, typer.Option(envvar="DIPLOGRAPH_HOST", help="Interface to bind.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(envvar=["DIPLOGRAPH_PORT", "PORT"], help="Port.")] = 8000,
) -> None:
    """Serve the HTTP API (OpenAPI docs at /docs)."""
    import uvicorn

    uvicorn.run("diplograph.app.asgi:app", host=host, port=port, log_level="info", access_log=False)


cli.command("eval")(evaluate)


def main() -> None:
    """Run the command line (the ``diplograph`` console script)."""
    cli()
