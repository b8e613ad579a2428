"""Blame: "X said Y bore responsibility for ...", "X held Y responsible for ...".

Either is an accusation from X to Y; a denied responsibility ("bore no responsibility")
blames no one. The words live in the ``[blame]`` table of
``ingest/data/constructions.toml``.
"""

from spacy.tokens import Token

from diplograph.ingest.arguments import conjuncts, is_passive
from diplograph.ingest.constructions.parties import (
    actors,
    agent_actors,
    candidate,
    own_subject,
    speaker,
    speech_act,
)
from diplograph.ingest.constructions.words import construction_rule, construction_words
from diplograph.ingest.events import Candidate
from diplograph.ingest.gazetteer import Gazetteer

BEARING_VERBS = construction_words("bearing_verbs", "blame")
RESPONSIBILITY_NOUNS = construction_words("responsibility_nouns", "blame")
HOLDING_VERBS = construction_words("holding_verbs", "blame")
LIABLE_ADJECTIVES = construction_words("liable_adjectives", "blame")
BLAME_VERBS = construction_words("blame_verbs", "blame")
DENYING_DETERMINERS = construction_words("denying_determiners", "blame")


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


def reported_blame(token: Token, gaz: Gazetteer) -> Candidate | None:
    """Return the accusation of "X said Y bore responsibility" (or "was to blame"), or None."""
    clause = _blaming_clause(token)
    if clause is None:
        return None
    speech = speech_act(clause)
    if speech is None:
        return None
    sources, anchor = speaker(speech, gaz)
    targets = actors(own_subject(clause), gaz)
    words = [speech, clause, token, *(c for c in token.children if c.dep_ == "aux")]
    return candidate(anchor, words, construction_rule("blame"), sources, targets)


def held_responsible(verb: Token, gaz: Gazetteer) -> Candidate | None:
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
    sources = agent_actors(verb, verdict, gaz)
    return candidate(verb, [verb, verdict], construction_rule("blame"), sources, actors(held, gaz))
