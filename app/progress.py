"""How far an ingest is: articles done, articles per second and the time left.

On a terminal a live bar (``rich``); elsewhere (a log, CI) optionally one plain line every
so often, so that a long run on a cluster still says where it is.
"""

import sys
import time
from collections.abc import Callable
from datetime import timedelta
from types import TracebackType
from typing import Self, TextIO

from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text


class RateColumn(ProgressColumn):
    """Articles per second over the last half minute."""

    def render(self, task: Task) -> Text:
        """Return the rate as text ("12.3 articles/s"), or "?" before it is known."""
        speed = task.speed
        return Text("? articles/s" if speed is None else f"{speed:.1f} articles/s")


def progress_line(done: int, total: int, elapsed: float) -> str:
    """Return one plain line: articles done of ``total``, the mean rate and the time left.

    >>> progress_line(150, 600, 60.0)
    'ingest: 150/600 articles, 2.5 articles/s, ETA 0:03:00'
    >>> progress_line(0, 600, 0.0)
    'ingest: 0/600 articles, 0.0 articles/s, ETA ?'
    """
    rate = done / elapsed if elapsed > 0 else 0.0
    eta = str(timedelta(seconds=round((total - done) / rate))) if rate > 0 else "?"
    return f"ingest: {done}/{total} articles, {rate:.1f} articles/s, ETA {eta}"


class IngestProgress:
    """Shows the progress of an ingest of ``total`` articles on ``stream``.

    A live bar with the rate and the ETA when ``stream`` is a terminal; otherwise a
    :func:`progress_line` every ``every`` seconds (never, when ``every`` is None).
    """

    def __init__(
        self,
        total: int,
        *,
        every: float | None = None,
        stream: TextIO | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.total = total
        self.done = 0
        self.every = every
        self.stream = stream or sys.stderr
        self.clock = clock
        self.live = self.stream.isatty()
        self.bar = Progress(
            TextColumn("ingesting"),
            BarColumn(),
            MofNCompleteColumn(),
            RateColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            TextColumn("{task.description}"),
            transient=True,
            disable=not self.live,
        )
        self.task = self.bar.add_task("", total=total)
        self.started = self.last_line = clock()

    def __enter__(self) -> Self:
        self.bar.start()
        self.started = self.last_line = self.clock()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.bar.stop()

    def advance(self, articles: int, description: str = "") -> None:
        """Count ``articles`` more as done; maybe print a line."""
        self.done += articles
        self.bar.update(self.task, advance=articles, description=description)
        now = self.clock()
        if not self.live and self.every is not None and now - self.last_line >= self.every:
            self.last_line = now
            self.stream.write(progress_line(self.done, self.total, now - self.started) + "\n")
            self.stream.flush()
