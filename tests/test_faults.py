"""Fault injection: the real Application and outbox sender against a misbehaving Bot API.

Timeouts, connection resets, 5xx, 429 with retry_after, 403 from a user who blocked the bot
and answers that are not JSON, on replies, on getUpdates and on the outbox: the bot goes on
serving everyone else, keeps every state change, retries what is worth retrying (after
retry_after on a 429), stops sending to whoever blocked it, and recovers when the faults stop.
Each test asserts on the database and on what the fake server received.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import func, select
from telegram.error import NetworkError, TelegramError, TimedOut
from telegram.ext import ApplicationBuilder

from bot.app import Background, Core, build_core, start_background
from bot.channels.service import telegram_channel
from bot.channels.telegram import TelegramChannel
from bot.i18n import Messages
from bot.settings import Settings
from handlers import router as router_module
from storage.db import Database
from storage.models import outbox_t, updates_t
from storage.outbox import OutboxItem
from tests.chat import our_id
from tests.delivery_helpers import make_bot
from tests.fakebot import FakeBotApi, FakeUser, Recorded

# PTB warns about its own use of RetryAfter.retry_after (an int until its next major version).
# Slow by nature (real time, retries with backoff): the second stage of .ci/run, `pytest -m slow`.
pytestmark = [
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning"),
]

TOKEN = "777001:FAULT-token"
READ_TIMEOUT = 1.0  # the channel's 20 s, shortened so that a client-side timeout is quick


class Running:
    """The bot as run_bot.py assembles it (core, channel, outbox sender), in this loop."""

    def __init__(self, core: Core, channel: TelegramChannel, background: Background) -> None:
        self.core, self.channel, self.background = core, channel, background

    @classmethod
    async def start(cls, api: FakeBotApi, settings: Settings) -> Running:
        core = await build_core(settings)
        channel = telegram_channel(core, TOKEN, api.root)
        await channel.start_polling(poll_timeout=1)
        background = start_background(core, {"telegram": channel.deliverer(TOKEN, api.root)})
        return cls(core, channel, background)

    async def stop(self) -> None:
        await self.background.stop()
        await self.channel.close_deliverer()
        await self.core.router.flush()
        await self.channel.stop_polling(grace=5)
        await self.core.close()


@pytest.fixture
async def api() -> AsyncIterator[FakeBotApi]:
    async with FakeBotApi(token=TOKEN, max_poll_timeout=1) as server:
        server.timeout_delay = 1.0  # a held request is answered 504 after this (a gateway)
        yield server


@pytest.fixture
def short_read_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    """The channel's Bot gives up waiting for an answer after READ_TIMEOUT, not 20 s."""
    original = ApplicationBuilder.read_timeout
    monkeypatch.setattr(
        ApplicationBuilder, "read_timeout", lambda self, _: original(self, READ_TIMEOUT)
    )


@pytest.fixture
async def bot(
    api: FakeBotApi, db_url: str, tmp_path: Path, short_read_timeout: None
) -> AsyncIterator[Running]:
    settings = Settings(
        _env_file=None,
        telegram_bot_token=TOKEN,
        telegram_api_url=api.root,
        database_url=db_url,
        data_dir=tmp_path,
        admin_telegram_ids="900001",
        quiet_hours="",
    )
    running = await Running.start(api, settings)
    try:
        yield running
    finally:
        await running.stop()


def sends_to(api: FakeBotApi, chat_id: int) -> list[Recorded]:
    return [r for r in api.calls("sendMessage") if r.params.get("chat_id") == chat_id]


async def step_of(db: Database, telegram_id: int) -> str | None:
    user_id = await our_id(db, telegram_id)
    async with db.transaction() as repo:
        state = await repo.conversations.get(user_id)
    return state.step if state is not None else None


# --- the fake server's fault hooks themselves -----------------------------------------------


async def test_fake_server_resets_holds_releases_and_keeps_failing_until_cleared(
    api: FakeBotApi,
) -> None:
    api.add_chat({"id": 5, "type": "private", "first_name": "X"})
    async with make_bot(TOKEN, api.root, read_timeout=5.0) as ptb:
        api.fail_next("sendMessage", "reset", chat_id=5, apply=True)
        with pytest.raises(NetworkError):
            await ptb.send_message(5, "reset after delivery")
        assert [m.content for m in api.transcript(5)] == ["reset after delivery"]
        assert api.faulted("sendMessage", 5)[0].status == 0

        api.fail_next("sendMessage", "timeout")
        held = asyncio.create_task(ptb.send_message(5, "held"))
        await api.wait_until(lambda: len(api.faulted("sendMessage")) == 2, "the request is held")
        api.release_held()
        with pytest.raises(NetworkError, match="Gateway Timeout"):
            await held

        api.fail_next("sendMessage", 500, count=None)
        for _ in range(3):
            with pytest.raises(NetworkError):
                await ptb.send_message(5, "down")
        api.clear_faults()
        await ptb.send_message(5, "up again")
    assert [m.content for m in api.transcript(5)] == ["reset after delivery", "up again"]


# --- replies to people chatting -------------------------------------------------------------


def asked(user: FakeUser, messages: Messages, key: str) -> int:
    """How many of the bot's messages to this user carry the question `key` (in English)."""
    question = messages.text("en", key)
    return sum(question in m.content for m in user.messages)


async def test_a_held_reply_to_one_user_does_not_hold_up_anyone_else(
    api: FakeBotApi, bot: Running, messages: Messages
) -> None:
    api.timeout_delay = 120.0  # held until released
    amit = FakeUser(api, user_id=3001, first_name="Amit", language_code="en")
    bina = FakeUser(api, user_id=3002, first_name="Bina", language_code="en")
    await amit.says("/start")
    await amit.presses("English")
    api.fail_next("sendMessage", "timeout", chat_id=amit.id)
    await amit.presses("I agree", expect_reply=None)
    await api.wait_until(lambda: bool(api.faulted("sendMessage", amit.id)), "Amit's reply waits")

    await bina.says("/start")  # Bina registers while Amit's reply hangs
    await bina.presses("English")
    await bina.presses("I agree")
    await bina.says("Bina Roy")
    assert asked(bina, messages, "reg-ask-business") == 1
    assert asked(amit, messages, "reg-ask-name") == 0  # still nothing for Amit

    api.release_held()  # the gateway gives up (504); the channel tries again
    await amit.settle()
    await api.wait_until(lambda: len(sends_to(api, amit.id)) >= 4, "Amit's reply is retried")
    await amit.settle()
    assert asked(amit, messages, "reg-ask-name") == 1
    assert await step_of(bot.core.db, amit.id) == "name"
    assert await step_of(bot.core.db, bina.id) == "business"
    assert api.violations == []


async def test_replies_go_through_timeouts_resets_and_server_errors(
    api: FakeBotApi, bot: Running, messages: Messages
) -> None:
    amit = FakeUser(api, user_id=3101, first_name="Amit", language_code="en")
    await amit.says("/start")
    await amit.presses("English")
    # Three failed attempts, then the fourth (the channel's last) gets through.
    api.fail_next("sendMessage", "timeout", chat_id=amit.id)  # the client gives up first
    api.fail_next("sendMessage", "reset", chat_id=amit.id)
    api.fail_next("sendMessage", 500, chat_id=amit.id)
    before = len(sends_to(api, amit.id))
    await amit.presses("I agree", expect_reply=None)
    await api.wait_until(lambda: len(sends_to(api, amit.id)) == before + 4, "four attempts")
    await amit.settle()
    attempts = sends_to(api, amit.id)[before:]
    assert [r.fault for r in attempts] == ["timeout", "reset", "500", None]
    assert asked(amit, messages, "reg-ask-name") == 1
    assert await step_of(bot.core.db, amit.id) == "name"

    # A lost answer (delivered, then the connection dropped): retried, so shown twice.
    api.fail_next("sendMessage", "reset", chat_id=amit.id, apply=True)
    before = len(sends_to(api, amit.id))
    await amit.says("Amit Roy", expect_reply=None)
    await api.wait_until(lambda: len(sends_to(api, amit.id)) == before + 2, "sent again")
    await amit.settle()
    # At least once: Telegram has no idempotency key for sends.
    assert asked(amit, messages, "reg-ask-business") == 2
    assert await step_of(bot.core.db, amit.id) == "business"
    assert api.violations == []


async def test_a_429_on_a_reply_waits_retry_after_then_sends_once(
    api: FakeBotApi, bot: Running
) -> None:
    consent = "Before we start"
    user = FakeUser(api, user_id=3201, first_name="Rima", language_code="en")
    await user.says("/start")
    api.fail_next("sendMessage", 429, retry_after=2, chat_id=user.id)
    before = len(sends_to(api, user.id))
    await user.presses("English", expect_reply=None)
    await api.wait_until(lambda: len(sends_to(api, user.id)) == before + 2, "sent again")
    await user.settle()
    limited, sent = sends_to(api, user.id)[before:]
    assert (limited.status, sent.status) == (429, 200)
    assert sent.time - limited.time >= 2.0  # it waited as told (a lower bound, not a speed)
    assert [consent in m.content for m in user.messages] == [False, True]
    assert await step_of(bot.core.db, user.id) == "consent"


async def test_a_user_who_blocked_the_bot_is_marked_and_skipped(
    api: FakeBotApi, bot: Running, messages: Messages
) -> None:
    gone = FakeUser(api, user_id=3301, first_name="Gone", language_code="en")
    other = FakeUser(api, user_id=3302, first_name="Here", language_code="en")
    await gone.says("/start")
    await other.says("/start")
    api.fail_next("sendMessage", 403, chat_id=gone.id)  # "bot was blocked by the user"
    await gone.presses("English", expect_reply=False)
    db = bot.core.db
    gone_id, other_id = await our_id(db, gone.id), await our_id(db, other.id)
    async with db.transaction() as repo:
        record = await repo.users.get(gone_id)
        assert record is not None and record.blocked_at is not None
        state = await repo.conversations.get(gone_id)
        assert state is not None and state.step == "consent"  # the answer was kept
        await repo.outbox.enqueue(
            [
                OutboxItem(recipient=user, kind="notice", message="bc-list-empty", ref=f"n{n}")
                for user in (gone_id, other_id)
                for n in (1, 2)
            ]
        )
    blocked_at = len(api.requests)

    async def settled() -> dict[str, int]:
        async with db.transaction() as repo:
            rows = await repo.connection.execute(
                select(outbox_t.c.status, func.count()).group_by(outbox_t.c.status)
            )
            return dict(rows.all())

    for _ in range(300):  # failure guard only
        if await settled() == {"sent": 2, "skipped": 2}:
            break
        await asyncio.sleep(0.1)
    assert await settled() == {"sent": 2, "skipped": 2}
    assert not [r for r in api.requests[blocked_at:] if r.params.get("chat_id") == gone.id]
    notice = messages.text("en", "bc-list-empty")
    assert [m.content for m in other.messages].count(notice) == 2
    assert api.violations == []


async def test_an_answer_that_is_not_json_is_retried_like_a_network_error(
    api: FakeBotApi, bot: Running
) -> None:
    user = FakeUser(api, user_id=3401, first_name="Nila", language_code="en")
    await user.says("/start")
    api.fail_next("sendMessage", "malformed", chat_id=user.id)  # not delivered
    await user.presses("English", expect_reply=False)
    # Confirmed to Telegram once kept in the inbox, before it is handled: wait for the retry.
    await api.wait_until(lambda: len(sends_to(api, user.id)) >= 3, "the message is sent again")
    await user.settle()
    assert await step_of(bot.core.db, user.id) == "consent"  # the state change is kept anyway
    assert [r.fault for r in sends_to(api, user.id)][-2:] == ["malformed", None]
    assert "Before we start" in user.last_message()


# --- fetching updates -----------------------------------------------------------------------


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)  # about polling, not storage
async def test_get_updates_faults_lose_and_double_nothing(
    api: FakeBotApi, bot: Running, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The same /help three times within seconds would be answered once (one answer per
    # burst of identical messages): here each must be answered, to show none was lost.
    monkeypatch.setattr(router_module, "REPEAT_WINDOW", 0.0)
    user = FakeUser(api, user_id=3501, first_name="Puja", language_code="en")
    await user.says("/start")
    for fault in ("malformed", "reset", "timeout"):
        # Armed for the next poll; the update arrives while that poll is open, so a
        # malformed or reset answer is one that carried it.
        seen = len(api.faulted("getUpdates"))
        api.fail_next("getUpdates", fault, apply=fault != "timeout")
        await api.wait_until(
            lambda seen=seen: len(api.faulted("getUpdates")) > seen, f"a poll meets {fault}"
        )
        await user.says("/help")
    await user.settle()
    said = [m.content for m in user.messages][1:]  # after the welcome
    assert said and said == said[: len(said) // 3] * 3  # each /help answered once, none lost
    ours = await our_id(bot.core.db, user.id)
    async with bot.core.db.transaction() as repo:
        handled = await repo.connection.execute(
            select(func.count()).select_from(updates_t).where(updates_t.c.user_id == ours)
        )
    assert handled.scalar_one() == 4
    assert api.violations == []


# --- the outbox -----------------------------------------------------------------------------


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)  # the sender's SQL is tested apart
async def test_the_outbox_rides_out_every_kind_of_fault(api: FakeBotApi, bot: Running) -> None:
    recipients = list(range(3600, 3630))
    db = bot.core.db
    async with db.transaction() as repo:
        for user_id in recipients:
            await repo.users.touch(user_id, "en", "en")
            await repo.users.attach("telegram", str(user_id), user_id)
            api.add_chat({"id": user_id, "type": "private", "first_name": f"U{user_id}"})
    faults: dict[int, tuple[int | str, bool]] = {
        3601: (429, False),
        3602: (500, False),
        3603: ("reset", False),
        3604: ("malformed", False),
        3605: ("timeout", False),  # held, then 504 from the "gateway"
        3606: (403, False),
        3607: ("reset", True),  # delivered, the answer lost
    }
    for chat, (status, applied) in faults.items():
        api.fail_next("sendMessage", status, chat_id=chat, apply=applied, retry_after=1)
    async with db.transaction() as repo:
        await repo.outbox.enqueue(
            [
                OutboxItem(recipient=user_id, kind="notice", message="bc-list-empty", ref="n")
                for user_id in recipients
            ]
        )

    async def statuses() -> dict[str, int]:
        async with db.transaction() as repo:
            rows = await repo.connection.execute(
                select(outbox_t.c.status, func.count()).group_by(outbox_t.c.status)
            )
            return dict(rows.all())

    done = {"sent": len(recipients) - 1, "skipped": 1}
    for _ in range(300):  # failure guard only: retries wait the sender's 5 s backoff
        if await statuses() == done:
            break
        await asyncio.sleep(0.1)
    assert await statuses() == done
    copies = {chat: len(api.transcript(chat)) for chat in recipients}
    assert copies.pop(3606) == 0 and copies.pop(3607) == 2  # blocked; lost answer, resent
    assert set(copies.values()) == {1}
    async with db.transaction() as repo:
        blocked = await repo.users.get(3606)
    assert blocked is not None and blocked.blocked_at is not None
    limited, resent = sends_to(api, 3601)
    assert limited.status == 429 and resent.time - limited.time >= 1.0
    assert api.violations == []


async def test_the_library_raises_what_the_channel_expects(api: FakeBotApi) -> None:
    """The mapping the channel relies on: client timeout -> TimedOut, reset -> NetworkError,
    an answer that is not JSON -> a bare TelegramError (neither of the two)."""
    api.add_chat({"id": 9, "type": "private", "first_name": "X"})
    async with make_bot(TOKEN, api.root, read_timeout=0.3) as ptb:
        api.fail_next("sendMessage", "timeout")
        with pytest.raises(TimedOut):
            await ptb.send_message(9, "a")
        api.fail_next("sendMessage", "reset")
        with pytest.raises(NetworkError):
            await ptb.send_message(9, "b")
        api.fail_next("sendMessage", "malformed")
        with pytest.raises(TelegramError) as caught:
            await ptb.send_message(9, "c")
        assert not isinstance(caught.value, NetworkError)
