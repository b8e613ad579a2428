"""identity: event mentions, occurrence counts, article fingerprints, actor claims

Every stored event becomes one occurrence with one mention (its article, sentence,
trigger, date and confidence), so no article and no evidence sentence is lost;
occurrence counts start at 1; each article gets the fingerprint that recognises
near-duplicate copies. Downgrade drops the new tables and columns (an event then
keeps its first mention, as before the upgrade; merged mentions' sentences stay
stored with their articles).

Revision ID: 0003_identity
Revises: 0002_sources
Create Date: 2026-12-03 08:10:00
"""

import hashlib
import re
import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_identity"
down_revision: str | None = "0002_sources"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_NOT_WORD = re.compile(r"[\W_]+")


def _fingerprint(text: str) -> str:
    # Frozen copy of core.texts.fingerprint at this revision: a migration must not change
    # when the code does.
    folded = unicodedata.normalize("NFKC", text).casefold()
    return hashlib.sha256(_NOT_WORD.sub("", folded).encode("utf-8")).hexdigest()


def upgrade() -> None:
    op.create_table(
        "event_mentions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("sentence_id", sa.Integer(), nullable=False),
        sa.Column("trigger", sa.String(length=255), nullable=False),
        sa.Column("event_date", sa.Date(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"],
            name=op.f("fk_event_mentions_article_id_articles"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"],
            name=op.f("fk_event_mentions_event_id_events"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["sentence_id"], ["sentences.id"],
            name=op.f("fk_event_mentions_sentence_id_sentences"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_mentions")),
    )
    with op.batch_alter_table("event_mentions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_mentions_article_id"), ["article_id"])
        batch_op.create_index(batch_op.f("ix_event_mentions_event_id"), ["event_id"])

    op.create_table(
        "actor_claims",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("value", sa.String(length=255), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["actors.id"],
            name=op.f("fk_actor_claims_actor_id_actors"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"],
            name=op.f("fk_actor_claims_article_id_articles"), ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actor_claims")),
    )
    with op.batch_alter_table("actor_claims", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_actor_claims_actor_id"), ["actor_id"])
        batch_op.create_index(batch_op.f("ix_actor_claims_article_id"), ["article_id"])

    with op.batch_alter_table("events", schema=None) as batch_op:
        for column in ("num_mentions", "num_articles", "num_sources"):
            batch_op.add_column(
                sa.Column(column, sa.Integer(), nullable=False, server_default="1")
            )
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.add_column(sa.Column("fingerprint", sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f("ix_articles_fingerprint"), ["fingerprint"])

    bind = op.get_bind()
    bind.execute(
        sa.text(
            "INSERT INTO event_mentions "
            "(event_id, article_id, sentence_id, trigger, event_date, confidence) "
            "SELECT id, article_id, sentence_id, trigger, event_date, confidence "
            "FROM events ORDER BY id"
        )
    )
    rows = bind.execute(sa.text("SELECT id, text FROM articles")).all()
    for article_id, text in rows:
        bind.execute(
            sa.text("UPDATE articles SET fingerprint = :f WHERE id = :id"),
            {"f": _fingerprint(text), "id": article_id},
        )


def downgrade() -> None:
    # Plain ALTER TABLE ... DROP COLUMN (SQLite 3.35+), never a batch copy: with foreign
    # keys on, dropping the old copy of ``articles`` or ``events`` would cascade-delete
    # their sentences and events.
    op.drop_index(op.f("ix_articles_fingerprint"), table_name="articles")
    op.execute("ALTER TABLE articles DROP COLUMN fingerprint")
    for column in ("num_sources", "num_articles", "num_mentions"):
        op.execute(f"ALTER TABLE events DROP COLUMN {column}")
    with op.batch_alter_table("actor_claims", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_actor_claims_article_id"))
        batch_op.drop_index(batch_op.f("ix_actor_claims_actor_id"))
    op.drop_table("actor_claims")
    with op.batch_alter_table("event_mentions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_mentions_event_id"))
        batch_op.drop_index(batch_op.f("ix_event_mentions_article_id"))
    op.drop_table("event_mentions")
