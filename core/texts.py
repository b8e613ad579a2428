"""Article texts compared as a reader would: copies that differ by whitespace, punctuation,
case or one edited line are one article."""

import difflib
import hashlib
import re
import unicodedata
from collections import Counter

from rapidfuzz.distance import Levenshtein

_NOT_WORD = re.compile(r"[\W_]+")

MAX_EDITED_LINES = 1
"""How many lines a near-duplicate copy may change, add or drop."""


def fingerprint(text: str) -> str:
    """Return the SHA-256 of the text's letters and digits only, case-folded.

    >>> fingerprint("Putin met  Assad.") == fingerprint("putin met Assad")
    True
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    return hashlib.sha256(_NOT_WORD.sub("", folded).encode("utf-8")).hexdigest()


def _lines(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKC", text).casefold()
    keys = (_NOT_WORD.sub("", line) for line in folded.splitlines())
    return [key for key in keys if key]


def _common_lines(la: list[str], lb: list[str]) -> int:
    """Return how many lines the two texts share, counted with repeats.

    No alignment pairs more lines than this, so ``max(len) - common`` is a lower bound of
    the lines an alignment edits: when it exceeds the allowance, comparing line by line
    (``difflib``, quadratic) can only say no, and is skipped. The decision is unchanged.
    """
    return sum((Counter(la) & Counter(lb)).values())


def near_duplicate(a: str, b: str, *, max_edited_lines: int = MAX_EDITED_LINES) -> bool:
    """Return True when ``b`` is ``a`` up to whitespace, punctuation, case and at most
    ``max_edited_lines`` changed, added or dropped lines (a corrected line, a byline).

    A text of fewer than three lines has no other lines to vouch for it: it is a
    near-duplicate when at most ``max(3, 1%)`` of its characters differ (a typo).

    >>> near_duplicate("Putin met Assad.\\nThey talked.\\nThey ate.",
    ...                "Putin met Assad!\\nThey talked at length.\\nThey ate.")
    True
    >>> near_duplicate("Putin met Assad.", "Putin met Erdogan.")
    False
    >>> near_duplicate("Putin met Assad in Latakia.", "Putin met Asad in Latakia.")
    True
    """
    la, lb = _lines(a), _lines(b)
    if la == lb:
        return True
    if min(len(la), len(lb)) < 3:
        ja, jb = "".join(la), "".join(lb)
        return bool(Levenshtein.distance(ja, jb) <= max(3, max(len(ja), len(jb)) // 100))
    if max(len(la), len(lb)) - _common_lines(la, lb) > max_edited_lines:
        return False  # the cheap bound below already says "too many edits"
    edited = 0
    matcher = difflib.SequenceMatcher(a=la, b=lb, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            edited += max(i2 - i1, j2 - j1)
    return edited <= max_edited_lines
