"""Convert PETRARCH2's unit-test records (MIT licence) into a sentence-level regression suite.

Reads ``petrarch2/data/text/PETR.UnitTest.records.xml`` of ``openeventdata/petrarch2`` at
the pinned commit (sha256 checked) and writes ``eval/petrarch_unit/``:

- ``records.jsonl``: one record per line: ``id``, ``category``, ``date`` (ISO), ``text``
  (with the suite's invented states renamed to real ones, see below), ``original`` (the
  upstream text), ``events`` (``source``, ``target``: ISO alpha-3 or null; ``code``:
  CAMEO; ``source_code``, ``target_code``: upstream actor codes) and ``excluded`` (null,
  or why the record is not scored);
- ``LICENSE`` (upstream's) and ``README.md`` (source, commit, checksum, exclusions).

The records are written for PETRARCH's own test dictionaries, whose states are invented
(Arnor, Gondor, Osgiliath...). Each invented state is renamed to a real one the suite
does not otherwise mention (``STATES``), with its adjectives and capital, so that any
extractor that knows real states can be scored. A record is excluded when it tests the
coder's error handling, when it expects a code of the test dictionary that is not CAMEO
(``9xx`` marks negation and modality; ``21x``-``34x`` and ``80x`` are test codes), when
an expected actor has no real-world state (hobbits, elves, wizards: ``FICTIONAL``) or
when an expected renamed state is known only through an invented person's dictionary
entry (``PERSONS``) and not named in the sentence.

Run as ``make petrarch-unit PETRARCH2=<git dir or checkout>``. Nothing imports this module
at run time.
"""

import hashlib
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from tools.generator_cli import run_generator
from tools.petrarch_dictionaries import COMMIT, read_upstream

RECORDS = "petrarch2/data/text/PETR.UnitTest.records.xml"
PINNED: dict[str, str] = {
    "LICENSE": "77efcd0831a60488f61d4eda6565cafbbdcc733751430bf91e2612c518c6ecb7",
    RECORDS: "79eb93ab125408d23f4629c3af46983ae1f194a687cff303677189dd9409e99a",
}
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "eval" / "petrarch_unit"

# Invented state code -> (real ISO alpha-3, [(invented form, real form), ...]); longer
# forms are replaced first. Misspellings the suite uses on purpose ("Gxndor") are kept.
STATES: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "ARN": ("BRA", [("Arnorian", "Brazilian"), ("Arnor", "Brazil")]),
    "GON": (
        "ARG",
        [("Minas Tirith", "Buenos Aires"), ("Anorien", "Argentina"), ("Gondor", "Argentina")],
    ),
    "OSG": ("CHL", [("Osgiliath", "Chile")]),
    "BRE": ("PER", [("Bree", "Peru")]),
    "CAL": ("COL", [("Calenardhon", "Colombia")]),
    "ERI": (
        "KEN",
        [("Eriadorian", "Kenyan"), ("Eriadori", "Kenyan"), ("Eriador", "Kenya")],
    ),
    "MOR": ("SDN", [("Barad-dur", "Khartoum"), ("Mordor", "Sudan")]),
    "ITH": ("GHA", [("Ithilen", "Ghana")]),
    "FOR": ("NGA", [("Fornost", "Nigeria")]),
    "ROH": ("VNM", [("Rohans", "Vietnamese"), ("Rohan", "Vietnam")]),
    "DAG": ("THA", [("Dagolathi", "Thai"), ("Dagolath", "Thailand")]),
}
# CAMEO country codes that differ from ISO alpha-3.
CAMEO_ISO = {"ZBW": "ZWE", "RHO": "ZWE", "NZE": "NZL", "KUW": "KWT", "GMW": "DEU", "UAR": "EGY"}
# Codes that stand for no state: unknown ("---"), international or non-state bodies.
STATELESS = {"---", "###", "IGO", "NGO", "NGM", "IMG", ""}
# Invented actors with no real-world state: hobbits, elves, orcs, wizards, Hogwarts...
FICTIONAL = {
    "HOB", "DOL", "SHR", "SAM", "ORC", "MRG", "FRO", "BIL", "GAL", "ELR", "ELF", "XYZ",
    "HGW", "WIZ", "RAD", "ENT", "TOK", "RNG", "ONO",
}  # fmt: skip
# Invented people whose state only the suite's dictionary knows.
PERSONS = ("Romendacil", "Calimehtar", "Telemar", "Umbardacil", "Falastur")


@dataclass(frozen=True)
class Expected:
    """One expected event: source and target states (None: no state), CAMEO code."""

    source: str | None
    target: str | None
    code: str
    source_code: str
    target_code: str


def state(code: str, iso: frozenset[str]) -> tuple[str | None, bool]:
    """Return (ISO alpha-3 or None, whether the code has a real-world meaning) of an actor code.

    >>> state("ARNGOV", frozenset({"BRA"})), state("---GOV", frozenset()), state("HOB", frozenset())
    (('BRA', True), (None, True), (None, False))
    """
    head = code.strip()[:3].upper()
    if head in STATES:
        return STATES[head][0], True
    if head in FICTIONAL:
        return None, False
    if head in STATELESS or not head.isalpha():
        return None, True
    head = CAMEO_ISO.get(head, head)
    return (head, True) if head in iso else (None, True)


def renamed(text: str) -> str:
    """Return ``text`` with the invented states' names replaced by the real ones.

    >>> renamed("Arnor's envoy met Gondor in Minas Tirith; Gxndor stays.")
    "Brazil's envoy met Argentina in Buenos Aires; Gxndor stays."
    """
    pairs = sorted(
        (pair for _, forms in STATES.values() for pair in forms), key=lambda p: -len(p[0])
    )
    for old, new in pairs:
        text = re.sub(rf"\b{re.escape(old)}\b", new, text)
    return text


def _date(raw: str) -> str:
    raw = raw.strip()
    return f"{raw[:4]}-{raw[4:6]}-{raw[6:8]}"


def _unnamed_state(events: list[Expected], text: str) -> bool:
    """Return whether an expected renamed state is not named in ``text`` (renamed)."""
    for event in events:
        for code in (event.source_code, event.target_code):
            forms = STATES.get(code.strip()[:3].upper(), ("", []))[1]
            if forms and not any(re.search(rf"\b{new}\b", text) for _, new in forms):
                return True
    return False


def _excluded(node: ET.Element, events: list[Expected], real: bool, text: str) -> str | None:
    if any(e.get("error") for e in node.iter("EventCoding")):
        return "tests the coder's error handling"
    if any(not ("01" <= e.code[:2] <= "20") for e in events):
        return "expects a code of PETRARCH's test dictionary outside CAMEO (21x-34x, 80x, 9xx)"
    if not real:
        return "an expected actor is invented with no real-world state (hobbits, elves, orcs...)"
    person = any(re.search(rf"\b{p}\b", text) for p in PERSONS)
    if person and _unnamed_state(events, renamed(text)):
        return "an expected actor's state is known only from an invented person's entry"
    return None


def convert(xml_text: str, iso: frozenset[str]) -> list[dict[str, object]]:
    """Return the suite's records (see the module docstring), in upstream order."""
    # Some records write attributes as ``date = "..."``, which XML allows; comments hold
    # stray "--" that XML does not, so they are removed first.
    cleaned = re.sub(r"<!--.*?-->", "", xml_text, flags=re.S)
    cleaned = re.sub(r"<!\s*--.*?-->", "", cleaned, flags=re.S)
    root = ET.fromstring(cleaned)
    records: list[dict[str, object]] = []
    for node in root.iter("Sentence"):
        original = " ".join((node.findtext("Text") or "").split())
        events: list[Expected] = []
        real = True
        for coding in node.iter("EventCoding"):
            if coding.get("eventcode") is None:
                continue
            source_code = coding.get("sourcecode", "")
            target_code = coding.get("targetcode", "")
            (source, source_real), (target, target_real) = (
                state(source_code, iso),
                state(target_code, iso),
            )
            real = real and source_real and target_real
            events.append(
                Expected(source, target, coding.get("eventcode", ""), source_code, target_code)
            )
        excluded = _excluded(node, events, real, original)
        records.append(
            {
                "id": node.get("id", "").strip(),
                "category": node.get("category", "").strip(),
                "date": _date(node.get("date", "")),
                "text": renamed(original),
                "original": original,
                "events": [
                    {
                        "source": e.source,
                        "target": e.target,
                        "code": e.code,
                        "source_code": e.source_code,
                        "target_code": e.target_code,
                    }
                    for e in events
                ],
                "excluded": excluded,
            }
        )
    return records


def readme(records: list[dict[str, object]]) -> str:
    """Return the README of the suite folder: source, licence, renaming, exclusion counts."""
    reasons = Counter(str(r["excluded"]) for r in records if r["excluded"])
    scored = [r for r in records if not r["excluded"]]
    lines = [
        "# PETRARCH2 unit-test records as a sentence suite",
        "",
        "Do not edit: regenerate with `make petrarch-unit PETRARCH2=<git dir or checkout>`",
        "(`tools/petrarch_unit_tests.py`); score with `python -m bench.sentences "
        "eval/petrarch_unit`.",
        "",
        f"Source: https://github.com/openeventdata/petrarch2, commit {COMMIT},",
        f"`{RECORDS}` (sha256 `{PINNED[RECORDS]}`).",
        "Copyright (c) 2014-2015 Open Event Data Alliance, MIT licence (`LICENSE` here).",
        "",
        "The records use PETRARCH's test dictionaries, whose states are invented; each is",
        "renamed to a real state the suite does not otherwise mention (the upstream text is",
        "kept in `original`):",
        "",
        "| upstream code | forms | becomes |",
        "| --- | --- | --- |",
        *(
            f"| {code} | {', '.join(old for old, _ in forms)} | {iso} "
            f"({', '.join(new for _, new in forms)}) |"
            for code, (iso, forms) in STATES.items()
        ),
        "",
        f"{len(records)} records, {len(scored)} scored "
        f"({sum(len(r['events']) for r in scored)} expected events; "  # type: ignore[arg-type,misc]
        f"{sum(1 for r in scored if not r['events'])} expect none). Excluded:",
        "",
        *(f"- {n}: {reason}" for reason, n in reasons.most_common()),
        "",
    ]
    return "\n".join(lines)


def iso_codes(countries_tsv: Path) -> frozenset[str]:
    """Return the ISO alpha-3 codes of the project's country table."""
    rows = countries_tsv.read_text(encoding="utf-8").splitlines()[1:]
    return frozenset(row.split("\t", 1)[0] for row in rows if row and not row.startswith("#"))


def generate(source: Path, iso: frozenset[str]) -> dict[str, str]:
    """Return every file of the suite folder (name -> text) from the upstream ``source``."""
    texts: dict[str, str] = {}
    for path, digest in PINNED.items():
        data = read_upstream(source, path)
        actual = hashlib.sha256(data).hexdigest()
        if actual != digest:
            raise ValueError(f"{path}: sha256 {actual} is not the pinned {digest}")
        texts[path] = data.decode("utf-8")
    records = convert(texts[RECORDS], iso)
    return {
        "records.jsonl": "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
        "LICENSE": texts["LICENSE"],
        "README.md": readme(records),
    }


def main(argv: list[str] | None = None) -> int:
    """Write the suite folder; return the exit code (2 with one line on stderr on error)."""
    countries = Path(__file__).resolve().parent.parent / "ingest" / "data" / "countries.tsv"
    return run_generator(
        "petrarch_unit_tests",
        __doc__.splitlines()[0],
        DEFAULT_OUT,
        lambda source: generate(source, iso_codes(countries)),
        argv,
        errors=(ValueError, OSError, ET.ParseError),
    )


if __name__ == "__main__":
    sys.exit(main())
