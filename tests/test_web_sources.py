"""Pages, feeds and URL lists read from a local HTTP server on 127.0.0.1 (no internet)."""

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi import FastAPI

from diplograph import Client
from diplograph.app.client.transport import InProcessTransport
from diplograph.app.deps import get_ingester
from diplograph.ingest.sources import SourceError, SourceReader
from diplograph.ingest.types import ArticleInput
from diplograph.ingest.web import Fetcher
from tests.factories import ASSAD, PUTIN, fake_ingester, make_event
from tests.local_web import Site, serve_site
from tests.web_pages import CARRIED, LATIN1_PARAGRAPHS, PARAGRAPHS, article_html, site_pages

pytestmark = pytest.mark.slow  # a server and real HTTP


@pytest.fixture
def site() -> Iterator[Site]:
    """Serve the canned pages and feeds on a free local port."""
    with serve_site(Site()) as served:
        site_pages(served)
        yield served


@pytest.fixture
def fake(app: FastAPI) -> Iterator[Client]:
    """Return a client on the test app whose ingest "extracts" Putin met Assad from any text."""
    app.dependency_overrides[get_ingester] = lambda: fake_ingester([make_event(PUTIN, ASSAD)])
    client = Client("http://local", transport=InProcessTransport(app))
    yield client
    client.close()


def read(site: Site, *sources: str, **options: object) -> list[ArticleInput | SourceError]:
    """Return what a reader with a 0.5 s timeout and a 3,000-byte limit makes of ``sources``."""
    with Fetcher(timeout=0.5, max_bytes=3000) as fetcher:
        reader = SourceReader(fetcher=fetcher, **options)  # type: ignore[arg-type]
        return list(reader.read(list(sources)))


def text_of(paragraphs: tuple[str, ...]) -> str:
    return "\n".join(paragraphs) + "\n"


def test_a_page_gives_its_main_text_title_date_and_url(site: Site) -> None:
    url = site.url("/article.html")
    assert read(site, url) == [
        ArticleInput(url, text_of(PARAGRAPHS), date(2023, 6, 14), "Chile condemns Peru", url)
    ]


def test_a_redirect_is_followed_and_the_final_url_kept(site: Site) -> None:
    [article] = read(site, site.url("/moved"), published=date(2023, 6, 20))
    assert isinstance(article, ArticleInput)
    assert (article.id, article.url, article.published) == (
        site.url("/moved"),
        site.url("/article.html"),
        date(2023, 6, 20),
    )


def test_the_page_charset_is_honoured(site: Site) -> None:
    [article] = read(site, site.url("/latin1.html"))
    assert isinstance(article, ArticleInput)
    assert article.text == text_of(LATIN1_PARAGRAPHS)


def test_each_bad_url_is_one_clear_error_and_the_rest_go_on(site: Site) -> None:
    paths = ["/loop", "/paper.pdf", "/big.html", "/slow.html", "/missing", "/empty.html"]
    found = read(site, *(site.url(p) for p in paths), site.url("/article.html"))
    assert [(e.path, e.reason) for e in found if isinstance(e, SourceError)] == [
        (site.url("/loop"), "more than 5 redirects"),
        (site.url("/paper.pdf"), "not an HTML page or a feed (application/pdf)"),
        (site.url("/big.html"), "too large (5007 bytes; the limit is 3000)"),
        (site.url("/slow.html"), "timed out"),
        (site.url("/missing"), "HTTP 404 Not Found"),
        (site.url("/empty.html"), "no article text found in the page"),
    ]
    assert [a.id for a in found if isinstance(a, ArticleInput)] == [site.url("/article.html")]


def test_a_feed_fetches_item_pages_or_uses_their_content(site: Site) -> None:
    found = read(site, site.url("/feed.xml"))
    assert found == [
        ArticleInput(
            "item-1",
            text_of(PARAGRAPHS),
            date(2023, 6, 14),
            "Chile condemns Peru",
            site.url("/article.html"),
        ),
        ArticleInput(
            "item-2",
            text_of(CARRIED),
            date(2023, 6, 14),
            "Kenya welcomes deal",
            site.url("/nowhere"),
        ),
        SourceError(
            site.url("/feed.xml"),
            None,
            f"{site.url('/paper.pdf')}: not an HTML page (application/pdf)",
        ),
    ]
    assert site.hits.get("/nowhere") is None  # the feed carried item 2: its page is not fetched


def test_a_url_list_names_the_line_of_each_problem(site: Site, tmp_path: Path) -> None:
    listing = tmp_path / "reading.urls"
    listing.write_text(
        f"# this week\n{site.url('/article.html')}\n\nftp://example.org/x\n{site.url('/missing')}\n"
    )
    found = read(site, str(listing))
    assert [a.id for a in found if isinstance(a, ArticleInput)] == [site.url("/article.html")]
    assert [str(e) for e in found if isinstance(e, SourceError)] == [
        f"{listing}:4: not an http(s) URL: 'ftp://example.org/x'",
        f"{listing}:5: {site.url('/missing')}: HTTP 404 Not Found",
    ]


def test_html_and_feed_files_on_disk(site: Site, tmp_path: Path) -> None:
    page = tmp_path / "saved.html"
    page.write_text(article_html("Chile condemns Peru", PARAGRAPHS, published="2023-06-15"))
    feed = tmp_path / "wire.rss"
    feed.write_bytes(site.pages["/feed.xml"].body)
    found = read(site, str(tmp_path))
    assert [(a.id, a.published) for a in found if isinstance(a, ArticleInput)] == [
        ("saved", date(2023, 6, 15)),
        ("item-1", date(2023, 6, 14)),
        ("item-2", date(2023, 6, 14)),
    ]
    assert [str(e) for e in found if isinstance(e, SourceError)] == [
        f"{feed}: {site.url('/paper.pdf')}: not an HTML page (application/pdf)"
    ]
