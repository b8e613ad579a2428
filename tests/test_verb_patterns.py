"""The coding dictionary's verb patterns (ingest/verb_patterns.py) on hand-built parses."""

from spacy.vocab import Vocab

from diplograph.ingest.gazetteer import Gazetteer
from diplograph.ingest.verb_patterns import expand, noun_phrases, pattern_rules, verb_patterns
from diplograph.ingest.verb_triggers import verb_candidate
from tests.parses import Row, make_doc

# "Moscow froze the assets of three Ukrainian officials ."
FROZE_ROWS: list[Row] = [
    ("Moscow", "Moscow", "PROPN", "NNP", "nsubj", 1, "B-GPE"),
    ("froze", "freeze", "VERB", "VBD", "ROOT", 1, "O"),
    ("the", "the", "DET", "DT", "det", 3, "O"),
    ("assets", "asset", "NOUN", "NNS", "dobj", 1, "O"),
    ("of", "of", "ADP", "IN", "prep", 3, "O"),
    ("three", "three", "NUM", "CD", "nummod", 7, "O"),
    ("Ukrainian", "ukrainian", "ADJ", "JJ", "amod", 7, "B-NORP"),
    ("officials", "official", "NOUN", "NNS", "pobj", 4, "O"),
    (".", ".", "PUNCT", ".", "punct", 1, "O"),
]

# "Japan rushed relief assistance to Haiti ."
EXTENDED_ROWS: list[Row] = [
    ("Japan", "Japan", "PROPN", "NNP", "nsubj", 1, "B-GPE"),
    ("rushed", "rush", "VERB", "VBD", "ROOT", 1, "O"),
    ("relief", "relief", "NOUN", "NN", "compound", 3, "O"),
    ("assistance", "assistance", "NOUN", "NN", "dobj", 1, "O"),
    ("to", "to", "ADP", "IN", "prep", 1, "O"),
    ("Haiti", "Haiti", "PROPN", "NNP", "pobj", 4, "B-GPE"),
    (".", ".", "PUNCT", ".", "punct", 1, "O"),
]

# "A Kenyan court issued arrest warrants for two Somali men ."
WARRANT_ROWS: list[Row] = [
    ("A", "a", "DET", "DT", "det", 2, "O"),
    ("Kenyan", "kenyan", "ADJ", "JJ", "amod", 2, "B-NORP"),
    ("court", "court", "NOUN", "NN", "nsubj", 3, "O"),
    ("issued", "issue", "VERB", "VBD", "ROOT", 3, "O"),
    ("arrest", "arrest", "NOUN", "NN", "compound", 5, "O"),
    ("warrants", "warrant", "NOUN", "NNS", "dobj", 3, "O"),
    ("for", "for", "ADP", "IN", "prep", 5, "O"),
    ("two", "two", "NUM", "CD", "nummod", 9, "O"),
    ("Somali", "somali", "ADJ", "JJ", "amod", 9, "B-NORP"),
    ("men", "man", "NOUN", "NNS", "pobj", 6, "O"),
    (".", ".", "PUNCT", ".", "punct", 3, "O"),
]

# "Iran faced a run-off ." (the dictionary's stop pattern: no event)
FACED_ROWS: list[Row] = [
    ("Iran", "Iran", "PROPN", "NNP", "nsubj", 1, "B-GPE"),
    ("faced", "face", "VERB", "VBD", "ROOT", 1, "O"),
    ("a", "a", "DET", "DT", "det", 3, "O"),
    ("run-off", "run-off", "NOUN", "NN", "dobj", 1, "O"),
    (".", ".", "PUNCT", ".", "punct", 1, "O"),
]


def test_class_words_are_expanded() -> None:
    assert expand("&x aid", {"&x": ("food", "medical")}) == {"food aid", "medical aid"}


def test_noun_phrases_give_the_head_with_its_modifiers(vocab: Vocab) -> None:
    doc = make_doc(vocab, EXTENDED_ROWS)
    # A singular head is also tried in the plural the dictionary may list ("WARRANTS").
    assert noun_phrases(doc[3]) == {
        "assistance",
        "relief assistance",
        "assistances",
        "relief assistances",
    }


def test_patterns_are_indexed_by_lemma_most_specific_first() -> None:
    ranks = [p.rank for p in verb_patterns("freeze")]
    assert ranks == sorted(ranks, reverse=True)
    assert verb_patterns("no-such-verb") == ()


def test_object_pattern_codes_the_verb(vocab: Vocab) -> None:
    doc = make_doc(vocab, FROZE_ROWS)
    rules = pattern_rules(doc[1])
    assert rules is not None
    assert [(r.lemma, r.cameo) for r in rules] == [("freeze", "163")]


def test_object_pattern_finds_the_target_by_the_object_and_its_prepositions(
    vocab: Vocab, gaz: Gazetteer
) -> None:
    cand = verb_candidate(make_doc(vocab, FROZE_ROWS)[1], gaz)
    assert cand is not None
    assert (cand.rule.cameo, cand.sources[0].mention.name) == ("163", "Russia")
    assert [a.mention.country for a in cand.targets] == ["UKR"]


def test_longest_object_phrase_wins(vocab: Vocab, gaz: Gazetteer) -> None:
    # "issue * warrant" is a demand (100); "issue * arrest warrants" an arrest (173).
    cand = verb_candidate(make_doc(vocab, WARRANT_ROWS)[3], gaz)
    assert cand is not None
    assert cand.rule.cameo == "173"
    assert [a.mention.country for a in (*cand.sources, *cand.targets)] == ["KEN", "SOM"]


def test_phrase_object_with_a_preposition_target(vocab: Vocab, gaz: Gazetteer) -> None:
    # "rush * {relief assistance} [073]": the target is the object of "to".
    cand = verb_candidate(make_doc(vocab, EXTENDED_ROWS)[1], gaz)
    assert cand is not None
    assert cand.rule.cameo == "073"
    assert [a.mention.name for a in cand.targets] == ["Haiti"]


def test_stop_pattern_makes_no_event(vocab: Vocab, gaz: Gazetteer) -> None:
    doc = make_doc(vocab, FACED_ROWS)
    assert pattern_rules(doc[1]) == ()
    assert verb_candidate(doc[1], gaz) is None
