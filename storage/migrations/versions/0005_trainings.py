"""Trainings: sessions, the districts they are for, sellers' answers and attendance.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _training_id() -> sa.Column:
    return sa.Column(
        "training_id",
        sa.Integer(),
        sa.ForeignKey("trainings.id", ondelete="CASCADE"),
        primary_key=True,
    )


def upgrade() -> None:
    op.create_table(
        "trainings",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("place", sa.Text(), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("capacity", sa.Integer()),
        sa.Column("invited", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("cancelled_at", sa.DateTime(timezone=True)),
    )
    op.create_index("ix_trainings_starts_at", "trainings", ["starts_at"])
    op.create_table(
        "training_districts",
        _training_id(),
        sa.Column("district", sa.String(8), primary_key=True),
    )
    op.create_index("ix_training_districts_district", "training_districts", ["district"])
    op.create_table(
        "training_rsvps",
        _training_id(),
        sa.Column("user_id", sa.BigInteger(), primary_key=True),
        sa.Column("answer", sa.String(3), nullable=False),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_training_rsvps_user_id", "training_rsvps", ["user_id"])
    op.create_table(
        "training_attendance",
        _training_id(),
        sa.Column("user_id", sa.BigInteger(), primary_key=True),
        sa.Column("marked_by", sa.BigInteger(), nullable=False),
        sa.Column("marked_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_training_attendance_user_id", "training_attendance", ["user_id"])


def downgrade() -> None:
    op.drop_table("training_attendance")
    op.drop_table("training_rsvps")
    op.drop_table("training_districts")
    op.drop_table("trainings")
