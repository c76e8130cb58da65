"""Coordinator broadcasts, and the marks that let a daily job run once per day.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JsonDoc = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "broadcasts",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("creator", sa.BigInteger(), nullable=False),
        sa.Column("main_locale", sa.String(8), nullable=False),
        sa.Column("texts", JsonDoc, nullable=False),
        sa.Column("photo", sa.Text()),
        sa.Column("segment", JsonDoc, nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recipients", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reported_at", sa.DateTime(timezone=True)),
    )
    op.create_index("ix_broadcasts_creator", "broadcasts", ["creator"])
    op.create_table(
        "job_runs",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("day", sa.Date(), primary_key=True),
        sa.Column("ran_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("job_runs")
    op.drop_table("broadcasts")
