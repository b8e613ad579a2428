"""CPU seconds of a process tree while it runs, read by polling (what a busy machine does not
distort as it does the wall clock).

A process's CPU is readable only while it lives, and a worker forked by a fork server is
reaped by the server, not by the command that started the server, so the command's own
``RUSAGE_CHILDREN`` misses it: every process of the tree (and, optionally, every process
with a given name, such as the PostgreSQL server's backends) is polled until it is gone.
"""

import threading
from types import TracebackType

import psutil

POLL_S = 0.1
"""Seconds between two readings: a process living less than this may be missed."""


class TreeCPU:
    """Sum the CPU seconds of ``root`` and its descendants, and of the processes named
    ``also`` (counted from when the poll starts), while the ``with`` block runs."""

    def __init__(self, root: int, *, also: tuple[str, ...] = ()) -> None:
        self.root = root
        self.also = also
        self._start: dict[int, float] = {}
        self._last: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="tree-cpu", daemon=True)

    def __enter__(self) -> "TreeCPU":
        for proc in self._named():
            self._start[proc.pid] = _cpu(proc)
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def counted(self) -> dict[int, float]:
        """Return the CPU seconds counted so far of each process read, by pid."""
        return {pid: cpu - self._start.get(pid, 0.0) for pid, cpu in self._last.items()}

    @property
    def seconds(self) -> float:
        """Return the CPU seconds counted so far, all processes together."""
        return sum(self.counted.values())

    def _run(self) -> None:
        while not self._stop.is_set():
            self._poll()
            self._stop.wait(POLL_S)
        self._poll()

    def _poll(self) -> None:
        procs: list[psutil.Process] = []
        try:
            root = psutil.Process(self.root)
            procs = [root, *root.children(recursive=True)]
        except psutil.Error:
            pass
        for proc in [*procs, *self._named()]:
            try:
                self._last[proc.pid] = _cpu(proc)
            except psutil.Error:
                continue

    def _named(self) -> list[psutil.Process]:
        if not self.also:
            return []
        return [p for p in psutil.process_iter(["name"]) if p.info["name"] in self.also]


def _cpu(proc: psutil.Process) -> float:
    """Return a process's user and system CPU seconds."""
    times = proc.cpu_times()
    return float(times.user + times.system)
