"""Coordinator broadcasts: who, what, to which segment, when, and whether it was reported."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import exists, func, insert, select, update

from storage.base import Part, aware, now
from storage.models import broadcasts_t, checks_t, outbox_t, products_t, sellers_t, users_t

# Where a seller stands: any / registered without a ready product / with a ready product /
# has had an export check / has not.
STAGES = ("any", "noprod", "ready", "checked", "unchecked")
_OPEN = ("pending", "sending")


@dataclass(frozen=True, slots=True)
class Segment:
    """Who a broadcast goes to. ``districts`` None: all of West Bengal; None elsewhere: any."""

    districts: tuple[str, ...] | None
    craft: str | None = None
    stage: str = "any"
    locale: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "districts": list(self.districts) if self.districts is not None else None,
            "craft": self.craft,
            "stage": self.stage,
            "locale": self.locale,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Segment:
        districts = data.get("districts")
        return cls(
            districts=tuple(districts) if districts is not None else None,
            craft=data.get("craft"),
            stage=data.get("stage") or "any",
            locale=data.get("locale"),
        )


@dataclass(frozen=True, slots=True)
class BroadcastRecord:
    id: int
    creator: int
    main_locale: str
    texts: dict[str, str]
    photo: str | None
    segment: Segment
    due_at: datetime
    recipients: int
    status: str
    created_at: datetime
    reported_at: datetime | None


def _record(row: Any) -> BroadcastRecord:
    return BroadcastRecord(
        id=row.id,
        creator=row.creator,
        main_locale=row.main_locale,
        texts=dict(row.texts or {}),
        photo=row.photo,
        segment=Segment.from_json(row.segment or {}),
        due_at=aware(row.due_at) or now(),
        recipients=row.recipients,
        status=row.status,
        created_at=aware(row.created_at) or now(),
        reported_at=aware(row.reported_at),
    )


def _reachable(segment: Segment) -> list[Any]:
    """Conditions on sellers joined with users: in the segment, not opted out, not blocked."""
    s, u = sellers_t.c, users_t.c
    where: list[Any] = [u.opted_out_at.is_(None), u.blocked_at.is_(None)]
    if segment.districts is not None:
        where.append(s.district.in_(sorted(segment.districts)))
    if segment.craft:
        where.append(s.craft_id == segment.craft)
    if segment.locale:
        where.append(u.locale == segment.locale)
    ready = exists().where(products_t.c.seller_id == s.user_id, products_t.c.status == "ready")
    checked = exists().where(checks_t.c.seller_id == s.user_id)
    stage = {"noprod": ~ready, "ready": ready, "checked": checked, "unchecked": ~checked}
    if segment.stage in stage:
        where.append(stage[segment.stage])
    return where


_JOINED = sellers_t.join(users_t, users_t.c.user_id == sellers_t.c.user_id)


class Broadcasts(Part):
    async def count(self, segment: Segment) -> int:
        """How many sellers a broadcast to ``segment`` would reach now: one counting query."""
        query = select(func.count()).select_from(_JOINED).where(*_reachable(segment))
        return int((await self.run(query)).scalar_one())

    async def recipients(self, segment: Segment) -> list[tuple[int, str]]:
        """(user id, locale) of every seller the segment reaches now: one query."""
        query = (
            select(sellers_t.c.user_id, users_t.c.locale)
            .select_from(_JOINED)
            .where(*_reachable(segment))
            .order_by(sellers_t.c.user_id)
        )
        return [(r.user_id, r.locale or "bn") for r in await self.run(query)]

    async def create(
        self,
        creator: int,
        main_locale: str,
        texts: Mapping[str, str],
        photo: str | None,
        segment: Segment,
        due_at: datetime,
        recipients: int,
    ) -> int:
        result = await self.run(
            insert(broadcasts_t)
            .values(
                creator=creator,
                main_locale=main_locale,
                texts=dict(texts),
                photo=photo,
                segment=segment.as_json(),
                due_at=due_at.astimezone(UTC),  # SQLite keeps no offset: store UTC
                recipients=recipients,
                status="queued",
                created_at=now(),
            )
            .returning(broadcasts_t.c.id)
        )
        return int(result.scalar_one())

    async def get(self, broadcast_id: int) -> BroadcastRecord | None:
        query = select(broadcasts_t).where(broadcasts_t.c.id == broadcast_id)
        row = (await self.run(query)).first()
        return _record(row) if row is not None else None

    async def latest(self, creator: int | None, limit: int) -> list[BroadcastRecord]:
        """Newest first: one creator's, or everybody's (None)."""
        query = select(broadcasts_t).order_by(broadcasts_t.c.id.desc()).limit(limit)
        if creator is not None:
            query = query.where(broadcasts_t.c.creator == creator)
        return [_record(r) for r in await self.run(query)]

    async def finished_unreported(self, limit: int = 100) -> list[BroadcastRecord]:
        """Broadcasts none of whose rows is waiting or in flight, not reported yet."""
        b, o = broadcasts_t.c, outbox_t.c
        waiting = exists().where(o.broadcast_id == b.id, o.status.in_(_OPEN))
        query = (
            select(broadcasts_t)
            .where(b.reported_at.is_(None), ~waiting)
            .order_by(b.id)
            .limit(limit)
        )
        return [_record(r) for r in await self.run(query)]

    async def mark_reported(self, broadcast_id: int, at: datetime) -> bool:
        """True only for the one caller that marks it (concurrent schedulers race here)."""
        b = broadcasts_t.c
        result = await self.run(
            update(broadcasts_t)
            .where(b.id == broadcast_id, b.reported_at.is_(None))
            .values(status="reported", reported_at=at)
        )
        return bool(result.rowcount)
