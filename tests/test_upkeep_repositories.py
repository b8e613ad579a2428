"""Repository functions behind delete and re-extract: clearing, deleting, selecting articles."""

from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from diplograph.core.db import make_engine, transaction
from diplograph.core.migrate import upgrade
from diplograph.core.models import ArticleRow, EventRow, SentenceRow
from diplograph.core.repositories import articles
from diplograph.core.repositories.articles import ArticleSelection
from diplograph.graph.cache import GraphCache
from tests.factories import ASSAD, EGYPT, PUTIN, make_article, make_event, store


def table_counts(factory: sessionmaker[Session]) -> tuple[int, int, int]:
    """Return the number of (articles, sentences, events)."""
    with factory() as session:
        return tuple(  # type: ignore[return-value]
            session.scalar(select(func.count()).select_from(model)) or 0
            for model in (ArticleRow, SentenceRow, EventRow)
        )


def three_articles(factory: sessionmaker[Session]) -> None:
    """Store three articles of 2017-12-01, 2017-12-11 and 2018-01-05 with different versions."""
    store(
        factory,
        make_article(
            "Putin met Assad.\nAgain.",
            [make_event(PUTIN, ASSAD), make_event(ASSAD, PUTIN, sentence_index=1)],
            published=date(2017, 12, 1),
            title="Syria talks",
            url="https://news.example.org/a",
        ),
        make_article("Putin met Egypt.", [make_event(PUTIN, EGYPT)], published=date(2017, 12, 11)),
        make_article("Nothing.", published=date(2018, 1, 5), url="https://other.example.com/c"),
    )
    with transaction(factory) as session:
        articles.set_extractor_version(session, 2, "old")


def test_clear_extraction_keeps_the_article(session_factory: sessionmaker[Session]) -> None:
    three_articles(session_factory)
    with transaction(session_factory) as session:
        assert articles.clear_extraction(session, 1) == 2
    assert table_counts(session_factory) == (3, 2, 1)


def test_delete_removes_article_sentences_and_events(
    session_factory: sessionmaker[Session],
) -> None:
    three_articles(session_factory)
    with transaction(session_factory) as session:
        assert articles.delete(session, 1) == 2
        assert articles.delete(session, 1) is None
        assert articles.delete(session, 3) == 0
    assert table_counts(session_factory) == (1, 1, 1)


def test_select_ids_by_date_text_and_version(session_factory: sessionmaker[Session]) -> None:
    three_articles(session_factory)
    with session_factory() as session:
        current = session.get_one(ArticleRow, 1).extractor_version

        def ids(**kwargs: object) -> list[int]:
            return articles.select_ids(session, ArticleSelection(**kwargs))  # type: ignore[arg-type]

        assert ids() == [1, 2, 3]
        assert ids(since=date(2017, 12, 11)) == [2, 3]
        assert ids(until=date(2017, 12, 11)) == [1, 2]
        assert ids(title_contains="Syria") == [1]
        assert ids(url_contains="example.org") == [1]
        assert ids(ids=(3, 1)) == [1, 3]
        assert ids(version="old") == [2]
        assert ids(not_version=current) == [2]
        assert ids(not_version="old") == [1, 3]


def test_upgrading_a_0001_database_keeps_its_rows(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    upgrade(url, "0001")
    engine = make_engine(url)
    with engine.begin() as conn:
        for statement in (
            "INSERT INTO articles (id, content_hash, text, ingested_at) "
            "VALUES (1, 'h', 'A met B.', '2020-01-01')",
            'INSERT INTO sentences (id, article_id, "index", paragraph, text, start_char, '
            "end_char) VALUES (1, 1, 0, 0, 'A met B.', 0, 8)",
            "INSERT INTO actors (id, canonical_name, type) VALUES (1, 'A', 'country'), "
            "(2, 'B', 'country')",
            "INSERT INTO events (id, article_id, sentence_id, source_actor_id, target_actor_id, "
            "action, cameo_code, goldstein, quad_class, negated, modality, trigger, confidence) "
            "VALUES (1, 1, 1, 1, 2, 'meet', '040', 1.0, 1, 0, 'asserted', 'met', 0.9)",
        ):
            conn.exec_driver_sql(statement)
    engine.dispose()
    upgrade(url)
    engine = make_engine(url)
    with engine.connect() as conn:
        kept = [
            conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()
            for table in ("articles", "sentences", "actors", "events")
        ]
        versions = conn.exec_driver_sql(
            "SELECT (SELECT extractor_version FROM articles), "
            "(SELECT extractor_version FROM events)"
        ).one()
    engine.dispose()
    assert kept == [1, 1, 2, 1]
    assert tuple(versions) == (None, None)


def test_the_graph_cache_sees_a_deletion_once_invalidated(
    session_factory: sessionmaker[Session],
) -> None:
    three_articles(session_factory)
    cache = GraphCache()
    with session_factory() as session:
        assert sorted(cache.get(session).edges(keys=True)) == [(1, 2, 1), (1, 3, 3), (2, 1, 2)]
    with transaction(session_factory) as session:
        articles.delete(session, 1)  # events 1 and 2: the highest id (3) stays
    with session_factory() as session:
        assert cache.get(session).number_of_edges() == 3  # the cheap check cannot tell
        cache.invalidate()
        assert sorted(cache.get(session).edges(keys=True)) == [(1, 3, 3)]
