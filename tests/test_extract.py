"""Extraction on hand-written sentences with the real spaCy model (slow)."""

from datetime import date

import pytest

from diplograph.ingest.pipeline import extract_one
from diplograph.ingest.types import ArticleInput

pytestmark = pytest.mark.slow


def triples(text: str, published: date = date(2024, 3, 4)) -> set[tuple[str, str, str, bool, str]]:
    """Return (source, target, CAMEO root, negated, modality) of every event found."""
    result = extract_one(ArticleInput(id="t", text=text, published=published))
    return {
        (e.source.name, e.target.name, e.cameo[:2], e.negated, e.modality) for e in result.events
    }


def test_active_meeting_with_titles_and_countries() -> None:
    result = extract_one(
        ArticleInput(
            id="t",
            text=(
                "German Chancellor Olaf Scholz met with Kenyan President William Ruto in Nairobi."
            ),
            published=date(2024, 3, 4),
        )
    )
    [event] = result.events
    assert (event.source.name, event.source.country, event.source.role) == (
        "Olaf Scholz",
        "DEU",
        "chancellor",
    )
    assert (event.target.name, event.target.country, event.cameo) == ("William Ruto", "KEN", "040")
    assert event.location == "Nairobi"


def test_passive_agent_is_the_source() -> None:
    assert triples(
        "Indian Prime Minister Narendra Modi was hosted by Japanese Prime Minister Fumio Kishida."
    ) == {("Fumio Kishida", "Narendra Modi", "04", False, "asserted")}


def test_conjoined_subjects_give_one_event_each() -> None:
    assert triples("Brazil and Argentina condemned Venezuela.") == {
        ("Brazil", "Venezuela", "11", False, "asserted"),
        ("Argentina", "Venezuela", "11", False, "asserted"),
    }


def test_negation_is_kept_on_the_event() -> None:
    assert triples(
        "Turkish President Recep Tayyip Erdogan did not meet Greek Prime Minister "
        "Kyriakos Mitsotakis."
    ) == {("Recep Tayyip Erdogan", "Kyriakos Mitsotakis", "04", True, "asserted")}


def test_appeal_is_requested_and_capital_is_the_country() -> None:
    assert triples("Washington urged Tehran to release the detained sailors.") == {
        ("United States", "Iran", "02", False, "requested")
    }


def test_surname_and_pronoun_resolve_to_the_full_name() -> None:
    text = (
        "Canadian Prime Minister Justin Trudeau arrived in Mexico City on Monday.\n"
        "He later criticized Chinese President Xi Jinping."
    )
    assert triples(text) == {
        ("Justin Trudeau", "Mexico", "04", False, "asserted"),
        ("Justin Trudeau", "Xi Jinping", "11", False, "asserted"),
    }


def test_both_sides_are_the_two_main_actors_so_far() -> None:
    text = (
        "Armenian forces clashed with Azerbaijani troops near the border on Monday.\n"
        "Armenia accused Azerbaijan of shelling villages.\n"
        "Russia urged both sides to respect the ceasefire."
    )
    assert ("Russia", "Armenia", "02", False, "requested") in triples(text)
    assert ("Russia", "Azerbaijan", "02", False, "requested") in triples(text)


def test_it_and_the_group_refer_back() -> None:
    text = (
        "Hezbollah fired rockets at northern Israel.\n"
        "The group said it had targeted Israeli army positions.\n"
        "The Israeli military said it struck Hezbollah positions in response."
    )
    found = triples(text)
    assert ("Israeli military", "Hezbollah", "19", False, "asserted") in found
    assert ("Hezbollah", "Israel", "19", False, "asserted") in found


def test_conjoined_demonyms_and_state_organs_named_as_written() -> None:
    assert triples("Saudi and Emirati officials held talks with Sudanese army commanders.") == {
        ("Saudi officials", "Sudanese army commanders", "04", False, "asserted"),
        ("Emirati officials", "Sudanese army commanders", "04", False, "asserted"),
    }


def test_several_agents_pledging_cooperation_pledge_it_to_each_other() -> None:
    assert triples(
        "The foreign ministers of Japan and Australia pledged to deepen cooperation."
    ) == {("Japan", "Australia", "03", False, "intended")}


def test_denied_acts_are_negated_and_accusations_reported() -> None:
    result = extract_one(
        ArticleInput(
            id="t",
            text="Qatar denied accusations that it funds Hamas.",
            published=date(2024, 3, 4),
        )
    )
    assert [(e.source.name, e.target.name, e.negated, e.modality) for e in result.events] == [
        ("Qatar", "Hamas", True, "reported")
    ]


def test_offer_to_mediate_targets_both_parties() -> None:
    assert triples(
        "Turkish President Recep Tayyip Erdogan offered to mediate between "
        "Russian President Vladimir Putin and Ukrainian President Volodymyr Zelenskiy."
    ) == {
        ("Recep Tayyip Erdogan", "Vladimir Putin", "03", False, "intended"),
        ("Recep Tayyip Erdogan", "Volodymyr Zelenskiy", "03", False, "intended"),
    }


def test_dateline_with_date_and_agency_is_not_an_actor() -> None:
    text = "NAIROBI, March 3 (Reuters) - Ethiopia accused Eritrea of backing rebels."
    assert triples(text) == {("Ethiopia", "Eritrea", "11", False, "asserted")}


def test_both_sides_of_a_civil_war() -> None:
    text = (
        "Sudan's army clashed with the Rapid Support Forces in Khartoum.\n"
        "The army said the Rapid Support Forces had shelled a hospital.\n"
        "Saudi Arabia urged both sides to return to talks."
    )
    found = {(s, t, r) for s, t, r, _, _ in triples(text) if r == "02"}
    assert found == {
        ("Saudi Arabia", "Sudan", "02"),
        ("Saudi Arabia", "Rapid Support Forces", "02"),
    }


def test_meeting_in_a_clause_after_said_and_the_two_countries() -> None:
    text = (
        "The border will reopen, Colombian President Gustavo Petro said after meeting "
        "Venezuelan President Nicolas Maduro in Caracas.\n"
        "The two countries also signed an agreement on trade."
    )
    found = {(frozenset({s, t}), root, neg, mod) for s, t, root, neg, mod in triples(text)}
    assert found == {
        (frozenset({"Gustavo Petro", "Nicolas Maduro"}), "04", False, "asserted"),
        (frozenset({"Colombia", "Venezuela"}), "05", False, "asserted"),
    }


def test_the_accused_does_what_it_is_accused_of() -> None:
    found = triples("Israel accused Iran of arming Hezbollah.")
    assert ("Israel", "Iran", "11", False, "asserted") in found
    assert all(source != "Israel" or target == "Iran" for source, target, *_ in found)


def test_verdicts_are_criticism_or_praise_of_the_object() -> None:
    text = (
        "Japanese Prime Minister Shigeru Ishiba called North Korea's missile launch "
        '"absolutely unacceptable".\n'
        "Beijing described Washington's arms sales to Taiwan as a serious provocation."
    )
    assert triples(text) == {
        ("Shigeru Ishiba", "North Korea", "11", False, "asserted"),
        ("China", "United States", "11", False, "asserted"),
    }
