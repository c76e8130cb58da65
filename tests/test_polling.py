"""Long polling confirms only what is safe (handled, or kept in the durable inbox), and stops
gracefully (in-flight updates finish, a SIGTERM to the process is a clean exit)."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest

from bot.channels.telegram import Poller, TelegramChannel
from bot.inbox import InboxWorker
from chat.inbound import Inbound
from chat.outbound import Outbound
from storage.db import Database
from tests.fakebot import FakeBotApi, FakeUser

TOKEN = "123456:TEST-token"
ROOT = Path(__file__).resolve().parent.parent
Send = Callable[[list[Outbound]], Awaitable[None]]


@pytest.fixture
async def api() -> AsyncIterator[FakeBotApi]:
    async with FakeBotApi(token=TOKEN, max_poll_timeout=1) as server:
        yield server


async def until(condition: Callable[[], bool], within: float = 10.0) -> None:
    async with asyncio.timeout(within):
        while True:
            if condition():
                return
            await asyncio.sleep(0.01)


class EchoBot:
    """A channel whose handler echoes, except that "wait" blocks until released."""

    def __init__(self, api: FakeBotApi) -> None:
        self.release = asyncio.Event()
        self.started = asyncio.Event()
        self.handled: list[int] = []
        self.channel = TelegramChannel(TOKEN, api.root, handle=self.handle, on_blocked=self.nop)

    async def handle(self, inbound: Inbound, send: Send) -> None:
        if inbound.text == "wait":
            self.started.set()
            await self.release.wait()
        await send([Outbound(inbound.chat_id, f"echo {inbound.text}")])
        assert inbound.update_id is not None
        self.handled.append(int(inbound.update_id))

    async def nop(self, _: str) -> None:
        return None


async def test_a_slow_update_stops_holding_the_offset_so_others_keep_flowing(
    api: FakeBotApi, monkeypatch: pytest.MonkeyPatch
) -> None:
    """getUpdates hands out at most LIMIT updates from the offset: an update running long
    (an export, a big download) must not keep everyone else's waiting behind it."""
    monkeypatch.setattr(Poller, "LIMIT", 5)
    monkeypatch.setattr(Poller, "SLOW", 0.3)
    bot = EchoBot(api)
    await bot.channel.start_polling(poll_timeout=1)
    slow = FakeUser(api, user_id=1)
    others = [FakeUser(api, user_id=100 + n) for n in range(12)]
    try:
        slow_id = await api.push_update({"message": slow.make_message(text="wait")})
        await bot.started.wait()
        for user in others:  # more than LIMIT of them, one after another
            await user.says("hello")
            assert user.last_message() == "echo hello"
        assert slow_id not in bot.handled
        bot.release.set()
        await until(lambda: slow_id in bot.handled)
    finally:
        await bot.channel.stop_polling()
    assert bot.handled.count(slow_id) == 1


async def test_an_update_in_flight_is_not_confirmed_while_later_ones_are_handled(
    api: FakeBotApi,
) -> None:
    bot = EchoBot(api)
    await bot.channel.start_polling(poll_timeout=1)
    slow, fast = FakeUser(api, user_id=1), FakeUser(api, user_id=2)
    try:
        slow_id = await api.push_update({"message": slow.make_message(text="wait")})
        await bot.started.wait()
        await fast.says("hello")
        assert fast.last_message() == "echo hello"
        # PTB's Updater would have confirmed it with the next getUpdates; here it stays.
        assert not api.is_confirmed(slow_id)
        bot.release.set()
        await until(lambda: slow_id in bot.handled)
        assert slow.last_message() == "echo wait"
    finally:
        await bot.channel.stop_polling()
    assert api.is_confirmed(slow_id) and api.is_confirmed(fast.last_update_id or 0)
    assert bot.handled.count(slow_id) == 1


async def test_stop_lets_an_update_in_flight_finish_then_confirms_it(api: FakeBotApi) -> None:
    bot = EchoBot(api)
    await bot.channel.start_polling(poll_timeout=1)
    user = FakeUser(api, user_id=3)
    update_id = await api.push_update({"message": user.make_message(text="wait")})
    await bot.started.wait()
    stopping = asyncio.create_task(bot.channel.stop_polling(grace=30))
    await asyncio.sleep(0)
    assert not stopping.done()
    bot.release.set()
    await stopping
    assert bot.handled == [update_id]
    assert user.last_message() == "echo wait"
    assert api.is_confirmed(update_id)


async def test_an_update_cut_off_at_stop_stays_unconfirmed_for_the_next_start(
    api: FakeBotApi,
) -> None:
    bot = EchoBot(api)
    await bot.channel.start_polling(poll_timeout=1)
    user = FakeUser(api, user_id=4)
    update_id = await api.push_update({"message": user.make_message(text="wait")})
    await bot.started.wait()
    await bot.channel.stop_polling(grace=0)  # it does not finish in time
    assert bot.handled == [] and not api.is_confirmed(update_id)

    await next_start_handles(api, update_id)  # the next start gets it again
    assert api.is_confirmed(update_id)


async def next_start_handles(api: FakeBotApi, update_id: int, db_url: str | None = None) -> None:
    """A new start of the bot (with an inbox on ``db_url``) handles this update, and only it."""
    db = Database(db_url) if db_url else None
    again = EchoBot(api) if db is None else with_inbox(EchoBot(api), db)
    again.release.set()
    await again.channel.start_polling(poll_timeout=1)
    try:
        await until(lambda: again.handled == [update_id])
    finally:
        await again.channel.stop_polling()
        if db is not None:
            await db.dispose()


async def test_sigterm_stops_the_polling_bot_cleanly(tmp_path: Path, api: FakeBotApi) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_"))}
    env.update(
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_API_URL=api.root,
        DATA_DIR=str(tmp_path),
        LOG_FORMAT="json",
    )
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        str(ROOT / "run_bot.py"),
        cwd=tmp_path,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        user = FakeUser(api, user_id=5005, language_code="en", timeout=60)
        await user.says("/start")
        update_id = user.last_update_id
        process.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(process.communicate(), timeout=60)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    assert process.returncode == 0, stderr.decode()[-2000:]
    assert update_id is not None and api.is_confirmed(update_id)
    assert TOKEN not in stderr.decode()
    assert api.violations == []


# ---------------------------------------------------------------- with the durable inbox


def with_inbox(bot: EchoBot, db: Database) -> EchoBot:
    bot.channel.inbox = InboxWorker(db, "telegram", bot.channel.handle_stored, decode=dict)
    return bot


async def test_polled_updates_are_kept_confirmed_at_once_and_never_fetched_again(
    api: FakeBotApi, db_url: str
) -> None:
    db = Database(db_url)
    bot = with_inbox(EchoBot(api), db)
    await bot.channel.start_polling(poll_timeout=1)
    slow, others = FakeUser(api, user_id=1), [FakeUser(api, user_id=100 + n) for n in range(8)]
    try:
        slow_id = await api.push_update({"message": slow.make_message(text="wait")})
        await bot.started.wait()
        # Kept in the database: Telegram may forget it, though it is not handled yet.
        await until(lambda: api.is_confirmed(slow_id))
        polls = len(api.calls("getUpdates"))
        for user in others:
            await user.says("hello")
            assert user.last_message() == "echo hello"
        # Each getUpdates brought new updates only: no more calls than updates (the update
        # in flight is not handed out again and again, as it is while unconfirmed).
        assert len(api.calls("getUpdates")) - polls <= len(others) + 2
        bot.release.set()
        await until(lambda: slow_id in bot.handled)
    finally:
        await bot.channel.stop_polling()
        await db.dispose()
    assert bot.handled.count(slow_id) == 1 and len(bot.handled) == 1 + len(others)


async def test_a_killed_poller_loses_nothing_it_confirmed(api: FakeBotApi, db_url: str) -> None:
    db = Database(db_url)
    bot = with_inbox(EchoBot(api), db)
    await bot.channel.start_polling(poll_timeout=1)
    user = FakeUser(api, user_id=7)
    update_id = await api.push_update({"message": user.make_message(text="wait")})
    await bot.started.wait()
    await until(lambda: api.is_confirmed(update_id))
    # A kill: nothing stops gracefully, the lease stays, the connections just go.
    assert bot.channel.poller is not None and bot.channel.inbox is not None
    doomed = [bot.channel.poller.task, bot.channel.inbox._task, *bot.channel.inbox._active]
    for task in doomed:
        assert task is not None
        task.cancel()
    await asyncio.gather(*doomed, return_exceptions=True)  # type: ignore[arg-type]
    await db.engine.dispose()
    await bot.channel.stop()

    await next_start_handles(api, update_id, db_url)
    assert user.last_message() == "echo wait"
    assert bot.handled == []
