"""Trigger lexicon and CAMEO code table, loaded from the data files in ``ingest/data``."""

from dataclasses import dataclass
from functools import lru_cache

from ingest.datafiles import read_rows


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


@lru_cache(maxsize=1)
def trigger_rules() -> dict[tuple[str, str], tuple[TriggerRule, ...]]:
    """Return the trigger rules keyed by (lemma, pos), pos ``V``, ``N`` or ``J`` (verdict)."""
    rules: dict[tuple[str, str], list[TriggerRule]] = {}
    codes = cameo_codes()
    for row in read_rows("triggers.csv"):
        if row["cameo"] not in codes:
            raise ValueError(
                f"triggers.csv: unknown CAMEO code {row['cameo']!r} for {row['lemma']}"
            )
        rule = TriggerRule(
            lemma=row["lemma"],
            pos=row["pos"],
            target_slots=tuple(row["target"].split("|")),
            cameo=row["cameo"],
            modality=row["modality"],
            weight=float(row["weight"]),
        )
        rules.setdefault((rule.lemma, rule.pos), []).append(rule)
    return {key: tuple(value) for key, value in rules.items()}


def rules_for(lemma: str, pos: str) -> tuple[TriggerRule, ...]:
    """Return the rules of a trigger lemma (``pos`` ``V``, ``N`` or ``J``); empty if none."""
    return trigger_rules().get((lemma.lower(), pos), ())


def code_info(code: str) -> CameoCode:
    """Return the CAMEO entry of ``code``, falling back to its root when the code is unlisted."""
    table = cameo_codes()
    return table.get(code) or table[code[:2]]
