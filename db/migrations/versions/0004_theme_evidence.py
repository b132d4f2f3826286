"""Theme evidence and several indicators per action.

``action_themes.evidence`` keeps, per theme link, the words of the action that gave the
theme (JSON list), so an analyst can see and challenge a tag. ``action_indicators`` links an
action to every WRES indicator its plan ties it to ("Indicators 5 & 6", "All indicators"),
so comparing by indicator can count an action under each; existing actions get one link
for the indicator they already have.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("action_themes") as batch:
        batch.add_column(sa.Column("evidence", sa.JSON()))
    op.create_table(
        "action_indicators",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("action_id", sa.Integer(),
                  sa.ForeignKey("actions.id", ondelete="CASCADE",
                                name="fk_action_indicators_action_id_actions"),
                  nullable=False),
        sa.Column("indicator", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.UniqueConstraint("action_id", "position", name="uq_action_indicators_action_id"),
    )
    op.create_index("ix_action_indicators_indicator", "action_indicators", ["indicator"])
    op.execute("INSERT INTO action_indicators (action_id, indicator, position) "
               "SELECT id, indicator, 0 FROM actions WHERE indicator IS NOT NULL")


def downgrade() -> None:
    op.drop_index("ix_action_indicators_indicator", table_name="action_indicators")
    op.drop_table("action_indicators")
    with op.batch_alter_table("action_themes") as batch:
        batch.drop_column("evidence")
