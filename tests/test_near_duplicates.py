"""The cheap bound before the line-by-line comparison never changes a near-duplicate
decision: every pair of variants of a few texts is decided as difflib alone decides it."""

import difflib
from itertools import product

from diplograph.core.texts import _lines, near_duplicate

BASE = [
    "Putin met Assad.",
    "They talked for hours.",
    "They agreed on a plan.",
    "A statement followed.",
    "Talks resume on Monday.",
]


def difflib_only(a: str, b: str) -> bool:
    """Return the decision of ``near_duplicate`` as it was before the bound (reference)."""
    la, lb = _lines(a), _lines(b)
    if la == lb:
        return True
    if min(len(la), len(lb)) < 3:
        return near_duplicate(a, b)  # the short-text rule is not affected
    edited = 0
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=la, b=lb, autojunk=False).get_opcodes():
        if tag != "equal":
            edited += max(i2 - i1, j2 - j1)
    return edited <= 1


def variants() -> list[str]:
    """Return texts made from ``BASE``: lines edited, dropped, added, repeated, reordered."""
    texts = ["\n".join(BASE)]
    for i in range(len(BASE)):
        texts.append("\n".join([*BASE[:i], "A corrected line.", *BASE[i + 1 :]]))
        texts.append("\n".join(BASE[:i] + BASE[i + 1 :]))
        texts.append("\n".join([*BASE[:i], BASE[i], BASE[i], *BASE[i + 1 :]]))
    texts.append("\n".join(reversed(BASE)))
    texts.append("\n".join(BASE[1:] + BASE[:1]))
    texts.append("\n".join([*BASE, "By a staff writer.", "Copyright 2017."]))
    texts.append("\n".join(line.replace("They", "The sides") for line in BASE))
    return texts


def test_the_bound_decides_every_pair_as_difflib_alone() -> None:
    texts = variants()
    decisions = {(a, b): near_duplicate(a, b) for a, b in product(texts, texts)}

    assert decisions == {(a, b): difflib_only(a, b) for a, b in product(texts, texts)}
    assert sum(decisions.values()) == 76
    assert len(decisions) == 400  # 20 distinct texts: both answers are exercised
