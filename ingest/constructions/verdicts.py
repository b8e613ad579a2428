"""Verdicts in reported speech: "X said Y's actions were unacceptable".

A statement that names someone (or their act) with a judgement word of the lexicon
(pos ``J`` in ``triggers.csv``: "unacceptable", "a mistake", "aggression") is coded as
that word is, from the speaker to the one judged: "Bush said Russia's actions were
unacceptable" is criticism of Russia. Judging verbs with an object ("called the
launch unacceptable") are the trigger lexicon's (``verb_triggers``); this covers the
copula and its kin ("was", "amounted to", "constituted"). A denied legitimacy word
("the coup was not legal") is criticism; any other denied verdict codes nothing. The
words live in the ``[verdict]`` table of ``ingest/data/constructions.toml``.
"""

from spacy.tokens import Token

from diplograph.ingest.constructions.parties import (
    actors,
    candidate,
    own_subject,
    speaker,
    speech_act,
)
from diplograph.ingest.constructions.words import construction_rule, construction_words
from diplograph.ingest.events import Candidate
from diplograph.ingest.gazetteer import Gazetteer
from diplograph.ingest.lexicon import TriggerRule, rules_for

COPULAS = construction_words("copulas", "verdict")
AMOUNTING_VERBS = construction_words("amounting_verbs", "verdict")
CONSTITUTING_VERBS = construction_words("constituting_verbs", "verdict")
LEGITIMACY_WORDS = construction_words("legitimacy_words", "verdict")


def _verdict_clause(word: Token) -> Token | None:
    """Return the verb that states ``word`` as a verdict on its subject, or None.

    "were [unacceptable]", "was [a mistake]", "amounted to [genocide]", "constituted
    [aggression]".
    """
    head = word.head
    if word.dep_ in ("acomp", "attr") and head.lemma_ in COPULAS:
        return head
    if word.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_ in AMOUNTING_VERBS:
        return head.head
    if word.dep_ == "dobj" and head.lemma_ in CONSTITUTING_VERBS:
        return head
    return None


def _verdict_rule(word: Token, clause: Token) -> TriggerRule | None:
    """Return how the verdict is coded, or None when it codes nothing."""
    denied = any(c.dep_ == "neg" for c in (*clause.children, *word.children))
    if denied:
        return construction_rule("verdict") if word.lemma_ in LEGITIMACY_WORDS else None
    rules = rules_for(word.lemma_, "J")
    return rules[0] if rules else None


def reported_verdict(word: Token, gaz: Gazetteer) -> Candidate | None:
    """Return the judgement of "X said Y's actions were unacceptable", or None."""
    if word.pos_ not in ("ADJ", "NOUN", "PROPN"):
        return None
    clause = _verdict_clause(word)
    if clause is None:
        return None
    rule = _verdict_rule(word, clause)
    if rule is None:
        return None
    speech = speech_act(clause)
    if speech is None:
        return None
    sources, anchor = speaker(speech, gaz)
    targets = actors(own_subject(clause), gaz)
    return candidate(anchor, [speech, clause, word], rule, sources, targets)
