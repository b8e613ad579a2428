"""Open-class word lists (light verbs, group nouns, ...) from ``ingest/data/wordlists.toml``."""

import tomllib
from functools import lru_cache
from importlib.resources import files


@lru_cache(maxsize=1)
def _all_lists() -> dict[str, frozenset[str]]:
    text = files("diplograph.ingest").joinpath("data", "wordlists.toml").read_text(encoding="utf-8")
    return {name: frozenset(words) for name, words in tomllib.loads(text).items()}


def wordlist(name: str) -> frozenset[str]:
    """Return the words of list ``name``; raise KeyError for an unknown list."""
    return _all_lists()[name]
