"""Orders to ship (typed in or imported from Amazon reports), for ship-by reminders.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "orders",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("seller_id", sa.BigInteger(), nullable=False),
        sa.Column(
            "product_id",
            sa.Integer(),
            sa.ForeignKey("products.id", ondelete="SET NULL"),
        ),
        sa.Column("sku", sa.String(64), nullable=False),
        sa.Column("title", sa.Text()),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("ship_by", sa.Date()),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("external_id", sa.String(128)),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("created_by", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("shipped_at", sa.DateTime(timezone=True)),
        sa.Column("late_flagged_at", sa.DateTime(timezone=True)),
        sa.UniqueConstraint("source", "external_id", name="uq_orders_source_external"),
    )
    op.create_index("ix_orders_product_id", "orders", ["product_id"])
    op.create_index("ix_orders_seller_status", "orders", ["seller_id", "status"])
    op.create_index("ix_orders_status_ship_by", "orders", ["status", "ship_by"])


def downgrade() -> None:
    op.drop_table("orders")
