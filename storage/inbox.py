"""The inbox: updates stored on arrival, then leased to the process that handles them.

One user's updates are leased together and only while none of theirs is leased to anyone
else, so each user's updates are handled in order even with several workers; a killed
process's leases are taken over (see ``Inbox.release_dead``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, delete, or_, select, update

from storage.base import Part, upsert, utc
from storage.models import inbox_t


@dataclass(frozen=True, slots=True)
class InboxRow:
    id: int
    sender: str
    written_at: int
    body: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Arrival:
    update_id: str
    sender: str
    written_at: int
    body: dict[str, Any]


class Inbox(Part):
    async def store(self, channel: str, arrivals: Sequence[Arrival], at: datetime) -> int:
        """Keep what arrived; a repeat of a stored update id changes nothing. How many
        were new."""
        if not arrivals:
            return 0
        statement = (
            upsert(self.dialect, inbox_t)
            .values(
                [
                    {
                        "channel": channel,
                        "update_id": a.update_id,
                        "sender": a.sender,
                        "written_at": a.written_at,
                        "body": a.body,
                        "received_at": utc(at),
                    }
                    for a in arrivals
                ]
            )
            .on_conflict_do_nothing(index_elements=["channel", "update_id"])
            .returning(inbox_t.c.id)
        )
        return len((await self.run(statement)).all())

    async def take(
        self, channel: str, owner: str, at: datetime, lease: timedelta, limit: int
    ) -> list[InboxRow]:
        """Lease up to ``limit`` updates, oldest first, of users none of whose updates is
        leased now (to anyone): one user's updates are never handled side by side."""
        c = inbox_t.c
        stamp = utc(at)
        free = or_(c.lease_until.is_(None), c.lease_until < stamp)
        busy = (
            select(c.sender).where(c.channel == channel, c.lease_until >= stamp).scalar_subquery()
        )
        ids = (
            select(c.id)
            .where(c.channel == channel, free, c.sender.not_in(busy))
            .order_by(c.id)
            .limit(limit)
        )
        if self.dialect == "postgresql":
            ids = ids.with_for_update(skip_locked=True)
        rows = await self.run(
            update(inbox_t)
            .where(c.id.in_(ids.scalar_subquery()), free)
            .values(lease_owner=owner, lease_until=utc(at + lease))
            .returning(c.id, c.sender, c.written_at, c.body)
        )
        taken = [InboxRow(r.id, r.sender, r.written_at, r.body) for r in rows]
        return sorted(taken, key=lambda row: (row.written_at, row.id))

    async def done(self, ids: Iterable[int]) -> None:
        wanted = sorted(set(ids))
        if wanted:
            await self.run(delete(inbox_t).where(inbox_t.c.id.in_(wanted)))

    async def release(self, owner: str, ids: Iterable[int] | None = None) -> int:
        """Give leases back (all of ``owner``'s, or these): taken again at once."""
        c = inbox_t.c
        where = [c.lease_owner == owner]
        if ids is not None:
            where.append(c.id.in_(sorted(set(ids))))
        result = await self.run(
            update(inbox_t).where(and_(*where)).values(lease_owner=None, lease_until=None)
        )
        return int(result.rowcount or 0)

    async def owners(self, channel: str) -> list[str]:
        """Processes holding leases now."""
        c = inbox_t.c
        rows = await self.run(
            select(c.lease_owner).where(c.channel == channel, c.lease_owner.is_not(None)).distinct()
        )
        return [str(r.lease_owner) for r in rows]
