"""Orders in chat: a seller's /orders with "Shipped" buttons and new orders; /importorders."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from chat.replies import Choice, Reply, rows
from flows.engine import Flow
from flows.orders import (
    IMPORT,
    ORDER,
    daily,
    date_args,
    import_orders,
    new_order,
    order_start_data,
    reminder_refs,
    today_ist,
)
from flows.product import product_label
from handlers.pause import pause
from handlers.staff import staff_request

if TYPE_CHECKING:
    from handlers.router import Router, Turn

# One phone screen: this many open orders, each with its own "Shipped" button.
PAGE = 10

FLOWS: tuple[Flow, ...] = (new_order, import_orders)


async def list_orders(router: Router, turn: Turn) -> None:
    """The seller's open orders, soonest first, overdue ones marked, each with "Shipped"."""
    user_id, locale = turn.user.user_id, turn.ctx.locale
    if await turn.repo.sellers.get(user_id) is None:
        turn.replies.append(Reply("prod-register-first"))
        return
    orders = await turn.repo.orders.open_of_seller(user_id)
    new = (Choice("ord:new", key="btn-ord-new"),)
    if not orders:
        turn.replies.append(Reply("ord-none", choices=(new,)))
        return
    today = today_ist(turn.ctx.now)
    lines, buttons = [], []
    for n, order in enumerate(orders[:PAGE], 1):
        name = product_label(order.product_answers, order.sku, locale, order.title)
        args: dict[str, Any] = {"n": n, "product": name, "quantity": order.quantity}
        if order.ship_by is None:
            lines.append(Reply("ord-line-no-date", args))
        elif order.ship_by < today:
            lines.append(Reply("ord-line-late", args | date_args(order.ship_by)))
        else:
            lines.append(Reply("ord-line", args | date_args(order.ship_by)))
        buttons.append(
            Choice(f"ord:ship:{order.id}", key="btn-ord-shipped-n", args={"n": n, "product": name})
        )
    if len(orders) > PAGE:
        lines.append(Reply("ord-list-more", {"count": len(orders) - PAGE}))
    turn.replies.append(
        Reply(
            "ord-list-title",
            {"count": len(orders)},
            parts=tuple(lines),
            choices=(*rows(buttons), new),
        )
    )


async def start_new_order(router: Router, turn: Turn) -> None:
    user_id = turn.user.user_id
    if await turn.repo.sellers.get(user_id) is None:
        turn.replies.append(Reply("prod-register-first"))
        return
    data = order_start_data(await turn.repo.products.of_seller(user_id), turn.ctx.locale)
    if not data["products"]:
        turn.replies.append(
            Reply("ord-no-products", choices=((Choice("prod:new", key="btn-add-product"),),))
        )
        return
    pause(turn)
    turn.replies += router.engine.start(turn.ctx, ORDER, data=data)


async def mark_shipped(router: Router, turn: Turn, target: str) -> None:
    """ord:ship:<id> — only the seller's own order; pressing it twice is harmless."""
    user_id = turn.user.user_id
    valid = target.isascii() and target.isdigit() and len(target) <= 9  # fits an INTEGER
    order = await turn.repo.orders.get(int(target)) if valid else None
    if order is None or order.seller_id != user_id:
        turn.replies.append(Reply("ord-gone"))
        await router.reprompt(turn)
        return
    changed = await turn.repo.orders.mark_shipped(order.id, user_id)
    if changed:
        await turn.repo.outbox.skip_refs(user_id, reminder_refs(order.id), "shipped")
    product = await turn.repo.products.get(order.product_id) if order.product_id else None
    name = product_label(
        product.answers if product else None, order.sku, turn.ctx.locale, order.title
    )
    turn.replies.append(
        Reply(
            "ord-shipped" if changed else "ord-already-shipped",
            {"product": name, "quantity": order.quantity},
            choices=((Choice("ord:list", key="btn-ord-list"),),),
        )
    )
    if router.active(turn):  # pressed under a reminder while answering something else
        turn.replies += router.engine.prompt(turn.ctx)


async def button(router: Router, turn: Turn, rest: str) -> None:
    """Buttons ord:list, ord:new, ord:ship:<id>."""
    action, _, target = rest.partition(":")
    if action == "ship":
        await mark_shipped(router, turn, target)
    elif action == "list":
        if router.active(turn):
            pause(turn)
        await list_orders(router, turn)
    elif action == "new":
        await start_new_order(router, turn)
    else:
        turn.replies.append(Reply("error-stale-button"))
        await router.reprompt(turn)


async def orders_command(router: Router, turn: Turn, args: str) -> None:
    if router.active(turn):
        pause(turn)
    await list_orders(router, turn)


async def import_command(router: Router, turn: Turn, args: str) -> None:
    """/importorders [district]: asks for the Amazon order report file."""
    if (request := await staff_request(turn, args)) is None:
        return
    _, districts = request
    pause(turn)
    data = {"districts": sorted(districts) if districts is not None else None}
    turn.replies += router.engine.start(turn.ctx, IMPORT, data=data)


COMMANDS: dict[str, Callable[..., Awaitable[None]]] = {
    "orders": orders_command,
    "importorders": import_command,
}
BUTTONS: dict[str, Callable[..., Awaitable[None]]] = {"ord": button}
STAFF: frozenset[str] = frozenset({"importorders"})  # commands only coordinators and admins may use
EXTRA: dict[str, Any] = {"daily": daily}
