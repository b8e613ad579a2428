"""A live server under concurrent readers and writers, and an ingest killed half-way.

Both run real processes (``diplograph serve``, ``diplograph ingest``) on loopback and
temporary databases, bounded in time: they are slow tests.
"""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from tests.live_server import live_server

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
READERS = 24
WRITERS = 2
LOAD_SECONDS = 12.0
REQUEST_TIMEOUT = 20.0
READ_PATHS = (
    "/events?limit=20",
    "/events?actor=Putin",
    "/actors?q=a",
    "/articles",
    "/graph/who-met-whom",
    "/graph/centrality",
    "/graph/dyad?a=Putin&b=Assad&interval=week",
    "/graph/communities",
)
TABLES = ("articles", "sentences", "actors", "actor_aliases", "events")


def corpus_lines() -> list[str]:
    """Return the seed and the gold-set articles as JSON Lines (about a dozen articles)."""
    articles = [
        {"id": p.stem, "text": p.read_text(encoding="utf-8"), "published": "2017-12-11"}
        for p in sorted((REPO / "seeds").glob("*.txt"))
    ]
    for path in sorted((REPO / "eval").glob("*/*-*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        articles.append(
            {"id": gold["id"], "text": gold["text"], "published": gold.get("published")}
        )
    return [json.dumps(a) for a in articles]


def run_cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run ``diplograph ARGS`` to the end and return it (checked)."""
    return subprocess.run(
        [str(BIN / "diplograph"), *args], env=env, check=True, capture_output=True, text=True
    )


def table_counts(path: Path) -> dict[str, int]:
    """Return the row count of every table an ingest writes, and the integrity check."""
    with sqlite3.connect(path) as conn:
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
        counts["integrity"] = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    return counts


def database_env(path: Path, **extra: str) -> dict[str, str]:
    """Return the environment of a command on the SQLite database at ``path``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOGRAPH_")}
    return {**env, "DIPLOGRAPH_DATABASE_URL": f"sqlite:///{path}", **extra}


@pytest.mark.slow
def test_readers_and_writers_at_once_get_no_server_error_and_no_timeout(tmp_path: Path) -> None:
    db = tmp_path / "live.db"
    env = database_env(db, DIPLOGRAPH_WRITE_RATE="6000", DIPLOGRAPH_WRITE_BURST="100")
    run_cli("db", "upgrade", env=env)
    run_cli("ingest", str(REPO / "seeds"), env=env)
    statuses: Counter[str] = Counter()
    lock = threading.Lock()

    def note(kind: str, outcome: str) -> None:
        with lock:
            statuses[f"{kind} {outcome}"] += 1

    with live_server(BIN / "diplograph", env, tmp_path / "server.log") as url:
        with httpx.Client(base_url=url, timeout=60) as warm:  # model loaded, graph built
            first = warm.post(
                "/articles", json={"text": "Chile met Peru.", "published": "2023-06-14"}
            )
            assert (first.status_code, warm.get("/graph/centrality").status_code) == (201, 200)
        until = time.monotonic() + LOAD_SECONDS

        def read(index: int) -> None:
            with httpx.Client(base_url=url, timeout=REQUEST_TIMEOUT) as http:
                n = index
                while time.monotonic() < until:
                    try:
                        status = http.get(READ_PATHS[n % len(READ_PATHS)]).status_code
                        note("read", "5xx" if status >= 500 else str(status))
                    except httpx.TimeoutException:
                        note("read", "timeout")
                    n += 1

        def write(index: int) -> None:
            with httpx.Client(base_url=url, timeout=REQUEST_TIMEOUT) as http:
                n = 0
                while time.monotonic() < until:
                    n += 1
                    # A random reference, so no two posts are near-duplicates of each other.
                    ref = uuid.uuid4().hex
                    text = f"Russian President Vladimir Putin met Assad in Damascus (ref {ref})."
                    body = {"text": text, "published": "2017-12-11"}
                    try:
                        status = http.post("/articles", json=body).status_code
                        note("write", "5xx" if status >= 500 else str(status))
                    except httpx.TimeoutException:
                        note("write", "timeout")
                    time.sleep(0.5)

        with ThreadPoolExecutor(max_workers=READERS + WRITERS) as pool:
            jobs = [pool.submit(read, i) for i in range(READERS)]
            jobs += [pool.submit(write, i) for i in range(WRITERS)]
            for job in jobs:
                job.result()
    # A write answers 201, or 200 when the store already holds the text.
    failures = {
        k: n for k, n in statuses.items() if k not in ("read 200", "write 200", "write 201")
    }
    assert failures == {}
    writes = statuses["write 200"] + statuses["write 201"]
    assert (statuses["read 200"] > READERS, writes > WRITERS) == (True, True)


@pytest.mark.slow
def test_an_ingest_killed_half_way_then_rerun_stores_what_a_clean_run_stores(
    tmp_path: Path,
) -> None:
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join(corpus_lines()) + "\n", encoding="utf-8")
    clean, killed = tmp_path / "clean.db", tmp_path / "killed.db"
    for db in (clean, killed):
        run_cli("db", "upgrade", env=database_env(db))
    run_cli("ingest", str(batch), env=database_env(clean))

    process = subprocess.Popen(
        [str(BIN / "diplograph"), "ingest", str(batch)],
        env=database_env(killed),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    stored = 0
    while stored < 2 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
        try:
            stored = table_counts(killed)["articles"]
        except sqlite3.OperationalError:
            stored = 0  # the writer holds the lock for a moment
    process.send_signal(signal.SIGKILL)
    process.wait()
    half = table_counts(killed)
    assert 0 < half["articles"] < len(corpus_lines()) and half["integrity"], half

    run_cli("ingest", str(batch), env=database_env(killed))
    assert table_counts(killed) == table_counts(clean)
