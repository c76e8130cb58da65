"""The audit log: who read or changed whose personal data, and when (ids and actions only)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, select

from storage.base import Part, aware, now
from storage.models import audit_t, sellers_t
from storage.records import AuditRecord


@dataclass(frozen=True, slots=True)
class AuditRow:
    """An audit entry with the subject's name when the subject is a seller."""

    actor_id: int
    subject_id: int | None
    subject_name: str | None
    action: str
    detail: str | None
    at: datetime | None


class Audit(Part):
    async def write(
        self, actor_id: int, subject_id: int | None, action: str, detail: str | None = None
    ) -> None:
        await self.run(
            insert(audit_t).values(
                actor_id=actor_id, subject_id=subject_id, action=action, detail=detail, at=now()
            )
        )

    async def recent(self, limit: int) -> list[AuditRecord]:
        rows = await self.run(select(audit_t).order_by(audit_t.c.id.desc()).limit(limit))
        return [
            AuditRecord(r.actor_id, r.subject_id, r.action, r.detail, aware(r.at) or now())
            for r in rows
        ]

    async def about(self, subject_id: int) -> list[AuditRecord]:
        rows = await self.run(
            select(audit_t).where(audit_t.c.subject_id == subject_id).order_by(audit_t.c.id)
        )
        return [
            AuditRecord(r.actor_id, r.subject_id, r.action, r.detail, aware(r.at) or now())
            for r in rows
        ]

    async def reads(self, actions: Iterable[str], limit: int) -> list[AuditRow]:
        """The newest entries of these actions, with the subject's name when a seller."""
        a, s = audit_t.c, sellers_t.c
        rows = await self.run(
            select(a.actor_id, a.subject_id, s.name, a.action, a.detail, a.at)
            .select_from(audit_t.outerjoin(sellers_t, s.user_id == a.subject_id))
            .where(a.action.in_(sorted(set(actions))))
            .order_by(a.id.desc())
            .limit(limit)
        )
        return [
            AuditRow(
                int(r.actor_id),
                int(r.subject_id) if r.subject_id is not None else None,
                r.name,
                r.action,
                r.detail,
                aware(r.at),
            )
            for r in rows
        ]
