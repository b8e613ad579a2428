"""Limits on what one request may ask: body size, and error bodies that never echo it back."""

import json
import math
from collections.abc import Sequence
from typing import Any

from fastapi import Request, status
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

ECHO_LIMIT = 100
"""Longest input (characters of its JSON form) a validation error shows back."""


def _too_large(limit: int) -> bytes:
    return json.dumps({"detail": f"request body larger than {limit} bytes"}).encode()


class BodyLimitMiddleware:
    """ASGI middleware answering 413 to a body over ``max_bytes``.

    A declared ``Content-Length`` over the limit is refused before anything is
    read; a chunked body is counted as it arrives and refused once it passes it.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Run the request unless its body is too large (then answer 413)."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", ()):
            if name == b"content-length" and (not value.isdigit() or int(value) > self.max_bytes):
                await self._refuse(send)
                return
        received = 0
        refused = False

        async def counting_receive() -> Message:
            nonlocal received, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    # Answer now and tell the app the client has gone: it stops reading.
                    refused = True
                    await self._refuse(send)
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message: Message) -> None:
            if not refused:  # after a 413, whatever the app still says is dropped
                await send(message)

        await self.app(scope, counting_receive, guarded_send)

    async def _refuse(self, send: Send) -> None:
        body = _too_large(self.max_bytes)
        await send(
            {
                "type": "http.response.start",
                "status": status.HTTP_413_CONTENT_TOO_LARGE,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


def _short(value: Any) -> bool:
    try:
        return len(json.dumps(value, default=str)) <= ECHO_LIMIT
    except (TypeError, ValueError):
        return False


def clean(value: Any) -> Any:
    """Return ``value`` made JSON-safe: lone surrogates in its strings become ``?``.

    >>> clean({"q": "a\\ud800b"})
    {'q': 'a?b'}
    """
    if isinstance(value, str):
        return value.encode("utf-8", "replace").decode("utf-8")
    if isinstance(value, dict):
        return {clean(str(k)): clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [clean(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if value is None or isinstance(value, bool | int | float):
        return value
    return clean(str(value))


def brief_errors(errors: Sequence[Any]) -> list[dict[str, Any]]:
    """Return validation errors with their type, location and message; short inputs only.

    An input whose JSON form is longer than ``ECHO_LIMIT`` characters (a whole
    article, a whole body) is left out, so an error never echoes a large request.
    """
    out = []
    for error in errors:
        item = {key: error[key] for key in ("type", "loc", "msg") if key in error}
        if "input" in error and _short(error["input"]):
            item["input"] = error["input"]
        if "ctx" in error and _short(error["ctx"]):
            item["ctx"] = error["ctx"]
        out.append(clean(item))
    return out


async def validation_error_response(request: Request, exc: Exception) -> JSONResponse:
    """Return the 422 answer of a request that does not validate (no large inputs echoed)."""
    assert isinstance(exc, RequestValidationError)
    return JSONResponse(
        status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
        content={"detail": brief_errors(exc.errors())},
    )
