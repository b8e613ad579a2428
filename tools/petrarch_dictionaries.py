"""Convert the PETRARCH2 coding dictionaries (MIT licence) into Diplograph's data files.

Reads the verb patterns (``CAMEO.2.0.txt``) and the actor dictionaries (``Phoenix.*``)
of ``openeventdata/petrarch2`` at a pinned commit, checks each file's sha256 against the
pinned value and writes ``ingest/data/generated/``:

- ``verb_classes.tsv``: synonym sets (``&WEAPON``) and their words;
- ``verb_patterns.tsv``: one row per verb and pattern: verb lemma, particle, object
  (word, phrase or ``&class``), preposition and its object, CAMEO code (``---``: a stop
  pattern, no event);
- ``people.tsv``: people with their dated roles (``GBRGOV@2003-01-01..2007-06-30``);
- ``organizations.tsv``: IGOs, NGOs and armed groups with their codes;
- ``LICENSE`` (upstream's) and ``README.md`` (source, commit, checksums).

Run as ``make dictionaries PETRARCH2=<git dir or checkout>``. Only the data is converted;
no upstream code is used. Nothing imports this module at run time.
"""

import hashlib
import re
import subprocess
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tools.generator_cli import run_generator

COMMIT = "676801cd9cb2924bbbad09f86d15c9323e7097bf"
DICTIONARY_DIR = "petrarch2/data/dictionaries"
# Upstream path -> sha256 of its bytes at COMMIT.
PINNED: dict[str, str] = {
    "LICENSE": "77efcd0831a60488f61d4eda6565cafbbdcc733751430bf91e2612c518c6ecb7",
    f"{DICTIONARY_DIR}/CAMEO.2.0.txt": (
        "4a442ee42f7574651ec1c594f127353cdffbf18fa97b207ad5d8298a3cfaa08f"
    ),
    f"{DICTIONARY_DIR}/Phoenix.Countries.actors.txt": (
        "8d4ee11692ccb1636a5cf4421849c420508acbd9b930adab457472b843276506"
    ),
    f"{DICTIONARY_DIR}/Phoenix.International.actors.txt": (
        "6fafbbe39bc47858edb9262411ab005b97977818237f85f3808fd11701a3ad2c"
    ),
    f"{DICTIONARY_DIR}/Phoenix.MilNonState.actors.txt": (
        "78496d642ceb3501137f12a3d8af7820b139319200b5ecffa05f0f91a2508f3b"
    ),
}
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "ingest" / "data" / "generated"


@dataclass(frozen=True)
class VerbPattern:
    """One verb with one pattern of its block (empty object and preposition: the bare verb)."""

    verb: str
    particle: str
    obj: str
    prep: str
    prep_obj: str
    cameo: str
    subject: str = ""  # a word before the verb: the subject's head ("&aircraft", "police")


@dataclass(frozen=True)
class ActorEntry:
    """An actor record: its name, synonyms, default code and dated codes."""

    name: str
    aliases: tuple[str, ...]
    code: str
    roles: tuple[str, ...]  # "CODE@start..end", start or end may be empty


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def _phrase(raw: str) -> str:
    """Return a dictionary phrase in lower-case words ("HUMANITARIAN_AID_": "humanitarian aid")."""
    return " ".join(raw.replace("_", " ").lower().split())


def _object_text(token: str) -> str:
    """Return a pattern noun ("AID", "{FINANCIAL AID}", "&FOOD") as lower-case words.

    A class keeps its name whole ("&FIGHT_OF_WORDS" gives "&fight_of_words").
    """
    words = token.strip("{}").split()
    return " ".join(w.lower() if w.startswith("&") else _phrase(w) for w in words)


def _pattern_items(text: str) -> list[str]:
    """Split a pattern side into items: words, ``{phrases}`` and ``(prepositional groups)``."""
    return re.findall(r"\{[^}]*\}|\([^)]*\)|[^\s{}()]+", text)


def _subject_text(before: str) -> str | None:
    """Return the subject a pattern names before its verb ("" for none), None if unreadable.

    "- &AIRCRAFT * RAID" gives "&aircraft", "- {&MILITARY BASE} *" gives "&military base";
    several items ("&MILITARY ON_THE *") or a prepositional group are not read.
    """
    items = _pattern_items(before)
    if not items:
        return ""
    if len(items) > 1 or items[0].startswith("("):
        return None
    return _object_text(items[0])


def _code(raw: str) -> str | None:
    """Return the source-to-target code of ``[042:043]`` (the first), or None for ``[:173]``."""
    first = raw.split(":", 1)[0].strip()
    return first or None


def parse_verb_dictionary(text: str) -> tuple[list[tuple[str, str]], list[VerbPattern]]:
    """Return the synonym classes (class, phrase) and verb patterns of a CAMEO verb file.

    A single word, phrase or class before the verb is the subject's head the pattern
    needs (``- &AIRCRAFT * RAID``). Patterns with several words before the verb, with
    several prepositional groups or several objects, with actor markers (``$ + % ^``)
    or with only a reverse code (``[:173]``) are left out.
    """
    classes: list[tuple[str, str]] = []
    patterns: list[VerbPattern] = []
    current_class: str | None = None
    block_code = "---"
    verbs: list[tuple[str, str]] = []  # (verb, particle)
    in_patterns = False
    for raw in text.splitlines():
        line = _strip_comment(raw)
        if not line.strip():
            current_class = None
            continue
        if line.startswith("&"):
            current_class = line.strip().rstrip("_").lower()  # "&weapon"
            continue
        if current_class is not None and line.startswith("+"):
            word = _phrase(line[1:].strip())
            classes.append((current_class, word))
            continue
        header = re.match(r"^---\s+(.*?)\s+\[([^\]]*)\]\s+---", line)
        if header:
            block_code = header.group(2).strip() or "---"
            verbs, in_patterns = [], False
            continue
        if line.startswith("~"):
            continue  # transformations: verb-on-verb rules, not converted
        if line.startswith("-"):
            in_patterns = True
            found = re.match(r"^-\s*(.*?)\s*\[([^\]]*)\]\s*$", line)
            if not found:
                continue
            body, code = found.group(1), _code(found.group(2))
            if code is None or "*" not in body or re.search(r"[$+%^]", body):
                continue
            before, after = body.split("*", 1)
            subject = _subject_text(before)
            if subject is None:
                continue
            items = _pattern_items(after)
            nouns = [i for i in items if not i.startswith("(")]
            groups = [i.strip("()").split(None, 1) for i in items if i.startswith("(")]
            if len(nouns) > 1 or len(groups) > 1:
                continue
            obj = _object_text(nouns[0]) if nouns else ""
            prep = groups[0][0].lower() if groups else ""
            prep_obj = _object_text(groups[0][1]) if groups and len(groups[0]) > 1 else ""
            for verb, particle in verbs:
                patterns.append(VerbPattern(verb, particle, obj, prep, prep_obj, code, subject))
            continue
        if in_patterns:
            continue  # a stray line after the patterns of a block
        entry = re.match(r"^(\S+)(?:\s*\{[^}]*\})?\s*(?:\[([^\]]*)\])?", line.strip())
        if not entry:
            continue
        word = entry.group(1)
        code = (entry.group(2) or "").strip() or block_code
        parts = word.split("_")
        if word.startswith("+"):
            verb, particle = parts[0][1:].lower(), " ".join(parts[1:]).lower()
        elif "+" in word:
            continue  # "WIRE_+TAP": words before the verb are not read by the matcher
        else:
            verb, particle = word.lower(), ""
        verbs.append((verb, particle))
        if code != "---":
            patterns.append(VerbPattern(verb, particle, "", "", "", code))
    return classes, _unique(patterns)


def _unique(patterns: Iterable[VerbPattern]) -> list[VerbPattern]:
    """Return the patterns without repeats, first occurrence kept (a repeat's code loses)."""
    seen: set[tuple[str, str, str, str, str, str]] = set()
    out: list[VerbPattern] = []
    for p in patterns:
        key = (p.verb, p.particle, p.obj, p.prep, p.prep_obj, p.subject)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def _date(raw: str) -> str | None:
    """Return ``YYMMDD`` or ``YYYYMMDD`` as ISO ``YYYY-MM-DD`` (two-digit years: 1931-2030).

    None for anything else (the dictionary has a few typos such as ``9008223``).
    """
    if not raw.isdigit() or len(raw) not in (6, 8):
        return None
    if len(raw) == 6:
        year = int(raw[:2])
        raw = f"{2000 + year if year <= 30 else 1900 + year}{raw[2:]}"
    iso = f"{raw[:4]}-{raw[4:6]}-{raw[6:8]}"
    try:
        date.fromisoformat(iso)
    except ValueError:
        return None
    return iso


def _role(restriction: str) -> str | None:
    """Return ``CODE@start..end`` of a date restriction ("CMRGOV >821106"), None if malformed."""
    parts = restriction.split()
    if not parts:
        return None
    code = parts[0]
    if len(parts) == 1:
        return code
    span = parts[1]
    if span[:1] in (">", "<"):
        day = _date(span[1:])
        if day is None:
            return None
        return f"{code}@{day}.." if span[0] == ">" else f"{code}@..{day}"
    start, _, end = span.partition("-")
    first, last = _date(start), _date(end)
    if first is None or last is None:
        return None
    return f"{code}@{first}..{last}"


def _name(raw: str) -> str:
    """Return a dictionary name in title case ("PAUL_BIYA_" gives "Paul Biya")."""
    # Notes in the names ("TODOROV_(ACTING", "\"ATO\"") are dropped.
    words = [w for w in raw.replace("_", " ").split() if not w.startswith(("(", '"'))]
    return " ".join(w.capitalize() if w.isalpha() or "-" not in w else w.title() for w in words)


def parse_actor_dictionary(text: str) -> list[ActorEntry]:
    """Return the records of a Phoenix actor file: primary name, synonyms, codes."""
    entries: list[ActorEntry] = []
    name: str | None = None
    aliases: list[str] = []
    code = ""
    roles: list[str] = []

    def flush() -> None:
        if name is not None and (code or roles):
            entries.append(ActorEntry(name, tuple(dict.fromkeys(aliases)), code, tuple(roles)))

    for raw in text.splitlines():
        line = _strip_comment(raw)
        if not line.strip():
            continue
        brackets = re.findall(r"\[([^\]]*)\]", line)
        head = re.sub(r"\[[^\]]*\]", " ", line).strip()
        if raw[:1] in ("\t", " ") or not head:
            for b in brackets:  # date restrictions of the record being read
                role = _role(b.strip())
                if role is not None:
                    roles.append(role)
            continue
        if head.startswith("+"):
            alias = _name(head[1:])
            if alias:
                aliases.append(alias)
            for b in brackets:
                role = _role(b.strip())
                if role is not None:
                    roles.append(role)
            continue
        if name is not None and not code and not roles and not head.endswith("_"):
            # A synonym line without "+": "BORIS_YELTSIN_" is followed by "BORIS_N._YELTSIN",
            # "YELTSIN" ... before the record's indented date restrictions.
            alias = _name(head)
            if alias:
                aliases.append(alias)
            continue
        flush()
        name, aliases, code, roles = _name(head), [], "", []
        for b in brackets:
            role = _role(b.strip())
            if role is None:
                continue
            if "@" in role or code:
                roles.append(role)
            else:
                code = role
    flush()
    return entries


def _tsv(header: tuple[str, ...], rows: Iterable[tuple[str, ...]], comment: str) -> str:
    lines = [f"# {line}" if line else "#" for line in comment.splitlines()]
    lines.append("\t".join(header))
    lines.extend("\t".join(row) for row in rows)
    return "\n".join(lines) + "\n"


def verb_tables(text: str) -> dict[str, str]:
    """Return the generated verb files (name -> text) of a CAMEO verb dictionary."""
    classes, patterns = parse_verb_dictionary(text)
    note = "Generated by tools/petrarch_dictionaries.py from PETRARCH2 CAMEO.2.0.txt (MIT)."
    return {
        "verb_classes.tsv": _tsv(("class", "phrase"), dict.fromkeys(classes), note),
        "verb_patterns.tsv": _tsv(
            ("verb", "particle", "object", "prep", "prep_object", "cameo", "subject"),
            ((p.verb, p.particle, p.obj, p.prep, p.prep_obj, p.cameo, p.subject) for p in patterns),
            note + "\nEmpty object and prep: the bare verb. cameo --- is a stop pattern."
            "\nsubject: the subject's head a pattern names before the verb.",
        ),
    }


def actor_rows(entries: Iterable[ActorEntry]) -> Iterator[tuple[str, str, str, str]]:
    """Yield (name, aliases, code, roles) rows, names that are not all aliases of themselves."""
    for e in entries:
        aliases = [a for a in e.aliases if a != e.name]
        yield (e.name, "|".join(aliases), e.code, "|".join(e.roles))


def surname_key(name: str) -> str:
    """Return the index key of a name: its last word, lower case, without dots or hyphens.

    >>> surname_key("Boutros Boutros-Ghali"), surname_key("Mr. Obama")
    ('ghali', 'obama')
    """
    last = name.rsplit(" ", 1)[-1].rsplit("-", 1)[-1]
    return last.lower().replace(".", "").replace("'", "")


def keyed_rows(entries: Iterable[ActorEntry]) -> list[tuple[str, str, str, str, str]]:
    """Return one row per person and surname they go by, sorted by that key (stable).

    The key column lets the extractor index the table by splitting each line once.
    """
    rows = [
        (key, *row)
        for entry, row in zip(entries, actor_rows(entries), strict=True)
        for key in dict.fromkeys(surname_key(n) for n in (entry.name, *entry.aliases))
        if key
    ]
    return sorted(rows, key=lambda r: r[0])


def actor_tables(countries: str, international: str, non_state: str) -> dict[str, str]:
    """Return the generated actor files (name -> text) of the Phoenix actor dictionaries."""
    header = ("name", "aliases", "code", "roles")
    # People have dated roles; a record with a bare three-letter code is a state.
    people = [
        e
        for e in parse_actor_dictionary(countries)
        if e.roles and len(e.code) != 3 and all(len(r.split("@")[0]) != 3 for r in e.roles)
    ]
    organizations = [
        *(e for e in parse_actor_dictionary(international) if not e.roles),
        *(e for e in parse_actor_dictionary(non_state) if not e.roles),
    ]
    people_note = (
        "Generated by tools/petrarch_dictionaries.py from PETRARCH2 Phoenix.Countries.actors.txt"
        " (MIT).\nroles: CODE@start..end (ISO dates, either may be empty); a CODE alone applies"
        " when no dated role does.\nThe first three letters of a code are the state"
        " (CMRGOV: Cameroon, government).\nkey: the last word of one of the names, for"
        " lookup; a person appears once per key."
    )
    org_note = (
        "Generated by tools/petrarch_dictionaries.py from PETRARCH2"
        " Phoenix.International.actors.txt and Phoenix.MilNonState.actors.txt (MIT).\n"
        "code: IGO..., NGO..., or a state's code and a sector (SOMREB: rebels of Somalia)."
    )
    return {
        "people.tsv": _tsv(("key", *header), keyed_rows(people), people_note),
        "organizations.tsv": _tsv(header, actor_rows(organizations), org_note),
    }


def read_upstream(source: Path, path: str) -> bytes:
    """Return the bytes of ``path`` at COMMIT from a git directory, or from a checkout."""
    git_dir = source if (source / "HEAD").exists() and (source / "objects").exists() else None
    if git_dir is None and (source / ".git").exists():
        git_dir = source / ".git"
    if git_dir is not None:
        result = subprocess.run(
            ["git", f"--git-dir={git_dir}", "show", f"{COMMIT}:{path}"],
            capture_output=True,
            check=False,
        )
        if result.returncode != 0:
            raise ValueError(f"{source}: cannot read {path} at {COMMIT[:7]}")
        return result.stdout
    file = source / path
    if not file.is_file():
        raise ValueError(f"{source}: no {path}")
    return file.read_bytes()


def checked(source: Path, pinned: dict[str, str] | None = None) -> dict[str, str]:
    """Return the pinned upstream files (path -> sha256; ``PINNED`` by default) as text.

    Raise ValueError on a checksum mismatch.
    """
    texts: dict[str, str] = {}
    for path, digest in (PINNED if pinned is None else pinned).items():
        data = read_upstream(source, path)
        actual = hashlib.sha256(data).hexdigest()
        if actual != digest:
            raise ValueError(f"{path}: sha256 {actual} is not the pinned {digest}")
        texts[path] = data.decode("utf-8", errors="replace")
    return texts


def readme(counts: dict[str, int]) -> str:
    """Return the README of the generated folder: source, commit, checksums, row counts."""
    lines = [
        "# Generated from the PETRARCH2 coding dictionaries",
        "",
        "Do not edit: regenerate with `make dictionaries PETRARCH2=<git dir or checkout>`",
        "(`tools/petrarch_dictionaries.py`). Hand-written rows in `ingest/data/*.csv|tsv`",
        "override these.",
        "",
        "Source: https://github.com/openeventdata/petrarch2, commit " + COMMIT + ",",
        "Copyright (c) 2014-2015 Open Event Data Alliance, MIT licence (`LICENSE` here).",
        "",
        "| upstream file | sha256 |",
        "| --- | --- |",
        *(f"| `{path}` | `{digest}` |" for path, digest in PINNED.items()),
        "",
        "| generated file | rows |",
        "| --- | ---: |",
        *(f"| `{name}` | {n} |" for name, n in sorted(counts.items())),
        "",
        "`agents.tsv` (`Phoenix.agents.txt`) and `countries.tsv` (the state records of",
        "`Phoenix.Countries.actors.txt`) are written by `tools/petrarch_agents.py`, which pins",
        "the sha256 of `Phoenix.agents.txt` itself.",
        "",
    ]
    return "\n".join(lines)


def generate(source: Path) -> dict[str, str]:
    """Return every generated file (name -> text) from the upstream ``source``."""
    texts = checked(source)
    files = verb_tables(texts[f"{DICTIONARY_DIR}/CAMEO.2.0.txt"])
    files.update(
        actor_tables(
            texts[f"{DICTIONARY_DIR}/Phoenix.Countries.actors.txt"],
            texts[f"{DICTIONARY_DIR}/Phoenix.International.actors.txt"],
            texts[f"{DICTIONARY_DIR}/Phoenix.MilNonState.actors.txt"],
        )
    )
    counts = {
        name: sum(1 for ln in text.splitlines() if ln and not ln.startswith("#")) - 1
        for name, text in files.items()
    }
    files["LICENSE"] = texts["LICENSE"]
    files["README.md"] = readme(counts)
    return files


def main(argv: list[str] | None = None) -> int:
    """Write the generated files; return the exit code (2 with one line on stderr on error)."""
    return run_generator(
        "petrarch_dictionaries", __doc__.splitlines()[0], DEFAULT_OUT, generate, argv
    )


if __name__ == "__main__":
    sys.exit(main())
