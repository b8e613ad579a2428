"""Ingest on a Dask cluster (slow: two worker processes load the spaCy model): the same
articles and events as one process, on each store, even when a worker is killed mid-run."""

import json
import os
import signal
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from distributed import Client
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from diplograph.app.cli import run as run_cli
from diplograph.core.db import make_engine, make_session_factory
from diplograph.core.migrate import upgrade
from diplograph.core.models import ArticleRow, EventMentionRow, IngestRunRow
from diplograph.ingest import cluster
from diplograph.ingest.service import ingest_many
from diplograph.ingest.shards import plan_shards
from diplograph.ingest.sources import SourceReader, read_paths
from diplograph.ingest.types import ArticleInput
from tests.web_pages import PARAGRAPHS, article_html

pytestmark = pytest.mark.slow

PAIRS = [
    ("Chile", "Peru"),
    ("France", "Germany"),
    ("Japan", "China"),
    ("Kenya", "Uganda"),
    ("Brazil", "Argentina"),
    ("Canada", "Mexico"),
]
VERBS = ["condemned", "praised", "criticized", "thanked"]


def write_corpus(path: Path) -> Path:
    """Write 24 short distinct articles as JSON Lines (one or two events each); return it."""
    lines = [
        json.dumps(
            {
                "id": f"{a}-{verb}-{b}".lower(),
                "text": f"{a} {verb} {b} on Monday.\n{b} said it would answer.",
                "published": "2024-03-04",
            }
        )
        for a, b in PAIRS
        for verb in VERBS
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def dask_client() -> Iterator[Client]:
    """Return a client on a local cluster of two worker processes, shared by the module."""
    with cluster.connect(workers=2) as client:
        yield client


@dataclass(frozen=True)
class Reference:
    """The corpus file and what one process stores from it."""

    path: Path
    mentions: dict[str, int]
    events_added: int


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Reference:
    """Return the corpus and what ``ingest_many`` in this process stores from it."""
    folder = tmp_path_factory.mktemp("corpus")
    path = write_corpus(folder / "articles.jsonl")
    url = f"sqlite:///{folder / 'reference.db'}"
    upgrade(url)
    engine = make_engine(url)
    factory = make_session_factory(engine)
    articles = [item for item in read_paths([path]) if isinstance(item, ArticleInput)]
    summary = ingest_many(factory, articles)
    reference = Reference(path, stored_mentions(factory), summary.events_added)
    engine.dispose()
    return reference


def stored_mentions(factory: sessionmaker[Session]) -> dict[str, int]:
    """Return the number of event mentions of each stored article, by its id in the input.

    Mentions, not events: an act two articles tell is one event with a mention in each,
    whichever article was stored first.
    """
    with factory() as session:
        rows = session.execute(
            select(ArticleRow.external_id, func.count(EventMentionRow.id))
            .outerjoin(EventMentionRow, EventMentionRow.article_id == ArticleRow.id)
            .group_by(ArticleRow.id, ArticleRow.external_id)
        ).all()
    assert len(rows) == len({external_id for external_id, _ in rows}), "an article twice"
    return {str(external_id): count for external_id, count in rows}


def test_a_worker_killed_mid_ingest_loses_nothing_and_duplicates_nothing(
    dask_client: Client,
    corpus: Reference,
    database_url: str,
    session_factory: sessionmaker[Session],
    store: str,
) -> None:
    path, expected = corpus.path, corpus.mentions
    killed: list[int] = []

    def kill_a_busy_worker(result: cluster.ShardResult, stored: int) -> None:
        if killed:
            return
        busy = [address for address, keys in dask_client.processing().items() if keys]
        if not busy:
            return
        pids = dask_client.run(os.getpid, workers=busy[:1])
        for pid in pids.values():
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)

    run = cluster.ingest_on_cluster(
        dask_client,
        plan_shards([path], size=2),
        factory=session_factory,
        database_url=database_url,
        on_shard=kill_a_busy_worker,
    )
    assert len(killed) == 1
    assert killed[0] not in dask_client.run(os.getpid).values()
    assert (run.failed, run.errors) == ([], [])
    assert stored_mentions(session_factory) == expected
    summary = run.summary
    if store == "sqlite":  # the workers send their results to one writer: none was stored
        assert (summary.articles_added, summary.articles_unchanged, summary.events_added) == (
            len(expected),
            0,
            corpus.events_added,
        )
    else:  # what the killed worker stored before dying counts as already stored on retry
        assert summary.articles_added + summary.articles_unchanged == len(expected)


def test_the_command_on_an_existing_cluster_stores_what_one_process_stores(
    capsys: pytest.CaptureFixture[str],
    dask_client: Client,
    corpus: Reference,
    database_url: str,
    session_factory: sessionmaker[Session],
) -> None:
    path, expected = corpus.path, corpus.mentions
    address = dask_client.scheduler.address
    args = ["ingest", str(path), "--database-url", database_url, "--shard-size", "5"]
    first = run_cli([*args, "--scheduler", address])
    assert (first, capsys.readouterr().err) == (
        0,
        f"24 articles added, 0 already stored, 0 skipped, {corpus.events_added} events added\n",
    )
    assert stored_mentions(session_factory) == expected
    again = run_cli([*args, "--scheduler", address])
    assert (again, capsys.readouterr().err) == (
        0,
        "0 articles added, 24 already stored, 0 skipped, 0 events added\n",
    )
    with session_factory() as session:
        runs = session.execute(
            select(IngestRunRow.articles_added, IngestRunRow.articles_skipped).order_by(
                IngestRunRow.id
            )
        ).all()
    assert [tuple(r) for r in runs] == [(24, 0), (0, 24)]


def test_workers_and_scheduler_exclude_each_other(
    upgraded_sqlite: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_corpus(tmp_path / "a.jsonl")
    args = ["--workers", "2", "--scheduler", "tcp://127.0.0.1:1", "--database-url", upgraded_sqlite]
    code = run_cli(["ingest", str(path), *args])
    assert (code, capsys.readouterr().err) == (
        2,
        "error: --workers and --scheduler exclude each other\n",
    )


def test_an_unreachable_scheduler_is_one_line(
    upgraded_sqlite: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_corpus(tmp_path / "a.jsonl")
    args = ["--scheduler", "tcp://127.0.0.1:1", "--database-url", upgraded_sqlite]
    code = run_cli(["ingest", str(path), *args])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("error: no Dask scheduler answers at tcp://127.0.0.1:1: ")
    assert err.count("\n") == 1


@pytest.fixture
def upgraded_sqlite(tmp_path: Path) -> str:
    """Return the URL of a migrated SQLite database."""
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    upgrade(url)
    return url


def test_pages_go_through_the_cluster_as_files_do(
    capsys: pytest.CaptureFixture[str],
    dask_client: Client,
    database_url: str,
    session_factory: sessionmaker[Session],
    tmp_path: Path,
) -> None:
    (tmp_path / "a.txt").write_text("Chile condemned Peru on Monday.\n", encoding="utf-8")
    (tmp_path / "b.html").write_text(article_html("Border row", PARAGRAPHS), encoding="utf-8")
    [page] = SourceReader().read([tmp_path / "b.html"])
    assert isinstance(page, ArticleInput)
    args = ["ingest", str(tmp_path), "--database-url", database_url, "--date", "2024-03-04"]
    code = run_cli([*args, "--scheduler", dask_client.scheduler.address])
    err = capsys.readouterr().err
    assert (code, err.split(", 0 skipped, ")[0]) == (0, "2 articles added, 0 already stored")
    with session_factory() as session:
        stored = {tuple(row) for row in session.execute(select(ArticleRow.title, ArticleRow.text))}
    assert stored == {
        ("Border row", page.text),  # as ingest without a cluster reads it
        (None, "Chile condemned Peru on Monday.\n"),
    }


def loaded_in_this_process() -> tuple[int, int]:
    """Return how many pipelines and gazetteers this process has loaded."""
    from diplograph.ingest.gazetteer import gazetteer
    from diplograph.ingest.nlp import load_model

    return load_model.cache_info().currsize, gazetteer.cache_info().currsize


def test_local_workers_start_with_the_extraction_loaded(dask_client: Client) -> None:
    # Forked from the fork server that preloaded it: no worker loads a model of its own.
    loaded = dask_client.run(loaded_in_this_process)
    assert len(loaded) == 2
    assert set(loaded.values()) == {(1, 1)}


def frozen_objects() -> int:
    """Return how many objects this process's garbage collector leaves out (frozen)."""
    import gc

    return gc.get_freeze_count()


def test_local_workers_leave_what_the_server_loaded_out_of_garbage_collection(
    dask_client: Client,
) -> None:
    assert all(count > 0 for count in dask_client.run(frozen_objects).values())
    assert frozen_objects() == 0


def test_only_the_fork_server_settles_in(monkeypatch: pytest.MonkeyPatch) -> None:
    from diplograph.ingest import worker_preload
    from diplograph.ingest.fork_server import SERVER_MARK

    done: list[object] = []
    monkeypatch.setattr(worker_preload.gc, "freeze", lambda: done.append("freeze"))
    monkeypatch.setattr(worker_preload.atexit, "register", done.append)
    monkeypatch.delenv(SERVER_MARK, raising=False)
    assert (worker_preload.settle_in_server(), done) == (False, [])

    monkeypatch.setenv(SERVER_MARK, "1")
    assert worker_preload.settle_in_server() is True
    assert done == ["freeze", worker_preload.exit_at_once]
    assert SERVER_MARK not in os.environ  # workers forked later are not servers


def local_settings() -> dict[str, object]:
    """Return this process's values of the settings a local cluster sets."""
    import dask

    return {key: dask.config.get(key) for key in cluster.LOCAL_WORKER_CONFIG}


def test_local_workers_run_with_the_local_cluster_settings(dask_client: Client) -> None:
    settings = dask_client.run(local_settings)
    assert list(settings.values()) == [cluster.LOCAL_WORKER_CONFIG] * 2


def started_with() -> dict[str, str]:
    """Return the environment this process's program was started with (what the C library
    read at start), from ``/proc``."""
    import os
    from pathlib import Path

    entries = Path(f"/proc/{os.getpid()}/environ").read_bytes().split(b"\0")
    pairs = (entry.decode().partition("=") for entry in entries if entry)
    return {key: value for key, _, value in pairs}


def test_local_workers_start_with_one_thread_each_and_no_memory_trimming(
    dask_client: Client,
) -> None:
    for environ in dask_client.run(started_with).values():
        assert "MALLOC_TRIM_THRESHOLD_" not in environ
        assert environ["OMP_NUM_THREADS"] == environ["OPENBLAS_NUM_THREADS"] == "1"


def test_local_workers_store_what_one_process_stores(
    capsys: pytest.CaptureFixture[str],
    corpus: Reference,
    database_url: str,
    session_factory: sessionmaker[Session],
) -> None:
    # On PostgreSQL the worker stores its shards, one thread storing while the other extracts.
    args = ["ingest", str(corpus.path), "--database-url", database_url, "--shard-size", "2"]
    code = run_cli([*args, "--workers", "1"])
    assert (code, capsys.readouterr().err) == (
        0,
        f"24 articles added, 0 already stored, 0 skipped, {corpus.events_added} events added\n",
    )
    assert stored_mentions(session_factory) == corpus.mentions


def test_the_fork_server_starts_before_the_command_only_for_local_workers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from diplograph.app import cli
    from diplograph.ingest import fork_server

    started: list[bool] = []
    monkeypatch.setattr(fork_server, "start_fork_server", lambda: started.append(True) or True)
    parser = cli.build_parser()
    for argv, starts in (
        (["ingest", "a.jsonl", "--workers", "2"], [True]),
        (["ingest", "a.jsonl"], []),
        (["ingest", "a.jsonl", "--scheduler", "tcp://127.0.0.1:8786"], []),
        (["extract", "a.jsonl"], []),
    ):
        started.clear()
        cli.start_local_workers(parser.parse_args(argv))
        assert started == starts, argv
