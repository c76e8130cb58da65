"""This bot against a bare python-telegram-bot echo bot, on the same Bot API stand-in (issue 16).

One run starts the echo bot (PTB's own example: ``Application.run_polling`` and one
MessageHandler that sends the text back, updates handled one after another, as PTB does by
default) and this bot (`python run_bot.py`, long polling), each against its own instance of the
fake Bot API in this process. Each gets the same two bursts from 400 new users: every user's
first message (/start) at once, and when all are answered one more message from each ("বাংলা",
the answer to the language question). A burst's rate is its users divided by the seconds from
the first update queued to the last user's complete answer. Rounds (--rounds, 5) alternate: the
echo bot's bursts, then this bot's, with new users each time, so that each round's ratio
compares the two on the machine as it was at that moment (a shared machine's speed drifts by a
quarter over minutes). Printed per burst: the fastest round's rates, the median of the rounds'
ratios (goal >= 0.5 on SQLite) and their spread, p50/p99 per user, getUpdates calls.

    python benchmarks/e2e_vs_echo.py                     # SQLite
    python benchmarks/e2e_vs_echo.py --database postgresql
    python benchmarks/e2e_vs_echo.py --users 200 --echo-concurrent

--profile FILE records where this bot's time goes during the bursts (py-spy, installed with
`pip install py-spy`; collapsed stacks, one line per stack and its sample count; the echo bot's
in FILE.echo.txt). --echo-concurrent makes the echo bot handle updates side by side
(``concurrent_updates``), the fastest a PTB bot gets here. The bots run as their own
processes; the stand-ins and the users share this one, so both bots are measured with the same
overhead around them.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
import statistics
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
    UNPACED,
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
    polls = len(api.calls("getUpdates"))
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
    return Burst(len(users), seconds, latencies, polls)


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


@dataclass
class Side:
    """One bot and its own stand-in (the same fake Bot API, an instance each, in this process)."""

    api: FakeBotApi
    replies: Replies
    first_id: int
    answers: list[int]
    ones: list[Burst]
    twos: list[Burst]

    async def round(self, number: int, users: int) -> None:
        """Both bursts from ``users`` new users."""
        start = self.first_id + number * users
        people = [
            FakeUser(self.api, user_id=start + i, first_name=f"U{i}", language_code="bn")
            for i in range(users)
        ]
        self.ones.append(await burst(self.api, self.replies, people, FIRST, self.answers[0]))
        self.twos.append(await burst(self.api, self.replies, people, SECOND, self.answers[1]))


async def side(api: FakeBotApi, first_id: int) -> Side:
    """The bot on ``api`` polls: measure one user's complete answers."""
    replies = Replies(api)
    probe = FakeUser(api, user_id=first_id - 1, first_name="P", language_code="bn")
    answers = await answers_per_message(api, replies, probe)
    return Side(api, replies, first_id, answers, [], [])


async def main(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="echo-") as tmp:
        data = Path(tmp)
        async with contextlib.AsyncExitStack() as stack:
            echo_api = await stack.enter_async_context(FakeBotApi(token=TOKEN, max_poll_timeout=1))
            our_api = await stack.enter_async_context(FakeBotApi(token=TOKEN, max_poll_timeout=1))
            echo_log, log = data / "echo.log", data / "bot.log"
            echo_pid = await stack.enter_async_context(
                echo_process(echo_api, args.echo_concurrent, echo_log)
            )
            url = ""
            if args.database == "postgresql":
                url = await stack.enter_async_context(pg_database())
            # The stand-in enforces no limit and the echo bot paces nothing: Telegram's 30/s is
            # lifted here, so that the bursts measure the hot path (classroom.py measures the
            # pace).
            env = bot_environment(
                data, TELEGRAM_API_URL=our_api.root, DATABASE_URL=url, TELEGRAM_RATE=UNPACED
            )
            bot = await stack.enter_async_context(bot_process([], env, log))
            await until(lambda: _polls(echo_api), "the echo bot polls", echo_log)
            await until(lambda: _polls(our_api), "this bot polls", log)
            echo, ours = await side(echo_api, 10**8 + 1), await side(our_api, 10**9 + 1)
            if echo.answers != [1, 1]:
                raise RuntimeError(f"the echo bot answers {echo.answers}, not once each")
            echo_out = args.profile.with_suffix(".echo.txt") if args.profile else None
            async with profiled(echo_pid, echo_out), profiled(bot.pid, args.profile):
                # Round by round, the echo bot then this one: both see the machine as it is
                # at that moment (it varies by a quarter over minutes on a shared machine).
                for number in range(args.rounds):
                    await echo.round(number, args.users)
                    await ours.round(number, args.users)
        errors = log_errors(log)
    return report(args, echo, ours, errors)


def report(args: argparse.Namespace, echo: Side, ours: Side, errors: list[str]) -> int:
    print(
        f"{args.users} new users a round, {args.rounds} rounds, this bot on {args.database}; "
        f"reactions per answer {ours.answers}"
    )
    head = ("burst", "echo /s", "this bot /s", "ratio", "rounds", "p50 s", "p99 s", "getUpdates")
    print("{:<16}{:>9}{:>13}{:>7}{:>18}{:>7}{:>7}{:>12}".format(*head))
    ok = True
    for name, mine, theirs in (
        ("first messages", ours.ones, echo.ones),
        ("second", ours.twos, echo.twos),
    ):
        ratios = [o.rate / e.rate for o, e in zip(mine, theirs, strict=True)]
        ratio = statistics.median(ratios)
        ok &= ratio >= GOAL
        best, best_echo = max(mine, key=lambda b: b.rate), max(theirs, key=lambda b: b.rate)
        p50, p99 = percentile(best.latencies, 0.5), percentile(best.latencies, 0.99)
        spread = f"{min(ratios):.2f}-{max(ratios):.2f}"
        polls = f"{best_echo.polls}/{best.polls}"
        print(
            f"{name:<16}{best_echo.rate:>9.0f}{best.rate:>13.0f}{ratio:>7.2f}{spread:>18}"
            f"{p50:>7.2f}{p99:>7.2f}{polls:>12}"
        )
    print(
        "(rates: the fastest round; ratio: the median of each round's, the echo bot and this "
        "bot one after the other; getUpdates: echo bot / this bot)"
    )
    print(f"goal: ratio >= {GOAL} for both bursts: {'met' if ok else 'missed'}")
    if errors:
        print(f"{len(errors)} errors in the bot's log, first: {errors[0]}")
    return 0 if ok and not errors else 1


async def _polls(api: FakeBotApi) -> bool:
    return bool(api.calls("getUpdates"))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=5, help="the median round's ratio counts")
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--echo-concurrent", action="store_true")
    parser.add_argument(
        "--profile", type=Path, help="py-spy's collapsed stacks of this bot (and FILE.echo.txt)"
    )
    sys.exit(asyncio.run(main(parser.parse_args())))
