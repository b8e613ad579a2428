"""Reactions to earlier acts: "Seoul condemned the launch" targets whoever launched.

The registry is tested on hand-built acts; the whole chain on hand-written
sentences with the real model (slow).
"""

from datetime import date

import pytest

from diplograph.ingest.acts import ArticleActs, kinds_of, reacts_to_acts, stem
from diplograph.ingest.pipeline import extract_one
from diplograph.ingest.types import ActorRef, ArticleInput, Mention

PUBLISHED = date(2023, 6, 14)
NORTH_KOREA = ActorRef(name="North Korea", type="country", country="PRK")
SOUTH_KOREA = ActorRef(name="South Korea", type="country", country="KOR")
TURKEY = ActorRef(name="Turkey", type="country", country="TUR")
LIBYA = ActorRef(name="Libya", type="country", country="LBY")


def reference(name: str, index: int) -> Mention:
    return Mention(kind="act", text=name, token_index=index, type="act", name=name)


def keep_all(_: ActorRef) -> bool:
    return True


def test_kinds_come_from_the_data_file() -> None:
    assert ("launch" in kinds_of("fire"), "sanction" in kinds_of("Measure")) == (True, True)
    assert kinds_of("breakfast") == frozenset()


def test_reacting_codes_are_praise_criticism_rejection_and_protest() -> None:
    assert [reacts_to_acts(c) for c in ("051", "111", "120", "141", "040", "057")] == [
        True,
        True,
        True,
        True,
        False,
        False,
    ]


def test_latest_act_of_the_kind_wins() -> None:
    acts = ArticleActs()
    acts.note(3, kinds_of("fire"), (NORTH_KOREA,))
    acts.note(9, kinds_of("launch"), (SOUTH_KOREA,))
    assert acts.agents_of(reference("launch", 5), 8, keep_all) == (NORTH_KOREA,)
    assert acts.agents_of(reference("launch", 12), 30, keep_all) == (SOUTH_KOREA,)


def test_acts_after_the_reference_do_not_count() -> None:
    acts = ArticleActs()
    acts.note(40, kinds_of("attack"), (NORTH_KOREA,))
    assert acts.agents_of(reference("attack", 2), 10, keep_all) == ()


def test_other_kinds_do_not_match_but_generic_references_do() -> None:
    acts = ArticleActs()
    acts.note(3, kinds_of("sanction"), (TURKEY,))
    assert acts.agents_of(reference("launch", 0), 10, keep_all) == ()
    assert acts.agents_of(reference("*", 0), 10, keep_all) == (TURKEY,)


def test_generic_reference_skips_statements() -> None:
    acts = ArticleActs()
    acts.note(3, kinds_of("sanction"), (TURKEY,))
    acts.note(6, kinds_of("accusation"), (LIBYA,))
    assert acts.agents_of(reference("*", 0), 10, keep_all) == (TURKEY,)


def test_own_side_is_passed_over_for_an_older_act() -> None:
    acts = ArticleActs()
    acts.note(3, kinds_of("deal"), (LIBYA,))
    acts.note(6, kinds_of("deal"), (TURKEY,))
    assert acts.agents_of(reference("deal", 0), 10, lambda a: a != TURKEY) == (LIBYA,)


def test_an_act_with_unknown_agent_ends_the_search() -> None:
    acts = ArticleActs()
    acts.note(3, kinds_of("declaration"), (TURKEY,))
    acts.note(6, kinds_of("declaration"), ())
    assert acts.agents_of(reference("declaration", 0), 10, keep_all) == ()


Row = tuple[str, str, str, bool]


def rows(text: str) -> set[Row]:
    """Return (source, target, CAMEO code, negated) of every event of ``text``."""
    extracted = extract_one(ArticleInput(id="t", text=text, published=PUBLISHED))
    return {(ev.source.name, ev.target.name, ev.cameo, ev.negated) for ev in extracted.events}


@pytest.mark.slow
def test_condemning_a_missile_test_targets_the_launcher() -> None:
    assert rows(
        "North Korea launched an intercontinental ballistic missile on Friday.\n"
        "Japan condemned the test as a serious threat to regional peace."
    ) == {("Japan", "North Korea", "111", False)}


@pytest.mark.slow
def test_rejecting_measures_targets_who_imposed_them() -> None:
    assert rows(
        "The European Union imposed new sanctions on Belarus on Monday.\n"
        "Minsk rejected the measures as illegal."
    ) == {
        ("European Union", "Belarus", "163", False),
        ("Belarus", "European Union", "120", False),
    }


@pytest.mark.slow
def test_reacting_to_a_deal_targets_the_other_signatories() -> None:
    assert rows(
        "Turkey and Libya signed a maritime deal in Istanbul.\n"
        "Greece condemned the deal.\n"
        "Turkish President Tayyip Erdogan praised the agreement."
    ) == {
        ("Turkey", "Libya", "057", False),
        ("Greece", "Turkey", "111", False),
        ("Greece", "Libya", "111", False),
        ("Tayyip Erdogan", "Libya", "051", False),
    }


@pytest.mark.slow
def test_the_move_points_to_the_latest_act_of_any_kind() -> None:
    assert ("Palestinian Authority", "Donald Trump", "111", False) in rows(
        "U.S. President Donald Trump recognised Jerusalem as Israel's capital.\n"
        "The Palestinian Authority condemned the move."
    )


@pytest.mark.slow
def test_a_dated_possessive_is_a_reference_too() -> None:
    assert rows(
        "North Korea fired two missiles on Tuesday.\nSouth Korea condemned Tuesday's launch."
    ) == {("South Korea", "North Korea", "111", False)}


@pytest.mark.slow
def test_an_act_by_an_unknown_owner_hides_older_ones() -> None:
    assert rows(
        "Russia and China signed a trade agreement.\n"
        "The summit's final declaration called for a ceasefire in Gaza.\n"
        "Ukraine criticised the declaration."
    ) == {("Russia", "China", "057", False)}


@pytest.mark.slow
def test_refusing_to_condemn_is_negated() -> None:
    assert rows(
        "North Korea fired two missiles on Tuesday.\n"
        "Chinese Foreign Minister Wang Yi refused to condemn the launch."
    ) == {("Wang Yi", "North Korea", "111", True)}


@pytest.mark.slow
def test_an_indefinite_act_is_no_reference() -> None:
    assert rows("Iran fired a missile.\nIsrael rejected any proposal to resettle Gazans.") == set()


@pytest.mark.slow
def test_two_reactions_in_one_sentence() -> None:
    assert rows(
        "Azerbaijan launched an offensive in Nagorno-Karabakh.\n"
        "Armenia condemned the offensive, and France criticised the attack."
    ) == {
        ("Armenia", "Azerbaijan", "111", False),
        ("France", "Azerbaijan", "111", False),
    }


@pytest.mark.slow
def test_criticising_a_visit_targets_the_visitor() -> None:
    assert ("European Union", "Viktor Orban", "111", False) in rows(
        "Hungarian Prime Minister Viktor Orban visited Moscow on Friday.\n"
        "The EU criticised the visit."
    )


def test_two_records_of_one_trigger_merge() -> None:
    acts = ArticleActs()
    acts.note(3, kinds_of("sign"), (TURKEY, LIBYA))
    acts.note(3, kinds_of("sign"), (TURKEY,))
    assert acts.agents_of(reference("deal", 0), 10, keep_all) == (TURKEY, LIBYA)


@pytest.mark.slow
def test_denying_the_charge_rejects_the_accuser() -> None:
    assert rows(
        "Iran accused Israel of the attack on its consulate.\nIsrael denied the charge."
    ) == {("Iran", "Israel", "112", False), ("Israel", "Iran", "120", False)}


@pytest.mark.slow
def test_welcoming_the_resumption_of_talks_targets_their_parties() -> None:
    assert rows(
        "Ethiopian and Somali negotiators met in Ankara on Monday.\n"
        "The African Union welcomed the resumption of talks."
    ) == {
        ("Ethiopian negotiators", "Somali negotiators", "040", False),
        ("African Union", "Ethiopian negotiators", "051", False),
        ("African Union", "Somali negotiators", "051", False),
    }


@pytest.mark.slow
def test_condemning_a_deal_targets_both_parties() -> None:
    assert rows(
        "Turkey signed a maritime deal with Libya in Istanbul.\nGreece condemned the deal."
    ) == {
        ("Turkey", "Libya", "057", False),
        ("Greece", "Turkey", "111", False),
        ("Greece", "Libya", "111", False),
    }


@pytest.mark.slow
def test_an_appeal_reports_no_act() -> None:
    # The allies are only urged to tighten sanctions: "the measures" are the EU's.
    assert ("Belarus", "European Union", "120", False) in rows(
        "The European Union imposed sanctions on Belarus.\n"
        "Poland urged Lithuania to tighten sanctions further.\n"
        "Minsk rejected the measures."
    )


@pytest.mark.slow
def test_brokering_a_deal_targets_its_parties_not_the_broker() -> None:
    assert rows("Ethiopia and Somalia signed a deal brokered by Turkey.") == {
        ("Ethiopia", "Somalia", "057", False),
        ("Turkey", "Ethiopia", "045", False),
        ("Turkey", "Somalia", "045", False),
    }


@pytest.mark.slow
def test_next_years_summit_is_no_reference() -> None:
    assert rows(
        "Kenyan and Ugandan officials met in Nairobi.\nTanzania will host next year's summit."
    ) == {("Kenyan officials", "Ugandan officials", "040", False)}


@pytest.mark.slow
def test_a_place_is_no_owner_of_an_act() -> None:
    # "the Gaza truce" is no act of Palestine's: the truce is the one Israel agreed to.
    assert ("Egypt", "Israel", "051", False) in rows(
        "Israel agreed to a ceasefire with Hamas on Sunday.\n"
        "The Gaza ceasefire took effect on Monday.\n"
        "Egypt praised the truce."
    )


@pytest.mark.slow
def test_condemning_the_incident_targets_who_did_the_latest_act() -> None:
    assert rows(
        "Chinese coast guard ships rammed a Vietnamese fishing boat near the Paracel Islands.\n"
        "Hanoi condemned the incident."
    ) == {("China", "Vietnam", "190", False), ("Vietnam", "China", "111", False)}


@pytest.mark.slow
def test_rejecting_a_protest_targets_who_lodged_it() -> None:
    assert ("China", "Japan", "120", False) in rows(
        "Japan lodged a protest with China over the survey ship.\nBeijing rejected the protest."
    )


@pytest.mark.slow
def test_denying_a_clause_answers_the_latest_claim() -> None:
    assert ("China", "Philippines", "120", False) in rows(
        "Manila said Chinese ships had fired water cannon at its vessel.\n"
        "Beijing denied that its coast guard had used force."
    )


@pytest.mark.slow
def test_the_incident_is_the_latest_use_of_force_not_an_ignored_warning() -> None:
    assert ("France", "Israeli jets", "111", False) in rows(
        "Israeli jets struck Hezbollah positions in southern Lebanon.\n"
        "Hezbollah said Israel had ignored repeated warnings.\n"
        "France condemned the incident."
    )


@pytest.mark.slow
def test_the_same_word_outranks_a_later_act_of_the_kind() -> None:
    # The strike is later, but "the sinking" was told as "sunk".
    assert ("Egypt", "Houthis", "111", False) in rows(
        "Houthi militants said they had sunk a Greek-operated bulk carrier in the Red Sea.\n"
        "Israeli jets struck the port of Hodeidah overnight.\n"
        "Egypt condemned the sinking."
    )


@pytest.mark.slow
def test_concern_over_the_attacks_targets_the_attacker() -> None:
    assert ("Saudi Arabia", "Russian forces", "110", False) in rows(
        "Russian forces shelled Kharkiv overnight.\n"
        "Saudi Arabia expressed deep concern over the attacks."
    )


def test_stem_meets_verb_and_noun() -> None:
    assert [stem(w) for w in ("sinking", "sink", "attack", "bring")] == [
        "sink",
        "sink",
        "attack",
        "bring",
    ]


@pytest.mark.slow
def test_a_noun_a_relative_clause_rejects_is_its_object() -> None:
    assert ("Armenia", "Azerbaijan", "120", False) in rows(
        "Azerbaijan accused the Armenian military of shooting at its positions, a charge "
        "Yerevan dismissed as disinformation."
    )


@pytest.mark.slow
def test_condemning_what_one_called_an_attack_targets_the_attacker() -> None:
    assert ("George Gerapetritis", "Houthis", "111", False) in rows(
        "Houthi militants said they had sunk a Greek-operated bulk carrier in the Red Sea.\n"
        "Greek Foreign Minister George Gerapetritis condemned what he called a barbaric attack."
    )


@pytest.mark.slow
def test_a_weapon_is_no_act_of_its_owner() -> None:
    # "a Malian military drone" tells no attack by Mali: the act is Algeria's.
    assert rows(
        "Algeria shot down a Malian military drone near the border.\n"
        "The Alliance of Sahel States condemned what it called a hostile act."
    ) == {
        ("Algeria", "Mali", "190", False),
        ("Alliance of Sahel States", "Algeria", "111", False),
    }
