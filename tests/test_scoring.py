"""The gold scorer: matching rules of the annotation guide on tiny hand-written gold."""

import json
from pathlib import Path
from typing import Any

import pytest

from diplograph.ingest.scoring import (
    Counts,
    GoldActor,
    GoldArticle,
    GoldEvent,
    actor_keys,
    gold_article,
    load_gold,
    missed_notes,
    predicted_triples,
    score_article,
)
from tests.test_cli import invoke

ROOT = Path(__file__).resolve().parent.parent

ACTORS = {
    "putin": GoldActor(names=("Vladimir Putin", "Putin"), country="RUS"),
    "russia": GoldActor(names=("Russia", "Moscow"), country="RUS"),
    "assad": GoldActor(names=("Bashar al-Assad", "Assad"), country="SYR"),
    "sissi": GoldActor(names=("Abdel Fattah el-Sissi", "Sissi"), country="EGY"),
    "un": GoldActor(names=("United Nations", "UN"), country=None),
}
ARTICLE = GoldArticle(
    id="tiny",
    published="2017-12-11",
    text="...",
    actors=ACTORS,
    events=(
        GoldEvent(("putin", "russia"), ("assad",), ("04",), True, True, "met"),
        GoldEvent(("sissi",), ("putin",), ("05",), False, True, "praised"),
        GoldEvent(("putin",), ("un",), ("03",), False, False, "may pledge"),
    ),
)


def _event(
    source: str, s_country: str | None, target: str, t_country: str | None, code: str, **extra: Any
) -> dict[str, Any]:
    return {
        "source": {"name": source, "country": s_country},
        "target": {"name": target, "country": t_country},
        "cameo": code,
        **extra,
    }


def test_exact_alias_wins_over_a_lenient_suffix_match() -> None:
    actors = {
        "abdullah": GoldActor(names=("King Abdullah",), country="JOR"),
        "abdullah2": GoldActor(names=("Abdullah",), country="SAU"),
    }
    assert (actor_keys("Abdullah", actors), actor_keys("Jordan's King Abdullah", actors)) == (
        {"abdullah2"},
        {"abdullah", "abdullah2"},
    )


def test_symmetric_events_match_either_way_and_optional_ones_count_neither_way() -> None:
    events = [
        _event(
            "Syrian President Bashar al-Assad",
            "SYR",
            "Russian President Vladimir Putin",
            "RUS",
            "040",
        ),
        _event("Putin", "RUS", "UN", None, "030"),
        _event("Putin", "RUS", "Sissi", "EGY", "051"),
        _event("Sissi", "EGY", "Putin", "RUS", "051", negated=True),
    ]
    score = score_article(ARTICLE, events)
    assert (score.counts, score.found, score.predicted) == (
        Counts(tp=1, fp=1, fn=1, ctp=1, cfp=1, cfn=1),
        {0},
        3,
    )
    assert missed_notes(ARTICLE, score) == ["praised"]


def test_events_without_a_cameo_root_are_dropped() -> None:
    entity, country = predicted_triples([_event("A", None, "B", None, "x1"), {"cameo": "1"}])
    assert (entity, country) == (set(), set())


def test_gold_files_load_from_json_lists_and_jsonl(tmp_path: Path) -> None:
    record = {
        "id": "a",
        "published": "2020-01-02",
        "text": "t",
        "actors": {"x": {"names": ["X"], "country": "FRA"}},
        "events": [{"source": ["x"], "target": ["x"], "roots": ["04"], "required": True}],
    }
    (tmp_path / "one.json").write_text(json.dumps([record, {**record, "id": "b"}]))
    (tmp_path / "two.jsonl").write_text(json.dumps({**record, "id": "c"}) + "\n\n")
    loaded = load_gold(sorted(tmp_path.iterdir()))
    assert [a.id for a in loaded] == ["a", "b", "c"]
    assert loaded[0] == gold_article(record)


def test_every_gold_set_in_the_repository_loads() -> None:
    # Sentence suites (records.jsonl, scored by ``eval --sentences``) are not article sets.
    sets = sorted(
        p.name
        for p in (ROOT / "eval").iterdir()
        if p.is_dir() and not (p / "records.jsonl").exists()
    )
    counts = {name: len(load_gold(sorted((ROOT / "eval" / name).glob("*.json")))) for name in sets}
    assert "seed" in counts and all(n > 0 for n in counts.values()), counts


@pytest.mark.slow
def test_eval_command_scores_a_gold_folder_with_the_extractor() -> None:
    result = invoke(["eval", str(ROOT / "eval" / "seed")])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == "entity_f1=0.970 country_f1=0.960"


def test_eval_command_scores_an_external_command(tmp_path: Path) -> None:
    gold = {
        "id": "g",
        "published": "2020-01-02",
        "text": "Putin met Assad.",
        "actors": {k: {"names": list(v.names), "country": v.country} for k, v in ACTORS.items()},
        "events": [
            {
                "source": ["putin"],
                "target": ["assad"],
                "roots": ["04"],
                "required": True,
                "symmetric": True,
                "note": "met",
            }
        ],
    }
    (tmp_path / "g.json").write_text(json.dumps(gold))
    line = json.dumps(_event("Putin", "RUS", "Assad", "SYR", "040"))
    result = invoke(["eval", str(tmp_path), "--cmd", f"echo '{line}' # {{file}} {{date}}"])
    assert result.output.splitlines()[-2:] == [
        "TOTAL entity P=1.000 R=1.000 F1=1.000 | country P=1.000 R=1.000 F1=1.000",
        "entity_f1=1.000 country_f1=1.000",
    ]


def test_eval_command_names_a_missing_gold_path(tmp_path: Path) -> None:
    result = invoke(["eval", str(tmp_path / "nope")])
    assert (result.exit_code, result.stderr) == (
        2,
        f"error: {tmp_path / 'nope'}: no such file or folder\n",
    )
