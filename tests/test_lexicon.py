"""The trigger lexicon and the CAMEO code table (ingest/data/triggers.csv, cameo.csv)."""

import pytest

from diplograph.ingest.datafiles import read_rows
from diplograph.ingest.lexicon import (
    CameoCode,
    TriggerRule,
    cameo_codes,
    code_info,
    rules_for,
    trigger_rules,
)

ROOTS = {f"{n:02d}" for n in range(1, 21)}
MODALITIES = {"asserted", "intended", "requested", "reported", "hypothetical"}


def test_every_trigger_code_is_in_the_cameo_table() -> None:
    codes = cameo_codes()
    rows = [(row["lemma"], row["cameo"]) for row in read_rows("triggers.csv")]
    assert len(rows) > 100
    assert [(lemma, code) for lemma, code in rows if code not in codes] == []


def test_every_cameo_root_has_a_trigger() -> None:
    covered = {rule.cameo[:2] for rules in trigger_rules().values() for rule in rules}
    assert ROOTS - covered == set()


def test_cameo_table_has_every_root() -> None:
    assert ROOTS - set(cameo_codes()) == set()


def test_trigger_rows_are_well_formed() -> None:
    bad = [
        row
        for row in read_rows("triggers.csv")
        if row["pos"] not in ("V", "N", "J", "A")
        or row["modality"] not in MODALITIES
        or not 0 < float(row["weight"]) <= 1
        or row["lemma"] != row["lemma"].lower()
        or not all(row["target"].split("|"))
    ]
    assert bad == []


def test_cameo_codes_are_digits_with_their_root_in_the_table() -> None:
    codes = cameo_codes()
    bad = [c for c in codes if not (c.isdigit() and 2 <= len(c) <= 4 and c[:2] in codes)]
    assert bad == []


def test_quad_class_of_each_code_is_that_of_its_root() -> None:
    codes = cameo_codes()
    assert [c for c, info in codes.items() if info.quad_class != codes[c[:2]].quad_class] == []


@pytest.mark.parametrize(
    ("code", "goldstein", "quad_class"),
    [
        ("040", 1.0, 1),
        ("111", -2.0, 3),
        ("190", -10.0, 4),
        ("020", 3.0, 1),
        ("018", 3.4, 1),
        ("057", 8.0, 1),
        ("173", -5.0, 4),
    ],
)
def test_goldstein_and_quad_class(code: str, goldstein: float, quad_class: int) -> None:
    info = cameo_codes()[code]
    assert (info.goldstein, info.quad_class) == (goldstein, quad_class)


def test_code_info_of_a_listed_code() -> None:
    assert code_info("111") == CameoCode("111", "Criticize or denounce", -2.0, 3)


@pytest.mark.parametrize(("code", "root"), [("0499", "04"), ("199", "19"), ("1199", "11")])
def test_code_info_falls_back_to_the_root(code: str, root: str) -> None:
    assert code_info(code) == cameo_codes()[root]


def test_rules_for_a_verb_in_file_order() -> None:
    assert rules_for("meet", "V") == (
        TriggerRule("meet", "V", ("with", "obj"), "040", "asserted", 0.95),
    )
    assert [r.cameo for r in rules_for("call", "V")] == ["020", "041"]


def test_rules_for_is_case_insensitive_and_separates_verbs_from_nouns() -> None:
    assert rules_for("Visit", "V")[0].cameo == "042"
    assert rules_for("visit", "N")[0].target_slots == ("to", "in")
    assert rules_for("visit", "X") == ()
    assert rules_for("breakfast", "V") == ()


def test_rule_slots() -> None:
    rule = TriggerRule("request", "V", ("obj", "from"), "020", "requested", 0.85)
    assert (rule.takes_object, rule.preps) == (True, ("from",))
    noun = TriggerRule("meeting", "N", ("with", "between"), "040", "asserted", 0.85)
    assert (noun.takes_object, noun.preps) == (False, ("with", "between"))


def test_object_pattern_rows_key_on_the_verb_and_come_first() -> None:
    rules = rules_for("exchange", "V")
    assert [(r.lemma, r.obj, r.cameo) for r in rules][:3] == [
        ("exchange fire", "fire", "190"),
        ("exchange prisoner", "prisoner", "0841"),
        ("exchange view", "view", "040"),
    ]
    assert all(r.obj is None for r in rules_for("meet", "V"))
