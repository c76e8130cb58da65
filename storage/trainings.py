"""Trainings: sessions for the sellers of some districts, their answers and who came."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.orm import Mapped, mapped_column

from storage.models import Base, Seller, User
from storage.outbox import OutboxItem, outbox_t
from storage.repo import _aware, _Part, _upsert_insert, now

YES, NO = "yes", "no"


class Training(Base):
    """One session: what, where, when (UTC), how many seats, who made it."""

    __tablename__ = "trainings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    title: Mapped[str] = mapped_column(Text)
    place: Mapped[str] = mapped_column(Text)
    starts_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    capacity: Mapped[int | None] = mapped_column(Integer)
    invited: Mapped[int] = mapped_column(Integer, default=0)
    created_by: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    cancelled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class TrainingDistrict(Base):
    """The districts whose sellers a training is for."""

    __tablename__ = "training_districts"

    training_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("trainings.id", ondelete="CASCADE"), primary_key=True
    )
    district: Mapped[str] = mapped_column(String(8), primary_key=True, index=True)


class TrainingRsvp(Base):
    """A seller's latest answer to an invitation: yes or no."""

    __tablename__ = "training_rsvps"

    training_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("trainings.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, index=True)
    answer: Mapped[str] = mapped_column(String(3))
    answered_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class TrainingAttendance(Base):
    """A seller marked present by a coordinator."""

    __tablename__ = "training_attendance"

    training_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("trainings.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, index=True)
    marked_by: Mapped[int] = mapped_column(BigInteger)
    marked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


trainings_t = Training.__table__
districts_t = TrainingDistrict.__table__
rsvps_t = TrainingRsvp.__table__
attendance_t = TrainingAttendance.__table__
sellers_t = Seller.__table__
users_t = User.__table__


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


class Trainings(_Part):
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
            await self.connection.execute(insert(districts_t), rows)
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
                select(districts_t.c.training_id, districts_t.c.district).where(
                    districts_t.c.training_id.in_(ids)
                )
            )
            for training_id, district in found:
                by_id[training_id].add(district)
        return [
            TrainingRecord(
                id=r.id,
                title=r.title,
                place=r.place,
                starts_at=_aware(r.starts_at) or now(),
                capacity=r.capacity,
                invited=r.invited,
                created_by=r.created_by,
                districts=frozenset(by_id[r.id]),
                cancelled_at=_aware(r.cancelled_at),
            )
            for r in rows
        ]

    async def upcoming_for_district(
        self, district: str, after: datetime, limit: int
    ) -> list[TrainingRecord]:
        """Trainings for a district that have not started and are not cancelled, soonest first."""
        t = trainings_t.c
        ids = select(districts_t.c.training_id).where(districts_t.c.district == district)
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
            ids = select(districts_t.c.training_id).where(
                districts_t.c.district.in_(sorted(districts))
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
            _upsert_insert(self.dialect, rsvps_t)
            .values(training_id=training_id, user_id=user_id, **values)
            .on_conflict_do_update(index_elements=["training_id", "user_id"], set_=values)
        )
        self.moved(user_id)

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
        self.moved(user_id)
        if removed.rowcount:
            return False
        await self.run(
            _upsert_insert(self.dialect, attendance_t)
            .values(training_id=training_id, user_id=user_id, marked_by=marked_by, marked_at=now())
            .on_conflict_do_nothing(index_elements=["training_id", "user_id"])
        )
        return True

    # --- the seller's reminders in the outbox ------------------------------------------------

    async def skip_messages(
        self, training_id: int, reason: str, recipient: int | None = None
    ) -> int:
        """Skip the pending outbox rows of a training (invitation, reminders), of one seller or
        of everyone. Rows being sent right now are left to the sender."""
        o = outbox_t.c
        statement = (
            update(outbox_t)
            .where(o.status == "pending", o.ref.like(f"trn:{int(training_id)}:%"))
            .values(status="skipped", last_error=reason)
        )
        if recipient is not None:
            statement = statement.where(o.recipient == recipient)
        return int((await self.run(statement)).rowcount or 0)

    async def revive(self, items: Sequence[OutboxItem], reason: str) -> int:
        """Back to pending: rows of these (recipient, ref) that ``skip_messages`` skipped for
        ``reason`` (a seller says yes again after a no). New ones are for ``enqueue``."""
        o = outbox_t.c
        revived = 0
        for item in items:
            assert item.due_at is not None
            result = await self.run(
                update(outbox_t)
                .where(
                    o.recipient == item.recipient,
                    o.ref == item.ref,
                    o.status == "skipped",
                    o.last_error == reason,
                )
                .values(
                    status="pending",
                    last_error=None,
                    attempts=0,
                    due_at=item.due_at.astimezone(UTC),
                    expires_at=item.expires_at.astimezone(UTC) if item.expires_at else None,
                    args=dict(item.args),
                )
            )
            revived += int(result.rowcount or 0)
        return revived

    async def forget(self, user_id: int) -> None:
        """A seller deleted their data: their answers and attendance go too."""
        await self.run(delete(rsvps_t).where(rsvps_t.c.user_id == user_id))
        await self.run(delete(attendance_t).where(attendance_t.c.user_id == user_id))
        self.moved(user_id)
