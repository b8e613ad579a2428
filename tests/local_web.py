"""A tiny HTTP server on 127.0.0.1 that serves canned pages and feeds to the web-source tests."""

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Page:
    """One canned answer: status, content type, body, extra headers and a delay (seconds)."""

    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


class Site:
    """The pages the server answers with, by path; ``hits`` counts requests per path."""

    def __init__(self) -> None:
        self.pages: dict[str, Page] = {}
        self.hits: dict[str, int] = {}
        self.base = ""

    def url(self, path: str) -> str:
        """Return the absolute URL of ``path`` on the running server."""
        return self.base + path


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            site.hits[self.path] = site.hits.get(self.path, 0) + 1
            page = site.pages.get(self.path, Page(b"not found", "text/plain", 404))
            if page.delay:
                time.sleep(page.delay)
            self.send_response(page.status)
            self.send_header("Content-Type", page.content_type)
            headers = {"Content-Length": str(len(page.body)), **page.headers}
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            with suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(page.body)

        def log_message(self, *_args: object) -> None:
            pass

    return Handler


@contextmanager
def serve_site(site: Site) -> Iterator[Site]:
    """Serve ``site`` on a free port of 127.0.0.1 while the block runs; yield it with its base."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
