"""Orders so nothing ships late: typed and imported orders, ship-by reminders, overdue flags."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

from chat import callbacks
from services.catalogue import product_label
from services.order_report import REQUIRED, parse_order_report
from services.when import date_args, local_day
from storage.orders import AMAZON, CANCELLED, SHIPPED
from storage.outbox import OutboxItem
from storage.records import ProductRecord
from storage.unit import Repo

REMIND_DAY_BEFORE = time(9, 0)  # local, the day before the ship-by date
REMIND_ON_THE_DAY = time(8, 0)  # local, on the ship-by date
SHOWN = 20  # unknown SKUs / bad rows listed in an import report


def _at(day: date, moment: time, zone: tzinfo) -> datetime:
    return datetime.combine(day, moment, tzinfo=zone)


def reminder_refs(order_id: int) -> tuple[str, str]:
    return f"ord:{order_id}:d1", f"ord:{order_id}:d0"


def ship_by_reminders(
    order_id: int,
    seller_id: int,
    product: str,
    quantity: int,
    ship_by: date,
    now: datetime,
    zone: tzinfo,
) -> list[OutboxItem]:
    """The day-before (09:00) and on-the-day (08:00) reminders still ahead of ``now``."""
    args = {"product": product, "quantity": quantity, **date_args(ship_by)}
    day_before, on_the_day = reminder_refs(order_id)
    shipped = ((("btn-ord-shipped", callbacks.ORDER_SHIPPED.data(order_id)),),)
    items = [
        OutboxItem(
            recipient=seller_id,
            kind="reminder",
            message="ord-remind-d1",
            args=args,
            buttons=shipped,
            ref=day_before,
            quiet=False,
            expires_at=_at(ship_by, time(0, 0), zone),
            due_at=_at(ship_by - timedelta(days=1), REMIND_DAY_BEFORE, zone),
        ),
        OutboxItem(
            recipient=seller_id,
            kind="reminder",
            message="ord-remind-d0",
            args=args,
            buttons=shipped,
            ref=on_the_day,
            quiet=False,
            expires_at=_at(ship_by + timedelta(days=1), time(0, 0), zone),
            due_at=_at(ship_by, REMIND_ON_THE_DAY, zone),
        ),
    ]
    return [item for item in items if item.due_at is not None and item.due_at > now]


@dataclass(frozen=True, slots=True)
class NewOrder:
    """An order a seller typed in: its id, and how many reminders it will get (0-2)."""

    id: int
    reminders: int


async def create(
    repo: Repo,
    product: ProductRecord,
    quantity: int,
    ship_by: date,
    *,
    creator: int,
    locale: str,
    now: datetime,
    zone: tzinfo,
) -> NewOrder:
    """A seller's own order of one of their products, with its ship-by reminders."""
    order_id = await repo.orders.create(
        seller_id=product.seller_id,
        sku=product.sku,
        quantity=quantity,
        ship_by=ship_by,
        created_by=creator,
        product_id=product.id,
    )
    name = product_label(product.answers, product.sku, locale)
    items = ship_by_reminders(order_id, product.seller_id, name, quantity, ship_by, now, zone)
    await repo.outbox.enqueue(items)
    return NewOrder(order_id, len(items))


async def shipped(repo: Repo, order_id: int, seller_id: int) -> bool:
    """Mark a seller's order shipped (its reminders stop); False when it already was."""
    changed = await repo.orders.mark_shipped(order_id, seller_id)
    if changed:
        await repo.outbox.skip_refs(seller_id, reminder_refs(order_id), "shipped")
    return changed


# --- importing an Amazon order report ---------------------------------------------------------


CLOSED_CODES = ("cancelled", "shipped")  # report lines with nothing left to send


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What an import did; ``problem`` set means the file was not imported at all."""

    added: int = 0
    known: int = 0
    sellers: int = 0
    unknown_skus: tuple[str, ...] = ()  # in file order, each once
    unknown_rows: int = 0
    errors: tuple[tuple[int, str], ...] = ()  # (line number, parse_order_report code)
    no_date: int = 0  # imported without a ship-by date: no reminders for those
    closed: int = 0  # imported earlier, now cancelled or shipped: their reminders stopped
    missing_columns: tuple[str, ...] = ()
    problem: str | None = None  # "too_large" | "not_report" | "missing_columns"

    def plain(self) -> dict[str, Any]:
        """JSON-ready, with at most SHOWN unknown SKUs and bad rows."""
        data = asdict(self)
        data["unknown_skus"] = list(self.unknown_skus[:SHOWN])
        data["unknown_count"] = len(self.unknown_skus)
        # Cancelled and shipped lines are not mistakes: counted apart, not listed.
        errors = [e for e in self.errors if e[1] not in CLOSED_CODES]
        data["errors"] = [list(e) for e in errors[:SHOWN]]
        data["error_count"] = len(errors)
        data["closed_rows"] = len(self.errors) - len(errors)
        return data


def _external_id(order_id: str, item_id: str | None, sku: str) -> str:
    """The de-duplication key: order-id + order-item-id (the parser's own key otherwise)."""
    return f"{order_id[:60]}:{(item_id or 'sku:' + sku)[:66]}"


async def check_report(data: bytes, zone: tzinfo) -> ImportSummary | None:
    """Why a file cannot be imported at all (too big, not a report, columns missing), or None
    when it reads as an order report."""
    result = await asyncio.to_thread(parse_order_report, data, zone)
    if any(code == "too_large" for _, code in result.errors):
        return ImportSummary(problem="too_large")
    if result.missing_columns:
        not_report = set(result.missing_columns) == set(REQUIRED)
        return ImportSummary(
            missing_columns=result.missing_columns,
            problem="not_report" if not_report else "missing_columns",
        )
    return None


async def import_report(
    repo: Repo,
    data: bytes,
    *,
    districts: frozenset[str] | None,
    importer: int,
    now: datetime,
    zone: tzinfo,
) -> ImportSummary:
    """Create the orders of an Amazon order report for the sellers of ``districts`` (None: all)
    whose catalogue SKUs it names, and their ship-by reminders. Idempotent per order line."""
    problem = await check_report(data, zone)
    if problem is not None:
        return problem
    result = await asyncio.to_thread(parse_order_report, data, zone)
    matches = await repo.orders.by_skus((line.sku for line in result.lines), districts)
    unknown: dict[str, None] = {}
    unknown_rows = 0
    rows = []
    for line in result.lines:
        match = matches.get(line.sku.strip().upper())
        if match is None:
            unknown.setdefault(line.sku[:40])
            unknown_rows += 1
            continue
        rows.append(
            {
                "seller_id": match.seller_id,
                "product_id": match.product_id,
                "sku": match.sku,
                "title": (line.product_name or "")[:300] or None,
                "quantity": line.quantity,
                "ship_by": line.ship_by,
                "source": AMAZON,
                "external_id": _external_id(line.order_id, line.order_item_id, line.sku),
                "created_by": importer,
            }
        )
    added = await repo.orders.add_imported(rows)
    closed = 0
    for code, status in (("cancelled", CANCELLED), ("shipped", SHIPPED)):
        ids = [_external_id(o, i, s) for o, i, s, c in result.closed if c == code]
        for order_id, seller_id in await repo.orders.close_imported(AMAZON, ids, status):
            await repo.outbox.skip_refs(seller_id, reminder_refs(order_id), code)
            closed += 1
    recipients = await repo.outbox.recipients({order.seller_id for order in added})
    answers: Mapping[int, Any] = {m.product_id: m.answers for m in matches.values()}
    items: list[OutboxItem] = []
    for order in added:
        if order.ship_by is None:
            continue
        locale = recipients[order.seller_id].locale
        name = product_label(answers.get(order.product_id or 0), order.sku, locale, order.title)
        items += ship_by_reminders(
            order.id, order.seller_id, name, order.quantity, order.ship_by, now, zone
        )
    await repo.outbox.enqueue(items)
    await repo.audit.write(
        importer, None, "import_orders", f"new={len(added)} known={len(rows) - len(added)}"
    )
    return ImportSummary(
        added=len(added),
        known=len(rows) - len(added),
        sellers=len({order.seller_id for order in added}),
        unknown_skus=tuple(unknown),
        unknown_rows=unknown_rows,
        errors=result.errors,
        no_date=sum(1 for order in added if order.ship_by is None),
        closed=closed,
    )


# --- the daily round ------------------------------------------------------------------------


async def flag_overdue(repo: Repo, now: datetime, zone: tzinfo) -> int:
    """Tell the coordinators of each district about orders gone overdue, once per order."""
    late = await repo.orders.overdue_unflagged(local_day(now, zone))
    if not late:
        return 0
    coordinators = await repo.coordinators.of_districts({order.district for order in late})
    items = [
        OutboxItem(
            recipient=coordinator,
            kind="notice",
            message="ord-late-notice",
            args={
                "seller": order.seller_name,
                "sku": order.sku,
                "quantity": order.quantity,
                **date_args(order.ship_by),
            },
            ref=f"ord:{order.id}:late",
            quiet=False,
        )
        for order in late
        for coordinator in coordinators.get(order.district, ())
    ]
    await repo.orders.flag_late([order.id for order in late], now)
    await repo.outbox.enqueue(items)
    return len(late)
