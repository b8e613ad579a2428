"""Graph analytics at scale: the cached graph against direct SQL, in-process and over HTTP.

Run: ``.venv/bin/python -m bench.graph [--sizes 10000,100000,1000000] [--repeat 200]
[--stream]``.

For each size it makes (once, cached in ``--dir``, default ``$TMPDIR/diplograph-bench``) a
synthetic SQLite database through the real Alembic migrations (``bench.synthetic``: Zipf-skewed
actor popularity, a GDELT-like event mix), then reports:

- graph build: seconds to load the events and build the graph as the app's cache does, and
  the resident memory it added (RSS delta);
- for who-met-whom around one actor, that actor's ego network (radius 1), the dyad timeline
  between it and its busiest counterpart, and degree centrality (top 10): the median and p99
  latency in-process (the pure function on the cached graph), over HTTP (uvicorn on
  127.0.0.1 in a subprocess, keep-alive client, full JSON response read) and as one direct
  SQL query on the same database (stdlib ``sqlite3``, rows fetched), with the ratios to SQL.

The actor is the one ranked ``--rank`` (default 100) by number of events: busy, but not the
top hub. Centrality in-process is computed from scratch each time (filter, simple graph,
ranking); over HTTP it is computed on the first call (column "HTTP 1st") and then served from
the snapshot's memo until the next ingest. Who-met-whom reads the per-actor index of consult
events that the app memoizes on its first call (its build is in "HTTP 1st"). Nothing here is a
test and nothing asserts a time.

With ``--stream`` each size also runs the streaming scenario of :mod:`bench.stream` (queries
at ``--rate`` a second, quiet for ``--quiet-s`` seconds, then while an article a second is
posted for ``--stream-s`` seconds). The last line gives the key figures as ``key=value``:
``build_s_N``, ``rss_mb_N`` (graph build in-process), ``who_met_whom_http_ms_N`` and its ratio
to SQL, and with ``--stream`` ``p99_ms_quiet_N``, ``p99_ms_stream_N``, ``lag_p99_ms_N``...
"""

import argparse
import gc
import math
import os
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from bench.synthetic import SyntheticDatabase, ensure_database
from diplograph.core.db import make_engine, make_session_factory
from diplograph.graph.cache import GraphCache
from diplograph.graph.centrality import centrality
from diplograph.graph.dyad import dyad_timeline
from diplograph.graph.ego import ego
from diplograph.graph.filters import filtered_graph, incident_edges
from diplograph.graph.queries import meeting_index, who_met_whom
from diplograph.graph.records import EventGraph, NodeId

ASSERTED = "e.negated = 0 AND e.modality = 'asserted' AND e.source_actor_id != e.target_actor_id"
WHO_MET_WHOM_SQL = f"""
SELECT other, count(*), min(event_date), max(event_date),
       json_group_array(json_object('event_id', id, 'date', event_date, 'sentence', text,
                                    'trigger', trigger, 'article_id', article_id))
FROM (SELECT CASE WHEN e.source_actor_id = :x THEN e.target_actor_id
                  ELSE e.source_actor_id END AS other,
             e.id, e.event_date, s.text, e.trigger, e.article_id
      FROM events e JOIN sentences s ON s.id = e.sentence_id
      WHERE (e.source_actor_id = :x OR e.target_actor_id = :x)
        AND e.cameo_code LIKE '04%' AND {ASSERTED}
      ORDER BY e.id)
GROUP BY other ORDER BY count(*) DESC, other
"""
EGO_SQL = f"""
SELECT other, count(*), sum(source = :x), sum(quad_class = 1), sum(quad_class = 2),
       sum(quad_class = 3), sum(quad_class = 4), sum(goldstein), avg(goldstein),
       min(event_date), max(event_date), group_concat(id)
FROM (SELECT CASE WHEN e.source_actor_id = :x THEN e.target_actor_id
                  ELSE e.source_actor_id END AS other,
             e.source_actor_id AS source, e.id, e.quad_class, e.goldstein, e.event_date
      FROM events e
      WHERE (e.source_actor_id = :x OR e.target_actor_id = :x) AND {ASSERTED})
GROUP BY other ORDER BY count(*) DESC, other
"""
DYAD_SQL = f"""
SELECT e.id, strftime('%Y-%m', e.event_date), e.source_actor_id, e.target_actor_id,
       e.cameo_code, e.quad_class, e.goldstein, e.event_date, s.text, e.trigger, e.article_id
FROM events e JOIN sentences s ON s.id = e.sentence_id
WHERE ((e.source_actor_id = :x AND e.target_actor_id = :y)
    OR (e.source_actor_id = :y AND e.target_actor_id = :x)) AND {ASSERTED}
ORDER BY e.event_date IS NULL, e.event_date, e.id
"""
DEGREE_SQL = f"""
SELECT actor, count(DISTINCT other) AS partners, count(*) AS events
FROM (SELECT e.source_actor_id AS actor, e.target_actor_id AS other FROM events e
      WHERE {ASSERTED}
      UNION ALL
      SELECT e.target_actor_id, e.source_actor_id FROM events e WHERE {ASSERTED})
GROUP BY actor ORDER BY partners DESC, actor LIMIT 10
"""


@dataclass(frozen=True)
class Timing:
    """Latencies of one query in milliseconds: the first call, median and p99 of the rest."""

    first_ms: float
    median_ms: float
    p99_ms: float
    runs: int


@dataclass(frozen=True)
class QueryRow:
    """One question measured three ways."""

    name: str
    in_process: Timing
    http: Timing
    sql: Timing


@dataclass(frozen=True)
class SizeReport:
    """Everything measured on one database."""

    db: SyntheticDatabase
    build_s: float
    memory_mb: float
    http_build_s: float
    actor: int
    actor_events: int
    partner: int
    dyad_events: int
    queries: list[QueryRow]


def timed(call: Callable[[], object], runs: int) -> Timing:
    """Return the first call's latency and the median and p99 of ``runs`` more calls."""
    start = time.perf_counter()
    call()
    first = (time.perf_counter() - start) * 1000
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    p99 = samples[max(0, math.ceil(0.99 * len(samples)) - 1)]
    return Timing(first, statistics.median(samples), p99, runs)


def rss_mb() -> float:
    """Return this process's resident memory in MB (Linux ``/proc``)."""
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 nobody listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def serve(url: str) -> Iterator[httpx.Client]:
    """Run ``uvicorn app.asgi:app`` on the database ``url``; yield a client, stop it after."""
    port = free_port()
    env = {**os.environ, "DIPLOGRAPH_DATABASE_URL": url}
    command = [sys.executable, "-m", "uvicorn", "diplograph.app.asgi:app", "--host", "127.0.0.1"]
    command += ["--port", str(port), "--log-level", "warning", "--no-access-log"]
    server = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=1800) as client:
            for _ in range(300):
                try:
                    if client.get("/health").status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.1)
            else:
                raise RuntimeError("the server did not start")
            yield client
    finally:
        server.terminate()
        server.wait(timeout=30)


def by_degree(G: EventGraph) -> list[tuple[int, NodeId]]:
    """Return (events, node) of every node, most events first."""
    return sorted(((-G.degree(n), n) for n in G), key=lambda item: (item[0], str(item[1])))


NOT_RUN = Timing(math.nan, math.nan, math.nan, 0)
"""A measurement left out (``--no-scratch``)."""


def measure(db: SyntheticDatabase, *, repeat: int, rank: int, scratch: bool = True) -> SizeReport:
    """Build the graph of ``db`` and time the four questions three ways (without
    ``scratch``, degree centrality from scratch, in-process and in SQL, is left out)."""
    engine = make_engine(db.url)
    sessions = make_session_factory(engine)
    gc.collect()
    before = rss_mb()
    start = time.perf_counter()
    with sessions() as session:
        snapshot = GraphCache().snapshot(session)
    G = snapshot.graph
    build_s = time.perf_counter() - start
    gc.collect()
    memory_mb = rss_mb() - before
    engine.dispose()

    ranked = by_degree(G)
    actor = int(ranked[min(rank, len(ranked)) - 1][1])
    partners: dict[NodeId, int] = {}
    for u, v, _, _ in incident_edges(G, actor):
        other = v if u == actor else u
        partners[other] = partners.get(other, 0) + 1
    partner = int(max(partners, key=lambda n: (partners[n], -int(n))))
    heavy = max(3, repeat // 50)

    conn = sqlite3.connect(db.path)
    args = {"x": actor, "y": partner}

    def sql(query: str) -> Callable[[], object]:
        return lambda: conn.execute(query, args).fetchall()

    index = snapshot.memo(("meetings", "actor"), lambda: meeting_index(G))  # as the app does
    in_process: dict[str, Timing] = {
        "who-met-whom (actor)": timed(lambda: who_met_whom(G, actor=actor, index=index), repeat),
        "ego (radius 1)": timed(lambda: ego(G, actor), repeat),
        "dyad (month)": timed(lambda: dyad_timeline(G, actor, partner), repeat),
        "centrality (degree, top 10)": timed(
            lambda: centrality(filtered_graph(G), "degree", top=10), heavy
        )
        if scratch
        else NOT_RUN,
    }
    direct: dict[str, Timing] = {
        "who-met-whom (actor)": timed(sql(WHO_MET_WHOM_SQL), repeat),
        "ego (radius 1)": timed(sql(EGO_SQL), repeat),
        "dyad (month)": timed(sql(DYAD_SQL), repeat),
        "centrality (degree, top 10)": timed(sql(DEGREE_SQL), heavy) if scratch else NOT_RUN,
    }
    conn.close()
    dyad_events = len(dyad_timeline(G, actor, partner).events)
    actor_events = G.degree(actor)

    with serve(db.url) as client:
        start = time.perf_counter()
        client.get("/graph/who-met-whom", params={"actor": actor}).raise_for_status()
        http_build_s = time.perf_counter() - start

        def get(path: str, **params: Any) -> Callable[[], object]:
            def call() -> object:
                response = client.get(path, params=params)
                response.raise_for_status()
                return response.content

            return call

        http: dict[str, Timing] = {
            "who-met-whom (actor)": timed(get("/graph/who-met-whom", actor=actor), repeat),
            "ego (radius 1)": timed(get(f"/graph/actors/{actor}/ego"), repeat),
            "dyad (month)": timed(get("/graph/dyad", a=actor, b=partner), repeat),
            "centrality (degree, top 10)": timed(get("/graph/centrality", top=10), repeat),
        }
    return SizeReport(
        db=db,
        build_s=build_s,
        memory_mb=memory_mb,
        http_build_s=http_build_s,
        actor=actor,
        actor_events=actor_events,
        partner=partner,
        dyad_events=dyad_events,
        queries=[QueryRow(name, in_process[name], http[name], direct[name]) for name in http],
    )


def ms(t: Timing) -> str:
    """Return ``median / p99`` in milliseconds."""
    return f"{t.median_ms:.2f} / {t.p99_ms:.2f}"


def table(reports: list[SizeReport]) -> str:
    """Return the results as two Markdown tables."""
    lines = [
        "| events | actors | graph build (s) | graph memory (MB RSS) | first HTTP request (s) "
        "| actor (events) | dyad events |",
        "| ---: | ---: | ---: | ---: | ---: | --- | ---: |",
    ]
    for r in reports:
        lines.append(
            f"| {r.db.events:,} | {r.db.actors:,} | {r.build_s:.2f} | {r.memory_mb:,.0f} "
            f"| {r.http_build_s:.2f} | {r.actor} ({r.actor_events:,}) | {r.dyad_events:,} |"
        )
    lines += [
        "",
        "| events | query | in-process ms (median / p99) | HTTP ms (median / p99) "
        "| HTTP 1st ms | SQL ms (median / p99) | HTTP ÷ SQL | in-process ÷ SQL |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in reports:
        for q in r.queries:
            lines.append(
                f"| {r.db.events:,} | {q.name} | {ms(q.in_process)} | {ms(q.http)} "
                f"| {q.http.first_ms:.1f} | {ms(q.sql)} "
                f"| {q.http.median_ms / q.sql.median_ms:.2f} "
                f"| {q.in_process.median_ms / q.sql.median_ms:.2f} |"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """Generate (or reuse) the databases, measure each and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000", help="event counts")
    parser.add_argument("--repeat", type=int, default=200, help="timed calls per query")
    parser.add_argument("--rank", type=int, default=100, help="rank of the queried actor")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--stream",
        action="store_true",
        help="also run the streaming scenario (bench.stream) on each size",
    )
    parser.add_argument(
        "--no-scratch",
        action="store_true",
        help="leave out degree centrality from scratch in-process and in SQL (minutes a call "
        "at ten million events); the served one is still measured",
    )
    parser.add_argument("--quiet-s", type=float, default=20.0, help="quiet phase, seconds")
    parser.add_argument("--stream-s", type=float, default=60.0, help="stream phase, seconds")
    parser.add_argument("--rate", type=float, default=20.0, help="queries a second")
    parser.add_argument(
        "--dir",
        type=Path,
        default=Path(tempfile.gettempdir()) / "diplograph-bench",
        help="where generated databases are kept between runs",
    )
    args = parser.parse_args(argv)
    from bench.stream import StreamReport, run_stream, stream_figures, stream_table

    reports: list[SizeReport] = []
    streams: list[StreamReport] = []
    for size in (int(s) for s in args.sizes.split(",")):
        start = time.perf_counter()
        db = ensure_database(args.dir, size, seed=args.seed)
        print(f"{size:,} events: database ready in {time.perf_counter() - start:.1f} s", flush=True)
        reports.append(measure(db, repeat=args.repeat, rank=args.rank, scratch=not args.no_scratch))
        if args.stream:
            streams.append(
                run_stream(
                    db,
                    actor=reports[-1].actor,
                    workdir=args.dir,
                    quiet_s=args.quiet_s,
                    stream_s=args.stream_s,
                    rate=args.rate,
                )
            )
    print(table(reports))
    figures: dict[str, object] = {}
    for r in reports:
        who = r.queries[0]
        figures[f"build_s_{r.db.events}"] = round(r.build_s, 2)
        figures[f"rss_mb_{r.db.events}"] = round(r.memory_mb)
        figures[f"who_met_whom_http_ms_{r.db.events}"] = round(who.http.median_ms, 2)
        figures[f"who_met_whom_vs_sql_{r.db.events}"] = round(
            who.http.median_ms / who.sql.median_ms, 2
        )
        figures[f"who_met_whom_inproc_ms_{r.db.events}"] = round(who.in_process.median_ms, 2)
        figures[f"who_met_whom_sql_ms_{r.db.events}"] = round(who.sql.median_ms, 2)
    if streams:
        print()
        print(stream_table(streams))
        for s in streams:
            figures.update(stream_figures(s))
    figures["load_avg_1m"] = round(os.getloadavg()[0], 2)
    print(" ".join(f"{k}={v}" for k, v in figures.items()))


if __name__ == "__main__":
    main()
