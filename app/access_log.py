"""One log line per HTTP request: method, path, status, duration."""

import logging
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

logger = logging.getLogger("diplograph.http")


class AccessLogMiddleware:
    """ASGI middleware logging ``METHOD path status duration`` at INFO once per request.

    A request that fails with an unhandled error is logged with status 500.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Run the request and log its line when it ends."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 500

        async def send_and_note_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_and_note_status)
        finally:
            elapsed_ms = (time.perf_counter() - start) * 1000
            logger.info("%s %s %d %.1fms", scope["method"], scope["path"], status, elapsed_ms)
