"""The wheel stands alone: built, installed in a clean virtualenv with no repository beside it,
it answers as a client with the plain install and runs the server with ``[server]`` (slow)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.live_server import live_server

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "putin-syria-egypt-2017-12-11.txt"


def _run(*command: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    """Run a command; return its stdout, failing the test with its output if it fails."""
    done = subprocess.run(
        [str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, f"{command}: {done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a wheel built from the repository with ``python -m build``."""
    out = tmp_path_factory.mktemp("dist")
    _run(sys.executable, "-m", "build", "--wheel", "--outdir", out, ROOT, cwd=out)
    (found,) = out.glob("diplograph-*.whl")
    return found


def test_the_wheel_installs_one_top_level_name(wheel: Path) -> None:
    import zipfile

    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    tops = {n.split("/")[0] for n in names if not n.split("/")[0].endswith(".dist-info")}
    assert tops == {"diplograph"}
    needed = {
        "diplograph/migrations/versions/0001_initial_schema.py",
        "diplograph/migrations/script.py.mako",
        "diplograph/migrations/versions/0002_sources.py",
        "diplograph/ingest/data/triggers.csv",
        "diplograph/graph/data/cameo_actor_codes.toml",
        "diplograph/ingest/data/generated/verb_patterns.tsv",
        "diplograph/ingest/data/generated/verb_classes.tsv",
        "diplograph/ingest/data/generated/people.tsv",
        "diplograph/ingest/data/generated/organizations.tsv",
        "diplograph/ingest/data/generated/LICENSE",
        "diplograph/ingest/data/generated/README.md",
        "diplograph/py.typed",
        "diplograph/app/static/explorer.html",
        "diplograph/app/static/js/main.js",
        "diplograph/app/static/vendor/swagger-ui-dist/swagger-ui-bundle.js",
        "diplograph/app/static/vendor/redoc/bundles/redoc.standalone.js",
        "diplograph/app/static/vendor/cytoscape/dist/cytoscape.min.js",
        "diplograph/app/static/vendor/chart.js/dist/chart.umd.min.js",
    }
    assert needed - set(names) == set()


def test_the_wheel_runs_alone(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    work = tmp_path / "work"  # no repository beside it
    work.mkdir()
    _run(sys.executable, "-m", "venv", venv, cwd=work)
    python, command = venv / "bin" / "python", venv / "bin" / "diplograph"
    pip = [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]

    # The plain install is the client: no spaCy, no FastAPI, and a hint from the command.
    _run(*pip, wheel, cwd=work)
    listed = json.loads(_run(python, "-m", "pip", "list", "--format", "json", cwd=work))
    installed = {p["name"].lower() for p in listed}
    assert {"spacy", "fastapi", "sqlalchemy"} & installed == set()
    assert _run(python, "-c", "from diplograph import Client; print(Client())", cwd=work) == (
        "Client('http://127.0.0.1:8000')\n"
    )
    hint = subprocess.run([command, "--help"], cwd=work, capture_output=True, text=True)
    assert (hint.returncode, "pip install 'diplograph[server]'" in hint.stderr) == (2, True)

    # With the server extras: migrate, ingest, serve.
    _run(*pip, f"{wheel}[server]", cwd=work)
    env = {**os.environ, "DIPLOGRAPH_DATABASE_URL": f"sqlite:///{work / 'alone.db'}"}
    env.pop("PYTHONPATH", None)
    _run(command, "db", "upgrade", cwd=work, env=env)
    _run(command, "ingest", SEED, "--date", "2017-12-11", cwd=work, env=env)
    with live_server(command, env, tmp_path / "server.log", cwd=work) as url:
        health = httpx.get(f"{url}/health").json()
        met = httpx.get(f"{url}/graph/who-met-whom", params={"actor": "Putin"}).json()
        docs = httpx.get(f"{url}/docs")
        page = httpx.get(f"{url}/explore/actor/Putin")
        shipped = [
            httpx.get(f"{url}/static/{path}").status_code
            for path in ("vendor/swagger-ui-dist/swagger-ui-bundle.js", "js/network.js")
        ]
    assert health["events"] > 0
    assert "Bashar al-Assad" in {pair["b"]["name"] for pair in met["pairs"]}
    assert docs.status_code == 200
    assert (page.status_code, "<title>Diplograph Explorer</title>" in page.text) == (200, True)
    assert shipped == [200, 200]
