"""Name normalization shared by the store and the extractor."""

import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9' ]+")
_SPACES = re.compile(r"\s+")


def normalize_name(name: str) -> str:
    """Return the lookup key of an actor name: lower case, no accents, dots or hyphens.

    >>> normalize_name("  The U.S. President's  ")
    'us president'
    >>> normalize_name("Abdel Fattah el-Sissi")
    'abdel fattah el sissi'
    """
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    text = folded.lower().replace("\u2019", "'").replace(".", "").replace("-", " ")
    text = _NON_WORD.sub(" ", text)
    text = re.sub(r"'s\b", "", text).replace("'", "")
    text = _SPACES.sub(" ", text).strip()
    return text.removeprefix("the ")
