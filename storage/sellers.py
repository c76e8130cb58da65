"""Registered sellers' profiles: the only table with personal data (phone, GSTIN, PAN)."""

from __future__ import annotations

from dataclasses import asdict
from functools import cache
from typing import Any

from sqlalchemy import bindparam, delete, exists, func, select

from storage.base import Part, aware, now, upsert
from storage.models import outbox_t, sellers_t
from storage.records import SellerRecord

SELLER_FIELDS = tuple(c.name for c in sellers_t.columns)


@cache
def _statements(dialect: str) -> dict[str, Any]:
    seller_values = {name: bindparam(name) for name in SELLER_FIELDS}
    save = (
        upsert(dialect, sellers_t)
        .values(**seller_values)
        .on_conflict_do_update(
            index_elements=["user_id"],
            set_={k: v for k, v in seller_values.items() if k not in ("user_id", "registered_at")},
        )
    )
    get = select(sellers_t).where(sellers_t.c.user_id == bindparam("user_id"))
    return {"save": save, "get": get}


class Sellers(Part):
    async def get(self, user_id: int) -> SellerRecord | None:
        row = (await self.run(_statements(self.dialect)["get"], {"user_id": user_id})).first()
        return seller_record(row) if row is not None else None

    async def save(self, record: SellerRecord) -> None:
        """Create or replace a profile in one statement; keeps the first registration time."""
        stamp = now()
        values = asdict(record)
        values["updated_at"] = stamp
        values["registered_at"] = record.registered_at or stamp
        values["consent_at"] = record.consent_at or stamp
        await self.run(_statements(self.dialect)["save"], values)

    async def delete(self, user_id: int) -> bool:
        result = await self.run(delete(sellers_t).where(sellers_t.c.user_id == user_id))
        return bool(result.rowcount)

    async def count(self) -> int:
        return int((await self.run(select(func.count()).select_from(sellers_t))).scalar())

    async def in_districts(
        self, districts: frozenset[str] | None, limit: int, offset: int = 0
    ) -> list[SellerRecord]:
        """Sellers of these districts (None: all), newest registrations first."""
        query = select(sellers_t).order_by(
            sellers_t.c.registered_at.desc(), sellers_t.c.user_id.desc()
        )
        if districts is not None:
            query = query.where(sellers_t.c.district.in_(sorted(districts)))
        rows = await self.run(query.limit(limit).offset(offset))
        return [seller_record(r) for r in rows]

    async def not_reminded(self, having: str, ref: str) -> list[int]:
        """Sellers with ``having`` ("iec", "gstin" or "all") on their profile and no outbox row
        with ``ref`` yet: one query (the outbox's unique (recipient, ref) index answers it)."""
        s, c = sellers_t.c, outbox_t.c
        query = select(s.user_id).where(~exists().where(c.recipient == s.user_id, c.ref == ref))
        if having == "iec":
            query = query.where(s.iec.is_not(None), s.iec != "")
        elif having == "gstin":
            query = query.where(s.gstin.is_not(None), s.gstin != "")
        elif having != "all":
            raise ValueError(f"unknown seller condition {having!r}")
        rows = await self.run(query.order_by(s.user_id))
        return list(rows.scalars())


def seller_record(row: Any) -> SellerRecord:
    return SellerRecord(
        user_id=row.user_id,
        name=row.name,
        district=row.district,
        phone=row.phone,
        business_name=row.business_name,
        craft_id=row.craft_id,
        craft_text=row.craft_text,
        gstin=row.gstin,
        iec=row.iec,
        udyam=row.udyam,
        consent_at=aware(row.consent_at),
        registered_at=aware(row.registered_at),
        updated_at=aware(row.updated_at),
    )
