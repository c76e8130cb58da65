"""The daily round: each job once a day, marked with its own work, so that a round cut short
(a crash, a failing job, a stop) leaves the rest to the next try and repeats nothing."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select

from bot.scheduler import Scheduler
from storage.db import Database
from storage.repo import audit_t
from storage.unit import Repo

MORNING = datetime(2026, 11, 26, 4, 0, tzinfo=UTC)  # 09:30 in Kolkata
DAWN = datetime(2026, 11, 26, 1, 0, tzinfo=UTC)  # 06:30


async def test_each_daily_job_runs_once_a_day_and_a_failed_one_is_tried_again(
    db: Database,
) -> None:
    calls: list[str] = []
    broken = {"now": True}

    async def first(repo: Repo, now: datetime) -> None:
        calls.append("first")
        await repo.audit.write(1, None, "first", None)

    async def failing(repo: Repo, now: datetime) -> None:
        calls.append("failing")
        await repo.audit.write(1, None, "failing", None)  # rolled back with the job
        if broken["now"]:
            raise RuntimeError("the round is cut short here")

    async def last(repo: Repo, now: datetime) -> None:
        calls.append("last")

    clock = {"now": DAWN}
    scheduler = Scheduler(db, daily=[first, failing, last], minutely=[], clock=lambda: clock["now"])
    assert not await scheduler.run_daily()  # before 09:00 nothing runs
    clock["now"] = MORNING
    assert await scheduler.run_daily()
    assert calls == ["first", "failing", "last"]
    assert not await scheduler.run_daily()  # the failed one again (failing), nothing else
    assert calls == ["first", "failing", "last", "failing"]
    broken["now"] = False
    assert await scheduler.run_daily()
    assert not await scheduler.run_daily()
    assert calls == ["first", "failing", "last", "failing", "failing"]
    async with db.transaction() as repo:
        actions = await repo.connection.execute(
            select(audit_t.c.action, func.count()).group_by(audit_t.c.action)
        )
        assert dict(actions.all()) == {"first": 1, "failing": 1}
