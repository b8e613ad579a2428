"""The extractor version follows every knowledge file, generated dictionaries included."""

from pathlib import Path

import pytest

from diplograph.ingest import version


def _version_of(folder: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(version, "DATA_DIR", folder)
    version.extractor_version.cache_clear()
    try:
        return version.extractor_version()
    finally:
        version.extractor_version.cache_clear()


def test_a_change_in_a_subfolder_changes_the_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "generated").mkdir()
    (tmp_path / "triggers.csv").write_text("meet,040\n")
    (tmp_path / "generated" / "verb_patterns.tsv").write_text("MEET\t040\n")
    before = _version_of(tmp_path, monkeypatch)
    (tmp_path / "generated" / "verb_patterns.tsv").write_text("MEET\t041\n")
    after = _version_of(tmp_path, monkeypatch)
    assert (before.startswith("rules-0.1+"), before != after) == (True, True)
