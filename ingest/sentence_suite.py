"""Scoring extracted events against a sentence-level suite (``eval/petrarch_unit/``).

A suite is a ``records.jsonl`` file (or a folder holding one): one sentence per line
with its ``date``, its expected ``events`` (``source`` and ``target`` ISO alpha-3 codes
or null, CAMEO ``code``) and ``excluded`` (null, or why the record is not scored).
Each sentence's predictions are reduced to unique (source country, target country,
root) triples, negated events left out; a triple is a true positive when the sentence
expects it. The root-only level compares the sentence's sets of CAMEO roots, the dyad
level its sets of (source country, target country) whatever the code.

Examples
--------
>>> expected = [{"source": "BRA", "target": "ARG", "code": "064"}]
>>> predicted = [{"source_country": "BRA", "target_country": "ARG", "cameo": "061"}]
>>> sentence_counts(expected, predicted)
SentenceCounts(tp=1, fp=0, fn=0, root_tp=1, root_fp=0, root_fn=0, dyad_tp=1, dyad_fp=0, dyad_fn=0)
"""

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

Triple = tuple[str | None, str | None, str]
Accepted = frozenset[Triple]
"""The triples that count as one expected event: its roots, in either direction if symmetric."""


@dataclass(frozen=True)
class SuiteRecord:
    """One sentence of a suite: id, date (ISO), text and expected (source, target, root).

    ``accepted`` gives, per expected event, every triple that counts as it (an event may
    list several ``roots`` and be ``symmetric``: a meeting either way round).
    """

    id: str
    date: str
    text: str
    expected: tuple[Triple, ...]
    accepted: tuple[Accepted, ...] = ()


def accepted_triples(event: Mapping[str, Any]) -> Accepted:
    """Return the triples that count as a suite event (``roots`` and ``symmetric`` optional).

    >>> event = {"source": "KOR", "target": "PRK", "code": "040", "roots": ["04", "05"]}
    >>> sorted(accepted_triples({**event, "symmetric": True}))
    [('KOR', 'PRK', '04'), ('KOR', 'PRK', '05'), ('PRK', 'KOR', '04'), ('PRK', 'KOR', '05')]
    """
    source, target = event.get("source"), event.get("target")
    roots = [str(r)[:2] for r in event.get("roots") or [event["code"]]]
    pairs = [(source, target), (target, source)] if event.get("symmetric") else [(source, target)]
    return frozenset((a, b, root) for a, b in pairs for root in roots)


@dataclass
class SentenceCounts:
    """True positives, false positives and false negatives: triples, roots alone, dyads."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    root_tp: int = 0
    root_fp: int = 0
    root_fn: int = 0
    dyad_tp: int = 0
    dyad_fp: int = 0
    dyad_fn: int = 0

    def add(self, other: "SentenceCounts") -> None:
        """Add ``other`` into these counts; returns nothing."""
        for field in fields(self):
            setattr(self, field.name, getattr(self, field.name) + getattr(other, field.name))


def load_suite(path: Path) -> tuple[list[SuiteRecord], int]:
    """Return the scored records of a suite file or folder and how many were excluded."""
    file = path / "records.jsonl" if path.is_dir() else path
    records: list[SuiteRecord] = []
    excluded = 0
    for line in file.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        data = json.loads(line)
        if data.get("excluded"):
            excluded += 1
            continue
        records.append(
            SuiteRecord(
                id=data["id"],
                date=data.get("date") or "",
                text=data["text"],
                expected=tuple(
                    (e.get("source"), e.get("target"), str(e["code"])[:2]) for e in data["events"]
                ),
                accepted=tuple(accepted_triples(e) for e in data["events"]),
            )
        )
    return records, excluded


def _country(event: Mapping[str, Any], side: str) -> str | None:
    value = event.get(side)
    country = value.get("country") if isinstance(value, Mapping) else event.get(f"{side}_country")
    return str(country) if country else None


def predicted_triples(events: Iterable[Mapping[str, Any]]) -> set[Triple]:
    """Return the unique (source country, target country, root) of the events not negated."""
    triples: set[Triple] = set()
    for event in events:
        if event.get("negated") in (True, "true", 1):
            continue
        code = str(event.get("cameo") or event.get("code") or "")
        if len(code) < 2 or not code[:2].isdigit():
            continue
        triples.add((_country(event, "source"), _country(event, "target"), code[:2]))
    return triples


def _matches(gold: Iterable[frozenset[Any]], predicted: set[Any]) -> tuple[int, int, int]:
    """Return (tp, fp, fn): expected items found, predictions that fit none, items missed.

    Each expected item is the set of predictions that count as it; with one prediction
    each this is plain set overlap.
    """
    items = set(gold)
    tp = sum(1 for item in items if item & predicted)
    fp = sum(1 for p in predicted if not any(p in item for item in items))
    return tp, fp, len(items) - tp


def sentence_counts(
    expected: Iterable[Mapping[str, Any]] | Iterable[Triple] | Iterable[Accepted],
    events: Iterable[Mapping[str, Any]],
) -> SentenceCounts:
    """Return the counts of one sentence's predicted ``events`` against its ``expected`` ones.

    ``expected`` holds suite events (``source``, ``target``, ``code``, optional ``roots``
    and ``symmetric``), triples, or sets of accepted triples (``SuiteRecord.accepted``).
    """
    gold: list[Accepted] = []
    for item in expected:
        if isinstance(item, Mapping):
            gold.append(accepted_triples(item))
        elif isinstance(item, frozenset):
            gold.append(item)
        else:
            gold.append(frozenset({item}))
    predicted = predicted_triples(events)
    tp, fp, fn = _matches(gold, predicted)
    root_tp, root_fp, root_fn = _matches(
        (frozenset(t[2] for t in g) for g in gold), {t[2] for t in predicted}
    )
    dyad_tp, dyad_fp, dyad_fn = _matches(
        (frozenset(t[:2] for t in g) for g in gold), {t[:2] for t in predicted}
    )
    return SentenceCounts(tp, fp, fn, root_tp, root_fp, root_fn, dyad_tp, dyad_fp, dyad_fn)
