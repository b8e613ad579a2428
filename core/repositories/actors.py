"""Queries on actors and their aliases."""

from collections.abc import Collection, Iterable, Sequence

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from diplograph.core.models import ActorAliasRow, ActorRow, EventRow
from diplograph.core.names import normalize_name


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
) -> ActorRow | None:
    """Return the stored actor a new mention denotes, or None if it is new.

    Same canonical name and country wins; otherwise the one actor of the same
    country that already has the name or a multi-word alias as an alias. A lone
    surname only matches when it is all the mention has ("Putin" finds "Vladimir
    Putin", but "Kim Yo Jong" with alias "Kim" does not find "Kim Jong Un").
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
    return candidates[0] if len(candidates) == 1 else None


def upsert(
    session: Session,
    *,
    canonical_name: str,
    type: str,
    country: str | None,
    role: str | None,
    aliases: Iterable[str],
) -> ActorRow:
    """Return the actor for this mention, creating it if needed, with every alias recorded."""
    alias_list = list(aliases)
    row = resolve(session, canonical_name=canonical_name, country=country, aliases=alias_list)
    if row is None:
        row = ActorRow(canonical_name=canonical_name, type=type, country=country, role=role)
        session.add(row)
        session.flush()
    elif row.role is None and role is not None:
        row.role = role
    add_aliases(session, actor_id=row.id, aliases=[canonical_name, *alias_list])
    return row


def add_aliases(session: Session, *, actor_id: int, aliases: Iterable[str]) -> None:
    """Record the normalized ``aliases`` of an actor that it does not have yet."""
    keys = {normalize_name(a) for a in aliases}
    keys.discard("")
    known = set(
        session.scalars(select(ActorAliasRow.alias).where(ActorAliasRow.actor_id == actor_id))
    )
    for key in sorted(keys - known):
        session.add(ActorAliasRow(actor_id=actor_id, alias=key))
    session.flush()


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
    """Return the actors ``ref`` names: an id, a canonical name or an alias (case-insensitive)."""
    if ref.strip().isdigit():
        row = session.get(ActorRow, int(ref))
        return [row] if row is not None else []
    by_name = session.scalars(
        select(ActorRow).where(func.lower(ActorRow.canonical_name) == ref.strip().lower())
    ).all()
    return by_name or find_by_alias(session, ref)


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
