"""Coordinator reports: the funnel, each seller's stage, look-ups and admin lists.

Each seller's progress (products, good photo, listing, latest check, training, orders, stage,
where stuck and since when) is one row of seller_progress, recomputed from the data in the
transaction of every write that moves the seller (``Repo.settle`` → ``Reports.refresh``). The
reports are then one or two indexed statements over that table, never a query per seller and
never a scan of all products and photos, so they stay fast with 100,000 sellers. Trainings
and orders are read through their table names and the few columns below only, so this module
depends on neither their repositories nor their models.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    and_,
    case,
    delete,
    func,
    insert,
    literal,
    literal_column,
    null,
    or_,
    select,
    text,
    true,
    union_all,
)

from storage.base import Changes, Part, aware, upsert
from storage.models import (
    attendance_t,
    checks_t,
    conversations_t,
    orders_t,
    photos_t,
    products_t,
    progress_t,
    rsvps_t,
    sellers_t,
    training_districts_t,
    trainings_t,
)

# Where a registered seller stands, in funnel order: the first step not done yet.
STAGES = (
    "registered_only",  # no product
    "no_good_photo",  # products, but no main photo without problems
    "listing_not_ready",  # a good photo, but no listing confirmed (all drafts)
    "not_checked",  # a ready listing, no export check yet
    "blocked",  # latest export check: not allowed
    "steps",  # latest export check: allowed after some steps
    "ready",  # latest export check: ready to export
)
# Where someone is stuck, for /pending and nudges (registration unfinished comes first).
PENDING = ("reg", "product", "photo", "draft", "check", "training")
# The funnel's measures, in order: sellers counted once per measure they meet.
MEASURES = (
    "registered",
    "products",
    "photos",
    "ready",
    "checked",
    "v_ready",
    "v_steps",
    "v_blocked",
    "invited",
    "attended",
    "orders",
)

OPEN_ORDER = "open"
REFRESH_CHUNK = 500
# Inline constants, not parameters: the planners then use the partial index of these photos.
GOOD_MAIN = and_(
    photos_t.c.position == literal_column("0"), photos_t.c.problems == literal_column("''")
)


@dataclass(frozen=True, slots=True)
class SellerRow:
    """One seller in a list or the export: who, where, how far."""

    user_id: int
    name: str
    district: str
    phone: str
    stage: str
    registered_at: datetime | None
    products: int = 0
    ready: int = 0
    verdict: str | None = None
    craft_id: str | None = None
    craft_text: str | None = None


@dataclass(frozen=True, slots=True)
class PendingRow:
    """Someone stuck at a stage since a moment; ``total`` is how many share the stage."""

    user_id: int
    name: str | None
    district: str | None
    stage: str
    since: datetime | None
    total: int


@dataclass(frozen=True, slots=True)
class TrainingLine:
    title: str
    starts_at: datetime | None
    answer: str | None
    attended: bool


@dataclass(frozen=True, slots=True)
class UpcomingTraining:
    id: int
    title: str
    starts_at: datetime | None
    districts: frozenset[str]


def _flag(condition: Any) -> Any:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _only(user_id: Any, only: Sequence[int] | None) -> Any:
    """A condition keeping a per-seller subquery to these sellers (True: everyone)."""
    return user_id.in_(only) if only is not None else true()


def _member(user_id: Any, members: Any) -> Any:
    return case((user_id.in_(members), 1), else_=0)


def _flags(only: Sequence[int] | None) -> Any:
    """Per seller, computed from the data (a materialised CTE): what they have done and when.

    Joined subqueries are single-table aggregates and membership tests are IN (…): both
    planners then build one hash or index per subquery instead of rescanning it per seller.
    """
    s, p, ph, c = sellers_t.c, products_t.c, photos_t.c, checks_t.c
    progress = (
        select(
            p.seller_id.label("seller_id"),
            func.count().label("products"),
            _flag(p.status == "ready").label("ready"),
            func.max(p.updated_at).label("touched"),
        )
        .where(_only(p.seller_id, only))
        .group_by(p.seller_id)
        .subquery("progress")
    )
    newest = (
        select(c.seller_id, func.max(c.id).label("id"))
        .where(_only(c.seller_id, only))
        .group_by(c.seller_id)
        .subquery("newest")
    )
    good = (
        select(p.seller_id)
        .select_from(photos_t.join(products_t, p.id == ph.product_id))
        .where(GOOD_MAIN, _only(p.seller_id, only))
    )
    attended = select(attendance_t.c.user_id).where(_only(attendance_t.c.user_id, only))
    answered = select(rsvps_t.c.user_id).where(_only(rsvps_t.c.user_id, only))
    said_yes = answered.where(rsvps_t.c.answer == literal_column("'yes'"))
    ordered = select(orders_t.c.seller_id).where(_only(orders_t.c.seller_id, only))
    latest = checks_t.alias("latest")
    query = select(
        s.user_id,
        s.district,
        s.registered_at,
        func.coalesce(progress.c.products, 0).label("products"),
        func.coalesce(progress.c.ready, 0).label("ready"),
        progress.c.touched,
        # Membership is only tested where it can matter (fewer probes per seller).
        case((progress.c.seller_id.is_(None), 0), (s.user_id.in_(good), 1), else_=0).label("good"),
        latest.c.status.label("verdict"),
        latest.c.checked_at,
        case((s.user_id.in_(attended), 1), (s.user_id.in_(said_yes), 1), else_=0).label("trained"),
        _member(s.user_id, answered).label("answered"),
        _member(s.user_id, attended).label("attended"),
        _member(s.user_id, ordered).label("orders"),
    ).select_from(
        sellers_t.outerjoin(progress, progress.c.seller_id == s.user_id)
        .outerjoin(newest, newest.c.seller_id == s.user_id)
        .outerjoin(latest, latest.c.id == newest.c.id)
    )
    if only is not None:
        query = query.where(s.user_id.in_(only))
    return query.cte("flags").prefix_with("MATERIALIZED")


def _computed(only: Sequence[int] | None) -> Any:
    """Every seller_progress column computed from the data: the stage (the first step not
    done), the pending stage (where they are stuck) and since when."""
    f = _flags(only).c
    stage = case(
        (f.products == 0, "registered_only"),
        (f.good == 0, "no_good_photo"),
        (f.ready == 0, "listing_not_ready"),
        (f.verdict.is_(None), "not_checked"),
        (f.verdict == "blocked", "blocked"),
        (f.verdict == "ready", "ready"),
        else_="steps",
    )
    pending = case(
        (f.products == 0, "product"),
        (f.good == 0, "photo"),
        (f.ready == 0, "draft"),
        (f.verdict.is_(None), "check"),
        (and_(f.verdict != "blocked", f.trained == 0), "training"),
        else_=None,
    )
    since = case(
        (f.products == 0, f.registered_at),
        (f.verdict.is_(None), f.touched),
        else_=f.checked_at,
    )
    return select(
        *(f[name] for name in _FLAG_COLUMNS),
        stage.label("stage"),
        pending.label("pending"),
        since.label("since"),
    )


_FLAG_COLUMNS = (
    "user_id",
    "district",
    "registered_at",
    "products",
    "ready",
    "good",
    "verdict",
    "checked_at",
    "touched",
    "trained",
    "answered",
    "attended",
    "orders",
)
PROGRESS_COLUMNS = (*_FLAG_COLUMNS, "stage", "pending", "since")
_STAMPS = ("registered_at", "checked_at", "touched", "since")


def _wide(where: Sequence[Any]) -> Any:
    """Progress rows with the lists' seller columns (name, phone, craft)."""
    g, s = progress_t.c, sellers_t.c
    return (
        select(
            g.user_id,
            g.district,
            g.registered_at,
            g.products,
            g.ready,
            g.verdict,
            g.stage,
            s.name,
            s.phone,
            s.craft_id,
            s.craft_text,
        )
        .join_from(progress_t, sellers_t, s.user_id == g.user_id)
        .where(*where)
    )


def _scoped(column: Any, districts: frozenset[str] | None) -> list[Any]:
    return [column.in_(sorted(districts))] if districts is not None else []


def _seller_row(r: Any) -> SellerRow:
    return SellerRow(
        user_id=int(r.user_id),
        name=r.name,
        district=r.district,
        phone=r.phone,
        stage=r.stage,
        registered_at=aware(r.registered_at),
        products=int(r.products or 0),
        ready=int(r.ready or 0),
        verdict=r.verdict,
        craft_id=r.craft_id,
        craft_text=r.craft_text,
    )


def _unfinished(districts: frozenset[str] | None) -> Any:
    """Registrations begun and not finished: a 'reg' conversation and no seller row."""
    c = conversations_t.c
    district = c.answers["district"].as_string()
    query = (
        select(
            c.user_id,
            c.answers["name"].as_string().label("name"),
            district.label("district"),
            literal("reg").label("stage"),
            c.updated_at.label("since"),
        )
        .select_from(conversations_t.outerjoin(sellers_t, sellers_t.c.user_id == c.user_id))
        .where(c.flow == "reg", sellers_t.c.user_id.is_(None))
    )
    if districts is not None:
        query = query.where(district.in_(sorted(districts)))
    return query


class Reports(Part):
    # --- keeping seller_progress up to date ----------------------------------------------------

    async def refresh(self, changes: Changes) -> None:
        """Recompute the progress rows of the sellers a transaction moved (and drop those of
        sellers who are gone): a few indexed statements per 500 sellers."""
        ids = set(changes.sellers)
        if changes.products:
            owners = select(products_t.c.seller_id).where(
                products_t.c.id.in_(sorted(changes.products))
            )
            ids.update(int(i) for i in (await self.run(owners)).scalars())
        ordered = sorted(ids)
        for start in range(0, len(ordered), REFRESH_CHUNK):
            chunk = ordered[start : start + REFRESH_CHUNK]
            if self.dialect == "postgresql":
                # Another transaction may be moving the same sellers (a coordinator marking
                # attendance while the seller adds a product): lock their rows, in order, so
                # that each computes from the other's committed data and neither overwrites.
                await self.run(
                    select(sellers_t.c.user_id)
                    .where(sellers_t.c.user_id.in_(chunk))
                    .order_by(sellers_t.c.user_id)
                    .with_for_update()
                )
            rows = [dict(r._mapping) for r in await self.run(_computed(chunk))]
            found = {row["user_id"] for row in rows}
            gone = [i for i in chunk if i not in found]
            if gone:
                await self.run(delete(progress_t).where(progress_t.c.user_id.in_(gone)))
            if rows:
                for row in rows:
                    for name in _STAMPS:
                        row[name] = _datetime(row[name])
                statement = upsert(self.dialect, progress_t)
                await self.run(
                    statement.on_conflict_do_update(
                        index_elements=["user_id"],
                        set_={c: statement.excluded[c] for c in PROGRESS_COLUMNS if c != "user_id"},
                    ),
                    rows,
                )

    async def rebuild(self) -> int:
        """Recompute every seller's progress (after the migration that adds the table, or
        if rows went missing): one INSERT … SELECT."""
        await self._roomy()
        await self.run(delete(progress_t))
        await self.run(insert(progress_t).from_select(list(PROGRESS_COLUMNS), _computed(None)))
        return int((await self.run(select(func.count()).select_from(progress_t))).scalar_one())

    async def heal(self) -> bool:
        """Rebuild when some seller has no progress row (the table is new, or was emptied);
        True when it did. Two index-only counts otherwise."""
        # One statement, one snapshot: a registration committing meanwhile counts in both.
        counts = select(
            select(func.count()).select_from(sellers_t).scalar_subquery(),
            select(func.count()).select_from(progress_t).scalar_subquery(),
        )
        sellers, rows = (await self.run(counts)).one()
        if sellers == rows:
            return False
        await self.rebuild()
        return True

    # --- /stats ----------------------------------------------------------------------------

    async def funnel(self, districts: frozenset[str] | None) -> dict[str, dict[str, int]]:
        """{district: {measure: sellers}} for MEASURES, in one GROUP BY over seller_progress."""
        g = progress_t.c
        # Invitations go to a district's sellers: whoever registered before a training of
        # their district started had it open to them (and whoever answered one was invited).
        last = (
            select(
                training_districts_t.c.district,
                func.max(trainings_t.c.starts_at).label("last"),
            )
            .select_from(
                training_districts_t.join(
                    trainings_t, trainings_t.c.id == training_districts_t.c.training_id
                )
            )
            .where(trainings_t.c.cancelled_at.is_(None))
            .group_by(training_districts_t.c.district)
            .subquery("last_training")
        )
        measures = {
            "registered": true(),
            "products": g.products > 0,
            "photos": g.good == 1,
            "ready": g.ready > 0,
            "checked": g.verdict.is_not(None),
            "v_ready": g.verdict == "ready",
            "v_steps": g.verdict == "steps",
            "v_blocked": g.verdict == "blocked",
            "invited": or_(g.answered == 1, g.registered_at <= last.c.last),
            "attended": g.attended == 1,
            "orders": g.orders == 1,
        }
        rows = await self.run(
            select(g.district, *(_flag(condition).label(m) for m, condition in measures.items()))
            .select_from(progress_t.outerjoin(last, last.c.district == g.district))
            .where(*_scoped(g.district, districts))
            .group_by(g.district)
        )
        return {r.district: {m: int(r._mapping[m]) for m in MEASURES} for r in rows}

    async def _roomy(self) -> None:
        """The rebuild hashes a few hundred thousand rows: give PostgreSQL the memory to do
        it without spilling to disk, for this transaction only."""
        if self.dialect == "postgresql":
            await self.run(text("SET LOCAL work_mem = '64MB'"))

    # --- /sellers and the export -------------------------------------------------------------

    async def sellers_page(
        self, districts: frozenset[str] | None, stage: str | None, limit: int, offset: int
    ) -> tuple[int, list[SellerRow]]:
        """How many sellers match, and one page of them, newest registrations first."""
        g = progress_t.c
        where = _scoped(g.district, districts)
        if stage is not None:
            where.append(g.stage == stage)
        count = select(func.count()).select_from(progress_t).where(*where)
        total = int((await self.run(count)).scalar_one())
        rows = await self.run(
            _wide(where)
            .order_by(g.registered_at.desc(), g.user_id.desc())
            .limit(limit)
            .offset(offset)
        )
        return total, [_seller_row(r) for r in rows]

    async def all_sellers(self, districts: frozenset[str] | None) -> list[SellerRow]:
        """Every seller of these districts with their stage, by district and name."""
        g, s = progress_t.c, sellers_t.c
        rows = await self.run(
            _wide(_scoped(g.district, districts)).order_by(g.district, s.name, g.user_id)
        )
        return [_seller_row(r) for r in rows]

    async def stage_of(self, user_id: int) -> tuple[str | None, str | None]:
        """One seller's (stage, pending stage), computed from the data (this transaction may
        have moved them); (None, None) when they are not registered."""
        row = (await self.run(_computed([user_id]))).first()
        if row is None:
            return None, None
        return row.stage, row.pending

    # --- /pending ----------------------------------------------------------------------------

    async def pending(
        self,
        districts: frozenset[str] | None,
        per_stage: int,
        stage: str | None = None,
        offset: int = 0,
    ) -> list[PendingRow]:
        """Per pending stage the ``per_stage`` stuck longest (after ``offset``), each row with
        the stage's total; one stage only when ``stage`` is given."""
        found: list[PendingRow] = []
        if stage in (None, "reg"):
            found += await self._ranked(_unfinished(districts), per_stage, offset)
        if stage != "reg":
            found += await self._stuck_sellers(districts, per_stage, stage, offset)
        return found

    async def _stuck_sellers(
        self, districts: frozenset[str] | None, per_stage: int, stage: str | None, offset: int
    ) -> list[PendingRow]:
        """One statement: the count of each stage and, per stage, the longest stuck (each an
        index range on (district, pending, since))."""
        g, s = progress_t.c, sellers_t.c
        scope = _scoped(g.district, districts)
        stages = [stage] if stage is not None else [p for p in PENDING if p != "reg"]
        counts = (
            select(
                null().label("user_id"),
                null().label("district"),
                g.pending.label("stage"),
                null().label("since"),
                func.count().label("total"),
            )
            .where(g.pending.in_(stages), *scope)
            .group_by(g.pending)
        )
        tops = [
            select(
                g.user_id,
                g.district,
                g.pending.label("stage"),
                g.since,
                literal(0).label("total"),
            )
            .where(g.pending == name, *scope)
            .order_by(g.since, g.user_id)
            .limit(per_stage)
            .offset(offset)
            .subquery(f"top_{name}")
            for name in stages
        ]
        rows = (await self.run(union_all(counts, *(select(t) for t in tops)))).all()
        totals = {r.stage: int(r.total) for r in rows if r.user_id is None}
        picked = [r for r in rows if r.user_id is not None]
        names: dict[int, str] = {}
        if picked:
            ids = sorted({int(r.user_id) for r in picked})
            named = await self.run(select(s.user_id, s.name).where(s.user_id.in_(ids)))
            names = {int(uid): str(name) for uid, name in named}
        picked.sort(
            key=lambda r: (PENDING.index(r.stage), aware(_datetime(r.since)) or _EPOCH, r.user_id)
        )
        return [
            PendingRow(
                user_id=int(r.user_id),
                name=names.get(int(r.user_id)),
                district=r.district,
                stage=r.stage,
                since=aware(_datetime(r.since)),
                total=totals.get(r.stage, 0),
            )
            for r in picked
        ]

    async def _ranked(self, inner: Any, per_stage: int, offset: int) -> list[PendingRow]:
        """Registrations begun: few rows, ranked within the stage by how long (oldest first)."""
        sub = inner.subquery("stuck")
        ranked = select(
            sub,
            func.row_number()
            .over(partition_by=sub.c.stage, order_by=(sub.c.since, sub.c.user_id))
            .label("rn"),
            func.count().over(partition_by=sub.c.stage).label("total"),
        ).subquery("ranked")
        r = ranked.c
        rows = await self.run(
            select(ranked).where(r.rn > offset, r.rn <= offset + per_stage).order_by(r.rn)
        )
        return [
            PendingRow(
                user_id=int(row.user_id),
                name=row.name,
                district=row.district,
                stage=row.stage,
                since=aware(_datetime(row.since)),
                total=int(row.total),
            )
            for row in rows
        ]

    async def unfinished_registration(self, user_id: int) -> tuple[bool, str | None, str | None]:
        """(unfinished?, name so far, district so far) of someone's registration."""
        query = _unfinished(None).where(conversations_t.c.user_id == user_id)
        row = (await self.run(query)).first()
        if row is None:
            return False, None, None
        return True, row.name, row.district

    async def newly_stuck(self, start: datetime, end: datetime) -> dict[str, int]:
        """{district: sellers} whose current pending stage began in [start, end)."""
        g = progress_t.c
        rows = await self.run(
            select(g.district, func.count())
            .where(g.pending.is_not(None), g.since >= start, g.since < end)
            .group_by(g.district)
        )
        return {district: int(n) for district, n in rows}

    # --- /seller -----------------------------------------------------------------------------

    async def find_by_phone(self, phone: str) -> list[int]:
        rows = await self.run(select(sellers_t.c.user_id).where(sellers_t.c.phone == phone))
        return [int(i) for i in rows.scalars()]

    async def find_by_name(
        self, part: str, districts: frozenset[str] | None, limit: int
    ) -> list[tuple[int, str, str]]:
        """(user id, name, district) of sellers whose name or business contains ``part``."""
        s = sellers_t.c
        needle = part.lower()
        query = (
            select(s.user_id, s.name, s.district)
            .where(
                or_(
                    func.lower(s.name).contains(needle, autoescape=True),
                    func.lower(func.coalesce(s.business_name, "")).contains(
                        needle, autoescape=True
                    ),
                )
            )
            .order_by(s.name, s.user_id)
            .limit(limit)
        )
        if districts is not None:
            query = query.where(s.district.in_(sorted(districts)))
        return [(int(i), str(n), str(d)) for i, n, d in await self.run(query)]

    async def trainings_of(self, user_id: int, limit: int) -> list[TrainingLine]:
        """A seller's trainings they answered or attended, newest first."""
        t, r, a = trainings_t.c, rsvps_t.c, attendance_t.c
        rows = await self.run(
            select(t.title, t.starts_at, r.answer, a.user_id.label("came"))
            .select_from(
                trainings_t.outerjoin(
                    rsvps_t, and_(r.training_id == t.id, r.user_id == user_id)
                ).outerjoin(attendance_t, and_(a.training_id == t.id, a.user_id == user_id))
            )
            .where(or_(r.user_id.is_not(None), a.user_id.is_not(None)))
            .order_by(t.starts_at.desc(), t.id.desc())
            .limit(limit)
        )
        return [
            TrainingLine(row.title, aware(row.starts_at), row.answer, row.came is not None)
            for row in rows
        ]

    async def orders_of(self, user_id: int, today: date) -> tuple[int, int]:
        """(open, overdue) orders of a seller; ``today`` is the local date."""
        o = orders_t.c
        row = (
            await self.run(
                select(
                    func.count(),
                    _flag(and_(o.ship_by.is_not(None), o.ship_by < today)),
                ).where(o.seller_id == user_id, o.status == OPEN_ORDER)
            )
        ).one()
        return int(row[0]), int(row[1])

    # --- the daily digest --------------------------------------------------------------------

    async def registrations_since(self, since: datetime) -> dict[str, int]:
        s = sellers_t.c
        rows = await self.run(
            select(s.district, func.count()).where(s.registered_at >= since).group_by(s.district)
        )
        return {district: int(n) for district, n in rows}

    async def overdue_orders(self, today: date) -> dict[str, int]:
        """{district: open orders whose ship-by day has passed}."""
        o, s = orders_t.c, sellers_t.c
        rows = await self.run(
            select(s.district, func.count())
            .select_from(orders_t.join(sellers_t, s.user_id == o.seller_id))
            .where(o.status == OPEN_ORDER, o.ship_by < today)
            .group_by(s.district)
        )
        return {district: int(n) for district, n in rows}

    async def trainings_between(self, start: datetime, end: datetime) -> list[UpcomingTraining]:
        t, d = trainings_t.c, training_districts_t.c
        rows = await self.run(
            select(t.id, t.title, t.starts_at, d.district)
            .select_from(trainings_t.join(training_districts_t, d.training_id == t.id))
            .where(t.starts_at >= start, t.starts_at < end, t.cancelled_at.is_(None))
            .order_by(t.starts_at, t.id)
        )
        found: dict[int, tuple[str, datetime | None, set[str]]] = {}
        for r in rows:
            found.setdefault(r.id, (r.title, aware(r.starts_at), set()))[2].add(r.district)
        return [
            UpcomingTraining(i, title, when, frozenset(ds))
            for i, (title, when, ds) in found.items()
        ]

    # --- coordinators and the audit log --------------------------------------------------------


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _datetime(value: Any) -> datetime | None:
    """A timestamp out of a CASE or a window subquery (SQLite may hand back its text)."""
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))
