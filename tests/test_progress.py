"""seller_progress is kept up to date by the writes themselves: after every kind of write that
moves a seller, the stored rows equal the rows computed from the data."""

from __future__ import annotations

import ast
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Table, delete, insert, select, update
from sqlalchemy.sql.visitors import iterate

from storage.base import TRACKED
from storage.db import Database
from storage.models import orders_t, products_t, rsvps_t, trainings_t
from storage.records import SellerRecord
from storage.reports import PROGRESS_COLUMNS, _computed, _datetime, progress_t
from storage.unit import Repo

Write = Callable[[Repo], Awaitable[Any]]


def _row(mapping: Any) -> tuple[Any, ...]:
    values = dict(mapping)
    for name in ("registered_at", "checked_at", "touched", "since"):
        stamp = _datetime(values[name])
        values[name] = stamp.replace(tzinfo=None) if stamp else None
    return tuple(values[c] for c in PROGRESS_COLUMNS)


async def _stored_and_computed(db: Database) -> tuple[list[tuple[Any, ...]], list[Any]]:
    async with db.transaction() as repo:
        stored = [_row(r._mapping) for r in await repo.connection.execute(select(progress_t))]
        computed = [_row(r._mapping) for r in await repo.connection.execute(_computed(None))]
    return sorted(stored), sorted(computed)


async def _write(db: Database, action: Write) -> Any:
    async with db.transaction() as repo:
        return await action(repo)


async def test_every_write_keeps_progress_in_step(db: Database) -> None:
    ids: dict[str, int] = {}

    async def register(repo: Repo) -> None:
        for uid, district in ((11, "BNK"), (12, "HWH")):
            await repo.sellers.save(
                SellerRecord(user_id=uid, name=f"S{uid}", district=district, phone="+919830012345")
            )

    async def product(repo: Repo) -> None:
        ids["p"] = await repo.products.create(11, "BNK", {"name": "kantha"})

    async def photo(repo: Repo) -> None:
        await repo.products.add_photo(ids["p"], "hash-a", "a.jpg", 1200, 1200, ())

    async def dark_photo(repo: Repo) -> None:
        await repo.products.add_photo(ids["p"], "hash-b", "b.jpg", 1200, 1200, ("dark",))

    async def dark_main(repo: Repo) -> None:
        photos = await repo.products.photos(ids["p"])
        await repo.products.make_main(ids["p"], photos[-1].id)

    async def good_main_again(repo: Repo) -> None:
        photos = await repo.products.photos(ids["p"])
        await repo.products.remove_photo(ids["p"], photos[0].id)

    async def listing(repo: Repo) -> None:
        await repo.products.save_answers(ids["p"], {"name": "kantha", "price": 900})
        await repo.products.set_listing(ids["p"], {"title": "Kantha"}, "ready")

    async def check(repo: Repo) -> None:
        await repo.checks.save(11, ids["p"], None, "US", "steps", [], {}, "v1")

    async def training(repo: Repo) -> None:
        ids["t"] = await repo.trainings.create(
            title="Photos",
            place="Bankura",
            starts_at=datetime.now(UTC) + timedelta(days=2),
            capacity=None,
            created_by=900001,
            districts=["BNK"],
            invited=1,
        )
        await repo.trainings.answer(ids["t"], 11, "yes")

    async def attend(repo: Repo) -> None:
        await repo.trainings.toggle_attendance(ids["t"], 11, 900001)

    async def order(repo: Repo) -> None:
        await repo.orders.create(11, "ES-BNK-000001", 1, None, 900001)

    async def second_seller_product_then_delete(repo: Repo) -> None:
        other = await repo.products.create(12, "HWH", {})
        await repo.products.delete(other)

    async def move_district(repo: Repo) -> None:
        await repo.sellers.save(
            SellerRecord(user_id=12, name="S12", district="PRL", phone="+919830012346")
        )

    async def erase(repo: Repo) -> None:
        await repo.products.delete_of_seller(11)
        await repo.checks.delete_of_seller(11)
        await repo.orders.delete_of_seller(11)
        await repo.trainings.forget(11)
        await repo.sellers.delete(11)

    expected_stages = {
        "register": {11: "registered_only", 12: "registered_only"},
        "product": {11: "no_good_photo"},
        "photo": {11: "listing_not_ready"},
        "dark_main": {11: "no_good_photo"},
        "good_main_again": {11: "listing_not_ready"},
        "listing": {11: "not_checked"},
        "check": {11: "steps"},
        "move_district": {12: "registered_only"},
    }
    steps: list[Write] = [
        register,
        product,
        photo,
        dark_photo,
        dark_main,
        good_main_again,
        listing,
        check,
        training,
        attend,
        order,
        second_seller_product_then_delete,
        move_district,
        erase,
    ]
    for step in steps:
        await _write(db, step)
        stored, computed = await _stored_and_computed(db)
        assert stored == computed, step.__name__
        stages = {row[0]: row[PROGRESS_COLUMNS.index("stage")] for row in stored}
        for uid, stage in expected_stages.get(step.__name__, {}).items():
            assert stages[uid] == stage, (step.__name__, uid)
    stored, _ = await _stored_and_computed(db)
    assert [(r[0], r[1]) for r in stored] == [(12, "PRL")]


async def test_a_rolled_back_write_leaves_progress_alone(db: Database) -> None:
    async def register(repo: Repo) -> None:
        await repo.sellers.save(
            SellerRecord(user_id=21, name="S21", district="BNK", phone="+919830012345")
        )

    await _write(db, register)
    try:
        async with db.transaction() as repo:
            await repo.products.create(21, "BNK", {})
            raise RuntimeError("the handler failed")
    except RuntimeError:
        pass
    stored, computed = await _stored_and_computed(db)
    assert stored == computed
    assert stored[0][PROGRESS_COLUMNS.index("stage")] == "registered_only"


async def test_heal_rebuilds_rows_written_around_the_repositories(db: Database) -> None:
    async def register(repo: Repo) -> None:
        for uid in (31, 32, 33):
            await repo.sellers.save(
                SellerRecord(user_id=uid, name=f"S{uid}", district="BNK", phone="+919830012345")
            )

    await _write(db, register)
    async with db.transaction() as repo:
        assert not await repo.reports.heal()  # nothing to do
        await repo.connection.execute(delete(progress_t).where(progress_t.c.user_id == 32))
    async with db.transaction() as repo:
        assert await repo.reports.heal()
    stored, computed = await _stored_and_computed(db)
    assert stored == computed and len(stored) == 3


async def test_a_new_write_path_is_tracked_without_being_told(db: Database) -> None:
    """Writes that no repository method makes (as a new feature's would) still move progress:
    the tracking lives in the one place every statement goes through."""

    async def register(repo: Repo) -> None:
        await repo.sellers.save(
            SellerRecord(user_id=41, name="S41", district="BNK", phone="+919830012345")
        )

    async def raw_product(repo: Repo) -> None:
        stamp = datetime.now(UTC)
        await repo.products.run(
            insert(products_t).values(
                seller_id=41, status="ready", answers={}, created_at=stamp, updated_at=stamp
            )
        )

    async def raw_rsvp(repo: Repo) -> None:
        stamp = datetime.now(UTC)
        result = await repo.trainings.run(
            insert(trainings_t)
            .values(
                title="T", place="P", starts_at=stamp, invited=1, created_by=1, created_at=stamp
            )
            .returning(trainings_t.c.id)
        )
        training = result.scalar_one()
        await repo.trainings.run(
            insert(rsvps_t).values(
                training_id=training, user_id=41, answer="yes", answered_at=stamp
            )
        )

    async def raw_order_status(repo: Repo) -> None:
        stamp = datetime.now(UTC)
        await repo.orders.run(
            insert(orders_t).values(
                seller_id=41,
                sku="X",
                quantity=1,
                source="manual",
                status="open",
                created_by=41,
                created_at=stamp,
            )
        )
        await repo.orders.run(update(orders_t).values(status="shipped"))

    for step in (register, raw_product, raw_rsvp, raw_order_status):
        await _write(db, step)
        stored, computed = await _stored_and_computed(db)
        assert stored == computed, step.__name__
    row = dict(zip(PROGRESS_COLUMNS, stored[0], strict=True))
    assert (row["products"], row["ready"], row["trained"], row["orders"]) == (1, 1, 1, 1)


def test_every_table_progress_is_computed_from_is_tracked() -> None:
    """A table added to the progress computation must be tracked, or its writes would leave
    the reports behind."""
    read = {
        node.name
        for node in iterate(_computed(None))
        if isinstance(node, Table) and node.name != progress_t.name
    }
    assert read >= {"sellers", "products", "orders"}  # the walk sees the statement's tables
    assert read <= set(TRACKED), read - set(TRACKED)


def test_no_repository_writes_around_the_tracking() -> None:
    """Every statement in storage/ goes through ``Part.run`` (base.py is where it executes)."""
    storage = Path(__file__).resolve().parent.parent / "storage"
    offenders = []
    for path in sorted(storage.glob("*.py")):
        if path.name in ("base.py", "db.py"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Attribute)
                and node.attr in ("execute", "exec_driver_sql")
                and isinstance(node.value, ast.Attribute)
                and node.value.attr == "connection"
            ):
                offenders.append(f"{path.name}:{node.lineno}")
    assert not offenders, offenders
