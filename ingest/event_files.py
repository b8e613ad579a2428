"""Read event files made elsewhere: GDELT 1.0 and 2.0 event exports, ICEWS-style CSV/TSV.

Each row becomes an :class:`ImportedEvent` (or a :class:`SourceError` naming its line); the
rows are stored by :mod:`diplograph.ingest.import_events` as events marked with their origin,
never as events extracted here.

GDELT exports are tab-separated without a header; the version is told by the number of
columns: 57 (1.0 back files), 58 (1.0 daily files, with SOURCEURL) or 61 (2.0). ICEWS files
have a header row (``Event ID``, ``Event Date``, ``Source Name``, ``Source Sectors``,
``Source Country``, ``Event Text``, ``CAMEO Code``, ``Intensity``, ``Target Name``, ...),
tab- or comma-separated; a ``Source URL`` (or ``url``) column is used when present.
"""

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Literal

from diplograph.ingest.sources import SourceError

FileFormat = Literal["gdelt", "icews"]
ONE_SIDED = "one-sided event (no source or no target actor)"
"""The reason given for a row with one actor: not an error, but no edge of the graph either."""
GDELT_WIDTHS = {57: "gdelt-1.0", 58: "gdelt-1.0", 61: "gdelt-2.0"}
GDELT_ACTION_PLACE = {57: 50, 58: 50, 61: 52}
"""The column of ActionGeo_FullName (GDELT 2.0 has one more geography column per actor)."""

TYPE_OF_CODE = {
    "GOV": "government",
    "MIL": "military",
    "IGO": "igo",
    "NGO": "ngo",
    "REB": "group",
    "INS": "group",
    "SEP": "group",
    "OPP": "organization",
    "BUS": "organization",
    "MED": "organization",
}
"""A CAMEO type code -> the Diplograph actor type (others: organization, or country)."""

ICEWS_SECTORS = (
    ("Military", "military"),
    ("Insurgents", "group"),
    ("Rebel", "group"),
    ("Government", "government"),
    ("Executive", "government"),
    ("Legislative", "government"),
    ("Non-Governmental", "ngo"),
    ("International", "igo"),
)
"""The first ICEWS sector word found in ``Source Sectors`` decides the actor type."""


@dataclass(frozen=True)
class ImportedActor:
    """An actor as an event file names it."""

    name: str
    type: str
    country: str | None


@dataclass(frozen=True)
class ImportedEvent:
    """One event of an event file, with where it came from."""

    origin: FileFormat
    dataset: str
    """"gdelt-1.0", "gdelt-2.0" or "icews"."""
    external_id: str
    source: ImportedActor
    target: ImportedActor
    cameo: str
    goldstein: float | None
    quad_class: int | None
    date: date | None
    location: str | None
    url: str | None
    story: str | None
    """Where the event was reported when there is no URL (ICEWS Story ID and publisher)."""
    text: str
    """A one-line description shown as the event's evidence."""


def _title(name: str) -> str:
    return name.title() if name.isupper() else name


def _gdelt_actor(fields: list[str], start: int) -> ImportedActor | None:
    code, name, country = fields[start], fields[start + 1], fields[start + 2]
    type_code = fields[start + 7]
    if not name.strip():
        return None
    if type_code in TYPE_OF_CODE:
        kind = TYPE_OF_CODE[type_code]
    elif country and code == country:
        kind = "country"
    else:
        kind = "organization"
    return ImportedActor(_title(name.strip()), kind, country or None)


def _float(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


def gdelt_event(fields: list[str]) -> ImportedEvent | str:
    """Return the event of one GDELT export row, or why it cannot be imported."""
    width = len(fields)
    if width not in GDELT_WIDTHS:
        return f"expected 57, 58 or 61 tab-separated columns (GDELT 1.0 or 2.0), found {width}"
    source, target = _gdelt_actor(fields, 5), _gdelt_actor(fields, 15)
    if source is None or target is None:
        return ONE_SIDED
    cameo = fields[26].strip()
    if not cameo.isdigit():
        return f"EventCode {cameo!r} is not a CAMEO code"
    try:
        when = datetime.strptime(fields[1], "%Y%m%d").date()
    except ValueError:
        return f"SQLDATE {fields[1]!r} is not YYYYMMDD"
    quad = fields[29].strip()
    place = fields[GDELT_ACTION_PLACE[width]].strip() or None
    return ImportedEvent(
        origin="gdelt",
        dataset=GDELT_WIDTHS[width],
        external_id=fields[0].strip(),
        source=source,
        target=target,
        cameo=cameo,
        goldstein=_float(fields[30]),
        quad_class=int(quad) if quad.isdigit() else None,
        date=when,
        location=place,
        url=fields[-1].strip() or None if width != 57 else None,
        story=None,
        text=f"{source.name} -{cameo}-> {target.name} (GDELT event {fields[0].strip()})",
    )


def _icews_type(sectors: str, name: str, country: str | None) -> str:
    for word, kind in ICEWS_SECTORS:
        if word.lower() in sectors.lower():
            return kind
    return "country" if country and not sectors.strip() and name else "organization"


def country_code(name: str) -> str | None:
    """Return the ISO alpha-3 code of an ICEWS country name, or None when unknown.

    >>> country_code("Russian Federation"), country_code("Occupied Palestinian Territory")
    ('RUS', None)
    """
    import pycountry

    if not name.strip():
        return None
    try:
        return str(pycountry.countries.lookup(name.strip()).alpha_3)
    except LookupError:
        return None


def icews_event(row: dict[str, str]) -> ImportedEvent | str:
    """Return the event of one ICEWS row (by header names), or why it cannot be imported."""
    missing = [c for c in ("Event ID", "Event Date", "Source Name", "CAMEO Code") if c not in row]
    if missing:
        return f"no {', '.join(missing)} column (an ICEWS file starts with its header row)"
    if not row.get("Source Name", "").strip() or not row.get("Target Name", "").strip():
        return ONE_SIDED
    cameo = row["CAMEO Code"].strip()
    if not cameo.isdigit():
        return f"CAMEO Code {cameo!r} is not a CAMEO code"
    try:
        when = date.fromisoformat(row["Event Date"].strip())
    except ValueError:
        return f"Event Date {row['Event Date']!r} is not YYYY-MM-DD"
    actors = []
    for side in ("Source", "Target"):
        name = row[f"{side} Name"].strip()
        country = country_code(row.get(f"{side} Country", ""))
        kind = _icews_type(row.get(f"{side} Sectors", ""), name, country)
        actors.append(ImportedActor(name, kind, country))
    place = ", ".join(p for p in (row.get("City", ""), row.get("Country", "")) if p.strip())
    story = " ".join(
        p for p in (row.get("Publisher", "").strip(), row.get("Story ID", "").strip()) if p
    )
    return ImportedEvent(
        origin="icews",
        dataset="icews",
        external_id=row["Event ID"].strip(),
        source=actors[0],
        target=actors[1],
        cameo=cameo,
        goldstein=_float(row.get("Intensity", "")),
        quad_class=None,
        date=when,
        location=place or None,
        url=(row.get("Source URL") or row.get("url") or "").strip() or None,
        story=story or None,
        text=f"{actors[0].name} -{cameo}-> {actors[1].name}: {row.get('Event Text', '').strip()}"
        f" (ICEWS event {row['Event ID'].strip()})",
    )


def sniff_format(first_line: str) -> FileFormat:
    """Return "icews" for a file whose first line is an ICEWS header, else "gdelt"."""
    return "icews" if "Event ID" in first_line and "CAMEO Code" in first_line else "gdelt"


def read_event_file(
    path: Path, fmt: FileFormat | None = None
) -> Iterator[ImportedEvent | SourceError]:
    """Yield each event of a GDELT or ICEWS file, or an error naming its bad line."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        yield SourceError(str(path), None, f"cannot read ({exc})")
        return
    lines = text.splitlines()
    if not lines:
        yield SourceError(str(path), None, "the file is empty")
        return
    fmt = fmt or sniff_format(lines[0])
    if fmt == "gdelt":
        for n, line in enumerate(lines, start=1):
            if line.strip():
                found = gdelt_event(line.split("\t"))
                yield found if not isinstance(found, str) else SourceError(str(path), n, found)
        return
    delimiter = "\t" if "\t" in lines[0] else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    for row in reader:
        if not any((v or "").strip() for v in row.values()):
            continue
        found = icews_event({k: (v or "") for k, v in row.items() if k is not None})
        at = reader.line_num
        yield found if not isinstance(found, str) else SourceError(str(path), at, found)
