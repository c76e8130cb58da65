"""Crash tests: `python run_bot.py` killed with SIGKILL mid-conversation and mid-broadcast.

The bot runs as a real process against the fake Bot API server (in this test's event loop) and
a database both sides open; it is killed with SIGKILL (no shutdown code runs) at chosen moments:
between two answers, and while an update is in flight (its reply held open by the server, so
the kill lands between the commit and the send). After a restart the database must hold every
answer given, the seller must go on from the question after the last one answered, and a
broadcast must reach everyone, with duplicates bounded by the batch that was in flight.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
from collections.abc import AsyncIterator, Iterable
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from bot.delivery import Sender
from bot.i18n import Messages
from chat.capabilities import UNLIMITED
from chat.outbound import Delivery, Outbound
from handlers.render import Renderer
from storage.base import now
from storage.db import Database
from storage.models import inbox_t, outbox_t
from storage.records import ConversationState, ProductRecord, SellerRecord
from tests.fakebot import FakeBotApi, FakeUser, Message
from tests.images import good_photo

# Slow by nature (real processes, real time): the second stage of .ci/run, `pytest -m slow`.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "424242:CRASH-token"
ADMIN = 900001
# BROADCAST_RATE of the process under test: under the default (25) so that a loaded test machine
# bunching requests at the fake server (30/s, like Telegram) does not make a 429 of its own.
RATE = 20.0
START_TIMEOUT = 60.0  # failure guard only: a cold start takes a few seconds


def measure(text: str) -> None:
    """Numbers worth reporting (visible with `pytest -s`)."""
    print(f"\nMEASURE {text}")


class BotProcess:
    """`python run_bot.py` as a service runs it: started, SIGKILLed, started again."""

    def __init__(self, api: FakeBotApi, db_url: str, workdir: Path) -> None:
        self.api, self.workdir = api, workdir
        self.env = {
            k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_"))
        }
        self.env.update(
            TELEGRAM_BOT_TOKEN=TOKEN,
            TELEGRAM_API_URL=api.root,
            DATABASE_URL=db_url,
            DATA_DIR=str(workdir / "data"),
            ADMIN_TELEGRAM_IDS=str(ADMIN),
            QUIET_HOURS="",  # announcements go out whatever the hour the test runs at
            BROADCAST_RATE=str(RATE),
            LOG_LEVEL="INFO",
        )
        self.proc: asyncio.subprocess.Process | None = None
        self.runs = 0

    @property
    def log(self) -> Path:
        return self.workdir / f"bot-{self.runs}.log"

    def log_tail(self, lines: int = 30) -> str:
        text = self.log.read_text("utf-8", "replace") if self.log.exists() else ""
        return "\n".join(text.splitlines()[-lines:])

    async def start(self) -> None:
        """Start the process and return once it polls (its core is built by then)."""
        assert self.proc is None or self.proc.returncode is not None, "already running"
        self.runs += 1
        polls = len(self.api.calls("getUpdates"))
        with self.log.open("wb") as log:  # the child keeps its own descriptor
            self.proc = await asyncio.create_subprocess_exec(
                sys.executable,
                str(ROOT / "run_bot.py"),
                cwd=self.workdir,  # no .env there
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        proc = self.proc
        await self.api.wait_until(
            lambda: len(self.api.calls("getUpdates")) > polls or proc.returncode is not None,
            "the bot process polls",
            START_TIMEOUT,
        )
        assert proc.returncode is None, f"the bot exited ({proc.returncode}):\n{self.log_tail()}"

    async def kill(self) -> None:
        """SIGKILL: no finally block, no shutdown hook, no lease released."""
        assert self.proc is not None and self.proc.returncode is None, self.log_tail()
        self.proc.send_signal(signal.SIGKILL)
        assert await self.proc.wait() == -signal.SIGKILL

    async def stop(self) -> None:
        if self.proc is not None and self.proc.returncode is None:
            self.proc.send_signal(signal.SIGKILL)
            await self.proc.wait()

    def saw_again(self, update_id: int) -> bool:
        """Whether the current run was handed this update and skipped it as already handled."""
        return f"update {update_id} seen before" in self.log.read_text("utf-8", "replace")

    def errors(self) -> list[str]:
        """Errors logged by every run so far (a SIGKILL itself leaves none); the log is JSON
        lines when, as here, nobody reads it at a terminal."""
        found = []
        for run in range(1, self.runs + 1):
            for line in (self.workdir / f"bot-{run}.log").read_text("utf-8").splitlines():
                try:
                    entry = json.loads(line)
                except ValueError:
                    error = " ERROR " in line or "Traceback" in line
                    entry = {"level": "ERROR" if error else "", "message": line}
                if isinstance(entry, dict) and entry.get("level") in ("ERROR", "CRITICAL"):
                    found.append(str(entry.get("message")))
        return found


@pytest.fixture
async def api() -> AsyncIterator[FakeBotApi]:
    async with FakeBotApi(token=TOKEN, max_poll_timeout=1) as server:
        server.timeout_delay = 600.0  # a held request stays held until the process dies
        yield server


@pytest.fixture
async def bot(
    api: FakeBotApi, db_url: str, db: Database, tmp_path: Path
) -> AsyncIterator[BotProcess]:
    """The process under test; `db` (migrated here first) is the test's own view of its data."""
    process = BotProcess(api, db_url, tmp_path)
    try:
        yield process
    finally:
        await process.stop()


async def conversation(db: Database, telegram_id: int) -> ConversationState:
    async with db.transaction() as repo:
        state = await repo.conversations.of_identity("telegram", str(telegram_id))
    assert state is not None
    return state


async def hold_reply_and_kill(
    api: FakeBotApi, bot: BotProcess, user: FakeUser, act: str, *args: str
) -> tuple[int, bool]:
    """The user acts; the bot commits and starts replying; the reply is held open by the
    server and the process is killed then. Returns the update's id and whether it had been
    confirmed to Telegram (the polling offset moved past it) when the kill came."""
    api.fail_next("sendMessage", "timeout", count=None, chat_id=user.id)
    held = len(api.faulted("sendMessage", user.id))
    await getattr(user, act)(*args, expect_reply=None)
    await api.wait_until(
        lambda: len(api.faulted("sendMessage", user.id)) > held, "the bot starts to reply"
    )
    update_id = user.last_update_id or 0
    confirmed = api.is_confirmed(update_id)
    await bot.kill()
    api.clear_faults()
    return update_id, confirmed


def texts(messages: Iterable[Message]) -> str:
    return "\n".join(m.content for m in messages)


async def after_restart(
    api: FakeBotApi, db: Database, user: FakeUser, update_id: int, question: str, before: int
) -> bool:
    """Once the restarted bot has been through the held update again: it asks, once, the
    question whose message was lost (the process that claimed the update is gone: on
    SQLite an earlier run, on PostgreSQL no session of it is open any more)."""
    # ``before``: the messages in the chat before the restart (the new process may answer
    # before this is called). Polling keeps each batch in the inbox before confirming it, so
    # the update was confirmed before the kill: that it is handled again shows in the chat.
    await api.wait_until(
        lambda: question in texts(user.messages[before:]), "the held update is handled again"
    )
    await user.settle()
    again = texts(user.messages[before:]).count(question)
    assert again == 1, texts(user.messages[before:])
    return bool(again)


async def test_killed_mid_registration_the_seller_goes_on_where_they_were(
    api: FakeBotApi, bot: BotProcess, db: Database, messages: Messages
) -> None:
    def ask(key: str) -> str:
        return messages.text("bn", key)

    await bot.start()
    rina = FakeUser(api, user_id=1001, first_name="রিনা", language_code="bn")
    await rina.says("/start")
    await rina.presses("বাংলা")
    await rina.presses("আমি রাজি")
    await rina.says("রিনা <দাস> & কোং")
    await rina.presses("বাদ দিন")
    await rina.says("বাকুড়া")
    assert ask("reg-ask-phone") in rina.last_message()

    # 1. Killed between two answers: she saw the next question and just answers it.
    await bot.kill()
    state = await conversation(db, 1001)
    assert (state.flow, state.step) == ("reg", "phone")
    assert state.answers["name"] == "রিনা <দাস> & কোং"
    assert state.answers["district"] == "BNK"
    await bot.start()
    replies = await rina.shares_contact("+919830012345")
    assert "নম্বর রাখা হল" in texts(replies) and ask("reg-ask-craft") in texts(replies)
    await rina.presses("ডোকরা")
    assert ask("reg-ask-gstin") in rina.last_message()

    # 2. Killed after her answer was committed, while the reply was on its way.
    before = len(rina.messages)
    update_id, confirmed = await hold_reply_and_kill(api, bot, rina, "says", "19AAECF2320D1Z5")
    assert len(rina.messages) == before  # the reply never arrived
    state = await conversation(db, 1001)
    assert state.step == "iec" and state.answers["gstin"] == "19AAECF2320D1Z5"
    assert state.answers["craft"] == {"id": "dokra"} and state.answers["phone"] == "+919830012345"

    before = len(rina.messages)
    await bot.start()
    asked_again = await after_restart(api, db, rina, update_id, ask("reg-ask-iec"), before)
    measure(
        f"registration ({db.dialect}): update confirmed before the kill: {confirmed}; "
        f"handed out again: {bot.saw_again(update_id)}; the lost reply asked again: {asked_again}"
    )
    # Whether or not it came, she may type /start, as people do, and be asked what is next.
    replies = await rina.says("/start")
    assert texts(replies).count(ask("reg-ask-iec")) == 1, texts(replies)
    await rina.presses("AAECF2320D")
    await rina.presses("বাদ দিন")
    summary = rina.last_message()
    assert "রিনা <দাস> & কোং" in summary and "বাঁকুড়া" in summary and "ডোকরা" in summary
    await rina.presses("হ্যাঁ, সব ঠিক আছে")
    assert "নিবন্ধন হয়ে গেছে" in texts(rina.replies_since_last())

    async with db.transaction() as repo:
        saved = await repo.sellers.get(await repo.users.find("telegram", "1001") or 0)
    assert saved is not None
    assert (saved.name, saved.district, saved.phone, saved.craft_id) == (
        "রিনা <দাস> & কোং",
        "BNK",
        "+919830012345",
        "dokra",
    )
    assert (saved.gstin, saved.iec, saved.udyam) == ("19AAECF2320D1Z5", "AAECF2320D", None)
    assert api.violations == [] and bot.errors() == []


async def add_seller(db: Database, user_id: int, craft: str = "terracotta") -> None:
    async with db.transaction() as repo:
        await repo.users.touch(user_id, "bn", "bn")
        await repo.users.attach("telegram", str(user_id), user_id)
        await repo.sellers.save(
            SellerRecord(user_id, f"Seller {user_id}", "BNK", f"+91983{user_id:07d}", None, craft)
        )


async def drafts(db: Database, seller_id: int) -> list[ProductRecord]:
    async with db.transaction() as repo:
        return await repo.products.of_seller(seller_id)


async def test_killed_mid_product_upload_the_draft_and_photos_survive(
    api: FakeBotApi, bot: BotProcess, db: Database, messages: Messages
) -> None:
    await add_seller(db, 2002)
    await bot.start()
    mina = FakeUser(api, user_id=2002, first_name="মিনা", language_code="bn")
    await mina.says("/addproduct")
    await mina.sends_photo(good_photo(1))
    await mina.sends_photo(good_photo(2))
    await mina.presses("হয়ে গেছে")
    await mina.presses("পাঁচমুড়া")
    await mina.presses("ঘোড়া")
    await mina.says("মাটি")
    await mina.says("৩০ সেমি")
    assert messages.text("bn", "prod-ask-weight") in mina.last_message()

    update_id, confirmed = await hold_reply_and_kill(api, bot, mina, "says", "৮০০ গ্রাম")
    [draft] = await drafts(db, 2002)
    assert draft.status == "draft" and len(draft.photos) == 2
    assert {"what", "item", "material", "size", "weight"} <= draft.answers.keys()
    assert draft.answers["material"] == "মাটি"
    before = len(mina.messages)
    await bot.start()
    colour = messages.text("bn", "prod-ask-colour")
    asked_again = await after_restart(api, db, mina, update_id, colour, before)
    measure(
        f"product ({db.dialect}): update confirmed before the kill: {confirmed}; "
        f"handed out again: {bot.saw_again(update_id)}; the lost reply asked again: {asked_again}"
    )
    await mina.says("/menu")
    replies = await mina.presses("শেষ করুন")  # "finish: <product>" for the unfinished draft
    assert texts(replies).count(colour) == 1  # the question after weight
    await mina.presses("লাল")
    await mina.says("১২০০ টাকা")
    await mina.says("৩")
    await mina.says("১০")
    await mina.says("হাতে তৈরি")
    review = mina.last_message()
    assert "Terracotta" in review and "800" in review
    await mina.presses("হ্যাঁ, সব ঠিক আছে")
    assert "SKU ES-BNK-" in mina.last_message()

    [product] = await drafts(db, 2002)
    assert product.id == draft.id and product.status == "ready" and len(product.photos) == 2
    assert product.answers["weight"] == draft.answers["weight"]
    assert api.violations == [] and bot.errors() == []


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)  # about polling, not storage
async def test_an_update_in_flight_at_the_kill_is_handled_after_the_restart(
    api: FakeBotApi, bot: BotProcess, db: Database, messages: Messages
) -> None:
    """Killed while a photo downloads (before its transaction): the update is in the inbox
    (kept there before it was confirmed to Telegram), so the next process handles it; nothing
    is lost and nothing is doubled."""
    await add_seller(db, 2003)
    await bot.start()
    tuli = FakeUser(api, user_id=2003, first_name="টুলি", language_code="bn")
    await tuli.says("/addproduct")
    api.fail_next("getFile", "timeout", count=None)  # the photo's download hangs
    before = len(tuli.messages)
    await tuli.sends_photo(good_photo(3), expect_reply=None)
    await api.wait_until(lambda: bool(api.faulted("getFile")), "the bot fetches the photo")
    photo_update = tuli.last_update_id or 0
    confirmed = api.is_confirmed(photo_update)
    await bot.kill()
    api.clear_faults()
    measure(f"update mid-download confirmed before the kill (kept in the inbox): {confirmed}")
    async with db.transaction() as repo:
        kept = await repo.connection.execute(
            select(inbox_t.c.update_id).where(inbox_t.c.channel == "telegram")
        )
        assert [row.update_id for row in kept] == [str(photo_update)]
    [draft] = await drafts(db, 2003)
    assert draft.photos == []

    await bot.start()  # the new process takes the dead one's lease over
    await api.wait_until(
        lambda: len(tuli.messages) > before, "the photo is handled after the restart"
    )
    await tuli.settle()
    [draft] = await drafts(db, 2003)
    assert len(draft.photos) == 1
    said = texts(tuli.messages[before:])
    assert said.count(messages.text("bn", "photo-good", {"n": 1})) == 1, said  # answered once
    assert api.violations == [] and bot.errors() == []


async def seed_sellers(db: Database, api: FakeBotApi, ids: range) -> None:
    async with db.transaction() as repo:
        for user_id in ids:
            await repo.users.touch(user_id, "bn", "bn")
            await repo.users.attach("telegram", str(user_id), user_id)
            await repo.sellers.save(
                SellerRecord(user_id, f"S{user_id}", "BNK", f"+91983{user_id:07d}", None, "dokra")
            )
    for user_id in ids:
        api.add_chat({"id": user_id, "type": "private", "first_name": f"S{user_id}"})


async def outbox_counts(db: Database) -> dict[str, int]:
    """The broadcast's rows by status (the creator's delivery report is another kind)."""
    async with db.transaction() as repo:
        rows = await repo.connection.execute(
            select(outbox_t.c.status, func.count())
            .where(outbox_t.c.kind == "broadcast")
            .group_by(outbox_t.c.status)
        )
        return {status: n for status, n in rows.all()}


async def never_called(out: Outbound) -> int:
    raise AssertionError("this Sender only tells its batch size")


async def test_killed_mid_broadcast_everyone_gets_it_duplicates_at_most_the_batch(
    api: FakeBotApi, bot: BotProcess, db: Database, messages: Messages
) -> None:
    sellers = range(10_000, 10_300)
    await seed_sellers(db, api, sellers)
    api.rate_limit_per_second = 30  # Telegram's bulk limit: the restart must not burst past it
    await bot.start()
    admin = FakeUser(api, user_id=ADMIN, first_name="Admin", language_code="en")
    await admin.says("/broadcast")
    await admin.says("Mela on Saturday at 10 <b>sharp</b> & tea")
    await admin.presses("Continue")
    await admin.presses("Skip")  # no photo
    await admin.presses("All West Bengal")
    await admin.presses("Skip")  # every craft
    await admin.presses("Everyone")
    await admin.presses("Every language")
    await admin.presses("Now")
    assert "It goes to 300 sellers" in admin.last_message()
    # Five sends reach their chats but their answers never come back (a process about to die
    # has requests in flight): these rows are sent, yet not recorded as sent.
    unanswered = list(sellers[20:25])
    for chat in unanswered:
        api.fail_next("sendMessage", "timeout", chat_id=chat, apply=True)
    await admin.presses("Yes, all correct")

    def reached() -> int:
        return sum(1 for c in sellers if api.transcript(c))

    await api.wait_until(
        lambda: reached() >= 100 and len(api.faulted("sendMessage")) >= len(unanswered),
        "a third of the broadcast is out",
    )
    await bot.kill()
    at_kill = reached()
    counts = await outbox_counts(db)
    in_flight = counts.get("sending", 0)
    batch = Sender(
        db, Renderer(messages), {"telegram": Delivery(never_called, UNLIMITED)}, rate=RATE
    ).batch  # rows per claim
    assert at_kill < len(sellers), "the kill came after the broadcast had finished"
    assert len(unanswered) <= in_flight <= batch, counts

    # The dead sender's lease (60 s) runs out; the test moves it instead of waiting for it.
    async with db.transaction() as repo:
        await repo.connection.execute(
            update(outbox_t)
            .where(outbox_t.c.status == "sending")
            .values(lease_until=now() - timedelta(seconds=1))
        )
    await bot.start()
    await api.wait_until(
        lambda: reached() == len(sellers), "every seller has the announcement", guard=120
    )

    async def all_recorded() -> bool:
        return (await outbox_counts(db)) == {"sent": len(sellers)}

    for _ in range(600):  # failure guard: ~60 s
        if await all_recorded():
            break
        await asyncio.sleep(0.1)
    assert await outbox_counts(db) == {"sent": len(sellers)}

    copies = {c: len(api.transcript(c)) for c in sellers}
    duplicates = sum(n - 1 for n in copies.values())
    measure(
        f"broadcast of {len(sellers)}: {at_kill} reached before the kill, {in_flight} rows in "
        f"flight (batch {batch}), {duplicates} duplicates after the restart"
    )
    assert all(n >= 1 for n in copies.values())
    assert all(copies[c] == 2 for c in unanswered)  # sent, unrecorded, sent again
    assert duplicates <= in_flight
    text = api.transcript(sellers[0])[0]
    assert text.content == "Mela on Saturday at 10 <b>sharp</b> & tea"  # literal, escaped
    assert api.rate_limited == 0 and api.violations == []
