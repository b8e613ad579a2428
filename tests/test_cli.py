"""The ``diplograph`` command line on temporary SQLite databases."""

import json
import re
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select
from typer.testing import CliRunner

from diplograph.app.cli import cli
from diplograph.core.models import ActorRow, ArticleRow, EventRow, IngestRunRow

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
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
ACTOR_KEYS = {"name", "country", "type", "role"}
ACTOR_TYPES = {"person", "country", "government", "military", "organization", "igo", "group"}
MODALITIES = {"asserted", "intended", "requested", "reported", "hypothetical"}

runner = CliRunner()


def upgraded_database(tmp_path: Path) -> str:
    """Return the URL of a new SQLite database migrated with ``diplograph db upgrade``."""
    url = f"sqlite:///{tmp_path}/x.db"
    result = runner.invoke(cli, ["db", "upgrade", "--database-url", url])
    assert result.exit_code == 0, result.output
    return url


def counts(url: str) -> dict[str, int]:
    """Return the number of rows of the article, actor, event and run tables."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return {
                model.__tablename__: conn.scalar(select(func.count()).select_from(model)) or 0
                for model in (ArticleRow, ActorRow, EventRow, IngestRunRow)
            }
    finally:
        engine.dispose()


def stored_external_ids(url: str) -> list[str | None]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return list(conn.scalars(select(ArticleRow.external_id).order_by(ArticleRow.id)))
    finally:
        engine.dispose()


def test_db_upgrade_creates_the_schema(tmp_path: Path) -> None:
    url = upgraded_database(tmp_path)
    assert counts(url) == {"articles": 0, "actors": 0, "events": 0, "ingest_runs": 0}


@pytest.mark.slow
def test_ingest_seeds_twice_stores_them_once(tmp_path: Path) -> None:
    url = upgraded_database(tmp_path)
    n_seeds = len([p for p in SEEDS.iterdir() if p.suffix in (".txt", ".jsonl")])
    first = runner.invoke(cli, ["ingest", str(SEEDS), "--database-url", url])
    assert first.exit_code == 0, first.output
    after_first = counts(url)
    assert after_first["articles"] == n_seeds
    assert after_first["events"] > 0
    assert first.stderr == (
        f"{n_seeds} articles added, 0 already stored, 0 skipped, "
        f"{after_first['events']} events added\n"
    )

    second = runner.invoke(cli, ["ingest", str(SEEDS), "--database-url", url])
    assert second.exit_code == 0, second.output
    assert (
        second.stderr == f"0 articles added, {n_seeds} already stored, 0 skipped, 0 events added\n"
    )
    assert counts(url) == {**after_first, "ingest_runs": 2}


@pytest.mark.slow
def test_ingest_the_same_file_twice_in_one_run_stores_it_once(tmp_path: Path) -> None:
    url = upgraded_database(tmp_path)
    article = tmp_path / "note.txt"
    article.write_text("Chile condemned Peru.\n")
    result = runner.invoke(
        cli, ["ingest", str(article), str(article), "--date", "2023-06-14", "--database-url", url]
    )
    assert result.exit_code == 0, result.output
    assert result.stderr == "1 articles added, 1 already stored, 0 skipped, 1 events added\n"
    assert counts(url) == {"articles": 1, "actors": 2, "events": 1, "ingest_runs": 1}


@pytest.mark.slow
def test_ingest_jsonl_with_a_bad_line_stores_the_good_one_and_exits_1(tmp_path: Path) -> None:
    url = upgraded_database(tmp_path)
    batch = tmp_path / "batch.jsonl"
    good = {
        "id": "good-1",
        "text": "Chile condemned Peru.",
        "published": "2023-06-14",
    }
    batch.write_text(json.dumps(good) + "\n" + '{"id": "bad-2", "text": \n')
    result = runner.invoke(cli, ["ingest", str(batch), "--database-url", url])
    assert result.exit_code == 1
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped")]
    assert len(skipped) == 1
    assert skipped[0].startswith(f"skipped {batch}:2: not valid JSON")
    assert stored_external_ids(url) == ["good-1"]
    assert result.stderr.endswith("1 articles added, 0 already stored, 1 skipped, 1 events added\n")


@pytest.mark.slow
def test_ingest_jsonl_line_without_text_is_named(tmp_path: Path) -> None:
    url = upgraded_database(tmp_path)
    batch = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "Chile condemned Peru."}),
        "",
        json.dumps({"id": "b", "text": "  "}),
    ]
    batch.write_text("\n".join(lines) + "\n")
    result = runner.invoke(cli, ["ingest", str(batch), "--database-url", url])
    assert result.exit_code == 1
    assert f"skipped {batch}:3: missing or empty 'text'\n" in result.stderr
    assert stored_external_ids(url) == ["a"]


@pytest.mark.slow
def test_extract_json_has_the_documented_schema_and_no_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    database = tmp_path / "configured.db"
    monkeypatch.setenv("DIPLOGRAPH_DATABASE_URL", f"sqlite:///{database}")
    article = tmp_path / "note.txt"
    article.write_text(
        "Chile condemned Peru and Bolivia.\n\n"
        "Kenyan President William Ruto will visit Tanzania.\n"
        "Peruvian President Dina Boluarte met Chilean President Gabriel Boric in Geneva "
        "on Monday.\n"
    )
    result = runner.invoke(cli, ["extract", str(article), "--date", "2023-06-14", "--json"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(
        (r["source"]["name"], r["target"]["name"], r["cameo"], r["modality"], r["date"])
        for r in records
    ) == [
        ("Chile", "Bolivia", "111", "asserted", "2023-06-14"),
        ("Chile", "Peru", "111", "asserted", "2023-06-14"),
        ("Dina Boluarte", "Gabriel Boric", "040", "asserted", "2023-06-12"),
        ("William Ruto", "Tanzania", "042", "intended", None),
    ]
    for record in records:
        assert set(record) == EVENT_KEYS
        assert type(record["article"]) is str and record["article"] == "note"
        for side in ("source", "target"):
            actor = record[side]
            assert set(actor) == ACTOR_KEYS
            assert type(actor["name"]) is str
            assert actor["type"] in ACTOR_TYPES
            assert actor["country"] is None or re.fullmatch(r"[A-Z]{3}", actor["country"])
            assert actor["role"] is None or type(actor["role"]) is str
        assert type(record["action"]) is str
        assert re.fullmatch(r"\d{2,4}", record["cameo"])
        assert type(record["goldstein"]) is float
        assert type(record["quad_class"]) is int and record["quad_class"] in (1, 2, 3, 4)
        assert type(record["negated"]) is bool
        assert record["modality"] in MODALITIES
        assert record["date"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", record["date"])
        assert record["location"] is None or type(record["location"]) is str
        assert type(record["sentence_index"]) is int
        assert type(record["sentence"]) is str and type(record["trigger"]) is str
        assert type(record["confidence"]) is float and 0.0 <= record["confidence"] <= 1.0
    assert [r["location"] for r in records if r["cameo"] == "040"] == ["Geneva"]
    assert [r["sentence_index"] for r in records if r["cameo"] == "042"] == [1]
    assert list(tmp_path.glob("*.db")) == []
    assert not database.exists()


@pytest.mark.slow
def test_extract_text_output_is_one_line_per_event(tmp_path: Path) -> None:
    article = tmp_path / "note.txt"
    article.write_text("Chile condemned Peru.\n")
    result = runner.invoke(cli, ["extract", str(article), "--date", "2023-06-14"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "[0] Chile -condemn/111-> Peru asserted 2023-06-14\n"


def test_extract_bad_date_exits_2_with_one_line(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Chile condemned Peru.")
    result = runner.invoke(cli, ["extract", str(article), "--date", "not-a-date"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == "error: --date 'not-a-date' is not an ISO date (YYYY-MM-DD)\n"


def test_ingest_bad_date_exits_2_before_touching_the_database(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Chile condemned Peru.")
    url = f"sqlite:///{tmp_path}/never.db"
    result = runner.invoke(
        cli, ["ingest", str(article), "--date", "2023-13-01", "--database-url", url]
    )
    assert result.exit_code == 2
    assert result.stderr == "error: --date '2023-13-01' is not an ISO date (YYYY-MM-DD)\n"
    assert not (tmp_path / "never.db").exists()


def test_extract_missing_path_exits_2(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    result = runner.invoke(cli, ["extract", str(missing)])
    assert result.exit_code == 2
    assert result.stderr == f"error: {missing}: no such file or directory\n"


def test_ingest_missing_path_exits_2(tmp_path: Path) -> None:
    url = upgraded_database(tmp_path)
    missing = tmp_path / "nope"
    result = runner.invoke(cli, ["ingest", str(missing), "--database-url", url])
    assert result.exit_code == 2
    assert result.stderr == f"error: {missing}: no such file or directory\n"
    assert counts(url)["ingest_runs"] == 0


def test_extract_unsupported_file_type_exits_2(tmp_path: Path) -> None:
    article = tmp_path / "a.html"
    article.write_text("<p>Chile condemned Peru.</p>")
    result = runner.invoke(cli, ["extract", str(article)])
    assert result.exit_code == 2
    assert result.stderr == f"error: {article}: unsupported file type (use .txt or .jsonl)\n"


def test_extract_empty_text_file_exits_2(tmp_path: Path) -> None:
    article = tmp_path / "empty.txt"
    article.write_text("\n  \n")
    result = runner.invoke(cli, ["extract", str(article)])
    assert result.exit_code == 2
    assert result.stderr == f"error: {article}: the article text is empty\n"


def test_extract_without_paths_is_a_usage_error() -> None:
    result = runner.invoke(cli, ["extract"])
    assert result.exit_code == 2
