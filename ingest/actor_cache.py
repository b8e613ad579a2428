"""The stored actors one writer has resolved, kept from article to article while the actor
tables do not change.

Resolving an actor (:func:`~diplograph.ingest.identity.store_actor`) takes several reads
per mention, and over a run most mentions name actors stored long before, with every alias
they carry: the answer, and the fact that nothing was written, are the same each time. A
writer (one ingest, one worker) keeps them here. What an answer depends on in the store is
the actor, alias and claim rows; none is ever deleted, so the highest id of each
(:data:`FINGERPRINT`, three primary-key lookups) changes when one is added, by this writer
or another. It is read before each article and after each resolution that was not known;
when it changed, everything kept is dropped. A rollback (of the transaction or of one
article's savepoint) drops everything too: what was kept may name rows it undid. A
resolution that recorded a claim is not kept (a claim names its article: the next article
records its own).

On PostgreSQL a writer that commits a row after another writer's row with a higher id was
seen does not change the fingerprint; until the next change, this writer resolves as if that
commit had come after its own transaction, which the order of two concurrent commits
permits anyway (the key locks, :func:`~diplograph.core.repositories.conflicts.lock_keys`,
keep what must not race: two writers creating the same actor).
"""

from collections.abc import Callable, Hashable
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.orm import Session

FINGERPRINT = text(
    "SELECT (SELECT max(id) FROM actors), (SELECT max(id) FROM actor_aliases), "
    "(SELECT max(id) FROM actor_claims)"
)

Fingerprint = tuple[int | None, int | None, int | None]
"""The highest actor, alias and claim ids."""

_HOOKED = "diplograph.actor_cache.hooked"


def fingerprint(session: Session) -> Fingerprint:
    """Return the highest ids of the actor, alias and claim rows the session sees."""
    row = session.connection().execute(FINGERPRINT).one()
    return (row[0], row[1], row[2])


class ActorCache:
    """The actor ids one writer resolved, by what the resolution depended on (its key)."""

    def __init__(self) -> None:
        self.seen: Fingerprint | None = None
        self.ids: dict[Hashable, int] = {}

    def clear(self) -> None:
        """Drop everything kept."""
        self.seen = None
        self.ids.clear()

    def begin_article(self, session: Session) -> None:
        """Check, before an article is stored in ``session``, that the actor tables are as
        when the ids were kept (else drop them); watch the session for rollbacks."""
        if not session.info.get(_HOOKED):
            session.info[_HOOKED] = True
            event.listen(session, "after_soft_rollback", self._rolled_back)
        self._check(fingerprint(session))

    def actor_id(self, session: Session, key: Hashable, resolve: Callable[[], int]) -> int:
        """Return the actor id kept under ``key``, or ``resolve()`` (which may write) and
        keep it when it recorded no claim."""
        found = self.ids.get(key)
        if found is not None:
            return found
        before = self.seen
        actor_id = resolve()
        after = fingerprint(session)
        self._check(after)
        if before is not None and after[2] == before[2]:
            self.ids[key] = actor_id
        return actor_id

    def _check(self, now: Fingerprint) -> None:
        if now != self.seen:
            self.ids.clear()
            self.seen = now

    def _rolled_back(self, *_: Any) -> None:
        self.clear()
