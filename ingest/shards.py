"""Input split into shards of a few dozen articles, described without reading the articles.

A shard is what one worker extracts at a time: some ``.txt`` files, or a run of lines
of a ``.jsonl`` file given by its byte offset. Planning reads the ``.jsonl`` files once,
line by line, to find where each run starts (nothing is parsed or kept); a worker then
reads its own shard, so the driver never holds the articles of a large input.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
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


Shard = TextShard | JsonlShard


def input_files(paths: list[Path]) -> list[Path]:
    """Return the ``.txt`` and ``.jsonl`` files ``paths`` name (folders listed, sorted).

    Raises :class:`~diplograph.ingest.sources.InputError` for a missing path and for
    sources a worker does not read (URLs, pages, feeds, URL lists: ingest those without
    ``--workers``).
    """
    files: list[Path] = []
    for path in paths:
        found = folder_files(path) if path.is_dir() else [path]
        if is_url(str(path)) or not (path.is_dir() or path.is_file()):
            raise InputError(f"{path}: no such file or directory")
        for file in found:
            if file.suffix.lower() not in TEXT_SUFFIXES:
                raise InputError(
                    f"{file}: --workers and --scheduler read .txt and .jsonl files only "
                    "(ingest pages, feeds and URLs without them)"
                )
            files.append(file)
    return files


def plan_shards(
    paths: list[Path],
    *,
    size: int,
    published: date | None = None,
    title: str | None = None,
    url: str | None = None,
) -> Iterator[Shard]:
    """Yield shards of at most ``size`` articles covering every article of ``paths``.

    Raises :class:`~diplograph.ingest.sources.InputError` for a path that cannot be
    used, before yielding anything.
    """
    if size < 1:
        raise ValueError(f"a shard holds at least one article, not {size}")
    files = input_files(paths)
    texts: list[str] = []
    for file in files:
        if file.suffix == ".jsonl":
            yield from _jsonl_shards(file, size)
            continue
        texts.append(str(file))
        if len(texts) == size:
            yield TextShard(tuple(texts), published, title, url)
            texts = []
    if texts:
        yield TextShard(tuple(texts), published, title, url)


def _jsonl_shards(path: Path, size: int) -> Iterator[JsonlShard]:
    with path.open("rb") as fh:
        start = offset = 0
        first = line_no = 1
        articles = 0
        for line in fh:
            if articles == size and line.strip():
                yield JsonlShard(str(path), start, first, line_no - first, articles)
                start, first, articles = offset, line_no, 0
            offset += len(line)
            line_no += 1
            if line.strip():
                articles += 1
        if articles:
            yield JsonlShard(str(path), start, first, line_no - first, articles)


def read_shard(shard: Shard) -> Iterator[ArticleInput | SourceError]:
    """Yield the articles of ``shard``, or an error naming the file (and line) for each bad one."""
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
