"""A live ``diplograph serve`` on a free loopback port, for tests that need a real server."""

import re
import subprocess
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

STARTUP_SECONDS = 60


def wait_for_server(process: subprocess.Popen[bytes], log: Path) -> str:
    """Return the URL the server listens on, once its /health answers 200."""
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the server exited with {process.returncode}:\n{log.read_text()}")
        found = re.search(r"Uvicorn running on (http://127\.0\.0\.1:\d+)", log.read_text())
        if found:
            try:
                if httpx.get(f"{found[1]}/health").status_code == 200:
                    return found[1]
            except httpx.TransportError:
                pass
        time.sleep(0.1)
    pytest.fail(f"the server did not start within {STARTUP_SECONDS} s:\n{log.read_text()}")


@contextmanager
def live_server(
    command: Path | str, env: Mapping[str, str], log: Path, *, cwd: Path | None = None
) -> Iterator[str]:
    """Run ``command serve`` on a free port (port 0, which uvicorn reports); yield its URL."""
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(command), "serve", "--host", "127.0.0.1", "--port", "0"],
            env=dict(env),
            cwd=cwd,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            yield wait_for_server(process, log)
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
