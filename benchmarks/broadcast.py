"""A coordinator's broadcast to N sellers through the outbox, against a fake Bot API at 30 msg/s.

Seeds N users in a fresh SQLite database (or `--database-url`, e.g. an empty PostgreSQL
database; `--postgres` makes a throwaway one on 127.0.0.1), enqueues one broadcast row per
seller, runs the Sender at BROADCAST_RATE (default 25/s) and reports:

- enqueue time (goal: 100,000 rows in <= 10 s; `--enqueue-only --sellers 100000`);
- sustained send rate (goal: >= 95 % of the rate) and 429s the broadcast caused (goal: 0);
- delivered exactly once (per chat, counted by the server);
- a reply to a seller chatting during the broadcast (a second PTB Bot sending once a second)
  against the same reply when idle (goal: median no slower than twice idle).

20,000 messages at 25/s take ~14 minutes; `--sellers 2000` is a quick (~90 s) run.

    python benchmarks/broadcast.py
    python benchmarks/broadcast.py --sellers 2000
    python benchmarks/broadcast.py --enqueue-only --sellers 100000 --postgres
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import asyncpg
from sqlalchemy import insert
from telegram import Bot
from telegram.error import RetryAfter

from bot.channels.telegram import CAPABILITIES, retry_after_seconds, telegram_deliver
from bot.delivery import Sender
from bot.i18n import Messages
from chat.outbound import Delivery
from handlers.render import Renderer
from storage.base import now
from storage.db import Database, enqueue_in_chunks
from storage.models import User
from storage.outbox import OutboxItem
from tests.delivery_helpers import make_bot
from tests.fakebot import FakeBotApi

TOKEN = "123456:BENCH-token"
FIRST_SELLER = 7_000_000_000
CHATTER = 1  # a seller chatting with the bot during the broadcast (not a recipient)
TEXT = {
    "bn": "প্রিয় শিল্পী, আগামী সোমবার বাঁকুড়ায় Amazon Global Selling প্রশিক্ষণ। নাম লেখাতে নিচের বোতাম টিপুন।",
    "en": "Dear artisan, Amazon Global Selling training in Bankura next Monday. Press below to join.",  # noqa: E501
}


@contextlib.asynccontextmanager
async def database(url: str | None, postgres: bool) -> AsyncIterator[Database]:
    name = None
    with tempfile.TemporaryDirectory() as tmp:
        if postgres:
            name = f"es_bench_{uuid.uuid4().hex[:8]}"
            conn = await asyncpg.connect(host="127.0.0.1", user="postgres", database="postgres")
            await conn.execute(f'CREATE DATABASE "{name}"')
            await conn.close()
            url = f"postgresql+asyncpg://postgres@127.0.0.1/{name}"
        db = Database(url or f"sqlite+aiosqlite:///{tmp}/broadcast.db")
        await db.migrate()
        try:
            yield db
        finally:
            await db.dispose()
            if name is not None:
                conn = await asyncpg.connect(host="127.0.0.1", user="postgres", database="postgres")
                await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                await conn.close()


@contextlib.contextmanager
def telegram_server() -> Iterator[FakeBotApi]:
    """The fake Bot API on its own thread and event loop: Telegram is not inside our process."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, name="fake-telegram", daemon=True)
    thread.start()

    async def start() -> FakeBotApi:
        api = FakeBotApi(token=TOKEN)
        await api.start()
        return api

    api = asyncio.run_coroutine_threadsafe(start(), loop).result()
    try:
        yield api
    finally:
        asyncio.run_coroutine_threadsafe(api.stop(), loop).result()
        loop.call_soon_threadsafe(loop.stop)
        thread.join()
        loop.close()


def broadcast(sellers: list[int], broadcast_id: int) -> list[OutboxItem]:
    buttons = [[("btn-agree", f"b:{broadcast_id}:join")]]  # one payload for every row
    return [
        OutboxItem(
            recipient=seller,
            kind="broadcast",
            text_by_locale=TEXT,
            buttons=buttons,
            ref=f"broadcast:{broadcast_id}",
            broadcast_id=broadcast_id,
            quiet=True,
        )
        for seller in sellers
    ]


async def seed_users(db: Database, sellers: list[int]) -> None:
    stamp = now()
    rows = [
        {
            "user_id": s,
            "locale": "en" if s % 5 == 0 else "bn",
            "lang_offered": True,
            "created_at": stamp,
            "last_seen_at": stamp,
        }
        for s in sellers
    ]
    for start in range(0, len(rows), 5000):
        async with db.transaction() as repo:
            await repo.connection.execute(insert(User.__table__), rows[start : start + 5000])


async def time_enqueue(db: Database, sellers: list[int], broadcast_id: int) -> float:
    items = broadcast(sellers, broadcast_id)
    started = time.perf_counter()
    added = await enqueue_in_chunks(db, items)
    seconds = time.perf_counter() - started
    assert added == len(items), (added, len(items))
    again = time.perf_counter()
    assert await enqueue_in_chunks(db, items[:5000]) == 0  # enqueuing twice is a no-op
    goal = "met" if seconds * 100_000 / len(items) <= 10 else "MISSED"
    if len(items) < 10_000:
        goal = "see --enqueue-only --sellers 100000"
    print(
        f"enqueue   {len(items):,} rows in {seconds:.2f} s ({len(items) / seconds:,.0f} rows/s), "
        f"{min(5000, len(items)):,} again (no-op) in {time.perf_counter() - again:.2f} s  "
        f"[goal 100,000 in <= 10 s: {goal}]"
    )
    return seconds


async def reply_time(bot: Bot) -> float:
    """One answer to a chatting seller, as the Telegram channel sends it (waits out a 429)."""
    started = time.perf_counter()
    for _ in range(4):
        try:
            await bot.send_message(CHATTER, "ঠিক আছে, পেয়েছি।")
            break
        except RetryAfter as exc:
            await asyncio.sleep(retry_after_seconds(exc))
    return time.perf_counter() - started


async def chatter(bot: Bot, samples: list[float], stop: asyncio.Event, every: float) -> None:
    while not stop.is_set():
        samples.append(await reply_time(bot))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), every)


def sustained(times: list[float]) -> float:
    """Messages per second over the middle 80 % of the run (the first burst left out)."""
    times = sorted(times)
    lo, hi = len(times) // 10, len(times) * 9 // 10
    if hi - lo < 2 or times[hi] == times[lo]:
        return float("nan")
    return (hi - lo) / (times[hi] - times[lo])


async def run(args: argparse.Namespace) -> int:
    sellers = list(range(FIRST_SELLER, FIRST_SELLER + args.sellers))
    broadcast_id = int(time.time()) % 1_000_000
    async with database(args.database_url, args.postgres) as db:
        print(f"database  {db.dialect}, {args.sellers:,} sellers")
        if args.enqueue_only:
            await time_enqueue(db, sellers, broadcast_id)
            return 0
        with telegram_server() as api:
            api.rate_limit_per_second = 30
            for chat in [CHATTER, *sellers]:
                api.add_chat({"id": chat, "type": "private", "first_name": "Seller"})
            await seed_users(db, sellers)
            await time_enqueue(db, sellers, broadcast_id)
            async with (
                make_bot(TOKEN, api.root, read_timeout=10) as sender_bot,
                make_bot(TOKEN, api.root, read_timeout=10) as chat_bot,
            ):
                await reply_time(chat_bot)  # warm the connection up
                idle: list[float] = []
                for _ in range(args.idle_samples):
                    idle.append(await reply_time(chat_bot))
                    await asyncio.sleep(0.2)
                sender = Sender(
                    db,
                    Renderer(Messages()),
                    {"telegram": Delivery(telegram_deliver(sender_bot), CAPABILITIES)},
                    rate=args.rate,
                    quiet_hours="",  # a benchmark at any hour
                )
                busy: list[float] = []
                stop = asyncio.Event()
                chatting = asyncio.create_task(chatter(chat_bot, busy, stop, 1.0))
                started = time.perf_counter()
                sent = await sender.drain()
                elapsed = time.perf_counter() - started
                stop.set()
                await chatting
            wanted = set(sellers)
            calls = [r for r in api.calls("sendMessage") if r.params.get("chat_id") in wanted]
            ok = [r.time for r in calls if r.status == 200]
            refused = sum(1 for r in calls if r.status == 429)
            chat_refused = sum(
                1
                for r in api.calls("sendMessage")
                if r.params.get("chat_id") == CHATTER and r.status == 429
            )
            counts = [len(api.transcript(s)) for s in sellers]
    missing = sum(1 for c in counts if c == 0)
    duplicates = sum(c - 1 for c in counts if c > 1)
    rate = sustained(ok)
    idle_ms, busy_ms = statistics.median(idle) * 1000, statistics.median(busy) * 1000
    met = "met" if rate >= 0.95 * sender.rate else "MISSED"
    print(
        f"send      {sent:,} sent in {elapsed:.1f} s, sustained {rate:.2f}/s at rate "
        f"{sender.rate:g} ({rate / sender.rate:.1%})  [goal >= 95 %: {met}]"
    )
    print(
        f"429       {refused} caused by the broadcast, {chat_refused} on the chatting seller "
        f"[goal 0: {'met' if refused == 0 else 'MISSED'}]"
    )
    print(
        f"once      {args.sellers - missing:,} of {args.sellers:,} chats reached, "
        f"{missing} missing, {duplicates} duplicates"
    )
    print(
        f"reply     median {idle_ms:.1f} ms idle ({len(idle)} samples), {busy_ms:.1f} ms during "
        f"the broadcast ({len(busy)} samples, max {max(busy) * 1000:.0f} ms)  "
        f"[goal <= 2x idle: {'met' if busy_ms <= 2 * idle_ms else 'MISSED'}]"
    )
    return 1 if missing or duplicates else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sellers", type=int, default=20_000)
    parser.add_argument(
        "--rate", type=float, default=float(os.environ.get("BROADCAST_RATE", "25")), help="msg/s"
    )
    parser.add_argument("--database-url", help="an empty database to use instead of SQLite")
    parser.add_argument("--postgres", action="store_true", help="a throwaway local PostgreSQL")
    parser.add_argument("--enqueue-only", action="store_true", help="only time the enqueue")
    parser.add_argument("--idle-samples", type=int, default=20)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if not args.enqueue_only:
        minutes = args.sellers / min(args.rate, Sender.max_rate) / 60
        print(f"sending {args.sellers:,} messages takes ~{minutes:.1f} minutes")
    return asyncio.run(run(args))


if __name__ == "__main__":
    sys.exit(main())
