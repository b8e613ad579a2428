"""Resolve an actor given in a request (id, name or alias) or answer 404 / 409."""

from fastapi import HTTPException
from sqlalchemy.orm import Session

from core.models import ActorRow
from core.repositories import actors


def resolve_actor(session: Session, ref: str) -> ActorRow:
    """Return the one actor ``ref`` names; raise 404 if none, 409 listing them if several."""
    found = actors.lookup(session, ref)
    if not found:
        raise HTTPException(status_code=404, detail=f"unknown actor {ref!r}")
    if len(found) > 1:
        names = ", ".join(
            f"{a.canonical_name} (id {a.id}, {a.country or 'no country'})" for a in found
        )
        raise HTTPException(status_code=409, detail=f"actor {ref!r} is ambiguous: {names}")
    return found[0]
