"""Repositories and persistence on a migrated temporary database."""

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import inspect
from sqlalchemy.orm import Session, sessionmaker

from diplograph.core.db import make_engine, transaction
from diplograph.core.migrate import current_revision, downgrade, upgrade
from diplograph.core.repositories import actors, articles, events, runs
from diplograph.ingest.persist import content_hash
from diplograph.ingest.types import ActorRef
from tests.factories import ASSAD, EGYPT, PUTIN, make_article, make_event, store

KIM_JONG_UN = ActorRef("Kim Jong Un", "person", "PRK", "leader", ("Kim",))
KIM_YO_JONG = ActorRef("Kim Yo Jong", "person", "PRK", "spokesperson", ("Kim",))


def table_names(url: str) -> set[str]:
    """Return the names of the tables of the database at ``url``."""
    engine = make_engine(url)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_migrations_create_every_table_and_reach_head(empty_database_url: str) -> None:
    url = empty_database_url
    assert current_revision(url) is None
    upgrade(url)
    assert table_names(url) == {
        "alembic_version",
        "graph_state",
        "articles",
        "sentences",
        "actors",
        "actor_aliases",
        "events",
        "event_mentions",
        "actor_claims",
        "ingest_runs",
        "feed_items",
    }
    assert current_revision(url) == "0004_graph_generation"


def test_the_migrated_schema_matches_the_models(migrated_template: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from diplograph.core.models import Base

    engine = make_engine(f"sqlite:///{migrated_template}")
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    assert diff == []


def test_migrations_go_down_to_empty_and_up_again(empty_database_url: str) -> None:
    url = empty_database_url
    upgrade(url)
    head = (current_revision(url), table_names(url))
    downgrade(url, "base")
    assert (current_revision(url), table_names(url)) == (None, {"alembic_version"})
    upgrade(url)
    assert (current_revision(url), table_names(url)) == head


def test_same_text_is_stored_once(session_factory: sessionmaker[Session]) -> None:
    first, again = store(
        session_factory,
        make_article("Putin met Assad.", [make_event(PUTIN, ASSAD)]),
        make_article("Putin met Assad.", [make_event(PUTIN, ASSAD)]),
    )
    assert (first.created, again.created, again.article_id, again.event_ids) == (
        True,
        False,
        first.article_id,
        (),
    )
    with session_factory() as session:
        assert events.version(session) == (1, 1)


def test_adding_a_stored_text_raises_with_its_id_and_writes_nothing(
    session_factory: sessionmaker[Session],
) -> None:
    [first] = store(session_factory, make_article("Putin met Assad."))
    digest = content_hash("Putin met Assad.")
    with transaction(session_factory) as session:
        with pytest.raises(articles.ArticleExistsError) as raised:
            articles.add(session, content_hash=digest, text="Putin met Assad.", published=None)
        # The transaction is still usable: nothing was written, nothing must be rolled back.
        other = articles.add(session, content_hash="0" * 64, text="Other.", published=None)
    assert (raised.value.article_id, raised.value.content_hash) == (first.article_id, digest)
    with session_factory() as session:
        rows, total = articles.list_page(session, limit=10, offset=0)
        assert (total, sorted((r.id, r.text) for r in rows)) == (
            2,
            [(first.article_id, "Putin met Assad."), (other.id, "Other.")],
        )


def test_a_surname_alone_finds_the_full_name(session_factory: sessionmaker[Session]) -> None:
    store(session_factory, make_article("Putin met Assad.", [make_event(PUTIN, ASSAD)]))
    surname_only = ActorRef("Putin", "person", "RUS", None, ("Putin",))
    store(session_factory, make_article("Putin met Egypt.", [make_event(surname_only, EGYPT)]))
    with session_factory() as session:
        [putin] = actors.find_by_alias(session, "putin")
        assert putin.canonical_name == "Vladimir Putin"
        stored = actors.get(session, putin.id)
        assert stored is not None
        assert sorted(a.alias for a in stored.aliases) == ["putin", "vladimir putin"]
        assert actors.event_counts(session, putin.id) == (2, 0)


def test_people_sharing_a_surname_stay_apart(session_factory: sessionmaker[Session]) -> None:
    store(session_factory, make_article("Kim met Kim.", [make_event(KIM_JONG_UN, KIM_YO_JONG)]))
    with session_factory() as session:
        assert [a.canonical_name for a in actors.lookup(session, "kim")] == [
            "Kim Jong Un",
            "Kim Yo Jong",
        ]
        assert [a.canonical_name for a in actors.lookup(session, "KIM YO JONG")] == ["Kim Yo Jong"]


def test_event_filters_and_totals(session_factory: sessionmaker[Session]) -> None:
    store(
        session_factory,
        make_article(
            "Putin met Assad.\nPutin criticized Egypt.",
            [
                make_event(PUTIN, ASSAD),
                make_event(
                    PUTIN,
                    EGYPT,
                    cameo="111",
                    sentence_index=1,
                    sentence="Putin criticized Egypt.",
                    when=date(2018, 1, 2),
                ),
            ],
        ),
    )
    with session_factory() as session:
        putin = actors.lookup(session, "Vladimir Putin")[0]
        by_code, total = events.list_page(
            session, events.EventFilter(code_prefix="11"), limit=10, offset=0
        )
        assert ([e.cameo_code for e in by_code], total) == (["111"], 1)
        since = events.EventFilter(actor_id=putin.id, since=date(2018, 1, 1))
        assert [e.cameo_code for e in events.all_matching(session, since)] == ["111"]
        until = events.EventFilter(until=date(2017, 12, 31))
        assert [e.cameo_code for e in events.all_matching(session, until)] == ["040"]


def test_article_pages_and_sentence_offsets(session_factory: sessionmaker[Session]) -> None:
    [result] = store(session_factory, make_article("One.\nTwo two.", []))
    with session_factory() as session:
        rows, total = articles.list_page(session, limit=1, offset=0)
        assert (total, [r.id for r in rows]) == (1, [result.article_id])
        article = articles.get(session, result.article_id)
        assert article is not None
        assert [(s.index, s.start_char, s.end_char) for s in article.sentences] == [
            (0, 0, 4),
            (1, 5, 13),
        ]


def test_runs_record_counts(session_factory: sessionmaker[Session]) -> None:
    with transaction(session_factory) as session:
        run_id = runs.start(session, extractor_version="test").id
        runs.finish(session, run_id, articles_added=2, articles_skipped=1, events_added=7)
    with session_factory() as session:
        latest = runs.latest(session)
        assert latest is not None
        assert (
            latest.id,
            latest.articles_added,
            latest.articles_skipped,
            latest.events_added,
            latest.finished_at is not None,
        ) == (run_id, 2, 1, 7, True)
