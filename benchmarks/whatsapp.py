"""The WhatsApp channel under load: webhook-to-reply latency, and a broadcast at Meta's pace.

The service runs as in production (ChatService: the /whatsapp webhook, its durable inbox, the
outbox sender) on a fresh SQLite database in a temporary directory (or `--postgres`: a throwaway
PostgreSQL database on 127.0.0.1:5432, dropped at the end), against the Graph API stand-in
(tests/graphapi.py). Meta's side, the stand-in and the signing webhook sender, runs on its own
thread and event loop, so a busy bot does not slow down its clients' clock. The stand-in takes
at most `--throughput` messages a second (default 80; 130429 past it) and a burst of 45 to one
user (131056).

latency    `--users` users (default 200) each POST a signed text message to /whatsapp, one
           every 1/`--rate` s (default 50/s). Per message: the webhook's own answer (POST to
           200) and the time from the POST leaving to the first reply to that user reaching
           the stand-in. Round 1 is first contact (/start); round 2, once every user has their
           answer, answers the bot's question (taps its first button).
broadcast  `--broadcast-users` (default 5,000) users, a third inside their 24-hour window, the
           rest outside it (the announcement template goes), one broadcast outbox row each.
           Reports the time from enqueue to the last arrival, the sustained rate (the outbox
           takes 85 % of WHATSAPP_RATE, `--whatsapp-rate`, default 80), templates against
           free-form messages, how many each user got (goal: exactly one) and the pace errors
           (goal: none). 5,000 at 68/s take about 75 s.

    python benchmarks/whatsapp.py
    python benchmarks/whatsapp.py --scenario latency --postgres
    python benchmarks/whatsapp.py --scenario broadcast --broadcast-users 1000 --whatsapp-rate 60
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import contextlib
import logging
import math
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
from sqlalchemy import insert

from bot.channels.service import ChatService
from bot.channels.templates import definitions
from bot.i18n import Messages
from bot.settings import Settings
from bot.workers import bind
from storage.base import now
from storage.db import enqueue_in_chunks
from storage.models import identities_t, users_t
from storage.outbox import OutboxItem
from tests.graphapi import GraphApi, MetaSender

TOKEN = "EAAG-bench-token"
PHONE_ID = "106540352242922"
APP_SECRET = "bench-app-secret"
VERIFY = "bench-verify"
PG = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}
FIRST_USER = 8_000_000_000  # broadcast recipients' user ids
LOCALES = ("bn", "bn", "en", "hi")  # the recipients' languages, in turn
TEXT = {
    "bn": "প্রিয় শিল্পী, আগামী সোমবার বাঁকুড়ায় Amazon Global Selling প্রশিক্ষণ।",
    "en": "Dear artisan, Amazon Global Selling training in Bankura next Monday.",
    "hi": "प्रिय कारीगर, अगले सोमवार बांकुड़ा में Amazon Global Selling प्रशिक्षण।",
}
T = TypeVar("T")


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


class Meta:
    """Meta's side on its own thread and event loop: the stand-in and an HTTP client."""

    def __init__(self, throughput: float) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="meta", daemon=True)
        self.api = TimedGraphApi(token=TOKEN, phone_number_id=PHONE_ID)
        self.api.throughput, self.api.pair_burst = throughput, 45
        self.api.approve(definitions(Messages()))  # every template, bn/en/hi
        self.session: aiohttp.ClientSession | None = None

    async def run(self, coro: Coroutine[Any, Any, T]) -> T:
        return await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(coro, self.loop))

    async def _start(self) -> None:
        await self.api.__aenter__()
        self.session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=200))

    async def _stop(self) -> None:
        assert self.session is not None
        await self.session.close()
        await self.api.__aexit__()

    async def __aenter__(self) -> Meta:
        self.thread.start()
        await self.run(self._start())
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.run(self._stop())
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
    sock = bind("127.0.0.1", 0)
    settings = Settings(
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
    service = ChatService(settings)  # WhatsApp alone
    try:
        await service.start_webhook(sock)
        yield service
    finally:
        await service.stop()
        sock.close()


def pct(values: list[float], q: float) -> float:
    """The q-th quantile (nearest rank), in milliseconds."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, math.ceil(q * len(ordered)) - 1))] * 1000


def spread(values: list[float]) -> str:
    if not values:
        return "none"
    return f"p50 {pct(values, 0.5):.0f} ms, p99 {pct(values, 0.99):.0f} ms, max {max(values) * 1000:.0f} ms"  # noqa: E501


async def post_paced(
    meta: Meta, sender: MetaSender, bodies: dict[str, bytes], rate: float
) -> dict[str, tuple[float, float, int]]:
    """POST each body at its time (on Meta's loop): user -> (sent at, POST to answer, status)."""
    session, start = meta.session, time.perf_counter()
    assert session is not None
    posted: dict[str, tuple[float, float, int]] = {}

    async def one(n: int, user: str, body: bytes) -> None:
        await asyncio.sleep(max(0.0, start + n / rate - time.perf_counter()))
        t0 = time.perf_counter()
        try:
            status = await sender.post(session, body)
        except aiohttp.ClientError:
            status = 0
        posted[user] = (t0, time.perf_counter() - t0, status)

    await asyncio.gather(*(one(n, user, body) for n, (user, body) in enumerate(bodies.items())))
    return posted


def answer(meta: Meta, sender: MetaSender, user: str) -> dict[str, Any]:
    """Round 2: the user taps the first button of the bot's last message, or writes a name."""
    got = meta.api.messages_to(user)
    choices = got[-1].choices if got else []
    if not choices:
        return sender.message(user, "text", {"body": "রিনা দাস"})
    title, data = choices[0]
    if got[-1].type == "template":
        return sender.message(user, "button", {"payload": data, "text": title})
    kind = "button_reply" if got[-1].body["interactive"]["type"] == "button" else "list_reply"
    return sender.message(user, "interactive", {"type": kind, kind: {"id": data, "title": title}})


def waiting(meta: Meta, posted: dict[str, tuple[float, float, int]]) -> bool:
    return any(not meta.since(user, t0) for user, (t0, _, _) in posted.items())


async def latency_round(
    meta: Meta, service: ChatService, label: str, bodies: dict[str, bytes], rate: float
) -> bool:
    """POST every body at ``rate``, wait for every answer, print the times."""
    assert service.whatsapp is not None and service.whatsapp.inbox is not None
    port = service.settings.webhook_listen.rsplit(":", 1)[1]
    sender = MetaSender(f"http://127.0.0.1:{port}/whatsapp", APP_SECRET, PHONE_ID)
    started = time.perf_counter()
    posted = await meta.run(post_paced(meta, sender, bodies, rate))
    took = time.perf_counter() - started
    deadline = time.perf_counter() + 60
    while time.perf_counter() < deadline and waiting(meta, posted):  # noqa: ASYNC110
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
        first = {u: sender.body([sender.message(u, "text", {"body": "/start"})]) for u in users}
        ok = await latency_round(meta, service, "round 1 (/start)", first, args.rate)
        second = {u: sender.body([answer(meta, sender, u)]) for u in users}
        label = "round 2 (taps the first button: the language)"
        ok = await latency_round(meta, service, label, second, args.rate) and ok
        print(
            f"  Meta      refused {api.refused or 'none'}; violations: {api.violations or 'none'}"
        )
    return ok and not api.violations


async def seed(service: ChatService, users: list[int], inside: set[int]) -> None:
    """Users with a WhatsApp identity, last seen now if inside the window, else 3 days ago."""
    assert service.core is not None
    stamp = now()
    old = stamp - timedelta(days=3)
    for start in range(0, len(users), 5000):
        chunk = users[start : start + 5000]
        seen = {u: stamp if u in inside else old for u in chunk}
        people = [
            {"user_id": u, "locale": locale(u), "lang_offered": True, "created_at": old}
            | {"last_seen_at": seen[u]}
            for u in chunk
        ]
        ids = [
            {"channel": "whatsapp", "external_id": wa_id(u), "user_id": u, "created_at": old}
            | {"last_seen_at": seen[u]}
            for u in chunk
        ]
        async with service.core.db.transaction() as repo:
            await repo.connection.execute(insert(users_t), people)
            await repo.connection.execute(insert(identities_t), ids)


async def enqueue(service: ChatService, users: list[int]) -> int:
    """One broadcast row per user, in their language, as a coordinator's broadcast; its id."""
    assert service.core is not None
    broadcast_id = int(time.time()) % 1_000_000
    texts = {code: {code: text} for code, text in TEXT.items()}  # one object per language
    expires = now() + timedelta(days=7)
    items = [
        OutboxItem(
            recipient=u,
            kind="broadcast",
            text_by_locale=texts[locale(u)],
            ref=f"broadcast:{broadcast_id}",
            broadcast_id=broadcast_id,
            quiet=True,
            expires_at=expires,
        )
        for u in users
    ]
    added = await enqueue_in_chunks(service.core.db, items)
    assert added == len(items), (added, len(items))
    return broadcast_id


def locale(user: int) -> str:
    return LOCALES[user % len(LOCALES)]


def wa_id(user: int) -> str:
    return str(910_000_000_000 + user)


def sustained(times: list[float]) -> float:
    """Messages per second over the middle 80 % of the arrivals."""
    times = sorted(times)
    lo, hi = len(times) // 10, len(times) * 9 // 10
    if hi - lo < 2 or times[hi] == times[lo]:
        return float("nan")
    return (hi - lo) / (times[hi] - times[lo])


async def scenario_broadcast(args: argparse.Namespace, tmp: str) -> bool:
    users = list(range(FIRST_USER, FIRST_USER + args.broadcast_users))
    inside = set(users[::3])
    wa = {u: wa_id(u) for u in users}
    rate = args.whatsapp_rate
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
            f" WHATSAPP_RATE {rate:g} (the outbox {rate * 0.85:g}/s), the stand-in "
            f"{args.throughput:g}/s and a burst of {api.pair_burst} to one user"
        )
        await seed(service, users, inside)
        started = time.perf_counter()
        broadcast_id = await enqueue(service, users)
        enqueued = time.perf_counter() - started
        deadline = started + len(users) / (rate * 0.85) * 1.5 + 60
        report: dict[str, int] = {}
        while time.perf_counter() < deadline:
            await asyncio.sleep(0.5)
            async with db.transaction() as repo:
                report = await repo.outbox.report(broadcast_id)
            if report.get("pending", 0) + report.get("sending", 0) == 0:
                break
        await asyncio.sleep(2.0)  # anything sent twice shows up by now
        arrivals = [t for u in users for t in api.arrivals.get(wa[u], ())]
        got = {u: api.messages_to(wa[u]) for u in users}
        counters = service.background.sender.counters() if service.background.sender else {}
    elapsed = (max(arrivals) - started) if arrivals else float("nan")
    per_user = collections.Counter(len(m) for m in got.values())
    templates = collections.Counter(
        m.body["template"]["language"]["code"]
        for ms in got.values()
        for m in ms
        if m.type == "template"
    )
    free = sum(1 for ms in got.values() for m in ms if m.type != "template")
    wasted = sum(1 for u in inside for m in got[u] if m.type == "template")
    once = per_user.get(1, 0)
    refused = {code: api.refused.get(code, 0) for code in (130429, 131056)}
    print(
        f"  sent      {len(arrivals):,} in {elapsed:.1f} s from the enqueue "
        f"({enqueued:.1f} s of it enqueuing), sustained {sustained(arrivals):.1f}/s "
        f"(middle 80 %; {sustained(arrivals) / (rate * 0.85):.0%} of the outbox's rate)"
    )
    print(
        f"  kinds     {free:,} free-form, {sum(templates.values()):,} templates "
        f"({', '.join(f'{k} {n:,}' for k, n in sorted(templates.items()))}); "
        f"templates to users inside their window: {wasted}"
    )
    print(
        f"  once      {once:,} of {len(users):,} got exactly one; per user {dict(sorted(per_user.items()))}"  # noqa: E501
    )
    pace = ", ".join(f"{code} × {n}" for code, n in refused.items())
    met = "met" if not any(refused.values()) else "MISSED"
    print(f"  refused   {pace} [goal 0: {met}]; violations: {api.violations or 'none'}")
    print(f"  outbox    {report}; sender {counters}")
    return once == len(users) and not any(refused.values()) and not api.violations


async def run(args: argparse.Namespace) -> int:
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        if args.scenario in ("latency", "both"):
            ok = await scenario_latency(args, tmp) and ok
        if args.scenario in ("broadcast", "both"):
            ok = await scenario_broadcast(args, tmp) and ok
    return 0 if ok else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", choices=["latency", "broadcast", "both"], default="both")
    parser.add_argument("--users", type=int, default=200, help="latency: users (default 200)")
    parser.add_argument("--rate", type=float, default=50.0, help="latency: messages/s offered")
    parser.add_argument("--broadcast-users", type=int, default=5000)
    parser.add_argument("--whatsapp-rate", type=float, default=80.0, help="WHATSAPP_RATE")
    parser.add_argument("--throughput", type=float, default=80.0, help="the stand-in's msg/s")
    parser.add_argument("--postgres", action="store_true", help="a throwaway local PostgreSQL")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    return asyncio.run(run(args))


if __name__ == "__main__":
    sys.exit(main())
