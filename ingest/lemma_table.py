"""A drop-in for spaCy's rule lemmatizer that remembers each lemma by what it depends on.

The stock ``Lemmatizer`` walks the doc's tokens in Python and computes (or finds in its
cache) each one's lemma from the token's text, POS and morphology alone. This component
reads those three values for the whole doc as one array, asks the stock lemmatizer only for
combinations it has not seen yet, and writes the lemmas back as one array: the same lemmas,
same rule (tokens that already have a lemma, e.g. from the attribute ruler, keep it unless
the lemmatizer overwrites).
"""

from typing import cast

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc
from thinc.types import Ints2d

FACTORY = "diplograph_lemma_table"
MODES = frozenset({"rule", "lookup"})
"""Lemmatizer modes whose lemma depends only on the token's text, POS and morphology."""
TABLE_LIMIT = 500_000
"""Distinct (text, POS, morphology) kept before the table starts afresh (bounds memory)."""


class LemmaTable:
    """A stock ``Lemmatizer``'s lemmas, looked up by (text, POS, morphology)."""

    def __init__(self, name: str, lemmatizer: Lemmatizer) -> None:
        """Wrap ``lemmatizer`` (mode "rule" or "lookup"; its tables already loaded)."""
        if lemmatizer.mode not in MODES:
            raise ValueError(f"lemmatizer mode {lemmatizer.mode!r} is not one of {sorted(MODES)}")
        self.name = name
        self.lemmatizer = lemmatizer
        self.overwrite = bool(lemmatizer.overwrite)
        self._table: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        """Set the lemma of ``doc``'s tokens (those without one, unless overwriting)."""
        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        lemmas = [row[3] for row in rows]
        table = self._table
        strings = doc.vocab.strings
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma and not self.overwrite:
                continue
            key = (orth, pos, morph)
            found = table.get(key)
            if found is None:
                if len(table) >= TABLE_LIMIT:
                    table.clear()
                found = table[key] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = found
            changed = True
        if changed:
            doc.from_array([LEMMA], cast(Ints2d, numpy.array(lemmas, dtype=numpy.uint64)))
        return doc


@Language.factory(FACTORY, default_config={"source": "lemmatizer"})
def make_lemma_table(nlp: Language, name: str, source: str) -> LemmaTable:
    """Return a LemmaTable over ``nlp``'s lemmatizer pipe ``source``."""
    lemmatizer = nlp.get_pipe(source)
    if not isinstance(lemmatizer, Lemmatizer):
        raise TypeError(f"pipe {source!r} is a {type(lemmatizer).__name__}, not a Lemmatizer")
    lemmatizer(nlp.make_doc(""))  # the stock check that its lookup tables are loaded
    return LemmaTable(name, lemmatizer)
