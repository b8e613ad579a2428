"""Split an article into paragraphs (one per line) and sentences with character offsets."""

from dataclasses import dataclass

from spacy.tokens import Doc

from ingest.types import SentenceSpan


@dataclass(frozen=True)
class Paragraph:
    """A non-empty line of the article and where it starts in the article text."""

    index: int
    start: int
    text: str


def paragraphs(text: str) -> list[Paragraph]:
    """Return the non-empty lines of ``text``, stripped, with their character offsets.

    >>> [(p.index, p.start, p.text) for p in paragraphs("A b.\\n\\n  C d.\\n")]
    [(0, 0, 'A b.'), (1, 8, 'C d.')]
    """
    found: list[Paragraph] = []
    offset = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            found.append(Paragraph(len(found), offset + line.index(stripped), stripped))
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
            start = para.start + sent.start_char
            spans.append(SentenceSpan(len(spans), para.index, text, start, start + len(text)))
    return spans
