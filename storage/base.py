"""What every repository shares: one connection, one transaction, and the change tracking that
keeps each seller's progress row current without any repository having to remember it.

Every statement of a repository goes through ``Part.run``. A write to a table that a seller's
progress is computed from (``TRACKED``) gets ``RETURNING`` the seller (or product) it touched, and
the unit of work (``storage.unit.Repo``) refreshes those sellers' ``seller_progress`` rows before
it commits. A new write path is tracked by going through ``run``; nothing else is needed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Column, literal, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import FrozenResult
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.sql.dml import Delete, Insert, Update

from storage.models import (
    attendance_t,
    checks_t,
    orders_t,
    photos_t,
    products_t,
    rsvps_t,
    sellers_t,
)

# Tables a seller's progress is computed from, with the column naming the seller ("seller") or,
# for photos, the product whose seller it is ("product").
TRACKED: dict[str, tuple[Column[Any], str]] = {
    sellers_t.name: (sellers_t.c.user_id, "seller"),
    products_t.name: (products_t.c.seller_id, "seller"),
    photos_t.name: (photos_t.c.product_id, "product"),
    checks_t.name: (checks_t.c.seller_id, "seller"),
    rsvps_t.name: (rsvps_t.c.user_id, "seller"),
    attendance_t.name: (attendance_t.c.user_id, "seller"),
    orders_t.name: (orders_t.c.seller_id, "seller"),
}


TRACKED_KEY = "tracked_key"  # the label of the returned seller or product id


def now() -> datetime:
    return datetime.now(UTC)


def aware(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; everything we store is UTC."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


def utc(value: datetime) -> datetime:
    """A moment to store: in UTC (SQLite drops the offset, so it must be UTC already)."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def upsert(dialect: str, table: Any) -> Any:
    """INSERT with ON CONFLICT support on both SQLite and PostgreSQL."""
    return (postgresql if dialect == "postgresql" else sqlite).insert(table)


def chunks(values: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


@dataclass(slots=True)
class Changes:
    """Sellers (and products, whose seller is looked up at the refresh) whose progress this
    transaction moved."""

    sellers: set[int] = field(default_factory=set)
    products: set[int] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.sellers or self.products)

    def note(self, kind: str, ids: Iterable[Any]) -> None:
        target = self.sellers if kind == "seller" else self.products
        target.update(int(i) for i in ids if i is not None)

    def clear(self) -> None:
        self.sellers.clear()
        self.products.clear()


class Tracked:
    """The result of a tracked write: its rows (RETURNING) can be read as usual, and
    ``rowcount`` is how many rows it touched."""

    def __init__(self, frozen: FrozenResult[Any], rowcount: int) -> None:
        self._frozen = frozen
        self.rowcount = rowcount

    def __getattr__(self, name: str) -> Any:
        return getattr(self._frozen(), name)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._frozen())


def tracked_column(statement: Any) -> tuple[Column[Any], str] | None:
    """The seller (or product) column to return from a write to a tracked table."""
    if not isinstance(statement, Insert | Update | Delete):
        return None
    return TRACKED.get(statement.table.name)


class Part:
    """A repository: statements on the unit of work's connection, writes tracked."""

    def __init__(
        self, connection: AsyncConnection, dialect: str, changes: Changes | None = None
    ) -> None:
        self.connection = connection
        self.dialect = dialect
        self.changes = changes if changes is not None else Changes()

    async def run(
        self, statement: Any, params: Mapping[str, Any] | Sequence[Mapping[str, Any]] | None = None
    ) -> Any:
        """Execute one statement (``params`` a list: executemany). A write to a tracked table
        also returns the seller or product it touched, noted for the progress refresh; its own
        RETURNING columns come first, as written."""
        tracked = tracked_column(statement)
        if tracked is None:
            return await self.connection.execute(statement, params or {})
        column, kind = tracked
        many = isinstance(params, list | tuple)
        if many and not isinstance(statement, Insert):
            raise TypeError("a tracked UPDATE or DELETE runs once, not per parameter set")
        if many and not params:
            return Tracked((await self.connection.execute(select(literal(1)).limit(0))).freeze(), 0)
        returning = statement.returning(column.label(TRACKED_KEY))
        result = await self.connection.execute(returning, params or {})
        frozen = result.freeze()
        rows = frozen().all()
        self.changes.note(kind, (row[-1] for row in rows))
        return Tracked(frozen, len(rows))


class Prefixed:
    """Attribute access to the columns of a row that carry a prefix (a joined table's)."""

    def __init__(self, mapping: Any, prefix: str) -> None:
        self._mapping, self._prefix = mapping, prefix

    def __getattr__(self, name: str) -> Any:
        return self._mapping[self._prefix + name]
