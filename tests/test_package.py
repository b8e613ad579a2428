"""The package's shape: one import name, imports pointing one way, a light client."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import diplograph

ROOT = Path(__file__).resolve().parent.parent
SUBPACKAGES = ("app", "core", "graph", "ingest", "migrations")
ALLOWED = {
    "core": {"core", "migrations"},  # core.migrate locates the migration scripts
    "migrations": {"migrations", "core"},
    "ingest": {"ingest", "core"},
    "graph": {"graph", "core"},
    "app": {"app", "core", "graph", "ingest"},
}


def _imported_subpackages(path: Path) -> set[str]:
    """Return the diplograph subpackages a module imports (at any depth in the module)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] in SUBPACKAGES:
                found.add(f"bare:{parts[0]}")
            elif parts[0] == "diplograph" and len(parts) > 1 and parts[1] in SUBPACKAGES:
                found.add(parts[1])
    return found


def _modules(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("package", SUBPACKAGES)
def test_imports_point_one_way(package: str) -> None:
    wrong = {
        str(path.relative_to(ROOT)): sorted(used - ALLOWED[package])
        for path in _modules(package)
        if (used := _imported_subpackages(path)) - ALLOWED[package]
    }
    assert wrong == {}


def test_nothing_outside_the_package_imports_the_old_top_level_names() -> None:
    trees = ("bench", "tests", "diplograph")
    paths = [p for tree in trees for p in (ROOT / tree).rglob("*.py") if p.is_file()]
    bare = {
        str(p.relative_to(ROOT)): sorted(
            u for u in _imported_subpackages(p) if u.startswith("bare:")
        )
        for p in paths
    }
    assert {k: v for k, v in bare.items() if v} == {}


def test_the_subpackages_are_the_top_level_folders() -> None:
    links = {p.name: p.resolve() for p in (ROOT / "diplograph").iterdir() if p.is_symlink()}
    assert links == {name: (ROOT / name).resolve() for name in SUBPACKAGES}


def test_the_client_imports_without_the_server_dependencies() -> None:
    blocked = ["fastapi", "spacy", "sqlalchemy", "alembic", "uvicorn", "starlette", "typer"]
    code = (
        "import sys\n"
        f"for name in {blocked!r}: sys.modules[name] = None\n"
        "from diplograph import Client, DiplographError\n"
        "c = Client('http://127.0.0.1:9')\n"
        "print(type(c).__name__, sorted(m for m in sys.modules if m.startswith('diplograph.')))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    name, loaded = run.stdout.split(" ", 1)
    assert name == "Client"
    assert "diplograph.ingest.pipeline" not in loaded and "diplograph.app.main" not in loaded


def test_the_old_client_name_warns_and_still_works() -> None:
    from diplograph.app import client

    with pytest.warns(DeprecationWarning, match="use `from diplograph import Client`"):
        old = client.Diplograph
    assert old is diplograph.Client


def test_public_names() -> None:
    assert (sorted(diplograph.__all__), diplograph.__version__ != "") == (
        [
            "ActorRef",
            "Client",
            "DiplographConnectionError",
            "DiplographError",
            "Dyad",
            "ExtractedEvent",
            "__version__",
            "extract",
        ],
        True,
    )
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        diplograph.nope  # noqa: B018


@pytest.mark.slow
def test_extract_returns_typed_events_without_a_database() -> None:
    events = diplograph.extract(
        "Russian President Vladimir Putin met Syrian President Bashar al-Assad in Latakia.",
        published="2017-12-11",
    )
    assert [(e.source.name, e.cameo, e.target.name, str(e.date)) for e in events] == [
        ("Vladimir Putin", "040", "Bashar al-Assad", "2017-12-11")
    ]
    assert isinstance(events[0], diplograph.ExtractedEvent)
    with pytest.raises(ValueError, match="not an ISO date"):
        diplograph.extract("text", published="11/12/2017")
