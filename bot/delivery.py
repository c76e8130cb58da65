"""Drains the outbox within Telegram's limits, so reminders and broadcasts survive crashes.

One Sender per process: its own leaky bucket (~25/s of the bot's 30/s), one message per second
per chat, a 429 pausing only this sender. Rows are leased while in flight: a crashed sender's
rows come back when the lease runs out (the only source of duplicates, at most a batch).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import os
import socket
import uuid
from collections import defaultdict
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime, time, timedelta
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from aiolimiter import AsyncLimiter

from chat.capabilities import Capabilities
from chat.markup import escape
from chat.outbound import (
    Blocked,
    Delivery,
    DeliveryError,
    Outbound,
    RateLimited,
    Rejected,
    Transient,
)
from chat.replies import Choice, Reply
from handlers.render import TEXT_LIMIT, Renderer
from storage.db import Database
from storage.outbox import Outbox, OutboxRow, Recipient

log = logging.getLogger(__name__)

# How a channel's delivery reports name an outbox row: this and the row's id.
OUTBOX_TAG = "outbox:"

TELEGRAM_BULK_RATE = 30.0  # messages per second per bot for bulk sends
OWN_RATE_SHARE = 0.85  # of a channel's own rate, for the outbox: the rest for replies and jitter
OPT_OUT_KINDS = frozenset({"broadcast", "nudge"})  # what /stop stops; reminders still go
FALLBACK_LOCALE = "bn"
BACKOFF_BASE = 5.0  # seconds; doubled per attempt
BACKOFF_CAP = 900.0
MAX_PAUSE = 300.0  # never believe a retry_after longer than this (a bad clock, a bad answer)
SHUTDOWN_GRACE = 5.0  # seconds in-flight sends get to finish and be recorded on cancel
OTHER_CHANNEL_WAIT = timedelta(minutes=5)  # a row for a channel this process does not serve
WRITE_ATTEMPTS = 3

T = TypeVar("T")


# The errors a channel's deliver raises live with the channel types (channels raise them).


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class QuietHours:
    """A daily window (local time) in which ``quiet`` rows wait; may wrap midnight."""

    start: time
    end: time
    zone: ZoneInfo

    @classmethod
    def parse(cls, spec: str, timezone: str) -> QuietHours | None:
        """ "21:00-08:00" in ``timezone``; an empty spec (or start == end) means none."""
        spec = spec.strip()
        if not spec:
            return None
        try:
            start_text, end_text = (part.strip() for part in spec.split("-"))
            start, end = time.fromisoformat(start_text), time.fromisoformat(end_text)
        except ValueError:
            raise ValueError(f"quiet hours must look like 21:00-08:00, not {spec!r}") from None
        return None if start == end else cls(start, end, ZoneInfo(timezone))

    def end_of(self, at: datetime) -> datetime | None:
        """When the quiet window ``at`` falls in ends (UTC); None when ``at`` is not quiet."""
        local = at.astimezone(self.zone)
        now = local.time()
        day = local.date()
        if self.start < self.end:
            if not self.start <= now < self.end:
                return None
        elif self.end <= now < self.start:
            return None
        elif now >= self.start:
            day += timedelta(days=1)
        return datetime.combine(day, self.end, tzinfo=self.zone).astimezone(UTC)


def backoff(attempts: int) -> float:
    """Seconds before retrying a row that has failed ``attempts`` times before."""
    return min(BACKOFF_BASE * 2**attempts, BACKOFF_CAP)


def literal_markup(text: str, caps: Capabilities) -> str:
    """A coordinator's text as markup, cut (never inside an entity) to the channel's length."""
    limit = min(caps.text_limit, TEXT_LIMIT)
    escaped = escape(text)
    if caps.length(escaped) <= limit:
        return escaped
    pieces: list[str] = []
    room = limit - 1  # the ellipsis
    for char in text:
        piece = escape(char)
        room -= caps.length(piece)
        if room < 0:
            break
        pieces.append(piece)
    return "".join(pieces) + "…"


class Sender:
    """Sends due outbox rows: ``run()`` forever, or ``drain()`` once."""

    max_rate = TELEGRAM_BULK_RATE  # a faster ``rate`` is clamped to this (tests may raise it)

    def __init__(
        self,
        db: Database,
        renderer: Renderer,
        deliveries: Mapping[str, Delivery],
        *,
        rate: float = 25.0,
        per_chat_interval: float = 1.0,
        quiet_hours: str = "21:00-08:00",
        timezone: str = "Asia/Kolkata",
        owner: str | None = None,
        batch: int | None = None,
        lease: timedelta = timedelta(seconds=60),
        max_attempts: int = 5,
        clock: Callable[[], datetime] = utc_now,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        poll: float = 0.5,
        on_blocked: Callable[[int], Awaitable[None]] | None = None,
    ) -> None:
        if rate <= 0:
            raise ValueError("the broadcast rate must be positive")
        if rate > self.max_rate:
            log.warning(
                "broadcast rate %.1f/s is above Telegram's %.0f/s: using %.0f/s",
                rate,
                self.max_rate,
                self.max_rate,
            )
            rate = self.max_rate
        self.db, self.renderer, self.deliveries = db, renderer, dict(deliveries)
        self.rate = rate
        self.per_chat_interval = per_chat_interval
        self.quiet = QuietHours.parse(quiet_hours, timezone)
        self.owner = (owner or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}")[:64]
        # About four seconds of sending per claim (at the fastest channel's rate, below): an
        # urgent row claimed behind a broadcast waits at most that long, and a crash
        # duplicates at most this many.
        self.lease = lease
        self.max_attempts = max_attempts
        self.clock, self.sleep, self.poll = clock, sleep, poll
        self.on_blocked = on_blocked
        # Counters for metrics.
        self.sent = self.rate_limited = self.failed = self.skipped = 0
        self.postponed = self.retried = 0
        # One limiter per channel: a channel that states its own rate (WhatsApp's
        # WHATSAPP_RATE) gets 85 % of it (the number's throughput also carries the
        # replies), a tenth of a second's worth at a time, so that no one-second window sees
        # more than the rate (a bucket of a whole second's worth lets nearly twice through);
        # the others share this sender's rate.
        shared = AsyncLimiter(rate, 1)
        self._limiters = {
            name: AsyncLimiter(d.rate * OWN_RATE_SHARE / 10, 0.1) if d.rate else shared
            for name, d in deliveries.items()
        }
        fastest = max([rate, *(d.rate or 0 for d in deliveries.values())])
        self.batch = batch or max(10, min(500, int(fastest * 4)))
        self._slots = asyncio.Semaphore(max(8, math.ceil(fastest * 2)))  # requests in flight
        self._chat_locks: dict[int, asyncio.Lock] = {}
        self._chat_users: dict[int, int] = defaultdict(int)
        self._last_sent: dict[int, datetime] = {}
        self._resume_at: datetime | None = None
        self._stopping = False
        self._tasks: dict[asyncio.Task[None], OutboxRow] = {}
        self._delivering: set[asyncio.Task[None]] = set()
        self._blocked: dict[int, datetime] = {}  # recipient -> when a 403 said so
        self._reported: set[int] = set()

    # ------------------------------------------------------------------ public

    def counters(self) -> dict[str, int]:
        return {
            "sent": self.sent,
            "rate_limited": self.rate_limited,
            "failed": self.failed,
            "skipped": self.skipped,
            "postponed": self.postponed,
            "retried": self.retried,
            "in_flight": len(self._tasks),
        }

    async def run(self) -> None:
        """Send until cancelled; then start nothing new, let in-flight sends finish (a few
        seconds at most), give the rest of the lease back, and return."""
        with contextlib.suppress(asyncio.CancelledError):
            await self._pump(forever=True)
        log.info("outbox sender %s stopped: %s", self.owner, self.counters())

    async def drain(self) -> int:
        """Send everything due now; return (how many were sent) when nothing is due."""
        before = self.sent
        await self._pump(forever=False)
        return self.sent - before

    # ------------------------------------------------------------------ the loop

    async def _pump(self, *, forever: bool) -> None:
        self._stopping = False
        renewed = self.clock()
        try:
            while True:
                claimed = 0
                room = self.batch - len(self._tasks)
                # Refill at half the batch, so there is no gap between batches; never while
                # Telegram has asked us to pause.
                if room >= max(1, self.batch // 2) and not self._paused():
                    try:
                        rows = await self._claim(room)
                    except Exception:
                        if not forever:
                            raise
                        log.exception("outbox: claiming rows failed")
                        await self.sleep(self.poll * 4)
                        continue
                    claimed = len(rows)
                    for row, recipient in rows:
                        self._start(row, recipient)
                if not self._tasks:
                    if claimed:
                        continue  # all of them were skipped or postponed: look again
                    if self._paused():
                        await self._wait_pause()  # nothing in flight, no lease to keep
                        continue
                    if not forever:
                        return
                    await self.sleep(self.poll)
                    continue
                await asyncio.wait(
                    set(self._tasks), timeout=self.poll, return_when=asyncio.FIRST_COMPLETED
                )
                # Keep the lease on rows in flight (a long 429 pause, a slow chat) so that no
                # other sender takes them while this one is alive.
                if self.clock() - renewed >= self.lease / 3:
                    await self._renew()
                    renewed = self.clock()
        finally:
            await self._stop()

    async def _stop(self) -> None:
        """Start nothing new; in-flight sends get a short grace; the lease goes back."""
        self._stopping = True
        for task in self._tasks:
            if task not in self._delivering:
                task.cancel()
        if self._delivering:
            await asyncio.wait(set(self._delivering), timeout=SHUTDOWN_GRACE)
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        released = await self._write(lambda outbox: outbox.release(self.owner))
        if released:
            log.info("outbox: gave %d rows back", released)

    async def _claim(self, room: int) -> list[tuple[OutboxRow, Recipient]]:
        """Lease rows, look their recipients up (one query), and settle those that must not
        go out now, all in one short transaction."""
        at = self.clock()
        async with self.db.transaction() as repo:
            outbox = self._outbox(repo)
            in_flight = [row.id for row in self._tasks.values()]
            rows = await outbox.claim(at, room, self.owner, self.lease, in_flight)
            if not rows:
                return []
            users = await outbox.recipients(r.recipient for r in rows)
            skips: dict[str, list[int]] = defaultdict(list)
            postpones: dict[datetime, list[int]] = defaultdict(list)
            keep: list[tuple[OutboxRow, Recipient]] = []
            for row in rows:
                user = users.get(row.recipient, Recipient())
                reason = self._skip_reason(row, user, at)
                end = self._quiet_end(row, at) if reason is None else None
                if reason is None and end is None and user.channel not in self.deliveries:
                    # Reached on a channel this process does not serve: look again later.
                    end = at + OTHER_CHANNEL_WAIT
                    if row.expires_at is not None and row.expires_at <= end:
                        reason = "expired"
                if end is not None and row.expires_at is not None and row.expires_at <= end:
                    reason = "expired"  # it would only be sent after it stopped mattering
                if reason is not None:
                    skips[reason].append(row.id)
                elif end is not None:
                    postpones[end].append(row.id)
                else:
                    keep.append((row, user))
            for reason, ids in skips.items():
                self.skipped += await outbox.skip(ids, reason)
            for due, ids in postpones.items():
                self.postponed += await outbox.postpone(ids, due)
        self._prune(at)
        return keep

    def _skip_reason(self, row: OutboxRow, user: Recipient, at: datetime) -> str | None:
        if row.expires_at is not None and at >= row.expires_at:
            return "expired"
        if user.channel is None:
            return "unreachable"  # no identity left: the user is gone
        if user.blocked or self._found_blocked(row):
            return "blocked"
        if user.opted_out and row.kind in OPT_OUT_KINDS:
            return "opted_out"
        return None

    def _quiet_end(self, row: OutboxRow, at: datetime) -> datetime | None:
        return self.quiet.end_of(at) if row.quiet and self.quiet is not None else None

    def _found_blocked(self, row: OutboxRow) -> bool:
        found = self._blocked.get(row.recipient)
        return found is not None and row.created_at <= found

    def _interval(self, delivery: Delivery) -> float:
        return (
            delivery.chat_interval if delivery.chat_interval is not None else self.per_chat_interval
        )

    def _prune(self, at: datetime) -> None:
        longest = max(
            [self.per_chat_interval, *(self._interval(d) for d in self.deliveries.values())]
        )
        cutoff = at - timedelta(seconds=longest)
        if len(self._last_sent) > 4 * self.batch:
            self._last_sent = {c: t for c, t in self._last_sent.items() if t > cutoff}

    async def _renew(self) -> None:
        ids = [row.id for row in self._tasks.values()]
        until = self.clock() + self.lease
        await self._write(lambda outbox: outbox.extend(ids, self.owner, until))

    # ------------------------------------------------------------------ one row

    def _start(self, row: OutboxRow, recipient: Recipient) -> None:
        task = asyncio.create_task(self._send(row, recipient), name=f"outbox-{row.id}")
        self._tasks[task] = row
        task.add_done_callback(self._finished)

    def _finished(self, task: asyncio.Task[None]) -> None:
        self._tasks.pop(task, None)
        self._delivering.discard(task)
        if not task.cancelled() and (exc := task.exception()) is not None:
            log.error("outbox: sending a row failed unexpectedly", exc_info=exc)

    async def _send(self, row: OutboxRow, recipient: Recipient) -> None:
        channel = recipient.channel or ""
        delivery = self.deliveries[channel]
        try:
            messages = self.render(row, recipient, delivery.capabilities)
        except Exception as exc:
            log.exception("outbox: cannot render row %s", row.id)
            await self._fail(row, f"render: {exc}")
            return
        chat = row.recipient
        lock = self._chat_locks.setdefault(chat, asyncio.Lock())
        self._chat_users[chat] += 1
        try:
            async with lock:
                outcome: int | DeliveryError | None = None
                # One, unless the channel cannot show it all at once; the parts of one row go
                # back to back as far as the channel's per-chat burst allows.
                for number, out in enumerate(messages):
                    paced = number % max(1, delivery.chat_burst) == 0
                    outcome = await self._deliver_paced(row, out, channel, paced=paced)
                    if not isinstance(outcome, int):
                        break
        finally:
            self._chat_users[chat] -= 1
            if not self._chat_users[chat]:
                del self._chat_users[chat]
                self._chat_locks.pop(chat, None)
        if outcome is not None:
            await self._record(row, outcome)

    async def _deliver_paced(
        self, row: OutboxRow, out: Outbound, channel: str, *, paced: bool = True
    ) -> int | DeliveryError | None:
        """Wait for this chat's next slot, the pause, a request slot and the channel's rate
        limiter, then send. None: nothing was sent and nothing is to be recorded (stopping)."""
        delivery = self.deliveries[channel]
        last = self._last_sent.get(row.recipient)
        interval = self._interval(delivery)
        if last is not None and paced:
            wait = (last + timedelta(seconds=interval) - self.clock()).total_seconds()
            if wait > 0:
                await self.sleep(min(wait, interval))
        limiter = self._limiters[channel]
        cost = delivery.cost(out) if delivery.cost is not None else 1
        cost = min(max(cost, 1), max(1, int(limiter.max_rate)))
        while True:
            await self._wait_pause()
            async with self._slots:
                await limiter.acquire(cost)
                if delivery.pacer is not None:  # the channel's pace, after the replies
                    await delivery.pacer.acquire(cost, chat=out.chat_id)
                if self._paused():
                    continue  # a 429 came while we queued: wait it out, then queue again
                if self._stopping:
                    return None
                late = self._late(row)
                if late is not None:
                    return late
                task = asyncio.current_task()
                assert task is not None
                self._delivering.add(task)
                try:
                    return await delivery.deliver(out)
                except DeliveryError as exc:
                    if isinstance(exc, Blocked):
                        self._blocked[row.recipient] = utc_now()
                    return exc
                except Exception as exc:  # a bug or an unmapped library error: retry, bounded
                    log.exception("outbox: unexpected error sending row %s", row.id)
                    return Transient(f"{type(exc).__name__}: {exc}")
                finally:
                    # Taken after the answer, so the next message to this chat arrives at
                    # least one interval after this one did.
                    self._last_sent[row.recipient] = self.clock()

    def _late(self, row: OutboxRow) -> DeliveryError | None:
        """Re-checked just before sending (a batch takes seconds): expired or blocked since."""
        if row.expires_at is not None and self.clock() >= row.expires_at:
            return _Skip("expired")
        if self._found_blocked(row):
            return _Skip("blocked")
        end = self._quiet_end(row, self.clock())
        if end is not None:
            return _Postpone(end)
        return None

    def render(self, row: OutboxRow, recipient: Recipient, caps: Capabilities) -> list[Outbound]:
        """The row as messages in the recipient's language, as their channel shows them: the
        same renderer as every reply (documents and albums included)."""
        template, tag = (row.kind, recipient.locale), f"{OUTBOX_TAG}{row.id}"
        messages = self._render(row, recipient, caps)
        seen = recipient.seen_at
        return [replace(out, template=template, tag=tag, last_seen=seen) for out in messages]

    def _render(self, row: OutboxRow, recipient: Recipient, caps: Capabilities) -> list[Outbound]:
        locale, address = recipient.locale, recipient.address or str(row.recipient)
        choices = tuple(
            tuple(Choice(value=data, key=label) for label, data in buttons)
            for buttons in row.buttons
        )
        photos = (row.photo,) if row.photo else ()
        literal = None
        if row.text_by_locale:
            texts = row.text_by_locale
            literal = texts.get(locale) or texts.get(FALLBACK_LOCALE) or next(iter(texts.values()))
        if row.message:
            args = dict(row.args)
            if literal is not None:
                args["text"] = literal  # escaped by the catalogue like any string argument
            reply = Reply(row.message, args, choices=choices, photos=photos)
            return self.renderer.outbound(reply, address, locale, caps)
        bare = Reply(choices=choices, photos=photos)
        first, *rest = self.renderer.outbound(bare, address, locale, caps)
        return [replace(first, text=literal_markup(literal or "", caps)), *rest]

    async def _record(self, row: OutboxRow, outcome: int | DeliveryError) -> None:
        if isinstance(outcome, int):
            await self._write(lambda outbox: outbox.sent(row.id, outcome))
            self.sent += 1
        elif isinstance(outcome, _Skip):
            self.skipped += await self._write(lambda o: o.skip([row.id], str(outcome))) or 0
        elif isinstance(outcome, _Postpone):
            self.postponed += await self._write(lambda o: o.postpone(row.id, outcome.due_at)) or 0
        elif isinstance(outcome, RateLimited) and outcome.per_chat:
            # Too many to this one chat (WhatsApp's pair rate): only this row waits, longer
            # each time (Meta: 4^X seconds).
            self.rate_limited += 1
            wait = min(max(outcome.retry_after, 1.0) * 4**row.attempts, MAX_PAUSE)
            due = self.clock() + timedelta(seconds=wait)
            log.warning("outbox: too many messages to one chat, row %s waits %.0f s", row.id, wait)
            await self._write(lambda outbox: outbox.retry(row.id, "pair rate", due))
        elif isinstance(outcome, RateLimited):
            self.rate_limited += 1
            pause = min(max(outcome.retry_after, 0.0), MAX_PAUSE)
            resume = self.clock() + timedelta(seconds=pause)
            if self._resume_at is None or resume > self._resume_at:
                self._resume_at = resume
            log.warning("outbox: too many requests (429), pausing the sender %.1f s", pause)
            await self._write(lambda outbox: outbox.postpone(row.id, resume))
        elif isinstance(outcome, Blocked):
            await self._blocked_recipient(row)
        elif isinstance(outcome, Rejected):
            log.error("outbox: the channel refused row %s: %s", row.id, outcome)
            await self._fail(row, f"rejected: {outcome}")
        else:
            reason = str(outcome) or type(outcome).__name__
            if row.attempts + 1 >= self.max_attempts:
                log.error("outbox: giving up on row %s: %s", row.id, reason)
                await self._fail(row, reason)
            else:
                due = self.clock() + timedelta(seconds=backoff(row.attempts))
                await self._write(lambda outbox: outbox.retry(row.id, reason, due))
                self.retried += 1

    async def _fail(self, row: OutboxRow, reason: str) -> None:
        await self._write(lambda outbox: outbox.failed(row.id, reason))
        self.failed += 1

    async def _blocked_recipient(self, row: OutboxRow) -> None:
        async def skip_all(outbox: Outbox) -> int:
            return await outbox.skip([row.id], "blocked") + await outbox.skip_pending_of(
                row.recipient, "blocked"
            )

        self.skipped += await self._write(skip_all) or 0
        if row.recipient in self._reported:
            return
        self._reported.add(row.recipient)
        if self.on_blocked is not None:
            try:
                await self.on_blocked(row.recipient)
            except Exception:
                log.exception("outbox: on_blocked(%s) failed", row.recipient)

    # ------------------------------------------------------------------ helpers

    def _paused(self) -> bool:
        return self._resume_at is not None and self.clock() < self._resume_at

    async def _wait_pause(self) -> None:
        while (until := self._resume_at) is not None:
            delay = (until - self.clock()).total_seconds()
            if delay > 0:
                await self.sleep(min(delay, MAX_PAUSE))
            if self._resume_at == until:
                self._resume_at = None

    def _outbox(self, repo: Any) -> Outbox:
        return Outbox(repo.connection, self.db.dialect)

    async def _write(self, action: Callable[[Outbox], Awaitable[T]]) -> T | None:
        """One short transaction (never held while sending); retried if the database hiccups."""
        for attempt in range(WRITE_ATTEMPTS):
            try:
                async with self.db.transaction() as repo:
                    return await action(self._outbox(repo))
            except Exception:
                if attempt == WRITE_ATTEMPTS - 1:
                    log.exception("outbox: recording a state change failed")
                    return None
                await asyncio.sleep(0.2 * 2**attempt)
        return None


class _Skip(DeliveryError):
    """Not sent: found expired or blocked just before sending."""


class _Postpone(DeliveryError):
    def __init__(self, due_at: datetime) -> None:
        super().__init__(f"postponed to {due_at.isoformat()}")
        self.due_at = due_at
