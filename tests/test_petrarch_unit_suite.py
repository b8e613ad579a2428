"""The PETRARCH2 unit-test record converter and the sentence-suite scorer, on tiny samples."""

import hashlib
import json
import subprocess
from pathlib import Path

import pytest

from diplograph.app.cli import run
from diplograph.ingest.sentence_suite import SentenceCounts, load_suite, sentence_counts
from tools import petrarch_unit_tests as converter

FIXTURE = Path(__file__).parent / "data" / "petrarch_unit" / "records.xml"
ISO = frozenset({"BRA", "ARG", "KEN", "ZWE"})


def test_records_become_scorable_sentences_with_real_states() -> None:
    records = converter.convert(FIXTURE.read_text(encoding="utf-8"), ISO)
    assert [(r["id"], r["date"], r["excluded"]) for r in records] == [
        ("DEMO-00", "1995-01-01", None),
        (
            "HOB-01",
            "1995-01-03",
            "an expected actor is invented with no real-world state (hobbits, elves, orcs...)",
        ),
        (
            "NEG-01",
            "1995-01-04",
            "expects a code of PETRARCH's test dictionary outside CAMEO (21x-34x, 80x, 9xx)",
        ),
        ("ERR-01", "1995-01-04", "tests the coder's error handling"),
        ("NONE-01", "1995-01-05", None),
        ("REAL-01", "1995-01-06", None),
    ]
    assert records[0]["text"] == (
        "Brazil is about to restore full diplomatic ties with Argentina in Buenos Aires."
    )
    assert records[0]["original"] == (
        "Arnor is about to restore full diplomatic ties with Gondor in Minas Tirith."
    )
    assert records[0]["events"] == [
        {
            "source": "BRA",
            "target": "ARG",
            "code": "064",
            "source_code": "ARNGOV",
            "target_code": "GON",
        }
    ]
    assert records[4]["text"] == "The Kenyan weather was mild, and Gxndor stays misspelt."
    assert records[4]["events"] == []
    # CAMEO's own country codes become ISO; an IGO has no state.
    events = records[5]["events"]
    assert isinstance(events, list)
    assert [(e["source"], e["target"]) for e in events] == [("ZWE", None)]


def test_the_upstream_file_is_checked_against_its_pinned_checksum(tmp_path: Path) -> None:
    source = tmp_path / "petrarch2"
    (source / "petrarch2/data/text").mkdir(parents=True)
    (source / "LICENSE").write_text("MIT", encoding="utf-8")
    (source / converter.RECORDS).write_bytes(FIXTURE.read_bytes())
    with pytest.raises(ValueError, match="sha256"):
        converter.generate(source, ISO)
    assert converter.main([str(source), "--out", str(tmp_path / "out")]) == 2
    assert not (tmp_path / "out").exists()


def test_the_checked_in_suite_matches_the_pinned_upstream_file() -> None:
    suite = Path(__file__).parent.parent / "eval" / "petrarch_unit"
    readme = (suite / "README.md").read_text(encoding="utf-8")
    assert converter.PINNED[converter.RECORDS] in readme
    assert converter.COMMIT in readme
    assert (
        hashlib.sha256((suite / "LICENSE").read_bytes()).hexdigest()
        == (converter.PINNED["LICENSE"])
    )
    records, excluded = load_suite(suite)
    assert (len(records), excluded) == (174, 110)


def test_sentence_counts_match_triples_and_roots() -> None:
    expected = [
        {"source": "BRA", "target": "ARG", "code": "064"},
        {"source": "BRA", "target": "KEN", "code": "111"},
    ]
    events = [
        {"source_country": "BRA", "target_country": "ARG", "cameo": "061"},  # hit
        {"source_country": "BRA", "target_country": "CHL", "cameo": "112"},  # root 11 only
        {"source_country": "KEN", "target_country": "BRA", "cameo": "190"},  # miss
        {"source_country": "KEN", "target_country": "BRA", "cameo": "190", "negated": True},
        {"source": {"country": "BRA"}, "target": {"country": "ARG"}, "code": "06"},  # same hit
    ]
    assert sentence_counts(expected, events) == SentenceCounts(
        tp=1, fp=2, fn=1, root_tp=2, root_fp=1, root_fn=0, dyad_tp=1, dyad_fp=2, dyad_fn=1
    )
    assert sentence_counts([], []) == SentenceCounts()


def test_eval_sentences_scores_a_tiny_suite_with_exact_figures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    suite = tmp_path / "suite"
    suite.mkdir()
    rows = [
        {"id": "a", "date": "2014-01-01", "text": "one", "events": [
            {"source": "RUS", "target": "UKR", "code": "190"}], "excluded": None},
        {"id": "b", "date": "2014-01-01", "text": "two", "events": [], "excluded": None},
        {"id": "c", "date": "2014-01-01", "text": "three", "events": [], "excluded": "quirk"},
    ]  # fmt: skip
    (suite / "records.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    # A stand-in extractor: "one" gives the expected event, "two" a false one.
    script = tmp_path / "fake.py"
    script.write_text(
        "import json, sys\n"
        "text = open(sys.argv[1]).read()\n"
        "if text == 'one':\n"
        "    print(json.dumps({'source_country': 'RUS', 'target_country': 'UKR',\n"
        "                      'cameo': '193'}))\n"
        "if text == 'two':\n"
        "    print(json.dumps({'source_country': 'RUS', 'target_country': 'USA',\n"
        "                      'cameo': '042'}))\n"
    )
    python = subprocess.run(["which", "python3"], capture_output=True, text=True).stdout.strip()
    assert run(["eval", "--sentences", str(suite), "--cmd", f"{python} {script} {{file}}"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-3] == f"{suite}: 2 sentences (1 excluded) tp=1 fp=1 fn=0"
    assert out[-2] == (
        "TOTAL root+countries P=0.500 R=1.000 F1=0.667 | root only P=0.500 R=1.000 F1=0.667"
        " | dyad only P=0.500 R=1.000 F1=0.667"
    )
    assert out[-1] == "sentence_f1=0.667 root_f1=0.667 dyad_f1=0.667"


def test_an_expected_event_may_accept_several_roots_and_either_direction() -> None:
    expected = [
        {"source": "KOR", "target": "PRK", "code": "040", "roots": ["04"], "symmetric": True},
        {"source": "PAK", "target": "IND", "code": "190", "roots": ["19", "17"]},
    ]
    events = [
        {"source": {"country": "PRK"}, "target": {"country": "KOR"}, "cameo": "043"},
        {"source": {"country": "PAK"}, "target": {"country": "IND"}, "cameo": "173"},
        {"source": {"country": "PAK"}, "target": {"country": "IND"}, "cameo": "190"},
        {"source": {"country": "IND"}, "target": {"country": "PAK"}, "cameo": "111"},
    ]
    # Two predictions fit the second event: it is found once and neither is a false positive.
    assert sentence_counts(expected, events) == SentenceCounts(
        tp=2, fp=1, fn=0, root_tp=2, root_fp=1, root_fn=0, dyad_tp=2, dyad_fp=1, dyad_fn=0
    )
