"""The one outbound pace of a channel: never over the rate in any second, replies before the
outbox, a chat's burst then one a second (on a fake clock: no real waiting)."""

from __future__ import annotations

import asyncio

import pytest

from chat import pacing
from chat.pacing import Pacer


class FakeTime:
    """A clock that moves only when someone sleeps."""

    def __init__(self) -> None:
        self.now = 1000.0

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        for _ in range(5):  # whoever was let through runs before time moves on
            await asyncio.sleep(0)
        self.now += max(seconds, 1e-6)


def most_in_one_second(times: list[float]) -> int:
    ordered = sorted(times)
    return max(sum(1 for t in ordered if start <= t < start + 1.0 - 1e-9) for start in ordered)


async def test_no_second_sees_more_than_the_rate() -> None:
    time = FakeTime()
    pacer = Pacer(30, clock=time.clock, sleep=time.sleep)
    granted: list[float] = []

    async def one(urgent: bool) -> None:
        await pacer.acquire(urgent=urgent)
        granted.append(time.now)

    await asyncio.gather(*(one(urgent=n % 3 == 0) for n in range(150)))
    assert len(granted) == 150
    assert most_in_one_second(granted) <= 30
    # And it is not slower than it has to be: 150 at 30 a second is about 5 seconds.
    assert granted[-1] - granted[0] < 5.2


async def test_replies_go_before_the_outbox_that_asked_first() -> None:
    time = FakeTime()
    pacer = Pacer(10, clock=time.clock, sleep=time.sleep)
    order: list[str] = []

    async def one(name: str, urgent: bool) -> None:
        await pacer.acquire(urgent=urgent)
        order.append(name)

    bulk = [asyncio.create_task(one(f"broadcast {n}", False)) for n in range(20)]
    await asyncio.sleep(0)  # they are all waiting (or through) now
    reply = asyncio.create_task(one("reply", True))
    await asyncio.gather(*bulk, reply)
    # Ahead of the reply: only the ten that found room in the first second.
    assert order.index("reply") == 10, order


async def test_a_chat_gets_its_burst_then_one_message_a_second() -> None:
    time = FakeTime()
    pacer = Pacer(None, chat_interval=1.0, chat_burst=3, clock=time.clock, sleep=time.sleep)
    start = time.now
    times = []
    for _ in range(6):
        await pacer.acquire(chat=42)
        times.append(time.now - start)
    assert times[:3] == [0.0, 0.0, 0.0]
    assert times[3:] == pytest.approx([1.0, 2.0, 3.0])
    before = time.now
    await pacer.acquire(chat=43)  # another chat does not wait for this one
    assert time.now == before


async def test_replies_to_a_chat_never_wait_but_the_outbox_waits_after_them() -> None:
    time = FakeTime()
    pacer = Pacer(None, chat_interval=1.0, chat_burst=3, clock=time.clock, sleep=time.sleep)
    for _ in range(5):  # a quick exchange: five replies at once
        await pacer.acquire(chat=42, urgent=True)
    assert time.now == 1000.0
    await pacer.acquire(chat=42)  # a reminder to that chat now waits for the pace
    assert time.now == pytest.approx(1003.0)


async def test_a_waiter_that_gives_up_does_not_hold_the_others() -> None:
    time = FakeTime()
    pacer = Pacer(1, clock=time.clock, sleep=time.sleep)
    await pacer.acquire()  # the one slot is gone
    gone = asyncio.create_task(pacer.acquire(urgent=True))
    await asyncio.sleep(0)
    gone.cancel()
    after = asyncio.create_task(pacer.acquire())
    await asyncio.wait_for(after, 5)
    assert gone.cancelled() and after.done()


def test_a_pace_must_be_positive() -> None:
    with pytest.raises(ValueError):
        Pacer(0)


async def test_chats_whose_burst_has_grown_back_are_forgotten(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pacing, "PRUNE_AT", 3)
    time = FakeTime()
    pacer = Pacer(None, chat_interval=1.0, chat_burst=3, clock=time.clock, sleep=time.sleep)
    for chat in range(4):
        await pacer.acquire(chat=chat)
    assert len(pacer._chats) == 4  # all recent: none forgotten
    time.now += 3.0  # a whole burst grown back
    await pacer.acquire(chat=99)
    assert set(pacer._chats) == {"99"}
    times = []
    for _ in range(4):  # a forgotten chat starts again with a full burst
        await pacer.acquire(chat=0)
        times.append(time.now)
    assert times[0] == times[1] == times[2] and times[3] == pytest.approx(times[0] + 1.0)
