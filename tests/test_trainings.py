"""Trainings through the router: scheduling by buttons and typed dates, invitations in the
outbox, RSVPs and their reminders, capacity, refusals, /trainings, attendance and cancelling."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.i18n import Messages
from handlers.router import Router
from storage.db import Database
from storage.outbox import OutboxRow
from storage.records import SellerRecord
from storage.trainings import TrainingRecord
from tests.chat import ChatUser, FileShelf, seat
from tests.conftest import ZONE, make_router
from tests.delivery_helpers import FakeClock
from tests.test_registration import register_in_bengali

# Thursday 26 November 2026, 10:00 in Kolkata.
T0 = datetime(2026, 11, 26, 10, 0, tzinfo=ZONE)
BANKURA_COORDINATOR, HOWRAH_COORDINATOR, TWO_DISTRICT_COORDINATOR = 501, 502, 503
BANKURA_SELLER, HOWRAH_SELLER, BLOCKED_SELLER = 1002, 1003, 1004


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(T0)


@pytest.fixture
def router(
    db: Database, messages: Messages, shelf: FileShelf, tmp_path: Path, clock: FakeClock
) -> Router:
    return make_router(db, messages, shelf, tmp_path / "data", clock)


async def add_seller(db: Database, user_id: int, district: str, name: str) -> None:
    async with db.transaction() as repo:
        await repo.users.touch(user_id, "bn", "bn")
        await repo.sellers.save(SellerRecord(user_id, name, district, "+919830000000"))


@pytest.fixture
async def people(seller: ChatUser, admin: ChatUser, db: Database) -> ChatUser:
    """Rina (1001, Bankura, registered by chat), another Bankura seller, a Howrah seller, a
    Bankura seller who blocked the bot; coordinators for Bankura, Howrah, Bankura + Purulia."""
    await register_in_bengali(seller)
    await add_seller(db, BANKURA_SELLER, "BNK", "সীমা পাল")
    await add_seller(db, HOWRAH_SELLER, "HWH", "Amit Roy")
    await add_seller(db, BLOCKED_SELLER, "BNK", "Blocked")
    async with db.transaction() as repo:
        await repo.users.set_blocked(BLOCKED_SELLER, True)
    await seat(
        admin.router.db, BANKURA_COORDINATOR, None
    )  # a user of ours already (their number is their id)
    await admin.says(f"/addcoordinator {BANKURA_COORDINATOR} Bankura")
    await seat(
        admin.router.db, HOWRAH_COORDINATOR, None
    )  # a user of ours already (their number is their id)
    await admin.says(f"/addcoordinator {HOWRAH_COORDINATOR} Howrah")
    await seat(
        admin.router.db, TWO_DISTRICT_COORDINATOR, None
    )  # a user of ours already (their number is their id)
    await admin.says(f"/addcoordinator {TWO_DISTRICT_COORDINATOR} Bankura, Purulia")
    return seller


def user(router: Router, user_id: int, language: str = "en") -> ChatUser:
    return ChatUser(router, user_id, language_code=language)


async def trainings(db: Database) -> list[TrainingRecord]:
    async with db.transaction() as repo:
        return await repo.trainings.for_districts(None, datetime(2000, 1, 1, tzinfo=UTC), 50)


async def outbox(db: Database, user_id: int) -> list[OutboxRow]:
    async with db.transaction() as repo:
        return await repo.outbox.of_recipient(user_id)


def by_ref(rows: list[OutboxRow]) -> dict[str, OutboxRow]:
    return {row.ref or "": row for row in rows}


async def create_by_buttons(coordinator: ChatUser, capacity: str | None = "2") -> None:
    """Bankura coordinator: tomorrow (Fri 27 Nov) at 3 pm, in Bishnupur."""
    await coordinator.says("/newtraining")
    assert "What is the training called?" in coordinator.text()
    await coordinator.says("Photos for Amazon")
    assert "Which day?" in coordinator.text()  # one district: not asked
    assert coordinator.buttons()[0] == "Today, Thu 26 Nov"
    await coordinator.presses("Tomorrow, Fri 27 Nov")
    assert "What time on Fri 27 Nov?" in coordinator.text()
    assert coordinator.buttons()[:2] == ["10:00 am", "11:00 am"]
    await coordinator.presses("3:00 pm")
    assert "Where is it?" in coordinator.text()
    await coordinator.says("Block office hall, Bishnupur")
    if capacity is None:
        await coordinator.presses("Skip")
    else:
        await coordinator.says(capacity)
    assert "Fri 27 Nov, 3:00 pm" in coordinator.text()  # the review
    await coordinator.presses("Yes, all correct")


@pytest.fixture
async def training(people: ChatUser, router: Router, db: Database) -> TrainingRecord:
    """Fri 27 Nov 2026 15:00 ZONE for Bankura, 2 seats, made by the Bankura coordinator."""
    await create_by_buttons(user(router, BANKURA_COORDINATOR))
    (made,) = await trainings(db)
    return made


async def test_coordinator_creates_by_buttons_and_invitations_are_queued(
    people: ChatUser, router: Router, db: Database
) -> None:
    coordinator = user(router, BANKURA_COORDINATOR)
    await create_by_buttons(coordinator)
    assert "Invitations are going to 2 sellers" in coordinator.text()
    (made,) = await trainings(db)
    start = datetime(2026, 11, 27, 15, 0, tzinfo=ZONE)
    assert made.starts_at == start and made.districts == {"BNK"}
    assert (made.title, made.place, made.capacity, made.invited) == (
        "Photos for Amazon",
        "Block office hall, Bishnupur",
        2,
        2,
    )
    for seller_id in (people.user_id, BANKURA_SELLER):
        (row,) = await outbox(db, seller_id)
        assert (row.kind, row.ref, row.message) == ("invite", f"trn:{made.id}:inv", "trn-invite")
        assert row.expires_at == start and row.status == "pending"
        assert row.args["title"] == "Photos for Amazon"
        assert row.args["when"] == "শুক্রবার ২৭ নভেম্বর, বিকেল ৩:০০"  # the reader's language
        assert row.buttons == (
            (("btn-trn-yes", f"trn:yes:{made.id}"), ("btn-trn-no", f"trn:no:{made.id}")),
        )
    for other in (HOWRAH_SELLER, BLOCKED_SELLER, BANKURA_COORDINATOR):
        assert await outbox(db, other) == []


async def test_invitation_renders_in_every_language(
    training: TrainingRecord, db: Database, messages: Messages
) -> None:
    (row,) = await outbox(db, BANKURA_SELLER)
    for locale in ("bn", "en", "hi"):
        text = messages.text(locale, row.message or "", row.args)
        assert "Photos for Amazon" in text and "Bishnupur" in text
        for label, _ in row.buttons[0]:
            assert messages.has(label)


async def test_typed_bengali_date_and_a_district_button(
    people: ChatUser, router: Router, db: Database
) -> None:
    coordinator = user(router, TWO_DISTRICT_COORDINATOR, "bn")
    await coordinator.says("/newtraining")
    await coordinator.says("জিআই ট্যাগ নিয়ে আলোচনা")
    assert "কোন জেলার জন্য" in coordinator.text()
    assert coordinator.buttons() == ["বাঁকুড়া", "পুরুলিয়া", "আমার সব জেলা", "⬅ আগের প্রশ্ন"]
    await coordinator.presses("বাঁকুড়া")
    await coordinator.says("২৮/১১ বিকেল ৩টা")
    assert "কোথায় হবে" in coordinator.text()
    await coordinator.says("https://meet.google.com/abc-defg-hij")
    await coordinator.presses("বাদ দিন")
    assert "শনিবার ২৮ নভেম্বর, বিকেল ৩:০০" in coordinator.text()
    await coordinator.presses("হ্যাঁ, সব ঠিক আছে")
    assert "২ জন বিক্রেতার কাছে আমন্ত্রণ" in coordinator.text()
    (made,) = await trainings(db)
    assert made.starts_at == datetime(2026, 11, 28, 9, 30, tzinfo=UTC)
    assert made.districts == {"BNK"} and made.capacity is None


async def test_ambiguous_time_is_confirmed(people: ChatUser, router: Router) -> None:
    coordinator = user(router, BANKURA_COORDINATOR)
    await coordinator.says("/newtraining")
    await coordinator.says("Packing for export")
    await coordinator.says("28/11 3")
    assert "Did you mean Sat 28 Nov, 3:00 pm?" in coordinator.text()
    await coordinator.presses("No")
    assert "am or pm" in coordinator.text() and "Which day?" in coordinator.text()
    await coordinator.says("28/11 3")
    await coordinator.says("yes")  # typed instead of pressed
    assert "Where is it?" in coordinator.text()


async def test_past_and_impossible_dates_are_refused_with_the_question_again(
    people: ChatUser, router: Router
) -> None:
    coordinator = user(router, BANKURA_COORDINATOR)
    await coordinator.says("/newtraining")
    await coordinator.says("Packing for export")
    await coordinator.says("20/11/2026 3pm")
    assert "already passed" in coordinator.text() and "Which day?" in coordinator.text()
    await coordinator.says("31/02 3pm")
    assert "does not exist" in coordinator.text() and "Which day?" in coordinator.text()
    await coordinator.says("today 9am")  # 9 am today is gone at 10
    assert "already passed" in coordinator.text()
    await coordinator.says("hello")
    assert "could not read" in coordinator.text()
    await coordinator.says("28 Nov")  # a day without a time: the time is asked next
    assert "What time on Sat 28 Nov?" in coordinator.text()
    await coordinator.says("11am")
    assert "Where is it?" in coordinator.text()


async def test_a_seller_cannot_schedule(people: ChatUser, db: Database) -> None:
    await people.says("/newtraining")
    assert "শুধু জেলার সমন্বয়কারীদের জন্য" in people.text()
    assert await trainings(db) == []


async def test_admin_types_districts(people: ChatUser, admin: ChatUser, db: Database) -> None:
    await admin.says("/newtraining")
    await admin.says("Export paperwork")
    assert "🌐 All districts" in admin.buttons()
    await admin.says("Bankura, Narnia")
    assert 'could not find the district "Narnia"' in admin.text()
    await admin.says("Bankura, Howrah")
    await admin.presses("Tomorrow")
    await admin.presses("11:00 am")
    await admin.says("Online")
    await admin.says("100")
    await admin.presses("Yes, all correct")
    assert "going to 3 sellers" in admin.text()
    (made,) = await trainings(db)
    assert made.districts == {"BNK", "HWH"}
    assert len(await outbox(db, HOWRAH_SELLER)) == 1


async def test_rsvp_yes_queues_two_reminders_and_no_skips_them(
    training: TrainingRecord, people: ChatUser, db: Database
) -> None:
    seller, start = people, training.starts_at
    await seller.presses_data(f"trn:yes:{training.id}")
    assert "ধন্যবাদ" in seller.text() and "যাব না" in seller.buttons()[0]
    rows = by_ref(await outbox(db, seller.user_id))
    day, hour = rows[f"trn:{training.id}:24h"], rows[f"trn:{training.id}:1h"]
    assert (day.kind, day.due_at, day.expires_at, day.quiet) == (
        "reminder",
        start - timedelta(hours=24),
        start,
        False,
    )
    assert (hour.due_at, hour.status, hour.message) == (
        start - timedelta(hours=1),
        "pending",
        "trn-reminder-1h",
    )
    assert rows[f"trn:{training.id}:inv"].status == "skipped"  # answered before it went out

    await seller.presses_data(f"trn:no:{training.id}")
    assert "আসছেন না" in seller.text()
    rows = by_ref(await outbox(db, seller.user_id))
    assert {rows[r].status for r in (f"trn:{training.id}:24h", f"trn:{training.id}:1h")} == {
        "skipped"
    }

    await seller.presses_data(f"trn:yes:{training.id}")  # changed again: the reminders are back
    rows = by_ref(await outbox(db, seller.user_id))
    assert rows[f"trn:{training.id}:24h"].status == "pending"
    assert rows[f"trn:{training.id}:1h"].due_at == start - timedelta(hours=1)


async def test_answering_two_hours_before_gets_only_the_one_hour_reminder(
    training: TrainingRecord, people: ChatUser, db: Database, clock: FakeClock
) -> None:
    clock.now = training.starts_at - timedelta(hours=2)
    await people.presses_data(f"trn:yes:{training.id}")
    refs = {row.ref for row in await outbox(db, people.user_id) if row.kind == "reminder"}
    assert refs == {f"trn:{training.id}:1h"}


async def test_capacity_full(training: TrainingRecord, router: Router, db: Database) -> None:
    await create_by_buttons(user(router, BANKURA_COORDINATOR), capacity="1")
    small = max(await trainings(db), key=lambda t: t.id)
    rina, sima = user(router, 1001, "bn"), user(router, BANKURA_SELLER, "bn")
    await rina.presses_data(f"trn:yes:{small.id}")
    await sima.presses_data(f"trn:yes:{small.id}")
    assert "আর জায়গা নেই" in sima.text()
    assert not [r for r in await outbox(db, BANKURA_SELLER) if r.kind == "reminder"]
    await rina.presses_data(f"trn:yes:{small.id}")  # her own seat is not counted against her
    assert "ধন্যবাদ" in rina.text()
    await rina.presses_data(f"trn:no:{small.id}")
    await sima.presses_data(f"trn:yes:{small.id}")
    assert "ধন্যবাদ" in sima.text()


async def test_other_district_forged_and_past_trainings_are_refused(
    training: TrainingRecord, router: Router, people: ChatUser, db: Database, clock: FakeClock
) -> None:
    howrah = user(router, HOWRAH_SELLER, "en")
    await howrah.presses_data(f"trn:yes:{training.id}")
    assert "আপনার জেলার জন্য নয়" in howrah.text()
    await people.presses_data("trn:yes:999999")
    assert "আপনার জেলার জন্য নয়" in people.text()
    await people.presses_data("trn:yes:99999999999")  # beyond an INTEGER column
    assert "পুরনো মেসেজের" in people.text()
    await people.presses_data("trn:att:99999999999:1")  # a coordinator's button, forged
    assert "শুধু জেলার সমন্বয়কারীদের জন্য" in people.text()
    await people.presses_data("trn:yes:12abc")
    assert "পুরনো মেসেজের" in people.text()
    await people.presses_data("trn:maybe:1")
    assert "পুরনো মেসেজের" in people.text()
    clock.now = training.starts_at + timedelta(minutes=5)
    await people.presses_data(f"trn:yes:{training.id}")
    assert "শুরু হয়ে গেছে" in people.text()
    assert not [r for r in await outbox(db, people.user_id) if r.kind == "reminder"]
    async with db.transaction() as repo:
        assert await repo.trainings.answers_of(people.user_id, [training.id]) == {}


async def test_trainings_lists_for_sellers_and_counts_for_coordinators(
    training: TrainingRecord, router: Router, people: ChatUser
) -> None:
    await people.presses_data(f"trn:yes:{training.id}")
    await user(router, BANKURA_SELLER, "bn").presses_data(f"trn:no:{training.id}")
    await people.says("/trainings")
    assert "Photos for Amazon" in people.text() and "আপনি যাচ্ছেন।" in people.text()
    assert people.button_data() == [f"trn:yes:{training.id}", f"trn:no:{training.id}"]

    coordinator = user(router, BANKURA_COORDINATOR)
    await coordinator.says("/trainings")
    text = coordinator.text()
    assert "Coming: 1 · Not coming: 1 · No answer: 0 · Seats: 2 · Came: 0" in text
    assert "Mark attendance" not in " ".join(coordinator.buttons())  # not started yet

    howrah = user(router, HOWRAH_COORDINATOR)
    await howrah.says("/trainings")
    assert "Photos for Amazon" not in howrah.text() and "No trainings" in howrah.text()

    stranger = user(router, 7777)
    await stranger.says("/trainings")
    assert "register first" in stranger.text()


async def test_attendance_marking_and_its_scope(
    training: TrainingRecord, router: Router, people: ChatUser, db: Database, clock: FakeClock
) -> None:
    await people.presses_data(f"trn:yes:{training.id}")
    coordinator = user(router, BANKURA_COORDINATOR)
    await coordinator.presses_data(f"trn:att:{training.id}")
    assert "not started yet" in coordinator.text()

    clock.now = training.starts_at + timedelta(minutes=30)
    await coordinator.says("/trainings")
    await coordinator.presses("Mark attendance")
    assert coordinator.buttons() == ["▫️ রিনা দাস", "💾 Done"]
    await coordinator.presses("রিনা দাস")
    assert "Marked: 1 of 1" in coordinator.text()
    assert coordinator.buttons()[0] == "✅ রিনা দাস"
    await coordinator.presses_data(f"trn:att:{training.id}:{BANKURA_SELLER}")  # said no answer
    assert "older message" in coordinator.text()
    await coordinator.presses("Done")
    assert "1 came" in coordinator.text()
    async with db.transaction() as repo:
        assert await repo.trainings.attended(training.id) == {people.user_id}

    howrah = user(router, HOWRAH_COORDINATOR)
    await howrah.presses_data(f"trn:att:{training.id}:{people.user_id}")
    assert "not in your districts" in howrah.text()
    await people.presses_data(f"trn:att:{training.id}:{people.user_id}")
    assert "শুধু জেলার সমন্বয়কারীদের জন্য" in people.text()
    async with db.transaction() as repo:
        assert await repo.trainings.attended(training.id) == {people.user_id}
    await coordinator.says("/trainings")
    assert "Came: 1" in coordinator.text()


async def test_cancelling_tells_those_coming_and_closes_answers(
    training: TrainingRecord, router: Router, people: ChatUser, db: Database
) -> None:
    await people.presses_data(f"trn:yes:{training.id}")
    howrah = user(router, HOWRAH_COORDINATOR)
    await howrah.presses_data(f"trn:cancelok:{training.id}")
    assert "not in your districts" in howrah.text()

    coordinator = user(router, BANKURA_COORDINATOR)
    await coordinator.says("/trainings")
    await coordinator.presses("Cancel this training")
    await coordinator.presses("Yes, cancel it")
    assert "1 sellers who said yes" in coordinator.text()
    rows = by_ref(await outbox(db, people.user_id))
    assert rows[f"trn:{training.id}:24h"].status == "skipped"
    assert rows[f"trn:{training.id}:cxl"].kind == "notice"
    (invite,) = await outbox(db, BANKURA_SELLER)
    assert invite.status == "skipped"  # not sent any more
    await people.presses_data(f"trn:yes:{training.id}")
    assert "বাতিল হয়েছে" in people.text()
