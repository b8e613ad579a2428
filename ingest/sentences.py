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
            for piece_start, piece in pieces(stripped):
                found.append(Paragraph(len(found), start + piece_start, piece))
        offset += len(line) + 1
    return found


MAX_PARAGRAPH_CHARS = 3_000
"""Longest paragraph parsed as one; a longer line is cut into pieces (see :func:`pieces`).

Rules look at a sentence's whole document (its entities, its tokens), so one huge
paragraph would make extraction time grow with the square of its length."""
_CUTS = (". ", "? ", "! ", '." ', "; ", ", ", " ")


def pieces(text: str, limit: int = MAX_PARAGRAPH_CHARS) -> list[tuple[int, str]]:
    """Return ``text`` cut into pieces of at most ``limit`` characters, with their offsets.

    Each cut falls after the last sentence end before the limit, else after the
    last clause mark or space, else at the limit; text of ``limit`` characters or
    fewer is one piece.

    >>> pieces("One two. Three four. Five.", limit=12)
    [(0, 'One two.'), (9, 'Three four.'), (21, 'Five.')]
    """
    out: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = next((window.rfind(m) + len(m) for m in _CUTS if window.rfind(m) > 0), limit)
        piece = text[start : start + cut].rstrip()
        out.append((start, piece))
        start += cut
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text):
        out.append((start, text[start:]))
    return out


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
