"""Query parameters as the client takes them (Python values) and as the API reads them (strings)."""

import os
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Literal, TypeVar

Level = Literal["actor", "country"]
Day = date | str
"""A day: a ``datetime.date`` (or ``datetime``, ``pandas.Timestamp``) or an ISO string."""
Params = dict[str, str | int | float]
PathLike = str | os.PathLike[str]

F = TypeVar("F", bound=Callable[..., object])

FILTER_DOCS = """since : date or str, optional
            First day counted (inclusive), a ``date`` or "YYYY-MM-DD"; undated
            events then drop out.
        until : date or str, optional
            Last day counted (inclusive); undated events then drop out.
        codes : str or sequence of str, optional
            CAMEO code prefixes counted: "04" (consult), ["04", "05"] or "04,05".
        quad_class : int or sequence of int, optional
            Quad classes counted: 1 verbal cooperation, 2 material cooperation,
            3 verbal conflict, 4 material conflict; e.g. ``[3, 4]`` for conflict.
        min_confidence : float, default 0.0
            Lowest extraction confidence counted (0 to 1).
        modality : str or sequence of str, default "asserted"
            Modalities counted: "asserted", "intended", "requested", "reported",
            "hypothetical", several, or "all". Negated events never count.
        level : {"actor", "country"}, default "actor"
            "country" collapses every actor onto its country: nodes are then
            ISO alpha-3 codes ("RUS") and actor arguments may be such codes."""
"""The numpydoc entries of the event filters every graph method takes."""


def _filter_entries() -> list[tuple[str, str]]:
    """Return (name, text) per filter of :data:`FILTER_DOCS`, every line indented as written."""
    entries: list[tuple[str, str]] = []
    for line in ("        " + FILTER_DOCS + "\n").splitlines(keepends=True):
        if not line.startswith("            "):
            entries.append((line.split(" : ")[0].strip(), ""))
        name, text = entries[-1]
        entries[-1] = (name, text + line)
    return entries


def with_filter_docs(method: F) -> F:
    """Return ``method`` with ``{filters}`` in its docstring replaced by :data:`FILTER_DOCS`.

    Filters the docstring already documents (``since`` of ``new_dyads``) are left out.
    """
    doc = method.__doc__
    if doc:
        kept = [text for name, text in _filter_entries() if f"\n        {name} : " not in doc]
        method.__doc__ = doc.replace("{filters}", "".join(kept).strip())
    return method


def day(value: Day | None) -> str | None:
    """Return ``value`` as "YYYY-MM-DD" (strings are passed on for the server to check).

    Examples
    --------
    >>> day(date(2017, 12, 11)), day(datetime(2017, 12, 11, 9, 30)), day("2017-12"), day(None)
    ('2017-12-11', '2017-12-11', '2017-12', None)
    """
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, datetime):
        return value.date().isoformat()
    return value.isoformat()


def joined(value: str | int | Sequence[str | int] | None) -> str | None:
    """Return a list parameter as the comma-separated string the API reads.

    Examples
    --------
    >>> joined(["04", "05"]), joined([3, 4]), joined("04,05"), joined(2), joined(None)
    ('04,05', '3,4', '04,05', '2', None)
    """
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, int):
        return str(value)
    return ",".join(str(v) for v in value)


def graph_params(
    *,
    since: Day | None,
    until: Day | None,
    codes: str | Sequence[str] | None,
    quad_class: int | Sequence[int] | None,
    min_confidence: float,
    modality: str | Sequence[str],
    level: Level,
) -> Params:
    """Return the event filters and level as query parameters (absent ones left out).

    Examples
    --------
    >>> graph_params(since="2017-12-01", until=None, codes=["04"], quad_class=None,
    ...              min_confidence=0.0, modality="asserted", level="country")
    {'since': '2017-12-01', 'codes': '04', 'min_confidence': 0.0, 'modality': 'asserted', \
'level': 'country'}
    """
    values: dict[str, str | int | float | None] = {
        "since": day(since),
        "until": day(until),
        "codes": joined(codes),
        "quad_class": joined(quad_class),
        "min_confidence": min_confidence,
        "modality": joined(modality),
        "level": level,
    }
    return {k: v for k, v in values.items() if v is not None}


def page_params(limit: int | None, offset: int) -> Params:
    """Return ``limit`` and ``offset`` as query parameters (None and 0 left out).

    >>> page_params(None, 0), page_params(50, 100)
    ({}, {'limit': 50, 'offset': 100})
    """
    values: dict[str, int | None] = {"limit": limit, "offset": offset or None}
    return {k: v for k, v in values.items() if v is not None}
