"""Input split into shards of a few dozen articles, described without reading the articles.

A shard is what one worker extracts at a time: some ``.txt`` files, or a run of lines
of a ``.jsonl`` file given by its byte offset. Planning reads the ``.jsonl`` files once,
line by line, to find where each run starts (nothing is parsed or kept); a worker then
reads its own shard, so the driver never holds the articles of a large input.
"""

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from itertools import accumulate, repeat
from pathlib import Path

from diplograph.ingest.sources import (
    TEXT_SUFFIXES,
    InputError,
    SourceError,
    folder_files,
    is_url,
    jsonl_article,
    read_text_file,
)
from diplograph.ingest.types import ArticleInput


@dataclass(frozen=True)
class TextShard:
    """Some ``.txt`` articles, with the metadata the command line gave them."""

    paths: tuple[str, ...]
    published: date | None = None
    title: str | None = None
    url: str | None = None

    @property
    def size(self) -> int:
        """Return the number of articles in the shard."""
        return len(self.paths)

    def __str__(self) -> str:
        return self.paths[0] if len(self.paths) == 1 else f"{self.paths[0]} (+{self.size - 1})"


@dataclass(frozen=True)
class JsonlShard:
    """``lines`` lines of a JSON Lines file from byte ``offset`` (line ``first_line``)."""

    path: str
    offset: int
    first_line: int
    lines: int
    articles: int

    @property
    def size(self) -> int:
        """Return the number of articles (non-blank lines) in the shard."""
        return self.articles

    def __str__(self) -> str:
        return f"{self.path}:{self.first_line}-{self.first_line + self.lines - 1}"


@dataclass(frozen=True)
class InlineShard:
    """Articles this process read itself, sent to the worker whole: web pages, feeds, URL
    lists, URLs and standard input (what is read there once, and is small)."""

    items: tuple[ArticleInput | SourceError, ...]
    label: str

    @property
    def size(self) -> int:
        """Return the number of articles (and unreadable ones) in the shard."""
        return len(self.items)

    def __str__(self) -> str:
        return self.label


Shard = TextShard | JsonlShard | InlineShard

OtherReader = Callable[[list[str]], Iterable[ArticleInput | SourceError]]
"""Reads sources that are not ``.txt``/``.jsonl`` files as ``diplograph ingest`` does."""


def split_sources(sources: list[str], *, recursive: bool = True) -> tuple[list[Path], list[str]]:
    """Return the ``.txt``/``.jsonl`` files ``sources`` name (folders listed, sorted), which
    workers read themselves, and the other sources (URLs, ``-``, pages, feeds, URL lists,
    in folders too), which this process reads.

    Raises :class:`~diplograph.ingest.sources.InputError` for a missing path.
    """
    files: list[Path] = []
    others: list[str] = []
    for source in sources:
        if is_url(source) or source == "-":
            others.append(source)
            continue
        path = Path(source)
        if not (path.is_dir() or path.is_file()):
            raise InputError(f"{path}: no such file or directory")
        found = folder_files(path, recursive=recursive) if path.is_dir() else [path]
        for file in found:
            if file.suffix.lower() in TEXT_SUFFIXES:
                files.append(file)
            else:
                others.append(str(file))
    return files, others


def plan_shards(
    paths: list[Path] | list[str],
    *,
    size: int,
    published: date | None = None,
    title: str | None = None,
    url: str | None = None,
    read_others: OtherReader | None = None,
    recursive: bool = True,
) -> Iterator[Shard]:
    """Yield shards of at most ``size`` articles covering every article of ``paths``.

    ``.txt`` and ``.jsonl`` files become shards the workers read; every other source is
    read here by ``read_others`` (the single-process reader, with its options) and sent
    in :class:`InlineShard` s. Raises :class:`~diplograph.ingest.sources.InputError` for a
    path that cannot be used (or another source without ``read_others``), before
    yielding anything.
    """
    if size < 1:
        raise ValueError(f"a shard holds at least one article, not {size}")
    files, others = split_sources([str(p) for p in paths], recursive=recursive)
    if others and read_others is None:
        raise InputError(f"{others[0]}: only .txt and .jsonl files are read here")
    texts: list[str] = []
    for file in files:
        if file.suffix.lower() == ".jsonl":
            yield from _jsonl_shards(file, size)
            continue
        texts.append(str(file))
        if len(texts) == size:
            yield TextShard(tuple(texts), published, title, url)
            texts = []
    if texts:
        yield TextShard(tuple(texts), published, title, url)
    if others and read_others is not None:
        items = list(read_others(others))
        for start in range(0, len(items), size):
            chunk = tuple(items[start : start + size])
            label = f"{others[0]} (+{len(others) - 1})" if len(others) > 1 else others[0]
            yield InlineShard(chunk, f"{label} #{start // size + 1}")


def _jsonl_shards(path: Path, size: int) -> Iterator[JsonlShard]:
    with path.open("rb") as fh:
        yield from _cut_lines(str(path), fh, 0, 1, repeat(size))


def _cut_lines(
    path: str, lines: Iterable[bytes], offset: int, line_no: int, sizes: Iterator[int]
) -> Iterator[JsonlShard]:
    """Yield shards of the JSON Lines ``lines`` of ``path`` (the first at byte ``offset``,
    line ``line_no``) holding ``next(sizes)`` articles each, the last one what is left.

    A shard starts at a non-blank line; the blank lines after its last article are its own.
    """
    start, first, articles = offset, line_no, 0
    size = next(sizes)
    for line in lines:
        if articles == size and line.strip():
            yield JsonlShard(path, start, first, line_no - first, articles)
            start, first, articles = offset, line_no, 0
            size = next(sizes)
        offset += len(line)
        line_no += 1
        if line.strip():
            articles += 1
    if articles:
        yield JsonlShard(path, start, first, line_no - first, articles)


def split_shard(shard: Shard, sizes: Sequence[int]) -> list[Shard]:
    """Return ``shard`` cut into consecutive shards of ``sizes`` articles, in order (their
    sum is the shard's size); a ``.jsonl`` shard's lines are read again to find the cuts."""
    if sum(sizes) != shard.size or min(sizes, default=0) < 1:
        raise ValueError(f"cannot cut a shard of {shard.size} articles into {list(sizes)}")
    ends = list(accumulate(sizes))
    starts = [0, *ends[:-1]]
    if isinstance(shard, TextShard):
        return [replace(shard, paths=shard.paths[a:b]) for a, b in zip(starts, ends, strict=True)]
    if isinstance(shard, InlineShard):
        return [
            InlineShard(shard.items[a:b], f"{shard.label} [{a + 1}-{b}]")
            for a, b in zip(starts, ends, strict=True)
        ]
    with open(shard.path, "rb") as fh:
        fh.seek(shard.offset)
        lines = (fh.readline() for _ in range(shard.lines))
        return list(_cut_lines(shard.path, lines, shard.offset, shard.first_line, iter(sizes)))


def tapered(shards: list[Shard], parallel: int) -> list[Shard]:
    """Return ``shards`` with the last ``parallel`` of them each cut into a half and two
    quarters, every half before every quarter.

    ``parallel`` workers take shards in order, so the last shard taken may start when every
    other worker has one shard or less to go: with whole shards a worker may run alone for
    the time of a whole shard at the end of the run; with quarters, for a quarter.
    """
    if parallel < 1:
        return list(shards)
    head, tail = shards[:-parallel], shards[-parallel:]
    halves: list[Shard] = []
    quarters: list[Shard] = []
    for shard in tail:
        pieces = split_shard(shard, _half_and_quarters(shard.size))
        halves.append(pieces[0])
        quarters.extend(pieces[1:])
    return [*head, *halves, *quarters]


def _half_and_quarters(size: int) -> list[int]:
    """Return ``size`` cut into a half and two quarters (rounded up, leaving out empty ones).

    >>> _half_and_quarters(16), _half_and_quarters(5), _half_and_quarters(2), _half_and_quarters(1)
    ([8, 4, 4], [3, 1, 1], [1, 1], [1])
    """
    half = (size + 1) // 2
    quarter = (size - half + 1) // 2
    return [n for n in (half, quarter, size - half - quarter) if n > 0]


def read_shard(shard: Shard) -> Iterator[ArticleInput | SourceError]:
    """Yield the articles of ``shard``, or an error naming the file (and line) for each bad one."""
    if isinstance(shard, InlineShard):
        yield from shard.items
        return
    if isinstance(shard, TextShard):
        for name in shard.paths:
            yield read_text_file(
                Path(name), published=shard.published, title=shard.title, url=shard.url
            )
        return
    path = Path(shard.path)
    with path.open("rb") as fh:
        fh.seek(shard.offset)
        for n in range(shard.first_line, shard.first_line + shard.lines):
            raw = fh.readline()
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                yield SourceError(str(path), n, "not valid UTF-8")
                continue
            yield jsonl_article(path, n, line)
