"""Event candidates from multi-word constructions the single-trigger lexicon cannot express.

Each construction is a general pattern over the dependency parse; the words it looks
for live in ``ingest/data/constructions.toml``:

- a conditional threat: a statement that something will happen unless an actor acts
  ("Iran warned it would close the strait unless Washington lifted sanctions") is a
  threat from the speaker to that actor;
- blame: "X said Y bore responsibility for ...", "X held Y responsible for ..." is an
  accusation from X to Y;
- expulsion by order: "X ordered Y's ambassador to leave", "X declared Y's diplomats
  persona non grata" expels Y's diplomats.

The candidates have the shape of ``ingest.events.Candidate`` and are resolved and
coded by the pipeline like those of single triggers.
"""

import itertools
import tomllib
from collections.abc import Callable, Iterator
from functools import cache
from importlib.resources import files
from typing import Any

from spacy.tokens import Span, Token

from ingest.events import (
    Argument,
    Candidate,
    actors_in,
    conjuncts,
    is_passive,
    names_actor,
    subject_tokens,
)
from ingest.gazetteer import Gazetteer
from ingest.lexicon import TriggerRule, cameo_codes

# A construction's rule has no lemma of its own: it is coded with pos "C".
CONSTRUCTION_POS = "C"


@cache
def _data() -> dict[str, Any]:
    text = files("ingest").joinpath("data", "constructions.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _words(name: str, section: str | None = None) -> frozenset[str]:
    table = _data() if section is None else _data()[section]
    return frozenset(table[name])


@cache
def _rule(section: str, code_key: str = "cameo") -> TriggerRule:
    """Return the rule a construction codes its events with (``code_key`` picks the code)."""
    table = _data()[section]
    code = table[code_key]
    if code not in cameo_codes():
        raise ValueError(f"constructions.toml: unknown CAMEO code {code!r} in [{section}]")
    return TriggerRule(
        lemma=table["action"],
        pos=CONSTRUCTION_POS,
        target_slots=(),
        cameo=code,
        modality=table["modality"],
        weight=float(table["weight"]),
    )


SAYING_VERBS = _words("saying_verbs")
STATEMENT_NOUNS = _words("statement_nouns")
THREAT_VERBS = _words("threat_verbs", "conditional_threat")
CONSEQUENCE_AUX = _words("consequence_aux", "conditional_threat")
NEGATIVE_MARKS = _words("negative_marks", "conditional_threat")
CONDITIONAL_MARKS = _words("conditional_marks", "conditional_threat")
NEGATING_CONDITION_VERBS = _words("negating_condition_verbs", "conditional_threat")
MILITARY_WORDS = _words("military_words", "conditional_threat")
CESSATION_VERBS = _words("cessation_verbs", "conditional_threat")
BEARING_VERBS = _words("bearing_verbs", "blame")
RESPONSIBILITY_NOUNS = _words("responsibility_nouns", "blame")
HOLDING_VERBS = _words("holding_verbs", "blame")
LIABLE_ADJECTIVES = _words("liable_adjectives", "blame")
BLAME_VERBS = _words("blame_verbs", "blame")
DENYING_DETERMINERS = _words("denying_determiners", "blame")
ORDER_VERBS = _words("order_verbs", "expulsion")
DEPARTURE_VERBS = _words("departure_verbs", "expulsion")
LEFT_PLACES = _words("left_places", "expulsion")
DIPLOMAT_NOUNS = _words("diplomat_nouns", "expulsion")
DECLARING_VERBS = _words("declaring_verbs", "expulsion")
UNWELCOME_PHRASE: tuple[str, ...] = tuple(_data()["expulsion"]["unwelcome_phrase"])


# --- shared pieces ----------------------------------------------------------------------


def _actors(tokens: list[Token], gaz: Gazetteer, *, inherited: bool = False) -> list[Argument]:
    """Return the actors the noun phrases headed by ``tokens`` denote."""
    found = [a for t in dict.fromkeys(tokens) for a in actors_in(t, gaz)]
    return [Argument(a.mention, "inherited") for a in found] if inherited else found


def _trigger_text(tokens: list[Token]) -> str:
    """Return the words of a construction in sentence order, "..." marking each gap."""
    ordered = sorted(set(tokens), key=lambda t: t.i)
    words = [ordered[0].text]
    for prev, tok in itertools.pairwise(ordered):
        words.append(tok.text if tok.i == prev.i + 1 else f"... {tok.text}")
    return " ".join(words)


def _candidate(
    anchor: Token,
    words: list[Token],
    rule: TriggerRule,
    sources: list[Argument],
    targets: list[Argument],
) -> Candidate | None:
    """Return the candidate of a construction, or None when it lacks a source or a target.

    ``words`` are the construction's words; the first is its trigger. ``anchor`` is the
    verb whose clause tells negation, modality and date (the trigger, or the verb of a
    trigger noun: "issued a warning").
    """
    if not sources or not targets:
        return None
    text = _trigger_text([anchor, *words])
    return Candidate(words[0], text, rule, tuple(sources), tuple(targets), False, anchor)


def _own_subject(verb: Token) -> list[Token]:
    """Return the subject (or passive agent) of ``verb``'s own clause; none if inherited."""
    tokens, inherited = subject_tokens(verb)
    return [] if inherited else tokens


def _by_objects(head: Token) -> list[Token]:
    """Return the objects of a ``by`` on ``head``, agent or not ("a warning by Iran")."""
    return [
        t
        for c in head.children
        if c.dep_ in ("agent", "prep") and c.lower_ == "by"
        for p in c.children
        if p.dep_ == "pobj"
        for t in conjuncts(p)
    ]


def _agent_actors(verb: Token, predicate: Token, gaz: Gazetteer) -> list[Argument]:
    """Return the actors of ``verb``'s subject, or of the ``by`` agent of its passive.

    In "was held responsible by Israel", "were declared persona non grata by Moscow" the
    parser hangs the agent on the predicate after the verb.
    """
    tokens, inherited = subject_tokens(verb)
    if not tokens and is_passive(verb):
        tokens = _by_objects(predicate)
    return _actors(tokens, gaz, inherited=inherited)


def _speech_act(clause: Token) -> Token | None:
    """Return the saying verb or statement noun whose content is ``clause``, or None.

    "Israel said [Hamas bore responsibility]", "a warning [that it would strike]" and the
    parenthetical "[The ceasefire will end], Netanyahu said" all report a clause.
    """
    top = clause
    while top.dep_ == "conj" and top.head != top:
        if top.head.lemma_ in SAYING_VERBS and any(c.dep_ == "nsubj" for c in top.children):
            # "said the truce would end and the army would resume": the parser conjoins
            # the second reported clause with "said" itself.
            return top.head
        top = top.head
    head = top.head
    if top.dep_ == "ccomp" and head.pos_ == "VERB" and head.lemma_ in SAYING_VERBS:
        return head
    if top.dep_ in ("acl", "ccomp") and head.pos_ == "NOUN" and head.lemma_ in STATEMENT_NOUNS:
        return head
    return next(
        (
            c
            for c in top.children
            if c.dep_ in ("ccomp", "parataxis")
            and c.i > top.i
            and c.lemma_ in SAYING_VERBS
            and any(s.dep_ == "nsubj" for s in c.children)
        ),
        None,
    )


def _speaker(speech: Token, gaz: Gazetteer) -> tuple[list[Argument], Token]:
    """Return who makes a statement and the token that anchors it.

    A saying verb's subject speaks; a statement noun's possessor or ``by`` agent ("Iran's
    warning"), or the subject of the verb it is the object of ("Iran issued a warning").
    """
    if speech.pos_ != "NOUN":
        tokens, inherited = subject_tokens(speech)
        return _actors(tokens, gaz, inherited=inherited), speech
    owners = [t for c in speech.children if c.dep_ == "poss" for t in conjuncts(c)]
    owners += _by_objects(speech)
    if owners:
        return _actors(owners, gaz), speech
    if speech.dep_ == "dobj" and speech.head.pos_ == "VERB":
        tokens, inherited = subject_tokens(speech.head)
        return _actors(tokens, gaz, inherited=inherited), speech.head
    return [], speech


# --- conditional threat -----------------------------------------------------------------


def _negative_condition(clause: Token) -> Token | None:
    """Return the mark of an adverbial clause stating a negative condition, or None.

    "unless Hamas returns ...", "if NATO does not halt ...", "if Washington fails to lift ...".
    """
    if clause.dep_ != "advcl":
        return None
    negated = clause.lemma_ in NEGATING_CONDITION_VERBS or any(
        c.dep_ == "neg" for c in clause.children
    )
    for mark in (c for c in clause.children if c.dep_ == "mark"):
        if mark.lower_ in NEGATIVE_MARKS or (mark.lower_ in CONDITIONAL_MARKS and negated):
            return mark
    return None


def _is_consequence(clause: Token) -> bool:
    """Return True for a clause in the future or conditional ("the army would resume ...").

    A negated one threatens only when what will not stop is a harm ("would not stop
    fighting unless"); "would not send troops unless Congress approved" sets a condition.
    """
    return any(
        any(c.dep_ == "aux" and c.lower_ in CONSEQUENCE_AUX for c in t.children)
        and (t.lemma_ in CESSATION_VERBS or not any(c.dep_ == "neg" for c in t.children))
        for t in conjuncts(clause)
    )


def _threatening_statement(head: Token) -> tuple[Token, Token] | None:
    """Return the statement and its consequence clause for the clause a condition hangs on.

    The condition usually hangs on the consequence ("said [it would strike] unless ..."),
    sometimes on the saying verb itself, or on the infinitive of "threatened to".
    """
    if head.pos_ == "VERB" and head.lemma_ in SAYING_VERBS:
        consequence = next(
            (
                c
                for c in head.children
                if (c.dep_ == "ccomp" and _is_consequence(c))
                or (c.dep_ == "xcomp" and head.lemma_ in THREAT_VERBS)
            ),
            None,
        )
        return (head, consequence) if consequence is not None else None
    if head.dep_ == "xcomp" and head.head.lemma_ in THREAT_VERBS:
        return head.head, head
    if not _is_consequence(head):
        return None
    speech = _speech_act(head)
    return (speech, head) if speech is not None else None


def _is_military(consequence: Token, condition: Token) -> bool:
    """Return True when the consequence, outside its condition, speaks of force or war."""
    skip = {t.i for t in condition.subtree}
    return any(
        t.i not in skip and (t.lemma_.lower() in MILITARY_WORDS or t.lower_ in MILITARY_WORDS)
        for clause in conjuncts(consequence)
        for t in clause.subtree
    )


def _conditional_threat(condition: Token, gaz: Gazetteer) -> Candidate | None:
    """Return the threat of "X said Y would happen unless Z acted" at Z's clause, or None."""
    mark = _negative_condition(condition)
    if mark is None:
        return None
    found = _threatening_statement(condition.head)
    if found is None:
        return None
    speech, consequence = found
    sources, anchor = _speaker(speech, gaz)
    targets = _actors(_own_subject(condition), gaz)
    key = "military_cameo" if _is_military(consequence, condition) else "cameo"
    rule = _rule("conditional_threat", key)
    return _candidate(anchor, [speech, mark], rule, sources, targets)


# --- blame ------------------------------------------------------------------------------


def _blaming_clause(token: Token) -> Token | None:
    """Return the verb of a clause that puts the blame on its subject, from its key word.

    "Y bore (full) responsibility" from "responsibility"; "Y was to blame" from "blame".
    A denied responsibility ("bore no responsibility", "did not bear") blames no one.
    """
    head = token.head
    if token.lemma_ in RESPONSIBILITY_NOUNS and token.dep_ == "dobj":
        if head.lemma_ not in BEARING_VERBS:
            return None
        if any(c.dep_ == "det" and c.lower_ in DENYING_DETERMINERS for c in token.children):
            return None
        clause = head
    elif token.lemma_ in BLAME_VERBS and token.dep_ == "xcomp" and head.lemma_ == "be":
        clause = head
    else:
        return None
    return None if any(c.dep_ == "neg" for c in clause.children) else clause


def _reported_blame(token: Token, gaz: Gazetteer) -> Candidate | None:
    """Return the accusation of "X said Y bore responsibility" (or "was to blame"), or None."""
    clause = _blaming_clause(token)
    if clause is None:
        return None
    speech = _speech_act(clause)
    if speech is None:
        return None
    sources, anchor = _speaker(speech, gaz)
    targets = _actors(_own_subject(clause), gaz)
    words = [speech, clause, token, *(c for c in token.children if c.dep_ == "aux")]
    return _candidate(anchor, words, _rule("blame"), sources, targets)


def _held_responsible(verb: Token, gaz: Gazetteer) -> Candidate | None:
    """Return the accusation of "X held Y responsible for ...", or None."""
    if verb.pos_ != "VERB" or verb.lemma_ not in HOLDING_VERBS:
        return None
    verdict = next((c for c in verb.children if c.lemma_ in LIABLE_ADJECTIVES), None)
    if verdict is None or verdict.dep_ not in ("oprd", "acomp", "ccomp", "xcomp"):
        return None
    if is_passive(verb):
        held = [t for c in verb.children if c.dep_ == "nsubjpass" for t in conjuncts(c)]
    else:
        # "held Moscow responsible" (object), "holds India fully responsible" (clause subject)
        held = [t for c in verb.children if c.dep_ == "dobj" for t in conjuncts(c)]
        held = held or [t for c in verdict.children if c.dep_ == "nsubj" for t in conjuncts(c)]
    sources = _agent_actors(verb, verdict, gaz)
    return _candidate(verb, [verb, verdict], _rule("blame"), sources, _actors(held, gaz))


# --- expulsion --------------------------------------------------------------------------


def _owners(diplomat: Token, gaz: Gazetteer) -> list[Argument]:
    """Return the states or bodies a diplomat serves: "the EU's", "Russian", "of Ukraine".

    A possessive pronoun ("its ambassador") is left out: a state ordering its own envoy
    home recalls him, it expels no one.
    """
    owners: list[Token] = []
    for child in diplomat.children:
        possessor = child.dep_ == "poss" and child.pos_ != "PRON"
        if possessor or (child.dep_ in ("amod", "compound", "nmod") and names_actor(child, gaz)):
            owners.extend(conjuncts(child))
        elif child.dep_ == "prep" and child.lower_ in ("of", "from"):
            owners.extend(t for p in child.children if p.dep_ == "pobj" for t in conjuncts(p))
    return [Argument(a.mention, "inside") for a in _actors(owners, gaz)]


def _diplomats(tokens: list[Token]) -> list[Token]:
    return [t for tok in tokens for t in conjuncts(tok) if t.lemma_.lower() in DIPLOMAT_NOUNS]


def _leaves_the_country(departure: Token) -> bool:
    """Return True when "leave" has no object or leaves a state ("the country", "Russia")."""
    left = [c for c in departure.children if c.dep_ == "dobj"]
    return not any(c.dep_ == "neg" for c in departure.children) and all(
        t.lemma_.lower() in LEFT_PLACES or t.ent_type_ in ("GPE", "LOC") for t in left
    )


def _departure(verb: Token) -> Token | None:
    """Return the "leave" an order verb or its object governs ("gave him 72 hours to leave")."""
    heads = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "dative", "npadvmod"))]
    for head in heads:
        for child in head.children:
            if (
                child.dep_ in ("xcomp", "advcl", "acl", "relcl", "ccomp")
                and child.lemma_ in DEPARTURE_VERBS
                and _leaves_the_country(child)
            ):
                return child
    return None


def _ordered_to_leave(verb: Token, gaz: Gazetteer) -> Candidate | None:
    """Return the expulsion of "X ordered Y's ambassador to leave (within 72 hours)", or None."""
    if verb.pos_ != "VERB" or verb.lemma_ not in ORDER_VERBS:
        return None
    object_deps = ("nsubjpass",) if is_passive(verb) else ("dobj", "dative")
    diplomats = _diplomats([c for c in verb.children if c.dep_ in object_deps])
    departure = _departure(verb)
    if not diplomats or departure is None:
        return None
    sources = _agent_actors(verb, departure, gaz)
    targets = [a for d in diplomats for a in _owners(d, gaz)]
    words = [verb, departure, *(c for c in departure.children if c.dep_ == "aux")]
    return _candidate(verb, words, _rule("expulsion"), sources, targets)


def _unwelcome_phrase(start: Token) -> list[Token]:
    """Return the tokens of "persona non grata" starting at ``start``, or []."""
    doc = start.doc
    end = start.i + len(UNWELCOME_PHRASE)
    if end > len(doc) or [t.lower_ for t in doc[start.i : end]] != list(UNWELCOME_PHRASE):
        return []
    return list(doc[start.i : end])


def _declared_unwelcome(start: Token, gaz: Gazetteer) -> Candidate | None:
    """Return the expulsion of "X declared Y's diplomats persona non grata", or None."""
    phrase = _unwelcome_phrase(start)
    if not phrase:
        return None
    # The parser makes a verb or a noun of "persona"; the declaring verb is above it.
    verb = next((t for t in start.ancestors if t.lemma_ in DECLARING_VERBS), None)
    if verb is None or verb.pos_ != "VERB":
        return None
    if is_passive(verb):
        diplomats = _diplomats([c for c in verb.children if c.dep_ == "nsubjpass"])
    else:
        # "declared two diplomats persona non grata", "declared persona non grata two diplomats"
        after = [t for t in verb.subtree if t.i > verb.i and t not in phrase and t.dep_ != "conj"]
        diplomats = _diplomats(after)
    sources = _agent_actors(verb, start, gaz)
    targets = [a for d in diplomats for a in _owners(d, gaz)]
    return _candidate(verb, [verb, *phrase], _rule("expulsion"), sources, targets)


# --- entry point ------------------------------------------------------------------------

FINDERS: tuple[Callable[[Token, Gazetteer], Candidate | None], ...] = (
    _conditional_threat,
    _reported_blame,
    _held_responsible,
    _ordered_to_leave,
    _declared_unwelcome,
)


def construction_candidates(sentence: Span, gaz: Gazetteer) -> Iterator[Candidate]:
    """Yield the event candidates of the multi-word constructions in one parsed sentence.

    Each construction is looked for at its key token (the condition clause, the
    responsibility noun, the order verb ...), so candidates come in the order of those
    tokens; a candidate's ``rule`` has pos ``C`` and its ``action`` as lemma.
    """
    for tok in sentence:
        for find in FINDERS:
            cand = find(tok, gaz)
            if cand is not None:
                yield cand
