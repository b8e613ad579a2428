"""Event candidates of single trigger words: each verb or noun the lexicon codes.

Verbs are read by ``ingest.verb_triggers``, nouns by ``ingest.noun_triggers``.
"""

from collections.abc import Iterator

from spacy.tokens import Span

from diplograph.ingest.events import Candidate
from diplograph.ingest.gazetteer import Gazetteer
from diplograph.ingest.noun_triggers import noun_candidate
from diplograph.ingest.verb_triggers import verb_candidate


def candidates(sentence: Span, gaz: Gazetteer) -> Iterator[Candidate]:
    """Yield the event candidates of one parsed sentence, in trigger order."""
    for tok in sentence:
        if tok.pos_ == "VERB":
            cand = verb_candidate(tok, gaz)
        elif tok.pos_ in ("NOUN", "PROPN"):
            cand = noun_candidate(tok, gaz)
        else:
            cand = None
        if cand is not None:
            yield cand
