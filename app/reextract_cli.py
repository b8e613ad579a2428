"""``diplograph reextract``: choose stored articles, re-extract them, or show what would change."""

import argparse
import sys

from sqlalchemy.orm import Session, sessionmaker

from diplograph.app.cli import CliError
from diplograph.core.db import transaction
from diplograph.core.models import EventRow
from diplograph.core.repositories import articles, events
from diplograph.ingest import version as ingest_version
from diplograph.ingest.service import ReextractResult, reextract_many, stored_input
from diplograph.ingest.types import ExtractedEvent

WHERE_FIELDS = ("id", "title", "url", "version")


def selection(args: argparse.Namespace, *, current: str) -> articles.ArticleSelection:
    """Return the articles ``--since``, ``--until``, ``--where`` and ``--all`` select."""
    ids: list[int] = []
    fields: dict[str, str] = {}
    for clause in args.where:
        field, sep, value = clause.partition("=")
        field = field.strip()
        if not sep or field not in WHERE_FIELDS or not value:
            raise CliError(
                f"--where {clause!r}: expected FIELD=VALUE with FIELD one of "
                + ", ".join(WHERE_FIELDS)
            )
        if field == "id":
            if not value.strip().isdigit():
                raise CliError(f"--where {clause!r}: an id is a whole number")
            ids.append(int(value))
        else:
            fields[field] = value
    return articles.ArticleSelection(
        ids=tuple(ids) if ids else None,
        since=args.since,
        until=args.until,
        title_contains=fields.get("title"),
        url_contains=fields.get("url"),
        version=fields.get("version"),
        not_version=None if args.all or "version" in fields else current,
    )


def event_line(
    sentence_index: int, source: str, action: str, cameo: str, target: str, modality: str
) -> str:
    """Return one event as the dry run prints it."""
    return f"[{sentence_index}] {source} -{action}/{cameo}-> {target} {modality}"


def _stored_lines(rows: list[EventRow]) -> list[str]:
    return [
        event_line(
            r.sentence.index,
            r.source.canonical_name,
            r.action,
            r.cameo_code,
            r.target.canonical_name,
            r.modality,
        )
        for r in rows
    ]


def _new_lines(found: tuple[ExtractedEvent, ...]) -> list[str]:
    return [
        event_line(e.sentence_index, e.source.name, e.action, e.cameo, e.target.name, e.modality)
        for e in found
    ]


def dry_run(factory: sessionmaker[Session], ids: list[int]) -> int:
    """Print, per article, the stored events the current extractor would drop (-) and add (+);
    write nothing; return 0."""
    from diplograph.ingest.pipeline import extract_one

    changed = 0
    for article_id in ids:
        with transaction(factory) as session:
            article = stored_input(session, article_id)
            rows = list(events.all_matching(session, events.EventFilter(article_id=article_id)))
            old = _stored_lines(rows)
            versions = sorted({r.extractor_version or "unknown" for r in rows})
        if article is None:
            continue
        new = _new_lines(extract_one(article).events)
        gone = sorted(set(old) - set(new))
        came = sorted(set(new) - set(old))
        if gone or came:
            changed += 1
            print(
                f"article {article_id} ({', '.join(versions) or 'no events'} -> "
                f"{ingest_version.extractor_version()}):"
            )
            for line in gone:
                print(f"- {line}")
            for line in came:
                print(f"+ {line}")
    print(f"{changed} of {len(ids)} articles would change", file=sys.stderr)
    return 0


def run_reextract(factory: sessionmaker[Session], args: argparse.Namespace) -> int:
    """Re-extract the selected articles, one transaction each, with a progress line per
    article on stderr; return 0."""
    current = ingest_version.extractor_version()
    with transaction(factory) as session:
        ids = articles.select_ids(session, selection(args, current=current))
    if args.dry_run:
        return dry_run(factory, ids)
    total = len(ids)
    print(f"re-extracting {total} articles with {current}", file=sys.stderr, flush=True)
    done = 0
    added = removed = 0

    def progress(result: ReextractResult) -> None:
        nonlocal done, added, removed
        done += 1
        added += len(result.event_ids)
        removed += result.events_removed
        print(
            f"[{done}/{total}] article {result.article_id}: {result.events_removed} events "
            f"-> {len(result.event_ids)}",
            file=sys.stderr,
            flush=True,
        )

    reextract_many(factory, ids, on_article=progress)
    print(
        f"{done} articles re-extracted, {removed} events removed, {added} events added",
        file=sys.stderr,
    )
    return 0
