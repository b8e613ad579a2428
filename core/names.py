"""Name normalization shared by the store and the extractor."""

import re
import unicodedata
from functools import lru_cache

_NON_WORD = re.compile(r"[^\w' ]+|_")
_SPACES = re.compile(r"\s+")


def _fold(char: str) -> str:
    """Return an ASCII character as it is, a letter of another script (Cyrillic, Arabic...)
    in lower case, and nothing for accents and Latin letters outside ASCII (as ever)."""
    if char.isascii():
        return char
    if char.isalpha() and not unicodedata.name(char, "").startswith("LATIN"):
        return char.casefold()
    return ""


def normalize_name(name: str) -> str:
    """Return the lookup key of an actor name: lower case, no accents, dots or hyphens.

    Letters of other scripts are kept (in lower case), so that Cyrillic or Arabic
    names can be looked up too.

    >>> normalize_name("  The U.S. President's  ")
    'us president'
    >>> normalize_name("Abdel Fattah el-Sissi")
    'abdel fattah el sissi'
    >>> normalize_name("Владимир Путин"), normalize_name("²")
    ('владимир путин', '2')
    """
    return _normalized(name)


@lru_cache(maxsize=65536)
def _normalized(name: str) -> str:
    folded = "".join(_fold(char) for char in unicodedata.normalize("NFKD", name))
    text = folded.lower().replace("\u2019", "'").replace(".", "").replace("-", " ")
    text = _NON_WORD.sub(" ", text)
    text = re.sub(r"'s\b", "", text).replace("'", "")
    text = _SPACES.sub(" ", text).strip()
    return text.removeprefix("the ")
