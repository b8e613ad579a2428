"""The bounded pool that extracts posted articles, so that reads never wait for extraction.

At most ``workers`` articles are extracted at once, in threads of their own (not the
request threads); at most ``queue`` more wait. A request beyond that is refused at once
with 503 and ``Retry-After`` instead of piling up.
"""

import threading
from collections.abc import Callable
from typing import TypeVar

import anyio
from anyio import to_thread
from fastapi import HTTPException, status

T = TypeVar("T")


class ExtractionPool:
    """A bounded worker pool with a bounded queue (see the module docstring)."""

    def __init__(self, workers: int, queue: int, retry_after: int = 5) -> None:
        self.workers = max(1, workers)
        self.queue = max(0, queue)
        self.retry_after = retry_after
        self._limiter: anyio.CapacityLimiter | None = None
        self._admitted = 0
        self._lock = threading.Lock()

    @property
    def admitted(self) -> int:
        """Return how many articles are being extracted or waiting right now."""
        return self._admitted

    def _limiter_now(self) -> anyio.CapacityLimiter:
        # Made lazily: a CapacityLimiter belongs to the event loop that first uses it.
        if self._limiter is None:
            self._limiter = anyio.CapacityLimiter(self.workers)
        return self._limiter

    async def run(self, work: Callable[[], T]) -> T:
        """Return what ``work`` returns, run in a worker thread once one is free.

        Raises 503 (with ``Retry-After``) at once when the workers and the queue
        are all taken.
        """
        with self._lock:
            if self._admitted >= self.workers + self.queue:
                raise HTTPException(
                    status.HTTP_503_SERVICE_UNAVAILABLE,
                    detail="too many articles being extracted; retry later",
                    headers={"Retry-After": str(self.retry_after)},
                )
            self._admitted += 1
        try:
            return await to_thread.run_sync(work, limiter=self._limiter_now())
        finally:
            with self._lock:
                self._admitted -= 1
