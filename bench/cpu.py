"""CPU time per article of each stage of an ingest, in one process: what a busy machine
does not distort as it does wall-clock throughput.

Run: ``.venv/bin/python -m bench.cpu [--repeat N] [--rounds R] [--stores sqlite,postgres]``.
The corpus is ``bench.ingest``'s (the ``bench.extract`` articles, each copy a distinct
article), ``--repeat`` copies (default 20: 100 articles). Measured with
``time.process_time`` (CPU of this process), each stage ``--rounds`` times, the lowest kept
(other processes on the machine only ever add to it):

1. spaCy's ``nlp.pipe`` over the paragraphs (the baseline);
2. the extraction (``extract_many``, spaCy included);
3. writing the extractions into a new SQLite file, in shards of 16 articles through
   ``store_batch`` with one actor cache, as ``diplograph ingest --workers`` does;
4. the same into a new PostgreSQL database (``DIPLOGRAPH_TEST_POSTGRES_URL``, default the
   local server), this process's CPU plus the server backend's (read from ``/proc``, so
   only when the server runs on this machine).

Prints a table of CPU ms per article and each one's ratio to ``nlp.pipe``, then one last
line of ``key=value`` figures.
"""

import argparse
import os
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url

from bench.extract import corpus
from bench.ingest import DEFAULT_POSTGRES_URL, admin, distinct_copies, postgres_available
from diplograph.core.db import make_engine, make_session_factory
from diplograph.core.migrate import upgrade
from diplograph.ingest.actor_cache import ActorCache
from diplograph.ingest.batches import store_batch
from diplograph.ingest.nlp import get_nlp, get_stock_nlp
from diplograph.ingest.pipeline import extract_many
from diplograph.ingest.sentences import paragraphs
from diplograph.ingest.types import ArticleInput, ExtractedArticle

SHARD = 16
"""Articles per ``store_batch``: ``diplograph ingest``'s default shard size."""


def cpu_of(work: Callable[[], object]) -> float:
    """Return the CPU seconds of this process ``work()`` takes."""
    start = time.process_time()
    work()
    return time.process_time() - start


def spacy_only(articles: Sequence[ArticleInput]) -> None:
    """Run plain ``nlp.pipe`` (the stock ``spacy.load`` pipeline) over the paragraphs."""
    nlp = get_stock_nlp()
    for _ in nlp.pipe([p.text for a in articles for p in paragraphs(a.text)], batch_size=64):
        pass


def backend_cpu(pid: int | None) -> float:
    """Return the CPU seconds the server process ``pid`` has used (0 without one)."""
    if pid is None:
        return 0.0
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def write_cpu(url: str, extracted: Sequence[ExtractedArticle]) -> float:
    """Return the CPU seconds storing ``extracted`` into the migrated, empty ``url`` takes
    (this process, plus the server backend on PostgreSQL)."""
    engine = make_engine(url, write=True, pool_size=1)
    try:
        factory = make_session_factory(engine)
        pid: int | None = None
        if engine.dialect.name == "postgresql":
            with engine.connect() as conn:
                pid = int(conn.execute(text("SELECT pg_backend_pid()")).scalar_one())
            if not Path(f"/proc/{pid}").exists():
                pid = None  # a server elsewhere: its CPU is not seen
        server = backend_cpu(pid)
        start = time.process_time()
        actors = ActorCache()
        for n in range(0, len(extracted), SHARD):
            store_batch(factory, extracted[n : n + SHARD], actors=actors)
        return time.process_time() - start + backend_cpu(pid) - server
    finally:
        engine.dispose()


def main() -> None:
    """Print the table of CPU ms per article and the key=value line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20, help="copies of the corpus (5 each)")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each stage (lowest kept)")
    parser.add_argument("--stores", default="sqlite,postgres", help="stores to write into")
    args = parser.parse_args()
    server_url = os.environ.get("DIPLOGRAPH_TEST_POSTGRES_URL") or DEFAULT_POSTGRES_URL
    stores = [s for s in args.stores.split(",") if s]
    if "postgres" in stores and not postgres_available(server_url):
        print(f"(no PostgreSQL server at {server_url}: its row is left out)")
        stores.remove("postgres")
    articles = distinct_copies(corpus(), args.repeat)
    n = len(articles)
    get_nlp()
    spacy_only(articles[:5])
    extracted = list(extract_many(articles[:5]))  # warm-up: model, gazetteer, caches
    best: dict[str, float] = {}

    def keep(key: str, seconds: float) -> None:
        best[key] = min(best.get(key, seconds), seconds)

    def extract() -> None:
        extracted[:] = extract_many(articles)

    with tempfile.TemporaryDirectory() as tmp:
        for round_ in range(args.rounds):
            keep("spacy", cpu_of(lambda: spacy_only(articles)))
            keep("extract", cpu_of(extract))
            for store in stores:
                if store == "sqlite":
                    url = f"sqlite:///{Path(tmp) / f'cpu-{round_}.db'}"
                    upgrade(url)
                    keep("write_sqlite", write_cpu(url, extracted))
                    continue
                name = f"diplograph_cpu_{int(time.time())}_{round_}"
                admin(server_url, f'CREATE DATABASE "{name}"')
                url = make_url(server_url).set(database=name).render_as_string(False)
                try:
                    upgrade(url)
                    keep("write_postgres", write_cpu(url, extracted))
                finally:
                    admin(server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    labels = {
        "spacy": "spaCy nlp.pipe (baseline)",
        "extract": "extraction (spaCy included)",
        "write_sqlite": "writing to SQLite",
        "write_postgres": "writing to PostgreSQL (client + server)",
    }
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"{n} articles, lowest of {args.rounds} rounds; load average at the end: {load}")
    print(f"{'CPU per article':<42}{'ms':>9}{'vs nlp.pipe':>13}")
    figures = [f"articles={n}"]
    for key, label in labels.items():
        if key not in best:
            continue
        ms = best[key] / n * 1000
        print(f"{label:<42}{ms:>9.1f}{best[key] / best['spacy']:>13.2f}")
        figures.append(f"{key}_ms={ms:.1f}")
    figures.append(f"load1={os.getloadavg()[0]:.2f}")
    print(" ".join(figures))


if __name__ == "__main__":
    main()
