"""Export checks: each saved verdict, with the answers and rules version it was made with."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, func, insert, select

from storage.base import Part, aware, now
from storage.models import checks_t
from storage.records import CheckRecord


def _check_record(row: Any) -> CheckRecord:
    return CheckRecord(
        id=row.id,
        seller_id=row.seller_id,
        product_id=row.product_id,
        description=row.description,
        destination=row.destination,
        status=row.status,
        findings=list(row.findings or []),
        answers=dict(row.answers or {}),
        rules_version=row.rules_version,
        checked_at=aware(row.checked_at) or now(),
    )


class Checks(Part):
    async def save(
        self,
        seller_id: int,
        product_id: int | None,
        description: str | None,
        destination: str | None,
        status: str,
        findings: list[Any],
        answers: dict[str, Any],
        rules_version: str,
    ) -> int:
        result = await self.run(
            insert(checks_t)
            .values(
                seller_id=seller_id,
                product_id=product_id,
                description=description,
                destination=destination,
                status=status,
                findings=findings,
                answers=answers,
                rules_version=rules_version,
                checked_at=now(),
            )
            .returning(checks_t.c.id)
        )
        return int(result.scalar_one())

    async def get(self, check_id: int) -> CheckRecord | None:
        row = (await self.run(select(checks_t).where(checks_t.c.id == check_id))).first()
        return _check_record(row) if row is not None else None

    async def latest_of_seller(self, seller_id: int) -> CheckRecord | None:
        row = (
            await self.run(
                select(checks_t)
                .where(checks_t.c.seller_id == seller_id)
                .order_by(checks_t.c.checked_at.desc(), checks_t.c.id.desc())
                .limit(1)
            )
        ).first()
        return _check_record(row) if row is not None else None

    async def of_seller(self, seller_id: int) -> list[CheckRecord]:
        """Every export check of a seller, oldest first (their data, for /mydata)."""
        rows = await self.run(
            select(checks_t)
            .where(checks_t.c.seller_id == seller_id)
            .order_by(checks_t.c.checked_at, checks_t.c.id)
        )
        return [_check_record(r) for r in rows]

    async def latest_by_product(self, seller_id: int) -> dict[int, CheckRecord]:
        """The newest check of each of a seller's products."""
        rows = await self.run(
            select(checks_t)
            .where(checks_t.c.seller_id == seller_id, checks_t.c.product_id.is_not(None))
            .order_by(checks_t.c.checked_at, checks_t.c.id)
        )
        return {r.product_id: _check_record(r) for r in rows}

    async def latest_for_sellers(self, seller_ids: Iterable[int]) -> dict[int, CheckRecord]:
        """The newest check of each of these sellers, in one query."""
        ids = sorted(set(seller_ids))
        if not ids:
            return {}
        newest = (
            select(checks_t.c.seller_id, func.max(checks_t.c.id).label("id"))
            .where(checks_t.c.seller_id.in_(ids))
            .group_by(checks_t.c.seller_id)
            .subquery()
        )
        rows = await self.run(select(checks_t).join(newest, newest.c.id == checks_t.c.id))
        return {r.seller_id: _check_record(r) for r in rows}

    async def delete_of_seller(self, seller_id: int) -> None:
        await self.run(delete(checks_t).where(checks_t.c.seller_id == seller_id))
