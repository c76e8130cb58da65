"""The export check through the router: product or description, destination, questions,
verdict saved; offers after registration and new products; the coordinators' overview."""

from __future__ import annotations

import pytest

from handlers.router import Router
from storage.db import Database
from tests.chat import ChatUser, seat
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
    howrah = ChatUser(router, 602, language_code="en")
    await howrah.says("/checks")
    assert "রিনা দাস" not in howrah.text()
    await howrah.says("/checks Bankura")
    assert "not in your districts" in howrah.text()
    await user.says("/checks")
    assert "শুধু জেলার সমন্বয়কারীদের" in user.text()
