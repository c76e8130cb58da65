"""Repositories: the only code that writes SQL. One `Repo` per transaction.

Everything here is SQLAlchemy Core on one AsyncConnection, and the statements of the
per-update path are built once per dialect with bind parameters: building statements and the
ORM's bookkeeping cost more than the SQL itself on SQLite.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import Integer, bindparam, delete, func, insert, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from storage.models import (
    AuditEntry,
    Conversation,
    Coordinator,
    EligibilityCheck,
    ProcessedUpdate,
    Product,
    ProductPhoto,
    Seller,
    User,
)
from storage.records import (
    AuditRecord,
    CheckRecord,
    ConversationState,
    PhotoRecord,
    ProductRecord,
    SellerRecord,
    UserRecord,
)

users_t = User.__table__
sellers_t = Seller.__table__
conversations_t = Conversation.__table__
updates_t = ProcessedUpdate.__table__
coordinators_t = Coordinator.__table__
audit_t = AuditEntry.__table__
products_t = Product.__table__
photos_t = ProductPhoto.__table__
checks_t = EligibilityCheck.__table__

_SELLER_FIELDS = tuple(c.name for c in sellers_t.columns)
# last_seen_at is for reports ("active this week"), not auditing: a write per update would
# cost more than it tells.
LAST_SEEN_RESOLUTION = timedelta(minutes=10)


def now() -> datetime:
    return datetime.now(UTC)


def _aware(value: datetime | None) -> datetime | None:
    # SQLite hands back naive datetimes; everything we store is UTC.
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


def _upsert_insert(dialect: str, table: Any) -> Any:
    """INSERT with ON CONFLICT support on both SQLite and PostgreSQL."""
    return (postgresql if dialect == "postgresql" else sqlite).insert(table)


@cache
def _statements(dialect: str) -> dict[str, Any]:
    """The hot-path statements, built once per dialect."""
    claim = (
        _upsert_insert(dialect, updates_t)
        .values(
            update_id=bindparam("update_id"),
            user_id=bindparam("user_id"),
            processed_at=bindparam("stamp"),
            claimed_by=bindparam("process"),
        )
        .on_conflict_do_nothing(index_elements=["update_id"])
        .returning(updates_t.c.update_id)
    )
    touch = (
        _upsert_insert(dialect, users_t)
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
            users_t.c.locale,
            users_t.c.language_code,
            users_t.c.lang_offered,
            users_t.c.blocked_at,
            users_t.c.opted_out_at,
            users_t.c.created_at,
        )
    )
    c = conversations_t.c
    u = users_t.c
    get_state = select(c.flow, c.step, c.answers, c.data, c.active, c.version).where(
        c.user_id == bindparam("user_id")
    )
    # The user and their conversation in one round trip: the first read of every update.
    load = (
        select(
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
        .select_from(users_t.outerjoin(conversations_t, c.user_id == u.user_id))
        .where(u.user_id == bindparam("user_id"))
    )
    state_values = {
        name: bindparam(name)
        for name in ("flow", "step", "answers", "data", "active", "version", "updated_at")
    }
    save_state = (
        _upsert_insert(dialect, conversations_t)
        .values(user_id=bindparam("user_id"), **state_values)
        .on_conflict_do_update(index_elements=["user_id"], set_=state_values)
    )
    seller_values = {name: bindparam(name) for name in _SELLER_FIELDS}
    save_seller = (
        _upsert_insert(dialect, sellers_t)
        .values(**seller_values)
        .on_conflict_do_update(
            index_elements=["user_id"],
            set_={k: v for k, v in seller_values.items() if k not in ("user_id", "registered_at")},
        )
    )
    get_seller = select(sellers_t).where(sellers_t.c.user_id == bindparam("user_id"))
    return {
        "claim": claim,
        "touch": touch,
        "load": load,
        "get_state": get_state,
        "save_state": save_state,
        "save_seller": save_seller,
        "get_seller": get_seller,
    }


@dataclass(frozen=True, slots=True)
class ClaimRecord:
    process: str | None
    replied: bool


@dataclass(slots=True)
class Changes:
    """Sellers (and products, whose seller is looked up later) whose progress a transaction
    moved: their seller_progress rows are refreshed before it commits."""

    sellers: set[int] = field(default_factory=set)
    products: set[int] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.sellers or self.products)


class _Part:
    def __init__(
        self, connection: AsyncConnection, dialect: str, changes: Changes | None = None
    ) -> None:
        self.connection = connection
        self.dialect = dialect
        self.sql = _statements(dialect)
        self.changes = changes if changes is not None else Changes()

    def moved(self, *seller_ids: int) -> None:
        self.changes.sellers.update(int(i) for i in seller_ids)

    def moved_product(self, product_id: int) -> None:
        self.changes.products.add(int(product_id))

    async def run(self, statement: Any, params: dict[str, Any] | None = None) -> Any:
        return await self.connection.execute(statement, params or {})


class Updates(_Part):
    async def claim(self, update_id: int, user_id: int, process: str | None = None) -> bool:
        """Record an update id (and which process handles it); False when it was handled
        before (a redelivery)."""
        result = await self.run(
            self.sql["claim"],
            {"update_id": update_id, "user_id": user_id, "stamp": now(), "process": process},
        )
        return result.first() is not None

    async def claimed(self, update_id: int) -> ClaimRecord | None:
        """Who claimed an update, and whether its replies are known to have gone out."""
        u = updates_t.c
        row = (
            await self.run(select(u.claimed_by, u.replied_at).where(u.update_id == update_id))
        ).first()
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

    async def mark_replied(self, update_ids: Iterable[int]) -> None:
        ids = sorted(set(update_ids))
        if ids:
            await self.run(
                update(updates_t).where(updates_t.c.update_id.in_(ids)).values(replied_at=now())
            )

    async def prune(self, before: datetime) -> int:
        result = await self.run(delete(updates_t).where(updates_t.c.processed_at < before))
        return int(result.rowcount or 0)


def _user_record(user_id: int, row: Any, stamp: datetime | None = None) -> UserRecord:
    created = _aware(row.created_at)
    return UserRecord(
        user_id=user_id,
        locale=row.locale,
        language_code=row.language_code,
        lang_offered=row.lang_offered,
        blocked_at=_aware(row.blocked_at),
        opted_out_at=_aware(row.opted_out_at),
        created_at=created,
        is_new=stamp is not None and created == stamp,
    )


def _lock_keys(user_id: int) -> dict[str, int]:
    """A user id as PostgreSQL's two-int advisory lock key (a key space apart from the
    one-bigint keys, so no user's lock is ever another lock's)."""
    high, low = (user_id >> 32) & 0xFFFFFFFF, user_id & 0xFFFFFFFF
    return {"high": high - (1 << 32) * (high >> 31), "low": low - (1 << 32) * (low >> 31)}


_USER_LOCK = select(
    func.pg_advisory_xact_lock(bindparam("high", type_=Integer), bindparam("low", type_=Integer))
)


class Users(_Part):
    async def serialise(self, user_id: int) -> None:
        """Hold this user's lock until the transaction ends, so that several workers on one
        PostgreSQL handle a user's updates one at a time (SQLite has one writer anyway)."""
        if self.dialect == "postgresql":
            await self.run(_USER_LOCK, _lock_keys(user_id))

    async def load(
        self, user_id: int, language_code: str | None, default_locale: str
    ) -> tuple[UserRecord, ConversationState | None]:
        """The user (created on first contact) and their conversation, in one query."""
        row = (await self.run(self.sql["load"], {"user_id": user_id})).first()
        if row is None:
            return await self.touch(user_id, language_code, default_locale), None
        user = _user_record(user_id, row)
        seen = _aware(row.last_seen_at)
        if seen is None or now() - seen > LAST_SEEN_RESOLUTION:
            await self._set(user_id, last_seen_at=now())
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

    async def touch(
        self, user_id: int, language_code: str | None, default_locale: str
    ) -> UserRecord:
        """Fetch a user, creating them on first contact, in one upsert."""
        stamp = now()
        params = {
            "user_id": user_id,
            "locale": default_locale,
            "language_code": language_code,
            "stamp": stamp,
        }
        row = (await self.run(self.sql["touch"], params)).one()
        return _user_record(user_id, row, stamp)

    async def get(self, user_id: int) -> UserRecord | None:
        row = (await self.run(select(users_t).where(users_t.c.user_id == user_id))).first()
        return _user_record(user_id, row) if row is not None else None

    async def _set(self, user_id: int, **values: Any) -> None:
        await self.run(update(users_t).where(users_t.c.user_id == user_id).values(**values))

    async def set_locale(self, user_id: int, locale: str) -> None:
        await self._set(user_id, locale=locale)

    async def set_opted_out(self, user_id: int, opted_out: bool) -> None:
        await self._set(user_id, opted_out_at=now() if opted_out else None)

    async def mark_lang_offered(self, user_id: int) -> None:
        await self._set(user_id, lang_offered=True)

    async def set_blocked(self, user_id: int, blocked: bool) -> None:
        await self._set(user_id, blocked_at=now() if blocked else None)

    async def delete(self, user_id: int) -> None:
        await self.run(delete(users_t).where(users_t.c.user_id == user_id))


class Sellers(_Part):
    async def get(self, user_id: int) -> SellerRecord | None:
        row = (await self.run(self.sql["get_seller"], {"user_id": user_id})).first()
        return _seller_record(row) if row is not None else None

    async def save(self, record: SellerRecord) -> None:
        """Create or replace a profile in one statement; keeps the first registration time."""
        stamp = now()
        values = asdict(record)
        values["updated_at"] = stamp
        values["registered_at"] = record.registered_at or stamp
        values["consent_at"] = record.consent_at or stamp
        await self.run(self.sql["save_seller"], values)
        self.moved(record.user_id)

    async def delete(self, user_id: int) -> bool:
        result = await self.run(delete(sellers_t).where(sellers_t.c.user_id == user_id))
        self.moved(user_id)
        return bool(result.rowcount)

    async def count(self) -> int:
        return int((await self.run(select(func.count()).select_from(sellers_t))).scalar())

    async def in_districts(
        self, districts: frozenset[str] | None, limit: int, offset: int = 0
    ) -> list[SellerRecord]:
        """Sellers of these districts (None: all), newest registrations first."""
        query = select(sellers_t).order_by(
            sellers_t.c.registered_at.desc(), sellers_t.c.user_id.desc()
        )
        if districts is not None:
            query = query.where(sellers_t.c.district.in_(sorted(districts)))
        rows = await self.run(query.limit(limit).offset(offset))
        return [_seller_record(r) for r in rows]


def _seller_record(row: Any) -> SellerRecord:
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
        rows = await self.run(
            select(coordinators_t.c.district).where(coordinators_t.c.user_id == user_id)
        )
        return frozenset(rows.scalars())

    async def add(self, user_id: int, districts: Iterable[str], added_by: int) -> None:
        stamp = now()
        rows = [
            {"user_id": user_id, "district": d, "added_by": added_by, "added_at": stamp}
            for d in districts
        ]
        if rows:
            statement = _upsert_insert(self.dialect, coordinators_t).on_conflict_do_nothing(
                index_elements=["user_id", "district"]
            )
            await self.connection.execute(statement, rows)


class Conversations(_Part):
    async def get(self, user_id: int) -> ConversationState | None:
        row = (await self.run(self.sql["get_state"], {"user_id": user_id})).first()
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
        await self.run(
            self.sql["save_state"],
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


class Audit(_Part):
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
            AuditRecord(r.actor_id, r.subject_id, r.action, r.detail, _aware(r.at) or now())
            for r in rows
        ]

    async def about(self, subject_id: int) -> list[AuditRecord]:
        rows = await self.run(
            select(audit_t).where(audit_t.c.subject_id == subject_id).order_by(audit_t.c.id)
        )
        return [
            AuditRecord(r.actor_id, r.subject_id, r.action, r.detail, _aware(r.at) or now())
            for r in rows
        ]


def _photo_record(row: Any) -> PhotoRecord:
    return PhotoRecord(
        id=row.id,
        product_id=row.product_id,
        position=row.position,
        content_hash=row.content_hash,
        path=row.path,
        width=row.width,
        height=row.height,
        problems=tuple(p for p in row.problems.split(",") if p),
    )


def _product_record(row: Any) -> ProductRecord:
    return ProductRecord(
        id=row.id,
        seller_id=row.seller_id,
        sku=row.sku or "",
        status=row.status,
        district=row.district,
        answers=dict(row.answers or {}),
        listing=dict(row.listing) if row.listing else None,
        created_at=_aware(row.created_at),
        updated_at=_aware(row.updated_at),
    )


class _Prefixed:
    """Attribute access to the columns of a row that carry a prefix (a joined table's)."""

    def __init__(self, mapping: Any, prefix: str) -> None:
        self._mapping, self._prefix = mapping, prefix

    def __getattr__(self, name: str) -> Any:
        return self._mapping[self._prefix + name]


def sku_for(product_id: int, district: str | None) -> str:
    """A stable, readable SKU: ES-<district>-<number> (Amazon allows up to 40 characters)."""
    return f"ES-{district or 'WB'}-{product_id:06d}"


class Products(_Part):
    async def create(self, seller_id: int, district: str | None, answers: dict[str, Any]) -> int:
        stamp = now()
        result = await self.run(
            insert(products_t)
            .values(
                seller_id=seller_id,
                status="draft",
                district=district,
                answers=answers,
                created_at=stamp,
                updated_at=stamp,
            )
            .returning(products_t.c.id)
        )
        product_id = int(result.scalar_one())
        await self.run(
            update(products_t)
            .where(products_t.c.id == product_id)
            .values(sku=sku_for(product_id, district))
        )
        self.moved(seller_id)
        return product_id

    async def get(self, product_id: int) -> ProductRecord | None:
        row = (await self.run(select(products_t).where(products_t.c.id == product_id))).first()
        if row is None:
            return None
        record = _product_record(row)
        record.photos = await self.photos(product_id)
        return record

    async def of_seller(self, seller_id: int) -> list[ProductRecord]:
        """A seller's products, newest first, each with its photos (two queries in all)."""
        rows = await self.run(
            select(products_t)
            .where(products_t.c.seller_id == seller_id)
            .order_by(products_t.c.id.desc())
        )
        products = [_product_record(r) for r in rows]
        if products:
            by_id = {p.id: p for p in products}
            photo_rows = await self.run(
                select(photos_t)
                .where(photos_t.c.product_id.in_(by_id))
                .order_by(photos_t.c.product_id, photos_t.c.position)
            )
            for r in photo_rows:
                by_id[r.product_id].photos.append(_photo_record(r))
        return products

    async def save_answers(self, product_id: int, answers: dict[str, Any]) -> None:
        craft = answers.get("what") or {}
        await self.run(
            update(products_t)
            .where(products_t.c.id == product_id)
            .values(
                answers=answers,
                craft_id=craft.get("id") if isinstance(craft, dict) else None,
                price_inr=answers.get("price"),
                stock=answers.get("stock"),
                updated_at=now(),
            )
        )
        self.moved_product(product_id)

    async def set_listing(self, product_id: int, listing: dict[str, Any], status: str) -> None:
        await self.run(
            update(products_t)
            .where(products_t.c.id == product_id)
            .values(listing=listing, status=status, updated_at=now())
        )
        self.moved_product(product_id)

    async def delete(self, product_id: int) -> list[str]:
        """Delete a product; returns the photo files nobody else's product uses."""
        owner = await self.run(select(products_t.c.seller_id).where(products_t.c.id == product_id))
        self.moved(*owner.scalars())
        rows = await self.run(select(photos_t.c.path).where(photos_t.c.product_id == product_id))
        paths = {r.path for r in rows}
        await self.run(delete(photos_t).where(photos_t.c.product_id == product_id))
        await self.run(delete(products_t).where(products_t.c.id == product_id))
        return await self.unused(paths)

    async def delete_of_seller(self, seller_id: int) -> list[str]:
        """Erase a seller's products; returns the photo files nobody else's product uses."""
        ids = select(products_t.c.id).where(products_t.c.seller_id == seller_id)
        rows = await self.run(select(photos_t.c.path).where(photos_t.c.product_id.in_(ids)))
        paths = {r.path for r in rows}
        await self.run(delete(photos_t).where(photos_t.c.product_id.in_(ids)))
        await self.run(delete(products_t).where(products_t.c.seller_id == seller_id))
        self.moved(seller_id)
        return await self.unused(paths)

    async def unused(self, paths: Iterable[str]) -> list[str]:
        """Those of these photo files that no product refers to any more."""
        wanted = set(paths)
        if not wanted:
            return []
        rows = await self.run(select(photos_t.c.path).where(photos_t.c.path.in_(sorted(wanted))))
        return sorted(wanted - {r.path for r in rows})

    async def photos(self, product_id: int) -> list[PhotoRecord]:
        rows = await self.run(
            select(photos_t)
            .where(photos_t.c.product_id == product_id)
            .order_by(photos_t.c.position)
        )
        return [_photo_record(r) for r in rows]

    async def add_photo(
        self,
        product_id: int,
        content_hash: str,
        path: str,
        width: int,
        height: int,
        problems: tuple[str, ...],
    ) -> bool:
        """Append a photo; False when this very photo is already on the product."""
        position = (
            await self.run(
                select(func.coalesce(func.max(photos_t.c.position) + 1, 0)).where(
                    photos_t.c.product_id == product_id
                )
            )
        ).scalar_one()
        result = await self.run(
            _upsert_insert(self.dialect, photos_t)
            .values(
                product_id=product_id,
                position=position,
                content_hash=content_hash,
                path=path,
                width=width,
                height=height,
                problems=",".join(problems),
                created_at=now(),
            )
            .on_conflict_do_nothing(index_elements=["product_id", "content_hash"])
            .returning(photos_t.c.id)
        )
        self.moved_product(product_id)
        return result.first() is not None

    async def remove_photo(self, product_id: int, photo_id: int) -> bool:
        result = await self.run(
            delete(photos_t).where(photos_t.c.product_id == product_id, photos_t.c.id == photo_id)
        )
        if not result.rowcount:
            return False
        self.moved_product(product_id)
        remaining = await self.photos(product_id)
        for position, photo in enumerate(remaining):  # keep positions 0..n-1: 0 is the main
            if photo.position != position:
                await self.run(
                    update(photos_t).where(photos_t.c.id == photo.id).values(position=position)
                )
        return True

    async def ready_for_export(
        self, districts: frozenset[str] | None, batch: int = 500
    ) -> AsyncIterator[list[tuple[ProductRecord, SellerRecord]]]:
        """Ready products (with photos and their seller) of some districts (None: all), in
        batches by id so that memory stays flat however many there are."""
        after = 0
        while True:
            query = (
                select(products_t, *[sellers_t.c[c].label(f"s_{c}") for c in _SELLER_FIELDS])
                .join(sellers_t, sellers_t.c.user_id == products_t.c.seller_id)
                .where(products_t.c.status == "ready", products_t.c.id > after)
                .order_by(products_t.c.id)
                .limit(batch)
            )
            if districts is not None:
                query = query.where(sellers_t.c.district.in_(sorted(districts)))
            rows = (await self.run(query)).all()
            if not rows:
                return
            products = {r.id: _product_record(r) for r in rows}
            sellers = {r.id: _seller_record(_Prefixed(r._mapping, "s_")) for r in rows}
            photo_rows = await self.run(
                select(photos_t)
                .where(photos_t.c.product_id.in_(products))
                .order_by(photos_t.c.product_id, photos_t.c.position)
            )
            for r in photo_rows:
                products[r.product_id].photos.append(_photo_record(r))
            yield [(products[pid], sellers[pid]) for pid in products]
            after = rows[-1].id

    async def make_main(self, product_id: int, photo_id: int) -> None:
        self.moved_product(product_id)
        photos = await self.photos(product_id)
        ordered = sorted(photos, key=lambda p: (p.id != photo_id, p.position))
        for position, photo in enumerate(ordered):
            await self.run(
                update(photos_t).where(photos_t.c.id == photo.id).values(position=position)
            )


def _check_record(row: Any) -> CheckRecord:
    return CheckRecord(
        id=row.id,
        seller_id=row.seller_id,
        product_id=row.product_id,
        description=row.description,
        destination=row.destination,
        status=row.status,
        findings=list(row.findings or []),
        answers=dict(row.answers or {}),
        rules_version=row.rules_version,
        checked_at=_aware(row.checked_at) or now(),
    )


class Checks(_Part):
    async def save(
        self,
        seller_id: int,
        product_id: int | None,
        description: str | None,
        destination: str | None,
        status: str,
        findings: list[Any],
        answers: dict[str, Any],
        rules_version: str,
    ) -> int:
        result = await self.run(
            insert(checks_t)
            .values(
                seller_id=seller_id,
                product_id=product_id,
                description=description,
                destination=destination,
                status=status,
                findings=findings,
                answers=answers,
                rules_version=rules_version,
                checked_at=now(),
            )
            .returning(checks_t.c.id)
        )
        self.moved(seller_id)
        return int(result.scalar_one())

    async def latest_of_seller(self, seller_id: int) -> CheckRecord | None:
        row = (
            await self.run(
                select(checks_t)
                .where(checks_t.c.seller_id == seller_id)
                .order_by(checks_t.c.checked_at.desc(), checks_t.c.id.desc())
                .limit(1)
            )
        ).first()
        return _check_record(row) if row is not None else None

    async def latest_by_product(self, seller_id: int) -> dict[int, CheckRecord]:
        """The newest check of each of a seller's products."""
        rows = await self.run(
            select(checks_t)
            .where(checks_t.c.seller_id == seller_id, checks_t.c.product_id.is_not(None))
            .order_by(checks_t.c.checked_at, checks_t.c.id)
        )
        return {r.product_id: _check_record(r) for r in rows}

    async def latest_for_sellers(self, seller_ids: Iterable[int]) -> dict[int, CheckRecord]:
        """The newest check of each of these sellers, in one query."""
        ids = sorted(set(seller_ids))
        if not ids:
            return {}
        newest = (
            select(checks_t.c.seller_id, func.max(checks_t.c.id).label("id"))
            .where(checks_t.c.seller_id.in_(ids))
            .group_by(checks_t.c.seller_id)
            .subquery()
        )
        rows = await self.run(select(checks_t).join(newest, newest.c.id == checks_t.c.id))
        return {r.seller_id: _check_record(r) for r in rows}

    async def delete_of_seller(self, seller_id: int) -> None:
        await self.run(delete(checks_t).where(checks_t.c.seller_id == seller_id))
        self.moved(seller_id)
