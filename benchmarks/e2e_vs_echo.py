"""This bot against a bare python-telegram-bot echo bot, on the same Bot API stand-in (issue 16).

One run starts the echo bot (PTB's own example: ``Application.run_polling`` and one
MessageHandler that sends the text back, updates handled one after another, as PTB does by
default) and then this bot (`python run_bot.py`, long polling), one after the other, against
one fake Bot API in this process. Each gets the same two bursts from 400 new users: every user's
first message (/start) at once, and when all are answered one more message from each ("বাংলা",
the answer to the language question). A burst's rate is its users divided by the seconds from
the first update queued to the last user's complete answer; each bot gets three rounds with
new users (--rounds) and its fastest round of each burst counts. Printed: both bots' rates, this
bot's share of the echo bot's (goal >= 0.5 on SQLite), and p50/p99 per user.

    python benchmarks/e2e_vs_echo.py                     # SQLite
    python benchmarks/e2e_vs_echo.py --database postgresql
    python benchmarks/e2e_vs_echo.py --users 200 --echo-concurrent

--profile FILE records where this bot's time goes during the bursts (py-spy, installed with
`pip install py-spy`; collapsed stacks, one line per stack and its sample count).
--echo-concurrent makes the echo bot handle updates side by side (``concurrent_updates``), the
fastest a PTB bot gets here. The bots run as their own processes; the stand-in and the users
share this one, so both bots are measured with the same overhead around them.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.load import (  # noqa: E402
    TOKEN,
    Replies,
    answer_size,
    bot_environment,
    bot_process,
    log_errors,
    percentile,
    pg_database,
    until,
)
from tests.fakebot import FakeBotApi, FakeUser  # noqa: E402

GOAL = 0.5
FIRST, SECOND = "/start", "বাংলা"
ECHO = """
import os, sys
from telegram import Update
from telegram.ext import ApplicationBuilder, MessageHandler, filters

async def echo(update: Update, context) -> None:
    await update.message.reply_text(update.message.text)

root = os.environ["API_ROOT"]
builder = ApplicationBuilder().token(os.environ["TOKEN"]).base_url(root + "/bot")
builder = builder.base_file_url(root + "/file/bot")
if os.environ.get("CONCURRENT"):
    builder = builder.concurrent_updates(256)
app = builder.build()
app.add_handler(MessageHandler(filters.TEXT, echo))
app.run_polling(allowed_updates=Update.ALL_TYPES, poll_interval=0.0, timeout=1)
"""


@dataclass
class Burst:
    users: int
    seconds: float
    latencies: list[float]
    polls: int = 0  # getUpdates calls during the burst
    stand_in_cpu: float = 0.0  # seconds of this process's CPU (the stand-in and the users)

    @property
    def rate(self) -> float:
        return self.users / self.seconds if self.seconds else 0.0


@contextlib.asynccontextmanager
async def echo_process(api: FakeBotApi, concurrent: bool, log: Path) -> AsyncIterator[int]:
    env = {"API_ROOT": api.root, "TOKEN": TOKEN, **({"CONCURRENT": "1"} if concurrent else {})}
    with log.open("wb") as stderr:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-c",
            ECHO,
            env={**bot_environment(log.parent), **env},
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
        try:
            yield process.pid
        finally:
            if process.returncode is None:
                process.send_signal(signal.SIGINT)  # run_polling stops on SIGINT
            try:
                await asyncio.wait_for(process.wait(), 30)
            except TimeoutError:
                process.kill()
                await process.wait()


@contextlib.asynccontextmanager
async def profiled(pid: int, out: Path | None) -> AsyncIterator[None]:
    """py-spy sampling the bot meanwhile (collapsed stacks, idle threads included), if asked."""
    if out is None:
        yield
        return
    command = ["py-spy", "record", "--pid", str(pid), "--format", "raw", "--idle"]
    process = await asyncio.create_subprocess_exec(
        *command, "--rate", "200", "--output", str(out), stdout=subprocess.DEVNULL
    )
    await asyncio.sleep(1.0)  # attached
    try:
        yield
    finally:
        process.send_signal(signal.SIGINT)  # py-spy writes its file on SIGINT
        await process.wait()


async def burst(
    api: FakeBotApi, replies: Replies, users: list[FakeUser], text: str, answers: int
) -> Burst:
    """Every user sends ``text`` at once; until each has ``answers`` more reactions."""
    targets = {u.id: api.reply_count(u.id) + answers for u in users}
    polls, cpu = len(api.calls("getUpdates")), time.process_time()
    start = time.monotonic()
    for user in users:
        await api.push_update({"message": user.make_message(text=text, **entities(text))})
    done = await asyncio.gather(*(replies.until(u.id, targets[u.id]) for u in users))
    finished = [t for t in done if t is not None]
    if len(finished) < len(users):
        raise RuntimeError(f"{len(users) - len(finished)} users got no complete answer")
    seconds = max(finished) - start
    latencies = [t - start for t in finished]
    polls = len(api.calls("getUpdates")) - polls
    return Burst(len(users), seconds, latencies, polls, time.process_time() - cpu)


def entities(text: str) -> dict[str, object]:
    if not text.startswith("/"):
        return {}
    return {"entities": [{"type": "bot_command", "offset": 0, "length": len(text)}]}


async def answers_per_message(api: FakeBotApi, replies: Replies, user: FakeUser) -> list[int]:
    """The reactions one user alone gets for each message (a complete answer's size)."""
    counts = []
    for text in (FIRST, SECOND):
        before = api.reply_count(user.id)
        await api.push_update({"message": user.make_message(text=text, **entities(text))})
        count = await answer_size(api, replies, user.id, before)
        if count is None:
            raise RuntimeError(f"no answer to {text!r}")
        counts.append(count)
    return counts


async def run(
    api: FakeBotApi, replies: Replies, first_id: int, args: argparse.Namespace, answers: list[int]
) -> tuple[Burst, Burst]:
    """``args.rounds`` rounds of both bursts, new users each; the fastest round of each burst
    (the one least disturbed by whatever else the machine was doing)."""
    ones, twos = [], []
    for round_ in range(args.rounds):
        start = first_id + round_ * args.users
        users = [
            FakeUser(api, user_id=start + i, first_name=f"U{i}", language_code="bn")
            for i in range(args.users)
        ]
        ones.append(await burst(api, replies, users, FIRST, answers[0]))
        twos.append(await burst(api, replies, users, SECOND, answers[1]))
    return max(ones, key=lambda b: b.rate), max(twos, key=lambda b: b.rate)


async def main(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="echo-") as tmp:
        data = Path(tmp)
        async with FakeBotApi(token=TOKEN, max_poll_timeout=1) as api:
            replies = Replies(api)

            async def polling() -> bool:
                return bool(api.calls("getUpdates"))

            log = data / "echo.log"
            async with echo_process(api, args.echo_concurrent, log) as pid:
                await until(polling, "the echo bot polls", log)
                probe = FakeUser(api, user_id=10**8, first_name="P", language_code="bn")
                await answers_per_message(api, replies, probe)
                out = args.profile.with_suffix(".echo.txt") if args.profile else None
                async with profiled(pid, out):
                    echo = await run(api, replies, 10**8 + 1, args, [1, 1])
            polls_before = len(api.calls("getUpdates"))
            async with contextlib.AsyncExitStack() as stack:
                url = ""
                if args.database == "postgresql":
                    url = await stack.enter_async_context(pg_database())
                # The stand-in enforces no limit and the echo bot paces nothing: Telegram's
                # 30/s is lifted here, so that the bursts measure the hot path (classroom.py
                # measures the pace).
                env = bot_environment(
                    data, TELEGRAM_API_URL=api.root, DATABASE_URL=url, TELEGRAM_RATE="100000"
                )
                log = data / "bot.log"
                bot = await stack.enter_async_context(bot_process([], env, log))
                await until(lambda: _polled_since(api, polls_before), "this bot polls", log)
                probe = FakeUser(api, user_id=10**9, first_name="P", language_code="bn")
                answers = await answers_per_message(api, replies, probe)
                async with profiled(bot.pid, args.profile):
                    ours = await run(api, replies, 10**9 + 1, args, answers)
            errors = log_errors(log)
    print(
        f"{args.users} new users a round, best of {args.rounds} rounds, this bot on "
        f"{args.database}; reactions per answer {answers}"
    )
    head = ("burst", "echo /s", "this bot /s", "ratio", "p50 s", "p99 s", "getUpdates", "stand-in")
    print("{:<17}{:>9}{:>13}{:>7}{:>7}{:>7}{:>12}{:>13}".format(*head))
    ok = True
    for name, e, o in (("first messages", echo[0], ours[0]), ("second", echo[1], ours[1])):
        ratio = o.rate / e.rate if e.rate else 0.0
        ok &= ratio >= GOAL
        p50, p99 = percentile(o.latencies, 0.5), percentile(o.latencies, 0.99)
        polls, cpu = f"{e.polls}/{o.polls}", f"{e.stand_in_cpu:.1f}/{o.stand_in_cpu:.1f} s"
        print(
            f"{name:<17}{e.rate:>9.0f}{o.rate:>13.0f}{ratio:>7.2f}{p50:>7.2f}{p99:>7.2f}"
            f"{polls:>12}{cpu:>13}"
        )
    print("(getUpdates and the stand-in's CPU: echo bot / this bot)")
    print(f"goal: ratio >= {GOAL} for both bursts: {'met' if ok else 'missed'}")
    if errors:
        print(f"{len(errors)} errors in the bot's log, first: {errors[0]}")
    return 0 if ok and not errors else 1


async def _polled_since(api: FakeBotApi, before: int) -> bool:
    return len(api.calls("getUpdates")) > before


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=3, help="the fastest round counts")
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--echo-concurrent", action="store_true")
    parser.add_argument(
        "--profile", type=Path, help="py-spy's collapsed stacks of this bot (and FILE.echo.txt)"
    )
    sys.exit(asyncio.run(main(parser.parse_args())))
