"""Multi-word constructions (ingest.constructions): conditional threats, blame, expulsions.

Hand-built parses pin the rules without the model; the sentences after them, written
for these tests, go through the real spaCy model (slow).
"""

import pytest
from spacy.vocab import Vocab

from diplograph.ingest.constructions import construction_candidates
from diplograph.ingest.events import Argument, Candidate
from diplograph.ingest.gazetteer import Gazetteer, gazetteer
from diplograph.ingest.nlp import get_nlp
from tests.parses import Row, make_doc

# (trigger text, CAMEO code, source names, target names)
Found = tuple[str, str, tuple[str, ...], tuple[str, ...]]


def names(args: tuple[Argument, ...]) -> tuple[str, ...]:
    """Return the names of the arguments' mentions (their text when they name no one)."""
    return tuple(a.mention.name or a.mention.text for a in args)


def summary(cand: Candidate) -> Found:
    return (cand.trigger_text, cand.rule.cameo, names(cand.sources), names(cand.targets))


def parsed(text: str) -> list[Candidate]:
    """Return the construction candidates of every sentence of ``text``, parsed by the model."""
    gaz = gazetteer()
    return [c for sent in get_nlp()(text).sents for c in construction_candidates(sent, gaz)]


def found(text: str) -> set[Found]:
    """Return (trigger text, CAMEO code, sources, targets) of every candidate of ``text``."""
    return {summary(c) for c in parsed(text)}


# --- hand-built parses ------------------------------------------------------------------

# "Iran warned it would close the strait unless Washington lifted sanctions ."
WARNED_ROWS: list[Row] = [
    ("Iran", "Iran", "PROPN", "NNP", "nsubj", 1, "B-GPE"),
    ("warned", "warn", "VERB", "VBD", "ROOT", 1, "O"),
    ("it", "it", "PRON", "PRP", "nsubj", 4, "O"),
    ("would", "would", "AUX", "MD", "aux", 4, "O"),
    ("close", "close", "VERB", "VB", "ccomp", 1, "O"),
    ("the", "the", "DET", "DT", "det", 6, "O"),
    ("strait", "strait", "NOUN", "NN", "dobj", 4, "O"),
    ("unless", "unless", "SCONJ", "IN", "mark", 9, "O"),
    ("Washington", "Washington", "PROPN", "NNP", "nsubj", 9, "B-GPE"),
    ("lifted", "lift", "VERB", "VBD", "advcl", 4, "O"),
    ("sanctions", "sanction", "NOUN", "NNS", "dobj", 9, "O"),
    (".", ".", "PUNCT", ".", "punct", 1, "O"),
]


def test_unless_clause_of_a_warning_is_a_threat_to_its_subject(
    vocab: Vocab, gaz: Gazetteer
) -> None:
    [cand] = construction_candidates(make_doc(vocab, WARNED_ROWS)[:], gaz)
    assert summary(cand) == ("warned ... unless", "130", ("Iran",), ("United States",))
    assert (cand.trigger.text, cand.anchor.text, cand.pairwise) == ("warned", "warned", False)
    assert (cand.rule.lemma, cand.rule.pos, cand.rule.modality) == ("threaten", "C", "asserted")
    assert [a.via for a in (*cand.sources, *cand.targets)] == ["direct", "direct"]


def test_without_a_future_consequence_there_is_no_threat(vocab: Vocab, gaz: Gazetteer) -> None:
    # "Iran warned it closed the strait unless ...": a past fact, not a consequence.
    rows = [r for r in WARNED_ROWS if r[0] != "would"]
    rows = [(w, lem, p, t, d, h - 1 if h > 3 else h, e) for w, lem, p, t, d, h, e in rows]
    assert list(construction_candidates(make_doc(vocab, rows)[:], gaz)) == []


# "Two Estonian diplomats were declared persona non grata by Moscow ."
DECLARED_ROWS: list[Row] = [
    ("Two", "two", "NUM", "CD", "nummod", 2, "B-CARDINAL"),
    ("Estonian", "estonian", "ADJ", "JJ", "amod", 2, "B-NORP"),
    ("diplomats", "diplomat", "NOUN", "NNS", "nsubjpass", 4, "O"),
    ("were", "be", "AUX", "VBD", "auxpass", 4, "O"),
    ("declared", "declare", "VERB", "VBN", "ROOT", 4, "O"),
    ("persona", "persona", "NOUN", "NN", "oprd", 4, "O"),
    ("non", "non", "ADJ", "AFX", "amod", 7, "O"),
    ("grata", "grata", "NOUN", "NN", "dobj", 5, "O"),
    ("by", "by", "ADP", "IN", "prep", 5, "O"),
    ("Moscow", "Moscow", "PROPN", "NNP", "pobj", 8, "B-GPE"),
    (".", ".", "PUNCT", ".", "punct", 4, "O"),
]


def test_passive_persona_non_grata_expels_the_diplomats_state(vocab: Vocab, gaz: Gazetteer) -> None:
    [cand] = construction_candidates(make_doc(vocab, DECLARED_ROWS)[:], gaz)
    assert summary(cand) == ("declared persona non grata", "174", ("Russia",), ("Estonia",))
    assert (cand.rule.lemma, [a.via for a in cand.targets]) == ("expel", ["inside"])


# "Pakistan holds India fully responsible for the violence ."
HOLDS_ROWS: list[Row] = [
    ("Pakistan", "Pakistan", "PROPN", "NNP", "nsubj", 1, "B-GPE"),
    ("holds", "hold", "VERB", "VBZ", "ROOT", 1, "O"),
    ("India", "India", "PROPN", "NNP", "nsubj", 4, "B-GPE"),
    ("fully", "fully", "ADV", "RB", "advmod", 4, "O"),
    ("responsible", "responsible", "ADJ", "JJ", "ccomp", 1, "O"),
    ("for", "for", "ADP", "IN", "prep", 4, "O"),
    ("the", "the", "DET", "DT", "det", 7, "O"),
    ("violence", "violence", "NOUN", "NN", "pobj", 5, "O"),
    (".", ".", "PUNCT", ".", "punct", 1, "O"),
]


def test_held_responsible_as_a_clause_is_blame(vocab: Vocab, gaz: Gazetteer) -> None:
    [cand] = construction_candidates(make_doc(vocab, HOLDS_ROWS)[:], gaz)
    assert summary(cand) == ("holds ... responsible", "112", ("Pakistan",), ("India",))
    assert cand.rule.lemma == "blame"


# --- conditional threats (model) --------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Netanyahu said the ceasefire would end and the army would resume intense "
            "fighting unless Hamas returned the hostages by Saturday.",
            ("said ... unless", "138", ("Netanyahu",), ("Hamas",)),
        ),
        (
            "Iran warned it would close the strait unless Washington lifted sanctions.",
            ("warned ... unless", "130", ("Iran",), ("United States",)),
        ),
        (
            "The army will resume its offensive unless Hamas frees the hostages, "
            "Israeli Defense Minister Yoav Gallant said on Sunday.",
            ("unless ... said", "138", ("Yoav Gallant",), ("Hamas",)),
        ),
        (
            "Russian Foreign Minister Sergei Lavrov warned that Moscow will respond "
            "militarily if NATO does not halt its expansion.",
            ("warned ... if", "138", ("Sergei Lavrov",), ("NATO",)),
        ),
        (
            "Beijing warned that it would impose tariffs if Washington fails to lift the "
            "restrictions.",
            ("warned ... if", "130", ("China",), ("United States",)),
        ),
        (
            "North Korea has said it will launch strikes on Seoul unless South Korea stops "
            "the drills.",
            ("said ... unless", "138", ("North Korea",), ("South Korea",)),
        ),
        (
            "Turkey told Sweden it would block its NATO bid unless Stockholm cracked down "
            "on Kurdish militants.",
            ("told ... unless", "130", ("Turkey",), ("Sweden",)),
        ),
        (
            "Iran threatened to close the Strait of Hormuz unless Washington lifted the sanctions.",
            ("threatened ... unless", "130", ("Iran",), ("United States",)),
        ),
        (
            "Hamas vowed to keep fighting unless Israel withdrew from Gaza.",
            ("vowed ... unless", "138", ("Hamas",), ("Israel",)),
        ),
        (
            # The parser conjoins the second reported clause with "said".
            "Russian Foreign Minister Sergei Lavrov said on Monday that the talks would end "
            "and Russian forces would resume their offensive unless Kyiv withdrew its troops.",
            ("said ... unless", "138", ("Sergei Lavrov",), ("Ukraine",)),
        ),
        (
            # "would not hesitate to" is a double negation: it will.
            "Britain said it would not hesitate to impose sanctions if Russia did not "
            "withdraw its troops.",
            ("said ... if", "130", ("United Kingdom",), ("Russia",)),
        ),
        (
            # What will not stop is a harm.
            "Israel said it would not stop fighting unless Hamas released the hostages.",
            ("said ... unless", "138", ("Israel",), ("Hamas",)),
        ),
    ],
)
def test_conditional_threat(text: str, expected: Found) -> None:
    assert found(text) == {expected}


@pytest.mark.slow
def test_threat_in_a_statement_noun_is_anchored_on_its_verb() -> None:
    [cand] = parsed(
        "Iran issued a warning that it would attack Israel unless Washington restrained its ally."
    )
    assert summary(cand) == (
        "issued ... warning ... unless",
        "138",
        ("Iran",),
        ("United States",),
    )
    assert (cand.trigger.text, cand.anchor.text) == ("warning", "issued")


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        # No actor in the condition.
        "Russia said talks would continue unless weather intervened.",
        "Iran issued a warning that it would attack Israel unless the strikes stopped.",
        # A positive condition ("if Israel struck") is not an "unless".
        "Iran said it would attack Israel if Israel struck its nuclear sites.",
        # No one says it.
        "The ceasefire will end unless Hamas returns the hostages.",
        # A condition on one's own act, not a threat to Congress.
        "The president said he would not send troops unless Congress approved.",
        # Not a consequence: what happened after a refusal.
        "Netanyahu said the army resumed fighting after Hamas refused to return the hostages.",
    ],
)
def test_not_a_conditional_threat(text: str) -> None:
    assert found(text) == set()


# --- blame (model) ----------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Israel said Hamas bore full responsibility for the attack.",
            ("said ... bore ... responsibility", "112", ("Israel",), ("Hamas",)),
        ),
        (
            "The Kremlin says Kyiv bears responsibility for the strike on the bridge.",
            ("says ... bears responsibility", "112", ("Russia",), ("Ukraine",)),
        ),
        (
            "Hamas bears full responsibility for the hostages, Israeli Prime Minister "
            "Benjamin Netanyahu said.",
            ("bears ... responsibility ... said", "112", ("Benjamin Netanyahu",), ("Hamas",)),
        ),
        (
            "The White House said Iran was to blame for the attacks.",
            ("said ... was to blame", "112", ("United States",), ("Iran",)),
        ),
        (
            "Ukrainian President Volodymyr Zelensky held Moscow responsible for the blackout.",
            ("held ... responsible", "112", ("Volodymyr Zelensky",), ("Russia",)),
        ),
        (
            "Pakistan holds India fully responsible for the violence.",
            ("holds ... responsible", "112", ("Pakistan",), ("India",)),
        ),
        (
            "Hamas was held responsible by Israel for the deaths.",
            ("held responsible", "112", ("Israel",), ("Hamas",)),
        ),
        (
            "The EU will hold Russia accountable for the attack, von der Leyen said.",
            ("hold ... accountable", "112", ("European Union",), ("Russia",)),
        ),
    ],
)
def test_blame(text: str, expected: Found) -> None:
    assert found(text) == {expected}


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Egypt held talks with Qatar on Monday.",
        "Israel said it bore no responsibility for the blast.",
        "Israel said Hamas did not bear responsibility for the blast.",
        # Nobody is quoted laying the blame.
        "Hamas bears responsibility for the hostages.",
    ],
)
def test_not_blame(text: str) -> None:
    assert found(text) == set()


# --- expulsion by order (model) ---------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mali ordered the French ambassador to leave the country within 72 hours.",
            ("ordered ... to leave", "174", ("Mali",), ("France",)),
        ),
        (
            "The Malian government ordered the EU's ambassador to leave the country within "
            "72 hours.",
            ("ordered ... to leave", "174", ("Malian government",), ("European Union",)),
        ),
        (
            "Moscow gave two Polish diplomats 48 hours to leave Russia.",
            ("gave ... to leave", "174", ("Russia",), ("Poland",)),
        ),
        (
            "Beijing told Canada's envoy to leave the country.",
            ("told ... to leave", "174", ("China",), ("Canada",)),
        ),
        (
            "Moscow has ordered the ambassadors of Latvia and Estonia to leave Russia.",
            ("ordered ... to leave", "174", ("Russia",), ("Latvia", "Estonia")),
        ),
        (
            "The Russian and Belarusian ambassadors were told to leave the country by Lithuania.",
            ("told to leave", "174", ("Lithuania",), ("Russia", "Belarus")),
        ),
        (
            "Niger declared the French ambassador persona non grata.",
            ("declared ... persona non grata", "174", ("Niger",), ("France",)),
        ),
        (
            "The Kremlin declared two Estonian diplomats persona non grata on Tuesday.",
            ("declared ... persona non grata", "174", ("Russia",), ("Estonia",)),
        ),
        (
            "Ghana declared persona non grata two Nigerian diplomats.",
            ("declared persona non grata", "174", ("Ghana",), ("Nigeria",)),
        ),
    ],
)
def test_expulsion(text: str, expected: Found) -> None:
    assert found(text) == {expected}


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The ambassador left the country.",
        # Its own envoy: a recall, not an expulsion.
        "France ordered its ambassador to leave Niger.",
        "Mali ordered the French ambassador to stay.",
        # Leaving a meeting is not leaving the country.
        "Russia asked the Japanese ambassador to leave the meeting.",
        # Not diplomats.
        "Mali ordered French troops to leave the country.",
    ],
)
def test_not_an_expulsion(text: str) -> None:
    assert found(text) == set()


# --- verdicts in reported speech (model) -------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Chilean president said Bolivia's demands were unacceptable.",
            ("said ... were unacceptable", "111", ("Chilean president",), ("Bolivia",)),
        ),
        (
            "Hungary's blockade of the fund is unacceptable, the Polish government said.",
            ("is unacceptable ... said", "111", ("Polish government",), ("Hungary",)),
        ),
        (
            "Armenia said Azerbaijan's shelling amounted to aggression.",
            ("said ... amounted ... aggression", "111", ("Armenia",), ("Azerbaijan",)),
        ),
        (
            "Morocco said Algeria's position was not legitimate.",
            ("said ... was ... legitimate", "111", ("Morocco",), ("Algeria",)),
        ),
        (
            "Indonesia said Australia's offer was constructive.",
            ("said ... was constructive", "051", ("Indonesia",), ("Australia",)),
        ),
    ],
)
def test_reported_verdict(text: str, expected: Found) -> None:
    assert found(text) == {expected}


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        # A verdict nobody is reported to give.
        "Bolivia's demands were unacceptable.",
        # A denied verdict other than legitimacy judges no one.
        "Armenia said Azerbaijan's shelling was not a provocation.",
        # Legitimacy affirmed is no criticism.
        "Morocco said Algeria's position was legal.",
        # An act with no actor in it.
        "Peru said the decision was a mistake.",
    ],
)
def test_not_a_reported_verdict(text: str) -> None:
    assert found(text) == set()


# --- reactions received (model) ----------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Spain's plan drew sharp criticism from Morocco.",
            ("drew ... criticism", "111", ("Morocco",), ("Spain",)),
        ),
        (
            "Ankara's incursion sparked protests from Baghdad.",
            ("sparked protests", "114", ("Iraq",), ("Turkey",)),
        ),
        (
            "Venezuela faced new sanctions from the European Union.",
            ("faced ... sanctions", "163", ("European Union",), ("Venezuela",)),
        ),
    ],
)
def test_received_reaction(text: str, expected: Found) -> None:
    assert found(text) == {expected}


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        # A thing with no actor in it receives the reaction.
        "The plan came under criticism from Moscow.",
        # Fire is force, not a reaction: left to the trigger lexicon.
        "Israeli troops came under fire from Hezbollah.",
        # No one the reaction comes from.
        "Spain's plan drew sharp criticism.",
    ],
)
def test_not_a_received_reaction(text: str) -> None:
    assert found(text) == set()
