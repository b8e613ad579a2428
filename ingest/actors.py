"""Actor resolution within one article: names, surnames, roles, pronouns and plural roles.

Every named person is registered first (``register_person``), so a surname or a
role finds the full name wherever in the article it is given. Pronouns and role
phrases are resolved against what came before them (``resolve``), preferring the
most recent person that was the subject of a clause.
"""

from bisect import bisect_left, insort
from dataclasses import dataclass, field

from diplograph.ingest.types import ActorRef, Mention

# How much an actor resolved this way is trusted (feeds event confidence).
RESOLUTION_QUALITY = {
    "person": 1.0,
    "country": 0.95,
    "organization": 0.9,
    "state": 0.95,
    "group": 0.85,
    "people": 0.85,
    "place": 0.6,
    "role": 0.85,
    "plural_role": 0.8,
    "pronoun": 0.75,
    "fallback": 0.6,
    "name": 0.0,
    "body_ref": 0.75,
    "it": 0.7,
    "sides": 0.7,
    "act": 0.7,
    "they": 0.7,
    "we": 0.7,
}


PARTICLES = frozenset(
    {"al", "el", "da", "de", "del", "van", "von", "bin", "ibn", "abu", "la", "le"}
)


def _name_words(name: str) -> list[str]:
    """Return the words of a name, lower case, with "al-"/"el-" particles split off.

    >>> _name_words("Abdel Fattah al-Burhan")
    ['abdel', 'fattah', 'al', 'burhan']
    """
    return name.lower().replace("-", " ").split()


@dataclass
class PersonCluster:
    """One person of the article with every name form used for them."""

    names: list[str]
    role: str | None = None
    rank: int = 0
    country: str | None = None
    positions: list[tuple[int, bool]] = field(default_factory=list)
    # Sorted article positions of every mention, and of the mentions as a subject: the
    # latest one before a point is a bisection, not a scan (see note_position).
    mentioned_at: list[int] = field(default_factory=list)
    subject_at: list[int] = field(default_factory=list)
    # A role never given a name ("Vietnam's leader") stands for its state.
    stands_for: ActorRef | None = None

    @property
    def canonical(self) -> str:
        """Return the longest name form, the one the person is stored under."""
        return max(self.names, key=lambda n: (len(n.split()), len(n)))

    def matches(self, name: str) -> bool:
        """Return True when ``name`` is this person's name or ends like it (same surname)."""
        if self.stands_for is not None:
            return False
        words = _name_words(name)
        for known in self.names:
            kw = _name_words(known)
            n = min(len(words), len(kw))
            if words[-n:] == kw[-n:]:
                return True
            # One word of a longer name: surname-first names ("Wang" for "Wang Yi") and
            # names known by a middle part ("Lula" for "Luiz Inacio Lula da Silva").
            if len(words) == 1 and len(kw) > 1 and words[0] in kw and words[0] not in PARTICLES:
                return True
        return False

    def ref(self) -> ActorRef:
        """Return the actor reference of this person; the surname is one of its aliases."""
        if self.stands_for is not None:
            return self.stands_for
        surname = self.canonical.split()[-1]
        return ActorRef(
            name=self.canonical,
            type="person",
            country=self.country,
            role=self.role,
            aliases=tuple(sorted({*self.names, surname})),
        )


def same_side(a: ActorRef, b: ActorRef) -> bool:
    """Return True when two actors are one, or act for the same state."""
    return a.name == b.name or (a.country is not None and a.country == b.country)


@dataclass(frozen=True)
class Resolved:
    """Actors a mention denotes, and how much the resolution is trusted."""

    actors: tuple[ActorRef, ...]
    quality: float


class ArticleActors:
    """The people of one article and the discourse state needed to resolve references."""

    def __init__(self) -> None:
        self.people: list[PersonCluster] = []
        # Every word of every name -> the people (by their index in ``people``) so named:
        # a name can only match a person one of whose names holds its last word.
        self._by_word: dict[str, set[int]] = {}

    def _index(self, index: int, name: str) -> None:
        for word in _name_words(name):
            self._by_word.setdefault(word, set()).add(index)

    def _candidates(self, name: str) -> list[tuple[int, PersonCluster]]:
        """Return the people ``name`` may match (see ``PersonCluster.matches``) with their
        indexes, in order."""
        words = _name_words(name)
        if not words:
            return list(enumerate(self.people))
        return [(i, self.people[i]) for i in sorted(self._by_word.get(words[-1], ()))]

    def register_person(self, mention: Mention) -> PersonCluster:
        """Return the cluster of a named person, creating or enriching it."""
        assert mention.name is not None
        for index, person in self._candidates(mention.name):
            compatible = mention.country is None or person.country in (None, mention.country)
            if compatible and person.matches(mention.name):
                if mention.name not in person.names:
                    person.names.append(mention.name)
                    self._index(index, mention.name)
                if mention.rank > person.rank:
                    person.role, person.rank = mention.role, mention.rank
                person.country = person.country or mention.country
                return person
        person = PersonCluster(
            names=[mention.name], role=mention.role, rank=mention.rank, country=mention.country
        )
        self.people.append(person)
        self._index(len(self.people) - 1, mention.name)
        return person

    def unnamed_role(self, mention: Mention, state: ActorRef) -> PersonCluster:
        """Return the stand-in for a role the article never names ("Vietnam's leader")."""
        for person in self.people:
            if person.stands_for == state and person.role == mention.role:
                return person
        person = PersonCluster(
            names=[state.name],
            role=mention.role,
            rank=mention.rank,
            country=state.country,
            stands_for=state,
        )
        self.people.append(person)
        return person

    def note_position(self, person: PersonCluster, position: int, is_subject: bool) -> None:
        """Record that ``person`` is mentioned at article token ``position``."""
        person.positions.append((position, is_subject))
        insort(person.mentioned_at, position)
        if is_subject:
            insort(person.subject_at, position)

    def person_named(self, name: str) -> PersonCluster | None:
        """Return the cluster a name belongs to, or None."""
        return next((p for _, p in self._candidates(name) if p.matches(name)), None)

    def _last_position(self, person: PersonCluster, before: int, subject_only: bool) -> int:
        at = person.subject_at if subject_only else person.mentioned_at
        index = bisect_left(at, before)
        return at[index - 1] if index else -1

    def _most_recent(
        self, candidates: list[PersonCluster], before: int, *, subject_only: bool = False
    ) -> list[PersonCluster]:
        scored = [(self._last_position(p, before, subject_only), p) for p in candidates]
        scored = [(pos, p) for pos, p in scored if pos >= 0]
        scored.sort(key=lambda item: -item[0])
        return [p for _, p in scored]

    def resolve_pronoun(
        self, position: int, sentence_start: int, *, object_case: bool = False
    ) -> PersonCluster | None:
        """Return the person a personal pronoun at ``position`` refers to, or None.

        A subject earlier in the same sentence wins, then the latest subject of an
        earlier sentence, then the latest person mentioned at all. An object pronoun
        ("urged him") is not the subject of its own sentence: it is the latest other
        person named.
        """
        subjects = self._most_recent(self.people, position, subject_only=True)
        in_sentence = [
            p for p in subjects if self._last_position(p, position, True) >= sentence_start
        ]
        if object_case and in_sentence:
            others = [
                p for p in self._most_recent(self.people, position) if p is not in_sentence[0]
            ]
            return others[0] if others else None
        if in_sentence:
            return in_sentence[0]
        if subjects:
            return subjects[0]
        anyone = self._most_recent(self.people, position)
        return anyone[0] if anyone else None

    def resolve_role(
        self,
        mention: Mention,
        position: int,
        paragraph_start: int = 0,
        subject_from: int | None = None,
    ) -> list[PersonCluster]:
        """Return the people a role phrase ("the Russian president", "both leaders") denotes.

        A plural role short of people with that title is filled up with the latest
        people mentioned in the same paragraph (from ``paragraph_start`` on). With
        ``subject_from`` (the sentence start of a role that is no subject), people who
        are a subject since then are left out: "Albright praised both leaders".
        """

        def fits(p: PersonCluster) -> bool:
            if subject_from is not None and self._last_position(p, position, True) >= subject_from:
                return False
            if mention.country and p.country != mention.country:
                return False
            if mention.role in ("leader", "head of state"):
                return p.rank >= 4
            if p.role == mention.role:
                return True
            # "the minister" fits a foreign minister, not a prime minister (a head of government).
            return p.role is not None and p.role.endswith(f" {mention.role}") and p.rank < 5

        recent = self._most_recent([p for p in self.people if fits(p)], position)
        if mention.kind == "plural_role":
            if len(recent) < mention.number:
                # "the two ministers" after a minister and his "counterpart": fill up with
                # the latest people mentioned.
                recent += [
                    p
                    for p in self._most_recent(self.people, position)
                    if p not in recent
                    and (
                        subject_from is None
                        or self._last_position(p, position, True) < subject_from
                    )
                    and self._last_position(p, position, False) >= paragraph_start
                ]
            return recent[: mention.number] if len(recent) >= mention.number else []
        return recent[:1]
