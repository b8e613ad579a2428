"""The words and codes of the constructions, read from ``ingest/data/constructions.toml``.

Each construction family has a table there: the words it looks for, and the
``action``, CAMEO code, modality and weight its events are coded with. The top level
holds the words the families share (saying verbs, statement nouns).
"""

import tomllib
from functools import cache
from importlib.resources import files
from typing import Any

from diplograph.ingest.lexicon import TriggerRule, cameo_codes

# A construction's rule has no lemma of its own: it is coded with pos "C".
CONSTRUCTION_POS = "C"


@cache
def _data() -> dict[str, Any]:
    text = (
        files("diplograph.ingest")
        .joinpath("data", "constructions.toml")
        .read_text(encoding="utf-8")
    )
    return tomllib.loads(text)


def construction_words(name: str, section: str | None = None) -> frozenset[str]:
    """Return the word list ``name`` of table ``section``, or of the top level when None."""
    table = _data() if section is None else _data()[section]
    return frozenset(table[name])


def construction_phrase(name: str, section: str) -> tuple[str, ...]:
    """Return the words of the phrase ``name`` of table ``section``, in order."""
    return tuple(_data()[section][name])


@cache
def construction_rule(section: str, code_key: str = "cameo") -> TriggerRule:
    """Return the rule a construction codes its events with (``code_key`` picks the code)."""
    table = _data()[section]
    code = table[code_key]
    if code not in cameo_codes():
        raise ValueError(f"constructions.toml: unknown CAMEO code {code!r} in [{section}]")
    return TriggerRule(
        lemma=table["action"],
        pos=CONSTRUCTION_POS,
        target_slots=(),
        cameo=code,
        modality=table["modality"],
        weight=float(table["weight"]),
    )
