"""The outbox sender through the real PTB Bot against the fake Bot API server."""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from telegram import Bot

from bot.channels.telegram import CAPABILITIES, telegram_deliver
from bot.delivery import QuietHours, Sender, literal_markup
from bot.i18n import Messages
from chat.outbound import Deliver, Delivery, Outbound, RateLimited
from handlers.render import Renderer
from storage.db import Database
from storage.outbox import Outbox, OutboxItem, OutboxRow, Recipient
from tests.delivery_helpers import FakeClock, make_bot
from tests.fakebot import FakeBotApi
from tests.images import good_photo

TOKEN = "123456:OUTBOX-token"
IST_22 = datetime(2026, 12, 1, 16, 30, tzinfo=UTC)  # 22:00 in Kolkata
IST_08_NEXT = datetime(2026, 12, 2, 2, 30, tzinfo=UTC)  # 08:00 the next morning


@pytest.fixture
async def api() -> AsyncIterator[FakeBotApi]:
    async with FakeBotApi(token=TOKEN) as server:
        server.timeout_delay = 2.0
        yield server


@pytest.fixture
async def bot(api: FakeBotApi) -> AsyncIterator[Bot]:
    async with make_bot(TOKEN, api.root, read_timeout=0.5) as telegram_bot:
        yield telegram_bot


@pytest.fixture
async def sqlite_db(tmp_path: Path) -> AsyncIterator[Database]:
    """For the slow real-time tests: the backend is not what they measure."""
    database = Database(f"sqlite+aiosqlite:///{tmp_path / 'outbox.db'}")
    await database.migrate()
    try:
        yield database
    finally:
        await database.dispose()


@pytest.fixture
def renderer(messages: Messages) -> Renderer:
    return Renderer(messages)


async def seed(db: Database, api: FakeBotApi, ids: Any, locale: str = "bn") -> None:
    async with db.transaction() as repo:
        for user_id in ids:
            await repo.users.touch(user_id, locale, locale)
            await repo.users.attach("telegram", str(user_id), user_id)
            api.add_chat({"id": user_id, "type": "private", "first_name": f"S{user_id}"})


async def enqueue(db: Database, items: list[OutboxItem]) -> int:
    async with db.transaction() as repo:
        return await Outbox(repo.connection, db.dialect).enqueue(items)


async def rows_of(db: Database, recipient: int) -> list[OutboxRow]:
    async with db.transaction() as repo:
        return await Outbox(repo.connection, db.dialect).of_recipient(recipient)


async def report(db: Database, broadcast_id: int) -> dict[str, int]:
    async with db.transaction() as repo:
        return await Outbox(repo.connection, db.dialect).report(broadcast_id)


def note(recipient: int, kind: str = "broadcast", **fields: Any) -> OutboxItem:
    values: dict[str, Any] = {"message": "flow-current-value", "args": {"value": "খবর"}}
    values.update(fields)
    return OutboxItem(recipient=recipient, kind=kind, **values)  # type: ignore[arg-type]


def sender(db: Database, renderer: Renderer, bot: Bot, **options: Any) -> Sender:
    options.setdefault("poll", 0.05)
    options.setdefault("quiet_hours", "")
    options.setdefault("per_chat_interval", 0.2)  # 1 s (Telegram's) where the test is about it
    return Sender(db, renderer, by_telegram(telegram_deliver(bot)), **options)


def by_telegram(deliver: Deliver) -> dict[str, Delivery]:
    """The outbox's way to the users of the Telegram channel."""
    return {"telegram": Delivery(deliver, CAPABILITIES)}


def tripwire(bot: Bot, after: int, *, freeze: bool = False) -> tuple[Deliver, asyncio.Event]:
    """A deliver that sets an event once ``after`` messages have gone out; ``freeze``: from
    then on every send reaches the server but never returns (a process about to be killed)."""
    deliver, reached, count = telegram_deliver(bot), asyncio.Event(), 0

    async def counted(out: Outbound) -> int:
        nonlocal count
        message_id = await deliver(out)
        count += 1
        if count >= after:
            reached.set()
            if freeze:
                await asyncio.Event().wait()
        return message_id

    return counted, reached


def delivered(api: FakeBotApi, chat_id: int) -> int:
    return len(api.transcript(chat_id))


@pytest.mark.slow  # paced in real time (seconds)
async def test_300_chats_at_25_per_second_exactly_once_and_never_429(
    sqlite_db: Database, api: FakeBotApi, bot: Bot, renderer: Renderer
) -> None:
    chats = range(10_000, 10_300)
    await seed(sqlite_db, api, chats)
    await enqueue(sqlite_db, [note(c, ref="broadcast:1", broadcast_id=1) for c in chats])
    api.rate_limit_per_second = 30
    lookups: list[str] = []

    def count(_c: Any, _cur: Any, statement: str, *_: Any) -> None:
        if "FROM users" in statement:
            lookups.append(statement)

    event.listen(sqlite_db.engine.sync_engine, "before_cursor_execute", count)
    outbox_sender = sender(sqlite_db, renderer, bot, rate=25)
    started = time.monotonic()
    assert await outbox_sender.drain() == 300
    elapsed = time.monotonic() - started

    assert [delivered(api, c) for c in chats] == [1] * 300
    assert api.rate_limited == 0 and api.violations == []
    assert outbox_sender.sent == 300 and outbox_sender.rate_limited == 0
    assert 300 / elapsed <= 25 * 1.25  # a burst of 25, then 25/s
    assert len(lookups) <= 6  # recipients are read once per claimed batch, never per row
    assert await report(sqlite_db, 1) == {"total": 300, "sent": 300}


async def test_blocked_chats_are_skipped_with_all_their_rows(
    db: Database, api: FakeBotApi, bot: Bot, renderer: Renderer
) -> None:
    chats = list(range(20, 30))
    await seed(db, api, chats)
    async with db.transaction() as repo:
        await repo.users.set_blocked(29, True)  # known blocked: never tried
    api.blocked_chats.update({22, 25})
    items = [note(c, broadcast_id=2) for c in chats]
    items += [note(c, "reminder", ref=f"training:1:{c}") for c in (22, 25, 26)]
    items += [note(c, "nudge") for c in (22, 25)]
    await enqueue(db, items)
    found: list[int] = []

    async def on_blocked(user_id: int) -> None:
        found.append(user_id)

    outbox_sender = sender(db, renderer, bot, on_blocked=on_blocked)
    await outbox_sender.drain()

    assert sorted(found) == [22, 25]
    for chat in (22, 25):
        assert [r.status for r in await rows_of(db, chat)] == ["skipped"] * 3
        assert {r.last_error for r in await rows_of(db, chat)} == {"blocked"}
        assert len([r for r in api.calls("sendMessage") if r.params["chat_id"] == chat]) == 1
    assert not [r for r in api.calls("sendMessage") if r.params["chat_id"] == 29]
    assert [delivered(api, c) for c in (20, 21, 23, 24, 27, 28)] == [1] * 6
    assert delivered(api, 26) == 2
    assert await report(db, 2) == {"total": 10, "sent": 7, "skipped": 3, "skipped:blocked": 3}


async def test_a_429_pauses_the_sender_and_the_message_goes_once(
    db: Database, api: FakeBotApi, bot: Bot, renderer: Renderer
) -> None:
    await seed(db, api, [31, 32, 33])
    await enqueue(db, [note(c, "reminder") for c in (31, 32, 33)])
    api.fail_next("sendMessage", status=429, retry_after=1, chat_id=31)
    outbox_sender = sender(db, renderer, bot)
    started = time.monotonic()

    async def meanwhile() -> float:  # everything else in the process goes on during the pause
        await asyncio.sleep(0.3)
        begin = time.monotonic()
        await bot.send_message(33, "a reply to someone chatting")
        return time.monotonic() - begin

    _, reply_time = await asyncio.gather(outbox_sender.drain(), meanwhile())

    assert [delivered(api, c) for c in (31, 32)] == [1, 1]
    assert len(api.calls("sendMessage")) == 5  # 3 rows, one refused once, one direct reply
    assert time.monotonic() - started >= 1.0 and reply_time < 0.5
    assert outbox_sender.rate_limited == 1 and outbox_sender.sent == 3
    assert (await rows_of(db, 31))[0].attempts == 1  # the 429 did not count as an attempt


async def test_server_errors_and_timeouts_are_retried_then_given_up(
    db: Database, api: FakeBotApi, bot: Bot, renderer: Renderer
) -> None:
    await seed(db, api, [41, 42, 43, 44])
    clock = FakeClock(datetime(2026, 12, 1, 6, 0, tzinfo=UTC))
    await enqueue(db, [note(c, "reminder", due_at=clock()) for c in (41, 42, 43, 44)])
    api.fail_next("sendMessage", status=500, count=3, chat_id=41)
    api.fail_next("sendMessage", status="timeout", count=3, chat_id=42)
    api.fail_next("sendMessage", status=502, count=1, chat_id=43)
    api.fail_next("sendMessage", status=400, count=1, chat_id=44)
    async with make_bot(TOKEN, api.root, read_timeout=0.2) as impatient:
        outbox_sender = sender(
            db, renderer, impatient, max_attempts=3, clock=clock, sleep=clock.sleep
        )
        for _ in range(4):
            await outbox_sender.drain()
            clock.advance(3600)

    (server_error,) = await rows_of(db, 41)
    (timeout,) = await rows_of(db, 42)
    (recovered,) = await rows_of(db, 43)
    (rejected,) = await rows_of(db, 44)
    assert (server_error.status, server_error.attempts) == ("failed", 3)
    assert "Internal Server Error" in (server_error.last_error or "")
    assert (timeout.status, timeout.attempts) == ("failed", 3)
    assert "TimedOut" in (timeout.last_error or "")
    assert (recovered.status, recovered.attempts) == ("sent", 2) and delivered(api, 43) == 1
    assert (rejected.status, rejected.attempts) == ("failed", 1)
    assert (rejected.last_error or "").startswith("rejected: ")
    assert outbox_sender.failed == 3 and outbox_sender.retried == 5


async def test_a_killed_sender_loses_nothing_and_duplicates_at_most_a_batch(
    db: Database, api: FakeBotApi, bot: Bot, renderer: Renderer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Sender, "max_rate", 1000.0)  # no real limit here: keep the test fast
    chats = range(50_000, 50_200)
    await seed(db, api, chats)
    await enqueue(db, [note(c, broadcast_id=5, ref="broadcast:5") for c in chats])
    lease = timedelta(seconds=0.3)
    deliver, reached = tripwire(bot, 80, freeze=True)
    first = Sender(
        db,
        renderer,
        by_telegram(deliver),
        rate=150,
        batch=40,
        lease=lease,
        owner="first",
        poll=0.05,
    )

    async def killed() -> None:  # a kill: in-flight requests die, nothing is recorded or released
        for task in list(first._tasks):
            task.cancel()

    monkeypatch.setattr(first, "_stop", killed)
    running = asyncio.create_task(first.run())
    await reached.wait()
    running.cancel()
    await running
    assert (await report(db, 5)).get("sending", 0) > 0  # the dead sender's lease is still there

    await asyncio.sleep(lease.total_seconds() + 0.2)
    second = sender(db, renderer, bot, rate=150, lease=lease, owner="second")
    await second.drain()

    counts = [delivered(api, c) for c in chats]
    assert min(counts) == 1  # nothing lost
    assert 1 <= sum(counts) - len(counts) <= 40  # duplicates: at most the batch in flight
    assert await report(db, 5) == {"total": 200, "sent": 200}


async def test_cancelled_run_releases_its_rows_and_sends_nothing_twice(
    db: Database, api: FakeBotApi, bot: Bot, renderer: Renderer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Sender, "max_rate", 1000.0)
    chats = range(60_000, 60_100)
    await seed(db, api, chats)
    await enqueue(db, [note(c, broadcast_id=6) for c in chats])
    deliver, reached = tripwire(bot, 20)
    first = Sender(
        db, renderer, by_telegram(deliver), rate=100, batch=30, quiet_hours="", poll=0.05
    )
    running = asyncio.create_task(first.run())
    await reached.wait()
    running.cancel()
    await running  # returns: a clean shutdown
    status = await report(db, 6)
    assert "sending" not in status and status["sent"] == first.sent

    await sender(db, renderer, bot, rate=100).drain()
    assert [delivered(api, c) for c in chats] == [1] * 100


async def test_a_paused_sender_keeps_its_lease_so_no_other_sender_doubles_it(
    db: Database, api: FakeBotApi, bot: Bot, renderer: Renderer
) -> None:
    chats = range(120, 130)
    await seed(db, api, chats)
    await enqueue(db, [note(c) for c in chats])
    real, refused = telegram_deliver(bot), asyncio.Event()

    async def deliver(out: Outbound) -> int:
        if not refused.is_set():
            refused.set()
            raise RateLimited(1.2)
        return await real(out)

    lease = timedelta(seconds=0.5)  # far shorter than the pause: only renewal keeps the rows
    first = Sender(
        db, renderer, by_telegram(deliver), rate=5, lease=lease, owner="first", quiet_hours=""
    )
    first.poll = 0.05
    second = sender(db, renderer, bot, lease=lease, owner="second")
    draining = asyncio.create_task(first.drain())
    await refused.wait()  # the first sender holds all ten rows and is pausing
    other = asyncio.create_task(second.run())
    await draining
    other.cancel()
    await other
    assert [delivered(api, c) for c in chats] == [1] * 10
    assert first.rate_limited == 1 and first.sent + second.sent == 10 and second.sent <= 1


async def test_quiet_hours_postpone_quiet_rows_to_the_morning(
    sqlite_db: Database, api: FakeBotApi, bot: Bot, renderer: Renderer
) -> None:
    await seed(sqlite_db, api, [71, 72, 73])
    clock = FakeClock(IST_22)
    await enqueue(
        sqlite_db,
        [
            note(71, broadcast_id=7, quiet=True, due_at=IST_22),
            note(72, "reminder", due_at=IST_22),  # not quiet: goes now
            note(
                73,
                broadcast_id=7,
                quiet=True,
                due_at=IST_22,
                expires_at=IST_22 + timedelta(hours=2),
            ),
        ],
    )
    outbox_sender = sender(
        sqlite_db, renderer, bot, quiet_hours="21:00-08:00", clock=clock, sleep=clock.sleep
    )
    await outbox_sender.drain()
    (quiet,) = await rows_of(sqlite_db, 71)
    assert (quiet.status, quiet.due_at, quiet.attempts) == ("pending", IST_08_NEXT, 0)
    assert (delivered(api, 71), delivered(api, 72)) == (0, 1)
    (row_73,) = await rows_of(sqlite_db, 73)
    assert (row_73.status, row_73.last_error) == ("skipped", "expired")

    clock.now = IST_08_NEXT + timedelta(seconds=1)
    await outbox_sender.drain()
    assert delivered(api, 71) == 1


def test_quiet_hours_window() -> None:
    quiet = QuietHours.parse("21:00-08:00", "Asia/Kolkata")
    assert quiet is not None
    assert quiet.end_of(IST_22) == IST_08_NEXT
    assert quiet.end_of(IST_08_NEXT - timedelta(hours=3)) == IST_08_NEXT  # 05:00 ZONE
    assert quiet.end_of(IST_08_NEXT) is None
    assert quiet.end_of(IST_22 - timedelta(hours=1)) == IST_08_NEXT  # 21:00 ZONE
    assert quiet.end_of(IST_22 - timedelta(hours=1, seconds=1)) is None
    day = QuietHours.parse("13:00-14:00", "Asia/Kolkata")
    assert day is not None and day.end_of(datetime(2026, 12, 1, 8, tzinfo=UTC)) is not None
    assert QuietHours.parse("", "Asia/Kolkata") is None
    with pytest.raises(ValueError):
        QuietHours.parse("9pm to 8am", "Asia/Kolkata")


async def test_expired_rows_are_skipped(
    sqlite_db: Database, api: FakeBotApi, bot: Bot, renderer: Renderer
) -> None:
    await seed(sqlite_db, api, [81, 82])
    clock = FakeClock(datetime(2026, 12, 1, 6, 0, tzinfo=UTC))
    started = clock() - timedelta(minutes=1)  # the training began a minute ago
    await enqueue(
        sqlite_db,
        [
            note(81, "reminder", ref="training:3:1h", due_at=clock(), expires_at=started),
            note(
                82,
                "reminder",
                ref="training:3:1h",
                due_at=clock(),
                expires_at=clock() + timedelta(hours=1),
            ),
        ],
    )
    outbox_sender = sender(sqlite_db, renderer, bot, clock=clock, sleep=clock.sleep)
    await outbox_sender.drain()
    (row_81,) = await rows_of(sqlite_db, 81)
    assert (row_81.status, row_81.last_error) == ("skipped", "expired")
    assert (delivered(api, 81), delivered(api, 82)) == (0, 1)
    assert outbox_sender.skipped == 1


async def test_opted_out_users_get_reminders_but_no_broadcasts(
    sqlite_db: Database, api: FakeBotApi, bot: Bot, renderer: Renderer
) -> None:
    await seed(sqlite_db, api, [91])
    async with sqlite_db.transaction() as repo:
        await repo.users.set_opted_out(91, True)
    await enqueue(sqlite_db, [note(91, broadcast_id=9), note(91, "nudge"), note(91, "reminder")])
    await sender(sqlite_db, renderer, bot).drain()
    assert [(r.kind, r.status, r.last_error) for r in await rows_of(sqlite_db, 91)] == [
        ("broadcast", "skipped", "opted_out"),
        ("nudge", "skipped", "opted_out"),
        ("reminder", "sent", None),
    ]
    assert delivered(api, 91) == 1


@pytest.mark.slow  # paced in real time (seconds)
async def test_one_chat_gets_at_most_one_message_a_second_without_holding_up_others(
    sqlite_db: Database, api: FakeBotApi, bot: Bot, renderer: Renderer
) -> None:
    await seed(sqlite_db, api, [100, 101, 102, 103, 104, 105])
    await enqueue(sqlite_db, [note(100, "digest", args={"value": str(n)}) for n in range(5)])
    await enqueue(sqlite_db, [note(c) for c in (101, 102, 103, 104, 105)])
    await sender(sqlite_db, renderer, bot, per_chat_interval=1.0).drain()

    times = [r.time for r in api.calls("sendMessage") if r.params["chat_id"] == 100]
    assert len(times) == 5
    assert all(b - a >= 1.0 for a, b in itertools.pairwise(times))
    others = [r.time for r in api.calls("sendMessage") if r.params["chat_id"] != 100]
    assert max(others) - times[0] < 0.5  # the other chats did not wait behind chat 100
    assert [m.text for m in api.transcript(100)] == [f"এখন আছে: {n}" for n in range(5)]


async def test_rows_are_rendered_in_the_recipients_language_at_send_time(
    db: Database, api: FakeBotApi, bot: Bot, renderer: Renderer, tmp_path: Path
) -> None:
    await seed(db, api, [111], "en")
    await seed(db, api, [112], "hi")
    await seed(db, api, [113], "bn")
    photo = tmp_path / "stall.jpg"
    photo.write_bytes(good_photo())
    literal = {"bn": "মেলা <কাল> & পরশু", "en": "Fair <tomorrow> & after"}
    await enqueue(
        db,
        [
            note(111, "reminder", buttons=[[("btn-skip", "t:1:no")]]),
            note(111, message=None, args={}, text_by_locale=literal),
            note(112, message=None, args={}, text_by_locale=literal, photo=str(photo)),
            note(113, "notice", buttons=[[("btn-skip", "t:1:no"), ("btn-back", "t:1:back")]]),
        ],
    )
    async with db.transaction() as repo:
        await repo.users.set_locale(113, "en")  # changed after enqueueing: the new one counts
    await sender(db, renderer, bot).drain()

    first, second = api.transcript(111)
    assert first.text == "Now: খবর" and first.buttons == ["⏭ Skip"]
    assert first.callback_data("⏭ Skip") == "t:1:no"
    assert second.text == "Fair <tomorrow> & after"  # escaped on the way, shown literally
    (photo_message,) = api.transcript(112)
    assert photo_message.kind == "photo" and photo_message.caption == "মেলা <কাল> & পরশু"
    assert api.transcript(113)[0].buttons == ["⏭ Skip", "⬅ Back"]
    assert api.violations == []


def test_literal_text_is_escaped_and_cut_to_fit() -> None:
    assert literal_markup("a < b & c", CAPABILITIES) == "a &lt; b &amp; c"
    cut = literal_markup("&" * 5000, CAPABILITIES)
    assert len(cut) <= 4096 and cut.endswith("&amp;…") and cut.count("&amp;") == 819


def test_a_rate_above_telegrams_is_clamped(
    caplog: pytest.LogCaptureFixture, renderer: Renderer
) -> None:
    async def deliver(_: Any) -> int:
        return 1

    outbox_sender = Sender(None, renderer, by_telegram(deliver), rate=100)  # type: ignore[arg-type]
    assert outbox_sender.rate == 30
    assert "above Telegram" in caplog.text


def test_literal_text_with_a_message_key_becomes_its_text_argument() -> None:
    class Catalogue:
        def text(self, locale: str, key: str, args: Any = None) -> str:
            return f"{locale}:{key}:{(args or {}).get('text')}"

        def short(self, locale: str, key: str, args: Any = None) -> str | None:
            return None

    async def deliver(_: Any) -> int:
        return 1

    outbox_sender = Sender(None, Renderer(Catalogue()), by_telegram(deliver))  # type: ignore[arg-type]
    row = OutboxRow(
        id=1, recipient=5, kind="broadcast", priority=1, ref=None, message="broadcast-header",
        args={}, text_by_locale={"bn": "বাংলা", "en": "English"}, buttons=(), photo=None,
        broadcast_id=1, quiet=False, expires_at=None, due_at=IST_22, status="sending",
        attempts=0, last_error=None, sent_message_id=None, lease_owner="me", lease_until=None,
        created_at=IST_22, sent_at=None,
    )  # fmt: skip

    def reader(locale: str) -> Recipient:
        return Recipient(locale, channel="telegram", address="5")

    [english] = outbox_sender.render(row, reader("en"), CAPABILITIES)
    [hindi] = outbox_sender.render(row, reader("hi"), CAPABILITIES)
    assert english.text == "en:broadcast-header:English"
    assert hindi.text == "hi:broadcast-header:বাংলা"
