"""Alembic environment: the database URL comes from core settings unless the caller sets one."""

from alembic import context
from sqlalchemy import Connection

from diplograph.core.db import make_engine
from diplograph.core.models import Base
from diplograph.core.settings import get_settings

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Run migrations on a live connection (given by the caller or made from the URL)."""
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = config.get_main_option("sqlalchemy.url") or get_settings().database_url
    engine = make_engine(url)
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            # Batch mode rebuilds a table by copying it and dropping the old one: with foreign
            # keys on, that drop would cascade into every table that references it.
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            conn.commit()
        _run(conn)
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit(
        "offline (SQL script) migrations are not supported; run `diplograph db upgrade`"
    )
run_migrations_online()
