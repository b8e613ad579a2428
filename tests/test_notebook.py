"""notebooks/quickstart.ipynb runs green: against a live server, and without one.

Each test executes every cell with nbclient in a fresh kernel of this very
interpreter (the project's venv), and fails with the cell's traceback if any
cell errors; it then checks what the key cells showed.
"""

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import nbformat
import pytest
from nbclient import NotebookClient

from diplograph import Client
from tests.live_server import live_server

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "quickstart.ipynb"
BIN = Path(sys.executable).parent
SEED = "putin-syria-egypt-2017-12-11"
"""How long the server may take to start before the test gives up (not a performance check)."""


@pytest.fixture
def kernel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the kernel "python3" run this interpreter, isolated from the user's Jupyter setup."""
    spec = tmp_path / "jupyter" / "kernels" / "python3"
    spec.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    (spec / "kernel.json").write_text(
        json.dumps({"argv": argv, "display_name": "Python 3", "language": "python"}),
        encoding="utf-8",
    )
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path / "runtime"))
    monkeypatch.setenv("IPYTHONDIR", str(tmp_path / "ipython"))
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    monkeypatch.delenv("DIPLOGRAPH_LOCAL_DATABASE", raising=False)
    monkeypatch.delenv("DIPLOGRAPH_API_URL", raising=False)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """Yield the URL of ``diplograph serve`` on a free port with a new migrated database."""
    env = {**os.environ, "DIPLOGRAPH_DATABASE_URL": f"sqlite:///{tmp_path / 'server.db'}"}
    subprocess.run([BIN / "diplograph", "db", "upgrade"], env=env, check=True, capture_output=True)
    with live_server(BIN / "diplograph", env, tmp_path / "server.log") as url:
        yield url


def run_notebook() -> Any:
    """Execute the notebook (plus a cell printing the kernel's interpreter); return it."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("import sys\nprint(sys.executable)"))
    client = NotebookClient(
        nb,
        kernel_name="python3",
        timeout=300,
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()
    return nb


def cell(nb: Any, tag: str) -> Any:
    """Return the cell tagged ``tag``."""
    (found,) = [c for c in nb.cells if tag in c.metadata.get("tags", [])]
    return found


def shown(nb: Any, tag: str) -> str:
    """Return the text the cell tagged ``tag`` printed and displayed."""
    parts = []
    for output in cell(nb, tag).outputs:
        if output.output_type == "stream":
            parts.append(output.text)
        elif "text/plain" in output.get("data", {}):
            parts.append(output.data["text/plain"])
    return "".join(parts)


def check_outputs(nb: Any) -> None:
    """Check what the notebook's key cells showed."""
    assert nb.cells[-1].outputs[0].text == f"{sys.executable}\n"
    assert SEED in shown(nb, "ingest")
    assert "Bashar al-Assad" in shown(nb, "who-met-whom")
    assert "2017-12-01" in shown(nb, "dyad")
    assert "Vladimir Putin" in shown(nb, "centrality")
    assert re.fullmatch(r"diplograph\.gexf: \d+ actors, \d+ events\n", shown(nb, "export"))
    for tag in ("ego", "dyad-plot"):
        assert any("image/png" in o.get("data", {}) for o in cell(nb, tag).outputs), tag


@pytest.mark.slow
@pytest.mark.usefixtures("kernel")
def test_quickstart_against_a_live_server(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIPLOGRAPH_API_URL", server)
    nb = run_notebook()
    check_outputs(nb)
    assert shown(nb, "connect") == f"Client({server!r})"
    assert httpx.get(f"{server}/articles").json()["total"] == 1


@pytest.mark.slow
@pytest.mark.usefixtures("kernel")
def test_quickstart_without_a_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'local.db'}"
    monkeypatch.setenv("DIPLOGRAPH_LOCAL_DATABASE", url)
    nb = run_notebook()
    check_outputs(nb)
    assert shown(nb, "connect") == f"Client.local({url!r})"
    with Client.local(url, migrate=False) as client:
        assert client.articles()["title"].str.startswith("Putin visits Syria").tolist() == [True]


def test_the_notebook_is_stored_without_outputs() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert [(c.outputs, c.execution_count) for c in code] == [([], None)] * len(code)


@pytest.mark.slow
def test_readme_client_example_shows_its_real_output(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Notebooks and the Python client", 1)[1]
    code, output = re.findall(r"```(?:python)?\n(.*?)```", section, flags=re.DOTALL)[:2]
    first, second, question = [line for line in code.splitlines() if line]
    assert (first, second.split("#")[0].strip()) == (
        "from diplograph import Client",
        'client = Client("http://127.0.0.1:8000")',
    )
    with Client.local(f"sqlite:///{tmp_path / 'readme.db'}") as client:
        client.ingest(path=ROOT / "seeds")
        answer = eval(question, {"client": client})
    assert f"{answer}\n" == output
