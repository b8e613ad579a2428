"""The diplograph command line, on temporary databases."""

import json
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select
from typer.testing import CliRunner

from app.cli import cli
from core.models import ActorRow, ArticleRow, EventRow

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
EVENT_KEYS = {
    "article",
    "source",
    "target",
    "action",
    "cameo",
    "goldstein",
    "quad_class",
    "negated",
    "modality",
    "date",
    "location",
    "sentence_index",
    "sentence",
    "trigger",
    "confidence",
}
runner = CliRunner()


def _counts(url: str) -> tuple[int, int, int]:
    engine = create_engine(url)
    with engine.connect() as conn:
        counts = tuple(
            conn.scalar(select(func.count()).select_from(model)) or 0
            for model in (ArticleRow, ActorRow, EventRow)
        )
    engine.dispose()
    return counts  # type: ignore[return-value]


@pytest.mark.slow
def test_ingest_seeds_twice_adds_nothing_the_second_time(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'x.db'}"
    assert runner.invoke(cli, ["db", "upgrade", "--database-url", url]).exit_code == 0
    first = runner.invoke(cli, ["ingest", str(SEEDS), "--database-url", url])
    assert first.exit_code == 0, first.output
    after_first = _counts(url)
    second = runner.invoke(cli, ["ingest", str(SEEDS), "--database-url", url])
    assert second.exit_code == 0
    assert "0 articles added, 1 already stored" in second.output
    assert _counts(url) == after_first
    assert after_first[0] == 1 and after_first[2] > 10


@pytest.mark.slow
def test_ingest_jsonl_reports_bad_line_and_keeps_good_one(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'x.db'}"
    runner.invoke(cli, ["db", "upgrade", "--database-url", url])
    batch = tmp_path / "batch.jsonl"
    good = {
        "id": "a1",
        "text": "Japan's prime minister met Indian Prime Minister Narendra Modi.",
        "published": "2024-05-02",
    }
    batch.write_text(json.dumps(good) + "\n" + '{"id": "a2", "text": ""}\n')
    result = runner.invoke(cli, ["ingest", str(batch), "--database-url", url])
    assert result.exit_code == 1
    assert f"{batch}:2: missing or empty 'text'" in result.output
    assert _counts(url)[0] == 1


@pytest.mark.slow
def test_extract_json_matches_schema_and_touches_no_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    article = tmp_path / "note.txt"
    article.write_text("Chinese President Xi Jinping met French President Emmanuel Macron.\n")
    result = runner.invoke(cli, ["extract", str(article), "--date", "2024-05-06", "--json"])
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["source"]["name"], r["target"]["name"], r["cameo"]) for r in records] == [
        ("Xi Jinping", "Emmanuel Macron", "040")
    ]
    record = records[0]
    assert set(record) == EVENT_KEYS
    assert set(record["source"]) == {"name", "country", "type", "role"}
    assert (record["article"], record["date"], record["negated"], record["modality"]) == (
        "note",
        "2024-05-06",
        False,
        "asserted",
    )
    assert isinstance(record["goldstein"], float) and isinstance(record["quad_class"], int)
    assert 0.0 <= record["confidence"] <= 1.0
    assert list(tmp_path.glob("*.db")) == []


def test_extract_bad_date_exits_2_with_one_line(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Text.")
    result = runner.invoke(cli, ["extract", str(article), "--date", "not-a-date"])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "error: --date 'not-a-date' is not an ISO date (YYYY-MM-DD)"
    ]


def test_extract_missing_path_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(cli, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: {tmp_path / 'nope.txt'}: no such file or directory"
