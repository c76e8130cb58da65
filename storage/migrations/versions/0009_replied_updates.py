"""Which process claimed an update and when its replies went out: a redelivered update whose
replies never did (its process died between the commit and the send) gets the current
question again.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("processed_updates") as batch:
        batch.add_column(sa.Column("replied_at", sa.DateTime(timezone=True)))
        batch.add_column(sa.Column("claimed_by", sa.String(16)))


def downgrade() -> None:
    with op.batch_alter_table("processed_updates") as batch:
        batch.drop_column("claimed_by")
        batch.drop_column("replied_at")
