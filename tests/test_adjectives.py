"""Events carried by predicate adjectives: stances ("furious with") and readiness ("ready to").

Hand-built parses pin the parse shapes without the model; the slow tests run the real
model on hand-written sentences and build events with ``ingest.pipeline.events_of``.
"""

from datetime import date

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from diplograph.ingest.adjectives import adjective_candidates
from diplograph.ingest.antecedents import note_acts
from diplograph.ingest.context import ArticleContext, ParsedSentence
from diplograph.ingest.events import Candidate
from diplograph.ingest.gazetteer import Gazetteer, gazetteer
from diplograph.ingest.lexicon import intent_code, readiness_adjectives, rules_for
from diplograph.ingest.nlp import get_nlp
from diplograph.ingest.pipeline import events_of
from diplograph.ingest.types import ArticleInput
from diplograph.ingest.verb_triggers import verb_candidate
from tests.parses import Row, make_doc

PUBLISHED = date(2023, 6, 14)

# (source, target, cameo, modality, negated)
Tuple = tuple[str, str, str, str, bool]
# (trigger text, cameo, modality, source texts, target texts, anchor text)
Shape = tuple[str, str, str, list[str], list[str], str]


def shapes(doc: Doc, gaz: Gazetteer) -> list[Shape]:
    """Return what each adjective candidate of ``doc`` holds, in word order."""
    return [_shape(c) for c in adjective_candidates(doc[:], gaz)]


def _shape(cand: Candidate) -> Shape:
    return (
        cand.trigger_text,
        cand.rule.cameo,
        cand.rule.modality,
        [a.mention.text for a in cand.sources],
        [a.mention.text for a in cand.targets],
        cand.anchor.text,
    )


def tuples(text: str) -> set[Tuple]:
    """Return (source, target, cameo, modality, negated) of the adjective events of ``text``."""
    doc = get_nlp()(text)
    article = ArticleInput(id="t", text=text, published=PUBLISHED)
    gaz = gazetteer()
    ctx = ArticleContext(gaz)
    sentences = [ParsedSentence(n, sent, 0) for n, sent in enumerate(doc.sents)]
    ctx.register_people(sentences)
    found: set[Tuple] = set()
    for s in sentences:
        ctx.note_subjects(s)
        note_acts(ctx, s)
        for cand in adjective_candidates(s.span, gaz):
            found |= {
                (ev.source.name, ev.target.name, ev.cameo, ev.modality, ev.negated)
                for ev in events_of(ctx, article, cand, s)
            }
    return found


# --- the lexicon --------------------------------------------------------------------------


def test_stance_adjectives_are_rows_of_pos_a() -> None:
    assert [(r.target_slots, r.cameo, r.modality) for r in rules_for("Furious", "A")] == [
        (("with", "at"), "111", "asserted")
    ]
    assert rules_for("furious", "V") == ()


@pytest.mark.parametrize(
    ("code", "intent"),
    [("040", "036"), ("046", "036"), ("045", "039"), ("073", "0333"), ("070", "033")],
)
def test_intent_code_of_the_act_or_its_root(code: str, intent: str) -> None:
    assert intent_code(code) == intent


@pytest.mark.parametrize("code", ["190", "130", "111"])
def test_hostile_acts_have_no_intent_code(code: str) -> None:
    assert intent_code(code) is None


def test_readiness_adjectives() -> None:
    assert {"ready", "willing", "prepared", "open"} <= readiness_adjectives()
    assert "furious" not in readiness_adjectives()


# --- hand-built parses ----------------------------------------------------------------------

# "Beijing was furious at Tokyo ."
FURIOUS_ROWS: list[Row] = [
    ("Beijing", "Beijing", "PROPN", "NNP", "nsubj", 1, "B-GPE"),
    ("was", "be", "AUX", "VBD", "ROOT", 1, "O"),
    ("furious", "furious", "ADJ", "JJ", "acomp", 1, "O"),
    ("at", "at", "ADP", "IN", "prep", 2, "O"),
    ("Tokyo", "Tokyo", "PROPN", "NNP", "pobj", 3, "B-GPE"),
    (".", ".", "PUNCT", ".", "punct", 1, "O"),
]

# "Seoul was concerned by Pyongyang 's tests ." (a participle heading a passive clause)
CONCERNED_ROWS: list[Row] = [
    ("Seoul", "Seoul", "PROPN", "NNP", "nsubjpass", 2, "B-GPE"),
    ("was", "be", "AUX", "VBD", "auxpass", 2, "O"),
    ("concerned", "concern", "VERB", "VBN", "ROOT", 2, "O"),
    ("by", "by", "ADP", "IN", "agent", 2, "O"),
    ("Pyongyang", "Pyongyang", "PROPN", "NNP", "poss", 6, "B-GPE"),
    ("'s", "'s", "PART", "POS", "case", 4, "O"),
    ("tests", "test", "NOUN", "NNS", "pobj", 3, "O"),
    (".", ".", "PUNCT", ".", "punct", 2, "O"),
]

# "Moscow is ready to meet Cairo ."
READY_ROWS: list[Row] = [
    ("Moscow", "Moscow", "PROPN", "NNP", "nsubj", 1, "B-GPE"),
    ("is", "be", "AUX", "VBZ", "ROOT", 1, "O"),
    ("ready", "ready", "ADJ", "JJ", "acomp", 1, "O"),
    ("to", "to", "PART", "TO", "aux", 4, "O"),
    ("meet", "meet", "VERB", "VB", "xcomp", 2, "O"),
    ("Cairo", "Cairo", "PROPN", "NNP", "dobj", 4, "B-GPE"),
    (".", ".", "PUNCT", ".", "punct", 1, "O"),
]

# "Moscow is ready to attack Kyiv ."
ATTACK_ROWS: list[Row] = [
    *READY_ROWS[:4],
    ("attack", "attack", "VERB", "VB", "xcomp", 2, "O"),
    ("Kyiv", "Kyiv", "PROPN", "NNP", "dobj", 4, "B-GPE"),
    READY_ROWS[-1],
]

# "He was ready ."
BARE_READY_ROWS: list[Row] = [
    ("He", "he", "PRON", "PRP", "nsubj", 1, "O"),
    ("was", "be", "AUX", "VBD", "ROOT", 1, "O"),
    ("ready", "ready", "ADJ", "JJ", "acomp", 1, "O"),
    (".", ".", "PUNCT", ".", "punct", 1, "O"),
]

# "an angry crowd met Tokyo ."
ATTRIBUTIVE_ROWS: list[Row] = [
    ("an", "an", "DET", "DT", "det", 2, "O"),
    ("angry", "angry", "ADJ", "JJ", "amod", 2, "O"),
    ("crowd", "crowd", "NOUN", "NN", "nsubj", 3, "O"),
    ("met", "meet", "VERB", "VBD", "ROOT", 3, "O"),
    ("Tokyo", "Tokyo", "PROPN", "NNP", "dobj", 3, "B-GPE"),
    (".", ".", "PUNCT", ".", "punct", 3, "O"),
]


def test_adjective_on_the_copula_is_held_by_its_subject(vocab: Vocab, gaz: Gazetteer) -> None:
    assert shapes(make_doc(vocab, FURIOUS_ROWS), gaz) == [
        ("furious at", "111", "asserted", ["Beijing"], ["Tokyo"], "was")
    ]


def test_participle_heading_a_passive_takes_its_agent_as_target(
    vocab: Vocab, gaz: Gazetteer
) -> None:
    assert shapes(make_doc(vocab, CONCERNED_ROWS), gaz) == [
        ("concerned by", "110", "asserted", ["Seoul"], ["Pyongyang"], "concerned")
    ]


def test_readiness_to_meet_is_an_intent_to_meet(vocab: Vocab, gaz: Gazetteer) -> None:
    assert shapes(make_doc(vocab, READY_ROWS), gaz) == [
        ("ready to meet", "036", "intended", ["Moscow"], ["Cairo"], "is")
    ]


@pytest.mark.parametrize(
    "rows", [ATTACK_ROWS, BARE_READY_ROWS, ATTRIBUTIVE_ROWS], ids=["attack", "bare", "attrib"]
)
def test_no_candidate(vocab: Vocab, gaz: Gazetteer, rows: list[Row]) -> None:
    assert shapes(make_doc(vocab, rows), gaz) == []


# --- stances, with the model ------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Donald Trump said he was very disappointed with Putin.",
            {("Donald Trump", "Putin", "111", "asserted", False)},
        ),
        (
            "Beijing was furious at Tokyo.",
            {("China", "Japan", "111", "asserted", False)},
        ),
        (
            "Macron was angry with Johnson over the submarine deal.",
            {("Macron", "Boris Johnson", "111", "asserted", False)},
        ),
        (
            "Washington has been critical of Beijing's trade practices.",
            {("United States", "China", "111", "asserted", False)},
        ),
        (
            "Paris seemed unhappy with London.",
            {("France", "United Kingdom", "110", "asserted", False)},
        ),
        (
            "Hungary is opposed to Ukraine's membership.",
            {("Hungary", "Ukraine", "110", "asserted", False)},
        ),
        (
            "Iran, angry with Israel, recalled its envoy.",
            {("Iran", "Israel", "111", "asserted", False)},
        ),
    ],
    ids=["said-he-was", "furious-at", "person", "present-perfect", "seemed", "vbn", "apposed"],
)
def test_disapproval(text: str, expected: set[Tuple]) -> None:
    assert tuples(text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Seoul is deeply concerned about Pyongyang's missile tests.",
            {("South Korea", "North Korea", "110", "asserted", False)},
        ),
        (
            "Seoul was deeply concerned by Pyongyang's missile tests.",
            {("South Korea", "North Korea", "110", "asserted", False)},
        ),
        (
            "Seoul condemned the launch and was alarmed by Pyongyang's threats.",
            {("South Korea", "North Korea", "110", "asserted", False)},
        ),
        (
            "The Kremlin said it was disappointed by the decision of Berlin.",
            {("Russia", "Germany", "111", "asserted", False)},
        ),
    ],
    ids=["about-possessive", "by-agent", "conjoined", "it-was"],
)
def test_concern_about_another_actors_act(text: str, expected: set[Tuple]) -> None:
    assert tuples(text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kyiv is grateful to Washington for its support.",
            {("Ukraine", "United States", "051", "asserted", False)},
        ),
        (
            "Canada is grateful for Norway's support.",
            {("Canada", "Norway", "051", "asserted", False)},
        ),
        (
            "Ramaphosa was grateful to Xi for China's support.",
            {("Ramaphosa", "Xi", "051", "asserted", False)},
        ),
        (
            "Ankara remains committed to ties with Baghdad.",
            {("Turkey", "Iraq", "030", "intended", False)},
        ),
        (
            "Germany remains committed to its partnership with Poland.",
            {("Germany", "Poland", "030", "intended", False)},
        ),
    ],
    ids=["grateful-to", "grateful-for-possessive", "person", "ties", "its-partnership"],
)
def test_gratitude_and_commitment(text: str, expected: set[Tuple]) -> None:
    assert tuples(text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Germany is not disappointed with France.",
            {("Germany", "France", "111", "asserted", True)},
        ),
        (
            "Australia was not angry with Indonesia.",
            {("Australia", "Indonesia", "111", "asserted", True)},
        ),
    ],
    ids=["participle", "adjective"],
)
def test_negated_stance(text: str, expected: set[Tuple]) -> None:
    assert tuples(text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Fans were disappointed with the result.",
        "Biden was disappointed with the result.",
        "Officials were concerned about the weather.",
        "Crimes were committed by Russia against Ukraine.",
        "The talks were open to the public.",
    ],
    ids=["no-actor", "no-target", "no-actor-concern", "verbal-passive", "open-to-public"],
)
def test_no_stance(text: str) -> None:
    assert tuples(text) == set()


# --- readiness, with the model ----------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kagame said he was ready to meet his Congolese counterpart again.",
            {("Kagame", "Democratic Republic of the Congo", "036", "intended", False)},
        ),
        (
            "Iran is willing to negotiate with the United States.",
            {("Iran", "United States", "036", "intended", False)},
        ),
        (
            "Tokyo is ready to hold talks with Seoul.",
            {("Japan", "South Korea", "036", "intended", False)},
        ),
        (
            "Tehran is open to talks with Washington.",
            {("Iran", "United States", "036", "intended", False)},
        ),
        (
            "Lula said Brazil was open to resuming talks with Venezuela.",
            {("Brazil", "Venezuela", "036", "intended", False)},
        ),
        (
            "Pyongyang is ready for dialogue with Washington.",
            {("North Korea", "United States", "036", "intended", False)},
        ),
        (
            "Moscow will be ready to sign a deal with Ankara.",
            {("Russia", "Turkey", "032", "intended", False)},
        ),
    ],
    ids=["meet", "negotiate", "hold-talks", "open-to-talks", "resuming", "dialogue", "sign"],
)
def test_readiness_to_meet_or_agree(text: str, expected: set[Tuple]) -> None:
    assert tuples(text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russia remained ready to help Baku and Yerevan reach a settlement.",
            {
                ("Russia", "Azerbaijan", "030", "intended", False),
                ("Russia", "Armenia", "030", "intended", False),
            },
        ),
        (
            "Japan stands ready to provide assistance to the Philippines.",
            {("Japan", "Philippines", "033", "intended", False)},
        ),
        (
            "India would be willing to help Sri Lanka.",
            {("India", "Sri Lanka", "033", "intended", False)},
        ),
        (
            "Erdogan said Turkey was prepared to mediate between Russia and Ukraine.",
            {
                ("Turkey", "Russia", "039", "intended", False),
                ("Turkey", "Ukraine", "039", "intended", False),
            },
        ),
    ],
    ids=["help-reach", "provide-assistance", "would-help", "mediate"],
)
def test_readiness_to_help_or_mediate(text: str, expected: set[Tuple]) -> None:
    assert tuples(text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "China is ready to work with Brazil to deepen cooperation.",
            {("China", "Brazil", "030", "intended", False)},
        ),
        (
            "Pakistan is eager to improve relations with Afghanistan.",
            {("Pakistan", "Afghanistan", "030", "intended", False)},
        ),
        (
            "Australia is keen to strengthen ties with Indonesia.",
            {("Australia", "Indonesia", "030", "intended", False)},
        ),
        (
            "Germany is committed to supporting Ukraine.",
            {("Germany", "Ukraine", "032", "intended", False)},
        ),
    ],
    ids=["work-with", "improve-relations", "strengthen-ties", "supporting"],
)
def test_readiness_to_cooperate(text: str, expected: set[Tuple]) -> None:
    assert tuples(text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kagame said he was not ready to meet Tshisekedi.",
            {("Kagame", "Tshisekedi", "036", "intended", True)},
        ),
        (
            "Moscow is not willing to negotiate with Kyiv.",
            {("Russia", "Ukraine", "036", "intended", True)},
        ),
        (
            "Venezuela said it was never ready to negotiate with Guyana.",
            {("Venezuela", "Guyana", "036", "intended", True)},
        ),
    ],
    ids=["not-ready", "not-willing", "never"],
)
def test_negated_readiness(text: str, expected: set[Tuple]) -> None:
    assert tuples(text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The weather was ready.",
        "He was ready.",
        "Russia is ready to strike Ukraine.",
        "Britain is ready to sanction Iran.",
        "Israeli forces were prepared for an attack on Gaza.",
    ],
    ids=["weather", "no-verb", "strike", "sanction", "attack-noun"],
)
def test_no_readiness(text: str) -> None:
    assert tuples(text) == set()


@pytest.mark.slow
def test_readiness_candidate_anchor_and_trigger() -> None:
    doc = get_nlp()("Kagame said he was ready to meet his Congolese counterpart again.")
    assert [_shape(c) for c in adjective_candidates(doc[:], gazetteer())] == [
        ("ready to meet", "036", "intended", ["he"], ["his Congolese counterpart"], "was")
    ]


@pytest.mark.slow
def test_the_verb_one_is_ready_to_do_is_not_asserted() -> None:
    doc = get_nlp()("Erdogan said Turkey was prepared to mediate between Russia and Ukraine.")
    mediate = next(t for t in doc if t.lemma_ == "mediate")
    assert verb_candidate(mediate, gazetteer()) is None
