"""Writers side by side on PostgreSQL (several API servers, ingest workers): every article
and every actor is stored once, whatever the interleaving.

SQLite has one writer at a time (the ingest workers send it their results through one
writer), so these tests run on PostgreSQL only.
"""

import threading
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session, sessionmaker

from diplograph.core.db import transaction
from diplograph.core.models import ActorAliasRow, ActorRow, ArticleRow, EventRow
from diplograph.core.repositories import actors
from diplograph.ingest.persist import persist
from diplograph.ingest.types import ExtractedArticle
from tests.factories import (
    ASSAD,
    EGYPT,
    ERDOGAN,
    HAMAS,
    PUTIN,
    graph_world,
    make_article,
    make_event,
    world,
)

pytestmark = pytest.mark.stores("postgres")


def stored(factory: sessionmaker[Session]) -> dict[str, object]:
    """Return the stored articles, actors (name, country) and counts of aliases and events."""
    with factory() as session:
        return {
            "articles": sorted(session.scalars(select(ArticleRow.text))),
            "actors": sorted(
                (name, country or "")
                for name, country in session.execute(
                    select(ActorRow.canonical_name, ActorRow.country)
                )
            ),
            "aliases": session.scalar(select(func.count()).select_from(ActorAliasRow)),
            "events": session.scalar(select(func.count()).select_from(EventRow)),
        }


def store_each(factory: sessionmaker[Session], articles: Iterable[ExtractedArticle]) -> None:
    """Persist each article in its own transaction."""
    for article in articles:
        with transaction(factory) as session:
            persist(session, article)


def waiting_for_a_lock(factory: sessionmaker[Session]) -> bool:
    """Return whether some transaction is waiting for an advisory lock."""
    with factory() as session:
        waiting = session.scalar(
            text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
        )
        return bool(waiting)


def test_writers_creating_the_same_new_actors_wait_for_each_other(
    session_factory: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two texts naming the same new actors, Hamas without a country (a UNIQUE constraint
    # does not stop a second NULL) and Egypt. The first writer to look its actors up holds
    # on until the other writer is either looking them up too (no lock: both would create
    # them) or waiting for a lock.
    first = make_article("Hamas attacked Egypt.", [make_event(HAMAS, EGYPT, cameo="190")])
    second = make_article("Egypt condemned Hamas.", [make_event(EGYPT, HAMAS, cameo="111")])
    real_resolve = actors.resolve
    in_resolve: set[int] = set()
    saw_waiting: list[bool] = []
    lock = threading.Lock()

    def resolve_after_the_other_writer(session: Session, **kwargs: object) -> ActorRow | None:
        me = threading.get_ident()
        with lock:
            first_call = not in_resolve
            in_resolve.add(me)
        if first_call:
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                if len(in_resolve) > 1 or waiting_for_a_lock(session_factory):
                    break
                time.sleep(0.01)
            saw_waiting.append(len(in_resolve) == 1)
        return real_resolve(session, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(actors, "resolve", resolve_after_the_other_writer)
    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(lambda a: store_each(session_factory, [a]), [first, second]))
    assert saw_waiting == [True]
    assert stored(session_factory) == {
        "articles": [
            "Egypt condemned Hamas.",
            "Hamas attacked Egypt.",
        ],
        "actors": [("Egypt", "EGY"), ("Hamas", "")],
        "aliases": 3,  # egypt, cairo, hamas
        "events": 2,
    }


def test_many_writers_of_the_same_articles_store_each_once(
    session_factory: sessionmaker[Session],
) -> None:
    articles = [
        *world(),
        *graph_world(),
        make_article("Hamas attacked Egypt.", [make_event(HAMAS, EGYPT, cameo="190")]),
        make_article("Erdogan met Putin.", [make_event(ERDOGAN, PUTIN)]),
        make_article("Assad met Erdogan.", [make_event(ASSAD, ERDOGAN)]),
    ]
    orders = [articles, articles[::-1], articles[1::2] + articles[::2], articles[2:] + articles[:2]]
    with ThreadPoolExecutor(max_workers=len(orders)) as pool:
        list(pool.map(lambda order: store_each(session_factory, order), orders))
    concurrent = stored(session_factory)

    with session_factory.kw["bind"].begin() as conn:  # the same articles, one writer
        for table in ("events", "sentences", "actor_aliases", "actors", "articles"):
            conn.execute(text(f"DELETE FROM {table}"))
    store_each(session_factory, articles)
    assert concurrent == stored(session_factory)


def test_events_become_visible_in_the_order_of_their_ids(
    session_factory: sessionmaker[Session],
) -> None:
    # A graph cache reads the events above the highest id it holds: a writer must not commit
    # events with higher ids while another writer's lower ids are still uncommitted.
    first = make_article("Putin met Assad.", [make_event(PUTIN, ASSAD)])
    second = make_article("Hamas attacked Egypt.", [make_event(HAMAS, EGYPT, cameo="190")])
    with ThreadPoolExecutor(max_workers=1) as pool, transaction(session_factory) as session:
        persist(session, first)  # events written, not committed
        other = pool.submit(store_each, session_factory, [second])  # no key in common
        deadline = time.monotonic() + 10
        while not waiting_for_a_lock(session_factory) and time.monotonic() < deadline:
            time.sleep(0.01)
        assert waiting_for_a_lock(session_factory)
        assert not other.done()
    other.result()
    with session_factory() as session:
        told = session.execute(
            select(ArticleRow.text, EventRow.id)
            .join(EventRow, EventRow.article_id == ArticleRow.id)
            .order_by(EventRow.id)
        ).all()
    assert [t for t, _ in told] == ["Putin met Assad.", "Hamas attacked Egypt."]
