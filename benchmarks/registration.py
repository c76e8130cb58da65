"""N simulated sellers registering concurrently through the router, engine and storage.

No network: each update goes straight to `Router.handle`, as a channel would hand it over.
Two runs per backend (SQLite, PostgreSQL):

- saturation: every seller sends their next update the moment the last one is answered;
  gives the most updates/s the process can handle (latency there is mostly queueing);
- paced: updates arrive at a fixed rate (`--rate`, default 300/s, as from real chats);
  gives the handling time per update, p50 and p99, from arrival to reply.

    python benchmarks/registration.py
    python benchmarks/registration.py --sellers 500 --rate 400 --backends sqlite
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from zoneinfo import ZoneInfo

import asyncpg

from bot.app import settle_memory
from bot.i18n import Messages
from bot.language import detect_language
from chat.inbound import Inbound
from handlers.router import Router
from storage.db import Database

ZONE = ZoneInfo("Asia/Kolkata")  # the programme's, TIMEZONE's default

# One registration in Bengali: typed answers and button payloads, as a seller sends them.
SCRIPT: list[tuple[str, str]] = [
    ("command", "start"),
    ("button", "f:reg:language:bn"),
    ("button", "f:reg:consent:yes"),
    ("text", "রিনা দাস"),
    ("button", "f:reg:business:_skip"),
    ("text", "বাঁকুড়া"),
    ("text", "৯৮৩০০ ১২৩৪৫"),
    ("button", "f:reg:craft:dokra"),
    ("text", "19AAECF2320D1Z5"),
    ("button", "f:reg:iec:same_pan"),
    ("button", "f:reg:udyam:_skip"),
    ("button", "f:reg:_review:_ok"),
]
_update_ids = itertools.count(1)


def inbound(user_id: int, kind: str, value: str) -> Inbound:
    fields: dict[str, object] = {"kind": kind}
    if kind == "command":
        fields.update(command=value, text="/" + value)
    elif kind == "button":
        fields["button"] = value
    else:
        fields["text"] = value
    return Inbound(
        channel="bench",
        sender=str(user_id),
        chat_id=user_id,
        update_id=str(next(_update_ids)),
        language_code="bn",
        **fields,  # type: ignore[arg-type]
    )


class Pacer:
    """Releases one update every 1/rate seconds, whoever asks first (an open arrival stream)."""

    def __init__(self, rate: float | None) -> None:
        self.interval = 1 / rate if rate else 0.0
        self.next = time.perf_counter()
        self.lock = asyncio.Lock()

    async def arrival(self) -> float:
        if not self.interval:
            return time.perf_counter()
        async with self.lock:
            self.next = max(self.next + self.interval, time.perf_counter())
            due = self.next
        await asyncio.sleep(max(0.0, due - time.perf_counter()))
        return due


async def seller(router: Router, user_id: int, pacer: Pacer, timings: list[float]) -> None:
    for kind, value in SCRIPT:
        arrived = await pacer.arrival()
        replies = await router.handle(inbound(user_id, kind, value))
        timings.append(time.perf_counter() - arrived)
        assert replies, (user_id, kind, value)


async def run(url: str, sellers: int, concurrency: int, rate: float | None) -> dict[str, float]:
    db = Database(url)
    await db.migrate()
    router = Router(db, Messages(), detect_language, zone=ZONE)
    settle_memory()  # as bot.app.build_core does at start-up
    timings: list[float] = []
    gate = asyncio.Semaphore(concurrency)
    # Warm-up (not timed): fills the connection pool and the statement caches.
    warm = Pacer(None)
    await asyncio.gather(*(seller(router, 900_000 + i, warm, []) for i in range(concurrency)))
    pacer = Pacer(rate)

    async def one(user_id: int) -> None:
        async with gate:
            await seller(router, user_id, pacer, timings)

    started = time.perf_counter()
    await asyncio.gather(*(one(100_000 + i) for i in range(sellers)))
    elapsed = time.perf_counter() - started
    async with db.transaction() as repo:
        registered = await repo.sellers.count()
    await db.dispose()
    assert registered == sellers + concurrency, (registered, sellers)
    timings.sort()
    return {
        "updates": len(timings),
        "seconds": elapsed,
        "per_second": len(timings) / elapsed,
        "p50_ms": statistics.median(timings) * 1000,
        "p99_ms": timings[int(len(timings) * 0.99) - 1] * 1000,
    }


async def postgres_url() -> tuple[str, str]:
    name = f"es_bench_{uuid.uuid4().hex[:8]}"
    conn = await asyncpg.connect(host="127.0.0.1", user="postgres", database="postgres")
    await conn.execute(f'CREATE DATABASE "{name}"')
    await conn.close()
    return f"postgresql+asyncpg://postgres@127.0.0.1/{name}", name


async def drop_postgres(name: str) -> None:
    conn = await asyncpg.connect(host="127.0.0.1", user="postgres", database="postgres")
    await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    await conn.close()


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sellers", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=50, help="sellers typing at once")
    parser.add_argument("--rate", type=float, default=300.0, help="paced run: updates/s")
    parser.add_argument("--backends", default="sqlite,postgresql")
    args = parser.parse_args()
    print(f"{args.sellers} sellers x {len(SCRIPT)} updates, {args.concurrency} at a time")
    print(
        f"{'backend':<12}{'run':<16}{'updates':>9}{'seconds':>9}{'upd/s':>9}"
        f"{'p50 ms':>9}{'p99 ms':>9}"
    )
    runs = [("saturation", None), (f"paced {args.rate:.0f}/s", args.rate)]
    for backend in args.backends.split(","):
        for label, rate in runs:
            if backend == "sqlite":
                with tempfile.TemporaryDirectory() as tmp:
                    url = f"sqlite+aiosqlite:///{tmp}/bench.db"
                    result = await run(url, args.sellers, args.concurrency, rate)
            else:
                url, name = await postgres_url()
                try:
                    result = await run(url, args.sellers, args.concurrency, rate)
                finally:
                    await drop_postgres(name)
            print(
                f"{backend:<12}{label:<16}{result['updates']:>9.0f}{result['seconds']:>9.2f}"
                f"{result['per_second']:>9.0f}{result['p50_ms']:>9.2f}{result['p99_ms']:>9.2f}"
            )


if __name__ == "__main__":
    asyncio.run(main())
