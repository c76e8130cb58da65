"""Trainings: sessions for the sellers of some districts, their answers and who came."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, insert, select, update

from storage.base import Part, aware, now, upsert
from storage.models import (
    attendance_t,
    rsvps_t,
    sellers_t,
    training_districts_t,
    trainings_t,
    users_t,
)

YES, NO = "yes", "no"


@dataclass(frozen=True, slots=True)
class TrainingRecord:
    id: int
    title: str
    place: str
    starts_at: datetime
    capacity: int | None
    invited: int
    created_by: int
    districts: frozenset[str]
    cancelled_at: datetime | None = None


def reminder_refs(training_id: int) -> tuple[str, str]:
    """Outbox refs of one seller's two reminders (24 h and 1 h before)."""
    return f"trn:{training_id}:24h", f"trn:{training_id}:1h"


class Trainings(Part):
    async def create(
        self,
        *,
        title: str,
        place: str,
        starts_at: datetime,
        capacity: int | None,
        created_by: int,
        districts: Iterable[str],
        invited: int,
    ) -> int:
        result = await self.run(
            insert(trainings_t)
            .values(
                title=title,
                place=place,
                starts_at=starts_at,
                capacity=capacity,
                invited=invited,
                created_by=created_by,
                created_at=now(),
            )
            .returning(trainings_t.c.id)
        )
        training_id = int(result.scalar_one())
        rows = [{"training_id": training_id, "district": d} for d in sorted(set(districts))]
        if rows:
            await self.run(insert(training_districts_t), rows)
        return training_id

    async def get(self, training_id: int, *, lock: bool = False) -> TrainingRecord | None:
        """One training; ``lock`` holds its row until the commit (seats are counted under it)."""
        query = select(trainings_t).where(trainings_t.c.id == training_id)
        if lock and self.dialect == "postgresql":
            query = query.with_for_update()
        row = (await self.run(query)).first()
        if row is None:
            return None
        return (await self._records([row]))[0]

    async def _records(self, rows: Sequence[Any]) -> list[TrainingRecord]:
        ids = [r.id for r in rows]
        by_id: dict[int, set[str]] = {i: set() for i in ids}
        if ids:
            found = await self.run(
                select(training_districts_t.c.training_id, training_districts_t.c.district).where(
                    training_districts_t.c.training_id.in_(ids)
                )
            )
            for training_id, district in found:
                by_id[training_id].add(district)
        return [
            TrainingRecord(
                id=r.id,
                title=r.title,
                place=r.place,
                starts_at=aware(r.starts_at) or now(),
                capacity=r.capacity,
                invited=r.invited,
                created_by=r.created_by,
                districts=frozenset(by_id[r.id]),
                cancelled_at=aware(r.cancelled_at),
            )
            for r in rows
        ]

    async def upcoming_for_district(
        self, district: str, after: datetime, limit: int
    ) -> list[TrainingRecord]:
        """Trainings for a district that have not started and are not cancelled, soonest first."""
        t = trainings_t.c
        ids = select(training_districts_t.c.training_id).where(
            training_districts_t.c.district == district
        )
        rows = await self.run(
            select(trainings_t)
            .where(t.id.in_(ids), t.starts_at > after, t.cancelled_at.is_(None))
            .order_by(t.starts_at, t.id)
            .limit(limit)
        )
        return await self._records(list(rows))

    async def for_districts(
        self, districts: frozenset[str] | None, since: datetime, limit: int
    ) -> list[TrainingRecord]:
        """Trainings touching these districts (None: all) that start after ``since``."""
        t = trainings_t.c
        query = select(trainings_t).where(t.starts_at >= since)
        if districts is not None:
            ids = select(training_districts_t.c.training_id).where(
                training_districts_t.c.district.in_(sorted(districts))
            )
            query = query.where(t.id.in_(ids))
        rows = await self.run(query.order_by(t.starts_at, t.id).limit(limit))
        return await self._records(list(rows))

    async def cancel(self, training_id: int) -> bool:
        t = trainings_t.c
        result = await self.run(
            update(trainings_t)
            .where(t.id == training_id, t.cancelled_at.is_(None))
            .values(cancelled_at=now())
        )
        return bool(result.rowcount)

    # --- who is invited, who answered ------------------------------------------------------

    async def invitees(self, districts: Iterable[str]) -> list[tuple[int, str]]:
        """(user id, locale) of the registered sellers of these districts who have not blocked
        the bot, in one query."""
        s, u = sellers_t.c, users_t.c
        rows = await self.run(
            select(s.user_id, func.coalesce(u.locale, "bn"))
            .select_from(sellers_t.outerjoin(users_t, u.user_id == s.user_id))
            .where(s.district.in_(sorted(set(districts))), u.blocked_at.is_(None))
            .order_by(s.user_id)
        )
        return [(int(user_id), str(locale)) for user_id, locale in rows]

    async def answer(self, training_id: int, user_id: int, answer: str) -> None:
        values = {"answer": answer, "answered_at": now()}
        await self.run(
            upsert(self.dialect, rsvps_t)
            .values(training_id=training_id, user_id=user_id, **values)
            .on_conflict_do_update(index_elements=["training_id", "user_id"], set_=values)
        )

    async def replies_of(self, user_id: int) -> list[dict[str, Any]]:
        """Every training a user answered or was marked at: the training, their answer and
        whether they attended (their data, for /mydata)."""
        t, r, a = trainings_t.c, rsvps_t.c, attendance_t.c
        answered = await self.run(
            select(t.id, t.title, t.place, t.starts_at, r.answer, r.answered_at)
            .join(rsvps_t, r.training_id == t.id)
            .where(r.user_id == user_id)
        )
        attended = {
            int(row.training_id)
            for row in await self.run(select(a.training_id).where(a.user_id == user_id))
        }
        out: dict[int, dict[str, Any]] = {}
        for row in answered:
            out[int(row.id)] = {
                "training": row.title,
                "place": row.place,
                "starts_at": aware(row.starts_at).isoformat(),
                "answer": row.answer,
                "answered_at": aware(row.answered_at).isoformat(),
                "attended": int(row.id) in attended,
            }
        missing = attended - set(out)
        if missing:
            rows = await self.run(
                select(t.id, t.title, t.place, t.starts_at).where(t.id.in_(sorted(missing)))
            )
            for row in rows:
                out[int(row.id)] = {
                    "training": row.title,
                    "place": row.place,
                    "starts_at": aware(row.starts_at).isoformat(),
                    "answer": None,
                    "answered_at": None,
                    "attended": True,
                }
        return [out[k] for k in sorted(out)]

    async def answers_of(self, user_id: int, training_ids: Iterable[int]) -> dict[int, str]:
        ids = sorted(set(training_ids))
        if not ids:
            return {}
        r = rsvps_t.c
        rows = await self.run(
            select(r.training_id, r.answer).where(r.user_id == user_id, r.training_id.in_(ids))
        )
        return {int(training_id): str(answer) for training_id, answer in rows}

    async def yes_count(self, training_id: int, besides: int | None = None) -> int:
        r = rsvps_t.c
        query = select(func.count()).where(r.training_id == training_id, r.answer == YES)
        if besides is not None:
            query = query.where(r.user_id != besides)
        return int((await self.run(query)).scalar_one())

    async def counts(self, training_ids: Iterable[int]) -> dict[int, dict[str, int]]:
        """{training id: {"yes": n, "no": n, "came": n}} in two grouped queries."""
        ids = sorted(set(training_ids))
        found: dict[int, dict[str, int]] = {i: {YES: 0, NO: 0, "came": 0} for i in ids}
        if not ids:
            return found
        r, a = rsvps_t.c, attendance_t.c
        rows = await self.run(
            select(r.training_id, r.answer, func.count())
            .where(r.training_id.in_(ids))
            .group_by(r.training_id, r.answer)
        )
        for training_id, answer, n in rows:
            found[training_id][answer] = int(n)
        rows = await self.run(
            select(a.training_id, func.count())
            .where(a.training_id.in_(ids))
            .group_by(a.training_id)
        )
        for training_id, n in rows:
            found[training_id]["came"] = int(n)
        return found

    async def yes_sellers(self, training_id: int) -> list[tuple[int, str]]:
        """(user id, name) of the registered sellers who said yes, by name."""
        r, s = rsvps_t.c, sellers_t.c
        rows = await self.run(
            select(s.user_id, s.name)
            .select_from(rsvps_t.join(sellers_t, s.user_id == r.user_id))
            .where(r.training_id == training_id, r.answer == YES)
            .order_by(s.name, s.user_id)
        )
        return [(int(user_id), str(name)) for user_id, name in rows]

    # --- attendance ------------------------------------------------------------------------

    async def attended(self, training_id: int) -> set[int]:
        a = attendance_t.c
        rows = await self.run(select(a.user_id).where(a.training_id == training_id))
        return {int(user_id) for user_id in rows.scalars()}

    async def toggle_attendance(self, training_id: int, user_id: int, marked_by: int) -> bool:
        """Mark present, or unmark when already marked; True when present now."""
        a = attendance_t.c
        removed = await self.run(
            delete(attendance_t).where(a.training_id == training_id, a.user_id == user_id)
        )
        if removed.rowcount:
            return False
        await self.run(
            upsert(self.dialect, attendance_t)
            .values(training_id=training_id, user_id=user_id, marked_by=marked_by, marked_at=now())
            .on_conflict_do_nothing(index_elements=["training_id", "user_id"])
        )
        return True

    async def forget(self, user_id: int) -> None:
        """A seller deleted their data: their answers and attendance go too."""
        await self.run(delete(rsvps_t).where(rsvps_t.c.user_id == user_id))
        await self.run(delete(attendance_t).where(attendance_t.c.user_id == user_id))
