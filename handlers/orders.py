"""Orders in chat: a seller's /orders with "Shipped" buttons and new orders; /importorders for
coordinators; the daily flags of overdue orders."""

from __future__ import annotations

from typing import Any

from chat import callbacks
from chat.replies import Choice, Reply, rows
from flows.orders import IMPORT, ORDER, import_orders, new_order, order_start_data
from handlers.feature import Audience, Button, Command, Feature, MenuEntry, Role, Scheduled
from handlers.turn import Turn
from services import orders
from services.catalogue import product_label
from services.jobs import JobContext
from services.when import date_args

# One phone screen: this many open orders, each with its own "Shipped" button.
PAGE = 10


async def list_orders(turn: Turn) -> None:
    """The seller's open orders, soonest first, overdue ones marked, each with "Shipped"."""
    found = await turn.repo.orders.open_of_seller(turn.user_id)
    new = (Choice(callbacks.ORDER_NEW.data(), key="btn-ord-new"),)
    if not found:
        turn.say(Reply("ord-none", choices=(new,)))
        return
    today = turn.now.astimezone(turn.zone).date()
    lines, buttons = [], []
    for n, order in enumerate(found[:PAGE], 1):
        name = product_label(order.product_answers, order.sku, turn.locale, order.title)
        args: dict[str, Any] = {"n": n, "product": name, "quantity": order.quantity}
        if order.ship_by is None:
            lines.append(Reply("ord-line-no-date", args))
        elif order.ship_by < today:
            lines.append(Reply("ord-line-late", args | date_args(order.ship_by)))
        else:
            lines.append(Reply("ord-line", args | date_args(order.ship_by)))
        buttons.append(
            Choice(
                callbacks.ORDER_SHIPPED.data(order.id),
                key="btn-ord-shipped-n",
                args={"n": n, "product": name},
            )
        )
    if len(found) > PAGE:
        lines.append(Reply("ord-list-more", {"count": len(found) - PAGE}))
    turn.say(
        Reply(
            "ord-list-title",
            {"count": len(found)},
            parts=tuple(lines),
            choices=(*rows(buttons), new),
        )
    )


async def orders_command(turn: Turn, args: str) -> None:
    if turn.dialogue.active:
        turn.dialogue.pause()
    await list_orders(turn)


async def new_order_button(turn: Turn, parts: tuple[str, ...]) -> None:
    data = order_start_data(await turn.repo.products.of_seller(turn.user_id), turn.locale)
    if not data["products"]:
        add = Choice(callbacks.PRODUCT_NEW.data(), key="btn-add-product")
        turn.say(Reply("ord-no-products", choices=((add,),)))
        return
    turn.dialogue.pause()
    turn.dialogue.start(ORDER, data=data)


async def list_button(turn: Turn, parts: tuple[str, ...]) -> None:
    if turn.dialogue.active:
        turn.dialogue.pause()
    await list_orders(turn)


async def shipped_button(turn: Turn, parts: tuple[str, ...]) -> None:
    """ord:ship:<id>: only the seller's own order; pressing it twice is harmless."""
    target = parts[0] if len(parts) == 1 else ""
    valid = target.isascii() and target.isdigit() and len(target) <= 9  # fits an INTEGER
    order = await turn.repo.orders.get(int(target)) if valid else None
    if order is None or order.seller_id != turn.user_id:
        turn.say(Reply("ord-gone"))
        await turn.dialogue.reprompt()
        return
    changed = await orders.shipped(turn.repo, order.id, turn.user_id)
    product = await turn.repo.products.get(order.product_id) if order.product_id else None
    name = product_label(product.answers if product else None, order.sku, turn.locale, order.title)
    turn.say(
        Reply(
            "ord-shipped" if changed else "ord-already-shipped",
            {"product": name, "quantity": order.quantity},
            choices=((Choice(callbacks.ORDER_LIST.data(), key="btn-ord-list"),),),
        )
    )
    turn.dialogue.ask_again()  # pressed under a reminder while answering something else


async def import_command(turn: Turn, args: str) -> None:
    """/importorders [district]: asks for the Amazon order report file."""
    staff = turn.staff
    assert staff is not None
    turn.dialogue.pause()
    districts = sorted(staff.districts) if staff.districts is not None else None
    turn.dialogue.start(IMPORT, data={"districts": districts})


async def flag_overdue(job: JobContext) -> None:
    await orders.flag_overdue(job.repo, job.now, job.zone)


FEATURE = Feature(
    "orders",
    flows=(new_order, import_orders),
    commands=(
        Command("orders", orders_command, role=Role.SELLER, listed=True, help="help-cmd-orders"),
        Command(
            "importorders",
            import_command,
            role=Role.COORDINATOR,
            help="help-cmd-importorders",
            district=lambda args: args,
        ),
    ),
    buttons=(
        Button((callbacks.ORDER_LIST,), list_button, Role.SELLER),
        Button((callbacks.ORDER_NEW,), new_order_button, Role.SELLER),
        Button((callbacks.ORDER_SHIPPED,), shipped_button, Role.SELLER),
    ),
    menu=(MenuEntry("orders", "menu-orders", Audience.SELLER),),
    jobs=(Scheduled(flag_overdue),),
)
