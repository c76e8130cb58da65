"""/price for sellers: what sending a product abroad costs and what to list it at; also a
button on each product and after each export-check verdict."""

from __future__ import annotations

from chat import callbacks
from chat.replies import Reply
from flows.pricing import DESTINATIONS, PRICE, QuotePrice, pricing, start_data
from handlers.feature import Audience, Button, Command, Feature, MenuEntry, Role
from handlers.turn import Turn
from services.ids import parse_id


async def start(turn: Turn, product_id: int | None = None) -> None:
    seller = await turn.seller()
    assert seller is not None
    turn.dialogue.pause()
    products = [p for p in await turn.repo.products.of_seller(seller.user_id) if p.answers]
    if not products:
        turn.say(Reply("price-no-products"))
        return
    data = start_data(products, turn.locale)
    chosen = next((p for p in products if p.id == product_id), None)
    if chosen is None and len(products) == 1:
        chosen = products[0]
    if chosen is not None:
        turn.dialogue.start(PRICE, answers={"product": chosen.id}, at="destination", data=data)
        return
    turn.dialogue.start(PRICE, data=data)


async def price_command(turn: Turn, args: str) -> None:
    await start(turn)


async def start_button(turn: Turn, parts: tuple[str, ...]) -> None:
    await start(turn)


async def product_button(turn: Turn, parts: tuple[str, ...]) -> None:
    await start(turn, parse_id(parts[0]) if len(parts) == 1 else None)


async def quote_button(turn: Turn, parts: tuple[str, ...]) -> None:
    """The price for a product and country already chosen (after an export check)."""
    await _quote(turn, parts, details=False)


async def details_button(turn: Turn, parts: tuple[str, ...]) -> None:
    """The breakdown behind a price: worked out again (rates may have moved), after commit."""
    await _quote(turn, parts, details=True)


async def _quote(turn: Turn, parts: tuple[str, ...], *, details: bool) -> None:
    product_id = parse_id(parts[0]) if len(parts) == 2 else None
    if product_id is None or parts[1] not in DESTINATIONS:
        turn.say(Reply("error-stale-button"))
        return
    turn.dialogue.pause()
    await turn.dialogue.apply(QuotePrice(product_id, parts[1], details=details))


FEATURE = Feature(
    "pricing",
    flows=(pricing,),
    commands=(
        Command("price", price_command, role=Role.SELLER, listed=True, help="help-cmd-price"),
    ),
    buttons=(
        Button((callbacks.PRICE_START,), start_button, Role.SELLER),
        Button((callbacks.PRICE_PRODUCT,), product_button, Role.SELLER),
        Button((callbacks.PRICE_QUOTE,), quote_button, Role.SELLER),
        Button((callbacks.PRICE_DETAILS,), details_button, Role.SELLER),
    ),
    menu=(MenuEntry("price", "menu-price", Audience.SELLER),),
)
