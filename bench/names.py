"""Measure the name-matching threshold on real spellings: ``python -m bench.names``.

Prints every pair of ``tests/data/name_variants.tsv`` with its score, then a last line
of ``key=value`` figures: the lowest score of two spellings of one person, the highest
of two different people, the threshold in use and whether it separates them.
"""

import csv
from pathlib import Path

from diplograph.core.identity import NAME_MATCH_THRESHOLD, name_similarity

VARIANTS = Path(__file__).resolve().parent.parent / "tests" / "data" / "name_variants.tsv"


def read_pairs(path: Path = VARIANTS) -> list[tuple[str, str, str]]:
    """Return the (kind, a, b) rows of the variants table, comments skipped."""
    with path.open(encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith("#")]
    return [(row["kind"], row["a"], row["b"]) for row in csv.DictReader(lines, delimiter="\t")]


def measure(pairs: list[tuple[str, str, str]]) -> tuple[float, float]:
    """Return (lowest score of a same-person pair, highest score of a different pair)."""
    same = [name_similarity(a, b) for kind, a, b in pairs if kind == "same"]
    different = [name_similarity(a, b) for kind, a, b in pairs if kind == "different"]
    return min(same), max(different)


def main() -> None:
    """Print the scores of every pair and the figures."""
    pairs = read_pairs()
    print(f"{'kind':<10} {'score':>6}  pair")
    for kind, a, b in pairs:
        print(f"{kind:<10} {name_similarity(a, b):6.1f}  {a} / {b}")
    low_same, high_different = measure(pairs)
    separates = high_different < NAME_MATCH_THRESHOLD <= low_same
    print(
        f"pairs={len(pairs)} min_same={low_same:.1f} max_different={high_different:.1f} "
        f"threshold={NAME_MATCH_THRESHOLD} separates={separates}"
    )


if __name__ == "__main__":
    main()
