"""Database tables. Only storage/ sees these; everyone else gets plain records."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

JsonDoc = JSON().with_variant(JSONB(), "postgresql")


class Base(DeclarativeBase):
    pass


class User(Base):
    """Everyone who has talked to the bot: language and reachability, no profile."""

    __tablename__ = "users"

    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    locale: Mapped[str] = mapped_column(String(8), default="bn")
    language_code: Mapped[str | None] = mapped_column(String(16))
    lang_offered: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    blocked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    opted_out_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Seller(Base):
    """A registered seller's profile: personal data (phone, GSTIN, PAN) lives only here."""

    __tablename__ = "sellers"

    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(Text)
    business_name: Mapped[str | None] = mapped_column(Text)
    district: Mapped[str] = mapped_column(String(8), index=True)
    phone: Mapped[str] = mapped_column(String(20))
    craft_id: Mapped[str | None] = mapped_column(String(32))
    craft_text: Mapped[str | None] = mapped_column(Text)
    gstin: Mapped[str | None] = mapped_column(String(15))
    iec: Mapped[str | None] = mapped_column(String(10))
    udyam: Mapped[str | None] = mapped_column(String(19))
    consent_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    registered_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Coordinator(Base):
    """Which districts a coordinator may see; one row per (person, district)."""

    __tablename__ = "coordinators"

    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    district: Mapped[str] = mapped_column(String(8), primary_key=True)
    added_by: Mapped[int] = mapped_column(BigInteger)
    added_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Conversation(Base):
    """Where a user is in a flow and every answer so far: read and written on every update."""

    __tablename__ = "conversations"

    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    flow: Mapped[str] = mapped_column(String(32))
    step: Mapped[str] = mapped_column(String(32))
    answers: Mapped[dict[str, Any]] = mapped_column(JsonDoc, default=dict)
    data: Mapped[dict[str, Any]] = mapped_column(JsonDoc, default=dict)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    version: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ProcessedUpdate(Base):
    """Update ids already handled, so a redelivered update is not handled twice; replied_at
    says whether its replies went out (if not, the redelivery gets the current question)."""

    __tablename__ = "processed_updates"

    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    user_id: Mapped[int] = mapped_column(BigInteger)
    processed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    replied_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    claimed_by: Mapped[str | None] = mapped_column(String(16))  # the handling process


class AuditEntry(Base):
    """Who read or changed whose personal data, and when."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    actor_id: Mapped[int] = mapped_column(BigInteger)
    subject_id: Mapped[int | None] = mapped_column(BigInteger)
    action: Mapped[str] = mapped_column(String(32))
    detail: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (Index("ix_audit_log_at", "at"), Index("ix_audit_log_subject", "subject_id"))


class Product(Base):
    """One product of a seller: the answers in their words and the composed English listing."""

    __tablename__ = "products"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    seller_id: Mapped[int] = mapped_column(BigInteger, index=True)
    sku: Mapped[str | None] = mapped_column(String(32), unique=True)
    status: Mapped[str] = mapped_column(String(8), default="draft")  # draft | ready
    district: Mapped[str | None] = mapped_column(String(8), index=True)
    craft_id: Mapped[str | None] = mapped_column(String(32))
    price_inr: Mapped[int | None] = mapped_column(Integer)
    stock: Mapped[int | None] = mapped_column(Integer)
    answers: Mapped[dict[str, Any]] = mapped_column(JsonDoc, default=dict)
    listing: Mapped[dict[str, Any] | None] = mapped_column(JsonDoc)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ProductPhoto(Base):
    """A checked photo of a product, stored under DATA_DIR by content hash; position 0 is main."""

    __tablename__ = "product_photos"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    product_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("products.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    content_hash: Mapped[str] = mapped_column(String(64))
    path: Mapped[str] = mapped_column(Text)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    problems: Mapped[str] = mapped_column(String(128), default="")  # comma-separated codes
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (UniqueConstraint("product_id", "content_hash"),)


class EligibilityCheck(Base):
    """A saved verdict: which product (or described item), where to, what the rules said."""

    __tablename__ = "eligibility_checks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    seller_id: Mapped[int] = mapped_column(BigInteger, index=True)
    product_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("products.id", ondelete="SET NULL"), index=True
    )
    description: Mapped[str | None] = mapped_column(Text)
    destination: Mapped[str | None] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(8))  # ready | steps | blocked
    findings: Mapped[list[Any]] = mapped_column(JsonDoc, default=list)
    answers: Mapped[dict[str, Any]] = mapped_column(JsonDoc, default=dict)
    rules_version: Mapped[str] = mapped_column(String(64))
    checked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class SellerProgress(Base):
    """Where each registered seller stands, kept up to date in the transaction of every write
    that moves them (storage/reports.Reports.refresh), so that the coordinator reports read
    one row per seller instead of every product and photo."""

    __tablename__ = "seller_progress"

    user_id: Mapped[int] = mapped_column(
        BigInteger,
        ForeignKey("sellers.user_id", ondelete="CASCADE"),
        primary_key=True,
        autoincrement=False,
    )
    district: Mapped[str] = mapped_column(String(8))
    registered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    products: Mapped[int] = mapped_column(Integer, default=0)
    ready: Mapped[int] = mapped_column(Integer, default=0)  # products with a confirmed listing
    good: Mapped[int] = mapped_column(Integer, default=0)  # 1: a main photo without problems
    verdict: Mapped[str | None] = mapped_column(String(8))  # the latest export check's status
    checked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    touched: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    trained: Mapped[int] = mapped_column(Integer, default=0)  # attended or said yes to one
    answered: Mapped[int] = mapped_column(Integer, default=0)  # answered an invitation
    attended: Mapped[int] = mapped_column(Integer, default=0)
    orders: Mapped[int] = mapped_column(Integer, default=0)  # 1: at least one order
    stage: Mapped[str] = mapped_column(String(24))
    pending: Mapped[str | None] = mapped_column(String(16))
    since: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    __table_args__ = (
        Index("ix_seller_progress_stage", "district", "stage", "registered_at", "user_id"),
        Index("ix_seller_progress_any_stage", "stage", "registered_at", "user_id"),
        Index("ix_seller_progress_pending", "district", "pending", "since", "user_id"),
        Index("ix_seller_progress_any_pending", "pending", "since", "user_id"),
    )
