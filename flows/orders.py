"""Orders in chat: a seller's new order (product, how many, ship-by day) and a coordinator's
import of an Amazon order report."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import regex

from chat import callbacks
from chat.replies import Choice, Reply
from flows.effects import Effect, EffectEnv
from flows.engine import Accept, Answer, Flow, FlowContext, Outcome, Parsed, Reject, Step
from services import orders
from services.catalogue import product_label
from services.order_report import MAX_BYTES
from services.orders import ImportSummary
from services.text import ascii_digits, localise_digits, lookup_key
from services.when import date_args, next_days, parse_day
from storage.records import ProductRecord

ORDER = "ord"
IMPORT = "ordimp"
PRODUCT_CHOICES = 12  # ready products offered as buttons, newest first
MAX_QUANTITY = 10_000
MAX_SHIP_DAYS = 120  # a ship-by date further than this is a typo (or a past day without year)
DAY_BUTTONS = 4  # today, tomorrow, +2, +3
# Why parse_order_report skipped a row, in plain words (codes from services/order_report.py).
ROW_ERRORS = {
    "no_order_id": "ord-import-err-no-order-id",
    "no_sku": "ord-import-err-no-sku",
    "bad_quantity": "ord-import-err-quantity",
    "bad_date": "ord-import-err-date",
    "shipped": "ord-import-err-shipped",
}
_COUNT = regex.compile(r"(\d{1,7})\s*[\p{L}\p{M}.]*")


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
    days = next_days(ctx.now, ctx.zone, DAY_BUTTONS)
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
    today = ctx.now.astimezone(ctx.zone).date()
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
    parsed = parse_day(answer.text, now=ctx.now, zone=ctx.zone, max_days=MAX_SHIP_DAYS)
    if parsed.error == "past":
        return Reject(Reply("ord-date-past"))
    if parsed.error == "too_far":
        return Reject(Reply("ord-date-too-far", {"max": MAX_SHIP_DAYS}))
    if parsed.error or parsed.value is None:
        return Reject(Reply("ord-date-unclear"))
    day = parsed.value.astimezone(ctx.zone).date()
    notes = (Reply("ord-date-check", date_args(day)),) if parsed.ambiguous else ()
    return Accept(day.isoformat(), notes)


def _show_day(value: Any, ctx: FlowContext) -> Reply:
    return Reply("ord-date", date_args(date.fromisoformat(value)))


@dataclass(frozen=True, slots=True)
class CreateOrder(Effect):
    """The seller's order of one of their products, and its ship-by reminders."""

    product_id: int
    quantity: int
    ship_by: date

    async def apply(self, env: EffectEnv) -> list[Reply]:
        product = await env.repo.products.get(self.product_id)
        if product is None or product.seller_id != env.user_id:
            return [Reply("ord-product-gone")]
        made = await orders.create(
            env.repo,
            product,
            self.quantity,
            self.ship_by,
            creator=env.user_id,
            locale=env.locale,
            now=env.now,
            zone=env.zone,
        )
        name = product_label(product.answers, product.sku, env.locale)
        args = {"product": name, "quantity": self.quantity, **date_args(self.ship_by)}
        buttons = (
            (Choice(callbacks.ORDER_SHIPPED.data(made.id), key="btn-ord-shipped"),),
            (Choice(callbacks.ORDER_NEW.data(), key="btn-ord-new"),),
            (Choice(callbacks.ORDER_LIST.data(), key="btn-ord-list"),),
        )
        key = {2: "ord-saved", 1: "ord-saved-morning"}.get(made.reminders, "ord-saved-no-reminder")
        return [Reply(key, args, choices=buttons)]


def _finish_order(ctx: FlowContext) -> list[Outcome]:
    item = _product_item(ctx, ctx.answers.get("product"))
    if item is None:
        return [Reply("ord-product-gone")]
    ship_by = date.fromisoformat(ctx.answers["ship_by"])
    return [CreateOrder(item["id"], int(ctx.answers["quantity"]), ship_by)]


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
)


# --- importing an Amazon order report ------------------------------------------------------


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
    if summary.get("closed_rows"):
        parts.append(Reply("ord-import-closed", {"count": summary["closed_rows"]}))
    if summary.get("closed"):
        parts.append(Reply("ord-import-stopped", {"count": summary["closed"]}))
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


@dataclass(frozen=True, slots=True)
class ImportOrders(Effect):
    """The orders of a report for the sellers of the coordinator's districts, with their
    reminders; answers with what was imported and what was not."""

    data: bytes
    districts: tuple[str, ...] | None

    async def apply(self, env: EffectEnv) -> list[Reply]:
        summary = await orders.import_report(
            env.repo,
            self.data,
            districts=frozenset(self.districts) if self.districts is not None else None,
            importer=env.user_id,
            now=env.now,
            zone=env.zone,
        )
        if summary.problem is not None:
            return [import_problem(summary)]
        return import_replies(summary.plain())


async def _parse_file(answer: Answer, ctx: FlowContext) -> Parsed:
    upload = answer.upload if isinstance(answer.upload, dict) else None
    if answer.media != "document":
        return Reject(Reply("ord-import-send-file"))
    if upload is not None and upload.get("error") == "too_big":
        return Reject(Reply("ord-import-too-big", {"max": MAX_BYTES // (1024 * 1024)}))
    if upload is None or not isinstance(upload.get("bytes"), bytes):
        return Reject(Reply("ord-import-unreadable"))
    problem = await orders.check_report(upload["bytes"], ctx.zone)
    if problem is not None:
        return Reject(import_problem(problem))
    districts = ctx.data.get("districts")
    imported = ImportOrders(upload["bytes"], tuple(districts) if districts is not None else None)
    return Accept(True, effects=(imported,))


def _finish_import(ctx: FlowContext) -> list[Outcome]:
    return []  # the import's own effect has said what it did


import_orders = Flow(
    IMPORT,
    (
        Step(
            "file",
            "ord-import-ask",
            _parse_file,
            help="ord-import-help",
            raw_document=True,
            loop="not an order report: say why",
        ),
    ),
    finish=_finish_import,
    cancelled_key="ord-cancelled",
)
