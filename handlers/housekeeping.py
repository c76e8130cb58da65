"""Timed work no one asks for: the compliance calendar's reminders, and tidying up (update ids
kept for spotting redeliveries, export files kept for a resend)."""

from __future__ import annotations

import asyncio
import logging
import shutil
from datetime import datetime, timedelta
from pathlib import Path

from handlers.feature import Feature, Scheduled
from services import calendar
from services.jobs import JobContext

log = logging.getLogger(__name__)

# Update ids are kept this long to spot redeliveries (Telegram redelivers within a day).
PROCESSED_UPDATES_KEPT = timedelta(days=7)
# Export files (catalogue sheets, sellers sheets with phone numbers, charts) are sent at once;
# kept a day for a resend, then removed, so no seller's data outlives their /delete for long.
EXPORTS_KEPT = timedelta(days=1)


async def compliance_reminders(job: JobContext) -> None:
    await calendar.remind(job.repo, job.now, job.zone)


async def forget_old_updates(job: JobContext) -> None:
    await job.repo.updates.prune(job.now - PROCESSED_UPDATES_KEPT)


def prune_exports(directory: Path, before: datetime) -> int:
    """Remove files and folders in ``directory`` last changed before ``before``."""
    removed = 0
    if not directory.is_dir():
        return removed
    cutoff = before.timestamp()
    for entry in directory.iterdir():
        try:
            if entry.stat().st_mtime >= cutoff:
                continue
            if entry.is_dir():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)
            removed += 1
        except OSError:
            log.warning("could not remove an old export (%s)", entry.name)
    return removed


async def prune_old_exports(job: JobContext) -> None:
    await asyncio.to_thread(prune_exports, job.data_dir / "exports", job.now - EXPORTS_KEPT)


COMPLIANCE = Feature("compliance calendar", jobs=(Scheduled(compliance_reminders),))
HOUSEKEEPING = Feature(
    "housekeeping", jobs=(Scheduled(forget_old_updates), Scheduled(prune_old_exports))
)
