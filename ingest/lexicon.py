"""Trigger lexicon and CAMEO code table, loaded from the data files in ``ingest/data``."""

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from diplograph.ingest.datafiles import read_rows


@dataclass(frozen=True)
class CameoCode:
    """A CAMEO event code with its Goldstein score and quad class."""

    code: str
    name: str
    goldstein: float
    quad_class: int


@dataclass(frozen=True)
class TriggerRule:
    """How a trigger word is coded: where its target is found, which code, which modality."""

    lemma: str
    pos: str
    target_slots: tuple[str, ...]
    cameo: str
    modality: str
    weight: float
    obj: str | None = None  # the object lemma the rule needs ("exchange fire"), if any

    @property
    def preps(self) -> tuple[str, ...]:
        """Return the prepositions whose object may be the target."""
        return tuple(s for s in self.target_slots if s != "obj")

    @property
    def takes_object(self) -> bool:
        """Return True when the direct object may be the target."""
        return "obj" in self.target_slots


@lru_cache(maxsize=1)
def cameo_codes() -> dict[str, CameoCode]:
    """Return the CAMEO code table keyed by code."""
    return {
        row["code"]: CameoCode(
            code=row["code"],
            name=row["name"],
            goldstein=float(row["goldstein"]),
            quad_class=int(row["quad_class"]),
        )
        for row in read_rows("cameo.csv")
    }


STATE_TYPES = frozenset({"country", "government", "military", "igo"})
"""Actor types that act as a state (an IGO here is an alliance of states)."""


@lru_cache(maxsize=1)
def _state_codes() -> Mapping[str, str]:
    text = files("diplograph.ingest").joinpath("data", "state_codes.toml").read_text("utf-8")
    table: dict[str, str] = tomllib.loads(text)["by_state"]
    unknown = sorted(c for c in (*table, *table.values()) if c not in cameo_codes())
    if unknown:
        raise ValueError(f"state_codes.toml: unknown CAMEO codes {unknown}")
    return table


def code_for_source(cameo: str, source_type: str) -> str:
    """Return the code of an act done by a source of ``source_type``.

    A state's bombing is an air strike (``state_codes.toml``); other codes are kept.

    >>> code_for_source("183", "military"), code_for_source("183", "group")
    ('195', '183')
    """
    if source_type in STATE_TYPES:
        return _state_codes().get(cameo, cameo)
    return cameo


@lru_cache(maxsize=1)
def trigger_rules() -> dict[tuple[str, str], tuple[TriggerRule, ...]]:
    """Return the trigger rules keyed by (lemma, pos).

    pos is ``V`` (verb), ``N`` (noun), ``J`` (verdict: "called the launch unacceptable")
    or ``A`` (stance adjective: "furious with Tokyo", keyed by its word form). A verb row
    may name its object ("exchange fire", "lift sanction"): it applies only with that object.
    """
    rules: dict[tuple[str, str], list[TriggerRule]] = {}
    codes = cameo_codes()
    for row in read_rows("triggers.csv"):
        if row["cameo"] not in codes:
            raise ValueError(
                f"triggers.csv: unknown CAMEO code {row['cameo']!r} for {row['lemma']}"
            )
        # "exchange fire": a verb coded by its object; the row keys on the verb.
        verb, _, obj = row["lemma"].partition(" ")
        rule = TriggerRule(
            lemma=row["lemma"],
            pos=row["pos"],
            target_slots=tuple(row["target"].split("|")),
            cameo=row["cameo"],
            modality=row["modality"],
            weight=float(row["weight"]),
            obj=obj or None,
        )
        rules.setdefault((verb, rule.pos), []).append(rule)
    # Object patterns first: "exchanged fire" is fighting before "exchanged" is anything.
    return {key: tuple(sorted(value, key=lambda r: r.obj is None)) for key, value in rules.items()}


def rules_for(lemma: str, pos: str) -> tuple[TriggerRule, ...]:
    """Return the rules of a trigger lemma (``pos`` ``V``, ``N``, ``J`` or ``A``); empty if none."""
    return trigger_rules().get((lemma.lower(), pos), ())


def code_info(code: str) -> CameoCode:
    """Return the CAMEO entry of ``code``, falling back to its root when the code is unlisted."""
    table = cameo_codes()
    return table.get(code) or table[code[:2]]


@dataclass(frozen=True)
class ReadinessLexicon:
    """What readiness adjectives ("ready to meet") code, from ``adjectives.toml``."""

    adjectives: frozenset[str]
    intent_codes: Mapping[str, str]  # code or root of the act one is ready for -> intent code
    cooperative_verbs: frozenset[str]
    cooperative_nouns: frozenset[str]
    cooperation_code: str
    help_in_action_code: str
    weight: float


@lru_cache(maxsize=1)
def readiness_lexicon() -> ReadinessLexicon:
    """Return the readiness lexicon; raise ValueError for a code not in the CAMEO table."""
    text = (
        files("diplograph.ingest").joinpath("data", "adjectives.toml").read_text(encoding="utf-8")
    )
    data = tomllib.loads(text)
    lexicon = ReadinessLexicon(
        adjectives=frozenset(data["readiness"]),
        intent_codes=dict(data["intent_codes"]),
        cooperative_verbs=frozenset(data["cooperative_verbs"]),
        cooperative_nouns=frozenset(data["cooperative_nouns"]),
        cooperation_code=data["cooperation"],
        help_in_action_code=data["help_in_action"],
        weight=float(data["weight"]),
    )
    codes = cameo_codes()
    used = [*lexicon.intent_codes.values(), lexicon.cooperation_code, lexicon.help_in_action_code]
    unknown = [code for code in used if code not in codes]
    if unknown:
        raise ValueError(f"adjectives.toml: unknown CAMEO codes {unknown}")
    return lexicon


def readiness_adjectives() -> frozenset[str]:
    """Return the adjectives whose complement is intended ("ready to meet", "open to talks")."""
    return readiness_lexicon().adjectives


def intent_code(cameo: str) -> str | None:
    """Return the intent code of being ready to do ``cameo`` ("meet", 040, gives 036), or None.

    The code itself is looked up first, then its root; None when CAMEO has no intent
    code for the act ("ready to strike").
    """
    table = readiness_lexicon().intent_codes
    return table.get(cameo) or table.get(cameo[:2])
