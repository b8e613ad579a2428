"""Input split into shards (no model, no cluster): every article in exactly one shard, read
back as the whole file reads."""

import io
import json
from datetime import date
from pathlib import Path
from unittest.mock import ANY

import pytest

from diplograph.app.progress import IngestProgress
from diplograph.ingest.shards import (
    InlineShard,
    JsonlShard,
    TextShard,
    plan_shards,
    read_shard,
    split_shard,
    tapered,
)
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


def test_a_jsonl_shard_cut_in_pieces_reads_as_the_whole(tmp_path: Path) -> None:
    lines = [article_line(0), article_line(1), "", article_line(2), "  ", "{bad", article_line(5)]
    path = write_jsonl(tmp_path / "batch.jsonl", lines)
    shard, _ = plan_shards([path], size=4)
    assert isinstance(shard, JsonlShard) and (shard.lines, shard.size) == (6, 4)

    pieces = split_shard(shard, [2, 1, 1])

    assert [(p.offset, p.first_line, p.lines, p.size) for p in pieces] == [  # type: ignore[union-attr]
        (0, 1, 3, 2),
        (2 * len(article_line(0)) + 3, 4, 2, 1),
        (3 * len(article_line(0)) + 7, 6, 1, 1),
    ]
    whole = list(read_shard(shard))
    assert [item for piece in pieces for item in read_shard(piece)] == whole
    named = [
        item.id if isinstance(item, ArticleInput) else str(item).split(" (")[0] for item in whole
    ]
    assert named == ["a0", "a1", "a2", f"{path}:6: not valid JSON"]


def test_text_and_inline_shards_cut_in_pieces_keep_their_order(tmp_path: Path) -> None:
    text = TextShard(("a.txt", "b.txt", "c.txt"), date(2024, 1, 2), "T")
    assert split_shard(text, [2, 1]) == [
        TextShard(("a.txt", "b.txt"), date(2024, 1, 2), "T"),
        TextShard(("c.txt",), date(2024, 1, 2), "T"),
    ]
    items = tuple(ArticleInput(id=str(n), text="Read here.") for n in range(3))
    assert split_shard(InlineShard(items, "feed"), [1, 2]) == [
        InlineShard(items[:1], "feed [1-1]"),
        InlineShard(items[1:], "feed [2-3]"),
    ]
    with pytest.raises(ValueError, match=r"cannot cut a shard of 3 articles into \[2, 2\]"):
        split_shard(text, [2, 2])


def test_the_last_shards_are_cut_into_halves_then_quarters(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "batch.jsonl", [article_line(n) for n in range(50)])
    shards = list(plan_shards([path], size=16))
    assert [s.size for s in shards] == [16, 16, 16, 2]

    cut = tapered(shards, parallel=2)

    assert [s.size for s in cut] == [16, 16, 8, 1, 4, 4, 1]
    read = sorted(str(item) for shard in cut for item in read_shard(shard))
    assert read == sorted(str(item) for item in read_paths([path]))
    assert tapered(shards, parallel=0) == shards


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
