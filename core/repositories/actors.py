"""Queries on actors and their aliases."""

from collections.abc import Collection, Iterable, Sequence

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from diplograph.core.identity import acts_for_state, best_match, name_words
from diplograph.core.models import ActorAliasRow, ActorClaimRow, ActorRow, EventRow
from diplograph.core.names import normalize_name

MAX_ROW_ID = 2**63 - 1
"""Largest id SQLite can store; a larger number names no actor."""


def get(session: Session, actor_id: int) -> ActorRow | None:
    """Return the actor with its aliases loaded, or None."""
    stmt = select(ActorRow).where(ActorRow.id == actor_id).options(selectinload(ActorRow.aliases))
    return session.scalar(stmt)


def find_by_alias(session: Session, name: str) -> Sequence[ActorRow]:
    """Return the actors whose canonical name or an alias normalizes like ``name``."""
    key = normalize_name(name)
    if not key:
        return []
    stmt = (
        select(ActorRow)
        .join(ActorAliasRow, ActorAliasRow.actor_id == ActorRow.id)
        .where(ActorAliasRow.alias == key)
        .distinct()
        .order_by(ActorRow.id)
    )
    return session.scalars(stmt).all()


def resolve(
    session: Session,
    *,
    canonical_name: str,
    country: str | None,
    aliases: Iterable[str],
    type: str = "person",
) -> ActorRow | None:
    """Return the stored actor a new mention denotes, or None if it is new.

    Same canonical name and country wins; otherwise the one actor of the same
    country that already has the name or a multi-word alias as an alias; for a
    person, then the one person of that country whose name is a near-spelling
    of it (``core.identity``: "Zelenskyy" finds "Zelenskiy", "Tayyip Erdogan"
    finds "Recep Tayyip Erdogan"). A lone surname only matches when it is all
    the mention has ("Putin" finds "Vladimir Putin", but "Kim Yo Jong" with
    alias "Kim" does not find "Kim Jong Un").
    """
    exact = session.scalar(
        select(ActorRow).where(
            ActorRow.canonical_name == canonical_name, ActorRow.country == country
        )
    )
    if exact is not None:
        return exact
    keys = {normalize_name(a) for a in aliases if " " in normalize_name(a)}
    keys |= {normalize_name(canonical_name)}
    keys.discard("")
    stmt = (
        select(ActorRow)
        .join(ActorAliasRow, ActorAliasRow.actor_id == ActorRow.id)
        .where(ActorAliasRow.alias.in_(keys), ActorRow.country == country)
        .distinct()
        .order_by(ActorRow.id)
    )
    candidates = session.scalars(stmt).all()
    if len(candidates) == 1:
        return candidates[0]
    if candidates or type != "person":
        return None
    spelled = best_match(canonical_name, person_names(session, country=country))
    return session.get(ActorRow, spelled) if spelled is not None else None


def person_names(session: Session, *, country: str | None) -> dict[str, int]:
    """Return the multi-word names (canonical and aliases) of the persons of ``country``."""
    stmt = (
        select(ActorAliasRow.alias, ActorRow.id)
        .join(ActorRow, ActorAliasRow.actor_id == ActorRow.id)
        .where(ActorRow.type == "person", ActorAliasRow.alias.contains(" "))
    )
    stmt = stmt.where(
        ActorRow.country.is_(None) if country is None else ActorRow.country == country
    )
    return {alias: actor_id for alias, actor_id in session.execute(stmt)}


def established_person(session: Session, name: str, *, other_than: str | None) -> ActorRow | None:
    """Return the one person stored under the full ``name`` with a country other than
    ``other_than``: the actor a conflicting mention ("Chinese President Putin") denotes."""
    key = normalize_name(name)
    stmt = (
        select(ActorRow)
        .join(ActorAliasRow, ActorAliasRow.actor_id == ActorRow.id)
        .where(ActorAliasRow.alias == key, ActorRow.type == "person")
        .distinct()
        .order_by(ActorRow.id)
    )
    found = [row for row in session.scalars(stmt) if row.country != other_than]
    return found[0] if len(found) == 1 else None


def upsert(
    session: Session,
    *,
    canonical_name: str,
    type: str,
    country: str | None,
    role: str | None,
    aliases: Iterable[str],
    article_id: int | None = None,
) -> ActorRow:
    """Return the actor for this mention, creating it if needed, with its aliases recorded.

    A name another actor owns is not added (see :func:`add_aliases`); it is
    recorded as a claim for review instead.
    """
    alias_list = list(aliases)
    row = resolve(
        session, canonical_name=canonical_name, country=country, aliases=alias_list, type=type
    )
    if row is None:
        row = ActorRow(canonical_name=canonical_name, type=type, country=country, role=role)
        session.add(row)
        session.flush()
    elif row.role is None and role is not None:
        row.role = role
    add_aliases(
        session, actor_id=row.id, aliases=[canonical_name, *alias_list], article_id=article_id
    )
    return row


def add_aliases(
    session: Session, *, actor_id: int, aliases: Iterable[str], article_id: int | None = None
) -> None:
    """Record the normalized ``aliases`` of an actor that it does not have yet.

    A name already owned by another actor keeps resolving to it: it is added
    only when both are persons and it is not the owner's full name (a shared
    surname: "Kim" stays ambiguous between two Kims); otherwise it becomes an
    ``alias`` claim for review (:func:`add_claim`).
    """
    keys = {normalize_name(a) for a in aliases}
    keys.discard("")
    known = set(
        session.scalars(select(ActorAliasRow.alias).where(ActorAliasRow.actor_id == actor_id))
    )
    new = keys - known
    if not new:
        return
    me = session.get(ActorRow, actor_id)
    owned = session.execute(
        select(ActorAliasRow.alias, ActorRow.type, ActorRow.canonical_name)
        .join(ActorRow, ActorAliasRow.actor_id == ActorRow.id)
        .where(ActorAliasRow.alias.in_(new), ActorAliasRow.actor_id != actor_id)
    ).all()
    blocked = {
        alias
        for alias, owner_type, owner_name in owned
        if me is None
        or me.type != "person"
        or owner_type != "person"
        or normalize_name(owner_name) == alias
    }
    for key in sorted(new):
        if key in blocked:
            add_claim(session, actor_id=actor_id, kind="alias", value=key, article_id=article_id)
        else:
            session.add(ActorAliasRow(actor_id=actor_id, alias=key))
    session.flush()


def add_claim(
    session: Session, *, actor_id: int, kind: str, value: str, article_id: int | None
) -> None:
    """Record a claim about an actor for review, once per (actor, kind, value, article)."""
    exists = session.scalar(
        select(ActorClaimRow.id).where(
            ActorClaimRow.actor_id == actor_id,
            ActorClaimRow.kind == kind,
            ActorClaimRow.value == value,
            ActorClaimRow.article_id.is_(None)
            if article_id is None
            else ActorClaimRow.article_id == article_id,
        )
    )
    if exists is None:
        session.add(ActorClaimRow(actor_id=actor_id, kind=kind, value=value, article_id=article_id))
        session.flush()


def claims(session: Session, actor_id: int) -> Sequence[ActorClaimRow]:
    """Return the claims recorded about an actor, oldest first."""
    stmt = (
        select(ActorClaimRow).where(ActorClaimRow.actor_id == actor_id).order_by(ActorClaimRow.id)
    )
    return session.scalars(stmt).all()


def search(
    session: Session, q: str | None, *, limit: int, offset: int
) -> tuple[Sequence[ActorRow], int]:
    """Return actors whose name or an alias starts with ``q`` (case-insensitive) and the total."""
    base = select(ActorRow.id)
    if q and not normalize_name(q):
        return [], 0  # "%" or "-" names nothing; it must not match every alias
    if q:
        key = normalize_name(q)
        base = (
            base.outerjoin(ActorAliasRow, ActorAliasRow.actor_id == ActorRow.id)
            .where(
                or_(
                    ActorAliasRow.alias.startswith(key, autoescape=True),
                    func.lower(ActorRow.canonical_name).startswith(q.lower(), autoescape=True),
                )
            )
            .distinct()
        )
    ids = base.subquery()
    total = session.scalar(select(func.count()).select_from(ids)) or 0
    stmt = (
        select(ActorRow)
        .where(ActorRow.id.in_(select(ids.c.id)))
        .options(selectinload(ActorRow.aliases))
        .order_by(ActorRow.canonical_name, ActorRow.id)
        .limit(limit)
        .offset(offset)
    )
    return session.scalars(stmt).all(), total


def event_counts(session: Session, actor_id: int) -> tuple[int, int]:
    """Return (events with the actor as source, events with the actor as target)."""
    as_source = session.scalar(
        select(func.count()).select_from(EventRow).where(EventRow.source_actor_id == actor_id)
    )
    as_target = session.scalar(
        select(func.count()).select_from(EventRow).where(EventRow.target_actor_id == actor_id)
    )
    return as_source or 0, as_target or 0


def lookup(session: Session, ref: str) -> Sequence[ActorRow]:
    """Return the actors ``ref`` names: an id, a name or an alias (case-insensitive).

    Every actor owning the name as an alias (its canonical name is one) answers,
    so a newer actor never wins over an established one by its canonical name
    alone. With no owner, a person whose stored name is a near-spelling of a
    name of two or more words answers (:func:`core.identity.best_match`).
    """
    digits = ref.strip()
    if digits.isascii() and digits.isdigit():  # "²" is a digit but not a number
        row = session.get(ActorRow, int(digits)) if int(digits) <= MAX_ROW_ID else None
        return [row] if row is not None else []
    found = find_by_alias(session, ref)
    if found:
        return found
    bare = " ".join(name_words(ref))  # "el Sissi" is "Sissi"
    if bare and bare != normalize_name(ref):
        found = find_by_alias(session, bare)
        if found:
            return found
    spelled = best_match(ref, all_person_names(session))
    row = session.get(ActorRow, spelled) if spelled is not None else None
    return [row] if row is not None else []


def all_person_names(session: Session) -> dict[str, int]:
    """Return every multi-word name of a stored person with its actor id (a name of two
    persons keeps the older one: it is the established owner)."""
    stmt = (
        select(ActorAliasRow.alias, ActorRow.id)
        .join(ActorRow, ActorAliasRow.actor_id == ActorRow.id)
        .where(ActorRow.type == "person", ActorAliasRow.alias.contains(" "))
        .order_by(ActorRow.id.desc())
    )
    return {alias: actor_id for alias, actor_id in session.execute(stmt)}


def members(session: Session, country: str) -> list[int]:
    """Return the ids of the actors acting for the state ``country`` (``acts_for_state``)."""
    stmt = select(ActorRow.id, ActorRow.type, ActorRow.role).where(ActorRow.country == country)
    return sorted(id_ for id_, type_, role in session.execute(stmt) if acts_for_state(type_, role))


def event_counts_many(session: Session, actor_ids: Sequence[int]) -> dict[int, tuple[int, int]]:
    """Return (events as source, events as target) of each actor in ``actor_ids``."""
    counts = {actor_id: [0, 0] for actor_id in actor_ids}
    for position, column in enumerate((EventRow.source_actor_id, EventRow.target_actor_id)):
        stmt = select(column, func.count()).where(column.in_(actor_ids)).group_by(column)
        for actor_id, count in session.execute(stmt).all():
            counts[actor_id][position] = count
    return {actor_id: (pair[0], pair[1]) for actor_id, pair in counts.items()}


def graph_nodes(
    session: Session, ids: Collection[int] | None = None
) -> list[tuple[int, str, str, str | None, str | None, tuple[str, ...]]]:
    """Return every actor (or those in ``ids``) as (id, canonical name, type, country, role,
    sorted aliases), by id."""
    aliases: dict[int, list[str]] = {}
    alias_rows = select(ActorAliasRow.actor_id, ActorAliasRow.alias).order_by(
        ActorAliasRow.actor_id, ActorAliasRow.alias
    )
    stmt = select(
        ActorRow.id, ActorRow.canonical_name, ActorRow.type, ActorRow.country, ActorRow.role
    ).order_by(ActorRow.id)
    if ids is not None:
        alias_rows = alias_rows.where(ActorAliasRow.actor_id.in_(ids))
        stmt = stmt.where(ActorRow.id.in_(ids))
    for actor_id, alias in session.execute(alias_rows):
        aliases.setdefault(actor_id, []).append(alias)
    return [
        (id_, name, type_, country, role, tuple(aliases.get(id_, ())))
        for id_, name, type_, country, role in session.execute(stmt)
    ]
