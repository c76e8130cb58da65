"""/price: which product, to which country; then what sending it costs and what to list it at.

The quote itself may ask a live rate source over the network, so it is worked out after the
update's transaction (``env.later``), never while the database waits.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from babel.numbers import format_decimal

from chat import callbacks
from chat.replies import Choice, Reply
from flows.effects import Effect, EffectEnv
from flows.engine import Accept, Answer, Flow, FlowContext, Outcome, Parsed, Reject, Step
from services import places
from services.catalogue import facts_from, product_label, seller_facts
from services.export_costs import Costing, cost_data, costing, packed
from services.listing import compose_listing
from services.text import localise_digits
from services.when import date_text
from storage.records import ProductRecord

PRICE = "price"
DESTINATIONS = ("US", "UK", "EU", "AU", "CA", "AE")
MAX_PRODUCTS = 12
# Woven and made-up textiles: a saree or a quilt travels folded, whatever its length.
CLOTH_HEADINGS = frozenset({"5007", "5208", "6214", "6302", "6304", "6204", "6205"})


def start_data(products: list[ProductRecord], locale: str) -> dict[str, Any]:
    return {
        "products": [
            {"id": p.id, "name": product_label(p.answers, p.sku, locale)}
            for p in products[:MAX_PRODUCTS]
        ]
    }


def _product_choices(ctx: FlowContext) -> list[Choice]:
    return [Choice(f"p{p['id']}", text=p["name"]) for p in ctx.data.get("products", ())]


def _parse_product(answer: Answer, ctx: FlowContext) -> Parsed:
    known = {f"p{p['id']}": p["id"] for p in ctx.data.get("products", ())}
    if answer.value in known:
        return Accept(known[answer.value])
    if answer.value is not None:
        return Reject(Reply("error-stale-button"))
    return Reject(Reply("flow-use-buttons"))


def _destination_choices(ctx: FlowContext) -> list[Choice]:
    return [Choice(code, key=f"elig-dest-{code.lower()}") for code in DESTINATIONS]


def _parse_destination(answer: Answer, ctx: FlowContext) -> Parsed:
    if answer.value in DESTINATIONS:
        return Accept(answer.value)
    if answer.value is not None:
        return Reject(Reply("error-stale-button"))
    if answer.text:  # a country we have no rates for (a name of ours is pressed for them)
        return Reject(Reply("price-no-rates-there"))
    return Reject(Reply("flow-use-buttons"))


@dataclass(frozen=True, slots=True)
class QuotePrice(Effect):
    """Work out the price after the commit: the rate source may be a slow live one."""

    product_id: int
    destination: str
    details: bool = False

    async def apply(self, env: EffectEnv) -> list[Reply]:
        product = await env.repo.products.get(self.product_id)
        if product is None or product.seller_id != env.user_id:
            return [Reply("prod-gone")]
        seller = await env.repo.sellers.get(env.user_id)
        facts = facts_from(product.answers, seller_facts(product, seller) if seller else {})
        if not facts.price_inr or not facts.weight_g:
            edit = Choice(callbacks.PRODUCT_EDIT.data(product.id), key="btn-price-fill-in")
            return [Reply("price-needs-facts", choices=((edit,),))]
        listing = compose_listing(facts)
        data = cost_data()
        craft = places.craft(facts.craft_id) if facts.craft_id else None
        kind = craft.kind if craft else None
        dims = facts.size.dims_cm if facts.size else None
        cloth = kind == "textile" or listing.hs_heading in CLOTH_HEADINGS
        parcel = packed(dims, facts.weight_g, data.packing, foldable=cloth)
        locale, rates = env.locale, env.rates
        name = product_label(product.answers, product.sku, locale)
        product_id, destination, details = self.product_id, self.destination, self.details

        async def quote() -> list[Reply]:
            found = await rates.quotes(parcel, destination, None)
            result = costing(
                price_inr=facts.price_inr or 0,
                kind=kind,
                hs=listing.hs_heading,
                parcel=parcel,
                destination=destination,
                quotes=found.quotes,
                data=data,
            )
            if details:
                return [details_reply(result, name, locale)]
            return [summary_reply(result, name, locale, product_id, fallback=found.fallback)]

        env.later.append(quote)
        return []


# --- what the seller reads ---------------------------------------------------------------------

_SYMBOL = {"USD": "$", "EUR": "€", "GBP": "£", "AUD": "A$", "CAD": "C$", "AED": "AED "}


def rupees(amount: int | float, locale: str) -> str:
    return "₹" + localise_digits(format_decimal(round(amount), locale="en_IN"), locale)


def money(amount: Any, currency: str, locale: str) -> str:
    return _SYMBOL.get(currency, currency + " ") + localise_digits(f"{amount:.2f}", locale)


def _kg(grams: int, locale: str) -> str:
    return localise_digits(f"{grams / 1000:.1f}".removesuffix(".0"), locale)


def _days(days: tuple[int, int], locale: str) -> str:
    low, high = days
    text = f"{low}" if low == high else f"{low}–{high}"
    return localise_digits(text, locale)


def summary_reply(
    result: Costing, name: str, locale: str, product_id: int, *, fallback: str | None
) -> Reply:
    dest = result.destination
    data = cost_data()
    lines: list[Reply] = [
        Reply(
            "price-parcel",
            {"weight": _kg(result.parcel.weight_g, locale), "charged": _charged(result, locale)},
        )
    ]
    for q in result.quotes[:3]:
        lines.append(
            Reply(
                "price-ship-line",
                {
                    "name": q.name,
                    "cost": rupees(q.cost_inr, locale),
                    "days": _days(q.days, locale),
                    "kind": Reply(f"price-kind-{q.kind}"),
                },
            )
        )
    if result.listing_price is None:
        lines.append(Reply("price-no-carrier"))
    else:
        lines.append(
            Reply(
                "price-list-at",
                {
                    "marketplace": dest.marketplace,
                    "listing": money(result.listing_price, dest.currency, locale),
                    "price": rupees(result.price_inr, locale),
                },
            )
        )
        if result.ebay_price_usd is not None:
            ebay = {"listing": money(result.ebay_price_usd, "USD", locale)}
            lines.append(Reply("price-ebay-at", ebay))
    lines.append(Reply(dest.rule, _border_args(result, locale)))
    if result.rodtep_inr or result.drawback_inr:
        back = {
            "rodtep": rupees(result.rodtep_inr, locale),
            "drawback": rupees(result.drawback_inr, locale),
        }
        lines.append(Reply("price-back", back))
    else:
        lines.append(Reply("price-back-gst"))
    if fallback:
        lines.append(Reply("price-card-used"))
    buttons = ()
    if result.listing_price is not None:
        details = callbacks.PRICE_DETAILS.data(product_id, dest.code)
        buttons = ((Choice(details, key="btn-price-details"),),)
    return Reply(
        "price-title",
        {
            "product": name,
            "country": Reply(f"elig-dest-{dest.code.lower()}"),
            "date": date_text(data.checked, locale),
        },
        parts=tuple(lines),
        choices=buttons,
    )


def _charged(result: Costing, locale: str) -> str:
    cheapest = result.shipping
    grams = cheapest.chargeable_g if cheapest else result.parcel.weight_g
    return _kg(grams, locale)


def _border_args(result: Costing, locale: str) -> Mapping[str, Any]:
    dest = result.destination
    return {
        "duty": money(result.duty, dest.currency, locale) if result.duty is not None else "",
        "pct": localise_digits(f"{dest.duty_pct:g}", locale) if dest.duty_pct is not None else "",
        "vat": money(result.vat, dest.currency, locale),
    }


def details_reply(result: Costing, name: str, locale: str) -> Reply:
    dest = result.destination
    if result.listing_price is None or result.shipping is None:
        return Reply("price-no-carrier")
    rate = localise_digits(f"{result.inr_per:.2f}", locale)
    to_seller = result.listing_price - result.vat - result.referral - result.conversion
    lines = (
        Reply("price-d-listing", {"amount": money(result.listing_price, dest.currency, locale)}),
        Reply("price-d-vat", {"amount": money(result.vat, dest.currency, locale)}),
        Reply(
            "price-d-referral",
            {
                "amount": money(result.referral, dest.currency, locale),
                "pct": localise_digits(f"{result.referral_pct.normalize():f}", locale),
            },
        ),
        Reply("price-d-conversion", {"amount": money(result.conversion, dest.currency, locale)}),
        Reply(
            "price-d-received",
            {
                "amount": money(to_seller, dest.currency, locale),
                "inr": rupees(float(to_seller * result.inr_per), locale),
                "rate": rate,
            },
        ),
        Reply(
            "price-d-shipping",
            {"name": result.shipping.name, "cost": rupees(result.shipping.cost_inr, locale)},
        ),
        Reply("price-d-net", {"price": rupees(result.price_inr, locale)}),
    )
    return Reply("price-details-title", {"product": name}, parts=lines)


def _finish(ctx: FlowContext) -> list[Outcome]:
    return [QuotePrice(int(ctx.answers["product"]), str(ctx.answers["destination"]))]


pricing = Flow(
    PRICE,
    (
        Step(
            "product",
            "price-ask-product",
            _parse_product,
            choices=_product_choices,
            help="price-help-product",
        ),
        Step(
            "destination",
            "price-ask-destination",
            _parse_destination,
            choices=_destination_choices,
            per_row=2,
            help="price-help-destination",
        ),
    ),
    finish=_finish,
    cancelled_key="price-cancelled",
)
