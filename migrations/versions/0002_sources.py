"""sources: extractor version and origin per article and event, seen feed items

Revision ID: 0002_sources
Revises: 0001
Create Date: 2026-12-03 08:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0002_sources'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The tables are rebuilt with AUTOINCREMENT on SQLite, so the id of a deleted article or
    # event is never given again (elsewhere the ids already keep growing, and a rebuild would
    # drop primary keys that foreign keys depend on: PostgreSQL refuses).
    sqlite_rebuild = (
        dict(recreate='always', table_kwargs={'sqlite_autoincrement': True})
        if op.get_bind().dialect.name == 'sqlite'
        else {}
    )
    with op.batch_alter_table('articles', schema=None, **sqlite_rebuild) as batch_op:
        batch_op.add_column(sa.Column('extractor_version', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('origin', sa.String(length=16), server_default='extracted', nullable=False))
        batch_op.create_index(batch_op.f('ix_articles_extractor_version'), ['extractor_version'], unique=False)
    with op.batch_alter_table('events', schema=None, **sqlite_rebuild) as batch_op:
        batch_op.add_column(sa.Column('extractor_version', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('origin', sa.String(length=16), server_default='extracted', nullable=False))
        batch_op.add_column(sa.Column('external_id', sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_events_origin_external_id'), ['origin', 'external_id'])
    op.create_table('feed_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('feed_url', sa.String(length=2000), nullable=False),
    sa.Column('item_key', sa.String(length=2000), nullable=False),
    sa.Column('seen_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=True),
    sa.Column('outcome', sa.String(length=500), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_feed_items_article_id_articles'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_feed_items')),
    sa.UniqueConstraint('feed_url', 'item_key', name=op.f('uq_feed_items_feed_url_item_key'))
    )


def downgrade() -> None:
    op.drop_table('feed_items')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_events_origin_external_id'), type_='unique')
        batch_op.drop_column('external_id')
        batch_op.drop_column('origin')
        batch_op.drop_column('extractor_version')
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_articles_extractor_version'))
        batch_op.drop_column('origin')
        batch_op.drop_column('extractor_version')
