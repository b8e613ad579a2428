"""Mentions read off hand-built parses (no model): what a noun phrase head denotes."""

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from diplograph.ingest.gazetteer import Gazetteer
from diplograph.ingest.mentions import mention_at
from diplograph.ingest.persons import person_mention
from diplograph.ingest.spans import entity_span
from diplograph.ingest.types import Mention
from tests.parses import Row, make_doc

# "Russian President Vladimir Putin met him ."
PUTIN_ROWS: list[Row] = [
    ("Russian", "russian", "ADJ", "JJ", "amod", 1, "B-NORP"),
    ("President", "President", "PROPN", "NNP", "compound", 3, "O"),
    ("Vladimir", "Vladimir", "PROPN", "NNP", "compound", 3, "B-PERSON"),
    ("Putin", "Putin", "PROPN", "NNP", "nsubj", 4, "I-PERSON"),
    ("met", "meet", "VERB", "VBD", "ROOT", 4, "O"),
    ("him", "he", "PRON", "PRP", "dobj", 4, "O"),
    (".", ".", "PUNCT", ".", "punct", 4, "O"),
]

# "He said the Egyptian military attacked Islamic militants ."
MILITARY_ROWS: list[Row] = [
    ("He", "he", "PRON", "PRP", "nsubj", 1, "O"),
    ("said", "say", "VERB", "VBD", "ROOT", 1, "O"),
    ("the", "the", "DET", "DT", "det", 4, "O"),
    ("Egyptian", "egyptian", "ADJ", "JJ", "amod", 4, "B-NORP"),
    ("military", "military", "NOUN", "NN", "nsubj", 5, "O"),
    ("attacked", "attack", "VERB", "VBD", "ccomp", 1, "O"),
    ("Islamic", "islamic", "ADJ", "JJ", "amod", 7, "B-NORP"),
    ("militants", "militant", "NOUN", "NNS", "dobj", 5, "O"),
    (".", ".", "PUNCT", ".", "punct", 1, "O"),
]


def test_titled_person(vocab: Vocab, gaz: Gazetteer) -> None:
    doc = make_doc(vocab, PUTIN_ROWS)
    assert mention_at(doc[3], gaz) == Mention(
        kind="person",
        text="Vladimir Putin",
        token_index=3,
        type="person",
        name="Vladimir Putin",
        country="RUS",
        role="president",
        rank=5,
    )


def test_person_mention_of_the_entity(vocab: Vocab, gaz: Gazetteer) -> None:
    doc = make_doc(vocab, PUTIN_ROWS)
    person = person_mention(doc.ents[1], gaz)
    assert (person.name, person.role, person.country) == ("Vladimir Putin", "president", "RUS")


def test_every_token_of_the_name_gives_the_same_entity(vocab: Vocab, gaz: Gazetteer) -> None:
    doc = make_doc(vocab, PUTIN_ROWS)
    first, last = entity_span(doc[2]), entity_span(doc[3])
    assert first is not None and last is not None
    assert (first.start, first.end, last.start, last.end) == (2, 4, 2, 4)


def test_demonym_alone_is_the_country(vocab: Vocab, gaz: Gazetteer) -> None:
    doc = make_doc(vocab, PUTIN_ROWS)
    assert mention_at(doc[0], gaz) == Mention(
        kind="country", text="Russian", token_index=0, type="country", name="Russia", country="RUS"
    )


@pytest.mark.parametrize(("rows", "i"), [(PUTIN_ROWS, 5), (MILITARY_ROWS, 0)])
def test_personal_pronoun(vocab: Vocab, gaz: Gazetteer, rows: list[Row], i: int) -> None:
    doc = make_doc(vocab, rows)
    assert mention_at(doc[i], gaz) == Mention(
        kind="pronoun", text=doc[i].text, token_index=i, type="person"
    )


def test_non_actor_tokens(vocab: Vocab, gaz: Gazetteer) -> None:
    doc = make_doc(vocab, PUTIN_ROWS)
    assert [mention_at(doc[i], gaz) for i in (4, 6)] == [None, None]


def test_typed_state_actor(vocab: Vocab, gaz: Gazetteer) -> None:
    doc = make_doc(vocab, MILITARY_ROWS)
    assert mention_at(doc[4], gaz) == Mention(
        kind="state",
        text="Egyptian military",
        token_index=4,
        type="military",
        name="Egyptian military",
        country="EGY",
    )


def test_non_state_group(vocab: Vocab, gaz: Gazetteer) -> None:
    doc = make_doc(vocab, MILITARY_ROWS)
    assert mention_at(doc[7], gaz) == Mention(
        kind="group",
        text="Islamic militants",
        token_index=7,
        type="group",
        name="Islamic militants",
        country=None,
    )


def test_person_entity_that_swallowed_its_title(vocab: Vocab, gaz: Gazetteer) -> None:
    # "President Putin spoke ." with the title inside the PERSON entity.
    doc = make_doc(
        vocab,
        [
            ("President", "President", "PROPN", "NNP", "compound", 1, "B-PERSON"),
            ("Putin", "Putin", "PROPN", "NNP", "nsubj", 2, "I-PERSON"),
            ("spoke", "speak", "VERB", "VBD", "ROOT", 2, "O"),
            (".", ".", "PUNCT", ".", "punct", 2, "O"),
        ],
    )
    mention = mention_at(doc[1], gaz)
    assert mention is not None
    assert (mention.kind, mention.text, mention.name, mention.role, mention.country) == (
        "person",
        "President Putin",
        "Putin",
        "president",
        "RUS",  # the text names no state; the people table knows Putin's
    )


def test_hyphenated_name_end_is_part_of_the_person(vocab: Vocab, gaz: Gazetteer) -> None:
    # "Han Duck-soo spoke ." with "soo" left outside the PERSON entity.
    doc = Doc(
        vocab,
        words=["Han", "Duck", "-", "soo", "spoke", "."],
        spaces=[True, False, False, True, False, False],
        pos=["PROPN", "PROPN", "PUNCT", "PROPN", "VERB", "PUNCT"],
        deps=["compound", "compound", "punct", "nsubj", "ROOT", "punct"],
        heads=[3, 3, 3, 4, 4, 4],
        ents=["B-PERSON", "I-PERSON", "O", "O", "O", "O"],
    )
    span = entity_span(doc[1])
    assert span is not None
    assert (span.text, span.label_) == ("Han Duck-soo", "PERSON")
    assert person_mention(span, gaz).name == "Han Duck-soo"


def test_role_phrase(vocab: Vocab, gaz: Gazetteer) -> None:
    # "the Russian president left ."
    doc = make_doc(
        vocab,
        [
            ("the", "the", "DET", "DT", "det", 2, "O"),
            ("Russian", "russian", "ADJ", "JJ", "amod", 2, "B-NORP"),
            ("president", "president", "NOUN", "NN", "nsubj", 3, "O"),
            ("left", "leave", "VERB", "VBD", "ROOT", 3, "O"),
            (".", ".", "PUNCT", ".", "punct", 3, "O"),
        ],
    )
    assert mention_at(doc[2], gaz) == Mention(
        kind="role",
        text="Russian president",
        token_index=2,
        type="person",
        role="president",
        rank=5,
        country="RUS",
    )


def test_plural_role_phrase(vocab: Vocab, gaz: Gazetteer) -> None:
    # "both presidents left ."
    doc = make_doc(
        vocab,
        [
            ("both", "both", "DET", "DT", "det", 1, "O"),
            ("presidents", "president", "NOUN", "NNS", "nsubj", 2, "O"),
            ("left", "leave", "VERB", "VBD", "ROOT", 2, "O"),
            (".", ".", "PUNCT", ".", "punct", 2, "O"),
        ],
    )
    assert mention_at(doc[1], gaz) == Mention(
        kind="plural_role",
        text="presidents",
        token_index=1,
        type="person",
        role="president",
        rank=5,
        number=2,
    )


def test_organization_alias(vocab: Vocab, gaz: Gazetteer) -> None:
    # "the U.N. spoke ."
    doc = make_doc(
        vocab,
        [
            ("the", "the", "DET", "DT", "det", 1, "O"),
            ("U.N.", "U.N.", "PROPN", "NNP", "nsubj", 2, "B-ORG"),
            ("spoke", "speak", "VERB", "VBD", "ROOT", 2, "O"),
            (".", ".", "PUNCT", ".", "punct", 2, "O"),
        ],
    )
    assert mention_at(doc[1], gaz) == Mention(
        kind="organization",
        text="U.N.",
        token_index=1,
        type="igo",
        name="United Nations",
        country=None,
    )


def test_organization_modifying_a_group_noun(vocab: Vocab, gaz: Gazetteer) -> None:
    # "Hamas gunmen fired ."
    doc = make_doc(
        vocab,
        [
            ("Hamas", "Hamas", "PROPN", "NNP", "compound", 1, "B-ORG"),
            ("gunmen", "gunman", "NOUN", "NNS", "nsubj", 2, "O"),
            ("fired", "fire", "VERB", "VBD", "ROOT", 2, "O"),
            (".", ".", "PUNCT", ".", "punct", 2, "O"),
        ],
    )
    assert mention_at(doc[1], gaz) == Mention(
        kind="group",
        text="Hamas gunmen",
        token_index=1,
        type="group",
        name="Hamas",
        country=None,
    )


def test_capital_as_metonym(vocab: Vocab, gaz: Gazetteer) -> None:
    # "Moscow objected ."
    doc = make_doc(
        vocab,
        [
            ("Moscow", "Moscow", "PROPN", "NNP", "nsubj", 1, "B-GPE"),
            ("objected", "object", "VERB", "VBD", "ROOT", 1, "O"),
            (".", ".", "PUNCT", ".", "punct", 1, "O"),
        ],
    )
    assert mention_at(doc[0], gaz) == Mention(
        kind="country",
        text="Moscow",
        token_index=0,
        type="country",
        name="Russia",
        country="RUS",
        place="Moscow",
    )


def test_city_that_is_not_a_capital_is_a_place(vocab: Vocab, gaz: Gazetteer) -> None:
    # "Sao Paulo hosted ."
    doc = make_doc(
        vocab,
        [
            ("Sao", "Sao", "PROPN", "NNP", "compound", 1, "B-GPE"),
            ("Paulo", "Paulo", "PROPN", "NNP", "nsubj", 2, "I-GPE"),
            ("hosted", "host", "VERB", "VBD", "ROOT", 2, "O"),
            (".", ".", "PUNCT", ".", "punct", 2, "O"),
        ],
    )
    assert mention_at(doc[1], gaz) == Mention(
        kind="place",
        text="Sao Paulo",
        token_index=1,
        type="place",
        name="Sao Paulo",
        country=None,
        place="Sao Paulo",
    )


def test_one_word_place_may_be_a_person_name(vocab: Vocab, gaz: Gazetteer) -> None:
    # "Obembe spoke ." with an unknown name mistagged as GPE.
    doc = make_doc(
        vocab,
        [
            ("Obembe", "Obembe", "PROPN", "NNP", "nsubj", 1, "B-GPE"),
            ("spoke", "speak", "VERB", "VBD", "ROOT", 1, "O"),
            (".", ".", "PUNCT", ".", "punct", 1, "O"),
        ],
    )
    mention = mention_at(doc[0], gaz)
    assert mention is not None
    assert (mention.kind, mention.name, mention.place) == ("name", "Obembe", "Obembe")


def test_well_known_figure_mistagged_as_a_place_is_a_person(vocab: Vocab, gaz: Gazetteer) -> None:
    # "Modi spoke ." with "Modi" mistagged as GPE: the people table knows him.
    doc = make_doc(
        vocab,
        [
            ("Modi", "Modi", "PROPN", "NNP", "nsubj", 1, "B-GPE"),
            ("spoke", "speak", "VERB", "VBD", "ROOT", 1, "O"),
            (".", ".", "PUNCT", ".", "punct", 1, "O"),
        ],
    )
    mention = mention_at(doc[0], gaz)
    assert mention is not None
    assert (mention.kind, mention.name, mention.country) == ("person", "Modi", "IND")
