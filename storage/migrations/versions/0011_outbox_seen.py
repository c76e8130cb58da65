"""When each sent outbox message was delivered and read, where the channel says so
(WhatsApp's status webhooks), for a broadcast's delivered and read counts.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("outbox", sa.Column("delivered_at", sa.DateTime(timezone=True)))
    op.add_column("outbox", sa.Column("read_at", sa.DateTime(timezone=True)))


def downgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("read_at")
        batch.drop_column("delivered_at")
