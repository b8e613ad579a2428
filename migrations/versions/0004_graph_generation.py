"""graph generation: a counter bumped by changes a graph cache cannot apply incrementally

Created after 0002_sources rebuilt ``articles`` and ``events`` (AUTOINCREMENT) and
0003_identity added the occurrence counts: a table rebuilt later would drop these
triggers, so a migration that copies ``events``, ``actors`` or ``sentences`` must
create them again. New events, actors and mentions are read incrementally by id (a new
mention of an event already stored changes its counts, which the cache re-reads); a
deleted mention lowers counts, so it bumps the generation.

Revision ID: 0004_graph_generation
Revises: 0003_identity
Create Date: 2026-12-03 08:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = "0004_graph_generation"
down_revision: str | None = "0003_identity"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BUMP = "UPDATE graph_state SET generation = generation + 1 WHERE id = 1;"
EVENT_COLUMNS = (
    "article_id, sentence_id, source_actor_id, target_actor_id, cameo_code, goldstein, "
    "quad_class, negated, modality, event_date, trigger, confidence"
)
TRIGGERS = {
    "graph_events_updated": f"AFTER UPDATE OF {EVENT_COLUMNS} ON events",
    "graph_events_deleted": "AFTER DELETE ON events",
    "graph_actors_updated": "AFTER UPDATE OF canonical_name, type, country ON actors",
    "graph_actors_deleted": "AFTER DELETE ON actors",
    "graph_sentences_updated": "AFTER UPDATE OF text ON sentences",
    "graph_mentions_deleted": "AFTER DELETE ON event_mentions",
}
"""Changes that bump the generation (new events, actors and mentions are read
incrementally); row triggers on SQLite and PostgreSQL alike."""

PG_FUNCTION = (
    "CREATE OR REPLACE FUNCTION graph_generation_bump() RETURNS trigger LANGUAGE plpgsql AS "
    f"$$ BEGIN {BUMP} RETURN NULL; END $$"
)


def upgrade() -> None:
    op.create_table(
        "graph_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("generation", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_graph_state")),
    )
    op.execute("INSERT INTO graph_state (id, generation) VALUES (1, 0)")
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name, when in TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {when} BEGIN {BUMP} END")
    elif dialect == "postgresql":
        op.execute(PG_FUNCTION)
        for name, when in TRIGGERS.items():
            op.execute(
                f"CREATE TRIGGER {name} {when} FOR EACH ROW EXECUTE FUNCTION graph_generation_bump()"
            )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    elif dialect == "postgresql":
        for name, when in TRIGGERS.items():
            table = when.rsplit(" ON ", 1)[1]
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        op.execute("DROP FUNCTION IF EXISTS graph_generation_bump()")
    op.drop_table("graph_state")
