"""Split an article into paragraphs (one per line) and sentences with character offsets."""

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from diplograph.ingest.types import SentenceSpan

# A wire-story dateline: "SEOUL, Oct 22 -", "WASHINGTON (Reuters) -", "CAIRO —".
DATELINE = re.compile(
    r"^[A-Z][A-Z .'/-]{1,40}"  # the place, in capitals
    r"(?:,\s*[A-Za-z0-9 .,]{1,30}?)?"  # ", Oct 22" or ", Jan. 5, 2024"
    r"\s*(?:\([A-Za-z .]+\))?"  # "(Reuters)"
    r"\s*(?:-|--|\u2013|\u2014)\s+"
)


@dataclass(frozen=True)
class Paragraph:
    """A non-empty line of the article and where it starts in the article text."""

    index: int
    start: int
    text: str


def paragraphs(text: str) -> list[Paragraph]:
    """Return the non-empty lines of ``text``, stripped, with their character offsets.

    A wire dateline opening the line ("SEOUL, Oct 22 - ") is left out.

    >>> [(p.index, p.start, p.text) for p in paragraphs("A b.\\n\\n  C d.\\n")]
    [(0, 0, 'A b.'), (1, 8, 'C d.')]
    >>> paragraphs("CAIRO (Reuters) - Egypt said.")[0].text
    'Egypt said.'
    """
    found: list[Paragraph] = []
    offset = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = offset + line.index(stripped)
            dateline = DATELINE.match(stripped)
            if dateline and dateline.end() < len(stripped):
                start += dateline.end()
                stripped = stripped[dateline.end() :]
            found.append(Paragraph(len(found), start, stripped))
        offset += len(line) + 1
    return found


def sentence_spans(paras: list[Paragraph], docs: list[Doc]) -> list[SentenceSpan]:
    """Return every sentence of the parsed paragraphs, numbered across the article."""
    spans: list[SentenceSpan] = []
    for para, doc in zip(paras, docs, strict=True):
        for sent in doc.sents:
            text = sent.text.strip()
            if not text:
                continue
            start = para.start + sent.start_char + len(sent.text) - len(sent.text.lstrip())
            spans.append(SentenceSpan(len(spans), para.index, text, start, start + len(text)))
    return spans
