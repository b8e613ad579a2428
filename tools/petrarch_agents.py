"""Convert PETRARCH2's agents and country names into Diplograph's data files.

Reads ``Phoenix.agents.txt`` (sector nouns: troops, police, court, activists...) and the
state records of ``Phoenix.Countries.actors.txt`` (a state's code line and its ``+``
synonyms: other names, adjectives, capitals, regions) from ``openeventdata/petrarch2`` at
the pinned commit of ``tools.petrarch_dictionaries`` and writes
``ingest/data/generated/agents.tsv`` and ``ingest/data/generated/countries.tsv``.
Hand-written tables (``wordlists.toml``, ``countries.tsv``, ``cities.tsv``) win at run
time. Nothing imports this module at run time.

    python -m tools.petrarch_agents <petrarch2 git dir or checkout> [--out DIR]
"""

import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tools.generator_cli import run_generator
from tools.petrarch_dictionaries import COMMIT, DEFAULT_OUT, DICTIONARY_DIR, checked

AGENTS_FILE = f"{DICTIONARY_DIR}/Phoenix.agents.txt"
COUNTRIES_FILE = f"{DICTIONARY_DIR}/Phoenix.Countries.actors.txt"
PINNED: dict[str, str] = {
    AGENTS_FILE: "336330de3ae91cb7daeeb50a7320ff4c9f11e5e69b6dd3a4ebedc522751a95c6",
    COUNTRIES_FILE: "8d4ee11692ccb1636a5cf4421849c420508acbd9b930adab457472b843276506",
}
_SUBSTITUTION = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")
_AGENT = re.compile(
    r"^(?P<phrase>[^\[{#]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]}]+)[\]}]"
)
_STATE = re.compile(r"^(?P<name>[A-Z][A-Z_'.-]*?)_?\s+\[(?P<code>[A-Z]{3})\]\s*(#.*)?$")


@dataclass(frozen=True)
class Agent:
    """One agent noun phrase: singular words, plural words ('' when it has none) and its code."""

    phrase: str
    plural: str
    code: str


@dataclass(frozen=True)
class StateNames:
    """A state's code, its dictionary name and the synonyms listed under it."""

    code: str
    name: str
    synonyms: tuple[str, ...]


def _words(raw: str) -> str:
    """Return an upstream phrase as lower-case words ("RIOT_POLICE_" -> "riot police")."""
    return " ".join(raw.strip().strip("_").replace("_", " ").lower().split())


def _regular_plural(words: str) -> str:
    """Return the regular plural of a phrase's last word ("police" has none: '')."""
    head, _, last = words.rpartition(" ")
    if last.endswith(("s", "x", "ch", "sh")):
        plural = last + "es"
    elif last.endswith("y") and last[-2:-1] not in ("a", "e", "o", "u"):
        plural = last[:-1] + "ies"
    elif last.endswith("man"):
        plural = last[:-3] + "men"
    else:
        plural = last + "s"
    return f"{head} {plural}".strip()


def parse_agents(text: str) -> list[Agent]:
    """Return the agents of an agents dictionary, substitution sets expanded, in file order.

    ``{PLURAL}`` gives an irregular plural, ``{}`` says there is none; otherwise a
    regular plural is formed (PETRARCH 0.5 does the same). A phrase ending in ``_``
    is a whole word; stems are taken as words too.
    """
    sets: dict[str, list[str]] = {}
    agents: list[Agent] = []
    seen: set[str] = set()
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        substitution = _SUBSTITUTION.match(line)
        if substitution:
            sets[substitution[1]] = [w.strip() for w in substitution[2].split(",") if w.strip()]
            continue
        match = _AGENT.match(line)
        if match is None:
            continue
        code = match["code"].strip().strip("~").strip()
        if not code.isalpha():
            continue
        phrases = [match["phrase"]]
        for marker, fillers in sets.items():
            if marker in match["phrase"]:
                phrases = [p.replace(marker, f) for p in phrases for f in fillers]
        for phrase in phrases:
            words = _words(phrase)
            if not words or words in seen:
                continue
            seen.add(words)
            if match["plural"] is not None:
                plural = _words(match["plural"])
            elif len(phrases) > 1:
                plural = ""  # the set lists its plurals ("men") itself
            else:
                plural = _regular_plural(words)
            agents.append(Agent(words, plural, code))
    return agents


def parse_states(text: str) -> list[StateNames]:
    """Return the state records of a countries dictionary: code line and ``+`` synonyms."""
    states: list[StateNames] = []
    current: tuple[str, str] | None = None
    synonyms: list[str] = []

    def flush() -> None:
        if current is not None:
            states.append(StateNames(current[0], current[1], tuple(dict.fromkeys(synonyms))))

    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line.startswith("+"):
            if current is not None:
                words = _words(line[1:])
                if words:
                    synonyms.append(words)
            continue
        flush()
        current, synonyms = None, []
        match = _STATE.match(line)
        if match is not None:
            current = (match["code"], _words(match["name"]))
    flush()
    return states


SECTOR_TYPES = {
    "GOV": "government",
    "LEG": "government",
    "JUD": "government",
    "COP": "government",
    "SPY": "government",
    "MIL": "military",
    "REB": "group",
    "UAF": "group",
    "INS": "group",
    "SEP": "group",
    "RAD": "group",
    "OPP": "opposition",
    "CVL": "civilians",
    "PPL": "civilians",
    "REF": "civilians",
    "EDU": "civilians",
    "LAB": "civilians",
    "AGR": "civilians",
    "HLH": "civilians",
    "HRI": "activists",
    "ENV": "activists",
    "NGO": "activists",
    "BUS": "business",
    "MED": "media",
}
"""The first sector of an agent code -> the kind of actor it names (others are left out)."""


def agent_rows(agents: Iterable[Agent]) -> list[tuple[str, str, str, str]]:
    """Return (phrase, plural, code, sector) rows for the agents whose sector is kept."""
    rows = []
    for agent in agents:
        sector = SECTOR_TYPES.get(agent.code[:3])
        if sector is not None:
            rows.append((agent.phrase, agent.plural, agent.code, sector))
    return rows


def state_rows(states: Iterable[StateNames]) -> list[tuple[str, str, str]]:
    """Return (iso3, name, synonyms) rows, one per state; synonyms ``|`` separated."""
    names: dict[str, str] = {}
    synonyms: dict[str, list[str]] = {}
    for state in states:
        names.setdefault(state.code, state.name)
        known = synonyms.setdefault(state.code, [])
        known.extend(s for s in (state.name, *state.synonyms) if s not in known)
    return [
        (code, name, "|".join(s for s in synonyms[code] if s != name))
        for code, name in names.items()
    ]


def _tsv(header: tuple[str, ...], rows: Iterable[tuple[str, ...]], comment: str) -> str:
    lines = [f"# {line}" for line in comment.splitlines()]
    lines.append("\t".join(header))
    lines.extend("\t".join(row) for row in rows)
    return "\n".join(lines) + "\n"


def tables(agents_text: str, countries_text: str) -> dict[str, str]:
    """Return the generated files (name -> text) of the agents and countries dictionaries."""
    note = (
        f"Generated by tools/petrarch_agents.py from PETRARCH2 (commit {COMMIT[:7]}, MIT;"
        " see LICENSE)."
    )
    return {
        "agents.tsv": _tsv(
            ("phrase", "plural", "code", "sector"),
            agent_rows(parse_agents(agents_text)),
            note + "\nFrom Phoenix.agents.txt: an agent noun phrase, its plural ('' none),"
            " its code and the kind of actor it names.",
        ),
        "countries.tsv": _tsv(
            ("iso3", "name", "synonyms"),
            state_rows(parse_states(countries_text)),
            note + "\nFrom Phoenix.Countries.actors.txt: each state's other names, adjectives,"
            " capitals, cities and regions (not told apart upstream).",
        ),
    }


def generate(source: Path) -> dict[str, str]:
    """Return the generated files from ``source``; raise ValueError on a checksum mismatch."""
    texts = checked(source, PINNED)
    return tables(texts[AGENTS_FILE], texts[COUNTRIES_FILE])


def main(argv: list[str] | None = None) -> int:
    """Write the generated files; return the exit code (2 with one line on stderr on error)."""
    description = (__doc__ or "").splitlines()[0]
    return run_generator("petrarch_agents", description, DEFAULT_OUT, generate, argv)


if __name__ == "__main__":
    sys.exit(main())
