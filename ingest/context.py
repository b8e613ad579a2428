"""What an article has said so far: its people, bodies, subjects and sides.

Mentions are resolved against this context: a surname finds the full name, a role
("the Russian president") or pronoun finds the person it refers to, "it" and "the
group" find the state or body last named, "both sides" the two sides named most.
"""

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from typing import TypeVar

from spacy.tokens import Span, Token

from diplograph.ingest.actors import RESOLUTION_QUALITY, ArticleActors, Resolved, same_side
from diplograph.ingest.acts import ArticleActs
from diplograph.ingest.budget import check_budget
from diplograph.ingest.constructions.words import construction_words
from diplograph.ingest.gazetteer import Gazetteer
from diplograph.ingest.mentions import mention_at
from diplograph.ingest.spans import entity_span
from diplograph.ingest.types import ActorRef, Mention
from diplograph.ingest.wordlists import wordlist

SUBJECTISH = ("nsubj", "nsubjpass", "agent")
REPORT_VERBS = wordlist("report_verbs")
SAYING_VERBS = construction_words("saying_verbs")
SUBJECT_KINDS = ("organization", "group", "country", "state")


@dataclass(frozen=True)
class ParsedSentence:
    """A sentence of the article, its index, and where its paragraph starts in tokens."""

    index: int
    span: Span
    offset: int  # article-wide position of the paragraph's first token


def is_subject(token: Token) -> bool:
    """Return True for a subject, an agent, or the possessor of a subject ("Putin's visit")."""
    if token.dep_ in SUBJECTISH:
        return True
    return token.dep_ == "poss" and token.head.dep_ in SUBJECTISH


LOOKBACK = 1_000
"""How many earlier bodies a reference ("the board") is compared with, latest first."""

T = TypeVar("T")


def _latest_before(entries: list[tuple[int, T]], position: int) -> list[T]:
    """Return the values of the entries before ``position``, latest first (at most LOOKBACK).

    ``entries`` are sorted by position (they are noted in reading order), so the
    cut is a bisection: a lookback costs the same early and late in a long article.

    >>> _latest_before([(2, "a"), (5, "b"), (9, "c")], 9)
    ['b', 'a']
    """
    end = bisect_left(entries, position, key=lambda entry: entry[0])
    return [value for _, value in reversed(entries[max(0, end - LOOKBACK) : end])]


def _latest(entries: list[tuple[int, T]], position: int) -> T | None:
    """Return the value of the latest entry before ``position`` (see ``_latest_before``).

    >>> _latest([(2, "a"), (5, "b")], 5), _latest([(2, "a")], 2)
    ('a', None)
    """
    end = bisect_left(entries, position, key=lambda entry: entry[0])
    return entries[end - 1][1] if end else None


class ArticleContext:
    """The actors one article has named so far, for resolving later references."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.people = ArticleActors()
        self.bodies: list[tuple[int, ActorRef]] = []
        self.subjects: list[tuple[int, ActorRef]] = []
        self.side_mentions: Counter[str] = Counter()
        self.side_actors: dict[str, Counter[ActorRef]] = {}
        self.acts = ArticleActs()
        self.groups: list[tuple[int, tuple[ActorRef, ...]]] = []

    def register_people(self, sentences: list[ParsedSentence]) -> None:
        """Register every named person of the article (full names first, then surnames)."""
        for s in sentences:
            check_budget()
            seen: set[int] = set()
            for ent in s.span.ents:
                span = entity_span(ent.root)
                if span is None or span.start in seen:
                    continue
                seen.add(span.start)
                mention = mention_at(span.root, self.gaz)
                if mention is not None and mention.kind == "person" and mention.name:
                    cluster = self.people.register_person(mention)
                    position = s.offset + span.root.i
                    self.people.note_position(cluster, position, is_subject(span.root))
        # Well-known figures the tagger missed ("Araghchi said") are people too.
        for s in sentences:
            for tok in s.span:
                if tok.pos_ == "PROPN" and not tok.ent_type_ and tok.dep_ != "compound":
                    mention = mention_at(tok, self.gaz)
                    if mention is not None and mention.kind == "person" and mention.name:
                        cluster = self.people.register_person(mention)
                        self.people.note_position(cluster, s.offset + tok.i, is_subject(tok))
        # Surnames the tagger missed or mislabelled ("Wang held talks") still mark a mention.
        for s in sentences:
            for tok in s.span:
                if tok.pos_ == "PROPN" and tok.ent_type_ != "PERSON" and tok.dep_ != "compound":
                    person = self.people.person_named(tok.text)
                    if person is not None and " " not in tok.text:
                        self.people.note_position(person, s.offset + tok.i, is_subject(tok))
        self._register_known_by_surname(sentences)

    def _register_known_by_surname(self, sentences: list[ParsedSentence]) -> None:
        """Give the people the article names without a state a well-known figure's state.

        "Merkel met Macron", or a name spelled unlike the tables: the one figure the
        gazetteer knows by that surname on the article's date (``known_surname``), unless
        the article already knows that person's state.
        """
        for s in sentences:
            for tok in s.span:
                if tok.pos_ != "PROPN" or tok.dep_ == "compound":
                    continue
                mention = mention_at(tok, self.gaz)
                if mention is None or mention.kind not in ("person", "name") or not mention.name:
                    continue
                person = self.people.person_named(mention.name)
                if person is not None and person.country is not None:
                    continue
                known = self.gaz.known_surname(person.canonical if person else mention.name)
                if known is None:
                    continue
                found = Mention(
                    kind="person",
                    text=mention.text,
                    token_index=tok.i,
                    type="person",
                    name=known.name,
                    country=known.country,
                )
                cluster = self.people.register_person(found)
                self.people.note_position(cluster, s.offset + tok.i, is_subject(tok))

    def resolve(self, mention: Mention, s: ParsedSentence) -> Resolved:
        """Return the actors ``mention`` in sentence ``s`` denotes, with how far to trust it."""
        token = s.span.doc[mention.token_index]
        position = s.offset + mention.token_index
        quality = RESOLUTION_QUALITY[mention.kind]
        if mention.kind == "person" and mention.name:
            person = self.people.person_named(mention.name)
            return Resolved((person.ref(),), quality) if person else Resolved((), 0.0)
        if mention.kind in ("name", "organization") and mention.name and " " not in mention.name:
            # spaCy sometimes tags a known person's surname as ORG or not at all.
            person = self.people.person_named(mention.name)
            if person is not None:
                return Resolved((person.ref(),), RESOLUTION_QUALITY["role"])
            if mention.kind == "name":
                return Resolved((), 0.0)
        if mention.kind == "pronoun":
            object_case = token.lower_ in ("him", "her") and token.dep_ in ("dobj", "dative")
            person = self.people.resolve_pronoun(
                position, s.offset + s.span.start, object_case=object_case
            )
            if person is None:
                return Resolved((), 0.0)
            self.people.note_position(person, position, is_subject(token))
            return Resolved((person.ref(),), quality)
        if mention.kind in ("role", "plural_role"):
            # "X praised both leaders": the clause's own subject is not one of them.
            subject_from = None if is_subject(token) else s.offset + s.span.start
            found = self.people.resolve_role(mention, position, s.offset, subject_from)
            for person in found:
                self.people.note_position(person, position, is_subject(token))
            if found:
                return Resolved(tuple(p.ref() for p in found), quality)
            if mention.kind == "role" and mention.country:
                stand_in = self.people.unnamed_role(mention, self.country_ref(mention.country))
                self.people.note_position(stand_in, position, is_subject(token))
                return Resolved((stand_in.ref(),), RESOLUTION_QUALITY["fallback"])
            return Resolved((), 0.0)
        if mention.kind == "body_ref":
            earlier = _latest_before(self.bodies, position)
            # "the board" is the latest body called a board, if any, else the latest body
            word = token.lemma_.lower()
            named = [ref for ref in earlier if word in ref.name.lower()]
            chosen = (named or earlier)[:1]
            return Resolved(tuple(chosen), quality) if chosen else Resolved((), 0.0)
        if mention.kind == "sides":
            sides = self._main_sides(s, states=mention.type == "country")
            return Resolved(sides, quality) if sides else Resolved((), 0.0)
        if mention.kind == "we":
            # "'We call on Venezuela to respect the order,' he said": the speaker's side.
            speaker = _quoted_speaker(token)
            said = mention_at(speaker, self.gaz) if speaker is not None else None
            if said is None or said.kind == "we":
                return Resolved((), 0.0)
            spoken = self.resolve(said, s)
            return Resolved(spoken.actors, min(spoken.quality, quality))
        if mention.kind == "they":
            # "they" are the latest plural subject: "Barrot, Lammy and Wadephul said ...".
            group = _latest(self.groups, position)
            return Resolved(group, quality) if group else Resolved((), 0.0)
        if mention.kind == "it":
            speaker = _own_speaker(token)
            said = mention_at(speaker, self.gaz) if speaker is not None else None
            if said is not None and said.kind in SUBJECT_KINDS:
                # "Ukraine, which ..., warned that it could bar ...": the state speaking.
                spoken = self.resolve(said, s)
                if spoken.actors:
                    return Resolved(spoken.actors, min(spoken.quality, quality))
            # "it" is the latest state or body that was the subject of a clause.
            subject = _latest(self.subjects, position)
            return Resolved((subject,), quality) if subject else Resolved((), 0.0)
        if mention.name is None or mention.kind == "act":
            return Resolved((), 0.0)  # an act is resolved with its reactor: resolve_act
        aliases = tuple(sorted({mention.name, mention.text}))
        ref = ActorRef(
            name=mention.name, type=mention.type, country=mention.country, aliases=aliases
        )
        return Resolved((ref,), quality)

    def resolve_act(self, mention: Mention, s: ParsedSentence, sources: list[ActorRef]) -> Resolved:
        """Return who did the earlier act ``mention`` points to, leaving out ``sources``' side.

        "Gil denounced the measures": whoever last imposed measures, unless that was
        Venezuela itself; one does not react to one's own state's act as to another's.
        """

        def other_side(agent: ActorRef) -> bool:
            return not any(same_side(agent, src) for src in sources)

        position = s.offset + mention.token_index
        agents = self.acts.agents_of(mention, position, other_side)
        return Resolved(agents, RESOLUTION_QUALITY["act"]) if agents else Resolved((), 0.0)

    def note_subjects(self, s: ParsedSentence) -> None:
        """Record the bodies named in ``s`` and the states and bodies that are subjects.

        That is what a later "the group" or "it" can mean.
        """
        for tok in s.span:
            mention = mention_at(tok, self.gaz)
            if mention is None:
                continue
            if tok.dep_ in ("amod", "compound"):
                # "Israeli strikes": a demonym makes its state salient, nothing more;
                # "Commonwealth Secretary-General Shirley Botchwey" names a body a later
                # "the organisation" means.
                if mention.country is not None and mention.kind == "country":
                    self._count_side(mention.country, None)
                known = self.gaz.organization(mention.name or "") is not None
                if mention.kind in ("organization", "group") and known:
                    self.bodies.append((s.offset + tok.i, self._body(mention)))
                continue
            position = s.offset + tok.i
            ref: ActorRef | None = None
            if mention.kind in ("people", "person") and mention.country is not None:
                self._count_side(mention.country, None)
            elif mention.kind == "body_ref":
                ref = _latest(self.bodies, position)
            elif mention.kind in SUBJECT_KINDS and mention.name is not None:
                ref = self._body(mention)
                if mention.kind in ("organization", "group"):
                    self.bodies.append((position, ref))
            if ref is None:
                continue
            self._count_side(ref.country or self._base(ref) or ref.name, ref)
            if tok.dep_ in ("nsubj", "nsubjpass"):
                self.subjects.append((position, ref))
        self._note_groups(s)

    def _note_groups(self, s: ParsedSentence) -> None:
        """Record the plural subjects of ``s`` ("Barrot, Lammy and Wadephul said"): "they"."""
        for tok in s.span:
            if tok.dep_ not in ("nsubj", "nsubjpass") or tok.lower_ in ("they", "who"):
                continue
            plural = tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in tok.children)
            if not plural:
                continue
            refs: list[ActorRef] = []
            for part in [tok, *tok.conjuncts]:
                mention = mention_at(part, self.gaz)
                if mention is None or mention.kind in ("pronoun", "it", "sides"):
                    continue
                refs.extend(r for r in self.resolve(mention, s).actors if r not in refs)
            if refs:
                self.groups.append((s.offset + tok.i, tuple(refs)))

    @staticmethod
    def _body(mention: Mention) -> ActorRef:
        """Return the actor a named state or body mention stands for."""
        name = mention.name or mention.text
        return ActorRef(
            name=name,
            type=mention.type,
            country=mention.country,
            aliases=tuple(sorted({name, mention.text})),
        )

    def _base(self, ref: ActorRef) -> str | None:
        """Return the home state of a stateless group ("Hamas" is on the Palestinian side)."""
        org = self.gaz.organization(ref.name) if ref.type == "group" else None
        return org.base if org is not None else None

    def _count_side(self, side: str, ref: ActorRef | None) -> None:
        """Count one mention of a side (a country code, or a name for stateless actors)."""
        self.side_mentions[side] += 1
        if ref is not None:
            self.side_actors.setdefault(side, Counter())[ref] += 1

    def _main_sides(self, s: ParsedSentence, *, states: bool = False) -> tuple[ActorRef, ...]:
        """Return the two sides mentioned most so far, leaving out the clause's subject.

        A state's organs and people ("Israeli forces", "Palestinian prisoners") count for
        its side; each side is represented by the actor of it named most often.
        """
        subject = next((t for t in s.span if t.dep_ == "nsubj"), None)
        # The subject and whatever its phrase names ("UN chief Guterres") are not a side.
        excluded: set[str] = set()
        for tok in subject.subtree if subject is not None else ():
            mention = mention_at(tok, self.gaz)
            if mention is None or mention.kind == "sides":
                continue  # "Both sides agreed": the sides are the subject itself
            excluded |= {
                r.country or self._base(r) or r.name for r in self.resolve(mention, s).actors
            }
            if mention.country:
                excluded.add(mention.country)
        if states:
            # "the two countries": the two states named most, by their names.
            countries = [
                side
                for side, _ in self.side_mentions.most_common()
                if side not in excluded and side in self.gaz.by_iso3
            ]
            return tuple(self.country_ref(iso3) for iso3 in countries[:2])
        ranked = [
            side
            for side, _ in self.side_mentions.most_common()
            if side not in excluded and side in self.side_actors
        ]
        sides = [_representative(self.side_actors[side]) for side in ranked[:2]]
        if len(sides) == 1:
            # One state, two sides: a civil war ("the army and the RSF").
            sides = [ref for ref, _ in self.side_actors[ranked[0]].most_common(2)]
        return tuple(sides[:2]) if len(sides) >= 2 else ()

    def country_ref(self, iso3: str) -> ActorRef:
        """Return the actor reference of the state ``iso3``."""
        country = self.gaz.by_iso3.get(iso3)
        name = country.name if country is not None else iso3
        return ActorRef(name=name, type="country", country=iso3, aliases=(name,))


def _own_speaker(token: Token) -> Token | None:
    """Return the subject of the saying verb whose reported clause ``token`` is subject of.

    "Iran warned that it would ...": "it" is Iran. None unless ``token`` is the subject
    of a clause a saying verb reports.
    """
    clause = token.head
    if token.dep_ != "nsubj" or clause.dep_ != "ccomp" or clause.head.lemma_ not in SAYING_VERBS:
        return None
    return next((c for c in clause.head.children if c.dep_ == "nsubj"), None)


def _quoted_speaker(token: Token) -> Token | None:
    """Return the subject of the saying verb a clause hangs on ("..., he said"), or None."""
    head = token.head
    for _ in range(6):
        if head.lemma_ in REPORT_VERBS and head.pos_ == "VERB":
            return next((c for c in head.children if c.dep_ == "nsubj" and c != token), None)
        if head.head == head:
            return None
        head = head.head
    return None


def _representative(actors: Counter[ActorRef]) -> ActorRef:
    """Return the actor that stands for a side: the one named most, a state on ties."""
    return max(actors.items(), key=lambda item: (item[1], item[0].type == "country"))[0]
