"""The days the store accepts: ISO dates (never numbers) within a sane range."""

import re
from datetime import date
from typing import Any

EARLIEST = date(1800, 1, 1)
"""Earliest publication or query date accepted."""
LATEST = date(2199, 12, 31)
"""Latest publication or query date accepted."""

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class DateOutOfRange(ValueError):
    """A well-formed day outside ``EARLIEST`` .. ``LATEST``."""


def parse_day(value: Any, *, what: str = "date") -> date:
    """Return the day ``value`` gives (a ``date``, or an ISO ``YYYY-MM-DD`` string).

    Raises ValueError, with a message naming ``what``, for anything else (numbers
    such as ``0`` are not dates), and its subclass ``DateOutOfRange`` for days
    outside ``EARLIEST`` .. ``LATEST``.

    >>> parse_day("2017-12-11")
    datetime.date(2017, 12, 11)
    >>> parse_day(0)
    Traceback (most recent call last):
    ...
    ValueError: date 0 is not an ISO date (YYYY-MM-DD)
    """
    if isinstance(value, date):
        day = value
    elif isinstance(value, str) and _ISO_DAY.fullmatch(value):
        try:
            day = date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{what} {value!r} is not an ISO date (YYYY-MM-DD)") from None
    else:
        shown = repr(value) if len(repr(value)) <= 40 else f"{repr(value)[:40]}..."
        raise ValueError(f"{what} {shown} is not an ISO date (YYYY-MM-DD)")
    if not EARLIEST <= day <= LATEST:
        raise DateOutOfRange(f"{what} {day.isoformat()} is outside {EARLIEST} .. {LATEST}")
    return day
