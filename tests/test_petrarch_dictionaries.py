"""The PETRARCH2 dictionary converter (tools/petrarch_dictionaries.py) on tiny samples."""

import hashlib
import subprocess
from pathlib import Path

import pytest

from tools.petrarch_dictionaries import (
    PINNED,
    ActorEntry,
    VerbPattern,
    actor_tables,
    main,
    parse_actor_dictionary,
    parse_verb_dictionary,
    verb_tables,
)

VERBS = """\
# a comment
&AID_KIND
+AID
+HUMANITARIAN_ASSISTANCE

---  FREEZE   [---]  ---
FREEZE {FREEZES FROZE FROZEN FREEZING}
SUSPEND [160]
- * ASSET                                  [163]   # FREEZE
- * {MILITARY &AID_KIND} (TO)              [162]   # SUSPEND
- * (WITH)                                 [042:043]
- * TALKS                                  [---]
- TALKS *                                  [164]   # pre-verb noun: the subject
- NEW TALKS *                              [164]   # two words before the verb: left out
- * (BEFORE COURT)                         [:173]  # reverse code only: left out
- * (TO LIST) (OF PARTIES)                 [1722]  # two groups: left out

---  BREAK_OFF   [161]  ---
+BREAK_OFF {+BROKE_OFF +BREAKS_OFF +BREAKING_OFF +BROKEN_OFF}
WIRE_+TAP
- * RELATIONS                              [161]
"""

ACTORS = """\
CAMEROON_  [CMR]
+CAMEROONIAN_
PAUL_BIYA_  # CountryInfo.txt
+PRESIDENT_BIYA_
\t[CMRGOV 751230-821106]
\t[CMRGOV >821106]
\t[CMRELI]
SAMUEL_X_
\t[CMRGOV 9008223-911221]
"""


def test_verb_dictionary_gives_classes_and_exact_patterns() -> None:
    classes, patterns = parse_verb_dictionary(VERBS)
    assert classes == [("&aid_kind", "aid"), ("&aid_kind", "humanitarian assistance")]
    assert patterns == [
        VerbPattern("suspend", "", "", "", "", "160"),
        VerbPattern("freeze", "", "asset", "", "", "163"),
        VerbPattern("suspend", "", "asset", "", "", "163"),
        VerbPattern("freeze", "", "military &aid_kind", "to", "", "162"),
        VerbPattern("suspend", "", "military &aid_kind", "to", "", "162"),
        VerbPattern("freeze", "", "", "with", "", "042"),
        VerbPattern("suspend", "", "", "with", "", "042"),
        VerbPattern("freeze", "", "talks", "", "", "---"),
        VerbPattern("suspend", "", "talks", "", "", "---"),
        VerbPattern("freeze", "", "", "", "", "164", "talks"),
        VerbPattern("suspend", "", "", "", "", "164", "talks"),
        VerbPattern("break", "off", "", "", "", "161"),
        VerbPattern("break", "off", "relations", "", "", "161"),
    ]


def test_verb_tables_are_tab_separated_with_a_header() -> None:
    tables = verb_tables(VERBS)
    rows = [ln for ln in tables["verb_patterns.tsv"].splitlines() if not ln.startswith("#")]
    assert rows[:3] == [
        "verb\tparticle\tobject\tprep\tprep_object\tcameo\tsubject",
        "suspend\t\t\t\t\t160\t",
        "freeze\t\tasset\t\t\t163\t",
    ]


def test_actor_dictionary_keeps_dated_roles_and_drops_bad_dates() -> None:
    assert parse_actor_dictionary(ACTORS) == [
        ActorEntry("Cameroon", ("Cameroonian",), "CMR", ()),
        ActorEntry(
            "Paul Biya",
            ("President Biya",),
            "",
            ("CMRGOV@1975-12-30..1982-11-06", "CMRGOV@1982-11-06..", "CMRELI"),
        ),
    ]


def test_synonym_lines_without_a_plus_belong_to_the_record_above() -> None:
    # Some records list synonyms as plain lines between the primary name (ending "_")
    # and its indented date restrictions.
    text = (
        "BORIS_YELTSIN_  # CountryInfo.txt\nBORIS_N._YELTSIN\nYELTSIN\n\t[RUSGOV 910710-991231]\n"
    )
    assert parse_actor_dictionary(text) == [
        ActorEntry(
            "Boris Yeltsin", ("Boris N. Yeltsin", "Yeltsin"), "", ("RUSGOV@1991-07-10..1999-12-31",)
        )
    ]


def test_people_table_is_keyed_by_surname_and_leaves_states_out() -> None:
    people = actor_tables(ACTORS, "", "")["people.tsv"]
    rows = [ln for ln in people.splitlines() if not ln.startswith("#")]
    assert rows == [
        "key\tname\taliases\tcode\troles",
        "biya\tPaul Biya\tPresident Biya\t\t"
        "CMRGOV@1975-12-30..1982-11-06|CMRGOV@1982-11-06..|CMRELI",
    ]


def _fake_checkout(root: Path, *, tamper: bool = False) -> Path:
    git = ["git", "-c", "user.email=t@t", "-c", "user.name=t"]
    for path in PINNED:
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text("tampered" if tamper else "", encoding="utf-8")
    subprocess.run([*git, "init", "-q", str(root)], check=True)
    return root


def test_a_checksum_mismatch_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _fake_checkout(tmp_path / "src", tamper=True)
    (source / ".git").rename(source / "not-git")  # read the files, not git
    assert main([str(source), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("petrarch_dictionaries: LICENSE: sha256 ")
    assert err.count("\n") == 1
    assert not (tmp_path / "out").exists()


def test_generated_readme_pins_every_upstream_checksum() -> None:
    readme = (
        Path(__file__).parent.parent / "ingest" / "data" / "generated" / "README.md"
    ).read_text(encoding="utf-8")
    assert [digest for digest in PINNED.values() if digest not in readme] == []
    assert hashlib.sha256(b"").hexdigest() not in PINNED.values()
