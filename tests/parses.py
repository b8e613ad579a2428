"""Hand-built parses for model-free tests, as spaCy's own tests build them."""

from spacy.tokens import Doc
from spacy.vocab import Vocab

# (word, lemma, pos, tag, dep, head, ent IOB)
Row = tuple[str, str, str, str, str, int, str]


def make_doc(vocab: Vocab, rows: list[Row]) -> Doc:
    """Return a Doc parsed by hand from ``rows``, as spaCy would annotate it.

    Its ``[:]`` is the whole sentence as a Span.
    """
    words, lemmas, pos, tags, deps, heads, ents = (list(col) for col in zip(*rows, strict=True))
    return Doc(
        vocab, words=words, lemmas=lemmas, pos=pos, tags=tags, deps=deps, heads=heads, ents=ents
    )
