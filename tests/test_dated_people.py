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


@pytest.mark.parametrize(
    ("name", "day", "expected"),
    [
        # One figure of that surname in office on the date: the coding dictionary's.
        ("Albright", date(1999, 2, 21), KnownPerson("Madeleine Albright", "USA", "")),
        ("Sharif", date(1999, 2, 21), KnownPerson("Nawaz Sharif", "PAK", "")),
        # Listed twice in the dictionary ("Schroder", "Schroeder"): still one person.
        ("Schroeder", date(2005, 6, 1), KnownPerson("Gerhard Schroder", "DEU", "")),
        # A full name spelled unlike the dictionary ("Behari" for "Bihari").
        (
            "Atal Behari Vajpayee",
            date(1999, 2, 21),
            KnownPerson("Atal Bihari Vajpayee", "IND", ""),
        ),
        # A shortened full name: a middle name or a second surname left out.
        ("Laurent Kabila", date(1998, 6, 1), KnownPerson("Laurent Desire Kabila", "COD", "")),
        ("Alvaro Uribe", date(2005, 6, 1), KnownPerson("Alvaro Uribe Velez", "COL", "")),
        # From 2016 on, or with no date, people.tsv's figures come first.
        ("Merkel", date(2019, 1, 1), KnownPerson("Angela Merkel", "DEU", "chancellor")),
    ],
)
def test_a_bare_surname_finds_the_one_figure_of_the_date(
    name: str, day: date, expected: KnownPerson
) -> None:
    assert gazetteer().on(day).known_surname(name) == expected


@pytest.mark.parametrize(
    ("name", "day"),
    [
        ("Kim", date(2002, 9, 17)),  # Kim Jong Il and Kim Dae-jung: never guessed
        ("Abbas", date(2005, 6, 1)),  # four in office, of three states
        ("Sharif", date(2008, 8, 12)),  # no Sharif in office then
        ("Vajpayee", None),  # the dictionary needs a date; people.tsv has no Vajpayee
        ("Ajay Vajpayee", date(1999, 2, 21)),  # another name, not another spelling
        ("Lahore", date(1999, 2, 21)),  # a place
    ],
)
def test_a_surname_is_not_guessed(name: str, day: date | None) -> None:
    assert gazetteer().on(day).known_surname(name) is None
