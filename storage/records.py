"""Plain records passed between layers, so nothing outside storage/ holds a live ORM object."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(slots=True)
class UserRecord:
    user_id: int
    locale: str = "bn"
    language_code: str | None = None
    lang_offered: bool = False
    blocked_at: datetime | None = None
    opted_out_at: datetime | None = None
    created_at: datetime | None = None
    is_new: bool = False


@dataclass(slots=True)
class SellerRecord:
    user_id: int
    name: str
    district: str
    phone: str
    business_name: str | None = None
    craft_id: str | None = None
    craft_text: str | None = None
    gstin: str | None = None
    iec: str | None = None
    udyam: str | None = None
    consent_at: datetime | None = None
    registered_at: datetime | None = None
    updated_at: datetime | None = None


@dataclass(slots=True)
class ConversationState:
    """A user's place in a flow. ``answers`` and ``data`` must stay JSON-serialisable."""

    user_id: int
    flow: str
    step: str
    answers: dict[str, Any] = field(default_factory=dict)
    data: dict[str, Any] = field(default_factory=dict)
    active: bool = True
    version: int = 0


@dataclass(slots=True, frozen=True)
class AuditRecord:
    actor_id: int
    subject_id: int | None
    action: str
    detail: str | None
    at: datetime


@dataclass(slots=True, frozen=True)
class PhotoRecord:
    id: int
    product_id: int
    position: int
    content_hash: str
    path: str
    width: int
    height: int
    problems: tuple[str, ...] = ()


@dataclass(slots=True)
class ProductRecord:
    id: int
    seller_id: int
    sku: str
    status: str
    district: str | None
    answers: dict[str, Any]
    listing: dict[str, Any] | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    photos: list[PhotoRecord] = field(default_factory=list)


@dataclass(slots=True, frozen=True)
class CheckRecord:
    id: int
    seller_id: int
    product_id: int | None
    description: str | None
    destination: str | None
    status: str
    findings: list[Any]
    answers: dict[str, Any]
    rules_version: str
    checked_at: datetime
