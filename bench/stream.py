"""The streaming scenario: graph queries while news streams in, against the same queries quiet.

For one synthetic database (copied, so the cached one stays as made) it starts
``uvicorn diplograph.app.asgi:app`` on 127.0.0.1, waits until ``/health`` says the
graph is ready (the build time seen from outside), then:

1. quiet: a client asks who-met-whom around one actor, that actor's ego network and
   degree centrality in turn at ``--rate`` requests a second for ``--quiet`` seconds;
2. stream: the same client goes on while another posts about one article a second for
   ``--stream`` seconds (``POST /articles``: real extraction with the spaCy model,
   loaded by one warm-up post beforehand) and, after each 201, a third polls
   who-met-whom around the source of the article's consult event until the event is
   there: the freshness lag.

It reports p50/p99 latency of both phases, the lag's p50/p99/max and the server's
resident memory (graph, spaCy model and all). Nothing here asserts a time.
"""

import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx

from bench.synthetic import SyntheticDatabase

ROOT = Path(__file__).resolve().parent.parent
LEAD = (
    "Russian President Vladimir Putin met Syrian President Bashar al-Assad in Damascus on "
    "Monday. Bulletin {n}."
)
"""The first paragraph of every posted article: a meeting, and a number making it new."""


@dataclass(frozen=True)
class StreamReport:
    """What one streaming run measured, in milliseconds unless said otherwise."""

    events: int
    ready_s: float
    quiet: dict[str, float]
    stream: dict[str, float]
    lag: dict[str, float]
    posts: int
    post_ms: float
    rss_mb: float


def percentiles(samples: list[float]) -> dict[str, float]:
    """Return the count, median, p99 and max of ``samples``."""
    if not samples:
        return {"n": 0, "p50": math.nan, "p99": math.nan, "max": math.nan}
    ordered = sorted(samples)
    p99 = ordered[max(0, math.ceil(0.99 * len(ordered)) - 1)]
    return {"n": len(ordered), "p50": statistics.median(ordered), "p99": p99, "max": ordered[-1]}


def server_rss_mb(pid: int) -> float:
    """Return the resident memory of process ``pid`` in MB (Linux ``/proc``)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return math.nan


def remove_database(path: Path) -> None:
    """Remove the SQLite database at ``path`` with its WAL journal and shared-memory file."""
    for name in (path.name, f"{path.name}-wal", f"{path.name}-shm"):
        (path.parent / name).unlink(missing_ok=True)


def article_texts() -> list[str]:
    """Return the dev articles' texts, each to be posted after the meeting lead."""
    return [
        json.loads(path.read_text(encoding="utf-8"))["text"]
        for path in sorted((ROOT / "eval" / "dev").glob("*.json"))
    ]


class Querier(threading.Thread):
    """Asks the three questions in turn at ``rate`` a second, noting each latency by phase."""

    def __init__(self, base_url: str, actor: int, rate: float) -> None:
        super().__init__(daemon=True)
        self.base_url, self.actor, self.rate = base_url, actor, rate
        self.phase = "quiet"
        self.samples: dict[str, list[float]] = {"quiet": [], "stream": []}
        self.errors = 0
        self.stop = threading.Event()

    def run(self) -> None:
        """Query until stopped."""
        paths: list[tuple[str, dict[str, str | int]]] = [
            ("/graph/who-met-whom", {"actor": self.actor}),
            (f"/graph/actors/{self.actor}/ego", {}),
            ("/graph/centrality", {"measure": "degree", "top": 10}),
        ]
        with httpx.Client(base_url=self.base_url, timeout=60) as client:
            n = 0
            next_at = time.perf_counter()
            while not self.stop.is_set():
                path, params = paths[n % len(paths)]
                start = time.perf_counter()
                try:
                    status = client.get(path, params=params).status_code
                except httpx.HTTPError:
                    status = 0
                elapsed = (time.perf_counter() - start) * 1000
                if status == 200:
                    self.samples[self.phase].append(elapsed)
                else:
                    self.errors += 1
                n += 1
                next_at += 1 / self.rate
                time.sleep(max(0.0, next_at - time.perf_counter()))


def published(n: int) -> str:
    """Return the publication date of the ``n``-th posted article: three days before the
    previous one's, so that each post is a new article with new events (the same text
    with one line edited, on the same date, is a near-duplicate answered 200, and the same
    act within two days one more mention; there are only four dev articles)."""
    return (date(2026, 12, 3) - timedelta(days=3 * n)).isoformat()


def post_stream(
    client: httpx.Client, seconds: float, lags: list[float], posts: list[float]
) -> None:
    """Post about one article a second for ``seconds``; after each, time until its meeting
    shows in who-met-whom (polling every 5 ms, up to 10 s)."""
    texts = article_texts()
    end = time.perf_counter() + seconds
    n = 0
    while time.perf_counter() < end:
        started = time.perf_counter()
        body = {"text": LEAD.format(n=n) + "\n" + texts[n % len(texts)], "published": published(n)}
        response = client.post("/articles", json=body)
        posted = time.perf_counter()
        posts.append((posted - started) * 1000)
        n += 1
        meeting = None
        if response.status_code == 201:  # else no polling, but still one post a second
            events = response.json()["events"]
            meeting = next((e for e in events if e["cameo"][:2] == "04"), None)
        if meeting is not None:
            while time.perf_counter() - posted < 10:
                pairs = client.get(
                    "/graph/who-met-whom",
                    params={"actor": meeting["source"]["id"], "limit": 10_000},
                ).json()["pairs"]
                if any(e["event_id"] == meeting["id"] for p in pairs for e in p["evidence"]):
                    lags.append((time.perf_counter() - posted) * 1000)
                    break
                time.sleep(0.005)
        time.sleep(max(0.0, started + 1.0 - time.perf_counter()))


def run_stream(
    db: SyntheticDatabase,
    *,
    actor: int,
    workdir: Path,
    quiet_s: float = 20.0,
    stream_s: float = 60.0,
    rate: float = 20.0,
) -> StreamReport:
    """Run the scenario on a copy of ``db`` and return what it measured."""
    copy = workdir / f"stream-{db.events}.db"
    # A journal left by an earlier run (a process still holding the copy when it was
    # removed) would be replayed onto the new copy: its articles would answer 200.
    remove_database(copy)
    shutil.copyfile(db.path, copy)
    from bench.graph import free_port

    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = {"DIPLOGRAPH_DATABASE_URL": f"sqlite:///{copy}"}
    command = [sys.executable, "-m", "uvicorn", "diplograph.app.asgi:app", "--host", "127.0.0.1"]
    command += ["--port", str(port), "--log-level", "warning", "--no-access-log"]
    server = subprocess.Popen(
        command, env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        with httpx.Client(base_url=base_url, timeout=120) as client:
            start = time.perf_counter()
            while True:
                try:
                    health = client.get("/health").json()
                    if health.get("graph", {}).get("ready"):
                        break
                except (httpx.TransportError, ValueError):
                    pass
                if time.perf_counter() - start > 600:
                    raise RuntimeError("the graph was not ready in 10 minutes")
                time.sleep(0.05)
            ready_s = time.perf_counter() - start
            warm = {"text": LEAD.format(n="warm-up"), "published": published(-1)}
            posted = client.post("/articles", json=warm)  # loads the spaCy model
            posted.raise_for_status()
            client.get("/graph/who-met-whom", params={"actor": actor})  # builds the index
            # The lag is polled around the posted meeting's source, a person: who-met-whom
            # around a person reads the meeting index of the actor graph, not the state
            # view's the line above builds; its first build (seconds at 1M) is no lag.
            for event in posted.json()["events"]:
                client.get("/graph/who-met-whom", params={"actor": event["source"]["id"]})
            client.get("/graph/centrality")  # computes the degree counts
            querier = Querier(base_url, actor, rate)
            querier.start()
            time.sleep(quiet_s)
            querier.phase = "stream"
            lags: list[float] = []
            posts: list[float] = []
            post_stream(client, stream_s, lags, posts)
            querier.stop.set()
            querier.join()
            rss = server_rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=60)
        remove_database(copy)
    return StreamReport(
        events=db.events,
        ready_s=ready_s,
        quiet=percentiles(querier.samples["quiet"]),
        stream=percentiles(querier.samples["stream"]),
        lag=percentiles(lags),
        posts=len(posts),
        post_ms=statistics.median(posts) if posts else math.nan,
        rss_mb=rss,
    )


def stream_table(reports: list[StreamReport]) -> str:
    """Return the streaming results as a Markdown table."""
    lines = [
        "| events | graph ready (s) | quiet p50 / p99 ms | stream p50 / p99 ms | stream ÷ quiet "
        "p99 | posts (median ms) | lag p50 / p99 / max ms | server RSS (MB) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in reports:
        q, s, lag = r.quiet, r.stream, r.lag
        lines.append(
            f"| {r.events:,} | {r.ready_s:.1f} | {q['p50']:.1f} / {q['p99']:.1f} "
            f"| {s['p50']:.1f} / {s['p99']:.1f} | {s['p99'] / q['p99']:.2f} "
            f"| {r.posts} ({r.post_ms:.0f}) | {lag['p50']:.0f} / {lag['p99']:.0f} / "
            f"{lag['max']:.0f} | {r.rss_mb:,.0f} |"
        )
    return "\n".join(lines)


def stream_figures(r: StreamReport) -> dict[str, Any]:
    """Return the key figures of one run, named with its size."""
    n = r.events
    return {
        f"p50_ms_quiet_{n}": round(r.quiet["p50"], 1),
        f"p99_ms_quiet_{n}": round(r.quiet["p99"], 1),
        f"p99_ms_stream_{n}": round(r.stream["p99"], 1),
        f"p50_ms_stream_{n}": round(r.stream["p50"], 1),
        f"stream_vs_quiet_p99_{n}": round(r.stream["p99"] / r.quiet["p99"], 2),
        f"lag_p99_ms_{n}": round(r.lag["p99"], 0),
        f"ready_s_{n}": round(r.ready_s, 1),
        f"server_rss_mb_{n}": round(r.rss_mb, 0),
    }
