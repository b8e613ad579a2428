"""A drop-in for spaCy's ``attribute_ruler`` that applies its one-token rules by table lookup.

The stock component runs a Matcher over the whole doc for every rule (its ``IN``, ``NOT_IN``
and ``REGEX`` tests are Python calls, per token and per rule) and then sets attributes one
match at a time. Most of en_core_web_sm's 179 rules test a single token, so which of them
match a token depends only on the few attributes they read (TAG, LOWER, DEP, IS_SPACE):
the first time a combination of those values is seen, a Matcher holding just the one-token
rules is run on that token alone, and the attributes the matching rules give (folded in
rule order, later rules overriding earlier ones attribute by attribute) are kept in a table
for every later token with the same values. A rule over a fixed number of tokens runs
through a Matcher only on the few tokens from where its first token's test (answered from
the same table) passes; any other rule (``OP``, unusual keys) on the whole doc. All rules
come from the loaded model's own ``attribute_ruler``, every test is still the Matcher's own,
and, as in the stock component, all rules are matched against the tokens as they were
before any rule applied.
"""

from collections.abc import Iterable, Sequence
from typing import Any, cast

import numpy
from spacy.attrs import IDS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import normalize_token_attrs
from thinc.types import Ints2d

FACTORY = "diplograph_attribute_table"
TOKEN_KEYS = frozenset(
    {"ORTH", "LOWER", "NORM", "SHAPE", "TAG", "POS", "DEP", "LEMMA", "ENT_TYPE"}
    | {"IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT", "IS_STOP", "LIKE_NUM"}
)
"""Pattern keys whose test depends only on the token's value of that attribute, as
``Doc.to_array`` reads it."""
TABLE_LIMIT = 500_000
"""Distinct token keys kept before the table starts afresh (bounds memory on long runs)."""

Folded = tuple[tuple[int, int], ...]
"""(column, value) pairs: the attributes a token ends with, as columns of ``columns``."""
Entry = tuple[list[int], Folded, bool]
"""A table entry: the one-token rules a token matches, the attributes they give it, and
whether a rule over several tokens may start at it."""


def _fixed_length(pattern: Sequence[dict[str, Any]]) -> bool:
    """Return whether every token of ``pattern`` matches exactly one token (no ``OP``)."""
    return all(str(k).upper() != "OP" for token in pattern for k in token)


def _one_token_keys(pattern: Sequence[dict[str, Any]], index: int) -> list[str] | None:
    """Return the (upper-case) keys of a one-token pattern whose match depends only on
    attributes in TOKEN_KEYS, or None if the pattern is not one."""
    if len(pattern) != 1 or index not in (0, -1):
        return None
    keys = [str(k).upper() for k in pattern[0]]
    if not keys or not set(keys) <= TOKEN_KEYS:
        return None
    return keys


class AttributeTable:
    """The rules of a stock ``attribute_ruler``; one-token rules answered from a table."""

    def __init__(self, nlp: Language, name: str, rules: Sequence[dict[str, Any]]) -> None:
        """Compile ``rules`` (an ``AttributeRuler.patterns`` list, in order) for ``nlp``."""
        self.name = name
        strings = nlp.vocab.strings
        self.attrs: list[dict[int, int]] = []
        self.indices: list[int] = []
        self.token_matcher = Matcher(nlp.vocab)
        self.window_matcher = Matcher(nlp.vocab)
        self.doc_matcher = Matcher(nlp.vocab)
        self.rule_of: dict[int, int] = {}
        self.starts: set[int] = set()
        self.window = 0
        columns: list[int | str] = []
        read: list[int | str] = []
        for k, rule in enumerate(rules):
            attrs = normalize_token_attrs(nlp.vocab, dict(rule["attrs"]))
            if not all(isinstance(a, int) for a in attrs):
                raise ValueError(f"attribute rule {k} sets attributes a table cannot: {attrs}")
            self.attrs.append(attrs)
            columns.extend(a for a in attrs if a not in columns)
            index = int(rule.get("index", 0))
            self.indices.append(index)
            one_token, firsts, windowed, whole = [], [], [], []
            for pattern in rule["patterns"]:
                keys = _one_token_keys(pattern, index)
                if keys is not None:
                    one_token.append(pattern)
                elif _fixed_length(pattern) and (keys := _one_token_keys(pattern[:1], 0)):
                    firsts.append(pattern[:1])
                    windowed.append(pattern)
                    self.window = max(self.window, len(pattern))
                else:
                    whole.append(pattern)
                read.extend(IDS[key] for key in keys or () if IDS[key] not in read)
            if one_token:
                self.token_matcher.add(str(k), one_token)
            if firsts:
                self.token_matcher.add(f"starts {k}", firsts)
                self.starts.add(strings.add(f"starts {k}"))
                self.window_matcher.add(str(k), windowed)
            if whole:
                self.doc_matcher.add(str(k), whole)
            self.rule_of[strings.add(str(k))] = k
        self.columns = columns
        self.read: list[int | str] = read or [IDS["ORTH"]]
        self._table: dict[tuple[int, ...], Entry] = {}

    def _fold(self, rules: Iterable[int]) -> Folded:
        """Return the attributes the rules give a token, applied in rule order."""
        out: dict[int, int] = {}
        for k in sorted(rules):
            out.update(self.attrs[k])
        return tuple((self.columns.index(a), v) for a, v in out.items())

    def _look_up(self, doc: Doc, i: int, key: tuple[int, ...]) -> Entry:
        """Return the table entry for token ``i`` (whose read attributes are ``key``),
        matching it alone against the one-token rules, and keep it in the table."""
        if len(self._table) >= TABLE_LIMIT:
            self._table.clear()
        rules: list[int] = []
        starts = False
        for match_id, _, _ in self.token_matcher(doc[i : i + 1], allow_missing=True):
            if match_id in self.starts:
                starts = True
            else:
                rules.append(self.rule_of[match_id])
        found = (rules, self._fold(rules), starts)
        self._table[key] = found
        return found

    def _add_matches(
        self,
        pending: dict[int, list[int]],
        matches: Iterable[tuple[int, int, int]],
        offset: int,
        only_start: int | None = None,
    ) -> None:
        """Add to ``pending`` (token index: rules) the tokens the rules over several
        tokens set; ``matches`` are (rule id, start, end) relative to ``offset``."""
        for match_id, start, end in matches:
            if only_start is not None and start != only_start:
                continue
            k = self.rule_of[match_id]
            index = self.indices[k]
            target = start + index if index >= 0 else end + index
            if not start <= target < end:
                raise ValueError(f"attribute rule {k}: index {index} outside its match")
            pending.setdefault(offset + target, []).append(k)

    def __call__(self, doc: Doc) -> Doc:
        """Set the rules' attributes on ``doc``'s tokens and return it."""
        if not len(doc):
            return doc
        keys = doc.to_array(self.read).tolist()
        if len(self.read) == 1:
            keys = [[key] for key in keys]
        pending: dict[int, list[int]] = {}
        if self.doc_matcher:
            self._add_matches(pending, self.doc_matcher(doc, allow_missing=True), 0)
        rows = doc.to_array(self.columns).tolist()
        table = self._table
        for i, values in enumerate(keys):
            key = tuple(values)
            found = table.get(key)
            if found is None:
                found = self._look_up(doc, i, key)
            if found[2]:
                window = self.window_matcher(doc[i : i + self.window], allow_missing=True)
                self._add_matches(pending, window, i, only_start=0)
            sets = self._fold(found[0] + pending.pop(i)) if i in pending else found[1]
            row = rows[i]
            for col, value in sets:
                row[col] = value
        doc.from_array(self.columns, cast(Ints2d, numpy.array(rows, dtype=numpy.uint64)))
        return doc


@Language.factory(FACTORY, default_config={"source": "attribute_ruler"})
def make_attribute_table(nlp: Language, name: str, source: str) -> AttributeTable:
    """Return an AttributeTable built from the rules of ``nlp``'s pipe ``source``."""
    ruler = nlp.get_pipe(source)
    if not isinstance(ruler, AttributeRuler):
        raise TypeError(f"pipe {source!r} is a {type(ruler).__name__}, not an AttributeRuler")
    return AttributeTable(nlp, name, ruler.patterns)
