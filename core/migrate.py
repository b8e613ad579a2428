"""Run the Alembic migrations programmatically (used by the CLI and the tests)."""

from pathlib import Path

from alembic import command
from alembic.config import Config

from diplograph import migrations

MIGRATIONS_DIR = Path(migrations.__file__).parent


def alembic_config(database_url: str) -> Config:
    """Return an Alembic config pointing at the project's migrations and ``database_url``."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return config


def upgrade(database_url: str, revision: str = "head") -> None:
    """Upgrade the database at ``database_url`` to ``revision``; returns nothing."""
    command.upgrade(alembic_config(database_url), revision)


def downgrade(database_url: str, revision: str) -> None:
    """Downgrade the database at ``database_url`` to ``revision`` ("base": no table)."""
    command.downgrade(alembic_config(database_url), revision)


def current_revision(database_url: str) -> str | None:
    """Return the revision the database is at, or None for an empty database."""
    from alembic.runtime.migration import MigrationContext

    from diplograph.core.db import make_engine

    engine = make_engine(database_url)
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    finally:
        engine.dispose()


def head_revisions() -> tuple[str, ...]:
    """Return the head revision(s) of the project's migrations."""
    from alembic.script import ScriptDirectory

    return tuple(ScriptDirectory.from_config(alembic_config("sqlite://")).get_heads())


def sqlite_path(database_url: str) -> Path | None:
    """Return the file of a SQLite URL (None for other databases and in-memory SQLite).

    >>> sqlite_path("sqlite:///data/x.db"), sqlite_path("sqlite://"), sqlite_path("postgresql://h/d")
    (PosixPath('data/x.db'), None, None)
    """
    from sqlalchemy.engine import make_url

    url = make_url(database_url)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def schema_problem(database_url: str) -> str | None:
    """Return why the database cannot be used as it is (missing, never migrated, at an older
    revision), or None when it is at the head revision. A missing SQLite file is not created.
    """
    path = sqlite_path(database_url)
    if path is not None and not path.exists():
        return f"no database at {path}"
    current = current_revision(database_url)
    if current is None:
        return "the database has no schema"
    heads = head_revisions()
    if current not in heads:
        return f"the database is at revision {current}, not {' or '.join(heads)}"
    return None
