"""One outbound pace per channel, shared by the replies and the outbox, replies first.

A platform limits what one bot sends, whoever it is for: Telegram about 30 messages a second
overall and about one a second to one chat after a short burst, WhatsApp its number's
throughput. Replies and the outbox each pacing themselves would together go over it (and be
told 429). Here both take a slot from the one ``Pacer`` of their channel before each message:
a reply (someone is waiting) always goes before a broadcast that asked first, and no
one-second window sees more than the rate (a log of the last second's sends, not a bucket,
which would let its fill through on top of the rate).
A 429 that still comes is waited out by the sender that got it (``retry_after``).
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable

PRUNE_AT = 4096  # chats remembered before the idle ones are forgotten


class Pacer:
    """``rate`` messages a second overall (None: no overall limit) and, per chat, a burst of
    ``chat_burst`` then one every ``chat_interval`` seconds (None: no per-chat limit). Replies
    (``urgent``) wait for the overall rate only: to a chat they are counted, not held, so the
    outbox's next message there waits the longer."""

    def __init__(
        self,
        rate: float | None,
        *,
        chat_interval: float | None = None,
        chat_burst: int = 3,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        if rate is not None and rate <= 0:
            raise ValueError("a pace must be positive")
        self.rate = rate
        self.chat_interval, self.chat_burst = chat_interval, max(1, chat_burst)
        self.clock, self.sleep = clock, sleep
        self._sent: deque[tuple[float, float]] = deque()  # (when, cost) within the last second
        self._used = 0.0  # their costs added up
        self._queues: tuple[deque[tuple[float, asyncio.Future[None]]], ...] = (deque(), deque())
        self._pump: asyncio.Task[None] | None = None
        self._chats: dict[str, tuple[float, float]] = {}  # chat -> (tokens, at)

    async def acquire(self, cost: float = 1, *, chat: object = None, urgent: bool = False) -> None:
        """Until ``cost`` messages may go (to ``chat``, when given); ``urgent``: a reply."""
        if chat is not None and self.chat_interval is not None:
            await self._chat_slot(str(chat), urgent)
        if self.rate is None:
            return
        cost = min(float(cost), self.rate)
        urgent_queue, bulk_queue = self._queues
        ahead = urgent_queue if urgent else (urgent_queue or bulk_queue)
        if not ahead and not self._take(cost):
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        (urgent_queue if urgent else bulk_queue).append((cost, future))
        if self._pump is None or self._pump.done():
            self._pump = asyncio.create_task(self._hand_out(), name="pacer")
        try:
            await future
        except asyncio.CancelledError:
            for queue in self._queues:  # gone: its turn passes to the next
                for entry in queue:
                    if entry[1] is future:
                        queue.remove(entry)
                        break
            raise

    def _take(self, cost: float) -> float:
        """0 when ``cost`` was taken now, else the seconds until it can be."""
        assert self.rate is not None
        now = self.clock()
        sent = self._sent
        while sent and sent[0][0] <= now - 1.0:
            self._used -= sent.popleft()[1]
        if self._used + cost <= self.rate + 1e-9:
            sent.append((now, cost))
            self._used += cost
            return 0.0
        freed = self._used
        for at, spent in sent:  # the oldest go first: when has enough gone?
            freed -= spent
            if freed + cost <= self.rate + 1e-9:
                return at + 1.0 - now
        return 1.0

    async def _hand_out(self) -> None:
        """Slots to the waiting, replies first, as they come free."""
        assert self.rate is not None
        while any(self._queues):
            queue = next(q for q in self._queues if q)
            cost, future = queue[0]
            if future.done():  # cancelled meanwhile
                queue.popleft()
                continue
            wait = self._take(cost)
            if not wait:
                queue.popleft()
                future.set_result(None)
                continue
            await self.sleep(wait)

    async def _chat_slot(self, chat: str, urgent: bool) -> None:
        assert self.chat_interval is not None
        while True:
            now = self.clock()
            tokens, at = self._chats.get(chat, (float(self.chat_burst), now))
            tokens = min(float(self.chat_burst), tokens + (now - at) / self.chat_interval)
            if urgent:  # counted (down to a burst's worth owed), never held
                self._chats[chat] = (max(tokens - 1, -float(self.chat_burst)), now)
                return
            if tokens >= 1:
                self._chats[chat] = (tokens - 1, now)
                if len(self._chats) > PRUNE_AT:
                    self._forget_idle(now)
                return
            self._chats[chat] = (tokens, now)
            await self.sleep((1 - tokens) * self.chat_interval)

    def _forget_idle(self, now: float) -> None:
        """A chat whose burst has grown back is as good as new: forget it."""
        assert self.chat_interval is not None
        full = self.chat_burst * self.chat_interval
        self._chats = {c: (t, at) for c, (t, at) in self._chats.items() if now - at < full}
