"""Products and their photos.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JsonDoc = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
Stamp = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "products",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("seller_id", sa.BigInteger(), nullable=False),
        sa.Column("sku", sa.String(32), unique=True),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("district", sa.String(8)),
        sa.Column("craft_id", sa.String(32)),
        sa.Column("price_inr", sa.Integer()),
        sa.Column("stock", sa.Integer()),
        sa.Column("answers", JsonDoc, nullable=False),
        sa.Column("listing", JsonDoc),
        sa.Column("created_at", Stamp, nullable=False),
        sa.Column("updated_at", Stamp, nullable=False),
    )
    op.create_index("ix_products_seller_id", "products", ["seller_id"])
    op.create_index("ix_products_district", "products", ["district"])
    op.create_table(
        "product_photos",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "product_id",
            sa.Integer(),
            sa.ForeignKey("products.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("problems", sa.String(128), nullable=False),
        sa.Column("created_at", Stamp, nullable=False),
        sa.UniqueConstraint("product_id", "content_hash"),
    )
    op.create_index("ix_product_photos_product_id", "product_photos", ["product_id"])


def downgrade() -> None:
    op.drop_table("product_photos")
    op.drop_table("products")
