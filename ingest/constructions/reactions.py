"""Reactions received: "Britain's decision drew sharp criticism from Argentina".

A verb whose subject receives something ("drew", "faced", "sparked", "came under")
with a reaction noun of the lexicon (pos ``N``: criticism, praise, a protest, a call)
and a ``from`` actor is that actor's event towards the subject, or towards the actor
the subject holds ("Britain's decision"). The words live in the ``[reaction]`` table of
``ingest/data/constructions.toml``.
"""

from spacy.tokens import Token

from diplograph.ingest.arguments import pobjs
from diplograph.ingest.constructions.parties import actors, candidate, own_subject
from diplograph.ingest.constructions.words import construction_words
from diplograph.ingest.events import Candidate
from diplograph.ingest.gazetteer import Gazetteer
from diplograph.ingest.lexicon import TriggerRule, rules_for

RECEIVING_VERBS = construction_words("receiving_verbs", "reaction")
UNDER_VERBS = construction_words("under_verbs", "reaction")
ROOTS = construction_words("roots", "reaction")


def _receiving_verb(noun: Token) -> Token | None:
    """Return the verb whose subject receives ``noun``: "drew [criticism]", "came under [it]"."""
    head = noun.head
    if noun.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_ in RECEIVING_VERBS:
        return head
    if noun.dep_ == "pobj" and head.lower_ in ("with", "under") and head.head.pos_ == "VERB":
        verb = head.head
        if (head.lower_ == "with" and verb.lemma_ == "meet") or (
            head.lower_ == "under" and verb.lemma_ in UNDER_VERBS
        ):
            return verb
    return None


def _reaction_rule(noun: Token) -> TriggerRule | None:
    """Return the first rule of ``noun`` whose root a reaction may code, or None."""
    return next((r for r in rules_for(noun.lemma_, "N") if r.cameo[:2] in ROOTS), None)


def received_reaction(noun: Token, gaz: Gazetteer) -> Candidate | None:
    """Return the event of "X drew criticism from Y" (Y towards X), or None."""
    if noun.pos_ != "NOUN":
        return None
    verb = _receiving_verb(noun)
    if verb is None:
        return None
    rule = _reaction_rule(noun)
    if rule is None:
        return None
    froms = [c for head in (noun, verb) for c in head.children if c.lower_ == "from"]
    senders = [t for prep in froms for t in pobjs(prep)]
    sources = actors(senders, gaz)
    targets = actors(own_subject(verb), gaz)
    return candidate(verb, [noun, verb], rule, sources, targets)
