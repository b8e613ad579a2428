"""``diplograph watch`` and ``diplograph ingest URL`` against feeds on a local HTTP server."""

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select

from diplograph.core.models import ArticleRow, FeedItemRow
from tests.local_web import Site, serve_site
from tests.test_cli import counts, invoke, upgraded_database
from tests.web_pages import rss, rss_item, site_pages

pytestmark = pytest.mark.slow  # a server, real HTTP and the spaCy model

STAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ ")


@pytest.fixture
def site() -> Iterator[Site]:
    """Serve the canned pages and a feed whose fifth item's page always times out."""
    with serve_site(Site()) as served:
        site_pages(served)
        feed = served.pages["/feed.xml"].body.decode()
        slow = rss_item("item-5", served.url("/slow.html"), "Slow page")
        served.pages["/feed.xml"].body = feed.replace("</channel>", slow + "</channel>").encode()
        yield served


def feed_items(url: str) -> list[tuple[str, str, int | None]]:
    """Return the seen feed items as (key, outcome, article id), by key."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            stmt = select(FeedItemRow.item_key, FeedItemRow.outcome, FeedItemRow.article_id)
            return sorted(tuple(row) for row in conn.execute(stmt))  # type: ignore[misc]
    finally:
        engine.dispose()


def log_lines(stderr: str) -> list[str]:
    """Return the lines of a watch log with their time stamps taken off."""
    return [STAMP.sub("", line) for line in stderr.splitlines()]


def test_watch_ingests_new_items_once_across_polls_and_restarts(site: Site, tmp_path: Path) -> None:
    url = upgraded_database(tmp_path)
    feed = site.url("/feed.xml")
    options = ["--timeout", "0.5", "--database-url", url]
    first = invoke(["watch", feed, "--max-polls", "2", "--every", "0.01s", *options])
    assert first.exit_code == 0, first.stderr
    events = counts(url)["events"]
    pdf, slow = site.url("/paper.pdf"), site.url("/slow.html")
    assert log_lines(first.stderr) == [
        f"skipped {feed}: {pdf}: not an HTML page (application/pdf)",
        f"skipped {feed}: {slow}: timed out",
        f"poll 1: 1 feeds, 4 items, 4 new, 2 articles added, {events} events added, 2 failed",
        f"skipped {feed}: {slow}: timed out",
        "poll 2: 1 feeds, 4 items, 1 new, 0 articles added, 0 events added, 1 failed",
    ]
    assert events > 0
    assert feed_items(url) == [
        ("item-1", "added", 1),
        ("item-2", "added", 2),
        ("item-3", "refused: not an HTML page (application/pdf)", None),
    ]  # item-5 timed out: not remembered, so it is tried again

    site.pages["/feed.xml"].body = rss(
        [
            rss_item("item-1", site.url("/article.html"), "Chile condemns Peru"),
            rss_item("item-4", site.url("/latin1.html"), "Colombia condemns Venezuela"),
        ]
    )
    restarted = invoke(["watch", feed, "--once", *options])
    assert restarted.exit_code == 0, restarted.stderr
    assert log_lines(restarted.stderr) == [
        "poll 1: 1 feeds, 2 items, 1 new, 1 articles added, "
        f"{counts(url)['events'] - events} events added, 0 failed"
    ]
    assert [key for key, _, _ in feed_items(url)] == ["item-1", "item-2", "item-3", "item-4"]
    assert site.hits["/article.html"] == 1  # item 1 was fetched once, in the first poll


def test_ingest_reads_a_url_and_a_feed(site: Site, tmp_path: Path) -> None:
    url = upgraded_database(tmp_path)
    page = site.url("/article.html")
    result = invoke(["ingest", page, site.url("/missing"), "--database-url", url])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == f"skipped {site.url('/missing')}: HTTP 404 Not Found"
    engine = create_engine(url)
    with engine.connect() as conn:
        stored = conn.execute(
            select(ArticleRow.title, ArticleRow.url, ArticleRow.published, ArticleRow.external_id)
        ).all()
    engine.dispose()
    assert [tuple(row) for row in stored] == [
        ("Chile condemns Peru", page, date(2023, 6, 14), page)
    ]


def test_the_fetch_limits_of_the_command_line_apply(site: Site) -> None:
    big, slow = site.url("/big.html"), site.url("/slow.html")
    result = invoke(["extract", big, slow, "--max-bytes", "3000", "--timeout", "0.5"])
    assert (result.exit_code, result.stdout, result.stderr) == (
        1,
        "",
        f"skipped {big}: too large (5007 bytes; the limit is 3000)\nskipped {slow}: timed out\n",
    )
