"""Factuality of an event: negation and modality, read off the trigger's clause."""

import itertools

from spacy.tokens import Token

from diplograph.ingest.arguments import misattached_conj
from diplograph.ingest.lexicon import TriggerRule, readiness_adjectives
from diplograph.ingest.wordlists import wordlist

NEGATING_VERBS = wordlist("negating_verbs")
INTENT_VERBS = wordlist("intent_verbs")
APPEAL_VERBS = wordlist("appeal_verbs")
REPORT_VERBS = wordlist("report_verbs")
CLAIM_NOUNS = frozenset(
    {"accusation", "allegation", "claim", "report", "rumor", "rumour", "speculation", "charge"}
)
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "would"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})


def _clause_chain(token: Token) -> list[Token]:
    """Return the token and the clauses it depends on, up to the sentence root.

    A verb the parser hung under the wrong clause ("denied that the drone had crossed
    the border and accused Algiers") is followed to the clause it continues.
    """
    chain = [token]
    while len(chain) < 12:
        # A verb the parser hung in the wrong clause belongs to the one it continues.
        head = misattached_conj(chain[-1]) or chain[-1].head
        if head == chain[-1]:
            break
        chain.append(head)
    return chain


def is_negated(anchor: Token) -> bool:
    """Return True when the clause of ``anchor`` is negated ("did not meet", "refused to meet")."""
    if any(c.dep_ == "neg" for c in anchor.children):
        return True
    if anchor.head != anchor and anchor.dep_ == "xcomp" and anchor.head.lemma_ in NEGATING_VERBS:
        return True
    if any(c.lower_ in ("no", "never") and c.dep_ in ("det", "neg") for c in anchor.children):
        return True
    # "Iran denied that it had seized the ship", "denied accusations that it supplies arms"
    chain = _clause_chain(anchor)
    return any(
        child.dep_ in ("ccomp", "acl", "dobj") and head.lemma_ == "deny" and head.pos_ == "VERB"
        for child, head in itertools.pairwise(chain[:6])
    )


def modality(anchor: Token, rule: TriggerRule, speaker_is_participant: bool) -> str:
    """Return asserted, intended, requested, reported or hypothetical for the event at ``anchor``.

    ``speaker_is_participant`` tells whether the one who reports the event (the
    subject of a governing "said") is one of its actors, in which case it is
    not merely reported.
    """
    if rule.modality != "asserted":
        return rule.modality
    aux = {c.lower_ for c in anchor.children if c.dep_ in ("aux", "auxpass")}
    chain = _clause_chain(anchor)
    for tok in chain:
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in tok.children):
            return "hypothetical"
    if aux & FUTURE_AUX:
        return "intended"
    if aux & HYPOTHETICAL_AUX:
        return "hypothetical"
    for child, head in itertools.pairwise(chain):
        if child.dep_ in ("acl", "ccomp") and head.pos_ == "NOUN" and head.lemma_ in CLAIM_NOUNS:
            return "reported"  # "accusations that it supplies weapons"
        if child.dep_ in ("xcomp", "ccomp", "pobj", "dobj") and head.lemma_ in INTENT_VERBS:
            return "intended"
        if child.dep_ == "xcomp" and head.lower_ in readiness_adjectives():
            return "intended"  # "ready to travel to Tehran to meet officials"
        if child.dep_ in ("xcomp", "ccomp", "prep", "dobj") and head.lemma_ in APPEAL_VERBS:
            return "requested"
        if child.dep_ == "ccomp" and head.lemma_ in REPORT_VERBS and not speaker_is_participant:
            return "reported"
    return "asserted"


def reporting_speaker(anchor: Token) -> Token | None:
    """Return the subject of the reporting verb governing ``anchor`` ("media reported X met Y")."""
    for child, head in itertools.pairwise(_clause_chain(anchor)):
        if child.dep_ == "ccomp" and head.lemma_ in REPORT_VERBS:
            return next((c for c in head.children if c.dep_ == "nsubj"), None)
    return None


REFUSED_ROOTS = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124"}
VOLITIONAL_AUX = frozenset({"would", "will", "wo", "shall"})


def refusal_code(anchor: Token, cameo: str) -> str | None:
    """Return the CAMEO reject code for a refused cooperative act, or None.

    "refused to meet X" and "would not sign the deal" are rejections (12x), not
    negated meetings or signings; "did not meet" stays a negated meeting.
    """
    code = REFUSED_ROOTS.get(cameo[:2])
    if code is None:
        return None
    refused = anchor.dep_ == "xcomp" and anchor.head.lemma_ in ("refuse", "decline", "reject")
    aux = {c.lower_ for c in anchor.children if c.dep_ == "aux"}
    wont = any(c.dep_ == "neg" for c in anchor.children) and bool(aux & VOLITIONAL_AUX)
    return code if refused or wont else None
