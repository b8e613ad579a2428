"""Every graph answer says how current the graph behind it is, in response headers."""

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from diplograph.graph.cache import GraphCache

THROUGH = "X-Graph-Through"
"""Highest event id in the graph the service answers from."""
STALE = "X-Graph-Stale-Seconds"
"""Seconds since a change the graph does not reflect yet (a deletion, a merge...) was
noticed; a new graph is being built meanwhile. 0 when the graph is current."""
GENERATION = "X-Graph-Generation"
"""The store's generation the graph was built at (bumped by non-incremental changes)."""


class GraphHeadersMiddleware:
    """ASGI middleware adding :data:`THROUGH`, :data:`STALE` and :data:`GENERATION` to the
    answers of ``/graph`` routes, read from the cache when the answer starts."""

    def __init__(self, app: ASGIApp, cache: GraphCache) -> None:
        self.app = app
        self.cache = cache

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Run the request, adding the headers to graph answers."""
        if scope["type"] != "http" or not scope["path"].startswith("/graph"):
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            built = self.cache.served
            if message["type"] == "http.response.start" and built is not None:
                headers = MutableHeaders(scope=message)
                headers[THROUGH] = str(built.through)
                headers[STALE] = f"{built.stale_s():.3f}"
                headers[GENERATION] = str(built.generation)
            await send(message)

        await self.app(scope, receive, send_with_headers)
