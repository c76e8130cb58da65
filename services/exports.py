"""Catalogue files for Amazon, eBay and the seller, streamed to disk so memory stays flat."""

from __future__ import annotations

import csv
import html
import io
import logging
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_CEILING, Decimal
from pathlib import Path
from typing import Any
from urllib.parse import quote

from PIL import Image, ImageOps

from services import places
from services.catalogue import ExportRow

# Control characters an .xlsx (XML) cannot hold: openpyxl's ILLEGAL_CHARACTERS_RE. openpyxl
# itself is imported only when a spreadsheet is written: it costs ~35 MB of an idle bot.
_ILLEGAL_XML = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")

log = logging.getLogger(__name__)

# A photo's URL: a function of the photo file on disk, or a base URL (str) under which the
# photos zip was published, giving base + photo_name(row, index) so URLs match the zip names.
ImageUrl = Callable[[Path], str] | str
PhotoName = Callable[[ExportRow, int], str]

# --- Amazon ----------------------------------------------------------------------------------

# From the example template in the domain notes (section 3): feed_product_type, item_sku,
# brand_name, item_name, external_product_id(_type), item_type, standard_price, quantity,
# main_image_url, other_image_url1..8, update_delete, product_description, manufacturer,
# bullet_point1..5, generic_keywords, color_name, material_type, country_as_labeled.
# Added here: currency, country_of_origin, item_length/width/height,
# item_dimensions_unit_of_measure, item_weight, item_weight_unit_of_measure,
# fulfillment_latency, hs_code. Real templates vary by category: paste into the downloaded one.
AMAZON_COLUMNS: tuple[str, ...] = (
    "feed_product_type",
    "item_sku",
    "brand_name",
    "item_name",
    "external_product_id",
    "external_product_id_type",
    "item_type",
    "standard_price",
    "currency",
    "quantity",
    "main_image_url",
    *(f"other_image_url{n}" for n in range(1, 9)),
    "update_delete",
    "product_description",
    "manufacturer",
    *(f"bullet_point{n}" for n in range(1, 6)),
    "generic_keywords",
    "color_name",
    "material_type",
    "country_of_origin",
    "country_as_labeled",
    "item_length",
    "item_width",
    "item_height",
    "item_dimensions_unit_of_measure",
    "item_weight",
    "item_weight_unit_of_measure",
    "fulfillment_latency",
    "hs_code",
)
AMAZON_SHEET = "Template"
AMAZON_MAX_PHOTOS = 9  # main + other_image_url1..8
AMAZON_MAX_BULLETS = 5
AMAZON_TITLE_MAX = 200  # characters including spaces
AMAZON_KEYWORDS_MAX_BYTES = 249  # "under 250 bytes"; Bengali costs 3 bytes a letter
# Handling days when the product is in stock (Amazon's own default is 2 days).
DEFAULT_FULFILLMENT_LATENCY = 2
MAX_HANDLING_DAYS = 30
# A made-to-order piece (none in stock, days to make given) is offered one at a time with its
# making time as the handling time: quantity 0 would make it unbuyable.
MADE_TO_ORDER_QUANTITY = 1


def _quantity(stock: int | None, days_to_make: int | None) -> int:
    if stock == 0 and days_to_make:
        return MADE_TO_ORDER_QUANTITY
    return stock or 0


COUNTRY = "India"
AMAZON_NOTES_SHEET = "Notes"

# --- prices ----------------------------------------------------------------------------------

# The latest sourced rate (rupee record low of Jan 2026, content/data/export_costs.yaml) until the
# deployment sets INR_PER_USD and its date from the RBI reference rate (rbi.org.in, "Reference
# Rate"); every file and export message says which rate it used, and an old one is flagged.
DEFAULT_INR_PER_USD = Decimal("92.00")
DEFAULT_RATE_DATE = date(2026, 1, 23)
CENT = Decimal("0.01")


@dataclass(frozen=True, slots=True)
class MarketTerms:
    """How a catalogue is priced and which eBay business policies its rows name."""

    inr_per_usd: Decimal = DEFAULT_INR_PER_USD
    rate_date: date = DEFAULT_RATE_DATE
    ebay_shipping_policy: str = ""
    ebay_return_policy: str = ""
    ebay_payment_policy: str = ""

    def usd(self, inr: int | None) -> Decimal | None:
        """The seller's ₹ price in US dollars, rounded up to the cent (never below it)."""
        if inr is None:
            return None
        return (Decimal(inr) / self.inr_per_usd).quantize(CENT, rounding=ROUND_CEILING)

    def rate_note(self) -> str:
        day = self.rate_date.isoformat()
        return f"Prices in USD, converted at INR {self.inr_per_usd} = USD 1 (rate of {day})."


DEFAULT_TERMS = MarketTerms()


# --- eBay ------------------------------------------------------------------------------------

EBAY_INFO_ROW: tuple[str, ...] = ("Info", "Version=1.0.0", "Template=fx_category_template_EBAY_US")
EBAY_COLUMNS: tuple[str, ...] = (
    "*Action(SiteID=US|Country=US|Currency=USD|Version=1193|CC=UTF-8)",
    "CustomLabel",
    "*Category",
    "*Title",
    "*ConditionID",
    "*Description",
    "*Format",
    "*Duration",
    "*StartPrice",
    "*Quantity",
    "PicURL",
    "*Location",
    "*DispatchTimeMax",
    "C:Material",
    "C:Color",
    "C:Country/Region of Manufacture",
    # Business policies (the seller's shipping, return and payment policies by name): File
    # Exchange uploads for accounts opted into business policies need them in place of the
    # older per-listing shipping and returns fields.
    "ShippingProfileName",
    "ReturnProfileName",
    "PaymentProfileName",
)
EBAY_TITLE_MAX = 80
EBAY_MAX_PHOTOS = 12
EBAY_CONDITION_NEW = 1000
EBAY_LOCATION = "West Bengal, India"
DEFAULT_DISPATCH_DAYS = 3

# --- Seller catalogue ------------------------------------------------------------------------

# Keys of the seller's catalogue columns, in order. Header text comes from the caller
# (`headers`, one entry per key) so it can be in the seller's language.
SELLER_COLUMNS: tuple[str, ...] = (
    "photo",
    "sku",
    "status",
    "craft",  # the glossary craft's name in the seller's language
    "product",  # what it is in the seller's own words (when not a glossary craft)
    "price",  # ₹
    "stock",
    "title",  # the English listing title
    "bullets",
    "hs",  # HS heading
    "gi",  # GI-tagged yes/no
)
# Cell words the caller may translate through `labels`; English when not given.
SELLER_LABELS: tuple[str, ...] = ("draft", "ready", "yes", "no")
THUMB_PX = 120
_PX_TO_POINTS = 0.75
_SELLER_WIDTHS = {"photo": 18, "title": 40, "bullets": 60, "craft": 24, "product": 24}

# --- Text safety -----------------------------------------------------------------------------

# A spreadsheet treats a cell starting with these as a formula (CSV/formula injection).
_FORMULA_START = ("=", "+", "-", "@")
_JPEG_SUFFIXES = frozenset({".jpg", ".jpeg"})


def safe_text(value: str | None) -> str | None:
    """Text fit for a spreadsheet cell: stripped, XML-illegal control characters removed, and a
    leading apostrophe when it would start a formula ("=HYPERLINK(…)" -> "'=HYPERLINK(…)").

    An apostrophe rather than a space: spreadsheets and marketplaces strip or skip leading
    spaces (which is why the check is made after stripping), so a space would not be a reliable
    guard; the apostrophe is the OWASP-recommended prefix and stays visible, so nothing is
    hidden from the seller. None or empty gives None (an empty cell).
    """
    if value is None:
        return None
    text = _ILLEGAL_XML.sub("", value).strip()
    if not text:
        return None
    return "'" + text if text.startswith(_FORMULA_START) else text


def cut_words(text: str, limit: int) -> str:
    """``text`` of at most ``limit`` characters, cut at the last space that fits (a single word
    longer than the limit is cut between characters, never inside a combining mark)."""
    if len(text) <= limit:
        return text
    head = text[: limit + 1]
    space = head.rfind(" ")
    if space > 0:
        return text[:space].rstrip(" ,;:|/-–")
    end = limit
    while end > 0 and unicodedata.category(text[end]).startswith("M"):
        end -= 1
    return text[:end]


def _cut_bytes(text: str, limit: int) -> str:
    """``text`` of at most ``limit`` UTF-8 bytes, cut at a space when one fits."""
    if len(text.encode("utf-8")) <= limit:
        return text
    head = text.encode("utf-8")[:limit].decode("utf-8", "ignore")
    space = head.rfind(" ")
    return head[:space].rstrip() if space > 0 else head


# --- Photos ----------------------------------------------------------------------------------


def photo_name(row: ExportRow, index: int) -> str:
    """Amazon's image naming convention: "SKU.MAIN.jpg" for index 0, then "SKU.PT01.jpg"…

    ``index`` counts the photos that exist on disk, main first; every writer here numbers them
    the same way, so URLs built from these names match the photos zip. Path separators in the
    SKU become "_" so a name never makes a folder.
    """
    sku = row.facts.sku.replace("/", "_").replace("\\", "_")
    return f"{sku}.MAIN.jpg" if index == 0 else f"{sku}.PT{index:02d}.jpg"


def _existing(row: ExportRow) -> Iterator[Path]:
    return (p for p in row.photos if p.is_file())


def _urls(row: ExportRow, image_url: ImageUrl, limit: int) -> list[str]:
    urls: list[str] = []
    for index, path in enumerate(_existing(row)):
        if index == limit:
            break
        if isinstance(image_url, str):  # a base URL; empty: the bare file name in the zip
            base = image_url.rstrip("/") + "/" if image_url else ""
            urls.append(base + quote(photo_name(row, index)))
        else:
            urls.append(image_url(path))
    return urls


# --- Shared facts ----------------------------------------------------------------------------


def _brand(row: ExportRow) -> str:
    return row.listing.brand_en or row.facts.brand or row.seller_name


def _bullets(bullets: Iterable[str]) -> list[str]:
    return [b for b in (safe_text(x) for x in bullets) if b]


def _colour(row: ExportRow) -> str | None:
    """The listing's English colour; the seller's own words never go into a buyer's field."""
    return row.listing.colour_en


def _material(row: ExportRow) -> str | None:
    return row.listing.material_en


# --- Amazon ----------------------------------------------------------------------------------


def _keywords(text: str) -> str | None:
    safe = safe_text(text)
    return _cut_bytes(safe, AMAZON_KEYWORDS_MAX_BYTES) if safe else None


def _number(value: Decimal | None) -> float | None:
    return float(value) if value is not None else None


def _amazon_values(row: ExportRow, image_url: ImageUrl, terms: MarketTerms) -> list[object]:
    facts, listing = row.facts, row.listing
    urls = _urls(row, image_url, AMAZON_MAX_PHOTOS)
    images = urls + [None] * (AMAZON_MAX_PHOTOS - len(urls))
    bullets: list[str | None] = [*_bullets(listing.bullets)[:AMAZON_MAX_BULLETS]]
    bullets += [None] * (AMAZON_MAX_BULLETS - len(bullets))
    dims = [round(d, 1) for d in facts.size.dims_cm[:3]] if facts.size else []
    dims += [None] * (3 - len(dims))
    if facts.stock == 0 and facts.days_to_make is not None:  # made to order
        latency = min(max(facts.days_to_make, 1), MAX_HANDLING_DAYS)
    else:
        latency = DEFAULT_FULFILLMENT_LATENCY
    brand = safe_text(_brand(row))
    title = safe_text(listing.title)
    return [
        None,  # feed_product_type: category-specific, chosen with the category's template
        safe_text(facts.sku),
        brand,
        cut_words(title, AMAZON_TITLE_MAX) if title else None,
        # Handmade goods carry no GTIN (barcode): the brand owner asks Amazon for a GTIN
        # exemption for the brand and category, then lists without a product ID.
        None,  # external_product_id
        None,  # external_product_id_type
        None,  # item_type: a browse keyword from the category's template
        _number(terms.usd(facts.price_inr)),
        "USD",
        _quantity(facts.stock, facts.days_to_make),
        *images,
        "Update",
        safe_text(_amazon_description(listing.description)),
        brand,  # manufacturer: the artisan makes what the brand sells
        *bullets,
        _keywords(listing.keywords),
        safe_text(_colour(row)),
        safe_text(_material(row)),
        COUNTRY,
        COUNTRY,
        *dims,
        "CM" if facts.size else None,
        facts.weight_g,
        "GR" if facts.weight_g is not None else None,
        latency,
        listing.hs_heading,
    ]


def write_amazon_xlsx(
    rows: Iterable[ExportRow],
    path: Path,
    *,
    image_url: ImageUrl,
    terms: MarketTerms = DEFAULT_TERMS,
) -> int:
    """An Amazon inventory (flat file) sheet "Template", one row per product; rows stream to
    disk (openpyxl write-only). ``image_url`` gives each photo's URL, main first, up to 9.
    Prices are in US dollars at ``terms``' rate, which a "Notes" sheet states.
    Returns the number of product rows written."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(AMAZON_SHEET)
    ws.append([_bold(ws, name) for name in AMAZON_COLUMNS])
    count = 0
    for row in rows:
        # Plain values stream fastest; safe_text guarantees no string starts with "=", which
        # openpyxl would otherwise store as a formula.
        ws.append(_amazon_values(row, image_url, terms))
        count += 1
    notes = wb.create_sheet(AMAZON_NOTES_SHEET)
    notes.append([terms.rate_note()])
    wb.save(path)
    return count


def _bold(ws: object, value: str) -> Any:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    cell = WriteOnlyCell(ws, value=value)
    cell.font = Font(bold=True)
    return cell


# --- eBay ------------------------------------------------------------------------------------


def _amazon_description(text: str) -> str:
    """Amazon's description field takes no HTML except line breaks written as </br>."""
    return "</br></br>".join(p.strip() for p in text.split("\n\n") if p.strip())


def _ebay_description(row: ExportRow) -> str:
    """eBay descriptions are HTML: the description, then the bullets as a list, escaped."""
    listing = row.listing
    paragraphs = [p for p in (safe_text(x) for x in listing.description.split("\n")) if p]
    parts = [f"<p>{html.escape(p)}</p>" for p in paragraphs]
    bullets = _bullets(listing.bullets)
    if bullets:
        parts.append("<ul>" + "".join(f"<li>{html.escape(b)}</li>" for b in bullets) + "</ul>")
    return "".join(parts)


def _location(row: ExportRow) -> str:
    known = places.district(row.facts.district) if row.facts.district else None
    return f"{known.en}, {EBAY_LOCATION}" if known else EBAY_LOCATION


def _ebay_values(
    row: ExportRow, image_url: ImageUrl, terms: MarketTerms, category_id: str
) -> list[object]:
    facts = row.facts
    title = safe_text(row.listing.title)
    price = terms.usd(facts.price_inr)
    return [
        "Add",
        safe_text(facts.sku),
        category_id,
        cut_words(title, EBAY_TITLE_MAX) if title else "",
        EBAY_CONDITION_NEW,
        _ebay_description(row),
        "FixedPrice",
        "GTC",
        f"{price:.2f}" if price is not None else "",
        _quantity(facts.stock, facts.days_to_make),
        "|".join(_urls(row, image_url, EBAY_MAX_PHOTOS)),
        _location(row),
        min(max(facts.days_to_make or DEFAULT_DISPATCH_DAYS, 1), MAX_HANDLING_DAYS),
        safe_text(_material(row)),
        safe_text(_colour(row)),
        COUNTRY,
        terms.ebay_shipping_policy,
        terms.ebay_return_policy,
        terms.ebay_payment_policy,
    ]


def write_ebay_csv(
    rows: Iterable[ExportRow],
    path: Path,
    *,
    image_url: ImageUrl,
    terms: MarketTerms = DEFAULT_TERMS,
    category_id: str = "",
) -> int:
    """An eBay File Exchange CSV (UTF-8, no BOM), one "Add" per product; returns the rows.

    ``category_id``: eBay rejects an Add without a real leaf category id (eBay US category
    tree); "" leaves it for the seller to fill in. Prices are converted at ``terms``' rate.
    """
    count = 0
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, quoting=csv.QUOTE_MINIMAL)
        out.writerow(EBAY_INFO_ROW)
        out.writerow(EBAY_COLUMNS)
        for row in rows:
            out.writerow(_ebay_values(row, image_url, terms, category_id))
            count += 1
    return count


# --- Photos zip ------------------------------------------------------------------------------


def write_photos_zip(
    rows: Iterable[ExportRow], path: Path, *, name: PhotoName | None = None
) -> int:
    """Every photo that exists, named ``name(row, index)`` (default ``photo_name``: Amazon's
    convention, matching the URL columns); JPEGs stored as they are, files copied from disk.
    Missing files are skipped and logged. Returns the number of photos written."""
    name = name or photo_name
    written = missing = 0
    with zipfile.ZipFile(path, "w", allowZip64=True) as zf:
        for row in rows:
            index = 0
            for photo in row.photos:
                if not photo.is_file():
                    missing += 1
                    continue
                stored = photo.suffix.lower() in _JPEG_SUFFIXES
                kind = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
                zf.write(photo, name(row, index), compress_type=kind)
                index += 1
                written += 1
    if missing:
        log.warning("photos zip %s: %d missing photo files skipped", path.name, missing)
    return written


# --- Seller catalogue ------------------------------------------------------------------------


def _thumbnail(photo: Path) -> Any:
    """A JPEG thumbnail of at most THUMB_PX a side, made in memory; None when unreadable."""
    try:
        with Image.open(photo) as im:
            im.draft("RGB", (THUMB_PX * 2, THUMB_PX * 2))  # JPEG: decode at a reduced scale
            small = ImageOps.exif_transpose(im).convert("RGB")
    except (OSError, Image.DecompressionBombError) as exc:
        log.warning("no thumbnail for %s: %s", photo, exc)
        return None
    small.thumbnail((THUMB_PX, THUMB_PX))
    buf = io.BytesIO()
    small.save(buf, "JPEG", quality=85)
    buf.seek(0)
    from openpyxl.drawing.image import Image as XlImage

    return XlImage(buf)


def write_seller_catalogue_xlsx(
    rows: Iterable[ExportRow],
    path: Path,
    *,
    locale: str,
    headers: Mapping[str, str],
    labels: Mapping[str, str] | None = None,
) -> int:
    """The seller's own catalogue: one row per product with a thumbnail of the main photo.

    ``headers`` holds the header text for every key of SELLER_COLUMNS (localised by the
    caller; no English is built in). ``labels`` translates the cell words of SELLER_LABELS
    (status draft/ready, GI yes/no); missing ones stay English. ``locale`` picks the craft's
    name (Bengali for "bn"). Per seller (tens of rows), so a normal workbook. Returns the rows.
    """
    absent = [key for key in SELLER_COLUMNS if key not in headers]
    if absent:
        raise ValueError(f"headers missing for {', '.join(absent)}")
    words = dict(labels or {})
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.append([headers[key] for key in SELLER_COLUMNS])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    col = {key: i + 1 for i, key in enumerate(SELLER_COLUMNS)}
    for key, width in _SELLER_WIDTHS.items():
        ws.column_dimensions[ws.cell(1, col[key]).column_letter].width = width
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    count = 0
    for r, row in enumerate(rows, start=2):
        facts, listing = row.facts, row.listing
        craft = places.craft(facts.craft_id) if facts.craft_id else None
        gi = "yes" if listing.gi_tagged else "no"
        values: dict[str, object] = {
            "sku": safe_text(facts.sku),
            "status": words.get(row.status, row.status),
            "craft": craft.name(locale) if craft else None,
            "product": safe_text(facts.what_text),
            "price": facts.price_inr,
            "stock": facts.stock,
            "title": safe_text(listing.title),
            "bullets": "\n".join(_bullets(listing.bullets)) or None,
            "hs": listing.hs_heading,
            "gi": words.get(gi, gi),
        }
        for key, value in values.items():
            cell = ws.cell(r, col[key], value)
            cell.alignment = wrap if key in ("title", "bullets", "product") else top
        ws.cell(r, col["price"]).number_format = '"₹"#,##0'
        main = next(_existing(row), None)
        thumb = _thumbnail(main) if main else None
        if thumb is not None:
            ws.add_image(thumb, f"{ws.cell(r, col['photo']).coordinate}")
            ws.row_dimensions[r].height = (thumb.height + 8) * _PX_TO_POINTS
        count += 1
    wb.save(path)
    return count
