"""Orders: the new-order flow and its ship-by reminders, "Shipped", the Amazon report import,
and the daily job (overdue orders to coordinators, the compliance calendar), on fixed clocks."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from bot.i18n import Messages
from chat.inbound import Media
from flows.orders import ROW_ERRORS, import_replies, parse_count
from handlers.router import Router
from services import calendar as compliance
from services import orders as order_service
from services.calendar import CalendarError, load_calendar, parse_calendar
from storage.db import Database
from storage.outbox import OutboxRow
from storage.records import SellerRecord
from storage.unit import Repo
from tests.chat import ChatUser, FileShelf, seat
from tests.conftest import ADMIN_ID, ZONE, make_router
from tests.delivery_helpers import FakeClock
from tests.images import good_photo
from tests.test_products import describe_in_bengali
from tests.test_registration import register_in_bengali

IST_OFFSET = timedelta(hours=5, minutes=30)
HEADER = (
    "order-id\torder-item-id\tpurchase-date\tpayments-date\tbuyer-email\tbuyer-name\t"
    "sku\tproduct-name\tquantity-purchased\tquantity-shipped\tquantity-to-ship\t"
    "ship-service-level\tpromise-date\tship-country"
)


def ist(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """A wall-clock moment in the programme's zone as an aware UTC datetime."""
    return datetime(year, month, day, hour, minute, tzinfo=UTC) - IST_OFFSET


NOW = ist(2027, 4, 5, 10, 0)  # a Monday, 10:00 in Kolkata


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def orouter(
    db: Database, messages: Messages, shelf: FileShelf, tmp_path: Path, clock: FakeClock
) -> Router:
    return make_router(db, messages, shelf, tmp_path / "data", clock)


@pytest.fixture
async def rina(orouter: Router, shelf: FileShelf) -> ChatUser:
    """A registered Bankura seller "রিনা দাস" with a GSTIN and an IEC."""
    user = ChatUser(orouter, 1001, language_code="bn", shelf=shelf)
    await register_in_bengali(user)
    return user


async def ready_product(db: Database, seller_id: int, district: str = "BNK") -> str:
    """A ready catalogue product made directly through the repositories; returns its SKU."""
    async with db.transaction() as repo:
        product_id = await repo.products.create(seller_id, district, {})
        await repo.products.save_answers(product_id, {"what": {"id": "dokra"}, "price": 500})
        await repo.products.set_listing(product_id, {"title": "Dokra horse"}, "ready")
        product = await repo.products.get(product_id)
    assert product is not None
    return product.sku


async def add_seller(
    db: Database, user_id: int, district: str, *, iec: str | None = None, gstin: str | None = None
) -> None:
    async with db.transaction() as repo:
        await repo.users.touch(user_id, "bn", "bn")
        await repo.sellers.save(
            SellerRecord(
                user_id=user_id,
                name=f"Seller {user_id}",
                district=district,
                phone="+919830000000",
                iec=iec,
                gstin=gstin,
            )
        )


async def outbox_of(db: Database, user_id: int) -> list[OutboxRow]:
    async with db.transaction() as repo:
        return await repo.outbox.of_recipient(user_id)


async def open_orders(db: Database, seller_id: int):
    async with db.transaction() as repo:
        return await repo.orders.open_of_seller(seller_id)


def report(*rows: str, header: str = HEADER) -> str:
    return "\n".join([header, *rows]) + "\n"


def row(order_id: str, item: str, sku: str, qty: str = "1", promise: str = "2027-04-09") -> str:
    cells = [
        order_id,
        item,
        "2027-04-03T10:00:00+00:00",
        "2027-04-03T10:05:00+00:00",
        "x@marketplace.amazon.com",
        "Jane Buyer",
        sku,
        "Dokra Horse Brass Figurine",
        qty,
        "0",
        qty,
        "Standard",
        f"{promise}T23:59:59+00:00" if promise else "",
        "US",
    ]
    return "\t".join(cells)


async def send_document(user: ChatUser, data: bytes, name: str = "orders.txt") -> None:
    file_id = user.shelf.put(data)
    media = Media(file_id=file_id, file_size=len(data), file_name=name, mime_type="text/plain")
    await user.send(kind="document", media=media)


# --- a seller's orders ---------------------------------------------------------------------


async def test_log_an_order_by_buttons_gets_two_reminders(rina: ChatUser, db: Database) -> None:
    await ready_product(db, rina.user_id)
    await rina.says("/orders")
    assert "কোনো অর্ডার নেই" in rina.text()
    await rina.presses("নতুন অর্ডার")
    assert "কোন পণ্যের" in rina.text()
    await rina.presses("ডোকরা")
    await rina.presses("২")
    labels = rina.buttons()
    assert labels[0].startswith("আজ") and labels[1].startswith("কাল")
    await rina.presses("বৃহস্পতিবার")  # today + 3 = Thursday 8/4
    assert "মিলিয়ে নিন" in rina.text() and "৮/৪" in rina.text()
    await rina.presses("হ্যাঁ, সব ঠিক আছে")
    assert "অর্ডার সেভ হল" in rina.text()
    [order] = await open_orders(db, rina.user_id)
    assert (order.quantity, order.ship_by, order.source) == (2, date(2027, 4, 8), "manual")
    rows = {r.ref: r for r in await outbox_of(db, rina.user_id)}
    d1, d0 = rows[f"ord:{order.id}:d1"], rows[f"ord:{order.id}:d0"]
    assert d1.due_at == ist(2027, 4, 7, 9) and d0.due_at == ist(2027, 4, 8, 8)
    assert (d1.kind, d1.quiet, d1.message, d0.message) == (
        "reminder",
        False,
        "ord-remind-d1",
        "ord-remind-d0",
    )
    assert d1.buttons == ((("btn-ord-shipped", f"ord:ship:{order.id}"),),)
    assert d1.args["product"] == "ডোকরা" and d1.args["quantity"] == 2


async def test_typed_bengali_quantity_and_date(rina: ChatUser, db: Database) -> None:
    await ready_product(db, rina.user_id)
    await rina.says("/orders")
    await rina.presses("নতুন অর্ডার")
    await rina.presses("ডোকরা")
    await rina.says("তিন")
    assert "সংখ্যায় লিখুন" in rina.text()
    await rina.says("৩টা")
    await rina.says("১০/৪")
    assert "শনিবার ১০/৪" in rina.text()
    await rina.presses("হ্যাঁ, সব ঠিক আছে")
    [order] = await open_orders(db, rina.user_id)
    assert (order.quantity, order.ship_by) == (3, date(2027, 4, 10))
    dues = sorted(r.due_at for r in await outbox_of(db, rina.user_id) if r.ref)
    assert dues == [ist(2027, 4, 9, 9), ist(2027, 4, 10, 8)]


async def test_tomorrow_gets_only_the_reminder_still_ahead(rina: ChatUser, db: Database) -> None:
    await ready_product(db, rina.user_id)
    await rina.says("/orders")
    await rina.presses("নতুন অর্ডার")
    await rina.presses("ডোকরা")
    await rina.presses("১")
    await rina.presses("কাল")
    await rina.presses("হ্যাঁ, সব ঠিক আছে")
    assert "সেদিন সকালে মনে করিয়ে দেব" in rina.text() and "আগের দিন" not in rina.text()
    [order] = await open_orders(db, rina.user_id)
    refs = [r.ref for r in await outbox_of(db, rina.user_id)]
    assert refs == [f"ord:{order.id}:d0"]  # the day-before one (today 09:00) has passed
    await rina.presses("নতুন অর্ডার")
    await rina.presses("ডোকরা")
    await rina.says("1")
    await rina.presses("আজ")  # 10:00 today: even the 08:00 reminder has passed
    await rina.presses("হ্যাঁ, সব ঠিক আছে")
    assert "আজই পাঠিয়ে দিন" in rina.text()
    assert len(await open_orders(db, rina.user_id)) == 2
    assert len(await outbox_of(db, rina.user_id)) == 1


async def test_past_dates_are_refused(rina: ChatUser, db: Database) -> None:
    await ready_product(db, rina.user_id)
    await rina.says("/orders")
    await rina.presses("নতুন অর্ডার")
    await rina.presses("ডোকরা")
    await rina.says("২")
    await rina.says("গতকাল")
    assert "পার হয়ে গেছে" in rina.text()
    await rina.says("১/৪/২০২৭")
    assert "পার হয়ে গেছে" in rina.text()
    await rina.says("৩/৪")  # no year: read as next year, too far away: refused too
    assert "পার হয়ে গেছে" in rina.text()
    await rina.presses_data("f:ord:ship_by:2027-04-04")  # yesterday's "today" button
    assert "পার হয়ে গেছে" in rina.text()
    await rina.says("ধুর")
    assert "বুঝতে পারলাম না" in rina.text()
    assert await open_orders(db, rina.user_id) == []


async def test_shipped_skips_the_reminders_and_is_idempotent(rina: ChatUser, db: Database) -> None:
    await ready_product(db, rina.user_id)
    await rina.says("/orders")
    await rina.presses("নতুন অর্ডার")
    await rina.presses("ডোকরা")
    await rina.presses("২")
    await rina.presses("বৃহস্পতিবার")
    await rina.presses("হ্যাঁ, সব ঠিক আছে")
    await rina.says("/orders")
    assert "ডোকরা × ২" in rina.text() and "বৃহস্পতিবার ৮/৪" in rina.text()
    await rina.presses("পাঠিয়েছি")
    assert "পাঠানো হয়েছে বলে লিখে রাখলাম" in rina.text()
    rows = await outbox_of(db, rina.user_id)
    assert {r.status for r in rows if r.ref} == {"skipped"}
    assert await open_orders(db, rina.user_id) == []
    assert rows[0].ref is not None
    await rina.presses_data(f"ord:ship:{rows[0].ref.split(':')[1]}")
    assert "আগেই পাঠানো হয়েছে" in rina.text()
    await rina.says("/orders")
    assert "কোনো অর্ডার নেই" in rina.text()


async def test_forged_or_other_sellers_order_ids_are_refused(
    rina: ChatUser, orouter: Router, db: Database, shelf: FileShelf
) -> None:
    await ready_product(db, rina.user_id)
    async with db.transaction() as repo:
        order_id = await repo.orders.create(rina.user_id, "ES-BNK-000001", 1, date(2027, 4, 9), 1)
    other = ChatUser(orouter, 1002, language_code="bn", shelf=shelf)
    await register_in_bengali(other, name="মিনা পাল")
    forged = (
        f"ord:ship:{order_id}",
        "ord:ship:99999",
        "ord:ship:99999999999999999999",
        "ord:ship:১",
        "ord:ship:abc",
        "ord:ship:",
        "ord:x",
    )
    for data in forged:
        await other.presses_data(data)
        assert "খুঁজে পেলাম না" in other.text() or "আর কাজ করে না" in other.text(), data
    [order] = await open_orders(db, rina.user_id)
    assert order.status == "open"


async def test_overdue_orders_are_marked_and_products_needed(rina: ChatUser, db: Database) -> None:
    await rina.says("/orders")
    await rina.presses("নতুন অর্ডার")
    assert "আগে পণ্যটা" in rina.text()  # no ready product yet
    sku = await ready_product(db, rina.user_id)
    async with db.transaction() as repo:
        await repo.orders.create(rina.user_id, sku, 4, date(2027, 4, 3), rina.user_id)
    await rina.says("/orders")
    assert "দেরি হয়ে গেছে" in rina.text() and "শনিবার ৩/৪" in rina.text()


async def test_order_for_a_product_made_through_the_flow(rina: ChatUser, db: Database) -> None:
    await rina.says("/addproduct")
    await rina.sends_photo(good_photo())
    await rina.presses("হয়ে গেছে")
    await describe_in_bengali(rina)
    await rina.presses("হ্যাঁ, সব ঠিক আছে")
    await rina.says("/orders")
    await rina.presses("নতুন অর্ডার")
    async with db.transaction() as repo:
        [product] = await repo.products.of_seller(rina.user_id)
    await rina.says(product.sku.lower())  # the SKU typed instead of pressing the product
    assert "কয়টা" in rina.text()
    data = report(row("906-1000000-0000001", "5", product.sku, "3", "2027-04-20"))
    async with db.transaction() as repo:
        summary = await order_service.import_report(
            repo,
            data.encode("utf-16"),
            districts=frozenset({"BNK"}),
            importer=1,
            now=NOW,
            zone=ZONE,
        )
    assert (summary.added, summary.unknown_skus) == (1, ())
    [order] = await open_orders(db, rina.user_id)
    assert (order.product_id, order.quantity, order.ship_by) == (product.id, 3, date(2027, 4, 21))


# --- importing the Amazon order report -----------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
async def test_import_is_idempotent_and_reports_unknown_skus(
    rina: ChatUser, db: Database, encoding: str
) -> None:
    sku = await ready_product(db, rina.user_id)
    data = report(
        row("902-1845936-5435065", "11111111111111", sku, "2"),
        row("902-1845936-5435065", "22222222222222", "NOT-OURS-7"),
        row("903-0000001-0000001", "33333333333333", sku.lower(), "1", "2027-04-12"),
        row("904-0000001-0000001", "44444444444444", sku, "lots"),
    ).encode(encoding)
    async with db.transaction() as repo:
        first = await order_service.import_report(
            repo, data, districts=frozenset({"BNK"}), importer=501, now=NOW, zone=ZONE
        )
    assert (first.added, first.known, first.sellers) == (2, 0, 1)
    assert first.unknown_skus == ("NOT-OURS-7",) and first.errors == ((5, "bad_quantity"),)
    orders = await open_orders(db, rina.user_id)
    assert sorted(o.quantity for o in orders) == [1, 2] and {o.source for o in orders} == {"amazon"}
    rows = await outbox_of(db, rina.user_id)
    assert len(rows) == 4  # two reminders for each
    async with db.transaction() as repo:
        again = await order_service.import_report(
            repo, data, districts=frozenset({"BNK"}), importer=501, now=NOW, zone=ZONE
        )
    assert (again.added, again.known) == (0, 2)
    assert len(await open_orders(db, rina.user_id)) == 2
    assert len(await outbox_of(db, rina.user_id)) == 4


async def test_cancelled_and_shipped_lines_get_no_reminders_and_stop_old_ones(
    rina: ChatUser, db: Database, messages: Messages
) -> None:
    """An All Orders report with a status column: a cancelled line is not imported, and an
    order imported earlier that the new report calls cancelled loses its reminders."""
    sku = await ready_product(db, rina.user_id)
    status_header = HEADER + "\torder-status"
    first = report(
        row("905-0000001-0000001", "1", sku) + "\tUnshipped",
        row("905-0000002-0000002", "2", sku) + "\tCancelled",
        row("905-0000003-0000003", "3", sku) + "\tShipped - Delivered to Buyer",
        header=status_header,
    )
    async with db.transaction() as repo:
        summary = await order_service.import_report(
            repo, first.encode(), districts=None, importer=501, now=NOW, zone=ZONE
        )
    assert summary.added == 1 and summary.plain()["closed_rows"] == 2
    assert summary.plain()["error_count"] == 0
    assert len(await outbox_of(db, rina.user_id)) == 2  # the unshipped one's two reminders

    later = report(row("905-0000001-0000001", "1", sku) + "\tCancelled", header=status_header)
    async with db.transaction() as repo:
        again = await order_service.import_report(
            repo, later.encode(), districts=None, importer=501, now=NOW, zone=ZONE
        )
    assert again.closed == 1
    assert await open_orders(db, rina.user_id) == []
    assert {r.status for r in await outbox_of(db, rina.user_id)} == {"skipped"}
    words = " ".join(
        messages.text("en", r.key, r.args) for r in import_replies(again.plain())[0].parts
    )
    assert "cancelled or shipped" in words


async def test_coordinator_imports_through_the_chat(
    rina: ChatUser, orouter: Router, db: Database, shelf: FileShelf
) -> None:
    sku = await ready_product(db, rina.user_id)
    admin = ChatUser(orouter, ADMIN_ID, language_code="en", shelf=shelf)
    await admin.says("/addcoordinator 501 Bankura")
    await admin.says("/addcoordinator 502 Howrah")
    coordinator = ChatUser(orouter, 501, language_code="en", shelf=shelf)
    await coordinator.says("/importorders")
    assert "Amazon order report as a file" in coordinator.text()
    await coordinator.says("here it is")
    assert "as a file" in coordinator.text()
    await send_document(coordinator, good_photo(), "photo.jpg")
    assert "does not look like an Amazon order report" in coordinator.text()
    no_sku = HEADER.replace("\tsku\t", "\tthing\t")
    await send_document(coordinator, report(row("1", "1", sku), header=no_sku).encode())
    assert "lacks these columns: sku" in coordinator.text()
    data = report(
        row("902-1845936-5435065", "11111111111111", sku, "2"),
        *[row(f"905-{n:07d}-0000001", "1", f"UNKNOWN-{n}") for n in range(25)],
        row("", "1", sku),
    ).encode("utf-8")
    await send_document(coordinator, data)
    text = coordinator.text()
    assert "New orders: 1" in text and "Already known: 0" in text
    assert "UNKNOWN-0" in text and "UNKNOWN-19" in text and "UNKNOWN-20" not in text
    assert "and 5 more" in text and "Row 28: no order number" in text
    await coordinator.says("/importorders")
    await send_document(coordinator, data)
    assert "New orders: 0" in coordinator.text() and "Already known: 1" in coordinator.text()

    howrah = ChatUser(orouter, 502, language_code="en", shelf=shelf)
    await howrah.says("/importorders")
    await send_document(howrah, data)
    assert "New orders: 0" in howrah.text() and sku in howrah.text()  # not theirs: unknown
    assert len(await open_orders(db, rina.user_id)) == 1


async def test_sellers_may_not_import_and_big_files_are_refused(
    rina: ChatUser, orouter: Router, db: Database, shelf: FileShelf
) -> None:
    await rina.says("/importorders")
    assert "শুধু জেলার সমন্বয়কারীদের" in rina.text()
    async with db.transaction() as repo:
        big = await order_service.import_report(
            repo, b"x" * (11 * 1024 * 1024), districts=None, importer=1, now=NOW, zone=ZONE
        )
        empty = await order_service.import_report(
            repo, b"", districts=None, importer=1, now=NOW, zone=ZONE
        )
    assert big.problem == "too_large" and empty.problem == "not_report"
    admin = ChatUser(orouter, ADMIN_ID, language_code="en", shelf=shelf)
    await admin.says("/importorders Atlantis")
    assert "not a West Bengal district" in admin.text()
    await admin.says("/importorders")
    file_id = shelf.put(b"")
    await admin.send(kind="document", media=Media(file_id=file_id, file_size=25 * 1024 * 1024))
    assert "too big" in admin.text(), admin.text()


# --- the daily job -------------------------------------------------------------------------


async def test_overdue_orders_are_flagged_to_coordinators_once(
    rina: ChatUser, orouter: Router, db: Database, shelf: FileShelf
) -> None:
    sku = await ready_product(db, rina.user_id)
    admin = ChatUser(orouter, ADMIN_ID, language_code="en", shelf=shelf)
    for coordinator_id in (501, 502, 503):
        await seat(db, coordinator_id, None)  # users of ours already (their number is their id)
    await admin.says("/addcoordinator 501 Bankura")
    await admin.says("/addcoordinator 503 Bankura, Purulia")
    await admin.says("/addcoordinator 502 Howrah")
    async with db.transaction() as repo:
        late = await repo.orders.create(rina.user_id, sku, 2, date(2027, 4, 4), rina.user_id)
        due_today = await repo.orders.create(rina.user_id, sku, 1, date(2027, 4, 5), 1)
        shipped = await repo.orders.create(rina.user_id, sku, 1, date(2027, 4, 1), 1)
        await repo.orders.mark_shipped(shipped, rina.user_id)
    morning = ist(2027, 4, 5, 9)
    for _ in range(2):
        async with db.transaction() as repo:
            await daily(repo, morning)
    for coordinator in (501, 503):
        [notice] = [r for r in await outbox_of(db, coordinator) if r.kind == "notice"]
        assert notice.ref == f"ord:{late}:late" and notice.message == "ord-late-notice"
        assert notice.args["seller"] == "রিনা দাস" and notice.args["sku"] == sku
        assert (notice.args["day"], notice.args["month"]) == (4, 4)
    assert [r for r in await outbox_of(db, 502) if r.kind == "notice"] == []
    async with db.transaction() as repo:
        assert (await repo.orders.get(late)).late_flagged_at is not None  # type: ignore[union-attr]
        assert (await repo.orders.get(due_today)).late_flagged_at is None  # type: ignore[union-attr]


async def daily(repo: Repo, now: datetime) -> None:
    """The daily round of orders and the compliance calendar, as the scheduler runs it."""
    await order_service.flag_overdue(repo, now, ZONE)
    await compliance.remind(repo, now, ZONE)


async def compliance_refs(db: Database, user_id: int) -> list[str]:
    return sorted(
        r.ref or ""
        for r in await outbox_of(db, user_id)
        if r.ref and r.ref.startswith(("iec:", "lut:"))
    )


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        ([ist(2027, 4, 1, 9)], ["iec:2027:open"]),
        ([ist(2027, 4, 1, 9), ist(2027, 4, 1, 9, 5), ist(2027, 4, 2, 9)], ["iec:2027:open"]),
        ([ist(2027, 4, 12, 9)], ["iec:2027:open"]),  # catching up after downtime
        ([ist(2027, 6, 22, 9)], ["iec:2027:close"]),  # "open" is over: not sent late
        ([ist(2027, 3, 1, 9), ist(2027, 3, 20, 9)], ["lut:2027:close", "lut:2027:open"]),
        ([ist(2027, 7, 1, 9), ist(2027, 2, 28, 9), ist(2027, 1, 10, 9)], []),
    ],
)
async def test_compliance_calendar(
    rina: ChatUser, db: Database, days: list[datetime], expected: list[str]
) -> None:
    await add_seller(db, 2001, "PRL", iec="AAECF2320D")  # IEC only: no LUT reminders
    await add_seller(db, 2002, "PRL")  # neither
    for moment in days:
        async with db.transaction() as repo:
            await daily(repo, moment)
    assert await compliance_refs(db, rina.user_id) == expected
    assert await compliance_refs(db, 2001) == [r for r in expected if r.startswith("iec")]
    assert await compliance_refs(db, 2002) == []


async def test_compliance_rows_are_due_in_the_morning_and_expire_with_the_window(
    rina: ChatUser, db: Database
) -> None:
    async with db.transaction() as repo:
        await daily(repo, ist(2027, 4, 1, 6, 30))  # an early catch-up run
    [row_] = [r for r in await outbox_of(db, rina.user_id) if r.ref == "iec:2027:open"]
    assert row_.due_at == ist(2027, 4, 1, 9) and row_.expires_at == ist(2027, 6, 20)
    assert (row_.kind, row_.quiet, row_.message) == ("reminder", False, "cal-iec-open")
    assert row_.args == {"day": 30, "month": 6, "year": 2027, "from_day": 1, "from_month": 4}


# --- content checks ------------------------------------------------------------------------


def test_calendar_file_and_messages(messages: Messages) -> None:
    calendar = load_calendar()
    assert {r.ref(2027) for r in calendar} >= {"iec:2027:open", "lut:2027:open"}
    for reminder in calendar:
        assert messages.has(reminder.message), reminder.message
        assert "domain-notes.md" in reminder.source and "2°]" in reminder.source
        for locale in ("bn", "en", "hi"):
            assert "{" not in messages.text(locale, reminder.message, reminder.args(2027))
    for key in ROW_ERRORS.values():
        assert messages.has(key), key
    for key in ("ord-remind-d1", "ord-remind-d0", "ord-late-notice", "btn-ord-shipped"):
        assert messages.has(key), key
    assert "বৃহস্পতিবার ৮/৪" in messages.text(
        "bn", "ord-date", {"day": 8, "month": 4, "weekday": "thu"}
    )


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("obligations: nope", "obligations"),
        ("obligations:\n  - {id: iec, who: pan, deadline: '06-30'}", "who"),
        ("obligations:\n  - {id: iec, who: iec, deadline: '02-29'}", "not a date"),
        ("obligations:\n  - {id: iec, who: iec, deadline: 06-30, source: x}", "reminders"),
        (
            "obligations:\n  - id: iec\n    who: iec\n    deadline: '06-30'\n    source: s\n"
            "    reminders: [{id: a, 'from': '07-01', until: '07-02', message: cal-x}]",
            "until",
        ),
        (
            "obligations:\n  - id: iec\n    who: iec\n    deadline: '06-30'\n    source: s\n"
            "    reminders: [{id: a, 'from': '04-01', until: '04-02', message: hello}]",
            "message",
        ),
    ],
)
def test_calendar_mistakes_are_named(text: str, problem: str, tmp_path: Path) -> None:
    path = tmp_path / "calendar.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CalendarError, match=problem):
        load_calendar(path)
    with pytest.raises(CalendarError):
        parse_calendar(": : :")


@pytest.mark.parametrize(
    ("text", "count"),
    [("5", 5), ("৫", 5), ("৫টা", 5), ("12 pcs", 12), ("५", 5), ("পাঁচ", None), ("-1", None)],
)
def test_counts(text: str, count: int | None) -> None:
    assert parse_count(text) == count
