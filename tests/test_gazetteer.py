"""Country, organization and role lookups (ingest/data/*.tsv)."""

import pytest

from diplograph.ingest.gazetteer import Country, Organization, Role, gazetteer

RUSSIA = Country("RUS", "Russia")
UNITED_STATES = Country("USA", "United States")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia", RUSSIA),
        ("Russian Federation", RUSSIA),
        ("the Russian Federation", RUSSIA),
        ("United States", UNITED_STATES),
        ("U.S.", UNITED_STATES),
        ("US", UNITED_STATES),
        ("the United States of America", UNITED_STATES),
        ("Egypt", Country("EGY", "Egypt")),
    ],
)
def test_country_by_name_or_alias(text: str, expected: Country) -> None:
    assert gazetteer().country(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian", RUSSIA),
        ("Russians", RUSSIA),
        ("American", UNITED_STATES),
        ("Egyptian", Country("EGY", "Egypt")),
        ("Chinese", Country("CHN", "China")),
    ],
)
def test_country_by_demonym(text: str, expected: Country) -> None:
    assert gazetteer().country(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Moscow", RUSSIA),
        ("Kremlin", RUSSIA),
        ("Washington", UNITED_STATES),
        ("Berlin", Country("DEU", "Germany")),
        ("Cairo", Country("EGY", "Egypt")),
    ],
)
def test_country_by_capital(text: str, expected: Country) -> None:
    assert gazetteer().capital(text) == expected


def test_capital_is_not_a_country_name() -> None:
    assert gazetteer().country("Moscow") is None


@pytest.mark.parametrize("text", ["Atlantis", "Mr. Smith", ""])
def test_unknown_names(text: str) -> None:
    gaz = gazetteer()
    assert (gaz.country(text), gaz.capital(text), gaz.organization(text)) == (None, None, None)


@pytest.mark.parametrize("text", ["U.N.", "UN", "United Nations", "the United Nations"])
def test_organization_by_name_or_alias(text: str) -> None:
    assert gazetteer().organization(text) == Organization("United Nations", "igo", None)


def test_armed_group_acts_for_no_state() -> None:
    assert gazetteer().organization("Hamas") == Organization("Hamas", "group", None, base="PSE")


def test_government_body_acts_for_its_state() -> None:
    assert gazetteer().organization("IRGC") == Organization(
        "Islamic Revolutionary Guard Corps", "government", "IRN"
    )


def test_role_ending_takes_the_longest_title() -> None:
    assert gazetteer().role_ending(["Russian", "Defense", "Minister"]) == (
        Role("defense minister", ("defense", "minister"), 4, "government"),
        2,
    )


@pytest.mark.parametrize(
    ("words", "role", "n"),
    [
        (["President"], "president", 1),
        (["Egyptian", "President"], "president", 1),
        (["Prime", "Minister"], "prime minister", 2),
        (["Deputy", "Prime", "Minister"], "deputy prime minister", 3),
        (["Minister", "of", "Foreign", "Affairs"], "foreign minister", 4),
        (["Secretary", "of", "State"], "foreign minister", 3),
    ],
)
def test_role_ending(words: list[str], role: str, n: int) -> None:
    found = gazetteer().role_ending(words)
    assert found is not None
    assert (found[0].role, found[1]) == (role, n)


@pytest.mark.parametrize("words", [[], ["Russian"], ["President", "Putin"]])
def test_no_role_ending(words: list[str]) -> None:
    assert gazetteer().role_ending(words) is None


def test_roles_are_sorted_longest_first() -> None:
    lengths = [len(r.words) for r in gazetteer().roles]
    assert lengths == sorted(lengths, reverse=True)


def test_well_known_people_by_name_and_alias() -> None:
    gaz = gazetteer()
    trump = gaz.person("Donald Trump")
    assert trump is not None and (trump.country, trump.role) == ("USA", "president")
    assert gaz.person("donald trump") == trump
    assert gaz.person("Nobody Atall") is None


def test_people_table_rows_name_known_countries() -> None:
    gaz = gazetteer()
    assert {p.country for p in gaz.people.values() if p.country} <= set(gaz.by_iso3)


def test_cities_belong_to_their_state_and_never_shadow_a_country_or_capital() -> None:
    gaz = gazetteer()
    kharkiv = gaz.city("Kharkiv")
    assert kharkiv is not None and kharkiv.iso3 == "UKR"
    assert all(key not in gaz.countries and key not in gaz.capitals for key in gaz.cities)


@pytest.mark.parametrize(
    ("name", "base"),
    [
        # Coded by region in the dictionary (CFRREB, WEUREB ...): hand rows give the base.
        ("LRA", "UGA"),
        ("Tamil Tigers", "LKA"),
        ("Bosnian Serbs", "BIH"),
        # Coded by region only: a group with no base.
        ("Irish National Liberation Army", None),
        ("Baader-Meinhof Group", None),
        # An international militarized group (IMG...) whose name says it is a group.
        ("Ansar Al-Sharia", None),
    ],
)
def test_armed_groups_coded_by_region_are_groups(name: str, base: str | None) -> None:
    org = gazetteer().organization(name)
    assert org is not None and (org.type, org.country, org.base) == ("group", None, base)


def test_members_listed_under_an_armed_group_code_are_no_groups() -> None:
    # The dictionary lists people under IMG codes ("Abu Bakar", IMGSEAMUSJMA).
    assert gazetteer().organization("Abu Bakar") is None
