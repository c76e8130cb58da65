"""People: everyone who has talked to the bot (language, reachability) and who coordinates which
districts."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import Integer, bindparam, delete, func, select, update

from storage.base import Part, aware, now, upsert
from storage.models import USER_IDS, conversations_t, coordinators_t, identities_t, users_t
from storage.records import ConversationState, UserRecord

# last_seen_at is for reports ("active this week"), not auditing: a write per update would
# cost more than it tells.
LAST_SEEN_RESOLUTION = timedelta(minutes=10)


@cache
def _statements(dialect: str) -> dict[str, Any]:
    """The hot-path statements, built once per dialect with bind parameters: building them
    costs more than running them on SQLite."""
    u, c = users_t.c, conversations_t.c
    touch = (
        upsert(dialect, users_t)
        .values(
            user_id=bindparam("user_id"),
            locale=bindparam("locale"),
            language_code=bindparam("language_code"),
            lang_offered=False,
            created_at=bindparam("stamp"),
            last_seen_at=bindparam("stamp"),
        )
        .on_conflict_do_update(
            index_elements=["user_id"], set_={"last_seen_at": bindparam("stamp")}
        )
        .returning(
            u.locale, u.language_code, u.lang_offered, u.blocked_at, u.opted_out_at, u.created_at
        )
    )
    i = identities_t.c
    # The user, by the identity that wrote, and their conversation in one round trip: the first
    # read of every update.
    load = (
        select(
            u.user_id,
            i.last_seen_at.label("identity_seen"),
            u.locale,
            u.language_code,
            u.lang_offered,
            u.blocked_at,
            u.opted_out_at,
            u.created_at,
            u.last_seen_at,
            c.flow,
            c.step,
            c.answers,
            c.data,
            c.active,
            c.version,
        )
        .select_from(
            identities_t.join(users_t, u.user_id == i.user_id).outerjoin(
                conversations_t, c.user_id == u.user_id
            )
        )
        .where(i.channel == bindparam("channel"), i.external_id == bindparam("external_id"))
    )
    attach = (
        upsert(dialect, identities_t)
        .values(
            channel=bindparam("channel"),
            external_id=bindparam("external_id"),
            user_id=bindparam("user_id"),
            created_at=bindparam("stamp"),
            last_seen_at=bindparam("stamp"),
        )
        .on_conflict_do_update(
            index_elements=["channel", "external_id"],
            set_={"user_id": bindparam("user_id"), "last_seen_at": bindparam("stamp")},
        )
    )
    return {"touch": touch, "load": load, "attach": attach}


def _user_record(user_id: int, row: Any, stamp: datetime | None = None) -> UserRecord:
    created = aware(row.created_at)
    return UserRecord(
        user_id=user_id,
        locale=row.locale,
        language_code=row.language_code,
        lang_offered=row.lang_offered,
        blocked_at=aware(row.blocked_at),
        opted_out_at=aware(row.opted_out_at),
        created_at=created,
        is_new=stamp is not None and created == stamp,
    )


def lock_keys(channel: str, external_id: str) -> dict[str, int]:
    """An identity as PostgreSQL's two-int advisory lock key (a key space apart from the
    one-bigint keys, so no identity's lock is ever another lock's)."""
    digest = hashlib.blake2b(f"{channel}:{external_id}".encode(), digest_size=8).digest()
    high, low = int.from_bytes(digest[:4], "big"), int.from_bytes(digest[4:], "big")
    return {"high": high - (1 << 32) * (high >> 31), "low": low - (1 << 32) * (low >> 31)}


_USER_LOCK = select(
    func.pg_advisory_xact_lock(bindparam("high", type_=Integer), bindparam("low", type_=Integer))
)


_HIGHEST_USER_ID = select(func.max(users_t.c.user_id))
_DISTRICTS_OF = select(coordinators_t.c.district).where(
    coordinators_t.c.user_id == bindparam("user_id")
)


@cache
def _setter(columns: tuple[str, ...]) -> Any:
    """UPDATE users SET these columns, built once per set of columns (the hot path sets the
    same few: the locale, last seen)."""
    return (
        update(users_t)
        .where(users_t.c.user_id == bindparam("user_id_"))
        .values({name: bindparam(f"v_{name}") for name in columns})
    )


class Users(Part):
    async def serialise(self, channel: str, external_id: str) -> None:
        """Hold this identity's lock until the transaction ends, so that several workers on one
        PostgreSQL handle a user's updates one at a time (SQLite has one writer anyway)."""
        if self.dialect == "postgresql":
            await self.run(_USER_LOCK, lock_keys(channel, external_id))

    async def load(
        self, channel: str, external_id: str, language_code: str | None, default_locale: str
    ) -> tuple[UserRecord, ConversationState | None]:
        """The user a channel's user is (created on first contact) and their conversation, in
        one query."""
        params = {"channel": channel, "external_id": external_id}
        row = (await self.run(_statements(self.dialect)["load"], params)).first()
        if row is None:
            return await self.create(channel, external_id, language_code, default_locale), None
        user_id = int(row.user_id)
        user = _user_record(user_id, row)
        if row.language_code is None and language_code is not None:
            # Made before they ever wrote (appointed a coordinator): their first message
            # tells their language, as it does for everyone else.
            await self._set(user_id, language_code=language_code, locale=default_locale)
            user.language_code, user.locale = language_code, default_locale
        seen = aware(row.last_seen_at)
        if seen is None or now() - seen > LAST_SEEN_RESOLUTION:
            await self._set(user_id, last_seen_at=now())
        identity_seen = aware(row.identity_seen)
        if identity_seen is None or now() - identity_seen > LAST_SEEN_RESOLUTION:
            i = identities_t.c
            await self.run(
                update(identities_t)
                .where(i.channel == channel, i.external_id == external_id)
                .values(last_seen_at=now())
            )
        state = None
        if row.flow is not None:
            state = ConversationState(
                user_id=user_id,
                flow=row.flow,
                step=row.step,
                answers=dict(row.answers or {}),
                data=dict(row.data or {}),
                active=row.active,
                version=row.version,
            )
        return user, state

    async def create(
        self, channel: str, external_id: str, language_code: str | None, locale: str
    ) -> UserRecord:
        """A new user with an id of ours, reached by this identity."""
        user = await self.touch(await self._new_id(), language_code, locale)
        await self.attach(channel, external_id, user.user_id)
        return user

    async def _new_id(self) -> int:
        if self.dialect == "postgresql":
            return int((await self.run(select(USER_IDS.next_value()))).scalar_one())
        # SQLite has one writer at a time: nobody takes the same number meanwhile. A bare
        # max() is read off the primary key's b-tree; wrapped in an expression it is a scan.
        top = (await self.run(_HIGHEST_USER_ID)).scalar_one()
        return int(top or 0) + 1

    async def attach(self, channel: str, external_id: str, user_id: int) -> None:
        """This identity reaches this user from now on (a second channel of one seller)."""
        params = {
            "channel": channel,
            "external_id": external_id,
            "user_id": user_id,
            "stamp": now(),
        }
        await self.run(_statements(self.dialect)["attach"], params)

    async def find(self, channel: str, external_id: str) -> int | None:
        """The user an identity reaches, if any."""
        i = identities_t.c
        row = await self.run(
            select(i.user_id).where(i.channel == channel, i.external_id == external_id)
        )
        return row.scalar_one_or_none()

    async def ensure(self, channel: str, external_id: str, locale: str) -> int:
        """The user an identity reaches, created if they never wrote (an appointed
        coordinator who has not started the bot yet)."""
        found = await self.find(channel, external_id)
        if found is not None:
            return int(found)
        return (await self.create(channel, external_id, None, locale)).user_id

    async def identities(self, user_id: int) -> list[tuple[str, str]]:
        """(channel, external id) of every identity of a user, the most recently seen first."""
        i = identities_t.c
        rows = await self.run(
            select(i.channel, i.external_id)
            .where(i.user_id == user_id)
            .order_by(i.last_seen_at.desc(), i.channel)
        )
        return [(str(r.channel), str(r.external_id)) for r in rows]

    async def touch(
        self, user_id: int, language_code: str | None, default_locale: str
    ) -> UserRecord:
        """A user with this id, created if new, in one upsert."""
        stamp = now()
        params = {
            "user_id": user_id,
            "locale": default_locale,
            "language_code": language_code,
            "stamp": stamp,
        }
        row = (await self.run(_statements(self.dialect)["touch"], params)).one()
        return _user_record(user_id, row, stamp)

    async def get(self, user_id: int) -> UserRecord | None:
        row = (await self.run(select(users_t).where(users_t.c.user_id == user_id))).first()
        return _user_record(user_id, row) if row is not None else None

    async def _set(self, user_id: int, **values: Any) -> None:
        params = {f"v_{name}": value for name, value in values.items()}
        await self.run(_setter(tuple(sorted(values))), {"user_id_": user_id, **params})

    async def set_locale(self, user_id: int, locale: str) -> None:
        await self._set(user_id, locale=locale)

    async def set_opted_out(self, user_id: int, opted_out: bool) -> None:
        await self._set(user_id, opted_out_at=now() if opted_out else None)

    async def mark_lang_offered(self, user_id: int) -> None:
        await self._set(user_id, lang_offered=True)

    async def set_blocked(self, user_id: int, blocked: bool) -> None:
        await self._set(user_id, blocked_at=now() if blocked else None)

    async def alias(self, channel: str, external_id: str, user_id: int) -> None:
        """Another id a channel knows this user by (WhatsApp's business-scoped user id beside
        the number): theirs from now on, but never preferred for writing to them (seen long
        ago) while they write under the other. An id already known stays as it is."""
        statement = (
            upsert(self.dialect, identities_t)
            .values(
                channel=channel,
                external_id=external_id,
                user_id=user_id,
                created_at=now(),
                last_seen_at=datetime(2000, 1, 1, tzinfo=UTC),
            )
            .on_conflict_do_nothing(index_elements=["channel", "external_id"])
        )
        await self.run(statement)

    async def merge_into(self, user_id: int, into: int) -> None:
        """Everything that reaches ``user_id`` reaches ``into`` instead, and ``user_id`` goes
        (a newcomer on one channel who is a seller registered on another)."""
        i = identities_t.c
        await self.run(update(identities_t).where(i.user_id == user_id).values(user_id=into))
        await self.run(delete(conversations_t).where(conversations_t.c.user_id == user_id))
        await self.run(delete(users_t).where(users_t.c.user_id == user_id))

    async def delete(self, user_id: int) -> None:
        await self.run(delete(identities_t).where(identities_t.c.user_id == user_id))
        await self.run(delete(users_t).where(users_t.c.user_id == user_id))


@dataclass(frozen=True, slots=True)
class CoordinatorRow:
    user_id: int
    districts: tuple[str, ...]
    added_at: datetime | None


class Coordinators(Part):
    async def districts_of(self, user_id: int) -> frozenset[str]:
        return frozenset((await self.run(_DISTRICTS_OF, {"user_id": user_id})).scalars())

    async def add(self, user_id: int, districts: Iterable[str], added_by: int) -> None:
        stamp = now()
        rows = [
            {"user_id": user_id, "district": d, "added_by": added_by, "added_at": stamp}
            for d in districts
        ]
        if rows:
            statement = upsert(self.dialect, coordinators_t).on_conflict_do_nothing(
                index_elements=["user_id", "district"]
            )
            await self.run(statement, rows)

    async def remove(self, user_id: int, districts: Iterable[str] | None) -> list[str]:
        """Take districts (None: all) from a coordinator; returns those actually removed."""
        c = coordinators_t.c
        statement = delete(coordinators_t).where(c.user_id == user_id)
        if districts is not None:
            statement = statement.where(c.district.in_(sorted(set(districts))))
        rows = await self.run(statement.returning(c.district))
        return sorted(rows.scalars())

    async def of_districts(self, districts: Iterable[str]) -> dict[str, list[int]]:
        """The coordinators of each of these districts, in one query."""
        wanted = sorted(set(districts))
        if not wanted:
            return {}
        c = coordinators_t.c
        rows = await self.run(
            select(c.district, c.user_id).where(c.district.in_(wanted)).order_by(c.user_id)
        )
        found: dict[str, list[int]] = {}
        for r in rows:
            found.setdefault(r.district, []).append(r.user_id)
        return found

    async def all(self) -> list[CoordinatorRow]:
        """Every coordinator with their districts and when they were first appointed."""
        c = coordinators_t.c
        rows = await self.run(select(c.user_id, c.district, c.added_at).order_by(c.user_id))
        districts: dict[int, list[str]] = {}
        since: dict[int, datetime | None] = {}
        for r in rows:
            uid, added = int(r.user_id), aware(r.added_at)
            districts.setdefault(uid, []).append(r.district)
            first = since.get(uid)
            since[uid] = added if first is None or (added is not None and added < first) else first
        return [CoordinatorRow(uid, tuple(sorted(ds)), since[uid]) for uid, ds in districts.items()]
