"""People of the coding dictionary with dated roles, resolved on an article's date.

``ingest/data/generated/people.tsv`` (PETRARCH2's ``Phoenix.Countries.actors.txt``,
converted by ``tools/petrarch_dictionaries.py``) gives each person codes valid between
two dates: ``GBRGOV@1997-05-02..2007-06-27`` (Tony Blair, British government), and a
code without dates that applies otherwise. A code's first three letters are the state.
"""

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib.resources import files

from diplograph.core.names import normalize_name


@dataclass(frozen=True)
class DatedRole:
    """A code a person holds from ``start`` to ``end`` (inclusive; None is open)."""

    code: str
    start: date | None = None
    end: date | None = None

    def covers(self, day: date) -> bool:
        """Return True when ``day`` falls within the role's dates."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class DatedPerson:
    """A person with dated codes and a default code (None when the dictionary gives none)."""

    name: str
    roles: tuple[DatedRole, ...]
    default: str | None

    def code_on(self, day: date | None) -> str | None:
        """Return the person's code on ``day``: the dated role covering it, else the default.

        With no date, or no role covering it, the default code, else the latest role's.

        >>> blair = DatedPerson("Tony Blair", (parse_role("GBRGOV@1997-05-02..2007-06-27"),),
        ...                     "GBRELI")
        >>> blair.code_on(date(2003, 3, 1)), blair.code_on(date(2012, 1, 1))
        ('GBRGOV', 'GBRELI')
        """
        if day is not None:
            for role in self.roles:
                if role.covers(day):
                    return role.code
        if self.default is not None:
            return self.default
        return self.roles[-1].code if self.roles else None

    def in_office(self, day: date | None) -> bool:
        """Return True when a dated role covers ``day``."""
        return day is not None and any(r.covers(day) for r in self.roles)


def _day(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def parse_role(cell: str) -> DatedRole:
    """Return the role of a ``CODE@start..end`` cell (dates optional)."""
    code, _, span = cell.partition("@")
    start, _, end = span.partition("..")
    return DatedRole(code, _day(start), _day(end))


def surname_key(name: str) -> str:
    """Return the cheap index key of a name: its last word, lower case, without dots.

    >>> surname_key("Boutros Boutros-Ghali"), surname_key("boutros boutros ghali")
    ('ghali', 'ghali')
    """
    last = name.rsplit(" ", 1)[-1].rsplit("-", 1)[-1]
    return last.lower().replace(".", "").replace("'", "")


@lru_cache(maxsize=1)
def _rows_by_surname() -> dict[str, list[str]]:
    """Return the table's lines (name, aliases, code, roles) keyed by its key column.

    Lines are not parsed, so loading stays fast; ``people_named`` parses the few a
    lookup needs.
    """
    text = files("diplograph.ingest").joinpath("data", "generated", "people.tsv")
    index: dict[str, list[str]] = {}
    for line in text.read_text(encoding="utf-8").splitlines():
        key, _, rest = line.partition("\t")
        index.setdefault(key, []).append(rest)
    return index


@lru_cache(maxsize=1)
def _rows_by_second_surname() -> dict[str, list[str]]:
    """Return the lines of three-word and longer names keyed by their next-to-last word.

    "Alvaro Uribe Velez" is also "Alvaro Uribe" (a paternal surname before the last
    one); particles ("da", "bin") are lower case and left out.
    """
    index: dict[str, list[str]] = {}
    for key, lines in _rows_by_surname().items():
        for rest in lines:
            words = rest.partition("\t")[0].split()
            if len(words) >= 3 and words[-2][:1].isupper() and surname_key(words[-2]) != key:
                index.setdefault(surname_key(words[-2]), []).append(rest)
    return index


def _person(line: str) -> tuple[DatedPerson, list[str]]:
    """Return the person of a table line (after its key) and all their names."""
    name, aliases, code, cells = line.split("\t")
    names = [name, *(a for a in aliases.split("|") if a)]
    roles = [parse_role(c) for c in cells.split("|") if c]
    dated = tuple(r for r in roles if r.start is not None or r.end is not None)
    undated = [r.code for r in roles if r.start is None and r.end is None]
    return DatedPerson(name, dated, code or (undated[-1] if undated else None)), names


@lru_cache(maxsize=4096)
def people_named(key: str) -> tuple[DatedPerson, ...]:
    """Return the dictionary's people one of whose names normalizes to ``key``, in order."""
    found: list[DatedPerson] = []
    for line in _rows_by_surname().get(surname_key(key), ()):
        person, names = _person(line)
        if any(normalize_name(n) == key for n in names):
            found.append(person)
    return tuple(found)


@lru_cache(maxsize=4096)
def people_with_surname(surname: str, *, second: bool = False) -> tuple[DatedPerson, ...]:
    """Return the dictionary's people whose name ends with ``surname``, in table order.

    With ``second``, also those whose next-to-last name word it is ("Uribe" in "Alvaro
    Uribe Velez"): only for a fuller name, whose other words are checked too.
    """
    key = surname_key(surname)
    lines = _rows_by_surname().get(key, [])
    if second:
        lines = lines + _rows_by_second_surname().get(key, [])
    return tuple(_person(line)[0] for line in lines)
