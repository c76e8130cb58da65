"""The outbox's pace on WhatsApp: its own rate, one row every 6 s to one user (the pair rate)
and a 131056 that makes only that user's row wait."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

from bot.channels.telegram import CAPABILITIES as TELEGRAM
from bot.channels.whatsapp import CAPABILITIES, PAIR_BURST, PAIR_INTERVAL
from bot.delivery import Sender
from bot.i18n import Messages
from chat.outbound import Delivery, Outbound, RateLimited
from handlers.render import Renderer
from storage.db import Database
from storage.outbox import Outbox, OutboxItem
from tests.delivery_helpers import FakeClock


def _start() -> datetime:
    """A fake clock's start a little after now: the rows just enqueued are due."""
    return datetime.now(UTC).replace(microsecond=0) + timedelta(minutes=1)


class Recorder:
    """A channel's deliver that notes when (on the fake clock) each message went to whom."""

    def __init__(self, clock: FakeClock, refuse: dict[str, list[Exception]] | None = None) -> None:
        self.clock, self.refuse = clock, refuse or {}
        self.sent: list[tuple[str, datetime, Outbound]] = []

    async def __call__(self, out: Outbound) -> int:
        queue = self.refuse.get(str(out.chat_id))
        if queue:
            raise queue.pop(0)
        self.sent.append((str(out.chat_id), self.clock(), out))
        return 0

    def times(self, chat: str) -> list[datetime]:
        return [at for who, at, _ in self.sent if who == chat]


async def seed(db: Database, users: dict[int, tuple[str, str]]) -> None:
    async with db.transaction() as repo:
        for user_id, (channel, external) in users.items():
            await repo.users.touch(user_id, "bn", "bn")
            await repo.users.attach(channel, external, user_id)


async def enqueue(db: Database, items: list[OutboxItem]) -> None:
    async with db.transaction() as repo:
        await Outbox(repo.connection, db.dialect).enqueue(items)


def note(recipient: int, value: str, **fields: object) -> OutboxItem:
    return OutboxItem(
        recipient=recipient,
        kind="broadcast",
        message="flow-current-value",
        args={"value": value},
        **fields,  # type: ignore[arg-type]
    )


def make_sender(db: Database, messages: Messages, clock: FakeClock, whatsapp: Recorder) -> Sender:
    telegram = Recorder(clock)
    deliveries = {
        "whatsapp": Delivery(
            whatsapp,
            CAPABILITIES,
            rate=100.0,
            chat_interval=PAIR_INTERVAL,
            chat_burst=PAIR_BURST,
        ),
        "telegram": Delivery(telegram, TELEGRAM),
    }
    return Sender(
        db,
        Renderer(messages),
        deliveries,
        quiet_hours="",
        clock=clock,
        sleep=clock.sleep,
        poll=0.01,
    )


async def test_rows_to_one_whatsapp_user_are_six_seconds_apart_others_do_not_wait(
    db: Database, messages: Messages
) -> None:
    clock = FakeClock(_start())
    whatsapp = Recorder(clock)
    await seed(db, {1: ("whatsapp", "919800000001"), 2: ("whatsapp", "919800000002")})
    await enqueue(db, [note(1, str(n)) for n in range(3)] + [note(2, "x")])

    sender = make_sender(db, messages, clock, whatsapp)
    assert sender.batch == 400  # four seconds at WhatsApp's rate, not at Telegram's 30/s
    await sender.drain()

    times = whatsapp.times("919800000001")
    assert len(times) == 3
    gaps = [(b - a).total_seconds() for a, b in itertools.pairwise(times)]
    assert all(gap >= PAIR_INTERVAL for gap in gaps), gaps
    order = [who for who, _, _ in whatsapp.sent]
    assert order.index("919800000002") < 2  # not queued behind user 1's paced rows


async def test_pair_rate_refusal_holds_back_that_user_only(
    db: Database, messages: Messages
) -> None:
    clock = FakeClock(start := _start())
    whatsapp = Recorder(clock, {"919800000001": [RateLimited(6.0, "(131056)", per_chat=True)]})
    await seed(db, {1: ("whatsapp", "919800000001"), 2: ("whatsapp", "919800000002")})
    await enqueue(db, [note(1, "a"), note(2, "b")])
    sender = make_sender(db, messages, clock, whatsapp)
    await sender.drain()

    assert whatsapp.times("919800000002") == [start]  # not paused by user 1's refusal
    assert whatsapp.times("919800000001") == []
    async with db.transaction() as repo:
        (row,) = await Outbox(repo.connection, db.dialect).of_recipient(1)
    assert row.status == "pending" and row.attempts == 1
    assert row.due_at >= start + timedelta(seconds=6)

    clock.advance(7)
    await sender.drain()
    assert len(whatsapp.times("919800000001")) == 1
