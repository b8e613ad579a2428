"""Extraction capabilities on hand-written sentences, with the real spaCy model (slow).

Each test pins what the correct output is, on sentences written for these tests.
"""

from datetime import date

import pytest

from diplograph.ingest.pipeline import extract_one
from diplograph.ingest.types import ArticleInput, ExtractedEvent

pytestmark = pytest.mark.slow

# A Wednesday.
PUBLISHED = date(2023, 6, 14)

Tuple = tuple[str, str, str, bool, str]


def events_of(text: str, published: date | None = PUBLISHED) -> tuple[ExtractedEvent, ...]:
    """Return the events extracted from ``text`` (paragraphs one a line)."""
    return extract_one(ArticleInput(id="t", text=text, published=published)).events


def tuples(text: str, published: date | None = PUBLISHED) -> set[Tuple]:
    """Return (source, target, CAMEO root, negated, modality) of every event of ``text``."""
    return {
        (ev.source.name, ev.target.name, ev.cameo[:2], ev.negated, ev.modality)
        for ev in events_of(text, published)
    }


# --- active subject-verb-object -------------------------------------------------------


def test_active_meeting() -> None:
    assert tuples(
        "Kenyan President William Ruto met with Tanzanian President Samia Suluhu Hassan."
    ) == {("William Ruto", "Samia Suluhu Hassan", "04", False, "asserted")}


def test_active_meeting_codes_and_actors() -> None:
    [ev] = events_of(
        "Kenyan President William Ruto met with Tanzanian President Samia Suluhu Hassan."
    )
    assert (ev.source.name, ev.source.type, ev.source.country, ev.source.role) == (
        "William Ruto",
        "person",
        "KEN",
        "president",
    )
    assert (ev.target.name, ev.target.type, ev.target.country, ev.target.role) == (
        "Samia Suluhu Hassan",
        "person",
        "TZA",
        "president",
    )
    assert (ev.action, ev.cameo, ev.goldstein, ev.quad_class, ev.trigger) == (
        "meet",
        "040",
        1.0,
        1,
        "met with",
    )
    assert (ev.sentence_index, ev.sentence, ev.date, ev.location) == (
        0,
        "Kenyan President William Ruto met with Tanzanian President Samia Suluhu Hassan.",
        PUBLISHED,
        None,
    )


def test_title_in_apposition_keeps_country_and_role() -> None:
    [ev] = events_of(
        "Kenyan President William Ruto criticized Sudanese army chief Abdel Fattah al-Burhan."
    )
    assert (ev.target.name, ev.target.country, ev.target.role, ev.cameo) == (
        "Abdel Fattah al-Burhan",
        "SDN",
        "army chief",
        "111",
    )


# --- passive ---------------------------------------------------------------------------


def test_passive_agent_is_the_source() -> None:
    assert tuples(
        "Ghanaian President Nana Akufo-Addo was hosted by Nigerian President Bola Tinubu."
    ) == {("Bola Tinubu", "Nana Akufo-Addo", "04", False, "asserted")}


def test_passive_visit_of_a_country() -> None:
    assert tuples("Vietnam was visited by Indonesian President Joko Widodo.") == {
        ("Joko Widodo", "Vietnam", "04", False, "asserted")
    }


# --- conjoined subjects and objects ----------------------------------------------------


def test_two_conjoined_subjects() -> None:
    assert tuples("Norway and Denmark condemned Belarus.") == {
        ("Norway", "Belarus", "11", False, "asserted"),
        ("Denmark", "Belarus", "11", False, "asserted"),
    }


def test_two_conjoined_objects() -> None:
    assert tuples("Chile condemned Peru and Bolivia.") == {
        ("Chile", "Peru", "11", False, "asserted"),
        ("Chile", "Bolivia", "11", False, "asserted"),
    }


def test_three_conjoined_subjects() -> None:
    assert tuples("Poland, Latvia and Estonia condemned Belarus.") == {
        ("Poland", "Belarus", "11", False, "asserted"),
        ("Latvia", "Belarus", "11", False, "asserted"),
        ("Estonia", "Belarus", "11", False, "asserted"),
    }


def test_three_conjoined_objects() -> None:
    assert tuples("Chile praised Uruguay, Paraguay and Bolivia.") == {
        ("Chile", "Uruguay", "05", False, "asserted"),
        ("Chile", "Paraguay", "05", False, "asserted"),
        ("Chile", "Bolivia", "05", False, "asserted"),
    }


def test_conjoined_people_meeting_a_third() -> None:
    assert tuples(
        "Kenyan President William Ruto and Ugandan President Yoweri Museveni met with "
        "Rwandan President Paul Kagame."
    ) == {
        ("William Ruto", "Paul Kagame", "04", False, "asserted"),
        ("Yoweri Museveni", "Paul Kagame", "04", False, "asserted"),
    }


def test_conjoined_subjects_meeting_each_other_is_one_event() -> None:
    assert tuples(
        "Kenyan President William Ruto and Ugandan President Yoweri Museveni met on Saturday."
    ) == {("William Ruto", "Yoweri Museveni", "04", False, "asserted")}


def test_second_appeal_keeps_the_speaker_as_source() -> None:
    # The parser hangs "called on" under "recognise"; the caller is still Scholz.
    assert tuples(
        "German Chancellor Olaf Scholz urged Serbia to recognise Kosovo and called on "
        "Pristina to ease tensions in the north."
    ) == {
        ("Olaf Scholz", "Serbia", "02", False, "requested"),
        ("Olaf Scholz", "Kosovo", "02", False, "requested"),
    }


def test_conjunct_after_a_relative_clause_keeps_the_main_subject() -> None:
    assert tuples(
        "Manila condemned the ramming as a provocation that violated international law and "
        "urged Beijing to respect the ruling."
    ) >= {("Philippines", "China", "02", False, "requested")}


def test_them_is_the_plural_actor_just_named() -> None:
    assert tuples(
        "Egypt hosted Sudanese army commanders in Cairo and urged them to agree a ceasefire."
    ) == {
        ("Egypt", "Sudanese army commanders", "04", False, "asserted"),
        ("Egypt", "Sudanese army commanders", "02", False, "requested"),
    }


def test_finite_verb_after_a_complement_keeps_the_speaker() -> None:
    # The parser conjoins "accused" with the participle "postponed".
    assert tuples(
        "Chinese Foreign Minister Wang Yi said the talks had been postponed, and accused "
        "Washington of bad faith."
    ) == {("Wang Yi", "United States", "11", False, "asserted")}


def test_allies_of_a_state_are_not_the_state() -> None:
    assert tuples("Germany urged Israel's neighbours to show restraint.") == set()


def test_named_appositive_of_a_title_is_the_person() -> None:
    # "Dmytro Lubinets" is tagged ORG; after "counterpart," it names a person.
    assert tuples(
        "Russian human rights commissioner Tatyana Moskalkova said she had spoken by phone "
        "with her Ukrainian counterpart, Dmytro Lubinets."
    ) == {("Tatyana Moskalkova", "Dmytro Lubinets", "04", False, "asserted")}


def test_unknown_body_named_after_its_state_is_that_state() -> None:
    assert tuples("The U.S. Treasury imposed sanctions on two Houthi commanders.") == {
        ("United States", "Houthis", "16", False, "asserted")
    }


def test_restated_support_is_the_possessors_act() -> None:
    assert tuples(
        "Foreign Minister Penny Wong reaffirmed Australia's support for Taiwan's "
        "participation in the WHO."
    ) == {("Australia", "Taiwan", "05", False, "asserted")}


def test_demand_that_a_state_acts_targets_that_state() -> None:
    assert tuples("Egypt repeated its demand that Ethiopia stop filling the dam.") == {
        ("Egypt", "Ethiopia", "10", False, "requested")
    }


def test_the_topic_of_a_demand_is_not_its_addressee() -> None:
    assert (
        tuples("North Korea demanded guarantees over the phase-out of South Korean drills.")
        == set()
    )


# --- verbs coded by their object ------------------------------------------------------


def test_exchanging_fire_is_fighting() -> None:
    assert tuples("Indian and Pakistani troops exchanged fire along the Line of Control.") == {
        ("Indian troops", "Pakistani troops", "19", False, "asserted")
    }


def test_exchanging_prisoners_is_mutual_release() -> None:
    assert tuples("Russia and Ukraine exchanged 150 prisoners of war each on Thursday.") == {
        ("Russia", "Ukraine", "08", False, "asserted")
    }


def test_lifting_sanctions_eases_them() -> None:
    [ev] = events_of("The United States lifted sanctions on Syria.")
    assert (ev.source.name, ev.target.name, ev.cameo, ev.action) == (
        "United States",
        "Syria",
        "085",
        "lift sanction",
    )


def test_restoring_ties_is_cooperation() -> None:
    assert tuples("Saudi Arabia restored ties with Iran.") == {
        ("Saudi Arabia", "Iran", "05", False, "asserted")
    }


def test_joint_patrols_are_military_cooperation() -> None:
    assert tuples("The Philippines and Japan held joint naval patrols in the South China Sea.") == {
        ("Philippines", "Japan", "06", False, "asserted")
    }


def test_shooting_down_a_drone_is_force_against_its_state() -> None:
    assert tuples("Algerian air defences shot down a Malian drone near the border.") == {
        ("Algeria", "Mali", "19", False, "asserted")
    }


def test_verbs_sharing_an_auxiliary_share_the_subject() -> None:
    assert tuples(
        "Philippine coast guard spokesman Jay Tarriela said two Chinese navy ships had "
        "shadowed and blocked a Philippine vessel."
    ) == {("China", "Philippines", "14", False, "asserted")}


def test_a_past_verb_cannot_share_a_modal() -> None:
    # "would only escalate tensions and urged": the appeal is the envoy's own clause.
    assert tuples(
        "China's envoy Li Song said pressure would only escalate tensions and urged "
        "Washington and Tehran to return to dialogue."
    ) == {
        ("Li Song", "United States", "02", False, "requested"),
        ("Li Song", "Iran", "02", False, "requested"),
    }


def test_bans_and_closures_aimed_at_a_state() -> None:
    assert tuples(
        "China imposed a ban on Japanese seafood imports.\n"
        "Algeria closed its airspace to Malian flights.\n"
        "Beijing responded with sanctions on U.S. defence firms."
    ) == {
        ("China", "Japan", "16", False, "asserted"),
        ("Algeria", "Mali", "19", False, "asserted"),
        ("China", "United States", "16", False, "asserted"),
    }


def test_shelling_a_city_is_an_attack_on_its_state() -> None:
    assert tuples("Russian forces shelled Kharkiv overnight.") == {
        ("Russian forces", "Ukraine", "19", False, "asserted")
    }


def test_visiting_a_city_is_visiting_its_state() -> None:
    [ev] = events_of("German Defence Minister Boris Pistorius visited Odesa on Tuesday.")
    assert (ev.target.name, ev.cameo[:2], ev.location) == ("Ukraine", "04", "Odesa")


def test_a_city_as_subject_speaks_for_nobody() -> None:
    assert tuples("Kharkiv condemned the strikes on its power grid.") == set()


def test_a_shoal_tagged_as_a_person_is_a_place() -> None:
    assert tuples("China seized Scarborough Shoal from the Philippines after a standoff.") == {
        ("China", "Philippines", "17", False, "asserted")
    }


def test_firing_on_a_village_has_no_actor_target() -> None:
    assert tuples("Azerbaijani forces fired on the village of Khnatsakh.") == set()


def test_countries_the_tagger_ran_together_are_each_an_actor() -> None:
    # spaCy tags "Mali, Burkina Faso" as one place.
    assert tuples("Mali, Burkina Faso and Niger recalled their ambassadors from Algeria.") == {
        ("Mali", "Algeria", "16", False, "asserted"),
        ("Burkina Faso", "Algeria", "16", False, "asserted"),
        ("Niger", "Algeria", "16", False, "asserted"),
    }


def test_leaving_a_body_reduces_relations_and_withdrawing_troops_eases() -> None:
    assert {
        (ev.target.name, ev.cameo)
        for ev in events_of(
            "Mali announced its immediate withdrawal from the Joint Military Staff Committee.\n"
            "France withdrew its troops from Niger."
        )
    } == {("Joint Military Staff Committee", "160"), ("Niger", "087")}


# --- prepositional targets -------------------------------------------------------------


def test_call_for_talks_between_two_countries() -> None:
    # The appeal is the event; the talks it asks for are absorbed, like "vowed to help".
    assert tuples("Switzerland called for talks between Armenia and Azerbaijan.") == {
        ("Switzerland", "Armenia", "02", False, "requested"),
        ("Switzerland", "Azerbaijan", "02", False, "requested"),
    }


def test_preposition_of_the_trigger_is_in_the_trigger_text() -> None:
    triggers = {
        (ev.target.name, ev.trigger)
        for ev in events_of("Switzerland called for talks between Armenia and Azerbaijan.")
        if ev.source.name == "Switzerland"
    }
    assert triggers == {("Armenia", "called for"), ("Azerbaijan", "called for")}


# --- possessive ------------------------------------------------------------------------


def test_possessive_of_the_object_is_the_target() -> None:
    assert tuples("The Philippines requested Japan's support.") == {
        ("Philippines", "Japan", "02", False, "requested")
    }


def test_sought_possessive_support() -> None:
    assert tuples("Nepal sought India's support.") == {("Nepal", "India", "02", False, "requested")}


# --- noun triggers ---------------------------------------------------------------------


def test_noun_trigger_with_possessive_source_and_capital_target() -> None:
    [ev] = events_of("French President Emmanuel Macron's visit to Berlin was brief.")
    assert (ev.source.name, ev.source.country, ev.target.name, ev.target.type) == (
        "Emmanuel Macron",
        "FRA",
        "Germany",
        "country",
    )
    assert (ev.target.country, ev.cameo, ev.action, ev.trigger, ev.location) == (
        "DEU",
        "042",
        "visit",
        "visit",
        "Berlin",
    )


def test_possessive_marker_is_not_part_of_the_name() -> None:
    assert tuples("Emmanuel Macron's visit to Berlin lasted two days.") == {
        ("Emmanuel Macron", "Germany", "04", False, "asserted")
    }


def test_possessive_marker_after_a_titled_name() -> None:
    assert tuples("Egyptian President Abdel Fattah al-Sisi's trip to Riyadh was cut short.") == {
        ("Abdel Fattah al-Sisi", "Saudi Arabia", "04", False, "asserted")
    }


# --- "the decision by X" ---------------------------------------------------------------


def test_agent_of_a_criticized_decision_is_the_target() -> None:
    assert tuples("Greece condemned the decision by Turkish President Recep Tayyip Erdogan.") == {
        ("Greece", "Recep Tayyip Erdogan", "11", False, "asserted")
    }


def test_country_agent_of_a_criticized_decision() -> None:
    assert tuples("Poland criticized the decision by Germany.") == {
        ("Poland", "Germany", "11", False, "asserted")
    }


# --- xcomp: intent absorbs the embedded action -----------------------------------------


def test_vow_to_help_is_intent_without_an_aid_event() -> None:
    [ev] = events_of("Canada vowed to help Ukraine.")
    assert (ev.source.name, ev.target.name, ev.cameo, ev.negated, ev.modality) == (
        "Canada",
        "Ukraine",
        "030",
        False,
        "intended",
    )
    assert (ev.action, ev.date) == ("vow", None)


def test_pledge_to_support_is_intent() -> None:
    assert tuples("Australia pledged to support Fiji.") == {
        ("Australia", "Fiji", "03", False, "intended")
    }


def test_threat_to_impose_is_no_sanction() -> None:
    # The tariffs are only threatened; dismissing the threat rejects its maker.
    assert tuples("Beijing dismissed U.S. threats to impose tariffs on Chinese steel.") == {
        ("China", "United States", "12", False, "asserted")
    }


# --- negation --------------------------------------------------------------------------


def test_did_not_meet_is_negated() -> None:
    assert tuples(
        "Serbian President Aleksandar Vucic did not meet with Kosovo Prime Minister Albin Kurti."
    ) == {("Aleksandar Vucic", "Albin Kurti", "04", True, "asserted")}


def test_never_is_negation() -> None:
    assert tuples("Peru never recognized Venezuela.") == {
        ("Peru", "Venezuela", "05", True, "asserted")
    }


def test_declined_to_meet_is_a_rejection() -> None:
    assert {
        (ev.source.name, ev.target.name, ev.cameo, ev.action, ev.negated)
        for ev in events_of(
            "Serbian President Aleksandar Vucic declined to meet Kosovo Prime Minister Albin Kurti."
        )
    } == {("Aleksandar Vucic", "Albin Kurti", "125", "refuse", False)}


def test_refused_to_meet_is_one_rejection() -> None:
    assert {
        (ev.source.name, ev.target.name, ev.cameo, ev.negated)
        for ev in events_of("Spain refused to meet Morocco.")
    } == {("Spain", "Morocco", "125", False)}


def test_accusation_after_a_denial_is_not_denied() -> None:
    # The parser hangs "accused" under the denied clause; it is Diop's own act.
    assert tuples(
        "Malian Foreign Minister Abdoulaye Diop denied that the drone had crossed the border "
        "and accused Algiers of sponsoring international terrorism."
    ) == {("Abdoulaye Diop", "Algeria", "11", False, "asserted")}


def test_would_not_accept_a_proposal_rejects_its_maker() -> None:
    assert tuples("Tehran would not accept any U.S. proposal on enrichment.") == {
        ("Iran", "United States", "12", False, "asserted")
    }


# --- modality --------------------------------------------------------------------------


def test_urge_is_requested() -> None:
    assert tuples("The Netherlands urged Belgium to close the border.") == {
        ("Netherlands", "Belgium", "02", False, "requested")
    }


def test_will_visit_is_intended() -> None:
    [ev] = events_of("Kenyan President William Ruto will visit Tanzania.")
    assert (ev.source.name, ev.target.name, ev.cameo, ev.negated, ev.modality, ev.date) == (
        "William Ruto",
        "Tanzania",
        "042",
        False,
        "intended",
        None,
    )


def test_warning_of_ones_own_strike_threatens_its_target() -> None:
    assert tuples(
        "Iranian Defence Minister Aziz Nasirzadeh warned on Wednesday that Iran would strike "
        "U.S. bases in the region if it came under attack."
    ) >= {("Aziz Nasirzadeh", "United States", "13", False, "asserted")}


def test_warning_of_countermeasures_threatens_who_does_the_act() -> None:
    assert ("Wang Yi", "United States", "13", False, "asserted") in tuples(
        "Chinese Foreign Minister Wang Yi criticised Washington's plan to deploy a missile "
        "system in Japan, and warned that Beijing would take resolute countermeasures if the "
        "deployment went ahead."
    )


def test_warning_about_a_third_partys_plans_threatens_nobody() -> None:
    assert tuples("Kyiv warned that Russia was preparing a new offensive against Ukraine.") == set()


def test_blaming_violence_on_a_states_war_blames_the_state() -> None:
    assert tuples("Iran blamed the violence on Israel's war in Gaza.") == {
        ("Iran", "Israel", "11", False, "asserted")
    }


def test_missiles_fired_towards_a_state() -> None:
    assert tuples("The Houthis fired two ballistic missiles towards Israel on Tuesday.") == {
        ("Houthis", "Israel", "19", False, "asserted")
    }


def test_warning_that_someone_will_pay_a_price_threatens_them() -> None:
    assert tuples(
        "Defence Minister Israel Katz warned that Hezbollah's leaders would pay a heavy price."
    ) == {("Israel Katz", "Hezbollah", "13", False, "asserted")}


def test_what_one_is_ready_to_travel_for_is_intended() -> None:
    assert tuples(
        "IAEA Director General Rafael Grossi said he was ready to travel to Tehran as soon as "
        "possible to meet Iranian officials."
    ) == {("Rafael Grossi", "Iran", "03", False, "intended")}


def test_declaring_a_state_in_breach_accuses_it() -> None:
    assert tuples(
        "The IAEA board on Thursday declared Iran in breach of its non-proliferation obligations."
    ) == {("International Atomic Energy Agency", "Iran", "11", False, "asserted")}


def test_plans_to_visit_is_intended() -> None:
    assert tuples("Indonesia plans to visit Malaysia.") == {
        ("Indonesia", "Malaysia", "04", False, "intended")
    }


def test_if_would_is_hypothetical() -> None:
    assert tuples("If Iran attacked Israel, the United States would defend Israel.") == {
        ("Iran", "Israel", "19", False, "hypothetical"),
        ("United States", "Israel", "05", False, "hypothetical"),
    }


def test_media_reported_meeting_is_reported() -> None:
    assert tuples(
        "Media reported Turkish President Recep Tayyip Erdogan met Swedish Prime Minister "
        "Ulf Kristersson."
    ) == {("Recep Tayyip Erdogan", "Ulf Kristersson", "04", False, "reported")}


def test_reported_that_clause_is_reported() -> None:
    assert tuples("State media reported that Cuba condemned the United States.") == {
        ("Cuba", "United States", "11", False, "reported")
    }


# --- coreference -----------------------------------------------------------------------


def test_surname_resolves_to_the_full_name() -> None:
    assert tuples(
        "Kenyan President William Ruto arrived in Addis Ababa on Monday.\n"
        "Ruto later met Ethiopian Prime Minister Abiy Ahmed."
    ) == {
        ("William Ruto", "Ethiopia", "04", False, "asserted"),
        ("William Ruto", "Abiy Ahmed", "04", False, "asserted"),
    }


def test_pronoun_resolves_to_the_subject_of_the_previous_sentence() -> None:
    events = events_of(
        "Kenyan President William Ruto met Ugandan President Yoweri Museveni on Friday.\n"
        "He also praised Rwanda."
    )
    assert {(ev.source.name, ev.target.name, ev.cameo, ev.sentence_index) for ev in events} == {
        ("William Ruto", "Yoweri Museveni", "040", 0),
        ("William Ruto", "Rwanda", "051", 1),
    }


def test_pronoun_source_of_a_person_target() -> None:
    assert tuples(
        "Kenyan President William Ruto arrived in Addis Ababa on Monday.\n"
        "He praised Ethiopian Prime Minister Abiy Ahmed."
    ) == {
        ("William Ruto", "Ethiopia", "04", False, "asserted"),
        ("William Ruto", "Abiy Ahmed", "05", False, "asserted"),
    }


def test_pronoun_then_adverb_then_object() -> None:
    assert tuples(
        "Kenyan President William Ruto arrived in Addis Ababa on Monday.\n"
        "He later met Ethiopian Prime Minister Abiy Ahmed."
    ) == {
        ("William Ruto", "Ethiopia", "04", False, "asserted"),
        ("William Ruto", "Abiy Ahmed", "04", False, "asserted"),
    }


def test_it_resolves_to_the_country_that_spoke() -> None:
    assert tuples("Egypt said it had condemned Israel.") == {
        ("Egypt", "Israel", "11", False, "asserted")
    }


def test_role_phrase_resolves_to_the_person() -> None:
    assert tuples(
        "Kenyan President William Ruto met Ugandan President Yoweri Museveni.\n"
        "The Ugandan president thanked Ruto."
    ) == {
        ("William Ruto", "Yoweri Museveni", "04", False, "asserted"),
        ("Yoweri Museveni", "William Ruto", "05", False, "asserted"),
    }


def test_plural_role_resolves_to_both_people() -> None:
    assert tuples(
        "Kenyan President William Ruto met Ugandan President Yoweri Museveni.\n"
        "Both presidents condemned Somalia."
    ) == {
        ("William Ruto", "Yoweri Museveni", "04", False, "asserted"),
        ("William Ruto", "Somalia", "11", False, "asserted"),
        ("Yoweri Museveni", "Somalia", "11", False, "asserted"),
    }


def test_object_pronoun_is_not_the_subject() -> None:
    assert tuples(
        "Kenyan President William Ruto hosted Somali President Hassan Sheikh Mohamud in "
        "Nairobi and thanked him for his support."
    ) == {
        ("William Ruto", "Hassan Sheikh Mohamud", "04", False, "asserted"),
        ("William Ruto", "Hassan Sheikh Mohamud", "05", False, "asserted"),
    }


def test_object_pronoun_in_the_next_sentence() -> None:
    assert tuples(
        "French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin.\n"
        "He urged him to back the plan."
    ) == {
        ("Emmanuel Macron", "Olaf Scholz", "04", False, "asserted"),
        ("Emmanuel Macron", "Olaf Scholz", "02", False, "requested"),
    }


def test_title_with_of_gives_role_and_country() -> None:
    [ev] = events_of(
        "Qatar's Minister of State Mohammed Al-Khulaifi met U.S. Secretary of State Marco Rubio."
    )
    assert (ev.source.country, ev.target.country, ev.target.role) == (
        "QAT",
        "USA",
        "foreign minister",
    )


def test_well_known_figure_gets_country_and_role_from_the_people_table() -> None:
    [ev] = events_of("President Donald Trump criticised Iran on Monday.")
    assert (ev.source.country, ev.source.role) == ("USA", "president")


def test_text_title_wins_over_the_people_table() -> None:
    # Hayashi was foreign minister before; the text makes him chief cabinet secretary.
    [ev] = events_of("Chief Cabinet Secretary Yoshimasa Hayashi criticised North Korea.")
    assert (ev.source.country, ev.source.role) == ("JPN", None)


def test_the_board_is_the_latest_body_called_a_board() -> None:
    assert ("Benjamin Netanyahu", "Board of Governors", "05", False, "asserted") in tuples(
        "The U.N. nuclear watchdog's Board of Governors declared Iran in breach of its "
        "obligations.\nIsraeli Prime Minister Benjamin Netanyahu welcomed the board's decision."
    )


def test_the_organisation_is_the_body_in_a_title() -> None:
    assert ("Commonwealth", "Guyana", "05", False, "reported") in tuples(
        "The Caribbean Community said it fully supports Guyana. Commonwealth "
        "Secretary-General Shirley Botchwey said the organisation unequivocally backed "
        "Guyana's territorial integrity."
    )


def test_the_two_men_are_the_two_people_just_named() -> None:
    signed = {
        frozenset((src, tgt))
        for src, tgt, root, _, _ in tuples(
            "Kenyan President William Ruto met Ugandan President Yoweri Museveni in Nairobi. "
            "The two men signed a trade deal."
        )
        if root == "05"
    }
    assert signed == {frozenset(("William Ruto", "Yoweri Museveni"))}


def test_we_in_a_quote_is_the_speaker() -> None:
    assert tuples(
        'Guyanese President Irfaan Ali welcomed the decision. "We call on Venezuela to '
        'respect the order of the court," he said in a televised address.'
    ) >= {("Irfaan Ali", "Venezuela", "02", False, "requested")}


def test_they_are_the_latest_plural_subject() -> None:
    assert tuples(
        "Egypt and Qatar met Hamas negotiators in Cairo.\n"
        "They urged Israel to allow more aid into Gaza."
    ) == {
        ("Egypt", "Hamas", "04", False, "asserted"),
        ("Qatar", "Hamas", "04", False, "asserted"),
        ("Egypt", "Israel", "02", False, "requested"),
        ("Qatar", "Israel", "02", False, "requested"),
    }


# --- capital as metonym ----------------------------------------------------------------


def test_capital_subject_is_the_country() -> None:
    [ev] = events_of("Beijing condemned the Philippines.")
    assert (ev.source.name, ev.source.type, ev.source.country) == ("China", "country", "CHN")
    assert (ev.target.name, ev.target.country, ev.cameo, ev.modality) == (
        "Philippines",
        "PHL",
        "111",
        "asserted",
    )


def test_capital_subject_and_object() -> None:
    assert tuples("Moscow criticized Berlin.") == {("Russia", "Germany", "11", False, "asserted")}


def test_capital_tagged_as_a_person_is_still_the_country() -> None:
    assert tuples("The Kremlin denounced Kyiv.") == {("Russia", "Ukraine", "11", False, "asserted")}


# --- dates -----------------------------------------------------------------------------


def test_on_monday_resolves_against_the_publication_date() -> None:
    [ev] = events_of(
        "Peruvian President Dina Boluarte met Chilean President Gabriel Boric on Monday."
    )
    assert ev.date == date(2023, 6, 12)


def test_future_next_week_resolves_forward() -> None:
    [ev] = events_of("Kenyan President William Ruto will visit Tanzania next week.")
    assert (ev.modality, ev.date) == ("intended", date(2023, 6, 21))


def test_asserted_event_without_a_date_is_dated_by_publication() -> None:
    [ev] = events_of("Chile condemned Peru.")
    assert ev.date == PUBLISHED


def test_weekday_without_a_publication_date_is_unknown() -> None:
    [ev] = events_of(
        "Peruvian President Dina Boluarte met Chilean President Gabriel Boric on Monday.",
        published=None,
    )
    assert ev.date is None


# --- location --------------------------------------------------------------------------


def test_in_geneva_is_the_location() -> None:
    [ev] = events_of(
        "Peruvian President Dina Boluarte met Chilean President Gabriel Boric in Geneva on Monday."
    )
    assert (ev.source.name, ev.target.name, ev.location, ev.date) == (
        "Dina Boluarte",
        "Gabriel Boric",
        "Geneva",
        date(2023, 6, 12),
    )


def test_arrival_city_is_the_location_and_its_country_the_target() -> None:
    [ev] = events_of("Kenyan President William Ruto arrived in Addis Ababa on Monday.")
    assert (ev.target.name, ev.location, ev.trigger, ev.date) == (
        "Ethiopia",
        "Addis Ababa",
        "arrived in",
        date(2023, 6, 12),
    )


def test_capital_target_of_criticism_is_not_a_location() -> None:
    [ev] = events_of("Moscow criticized Berlin.")
    assert ev.location is None
