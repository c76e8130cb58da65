"""Every table, on one MetaData. Only storage/ sees these; everyone else gets plain records.

Each table also has a module-level handle (``users_t`` …) for the SQLAlchemy Core statements
of the repositories, which never use the ORM session.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Sequence,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

JsonDoc = JSON().with_variant(JSONB(), "postgresql")
# A main photo without problems: the partial index of these photos serves the funnel.
GOOD_MAIN_PHOTO = "position = 0 AND problems = ''"


class Base(DeclarativeBase):
    pass


# Our own user ids, for users who arrive on any channel (PostgreSQL; SQLite takes max + 1
# under its single writer). Users from before identities keep their old ids.
USER_IDS = Sequence("user_ids", metadata=Base.metadata)


class User(Base):
    """Everyone who has talked to the bot: language and reachability, no profile. The id is
    ours; the channels a user is reached on are their identities."""

    __tablename__ = "users"

    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    locale: Mapped[str] = mapped_column(String(8), default="bn")
    language_code: Mapped[str | None] = mapped_column(String(16))
    lang_offered: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    blocked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    opted_out_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Identity(Base):
    """A user as one channel knows them: (telegram, their Telegram id), (whatsapp, their
    number), (console, a number typed with --as). One user may have several."""

    __tablename__ = "identities"

    channel: Mapped[str] = mapped_column(String(16), primary_key=True)
    external_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.user_id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


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

    __table_args__ = (
        # /sellers without a stage: by district, newest first.
        Index("ix_sellers_district_registered", "district", "registered_at", "user_id"),
        # Lists newest first; the digest's new registrations; /seller by phone.
        Index("ix_sellers_registered_at", "registered_at"),
        Index("ix_sellers_phone", "phone"),
    )


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

    # Registrations begun and not finished.
    __table_args__ = (Index("ix_conversations_flow", "flow", "updated_at"),)


class ProcessedUpdate(Base):
    """Update ids already handled, per channel, so a redelivered update is not handled twice;
    replied_at says whether its replies went out (if not, the redelivery gets the current
    question)."""

    __tablename__ = "processed_updates"

    channel: Mapped[str] = mapped_column(String(16), primary_key=True)
    update_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    user_id: Mapped[int] = mapped_column(BigInteger)
    processed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    replied_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    claimed_by: Mapped[str | None] = mapped_column(String(16))  # the handling process


class InboxEntry(Base):
    """An update stored the moment it arrives, before it is handled: the webhook answers 200
    only once it is here, and what a killed process had not handled yet is handled after."""

    __tablename__ = "inbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    channel: Mapped[str] = mapped_column(String(16))
    update_id: Mapped[str] = mapped_column(String(128))
    sender: Mapped[str] = mapped_column(String(64))
    written_at: Mapped[int] = mapped_column(BigInteger)  # the platform's timestamp (seconds)
    body: Mapped[dict[str, Any]] = mapped_column(JsonDoc)  # the channel-neutral Inbound
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    lease_owner: Mapped[str | None] = mapped_column(String(64))
    lease_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    __table_args__ = (
        # Meta's retries and duplicates are stored once.
        UniqueConstraint("channel", "update_id", name="uq_inbox_update"),
        Index("ix_inbox_sender", "channel", "sender", "lease_until"),
    )


class AuditEntry(Base):
    """Who read or changed whose personal data, and when."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    actor_id: Mapped[int] = mapped_column(BigInteger)
    subject_id: Mapped[int | None] = mapped_column(BigInteger)
    action: Mapped[str] = mapped_column(String(32))
    detail: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (
        Index("ix_audit_log_at", "at"),
        Index("ix_audit_log_subject", "subject_id"),
        Index("ix_audit_log_action", "action", "id"),  # /audit: the newest reads
    )


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

    # Per seller: any product, any ready one, when last touched.
    __table_args__ = (Index("ix_products_seller_progress", "seller_id", "status", "updated_at"),)


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

    __table_args__ = (
        UniqueConstraint("product_id", "content_hash"),
        Index(
            "ix_product_photos_good_main",
            "product_id",
            sqlite_where=text(GOOD_MAIN_PHOTO),
            postgresql_where=text(GOOD_MAIN_PHOTO),
        ),
    )


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

    # Each seller's newest export check.
    __table_args__ = (Index("ix_eligibility_checks_seller_newest", "seller_id", "id"),)


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


class OutboxEntry(Base):
    """One message to send: who, what (message key or literal text per locale), when, state."""

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    recipient: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(16))
    priority: Mapped[int] = mapped_column(SmallInteger, default=0)  # 0: urgent, 1: bulk
    ref: Mapped[str | None] = mapped_column(String(64))
    message: Mapped[str | None] = mapped_column(String(64))
    args: Mapped[dict[str, Any]] = mapped_column(JsonDoc, default=dict)
    text_by_locale: Mapped[dict[str, str] | None] = mapped_column(JsonDoc)
    buttons: Mapped[list[Any]] = mapped_column(JsonDoc, default=list)
    photo: Mapped[str | None] = mapped_column(Text)
    broadcast_id: Mapped[int | None] = mapped_column(Integer, index=True)
    quiet: Mapped[bool] = mapped_column(Boolean, default=False)
    expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    due_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    status: Mapped[str] = mapped_column(String(8), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    sent_message_id: Mapped[int | None] = mapped_column(BigInteger)
    lease_owner: Mapped[str | None] = mapped_column(String(64))
    lease_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Where the channel reports it (WhatsApp's status webhooks).
    delivered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    read_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    __table_args__ = (
        # NULL refs never conflict (both databases treat NULLs as distinct).
        UniqueConstraint("recipient", "ref", name="uq_outbox_recipient_ref"),
        # "Due pending rows of one priority in due order" is a range scan of this index.
        Index("ix_outbox_claim", "status", "priority", "due_at", "id"),
    )


class Training(Base):
    """One session: what, where, when (UTC), how many seats, who made it."""

    __tablename__ = "trainings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    title: Mapped[str] = mapped_column(Text)
    place: Mapped[str] = mapped_column(Text)
    starts_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    capacity: Mapped[int | None] = mapped_column(Integer)
    invited: Mapped[int] = mapped_column(Integer, default=0)
    created_by: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    cancelled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class TrainingDistrict(Base):
    """The districts whose sellers a training is for."""

    __tablename__ = "training_districts"

    training_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("trainings.id", ondelete="CASCADE"), primary_key=True
    )
    district: Mapped[str] = mapped_column(String(8), primary_key=True, index=True)


class TrainingRsvp(Base):
    """A seller's latest answer to an invitation: yes or no."""

    __tablename__ = "training_rsvps"

    training_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("trainings.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, index=True)
    answer: Mapped[str] = mapped_column(String(3))
    answered_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class TrainingAttendance(Base):
    """A seller marked present by a coordinator."""

    __tablename__ = "training_attendance"

    training_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("trainings.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, index=True)
    marked_by: Mapped[int] = mapped_column(BigInteger)
    marked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Order(Base):
    """One order line a seller has to pack and send by a date."""

    __tablename__ = "orders"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    seller_id: Mapped[int] = mapped_column(BigInteger)
    product_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("products.id", ondelete="SET NULL"), index=True
    )
    sku: Mapped[str] = mapped_column(String(64))
    title: Mapped[str | None] = mapped_column(Text)  # the marketplace's product name
    quantity: Mapped[int] = mapped_column(Integer)
    ship_by: Mapped[date | None] = mapped_column(Date)  # a calendar day in IST
    source: Mapped[str] = mapped_column(String(16))  # manual | amazon
    external_id: Mapped[str | None] = mapped_column(String(128))  # order-id:order-item-id
    status: Mapped[str] = mapped_column(String(8), default="open")  # open | shipped
    created_by: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    shipped_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    late_flagged_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    __table_args__ = (
        # Re-importing a report adds nothing; typed orders have no external id (NULLs differ).
        UniqueConstraint("source", "external_id", name="uq_orders_source_external"),
        Index("ix_orders_seller_status", "seller_id", "status"),
        # The daily overdue scan: open orders by date.
        Index("ix_orders_status_ship_by", "status", "ship_by"),
    )


class Broadcast(Base):
    """One broadcast: its texts per locale, optional photo, segment, due time and outcome."""

    __tablename__ = "broadcasts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    creator: Mapped[int] = mapped_column(BigInteger, index=True)
    main_locale: Mapped[str] = mapped_column(String(8))  # the language the text was written in
    texts: Mapped[dict[str, str]] = mapped_column(JsonDoc)  # locale -> text
    photo: Mapped[str | None] = mapped_column(Text)
    segment: Mapped[dict[str, Any]] = mapped_column(JsonDoc)
    due_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    recipients: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), default="queued")  # queued | reported
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    reported_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class JobRun(Base):
    """A daily job that ran on a (local) day: one row, so restarts do not run it twice."""

    __tablename__ = "job_runs"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    ran_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


users_t = User.__table__
identities_t = Identity.__table__
sellers_t = Seller.__table__
coordinators_t = Coordinator.__table__
conversations_t = Conversation.__table__
updates_t = ProcessedUpdate.__table__
inbox_t = InboxEntry.__table__
audit_t = AuditEntry.__table__
products_t = Product.__table__
photos_t = ProductPhoto.__table__
checks_t = EligibilityCheck.__table__
progress_t = SellerProgress.__table__
outbox_t = OutboxEntry.__table__
trainings_t = Training.__table__
training_districts_t = TrainingDistrict.__table__
rsvps_t = TrainingRsvp.__table__
attendance_t = TrainingAttendance.__table__
orders_t = Order.__table__
broadcasts_t = Broadcast.__table__
job_runs_t = JobRun.__table__
