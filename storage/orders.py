"""Orders a seller must ship (typed in or imported from Amazon reports), for ship-by reminders."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, insert, select, update

from storage.base import Part, aware, chunks, now, upsert
from storage.models import orders_t, products_t, sellers_t

OPEN, SHIPPED, CANCELLED = "open", "shipped", "canceled"  # status is 8 characters at most
MANUAL, AMAZON = "manual", "amazon"
IN_CHUNK = 1000  # values per IN (…) list: far under SQLite's and asyncpg's parameter limits
INSERT_CHUNK = 2000


@dataclass(frozen=True, slots=True)
class OrderRecord:
    id: int
    seller_id: int
    product_id: int | None
    sku: str
    title: str | None
    quantity: int
    ship_by: date | None
    source: str
    external_id: str | None
    status: str
    created_at: datetime | None
    shipped_at: datetime | None
    late_flagged_at: datetime | None
    product_answers: Mapping[str, Any] | None = None  # the catalogue product's, when joined


@dataclass(frozen=True, slots=True)
class SkuMatch:
    """A catalogue product found by SKU, with its seller."""

    product_id: int
    sku: str
    seller_id: int
    district: str
    answers: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class LateOrder:
    id: int
    seller_id: int
    seller_name: str
    district: str
    sku: str
    quantity: int
    ship_by: date


def _day(value: Any) -> date | None:
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    if isinstance(value, datetime):
        return value.date()
    return date.fromisoformat(str(value))


def _record(row: Any, answers: Any = None) -> OrderRecord:
    return OrderRecord(
        id=row.id,
        seller_id=row.seller_id,
        product_id=row.product_id,
        sku=row.sku,
        title=row.title,
        quantity=row.quantity,
        ship_by=_day(row.ship_by),
        source=row.source,
        external_id=row.external_id,
        status=row.status,
        created_at=aware(row.created_at),
        shipped_at=aware(row.shipped_at),
        late_flagged_at=aware(row.late_flagged_at),
        product_answers=dict(answers) if answers is not None else None,
    )


class Orders(Part):
    async def create(
        self,
        seller_id: int,
        sku: str,
        quantity: int,
        ship_by: date | None,
        created_by: int,
        product_id: int | None = None,
        title: str | None = None,
    ) -> int:
        """A typed-in order (no external id, so never de-duplicated)."""
        result = await self.run(
            insert(orders_t)
            .values(
                seller_id=seller_id,
                product_id=product_id,
                sku=sku,
                title=title,
                quantity=quantity,
                ship_by=ship_by,
                source=MANUAL,
                external_id=None,
                status=OPEN,
                created_by=created_by,
                created_at=now(),
            )
            .returning(orders_t.c.id)
        )
        return int(result.scalar_one())

    async def add_imported(self, rows: Sequence[Mapping[str, Any]]) -> list[OrderRecord]:
        """Insert imported order lines (each with ``source`` and ``external_id``); those already
        stored are left alone. Returns the new ones."""
        stamp = now()
        values = [
            {
                "seller_id": r["seller_id"],
                "product_id": r.get("product_id"),
                "sku": r["sku"],
                "title": r.get("title"),
                "quantity": r["quantity"],
                "ship_by": r.get("ship_by"),
                "source": r["source"],
                "external_id": r["external_id"],
                "status": OPEN,
                "created_by": r["created_by"],
                "created_at": stamp,
                "shipped_at": None,
                "late_flagged_at": None,
            }
            for r in rows
        ]
        statement = (
            upsert(self.dialect, orders_t)
            .on_conflict_do_nothing(index_elements=["source", "external_id"])
            .returning(*orders_t.columns)
        )
        added: list[OrderRecord] = []
        for chunk in chunks(values, INSERT_CHUNK):
            result = await self.run(statement, list(chunk))
            added += [_record(r) for r in result.all()]
        return added

    async def get(self, order_id: int) -> OrderRecord | None:
        row = (await self.run(select(orders_t).where(orders_t.c.id == order_id))).first()
        return _record(row) if row is not None else None

    async def open_of_seller(self, seller_id: int, limit: int = 200) -> list[OrderRecord]:
        """A seller's open orders, soonest ship-by first (undated last), with product answers."""
        o = orders_t.c
        rows = await self.run(
            select(orders_t, products_t.c.answers.label("product_answers"))
            .select_from(orders_t.outerjoin(products_t, products_t.c.id == o.product_id))
            .where(o.seller_id == seller_id, o.status == OPEN)
            .order_by(o.ship_by.is_(None), o.ship_by, o.id)
            .limit(limit)
        )
        return [_record(r, r.product_answers) for r in rows]

    async def close_imported(
        self, source: str, external_ids: Sequence[str], status: str
    ) -> list[tuple[int, int]]:
        """Open imported orders that a later report says are shipped or cancelled: closed
        with that status. (order id, seller id) of each."""
        if not external_ids:
            return []
        o = orders_t.c
        rows = await self.run(
            update(orders_t)
            .where(
                o.source == source,
                o.external_id.in_(sorted(set(external_ids))),
                o.status == OPEN,
            )
            .values(status=status, shipped_at=now() if status == SHIPPED else o.shipped_at)
            .returning(o.id, o.seller_id)
        )
        return [(int(r.id), int(r.seller_id)) for r in rows]

    async def mark_shipped(self, order_id: int, seller_id: int) -> bool:
        """True when the order was open and is now shipped; False if it already was."""
        o = orders_t.c
        result = await self.run(
            update(orders_t)
            .where(o.id == order_id, o.seller_id == seller_id, o.status == OPEN)
            .values(status=SHIPPED, shipped_at=now())
        )
        return bool(result.rowcount)

    async def by_skus(
        self, skus: Iterable[str], districts: frozenset[str] | None
    ) -> dict[str, SkuMatch]:
        """Catalogue products with these SKUs (compared in upper case) whose seller is in one of
        ``districts`` (None: any), keyed by the upper-case SKU."""
        wanted = sorted({s.strip().upper() for s in skus if s.strip()})
        found: dict[str, SkuMatch] = {}
        p, s = products_t.c, sellers_t.c
        for chunk in chunks(wanted, IN_CHUNK):
            query = (
                select(p.id, p.sku, p.answers, s.user_id, s.district)
                .join(sellers_t, s.user_id == p.seller_id)
                .where(p.sku.in_(list(chunk)))
            )
            if districts is not None:
                query = query.where(s.district.in_(sorted(districts)))
            for r in await self.run(query):
                found[r.sku.upper()] = SkuMatch(
                    r.id, r.sku, r.user_id, r.district, dict(r.answers or {})
                )
        return found

    async def overdue_unflagged(self, today: date) -> list[LateOrder]:
        """Open orders whose ship-by day is before ``today`` and nobody was told about yet."""
        o, s = orders_t.c, sellers_t.c
        rows = await self.run(
            select(o.id, o.seller_id, o.sku, o.quantity, o.ship_by, s.name, s.district)
            .join(sellers_t, s.user_id == o.seller_id)
            .where(o.status == OPEN, o.ship_by < today, o.late_flagged_at.is_(None))
            .order_by(o.ship_by, o.id)
        )
        return [
            LateOrder(r.id, r.seller_id, r.name, r.district, r.sku, r.quantity, _day(r.ship_by))  # type: ignore[arg-type]
            for r in rows
        ]

    async def flag_late(self, order_ids: Sequence[int], at: datetime) -> None:
        for chunk in chunks(sorted(order_ids), IN_CHUNK):
            await self.run(
                update(orders_t).where(orders_t.c.id.in_(list(chunk))).values(late_flagged_at=at)
            )

    async def delete_of_seller(self, seller_id: int) -> None:
        await self.run(delete(orders_t).where(orders_t.c.seller_id == seller_id))

    async def of_seller(self, seller_id: int) -> list[OrderRecord]:
        """Every order of a seller (for /mydata), newest first."""
        rows = await self.run(
            select(orders_t).where(orders_t.c.seller_id == seller_id).order_by(orders_t.c.id.desc())
        )
        return [_record(r) for r in rows]
