"""Profile, language, my data, deletion, menu and roles through the router."""

from __future__ import annotations

import json

from handlers.router import Router
from services.access import Viewer, may_see_seller
from storage.db import Database
from tests.chat import ChatUser
from tests.conftest import ADMIN_ID
from tests.test_registration import register_in_bengali, stored_seller, stored_state


async def test_profile_shows_and_edits_one_field(seller: ChatUser, db: Database) -> None:
    await register_in_bengali(seller)
    await seller.says("/profile")
    assert "রিনা দাস" in seller.text() and "বাঁকুড়া" in seller.text()
    await seller.presses("✏️ জেলা")
    assert "কোন জেলায়" in seller.text()
    await seller.says("Purulia")
    assert "রাখা হল" in seller.text()
    saved = await stored_seller(db, seller.user_id)
    assert saved is not None and saved.district == "PRL"
    assert saved.name == "রিনা দাস" and saved.gstin == "19AAECF2320D1Z5"  # the rest untouched
    assert await stored_state(db, seller.user_id) is None


async def test_profile_edit_cancel_changes_nothing(seller: ChatUser, db: Database) -> None:
    await register_in_bengali(seller)
    await seller.says("/profile")
    await seller.presses("✏️ নাম")
    await seller.presses("বাতিল")
    assert "কিছু বদলানো হয়নি" in seller.text()
    saved = await stored_seller(db, seller.user_id)
    assert saved is not None and saved.name == "রিনা দাস"


async def test_profile_before_registration(seller: ChatUser) -> None:
    await seller.says("/profile")
    assert "/start" in seller.text()


async def test_language_switch_any_time_and_mid_flow(seller: ChatUser) -> None:
    await seller.says("/start")
    await seller.presses("বাংলা")
    await seller.presses("আমি রাজি")
    await seller.says("/language")
    await seller.presses("English")
    assert "Now we talk in English" in seller.text()
    assert "What is your name?" in seller.text()  # the open question again, in English


async def test_language_offer_once_for_romanised_bengali(router: Router) -> None:
    user = ChatUser(router, 6006, language_code="en")
    await user.says("/start")
    await user.presses("English")
    await user.presses("I agree")
    await user.says("Rina Das")
    await user.presses("Skip")
    await user.presses("Bankura")
    await user.says("9830012345")
    await user.says("ami kantha sari banai")
    offer = user.last[-1]
    assert "বাংলা" in offer.text
    assert [b.data for row in offer.buttons for b in row] == ["lang:bn", "lang:keep"]
    await user.presses_data("lang:bn")
    assert "GSTIN" in user.text() and "আছে" in user.text()  # the next question, now in Bengali
    await user.says("/language en")
    await user.says("/back")  # the craft question again, where text is a language signal
    await user.says("ami tant sari banai khub bhalo")
    assert "GSTIN" in user.text()
    assert "lang:bn" not in [b.data for o in user.last for row in o.buttons for b in row]


async def test_names_never_trigger_a_language_offer(router: Router) -> None:
    user = ChatUser(router, 6007, language_code="en")
    await user.says("/start")
    await user.presses("English")
    await user.presses("I agree")
    await user.says("রিনা দাস")  # a name in Bengali script at the name question
    assert "lang:bn" not in [b.data for o in user.last for row in o.buttons for b in row]


async def test_mydata_sends_everything_as_message_and_json(seller: ChatUser) -> None:
    await register_in_bengali(seller)
    await seller.says("/mydata")
    assert "+91 98300 12345" in seller.text()
    document = seller.last[-1].document
    assert document is not None and document.filename.endswith(".json")
    data = json.loads(document.content)
    assert data["profile"]["gstin"] == "19AAECF2320D1Z5"
    assert data["profile"]["district"] == "BNK"
    assert data["user_id"] == seller.user_id


async def test_delete_after_confirmation_erases_personal_data(
    seller: ChatUser, db: Database
) -> None:
    await register_in_bengali(seller)
    await seller.says("/delete")
    await seller.presses("না, থাক")
    assert await stored_seller(db, seller.user_id) is not None
    await seller.says("/delete")
    await seller.presses("হ্যাঁ, সব মুছে দিন")
    assert "মুছে ফেলা হয়েছে" in seller.text()
    assert await stored_seller(db, seller.user_id) is None
    async with db.transaction() as repo:
        assert await repo.users.get(seller.user_id) is None
    await seller.says("/start")
    assert "কোন ভাষায়" in seller.text()  # a fresh start


async def test_delete_mid_registration_then_no_keeps_the_answers(
    seller: ChatUser, db: Database
) -> None:
    await seller.says("/start")
    await seller.presses("বাংলা")
    await seller.presses("আমি রাজি")
    await seller.says("রিনা দাস")
    await seller.says("/delete")
    await seller.presses("না, থাক")
    state = await stored_state(db, seller.user_id)
    assert state is not None and state.answers["name"] == "রিনা দাস"
    await seller.says("/start")
    assert "ব্যবসা" in seller.text()


async def test_menu_shows_only_what_exists(seller: ChatUser) -> None:
    await seller.says("/menu")
    assert "নিবন্ধন করুন" in " ".join(seller.buttons())
    assert not any("পণ্য" in b for b in seller.buttons())
    await register_in_bengali(seller)
    await seller.says("/menu")
    assert "আমার প্রোফাইল" in " ".join(seller.buttons())
    await seller.presses("আমার প্রোফাইল")
    assert "আপনার প্রোফাইল" in seller.text()


async def test_idle_text_after_registration_gets_menu(seller: ChatUser) -> None:
    await register_in_bengali(seller)
    await seller.says("কী খবর?")
    assert "বুঝতে পারলাম না" in seller.text()
    assert seller.buttons()


async def test_stop_and_start_again(seller: ChatUser, db: Database) -> None:
    await register_in_bengali(seller)
    await seller.says("/stop")
    async with db.transaction() as repo:
        user = await repo.users.get(seller.user_id)
        assert user is not None and user.opted_out_at is not None
    await seller.says("/start")
    async with db.transaction() as repo:
        user = await repo.users.get(seller.user_id)
        assert user is not None and user.opted_out_at is None


# --- roles -------------------------------------------------------------------------------


async def test_coordinator_commands_refused_for_sellers(seller: ChatUser) -> None:
    for command in ("/stats", "/sellers", "/seller 5", "/export", "/broadcast"):
        await seller.says(command)
        assert "শুধু জেলার সমন্বয়কারীদের" in seller.text()


async def test_addcoordinator_is_admin_only(seller: ChatUser, db: Database) -> None:
    await seller.says("/addcoordinator 1001 Bankura")
    assert "শুধু প্রশাসকদের" in seller.text()
    async with db.transaction() as repo:
        assert await repo.coordinators.districts_of(1001) == frozenset()


async def test_admin_makes_a_coordinator_who_may_then_use_staff_commands(
    admin: ChatUser, router: Router, db: Database
) -> None:
    await admin.says("/addcoordinator ১২৩৪৫ বাঁকুড়া, Purulia")
    assert "12345" in admin.text() and "Bankura" in admin.text()
    async with db.transaction() as repo:
        appointed = await repo.users.find("test", "12345")  # made before they ever wrote
        assert appointed is not None
        assert await repo.coordinators.districts_of(appointed) == {"BNK", "PRL"}
    coordinator = ChatUser(router, 12345, language_code="en")
    await coordinator.says("/stats")
    assert (
        "Bankura" in coordinator.text()
        and "only for district coordinators" not in coordinator.text()
    )
    await coordinator.says("/help")
    assert "For coordinators" in coordinator.text()


async def test_addcoordinator_bad_arguments(admin: ChatUser) -> None:
    await admin.says("/addcoordinator")
    assert "Usage" in admin.text()
    await admin.says("/addcoordinator abc Bankura")
    assert "Usage" in admin.text()
    await admin.says("/addcoordinator 5 Atlantis")
    assert "not a West Bengal district" in admin.text()


def test_may_see_seller_table() -> None:
    admin = Viewer(1, is_admin=True)
    bankura = Viewer(2, districts=frozenset({"BNK"}))
    howrah = Viewer(3, districts=frozenset({"HWH"}))
    seller_self = Viewer(10)
    stranger = Viewer(11)
    cases = [
        (admin, True),
        (bankura, True),
        (howrah, False),
        (seller_self, True),
        (stranger, False),
    ]
    for viewer, expected in cases:
        assert may_see_seller(viewer, 10, "BNK") is expected, viewer


async def test_audit_records_the_coordinator_appointment(admin: ChatUser, db: Database) -> None:
    await admin.says("/addcoordinator 777 Howrah")
    async with db.transaction() as repo:
        appointed = await repo.users.find("test", "777")
        assert appointed is not None
        entries = await repo.audit.about(appointed)
    assert [(e.actor_id, e.action) for e in entries] == [(ADMIN_ID, "add_coordinator")]


async def test_staff_start_is_not_pushed_into_seller_registration(admin: ChatUser) -> None:
    await admin.says("/start")
    assert "For administrators" in admin.text()
    assert "Register" in " ".join(admin.buttons())  # they still may, from the menu


async def test_phone_is_shown_grouped(seller: ChatUser) -> None:
    await register_in_bengali(seller)
    await seller.says("/profile")
    assert "+91 98300 12345" in seller.text()


async def test_mydata_holds_checks_trainings_and_messages(seller: ChatUser, db: Database) -> None:
    """Everything coordinators can see about a seller is in their own file too: export checks
    with answers and verdicts, training replies and attendance, announcements received."""
    from datetime import UTC, datetime, timedelta

    from storage.outbox import OutboxItem

    await register_in_bengali(seller)
    uid = seller.user_id
    async with db.transaction() as repo:
        await repo.checks.save(uid, None, "ডোকরার হাতি", "US", "steps", [], {"gi_user": "no"}, "v1")
        training = await repo.trainings.create(
            title="ছবি তোলার প্রশিক্ষণ",
            place="বাঁকুড়া DIC",
            starts_at=datetime.now(UTC) + timedelta(days=3),
            capacity=None,
            created_by=ADMIN_ID,
            districts=["BNK"],
            invited=1,
        )
        await repo.trainings.answer(training, uid, "yes")
        await repo.outbox.enqueue(
            [OutboxItem(uid, "broadcast", text_by_locale={"bn": "মেলা শনিবার"}, broadcast_id=5)]
        )
    await seller.says("/mydata")
    document = seller.last[-1].document
    assert document is not None
    data = json.loads(document.content)
    [check] = data["export_checks"]
    assert (check["item"], check["destination"], check["verdict"]) == ("ডোকরার হাতি", "US", "steps")
    assert check["answers"] == {"gi_user": "no"}
    [reply] = data["trainings"]
    assert (reply["training"], reply["answer"], reply["attended"]) == (
        "ছবি তোলার প্রশিক্ষণ",
        "yes",
        False,
    )
    assert {"kind": "broadcast", "announcement": 5, "text": "মেলা শনিবার"}.items() <= next(
        m for m in data["messages_to_you"] if m["kind"] == "broadcast"
    ).items()
