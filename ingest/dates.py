"""Resolve the date expressions of news text against the article's publication date."""

import calendar
import re
from datetime import date, timedelta

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
MONTHS["sept"] = 9
PART_OF_MONTH = {"early": 5, "mid": 15, "late": 25, "end": 28}
_DAY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\b")
_YEAR = re.compile(r"\b(19|20)(\d{2})\b")


def _shift_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _weekday(published: date, weekday: int, future: bool, following: bool = False) -> date:
    if future:
        ahead = (weekday - published.weekday()) % 7
        return published + timedelta(days=ahead or (7 if following else 0))
    return published - timedelta(days=(published.weekday() - weekday) % 7)


def _month_date(words: str, published: date, future: bool) -> date | None:
    month = next((MONTHS[w] for w in re.findall(r"[a-z]+", words) if w in MONTHS), None)
    if month is None:
        return None
    year_match = _YEAR.search(words)
    if year_match:
        year = int(year_match.group(0))
    elif future:
        year = published.year + (month < published.month)
    else:
        year = published.year - (month > published.month)
    day_match = _DAY.search(_YEAR.sub("", words))
    if day_match:
        day = int(day_match.group(1))
    else:
        day = next((d for part, d in PART_OF_MONTH.items() if part in words), 1)
    day = min(day, calendar.monthrange(year, month)[1])
    if not future and not year_match and date(year, month, day) > published:
        # Past tense: "late November" written on November 2 is last year's.
        year -= 1
        day = min(day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def resolve_date(expression: str, published: date | None, *, future: bool = False) -> date | None:
    """Return the day an expression such as "Monday" or "late November" denotes, or None.

    Past tense is assumed unless ``future``: a weekday is the latest one on or
    before the publication date; a month without a year is the latest one not
    after it. Periods resolve to a representative day (``late`` -> the 25th).

    >>> resolve_date("Monday", date(2017, 12, 11))
    datetime.date(2017, 12, 11)
    >>> resolve_date("a late November", date(2017, 12, 11))
    datetime.date(2017, 11, 25)
    >>> resolve_date("next week", date(2017, 12, 11), future=True)
    datetime.date(2017, 12, 18)
    >>> resolve_date("yesterday", date(1, 1, 1)) is None  # before the calendar: no day
    True
    """
    try:
        return _resolve(expression, published, future)
    except (OverflowError, ValueError):
        return None  # the day would fall outside the calendar (year 1 to 9999)


def _resolve(expression: str, published: date | None, future: bool) -> date | None:
    words = expression.lower().strip()
    if published is None:
        year = _YEAR.search(words)
        return _month_date(words, date(int(year.group(0)), 12, 31), False) if year else None
    for name, weekday in WEEKDAYS.items():
        if name in words:
            following = "next" in words
            return _weekday(published, weekday, future or following, following)
    fixed = {
        "today": published,
        "tonight": published,
        "yesterday": published - timedelta(days=1),
        "tomorrow": published + timedelta(days=1),
        "last week": published - timedelta(days=7),
        "this week": published,
        "next week": published + timedelta(days=7),
        "last month": _shift_months(published, -1),
        "this month": published.replace(day=1),
        "next month": _shift_months(published, 1),
        "last year": date(published.year - 1, 1, 1),
        "next year": date(published.year + 1, 1, 1),
        "this year": date(published.year, 1, 1),
    }
    for phrase, value in fixed.items():
        if phrase in words:
            return value
    return _month_date(words, published, future)
