"""Reading the lexicon and gazetteer files shipped in ``ingest/data``."""

import csv
from collections.abc import Iterator
from importlib.resources import files


def read_rows(name: str) -> Iterator[dict[str, str]]:
    """Yield the rows of ``ingest/data/<name>`` as dicts (TSV for .tsv, else CSV; # comments)."""
    text = files("diplograph.ingest").joinpath("data", *name.split("/")).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    delimiter = "\t" if name.endswith(".tsv") else ","
    yield from csv.DictReader(lines, delimiter=delimiter)
