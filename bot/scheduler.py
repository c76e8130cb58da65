"""Timed jobs in the bot process: a daily round at 09:00 and a scan every minute.

What must happen lives in the database (outbox rows with due times, `job_runs` marks), not
in the scheduler's memory: the jobs only look at the database and enqueue, idempotently, so a
restart loses nothing and a job that already ran today does not run again.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from storage.db import Database
from storage.unit import Repo

log = logging.getLogger(__name__)

Job = Callable[[Repo, datetime], Awaitable[None]]
DAILY_AT = (9, 0)  # 09:00 in TIMEZONE: sellers read their phone in the morning


class Scheduler:
    def __init__(
        self,
        db: Database,
        daily: Sequence[Job],
        minutely: Sequence[Job],
        timezone: str = "Asia/Kolkata",
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.db = db
        self.daily_jobs = tuple(daily)
        self.minutely_jobs = tuple(minutely)
        self.zone = ZoneInfo(timezone)
        self.clock = clock
        self.scheduler = AsyncIOScheduler(timezone=self.zone)

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

    async def run_daily(self) -> bool:
        """Run the daily jobs once per local day (job_runs marks it), after 09:00."""
        now = self.clock()
        local = now.astimezone(self.zone)
        if (local.hour, local.minute) < DAILY_AT:
            return False
        async with self.db.transaction() as repo:
            if not await repo.job_runs.once("daily", local.date()):
                return False
        for job in self.daily_jobs:
            await self._run(job, now)
        return True

    async def run_minutely(self) -> None:
        now = self.clock()
        for job in self.minutely_jobs:
            await self._run(job, now)

    async def _run(self, job: Job, now: datetime) -> None:
        try:
            async with self.db.transaction() as repo:
                await job(repo, now)
        except Exception:  # one failing job must not stop the others
            log.exception("scheduled job %s failed", getattr(job, "__qualname__", job))
