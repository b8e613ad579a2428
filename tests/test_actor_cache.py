"""A writer's actor cache: the same rows as without it, the store read again once the actor
tables change (another writer, a rollback), and a claim recorded for every article."""

from datetime import date

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session, sessionmaker

from diplograph.core.db import transaction
from diplograph.core.models import ActorAliasRow, ActorClaimRow, ActorRow, EventRow
from diplograph.core.repositories import actors
from diplograph.ingest import persist as persist_module
from diplograph.ingest.actor_cache import ActorCache
from diplograph.ingest.batches import NotStored, store_batch
from diplograph.ingest.persist import persist
from diplograph.ingest.types import ActorRef, ExtractedArticle
from tests.factories import ASSAD, EGYPT, PUTIN, graph_world, make_article, make_event, world


def snapshot(factory: sessionmaker[Session]) -> dict[str, list[tuple[object, ...]]]:
    """Return every actor, alias, claim and event in id order, actors named (not numbered)."""
    with factory() as session:
        names = {i: n for i, n in session.execute(select(ActorRow.id, ActorRow.canonical_name))}
        rows = {
            "actors": session.execute(
                select(ActorRow.canonical_name, ActorRow.country, ActorRow.role).order_by(
                    ActorRow.id
                )
            ),
            "aliases": session.execute(
                select(ActorAliasRow.actor_id, ActorAliasRow.alias).order_by(ActorAliasRow.id)
            ),
            "claims": session.execute(
                select(ActorClaimRow.actor_id, ActorClaimRow.value).order_by(ActorClaimRow.id)
            ),
            "events": session.execute(
                select(
                    EventRow.source_actor_id, EventRow.target_actor_id, EventRow.cameo_code
                ).order_by(EventRow.id)
            ),
        }
        return {
            key: [
                tuple(
                    names[v] if key != "actors" and i < (1 if key != "events" else 2) else v
                    for i, v in enumerate(row)
                )
                for row in result
            ]
            for key, result in rows.items()
        }


def counting_resolutions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record the name of every actor resolved in the store (not from a cache)."""
    resolved: list[str] = []
    real = persist_module.store_actor

    def store_actor(session: Session, **kwargs: object) -> ActorRow:
        resolved.append(str(kwargs["name"]))
        return real(session, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(persist_module, "store_actor", store_actor)
    return resolved


def met(text_: str, source: ActorRef, target: ActorRef, day: int) -> ExtractedArticle:
    """Return an article of one meeting, dated the ``day``-th of December 2017."""
    when = date(2017, 12, day)
    return make_article(text_, [make_event(source, target, when=when)], published=when)


def test_a_cached_ingest_stores_the_same_rows(session_factory: sessionmaker[Session]) -> None:
    articles = [*world(), *graph_world()]
    cache = ActorCache()
    for n in range(0, len(articles), 2):
        store_batch(session_factory, articles[n : n + 2], actors=cache)
    cached = snapshot(session_factory)
    with session_factory.kw["bind"].begin() as conn:
        for table in (
            "event_mentions",
            "events",
            "sentences",
            "actor_claims",
            "actor_aliases",
            "actors",
            "articles",
        ):
            conn.execute(text(f"DELETE FROM {table}"))
    for n in range(0, len(articles), 2):
        store_batch(session_factory, articles[n : n + 2])
    assert len(cached["events"]) > 0
    assert cached == snapshot(session_factory)


def test_known_actors_are_not_read_again_until_another_writer_adds_one(
    session_factory: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    resolved = counting_resolutions(monkeypatch)
    cache = ActorCache()
    store_batch(session_factory, [met("Putin met Assad.", PUTIN, ASSAD, 1)], actors=cache)
    store_batch(session_factory, [met("Assad met Putin.", ASSAD, PUTIN, 5)], actors=cache)
    store_batch(session_factory, [met("Putin met Assad once more.", PUTIN, ASSAD, 7)], actors=cache)
    # Creating Assad changed the actor tables: Putin, kept before, was read once more.
    assert resolved == ["Vladimir Putin", "Bashar al-Assad", "Vladimir Putin"]
    with transaction(session_factory) as session:  # another writer, without the cache
        actors.upsert(
            session,
            canonical_name="Egypt",
            type="country",
            country="EGY",
            role=None,
            aliases=["Cairo"],
        )
    resolved.clear()
    store_batch(session_factory, [met("Putin met Assad again.", PUTIN, ASSAD, 9)], actors=cache)
    assert resolved == ["Vladimir Putin", "Bashar al-Assad"]


def test_a_rolled_back_article_drops_what_was_kept(
    session_factory: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    resolved = counting_resolutions(monkeypatch)
    cache = ActorCache()
    # The second article tells an event of a sentence it does not have: its savepoint is
    # rolled back after Egypt was created in it.
    broken = make_article("Assad met Egypt's envoy.", [make_event(ASSAD, EGYPT, sentence_index=7)])
    outcomes = store_batch(
        session_factory, [met("Putin met Assad.", PUTIN, ASSAD, 1), broken], actors=cache
    )
    assert isinstance(outcomes[1], NotStored)
    resolved.clear()
    store_batch(session_factory, [met("Putin met Egypt.", PUTIN, EGYPT, 5)], actors=cache)
    assert resolved == ["Vladimir Putin", "Egypt"]
    with session_factory() as session:
        names = sorted(session.scalars(select(ActorRow.canonical_name)))
    assert names == ["Bashar al-Assad", "Egypt", "Vladimir Putin"]


def test_a_claim_is_recorded_for_every_article(session_factory: sessionmaker[Session]) -> None:
    with transaction(session_factory) as session:
        persist(session, met("Putin met Assad.", PUTIN, ASSAD, 1))
    chinese_putin = ActorRef("Putin", "person", "CHN", "president", ("Putin",))
    cache = ActorCache()
    for day in (3, 6, 9):
        store_batch(
            session_factory,
            [met(f"Chinese President Putin met Assad ({day}).", chinese_putin, ASSAD, day)],
            actors=cache,
        )
    with session_factory() as session:
        claims = session.scalar(
            select(func.count()).select_from(ActorClaimRow).where(ActorClaimRow.value == "CHN")
        )
    assert claims == 3
