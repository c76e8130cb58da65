"""Load: N sellers chatting at once through the real Telegram path, against the fake Bot API.

Each simulated seller registers in Bengali (language, consent, name, business skipped, district,
phone as a shared contact, craft, GSTIN / IEC / Udyam skipped, confirm) and then sends /menu,
/products and /help: 15 updates, each sent only once the bot has answered the one before, like
a person. The bot runs as `python run_bot.py`, a real process, in two set-ups:

  (a) long polling, one process, SQLite (a file in a temporary directory);
  (b) `--webhook --workers 3` on a throwaway PostgreSQL database on 127.0.0.1 (dropped at the
      end), the fake server POSTing every update to the webhook with the secret token, up to 40
      connections at a time as Telegram does.

Each set-up runs two phases with fresh sellers:

  saturation  `--users` sellers (default 500), think time `--think` (default 0): each sends
              again as soon as answered, so the bot is never idle; gives the throughput
              (updates/s over the phase, and over its middle 80 % without ramp-up and tail).
  paced       random think times (uniform, mean users / rate) so that updates arrive at about
              `--rate` per second (default 200, the goal), for about 40 s; gives the latency
              at that rate. It is needed because with think time 0 the latency is only
              queueing: by Little's law N sellers waiting on X updates/s wait N / X seconds.
              When the bot saturates below --rate, this phase runs at 80 % of the saturation
              rate instead (the goal is then missed; the latency there is still shown).

Latency is end to end: from the update being handed to the fake Telegram (queued for
getUpdates, or for the webhook POST) to the bot's last reaction to it (message, edit or
callback answer) arriving at the fake server. The expected reactions per step come from one
seller walked through first, alone; every seller's transcript must then match that one (their
own name and phone aside). After the bot stops, the database is checked: every update id sent
is in processed_updates exactly once, with its replies marked sent, and every seller is
registered. Peak resident memory is sampled with psutil (every 0.2 s) per process.

    python benchmarks/load.py                       # both set-ups, 500 sellers per phase
    python benchmarks/load.py --scenario a --users 200
    python benchmarks/load.py --scenario b --think 1 --rate 0     # no paced phase

The fake Telegram and the sellers run in this process, beside the bot's processes on the same
machine; their CPU time is printed too, with the load average (other work on the machine
slows the bot down).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import asyncpg
import psutil
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import create_async_engine

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.workers import bind  # noqa: E402
from storage.models import Identity, ProcessedUpdate, Seller  # noqa: E402
from tests.fakebot import FakeBotApi, FakeUser, Message  # noqa: E402

TOKEN = "4242:LOAD-bench"
SECRET = "load-bench-secret_0123456789"
PG = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}
WORKERS = 3
REPLY_TIMEOUT = 60.0  # seconds a seller waits for an answer before counting it as lost
QUIET = 0.4  # the reference seller: an answer is complete after this long without reactions
PACED_SECONDS = 40.0  # about how long the paced phase lasts
PACED_SHARE = 0.8  # of the saturation rate, when that is below --rate
GOAL_RATE = 200.0  # updates/s
# The stand-in here enforces no limit: Telegram's 30 messages/s (TELEGRAM_RATE) is lifted so
# that the throughput is the bot's own (classroom.py measures with the limits).
UNPACED = "100000"
GOAL_P99 = 0.250  # seconds
GOAL_RSS = 150.0  # MB per worker

FIRST = ["রিনা", "সুমন", "মিতা", "অমল", "পূজা", "রতন", "শিখা", "বিমল", "কাকলি", "তাপস",
         "মৌসুমী", "গোপাল", "লক্ষ্মী", "নিতাই", "সীমা", "হারাধন", "দীপা", "বাবলু", "রুমা", "শ্যামল"]  # fmt: skip
LAST = ["দাস", "মণ্ডল", "পাল", "ঘোষ", "রায়", "সরকার", "বিশ্বাস", "মাহাতো", "কর্মকার", "বাগদী",
        "হালদার", "প্রামাণিক", "সাহা", "দে", "নন্দী", "বেরা", "মাঝি", "শেখ", "খাতুন", "বর্মন",
        "সিংহ", "জানা", "গিরি", "কুণ্ডু", "দত্ত"]  # fmt: skip

# (action, argument): "say" a text, "press" a button (label, exact or contained), share "contact".
SCRIPT: list[tuple[str, str]] = [
    ("say", "/start"),
    ("press", "বাংলা"),
    ("press", "আমি রাজি"),
    ("say", "{name}"),
    ("press", "বাদ দিন"),  # business name
    ("say", "বাঁকুড়া"),
    ("contact", "+91{phone}"),
    ("press", "ডোকরা"),
    ("press", "বাদ দিন"),  # GSTIN
    ("press", "বাদ দিন"),  # IEC
    ("press", "বাদ দিন"),  # Udyam
    ("press", "হ্যাঁ, সব ঠিক আছে"),
    ("say", "/menu"),
    ("say", "/products"),
    ("say", "/help"),
]
REGISTERED = "নিবন্ধন হয়ে গেছে"


def own_cpu() -> float:
    """CPU seconds of this process: the fake Telegram server and the simulated sellers."""
    times = psutil.Process().cpu_times()
    return times.user + times.system


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


# ---------------------------------------------------------------- simulated sellers


@dataclass
class Simulated:
    """One seller: their identity, the update ids they sent and how long each answer took."""

    user: FakeUser
    name: str
    phone: str  # 10 digits
    sent: list[int] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    pushed: list[float] = field(default_factory=list)  # monotonic() of each update sent
    last_reply: float = 0.0
    lost: str | None = None  # why the seller gave up waiting

    def fill(self, template: str) -> str:
        return template.format(name=self.name, phone=self.phone)

    def normalise(self, text: str) -> str:
        """Their own name and phone replaced, so transcripts of different sellers compare."""
        phone = f"+91 {self.phone[:5]} {self.phone[5:]}"
        return text.replace(self.name, "{name}").replace(phone, "{phone}")

    def transcript(self) -> list[tuple[Any, ...]]:
        return [
            (m.kind, m.deleted, self.normalise(m.content), tuple(m.buttons))
            for m in self.user.api.transcript(self.user.id)
        ]


def make_seller(api: FakeBotApi, user_id: int, index: int) -> Simulated:
    name = f"{FIRST[index % len(FIRST)]} {LAST[index // len(FIRST) % len(LAST)]}"
    user = FakeUser(api, user_id=user_id, first_name=name.split()[0], language_code="bn")
    return Simulated(user, name, f"98{index % 100_000_000:08d}")


def command_entities(text: str) -> dict[str, Any]:
    if not text.startswith("/"):
        return {}
    return {"entities": [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]}


def latest_keyboard(seller: Simulated) -> Message:
    for msg in reversed(seller.user.messages):
        if msg.inline_keyboard:
            return msg
    raise AssertionError(f"{seller.user.id}: no inline keyboard to press")


def build_update(seller: Simulated, action: str, argument: str) -> dict[str, Any]:
    """The Telegram update a person's action makes (as the fake server will hand it out)."""
    user, value = seller.user, seller.fill(argument)
    if action == "say":
        return {"message": user.make_message(text=value, **command_entities(value))}
    if action == "contact":
        contact = {"phone_number": value, "first_name": user.first_name, "user_id": user.id}
        return {"message": user.make_message(contact=contact)}
    msg = latest_keyboard(seller)
    buttons = [b for row in msg.inline_keyboard for b in row]
    found = [b for b in buttons if b.get("text") == value] or [
        b for b in buttons if value in b.get("text", "")
    ]
    if len(found) != 1:
        raise AssertionError(f"{user.id}: button {value!r} not found once in {msg.buttons}")
    query = {
        "id": uuid.uuid4().hex,
        "from": user.user,
        "chat_instance": f"ci{user.id}",
        "data": found[0]["callback_data"],
        "message": user.api.message_json(msg),
    }
    return {"callback_query": query}


class Replies:
    """Wakes a seller when the bot's reactions in their chat reach a count (no polling)."""

    def __init__(self, api: FakeBotApi) -> None:
        self.api = api
        self.waiting: dict[int, tuple[int, asyncio.Future[float]]] = {}
        api.on_reply = self._on_reply

    def _on_reply(self, chat_id: int) -> None:
        entry = self.waiting.get(chat_id)
        if entry and self.api.reply_count(chat_id) >= entry[0] and not entry[1].done():
            entry[1].set_result(time.monotonic())

    async def until(self, chat_id: int, count: int) -> float | None:
        """monotonic() when the chat's reactions reached `count`; None after REPLY_TIMEOUT."""
        if self.api.reply_count(chat_id) >= count:
            return time.monotonic()
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        self.waiting[chat_id] = (count, future)
        try:
            return await asyncio.wait_for(future, REPLY_TIMEOUT)
        except TimeoutError:
            return None
        finally:
            self.waiting.pop(chat_id, None)


async def answer_size(api: FakeBotApi, replies: Replies, chat_id: int, before: int) -> int | None:
    """The reactions a chat got after ``before`` of them, once it has been quiet for QUIET
    (the rest of an answer may still be on its way after the first); None: no answer."""
    if await replies.until(chat_id, before + 1) is None:
        return None
    while True:
        rest = QUIET - (time.monotonic() - api.last_activity(chat_id))
        if rest <= 0:
            break
        await asyncio.sleep(rest)
    return api.reply_count(chat_id) - before


async def reference_run(api: FakeBotApi, replies: Replies, seller: Simulated) -> list[int]:
    """Walk one seller alone through the script; the reactions each step gets."""
    counts = []
    for action, argument in SCRIPT:
        before = api.reply_count(seller.user.id)
        seller.sent.append(await api.push_update(build_update(seller, action, argument)))
        count = await answer_size(api, replies, seller.user.id, before)
        if count is None:
            raise AssertionError(f"reference seller: no answer to {action} {argument!r}")
        counts.append(count)
    if REGISTERED not in " ".join(m.content for m in seller.user.messages):
        raise AssertionError("the reference seller was not registered")
    return counts


async def chat(
    seller: Simulated,
    expected: list[int],
    replies: Replies,
    think: Callable[[], float],
    start_delay: float,
) -> None:
    api, chat_id = seller.user.api, seller.user.id
    await asyncio.sleep(start_delay)
    target = api.reply_count(chat_id)
    for step, ((action, argument), count) in enumerate(zip(SCRIPT, expected, strict=True)):
        if step and (pause := think()):
            await asyncio.sleep(pause)
        try:
            update = build_update(seller, action, argument)
        except AssertionError as exc:  # the bot's last answer was not what it should be
            seller.lost = f"step {step + 1} ({action}): {exc}"
            return
        pushed = time.monotonic()
        seller.pushed.append(pushed)
        seller.sent.append(await api.push_update(update))
        target += count
        answered = await replies.until(chat_id, target)
        if answered is None:
            seller.lost = f"step {step + 1} ({action}): no complete answer in {REPLY_TIMEOUT:.0f} s"
            return
        seller.latencies.append(answered - pushed)
        seller.last_reply = answered


@dataclass
class Phase:
    name: str
    sellers: list[Simulated]
    think_mean: float
    seconds: float = 0.0
    offered: float = 0.0  # paced: the rate aimed at

    @property
    def updates(self) -> int:
        return sum(len(s.sent) for s in self.sellers)

    @property
    def rate(self) -> float:
        """Updates per second over the whole phase."""
        return self.updates / self.seconds if self.seconds else float("nan")

    @property
    def sustained(self) -> float:
        """Updates per second over the middle 80 % of the phase (no ramp-up, no tail)."""
        times = sorted(t for s in self.sellers for t in s.pushed)
        lo, hi = len(times) // 10, len(times) * 9 // 10
        if hi - lo < 2 or times[hi] == times[lo]:
            return float("nan")
        return (hi - lo) / (times[hi] - times[lo])

    @property
    def latencies(self) -> list[float]:
        return [x for s in self.sellers for x in s.latencies]


async def run_phase(
    api: FakeBotApi,
    replies: Replies,
    name: str,
    first_id: int,
    users: int,
    think_mean: float,
    expected: list[int],
    rng: random.Random,
) -> Phase:
    sellers = [make_seller(api, first_id + i, i) for i in range(users)]

    def think() -> float:
        # Uniform around the mean: the sellers' sum of 15 pauses varies little, so the phase
        # does not wait long for its slowest seller; 500 of them together still send at random.
        return rng.uniform(0, 2 * think_mean)

    phase = Phase(name, sellers, think_mean)
    tasks = [chat(s, expected, replies, think, think() / 2) for s in sellers]
    await asyncio.gather(*tasks)
    started = min((s.pushed[0] for s in sellers if s.pushed), default=0.0)
    ended = max((s.last_reply for s in sellers), default=0.0)
    phase.seconds = max(0.0, ended - started)
    return phase


# ---------------------------------------------------------------- the bot as a process


def waited_for_cpu(pid: int) -> float:
    """Seconds the process's threads were ready to run but waiting for a CPU (Linux only)."""
    total = 0
    for stat in Path(f"/proc/{pid}/task").glob("*/schedstat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            total += int(stat.read_text().split()[1])
    return total / 1e9


class Memory:
    """Peak resident memory and CPU time of the bot's process tree (and of the PostgreSQL
    backends serving its database), sampled with psutil."""

    def __init__(self, pid: int, database: str | None = None) -> None:
        self.root = psutil.Process(pid)
        self.database = database
        self.peak: dict[int, float] = {}
        self.labels: dict[int, str] = {}
        self.cpu: dict[int, float] = {}
        self.waited: dict[int, float] = {}
        self.backends: dict[int, float] = {}  # PostgreSQL backend pid -> CPU seconds

    def sample(self) -> None:
        with contextlib.suppress(psutil.Error):
            processes = [self.root, *self.root.children(recursive=True)]
            for proc in processes:
                with contextlib.suppress(psutil.Error):
                    rss = proc.memory_info().rss / 2**20
                    self.peak[proc.pid] = max(rss, self.peak.get(proc.pid, 0.0))
                    self.cpu[proc.pid] = sum(proc.cpu_times()[:2])
                    self.waited[proc.pid] = waited_for_cpu(proc.pid)
                    self.labels[proc.pid] = self._label(proc)  # a fresh child may not be one yet
        if self.database:
            for proc in psutil.process_iter(["cmdline"]):
                with contextlib.suppress(psutil.Error):
                    if f" {self.database} " in " ".join(proc.info["cmdline"] or []):
                        self.backends[proc.pid] = sum(proc.cpu_times()[:2])

    def totals(self) -> dict[str, float]:
        """CPU seconds so far: the bot's processes, their wait for a CPU, PostgreSQL's."""
        self.sample()
        return {
            "bot": sum(self.cpu.values()),
            "waited": sum(self.waited.values()),
            "postgres": sum(self.backends.values()),
        }

    def _label(self, proc: psutil.Process) -> str:
        if proc.pid == self.root.pid:
            return "root"  # "parent" of workers, or the "bot process" itself (see processes)
        line = " ".join(proc.cmdline())
        if "resource_tracker" in line:
            return "resource tracker"
        return "worker" if "spawn_main" in line else proc.name()

    def processes(self) -> list[tuple[str, int, float, float]]:
        """(label, pid, peak MB, CPU seconds) of the bot's processes, the parent first."""
        labels = dict(self.labels)
        workers = "worker" in labels.values()
        labels[self.root.pid] = "parent" if workers else "bot process"
        return sorted(
            (
                (labels.get(pid, "?"), pid, mb, self.cpu.get(pid, 0.0))
                for pid, mb in self.peak.items()
                if labels.get(pid) != "resource tracker"
            ),
            key=lambda m: (m[0] != "parent", m[0], m[1]),
        )

    async def watch(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            self.sample()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), 0.2)


def bot_environment(data: Path, **settings: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("TELEGRAM_", "DATABASE_", "WEBHOOK_", "PROMETHEUS_", "LOG_"))
    }
    env.update(
        TELEGRAM_BOT_TOKEN=TOKEN,
        DATA_DIR=str(data),
        LOG_FORMAT="json",
        LOG_LEVEL="WARNING",
        **settings,
    )
    return env


@dataclass
class Bot:
    pid: int
    status: int | None = None  # exit status after the SIGTERM (0: a clean stop)


@contextlib.asynccontextmanager
async def bot_process(args: list[str], env: dict[str, str], log: Path) -> AsyncIterator[Bot]:
    """run_bot.py as a child process; SIGTERM at the end (a clean stop must exit 0)."""
    with log.open("wb") as stderr:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            str(ROOT / "run_bot.py"),
            *args,
            cwd=env["DATA_DIR"],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
        bot = Bot(process.pid)
        try:
            yield bot
        finally:
            if process.returncode is None:
                process.send_signal(signal.SIGTERM)
            try:
                bot.status = await asyncio.wait_for(process.wait(), 90)
            except TimeoutError:
                process.kill()
                bot.status = await process.wait()


def log_errors(log: Path) -> list[str]:
    """ERROR and CRITICAL lines the bot logged (JSON lines; anything else counts too)."""
    found = []
    for line in log.read_text(errors="replace").splitlines():
        try:
            level = json.loads(line).get("level", "")
        except ValueError:
            level = "ERROR"
        if level in ("ERROR", "CRITICAL"):
            found.append(line[:300])
    return found


@contextlib.asynccontextmanager
async def pg_database() -> AsyncIterator[str]:
    name = f"es_load_{uuid.uuid4().hex[:8]}"
    conn = await asyncpg.connect(**PG, database="postgres")
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    try:
        yield f"postgresql://{PG['user']}@{PG['host']}:{PG['port']}/{name}"
    finally:
        conn = await asyncpg.connect(**PG, database="postgres")
        try:
            await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await conn.close()


def log_tail(log: Path) -> str:
    return log.read_text(errors="replace")[-3000:]


async def until(condition: Callable[[], Any], what: str, log: Path, within: float = 60.0) -> None:
    """Wait for the bot to start; when it does not, say why with the end of its log."""
    deadline = time.monotonic() + within
    while not await condition():
        if time.monotonic() > deadline:
            tail = log_tail(log)
            raise RuntimeError(f"not within {within:.0f} s: {what}; the bot's log ends:\n{tail}")
        await asyncio.sleep(0.1)


# ---------------------------------------------------------------- checks and report


@dataclass
class Outcome:
    label: str
    phases: list[Phase]
    expected_total: int
    reference: Simulated
    violations: int = 0
    failed_requests: int = 0
    polls: int = 0  # getUpdates calls
    webhook_errors: dict[int, int] = field(default_factory=dict)
    webhook_repeats: int = 0
    lost_users: list[str] = field(default_factory=list)
    wrong_transcripts: int = 0
    extra_reactions: int = 0
    missing_updates: int = 0
    unexpected_updates: int = 0
    doubled_updates: int = 0
    unreplied: int = 0
    unregistered: int = 0
    log_errors: list[str] = field(default_factory=list)
    exit_status: int | None = None
    memory: list[tuple[str, int, float, float]] = field(default_factory=list)
    cpu: dict[str, float] = field(default_factory=dict)  # seconds, during the phases
    elapsed: float = 0.0
    load: tuple[float, float, float] = (0.0, 0.0, 0.0)

    @property
    def saturation(self) -> Phase:
        return self.phases[0]

    @property
    def paced(self) -> Phase | None:
        return self.phases[1] if len(self.phases) > 1 else None

    @property
    def lost_or_doubled(self) -> int:
        return (
            len(self.lost_users)
            + self.missing_updates
            + self.unexpected_updates
            + self.doubled_updates
            + self.extra_reactions
            + self.wrong_transcripts
            + self.unreplied
            + self.unregistered
        )

    @property
    def workers(self) -> list[float]:  # the processes that handle updates
        return [mb for label, _, mb, _ in self.memory if label in ("worker", "bot process")]


def check_replies(outcome: Outcome, api: FakeBotApi) -> None:
    """Every seller got exactly the reference seller's conversation, no more, no less."""
    reference = outcome.reference.transcript()
    for phase in outcome.phases:
        for seller in phase.sellers:
            if seller.lost:
                outcome.lost_users.append(f"{seller.user.id}: {seller.lost}")
                continue
            got = api.reply_count(seller.user.id)
            outcome.extra_reactions += max(0, got - outcome.expected_total)
            if seller.transcript() != reference:
                outcome.wrong_transcripts += 1


async def check_database(outcome: Outcome, url: str, sellers: list[Simulated]) -> None:
    sent = [u for s in sellers for u in s.sent]
    engine = create_async_engine(url)
    try:
        async with engine.connect() as conn:
            rows = (
                await conn.execute(select(ProcessedUpdate.update_id, ProcessedUpdate.replied_at))
            ).all()
            registered = {
                int(external)
                for external in (
                    await conn.execute(
                        select(Identity.external_id)
                        .join(Seller, Seller.user_id == Identity.user_id)
                        .where(
                            Identity.channel == "telegram",
                            Identity.external_id.in_([str(s.user.id) for s in sellers]),
                        )
                    )
                ).scalars()
            }
            total = (await conn.execute(select(func.count()).select_from(ProcessedUpdate))).scalar()
    finally:
        await engine.dispose()
    processed = {int(r.update_id) for r in rows}
    outcome.missing_updates = len(set(sent) - processed)
    outcome.unexpected_updates = len(processed - set(sent))
    outcome.doubled_updates = int(total or 0) - len(processed) + (len(sent) - len(set(sent)))
    outcome.unreplied = sum(1 for r in rows if r.replied_at is None)
    outcome.unregistered = sum(1 for s in sellers if s.user.id not in registered and not s.lost)


def report(outcome: Outcome) -> None:
    print(f"\n== {outcome.label}")
    for phase in outcome.phases:
        lat = phase.latencies
        think = f"think {phase.think_mean:.2f} s mean" if phase.think_mean else "think 0"
        if phase.offered:
            think += f" (offering {phase.offered:.0f} updates/s)"
        print(
            f"  {phase.name:<10}  {len(phase.sellers)} sellers, {think}: {phase.updates} updates "
            f"in {phase.seconds:.1f} s = {phase.rate:.0f} updates/s ({phase.sustained:.0f}/s in "
            f"the middle 80 %); latency p50 "
            f"{percentile(lat, 0.5) * 1000:.0f} ms, p99 {percentile(lat, 0.99) * 1000:.0f} ms, "
            f"max {max(lat, default=float('nan')) * 1000:.0f} ms"
        )
    posts = ", ".join(f"{n}× {code or 'no answer'}" for code, n in outcome.webhook_errors.items())
    print(
        f"  errors      {outcome.violations} invalid requests (fake server), "
        f"{outcome.failed_requests} other non-200 answers to the bot, "
        f"{len(outcome.lost_users)} sellers without an answer in {REPLY_TIMEOUT:.0f} s, "
        f"webhook POSTs not 200: {posts or 'none'}, "
        f"{len(outcome.log_errors)} ERROR log lines, exit status after SIGTERM "
        f"{outcome.exit_status}"
    )
    print(
        f"  lost/double {outcome.missing_updates} update ids missing from processed_updates, "
        f"{outcome.doubled_updates} doubled, {outcome.unexpected_updates} unexpected, "
        f"{outcome.unreplied} without replied_at; {outcome.unregistered} sellers not registered; "
        f"{outcome.extra_reactions} extra bot reactions, {outcome.wrong_transcripts} transcripts "
        f"differing from the reference; {outcome.webhook_repeats} updates POSTed more than once"
    )
    memory = ", ".join(
        f"{label} {mb:.0f} MB ({cpu:.0f} s CPU)" for label, _, mb, cpu in outcome.memory
    )
    print(f"  memory      peak resident (CPU time in all): {memory}")
    per_update = 1000 / max(sum(p.updates for p in outcome.phases), 1)
    load = " ".join(f"{x:.2f}" for x in outcome.load)
    cpu = outcome.cpu
    postgres = f"PostgreSQL {cpu['postgres']:.0f} s, " if cpu.get("postgres") else ""
    print(
        f"  cpu         in the phases ({outcome.elapsed:.0f} s): bot {cpu['bot']:.0f} s "
        f"({cpu['bot'] * per_update:.1f} ms per update) and {cpu['waited']:.0f} s ready but "
        f"waiting for a CPU; {postgres}fake Telegram and sellers {cpu['own']:.0f} s "
        f"({cpu['own'] * per_update:.1f} ms per update); load average after: {load}"
    )
    if outcome.polls:
        updates = sum(p.updates for p in outcome.phases) + len(outcome.reference.sent)
        print(f"  polling     {outcome.polls} getUpdates calls for {updates} updates")
    for line in outcome.lost_users[:3] + outcome.log_errors[:3]:
        print(f"    {line}")


# ---------------------------------------------------------------- the two set-ups


async def drive(
    api: FakeBotApi, args: argparse.Namespace, label: str, first_id: int, memory: Memory
) -> tuple[Outcome, list[Simulated]]:
    """The reference seller, then the phases; returns the outcome (without the db checks)."""
    replies = Replies(api)
    rng = random.Random(args.seed)
    reference = make_seller(api, first_id, 0)
    expected = await reference_run(api, replies, reference)
    before, started = {**memory.totals(), "own": own_cpu()}, time.monotonic()
    phases = [
        await run_phase(
            api, replies, "saturation", first_id + 1, args.users, args.think, expected, rng
        )
    ]
    if args.rate > 0:
        # Below capacity only: beyond it the queue, and the latency, grow without end.
        rate = min(args.rate, PACED_SHARE * phases[0].rate)
        users = min(args.users, math.ceil(rate * PACED_SECONDS / len(SCRIPT)))
        first = first_id + 1 + args.users
        paced = await run_phase(api, replies, "paced", first, users, users / rate, expected, rng)
        paced.offered = rate
        phases.append(paced)
    after, elapsed = {**memory.totals(), "own": own_cpu()}, time.monotonic() - started
    await asyncio.sleep(1.0)  # anything late (a doubled reply) arrives and is counted
    outcome = Outcome(label, phases, sum(expected), reference)
    outcome.cpu = {key: after[key] - before[key] for key in after}
    outcome.elapsed = elapsed
    outcome.violations = len(api.violations)
    outcome.failed_requests = sum(
        1 for r in api.requests if r.status != 200 and r.method != "getUpdates"
    )
    outcome.polls = len(api.calls("getUpdates"))
    check_replies(outcome, api)
    sellers = [reference, *(s for p in phases for s in p.sellers)]
    return outcome, sellers


def finish(outcome: Outcome, memory: Memory, log: Path, bot: Bot) -> None:
    outcome.memory = memory.processes()
    outcome.exit_status = bot.status
    outcome.log_errors = log_errors(log)
    outcome.load = os.getloadavg()


async def scenario_polling(args: argparse.Namespace) -> Outcome:
    with tempfile.TemporaryDirectory(prefix="load-a-") as tmp:
        data = Path(tmp)
        async with FakeBotApi(token=TOKEN, max_poll_timeout=1) as api:
            env = bot_environment(
                data, TELEGRAM_API_URL=api.root, DATABASE_URL="", TELEGRAM_RATE=UNPACED
            )
            log = data / "bot.log"
            stop = asyncio.Event()
            async with bot_process([], env, log) as bot:
                memory = Memory(bot.pid)
                watcher = asyncio.create_task(memory.watch(stop))

                async def polling() -> bool:
                    return bool(api.calls("getUpdates"))

                await until(polling, "the bot polls", log)
                outcome, sellers = await drive(
                    api, args, "(a) polling, 1 process, SQLite", 10**9, memory
                )
                memory.sample()
                stop.set()
                await watcher
            finish(outcome, memory, log, bot)
        url = f"sqlite+aiosqlite:///{(data / 'export_sathi.db').as_posix()}"
        await check_database(outcome, url, sellers)
    return outcome


async def scenario_webhook(args: argparse.Namespace) -> Outcome:
    with tempfile.TemporaryDirectory(prefix="load-b-") as tmp:
        data = Path(tmp)
        async with pg_database() as url, FakeBotApi(token=TOKEN) as api:
            probe = bind("127.0.0.1", 0)
            port = probe.getsockname()[1]
            probe.close()
            base = f"http://127.0.0.1:{port}"
            env = bot_environment(
                data,
                TELEGRAM_API_URL=api.root,
                DATABASE_URL=url,
                WEBHOOK_URL=f"{base}/telegram/hook",
                WEBHOOK_SECRET=SECRET,
                WEBHOOK_LISTEN=f"127.0.0.1:{port}",
                TELEGRAM_RATE=UNPACED,  # per worker process
            )
            log = data / "bot.log"
            stop = asyncio.Event()
            args_ = ["--webhook", "--workers", str(WORKERS)]
            async with bot_process(args_, env, log) as bot, aiohttp.ClientSession() as http:
                memory = Memory(bot.pid, database=url.rsplit("/", 1)[1])
                watcher = asyncio.create_task(memory.watch(stop))

                async def ready() -> bool:
                    if not api.calls("setWebhook"):
                        return False
                    workers = [
                        p
                        for p in psutil.Process(bot.pid).children()
                        if "spawn_main" in " ".join(p.cmdline())
                    ]
                    if len(workers) < WORKERS:
                        return False
                    try:
                        async with http.get(base + "/healthz") as response:
                            return response.status == 200
                    except aiohttp.ClientError:
                        return False

                await until(ready, "the webhook workers are up", log)
                await asyncio.sleep(3.0)  # every worker past its migrations and listening
                api.start_webhook_delivery()
                label = f"(b) webhook, {WORKERS} workers, PostgreSQL"
                outcome, sellers = await drive(api, args, label, 2 * 10**9, memory)
                memory.sample()
                stop.set()
                await watcher
            finish(outcome, memory, log, bot)
            posts: dict[int, int] = {}
            ok: dict[int, int] = {}
            for update_id, status in api.webhook_posts:
                if status != 200:
                    posts[status] = posts.get(status, 0) + 1
                else:
                    ok[update_id] = ok.get(update_id, 0) + 1
            outcome.webhook_errors = posts
            outcome.webhook_repeats = sum(1 for n in ok.values() if n > 1)
            await check_database(
                outcome, url.replace("postgresql://", "postgresql+asyncpg://", 1), sellers
            )
    return outcome


def goals(results: dict[str, Outcome]) -> None:
    def verdict(ok: bool) -> str:
        return "met" if ok else "MISSED"

    def latency(key: str, outcome: Outcome) -> str:
        paced = outcome.paced
        if paced is None:
            return f"  ({key}) p99 <= {GOAL_P99 * 1000:.0f} ms: not measured (--rate 0)"
        p99 = percentile(paced.latencies, 0.99)
        at_goal = paced.offered >= GOAL_RATE
        note = "" if at_goal else f" (offered {paced.offered:.0f}/s, below the goal rate)"
        ok = at_goal and p99 <= GOAL_P99
        return (
            f"  ({key}) p99 <= {GOAL_P99 * 1000:.0f} ms at {GOAL_RATE:.0f} updates/s: "
            f"{p99 * 1000:.0f} ms at {paced.sustained:.0f}/s{note} {verdict(ok)}"
        )

    print("\nGoals")
    a, b = results.get("a"), results.get("b")
    if a is not None:
        rate = a.saturation.rate
        print(f"  (a) >= {GOAL_RATE:.0f} updates/s: {rate:.0f}/s {verdict(rate >= GOAL_RATE)}")
        print(latency("a", a))
    if b is not None:
        floor = a.saturation.rate if a is not None else GOAL_RATE
        rate = b.saturation.rate
        print(
            f"  (b) at least as fast as {'(a)' if a else 'the goal of (a)'} ({floor:.0f}/s): "
            f"{rate:.0f}/s {verdict(rate >= floor)}"
        )
        print(latency("b", b))
    for key, outcome in results.items():
        errors = (
            outcome.violations
            + outcome.failed_requests
            + len(outcome.lost_users)
            + sum(outcome.webhook_errors.values())
            + len(outcome.log_errors)
            + (outcome.exit_status != 0)
        )
        workers = outcome.workers
        print(
            f"  ({key}) zero lost or doubled: {outcome.lost_or_doubled} "
            f"{verdict(outcome.lost_or_doubled == 0)}; zero errors: {errors} "
            f"{verdict(errors == 0)}; <= {GOAL_RSS:.0f} MB per worker: "
            f"{', '.join(f'{mb:.0f}' for mb in workers)} MB "
            f"{verdict(bool(workers) and max(workers) <= GOAL_RSS)}"
        )


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=500, help="sellers per phase (default 500)")
    parser.add_argument("--scenario", choices=["a", "b", "both"], default="both")
    parser.add_argument(
        "--think", type=float, default=0.0, help="saturation phase: mean think time, seconds"
    )
    parser.add_argument(
        "--rate",
        type=float,
        default=GOAL_RATE,
        help="paced phase: updates/s to offer (default 200; 0 skips the phase)",
    )
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(
        f"{args.users} sellers per phase, {len(SCRIPT)} updates each; "
        f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}, "
        f"{os.cpu_count()} CPUs"
    )
    results: dict[str, Outcome] = {}
    if args.scenario in ("a", "both"):
        results["a"] = await scenario_polling(args)
        report(results["a"])
    if args.scenario in ("b", "both"):
        results["b"] = await scenario_webhook(args)
        report(results["b"])
    goals(results)
    return 0 if all(o.lost_or_doubled == 0 for o in results.values()) else 1


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
