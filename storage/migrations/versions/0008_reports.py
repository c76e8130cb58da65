"""The coordinator console: a per-seller progress table (filled from the existing data at the
next start-up, see storage/reports.Reports.heal) and indexes for refreshing it, look-ups by phone,
stuck registrations and the audit log.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GOOD_MAIN = "position = 0 AND problems = ''"

# name, table, columns, partial-index condition: each serves one report query from the index
# alone, without reading the table.
INDEXES: tuple[tuple[str, str, list[str], str | None], ...] = (
    # Per seller: any product, any ready one, when last touched.
    ("ix_products_seller_progress", "products", ["seller_id", "status", "updated_at"], None),
    # "A product whose main photo has no problems": only those photos are in the index.
    ("ix_product_photos_good_main", "product_photos", ["product_id"], GOOD_MAIN),
    # Each seller's newest export check.
    ("ix_eligibility_checks_seller_newest", "eligibility_checks", ["seller_id", "id"], None),
    # /sellers without a stage: by district, newest first.
    (
        "ix_sellers_district_registered",
        "sellers",
        ["district", "registered_at", "user_id"],
        None,
    ),
    # Lists newest first; the digest's new registrations; /seller by phone.
    ("ix_sellers_registered_at", "sellers", ["registered_at"], None),
    ("ix_sellers_phone", "sellers", ["phone"], None),
    # Registrations begun and not finished.
    ("ix_conversations_flow", "conversations", ["flow", "updated_at"], None),
    # /audit: the newest reads.
    ("ix_audit_log_action", "audit_log", ["action", "id"], None),
)


PROGRESS_INDEXES: tuple[tuple[str, list[str]], ...] = (
    ("ix_seller_progress_stage", ["district", "stage", "registered_at", "user_id"]),
    ("ix_seller_progress_any_stage", ["stage", "registered_at", "user_id"]),
    ("ix_seller_progress_pending", ["district", "pending", "since", "user_id"]),
    ("ix_seller_progress_any_pending", ["pending", "since", "user_id"]),
)


def upgrade() -> None:
    stamp = sa.DateTime(timezone=True)
    op.create_table(
        "seller_progress",
        sa.Column(
            "user_id",
            sa.BigInteger(),
            sa.ForeignKey("sellers.user_id", ondelete="CASCADE"),
            primary_key=True,
            autoincrement=False,
        ),
        sa.Column("district", sa.String(8), nullable=False),
        sa.Column("registered_at", stamp),
        sa.Column("products", sa.Integer(), nullable=False),
        sa.Column("ready", sa.Integer(), nullable=False),
        sa.Column("good", sa.Integer(), nullable=False),
        sa.Column("verdict", sa.String(8)),
        sa.Column("checked_at", stamp),
        sa.Column("touched", stamp),
        sa.Column("trained", sa.Integer(), nullable=False),
        sa.Column("answered", sa.Integer(), nullable=False),
        sa.Column("attended", sa.Integer(), nullable=False),
        sa.Column("orders", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(24), nullable=False),
        sa.Column("pending", sa.String(16)),
        sa.Column("since", stamp),
    )
    for name, columns in PROGRESS_INDEXES:
        op.create_index(name, "seller_progress", columns)
    for name, table, columns, where in INDEXES:
        condition = sa.text(where) if where else None
        op.create_index(name, table, columns, sqlite_where=condition, postgresql_where=condition)


def downgrade() -> None:
    for name, table, _, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)
    op.drop_table("seller_progress")
