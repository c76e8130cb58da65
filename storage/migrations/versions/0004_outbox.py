"""The outbox: reminders, invitations and broadcasts waiting to be sent.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JsonDoc = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("recipient", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("priority", sa.SmallInteger(), nullable=False),
        sa.Column("ref", sa.String(64)),
        sa.Column("message", sa.String(64)),
        sa.Column("args", JsonDoc, nullable=False),
        sa.Column("text_by_locale", JsonDoc),
        sa.Column("buttons", JsonDoc, nullable=False),
        sa.Column("photo", sa.Text()),
        sa.Column("broadcast_id", sa.Integer()),
        sa.Column("quiet", sa.Boolean(), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True)),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text()),
        sa.Column("sent_message_id", sa.BigInteger()),
        sa.Column("lease_owner", sa.String(64)),
        sa.Column("lease_until", sa.DateTime(timezone=True)),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True)),
        sa.UniqueConstraint("recipient", "ref", name="uq_outbox_recipient_ref"),
    )
    op.create_index("ix_outbox_claim", "outbox", ["status", "priority", "due_at", "id"])
    op.create_index("ix_outbox_broadcast_id", "outbox", ["broadcast_id"])


def downgrade() -> None:
    op.drop_table("outbox")
