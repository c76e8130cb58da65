"""The export check through the router: product or description, destination, questions,
verdict saved; offers after registration and new products; the coordinators' overview."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.i18n import Messages
from handlers.router import Router
from services import calendar as compliance
from services.calendar import CalendarError, due_reminders, load_calendar, parse_calendar
from storage.db import Database
from storage.records import SellerRecord
from tests.chat import ChatUser, FileShelf, seat
from tests.conftest import ZONE
from tests.images import good_photo
from tests.test_products import describe_in_bengali
from tests.test_registration import register_in_bengali


async def latest_check(db: Database, user_id: int):
    async with db.transaction() as repo:
        return await repo.checks.latest_of_seller(user_id)


async def answer_all(user: ChatUser, label: str, limit: int = 20) -> None:
    """Answer every question the rules ask with the same button, until the verdict."""
    for _ in range(limit):
        data = user.button_data()
        if not any(d.startswith("f:elig:question:") for d in data):
            return
        await user.presses(label)
    raise AssertionError("too many questions")


@pytest.fixture
async def registered(seller: ChatUser) -> ChatUser:
    await register_in_bengali(seller)
    return seller


async def test_registration_offers_the_check(seller: ChatUser) -> None:
    await register_in_bengali(seller)
    assert "elig:start" in seller.button_data()


async def test_describe_an_item_with_peacock_feathers_is_blocked(
    registered: ChatUser, db: Database
) -> None:
    user = registered
    await user.says("/check")
    assert "এমন জিনিস" in " ".join(user.buttons())
    await user.presses("এমন জিনিস")
    await user.says("ময়ূরের পালকের পাখা")
    await user.presses("USA" if "USA" in " ".join(user.buttons()) else "যেকোনো")
    await answer_all(user, "না")
    assert "⛔" in user.text()
    check = await latest_check(db, user.user_id)
    assert check is not None and check.status == "blocked"
    assert check.description == "ময়ূরের পালকের পাখা" and check.product_id is None


async def test_a_catalogued_dokra_is_checked_from_its_answers(
    registered: ChatUser, db: Database
) -> None:
    user = registered
    await user.says("/addproduct")
    await user.sends_photo(good_photo())
    await user.presses("হয়ে গেছে")
    await describe_in_bengali(user)
    await user.presses("হ্যাঁ, সব ঠিক আছে")
    await user.presses("রফতানি করা যাবে কিনা")  # offered after saving the product
    assert "কোথায় বিক্রি করতে চান" in user.text()  # straight to the destination
    await user.presses(user.buttons()[0])
    await answer_all(user, "জানি না")
    check = await latest_check(db, user.user_id)
    assert check is not None and check.product_id is not None
    assert check.status in ("steps", "blocked")  # unknown answers never give "ready"
    assert "🟡" in user.text() or "⛔" in user.text()


async def test_typed_answers_and_stale_question_buttons(registered: ChatUser) -> None:
    user = registered
    await user.says("/check")
    await user.presses("এমন জিনিস")
    await user.says("পালকের পাখা")  # "feather" alone: the rules must ask which bird
    await user.presses(user.buttons()[0])
    assert any(d.startswith("f:elig:question:") for d in user.button_data())
    await user.presses_data("f:elig:question:yes:not_a_question")
    assert "পুরনো মেসেজের" in user.text()
    assert any(d.startswith("f:elig:question:") for d in user.button_data())  # asked again
    await user.says("আকাশ নীল")  # not an answer
    assert "বোতাম দিয়ে" in user.text()
    await user.says("জানি না")  # typed instead of pressed
    assert "বোতাম দিয়ে" not in user.text()
    await answer_all(user, "না")
    assert "🟡" in user.text() or "✅" in user.text()


async def test_product_deleted_mid_check_is_saved_unlinked(
    registered: ChatUser, db: Database
) -> None:
    user = registered
    await user.says("/addproduct")
    await user.sends_photo(good_photo())
    await user.presses("হয়ে গেছে")
    await describe_in_bengali(user)
    await user.presses("হ্যাঁ, সব ঠিক আছে")
    await user.presses("রফতানি করা যাবে কিনা")
    async with db.transaction() as repo:
        [product] = await repo.products.of_seller(user.user_id)
        await repo.products.delete(product.id)
    await user.presses(user.buttons()[0])
    await answer_all(user, "না")
    check = await latest_check(db, user.user_id)
    assert check is not None and check.product_id is None


async def test_staff_overview_is_scoped(
    registered: ChatUser, admin: ChatUser, router: Router
) -> None:
    user = registered
    await user.says("/check")
    await user.presses("এমন জিনিস")
    await user.says("পাটের ব্যাগ")
    await user.presses(user.buttons()[0])
    await answer_all(user, "হ্যাঁ")
    await seat(admin.router.db, 601, None)  # a user of ours already (their number is their id)
    await admin.says("/addcoordinator 601 Bankura")
    await seat(admin.router.db, 602, None)  # a user of ours already (their number is their id)
    await admin.says("/addcoordinator 602 Howrah")
    bankura = ChatUser(router, 601, language_code="en")
    await bankura.says("/checks")
    assert "রিনা দাস" in bankura.text()
    await user.says("/check")  # again, an item that cannot go: the list says why first
    await user.presses("এমন জিনিস")
    await user.says("ময়ূরের পালকের পাখা")
    await user.presses(user.buttons()[0])
    await answer_all(user, "না")
    await bankura.says("/checks")
    line = next(x for x in bankura.text().split("\n") if "রিনা দাস" in x)
    assert "⛔" in line and "1 open, first: Peacock feathers can't be exported" in line
    howrah = ChatUser(router, 602, language_code="en")
    await howrah.says("/checks")
    assert "রিনা দাস" not in howrah.text()
    await howrah.says("/checks Bankura")
    assert "not in your districts" in howrah.text()
    await user.says("/checks")
    assert "শুধু জেলার সমন্বয়কারীদের" in user.text()


async def answer_each(user: ChatUser, given: dict[str, str], default: str) -> list[str]:
    """Answer the rules' questions one by one (``given`` by question id, else ``default``);
    the ids asked, in order."""
    asked: list[str] = []
    for _ in range(25):
        data = [d for d in user.button_data() if d.startswith("f:elig:question:")]
        if not data:
            return asked
        qid = data[0].rsplit(":", 1)[1]
        asked.append(qid)
        await user.presses(given.get(qid, default))
    raise AssertionError("too many questions")


async def check_described(user: ChatUser, words: str, given: dict[str, str]) -> list[str]:
    await user.says("/check")
    await user.presses("এমন জিনিস")
    await user.says(words)
    await user.presses("যেকোনো")
    return await answer_each(user, given, "হ্যাঁ")


async def test_the_iec_from_the_pan_button_is_confirmed_once(
    registered: ChatUser, db: Database
) -> None:
    """Rina pressed "Same as my PAN" when registering: the check asks whether that IEC is
    registered on the DGFT portal. "না" puts registering it on her list (and is asked again
    next time); "হ্যাঁ" is carried over to her next checks of the financial year."""
    user = registered
    asked = await check_described(user, "পাটের ব্যাগ", {"iec_registered": "না"})
    assert asked.count("iec_registered") == 1 and "iec_updated" not in asked
    assert "IEC" in user.text() and "ANF-2A" not in user.text()  # the short form first
    await user.presses("📖 বিস্তারিত")
    text = user.text()
    assert "নথিভুক্ত করানোর পরেই" in text and "ANF-2A" in text
    assert "DGFT-তে (ভারত সরকারের বিদেশ বাণিজ্য দফতর)" in text  # explained where it first is
    assert "খরচ: ফি ৫০০ টাকা।" in text and "কোথায়: dgft.gov.in" in text
    check = await latest_check(db, user.user_id)
    assert check is not None and check.status == "steps"
    assert {"rule": "iec", "level": "readiness"}.items() <= next(
        f for f in check.findings if f["rule"] == "iec"
    ).items()

    asked = await check_described(user, "পাটের ব্যাগ", {})  # asked again; now "হ্যাঁ"
    assert "iec_registered" in asked
    check = await latest_check(db, user.user_id)
    assert check is not None and "iec" not in {f["rule"] for f in check.findings}

    asked = await check_described(user, "কাঁথা স্টোল", {})
    assert "iec_registered" not in asked  # carried over


async def test_chai_meaning_want_is_not_tea_and_bare_cha_is_asked(
    registered: ChatUser, db: Database
) -> None:
    user = registered
    asked = await check_described(user, "ami export korte chai", {})
    assert "is_tea" not in asked
    check = await latest_check(db, user.user_id)
    assert check is not None and "tea_board" not in {f["rule"] for f in check.findings}
    assert "darjeeling_tea" not in {f["rule"] for f in check.findings}

    asked = await check_described(user, "চা", {"is_tea": "হ্যাঁ"})
    assert asked[0] == "is_tea"
    assert "টি বোর্ডের রফতানি লাইসেন্স নিন" in user.text()
    check = await latest_check(db, user.user_id)
    assert check is not None
    assert {"tea_board", "fssai"} <= {f["rule"] for f in check.findings}


async def test_a_shankha_is_asked_about_as_shell(registered: ChatUser, db: Database) -> None:
    user = registered
    asked = await check_described(user, "শাঁখা", {"conch_rare": "না"})
    assert asked[:2] == ["conch_real", "conch_rare"]
    assert "wild_animal" not in asked and "animal_parts" not in asked
    check = await latest_check(db, user.user_id)
    assert check is not None and check.status != "blocked"
    assert "conch_shell" in {f["rule"] for f in check.findings}


# --- the compliance calendar: FDA food facility renewal, even years ------------------------


def ist(year: int, month: int, day: int, hour: int = 9) -> datetime:
    return datetime(year, month, day, hour, tzinfo=ZONE).astimezone(UTC)


async def add_seller(
    db: Database, user_id: int, craft_id: str | None, iec: str | None = None
) -> None:
    async with db.transaction() as repo:
        await repo.users.touch(user_id, "bn", "bn")
        await repo.sellers.save(
            SellerRecord(
                user_id=user_id,
                name=f"Seller {user_id}",
                district="S24",
                phone="+919830000000",
                craft_id=craft_id,
                iec=iec,
            )
        )


async def fda_refs(db: Database, user_id: int) -> list[str]:
    async with db.transaction() as repo:
        rows = await repo.outbox.of_recipient(user_id)
    return sorted(r.ref for r in rows if r.ref and r.ref.startswith("fda:"))


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (ist(2026, 10, 1), ["fda:2026:open"]),
        (ist(2026, 12, 4), ["fda:2026:open"]),  # catching up: the researcher's "today"
        (ist(2026, 12, 20), ["fda:2026:close"]),
        (ist(2027, 10, 1), []),  # odd year: nothing to renew
        (ist(2026, 9, 30), []),
    ],
)
async def test_fda_renewal_reminds_food_and_tea_sellers_in_even_years(
    db: Database, day: datetime, expected: list[str]
) -> None:
    await add_seller(db, 7001, "sundarban_honey")  # food craft
    await add_seller(db, 7002, "darjeeling_tea")  # tea craft
    await add_seller(db, 7003, "dokra", iec="AAECF2320D")  # not food
    await add_seller(db, 7004, "dokra")  # not food by craft, but checked tea leaves
    async with db.transaction() as repo:
        await repo.checks.save(
            7004, None, "চা", "US", "steps",
            [{"rule": "fssai", "level": "certificate", "unknown": False, "steps": []}],
            {"is_tea": "yes"}, "t",
        )  # fmt: skip
    async with db.transaction() as repo:
        await compliance.remind(repo, day, ZONE)
    async with db.transaction() as repo:
        await compliance.remind(repo, day, ZONE)  # twice: nothing more
    for seller in (7001, 7002, 7004):
        assert await fda_refs(db, seller) == expected, seller
    assert await fda_refs(db, 7003) == []


def test_fda_renewal_in_the_calendar(messages: Messages) -> None:
    [opening] = [r for r in load_calendar() if r.ref(2026) == "fda:2026:open"]
    assert (opening.who, opening.years, opening.opens, opening.deadline) == (
        "food", "even", (10, 1), (12, 31),
    )  # fmt: skip
    assert "21 CFR 1.230(b)" in opening.source and "[2°]" in opening.source
    assert [r.ref(y) for r, y in due_reminders(date(2026, 12, 4))] == ["fda:2026:open"]
    assert due_reminders(date(2027, 12, 4)) == []
    text = messages.text("bn", "cal-fda-open", opening.args(2026))
    assert "১/১০" in text or "1/10" in text
    with pytest.raises(CalendarError, match="years"):
        parse_calendar(
            "obligations:\n  - id: fda\n    who: food\n    years: leap\n    deadline: '12-31'\n"
            "    source: s\n    reminders: [{id: a, 'from': '10-01', until: '12-31',"
            " message: cal-fda-open}]"
        )


async def test_the_buttons_show_details_and_sources_of_the_sellers_own_check(
    registered: ChatUser, router: Router, shelf: FileShelf
) -> None:
    """The verdict's first message fits one screen; its buttons open the details and the
    sources of this seller's saved check, and nobody else's."""
    user = registered
    await user.says("/check")
    await user.presses("✏️ এমন জিনিস যা আমার পণ্যে নেই")
    await user.says("পাটের ব্যাগ")
    await user.presses("আমেরিকা (USA)")
    await answer_all(user, "না")
    first = user.text()
    assert "🟡" in first and len(first.split("\n")) <= 12
    details = next(d for d in user.button_data() if d.startswith("elig:details:"))
    sources = next(d for d in user.button_data() if d.startswith("elig:src:"))
    await user.presses("📚 সূত্র")
    assert "📚" in user.text() and "দেখা হয়েছে" in user.text() and "📄" in user.text()
    await user.presses("📖 বিস্তারিত")
    assert "কোথায়:" in user.text() and "খরচ:" in user.text()
    # Another seller pressing the same payload learns nothing about it.
    other = ChatUser(router, user_id=1002, language_code="bn", shelf=shelf)
    await register_in_bengali(other)
    await other.presses_data(details)
    assert "আর নেই" in other.text()
    await other.presses_data(sources)
    assert "আর নেই" in other.text() and "📄" not in other.text()
