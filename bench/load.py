"""HTTP load: requests/s and latency of reads alone and reads with concurrent writes.

Run: ``.venv/bin/python -m bench.load [--clients 16,32] [--seconds 8]``. Starts
``diplograph serve`` on a free loopback port over a fresh seeded SQLite database,
then for each client count runs (1) readers only and (2) the same readers plus
writers posting new articles (about ``--writes-per-second`` in all). Prints a
table (requests/s, p50, p99, 5xx, client timeouts) and a last ``key=value``
line. Loopback only, bounded in time: each phase lasts ``--seconds``.
"""

import argparse
import asyncio
import os
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
READ_PATHS = (
    "/events?limit=20",
    "/events?actor=Putin&limit=20",
    "/actors?q=Pu",
    "/articles?limit=10",
    "/graph/who-met-whom",
    "/graph/centrality?top=10",
    "/graph/dyad?a=Putin&b=Assad",
    "/health",
)
TIMEOUT = 30.0


@dataclass
class Phase:
    """What one phase of load measured."""

    latencies: list[float] = field(default_factory=list)
    server_errors: int = 0
    timeouts: int = 0
    other: dict[int, int] = field(default_factory=dict)
    writes: int = 0
    write_statuses: dict[int, int] = field(default_factory=dict)
    seconds: float = 0.0

    def rate(self) -> float:
        """Return the completed reads per second."""
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        """Return the ``p``-th percentile of read latency in milliseconds (0 when none)."""
        if not self.latencies:
            return 0.0
        ordered = sorted(self.latencies)
        return 1000 * ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]


def free_port() -> int:
    """Return a TCP port free on 127.0.0.1 right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start_server(directory: Path, port: int) -> subprocess.Popen[bytes]:
    """Migrate and seed a database in ``directory``; return the serving process once it answers."""
    env = {**os.environ, "DIPLOGRAPH_DATABASE_URL": f"sqlite:///{directory / 'load.db'}"}
    env.pop("DIPLOGRAPH_API_KEYS", None)
    cli = [sys.executable, "-m", "diplograph"]
    subprocess.run([*cli, "db", "upgrade"], env=env, check=True, capture_output=True)
    subprocess.run([*cli, "ingest", str(ROOT / "seeds")], env=env, check=True, capture_output=True)
    log = (directory / "server.log").open("wb")
    proc = subprocess.Popen(
        [*cli, "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("the server did not start within 60 s")


async def reader(client: httpx.AsyncClient, index: int, until: float, phase: Phase) -> None:
    """Send reads in turn until ``until``, recording latencies and failures."""
    n = index
    while time.monotonic() < until:
        path = READ_PATHS[n % len(READ_PATHS)]
        n += 1
        start = time.perf_counter()
        try:
            response = await client.get(path)
        except httpx.TimeoutException:
            phase.timeouts += 1
            continue
        if response.status_code >= 500:
            phase.server_errors += 1
        elif response.status_code >= 400:
            phase.other[response.status_code] = phase.other.get(response.status_code, 0) + 1
        phase.latencies.append(time.perf_counter() - start)


async def writer(
    client: httpx.AsyncClient, index: int, until: float, interval: float, phase: Phase
) -> None:
    """Post a new article every ``interval`` seconds until ``until``."""
    n = 0
    while time.monotonic() < until:
        n += 1
        text = (
            f"Russian President Vladimir Putin met Syrian President Bashar al-Assad in "
            f"Damascus on Monday (load {os.getpid()}-{index}-{n}-{time.time_ns()})."
        )
        body = {"text": text, "published": "2017-12-11"}
        try:
            response = await client.post("/articles", json=body)
            status = response.status_code
        except httpx.TimeoutException:
            phase.timeouts += 1
            status = 0
        phase.writes += 1
        phase.write_statuses[status] = phase.write_statuses.get(status, 0) + 1
        if status >= 500:
            phase.server_errors += 1
        await asyncio.sleep(interval)


async def run_phase(base: str, clients: int, writers: int, rate: float, seconds: float) -> Phase:
    """Return what ``clients`` readers (and ``writers`` writers) measured over ``seconds``."""
    phase = Phase()
    limits = httpx.Limits(max_connections=clients + writers + 4)
    async with httpx.AsyncClient(base_url=base, timeout=TIMEOUT, limits=limits) as client:
        start = time.monotonic()
        until = start + seconds
        tasks = [reader(client, i, until, phase) for i in range(clients)]
        interval = writers / rate if writers else 0.0
        tasks += [writer(client, i, until, interval, phase) for i in range(writers)]
        await asyncio.gather(*tasks)
        phase.seconds = time.monotonic() - start
    return phase


def main() -> None:
    """Run the phases and print the table and the ``key=value`` line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", default="16,32", help="Reader counts, comma-separated.")
    parser.add_argument("--seconds", type=float, default=8.0, help="Length of each phase.")
    parser.add_argument("--writers", type=int, default=2, help="Concurrent writers.")
    parser.add_argument("--writes-per-second", type=float, default=2.0)
    args = parser.parse_args()
    counts = [int(c) for c in args.clients.split(",")]
    figures: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        proc = start_server(Path(tmp), port)
        base = f"http://127.0.0.1:{port}"
        try:
            # Warm up: the graph is built and the spaCy model loaded before measuring.
            asyncio.run(run_phase(base, 2, 1, 1.0, 3.0))
            print(
                f"{'clients':>7} {'writes':>6} {'reads/s':>8} {'p50 ms':>8} {'p99 ms':>8} "
                f"{'5xx':>4} {'timeouts':>8} {'posts':>5} {'post statuses'}"
            )
            for clients in counts:
                for writers in (0, args.writers):
                    phase = asyncio.run(
                        run_phase(base, clients, writers, args.writes_per_second, args.seconds)
                    )
                    statuses = ",".join(f"{k}:{v}" for k, v in sorted(phase.write_statuses.items()))
                    print(
                        f"{clients:>7} {'yes' if writers else 'no':>6} {phase.rate():>8.1f} "
                        f"{phase.percentile(50):>8.1f} {phase.percentile(99):>8.1f} "
                        f"{phase.server_errors:>4} {phase.timeouts:>8} {phase.writes:>5} "
                        f"{statuses or '-'}",
                        flush=True,
                    )
                    tag = f"c{clients}_{'rw' if writers else 'r'}"
                    figures[f"{tag}_rps"] = f"{phase.rate():.1f}"
                    figures[f"{tag}_p99_ms"] = f"{phase.percentile(99):.0f}"
                    figures[f"{tag}_5xx"] = str(phase.server_errors)
                    figures[f"{tag}_timeouts"] = str(phase.timeouts)
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    print(" ".join(f"{k}={v}" for k, v in figures.items()))


if __name__ == "__main__":
    main()
