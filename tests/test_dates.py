"""resolve_date: date expressions of news text against the publication date."""

from datetime import date

import pytest

from diplograph.ingest.dates import resolve_date

# A Wednesday.
PUBLISHED = date(2016, 12, 7)


def test_published_date_is_a_wednesday() -> None:
    assert PUBLISHED.strftime("%A") == "Wednesday"


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("Monday", date(2016, 12, 5)),
        ("on Monday", date(2016, 12, 5)),
        ("Tuesday", date(2016, 12, 6)),
        ("Wednesday", date(2016, 12, 7)),
        ("Thursday", date(2016, 12, 1)),
        ("Sunday", date(2016, 12, 4)),
    ],
)
def test_weekday_is_the_latest_on_or_before_publication(expression: str, expected: date) -> None:
    assert resolve_date(expression, PUBLISHED) == expected


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("Monday", date(2016, 12, 12)),
        ("Thursday", date(2016, 12, 8)),
        ("Wednesday", date(2016, 12, 7)),
    ],
)
def test_weekday_in_future_tense_is_the_next_on_or_after(expression: str, expected: date) -> None:
    assert resolve_date(expression, PUBLISHED, future=True) == expected


def test_next_weekday_is_in_the_future_without_the_flag() -> None:
    assert resolve_date("next Monday", PUBLISHED) == date(2016, 12, 12)


def test_next_weekday_named_on_that_weekday_is_a_week_later() -> None:
    assert resolve_date("next Wednesday", PUBLISHED) == date(2016, 12, 14)


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("yesterday", date(2016, 12, 6)),
        ("today", date(2016, 12, 7)),
        ("tomorrow", date(2016, 12, 8)),
        ("last week", date(2016, 11, 30)),
        ("next week", date(2016, 12, 14)),
        ("last month", date(2016, 11, 1)),
        ("next month", date(2017, 1, 1)),
        ("last year", date(2015, 1, 1)),
    ],
)
def test_relative_expressions(expression: str, expected: date) -> None:
    assert resolve_date(expression, PUBLISHED) == expected


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("late November", date(2016, 11, 25)),
        ("a late November", date(2016, 11, 25)),
        ("early December", date(2016, 12, 5)),
        ("mid-October", date(2016, 10, 15)),
        ("November", date(2016, 11, 1)),
    ],
)
def test_part_of_month_gives_a_representative_day(expression: str, expected: date) -> None:
    assert resolve_date(expression, PUBLISHED) == expected


def test_month_after_publication_month_rolls_back_a_year() -> None:
    assert resolve_date("late November", date(2017, 3, 10)) == date(2016, 11, 25)


def test_month_in_future_tense_rolls_forward_a_year() -> None:
    assert resolve_date("late January", PUBLISHED, future=True) == date(2017, 1, 25)


def test_past_part_of_current_month_after_publication_day_is_last_year() -> None:
    assert resolve_date("late November", date(2016, 11, 2)) == date(2015, 11, 25)


@pytest.mark.parametrize(
    "expression", ["December 5, 2016", "Dec. 5, 2016", "5 December 2016", "December 5th, 2016"]
)
def test_explicit_date(expression: str) -> None:
    assert resolve_date(expression, PUBLISHED) == date(2016, 12, 5)


def test_explicit_date_with_year_ignores_publication_year() -> None:
    assert resolve_date("December 5, 2016", date(2019, 4, 1)) == date(2016, 12, 5)


def test_day_beyond_month_end_is_clamped() -> None:
    assert resolve_date("February 30, 2016", PUBLISHED) == date(2016, 2, 29)


@pytest.mark.parametrize(
    "expression", ["Monday", "yesterday", "last week", "next week", "late November", "Dec. 5"]
)
def test_without_publication_date_relative_expressions_are_unknown(expression: str) -> None:
    assert resolve_date(expression, None) is None


def test_without_publication_date_an_explicit_year_resolves() -> None:
    assert resolve_date("December 5, 2016", None) == date(2016, 12, 5)
    assert resolve_date("November 2015", None) == date(2015, 11, 1)


@pytest.mark.parametrize("expression", ["two days", "recent weeks", "the weekend"])
def test_expression_without_a_day_or_month_is_unknown(expression: str) -> None:
    assert resolve_date(expression, PUBLISHED) is None
