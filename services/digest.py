"""The coordinators' morning digest: what changed in their districts since yesterday."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo
from typing import Any

from chat import callbacks
from storage.outbox import OutboxItem
from storage.unit import Repo

STUCK_DAYS = 7  # "newly stuck": a week at the same step, reached since yesterday
TRAINING_DAYS = 3  # trainings coming up in this many days
TTL = timedelta(hours=20)


async def send(repo: Repo, now: datetime, zone: tzinfo, stale: int = 0) -> int:
    """One digest a day to each coordinator (ref digest:<day>, so a rerun adds nothing): new
    registrations since yesterday, sellers newly stuck a week at one step, trainings in the
    next three days and overdue orders, in their districts. Six grouped queries in all. On the
    first of the month it also counts the ``stale`` rules and rates (see /rules)."""
    coordinators = await repo.coordinators.all()
    if not coordinators:
        return 0
    today = now.astimezone(zone).date()
    new = await repo.reports.registrations_since(now - timedelta(days=1))
    stuck_until = now - timedelta(days=STUCK_DAYS)
    stuck = await repo.reports.newly_stuck(stuck_until - timedelta(days=1), stuck_until)
    upcoming = await repo.reports.trainings_between(now, now + timedelta(days=TRAINING_DAYS))
    overdue = await repo.reports.overdue_orders(today)
    items = []
    for coordinator in coordinators:
        mine = set(coordinator.districts)
        soon = [t for t in upcoming if t.districts & mine]
        args: dict[str, Any] = {
            "new": sum(new.get(d, 0) for d in mine),
            "stuck": sum(stuck.get(d, 0) for d in mine),
            "days": STUCK_DAYS,
            "window": TRAINING_DAYS,
            "trainings": len(soon),
            "has_next": bool(soon),
            "next_title": soon[0].title if soon else "",
            "next_when": soon[0].starts_at.astimezone(zone).strftime("%d/%m %H:%M")
            if soon and soon[0].starts_at
            else "",
            "overdue": sum(overdue.get(d, 0) for d in mine),
            "has_stale": bool(stale) and today.day == 1,
            "stale": stale,
        }
        items.append(
            OutboxItem(
                recipient=coordinator.user_id,
                kind="digest",
                message="cs-digest",
                args=args,
                buttons=[
                    [("cs-btn-digest-pending", callbacks.menu("pending"))],
                    [("cs-btn-digest-stats", callbacks.menu("stats"))],
                ],
                ref=f"digest:{today.isoformat()}",
                quiet=True,
                expires_at=now + TTL,
            )
        )
    return await repo.outbox.enqueue(items)
