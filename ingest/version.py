"""The extractor version: the rules' release plus a digest of the knowledge files they read.

A change to any lexicon or table in ``ingest/data/`` changes the version, so
``diplograph reextract`` can tell which stored articles an older extractor made.
"""

import hashlib
from functools import lru_cache
from pathlib import Path

RULES_VERSION = "rules-0.1"
DATA_DIR = Path(__file__).resolve().parent / "data"


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """Return ``rules-<release>+<first 10 hex digits of the data files' SHA-256>``.

    >>> extractor_version().startswith("rules-0.1+")
    True
    """
    digest = hashlib.sha256()
    for path in sorted(p for p in DATA_DIR.rglob("*") if p.is_file()):
        # Subfolders count too: generated/ holds the converted coding dictionaries.
        name = path.relative_to(DATA_DIR).as_posix()
        digest.update(name.encode("utf-8") + b"\0" + path.read_bytes())
    return f"{RULES_VERSION}+{digest.hexdigest()[:10]}"
