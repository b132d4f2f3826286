"""Links between the actions of a trust's successive plans (issue 15).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03

The table is filled by ``wres.db.links`` whenever a document is stored; a database that
already held plans before this revision gets its links with ``wres relink``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "action_links",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("action_id", sa.Integer(),
                  sa.ForeignKey("actions.id", ondelete="CASCADE"), nullable=False),
        sa.Column("previous_id", sa.Integer(),
                  sa.ForeignKey("actions.id", ondelete="CASCADE"), nullable=True),
        sa.Column("score", sa.Float()),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("appearances", sa.Integer(), nullable=False),
        sa.Column("fate", sa.String(20)),
        sa.Column("plan_order", sa.Integer(), nullable=False),
        sa.UniqueConstraint("action_id", name="uq_action_links_action_id"),
    )
    op.create_index("ix_action_links_previous_id", "action_links", ["previous_id"])


def downgrade() -> None:
    op.drop_index("ix_action_links_previous_id", table_name="action_links")
    op.drop_table("action_links")
