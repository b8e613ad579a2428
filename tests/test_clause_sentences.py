"""Clause-level recall: reported speech, acts of force on places, raising predicates and
restored ties (spaCy model, slow). The sentences are written for these tests."""

from datetime import date

import pytest

from diplograph.ingest.pipeline import extract_one
from diplograph.ingest.types import ArticleInput

pytestmark = pytest.mark.slow

Row = tuple[str | None, str | None, str]


def coded(text: str, published: date = date(2019, 6, 1)) -> set[Row]:
    """Return (source country, target country, CAMEO code) of each event in ``text``."""
    events = extract_one(ArticleInput(id="t", text=text, published=published)).events
    return {(e.source.country, e.target.country, e.cameo) for e in events}


def test_reported_attack_on_the_speakers_own_sites_targets_the_speaker() -> None:
    assert coded("Egypt said Sudan had shelled its border posts.") == {("SDN", "EGY", "194")}


def test_its_in_a_main_clause_stays_the_subjects_own() -> None:
    assert coded("Egypt curbed its imports from Sudan last year.") == set()


def test_an_act_of_force_on_an_unnamed_object_targets_the_place_hit() -> None:
    assert coded("Turkish jets struck positions near Erbil on Tuesday.") == {("TUR", "IRQ", "190")}


def test_an_act_of_force_with_no_object_names_no_place_target() -> None:
    assert coded("Chinese troops fought in Korea.") == set()


def test_reported_strike_by_a_demonym_agent_near_a_capital() -> None:
    # Jets are a state's forces: their bombing is an air strike (state_codes.toml).
    assert coded("Pakistani officials said Indian jets had bombed targets near Islamabad.") == {
        ("IND", "PAK", "195")
    }


def test_is_about_to_acts_for_the_subject_of_be() -> None:
    assert coded("Morocco is about to resume relations with Algeria.") == {("MAR", "DZA", "050")}


def test_renewed_ties_between_conjoined_states() -> None:
    assert coded("Cuba and Panama renewed diplomatic ties on Friday.") == {("CUB", "PAN", "050")}


def test_a_stated_intent_to_use_force_is_a_threat() -> None:
    assert coded("Eritrea wants to attack Djibouti.") == {("ERI", "DJI", "138")}


def test_a_negated_intent_to_use_force_is_no_threat() -> None:
    events = extract_one(
        ArticleInput(id="t", text="Eritrea will not attack Djibouti.", published=date(2019, 6, 1))
    ).events
    assert [(e.cameo, e.negated) for e in events] == [("190", True)]


def test_a_dictionary_pattern_naming_the_subject_codes_by_it() -> None:
    # "- &MILITARY * (INTO) [190]" under CROSS: soldiers crossing is an assault...
    assert coded("Ugandan soldiers crossed into Kenya.") == {("UGA", "KEN", "190")}
    # ... students crossing is nothing, and no other pattern of "cross" names them.
    assert coded("Ugandan students crossed into Kenya.") == set()


def test_a_subject_pattern_with_a_bare_verb() -> None:
    assert coded("Kenyan tanks entered Somalia.") == {("KEN", "SOM", "192")}
