"""Actions may carry their own plan's period: a report that holds last year's plan and next
year's gives each action the years of its own plan (issue 11). Null means the period of the
document's plan (``plans.period_start``/``period_end``), as for every action stored before.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("actions") as batch:
        batch.add_column(sa.Column("period_start", sa.Integer()))
        batch.add_column(sa.Column("period_end", sa.Integer()))


def downgrade() -> None:
    with op.batch_alter_table("actions") as batch:
        batch.drop_column("period_end")
        batch.drop_column("period_start")
