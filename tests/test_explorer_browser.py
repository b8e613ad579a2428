"""The explorer page in a real browser: Debian's Chromium (/usr/bin/chromium, installed by
``make install``) driven by Playwright against a live ``diplograph serve`` on a free loopback
port, with the seed article ingested and two actors that share the alias "Kim".

Every page load is offline: a request to any host but the server is aborted and recorded, and
each test checks that none was made. Screenshots of each view, at 1280x800 and at a phone's
390x844, are written to ``build/screenshots/`` (git-ignored) for a person to look at.
"""

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    Route,
    ViewportSize,
    sync_playwright,
)
from sqlalchemy.orm import Session, sessionmaker

from diplograph.core.db import make_engine, make_session_factory
from diplograph.core.migrate import upgrade
from diplograph.ingest.types import ActorRef
from tests.factories import make_article, make_event, store
from tests.live_server import live_server

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SCREENSHOTS = ROOT / "build" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
DESKTOP: ViewportSize = {"width": 1280, "height": 800}
PHONE: ViewportSize = {"width": 390, "height": 844}
KIM_JONG_UN = ActorRef("Kim Jong Un", "person", "PRK", "leader", ("Kim",))
KIM_YO_JONG = ActorRef("Kim Yo Jong", "person", "PRK", "official", ("Kim",))


def add_two_kims(factory: sessionmaker[Session]) -> None:
    """Store one article in which Kim Jong Un praises Kim Yo Jong: "Kim" then names both."""
    sentence = "Kim Jong Un praised Kim Yo Jong in Pyongyang."
    event = make_event(
        KIM_JONG_UN,
        KIM_YO_JONG,
        cameo="051",
        action="praise",
        sentence=sentence,
        trigger="praised",
        goldstein=3.4,
    )
    store(factory, make_article(sentence, [event], title="Two Kims (test article)"))


def add_an_earlier_visit(factory: sessionmaker[Session]) -> None:
    """Store a November 2017 visit of Putin to Egypt, so the pair's timeline has two months."""
    sentence = "Russian President Vladimir Putin visited Cairo."
    putin = ActorRef("Vladimir Putin", "person", "RUS", "president")
    egypt = ActorRef("Egypt", "country", "EGY")
    event = make_event(
        putin,
        egypt,
        cameo="042",
        action="visit",
        sentence=sentence,
        trigger="visited",
        goldstein=1.9,
        when=date(2017, 11, 20),
    )
    store(
        factory,
        make_article(
            sentence, [event], title="An earlier visit (test article)", published=date(2017, 11, 20)
        ),
    )


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Yield the URL of a live server on the seed article and the two Kims."""
    folder = tmp_path_factory.mktemp("explorer")
    url = f"sqlite:///{folder / 'explorer.db'}"
    upgrade(url)
    env = {**os.environ, "DIPLOGRAPH_DATABASE_URL": url}
    subprocess.run(
        [BIN / "diplograph", "ingest", ROOT / "seeds"], env=env, check=True, capture_output=True
    )
    engine = make_engine(url)
    add_two_kims(make_session_factory(engine))
    add_an_earlier_visit(make_session_factory(engine))
    engine.dispose()
    with live_server(BIN / "diplograph", env, folder / "server.log") as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Yield headless Debian Chromium (never a browser Playwright downloads)."""
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield chromium
        chromium.close()


@dataclass
class Tab:
    """A browser page on the server, and the requests it tried to make elsewhere."""

    browser: Browser
    page: Page
    base: str
    outside: list[str] = field(default_factory=list)

    def open(self, path: str) -> None:
        """Load ``path`` of the explorer and wait until its view is drawn."""
        self.page.goto(self.base + path)
        self.wait_drawn()

    def wait_drawn(self, renders: int = 1) -> None:
        """Wait until the explorer has drawn its ``renders``-th view since the page loaded."""
        self.page.wait_for_function(
            f"window.explorer && window.explorer.ready && window.explorer.renders >= {renders}"
        )

    def renders(self) -> int:
        """Return how many views the explorer has drawn since the page loaded."""
        count: int = self.page.evaluate("window.explorer.renders")
        return count

    def node_labels(self) -> list[str]:
        """Return the names of the drawn nodes, sorted."""
        labels: list[str] = self.page.evaluate(
            "window.explorer.cy.nodes().map(n => n.data('label')).sort()"
        )
        return labels

    def click_edge_to(self, name: str) -> None:
        """Click, with the mouse, the middle of the drawn tie whose far end is ``name``."""
        x, y = self.page.evaluate(
            """name => {
                const cy = window.explorer.cy;
                const edge = cy.edges().filter(e => e.data('b').name === name)[0];
                const p = edge.renderedMidpoint();
                const box = cy.container().getBoundingClientRect();
                return [box.left + p.x, box.top + p.y];
            }""",
            name,
        )
        self.page.mouse.click(x, y)

    def texts(self, selector: str) -> list[str]:
        """Return the inner texts of the elements ``selector`` matches, in page order."""
        return [t.strip() for t in self.page.locator(selector).all_inner_texts()]

    def shoot(self, name: str) -> None:
        """Save the page as it looks now, desktop size then phone size, under SCREENSHOTS."""
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=SCREENSHOTS / f"{name}-1280.png")
        phone = self.browser.new_context(viewport=PHONE)
        try:
            other = Tab(self.browser, phone.new_page(), self.base)
            phone.route("**/*", other.guard)
            other.page.goto(self.page.url)
            other.wait_drawn()
            other.page.screenshot(path=SCREENSHOTS / f"{name}-390.png", full_page=True)
            assert other.outside == []
        finally:
            phone.close()

    def guard(self, route: Route) -> None:
        """Let requests to the server through; abort and record any other."""
        if urlsplit(route.request.url).netloc == urlsplit(self.base).netloc:
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()


@pytest.fixture
def tab(browser: Browser, server: str) -> Iterator[Tab]:
    """Yield a fresh 1280x800 page whose requests may only reach the server."""
    context: BrowserContext = browser.new_context(viewport=DESKTOP)
    opened = Tab(browser, context.new_page(), server)
    context.route("**/*", opened.guard)
    errors: list[Any] = []
    opened.page.on("pageerror", lambda error: errors.append(error))
    yield opened
    context.close()
    assert errors == []


def test_search_putin_draws_assad_and_the_tie_says_met_with(tab: Tab) -> None:
    tab.open("/")
    tab.page.fill("#search", "Putin")
    tab.page.wait_for_selector("#suggestions li .name")
    assert tab.texts("#suggestions li .name") == ["Vladimir Putin"]
    tab.page.click("#suggestions li")
    tab.wait_drawn(renders=2)
    assert tab.page.url == f"{tab.base}/explore/actor/Vladimir%20Putin"
    assert tab.node_labels() == [
        "Bashar al-Assad",
        "Donald Trump",
        "Egypt",
        "Ghassan Salame",
        "Syria",
        "Turkey",
        "Vladimir Putin",
    ]
    tab.click_edge_to("Bashar al-Assad")
    tab.page.wait_for_selector("#evidence-body .event")
    assert tab.texts("#evidence-body .evidence-title") == ["Vladimir Putin — Bashar al-Assad"]
    assert tab.texts("#evidence-body mark.trigger") == ["met with"]
    assert tab.texts("#evidence-body .who") == ["Vladimir Putin → Bashar al-Assad"]
    assert tab.texts("#evidence-body .source .title") == [
        "Putin visits Syria, Egypt and Turkey; announces partial withdrawal from Syria"
    ]
    assert tab.texts("#evidence-body .meta span") == [
        "confidence 0.71",
        "asserted",
        "Goldstein +1.0",
    ]
    assert tab.texts(".legend li") == [
        "Russia (RUS)",
        "Syria (SYR)",
        "Egypt (EGY)",
        "Turkey (TUR)",
        "United States (USA)",
        "No country",
        "Verbal cooperation",
        "Material cooperation",
        "Verbal conflict",
        "Material conflict",
        "Person",
        "State",
        "Organisation or group",
    ]
    tab.shoot("network")
    assert tab.outside == []


def test_suggestions_show_the_alias_that_matched(tab: Tab) -> None:
    tab.open("/")
    tab.page.fill("#search", "assad")
    tab.page.wait_for_selector("#suggestions li .alias")
    assert tab.texts("#suggestions li .name") == ["Bashar al-Assad"]
    assert tab.texts("#suggestions li .alias") == ["alias “assad”"]
    assert tab.outside == []


def test_an_ambiguous_name_lists_its_candidates(tab: Tab) -> None:
    tab.open("/")
    tab.page.fill("#search", "Kim")
    tab.page.press("#search", "Enter")
    tab.wait_drawn(renders=2)
    assert tab.texts(".ambiguous h2") == ["“Kim” could mean 2 actors"]
    assert sorted(tab.texts(".candidate strong")) == ["Kim Jong Un", "Kim Yo Jong"]
    tab.shoot("ambiguous")
    tab.page.click(".candidate:has-text('Kim Yo Jong')")
    tab.wait_drawn(renders=3)
    assert tab.texts("#view h1") == ["Kim Yo Jong"]
    assert tab.node_labels() == ["Kim Jong Un", "Kim Yo Jong"]
    assert tab.outside == []


def test_a_dyad_opened_from_a_tie_has_one_bar_per_month(tab: Tab) -> None:
    tab.open("/explore/actor/Putin")
    tab.click_edge_to("Egypt")
    tab.page.wait_for_selector("#evidence-body .event")
    assert len(tab.texts("#evidence-body .event")) == 2
    tab.page.click("#evidence-body a:has-text('Timeline of this pair')")
    tab.wait_drawn(renders=2)
    chart = tab.page.evaluate(
        """() => {
            const chart = window.explorer.chart;
            return {
                labels: chart.data.labels,
                bars: Object.fromEntries(chart.data.datasets.map(d => [d.label, d.data])),
            };
        }"""
    )
    assert chart == {
        "labels": ["Nov 2017", "Dec 2017"],
        "bars": {
            "Verbal cooperation": [1, 1],
            "Material cooperation": [0, 0],
            "Verbal conflict": [0, 0],
            "Material conflict": [0, 0],
            "Mean Goldstein": [1.9, 1.9],
        },
    }
    assert tab.texts("table.buckets tbody td:first-child") == ["Nov 2017", "Dec 2017"]
    assert tab.texts("#view h1") == ["Vladimir Putin — Egypt"]
    assert tab.texts(".stat strong") == ["2", "100%", "0%", "+1.9"]
    tab.page.wait_for_selector("#evidence-body .event")
    assert len(tab.texts("#evidence-body .event")) == 2
    tab.shoot("dyad")
    tab.open("/explore/dyad/RUS/EGY?level=country&interval=year")
    assert tab.texts("#view h1") == ["Russia — Egypt"]
    assert tab.page.evaluate("window.explorer.chart.data.labels") == ["2017"]
    assert tab.texts(".segmented a.on") == ["Year"]
    assert tab.page.input_value("#f-level") == "country"
    assert tab.outside == []


def test_a_bookmarked_url_reproduces_the_view(tab: Tab, browser: Browser) -> None:
    tab.open("/explore/actor/Putin")
    tab.page.click(".segmented a:has-text('Two steps')")
    tab.wait_drawn(renders=2)
    tab.page.check("input[name=quad_class][value='3']")
    tab.wait_drawn(renders=3)
    bookmark = tab.page.url
    assert bookmark == f"{tab.base}/explore/actor/Putin?quad_class=3&radius=2"
    drawn = tab.node_labels()
    assert drawn == ["Abdel Fattah al-Sisi", "Donald Trump", "Vladimir Putin"]
    exports = tab.page.eval_on_selector_all(
        "a[href*='/graph/export']", "links => links.map(a => a.getAttribute('href'))"
    )
    assert exports == [
        "/graph/export?quad_class=3&format=gexf",
        "/graph/export?quad_class=3&format=graphml",
        "/graph/export?quad_class=3&format=csv",
    ]
    csv = tab.page.request.get(tab.base + exports[2])
    assert (csv.status, csv.text().count("\n")) == (200, 3)  # header and events 13, 14

    fresh = browser.new_context(viewport=DESKTOP)
    try:
        again = Tab(browser, fresh.new_page(), tab.base)
        fresh.route("**/*", again.guard)
        again.page.goto(bookmark)
        again.wait_drawn()
        assert again.node_labels() == drawn
        assert again.page.is_checked("input[name=quad_class][value='3']")
        assert again.texts(".segmented a.on") == ["Two steps"]
        assert again.outside == []
    finally:
        fresh.close()
    assert tab.outside == []


def test_a_large_neighbourhood_is_trimmed_with_a_note(tab: Tab) -> None:
    tab.open("/explore/actor/Putin?top=3")
    assert tab.texts(".note.trimmed") == [
        "Large neighbourhood: showing the 3 strongest of 6 direct ties (by number of events). "
        "Show up to 6 or narrow the filters."
    ]
    assert tab.node_labels() == ["Bashar al-Assad", "Egypt", "Syria", "Vladimir Putin"]
    assert tab.outside == []


def test_tables_page_through_meetings_and_new_pairs(tab: Tab) -> None:
    tab.open("/explore/meetings?size=3")
    first = tab.texts("table.data tbody .pair")
    assert tab.texts(".pager .range") == ["1\u20133 of 5"]
    tab.page.click(".pager button:has-text('Next')")
    tab.wait_drawn(renders=2)
    second = tab.texts("table.data tbody .pair")
    assert tab.texts(".pager .range") == ["4\u20135 of 5"]
    assert sorted(first + second) == [
        "Bashar al-Assad — Vladimir Putin",
        "Egypt — Sergei Shoigu",
        "Egypt — Vladimir Putin",
        "Syria — Vladimir Putin",
        "Turkey — Vladimir Putin",
    ]
    assert first[0] == "Egypt — Vladimir Putin"
    tab.page.click("table.data tbody tr:first-child")
    tab.page.wait_for_selector("#evidence-body .event")
    assert tab.texts("#evidence-body .evidence-title") == [second[0]]
    tab.open("/explore/meetings")
    tab.shoot("meetings")
    tab.open("/explore/new-dyads?since=2017-12-01&quad_class=3,4")
    assert tab.texts("table.data tbody .pair") == [
        "Abdel Fattah al-Sisi — Donald Trump",
        "Donald Trump — Vladimir Putin",
        "Egypt — Islamic militants",
    ]
    tab.open("/explore/new-dyads")  # from three months before the newest article
    assert tab.texts("#view h1") == ["Pairs first seen since 11 Sep 2017"]
    # the seed's ten pairs (the defence minister's visit is his own) and the two Kims
    assert len(tab.texts("table.data tbody tr")) == 11
    tab.shoot("new-pairs")
    assert tab.outside == []


def test_docs_page_renders_offline(tab: Tab) -> None:
    tab.page.goto(tab.base + "/docs")
    tab.page.wait_for_selector(".opblock-summary-path")
    spec = tab.page.request.get(tab.base + "/openapi.json").json()
    operations = sorted(
        f"{method.upper()} {path}" for path, ops in spec["paths"].items() for method in ops
    )
    shown = tab.page.eval_on_selector_all(
        ".opblock",
        "blocks => blocks.map(b => b.querySelector('.opblock-summary-method').textContent"
        " + ' ' + b.querySelector('.opblock-summary-path').dataset.path)",
    )
    assert sorted(shown) == operations
    assert len(operations) == 19
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.page.screenshot(path=SCREENSHOTS / "docs-1280.png")
    assert tab.outside == []
