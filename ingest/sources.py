"""Read articles from files: ``.txt`` (one article), ``.jsonl`` (one per line) or a directory."""

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from diplograph.ingest.types import ArticleInput

SUFFIXES = (".txt", ".jsonl")


@dataclass(frozen=True)
class SourceError:
    """An article that could not be read: where it is and why."""

    path: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.reason}"


class InputError(ValueError):
    """A path or option the user gave cannot be used at all."""


def parse_date(value: str | None, *, what: str = "date") -> date | None:
    """Return the ISO date in ``value`` (None stays None); raise ValueError with a clear message."""
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"{what} {value!r} is not an ISO date (YYYY-MM-DD)") from None


def _meta(path: Path) -> dict[str, str]:
    sidecar = path.with_suffix(".meta.json")
    if not sidecar.exists():
        return {}
    data = json.loads(sidecar.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{sidecar}: expected a JSON object")
    return {str(k): str(v) for k, v in data.items() if v is not None}


def read_text_file(
    path: Path, *, published: date | None = None, title: str | None = None, url: str | None = None
) -> ArticleInput | SourceError:
    """Return the article in a .txt file (metadata from options, else from ``<name>.meta.json``)."""
    try:
        text = path.read_text(encoding="utf-8")
        meta = _meta(path)
        when = published or parse_date(meta.get("published"), what="published")
    except (UnicodeDecodeError, ValueError, json.JSONDecodeError) as exc:
        return SourceError(str(path), None, str(exc))
    if not text.strip():
        return SourceError(str(path), None, "the article text is empty")
    return ArticleInput(
        id=path.stem,
        text=text,
        published=when,
        title=title or meta.get("title"),
        url=url or meta.get("url"),
    )


def _jsonl_article(path: Path, n: int, line: str) -> ArticleInput | SourceError:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return SourceError(str(path), n, f"not valid JSON ({exc.msg})")
    if not isinstance(obj, dict):
        return SourceError(str(path), n, "expected a JSON object")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        return SourceError(str(path), n, "missing or empty 'text'")
    try:
        published = parse_date(obj.get("published"), what="published")
    except ValueError as exc:
        return SourceError(str(path), n, str(exc))
    return ArticleInput(
        id=str(obj.get("id") or f"{path.stem}-{n}"),
        text=text,
        published=published,
        title=obj.get("title"),
        url=obj.get("url"),
    )


def read_jsonl_file(path: Path) -> Iterator[ArticleInput | SourceError]:
    """Yield each article of a JSON Lines file, or an error naming the bad line."""
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if line.strip():
                yield _jsonl_article(path, n, line)


def read_paths(
    paths: list[Path],
    *,
    published: date | None = None,
    title: str | None = None,
    url: str | None = None,
) -> Iterator[ArticleInput | SourceError]:
    """Yield the articles of every path (files or directories); raise InputError for a bad path."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.suffix in SUFFIXES and p.is_file()))
        elif path.is_file():
            if path.suffix not in SUFFIXES:
                raise InputError(f"{path}: unsupported file type (use .txt or .jsonl)")
            files.append(path)
        else:
            raise InputError(f"{path}: no such file or directory")
    for file in files:
        if file.suffix == ".jsonl":
            yield from read_jsonl_file(file)
        else:
            yield read_text_file(file, published=published, title=title, url=url)
