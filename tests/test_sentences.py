"""Paragraphs and sentence offsets, with a blank pipeline and a sentencizer (no model)."""

import pytest
import spacy
from spacy.language import Language

from diplograph.ingest.sentences import Paragraph, paragraphs, sentence_spans
from diplograph.ingest.types import SentenceSpan


@pytest.fixture(scope="module")
def sentencizer() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def spans_of(text: str, nlp: Language) -> list[SentenceSpan]:
    paras = paragraphs(text)
    return sentence_spans(paras, [nlp(p.text) for p in paras])


def test_paragraphs_skip_blank_lines_and_strip_indentation() -> None:
    text = "Oman spoke.\n\n   \n  Qatar listened.\t\n\tKuwait left.\n"
    assert paragraphs(text) == [
        Paragraph(0, 0, "Oman spoke."),
        Paragraph(1, 19, "Qatar listened."),
        Paragraph(2, 37, "Kuwait left."),
    ]


def test_paragraph_offsets_slice_the_text() -> None:
    text = "\n\n  Oman spoke.\n \t Qatar listened.  \n\n"
    assert [text[p.start : p.start + len(p.text)] for p in paragraphs(text)] == [
        "Oman spoke.",
        "Qatar listened.",
    ]


def test_paragraphs_with_windows_line_endings() -> None:
    text = "Oman spoke.\r\n\r\nQatar listened.\r\n"
    assert paragraphs(text) == [
        Paragraph(0, 0, "Oman spoke."),
        Paragraph(1, 15, "Qatar listened."),
    ]
    assert text[15:30] == "Qatar listened."


def test_paragraphs_of_blank_text_are_empty() -> None:
    assert paragraphs("\n  \n\t\n") == []


@pytest.mark.parametrize(
    ("line", "start", "rest"),
    [
        ("MUSCAT (Reuters) - Oman spoke.", 19, "Oman spoke."),
        ("DOHA, Qatar, March 3 - Qatar listened.", 23, "Qatar listened."),
        ("KUWAIT CITY \u2014 Kuwait left.", 14, "Kuwait left."),
    ],
)
def test_dateline_is_left_out(line: str, start: int, rest: str) -> None:
    assert paragraphs(line) == [Paragraph(0, start, rest)]


def test_a_line_that_is_only_a_dateline_is_kept() -> None:
    assert paragraphs("MUSCAT - ") == [Paragraph(0, 0, "MUSCAT -")]


def test_sentence_spans_are_numbered_across_paragraphs(sentencizer: Language) -> None:
    text = "Oman spoke. Qatar listened.\n\n   Kuwait left.\n\tBahrain stayed. Yemen waited."
    assert spans_of(text, sentencizer) == [
        SentenceSpan(0, 0, "Oman spoke.", 0, 11),
        SentenceSpan(1, 0, "Qatar listened.", 12, 27),
        SentenceSpan(2, 1, "Kuwait left.", 32, 44),
        SentenceSpan(3, 2, "Bahrain stayed.", 46, 61),
        SentenceSpan(4, 2, "Yemen waited.", 62, 75),
    ]


def test_sentence_offsets_slice_the_article_text(sentencizer: Language) -> None:
    text = (
        "MUSCAT (Reuters) - Oman spoke. Qatar listened!\n"
        "\n"
        "    Kuwait left? Bahrain stayed.   \n"
        "\t\n"
        "  Yemen waited.\n"
    )
    spans = spans_of(text, sentencizer)
    assert [text[s.start : s.end] for s in spans] == [s.text for s in spans]
    assert [s.text for s in spans] == [
        "Oman spoke.",
        "Qatar listened!",
        "Kuwait left?",
        "Bahrain stayed.",
        "Yemen waited.",
    ]
    assert [s.paragraph for s in spans] == [0, 0, 1, 1, 2]


def test_sentence_offsets_after_a_double_space(sentencizer: Language) -> None:
    text = "Oman spoke.  Qatar listened."
    spans = spans_of(text, sentencizer)
    assert [(s.text, text[s.start : s.end]) for s in spans] == [
        ("Oman spoke.", "Oman spoke."),
        ("Qatar listened.", "Qatar listened."),
    ]


def test_a_paragraph_longer_than_the_limit_is_cut_after_sentences() -> None:
    sentence = "Chile condemned Peru on Monday. "
    line = "LIMA (Reuters) - " + sentence * 200  # 6,400 characters on one line
    paras = paragraphs(line)
    assert [len(p.text) for p in paras] == [2975, 2975, 447]
    assert [line[p.start : p.start + len(p.text)] for p in paras] == [p.text for p in paras]
    assert {p.text.split(". ")[0] for p in paras} == {"Chile condemned Peru on Monday"}
