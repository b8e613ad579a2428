"""Acts an article reports, so that "the launch" or "the move" can find who did it.

An act is recorded where a verb or noun of a kind listed in ``ingest/data/acts.toml``
has a known agent ("North Korea fired a missile", "Washington's plan"). A later
definite noun phrase of the same kind ("condemned the launch") refers back to the
latest such act; a generic one ("the move") to the latest act of any kind.
"""

import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from spacy.tokens import Token

from diplograph.ingest.types import ActorRef, Mention

GENERIC = "*"
OUTCOME = "+"
INCIDENT = "!"


@dataclass(frozen=True)
class ActLexicon:
    """The act kinds of each lemma and the words that make a phrase refer back."""

    kinds: dict[str, frozenset[str]]
    generic: frozenset[str]
    not_generic: frozenset[str]
    outcomes: frozenset[str]
    outcome_kinds: frozenset[str]
    incidents: frozenset[str]
    incident_kinds: frozenset[str]
    shared_kinds: frozenset[str]
    future_words: frozenset[str]
    denial_verbs: frozenset[str]
    determiners: frozenset[str]
    reacting_codes: tuple[str, ...]


@lru_cache(maxsize=1)
def act_lexicon() -> ActLexicon:
    """Return the act lexicon read from ``ingest/data/acts.toml``."""
    text = files("diplograph.ingest").joinpath("data", "acts.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    kinds: dict[str, set[str]] = {}
    for kind, lemmas in data["kinds"].items():
        for lemma in lemmas:
            kinds.setdefault(lemma, set()).add(kind)
    refs = data["references"]
    return ActLexicon(
        kinds={lemma: frozenset(k) for lemma, k in kinds.items()},
        generic=frozenset(refs["generic"]),
        not_generic=frozenset(refs["not_generic"]),
        outcomes=frozenset(refs["outcomes"]),
        outcome_kinds=frozenset(refs["outcome_kinds"]),
        incidents=frozenset(refs["incidents"]),
        incident_kinds=frozenset(refs["incident_kinds"]),
        shared_kinds=frozenset(refs["shared_kinds"]),
        future_words=frozenset(refs["future_words"]),
        denial_verbs=frozenset(refs["denial_verbs"]),
        determiners=frozenset(refs["determiners"]),
        reacting_codes=tuple(refs["reacting_codes"]),
    )


def kinds_of(lemma: str) -> frozenset[str]:
    """Return the act kinds a verb or noun lemma names (empty when it names none)."""
    return act_lexicon().kinds.get(lemma.lower(), frozenset())


def reacts_to_acts(cameo: str) -> bool:
    """Return True for codes whose object may be an earlier act ("condemned the launch")."""
    return cameo.startswith(act_lexicon().reacting_codes)


def is_act_reference(token: Token) -> bool:
    """Return True for a definite noun phrase naming an act ("the launch", "this move").

    "Tuesday's attack" counts too; "a launch" or "any proposal" does not.
    """
    lex = act_lexicon()
    if token.pos_ != "NOUN":
        return False
    lemma = token.lemma_.lower()
    special = lex.generic | lex.outcomes | lex.incidents
    if lemma not in special and not kinds_of(lemma):
        return False
    for child in token.children:
        if child.dep_ in ("det", "predet") and child.lower_ in lex.determiners:
            return True
        if child.dep_ == "poss" and child.ent_type_ in ("DATE", "TIME"):
            # "Tuesday's attack" is told; "next year's summit" is yet to come
            return not any(w.lower_ in lex.future_words for w in child.subtree)
    return False


def act_mention(token: Token) -> Mention:
    """Return the mention of an act reference, to be resolved against the article's acts."""
    lex = act_lexicon()
    lemma = token.lemma_.lower()
    name = GENERIC if lemma in lex.generic else INCIDENT if lemma in lex.incidents else lemma
    if lemma in lex.outcomes:
        # "the resumption of talks" is about the talks; "the progress" about talks or a deal
        of = [p for c in token.children if c.lower_ == "of" for p in c.children]
        name = next((p.lemma_.lower() for p in of if kinds_of(p.lemma_)), OUTCOME)
    return Mention(kind="act", text=token.text, token_index=token.i, type="act", name=name)


def denies_a_claim(verb: Token) -> bool:
    """Return True for a denial of what a clause says ("denied that its forces had fired")."""
    return verb.lemma_.lower() in act_lexicon().denial_verbs and any(
        c.dep_ == "ccomp" for c in verb.children
    )


def claim_mention(verb: Token) -> Mention:
    """Return the reference a denial makes to the latest claim of the article."""
    return Mention(kind="act", text=verb.text, token_index=verb.i, type="act", name="claim")


@dataclass(frozen=True)
class Act:
    """An act the article reported: where, of which kinds, and by whom (maybe nobody known)."""

    position: int
    kinds: frozenset[str]
    agents: tuple[ActorRef, ...]
    lemmas: frozenset[str] = frozenset()  # stems of the words that told it


def stem(lemma: str) -> str:
    """Return a lemma without its nominal ending, so "sinking" meets "sink"."""
    lemma = lemma.lower()
    return lemma[:-3] if lemma.endswith("ing") and len(lemma) > 5 else lemma


class ArticleActs:
    """The acts of one article in reading order."""

    def __init__(self) -> None:
        self._by_position: dict[int, Act] = {}

    @property
    def acts(self) -> list[Act]:
        """Return the acts recorded so far."""
        return list(self._by_position.values())

    def note(
        self,
        position: int,
        kinds: frozenset[str],
        agents: tuple[ActorRef, ...],
        lemmas: frozenset[str] = frozenset(),
    ) -> None:
        """Record an act; an act with no known agent still hides older acts of its kind.

        A second record at the same position (the parse and the coded event of one
        trigger) adds to the first.
        """
        stems = frozenset(stem(lemma) for lemma in lemmas)
        act = self._by_position.get(position)
        if act is not None:
            agents = tuple(dict.fromkeys((*act.agents, *agents)))
            kinds, stems = act.kinds | kinds, act.lemmas | stems
        self._by_position[position] = Act(position, kinds, agents, stems)

    def agents_of(
        self, reference: Mention, position: int, keep: Callable[[ActorRef], bool]
    ) -> tuple[ActorRef, ...]:
        """Return who did the act ``reference`` (at ``position``) points back to.

        Looks back for the latest act told with the same word ("the sinkings" after
        "sank"), else the latest of the reference's kind (any kind but a statement for
        a generic "the move"); agents ``keep`` rejects are passed over, so reacting to
        one's own side's act looks further back. An act whose agent is unknown ends the
        search with nothing.
        """
        named = stem(reference.name or "")
        same_word = [a for a in self.acts if named in a.lemmas]
        if same_word:
            found = _latest_agents(same_word, position, keep)
            if found is not None:
                return found
        lex = act_lexicon()
        generic = reference.name == GENERIC
        if reference.name == OUTCOME:
            wanted = lex.outcome_kinds
        elif reference.name == INCIDENT:
            wanted = lex.incident_kinds
        else:
            wanted = frozenset() if generic else kinds_of(reference.name or "")
        if generic:
            of_kind = [a for a in self.acts if not a.kinds <= lex.not_generic]
        else:
            of_kind = [a for a in self.acts if a.kinds & wanted]
        return _latest_agents(of_kind, position, keep) or ()


def _latest_agents(
    acts: list[Act], position: int, keep: Callable[[ActorRef], bool]
) -> tuple[ActorRef, ...] | None:
    """Return the agents of the latest act before ``position`` that ``keep`` allows.

    None when there is none; empty when the latest has no known agent.
    """
    for act in sorted(acts, key=lambda a: a.position, reverse=True):
        if act.position >= position:
            continue
        if not act.agents:
            return ()
        kept = tuple(a for a in act.agents if keep(a))
        if kept:
            return kept
    return None
