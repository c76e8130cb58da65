"""The inbox: WhatsApp's updates stored as they arrive (the webhook's 200 waits for it) and
handled from there, so a killed process loses none.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JsonDoc = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "inbox",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("update_id", sa.String(128), nullable=False),
        sa.Column("sender", sa.String(64), nullable=False),
        sa.Column("written_at", sa.BigInteger(), nullable=False),
        sa.Column("body", JsonDoc, nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("lease_owner", sa.String(64)),
        sa.Column("lease_until", sa.DateTime(timezone=True)),
        sa.UniqueConstraint("channel", "update_id", name="uq_inbox_update"),
    )
    op.create_index("ix_inbox_sender", "inbox", ["channel", "sender", "lease_until"])


def downgrade() -> None:
    op.drop_index("ix_inbox_sender", table_name="inbox")
    op.drop_table("inbox")
