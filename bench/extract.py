"""Extraction throughput: Diplograph's pipeline against plain ``nlp.pipe`` on the same texts.

Run: ``.venv/bin/python -m bench.extract [--repeat N]``. Prints a table of words per
second for (1) spaCy alone parsing the paragraphs, (2) the whole extraction
pipeline in-process, (3) the ``diplograph extract --json`` command end to end
(model load included), and each one's ratio to spaCy alone, all measured now.
"""

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from diplograph.ingest.nlp import get_nlp, get_stock_nlp
from diplograph.ingest.pipeline import extract_many
from diplograph.ingest.sentences import paragraphs
from diplograph.ingest.types import ArticleInput

ROOT = Path(__file__).resolve().parent.parent


def corpus() -> list[ArticleInput]:
    """Return the seed article and the project's dev articles."""
    articles = [
        ArticleInput(id=p.stem, text=p.read_text(encoding="utf-8"))
        for p in sorted((ROOT / "seeds").glob("*.txt"))
    ]
    for path in sorted((ROOT / "eval" / "dev").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        articles.append(ArticleInput(id=gold["id"], text=gold["text"]))
    return articles


def words(articles: list[ArticleInput]) -> int:
    """Return the number of whitespace-separated words in the articles."""
    return sum(len(a.text.split()) for a in articles)


def time_spacy(articles: list[ArticleInput]) -> float:
    """Return the seconds plain ``nlp.pipe`` takes over the articles' paragraphs (the
    stock ``spacy.load`` pipeline, as anyone would run it)."""
    nlp = get_stock_nlp()
    texts = [p.text for a in articles for p in paragraphs(a.text)]
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return time.perf_counter() - start


def time_pipeline(articles: list[ArticleInput]) -> float:
    """Return the seconds the full extraction takes in-process."""
    start = time.perf_counter()
    for _ in extract_many(articles):
        pass
    return time.perf_counter() - start


def time_cli(articles: list[ArticleInput]) -> float:
    """Return the seconds ``diplograph extract --json`` takes on the articles as one .jsonl."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "articles.jsonl"
        path.write_text("".join(json.dumps({"id": a.id, "text": a.text}) + "\n" for a in articles))
        exe = Path(sys.executable).parent / "diplograph"
        start = time.perf_counter()
        subprocess.run(
            [str(exe), "extract", str(path), "--json"], check=True, stdout=subprocess.DEVNULL
        )
        return time.perf_counter() - start


def main() -> None:
    """Print the throughput table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20, help="copies of the corpus to parse")
    args = parser.parse_args()
    base = corpus()
    articles = [
        ArticleInput(id=f"{a.id}-{n}", text=a.text) for n in range(args.repeat) for a in base
    ]
    n_words = words(articles)
    get_nlp()
    get_stock_nlp()
    time_spacy(articles[: len(base)])  # warm-up
    spacy_s = time_spacy(articles)
    pipeline_s = time_pipeline(articles)
    cli_s = time_cli(articles)
    print(f"{len(articles)} articles, {n_words} words")
    print(f"{'what':<36}{'seconds':>10}{'words/s':>12}{'vs spaCy':>10}")
    for name, secs in [
        ("spaCy nlp.pipe (baseline)", spacy_s),
        ("extraction pipeline, in-process", pipeline_s),
        ("diplograph extract --json (CLI)", cli_s),
    ]:
        print(f"{name:<36}{secs:>10.2f}{n_words / secs:>12.0f}{spacy_s / secs:>10.2f}")


if __name__ == "__main__":
    main()
