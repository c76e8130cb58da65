"""Saved eligibility verdicts.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JsonDoc = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "eligibility_checks",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("seller_id", sa.BigInteger(), nullable=False),
        sa.Column(
            "product_id",
            sa.Integer(),
            sa.ForeignKey("products.id", ondelete="SET NULL"),
        ),
        sa.Column("description", sa.Text()),
        sa.Column("destination", sa.String(8)),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("findings", JsonDoc, nullable=False),
        sa.Column("answers", JsonDoc, nullable=False),
        sa.Column("rules_version", sa.String(64), nullable=False),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_eligibility_checks_seller_id", "eligibility_checks", ["seller_id"])
    op.create_index("ix_eligibility_checks_product_id", "eligibility_checks", ["product_id"])
    op.create_index("ix_eligibility_checks_checked_at", "eligibility_checks", ["checked_at"])


def downgrade() -> None:
    op.drop_table("eligibility_checks")
