"""Agents and state names of the coding dictionaries: converter, gazetteer, sentences.

The converter (tools/petrarch_agents.py) runs on checked-in excerpts of the upstream
format (tests/data/petrarch/); the sentences are written for these tests.
"""

from datetime import date
from pathlib import Path

import pytest

from diplograph.ingest.gazetteer import gazetteer
from diplograph.ingest.pipeline import extract_one
from diplograph.ingest.types import ArticleInput
from tools.petrarch_agents import (
    AGENTS_FILE,
    COUNTRIES_FILE,
    Agent,
    agent_rows,
    main,
    parse_agents,
    parse_states,
    state_rows,
    tables,
)

DATA = Path(__file__).parent / "data" / "petrarch"
AGENTS = (DATA / "agents_excerpt.txt").read_text(encoding="utf-8")
COUNTRIES = (DATA / "countries_excerpt.txt").read_text(encoding="utf-8")


def test_agents_expand_substitution_sets_and_plurals() -> None:
    agents = {a.phrase: a for a in parse_agents(AGENTS)}
    assert agents["farmer"] == Agent("farmer", "farmers", "AGR")
    # !PERSON! expands to every filler; the set lists its own plurals.
    assert [p for p in agents if p.startswith("fisher")] == [
        "fisherman",
        "fishermen",
        "fisherwoman",
        "fisherwomen",
        "fisherperson",
    ]
    assert agents["fishermen"].plural == ""
    assert agents["chamber of commerce"].plural == "chambers of commerce"
    assert agents["thief"].plural == "thieves"
    assert agents["police"].plural == ""  # {}: no plural
    assert agents["riot police"].code == "COP"
    assert agents["ministry"] == Agent("ministry", "ministries", "GOV")
    assert agents["deparment of environment"].code == "ENV"  # "[~ENV}" upstream
    assert agents["protester"] == Agent("protester", "protesters", "OPP")
    assert agents["student protester"].code == "OPPEDU"


def test_agent_rows_give_the_kind_of_actor_and_leave_criminals_out() -> None:
    rows = {phrase: (code, sector) for phrase, _, code, sector in agent_rows(parse_agents(AGENTS))}
    assert rows["troop"] == ("MIL", "military")
    assert rows["court"] == ("JUD", "government")
    assert rows["police"] == ("COP", "government")
    assert rows["protester"] == ("OPP", "opposition")
    assert rows["student protester"] == ("OPPEDU", "opposition")
    assert rows["rebel"] == ("REB", "group")
    assert rows["farmer"] == ("AGR", "civilians")
    assert rows["chamber of commerce"] == ("BUS", "business")
    assert "thief" not in rows


def test_states_keep_their_synonyms_and_not_their_institutions() -> None:
    states = parse_states(COUNTRIES)
    assert [(s.code, s.name) for s in states] == [("AFG", "afghanistan"), ("KEN", "kenya")]
    assert states[0].synonyms == ("afghan", "afghanestan", "kabul", "helmand", "logar province")
    assert state_rows(states)[1] == ("KEN", "kenya", "kenyan|mombasa")


def test_tables_are_tab_separated_with_a_header_after_the_comment() -> None:
    files = tables(AGENTS, COUNTRIES)
    agents = [ln for ln in files["agents.tsv"].splitlines() if not ln.startswith("#")]
    assert agents[0] == "phrase\tplural\tcode\tsector"
    assert "riot police\t\tCOP\tgovernment" in agents
    countries = [ln for ln in files["countries.tsv"].splitlines() if not ln.startswith("#")]
    assert countries == [
        "iso3\tname\tsynonyms",
        "AFG\tafghanistan\tafghan|afghanestan|kabul|helmand|logar province",
        "KEN\tkenya\tkenyan|mombasa",
    ]


def test_an_upstream_file_of_other_bytes_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    checkout = tmp_path / "petrarch2"
    for path, text in ((AGENTS_FILE, AGENTS), (COUNTRIES_FILE, COUNTRIES)):
        (checkout / path).parent.mkdir(parents=True, exist_ok=True)
        (checkout / path).write_text(text, encoding="utf-8")
    assert main([str(checkout), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Phoenix.agents.txt: sha256" in err
    assert not (tmp_path / "out").exists()


def test_gazetteer_finds_the_longest_agent_phrase() -> None:
    gaz = gazetteer()
    found = gaz.agent_ending(["Turkish", "riot", "police"])
    assert found is not None and found[1] == 2 and found[0].sector == "government"
    fishermen = gaz.agent_ending(["fishermen"])
    assert fishermen is not None and fishermen[0].sector == "civilians"
    assert gaz.agent_ending(["thieves"]) is None
    assert gaz.agent_ending([]) is None


def test_dictionary_state_names_are_spellings_or_places_and_hand_rows_win() -> None:
    gaz = gazetteer()
    afghanistan = gaz.by_iso3["AFG"]
    assert gaz.country("Afghanestan") == afghanistan  # a spelling: a name of the state
    assert gaz.city("Helmand") == afghanistan  # a region: a place of the state
    assert gaz.country("Helmand") is None
    assert gaz.capital("Kabul") == afghanistan  # the hand table's capital stays a capital
    assert gaz.city("Kabul") is None


slow = pytest.mark.slow


def _events(text: str) -> set[tuple[str, str, str | None, str, str, str | None]]:
    article = ArticleInput(id="t", text=text, published=date(2012, 5, 2))
    return {
        (
            ev.source.name,
            ev.source.type,
            ev.source.country,
            ev.cameo[:2],
            ev.target.name,
            ev.target.country,
        )
        for ev in extract_one(article).events
    }


@slow
def test_agents_located_by_a_city_act_for_its_state() -> None:
    assert _events("Police in Peshawar detained three Afghan nationals.") == {
        ("Pakistan", "government", "PAK", "17", "Afghan nationals", "AFG")
    }
    assert _events("Riot police arrested dozens of protesters in Tehran on Friday.") == {
        ("Iran", "government", "IRN", "17", "protesters", "IRN")
    }


@slow
def test_a_state_organ_named_by_a_demonym_is_of_that_state() -> None:
    assert _events("A Kenyan court sentenced two Somali men to prison.") == {
        ("Kenya", "government", "KEN", "17", "Somali men", "SOM")
    }
    assert _events("Iraqi parliamentarians condemned the Turkish air strikes.") == {
        ("Iraq", "government", "IRQ", "11", "Turkey", "TUR")
    }


@slow
def test_an_officeholder_of_a_city_is_of_the_city_state() -> None:
    assert _events("The governor of Helmand met Pakistani officials in Quetta.") == {
        ("Afghanistan", "country", "AFG", "04", "Pakistani officials", "PAK")
    }
    assert _events("Israeli soldiers detained the mayor of Hebron.") == {
        ("Israeli soldiers", "military", "ISR", "17", "Palestine", "PSE")
    }


@slow
def test_a_protest_in_a_city_targets_its_state_and_each_demonym_is_a_group() -> None:
    assert _events("Swedish and Norwegian students protested in Minsk.") == {
        ("Swedish students", "group", "SWE", "11", "Belarus", "BLR"),
        ("Norwegian students", "group", "NOR", "11", "Belarus", "BLR"),
    }


@slow
def test_a_local_official_acts_for_the_body_an_appositive_names() -> None:
    assert _events("Iranian police detained the deputy mayor of Herat, a Taliban commander.") == {
        ("Iranian police", "government", "IRN", "17", "Taliban", "AFG")
    }
    # A minister is no local official: the state stays the actor.
    assert _events(
        "Jordan welcomed the foreign minister of Iran, a member of the Revolutionary Guards."
    ) == {("Jordan", "country", "JOR", "05", "Iran", "IRN")}


@slow
def test_a_state_media_report_stays_a_report_and_its_officials_speak_for_it() -> None:
    def modalities(text: str) -> set[tuple[str, str, str]]:
        article = ArticleInput(id="t", text=text, published=date(2019, 5, 1))
        return {(ev.source.name, ev.target.name, ev.modality) for ev in extract_one(article).events}

    assert modalities("Iranian media reported that Khamenei thanked Putin.") == {
        ("Khamenei", "Putin", "reported")
    }
    assert modalities("Iranian officials said that Khamenei thanked Putin.") == {
        ("Khamenei", "Putin", "asserted")
    }
