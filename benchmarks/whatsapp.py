"""The WhatsApp channel under load: webhook-to-reply latency, and a broadcast at Meta's pace.

The service runs as in production (ChatService: /whatsapp webhook, durable inbox, outbox sender)
on a fresh SQLite database in a temporary directory (`--postgres`: a throwaway database on
127.0.0.1:5432), against the Graph API stand-in (tests/graphapi.py), which takes at most
`--throughput` messages/s (default 80; 130429 past it) and a burst of 45 to one user (131056).
Meta's side (the stand-in, the signing webhook sender) runs on its own thread and event loop,
in this process: the CPU line shows what each side used.

latency    `--users` users (default 200) each POST a signed message to /whatsapp, one every
           1/`--rate` s (default 50/s): the webhook's answer time (POST to 200), and the time
           from the POST to the first reply reaching the stand-in. Round 1 is first contact
           (/start); round 2, once all are answered, taps the answer's first button.
broadcast  `--broadcast-users` (default 5,000) users, a third inside their 24-hour window (the
           rest get the announcement template), one broadcast outbox row each: time to the last
           arrival, sustained rate (the outbox takes 85 % of `--whatsapp-rate`, default 80),
           templates and free-form messages, messages per user (goal: one), pace errors (goal:
           none); ~75 s. `--chatters N`: N users write /start at `--rate` from 5 s in.
           `--photo`: the rows carry a photo and a text too long for its caption.

    python benchmarks/whatsapp.py
    python benchmarks/whatsapp.py --scenario latency --postgres
    python benchmarks/whatsapp.py --scenario broadcast --broadcast-users 1000 --whatsapp-rate 60
    python benchmarks/whatsapp.py --scenario broadcast --broadcast-users 1500 --photo
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import contextlib
import logging
import math
import os
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import AsyncIterator, Coroutine
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any, TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import aiohttp
import asyncpg
from aiohttp import web
from sqlalchemy import update

from bot.channels.service import ChatService
from bot.channels.templates import definitions
from bot.delivery import OWN_RATE_SHARE
from bot.i18n import Messages
from bot.settings import Settings
from bot.workers import bind
from storage.base import now
from storage.db import enqueue_in_chunks
from storage.models import identities_t
from storage.outbox import OutboxItem
from tests.graphapi import GraphApi, MetaSender
from tests.images import good_photo

TOKEN, PHONE_ID, APP_SECRET, VERIFY = "EAAG-bench", "106540352242922", "bench-secret", "bench"
PG = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}
FIRST_USER = 8_000_000_000  # broadcast recipients' user ids
LOCALES = ("bn", "bn", "en", "hi")  # the recipients' languages, in turn
TEXT = {
    "bn": "প্রিয় শিল্পী, আগামী সোমবার বাঁকুড়ায় Amazon Global Selling প্রশিক্ষণ।",
    "en": "Dear artisan, Amazon Global Selling training in Bankura next Monday.",
    "hi": "प्रिय कारीगर, अगले सोमवार बांकुड़ा में Amazon Global Selling प्रशिक्षण।",
}
T = TypeVar("T")
Posted = dict[str, tuple[float, float, int]]  # user: (POST sent at, POST to answer, status)


@dataclass
class TimedGraphApi(GraphApi):
    """The stand-in, noting when each message a user received arrived."""

    arrivals: dict[str, list[float]] = field(default_factory=dict)

    async def _messages(self, request: web.Request) -> web.Response:
        body = await request.json()  # aiohttp keeps the body: the stand-in reads it again
        user = str(body.get("recipient") or str(body.get("to", "")).lstrip("+"))
        before = len(self.messages_to(user))
        response = await super()._messages(request)
        if len(self.messages_to(user)) > before:
            self.arrivals.setdefault(user, []).append(time.perf_counter())
        return response


async def thread_time() -> float:
    return time.thread_time()


class Meta:
    """Meta's side on its own thread and event loop: the stand-in and a webhook client."""

    cpu = 0.0  # CPU seconds all of Meta's threads used (the bot shares the process's GIL)

    def __init__(self, throughput: float) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="meta", daemon=True)
        self.api = TimedGraphApi(token=TOKEN, phone_number_id=PHONE_ID)
        self.api.throughput, self.api.pair_burst = throughput, 45
        self.api.approve(definitions(Messages()))  # every template, in bn, en and hi

    async def run(self, coro: Coroutine[Any, Any, T]) -> T:
        return await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(coro, self.loop))

    async def __aenter__(self) -> Meta:
        self.thread.start()
        await self.run(self.api.__aenter__())
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.run(self.api.__aexit__())
        Meta.cpu += await self.run(thread_time())  # on Meta's thread
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join()
        self.loop.close()

    def since(self, user: str, t0: float) -> list[float]:
        return [t for t in list(self.api.arrivals.get(user, ())) if t > t0]


@contextlib.asynccontextmanager
async def database_url(postgres: bool, tmp: str, name: str) -> AsyncIterator[str]:
    if not postgres:
        yield f"sqlite+aiosqlite:///{tmp}/{name}.db"
        return
    db = f"es_whatsapp_{uuid.uuid4().hex[:8]}"
    conn = await asyncpg.connect(**PG, database="postgres")
    await conn.execute(f'CREATE DATABASE "{db}"')
    await conn.close()
    try:
        yield f"postgresql+asyncpg://{PG['user']}@{PG['host']}:{PG['port']}/{db}"
    finally:
        conn = await asyncpg.connect(**PG, database="postgres")
        await conn.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
        await conn.close()


@contextlib.asynccontextmanager
async def running(url: str, tmp: str, meta: Meta, rate: float) -> AsyncIterator[ChatService]:
    """The service as the `meta` test fixture starts it: WhatsApp alone, on a webhook."""
    sock = bind("127.0.0.1", 0)
    service = ChatService(
        Settings(
            _env_file=None,
            database_url=url,
            data_dir=Path(tmp) / "data",
            webhook_listen=f"127.0.0.1:{sock.getsockname()[1]}",
            whatsapp_token=TOKEN,
            whatsapp_phone_number_id=PHONE_ID,
            whatsapp_app_secret=APP_SECRET,
            whatsapp_verify_token=VERIFY,
            whatsapp_api_url=meta.api.root,
            whatsapp_rate=rate,
            quiet_hours="",  # a benchmark at any hour
        )
    )
    try:
        await service.start_webhook(sock)
        yield service
    finally:
        await service.stop()
        sock.close()


def spread(values: list[float]) -> str:
    """p50, p99 (nearest rank) and max, in milliseconds."""
    if not values:
        return "none"
    ordered = sorted(values)
    p50, p99 = (ordered[max(0, math.ceil(q * len(ordered)) - 1)] * 1000 for q in (0.5, 0.99))
    return f"p50 {p50:.0f} ms, p99 {p99:.0f} ms, max {ordered[-1] * 1000:.0f} ms"


async def post_paced(url: str, bodies: dict[str, bytes], rate: float) -> Posted:
    """POST each body at its time (on Meta's loop)."""
    sender, start = MetaSender(url, APP_SECRET, PHONE_ID), time.perf_counter()
    posted: Posted = {}

    async def one(n: int, user: str, body: bytes) -> None:
        await asyncio.sleep(max(0.0, start + n / rate - time.perf_counter()))
        t0 = time.perf_counter()
        try:
            status = await sender.post(session, body)
        except aiohttp.ClientError:
            status = 0
        posted[user] = (t0, time.perf_counter() - t0, status)

    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=500)) as session:
        await asyncio.gather(*(one(n, u, body) for n, (u, body) in enumerate(bodies.items())))
    return posted


async def latency_round(
    meta: Meta, service: ChatService, label: str, bodies: dict[str, bytes], rate: float
) -> bool:
    """POST every body at ``rate``, wait for every answer, print the times."""
    assert service.whatsapp is not None and service.whatsapp.inbox is not None
    url = f"http://{service.settings.webhook_listen}/whatsapp"
    started = time.perf_counter()
    posted = await meta.run(post_paced(url, bodies, rate))
    took = time.perf_counter() - started
    deadline = time.perf_counter() + 60
    while time.perf_counter() < deadline:  # the stand-in only notes arrivals
        if all(meta.since(user, t0) for user, (t0, _, _) in posted.items()):
            break
        await asyncio.sleep(0.05)
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(30):
            await service.whatsapp.inbox.settled()
    await asyncio.sleep(1.0)  # the rest of an answer of several messages
    replies = {u: meta.since(u, t0) for u, (t0, _, _) in posted.items()}
    latency = [r[0] - posted[u][0] for u, r in replies.items() if r]
    unanswered = sum(1 for r in replies.values() if not r)
    failed = sum(1 for _, _, status in posted.values() if status != 200)
    counts = collections.Counter(len(r) for r in replies.values())
    print(f"{label}: {len(bodies)} messages at {rate:g}/s, posted in {took:.1f} s")
    print(f"  webhook   POST→200 {spread([s for _, s, _ in posted.values()])}; not 200: {failed}")
    print(f"  reply     webhook→first reply {spread(latency)}; unanswered: {unanswered}")
    print(f"  replies   messages per update: {dict(sorted(counts.items()))}")
    return unanswered == 0 and failed == 0


def answer(meta: Meta, sender: MetaSender, user: str) -> dict[str, Any]:
    """The user taps the first button of the bot's last message, or writes a name."""
    got = meta.api.messages_to(user)
    if not got or not got[-1].choices:
        return sender.message(user, "text", {"body": "রিনা দাস"})
    title, data = got[-1].choices[0]
    kind = "button_reply" if got[-1].body["interactive"]["type"] == "button" else "list_reply"
    return sender.message(user, "interactive", {"type": kind, kind: {"id": data, "title": title}})


def starts(sender: MetaSender, users: list[str]) -> dict[str, bytes]:
    return {u: sender.body([sender.message(u, "text", {"body": "/start"})]) for u in users}


async def scenario_latency(args: argparse.Namespace, tmp: str) -> bool:
    users = [f"9198{n:08d}" for n in range(args.users)]
    sender = MetaSender("", APP_SECRET, PHONE_ID)  # builds the bodies (message ids, clock)
    async with (
        Meta(args.throughput) as meta,
        database_url(args.postgres, tmp, "latency") as url,
        running(url, tmp, meta, args.whatsapp_rate) as service,
    ):
        api = meta.api
        api.open_windows.update(users)  # they write: their windows are open
        assert service.core is not None
        print(f"latency   {service.core.db.dialect}, {len(users)} users")
        first = starts(sender, users)
        ok = await latency_round(meta, service, "round 1 (/start)", first, args.rate)
        second = {u: sender.body([answer(meta, sender, u)]) for u in users}
        label = "round 2 (taps the first button: the language)"
        ok = await latency_round(meta, service, label, second, args.rate) and ok
        refused, broken = api.refused or "none", api.violations or "none"
        print(f"  Meta      refused {refused}; violations: {broken}")
    return ok and not api.violations


def locale(user: int) -> str:
    return LOCALES[user % len(LOCALES)]


def wa_id(user: int) -> str:
    return str(910_000_000_000 + user)


async def seed(service: ChatService, users: list[int], inside: set[int]) -> None:
    """Users with a WhatsApp identity, last seen now if inside the window, else 3 days ago."""
    assert service.core is not None
    async with service.core.db.transaction() as repo:
        for user in users:
            await repo.users.touch(user, None, locale(user))
            await repo.users.attach("whatsapp", wa_id(user), user)
        outside = identities_t.c.user_id.not_in(sorted(inside))
        old = now() - timedelta(days=3)
        await repo.connection.execute(update(identities_t).where(outside).values(last_seen_at=old))


async def enqueue(service: ChatService, users: list[int], photo: str | None) -> int:
    """One row per user in their language, as a coordinator's broadcast; its id. With a
    photo, the text is longer than a caption (the photo, then the text: two messages)."""
    assert service.core is not None
    broadcast_id = int(time.time()) % 1_000_000
    long = 1 + 1100 // min(map(len, TEXT.values())) if photo else 1
    texts = {code: {code: " ".join([text] * long)} for code, text in TEXT.items()}
    expires = now() + timedelta(days=7)
    items = [
        OutboxItem(
            recipient=u,
            kind="broadcast",
            text_by_locale=texts[locale(u)],  # one object per language
            photo=photo,
            ref=f"broadcast:{broadcast_id}",
            broadcast_id=broadcast_id,
            quiet=True,
            expires_at=expires,
        )
        for u in users
    ]
    assert await enqueue_in_chunks(service.core.db, items) == len(items)
    return broadcast_id


def sustained(times: list[float]) -> float:
    """Messages per second over the middle 80 % of the arrivals."""
    times = sorted(times)
    lo, hi = len(times) // 10, len(times) * 9 // 10
    if hi - lo < 2 or times[hi] == times[lo]:
        return float("nan")
    return (hi - lo) / (times[hi] - times[lo])


async def chatting(
    meta: Meta, service: ChatService, users: list[str], rate: float, after: float
) -> bool:
    if not users:
        return True
    meta.api.open_windows.update(users)
    bodies = starts(MetaSender("", APP_SECRET, PHONE_ID), users)
    await asyncio.sleep(after)
    return await latency_round(meta, service, "  chatting during it (/start)", bodies, rate)


async def scenario_broadcast(args: argparse.Namespace, tmp: str) -> bool:
    users = list(range(FIRST_USER, FIRST_USER + args.broadcast_users))
    inside, wa = set(users[::3]), {u: wa_id(u) for u in users}
    rate, chatters = args.whatsapp_rate, [f"9197{n:08d}" for n in range(args.chatters)]
    async with (
        Meta(args.throughput) as meta,
        database_url(args.postgres, tmp, "broadcast") as url,
        running(url, tmp, meta, rate) as service,
    ):
        assert service.core is not None and service.background is not None
        api, db = meta.api, service.core.db
        api.open_windows.update(wa[u] for u in inside)
        print(
            f"broadcast {db.dialect}, {len(users):,} users ({len(inside):,} inside their window),"
            f" WHATSAPP_RATE {rate:g} (the outbox {rate * OWN_RATE_SHARE:g}/s), the stand-in "
            f"{args.throughput:g}/s and a burst of {api.pair_burst} to one user"
        )
        await seed(service, users, inside)
        photo = Path(tmp) / "photo.jpg" if args.photo else None
        if photo is not None:
            photo.write_bytes(good_photo())
        started = time.perf_counter()
        broadcast_id = await enqueue(service, users, str(photo) if photo else None)
        enqueued = time.perf_counter() - started
        expected = len(users) / (rate * OWN_RATE_SHARE)
        chat = asyncio.create_task(
            chatting(meta, service, chatters, args.rate, min(5.0, expected / 4))
        )
        deadline = started + expected * 1.5 + 60
        report: dict[str, int] = {}
        while time.perf_counter() < deadline:
            await asyncio.sleep(0.5)
            async with db.transaction() as repo:
                report = await repo.outbox.report(broadcast_id)
            if report.get("pending", 0) + report.get("sending", 0) == 0:
                break
        await asyncio.sleep(2.0)  # anything sent twice shows up by now
        chatted = await chat
        arrivals = [t for u in users for t in api.arrivals.get(wa[u], ())]
        got = {u: api.messages_to(wa[u]) for u in users}
        counters = service.background.sender.counters() if service.background.sender else {}
    per_user = collections.Counter(len(m) for m in got.values())
    sent = [m for ms in got.values() for m in ms]
    languages = collections.Counter(
        m.body["template"]["language"]["code"] for m in sent if m.type == "template"
    )
    free = sum(1 for m in sent if m.type != "template")
    wasted = sum(1 for u in inside for m in got[u] if m.type == "template")
    refused = {code: api.refused.get(code, 0) for code in (130429, 131056)}
    outbox_rate = rate * OWN_RATE_SHARE
    print(
        f"  sent      {len(arrivals):,} in {max(arrivals, default=math.nan) - started:.1f} s from"
        f" the enqueue ({enqueued:.1f} s of it enqueuing), sustained {sustained(arrivals):.1f}/s"
        f" (middle 80 %; {sustained(arrivals) / outbox_rate:.0%} of the outbox's rate)"
    )
    print(
        f"  kinds     {free:,} free-form, {sum(languages.values()):,} templates "
        f"({', '.join(f'{k} {n:,}' for k, n in sorted(languages.items()))}); "
        f"templates to users inside their window: {wasted}"
    )
    parts = {u: 2 if args.photo and u in inside else 1 for u in users}  # a template: 1
    once = sum(1 for u in users if len(got[u]) == parts[u])
    print(f"  once      {once:,} of {len(users):,} got it once; messages per user {dict(per_user)}")
    pace = ", ".join(f"{code} × {n}" for code, n in refused.items())
    met = "met" if not any(refused.values()) else "MISSED"
    print(f"  refused   {pace} [goal 0: {met}]; violations: {api.violations or 'none'}")
    print(f"  outbox    {report}; photo uploads {len(api.uploads)}; sender {counters}")
    return once == len(users) and not any(refused.values()) and not api.violations and chatted


async def run(args: argparse.Namespace) -> int:
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        for name, scenario in (("latency", scenario_latency), ("broadcast", scenario_broadcast)):
            if args.scenario in (name, "both"):
                cpu, meta = time.process_time(), Meta.cpu
                ok = await scenario(args, tmp) and ok
                meta, cpu = Meta.cpu - meta, time.process_time() - cpu
                print(f"  CPU       bot {cpu - meta:.1f} s, Meta's side {meta:.1f} s (one process)")
    return 0 if ok else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", choices=["latency", "broadcast", "both"], default="both")
    parser.add_argument("--users", type=int, default=200, help="latency: users (default 200)")
    parser.add_argument("--rate", type=float, default=50.0, help="messages/s users write")
    parser.add_argument("--broadcast-users", type=int, default=5000)
    parser.add_argument("--photo", action="store_true", help="broadcast: a photo, long text")
    parser.add_argument("--chatters", type=int, default=0, help="users writing during it")
    parser.add_argument("--whatsapp-rate", type=float, default=80.0, help="WHATSAPP_RATE")
    parser.add_argument("--throughput", type=float, default=80.0, help="the stand-in's msg/s")
    parser.add_argument("--postgres", action="store_true", help="a throwaway local PostgreSQL")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"load average before: {load}, {os.cpu_count()} CPUs")
    return asyncio.run(run(args))


if __name__ == "__main__":
    sys.exit(main())
