"""How the client's requests travel: over the network with retries, or into an app in-process."""

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

import httpx

if TYPE_CHECKING:
    from fastapi import FastAPI

RETRIED = (httpx.ConnectError, httpx.ConnectTimeout)
"""Errors raised before the request reached the server: retrying them cannot repeat a write."""


class RetryingTransport(httpx.BaseTransport):
    """A transport that retries a request whose connection failed, with exponential backoff.

    Only connection errors (:data:`RETRIED`) are retried, ``retries`` times at
    most, waiting ``backoff``, ``2 * backoff``, ``4 * backoff``... seconds
    between tries; an answer, whatever its status (4xx and 5xx included), is
    returned as it is, and any other error propagates at once.
    """

    def __init__(
        self,
        inner: httpx.BaseTransport,
        *,
        retries: int = 3,
        backoff: float = 0.5,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if retries < 0:
            raise ValueError("retries must be >= 0")
        self.inner = inner
        self.retries = retries
        self.backoff = backoff
        self.sleep = sleep

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Return the answer to ``request``, retrying connection errors."""
        for attempt in range(self.retries + 1):
            try:
                return self.inner.handle_request(request)
            except RETRIED:
                if attempt == self.retries:
                    raise
                self.sleep(self.backoff * 2**attempt)
        raise AssertionError("unreachable")  # pragma: no cover

    def close(self) -> None:
        """Close the wrapped transport."""
        self.inner.close()


class InProcessTransport(httpx.BaseTransport):
    """A transport that answers requests by running a FastAPI app in this process.

    It hands each request to a ``fastapi.testclient.TestClient`` on ``app``
    (which runs the ASGI app synchronously in a helper thread; httpx's own
    ``ASGITransport`` is async-only) and copies the answer back, so a client
    built on it goes through exactly the same code as one talking to a
    server; an unexpected error in the app is a 500 answer here too. The
    app's lifespan starts with the transport and ends when it is
    closed (the app then disposes its database engine).
    """

    def __init__(self, app: "FastAPI") -> None:
        from fastapi.testclient import TestClient  # imported only by in-process clients

        self._client = TestClient(
            app, base_url="http://diplograph.local", raise_server_exceptions=False
        )
        self._client.__enter__()
        self._closed = False

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Return the app's answer to ``request``."""
        answer = self._client.request(
            request.method,
            str(request.url),
            headers=[(k, v) for k, v in request.headers.multi_items() if k.lower() != "host"],
            content=request.read(),
        )
        headers = [
            (k, v)
            for k, v in answer.headers.multi_items()
            if k.lower() not in ("content-encoding", "content-length", "transfer-encoding")
        ]
        return httpx.Response(answer.status_code, headers=headers, content=answer.content)

    def close(self) -> None:
        """End the app's lifespan (once)."""
        if not self._closed:
            self._closed = True
            self._client.__exit__(None, None, None)
