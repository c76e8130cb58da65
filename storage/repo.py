"""Repositories: the only code that writes SQL. One `Repo` per transaction."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import AuditEntry, Conversation, Coordinator, ProcessedUpdate, Seller, User
from storage.records import AuditRecord, ConversationState, SellerRecord, UserRecord


def now() -> datetime:
    return datetime.now(UTC)


def _aware(value: datetime | None) -> datetime | None:
    # SQLite hands back naive datetimes; everything we store is UTC.
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


class _Part:
    def __init__(self, session: AsyncSession, dialect: str) -> None:
        self.session = session
        self.dialect = dialect

    def insert(self, table: Any) -> Any:
        """INSERT with ON CONFLICT support on both SQLite and PostgreSQL."""
        return (postgresql if self.dialect == "postgresql" else sqlite).insert(table)


class Updates(_Part):
    async def claim(self, update_id: int, user_id: int) -> bool:
        """Record an update id; False when it was handled before (a redelivery)."""
        statement = (
            self.insert(ProcessedUpdate)
            .values(update_id=update_id, user_id=user_id, processed_at=now())
            .on_conflict_do_nothing(index_elements=["update_id"])
            .returning(ProcessedUpdate.update_id)
        )
        return (await self.session.execute(statement)).first() is not None

    async def prune(self, before: datetime) -> int:
        result = await self.session.execute(
            delete(ProcessedUpdate).where(ProcessedUpdate.processed_at < before)
        )
        return int(result.rowcount or 0)


class Users(_Part):
    async def touch(
        self, user_id: int, language_code: str | None, default_locale: str
    ) -> UserRecord:
        """Fetch a user, creating them on first contact, in one upsert."""
        stamp = now()
        statement = (
            self.insert(User)
            .values(
                user_id=user_id,
                locale=default_locale,
                language_code=language_code,
                lang_offered=False,
                created_at=stamp,
                last_seen_at=stamp,
            )
            .on_conflict_do_update(index_elements=["user_id"], set_={"last_seen_at": stamp})
            .returning(
                User.locale,
                User.language_code,
                User.lang_offered,
                User.blocked_at,
                User.opted_out_at,
                User.created_at,
            )
        )
        row = (await self.session.execute(statement)).one()
        return UserRecord(
            user_id=user_id,
            locale=row.locale,
            language_code=row.language_code,
            lang_offered=row.lang_offered,
            blocked_at=_aware(row.blocked_at),
            opted_out_at=_aware(row.opted_out_at),
            created_at=_aware(row.created_at),
            is_new=_aware(row.created_at) == stamp,
        )

    async def get(self, user_id: int) -> UserRecord | None:
        row = await self.session.get(User, user_id)
        if row is None:
            return None
        return UserRecord(
            user_id=row.user_id,
            locale=row.locale,
            language_code=row.language_code,
            lang_offered=row.lang_offered,
            blocked_at=_aware(row.blocked_at),
            opted_out_at=_aware(row.opted_out_at),
            created_at=_aware(row.created_at),
        )

    async def set_opted_out(self, user_id: int, opted_out: bool) -> None:
        await self.session.execute(
            update(User)
            .where(User.user_id == user_id)
            .values(opted_out_at=now() if opted_out else None)
        )

    async def set_locale(self, user_id: int, locale: str) -> None:
        await self.session.execute(
            update(User).where(User.user_id == user_id).values(locale=locale)
        )

    async def mark_lang_offered(self, user_id: int) -> None:
        await self.session.execute(
            update(User).where(User.user_id == user_id).values(lang_offered=True)
        )

    async def mark_blocked(self, user_id: int) -> None:
        await self.session.execute(
            update(User).where(User.user_id == user_id).values(blocked_at=now())
        )

    async def delete(self, user_id: int) -> None:
        await self.session.execute(delete(User).where(User.user_id == user_id))


class Sellers(_Part):
    async def get(self, user_id: int) -> SellerRecord | None:
        row = await self.session.get(Seller, user_id)
        return _seller_record(row) if row is not None else None

    async def save(self, record: SellerRecord) -> None:
        """Create or replace a profile in one statement; keeps the first registration time."""
        stamp = now()
        values = asdict(record)
        values["updated_at"] = stamp
        values["registered_at"] = record.registered_at or stamp
        values["consent_at"] = record.consent_at or stamp
        changed = {k: v for k, v in values.items() if k not in ("user_id", "registered_at")}
        statement = (
            self.insert(Seller)
            .values(**values)
            .on_conflict_do_update(index_elements=["user_id"], set_=changed)
        )
        await self.session.execute(statement)

    async def delete(self, user_id: int) -> bool:
        result = await self.session.execute(delete(Seller).where(Seller.user_id == user_id))
        return bool(result.rowcount)

    async def count(self) -> int:
        return int((await self.session.execute(select(func.count()).select_from(Seller))).scalar())


def _seller_record(row: Seller) -> SellerRecord:
    return SellerRecord(
        user_id=row.user_id,
        name=row.name,
        district=row.district,
        phone=row.phone,
        business_name=row.business_name,
        craft_id=row.craft_id,
        craft_text=row.craft_text,
        gstin=row.gstin,
        iec=row.iec,
        udyam=row.udyam,
        consent_at=_aware(row.consent_at),
        registered_at=_aware(row.registered_at),
        updated_at=_aware(row.updated_at),
    )


class Coordinators(_Part):
    async def districts_of(self, user_id: int) -> frozenset[str]:
        rows = await self.session.execute(
            select(Coordinator.district).where(Coordinator.user_id == user_id)
        )
        return frozenset(rows.scalars())

    async def add(self, user_id: int, districts: Iterable[str], added_by: int) -> None:
        stamp = now()
        for district in districts:
            await self.session.execute(
                self.insert(Coordinator)
                .values(user_id=user_id, district=district, added_by=added_by, added_at=stamp)
                .on_conflict_do_nothing(index_elements=["user_id", "district"])
            )


class Conversations(_Part):
    async def get(self, user_id: int) -> ConversationState | None:
        row = (
            await self.session.execute(
                select(
                    Conversation.flow,
                    Conversation.step,
                    Conversation.answers,
                    Conversation.data,
                    Conversation.active,
                    Conversation.version,
                ).where(Conversation.user_id == user_id)
            )
        ).first()
        if row is None:
            return None
        return ConversationState(
            user_id=user_id,
            flow=row.flow,
            step=row.step,
            answers=dict(row.answers or {}),
            data=dict(row.data or {}),
            active=row.active,
            version=row.version,
        )

    async def save(self, state: ConversationState) -> None:
        values = {
            "flow": state.flow,
            "step": state.step,
            "answers": state.answers,
            "data": state.data,
            "active": state.active,
            "version": state.version + 1,
            "updated_at": now(),
        }
        statement = (
            self.insert(Conversation)
            .values(user_id=state.user_id, **values)
            .on_conflict_do_update(index_elements=["user_id"], set_=values)
        )
        await self.session.execute(statement)
        state.version += 1

    async def delete(self, user_id: int) -> None:
        await self.session.execute(delete(Conversation).where(Conversation.user_id == user_id))


class Audit(_Part):
    async def write(
        self, actor_id: int, subject_id: int | None, action: str, detail: str | None = None
    ) -> None:
        self.session.add(
            AuditEntry(
                actor_id=actor_id, subject_id=subject_id, action=action, detail=detail, at=now()
            )
        )

    async def about(self, subject_id: int) -> list[AuditRecord]:
        rows = await self.session.execute(
            select(AuditEntry).where(AuditEntry.subject_id == subject_id).order_by(AuditEntry.id)
        )
        return [
            AuditRecord(r.actor_id, r.subject_id, r.action, r.detail, _aware(r.at) or now())
            for r in rows.scalars()
        ]


class Repo:
    """Every repository, bound to one session (one transaction)."""

    def __init__(self, session: AsyncSession, dialect: str) -> None:
        self.session = session
        self.updates = Updates(session, dialect)
        self.users = Users(session, dialect)
        self.sellers = Sellers(session, dialect)
        self.coordinators = Coordinators(session, dialect)
        self.conversations = Conversations(session, dialect)
        self.audit = Audit(session, dialect)
