"""One stored actor per real person: the people table's names, near-spellings, cut names.

Before an actor is stored, its name is made the table's canonical name when the
people table knows it (under any alias or a near-spelling), a name the tagger cut
short ("Yoon Suk" for "Yoon Suk Yeol") is completed from the table or the article,
and what the article says against the table or the store (a second country for a
known person) is kept as a claim for review instead of re-pointing the actor.
"""

import calendar
import re
from collections.abc import Hashable
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy.orm import Session

from diplograph.core.identity import best_match, name_words
from diplograph.core.models import ActorRow
from diplograph.core.names import normalize_name
from diplograph.core.repositories import actors
from diplograph.ingest.gazetteer import Gazetteer, KnownPerson, gazetteer


@dataclass(frozen=True)
class Canonical:
    """An actor reference as it will be stored, and the country the text claimed if it
    contradicts the people table."""

    ref_name: str
    aliases: tuple[str, ...]
    country: str | None
    role: str | None
    conflicting_country: str | None = None


@lru_cache(maxsize=1)
def _table_names() -> dict[str, int]:
    """Every multi-word name of the people table, keyed to the row's position."""
    return {name: i for i, names in enumerate(_people_names()) for name in names}


@lru_cache(maxsize=1)
def _people_cached() -> tuple[KnownPerson, ...]:
    return _people(gazetteer())


def _people(gaz: Gazetteer) -> tuple[KnownPerson, ...]:
    return tuple(sorted(set(gaz.people.values()), key=lambda p: (p.name, p.country or "")))


@lru_cache(maxsize=1)
def _table_keys() -> dict[KnownPerson, tuple[str, ...]]:
    """Every key (name or alias) of the people table of each person, in the table's order."""
    keys: dict[KnownPerson, list[str]] = {}
    for key, person in gazetteer().people.items():
        keys.setdefault(person, []).append(key)
    return {person: tuple(found) for person, found in keys.items()}


@lru_cache(maxsize=1)
def _people_names() -> tuple[tuple[str, ...], ...]:
    """The multi-word keys of each person of :func:`_people_cached`, by position."""
    keys = _table_keys()
    return tuple(
        tuple(key for key in keys.get(person, ()) if " " in key) for person in _people_cached()
    )


@lru_cache(maxsize=1)
def _people_name_words() -> tuple[tuple[tuple[str, ...], ...], ...]:
    """The words (``name_words``) of each multi-word key of each person, by position."""
    return tuple(tuple(name_words(key) for key in names) for names in _people_names())


@lru_cache(maxsize=8192)
def known_person(name: str, country: str | None) -> KnownPerson | None:
    """Return the people-table figure ``name`` denotes: by name or alias, by a near-spelling,
    or as the one figure whose name starts with these words ("Yoon Suk" is "Yoon Suk Yeol").

    A near-spelling or a cut name only counts for a person of ``country`` (or any
    country when it is None); a full name or alias counts whatever the text says.
    (Cached: the people table does not change while a process runs.)
    """
    gaz = gazetteer()
    found = gaz.person(name)
    if found is not None:
        return found
    people = _people_cached()
    index = best_match(name, _table_names())
    if index is not None and country in (None, people[index].country):
        return people[index]
    words = name_words(name)
    if len(words) < 2:
        return None
    n = len(words)
    started = {
        p
        for p, keys in zip(people, _people_name_words(), strict=True)
        if country in (None, p.country)
        for key in keys
        if key[:n] == words and len(key) > n
    }
    return started.pop() if len(started) == 1 else None


_NEXT_NAME_WORD = r"[ -]([A-Z][a-z]+)\b"


def completed_name(name: str, text: str) -> str:
    """Return ``name`` with the capitalized name word the article writes right after it
    ("Yoon Suk" in "President Yoon Suk Yeol in Tokyo" is "Yoon Suk Yeol"), when that word
    is not a place, a month or a day; else ``name``.
    """
    gaz = gazetteer()
    for match in re.finditer(re.escape(name) + _NEXT_NAME_WORD, text):
        word = match.group(1)
        key = normalize_name(word)
        if gaz.country(word) or gaz.capital(word) or gaz.city(word) or gaz.organization(word):
            continue
        if key in _CALENDAR_WORDS:
            continue
        return f"{name} {word}"
    return name


_CALENDAR_WORDS = frozenset(w.lower() for w in (*calendar.day_name, *calendar.month_name) if w)


def canonical(
    name: str, aliases: tuple[str, ...], country: str | None, role: str | None, text: str
) -> Canonical:
    """Return how a person named ``name`` in an article whose text is ``text`` is stored.

    A name of two or more words is first completed from the text (``completed_name``),
    then looked up in the people table (``known_person``).
    """
    full = name
    if len(name_words(name)) >= 2:
        full = completed_name(name, text)
    known = known_person(full, country)
    if known is None:
        return Canonical(full, (*aliases, name), country, role)
    table_aliases = _table_keys().get(known, ())
    surname = name_words(known.name)[-1]
    conflict = country if country and known.country and country != known.country else None
    return Canonical(
        known.name,
        (*aliases, name, full, *table_aliases, surname),
        known.country or country,
        role or known.role,
        conflict,
    )


def resolution_key(
    *,
    name: str,
    type: str,
    country: str | None,
    role: str | None,
    aliases: tuple[str, ...],
    text: str,
) -> Hashable:
    """Return what :func:`store_actor` makes of a mention before it reads the store: two
    mentions with the same key resolve alike (the text matters only to a person's name)."""
    if type != "person":
        return (type, name, country, role, aliases)
    return (type, canonical(name, aliases, country, role, text))


def store_actor(
    session: Session,
    *,
    name: str,
    type: str,
    country: str | None,
    role: str | None,
    aliases: tuple[str, ...],
    text: str,
    article_id: int | None,
) -> ActorRow:
    """Return the stored actor a mention denotes, creating it if needed.

    A person is stored under the people table's name with every alias the
    table knows. A person whose full name an actor of another state already
    owns is that actor: the other country becomes a ``country`` claim for
    review, never a second actor that could take over the name.
    """
    if type != "person":
        return actors.upsert(
            session,
            canonical_name=name,
            type=type,
            country=country,
            role=role,
            aliases=aliases,
            article_id=article_id,
        )
    found = canonical(name, aliases, country, role, text)
    if found.conflicting_country is None:
        owner = actors.resolve(
            session,
            canonical_name=found.ref_name,
            country=found.country,
            aliases=found.aliases,
            type="person",
        )
        if owner is None and " " in normalize_name(found.ref_name):
            owner = actors.established_person(session, found.ref_name, other_than=found.country)
            if owner is not None:
                if found.country is not None:
                    actors.add_claim(
                        session,
                        actor_id=owner.id,
                        kind="country",
                        value=found.country,
                        article_id=article_id,
                    )
                return owner
    row = actors.upsert(
        session,
        canonical_name=found.ref_name,
        type=type,
        country=found.country,
        role=found.role,
        aliases=found.aliases,
        article_id=article_id,
    )
    if found.conflicting_country is not None:
        actors.add_claim(
            session,
            actor_id=row.id,
            kind="country",
            value=found.conflicting_country,
            article_id=article_id,
        )
    return row
