"""Synthetic event databases for the graph benchmark: Zipf-skewed actors, realistic event mix.

``ensure_database(directory, n_events)`` makes (once) a SQLite file migrated with the
project's Alembic migrations and filled with ``n_events`` events through SQLAlchemy Core
inserts in batches. Actor popularity follows a Zipf law (exponent 1.1), so a few actors
take part in most events, as in GDELT; countries are picked with the same skew.
"""

import random
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from itertools import accumulate
from pathlib import Path
from typing import Any

import pycountry
from sqlalchemy import Table, insert

from diplograph.core.db import make_engine
from diplograph.core.migrate import upgrade
from diplograph.core.models import ActorAliasRow, ActorRow, ArticleRow, EventRow, SentenceRow
from diplograph.core.names import normalize_name

ZIPF_EXPONENT = 1.1
EVENTS_PER_ARTICLE = 10
BATCH = 20_000
FIRST_DAY = date(2015, 1, 1)
DAYS = 3653

# (CAMEO code, action, quad class, Goldstein, weight): a GDELT-like mix, a quarter consults.
EVENT_TYPES: tuple[tuple[str, str, int, float, int], ...] = (
    ("010", "make statement", 1, 0.0, 15),
    ("020", "appeal", 1, 3.0, 6),
    ("036", "express intent to meet", 1, 4.0, 4),
    ("040", "consult", 1, 1.0, 12),
    ("042", "visit", 1, 1.9, 6),
    ("043", "host", 1, 2.8, 4),
    ("051", "praise", 1, 3.4, 8),
    ("057", "sign agreement", 1, 8.0, 3),
    ("061", "cooperate economically", 2, 6.4, 3),
    ("070", "provide aid", 2, 7.0, 4),
    ("111", "criticize", 3, -2.0, 10),
    ("112", "accuse", 3, -2.0, 6),
    ("130", "threaten", 3, -4.4, 3),
    ("163", "impose embargo", 4, -8.0, 2),
    ("173", "arrest", 4, -5.0, 3),
    ("190", "fight", 4, -10.0, 4),
)
PROMINENT: tuple[str, ...] = ("USA", "RUS", "CHN", "GBR", "FRA", "DEU", "IRN", "ISR", "TUR")
PROMINENT += ("UKR", "SYR", "IND", "JPN", "PRK", "KOR", "SAU", "EGY", "PAK", "AFG", "IRQ")
"""The countries made the most popular, in this order; the others follow alphabetically."""
MODALITIES = (
    ("asserted", 80),
    ("reported", 8),
    ("intended", 6),
    ("requested", 4),
    ("hypothetical", 2),
)


@dataclass(frozen=True)
class SyntheticDatabase:
    """A generated database: its URL, file and sizes."""

    url: str
    path: Path
    events: int
    actors: int


def actor_count(n_events: int) -> int:
    """Return how many actors a database of ``n_events`` events has (one per 40 events)."""
    return max(500, n_events // 40)


def zipf_cum_weights(n: int, exponent: float = ZIPF_EXPONENT) -> list[float]:
    """Return the cumulative Zipf weights of ranks 1..n (for ``random.choices``)."""
    return list(accumulate(1.0 / (rank**exponent) for rank in range(1, n + 1)))


def ensure_database(directory: Path, n_events: int, *, seed: int = 0) -> SyntheticDatabase:
    """Return the database of ``n_events`` events in ``directory``, generating it if missing.

    A finished database is marked with ``PRAGMA user_version = n_events``; a
    half-written one is deleted and made again.
    """
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"events-{n_events}-seed{seed}.db"
    url = f"sqlite:///{path}"
    n_actors = actor_count(n_events)
    if path.exists() and _user_version(path) == n_events:
        return SyntheticDatabase(url, path, n_events, n_actors)
    path.unlink(missing_ok=True)
    upgrade(url)
    _fill(url, n_events, n_actors, random.Random(seed))
    with sqlite3.connect(path) as conn:
        conn.execute("ANALYZE")
        conn.execute(f"PRAGMA user_version = {int(n_events)}")
    return SyntheticDatabase(url, path, n_events, n_actors)


def _user_version(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def _fill(url: str, n_events: int, n_actors: int, rng: random.Random) -> None:
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("PRAGMA synchronous = OFF")
            actors = _actors(n_actors, rng)
            _insert(conn, ActorRow.__table__, actors)
            _insert(
                conn,
                ActorAliasRow.__table__,
                [
                    {"actor_id": a["id"], "alias": normalize_name(a["canonical_name"])}
                    for a in actors
                ],
            )
            n_articles = -(-n_events // EVENTS_PER_ARTICLE)
            _insert(conn, ArticleRow.__table__, _articles(n_articles))
            names = {a["id"]: a["canonical_name"] for a in actors}
            for sentences, events in _event_batches(n_events, n_actors, names, rng):
                _insert(conn, SentenceRow.__table__, sentences)
                _insert(conn, EventRow.__table__, events)
    finally:
        engine.dispose()


def _insert(conn: Any, table: Any, rows: list[dict[str, Any]]) -> None:
    assert isinstance(table, Table)
    for start in range(0, len(rows), BATCH):
        conn.execute(insert(table), rows[start : start + BATCH])


def _actors(n_actors: int, rng: random.Random) -> list[dict[str, Any]]:
    """Countries first (the most popular actors, as in GDELT), then people and organizations."""
    rank = {code: i for i, code in enumerate(PROMINENT)}
    countries = sorted(
        pycountry.countries, key=lambda c: (rank.get(c.alpha_3, len(rank)), c.alpha_3)
    )
    codes = [c.alpha_3 for c in countries]
    rows: list[dict[str, Any]] = [
        {"id": i, "canonical_name": c.name, "type": "country", "country": c.alpha_3, "role": None}
        for i, c in enumerate(countries[: min(len(countries), n_actors // 4)], start=1)
    ]
    country_weights = zipf_cum_weights(len(codes))
    kinds = (("person", "president"), ("person", "foreign minister"), ("organization", None))
    for i in range(len(rows) + 1, n_actors + 1):
        kind, role = kinds[i % len(kinds)]
        code = rng.choices(codes, cum_weights=country_weights)[0]
        name = f"{'Official' if kind == 'person' else 'Agency'} {i} of {code}"
        rows.append({"id": i, "canonical_name": name, "type": kind, "country": code, "role": role})
    return rows


def _articles(n_articles: int) -> list[dict[str, Any]]:
    now = datetime.now(UTC)
    return [
        {
            "id": i,
            "content_hash": f"{i:064x}",
            "external_id": f"synthetic-{i}",
            "title": f"Synthetic article {i}",
            "url": f"https://example.org/synthetic/{i}",
            "published": FIRST_DAY + timedelta(days=i % DAYS),
            "text": f"Synthetic article {i}.",
            "ingested_at": now,
        }
        for i in range(1, n_articles + 1)
    ]


def _event_batches(
    n_events: int, n_actors: int, names: dict[int, str], rng: random.Random
) -> Iterator[tuple[list[dict[str, Any]], list[dict[str, Any]]]]:
    actor_weights = zipf_cum_weights(n_actors)
    actor_ids = list(range(1, n_actors + 1))
    type_weights = list(accumulate(t[4] for t in EVENT_TYPES))
    modality_weights = list(accumulate(m[1] for m in MODALITIES))
    for start in range(1, n_events + 1, BATCH):
        size = min(BATCH, n_events - start + 1)
        sources = rng.choices(actor_ids, cum_weights=actor_weights, k=size)
        targets = rng.choices(actor_ids, cum_weights=actor_weights, k=size)
        kinds = rng.choices(EVENT_TYPES, cum_weights=type_weights, k=size)
        modalities = rng.choices(MODALITIES, cum_weights=modality_weights, k=size)
        sentences: list[dict[str, Any]] = []
        events: list[dict[str, Any]] = []
        for offset in range(size):
            event_id = start + offset
            source, target = sources[offset], targets[offset]
            if source == target:
                target = source % n_actors + 1
            cameo, action, quad, goldstein, _ = kinds[offset]
            text = f"{names[source]} said it would {action} with {names[target]}."
            index = (event_id - 1) % EVENTS_PER_ARTICLE
            sentences.append(
                {
                    "id": event_id,
                    "article_id": (event_id - 1) // EVENTS_PER_ARTICLE + 1,
                    "index": index,
                    "paragraph": index,
                    "text": text,
                    "start_char": 0,
                    "end_char": len(text),
                }
            )
            dated = rng.random() >= 0.02
            events.append(
                {
                    "id": event_id,
                    "article_id": (event_id - 1) // EVENTS_PER_ARTICLE + 1,
                    "sentence_id": event_id,
                    "source_actor_id": source,
                    "target_actor_id": target,
                    "action": action,
                    "cameo_code": cameo,
                    "goldstein": goldstein,
                    "quad_class": quad,
                    "negated": rng.random() < 0.03,
                    "modality": modalities[offset][0],
                    "event_date": FIRST_DAY + timedelta(days=rng.randrange(DAYS))
                    if dated
                    else None,
                    "location": None,
                    "trigger": action.split()[0],
                    "confidence": round(rng.uniform(0.3, 0.99), 2),
                }
            )
        yield sentences, events
