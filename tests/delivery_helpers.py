"""A `Deliver` on the real PTB Bot (the lead moves it into the channel) and a fake clock."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

from telegram import Bot
from telegram.request import HTTPXRequest


def make_bot(token: str, api_root: str, *, read_timeout: float = 5.0) -> Bot:
    """A bare PTB Bot pointed at a Bot API server root (the fake one in tests)."""
    request = HTTPXRequest(
        connection_pool_size=64, read_timeout=read_timeout, write_timeout=read_timeout
    )
    return Bot(
        token, base_url=f"{api_root}/bot", base_file_url=f"{api_root}/file/bot", request=request
    )


class FakeClock:
    """A clock that only moves when told to, or when someone sleeps on it."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)

    async def sleep(self, seconds: float) -> None:
        self.advance(max(seconds, 0.0))
        await asyncio.sleep(0)
