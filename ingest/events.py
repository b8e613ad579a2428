"""Event candidates: a trigger with the actor mentions that fill its source and target slots.

Every candidate finder yields these for the pipeline to resolve, code and date: single
trigger verbs and nouns (``ingest.triggers``), multi-word constructions
(``ingest.constructions``) and predicate adjectives (``ingest.adjectives``). Their
arguments are found on the dependency parse by ``ingest.arguments``.
"""

from dataclasses import dataclass

from spacy.tokens import Token

from diplograph.ingest.lexicon import TriggerRule
from diplograph.ingest.types import Mention


@dataclass(frozen=True)
class Argument:
    """An actor mention filling a slot, and how directly the parse gives it."""

    mention: Mention
    via: str  # direct | inside | inherited | pair


@dataclass(frozen=True)
class Candidate:
    """A coded trigger with its source and target arguments."""

    trigger: Token
    trigger_text: str
    rule: TriggerRule
    sources: tuple[Argument, ...]
    targets: tuple[Argument, ...]
    pairwise: bool
    anchor: Token
    # "Iran warned it would strike U.S. bases": the targets hold only if this subject of
    # the warned clause is the speaker's own side.
    own_side: Token | None = None
