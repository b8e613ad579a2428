"""The command line's reading (folders, standard input, undated articles) and upkeep commands
(reextract, delete) with the real extractor."""

from pathlib import Path

import pytest
from sqlalchemy import create_engine, select

import diplograph.ingest.version
from diplograph.core.models import EventRow
from diplograph.ingest.lexicon import TriggerRule, trigger_rules
from diplograph.ingest.version import extractor_version
from tests.test_cli import counts, invoke, upgraded_database


def stored_events(url: str) -> list[tuple[int, int, str, str | None]]:
    """Return every event as (id, article id, CAMEO code, extractor version)."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            stmt = select(
                EventRow.id, EventRow.article_id, EventRow.cameo_code, EventRow.extractor_version
            ).order_by(EventRow.id)
            return [tuple(row) for row in conn.execute(stmt)]  # type: ignore[misc]
    finally:
        engine.dispose()


@pytest.mark.slow
def test_folders_are_read_recursively_unless_told_not_to(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("Chile condemned Peru.\n")
    (tmp_path / "sub" / "b.txt").write_text("Peru condemned Bolivia.\n")
    (tmp_path / "sub" / "b.meta.json").write_text('{"published": "2023-06-14"}')
    deep = invoke(["extract", str(tmp_path), "--date", "2023-06-14"])
    flat = invoke(["extract", str(tmp_path), "--no-recursive", "--date", "2023-06-14"])
    assert (deep.exit_code, flat.exit_code) == (0, 0)
    assert deep.stdout == (
        "[0] Chile -condemn/111-> Peru asserted 2023-06-14\n"
        "[0] Peru -condemn/111-> Bolivia asserted 2023-06-14\n"
    )
    assert flat.stdout == "[0] Chile -condemn/111-> Peru asserted 2023-06-14\n"


@pytest.mark.slow
def test_a_dash_reads_standard_input_as_text_or_json_lines() -> None:
    text = invoke(["extract", "-", "--date", "2023-06-14"], stdin="Chile condemned Peru.\n")
    lines = invoke(
        ["extract", "-"],
        stdin='{"id": "x", "text": "Peru condemned Bolivia.", "published": "2023-06-14"}\n',
    )
    assert (text.exit_code, text.stdout) == (
        0,
        "[0] Chile -condemn/111-> Peru asserted 2023-06-14\n",
    )
    assert (lines.exit_code, lines.stdout) == (
        0,
        "[0] Peru -condemn/111-> Bolivia asserted 2023-06-14\n",
    )


@pytest.mark.slow
def test_undated_articles_get_a_warning_and_a_count(tmp_path: Path) -> None:
    url = upgraded_database(tmp_path)
    (tmp_path / "a.txt").write_text("Chile condemned Peru.\n")
    (tmp_path / "b.txt").write_text("Peru condemned Bolivia.\n")
    result = invoke(
        ["ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--database-url", url]
    )
    assert result.exit_code == 0
    assert result.stderr == (
        "warning: 2 articles have no publication date (a, b): relative dates in them stay "
        "unresolved (give --date, a .meta.json or 'published')\n"
        "2 articles added, 0 already stored, 0 skipped, 2 events added, 2 undated\n"
    )


@pytest.mark.slow
def test_reextract_after_a_lexicon_change_replaces_the_events(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = upgraded_database(tmp_path)
    (tmp_path / "a.txt").write_text("Chile condemned Peru.\n")
    (tmp_path / "b.txt").write_text("Peru met Bolivia.\n")
    db = ["--database-url", url]
    ingested = invoke(
        ["ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--date", "2023-06-14", *db]
    )
    assert ingested.exit_code == 0, ingested.stderr
    first = extractor_version()
    assert stored_events(url) == [(1, 1, "111", first), (2, 2, "040", first)]

    # The lexicon changes: 'condemn' is now coded 112 (accuse), and so the version changes.
    rule = TriggerRule("condemn", "V", ("obj",), "112", "asserted", 0.95)
    monkeypatch.setitem(trigger_rules(), ("condemn", "V"), (rule,))
    monkeypatch.setattr(diplograph.ingest.version, "extractor_version", lambda: "rules-test")

    dry = invoke(["reextract", "--dry-run", *db])
    assert (dry.exit_code, dry.stdout) == (
        0,
        f"article 1 ({first} -> rules-test):\n"
        "- [0] Chile -condemn/111-> Peru asserted\n"
        "+ [0] Chile -condemn/112-> Peru asserted\n",
    )
    assert dry.stderr == "1 of 2 articles would change\n"
    assert stored_events(url) == [(1, 1, "111", first), (2, 2, "040", first)]

    done = invoke(["reextract", "--where", "title=nothing", *db])
    assert (
        done.stderr == "re-extracting 0 articles with rules-test\n"
        "0 articles re-extracted, 0 events removed, 0 events added\n"
    )
    done = invoke(["reextract", "--since", "2023-06-14", *db])
    assert (done.exit_code, done.stderr) == (
        0,
        "re-extracting 2 articles with rules-test\n"
        "[1/2] article 1: 1 events -> 1\n"
        "[2/2] article 2: 1 events -> 1\n"
        "2 articles re-extracted, 2 events removed, 2 events added\n",
    )
    assert stored_events(url) == [(3, 1, "112", "rules-test"), (4, 2, "040", "rules-test")]

    again = invoke(["reextract", *db])  # nothing left at an older version: resumes as done
    assert (
        again.stderr == "re-extracting 0 articles with rules-test\n"
        "0 articles re-extracted, 0 events removed, 0 events added\n"
    )
    one = invoke(["reextract", "--all", "--where", "id=2", *db])
    assert one.stderr.splitlines()[1] == "[1/1] article 2: 1 events -> 1"
    assert stored_events(url) == [(3, 1, "112", "rules-test"), (5, 2, "040", "rules-test")]


@pytest.mark.slow
def test_delete_removes_articles_and_reports_unknown_ids(tmp_path: Path) -> None:
    url = upgraded_database(tmp_path)
    (tmp_path / "a.txt").write_text("Chile condemned Peru.\n")
    db = ["--database-url", url]
    assert invoke(["ingest", str(tmp_path / "a.txt"), "--date", "2023-06-14", *db]).exit_code == 0
    result = invoke(["delete", "1", "7", *db])
    assert (result.exit_code, result.stderr) == (
        1,
        "deleted article 1 (1 events)\nskipped 7: no such article\n",
    )
    assert counts(url) == {"articles": 0, "actors": 2, "events": 0, "ingest_runs": 1}


def test_a_bad_where_clause_is_one_line_and_exit_2(tmp_path: Path) -> None:
    url = upgraded_database(tmp_path)
    result = invoke(["reextract", "--where", "colour=red", "--database-url", url])
    assert (result.exit_code, result.stderr) == (
        2,
        "error: --where 'colour=red': expected FIELD=VALUE with FIELD one of id, title, url, "
        "version\n",
    )
