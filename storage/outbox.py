"""The durable outbox: every message nobody is waiting for is a row until it is sent."""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cache
from typing import Any, Literal

from sqlalchemy import TypeDecorator, bindparam, case, func, select, update
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncConnection

from storage.base import Changes, Part, aware, now, upsert, utc
from storage.models import JsonDoc, identities_t, outbox_t, users_t

Kind = Literal["reminder", "invite", "broadcast", "nudge", "digest", "notice"]
Status = Literal["pending", "sending", "sent", "failed", "skipped"]
KINDS: frozenset[str] = frozenset({"reminder", "invite", "broadcast", "nudge", "digest", "notice"})
# Claimed in this order: personal, time-bound messages jump any bulk backlog, so that a
# 100,000-message broadcast never makes a training reminder late (or expired).
URGENT, BULK = 0, 1
PRIORITY: dict[str, int] = {
    "reminder": URGENT,
    "notice": URGENT,
    "invite": URGENT,
    "broadcast": BULK,
    "nudge": BULK,
    "digest": BULK,
}
ENQUEUE_CHUNK = 2000  # rows per INSERT … VALUES statement (well under both parameter limits)
ERROR_LIMIT = 500


_OPEN = ("pending", "sending")  # states a stale sender may still move a row out of


def _utc_or_none(value: datetime | None) -> datetime | None:
    return utc(value) if value is not None else None


def _error(text: str) -> str:
    return text[:ERROR_LIMIT]


@dataclass(frozen=True, slots=True)
class OutboxItem:
    """A message to enqueue. Give ``message`` (a catalogue key with ``args``) or
    ``text_by_locale`` (literal text per locale, Bengali the fallback), or both: then the
    literal text is passed to the message as its ``text`` argument."""

    recipient: int
    kind: Kind
    message: str | None = None
    args: Mapping[str, Any] = field(default_factory=dict)
    text_by_locale: Mapping[str, str] | None = None
    buttons: Sequence[Sequence[tuple[str, str]]] = ()  # rows of (label key, callback data)
    photo: str | None = None
    ref: str | None = None  # idempotency key, unique per recipient: "training:12:24h"
    broadcast_id: int | None = None
    quiet: bool = False  # wait outside quiet hours
    expires_at: datetime | None = None  # never sent after this
    due_at: datetime | None = None  # None: now
    priority: int | None = None  # None: from the kind

    def values(self, stamp: datetime, dump: Callable[[Any], str | None]) -> dict[str, Any]:
        if self.kind not in KINDS:
            raise ValueError(f"unknown outbox kind {self.kind!r}")
        if not self.message and not self.text_by_locale:
            raise ValueError("an outbox item needs a message key or text_by_locale")
        if self.ref is not None and len(self.ref) > 64:
            raise ValueError(f"outbox ref longer than 64 characters: {self.ref!r}")
        return {
            "recipient": self.recipient,
            "kind": self.kind,
            "priority": PRIORITY[self.kind] if self.priority is None else self.priority,
            "ref": self.ref,
            "message": self.message,
            "args": dump(self.args),
            "text_by_locale": dump(self.text_by_locale or None),
            "buttons": dump(self.buttons),
            "photo": self.photo,
            "broadcast_id": self.broadcast_id,
            "quiet": self.quiet,
            "expires_at": _utc_or_none(self.expires_at),
            "due_at": utc(self.due_at) if self.due_at is not None else stamp,
            "status": "pending",
            "attempts": 0,
            "created_at": stamp,
        }


@dataclass(frozen=True, slots=True)
class OutboxRow:
    """A row as stored (a claimed one is ``sending`` under this sender's lease)."""

    id: int
    recipient: int
    kind: str
    priority: int
    ref: str | None
    message: str | None
    args: dict[str, Any]
    text_by_locale: dict[str, str] | None
    buttons: tuple[tuple[tuple[str, str], ...], ...]
    photo: str | None
    broadcast_id: int | None
    quiet: bool
    expires_at: datetime | None
    due_at: datetime
    status: str
    attempts: int
    last_error: str | None
    sent_message_id: int | None
    lease_owner: str | None
    lease_until: datetime | None
    created_at: datetime
    sent_at: datetime | None


@dataclass(frozen=True, slots=True)
class Recipient:
    """What the sender needs to know about a recipient at send time: their language, whether
    they may be written to, and where (the identity they were last seen on)."""

    locale: str = "bn"
    blocked: bool = False
    opted_out: bool = False
    channel: str | None = None  # None: no identity left (gone)
    address: str | None = None
    seen_at: datetime | None = None  # when they last wrote from that identity (10 min grain)


def _row(r: Any) -> OutboxRow:
    return OutboxRow(
        id=r.id,
        recipient=r.recipient,
        kind=r.kind,
        priority=r.priority,
        ref=r.ref,
        message=r.message,
        args=dict(r.args or {}),
        text_by_locale=dict(r.text_by_locale) if r.text_by_locale else None,
        buttons=tuple(
            tuple((str(label), str(data)) for label, data in row) for row in r.buttons or ()
        ),
        photo=r.photo,
        broadcast_id=r.broadcast_id,
        quiet=bool(r.quiet),
        expires_at=aware(r.expires_at),
        due_at=aware(r.due_at) or now(),
        status=r.status,
        attempts=r.attempts,
        last_error=r.last_error,
        sent_message_id=r.sent_message_id,
        lease_owner=r.lease_owner,
        lease_until=aware(r.lease_until),
        created_at=aware(r.created_at) or now(),
        sent_at=aware(r.sent_at),
    )


class _Serialised(TypeDecorator[Any]):
    """A JSON document serialised by the caller: once per payload, not once per row (the rows of
    a broadcast share one), and passed to the driver as it is."""

    impl = JsonDoc
    cache_ok = True

    def bind_processor(self, dialect: Dialect) -> None:
        return None


_JSON_COLUMNS = ("args", "text_by_locale", "buttons")


class _Dumps:
    """json.dumps remembered per object for the length of one enqueue call."""

    def __init__(self) -> None:
        self._seen: dict[int, tuple[Any, str]] = {}

    def __call__(self, value: Any) -> str | None:
        if value is None:
            return None
        if not value:
            return "[]" if isinstance(value, list | tuple) else "{}"
        hit = self._seen.get(id(value))
        if hit is None:  # the object is kept with its text, so its id stays its own
            hit = self._seen[id(value)] = (value, json.dumps(value, ensure_ascii=False))
        return hit[1]


@cache
def _enqueue_statement(dialect: str) -> Any:
    values = {
        c.name: bindparam(c.name, type_=_Serialised() if c.name in _JSON_COLUMNS else c.type)
        for c in outbox_t.columns
        if c.name not in ("id", "last_error", "sent_message_id", "lease_owner", "lease_until")
        and c.name not in ("sent_at", "delivered_at", "read_at")
    }
    return (
        upsert(dialect, outbox_t)
        .values(**values)
        .on_conflict_do_nothing(index_elements=["recipient", "ref"])
        .returning(outbox_t.c.id)
    )


def _loaded(value: Any) -> Any:
    """A JSON column as the driver gave it (text on some, decoded on others)."""
    return json.loads(value) if isinstance(value, str) else value


class Outbox(Part):
    """Outbox statements on one connection (inside one short transaction)."""

    def __init__(
        self, connection: AsyncConnection, dialect: str, changes: Changes | None = None
    ) -> None:
        super().__init__(connection, dialect, changes)
        self._enqueue = _enqueue_statement(dialect)

    async def received_by(self, user_id: int, locale: str) -> list[dict[str, Any]]:
        """What was sent or is queued for a user: announcements with their text in the user's
        language, reminders by kind (their data, for /mydata)."""
        c = outbox_t.c
        rows = await self.run(
            select(
                c.kind, c.message, c.broadcast_id, c.text_by_locale, c.status, c.due_at, c.sent_at
            )
            .where(c.recipient == user_id)
            .order_by(c.due_at, c.id)
        )
        out = []
        for row in rows:
            texts = _loaded(row.text_by_locale) or {}
            out.append(
                {
                    "kind": row.kind,
                    "message": row.message,
                    "announcement": row.broadcast_id,
                    "text": texts.get(locale) or next(iter(texts.values()), None),
                    "status": row.status,
                    "due_at": aware(row.due_at).isoformat() if row.due_at else None,
                    "sent_at": aware(row.sent_at).isoformat() if row.sent_at else None,
                }
            )
        return out

    async def enqueue(self, rows: Iterable[OutboxItem]) -> int:
        """Insert messages (a bulk executemany in chunks); a (recipient, ref) already queued is
        left alone. Returns how many rows are new."""
        stamp, dump = now(), _Dumps()
        values = [item.values(stamp, dump) for item in rows]
        added = 0
        for start in range(0, len(values), ENQUEUE_CHUNK):
            result = await self.run(self._enqueue, values[start : start + ENQUEUE_CHUNK])
            added += len(result.all())
        return added

    async def claim(
        self,
        at: datetime,
        limit: int,
        owner: str,
        lease: timedelta,
        exclude: Collection[int] = (),
    ) -> list[OutboxRow]:
        """Take up to ``limit`` rows to send: first those of a dead sender (``sending`` with an
        expired lease), then due pending rows, urgent before bulk, each in due order. On
        PostgreSQL, FOR UPDATE SKIP LOCKED keeps concurrent senders off each other's rows.
        ``exclude``: ids the caller is still sending (its own lease may have run out)."""
        at = utc(at)
        c = outbox_t.c
        rows: list[OutboxRow] = []
        stale = [c.status == "sending", c.lease_until < at]
        if exclude:
            stale.append(c.id.not_in(sorted(exclude)))
        wheres = [stale] + [
            [c.status == "pending", c.priority == p, c.due_at <= at]
            for p in sorted(set(PRIORITY.values()))
        ]
        for where in wheres:
            room = limit - len(rows)
            if room <= 0:
                break
            ids = select(c.id).where(*where).order_by(c.due_at, c.id).limit(room)
            if self.dialect == "postgresql":
                ids = ids.with_for_update(skip_locked=True)
            result = await self.run(
                update(outbox_t)
                .where(c.id.in_(ids.scalar_subquery()))
                .values(status="sending", lease_owner=owner, lease_until=at + lease)
                .returning(*outbox_t.columns)
            )
            claimed = sorted((_row(r) for r in result), key=lambda r: (r.due_at, r.id))
            rows.extend(claimed)
        return rows

    async def extend(self, ids: Sequence[int], owner: str, until: datetime) -> int:
        """Renew the lease on rows this sender still works on (a long 429 pause, a slow batch)."""
        if not ids:
            return 0
        c = outbox_t.c
        result = await self.run(
            update(outbox_t)
            .where(c.id.in_(sorted(ids)), c.lease_owner == owner, c.status == "sending")
            .values(lease_until=utc(until))
        )
        return int(result.rowcount or 0)

    async def recipients(self, user_ids: Iterable[int]) -> dict[int, Recipient]:
        """Locale, reachability and address of these users, in one query (unknown users:
        defaults). A user reached on several channels is written to where last seen."""
        ids = sorted(set(user_ids))
        if not ids:
            return {}
        u, i = users_t.c, identities_t.c
        rows = await self.run(
            select(
                u.user_id,
                u.locale,
                u.blocked_at,
                u.opted_out_at,
                i.channel,
                i.external_id,
                i.last_seen_at,
            )
            .select_from(users_t.outerjoin(identities_t, i.user_id == u.user_id))
            .where(u.user_id.in_(ids))
            .order_by(u.user_id, i.last_seen_at)
        )
        found = {
            r.user_id: Recipient(  # the last row of a user is their latest identity
                r.locale or "bn",
                r.blocked_at is not None,
                r.opted_out_at is not None,
                r.channel,
                r.external_id,
                aware(r.last_seen_at),
            )
            for r in rows
        }
        return {user_id: found.get(user_id, Recipient()) for user_id in ids}

    async def _move(self, ids: Sequence[int], **values: Any) -> int:
        if not ids:
            return 0
        c = outbox_t.c
        result = await self.run(
            update(outbox_t)
            .where(c.id.in_(sorted(ids)), c.status.in_(_OPEN))
            .values(lease_owner=None, lease_until=None, **values)
        )
        return int(result.rowcount or 0)

    async def sent(self, id: int, message_id: int | None, at: datetime | None = None) -> None:
        c = outbox_t.c
        await self.run(
            update(outbox_t)
            .where(c.id == id)
            .values(
                status="sent",
                sent_message_id=message_id,
                sent_at=utc(at) if at else now(),
                attempts=c.attempts + 1,
                last_error=None,
                lease_owner=None,
                lease_until=None,
            )
        )

    async def retry(self, id: int, error: str, due_at: datetime) -> None:
        """A failed attempt that may work later: counted, back to pending at ``due_at``."""
        await self._move(
            [id],
            status="pending",
            attempts=outbox_t.c.attempts + 1,
            last_error=_error(error),
            due_at=utc(due_at),
        )

    async def failed(self, id: int, error: str) -> None:
        await self._move(
            [id], status="failed", attempts=outbox_t.c.attempts + 1, last_error=_error(error)
        )

    async def skip(self, ids: Sequence[int], reason: str) -> int:
        return await self._move(ids, status="skipped", last_error=_error(reason))

    async def skip_pending_of(
        self, recipient: int, reason: str, kinds: Iterable[str] | None = None
    ) -> int:
        """Skip every pending row of one recipient (blocked the bot, opted out of ``kinds``)."""
        c = outbox_t.c
        statement = (
            update(outbox_t)
            .where(c.recipient == recipient, c.status == "pending")
            .values(status="skipped", last_error=_error(reason))
        )
        if kinds is not None:
            statement = statement.where(c.kind.in_(sorted(set(kinds))))
        return int((await self.run(statement)).rowcount or 0)

    async def postpone(self, ids: int | Sequence[int], due_at: datetime) -> int:
        """Back to pending at ``due_at`` without counting an attempt (quiet hours, 429)."""
        return await self._move(
            [ids] if isinstance(ids, int) else ids, status="pending", due_at=utc(due_at)
        )

    async def release(self, owner: str) -> int:
        """Give back every row this sender holds (clean shutdown): pending again, as they were."""
        c = outbox_t.c
        result = await self.run(
            update(outbox_t)
            .where(c.lease_owner == owner, c.status == "sending")
            .values(status="pending", lease_owner=None, lease_until=None)
        )
        return int(result.rowcount or 0)

    async def depth(self, at: datetime) -> int:
        """How many pending rows are due (the backlog, for metrics)."""
        c = outbox_t.c
        result = await self.run(
            select(func.count()).where(c.status == "pending", c.due_at <= utc(at))
        )
        return int(result.scalar_one())

    async def seen(self, id: int, status: str, at: datetime) -> None:
        """A channel's word that a sent row was delivered or read (read implies delivered);
        the first time counts, repeats and late arrivals change nothing."""
        c = outbox_t.c
        stamp = utc(at)
        if status in ("delivered", "read"):
            await self.run(
                update(outbox_t)
                .where(c.id == id, c.delivered_at.is_(None))
                .values(delivered_at=stamp)
            )
        if status == "read":
            await self.run(
                update(outbox_t).where(c.id == id, c.read_at.is_(None)).values(read_at=stamp)
            )

    async def undelivered(
        self, id: int, error: str, retry_at: datetime | None, max_attempts: int = 5
    ) -> None:
        """A channel's later word that a row it took was not delivered after all (WhatsApp's
        failed status): sent again at ``retry_at`` while attempts remain, else failed."""
        c = outbox_t.c
        again = retry_at is not None
        await self.run(
            update(outbox_t)
            .where(c.id == id, c.status == "sent", c.delivered_at.is_(None))
            .values(
                status=case((c.attempts + 1 < max_attempts, "pending"), else_="failed")
                if again
                else "failed",
                attempts=c.attempts + 1,
                last_error=_error(error),
                due_at=utc(retry_at) if retry_at is not None else c.due_at,
            )
        )

    async def report(self, broadcast_id: int) -> dict[str, int]:
        """Counts by status, and by reason for failed and skipped rows ("skipped:blocked");
        "delivered" and "read" where a channel reported any."""
        c = outbox_t.c
        seen = await self.run(
            select(func.count(c.delivered_at), func.count(c.read_at)).where(
                c.broadcast_id == broadcast_id
            )
        )
        delivered, read = seen.one()
        rows = await self.run(
            select(c.status, c.last_error, func.count())
            .where(c.broadcast_id == broadcast_id)
            .group_by(c.status, c.last_error)
        )
        counts: dict[str, int] = {"total": 0}
        counts.update({k: int(n) for k, n in (("delivered", delivered), ("read", read)) if n})
        for status, error, n in rows:
            counts["total"] += n
            counts[status] = counts.get(status, 0) + n
            if status in ("failed", "skipped") and error:
                key = f"{status}:{error}"
                counts[key] = counts.get(key, 0) + n
        return counts

    async def skip_refs(self, recipient: int, refs: Iterable[str], reason: str) -> int:
        """Skip the still-pending rows of one recipient with these refs."""
        c = outbox_t.c
        result = await self.run(
            update(outbox_t)
            .where(c.recipient == recipient, c.ref.in_(sorted(set(refs))), c.status == "pending")
            .values(status="skipped", last_error=_error(reason))
        )
        return int(result.rowcount or 0)

    async def skip_refs_starting(
        self, prefix: str, reason: str, recipient: int | None = None
    ) -> int:
        """Skip the pending rows whose ref starts with ``prefix`` (a training's invitation and
        reminders), of one recipient or of everyone. Rows being sent are left to the sender."""
        c = outbox_t.c
        statement = (
            update(outbox_t)
            .where(c.status == "pending", c.ref.startswith(prefix, autoescape=True))
            .values(status="skipped", last_error=_error(reason))
        )
        if recipient is not None:
            statement = statement.where(c.recipient == recipient)
        return int((await self.run(statement)).rowcount or 0)

    async def revive(self, items: Sequence[OutboxItem], reason: str) -> int:
        """Back to pending: rows of these (recipient, ref) that were skipped for ``reason`` (a
        seller says yes again after a no). New ones are for ``enqueue``."""
        c = outbox_t.c
        revived = 0
        for item in items:
            assert item.due_at is not None
            result = await self.run(
                update(outbox_t)
                .where(
                    c.recipient == item.recipient,
                    c.ref == item.ref,
                    c.status == "skipped",
                    c.last_error == reason,
                )
                .values(
                    status="pending",
                    last_error=None,
                    attempts=0,
                    due_at=utc(item.due_at),
                    expires_at=_utc_or_none(item.expires_at),
                    args=dict(item.args),
                )
            )
            revived += int(result.rowcount or 0)
        return revived

    async def get(self, id: int) -> OutboxRow | None:
        row = (await self.run(select(outbox_t).where(outbox_t.c.id == id))).first()
        return _row(row) if row is not None else None

    async def of_recipient(self, recipient: int) -> list[OutboxRow]:
        rows = await self.run(
            select(outbox_t).where(outbox_t.c.recipient == recipient).order_by(outbox_t.c.id)
        )
        return [_row(r) for r in rows]
