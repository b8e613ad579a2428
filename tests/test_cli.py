"""The ``diplograph`` command line on temporary SQLite databases."""

import argparse
import importlib.metadata
import io
import json
import re
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select

from diplograph.app.cli import build_parser, run
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


@dataclass(frozen=True)
class Result:
    """What one run of the command line printed and returned."""

    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def invoke(args: list[str], stdin: str | None = None) -> Result:
    """Run ``diplograph ARGS`` in-process (standard input from ``stdin``); return its result."""
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin
    sys.stdin = io.StringIO(stdin or "")
    try:
        with redirect_stdout(out), redirect_stderr(err):
            code = run(args)
    finally:
        sys.stdin = saved
    return Result(code, out.getvalue(), err.getvalue())


def upgraded_database(tmp_path: Path) -> str:
    """Return the URL of a new SQLite database migrated with ``diplograph db upgrade``."""
    url = f"sqlite:///{tmp_path}/x.db"
    result = invoke(["db", "upgrade", "--database-url", url])
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
    first = invoke(["ingest", str(SEEDS), "--database-url", url])
    assert first.exit_code == 0, first.output
    after_first = counts(url)
    assert after_first["articles"] == n_seeds
    assert after_first["events"] > 0
    assert first.stderr == (
        f"{n_seeds} articles added, 0 already stored, 0 skipped, "
        f"{after_first['events']} events added\n"
    )

    second = invoke(["ingest", str(SEEDS), "--database-url", url])
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
    result = invoke(
        ["ingest", str(article), str(article), "--date", "2023-06-14", "--database-url", url]
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
    result = invoke(["ingest", str(batch), "--database-url", url])
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
    result = invoke(["ingest", str(batch), "--database-url", url])
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
    result = invoke(["extract", str(article), "--date", "2023-06-14", "--json"])
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
    result = invoke(["extract", str(article), "--date", "2023-06-14"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "[0] Chile -condemn/111-> Peru asserted 2023-06-14\n"


def test_extract_bad_date_exits_2_with_one_line(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Chile condemned Peru.")
    result = invoke(["extract", str(article), "--date", "not-a-date"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "diplograph extract: error: argument --date: 'not-a-date' is not an ISO date "
        "(YYYY-MM-DD) (see diplograph extract --help)\n"
    )


def test_ingest_bad_date_exits_2_before_touching_the_database(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Chile condemned Peru.")
    url = f"sqlite:///{tmp_path}/never.db"
    result = invoke(["ingest", str(article), "--date", "2023-13-01", "--database-url", url])
    assert result.exit_code == 2
    assert result.stderr == (
        "diplograph ingest: error: argument --date: '2023-13-01' is not an ISO date "
        "(YYYY-MM-DD) (see diplograph ingest --help)\n"
    )
    assert not (tmp_path / "never.db").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["serve", "--port", "99999"], "argument --port: '99999' is not a port number (0-65535)"),
        (["serve", "--port", "http"], "argument --port: 'http' is not a port number (0-65535)"),
        (
            ["watch", "http://x/feed", "--every", "soon"],
            "argument --every: 'soon' is not a duration (e.g. 30s, 15m, 1h)",
        ),
        (["delete", "three"], "argument ID: 'three' is not a whole number of 1 or more"),
        (["ingest", "a.txt", "--bogus"], "unrecognized arguments: --bogus"),
    ],
)
def test_a_bad_option_is_one_line_and_exit_2(args: list[str], message: str) -> None:
    result = invoke(args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert (
        result.stderr
        == f"diplograph {args[0]}: error: {message} (see diplograph {args[0]} --help)\n"
    )


def test_extract_missing_path_is_skipped_with_exit_1(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    result = invoke(["extract", str(missing)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"skipped {missing}: no such file or directory\n"


def test_ingest_missing_path_is_skipped_with_exit_1(tmp_path: Path) -> None:
    url = upgraded_database(tmp_path)
    missing = tmp_path / "nope"
    result = invoke(["ingest", str(missing), "--database-url", url])
    assert result.exit_code == 1
    assert result.stderr == (
        f"skipped {missing}: no such file or directory\n"
        "0 articles added, 0 already stored, 1 skipped, 0 events added\n"
    )
    assert counts(url)["ingest_runs"] == 0


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_bad_files_get_the_same_report_from_extract_and_ingest(
    tmp_path: Path, command: str
) -> None:
    url = upgraded_database(tmp_path)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_text("\n  \n")
    (folder / "latin1.txt").write_bytes("Bogot\xe1".encode("latin-1"))
    (folder / "batch.jsonl").write_text('{"text": "  "}\n[1]\n')
    paper = tmp_path / "paper.pdf"
    paper.write_text("%PDF")
    extra = ["--database-url", url] if command == "ingest" else []
    result = invoke([command, str(folder), str(paper), *extra])
    assert result.exit_code == 1
    assert result.stdout == ""
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped ")]
    assert sorted(skipped) == sorted(
        [
            f"skipped {folder / 'batch.jsonl'}:1: missing or empty 'text'",
            f"skipped {folder / 'batch.jsonl'}:2: expected a JSON object",
            f"skipped {folder / 'empty.txt'}: the article text is empty",
            f"skipped {folder / 'latin1.txt'}: 'utf-8' codec can't decode byte 0xe1 in "
            "position 5: unexpected end of data",
            f"skipped {paper}: unsupported file type (use .txt, .jsonl, .html, .rss/.atom/.xml, "
            ".urls or a URL)",
        ]
    )


@pytest.mark.parametrize(
    "command",
    [
        ["ingest", "a.txt"],
        ["delete", "1"],
        ["reextract"],
        ["serve"],
        ["watch", "http://127.0.0.1:9/feed", "--once"],
    ],
)
def test_a_missing_database_is_one_line_with_the_fix_and_no_file(
    tmp_path: Path, command: list[str]
) -> None:
    (tmp_path / "a.txt").write_text("Chile condemned Peru.")
    database = tmp_path / "new.db"
    result = invoke([*command, "--database-url", f"sqlite:///{database}"])
    assert result.exit_code == 2
    assert result.stderr == f"error: no database at {database} (run: diplograph db upgrade)\n"
    assert not database.exists()


def test_an_unmigrated_database_is_one_line_with_the_fix(tmp_path: Path) -> None:
    database = tmp_path / "empty.db"
    create_engine(f"sqlite:///{database}").connect().close()
    before = database.read_bytes()
    result = invoke(["delete", "1", "--database-url", f"sqlite:///{database}"])
    assert result.exit_code == 2
    assert result.stderr == "error: the database has no schema (run: diplograph db upgrade)\n"
    assert database.read_bytes() == before


def test_version_is_the_package_version() -> None:
    result = invoke(["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"diplograph {importlib.metadata.version('diplograph')}\n"


COMMANDS = [
    [],
    ["db"],
    ["db", "upgrade"],
    ["ingest"],
    ["extract"],
    ["delete"],
    ["reextract"],
    ["eval"],
    ["import-events"],
    ["watch"],
    ["serve"],
]


@pytest.mark.parametrize("command", COMMANDS)
def test_help_has_real_texts_and_no_placeholders(command: list[str]) -> None:
    result = invoke([*command, "--help"])
    assert result.exit_code == 0
    assert result.stdout.startswith(f"usage: diplograph {' '.join(command)}".rstrip() + " ")
    for placeholder in ("<bool>", "<str>", "<list", "<path", "}...", "None"):
        assert placeholder not in result.stdout
    parser = build_parser()
    for name in command:
        parser = next(
            a for a in parser._actions if isinstance(a, argparse._SubParsersAction)
        ).choices[name]
    assert [a.dest for a in parser._actions if not a.help] == []


def test_the_command_line_module_imports_no_heavy_module() -> None:
    heavy = ["alembic", "fastapi", "pydantic", "rich", "spacy", "sqlalchemy", "typer", "uvicorn"]
    code = (
        f"import sys, diplograph.app.cli; print(sorted(m for m in {heavy!r} if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == "[]\n"


def test_extract_without_paths_is_a_usage_error() -> None:
    result = invoke(["extract"])
    assert result.exit_code == 2
    assert result.stderr == (
        "diplograph extract: error: the following arguments are required: SOURCE "
        "(see diplograph extract --help)\n"
    )


def test_serve_takes_the_database_url_option(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    from diplograph.core.settings import get_settings

    url = upgraded_database(tmp_path)
    monkeypatch.setenv("DIPLOGRAPH_DATABASE_URL", "sqlite:///elsewhere.db")
    calls: list[tuple[str, str, int, str]] = []

    def fake_run(app: str, *, host: str, port: int, **_options: object) -> None:
        calls.append((app, host, port, get_settings().database_url))

    monkeypatch.setattr(uvicorn, "run", fake_run)
    try:
        result = invoke(["serve", "--port", "8123", "--database-url", url])
    finally:
        get_settings.cache_clear()
    assert (result.exit_code, result.stderr) == (0, "")
    assert calls == [("diplograph.app.asgi:app", "127.0.0.1", 8123, url)]


@pytest.mark.slow
def test_ingest_jsonl_with_a_bad_field_skips_that_line_without_a_traceback(
    tmp_path: Path,
) -> None:
    url = upgraded_database(tmp_path)
    batch = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "Chile condemned Peru.", "published": "2023-06-14"}),
        json.dumps({"id": "b", "text": "Chile met Peru.", "title": {"x": 1}}),
        json.dumps({"id": "c", "text": "Chile met Peru today.", "published": "9999-12-31"}),
    ]
    batch.write_text("\n".join(lines) + "\n")
    result = invoke(["ingest", str(batch), "--database-url", url])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"skipped {batch}:2: 'title' must be a string",
        f"skipped {batch}:3: published 9999-12-31 is outside 1800-01-01 .. 2199-12-31",
        "1 articles added, 0 already stored, 2 skipped, 1 events added",
    ]
    assert stored_external_ids(url) == ["a"]


@pytest.mark.parametrize(
    ("day", "reason"),
    [
        ("0001-01-01", "0001-01-01 is outside 1800-01-01 .. 2199-12-31"),
        ("9999-12-31", "9999-12-31 is outside 1800-01-01 .. 2199-12-31"),
        ("0", "'0' is not an ISO date (YYYY-MM-DD)"),
    ],
)
def test_extract_date_outside_the_range_exits_2_with_one_line(
    tmp_path: Path, day: str, reason: str
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Chile condemned Peru today.\n")
    result = invoke(["extract", str(article), "--date", day])
    assert (result.exit_code, result.stderr) == (
        2,
        f"diplograph extract: error: argument --date: {reason} (see diplograph extract --help)\n",
    )
