"""The coordinator console at programme scale: /stats and /pending over 100,000 sellers.

Seeds a fresh database in bulk (not through the bot): sellers across the 23 districts, their
products and photos (some main photos with problems, some drafts), export checks, trainings
with answers and attendance, orders, unfinished registrations and coordinators. Then measures,
five times each, the handler-level time of

- /stats over all districts (an admin; the funnel query, the caption and per-district lines
  rendered, without the PNG chart) — goal ≤ 300 ms;
- /pending over all districts, first page (the whole update through the router) — goal ≤ 500 ms;

and, for information, the same for a coordinator of one district, /stats with its chart, the
one-off rebuild of the progress table after the bulk seeding, and the cost a write pays to keep
one seller's progress row up to date.

    python benchmarks/coordinator.py                       # SQLite, 100,000 / 300,000
    python benchmarks/coordinator.py --backend postgresql  # a throwaway database on 127.0.0.1
    python benchmarks/coordinator.py --sellers 10000 --products 30000
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from zoneinfo import ZoneInfo

import asyncpg

from bot.i18n import Messages
from bot.language import detect_language
from chat.inbound import Inbound
from handlers import coordinators
from handlers.router import Router
from services import places
from services.access import Viewer
from storage.db import Database

ZONE = ZoneInfo("Asia/Kolkata")  # the programme's, TIMEZONE's default

PG = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}
ADMIN = 900_001
CHANNEL = "bench"
FIRST_SELLER = 10_000_000
FIRST_UNFINISHED = 20_000_000
FIRST_COORDINATOR = 30_000_000
RUNS = 5
GOALS = {"stats": 0.300, "pending": 0.500}
FIRST = [
    "রিনা",
    "মিনা",
    "সীমা",
    "অনিতা",
    "কমলা",
    "পূজা",
    "রাজু",
    "বিকাশ",
    "সুমন",
    "তাপস",
    "Rina",
    "Mina",
    "Anita",
    "Puja",
    "Raju",
]
LAST = ["দাস", "পাল", "মণ্ডল", "ঘোষ", "সরকার", "বাগ", "মাঝি", "Das", "Pal", "Mondal", "Ghosh", "Sarkar"]
TABLES: dict[str, list[str]] = {
    "users": [
        "user_id",
        "locale",
        "language_code",
        "lang_offered",
        "created_at",
        "last_seen_at",
        "blocked_at",
        "opted_out_at",
    ],
    "identities": ["channel", "external_id", "user_id", "created_at", "last_seen_at"],
    "sellers": [
        "user_id",
        "name",
        "business_name",
        "district",
        "phone",
        "craft_id",
        "craft_text",
        "consent_at",
        "registered_at",
        "updated_at",
    ],
    "products": [
        "id",
        "seller_id",
        "sku",
        "status",
        "district",
        "answers",
        "created_at",
        "updated_at",
    ],
    "product_photos": [
        "id",
        "product_id",
        "position",
        "content_hash",
        "path",
        "width",
        "height",
        "problems",
        "created_at",
    ],
    "eligibility_checks": [
        "id",
        "seller_id",
        "product_id",
        "status",
        "findings",
        "answers",
        "rules_version",
        "checked_at",
    ],
    "trainings": [
        "id",
        "title",
        "place",
        "starts_at",
        "invited",
        "created_by",
        "created_at",
        "cancelled_at",
    ],
    "training_districts": ["training_id", "district"],
    "training_rsvps": ["training_id", "user_id", "answer", "answered_at"],
    "training_attendance": ["training_id", "user_id", "marked_by", "marked_at"],
    "orders": [
        "id",
        "seller_id",
        "sku",
        "quantity",
        "ship_by",
        "source",
        "status",
        "created_by",
        "created_at",
    ],
    "conversations": [
        "user_id",
        "flow",
        "step",
        "answers",
        "data",
        "active",
        "version",
        "updated_at",
    ],
    "coordinators": ["user_id", "district", "added_by", "added_at"],
}
JSON_COLUMNS = frozenset({"answers", "findings", "data"})


def make_rows(sellers: int, products: int, seed: int = 7) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, deterministic for a seed."""
    rng = random.Random(seed)
    now = datetime.now(UTC)
    codes = [d.code for d in places.districts()]
    weights = [rng.uniform(0.3, 2.0) for _ in codes]
    rows: dict[str, list[tuple[Any, ...]]] = {name: [] for name in TABLES}
    seller_ids = list(range(FIRST_SELLER, FIRST_SELLER + sellers))
    district_of: dict[int, str] = {}
    registered: dict[int, datetime] = {}
    for n, uid in enumerate(seller_ids):
        district = rng.choices(codes, weights)[0]
        at = now - timedelta(days=rng.uniform(0, 365))
        district_of[uid], registered[uid] = district, at
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        rows["users"].append((uid, "bn", "bn", True, at, at, None, None))
        rows["sellers"].append(
            (uid, name, None, district, f"+9198{n:08d}", None, "dokra", at, at, at)
        )
    # Four in five sellers have products; the rest registered only.
    makers = [uid for uid in seller_ids if rng.random() < 0.8] or seller_ids[:1]
    ready_sellers: set[int] = set()
    photo_id = 0
    for pid in range(1, products + 1):
        uid = rng.choice(makers)
        status = "ready" if rng.random() < 0.6 else "draft"
        if status == "ready":
            ready_sellers.add(uid)
        at = registered[uid] + timedelta(days=rng.uniform(0, 30))
        sku = f"ES-{district_of[uid]}-{pid:06d}"
        rows["products"].append((pid, uid, sku, status, district_of[uid], {}, at, at))
        for position in range(rng.choice((0, 1, 1, 2, 2, 3))):
            photo_id += 1
            problems = "dark" if position == 0 and rng.random() < 0.15 else ""
            rows["product_photos"].append(
                (photo_id, pid, position, f"{pid}-{position}", "x.jpg", 1200, 1200, problems, at)
            )
    check_id = 0
    for uid in sorted(ready_sellers):
        if rng.random() < 0.45:
            for _ in range(rng.choice((1, 1, 2))):
                check_id += 1
                status = rng.choices(("ready", "steps", "blocked"), (5, 4, 1))[0]
                at = registered[uid] + timedelta(days=rng.uniform(10, 60))
                rows["eligibility_checks"].append(
                    (check_id, uid, None, status, [], {}, "bench", at)
                )
    for tid in range(1, 61):
        starts = now + timedelta(days=rng.uniform(-200, 20))
        cancelled = now if rng.random() < 0.05 else None
        rows["trainings"].append(
            (tid, f"Training {tid}", "Block office", starts, 0, ADMIN, starts, cancelled)
        )
        for district in rng.sample(codes, rng.choice((1, 1, 2, 3))):
            rows["training_districts"].append((tid, district))
    answered = {(rng.randint(1, 60), rng.choice(seller_ids)) for _ in range(sellers // 4)}
    for tid, uid in sorted(answered):
        rows["training_rsvps"].append((tid, uid, rng.choice(("yes", "yes", "no")), now))
    for tid, uid in sorted(answered)[: sellers // 10]:
        rows["training_attendance"].append((tid, uid, ADMIN, now))
    ready_list = sorted(ready_sellers)
    for oid in range(1, sellers // 5 + 1):
        uid = rng.choice(ready_list) if ready_list else seller_ids[0]
        status = "open" if rng.random() < 0.3 else "shipped"
        ship_by = now.date() + timedelta(days=rng.randint(-30, 30))
        rows["orders"].append((oid, uid, f"SKU-{oid}", 1, ship_by, "manual", status, ADMIN, now))
    for n in range(sellers // 20):  # registrations begun and not finished
        uid = FIRST_UNFINISHED + n
        at = now - timedelta(days=rng.uniform(0, 60))
        answers: dict[str, Any] = {"name": f"{rng.choice(FIRST)} {rng.choice(LAST)}"}
        if rng.random() < 0.6:
            answers["district"] = rng.choice(codes)
        rows["users"].append((uid, "bn", "bn", True, at, at, None, None))
        rows["conversations"].append((uid, "reg", "phone", answers, {}, True, 3, at))
    for uid in rng.sample(seller_ids, sellers // 10):  # sellers in the middle of a product
        rows["conversations"].append((uid, "prod", "price", {}, {}, True, 5, now))
    for n, code in enumerate(codes):
        rows["coordinators"].append((FIRST_COORDINATOR + n, code, ADMIN, now))
    for uid in (ADMIN, *(FIRST_COORDINATOR + n for n in range(len(codes)))):
        rows["users"].append((uid, "en", "en", True, now, now, None, None))
    # Everyone reached on the benchmark's channel under their own number.
    rows["identities"] = [(CHANNEL, str(row[0]), row[0], row[4], row[5]) for row in rows["users"]]
    return rows


def _sqlite_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict | list):
        return json.dumps(value)
    return value


def seed_sqlite(path: str, rows: dict[str, list[tuple[Any, ...]]]) -> None:
    connection = sqlite3.connect(path)
    try:
        for name, columns in TABLES.items():
            marks = ", ".join("?" for _ in columns)
            connection.executemany(
                f"INSERT INTO {name} ({', '.join(columns)}) VALUES ({marks})",
                ([_sqlite_value(v) for v in row] for row in rows[name]),
            )
        connection.commit()
        connection.execute("ANALYZE")
        connection.commit()
    finally:
        connection.close()


async def seed_postgresql(database: str, rows: dict[str, list[tuple[Any, ...]]]) -> None:
    connection = await asyncpg.connect(database=database, **PG)
    try:
        for name, columns in TABLES.items():
            records = [
                tuple(
                    json.dumps(v) if c in JSON_COLUMNS else v
                    for c, v in zip(columns, row, strict=True)
                )
                for row in rows[name]
            ]
            await connection.copy_records_to_table(name, records=records, columns=columns)
        for name in ("products", "product_photos", "eligibility_checks", "trainings", "orders"):
            await connection.execute(
                f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                f"(SELECT coalesce(max(id), 1) FROM {name}))"
            )
        await connection.execute("VACUUM ANALYZE")
    finally:
        await connection.close()


@contextlib.asynccontextmanager
async def fresh_database(backend: str, directory: Path) -> AsyncIterator[tuple[Database, str]]:
    """A migrated, empty database; yields it with what the seeder needs (path or name)."""
    if backend == "sqlite":
        path = directory / "coordinator.db"
        db = Database(f"sqlite+aiosqlite:///{path}")
        await db.migrate()
        try:
            yield db, str(path)
        finally:
            await db.dispose()
        return
    name = f"es_bench_{uuid.uuid4().hex[:10]}"
    admin = await asyncpg.connect(database="postgres", **PG)
    await admin.execute(f'CREATE DATABASE "{name}"')
    await admin.close()
    db = Database(f"postgresql+asyncpg://{PG['user']}@{PG['host']}:{PG['port']}/{name}")
    try:
        await db.migrate()
        yield db, name
    finally:
        await db.dispose()
        admin = await asyncpg.connect(database="postgres", **PG)
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


async def timed(action: Callable[[], Awaitable[Any]], runs: int = RUNS) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        await action()
        times.append(time.perf_counter() - started)
    return times


def line(label: str, times: Sequence[float], goal: float | None = None) -> str:
    median = statistics.median(times)
    verdict = ""
    if goal is not None:
        verdict = f"  [goal ≤ {goal * 1000:.0f} ms: {'met' if median <= goal else 'MISSED'}]"
    runs = ", ".join(f"{t * 1000:.0f}" for t in times)
    return f"{label:<44} median {median * 1000:7.1f} ms  (runs: {runs}){verdict}"


async def run(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        async with fresh_database(args.backend, Path(tmp)) as (db, where):
            started = time.perf_counter()
            rows = make_rows(args.sellers, args.products)
            if args.backend == "sqlite":
                await asyncio.to_thread(seed_sqlite, where, rows)
            else:
                await seed_postgresql(where, rows)
            counts = ", ".join(f"{k} {len(v):,}" for k, v in rows.items() if v)
            print(f"database  {db.dialect}; seeded in {time.perf_counter() - started:.1f} s")
            print(f"rows      {counts}")
            # Bulk rows bypass the repositories: the progress table is built as at a start-up.
            started = time.perf_counter()
            async with db.transaction() as repo:
                assert await repo.reports.heal()
            print(f"progress  rebuilt in {time.perf_counter() - started:.1f} s (once, at start-up)")
            messages = Messages()
            router = Router(
                db,
                messages,
                detect_language,
                zone=ZONE,
                admins={(CHANNEL, str(ADMIN))},
                data_dir=Path(tmp) / "data",
            )
            update_ids = iter(range(1, 1_000_000))
            coordinator = rows["coordinators"][0]

            async def stats_text(viewer: Viewer) -> None:
                async with db.transaction() as repo:
                    districts = None if viewer.is_admin else viewer.districts
                    replies = await coordinators.stats_replies(repo, districts, "en", "today")
                for reply in replies:
                    router.renderer.outbound(reply, viewer.user_id, "en")

            async def command(user_id: int, name: str) -> None:
                inbound = Inbound(
                    channel=CHANNEL,
                    sender=str(user_id),
                    chat_id=user_id,
                    kind="command",
                    update_id=str(next(update_ids)),
                    command=name,
                    language_code="en",
                )
                outbound = await router.handle(inbound)
                assert outbound and "error" not in outbound[0].text.lower(), outbound

            admin = Viewer(ADMIN, is_admin=True)
            local = Viewer(coordinator[0], districts=frozenset({coordinator[1]}))
            results = {
                "stats": await timed(lambda: stats_text(admin)),
                "pending": await timed(lambda: command(ADMIN, "pending")),
            }
            print(line("/stats, all districts (no chart)", results["stats"], GOALS["stats"]))
            print(line("/pending, all districts, first page", results["pending"], GOALS["pending"]))
            print(line("/stats, one district (no chart)", await timed(lambda: stats_text(local))))
            print(
                line(
                    "/pending, one district", await timed(lambda: command(local.user_id, "pending"))
                )
            )
            print(
                line(
                    "/stats, all districts, with chart",
                    await timed(lambda: command(ADMIN, "stats")),
                )
            )
            sample = [r[0] for r in random.Random(7).sample(rows["sellers"], RUNS)]
            moves = iter(sample)

            async def refresh_one() -> None:
                async with db.transaction() as repo:
                    repo.changes.sellers.add(next(moves))

            print(line("refresh of one seller's progress (a write)", await timed(refresh_one)))
            missed = [k for k, goal in GOALS.items() if statistics.median(results[k]) > goal]
            return 1 if missed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sellers", type=int, default=100_000)
    parser.add_argument("--products", type=int, default=300_000)
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    return asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    raise SystemExit(main())
