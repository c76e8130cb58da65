"""Coordinator /export: district scoping, the three files read back, the audit log."""

from __future__ import annotations

import csv
import zipfile

import openpyxl
import pytest

from handlers.router import Router
from storage.db import Database
from tests.chat import ChatUser, seat
from tests.images import good_photo
from tests.test_products import describe_in_bengali
from tests.test_registration import register_in_bengali


def _read_csv(path: str) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


@pytest.fixture
async def catalogue(seller: ChatUser, admin: ChatUser) -> ChatUser:
    """A Bankura seller with one ready product (two photos), and coordinators appointed."""
    await register_in_bengali(seller)
    await seller.says("/addproduct")
    await seller.sends_photo(good_photo(1))
    await seller.sends_photo(good_photo(2))
    await seller.presses("হয়ে গেছে")
    await describe_in_bengali(seller)
    await seller.presses("হ্যাঁ, সব ঠিক আছে")
    await seat(admin.router.db, 501, None)  # a user of ours already (their number is their id)
    await admin.says("/addcoordinator 501 Bankura")
    await seat(admin.router.db, 502, None)  # a user of ours already (their number is their id)
    await admin.says("/addcoordinator 502 Howrah")
    return seller


async def test_coordinator_gets_amazon_ebay_and_photos(
    catalogue: ChatUser, router: Router, db: Database
) -> None:
    coordinator = ChatUser(router, 501, language_code="en", shelf=catalogue.shelf)
    await coordinator.says("/export")
    documents = [o.document for o in coordinator.last if o.document is not None]
    names = [d.filename for d in documents]
    assert names == ["amazon-inventory.xlsx", "ebay-file-exchange.csv", "photos.zip"]

    sheet = openpyxl.load_workbook(documents[0].path).active
    header = [c.value for c in sheet[1]]
    row = dict(zip(header, [c.value for c in sheet[2]], strict=False))
    assert row["item_sku"].startswith("ES-BNK-")
    assert row["standard_price"] == 5.44 and row["currency"] == "USD"  # ₹500 at ₹92.00 to $1
    assert row["quantity"] == 5
    said = " ".join(o.text for o in coordinator.last if o.text)
    assert "Prices in US dollars at ₹92.00 = $1" in said
    assert "days old" in said  # the default rate is January's: the coordinator is told
    assert "Dokra" in row["item_name"] and row["country_of_origin"] == "India"
    with zipfile.ZipFile(documents[2].path) as archive:
        assert sorted(archive.namelist()) == sorted(
            [row["main_image_url"], row["other_image_url1"]]
        )

    lines = _read_csv(documents[1].path)
    assert lines[0][0].startswith("Info")
    assert len(lines[2][3]) <= 80  # eBay title


async def test_coordinator_of_another_district_gets_nothing_from_bankura(
    catalogue: ChatUser, router: Router
) -> None:
    howrah = ChatUser(router, 502, language_code="en", shelf=catalogue.shelf)
    await howrah.says("/export Bankura")
    assert "not in your districts" in howrah.text()
    await howrah.says("/export")
    assert "no ready products" in howrah.text()
    assert not any(o.document for o in howrah.last)


async def test_admin_exports_everything_and_sellers_are_refused(
    catalogue: ChatUser, admin: ChatUser
) -> None:
    await admin.says("/export")
    assert len([o for o in admin.last if o.document]) == 3
    await catalogue.says("/export")
    assert "শুধু জেলার সমন্বয়কারীদের" in catalogue.text()
    await admin.says("/export Atlantis")
    assert "not a West Bengal district" in admin.text()


async def test_every_export_is_audited(catalogue: ChatUser, router: Router, db: Database) -> None:
    coordinator = ChatUser(router, 501, language_code="en", shelf=catalogue.shelf)
    await coordinator.says("/export")
    async with db.transaction() as repo:
        rows = await repo.audit.recent(10)
    exports = [r for r in rows if r.action == "export"]
    assert [(r.actor_id, r.detail) for r in exports] == [(501, "districts=BNK n=1")]


async def test_a_product_that_cannot_be_exported_stays_out_of_the_files(
    catalogue: ChatUser, router: Router
) -> None:
    seller = catalogue
    await seller.says("/addproduct")
    await seller.sends_photo(good_photo(3))
    await seller.presses("হয়ে গেছে")
    await seller.says("ময়ূরের পালকের পাখা")
    await seller.says("ময়ূরের পালক, বাঁশ")
    await seller.says("৩০ x ২০ সেমি")
    await seller.says("১০০ গ্রাম")
    await seller.presses("লাল")
    await seller.says("৩০০ টাকা")
    await seller.says("৫")
    await seller.says("৩")
    await seller.says("বাদ দিন")
    await seller.presses("হ্যাঁ, সব ঠিক আছে")
    assert "⛔" in seller.text() and "রফতানি করা যায় না" in seller.text()

    coordinator = ChatUser(router, 501, language_code="en", shelf=seller.shelf)
    await coordinator.says("/export")
    said = coordinator.text()
    assert "Left out: 1" in said and "Peacock" in said
    documents = [o.document for o in coordinator.last if o.document is not None]
    sheet = openpyxl.load_workbook(documents[0].path).active
    names = [row[0].value for row in sheet.iter_rows(min_row=2)]
    assert len(names) == 1  # the Dokra only
