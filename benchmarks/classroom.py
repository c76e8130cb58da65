"""A training hall registering at once (issue 16): sellers start within a few seconds of each
other and answer each question a few seconds after it arrives, like people in a room, against a
Bot API stand-in that enforces Telegram's limits (30 messages/s overall; per chat one a second
after a burst of 3) and answers 429 with retry_after beyond them.

    python benchmarks/classroom.py                    # 60 sellers within 10 s, think 2-5 s
    python benchmarks/classroom.py --sellers 100 --within 5

The bot runs as `python run_bot.py` (long polling, SQLite, one process), as in load.py, whose
sellers, script and checks this reuses. Reported: the 429s the bot caused (overall and per
chat), registrations completed, p50/p99 from a seller's message to the bot's complete answer,
and messages per registration.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.load import (  # noqa: E402
    REGISTERED,
    SCRIPT,
    TOKEN,
    Replies,
    bot_environment,
    bot_process,
    chat,
    make_seller,
    percentile,
    reference_run,
    until,
)
from tests.fakebot import FakeBotApi  # noqa: E402

REGISTRATION = SCRIPT[:12]  # /start … "হ্যাঁ, সব ঠিক আছে"
GOAL_P99 = 3.0  # seconds from a seller's message to the bot's next question
# What Telegram's 30 messages a second counts (and the per-chat limit): messages, not the
# answers to button presses.
MESSAGES = {
    "sendmessage", "sendphoto", "sendmediagroup", "senddocument", "editmessagetext",
    "editmessagereplymarkup", "editmessagecaption", "deletemessage",
}  # fmt: skip


async def main(args: argparse.Namespace) -> int:
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="classroom-") as tmp:
        data = Path(tmp)
        async with FakeBotApi(token=TOKEN, max_poll_timeout=1) as api:
            env = bot_environment(data, TELEGRAM_API_URL=api.root, DATABASE_URL="")
            log = data / "bot.log"
            async with bot_process([], env, log):

                async def polling() -> bool:
                    return bool(api.calls("getUpdates"))

                await until(polling, "the bot polls", log)
                replies = Replies(api)
                reference = make_seller(api, 10**9, 0)
                expected = (await reference_run(api, replies, reference))[: len(REGISTRATION)]
                # The limits apply from here: the hall, not the warm-up.
                api.rate_limit_per_second = 30.0
                api.rate_limit_methods = MESSAGES
                api.chat_rate_per_second = 1.0
                api.chat_burst = 3.0
                api.chat_rate_methods = MESSAGES
                sellers = [make_seller(api, 10**9 + 1 + i, i + 1) for i in range(args.sellers)]

                def think() -> float:
                    return rng.uniform(args.think_min, args.think_max)

                original = list(SCRIPT)
                SCRIPT[:] = REGISTRATION  # chat() walks SCRIPT: the registration only
                try:
                    await asyncio.gather(
                        *(
                            chat(s, expected, replies, think, rng.uniform(0, args.within))
                            for s in sellers
                        )
                    )
                finally:
                    SCRIPT[:] = original
                await asyncio.sleep(1.0)
    latencies = [x for s in sellers for x in s.latencies]
    done = sum(
        1
        for s in sellers
        if s.lost is None and REGISTERED in " ".join(m.content for m in s.user.messages)
    )
    print(
        f"{args.sellers} sellers starting within {args.within:.0f} s, "
        f"answering {args.think_min:.0f}-{args.think_max:.0f} s after each question"
    )
    print(f"  registrations complete   {done} of {args.sellers}")
    print(
        f"  429 answers              {api.rate_limited} overall, {api.chat_rate_limited} per chat"
    )
    if latencies:
        print(
            f"  message to answer        p50 {percentile(latencies, 0.5) * 1000:.0f} ms, "
            f"p99 {percentile(latencies, 0.99) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms"
        )
    print(
        f"  reactions per registration {sum(expected)} for {len(REGISTRATION)} answers"
        " (messages, edits and answers to button presses)"
    )
    lost = [s.lost for s in sellers if s.lost]
    for reason in lost[:5]:
        print(f"  lost: {reason}")
    p99 = percentile(latencies, 0.99) if latencies else float("inf")
    met = not api.rate_limited and not api.chat_rate_limited and done == args.sellers
    verdict = "met" if met and p99 <= GOAL_P99 else "MISSED"
    print(f"Goal: 0 x 429, all complete, p99 <= {GOAL_P99:.0f} s: {verdict}")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sellers", type=int, default=60)
    parser.add_argument("--within", type=float, default=10.0, help="seconds the starts spread over")
    parser.add_argument("--think-min", type=float, default=2.0)
    parser.add_argument("--think-max", type=float, default=5.0)
    parser.add_argument("--seed", type=int, default=1)
    sys.exit(asyncio.run(main(parser.parse_args())))
