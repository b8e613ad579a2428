"""Read articles from where they are: ``.txt`` (one article), ``.jsonl`` (one per line), HTML
pages, RSS/Atom feeds, ``.urls`` lists, URLs, standard input (``-``) and folders of them.

Every problem with one source is yielded as a :class:`SourceError` (``file:line: reason``)
and the reading goes on: the caller reports it, skips it and exits 1 at the end.
"""

import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from diplograph.core.dates import parse_day
from diplograph.ingest.types import ArticleInput

if TYPE_CHECKING:
    from diplograph.ingest.web import Fetcher

TEXT_SUFFIXES = (".txt", ".jsonl")
PAGE_SUFFIXES = (".html", ".htm")
FEED_SUFFIXES = (".rss", ".atom", ".xml")
URLS_SUFFIX = ".urls"
SUFFIXES = (*TEXT_SUFFIXES, *PAGE_SUFFIXES, *FEED_SUFFIXES, URLS_SUFFIX)
"""What a folder is searched for; other files in it (``.meta.json``...) are passed over."""
STDIN = "-"
UNSUPPORTED = "unsupported file type (use .txt, .jsonl, .html, .rss/.atom/.xml, .urls or a URL)"


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


def parse_date(value: object, *, what: str = "date") -> date | None:
    """Return the ISO date in ``value`` (None and "" give None); raise ValueError with a
    clear message for anything else, numbers included, and for days outside the range
    the store accepts (``core.dates``)."""
    if value is None or value == "":
        return None
    return parse_day(value, what=what)


def is_encodable(text: str) -> bool:
    """Return whether ``text`` can be written as UTF-8 (no lone surrogates)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


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


def _optional_text(obj: dict[str, object], key: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"{key!r} must be a string")
    if not is_encodable(value):
        raise ValueError(f"{key!r} holds a lone surrogate (not UTF-8 text)")
    return value


def jsonl_article(path: Path, n: int, line: str) -> ArticleInput | SourceError:
    """Return the article on line ``n`` of the JSON Lines file ``path``, or what is wrong."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return SourceError(str(path), n, f"not valid JSON ({exc.msg})")
    except RecursionError:
        return SourceError(str(path), n, "not valid JSON (nested too deeply)")
    if not isinstance(obj, dict):
        return SourceError(str(path), n, "expected a JSON object")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        return SourceError(str(path), n, "missing or empty 'text'")
    try:
        text = _optional_text(obj, "text") or text
        title = _optional_text(obj, "title")
        url = _optional_text(obj, "url")
        published = parse_date(obj.get("published"), what="published")
        raw_id = obj.get("id")
        if raw_id is not None and not isinstance(raw_id, str | int):
            raise ValueError("'id' must be a string or a number")
    except ValueError as exc:
        return SourceError(str(path), n, str(exc))
    return ArticleInput(
        id=str(raw_id or f"{path.stem}-{n}"),
        text=text,
        published=published,
        title=title,
        url=url,
    )


def read_jsonl_lines(path: Path, lines: Iterable[str]) -> Iterator[ArticleInput | SourceError]:
    """Yield each article of JSON Lines, or an error naming the bad line of ``path``."""
    for n, line in enumerate(lines, start=1):
        if line.strip():
            yield jsonl_article(path, n, line)


def read_jsonl_file(path: Path) -> Iterator[ArticleInput | SourceError]:
    """Yield each article of a JSON Lines file, or an error naming the bad line."""
    try:
        with path.open(encoding="utf-8") as fh:
            yield from read_jsonl_lines(path, fh)
    except UnicodeDecodeError as exc:
        yield SourceError(str(path), None, f"not UTF-8 text ({exc.reason})")


def is_url(source: str) -> bool:
    """Return whether ``source`` is an http(s) URL rather than a path.

    >>> is_url("https://example.org/a"), is_url("seeds/a.txt")
    (True, False)
    """
    return source.startswith(("http://", "https://"))


def folder_files(folder: Path, *, recursive: bool = True) -> list[Path]:
    """Return the readable files of ``folder`` (and its subfolders unless not ``recursive``),
    sorted, hidden files and folders passed over."""
    found = folder.rglob("*") if recursive else folder.iterdir()
    return sorted(
        p
        for p in found
        if p.is_file()
        and p.suffix.lower() in SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


class SourceReader:
    """Reads sources one after another; owns the web fetcher, made on first use."""

    def __init__(
        self,
        *,
        published: date | None = None,
        title: str | None = None,
        url: str | None = None,
        recursive: bool = True,
        stdin: TextIO | None = None,
        fetcher: "Fetcher | None" = None,
        timeout: float | None = None,
        max_bytes: int | None = None,
    ) -> None:
        self.published = published
        self.title = title
        self.url = url
        self.recursive = recursive
        self._stdin = stdin
        self._fetcher = fetcher
        self._own_fetcher = fetcher is None
        self._timeout = timeout
        self._max_bytes = max_bytes

    def fetcher(self) -> "Fetcher":
        """Return the fetcher (made on first use, with the reader's timeout and size limit)."""
        if self._fetcher is None:
            from diplograph.ingest.web import MAX_BYTES, TIMEOUT, Fetcher

            self._fetcher = Fetcher(
                timeout=self._timeout or TIMEOUT, max_bytes=self._max_bytes or MAX_BYTES
            )
        return self._fetcher

    def close(self) -> None:
        """Close the fetcher if this reader made it; returns nothing."""
        if self._own_fetcher and self._fetcher is not None:
            self._fetcher.close()
            self._fetcher = None

    def read(self, sources: Sequence[str | Path]) -> Iterator[ArticleInput | SourceError]:
        """Yield the articles of every source in order, and an error for each bad one."""
        try:
            for source in sources:
                yield from self.read_one(str(source))
        finally:
            self.close()

    def read_one(self, source: str) -> Iterator[ArticleInput | SourceError]:
        """Yield the articles of one source: ``-``, a URL, a folder or a file."""
        if source == STDIN:
            yield from self._stdin_articles()
        elif is_url(source):
            yield from self._url(source, where=source, line=None)
        else:
            path = Path(source)
            if path.is_dir():
                for file in folder_files(path, recursive=self.recursive):
                    yield from self._file(file)
            elif path.is_file():
                yield from self._file(path)
            else:
                yield SourceError(source, None, "no such file or directory")

    def _stdin_articles(self) -> Iterator[ArticleInput | SourceError]:
        stream = self._stdin or sys.stdin
        try:
            text = stream.read()
        except UnicodeDecodeError as exc:
            yield SourceError("<stdin>", None, f"not UTF-8 text ({exc.reason})")
            return
        if text.lstrip().startswith("{"):
            yield from read_jsonl_lines(Path("<stdin>"), text.splitlines())
        elif not text.strip():
            yield SourceError("<stdin>", None, "the article text is empty")
        else:
            yield ArticleInput("stdin", text, self.published, self.title, self.url)

    def _file(self, path: Path) -> Iterator[ArticleInput | SourceError]:
        suffix = path.suffix.lower()
        if suffix == ".jsonl":
            yield from read_jsonl_file(path)
        elif suffix == ".txt":
            yield read_text_file(path, published=self.published, title=self.title, url=self.url)
        elif suffix in PAGE_SUFFIXES:
            yield self._page_file(path)
        elif suffix in FEED_SUFFIXES:
            yield from self._feed_file(path)
        elif suffix == URLS_SUFFIX:
            yield from self._url_list(path)
        else:
            yield SourceError(str(path), None, UNSUPPORTED)

    def _page_file(self, path: Path) -> ArticleInput | SourceError:
        from diplograph.ingest.web import FetchError, page_article

        try:
            meta = _meta(path)
            when = self.published or parse_date(meta.get("published"), what="published")
            article = page_article(
                path.read_bytes(), self.url or meta.get("url"), article_id=path.stem, published=when
            )
        except (ValueError, FetchError) as exc:
            return SourceError(str(path), None, str(exc))
        if self.title or meta.get("title"):
            title = self.title or meta["title"]
            article = ArticleInput(article.id, article.text, article.published, title, article.url)
        return article

    def _feed_file(self, path: Path) -> Iterator[ArticleInput | SourceError]:
        from diplograph.ingest.web import FetchError, entry_article, feed_entries

        try:
            entries = feed_entries(path.read_bytes())
        except FetchError as exc:
            yield SourceError(str(path), None, str(exc))
            return
        for entry in entries:
            try:
                yield entry_article(entry, self.fetcher(), published=self.published)
            except FetchError as exc:
                yield SourceError(str(path), None, f"{entry.link or entry.key}: {exc}")

    def _url_list(self, path: Path) -> Iterator[ArticleInput | SourceError]:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except UnicodeDecodeError as exc:
            yield SourceError(str(path), None, f"not UTF-8 text ({exc.reason})")
            return
        for n, line in enumerate(lines, start=1):
            url = line.strip()
            if not url or url.startswith("#"):
                continue
            if not is_url(url):
                yield SourceError(str(path), n, f"not an http(s) URL: {url!r}")
                continue
            yield from self._url(url, where=str(path), line=n)

    def _url(
        self, url: str, *, where: str, line: int | None
    ) -> Iterator[ArticleInput | SourceError]:
        from diplograph.ingest.web import url_articles

        for item in url_articles(url, self.fetcher(), published=self.published):
            if isinstance(item, ArticleInput):
                yield item
            else:
                what, reason = item
                prefix = "" if (where == what and line is None) else f"{what}: "
                yield SourceError(where, line, prefix + reason)


def read_paths(
    paths: Sequence[str | Path],
    *,
    published: date | None = None,
    title: str | None = None,
    url: str | None = None,
    recursive: bool = True,
    stdin: TextIO | None = None,
) -> Iterator[ArticleInput | SourceError]:
    """Yield the articles of every source (files, folders, URLs, ``-``) and an error per bad one.

    Folders are read recursively unless ``recursive`` is false.
    """
    reader = SourceReader(
        published=published, title=title, url=url, recursive=recursive, stdin=stdin
    )
    yield from reader.read(paths)
