"""What sending one product abroad costs, what the buyer pays, what the seller earns.

Every rate, fee, threshold and rule is data (content/data/export_costs.yaml) with its source
and the date it was checked; this module only does the arithmetic: the packed parcel, each
carrier's chargeable weight and price, the marketplace's fees, and the listing price at which
the seller still nets their own ₹ price.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_CEILING, Decimal
from importlib import resources
from typing import Any

import yaml

COSTS_FILE = "export_costs.yaml"
GRAMS_PER_KG = 1000


# --- the data -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Slabs:
    """A carrier's price to one zone: the first slab, then each further slab started."""

    first_g: int
    first_inr: int
    step_g: int
    step_inr: int

    def price(self, grams: int) -> int:
        extra = max(0, grams - self.first_g)
        return self.first_inr + math.ceil(extra / self.step_g) * self.step_inr


@dataclass(frozen=True, slots=True)
class Carrier:
    id: str
    name: str
    kind: str  # post | express | aggregator
    divisor: int | None  # cm³ per kg for volumetric weight; None: actual weight only
    max_g: int
    days: tuple[int, int]
    rates: Mapping[str, Slabs]  # destination code → slabs
    source: str
    checked: date
    max_g_by_dest: Mapping[str, int] = field(default_factory=dict)
    days_by_dest: Mapping[str, tuple[int, int]] = field(default_factory=dict)

    def limit(self, destination: str) -> int:
        return self.max_g_by_dest.get(destination, self.max_g)

    def days_to(self, destination: str) -> tuple[int, int]:
        return self.days_by_dest.get(destination, self.days)


@dataclass(frozen=True, slots=True)
class Destination:
    code: str  # US, EU, UK, AU, CA, AE
    currency: str
    marketplace: str  # amazon.com, amazon.de…
    vat_pct: Decimal  # consumer tax the marketplace collects on top of the price (0: none)
    duty_pct: Decimal | None  # duty the buyer pays at the border, None: not known for sure
    duty_free_upto: Decimal | None  # in the destination's currency; None: no such threshold
    rule: str  # message key of the border rule
    source: str
    checked: date


@dataclass(frozen=True, slots=True)
class Fees:
    referral_pct: Mapping[str, Decimal]  # fee category → percent of the price
    referral_min: Decimal  # per item, in US dollars
    conversion_pct: Decimal  # currency conversion of the payout
    source: str
    checked: date


@dataclass(frozen=True, slots=True)
class EbayFees:
    final_value_pct: Decimal
    international_pct: Decimal  # every buyer is abroad for a seller registered in India
    per_order_usd: Decimal
    conversion_pct: Decimal
    source: str
    checked: date


@dataclass(frozen=True, slots=True)
class Incentives:
    rodtep_pct: Mapping[str, Decimal]  # HS heading → percent of FOB
    drawback_pct: Mapping[str, Decimal]  # HS heading → percent of FOB
    source: str
    checked: date


@dataclass(frozen=True, slots=True)
class Packing:
    add_cm: int
    add_fraction: Decimal
    add_min_g: int
    default_cm: tuple[int, int, int]  # a product given no size: a small box
    fold_over_cm: int = 100  # cloth longer than this (a saree's 5.5 m) travels folded
    folded_cm: tuple[int, int, int] = (35, 25, 6)  # …in this box


@dataclass(frozen=True, slots=True)
class CostData:
    checked: date
    inr_per: Mapping[str, Decimal]  # currency → rupees
    packing: Packing
    carriers: tuple[Carrier, ...]
    destinations: Mapping[str, Destination]
    fees: Fees
    ebay: EbayFees
    fee_category: Mapping[str, str]  # craft kind → fee category ("*": the rest)
    incentives: Incentives

    def dated(self) -> tuple[tuple[str, date], ...]:
        """Each dated entry's name with the day it was checked (for /rules: what is stale)."""
        return (
            ("exchange rates", self.checked),
            *((f"carrier {c.id}", c.checked) for c in self.carriers),
            *((f"destination {d.code}", d.checked) for d in self.destinations.values()),
            ("amazon fees", self.fees.checked),
            ("ebay fees", self.ebay.checked),
            ("incentives", self.incentives.checked),
        )


def _dec(value: Any, where: str) -> Decimal:
    try:
        return Decimal(str(value))
    except ArithmeticError as exc:
        raise ValueError(f"{COSTS_FILE}: {where}: not a number: {value!r}") from exc


def _day(value: Any, where: str) -> date:
    if isinstance(value, date):
        return value
    raise ValueError(f"{COSTS_FILE}: {where}: expected a date YYYY-MM-DD, got {value!r}")


def _text(entry: Mapping[str, Any], key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{COSTS_FILE}: {where}: '{key}' must be a non-empty string")
    return value


def parse(raw: Mapping[str, Any]) -> CostData:
    """The cost data, checked: every figure a number, every rule a source and a date."""
    checked = _day(raw.get("checked"), "checked")
    inr_per = {c: _dec(v, f"inr_per.{c}") for c, v in (raw.get("inr_per") or {}).items()}
    p = raw["packing"]
    packing = Packing(
        int(p["add_cm"]),
        _dec(p["add_fraction"], "packing.add_fraction"),
        int(p["add_min_g"]),
        tuple(int(x) for x in p["default_cm"]),  # type: ignore[arg-type]
        int(p.get("fold_over_cm", 100)),
        tuple(int(x) for x in p.get("folded_cm", (35, 25, 6))),  # type: ignore[arg-type]
    )
    destinations: dict[str, Destination] = {}
    for code, d in (raw.get("destinations") or {}).items():
        where = f"destinations.{code}"
        duty, free = d.get("duty_pct"), d.get("duty_free_upto")
        destinations[code] = Destination(
            code=code,
            currency=_text(d, "currency", where),
            marketplace=_text(d, "marketplace", where),
            vat_pct=_dec(d.get("vat_pct", 0), where),
            duty_pct=None if duty is None else _dec(duty, where),
            duty_free_upto=None if free is None else _dec(free, where),
            rule=_text(d, "rule", where),
            source=_text(d, "source", where),
            checked=_day(d.get("checked"), where),
        )
        if destinations[code].currency not in inr_per:
            raise ValueError(f"{COSTS_FILE}: {where}: no rupee rate for its currency")
    carriers = []
    for c in raw.get("carriers") or ():
        where = f"carriers.{c.get('id')}"
        rates = {
            code: Slabs(
                int(r["first_g"]), int(r["first_inr"]), int(r["step_g"]), int(r["step_inr"])
            )
            for code, r in (c.get("rates") or {}).items()
        }
        unknown = sorted(set(rates) - set(destinations))
        if unknown:
            raise ValueError(f"{COSTS_FILE}: {where}: unknown destinations {unknown}")
        divisor = c.get("divisor")
        carriers.append(
            Carrier(
                id=_text(c, "id", where),
                name=_text(c, "name", where),
                kind=_text(c, "kind", where),
                divisor=None if divisor is None else int(divisor),
                max_g=int(c["max_g"]),
                days=(int(c["days"][0]), int(c["days"][1])),
                rates=rates,
                source=_text(c, "source", where),
                checked=_day(c.get("checked"), where),
                max_g_by_dest={k: int(v) for k, v in (c.get("max_g_by_dest") or {}).items()},
                days_by_dest={
                    k: (int(v[0]), int(v[1])) for k, v in (c.get("days_by_dest") or {}).items()
                },
            )
        )
        strays = sorted(
            (set(carriers[-1].max_g_by_dest) | set(carriers[-1].days_by_dest)) - set(rates)
        )
        if strays:
            raise ValueError(
                f"{COSTS_FILE}: {where}: limits for destinations without rates {strays}"
            )
    f = raw["fees"]
    fees = Fees(
        referral_pct={k: _dec(v, f"fees.{k}") for k, v in f["referral_pct"].items()},
        referral_min=_dec(f["referral_min_usd"], "fees.referral_min_usd"),
        conversion_pct=_dec(f["conversion_pct"], "fees.conversion_pct"),
        source=_text(f, "source", "fees"),
        checked=_day(f.get("checked"), "fees"),
    )
    e = raw["ebay"]
    ebay = EbayFees(
        final_value_pct=_dec(e["final_value_pct"], "ebay.final_value_pct"),
        international_pct=_dec(e["international_pct"], "ebay.international_pct"),
        per_order_usd=_dec(e["per_order_usd"], "ebay.per_order_usd"),
        conversion_pct=_dec(e["conversion_pct"], "ebay.conversion_pct"),
        source=_text(e, "source", "ebay"),
        checked=_day(e.get("checked"), "ebay"),
    )
    categories = dict(raw.get("fee_category") or {})
    missing = sorted(set(categories.values()) - set(fees.referral_pct))
    if missing or "*" not in categories:
        raise ValueError(f"{COSTS_FILE}: fee_category: needs '*' and known categories {missing}")
    i = raw["incentives"]
    incentives = Incentives(
        rodtep_pct={str(k): _dec(v, "rodtep") for k, v in i["rodtep_pct"].items()},
        drawback_pct={str(k): _dec(v, "drawback") for k, v in i["drawback_pct"].items()},
        source=_text(i, "source", "incentives"),
        checked=_day(i.get("checked"), "incentives"),
    )
    return CostData(
        checked=checked,
        inr_per=inr_per,
        packing=packing,
        carriers=tuple(carriers),
        destinations=destinations,
        fees=fees,
        ebay=ebay,
        fee_category=categories,
        incentives=incentives,
    )


@functools.cache
def cost_data() -> CostData:
    path = resources.files("content") / "data" / COSTS_FILE
    return parse(yaml.safe_load(path.read_text(encoding="utf-8")))


# --- the parcel -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Parcel:
    """The product packed for the post: its box and its weight with the packing."""

    dims_cm: tuple[float, float, float]
    weight_g: int

    def volumetric_g(self, divisor: int) -> int:
        length, width, height = self.dims_cm
        return math.ceil(length * width * height / divisor * GRAMS_PER_KG)

    def chargeable_g(self, divisor: int | None) -> int:
        """The greater of the actual and the volumetric weight (L×W×H / divisor)."""
        return self.weight_g if divisor is None else max(self.weight_g, self.volumetric_g(divisor))


def packed(
    dims_cm: Sequence[float] | None, weight_g: int, packing: Packing, *, foldable: bool = False
) -> Parcel:
    """The box: each side of the product plus the padding (a flat item gets the small box's
    height; cloth longer than ``fold_over_cm`` is folded into the folded box); the weight plus
    the box and wrapping."""
    sides = list(dims_cm or ())
    if foldable and sides and max(sides) > packing.fold_over_cm:
        sides = [float(x) for x in packing.folded_cm]
    sides += [0.0] * (3 - len(sides))
    box = tuple(
        max(float(side) + packing.add_cm, float(small))
        for side, small in zip(
            sorted(sides, reverse=True), sorted(packing.default_cm, reverse=True), strict=True
        )
    )
    extra = max(packing.add_min_g, int(weight_g * packing.add_fraction))
    return Parcel(box, weight_g + extra)  # type: ignore[arg-type]


# --- quotes and the verdict -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Quote:
    carrier: str  # carrier id, or the live source's courier name
    name: str
    kind: str
    cost_inr: int
    days: tuple[int, int]
    chargeable_g: int
    live: bool = False


def card_quotes(parcel: Parcel, destination: str, data: CostData) -> list[Quote]:
    """The rate card's price of this parcel with each carrier that takes it there."""
    out = []
    for carrier in data.carriers:
        slabs = carrier.rates.get(destination)
        grams = parcel.chargeable_g(carrier.divisor)
        if slabs is None or grams > carrier.limit(destination):
            continue
        days = carrier.days_to(destination)
        out.append(Quote(carrier.id, carrier.name, carrier.kind, slabs.price(grams), days, grams))
    return sorted(out, key=lambda q: q.cost_inr)


@dataclass(frozen=True, slots=True)
class Costing:
    """One product to one destination: the numbers behind the seller's few lines."""

    destination: Destination
    price_inr: int  # what the seller wants to receive
    parcel: Parcel
    quotes: tuple[Quote, ...]  # cheapest first
    shipping: Quote | None  # the one the listing price covers
    referral_pct: Decimal
    referral: Decimal  # in the listing's currency
    conversion: Decimal
    vat: Decimal
    listing_price: Decimal | None  # what to list at, in the destination's currency
    duty: Decimal | None  # what the buyer pays at the border, when known
    rodtep_inr: int
    drawback_inr: int
    inr_per: Decimal
    ebay_price_usd: Decimal | None = None  # the same on ebay.com (it lists in US dollars)


CENT = Decimal("0.01")


def _money_up(value: Decimal) -> Decimal:
    """Up to the next .99 of a whole unit (38.20 → 38.99): never below what is needed."""
    whole = value.to_integral_value(rounding=ROUND_CEILING)
    return whole - CENT if whole - CENT >= value else whole + 1 - CENT


def costing(
    *,
    price_inr: int,
    kind: str | None,
    hs: str | None,
    parcel: Parcel,
    destination: str,
    quotes: Sequence[Quote],
    data: CostData,
) -> Costing:
    """The listing price at which the seller nets ``price_inr`` after shipping (the cheapest
    quote), the marketplace's referral fee and the payout's conversion, with the consumer tax
    the marketplace collects on top; what the buyer pays at the border; what comes back."""
    dest = data.destinations[destination]
    rate = data.inr_per[dest.currency]
    usd_rate = data.inr_per["USD"]
    category = data.fee_category.get(kind or "", data.fee_category["*"])
    pct = data.fees.referral_pct[category] / 100
    conv = data.fees.conversion_pct / 100
    vat = dest.vat_pct / 100
    shipping = quotes[0] if quotes else None
    listing = referral = conversion = tax = None
    if shipping is not None:
        needed = (Decimal(price_inr) + shipping.cost_inr) / rate  # to receive, in the currency
        minimum = data.fees.referral_min * usd_rate / rate
        # price/(1+vat) - fee, after conversion, must be at least `needed`
        gross = needed / (1 - conv)
        listing = gross / (1 / (1 + vat) - pct)
        if listing * pct < minimum:
            listing = (gross + minimum) * (1 + vat)
        listing = _money_up(listing)
        referral = max(listing * pct, minimum).quantize(CENT)
        tax = (listing - listing / (1 + vat)).quantize(CENT)
        conversion = ((listing - tax - referral) * conv).quantize(CENT)
    duty = None
    if listing is not None and dest.duty_pct is not None:
        free = dest.duty_free_upto is not None and listing <= dest.duty_free_upto
        duty = Decimal(0) if free else (listing * dest.duty_pct / 100).quantize(CENT)
    ebay_price = None
    if shipping is not None:
        e = data.ebay
        needed_usd = (
            (Decimal(price_inr) + shipping.cost_inr) / usd_rate / (1 - e.conversion_pct / 100)
        )
        share = 1 - (e.final_value_pct + e.international_pct) / 100
        ebay_price = _money_up((needed_usd + e.per_order_usd) / share)
    heading = (hs or "")[:4]
    rodtep = data.incentives.rodtep_pct.get(heading, Decimal(0))
    drawback = data.incentives.drawback_pct.get(heading, Decimal(0))
    return Costing(
        destination=dest,
        price_inr=price_inr,
        parcel=parcel,
        quotes=tuple(quotes),
        shipping=shipping,
        referral_pct=pct * 100,
        referral=referral or Decimal(0),
        conversion=conversion or Decimal(0),
        vat=tax or Decimal(0),
        listing_price=listing,
        duty=duty,
        rodtep_inr=int(price_inr * rodtep / 100),
        drawback_inr=int(price_inr * drawback / 100),
        inr_per=rate,
        ebay_price_usd=ebay_price,
    )
