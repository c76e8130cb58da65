"""The coordinator console: who may do what, exact funnel counts, the chart, seller look-up,
who is stuck and nudges, pagination, scope re-checked on old buttons, the audit log, admins'
commands, the sellers sheet and the morning digest — on SQLite and PostgreSQL."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from typing import Any

import openpyxl
import pytest
from PIL import Image
from sqlalchemy import insert, select

from handlers.router import Router
from services import digest
from services.reports import stage_of
from storage.db import Database
from storage.models import (
    attendance_t,
    checks_t,
    conversations_t,
    orders_t,
    outbox_t,
    photos_t,
    products_t,
    rsvps_t,
    sellers_t,
    trainings_t,
    users_t,
)
from storage.models import training_districts_t as districts_t
from tests.chat import ChatUser, seat
from tests.conftest import ADMIN_ID, ZONE

NOW = datetime.now(UTC)
BANKURA, HOWRAH = 501, 502  # coordinators
SELLER, STRANGER = 2001, 9999
NAMES = {
    2001: "Rina Das",
    2002: "Mina Pal",
    2003: "Sima Ghosh",
    2004: "Anita Mondal",
    2005: "Puja Bag",
    2006: "Kamala Das",
    2007: "Raju Sarkar",
    2008: "Bikash Das",
    3001: "Tapas Pal",
    3002: "Suman Das",
}
STAGES = {
    2001: "registered_only",
    2002: "no_good_photo",
    2003: "listing_not_ready",
    2004: "not_checked",
    2005: "blocked",
    2006: "steps",
    2007: "ready",
    2008: "ready",
    3001: "registered_only",
    3002: "ready",
}
EMPTY = dict.fromkeys(
    (
        "registered",
        "products",
        "photos",
        "ready",
        "checked",
        "v_ready",
        "v_steps",
        "v_blocked",
        "invited",
        "attended",
        "orders",
    ),
    0,
)


def phone(user_id: int) -> str:
    return f"+91983001{user_id:04d}"


class Seed:
    """Rows written straight into the tables: sellers at every stage, in two districts."""

    def __init__(self) -> None:
        self.rows: dict[Any, list[dict[str, Any]]] = {}
        self.next_product = 1

    def add(self, table: Any, **values: Any) -> None:
        self.rows.setdefault(table, []).append(values)

    def seller(self, uid: int, district: str, days_ago: float) -> None:
        at = NOW - timedelta(days=days_ago)
        self.add(
            users_t,
            user_id=uid,
            locale="en",
            lang_offered=True,
            created_at=at,
            last_seen_at=at,
        )
        self.add(
            sellers_t,
            user_id=uid,
            name=NAMES.get(uid, f"Seller {uid}"),
            district=district,
            phone=phone(uid),
            craft_id="dokra",
            consent_at=at,
            registered_at=at,
            updated_at=at,
        )

    def product(self, uid: int, district: str, status: str, problems: str | None) -> int:
        pid = self.next_product
        self.next_product += 1
        at = NOW - timedelta(days=3)
        self.add(
            products_t,
            id=pid,
            seller_id=uid,
            sku=f"ES-{district}-{pid:06d}",
            status=status,
            district=district,
            answers={"what": {"id": "dokra"}},
            created_at=at,
            updated_at=at,
        )
        if problems is not None:
            self.add(
                photos_t,
                product_id=pid,
                position=0,
                content_hash=f"h{pid}",
                path="x.jpg",
                width=1200,
                height=1200,
                problems=problems,
                created_at=at,
            )
        return pid

    def check(self, uid: int, status: str, days_ago: float) -> None:
        self.add(
            checks_t,
            seller_id=uid,
            status=status,
            findings=[{"rule": "iec", "level": "step"}] if status != "ready" else [],
            answers={},
            rules_version="t",
            checked_at=NOW - timedelta(days=days_ago),
        )

    async def write(self, db: Database) -> None:
        order = [
            users_t,
            sellers_t,
            products_t,
            photos_t,
            checks_t,
            trainings_t,
            districts_t,
            rsvps_t,
            attendance_t,
            orders_t,
            conversations_t,
        ]
        async with db.transaction() as repo:
            for table in order:
                if self.rows.get(table):
                    await repo.connection.execute(insert(table), self.rows[table])
            if db.dialect == "postgresql":
                for name in ("products", "trainings"):
                    await repo.connection.exec_driver_sql(
                        f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                        f"(SELECT max(id) FROM {name}))"
                    )
            # Rows written around the repositories: the progress table is rebuilt, as at a
            # start-up after such an import.
            assert await repo.reports.heal()


def training(seed: Seed, tid: int, district: str, starts: datetime) -> None:
    seed.add(
        trainings_t,
        id=tid,
        title=f"Training {tid}",
        place="Block office",
        starts_at=starts,
        invited=0,
        created_by=ADMIN_ID,
        created_at=NOW - timedelta(days=30),
    )
    seed.add(districts_t, training_id=tid, district=district)


def registration(seed: Seed, uid: int, answers: dict[str, Any], days_ago: float) -> None:
    at = NOW - timedelta(days=days_ago)
    seed.add(users_t, user_id=uid, locale="bn", lang_offered=True, created_at=at, last_seen_at=at)
    seed.add(
        conversations_t,
        user_id=uid,
        flow="reg",
        step="phone",
        answers=answers,
        data={},
        active=True,
        version=3,
        updated_at=at,
    )


@pytest.fixture
async def programme(db: Database, admin: ChatUser) -> Database:
    """Ten sellers (eight in Bankura, two in Howrah) at known stages; coordinators appointed."""
    seed = Seed()
    for uid, days in zip(range(2001, 2009), (40, 35, 30, 25, 20, 15, 12, 10), strict=True):
        seed.seller(uid, "BNK", days)
    seed.seller(3001, "HWH", 20)
    seed.seller(3002, "HWH", 5)
    seed.product(2002, "BNK", "draft", "dark")
    seed.product(2003, "BNK", "draft", "")
    for uid in (2004, 2005, 2006, 2007, 2008):
        seed.product(uid, "BNK", "ready", "")
    seed.product(2007, "BNK", "draft", None)  # a second product, no photo yet
    seed.product(3002, "HWH", "ready", "")
    seed.check(2005, "blocked", 2)
    seed.check(2006, "blocked", 3)
    seed.check(2006, "steps", 1)  # the newest check counts
    seed.check(2007, "ready", 2)
    seed.check(2008, "ready", 2)
    seed.check(3002, "ready", 1)
    training(seed, 1, "BNK", NOW + timedelta(days=2))  # everyone in Bankura is invited
    training(seed, 2, "BNK", NOW - timedelta(days=8))
    training(seed, 3, "HWH", NOW - timedelta(days=10))  # only Tapas registered before it
    seed.add(rsvps_t, training_id=1, user_id=2008, answer="yes", answered_at=NOW)
    seed.add(attendance_t, training_id=2, user_id=2007, marked_by=BANKURA, marked_at=NOW)
    for uid, status, days in ((2007, "open", -2), (3002, "shipped", 1)):
        seed.add(
            orders_t,
            seller_id=uid,
            sku="SKU-1",
            quantity=1,
            ship_by=(NOW + timedelta(days=days)).date(),
            source="manual",
            status=status,
            created_by=uid,
            created_at=NOW,
        )
    registration(seed, 4001, {"name": "Gita Roy", "district": "BNK"}, 6)
    registration(seed, 4002, {"name": "Nobody Yet"}, 4)
    await seed.write(db)
    await seat(admin.router.db, 501, None)  # a user of ours already (their number is their id)
    await admin.says("/addcoordinator 501 Bankura")
    await seat(admin.router.db, 502, None)  # a user of ours already (their number is their id)
    await admin.says("/addcoordinator 502 Howrah")
    return db


def user(router: Router, uid: int) -> ChatUser:
    return ChatUser(router, uid, language_code="en")


# --- who may do what --------------------------------------------------------------------------

STAFF_REFUSAL = "only for district coordinators"
ADMIN_REFUSAL = "only for administrators"
TABLE = {
    # command: (admin, coordinator of Bankura, of Howrah, seller, stranger) may use it
    "/stats": (True, True, True, False, False),
    "/sellers": (True, True, True, False, False),
    "/seller Rina": (True, True, True, False, False),
    "/pending": (True, True, True, False, False),
    "/removecoordinator 777": (True, False, False, False, False),
    "/coordinators": (True, False, False, False, False),
    "/audit": (True, False, False, False, False),
}


async def test_who_may_use_each_command(programme: Database, router: Router) -> None:
    people = [user(router, u) for u in (ADMIN_ID, BANKURA, HOWRAH, SELLER, STRANGER)]
    for command, allowed in TABLE.items():
        for person, may in zip(people, allowed, strict=True):
            await person.says(command)
            said = person.text()
            refused = STAFF_REFUSAL in said or ADMIN_REFUSAL in said
            assert refused != may, (command, person.user_id, said)
            assert "went wrong" not in said.lower(), (command, person.user_id, said)


async def test_sellers_sheet_is_staff_only_and_scoped(
    programme: Database, router: Router, monkeypatch: pytest.MonkeyPatch
) -> None:
    seller = user(router, SELLER)
    await seller.says("/export sellers")
    assert STAFF_REFUSAL in seller.text()
    bankura = user(router, BANKURA)
    await bankura.says("/export sellers")
    documents = [o.document for o in bankura.last if o.document is not None]
    assert len(documents) == 1 and documents[0].filename.endswith(".xlsx")
    sheet = openpyxl.load_workbook(documents[0].path).active
    table = [[c.value for c in row] for row in sheet.iter_rows()]
    assert table[0][:4] == ["Name", "District", "Craft", "Stage"]
    assert sorted(r[0] for r in table[1:]) == sorted(NAMES[u] for u in range(2001, 2009))
    rina = next(r for r in table[1:] if r[0] == "Rina Das")
    assert rina[3] == "registered, no product" and rina[8] == "+91 98300 12001"
    await bankura.says("/export sellers Howrah")
    assert "not in your districts" in bankura.text()


# --- /stats -------------------------------------------------------------------------------------


async def test_funnel_counts_are_exact(programme: Database) -> None:
    async with programme.transaction() as repo:
        found = await repo.reports.funnel(None)
        only_howrah = await repo.reports.funnel(frozenset({"HWH"}))
    bankura = EMPTY | {
        "registered": 8,
        "products": 7,
        "photos": 6,
        "ready": 5,
        "checked": 4,
        "v_ready": 2,
        "v_steps": 1,
        "v_blocked": 1,
        "invited": 8,
        "attended": 1,
        "orders": 1,
    }
    howrah = EMPTY | {
        "registered": 2,
        "products": 1,
        "photos": 1,
        "ready": 1,
        "checked": 1,
        "v_ready": 1,
        "invited": 1,
        "orders": 1,
    }
    assert found == {"BNK": bankura, "HWH": howrah}
    assert only_howrah == {"HWH": howrah}


async def test_stats_text_and_chart_for_one_district(programme: Database, router: Router) -> None:
    bankura = user(router, BANKURA)
    await bankura.says("/stats")
    caption = bankura.last[0]
    assert len(caption.photos) == 1
    text = bankura.text()
    assert "Bankura" in text and "Registered: 8" in text
    assert "With a product: 7 (88%)" in text and "Listing ready: 5 (62%)" in text
    assert "ready 2, with steps 1, not allowed 1" in text
    image = Image.open(caption.photos[0])
    assert image.format == "PNG" and 400 <= image.width <= 2000 and 200 <= image.height <= 3000
    await bankura.says("/stats Howrah")
    assert "not in your districts" in bankura.text() and not bankura.last[0].photos


async def test_stats_for_all_districts_has_a_grouped_chart_and_a_short_caption(
    programme: Database, router: Router
) -> None:
    admin = user(router, ADMIN_ID)
    await admin.says("/language bn")
    await admin.says("/stats")
    caption, by_district = admin.last
    assert len(caption.photos) == 1 and len(caption.text) <= 1024
    assert "বাঁকুড়া: ৮" in by_district.text and "হাওড়া: ২" in by_district.text
    assert "পুরুলিয়া" not in by_district.text  # nobody registered there
    image = Image.open(caption.photos[0])
    assert image.height < 600  # the two districts with sellers, not 21 empty rows
    nobody = user(router, 503)
    await seat(router.db, 503, None)  # a user of ours already (their number is their id)
    await ChatUser(router, ADMIN_ID, language_code="en").says("/addcoordinator 503 Purulia")
    await nobody.says("/stats")
    assert "No sellers have registered in Purulia" in nobody.text()


# --- /seller ------------------------------------------------------------------------------------


async def test_seller_by_id_phone_and_name(programme: Database, router: Router) -> None:
    bankura = user(router, BANKURA)
    for query in ("2001", "+91 98300 12001", "৯৮৩০০১২০০১", "rina"):
        await bankura.says(f"/seller {query}")
        card = bankura.text()
        assert "Rina Das" in card and "+91 98300 12001" in card, query
        assert "registered, no product" in card and "No products yet" in card
    await bankura.says("/seller Das")
    assert "Several sellers match" in bankura.text()
    data = bankura.button_data()
    assert sorted(data) == ["cs:card:2001", "cs:card:2006", "cs:card:2008"]  # not Howrah's
    await bankura.presses("Kamala Das")
    card = bankura.text()
    assert "possible after some steps" in card and "1 open:\n• Get an IEC" in card
    assert "iec," not in card and ": iec" not in card  # people read what to do, not rule ids
    assert "🔔" in bankura.buttons()[0]
    await bankura.says("/seller Nobody")
    assert "found no seller" in bankura.text()
    await bankura.says("/seller 123456")
    assert "found no seller" in bankura.text()
    await bankura.says("/seller")
    assert "Usage" in bankura.text()


async def test_card_is_only_for_the_sellers_district(programme: Database, router: Router) -> None:
    howrah = user(router, HOWRAH)
    for query in ("2001", "9830012001"):
        await howrah.says(f"/seller {query}")
        assert "not in your districts" in howrah.text()
        assert "98300" not in howrah.text()
    await howrah.says("/seller Rina")
    assert "found no seller" in howrah.text()
    await howrah.presses_data("cs:card:2001")
    assert "not in your districts" in howrah.text()
    admin = user(router, ADMIN_ID)
    await admin.presses_data("cs:card:3002")
    card = admin.text()
    assert "Suman Das" in card and "+91 98300 13002" in card
    assert "Orders: 0 open, 0 overdue" in card
    await admin.presses_data("cs:card:2007")
    card = admin.text()
    assert "Orders: 1 open, 1 overdue" in card and "Training 2" in card and "attended" in card
    assert "main photo needs work" in card  # the second product has no photo


async def test_lists_show_phones_masked_and_cards_in_full(
    programme: Database, router: Router
) -> None:
    bankura = user(router, BANKURA)
    await bankura.says("/sellers")
    listing = bankura.text()
    assert "••••••••2001" in listing and "98300 12001" not in listing
    await bankura.presses("Rina Das")
    assert "+91 98300 12001" in bankura.text()


async def test_blocked_and_opted_out_sellers_are_marked(
    programme: Database, router: Router
) -> None:
    from sqlalchemy import update

    async with programme.transaction() as repo:
        await repo.connection.execute(
            update(users_t).where(users_t.c.user_id == 2001).values(opted_out_at=NOW)
        )
        await repo.connection.execute(
            update(users_t).where(users_t.c.user_id == 2002).values(blocked_at=NOW)
        )
    bankura = user(router, BANKURA)
    await bankura.presses_data("cs:card:2001")
    assert "Stopped messages" in bankura.text()
    await bankura.presses_data("cs:card:2002")
    assert "Blocked the bot" in bankura.text()
    await bankura.presses_data("cs:nudge:2001:product")
    assert "no reminder was sent" in bankura.text()


async def test_stage_on_the_card_matches_the_lists(programme: Database) -> None:
    async with programme.transaction() as repo:
        for uid, expected in STAGES.items():
            products = await repo.products.of_seller(uid)
            latest = await repo.checks.latest_of_seller(uid)
            assert stage_of(products, latest) == expected, uid
            assert (await repo.reports.stage_of(uid))[0] == expected, uid
        total, page = await repo.reports.sellers_page(None, "ready", 10, 0)
    assert total == 3 and sorted(s.user_id for s in page) == [2007, 2008, 3002]


# --- /sellers -----------------------------------------------------------------------------------


async def test_sellers_pages_and_stage_filter(programme: Database, router: Router) -> None:
    seed = Seed()
    for n in range(22):
        seed.seller(5000 + n, "BNK", 1 + n / 100)
    await seed.write(programme)
    bankura = user(router, BANKURA)
    await bankura.says("/sellers Bankura registered_only")
    assert "23 (page 1 of 3)" in bankura.text()
    data = bankura.button_data()
    assert data[-1] == "cs:page:2:BNK:registered_only"
    assert len([d for d in data if d.startswith("cs:card:")]) == 10
    await bankura.presses("Next")
    assert "page 2 of 3" in bankura.text()
    assert bankura.button_data()[-2:] == [
        "cs:page:1:BNK:registered_only",
        "cs:page:3:BNK:registered_only",
    ]
    await bankura.presses("Next")
    assert "page 3 of 3" in bankura.text() and "Rina Das" in bankura.text()  # oldest last
    assert bankura.button_data()[-1] == "cs:page:2:BNK:registered_only"
    await bankura.says("/sellers blocked")
    assert "Puja Bag" in bankura.text() and "(page 1 of 1)" in bankura.text()
    await bankura.says("/sellers Howrah")
    assert "not in your districts" in bankura.text()
    await bankura.says("/sellers nowhere")
    assert "not a West Bengal district" in bankura.text() and "Usage" in bankura.text()
    bengali = ChatUser(router, BANKURA, language_code="bn")
    await bengali.says("/language")
    await bengali.presses("বাংলা")
    await bengali.says("/sellers Bankura registered_only")
    assert bengali.buttons()[0].startswith("১. ") and "১." in bengali.text()  # one kind of digit


async def test_forged_and_stale_buttons_are_refused(programme: Database, router: Router) -> None:
    bankura = user(router, BANKURA)
    for data in (
        "cs:card:abc",
        "cs:card:-1",
        "cs:nudge:2001:zzz",
        "cs:page:0:*:*",
        "cs:page:1:*:nonsense",
        "cs:pend:photo:*:x",
        "cs:what",
        "cs:card:" + "9" * 40,
    ):
        await bankura.presses_data(data)
        assert "no longer valid" in bankura.text() or "button" in bankura.text().lower(), data
    await bankura.presses_data("cs:page:1:HWH:*")
    assert "not one of yours" in bankura.text()
    await bankura.presses_data("cs:page:1:XXX:*")
    assert "not one of yours" in bankura.text()


async def test_removed_coordinators_old_buttons_are_refused(
    programme: Database, router: Router, admin: ChatUser
) -> None:
    bankura = user(router, BANKURA)
    await bankura.says("/sellers")
    await seat(admin.router.db, 501, None)  # a user of ours already (their number is their id)
    await admin.says("/addcoordinator 501 Howrah")
    await admin.says("/removecoordinator 501 Bankura")
    assert "no longer a coordinator for: Bankura" in admin.text() and "left: 1" in admin.text()
    await bankura.presses("Rina Das")
    assert "not in your districts" in bankura.text()
    await bankura.presses_data("cs:page:2:BNK:*")
    assert "not one of yours" in bankura.text()
    await admin.says("/removecoordinator 501")
    await bankura.presses_data("cs:card:3001")
    assert STAFF_REFUSAL in bankura.text()
    await bankura.says("/pending")
    assert STAFF_REFUSAL in bankura.text()


# --- /pending and nudges --------------------------------------------------------------------


async def test_pending_groups_by_stage_longest_first(programme: Database, router: Router) -> None:
    bankura = user(router, BANKURA)
    await bankura.says("/pending")
    texts = [o.text for o in bankura.last]
    assert "Who is stuck" in texts[0]
    groups = texts  # the title rides on the first group's message (one message per answer)
    expected = [
        ("Registration not finished", "Gita Roy"),
        ("No product yet", "Rina Das"),
        ("Photos need work", "Mina Pal"),
        ("Listing not confirmed", "Sima Ghosh"),
        ("Export check not done", "Anita Mondal"),
        ("No training yet", "Kamala Das"),
    ]
    assert len(groups) == len(expected)
    for text, (stage, name) in zip(groups, expected, strict=True):
        assert stage in text and name in text and ": 1" in text, text
    assert "for 6 days" in groups[0] and "for 40 days" in groups[1]
    assert "for 1 day" in groups[5]  # since the newest check
    joined = "\n".join(texts)
    for name in ("Puja Bag", "Raju Sarkar", "Bikash Das", "Tapas Pal", "Nobody Yet"):
        assert name not in joined  # blocked, trained, coming, another district, no district
    admin = user(router, ADMIN_ID)
    await admin.says("/pending")
    joined = "\n".join(o.text for o in admin.last)
    assert "Nobody Yet" in joined and "Tapas Pal" in joined and "Suman Das" in joined


async def test_nudge_is_queued_once_a_day_and_scope_checked(
    programme: Database, router: Router
) -> None:
    bankura = user(router, BANKURA)
    await bankura.says("/pending")
    offered = [b for o in bankura.last for row in o.buttons for b in row]
    assert ("🔔 Rina Das", "cs:nudge:2001:product") in [(b.label, b.data) for b in offered]
    await bankura.presses_data("cs:nudge:2001:product")
    assert "reminder to Rina Das is on its way" in bankura.text()
    await bankura.presses_data("cs:nudge:2001:product")
    assert "already got a reminder" in bankura.text()
    await bankura.presses_data("cs:nudge:4001:reg")
    assert "on its way" in bankura.text()
    await bankura.presses_data("cs:nudge:2004:photo")  # 2004 is past the photos
    assert "moved past that step" in bankura.text()
    howrah = user(router, HOWRAH)
    await howrah.presses_data("cs:nudge:2003:draft")
    assert "not in your districts" in howrah.text()
    await howrah.presses_data("cs:nudge:4002:reg")  # no district yet: admins only
    assert "not in your districts" in howrah.text()
    async with programme.transaction() as repo:
        rows = (await repo.connection.execute(select(outbox_t))).all()
    today = datetime.now(ZONE).date().isoformat()
    assert sorted((r.recipient, r.kind, r.ref, r.message) for r in rows) == [
        (2001, "nudge", f"nudge:product:{today}", "cs-nudge-product"),
        (4001, "nudge", f"nudge:reg:{today}", "cs-nudge-reg"),
    ]
    assert all(r.quiet and r.buttons for r in rows)


async def test_a_training_nudge_only_where_a_training_is_coming(
    programme: Database, router: Router
) -> None:
    """Bankura has a training in two days: Kamala can be nudged. Howrah's last training is
    over: Suman is listed, with a word on scheduling one, and no button to press."""
    bankura = user(router, BANKURA)
    await bankura.says("/pending")
    assert "cs:nudge:2006:training" in bankura.button_data()
    howrah = user(router, HOWRAH)
    await howrah.says("/pending")
    group = next(o for o in howrah.last if "No training yet" in o.text)
    assert "Suman Das" in group.text and "schedule one with /newtraining" in group.text
    assert not [b for row in group.buttons for b in row if b.data.startswith("cs:nudge:")]
    await howrah.presses_data("cs:nudge:3002:training")  # an old or forged button
    assert "schedule one with /newtraining" in howrah.text()
    async with programme.transaction() as repo:
        rows = (await repo.connection.execute(select(outbox_t))).all()
    assert not [r for r in rows if r.recipient == 3002]


async def test_pending_more_pages_through_one_stage(programme: Database, router: Router) -> None:
    seed = Seed()
    for n in range(12):
        seed.seller(5000 + n, "BNK", 1 + n / 10)
    await seed.write(programme)
    bankura = user(router, BANKURA)
    await bankura.says("/pending Bankura")
    group = next(o for o in bankura.last if "No product yet" in o.text)
    assert ": 13" in group.text
    more = [b.data for row in group.buttons for b in row if b.data.startswith("cs:pend:")]
    assert more == ["cs:pend:product:BNK:1"]
    await bankura.presses_data(more[0])
    assert bankura.text().count("•") == 10 and bankura.button_data()[-1] == "cs:pend:product:BNK:2"
    await bankura.presses_data("cs:pend:product:BNK:2")
    assert bankura.text().count("•") == 3


# --- admins: coordinators and the audit log -----------------------------------------------------


async def test_coordinators_list_and_removal(programme: Database, router: Router) -> None:
    admin = user(router, ADMIN_ID)
    await admin.says("/coordinators")
    assert "Coordinators (2)" in admin.text()
    assert "501: Bankura" in admin.text() and "502: Howrah" in admin.text()
    await admin.says("/removecoordinator 502")
    assert "no longer a coordinator for: Howrah" in admin.text()
    await admin.says("/removecoordinator 502")
    assert "was not a coordinator" in admin.text()
    await admin.says("/removecoordinator 501 Atlantis")
    assert "not a West Bengal district" in admin.text()
    await admin.says("/removecoordinator abc")
    assert "Usage" in admin.text()
    await admin.says("/coordinators")
    assert "Coordinators (1)" in admin.text() and "502" not in admin.text()


async def test_audit_shows_who_read_whose_data(programme: Database, router: Router) -> None:
    bankura = user(router, BANKURA)
    await bankura.says("/seller 2001")
    await bankura.says("/sellers")
    admin = user(router, ADMIN_ID)
    await admin.says("/audit")
    text = admin.text()
    assert "reads of personal data" in text
    assert "501 → Rina Das (2001): seller card" in text and "seller list" in text
    # what a list read covered, in words, not "districts=BNK n=2 stage=* page=1"
    assert "=" not in text and "Bankura · " in text and "all stages · page 1" in text
    await admin.says("/audit 1")
    assert admin.text().count("→") == 1 and "seller list" in admin.text()
    await bankura.says("/audit")
    assert ADMIN_REFUSAL in bankura.text()
    for _ in range(14):  # 16 reads in all now
        await bankura.says("/seller 2002")
    await admin.says("/audit 20")
    assert admin.text().count("→") == 16 and "last 16 reads" in admin.text()
    await admin.says("/audit ১২")
    assert admin.text().count("→") == 12


# --- the 09:00 digest ------------------------------------------------------------------------


async def test_daily_digest_one_row_per_coordinator_once(programme: Database) -> None:
    seed = Seed()
    seed.seller(6001, "BNK", 0.2)  # registered since yesterday
    seed.seller(6002, "HWH", 7.5)  # a week without a product: newly stuck
    await seed.write(programme)
    for _ in range(2):
        async with programme.transaction() as repo:
            await digest.send(repo, datetime.now(UTC), ZONE)
    async with programme.transaction() as repo:
        rows = (
            await repo.connection.execute(select(outbox_t).where(outbox_t.c.kind == "digest"))
        ).all()
    today = datetime.now(ZONE).date().isoformat()
    by = {r.recipient: r for r in rows}
    assert sorted(by) == [BANKURA, HOWRAH] and all(r.ref == f"digest:{today}" for r in rows)
    assert by[BANKURA].args["new"] == 1 and by[BANKURA].args["trainings"] == 1
    assert by[BANKURA].args["has_next"] is True and by[BANKURA].args["overdue"] == 1
    assert by[HOWRAH].args["new"] == 0 and by[HOWRAH].args["stuck"] == 1
    assert by[HOWRAH].args["trainings"] == 0


async def test_the_digest_counts_stale_rules_on_the_first_of_the_month(
    programme: Database,
) -> None:
    for day in (datetime(2027, 7, 1, 4, tzinfo=UTC), datetime(2027, 7, 2, 4, tzinfo=UTC)):
        async with programme.transaction() as repo:
            await digest.send(repo, day, ZONE, stale=12)
    async with programme.transaction() as repo:
        rows = (
            await repo.connection.execute(select(outbox_t).where(outbox_t.c.kind == "digest"))
        ).all()
    by_day = {r.ref: r.args for r in rows}
    assert by_day["digest:2027-07-01"]["has_stale"] is True
    assert by_day["digest:2027-07-01"]["stale"] == 12
    assert by_day["digest:2027-07-02"]["has_stale"] is False


async def test_digest_renders_in_every_language(messages: Any) -> None:
    args = {
        "new": 3,
        "stuck": 1,
        "days": 7,
        "window": 3,
        "trainings": 1,
        "has_next": True,
        "next_title": "Photos <for> Amazon",
        "next_when": "01/12 15:00",
        "overdue": 0,
        "has_stale": False,
        "stale": 4,
    }
    for locale in ("bn", "en", "hi"):
        text = messages.text(locale, "cs-digest", args)
        assert "Photos &lt;for&gt; Amazon" in text and "{" not in text and "/rules" not in text
        monthly = messages.text(locale, "cs-digest", {**args, "has_stale": True})
        assert monthly.startswith(text + "\n📋 ") and "/rules" in monthly


def test_chart_sizes_fit_telegram() -> None:
    from services import places
    from services.reports import CHART_MEASURES, funnel_chart, funnel_rows

    labels = {m: m for m in (*CHART_MEASURES, "sellers")}

    counts = {"registered": 120, "products": 90, "photos": 70, "ready": 60, "orders": 5}
    found = {d.code: counts for d in places.districts()}
    for rows in (
        funnel_rows({"BNK": counts}, ["BNK"], lambda c: "Bankura"),
        funnel_rows(found, [], lambda c: c),
        funnel_rows({}, ["BNK", "PRL"]),  # nobody yet: still a picture
    ):
        image = Image.open(io.BytesIO(funnel_chart(rows, "Sellers at each step", labels)))
        width, height = image.size
        assert image.format == "PNG" and width + height <= 10_000
        assert 300 <= width <= 2000 and max(width, height) / min(width, height) <= 20


def test_the_all_districts_chart_shows_districts_with_sellers_and_whole_numbers() -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from services import places
    from services.reports import CHART_MEASURES, _grouped, funnel_rows

    labels = {m: m for m in (*CHART_MEASURES, "sellers")}
    rows = funnel_rows(
        {"BNK": {"registered": 2, "products": 1}, "PRL": {"registered": 1}},
        [d.code for d in places.districts()],
        lambda c: c,
    )
    figure = _grouped(rows, "Sellers", labels)
    FigureCanvasAgg(figure).draw()
    [axes] = figure.axes
    assert [t.get_text() for t in axes.get_yticklabels()] == ["BNK", "PRL"]  # not 21 empty rows
    ticks = [t for t in axes.get_xticks() if 0 <= t <= 2]
    assert ticks and all(float(t).is_integer() for t in ticks)  # no 0.2 of a seller
    assert figure.get_size_inches()[1] * figure.dpi < 600


def test_pending_stage_follows_the_funnel() -> None:
    from services.reports import pending_of

    assert [pending_of(s, trained=False) for s in STAGE_ORDER] == [
        "product",
        "photo",
        "draft",
        "check",
        None,
        "training",
        "training",
    ]
    assert pending_of("ready", trained=True) is None and pending_of("steps", trained=True) is None


STAGE_ORDER = (
    "registered_only",
    "no_good_photo",
    "listing_not_ready",
    "not_checked",
    "blocked",
    "steps",
    "ready",
)


async def test_a_coordinator_of_two_districts_gets_bars_per_district(
    programme: Database, router: Router, admin: ChatUser
) -> None:
    await seat(admin.router.db, 501, None)  # a user of ours already (their number is their id)
    await admin.says("/addcoordinator 501 Howrah")
    bankura = user(router, BANKURA)
    await bankura.says("/stats")
    caption, by_district = bankura.last
    assert "Bankura, Howrah" in caption.text and "Registered: <b>10</b>" in caption.text
    assert "Bankura: 8" in by_district.text and "Howrah: 2" in by_district.text
    image = Image.open(caption.photos[0])
    assert image.width > 400


async def test_a_coordinators_menu_is_the_console_not_a_registration(
    programme: Database, router: Router
) -> None:
    bankura = user(router, BANKURA)
    await bankura.says("/language bn")
    assert bankura.buttons()[:4] == ["📊 অগ্রগতি", "⏳ কে আটকে", "👥 বিক্রেতারা", "📝 নিবন্ধন করুন"]
    await bankura.presses("⏳ কে আটকে")
    assert "Rina Das" in bankura.text()
    await bankura.says("/menu")
    await bankura.presses("👥 বিক্রেতারা")
    assert len([b for b in bankura.buttons() if "Das" in b or "Rina" in b]) >= 1
    seller = user(router, SELLER)
    await seller.says("/menu")
    assert "📊 Progress" not in seller.buttons()


async def test_a_coordinator_typing_while_idle_is_not_started_on_a_registration(
    programme: Database, router: Router
) -> None:
    bankura = user(router, BANKURA)
    await bankura.says("hello there")
    assert "📊 Progress" in bankura.buttons()
    async with programme.transaction() as repo:
        state = await repo.conversations.get(BANKURA)
    assert state is None


async def test_an_id_beyond_64_bits_gets_a_clear_answer(admin: ChatUser) -> None:
    """Found by fuzzing: an id no database integer holds must not crash the command (nor tell
    the admin to try again later, which could never work)."""
    await admin.says("/addcoordinator 99999999999999999999 howrah")
    text = admin.text()
    assert "try again" not in text.casefold() and text
    assert "is now a coordinator" not in text  # no one has that id: the usage is shown
    await admin.says("/removecoordinator 99999999999999999999")
    assert "try again" not in admin.text().casefold()
    await admin.says("/seller 99999999999999999999")
    assert "try again" not in admin.text().casefold()
