"""The dialogue with each user: where they are in a flow, and which updates were handled."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import bindparam, delete, select, text, tuple_, update

from storage.base import Part, now, upsert
from storage.models import conversations_t, identities_t, updates_t
from storage.records import ConversationState


@dataclass(frozen=True, slots=True)
class ClaimRecord:
    process: str | None
    replied: bool


@cache
def _statements(dialect: str) -> dict[str, Any]:
    """The hot-path statements, built once per dialect with bind parameters."""
    claim = (
        upsert(dialect, updates_t)
        .values(
            channel=bindparam("channel"),
            update_id=bindparam("update_id"),
            user_id=bindparam("user_id"),
            processed_at=bindparam("stamp"),
            claimed_by=bindparam("process"),
        )
        .on_conflict_do_nothing(index_elements=["channel", "update_id"])
        .returning(updates_t.c.update_id)
    )
    c = conversations_t.c
    get_state = select(c.flow, c.step, c.answers, c.data, c.active, c.version).where(
        c.user_id == bindparam("user_id")
    )
    state_values = {
        name: bindparam(name)
        for name in ("flow", "step", "answers", "data", "active", "version", "updated_at")
    }
    save_state = (
        upsert(dialect, conversations_t)
        .values(user_id=bindparam("user_id"), **state_values)
        .on_conflict_do_update(index_elements=["user_id"], set_=state_values)
    )
    return {"claim": claim, "get_state": get_state, "save_state": save_state}


# An update as each channel numbers it: (channel, its update or message id).
UpdateKey = tuple[str, str]


class Updates(Part):
    async def claim(self, key: UpdateKey, user_id: int, process: str | None = None) -> bool:
        """Record an update (and which process handles it); False when it was handled before
        (a redelivery)."""
        channel, update_id = key
        params = {
            "channel": channel,
            "update_id": update_id,
            "user_id": user_id,
            "stamp": now(),
            "process": process,
        }
        result = await self.run(_statements(self.dialect)["claim"], params)
        return result.first() is not None

    async def claimed(self, key: UpdateKey) -> ClaimRecord | None:
        """Who claimed an update, and whether its replies are known to have gone out."""
        u = updates_t.c
        query = select(u.claimed_by, u.replied_at).where(u.channel == key[0], u.update_id == key[1])
        row = (await self.run(query)).first()
        if row is None:
            return None
        return ClaimRecord(row.claimed_by, row.replied_at is not None)

    async def claimer_alive(self, application_name: str) -> bool:
        """Whether a process with this application name has a session open (PostgreSQL):
        a killed process's sessions end with its connections."""
        alive = await self.run(
            text("SELECT 1 FROM pg_stat_activity WHERE application_name = :name LIMIT 1"),
            {"name": application_name},
        )
        return alive.first() is not None

    async def mark_replied(self, keys: Iterable[UpdateKey]) -> None:
        wanted = sorted(set(keys))
        if wanted:
            u = updates_t.c
            await self.run(
                update(updates_t)
                .where(tuple_(u.channel, u.update_id).in_(wanted))
                .values(replied_at=now())
            )

    async def prune(self, before: datetime) -> int:
        result = await self.run(delete(updates_t).where(updates_t.c.processed_at < before))
        return int(result.rowcount or 0)


class Conversations(Part):
    async def get(self, user_id: int) -> ConversationState | None:
        row = (await self.run(_statements(self.dialect)["get_state"], {"user_id": user_id})).first()
        if row is None:
            return None
        return _state(user_id, row)

    async def of_identity(self, channel: str, external_id: str) -> ConversationState | None:
        """The conversation of whoever this identity is (None: none, or nobody yet)."""
        c, i = conversations_t.c, identities_t.c
        row = (
            await self.run(
                select(c.user_id, c.flow, c.step, c.answers, c.data, c.active, c.version)
                .join(identities_t, i.user_id == c.user_id)
                .where(i.channel == channel, i.external_id == external_id)
            )
        ).first()
        return _state(int(row.user_id), row) if row is not None else None

    async def save(self, state: ConversationState) -> None:
        await self.run(
            _statements(self.dialect)["save_state"],
            {
                "user_id": state.user_id,
                "flow": state.flow,
                "step": state.step,
                "answers": state.answers,
                "data": state.data,
                "active": state.active,
                "version": state.version + 1,
                "updated_at": now(),
            },
        )
        state.version += 1

    async def delete(self, user_id: int) -> None:
        await self.run(delete(conversations_t).where(conversations_t.c.user_id == user_id))


def _state(user_id: int, row: Any) -> ConversationState:
    return ConversationState(
        user_id=user_id,
        flow=row.flow,
        step=row.step,
        answers=dict(row.answers or {}),
        data=dict(row.data or {}),
        active=row.active,
        version=row.version,
    )
