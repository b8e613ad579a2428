"""Articles from the web: fetch a URL, take the main text of an HTML page, read RSS/Atom feeds.

Fetching uses httpx (redirects followed, a timeout, a size limit read while streaming);
page text, title and date come from trafilatura (boilerplate dropped); feeds are read with
feedparser. Both parsers get the raw bytes, so they honour the page's or feed's own charset.
Every failure is a :class:`FetchError` with a one-line reason; nothing here raises otherwise.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import httpx

from diplograph.ingest.types import ArticleInput

TIMEOUT = 20.0
"""Seconds to connect and between bytes (``--timeout``)."""

MAX_BYTES = 5_000_000
"""The largest answer read (``--max-bytes``); a bigger page is refused, not cut."""

MAX_REDIRECTS = 5
USER_AGENT = "diplograph (+https://github.com/diplograph)"
FEED_TYPES = ("rss", "atom", "xml")
HTML_TYPES = ("text/html", "application/xhtml")
MIN_PAGE_CHARS = 50
"""A page whose main text is shorter than this has no article (a menu, a cookie wall)."""
MIN_FEED_CONTENT_CHARS = 300
"""A feed item whose own content is at least this long is used as is; shorter, its page is
fetched (a summary is not the article)."""


class FetchError(Exception):
    """A URL that gave no usable article; ``str()`` is the one-line reason.

    ``transient`` is true when trying again later may work (timeout, connection, 5xx, 429).
    """

    def __init__(self, reason: str, *, transient: bool = False) -> None:
        super().__init__(reason)
        self.transient = transient


@dataclass(frozen=True)
class Fetched:
    """A fetched answer: the URL it came from after redirects, its media type and body."""

    url: str
    media_type: str
    body: bytes

    @property
    def is_feed(self) -> bool:
        """Return whether the answer is an RSS or Atom feed (by media type, else by its start)."""
        if any(t in self.media_type for t in FEED_TYPES) and "html" not in self.media_type:
            return True
        head = self.body[:500].lstrip().lower()
        return any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf"))

    @property
    def is_html(self) -> bool:
        """Return whether the answer is an HTML page."""
        return any(t in self.media_type for t in HTML_TYPES)


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed: a key that stays the same across polls, its link, and what it says."""

    key: str
    link: str | None
    title: str | None
    published: date | None
    content: str | None
    """The item's own text when the feed carries the article (None: fetch ``link``)."""


class Fetcher:
    """Fetches URLs with one connection pool; use as a context manager or call :meth:`close`."""

    def __init__(
        self,
        *,
        timeout: float = TIMEOUT,
        max_bytes: int = MAX_BYTES,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.max_bytes = max_bytes
        self._client = httpx.Client(
            timeout=timeout,
            follow_redirects=True,
            max_redirects=MAX_REDIRECTS,
            headers={"User-Agent": USER_AGENT},
            transport=transport,
        )

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection pool; returns nothing."""
        self._client.close()

    def get(self, url: str) -> Fetched:
        """Return the answer at ``url``; raise :class:`FetchError` with the reason otherwise."""
        try:
            with self._client.stream("GET", url) as answer:
                if answer.status_code >= 400:
                    raise FetchError(
                        f"HTTP {answer.status_code} {answer.reason_phrase}".strip(),
                        transient=answer.status_code >= 500 or answer.status_code == 429,
                    )
                declared = answer.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > self.max_bytes:
                    raise FetchError(f"too large ({declared} bytes; the limit is {self.max_bytes})")
                body = bytearray()
                for chunk in answer.iter_bytes():
                    body += chunk
                    if len(body) > self.max_bytes:
                        raise FetchError(f"too large (over the limit of {self.max_bytes} bytes)")
                media_type = answer.headers.get("content-type", "").split(";")[0].strip().lower()
                return Fetched(str(answer.url), media_type, bytes(body))
        except httpx.TooManyRedirects:
            raise FetchError(f"more than {MAX_REDIRECTS} redirects") from None
        except httpx.TimeoutException:
            raise FetchError("timed out", transient=True) from None
        except httpx.InvalidURL as exc:
            raise FetchError(f"not a valid URL ({exc})") from None
        except httpx.UnsupportedProtocol:
            raise FetchError("not an http(s) URL") from None
        except httpx.HTTPError as exc:
            reason = f"cannot fetch ({type(exc).__name__}: {exc})"
            raise FetchError(reason, transient=isinstance(exc, httpx.TransportError)) from None


def _iso_date(value: Any) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def page_article(
    body: bytes | str, url: str | None, *, article_id: str, published: date | None = None
) -> ArticleInput:
    """Return the article of an HTML page: main text (boilerplate dropped), title, date, URL.

    ``published`` overrides the date found in the page. Raises :class:`FetchError` when the
    page has no main text.
    """
    import trafilatura

    doc = trafilatura.bare_extraction(
        body, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    title = getattr(doc, "title", None) or None
    if title and text.startswith(title + "\n"):
        text = text[len(title) + 1 :]  # the headline is the title, not a paragraph
    if len(text) < MIN_PAGE_CHARS:
        raise FetchError("no article text found in the page")
    return ArticleInput(
        id=article_id,
        text=text + "\n",
        published=published or _iso_date(getattr(doc, "date", None)),
        title=title,
        url=url or getattr(doc, "url", None) or None,
    )


def fragment_text(html: str) -> str:
    """Return the text of an HTML fragment, one paragraph per line.

    >>> fragment_text("<p>Chile <b>condemned</b> Peru.</p><p>Peru protested.</p>")
    'Chile condemned Peru.\\nPeru protested.'
    """
    import lxml.html

    if "<" not in html:
        return html.strip()
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for block in root.iter("p", "div", "li", "h1", "h2", "h3", "h4", "blockquote"):
        block.tail = "\n" + (block.tail or "")
    lines = (re.sub(r"\s+", " ", line).strip() for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def _entry_date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


def feed_entries(body: bytes | str) -> list[FeedEntry]:
    """Return the items of an RSS or Atom feed; raise :class:`FetchError` if it is not one."""
    import feedparser

    parsed = feedparser.parse(body)
    if not parsed.entries and (parsed.bozo or not parsed.feed):
        reason = getattr(parsed.get("bozo_exception"), "getMessage", lambda: "")()
        raise FetchError(f"not an RSS or Atom feed{f' ({reason})' if reason else ''}")
    found = []
    for entry in parsed.entries:
        link = entry.get("link") or None
        key = entry.get("id") or link or entry.get("title")
        if not key:
            continue
        html = ""
        if entry.get("content"):
            html = max((c.get("value", "") for c in entry.content), key=len)
        text = fragment_text(html) if html else ""
        found.append(
            FeedEntry(
                key=str(key),
                link=link,
                title=entry.get("title") or None,
                published=_entry_date(entry),
                content=text if len(text) >= MIN_FEED_CONTENT_CHARS or not link else None,
            )
        )
    return found


def entry_article(
    entry: FeedEntry, fetcher: Fetcher, *, published: date | None = None
) -> ArticleInput:
    """Return the article of a feed item: its own content, else its page fetched and read.

    Raises :class:`FetchError` with the reason when neither gives an article.
    """
    when = published or entry.published
    if entry.content:
        return ArticleInput(entry.key, entry.content + "\n", when, entry.title, entry.link)
    assert entry.link is not None
    page = fetcher.get(entry.link)
    if not page.is_html:
        raise FetchError(f"not an HTML page ({page.media_type or 'no content type'})")
    article = page_article(page.body, page.url, article_id=entry.key, published=when)
    if entry.title and not article.title:
        article = ArticleInput(article.id, article.text, article.published, entry.title, page.url)
    return article


def url_articles(
    url: str, fetcher: Fetcher, *, published: date | None = None
) -> Iterator[ArticleInput | tuple[str, str]]:
    """Yield the articles a URL gives: one for a page, one per item for a feed.

    A problem is yielded as ``(where, reason)`` (the URL, or the feed item's link), so one
    bad item never stops the others.
    """
    try:
        answer = fetcher.get(url)
        if answer.is_feed:
            entries = feed_entries(answer.body)
        elif answer.is_html:
            yield page_article(answer.body, answer.url, article_id=url, published=published)
            return
        else:
            raise FetchError(f"not an HTML page or a feed ({answer.media_type or 'no type'})")
    except FetchError as exc:
        yield (url, str(exc))
        return
    for entry in entries:
        try:
            yield entry_article(entry, fetcher, published=published)
        except FetchError as exc:
            yield (entry.link or entry.key, str(exc))
