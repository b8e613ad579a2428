"""Reading articles from JSON Lines: a bad line is named (file:line: reason) and skipped."""

import json
from pathlib import Path

from diplograph.ingest.sources import SourceError, read_jsonl_file


def test_bad_lines_are_named_and_the_good_ones_read(tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    good = {"id": "ok", "text": "Chile condemned Peru.", "published": "2023-06-14"}
    lines = [
        json.dumps(good).encode(),
        json.dumps({"text": "Chile met Peru.", "title": {"x": 1}}).encode(),
        json.dumps({"text": "Chile met Peru.", "published": 0}).encode(),
        json.dumps({"text": "Chile met Peru.", "published": "0001-01-01"}).encode(),
        json.dumps({"text": "Chile met Peru.", "published": "9999-12-31"}).encode(),
        b'{"text": "Chile met \\ud800 Peru."}',
        json.dumps({"text": "Chile met Peru.", "url": 5}).encode(),
        json.dumps({"text": "Chile met Peru.", "id": [1]}).encode(),
        b"[" * 100_000,
    ]
    batch.write_bytes(b"\n".join(lines) + b"\n")
    items = list(read_jsonl_file(batch))
    assert [i.id for i in items if not isinstance(i, SourceError)] == ["ok"]
    assert [str(i) for i in items if isinstance(i, SourceError)] == [
        f"{batch}:2: 'title' must be a string",
        f"{batch}:3: published 0 is not an ISO date (YYYY-MM-DD)",
        f"{batch}:4: published 0001-01-01 is outside 1800-01-01 .. 2199-12-31",
        f"{batch}:5: published 9999-12-31 is outside 1800-01-01 .. 2199-12-31",
        f"{batch}:6: 'text' holds a lone surrogate (not UTF-8 text)",
        f"{batch}:7: 'url' must be a string",
        f"{batch}:8: 'id' must be a string or a number",
        f"{batch}:9: not valid JSON (nested too deeply)",
    ]
