"""Updates handled from the durable inbox, not from the request that brought them.

A webhook (WhatsApp) or the long-polling loop (Telegram) stores what arrived (one short
transaction per body or batch) and answers or confirms at once; this worker then leases each
user's stored updates and hands them to the channel in order. So Meta gets its 200, and
Telegram its confirmed offset, only for what is safe in the database; a slow update never holds
the webhook or the offset; and what a killed process had leased is taken over: at start
(SQLite: the only process; PostgreSQL: by any process, once the holder's sessions are gone) and
on each sweep. Finished rows are deleted in the next round's transaction, with the next take
(one commit for many updates); after a crash a finished one may come again, and the router
handles an update id once, so that is only a repeat of the current question.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import functools
import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from chat.inbound import Inbound, Media
from storage.db import APPLICATION_NAME, Database
from storage.inbox import Arrival, InboxRow

__all__ = ["Arrival", "InboxWorker", "from_body", "to_body"]

log = logging.getLogger(__name__)

LEASE = timedelta(minutes=5)  # longer than any one user's batch takes
SWEEP = 5.0  # seconds between looks for updates nobody woke us for (another process's)
BATCH = 200
GRACE = 10.0  # seconds a user's batch in hand gets to finish at stop


def to_body(inbound: Inbound) -> dict[str, Any]:
    return dataclasses.asdict(inbound)


def from_body(body: dict[str, Any]) -> Inbound:
    fields = dict(body)
    media = fields.pop("media", None)
    return Inbound(**fields, media=Media(**media) if isinstance(media, dict) else None)


# Handles one user's updates, each with its order key (the platform's timestamp or update
# id) and what ``decode`` made of its stored body, in the order written.
HandleUser = Callable[[list[tuple[int, Any]]], Awaitable[None]]


class InboxWorker:
    """Stores a channel's updates and handles them from the inbox: ``store`` (or ``keep``)
    from the webhook or the poller, ``start`` once, ``stop`` at shutdown."""

    def __init__(
        self,
        db: Database,
        channel: str,
        handle: HandleUser,
        *,
        decode: Callable[[dict[str, Any]], Any] = from_body,
        lease: timedelta = LEASE,
        sweep: float = SWEEP,
        batch: int = BATCH,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.db, self.channel, self.handle, self.decode = db, channel, handle, decode
        self.owner = db.process
        self.lease, self.sweep, self.batch, self.clock = lease, sweep, batch, clock
        self._wake = asyncio.Event()
        self._idle = asyncio.Event()
        self._active: set[asyncio.Task[None]] = set()
        self._finished_ids: list[int] = []  # handled, deleted with the next take
        # Users being handled now, and those of them with more kept since (their next take
        # is due when they finish). With one process (SQLite) that is all there is to know;
        # with several, another may have kept more: every finish looks again.
        self._busy: set[str] = set()
        self._more: set[str] = set()
        self._alone = db.dialect == "sqlite"
        self._task: asyncio.Task[None] | None = None
        self.handled = 0

    async def store(self, arrivals: Sequence[tuple[int, Inbound]]) -> int:
        """Keep these Inbounds (raises if the database does not take them: the webhook then
        says 500 and Meta sends them again); how many were new. Handling starts at once."""
        return await self.keep(
            [
                Arrival(str(inbound.update_id), inbound.sender, at, to_body(inbound))
                for at, inbound in arrivals
                if inbound.update_id
            ]
        )

    async def keep(self, rows: Sequence[Arrival]) -> int:
        """Keep stored bodies as they are (raises if the database does not take them); how
        many were new (a repeat of a kept update id is not)."""
        async with self.db.transaction() as repo:
            new = await repo.inbox.store(self.channel, rows, self.clock())
        if new:
            self._more.update(row.sender for row in rows if row.sender in self._busy)
            self._idle.clear()
            self._wake.set()
        return new

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name=f"inbox-{self.channel}")

    async def stop(self, grace: float = GRACE) -> None:
        """Take nothing new; a batch in hand finishes (up to ``grace``); leases go back."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        if self._active:
            await asyncio.wait(set(self._active), timeout=grace)
        for task in self._active:
            task.cancel()
        await asyncio.gather(*self._active, return_exceptions=True)
        with contextlib.suppress(Exception):
            async with self.db.transaction() as repo:
                await repo.inbox.done(self._finished_ids)
                self._finished_ids = []
                await repo.inbox.release(self.owner)

    async def settled(self) -> None:
        """Until everything stored has been handled (tests and benchmarks)."""
        await self._idle.wait()  # cleared by every store, set when a take finds nothing

    async def _run(self) -> None:
        swept = self.clock() - timedelta(seconds=self.sweep)
        while True:
            if (self.clock() - swept).total_seconds() >= self.sweep:
                swept = self.clock()
                await self._quietly(self._take_over_dead)
            self._wake.clear()
            rows = await self._quietly(self._take) or []
            for items in _by_user(rows):
                sender = items[0].sender
                self._busy.add(sender)
                task = asyncio.create_task(self._user(items))
                self._active.add(task)
                task.add_done_callback(functools.partial(self._finished, sender))
            if rows:
                continue
            if self._finished_ids:
                await self._quietly(functools.partial(self._take, lease=False))
            if not self._active and not self._wake.is_set():  # nothing stored meanwhile
                self._idle.set()
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(self.sweep):
                    await self._wake.wait()

    def _finished(self, sender: str, task: asyncio.Task[None]) -> None:
        self._active.discard(task)
        self._busy.discard(sender)
        # That user's later updates (kept meanwhile) may go now; the last one to finish
        # lets the finished rows go and the worker settle. Not for each finish: under a
        # burst that was a transaction per update for nothing.
        if sender in self._more or not self._alone or not self._active:
            self._more.discard(sender)
            self._wake.set()

    async def _take(self, lease: bool = True) -> list[InboxRow]:
        """The finished rows go and (unless not ``lease``) the next ones are leased, in one
        transaction."""
        finished = list(self._finished_ids)
        rows: list[InboxRow] = []
        async with self.db.transaction() as repo:
            await repo.inbox.done(finished)
            if lease:
                rows = await repo.inbox.take(
                    self.channel, self.owner, self.clock(), self.lease, self.batch
                )
        del self._finished_ids[: len(finished)]  # not before the commit: tried again then
        return rows

    async def _user(self, rows: list[InboxRow]) -> None:
        try:
            await self.handle([(row.written_at, self.decode(row.body)) for row in rows])
            self.handled += len(rows)
        except Exception:
            # The router never raises for what a user sent; this is a bug or an outage. The
            # updates are claimed: handling them again would only repeat the question.
            log.exception("inbox: %d %s updates failed", len(rows), self.channel)
        finally:
            self._finished_ids.extend(row.id for row in rows)

    async def _take_over_dead(self) -> None:
        """Leases of processes that are gone come back (SQLite has one process: this)."""
        async with self.db.transaction() as repo:
            owners = [o for o in await repo.inbox.owners(self.channel) if o != self.owner]
            for owner in owners:
                if repo.dialect == "postgresql" and await repo.updates.claimer_alive(
                    f"{APPLICATION_NAME} {owner}"
                ):
                    continue
                released = await repo.inbox.release(owner)
                log.info("inbox: took over %d updates of a stopped process", released)

    async def _quietly(self, action: Callable[[], Awaitable[Any]]) -> Any:
        """A database hiccup waits and is tried on the next round, never ends the loop."""
        try:
            return await action()
        except Exception:
            log.warning("inbox: the database did not answer", exc_info=True)
            await asyncio.sleep(1.0)
            return None


def _by_user(rows: list[InboxRow]) -> list[list[InboxRow]]:
    users: dict[str, list[InboxRow]] = {}
    for row in rows:  # already in the order written
        users.setdefault(row.sender, []).append(row)
    return list(users.values())
