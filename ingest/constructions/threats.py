"""Conditional threats: a statement that something will happen unless an actor acts.

"Iran warned it would close the strait unless Washington lifted sanctions" is a threat
from the speaker (Iran) to the actor of the condition (Washington), coded as a military
threat when what will happen speaks of force or war. The words live in the
``[conditional_threat]`` table of ``ingest/data/constructions.toml``.
"""

from spacy.tokens import Token

from diplograph.ingest.arguments import conjuncts
from diplograph.ingest.constructions.parties import (
    SAYING_VERBS,
    actors,
    candidate,
    own_subject,
    speaker,
    speech_act,
)
from diplograph.ingest.constructions.words import construction_rule, construction_words
from diplograph.ingest.events import Candidate
from diplograph.ingest.gazetteer import Gazetteer

THREAT_VERBS = construction_words("threat_verbs", "conditional_threat")
CONSEQUENCE_AUX = construction_words("consequence_aux", "conditional_threat")
NEGATIVE_MARKS = construction_words("negative_marks", "conditional_threat")
CONDITIONAL_MARKS = construction_words("conditional_marks", "conditional_threat")
NEGATING_CONDITION_VERBS = construction_words("negating_condition_verbs", "conditional_threat")
MILITARY_WORDS = construction_words("military_words", "conditional_threat")
CESSATION_VERBS = construction_words("cessation_verbs", "conditional_threat")


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
    if head.dep_ == "xcomp" and head.head != head and not _is_consequence(head):
        head = head.head  # "would not hesitate to [impose sanctions] if ...": the outer verb
    if not _is_consequence(head):
        return None
    speech = speech_act(head)
    return (speech, head) if speech is not None else None


def _is_military(consequence: Token, condition: Token) -> bool:
    """Return True when the consequence, outside its condition, speaks of force or war."""
    skip = {t.i for t in condition.subtree}
    return any(
        t.i not in skip and (t.lemma_.lower() in MILITARY_WORDS or t.lower_ in MILITARY_WORDS)
        for clause in conjuncts(consequence)
        for t in clause.subtree
    )


def conditional_threat(condition: Token, gaz: Gazetteer) -> Candidate | None:
    """Return the threat of "X said Y would happen unless Z acted" at Z's clause, or None."""
    mark = _negative_condition(condition)
    if mark is None:
        return None
    found = _threatening_statement(condition.head)
    if found is None:
        return None
    speech, consequence = found
    sources, anchor = speaker(speech, gaz)
    targets = actors(own_subject(condition), gaz)
    key = "military_cameo" if _is_military(consequence, condition) else "cameo"
    rule = construction_rule("conditional_threat", key)
    return candidate(anchor, [speech, mark], rule, sources, targets)
