"""Marks of the daily jobs that ran, so a restart or a second leader does not run one twice."""

from __future__ import annotations

from datetime import date

from storage.base import Part, now, upsert
from storage.models import job_runs_t


class JobRuns(Part):
    async def once(self, name: str, day: date) -> bool:
        """Mark ``name`` as run on ``day``; True only the first time (across restarts)."""
        result = await self.run(
            upsert(self.dialect, job_runs_t)
            .values(name=name, day=day, ran_at=now())
            .on_conflict_do_nothing(index_elements=["name", "day"])
            .returning(job_runs_t.c.name)
        )
        return result.first() is not None
