"""So nothing ships late: new orders, Amazon report import, ship-by and compliance reminders."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

import regex
import yaml

from chat.replies import Choice, Reply
from flows.engine import Accept, Answer, Flow, FlowContext, Parsed, Reject, Step
from flows.product import product_label
from services.order_report import MAX_BYTES, REQUIRED, parse_order_report
from services.text import ascii_digits, localise_digits, lookup_key
from services.when import IST, next_days, parse_day
from storage.orders import AMAZON
from storage.outbox import OutboxItem
from storage.records import ProductRecord
from storage.unit import Repo

ORDER = "ord"
IMPORT = "ordimp"
PRODUCT_CHOICES = 12  # ready products offered as buttons, newest first
MAX_QUANTITY = 10_000
MAX_SHIP_DAYS = 120  # a ship-by date further than this is a typo (or a past day without year)
DAY_BUTTONS = 4  # today, tomorrow, +2, +3
REMIND_DAY_BEFORE = time(9, 0)  # IST, the day before the ship-by date
REMIND_ON_THE_DAY = time(8, 0)  # IST, on the ship-by date
DAILY_AT = time(9, 0)  # IST: compliance reminders never go out before this
SHOWN = 20  # unknown SKUs / bad rows listed in an import report
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
CALENDAR_FILE = "calendar.yaml"
# Why parse_order_report skipped a row, in plain words (codes from services/order_report.py).
ROW_ERRORS = {
    "no_order_id": "ord-import-err-no-order-id",
    "no_sku": "ord-import-err-no-sku",
    "bad_quantity": "ord-import-err-quantity",
    "bad_date": "ord-import-err-date",
    "shipped": "ord-import-err-shipped",
}
_COUNT = regex.compile(r"(\d{1,7})\s*[\p{L}\p{M}.]*")


# --- shared helpers --------------------------------------------------------------------------


def date_args(day: date) -> dict[str, Any]:
    """Arguments of every message showing a day: { ord-weekday } { $day }/{ $month }."""
    return {"day": day.day, "month": day.month, "weekday": WEEKDAYS[day.weekday()]}


def today_ist(now: datetime) -> date:
    return now.astimezone(IST).date()


def _at(day: date, moment: time) -> datetime:
    return datetime.combine(day, moment, tzinfo=IST)


def _reminder(
    *,
    order_id: int,
    seller_id: int,
    tag: str,
    due: datetime,
    expires: datetime,
    message_key: str,
    args: Mapping[str, Any],
) -> OutboxItem:
    return OutboxItem(
        recipient=seller_id,
        kind="reminder",
        message=message_key,
        args=args,
        buttons=((("btn-ord-shipped", f"ord:ship:{order_id}"),),),
        ref=f"ord:{order_id}:{tag}",
        quiet=False,
        expires_at=expires,
        due_at=due,
    )


def ship_by_reminders(
    order_id: int, seller_id: int, product: str, quantity: int, ship_by: date, now: datetime
) -> list[OutboxItem]:
    """The day-before (09:00 IST) and on-the-day (08:00 IST) reminders still ahead of ``now``."""
    args = {"product": product, "quantity": quantity, **date_args(ship_by)}
    items = [
        _reminder(
            order_id=order_id,
            seller_id=seller_id,
            tag="d1",
            due=_at(ship_by - timedelta(days=1), REMIND_DAY_BEFORE),
            expires=_at(ship_by, time(0, 0)),
            message_key="ord-remind-d1",
            args=args,
        ),
        _reminder(
            order_id=order_id,
            seller_id=seller_id,
            tag="d0",
            due=_at(ship_by, REMIND_ON_THE_DAY),
            expires=_at(ship_by + timedelta(days=1), time(0, 0)),
            message_key="ord-remind-d0",
            args=args,
        ),
    ]
    return [item for item in items if item.due_at is not None and item.due_at > now]


def reminder_refs(order_id: int) -> tuple[str, str]:
    return f"ord:{order_id}:d1", f"ord:{order_id}:d0"


# --- the new-order flow -----------------------------------------------------------------------


def order_start_data(products: Iterable[ProductRecord], locale: str) -> dict[str, Any]:
    """The seller's ready products as button choices (names made unique with the SKU)."""
    ready = [p for p in products if p.status == "ready"][:PRODUCT_CHOICES]
    names = [product_label(p.answers, p.sku, locale) for p in ready]
    items = []
    for product, name in zip(ready, names, strict=True):
        if names.count(name) > 1:
            name = f"{name} · {product.sku}"
        items.append({"id": product.id, "name": name, "sku": product.sku})
    return {"products": items}


def _product_item(ctx: FlowContext, value: Any) -> dict[str, Any] | None:
    return next((p for p in ctx.data.get("products", ()) if f"p{p['id']}" == value), None)


def _product_choices(ctx: FlowContext) -> list[Choice]:
    return [Choice(f"p{p['id']}", text=p["name"]) for p in ctx.data.get("products", ())]


def _parse_product(answer: Answer, ctx: FlowContext) -> Parsed:
    if answer.value is not None:
        if _product_item(ctx, answer.value) is None:
            return Reject(Reply("error-stale-button"))
        return Accept(answer.value)
    if answer.media:
        return Reject(Reply("error-not-text", {"kind": answer.media}))
    typed = lookup_key(answer.text or "")
    for item in ctx.data.get("products", ()):
        if typed and typed in (lookup_key(item["sku"]), lookup_key(item["name"])):
            return Accept(f"p{item['id']}")
    return Reject(Reply("ord-product-use-buttons"))


def _show_product(value: Any, ctx: FlowContext) -> str:
    item = _product_item(ctx, value)
    return item["name"] if item else ""


def parse_count(text: str) -> int | None:
    """A count as typed: "5", "৫", "৫টা", "5 pcs", "५"; None when it is not one."""
    match = _COUNT.fullmatch(ascii_digits(text.strip()))
    return int(match.group(1)) if match else None


def _quantity_choices(ctx: FlowContext) -> list[Choice]:
    return [Choice(str(n), text=localise_digits(str(n), ctx.locale)) for n in range(1, 6)]


def _parse_quantity(answer: Answer, ctx: FlowContext) -> Parsed:
    if answer.media:
        return Reject(Reply("error-not-text", {"kind": answer.media}))
    count = parse_count(answer.value or answer.text or "")
    if count is None or count < 1:
        return Reject(Reply("ord-quantity-invalid"))
    if count > MAX_QUANTITY:
        return Reject(Reply("ord-quantity-too-many", {"max": MAX_QUANTITY}))
    return Accept(count)


def _day_choices(ctx: FlowContext) -> list[Choice]:
    days = next_days(ctx.now, DAY_BUTTONS)
    keys = ("ord-day-today", "ord-day-tomorrow")
    return [
        Choice(
            day.isoformat(),
            key=keys[i] if i < len(keys) else "ord-day-other",
            args=date_args(day),
        )
        for i, day in enumerate(days)
    ]


def _parse_ship_by(answer: Answer, ctx: FlowContext) -> Parsed:
    today = today_ist(ctx.now)
    if answer.value is not None:
        try:
            day = date.fromisoformat(answer.value)
        except ValueError:
            return Reject(Reply("error-stale-button"))
        if day < today:
            return Reject(Reply("ord-date-past"))
        return Accept(day.isoformat())
    if answer.media:
        return Reject(Reply("error-not-text", {"kind": answer.media}))
    if not answer.text:
        return Reject(Reply("ord-date-unclear"))
    parsed = parse_day(answer.text, now=ctx.now, max_days=MAX_SHIP_DAYS)
    if parsed.error == "past":
        return Reject(Reply("ord-date-past"))
    if parsed.error == "too_far":
        return Reject(Reply("ord-date-too-far", {"max": MAX_SHIP_DAYS}))
    if parsed.error or parsed.value is None:
        return Reject(Reply("ord-date-unclear"))
    day = parsed.value.astimezone(IST).date()
    notes = (Reply("ord-date-check", date_args(day)),) if parsed.ambiguous else ()
    return Accept(day.isoformat(), notes)


def _show_day(value: Any, ctx: FlowContext) -> Reply:
    return Reply("ord-date", date_args(date.fromisoformat(value)))


async def _finish_order(ctx: FlowContext) -> list[Reply]:
    item = _product_item(ctx, ctx.answers.get("product"))
    product = await ctx.repo.products.get(item["id"]) if item else None
    if item is None or product is None or product.seller_id != ctx.user_id:
        return [Reply("ord-product-gone")]
    quantity = int(ctx.answers["quantity"])
    ship_by = date.fromisoformat(ctx.answers["ship_by"])
    order_id = await ctx.repo.orders.create(
        seller_id=ctx.user_id,
        sku=product.sku,
        quantity=quantity,
        ship_by=ship_by,
        created_by=ctx.user_id,
        product_id=product.id,
    )
    name = product_label(product.answers, product.sku, ctx.locale)
    reminders = ship_by_reminders(order_id, ctx.user_id, name, quantity, ship_by, ctx.now)
    await ctx.repo.outbox.enqueue(reminders)
    args = {"product": name, "quantity": quantity, **date_args(ship_by)}
    buttons = (
        (Choice(f"ord:ship:{order_id}", key="btn-ord-shipped"),),
        (Choice("ord:new", key="btn-ord-new"),),
        (Choice("ord:list", key="btn-ord-list"),),
    )
    if len(reminders) == 2:
        return [Reply("ord-saved", args, choices=buttons)]
    if reminders:
        return [Reply("ord-saved-morning", args, choices=buttons)]
    return [Reply("ord-saved-no-reminder", args, choices=buttons)]


new_order = Flow(
    ORDER,
    (
        Step(
            "product",
            "ord-ask-product",
            _parse_product,
            choices=_product_choices,
            label="ord-field-product",
            show=_show_product,
            help="ord-help-product",
        ),
        Step(
            "quantity",
            "ord-ask-quantity",
            _parse_quantity,
            choices=_quantity_choices,
            per_row=5,
            label="ord-field-quantity",
            show=lambda value, ctx: int(value),
            help="ord-help-quantity",
        ),
        Step(
            "ship_by",
            "ord-ask-ship-by",
            _parse_ship_by,
            choices=_day_choices,
            per_row=2,
            label="ord-field-ship-by",
            show=_show_day,
            help="ord-help-ship-by",
        ),
    ),
    finish=_finish_order,
    review_key="ord-review",
    cancelled_key="ord-cancelled",
    keep_on_cancel=False,
)


# --- importing an Amazon order report ------------------------------------------------------


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
    missing_columns: tuple[str, ...] = ()
    problem: str | None = None  # "too_large" | "not_report" | "missing_columns"

    def plain(self) -> dict[str, Any]:
        """JSON-ready (it waits in the conversation state until the flow finishes)."""
        data = asdict(self)
        data["unknown_skus"] = list(self.unknown_skus[:SHOWN])
        data["unknown_count"] = len(self.unknown_skus)
        data["errors"] = [list(e) for e in self.errors[:SHOWN]]
        data["error_count"] = len(self.errors)
        return data


def _external_id(order_id: str, item_id: str | None, sku: str) -> str:
    """The de-duplication key: order-id + order-item-id (the parser's own key otherwise)."""
    return f"{order_id[:60]}:{(item_id or 'sku:' + sku)[:66]}"


async def import_report(
    repo: Repo,
    data: bytes,
    *,
    districts: frozenset[str] | None,
    importer: int,
    now: datetime,
) -> ImportSummary:
    """Create the orders of an Amazon order report for the sellers of ``districts`` (None: all)
    whose catalogue SKUs it names, and their ship-by reminders. Idempotent per order line."""
    result = await asyncio.to_thread(parse_order_report, data)
    if any(code == "too_large" for _, code in result.errors):
        return ImportSummary(problem="too_large")
    if result.missing_columns:
        not_report = set(result.missing_columns) == set(REQUIRED)
        return ImportSummary(
            missing_columns=result.missing_columns,
            problem="not_report" if not_report else "missing_columns",
        )
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
    recipients = await repo.outbox.recipients({order.seller_id for order in added})
    answers = {m.product_id: m.answers for m in matches.values()}
    items: list[OutboxItem] = []
    for order in added:
        if order.ship_by is None:
            continue
        locale = recipients[order.seller_id].locale
        name = product_label(answers.get(order.product_id or 0), order.sku, locale, order.title)
        items += ship_by_reminders(
            order.id, order.seller_id, name, order.quantity, order.ship_by, now
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
    )


def import_problem(summary: ImportSummary) -> Reply:
    """Why a file was not imported at all."""
    if summary.problem == "too_large":
        return Reply("ord-import-too-big", {"max": MAX_BYTES // (1024 * 1024)})
    if summary.problem == "missing_columns":
        return Reply("ord-import-missing", {"columns": ", ".join(summary.missing_columns)})
    return Reply("ord-import-not-report")


def import_replies(summary: Mapping[str, Any]) -> list[Reply]:
    """The report to the coordinator, from ``ImportSummary.plain()``."""
    parts: list[Reply] = []
    if summary["no_date"]:
        parts.append(Reply("ord-import-no-date", {"count": summary["no_date"]}))
    if summary["unknown_count"]:
        parts.append(
            Reply(
                "ord-import-unknown",
                {
                    "count": summary["unknown_count"],
                    "rows": summary["unknown_rows"],
                    "skus": ", ".join(summary["unknown_skus"]),
                },
            )
        )
        if summary["unknown_count"] > len(summary["unknown_skus"]):
            more = summary["unknown_count"] - len(summary["unknown_skus"])
            parts.append(Reply("ord-import-more", {"count": more}))
    if summary["error_count"]:
        parts.append(Reply("ord-import-errors", {"count": summary["error_count"]}))
        for row, code in summary["errors"]:
            reason = Reply(ROW_ERRORS.get(code, "ord-import-err-other"))
            parts.append(Reply("ord-import-error-line", {"row": row, "reason": reason}))
        if summary["error_count"] > len(summary["errors"]):
            more = summary["error_count"] - len(summary["errors"])
            parts.append(Reply("ord-import-more", {"count": more}))
    head = {"added": summary["added"], "known": summary["known"], "sellers": summary["sellers"]}
    return [Reply("ord-import-done", head, parts=tuple(parts))]


async def _parse_file(answer: Answer, ctx: FlowContext) -> Parsed:
    upload = answer.upload if isinstance(answer.upload, dict) else None
    if answer.media != "document":
        return Reject(Reply("ord-import-send-file"))
    if upload is not None and upload.get("error") == "too_big":
        return Reject(Reply("ord-import-too-big", {"max": MAX_BYTES // (1024 * 1024)}))
    if upload is None or not isinstance(upload.get("bytes"), bytes):
        return Reject(Reply("ord-import-unreadable"))
    districts = ctx.data.get("districts")
    summary = await import_report(
        ctx.repo,
        upload["bytes"],
        districts=frozenset(districts) if districts is not None else None,
        importer=ctx.user_id,
        now=ctx.now,
    )
    if summary.problem is not None:
        return Reject(import_problem(summary))
    ctx.data["summary"] = summary.plain()
    return Accept(True)


async def _finish_import(ctx: FlowContext) -> list[Reply]:
    return import_replies(ctx.data["summary"])


import_orders = Flow(
    IMPORT,
    (Step("file", "ord-import-ask", _parse_file, help="ord-import-help", raw_document=True),),
    finish=_finish_import,
    cancelled_key="ord-cancelled",
    keep_on_cancel=False,
)


# --- the compliance calendar ---------------------------------------------------------------

_ID = regex.compile(r"[a-z][a-z0-9_]{0,11}")
_MESSAGE = regex.compile(r"cal-[a-z0-9-]{1,40}")
_MONTH_DAY = regex.compile(r"(\d\d)-(\d\d)")
WHO = ("iec", "gstin", "all")


class CalendarError(ValueError):
    """calendar.yaml is wrong: names the file, the entry and the reason."""


@dataclass(frozen=True, slots=True)
class CalendarReminder:
    obligation: str
    id: str
    who: str
    on: tuple[int, int]  # (month, day)
    until: tuple[int, int]
    message: str
    deadline: tuple[int, int]
    opens: tuple[int, int] | None
    source: str = field(repr=False)

    def ref(self, year: int) -> str:
        return f"{self.obligation}:{year}:{self.id}"

    def window(self, year: int) -> tuple[date, date]:
        return date(year, *self.on), date(year, *self.until)

    def args(self, year: int) -> dict[str, Any]:
        args: dict[str, Any] = {"day": self.deadline[1], "month": self.deadline[0], "year": year}
        if self.opens is not None:
            args |= {"from_day": self.opens[1], "from_month": self.opens[0]}
        return args


def _month_day(value: Any, where: str, file: str) -> tuple[int, int]:
    match = _MONTH_DAY.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        raise CalendarError(f'{file}: {where}: write the date as "MM-DD" in quotes')
    month, day = int(match.group(1)), int(match.group(2))
    try:
        date(2027, month, day)  # not a leap year: 29 February does not come every year
    except ValueError:
        raise CalendarError(f"{file}: {where}: {value} is not a date every year") from None
    return month, day


def _text(entry: Mapping[str, Any], name: str, where: str, file: str) -> str:
    value = entry.get(name)
    if not isinstance(value, str) or not value.strip():
        raise CalendarError(f"{file}: {where}: `{name}` is missing")
    return value.strip()


def parse_calendar(raw: str, file: str = CALENDAR_FILE) -> tuple[CalendarReminder, ...]:
    """Every reminder of a calendar file, checked; raises CalendarError on any mistake."""
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as e:
        raise CalendarError(f"{file}: not valid YAML: {e}") from None
    if not isinstance(data, dict) or not isinstance(data.get("obligations"), list):
        raise CalendarError(f"{file}: needs a list `obligations:`")
    reminders: list[CalendarReminder] = []
    seen: set[str] = set()
    for n, entry in enumerate(data["obligations"], 1):
        if not isinstance(entry, dict):
            raise CalendarError(f"{file}: obligation {n} is not a mapping")
        oid = entry.get("id")
        if not isinstance(oid, str) or not _ID.fullmatch(oid) or oid in seen:
            raise CalendarError(f"{file}: obligation {n}: a missing, bad or repeated id")
        seen.add(oid)
        where = f"obligation {oid}"
        who = entry.get("who")
        if who not in WHO:
            raise CalendarError(f"{file}: {where}: `who` must be one of {', '.join(WHO)}")
        deadline = _month_day(entry.get("deadline"), f"{where}, deadline", file)
        opens = entry.get("opens")
        opened = _month_day(opens, f"{where}, opens", file) if opens is not None else None
        if opened is not None and opened > deadline:
            raise CalendarError(f"{file}: {where}: opens after its deadline")
        source = _text(entry, "source", where, file)
        listed = entry.get("reminders")
        if not isinstance(listed, list) or not listed:
            raise CalendarError(f"{file}: {where}: needs a list `reminders:`")
        ids: set[str] = set()
        for item in listed:
            rid = item.get("id") if isinstance(item, dict) else None
            if not isinstance(rid, str) or not _ID.fullmatch(rid) or rid in ids:
                raise CalendarError(f"{file}: {where}: a reminder with a missing or bad id")
            ids.add(rid)
            at = f"{where}, reminder {rid}"
            on = _month_day(item.get("from"), f"{at}, from", file)
            until = _month_day(item.get("until"), f"{at}, until", file)
            if not on <= until <= deadline:
                raise CalendarError(f"{file}: {at}: needs from ≤ until ≤ the deadline")
            message = _text(item, "message", at, file)
            if not _MESSAGE.fullmatch(message):
                raise CalendarError(f"{file}: {at}: a message name looks like cal-…")
            reminders.append(
                CalendarReminder(oid, rid, who, on, until, message, deadline, opened, source)
            )
    return tuple(reminders)


@functools.cache
def _default_calendar() -> tuple[CalendarReminder, ...]:
    resource = resources.files("content") / "data" / CALENDAR_FILE
    return parse_calendar(resource.read_text(encoding="utf-8"))


def load_calendar(path: Path | None = None) -> tuple[CalendarReminder, ...]:
    """content/data/calendar.yaml (read and checked once), or another file (tests)."""
    if path is None:
        return _default_calendar()
    return parse_calendar(Path(path).read_text(encoding="utf-8"), Path(path).name)


def due_reminders(
    today: date, calendar: Iterable[CalendarReminder] | None = None
) -> list[tuple[CalendarReminder, int]]:
    """The reminders whose sending window (from … until, this year) includes ``today``."""
    due = []
    for reminder in load_calendar() if calendar is None else calendar:
        start, end = reminder.window(today.year)
        if start <= today <= end:
            due.append((reminder, today.year))
    return due


# --- the daily job -------------------------------------------------------------------------


async def _late_notices(repo: Repo, today: date, now: datetime) -> list[OutboxItem]:
    late = await repo.orders.overdue_unflagged(today)
    if not late:
        return []
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
    return items


async def _compliance(
    repo: Repo, today: date, now: datetime, calendar: Iterable[CalendarReminder] | None
) -> list[OutboxItem]:
    items: list[OutboxItem] = []
    due_at = max(now, _at(today, DAILY_AT))
    for reminder, year in due_reminders(today, calendar):
        ref = reminder.ref(year)
        expires = _at(reminder.window(year)[1] + timedelta(days=1), time(0, 0))
        args = reminder.args(year)
        items += [
            OutboxItem(
                recipient=seller_id,
                kind="reminder",
                message=reminder.message,
                args=args,
                ref=ref,
                quiet=False,
                due_at=due_at,
                expires_at=expires,
            )
            for seller_id in await repo.sellers.not_reminded(reminder.who, ref)
        ]
    return items


async def daily(
    repo: Repo, now: datetime, calendar: Iterable[CalendarReminder] | None = None
) -> None:
    """Once a day (09:00 IST): tell coordinators of orders gone overdue, and send the compliance
    calendar's reminders that are due. Idempotent: refs make a second run add nothing."""
    today = today_ist(now)
    items = await _late_notices(repo, today, now)
    items += await _compliance(repo, today, now, calendar)
    if items:
        await repo.outbox.enqueue(items)
