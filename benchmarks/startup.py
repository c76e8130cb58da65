"""Start-up time to the first getUpdates, and resident memory of the idle bot.

Runs `python run_bot.py` as a real process with a token, against the fake Bot API server of
the tests (bound to 127.0.0.1), on a fresh SQLite database:

    python benchmarks/startup.py            # 3 runs
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fakebot import FakeBotApi  # noqa: E402

TOKEN = "4242:BENCH"


async def one_run(idle_seconds: float) -> tuple[float, float]:
    async with FakeBotApi(token=TOKEN, max_poll_timeout=1) as api:
        with tempfile.TemporaryDirectory() as data:
            env = dict(os.environ, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_URL=api.root)
            env.update(DATA_DIR=data, DATABASE_URL="", LOG_LEVEL="WARNING")
            started = time.perf_counter()
            process = await asyncio.create_subprocess_exec(
                sys.executable,
                str(ROOT / "run_bot.py"),
                env=env,
                cwd=data,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            try:
                while not api.calls("getUpdates"):
                    if process.returncode is not None:
                        raise RuntimeError("the bot exited before polling")
                    await asyncio.sleep(0.005)
                first_poll = time.perf_counter() - started
                await asyncio.sleep(idle_seconds)
                rss = psutil.Process(process.pid).memory_info().rss / 2**20
            finally:
                process.terminate()
                await asyncio.wait_for(process.wait(), timeout=20)
    return first_poll, rss


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--idle", type=float, default=3.0, help="seconds idle before measuring")
    args = parser.parse_args()
    results = [await one_run(args.idle) for _ in range(args.runs)]
    polls = [r[0] for r in results]
    rss = [r[1] for r in results]
    print(
        f"start-up to first getUpdates: median {statistics.median(polls):.2f} s "
        f"(runs: {', '.join(f'{p:.2f}' for p in polls)})"
    )
    print(
        f"resident memory, idle: median {statistics.median(rss):.0f} MB "
        f"(runs: {', '.join(f'{m:.0f}' for m in rss)})"
    )


if __name__ == "__main__":
    asyncio.run(main())
