"""Migration 0003_identity on a database made at revision 0001 by a real ingest.

``tests/data/db_0001.sql`` is the ``sqlite3 .dump`` of a database that the code at
revision 0001 made with ``diplograph ingest seeds/`` plus two of the own dev articles
(3 articles, 46 sentences, 56 events, 35 actors).
"""

import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import text

from diplograph.core.db import make_engine
from diplograph.core.migrate import alembic_config, current_revision, upgrade

DUMP = Path(__file__).parent / "data" / "db_0001.sql"


def _old_database(tmp_path: Path) -> str:
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as conn:
        conn.executescript(DUMP.read_text(encoding="utf-8"))
    return f"sqlite:///{path}"


def _rows(url: str, sql: str) -> list[tuple[object, ...]]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return [tuple(row) for row in conn.execute(text(sql))]
    finally:
        engine.dispose()


EVIDENCE = "SELECT id, article_id, sentence_id, trigger, event_date, confidence FROM events"


def test_upgrade_keeps_every_article_sentence_and_evidence(tmp_path: Path) -> None:
    url = _old_database(tmp_path)
    assert current_revision(url) == "0001"
    articles = _rows(url, "SELECT id, content_hash, text FROM articles ORDER BY id")
    sentences = _rows(url, "SELECT * FROM sentences ORDER BY id")
    evidence = _rows(url, EVIDENCE + " ORDER BY id")
    assert (len(articles), len(sentences), len(evidence)) == (3, 46, 56)
    upgrade(url)
    assert current_revision(url) == "0004_graph_generation"
    assert _rows(url, "SELECT id, content_hash, text FROM articles ORDER BY id") == articles
    assert _rows(url, "SELECT * FROM sentences ORDER BY id") == sentences
    assert _rows(url, EVIDENCE + " ORDER BY id") == evidence
    mentions = _rows(
        url,
        "SELECT event_id, article_id, sentence_id, trigger, event_date, confidence "
        "FROM event_mentions ORDER BY event_id",
    )
    assert mentions == evidence
    assert _rows(
        url,
        "SELECT min(num_mentions), max(num_mentions), max(num_articles), max(num_sources), "
        "count(*) FROM events",
    ) == [(1, 1, 1, 1, 56)]
    assert _rows(url, "SELECT count(DISTINCT fingerprint) FROM articles") == [(3,)]


def test_downgrade_returns_to_the_old_schema_with_the_events(tmp_path: Path) -> None:
    url = _old_database(tmp_path)
    evidence = _rows(url, EVIDENCE + " ORDER BY id")
    sentences = _rows(url, "SELECT * FROM sentences ORDER BY id")
    upgrade(url)
    command.downgrade(alembic_config(url), "0001")
    assert current_revision(url) == "0001"
    assert _rows(url, EVIDENCE + " ORDER BY id") == evidence
    assert _rows(url, "SELECT * FROM sentences ORDER BY id") == sentences
    tables = {name for (name,) in _rows(url, "SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"event_mentions", "actor_claims"} & tables == set()
