"""Identities: users get our own ids, and (channel, external id) pairs map to them, so one
seller can be reached on two channels. Every user so far came by Telegram under their Telegram
id: each keeps that id, now as ours, with a Telegram identity of the same number. Update ids
become per channel (a WhatsApp message id is text).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    stamp = sa.DateTime(timezone=True)
    op.create_table(
        "identities",
        sa.Column("channel", sa.String(16), primary_key=True),
        sa.Column("external_id", sa.String(64), primary_key=True),
        sa.Column(
            "user_id",
            sa.BigInteger(),
            sa.ForeignKey("users.user_id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("created_at", stamp, nullable=False),
        sa.Column("last_seen_at", stamp, nullable=False),
    )
    op.create_index("ix_identities_user_id", "identities", ["user_id"])
    op.execute(
        "INSERT INTO identities (channel, external_id, user_id, created_at, last_seen_at) "
        "SELECT 'telegram', CAST(user_id AS VARCHAR(64)), user_id, created_at, last_seen_at "
        "FROM users"
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(sa.schema.CreateSequence(sa.Sequence("user_ids")))
        op.execute(
            "SELECT setval('user_ids', COALESCE((SELECT max(user_id) FROM users), 0) + 1, false)"
        )
    _rekey_updates(
        sa.Column("channel", sa.String(16), primary_key=True),
        sa.Column("update_id", sa.String(128), primary_key=True),
        select_key="'telegram', CAST(update_id AS VARCHAR(128))",
        insert_key="channel, update_id",
    )


def _rekey_updates(*key: sa.Column, select_key: str, insert_key: str, where: str = "") -> None:
    """processed_updates with another primary key: a new table, the rows copied, swapped in."""
    op.create_table(
        "processed_updates_new",
        *key,
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("processed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("replied_at", sa.DateTime(timezone=True)),
        sa.Column("claimed_by", sa.String(16)),
    )
    op.execute(
        f"INSERT INTO processed_updates_new ({insert_key}, user_id, processed_at, replied_at, "
        f"claimed_by) SELECT {select_key}, user_id, processed_at, replied_at, claimed_by "
        f"FROM processed_updates {where}"
    )
    op.drop_index("ix_processed_updates_processed_at", "processed_updates")
    op.drop_table("processed_updates")
    op.rename_table("processed_updates_new", "processed_updates")
    op.create_index("ix_processed_updates_processed_at", "processed_updates", ["processed_at"])


def downgrade() -> None:
    _rekey_updates(
        sa.Column("update_id", sa.BigInteger(), primary_key=True, autoincrement=False),
        select_key="CAST(update_id AS BIGINT)",
        insert_key="update_id",
        where="WHERE channel = 'telegram'",
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(sa.schema.DropSequence(sa.Sequence("user_ids")))
    op.drop_index("ix_identities_user_id", "identities")
    op.drop_table("identities")
