"""Catalogue records shared by the product flow, the listing composer and the exporters."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from services import places
from storage.records import PhotoRecord, ProductRecord, SellerRecord


@dataclass(frozen=True, slots=True)
class Size:
    """Dimensions as typed, converted to centimetres (one, two or three of them)."""

    dims_cm: tuple[float, ...]
    unit: str  # the system of the unit the seller typed: "cm" (metric) or "in" (imperial)
    # The numbers and unit as typed ("m": 5.5), to show back without converting twice.
    typed: tuple[float, ...] = ()
    typed_unit: str = ""  # cm, mm, m, in, ft, yd, haat


@dataclass(frozen=True, slots=True)
class ProductFacts:
    """What the seller told us about one product, in their own words where not a glossary term."""

    sku: str
    craft_id: str | None = None  # glossary id (content/data/crafts.json) when known
    what_text: str | None = None  # the seller's own words when not a glossary craft
    item_id: str | None = None  # the craft's item button pressed (glossary "items")
    material: str | None = None  # as typed, any language
    size: Size | None = None
    weight_g: int | None = None
    colour: str | None = None  # as typed, any language
    price_inr: int | None = None
    stock: int | None = None
    days_to_make: int | None = None
    special: str | None = None  # a few words in the seller's language
    district: str | None = None  # the seller's district code
    brand: str | None = None  # business name, else the seller's name (any script)
    # The seller said (in an export check) they are a registered authorised user of the GI:
    # without it no GI name is used, even for a GI craft from its GI district.
    gi_authorised: bool = False


@dataclass(frozen=True, slots=True)
class Listing:
    """A marketplace-ready English listing composed from ProductFacts."""

    title: str
    bullets: tuple[str, ...]
    description: str
    keywords: str
    hs_heading: str | None
    gi_tagged: bool
    gi_name: str | None = None
    material_en: str | None = None
    colour_en: str | None = None
    brand_en: str | None = None


@dataclass(frozen=True, slots=True)
class ExportRow:
    """One product as the catalogue exporters need it; photos main first, files on disk."""

    facts: ProductFacts
    listing: Listing
    seller_id: int
    seller_name: str
    photos: tuple[Path, ...] = ()
    status: str = "ready"


def facts_from(answers: Mapping[str, Any], data: Mapping[str, Any]) -> ProductFacts:
    """The facts of a product from the product flow's answers and the seller's profile."""
    what = answers.get("what") or {}
    # The item asked once a craft is named: pressed (an id) or typed (the seller's words).
    item = (answers.get("item") or {}) if what.get("id") else {}
    colour = answers.get("colour") or {}
    size = answers.get("size")
    return ProductFacts(
        sku=data.get("sku", ""),
        craft_id=what.get("id"),
        what_text=" ".join(t for t in (what.get("text"), item.get("text")) if t) or None,
        item_id=item.get("id"),
        material=answers.get("material"),
        size=Size(tuple(size["dims_cm"]), size["unit"]) if size else None,
        weight_g=answers.get("weight"),
        colour=colour.get("text") or colour.get("id"),
        price_inr=answers.get("price"),
        stock=answers.get("stock"),
        days_to_make=answers.get("days"),
        special=answers.get("special"),
        district=data.get("district"),
        brand=data.get("brand"),
        gi_authorised=bool(data.get("gi_authorised")),
    )


def seller_facts(product: ProductRecord, seller: SellerRecord) -> dict[str, Any]:
    """What a product's facts take from its seller: SKU, district and brand."""
    return {
        "sku": product.sku,
        "district": seller.district,
        "brand": seller.business_name or seller.name,
    }


# Photos the bot itself found blurred, dark or small go to no marketplace; one with a busy
# background or too bright may follow a clean one, never lead (the main image).
POOR_PHOTO = frozenset({"small", "blurry", "dark"})
STYLE_PHOTO = frozenset({"background", "bright"})


def marketplace_photos(photos: Iterable[PhotoRecord]) -> tuple[Path, ...]:
    """The photos a marketplace gets, main first: none of the poor ones; the cleanest first,
    else the seller's order. Empty when no photo is good enough."""
    usable = [p for p in photos if not POOR_PHOTO.intersection(p.problems)]
    usable.sort(key=lambda p: (bool(STYLE_PHOTO.intersection(p.problems)), p.position))
    return tuple(Path(p.path) for p in usable)


def export_row(
    product: ProductRecord, seller: SellerRecord, *, marketplace: bool = True
) -> ExportRow:
    """A product and its seller as the exporters take them (an empty listing for a draft);
    ``marketplace``: only the photos a marketplace should get, else all of them (the seller's
    own catalogue)."""
    listing = Listing(**product.listing) if product.listing else EMPTY_LISTING
    photos = (
        marketplace_photos(product.photos)
        if marketplace
        else tuple(Path(p.path) for p in product.photos)
    )
    return ExportRow(
        facts=facts_from(product.answers, seller_facts(product, seller)),
        listing=listing,
        seller_id=seller.user_id,
        seller_name=seller.name,
        photos=photos,
        status=product.status,
    )


EMPTY_LISTING = Listing(
    title="", bullets=(), description="", keywords="", hs_heading=None, gi_tagged=False
)


def product_label(
    answers: Mapping[str, Any] | None, sku: str, locale: str, title: str | None = None
) -> str:
    """What the seller calls the item: their own words, else the craft's name, else the SKU."""
    what = (answers or {}).get("what") or {}
    if isinstance(what, dict):
        if what.get("text"):
            return str(what["text"])
        craft = places.craft(what.get("id") or "")
        if craft is not None:
            return craft.name(locale)
    return sku or (title or "")[:60]


def product_name(product: ProductRecord, locale: str) -> str:
    return product_label(product.answers, product.sku, locale)
