"""Initial schema: users, sellers, coordinators, conversations, processed updates, audit log.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JsonDoc = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
Stamp = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("user_id", sa.BigInteger(), primary_key=True, autoincrement=False),
        sa.Column("locale", sa.String(8), nullable=False),
        sa.Column("language_code", sa.String(16)),
        sa.Column("lang_offered", sa.Boolean(), nullable=False),
        sa.Column("created_at", Stamp, nullable=False),
        sa.Column("last_seen_at", Stamp, nullable=False),
        sa.Column("blocked_at", Stamp),
        sa.Column("opted_out_at", Stamp),
    )
    op.create_table(
        "sellers",
        sa.Column("user_id", sa.BigInteger(), primary_key=True, autoincrement=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("business_name", sa.Text()),
        sa.Column("district", sa.String(8), nullable=False),
        sa.Column("phone", sa.String(20), nullable=False),
        sa.Column("craft_id", sa.String(32)),
        sa.Column("craft_text", sa.Text()),
        sa.Column("gstin", sa.String(15)),
        sa.Column("iec", sa.String(10)),
        sa.Column("udyam", sa.String(19)),
        sa.Column("consent_at", Stamp, nullable=False),
        sa.Column("registered_at", Stamp, nullable=False),
        sa.Column("updated_at", Stamp, nullable=False),
    )
    op.create_index("ix_sellers_district", "sellers", ["district"])
    op.create_table(
        "coordinators",
        sa.Column("user_id", sa.BigInteger(), primary_key=True, autoincrement=False),
        sa.Column("district", sa.String(8), primary_key=True),
        sa.Column("added_by", sa.BigInteger(), nullable=False),
        sa.Column("added_at", Stamp, nullable=False),
    )
    op.create_table(
        "conversations",
        sa.Column("user_id", sa.BigInteger(), primary_key=True, autoincrement=False),
        sa.Column("flow", sa.String(32), nullable=False),
        sa.Column("step", sa.String(32), nullable=False),
        sa.Column("answers", JsonDoc, nullable=False),
        sa.Column("data", JsonDoc, nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", Stamp, nullable=False),
    )
    op.create_table(
        "processed_updates",
        sa.Column("update_id", sa.BigInteger(), primary_key=True, autoincrement=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("processed_at", Stamp, nullable=False),
    )
    op.create_index("ix_processed_updates_processed_at", "processed_updates", ["processed_at"])
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("actor_id", sa.BigInteger(), nullable=False),
        sa.Column("subject_id", sa.BigInteger()),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("detail", sa.Text()),
        sa.Column("at", Stamp, nullable=False),
    )
    op.create_index("ix_audit_log_at", "audit_log", ["at"])
    op.create_index("ix_audit_log_subject", "audit_log", ["subject_id"])


def downgrade() -> None:
    for table in (
        "audit_log",
        "processed_updates",
        "conversations",
        "coordinators",
        "sellers",
        "users",
    ):
        op.drop_table(table)
