"""The daily round: each job once a day, marked with its own work, so that a round cut short
(a crash, a failing job, a stop) leaves the rest to the next try and repeats nothing."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from bot.scheduler import Scheduler
from handlers.housekeeping import EXPORTS_KEPT, prune_exports
from services.jobs import JobContext
from storage.db import Database
from storage.models import audit_t

MORNING = datetime(2026, 11, 26, 4, 0, tzinfo=UTC)  # 09:30 in Kolkata
DAWN = datetime(2026, 11, 26, 1, 0, tzinfo=UTC)  # 06:30


async def test_each_daily_job_runs_once_a_day_and_a_failed_one_is_tried_again(
    db: Database,
) -> None:
    calls: list[str] = []
    broken = {"now": True}

    async def first(job: JobContext) -> None:
        calls.append("first")
        await job.repo.audit.write(1, None, "first", None)

    async def failing(job: JobContext) -> None:
        calls.append("failing")
        await job.repo.audit.write(1, None, "failing", None)  # rolled back with the job
        if broken["now"]:
            raise RuntimeError("the round is cut short here")

    async def last(job: JobContext) -> None:
        calls.append("last")

    clock = {"now": DAWN}
    scheduler = Scheduler(
        db,
        daily=[first, failing, last],
        minutely=[],
        timezone="Asia/Kolkata",
        data_dir=Path("data"),
        clock=lambda: clock["now"],
    )
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


def test_old_export_files_are_removed_and_new_ones_kept(tmp_path: Path) -> None:
    old_sheet, old_folder, new_sheet = (
        tmp_path / "old.xlsx",
        tmp_path / "sellers-1",
        tmp_path / "new.png",
    )
    old_sheet.write_bytes(b"x")
    old_folder.mkdir()
    (old_folder / "sellers.xlsx").write_bytes(b"x")
    new_sheet.write_bytes(b"x")
    two_days_ago = (MORNING - timedelta(days=2)).timestamp()
    for path in (old_sheet, old_folder):
        os.utime(path, (two_days_ago, two_days_ago))
    os.utime(new_sheet, (MORNING.timestamp(), MORNING.timestamp()))
    assert prune_exports(tmp_path, MORNING - EXPORTS_KEPT) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.png"]
    assert prune_exports(tmp_path / "missing", MORNING) == 0
