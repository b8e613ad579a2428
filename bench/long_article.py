"""Extraction time against article length: is it linear up to the longest accepted article?

Run: ``.venv/bin/python -m bench.long_article [--sizes 25000,50000,100000]``. Builds
articles of each size from the seed and the gold-set texts (repeated; paragraphs kept
whole), extracts each once, and prints seconds, characters per second and the time
relative to a linear extrapolation from the smallest size (1.0 = linear), then a last
``key=value`` line. ``--one-line`` joins each article into a single paragraph. The
largest size defaults to ``DIPLOGRAPH_MAX_ARTICLE_CHARS``.
"""

import argparse
import json
import time
from datetime import date
from pathlib import Path

from diplograph.core.settings import Settings
from diplograph.ingest.nlp import get_nlp
from diplograph.ingest.pipeline import extract_one
from diplograph.ingest.types import ArticleInput

ROOT = Path(__file__).resolve().parent.parent


def source_text() -> str:
    """Return the seed and gold-set articles, one paragraph per line."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for path in sorted((ROOT / "eval").glob("*/*-*.json")):
        texts.append(json.loads(path.read_text(encoding="utf-8"))["text"])
    return "\n".join(t.strip() for t in texts)


def article_of(size: int, source: str) -> str:
    """Return an article of at most ``size`` characters made of whole paragraphs of ``source``."""
    paragraphs = [p for p in source.splitlines() if p.strip()]
    out: list[str] = []
    length = 0
    index = 0
    while True:
        para = paragraphs[index % len(paragraphs)]
        if length + len(para) + 1 > size:
            return "\n".join(out)
        out.append(para)
        length += len(para) + 1
        index += 1


def main() -> None:
    """Time each size and print the table and the ``key=value`` line."""
    parser = argparse.ArgumentParser(description=__doc__)
    largest = Settings().max_article_chars
    parser.add_argument("--sizes", default=f"{largest // 4},{largest // 2},{largest}")
    parser.add_argument(
        "--one-line", action="store_true", help="Join the paragraphs into one line of text."
    )
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    source = source_text()
    get_nlp()
    extract_one(ArticleInput(id="warm", text=article_of(2_000, source)))
    print(f"{'chars':>8} {'events':>7} {'seconds':>8} {'chars/s':>8} {'vs linear':>9}")
    figures: dict[str, str] = {}
    base: float | None = None
    for size in sizes:
        text = article_of(size, source)
        if args.one_line:
            text = text.replace("\n", " ")
        start = time.perf_counter()
        extracted = extract_one(ArticleInput(id="long", text=text, published=date(2024, 1, 1)))
        seconds = time.perf_counter() - start
        base = base or seconds / len(text)
        ratio = seconds / (base * len(text))
        print(
            f"{len(text):>8} {len(extracted.events):>7} {seconds:>8.2f} "
            f"{len(text) / seconds:>8.0f} {ratio:>9.2f}",
            flush=True,
        )
        figures[f"s_{size}"] = f"{seconds:.2f}"
        figures[f"linear_ratio_{size}"] = f"{ratio:.2f}"
    print(" ".join(f"{k}={v}" for k, v in figures.items()))


if __name__ == "__main__":
    main()
