"""Input split into shards (no model, no cluster): every article in exactly one shard, read
back as the whole file reads."""

import io
import json
from datetime import date
from pathlib import Path
from unittest.mock import ANY

import pytest

from diplograph.app.progress import IngestProgress
from diplograph.ingest.shards import InlineShard, JsonlShard, TextShard, plan_shards, read_shard
from diplograph.ingest.sources import InputError, SourceError, read_paths
from diplograph.ingest.types import ArticleInput


def write_jsonl(path: Path, lines: list[str]) -> Path:
    """Write ``lines`` (one JSON Lines line each) to ``path``; return it."""
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def article_line(n: int) -> str:
    """Return the JSON line of article ``n``."""
    return json.dumps({"id": f"a{n}", "text": f"Text number {n}, caf\u00e9.", "published": None})


def test_jsonl_shards_cover_every_article_once_and_read_as_the_file(tmp_path: Path) -> None:
    lines = [article_line(1), "", article_line(2), article_line(3), "  ", "{bad", article_line(5)]
    path = write_jsonl(tmp_path / "batch.jsonl", lines)
    shards = list(plan_shards([path], size=2))
    assert [(s.first_line, s.lines, s.articles) for s in shards if isinstance(s, JsonlShard)] == [
        (1, 3, 2),
        (4, 3, 2),
        (7, 1, 1),
    ]
    from_shards = [str(item) for shard in shards for item in read_shard(shard)]
    assert from_shards == [str(item) for item in read_paths([path])]
    assert [str(s) for s in shards] == [f"{path}:1-3", f"{path}:4-6", f"{path}:7-7"]


def test_a_line_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_bytes(article_line(1).encode() + b"\n" + b'{"text": "\xff"}\n')
    [shard] = plan_shards([path], size=10)
    assert [str(item) for item in read_shard(shard)][1] == f"{path}:2: not valid UTF-8"


def test_text_files_are_grouped_with_their_options(tmp_path: Path) -> None:
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text(f"Article {name}.", encoding="utf-8")
    batch = write_jsonl(tmp_path / "z.jsonl", [article_line(1)])
    shards = list(plan_shards([tmp_path], size=2, published=date(2024, 1, 2), title="T"))
    assert shards == [
        TextShard((str(tmp_path / "a.txt"), str(tmp_path / "b.txt")), date(2024, 1, 2), "T"),
        JsonlShard(str(batch), 0, 1, 1, 1),
        TextShard((str(tmp_path / "c.txt"),), date(2024, 1, 2), "T"),
    ]
    assert [(a.id, a.published, a.title) for a in read_shard(shards[0])] == [  # type: ignore[union-attr]
        ("a", date(2024, 1, 2), "T"),
        ("b", date(2024, 1, 2), "T"),
    ]


def test_a_missing_path_is_refused_before_any_shard(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nope: no such file or directory$"):
        list(plan_shards([tmp_path / "nope"], size=4))


PAGE = """<html><head><title>Talks</title></head><body><article>
<p>Chile condemned Peru on Monday.</p></article></body></html>"""


def test_pages_feeds_and_urls_are_read_here_and_sent_whole(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Article a.", encoding="utf-8")
    (tmp_path / "b.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "c.rss").write_text("<rss/>", encoding="utf-8")
    asked: list[list[str]] = []

    def read_others(sources: list[str]) -> list[ArticleInput | SourceError]:
        asked.append(sources)
        return [ArticleInput(id=source, text="Read here.") for source in sources]

    shards = list(
        plan_shards([tmp_path, "https://example.org/news", "-"], size=2, read_others=read_others)
    )

    others = [str(tmp_path / "b.html"), str(tmp_path / "c.rss"), "https://example.org/news", "-"]
    assert asked == [others]
    assert shards == [
        TextShard((str(tmp_path / "a.txt"),)),
        InlineShard(tuple(ArticleInput(id=o, text="Read here.") for o in others[:2]), ANY),
        InlineShard(tuple(ArticleInput(id=o, text="Read here.") for o in others[2:]), ANY),
    ]
    assert [a.id for a in read_shard(shards[2])] == others[2:]  # type: ignore[union-attr]
    assert [str(s) for s in shards[1:]] == [f"{others[0]} (+3) #1", f"{others[0]} (+3) #2"]


def test_other_sources_need_a_reader(tmp_path: Path) -> None:
    (tmp_path / "b.html").write_text(PAGE, encoding="utf-8")
    with pytest.raises(InputError, match=r"b.html: only .txt and .jsonl files are read here$"):
        list(plan_shards([tmp_path], size=2))


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_progress_prints_a_line_every_period_off_a_terminal() -> None:
    out, clock = io.StringIO(), Clock()
    with IngestProgress(100, every=30.0, stream=out, clock=clock) as progress:
        clock.now += 10
        progress.advance(10)  # 10 s in: no line yet
        clock.now += 20
        progress.advance(20)
        clock.now += 5
        progress.advance(10)
    assert out.getvalue() == "ingest: 30/100 articles, 1.0 articles/s, ETA 0:01:10\n"


def test_progress_without_a_period_prints_nothing_off_a_terminal() -> None:
    out, clock = io.StringIO(), Clock()
    with IngestProgress(10, stream=out, clock=clock) as progress:
        clock.now += 1000
        progress.advance(10)
    assert out.getvalue() == ""
