"""Every setting is documented in the README, and keys are read as documented."""

from pathlib import Path

from diplograph.core.settings import Settings

README = Path(__file__).resolve().parent.parent / "README.md"


def test_every_setting_is_documented_in_the_readme() -> None:
    text = README.read_text(encoding="utf-8")
    undocumented = [
        f"DIPLOGRAPH_{name.upper()}"
        for name in Settings.model_fields
        if f"DIPLOGRAPH_{name.upper()}" not in text
    ]
    assert undocumented == []


def test_read_keys_also_admit_the_write_keys() -> None:
    settings = Settings(api_keys="w1,w2", read_keys="r1")
    assert (settings.write_keys(), settings.reader_keys()) == (
        frozenset({"w1", "w2"}),
        frozenset({"w1", "w2", "r1"}),
    )
    assert Settings(api_keys="w1").reader_keys() == frozenset()
