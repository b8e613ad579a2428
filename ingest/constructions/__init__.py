"""Event candidates from multi-word constructions the single-trigger lexicon cannot express.

Each construction is a general pattern over the dependency parse; the words it looks
for live in ``ingest/data/constructions.toml`` (read by ``words``):

- a conditional threat (``threats``): a statement that something will happen unless an
  actor acts ("Iran warned it would close the strait unless Washington lifted
  sanctions") is a threat from the speaker to that actor;
- blame (``blame``): "X said Y bore responsibility for ...", "X held Y responsible for
  ..." is an accusation from X to Y;
- expulsion by order (``expulsion``): "X ordered Y's ambassador to leave", "X declared
  Y's diplomats persona non grata" expels Y's diplomats;
- a verdict in reported speech (``verdicts``): "X said Y's actions were unacceptable" is
  criticism of Y, coded as the judgement word is;
- a reaction received (``reactions``): "Y's decision drew criticism from X" is X's
  criticism of Y, coded as the reaction noun is.

Who the parties are and how a candidate is made of them is shared (``parties``). The
candidates have the shape of ``ingest.events.Candidate`` and are resolved and coded by
the pipeline like those of single triggers.
"""

from collections.abc import Callable, Iterator

from spacy.tokens import Span, Token

from diplograph.ingest.constructions.blame import held_responsible, reported_blame
from diplograph.ingest.constructions.expulsion import declared_unwelcome, ordered_to_leave
from diplograph.ingest.constructions.reactions import received_reaction
from diplograph.ingest.constructions.threats import conditional_threat
from diplograph.ingest.constructions.verdicts import reported_verdict
from diplograph.ingest.events import Candidate
from diplograph.ingest.gazetteer import Gazetteer

FINDERS: tuple[Callable[[Token, Gazetteer], Candidate | None], ...] = (
    conditional_threat,
    reported_blame,
    held_responsible,
    ordered_to_leave,
    declared_unwelcome,
    reported_verdict,
    received_reaction,
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
