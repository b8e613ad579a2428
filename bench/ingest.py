"""Ingest throughput on a Dask cluster against plain ``nlp.pipe`` on one core, same corpus.

Run: ``.venv/bin/python -m bench.ingest [--repeat N] [--workers 1,2] [--stores sqlite,postgres]``.
The corpus is ``bench.extract``'s (the seed and dev articles) repeated ``--repeat`` times,
each copy made a distinct text by a last line naming the copy (so that idempotence does
not skip it). Measured in one run:

1. spaCy's stock ``nlp.pipe`` (plain ``spacy.load``, all stock components) over the
   paragraphs on one core (model loaded before);
2. ``diplograph ingest --workers N`` end to end (a new process: cluster start, one model
   load per worker, extraction and storing included) into a new SQLite file and into a
   new PostgreSQL database (``DIPLOGRAPH_TEST_POSTGRES_URL``, default the local server;
   left out when none answers).

Prints a table of articles/s, words/s and each one's ratio to ``nlp.pipe``, with the CPU
seconds each used (every process of the ingest and, for PostgreSQL, the server's; the
baseline's own) and their ratio to the baseline's, which a busy machine distorts far less
than the clock; then one last line of ``key=value`` figures (``cpu_ratio_w2_sqlite=``...).
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from bench.extract import corpus, time_spacy, words
from bench.process_cpu import TreeCPU
from diplograph.core.migrate import upgrade
from diplograph.ingest.nlp import get_nlp, get_stock_nlp
from diplograph.ingest.types import ArticleInput

DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"

SERVER_PROCESSES = ("postgres",)
"""Processes whose CPU an ingest's counts too: the PostgreSQL server's, on this machine."""


FIRST_DAY = date(2017, 1, 2)
DAYS_APART = 3
"""Copies are dated this far apart: further than ``persist.OCCURRENCE_WINDOW``."""


def distinct_copies(base: list[ArticleInput], repeat: int) -> list[ArticleInput]:
    """Return ``repeat`` copies of ``base``, each a distinct article that is stored.

    A copy's text gets a last line naming it (another content hash) and the copy its own
    publication date, ``DAYS_APART`` days after the previous one: one edited line alone
    would make it a near-duplicate of the first copy (not stored again), and the same date
    would make its events occurrences of the first copy's.
    """
    return [
        ArticleInput(
            id=f"{a.id}-{n}",
            text=f"{a.text.rstrip()}\n\nArchive copy {n}.",
            published=FIRST_DAY + timedelta(days=DAYS_APART * n),
        )
        for n in range(repeat)
        for a in base
    ]


def admin(url: str, statement: str) -> None:
    """Run one statement outside a transaction (CREATE/DROP DATABASE) on ``url``."""
    engine = create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        with engine.connect() as conn:
            conn.execute(text(statement))
    finally:
        engine.dispose()


def postgres_available(url: str) -> bool:
    """Return whether a PostgreSQL server answers at ``url``."""
    try:
        admin(url, "SELECT 1")
    except (SQLAlchemyError, ImportError):
        return False
    return True


def time_ingest(path: Path, database_url: str, workers: int, expected: int) -> tuple[float, float]:
    """Return the seconds ``diplograph ingest --workers N`` takes on ``path`` (end to end),
    and the CPU seconds of all its processes (the database server's included)."""
    exe = Path(sys.executable).parent / "diplograph"
    args = [str(exe), "ingest", str(path), "--workers", str(workers)]
    args += ["--database-url", database_url]
    start = time.perf_counter()
    with (
        subprocess.Popen(
            args,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        ) as process,
        TreeCPU(process.pid, also=SERVER_PROCESSES) as cpu,
    ):
        _, stderr = process.communicate()
    seconds = time.perf_counter() - start
    if process.returncode != 0:
        raise SystemExit(f"diplograph ingest failed ({process.returncode}):\n{stderr}")
    if f"{expected} articles added" not in stderr:
        raise SystemExit(f"diplograph ingest did not store all {expected} articles:\n{stderr}")
    return seconds, cpu.seconds


def run_store(
    store: str, path: Path, workers: int, tmp: Path, server_url: str, expected: int
) -> tuple[float, float]:
    """Return the seconds and CPU seconds of one ingest into a new, migrated database of
    ``store``."""
    if store == "sqlite":
        url = f"sqlite:///{tmp / f'bench-{workers}.db'}"
        upgrade(url)
        return time_ingest(path, url, workers, expected)
    name = f"diplograph_bench_{int(time.time())}_{workers}"
    admin(server_url, f'CREATE DATABASE "{name}"')
    url = make_url(server_url).set(database=name).render_as_string(False)
    try:
        upgrade(url)
        return time_ingest(path, url, workers, expected)
    finally:
        admin(server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> None:
    """Print the throughput table and the key=value line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=100, help="copies of the corpus (5 each)")
    parser.add_argument("--workers", default="1,2", help="worker counts to run")
    parser.add_argument("--stores", default="sqlite,postgres", help="stores to ingest into")
    args = parser.parse_args()
    server_url = os.environ.get("DIPLOGRAPH_TEST_POSTGRES_URL") or DEFAULT_POSTGRES_URL
    stores = [s for s in args.stores.split(",") if s]
    if "postgres" in stores and not postgres_available(server_url):
        print(f"(no PostgreSQL server at {server_url}: its rows are left out)")
        stores.remove("postgres")
    articles = distinct_copies(corpus(), args.repeat)
    n_articles, n_words = len(articles), words(articles)
    get_nlp()
    get_stock_nlp()
    time_spacy(articles[:5])  # warm-up
    cpu_before = time.process_time()
    spacy_s = time_spacy(articles)
    rows = [
        (
            "spaCy nlp.pipe, one core (baseline)",
            "spacy",
            spacy_s,
            time.process_time() - cpu_before,
        )
    ]
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        path = tmp / "articles.jsonl"
        path.write_text(
            "".join(
                json.dumps({"id": a.id, "text": a.text, "published": str(a.published)}) + "\n"
                for a in articles
            ),
            encoding="utf-8",
        )
        for store in stores:
            for workers in (int(w) for w in args.workers.split(",")):
                seconds, cpu = run_store(store, path, workers, tmp, server_url, n_articles)
                label = f"diplograph ingest --workers {workers} into {store}"
                rows.append((label, f"w{workers}_{store}", seconds, cpu))
    baseline, baseline_cpu = rows[0][2], rows[0][3]
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"{n_articles} articles, {n_words} words; load average at the end: {load}")
    print(
        f"{'what':<46}{'seconds':>9}{'articles/s':>12}{'words/s':>10}{'vs nlp.pipe':>13}"
        f"{'CPU s':>8}{'CPU vs nlp.pipe':>17}"
    )
    figures = [f"articles={n_articles}", f"words={n_words}", f"baseline_s={baseline:.1f}"]
    for label, key, seconds, cpu in rows:
        ratio = baseline / seconds
        print(
            f"{label:<46}{seconds:>9.1f}{n_articles / seconds:>12.2f}"
            f"{n_words / seconds:>10.0f}{ratio:>13.2f}{cpu:>8.1f}{cpu / baseline_cpu:>17.2f}"
        )
        figures.append(f"{key}_articles_per_s={n_articles / seconds:.2f}")
        figures.append(f"{key}_words_per_s={n_words / seconds:.0f}")
        if key != "spacy":
            figures.append(f"ratio_{key}={ratio:.2f}")
            figures.append(f"cpu_ratio_{key}={cpu / baseline_cpu:.2f}")
    figures.append(f"load1={os.getloadavg()[0]:.2f}")
    print(" ".join(figures))


if __name__ == "__main__":
    main()
