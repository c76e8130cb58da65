"""Catalogue records shared by the product flow, the listing composer and the exporters."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Size:
    """Dimensions as typed, converted to centimetres (one, two or three of them)."""

    dims_cm: tuple[float, ...]
    unit: str  # the unit the seller typed: "cm" or "in"


@dataclass(frozen=True, slots=True)
class ProductFacts:
    """What the seller told us about one product, in their own words where not a glossary term."""

    sku: str
    craft_id: str | None = None  # glossary id (content/data/crafts.json) when known
    what_text: str | None = None  # the seller's own words when not a glossary craft
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
