"""Watch feeds: each poll ingests the items not seen before and remembers them in the database.

An item is recorded as seen in the same transaction that stores its article, so a process
stopped at any point neither repeats an item nor misses one when it starts again. An item
refused for good (not HTML, too large, no text) is recorded with the reason and not tried
again; one that failed for a passing reason (timeout, connection, server error) is tried
again at the next poll.
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session, sessionmaker

from diplograph.core.db import transaction
from diplograph.core.repositories import feeds
from diplograph.ingest.persist import persist
from diplograph.ingest.pipeline import extract_one
from diplograph.ingest.web import FeedEntry, Fetcher, FetchError, entry_article, feed_entries


@dataclass(frozen=True)
class PollSummary:
    """What one poll of every feed did, and a one-line reason per item that failed."""

    feeds: int
    items: int
    new: int
    added: int
    events: int
    failed: int
    problems: tuple[str, ...]

    def line(self, poll: int) -> str:
        """Return the poll's log line (without the time stamp)."""
        return (
            f"poll {poll}: {self.feeds} feeds, {self.items} items, {self.new} new, "
            f"{self.added} articles added, {self.events} events added, {self.failed} failed"
        )


def _new_entries(
    factory: sessionmaker[Session], feed_url: str, entries: list[FeedEntry]
) -> list[FeedEntry]:
    with transaction(factory) as session:
        seen = feeds.seen_keys(session, feed_url)
    new: dict[str, FeedEntry] = {}
    for entry in entries:
        if entry.key not in seen and entry.key not in new:
            new[entry.key] = entry
    return list(new.values())


def poll_once(
    factory: sessionmaker[Session],
    feed_urls: list[str],
    fetcher: Fetcher,
    *,
    published: date | None = None,
) -> PollSummary:
    """Fetch every feed, ingest its new items (each in its own transaction); return the counts.

    One bad feed or item is counted and described in ``problems``; the others go on.
    """
    items = new = added = n_events = failed = 0
    problems: list[str] = []
    for feed_url in feed_urls:
        try:
            entries = feed_entries(fetcher.get(feed_url).body)
        except FetchError as exc:
            failed += 1
            problems.append(f"{feed_url}: {exc}")
            continue
        items += len(entries)
        fresh = _new_entries(factory, feed_url, entries)
        new += len(fresh)
        for entry in fresh:
            try:
                article = entry_article(entry, fetcher, published=published)
            except FetchError as exc:
                failed += 1
                problems.append(f"{feed_url}: {entry.link or entry.key}: {exc}")
                if not exc.transient:
                    with transaction(factory) as session:
                        feeds.mark_seen(
                            session,
                            feed_url=feed_url,
                            item_key=entry.key,
                            article_id=None,
                            outcome=f"refused: {exc}",
                        )
                continue
            extracted = extract_one(article)
            with transaction(factory) as session:
                result = persist(session, extracted)
                feeds.mark_seen(
                    session,
                    feed_url=feed_url,
                    item_key=entry.key,
                    article_id=result.article_id,
                    outcome="added" if result.created else "already stored",
                )
            if result.created:
                added += 1
                n_events += len(result.event_ids)
    return PollSummary(len(feed_urls), items, new, added, n_events, failed, tuple(problems))
