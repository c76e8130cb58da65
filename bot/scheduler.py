"""Timed jobs in the bot process: a daily round at 09:00 and a scan every minute.

What must happen lives in the database (outbox rows with due times, `job_runs` marks), not
in the scheduler's memory: the jobs only look at the database and enqueue, idempotently, so a
restart loses nothing and a job that already ran today does not run again.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from services.jobs import Job, JobContext
from storage.db import Database

log = logging.getLogger(__name__)

DAILY_AT = (9, 0)  # 09:00 in TIMEZONE: sellers read their phone in the morning
STOP_WAIT_S = 10.0  # a round still running at shutdown may finish for this long


class Scheduler:
    def __init__(
        self,
        db: Database,
        daily: Sequence[Job],
        minutely: Sequence[Job],
        *,
        timezone: str,
        data_dir: Path,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.db = db
        self.daily_jobs = tuple(daily)
        self.minutely_jobs = tuple(minutely)
        self.zone = ZoneInfo(timezone)
        self.data_dir = data_dir
        self.clock = clock
        self.scheduler = AsyncIOScheduler(timezone=self.zone)
        self._rounds: set[asyncio.Task[Any]] = set()

    def start(self) -> None:
        hour, minute = DAILY_AT
        self.scheduler.add_job(
            self.run_daily,
            CronTrigger(hour=hour, minute=minute, timezone=self.zone),
            id="daily",
            coalesce=True,
            misfire_grace_time=3600,
            max_instances=1,
        )
        self.scheduler.add_job(
            self.run_minutely,
            IntervalTrigger(minutes=1),
            id="minutely",
            coalesce=True,
            max_instances=1,
        )
        # Catch up at start-up: today's round if the bot was down at 09:00.
        self.scheduler.add_job(self.run_daily, id="catch-up", misfire_grace_time=None)
        self.scheduler.start()

    def shutdown(self) -> None:
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)

    async def stop(self, grace: float = STOP_WAIT_S) -> None:
        """Stop starting rounds, let a running one finish (its transaction commits or rolls
        back cleanly), then shut down: a round cancelled mid-way would be logged as an error
        and could find the database already closed."""
        if not self.scheduler.running:
            return
        self.scheduler.pause()
        if self._rounds:
            await asyncio.wait(set(self._rounds), timeout=grace)
        self.shutdown()

    async def run_daily(self) -> bool:
        with self._round():
            return await self._daily()

    async def run_minutely(self) -> None:
        with self._round():
            await self._minutely()

    @contextlib.contextmanager
    def _round(self) -> Iterator[None]:
        task = asyncio.current_task()
        if task is not None:
            self._rounds.add(task)
        try:
            yield
        finally:
            self._rounds.discard(task)  # type: ignore[arg-type]

    async def _daily(self) -> bool:
        """Run each daily job once per local day, after 09:00; True when one ran.

        Each job is marked done in job_runs in its own transaction, with its work: a crash
        in the middle of the round leaves the rest for the catch-up at the next start, and
        two processes briefly both leading run each job once between them.
        """
        now = self.clock()
        local = now.astimezone(self.zone)
        if (local.hour, local.minute) < DAILY_AT:
            return False
        ran = False
        for job in self.daily_jobs:
            ran |= await self._run(job, now, once=(_mark(job), local.date()))
        return ran

    async def _minutely(self) -> None:
        now = self.clock()
        for job in self.minutely_jobs:
            await self._run(job, now)

    async def _run(self, job: Job, now: datetime, once: tuple[str, date] | None = None) -> bool:
        try:
            async with self.db.transaction() as repo:
                if once is not None and not await repo.job_runs.once(*once):
                    return False
                await job(JobContext(repo, now.astimezone(self.zone), self.zone, self.data_dir))
            return True
        except Exception:  # one failing job must not stop the others
            log.exception("scheduled job %s failed", _name(job))
            return False


def _name(job: Job) -> str:
    return f"{getattr(job, '__module__', '')}.{getattr(job, '__qualname__', job)}"


def _mark(job: Job) -> str:
    """The job's name in job_runs (64 characters at most, still unique)."""
    name = f"daily:{_name(job)}"
    if len(name) <= 64:
        return name
    return f"{name[:47]}~{hashlib.sha1(name.encode()).hexdigest()[:16]}"
