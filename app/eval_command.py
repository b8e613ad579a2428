"""``diplograph eval``: score the extractor (or any command) against gold articles."""

import argparse
import json
import shlex
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from diplograph.app.cli import CliError
from diplograph.ingest.scoring import (
    Counts,
    GoldArticle,
    load_gold,
    missed_notes,
    prf,
    score_article,
)
from diplograph.ingest.sentence_suite import (
    SentenceCounts,
    SuiteRecord,
    load_suite,
    predicted_triples,
    sentence_counts,
)


def gold_files(paths: list[Path]) -> list[Path]:
    """Return the gold files named by ``paths``, folders expanded to their sorted .json(l) files."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.iterdir() if p.suffix in (".json", ".jsonl"))
        elif path.is_file():
            files.append(path)
        else:
            raise CliError(f"{path}: no such file or folder")
    return files


def _command_events(command: str, article: GoldArticle) -> list[Mapping[str, Any]]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{article.id}.txt"
        path.write_text(article.text, encoding="utf-8")
        line = command.replace("{file}", shlex.quote(str(path))).replace(
            "{date}", article.published
        )
        run = subprocess.run(line, shell=True, capture_output=True, text=True, check=False)
    if run.returncode != 0:
        print(
            f"# {article.id}: exit {run.returncode}: {run.stderr.strip()[-300:]}", file=sys.stderr
        )
    return [json.loads(x) for x in run.stdout.splitlines() if x.strip().startswith("{")]


def _extractor_events(articles: list[GoldArticle]) -> Iterator[list[Mapping[str, Any]]]:
    from diplograph.ingest.pipeline import extract_many
    from diplograph.ingest.records import event_record
    from diplograph.ingest.sources import parse_date
    from diplograph.ingest.types import ArticleInput

    inputs = [
        ArticleInput(id=a.id, text=a.text, published=parse_date(a.published or None))
        for a in articles
    ]
    for extracted in extract_many(inputs):
        yield [event_record(e, extracted.article.id) for e in extracted.events]


def evaluate(args: argparse.Namespace) -> int:
    """Print precision, recall and F1 per gold article and in total (entity and country level);
    return 0.

    The last line is ``entity_f1=<x> country_f1=<y>``, as the shared scorer prints it.
    """
    cmd: str | None = args.cmd
    verbose: bool = args.verbose
    if getattr(args, "sentences", False):
        return evaluate_sentences([Path(p) for p in args.gold], cmd, verbose)
    articles = load_gold(gold_files([Path(p) for p in args.gold]))
    if cmd is None:
        predictions: Iterator[list[Mapping[str, Any]]] = _extractor_events(articles)
    else:
        predictions = (_command_events(cmd, a) for a in articles)
    total = Counts()
    for article, events in zip(articles, predictions, strict=True):
        score = score_article(article, events)
        total.add(score.counts)
        c = score.counts
        p, r, f = prf(c.tp, c.fp, c.fn)
        print(
            f"{article.id:40s} pred={score.predicted:3d} tp={c.tp:3d} fp={c.fp:3d} fn={c.fn:3d}"
            f"  P={p:.2f} R={r:.2f} F1={f:.2f}"
        )
        if verbose:
            for note in missed_notes(article, score):
                print(f"    missed: {note}")
    p, r, f = prf(total.tp, total.fp, total.fn)
    cp, cr, cf = prf(total.ctp, total.cfp, total.cfn)
    print(
        f"TOTAL entity P={p:.3f} R={r:.3f} F1={f:.3f} | country P={cp:.3f} R={cr:.3f} F1={cf:.3f}"
    )
    print(f"entity_f1={f:.3f} country_f1={cf:.3f}")
    return 0


def _sentence_events(
    records: list[SuiteRecord], cmd: str | None
) -> Iterator[list[Mapping[str, Any]]]:
    articles = [
        GoldArticle(id=r.id, published=r.date, text=r.text, actors={}, events=()) for r in records
    ]
    if cmd is not None:
        for article in articles:
            yield _command_events(cmd, article)
        return
    yield from _extractor_events(articles)


def evaluate_sentences(paths: list[Path], cmd: str | None, verbose: bool) -> int:
    """Print CAMEO-root precision, recall and F1 over sentence suites (countries and roots
    must match; then roots alone; then country pairs alone); return 0.

    The last line is ``sentence_f1=<x> root_f1=<y> dyad_f1=<z>``.
    """
    for path in paths:
        if not path.exists():
            raise CliError(f"{path}: no such file or folder")
        records, excluded = load_suite(path)
        total = SentenceCounts()
        for record, events in zip(records, _sentence_events(records, cmd), strict=True):
            counts = sentence_counts(record.accepted or record.expected, events)
            total.add(counts)
            if verbose and (counts.fp or counts.fn):
                found = sorted(predicted_triples(events), key=str)
                print(f"{record.id:16s} expected={sorted(record.expected, key=str)} got={found}")
                print(f"    {record.text}")
        p, r, f = prf(total.tp, total.fp, total.fn)
        rp, rr, rf = prf(total.root_tp, total.root_fp, total.root_fn)
        dp, dr, df = prf(total.dyad_tp, total.dyad_fp, total.dyad_fn)
        print(
            f"{path}: {len(records)} sentences ({excluded} excluded) "
            f"tp={total.tp} fp={total.fp} fn={total.fn}"
        )
        print(
            f"TOTAL root+countries P={p:.3f} R={r:.3f} F1={f:.3f} | "
            f"root only P={rp:.3f} R={rr:.3f} F1={rf:.3f} | "
            f"dyad only P={dp:.3f} R={dr:.3f} F1={df:.3f}"
        )
        print(f"sentence_f1={f:.3f} root_f1={rf:.3f} dyad_f1={df:.3f}")
    return 0
