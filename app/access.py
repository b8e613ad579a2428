"""Who may read and write: bearer keys from the settings, and a rate limit on writes.

Every route that changes data declares ``WriteAccessDep`` (``dependencies=[WriteAccess]``
on a route or router): with ``DIPLOGRAPH_API_KEYS`` set it answers 401 without one of
those keys, and it answers 429 (with ``Retry-After``) to a key or address writing faster
than ``DIPLOGRAPH_WRITE_RATE`` per minute. Reads need a key only when
``DIPLOGRAPH_READ_KEYS`` is set (:func:`require_read_access`, installed app-wide).
"""

import hmac
import math
import threading
import time
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Request, status

from diplograph.core.settings import Settings

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
OPEN_PATHS = frozenset({"/health"})


class RateLimiter:
    """Token buckets per client: ``burst`` writes at once, refilled at ``per_minute``.

    Thread-safe; keeps at most ``max_clients`` buckets (the oldest are dropped).
    """

    def __init__(self, per_minute: float, burst: int, max_clients: int = 10_000) -> None:
        self.rate = per_minute / 60.0
        self.burst = max(1, burst)
        self.max_clients = max_clients
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def acquire(self, client: str, now: float | None = None) -> float:
        """Take one token for ``client``; return 0 when allowed, else seconds to wait."""
        now = time.monotonic() if now is None else now
        with self._lock:
            tokens, then = self._buckets.pop(client, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - then) * self.rate)
            if tokens >= 1.0:
                self._buckets[client] = (tokens - 1.0, now)
                wait = 0.0
            else:
                self._buckets[client] = (tokens, now)
                wait = (1.0 - tokens) / self.rate if self.rate > 0 else 60.0
            while len(self._buckets) > self.max_clients:
                del self._buckets[next(iter(self._buckets))]
            return wait


def unauthorized(detail: str) -> HTTPException:
    """Return the 401 error asking for a bearer key."""
    return HTTPException(
        status.HTTP_401_UNAUTHORIZED, detail=detail, headers={"WWW-Authenticate": "Bearer"}
    )


def key_matches(given: str, keys: frozenset[str]) -> bool:
    """Return whether ``given`` is one of ``keys`` (compared in constant time)."""
    found = False
    for key in keys:
        found |= hmac.compare_digest(given.encode(), key.encode())
    return found


def bearer_key(request: Request) -> str | None:
    """Return the key of the request's ``Authorization: Bearer <key>`` header, or None.

    Read from the headers directly rather than declared as a security scheme, so that
    the OpenAPI schema asks for a key only when keys are set (see :func:`document_keys`).
    """
    scheme, _, key = request.headers.get("authorization", "").partition(" ")
    return key.strip() or None if scheme.lower() == "bearer" else None


def document_keys(app: FastAPI, *, writes: bool, reads: bool) -> None:
    """Make the app's OpenAPI schema declare the bearer key its routes ask for.

    With ``writes`` every operation that is not a read needs it, with ``reads``
    every operation but ``/health``; with neither the schema is left as it is.
    """
    if not (writes or reads):
        return
    plain = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        schema = plain()
        schemes = schema.setdefault("components", {}).setdefault("securitySchemes", {})
        schemes["bearer"] = {
            "type": "http",
            "scheme": "bearer",
            "description": "A key of DIPLOGRAPH_API_KEYS (writes) or DIPLOGRAPH_READ_KEYS.",
        }
        for path, item in schema.get("paths", {}).items():
            for method, operation in item.items():
                read = method.upper() in READ_METHODS
                if (writes and not read) or (reads and read and path not in OPEN_PATHS):
                    operation["security"] = [{"bearer": []}]
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


async def require_write_access(request: Request) -> None:
    """Let a write through, or raise 401 (no or wrong key) or 429 (too many writes).

    Returns nothing. Async only so that FastAPI runs it inline: it never blocks.
    """
    settings: Settings = request.app.state.settings
    keys: frozenset[str] = request.app.state.write_keys
    given = bearer_key(request)
    if keys:
        if given is None:
            raise unauthorized("this route needs an API key: Authorization: Bearer <key>")
        if not key_matches(given, keys):
            raise unauthorized("unknown API key")
    limiter: RateLimiter = request.app.state.write_limiter
    address = request.client.host if request.client else "unknown"
    who = f"key:{given}" if keys and given else f"ip:{address}"
    wait = limiter.acquire(who)
    if wait > 0:
        raise HTTPException(
            status.HTTP_429_TOO_MANY_REQUESTS,
            detail=f"too many writes: at most {settings.write_rate:g} a minute",
            headers={"Retry-After": str(max(1, math.ceil(wait)))},
        )


async def require_read_access(request: Request) -> None:
    """Let a read through, or raise 401 when read keys are set and none was given.

    Writes are left to :func:`require_write_access`; ``/health`` is always open.
    """
    keys: frozenset[str] = request.app.state.read_keys
    if not keys or request.method not in READ_METHODS or request.url.path in OPEN_PATHS:
        return
    given = bearer_key(request)
    if given is None:
        raise unauthorized("reading needs an API key: Authorization: Bearer <key>")
    if not key_matches(given, keys):
        raise unauthorized("unknown API key")


WriteAccess = Depends(require_write_access)
WriteAccessDep = Annotated[None, WriteAccess]
