"""Canned pages and feeds for the web-source tests (served by :mod:`tests.local_web`)."""

from tests.local_web import Page, Site

PARAGRAPHS = (
    "Chile condemned Peru on Monday after soldiers crossed the border near Tacna, the foreign "
    "ministry in Santiago said in a statement.",
    "The ministry said the incursion violated the 1929 treaty and demanded an explanation from "
    "Lima within three days.",
    "Peruvian officials said the patrol had lost its way in fog and had returned within the "
    "hour, and they called the protest an overreaction.",
)
BOILERPLATE = ("Subscribe to our newsletter", "Accept all cookies", "Most read today")


def article_html(title: str, paragraphs: tuple[str, ...], *, published: str = "2023-06-14") -> str:
    """Return a news page: navigation, the article, a sidebar and a footer."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title} | The Daily Wire Service</title>
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="{published}T08:00:00Z">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/login">{BOILERPLATE[0]}</a></li></ul></nav>
<div class="cookie-banner">{BOILERPLATE[1]}</div>
<main><article><h1>{title}</h1>
{body}
</article></main>
<aside><h2>{BOILERPLATE[2]}</h2><ul><li><a href="/a">Storm hits coast</a></li>
<li><a href="/b">Markets rally</a></li></ul></aside>
<footer><p>Copyright 2023 The Daily Wire Service. All rights reserved.</p></footer>
</body></html>"""


LATIN1_PARAGRAPHS = (
    "Colombia condemned Venezuela on Tuesday, the foreign ministry in Bogotá said, after a "
    "border crossing near Cúcuta was closed without notice.",
    "The ministry said the closure stranded hundreds of travellers and asked Caracas to reopen "
    "the crossing at once, in keeping with earlier agreements.",
)


def rss(items: list[str]) -> bytes:
    """Return an RSS 2.0 feed with the given ``<item>`` elements."""
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        "<channel><title>Wire</title><link>http://127.0.0.1/</link><description>d</description>"
        + "".join(items)
        + "</channel></rss>"
    ).encode()


def rss_item(guid: str, link: str, title: str, *, content: str = "", date: str = "") -> str:
    """Return one RSS item (its page to fetch, or its own ``content:encoded``)."""
    encoded = f"<content:encoded><![CDATA[{content}]]></content:encoded>" if content else ""
    pub = f"<pubDate>{date}</pubDate>" if date else ""
    return (
        f"<item><guid>{guid}</guid><link>{link}</link><title>{title}</title>"
        f"<description>A short summary.</description>{pub}{encoded}</item>"
    )


CARRIED = (
    "Kenya welcomed the agreement between Ethiopia and Somalia on Wednesday, saying it would "
    "ease tension across the Horn of Africa.",
    "Nairobi offered to host the next round of talks and said it was ready to send observers "
    "to the border region if both sides asked.",
    "Diplomats said the deal followed weeks of mediation by Turkey.",
)


def site_pages(site: Site) -> None:
    """Fill ``site`` with the test pages and feeds (links are absolute, so after serving)."""
    page = article_html("Chile condemns Peru", PARAGRAPHS).encode()
    latin1 = article_html("Colombia condemns Venezuela", LATIN1_PARAGRAPHS).replace(
        'charset="utf-8"', 'charset="iso-8859-1"'
    )
    site.pages.update(
        {
            "/article.html": Page(page),
            "/moved": Page(status=301, headers={"Location": "/article.html"}),
            "/loop": Page(status=302, headers={"Location": "/loop"}),
            "/paper.pdf": Page(b"%PDF-1.4", "application/pdf"),
            "/big.html": Page(b"<p>" + b"x" * 5000 + b"</p>"),
            "/slow.html": Page(page, delay=1.5),
            "/latin1.html": Page(latin1.encode("iso-8859-1"), "text/html"),
            "/empty.html": Page(b"<html><body><nav>Home</nav></body></html>"),
            "/feed.xml": Page(
                rss(
                    [
                        rss_item("item-1", site.url("/article.html"), "Chile condemns Peru"),
                        rss_item(
                            "item-2",
                            site.url("/nowhere"),
                            "Kenya welcomes deal",
                            content="".join(f"<p>{p}</p>" for p in CARRIED),
                            date="Wed, 14 Jun 2023 09:00:00 GMT",
                        ),
                        rss_item("item-3", site.url("/paper.pdf"), "The report"),
                    ]
                ),
                "application/rss+xml",
            ),
        }
    )
