"""People of the coding dictionary resolved on the article's date (ingest/dated_people.py)."""

from datetime import date

import pytest

from diplograph.ingest.dated_people import DatedPerson, DatedRole, parse_role, people_named
from diplograph.ingest.gazetteer import KnownPerson, gazetteer


def test_roles_parse_with_open_ends() -> None:
    assert parse_role("CMRGOV@1982-11-06..") == DatedRole("CMRGOV", date(1982, 11, 6), None)
    assert parse_role("GBRELI@..1997-05-02") == DatedRole("GBRELI", None, date(1997, 5, 2))
    assert parse_role("CMRELI") == DatedRole("CMRELI")


def test_code_on_a_date_falls_back_to_the_default() -> None:
    biya = DatedPerson(
        "Paul Biya",
        (DatedRole("CMRGOV", date(1982, 11, 6), None),),
        "CMRELI",
    )
    assert biya.code_on(date(1990, 1, 1)) == "CMRGOV"
    assert biya.code_on(date(1970, 1, 1)) == "CMRELI"
    assert biya.code_on(None) == "CMRELI"
    assert (biya.in_office(date(1990, 1, 1)), biya.in_office(None)) == (True, False)


def test_every_name_of_a_person_finds_them() -> None:
    assert [p.name for p in people_named("president barack obama")] == ["Barack Obama"]
    assert people_named("nobody at all") == ()


@pytest.mark.parametrize(
    ("name", "day", "expected"),
    [
        ("Tony Blair", date(2003, 5, 1), KnownPerson("Tony Blair", "GBR", "")),
        ("Gerhard Schroeder", date(2003, 5, 1), KnownPerson("Gerhard Schroeder", "DEU", "")),
        ("Obama", date(2013, 6, 1), KnownPerson("Barack Obama", "USA", "")),
        ("Ahmadou Ahidjo", date(1970, 1, 1), KnownPerson("Ahmadou Ahidjo", "CMR", "")),
    ],
)
def test_gazetteer_reads_people_on_the_article_date(
    name: str, day: date, expected: KnownPerson
) -> None:
    assert gazetteer().on(day).known_person(name) == expected


def test_hand_written_people_win() -> None:
    assert gazetteer().on(date(2003, 1, 1)).known_person("Donald Trump") == gazetteer().person(
        "Donald Trump"
    )
    assert gazetteer().person("Donald Trump") == KnownPerson("Donald Trump", "USA", "president")


def test_a_state_or_place_is_no_person() -> None:
    assert gazetteer().on(date(2003, 1, 1)).known_person("Yerevan") is None
