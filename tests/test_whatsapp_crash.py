"""`python run_bot.py --webhook` serving WhatsApp, killed with SIGKILL mid-registration.

The body the seller's answer came in was answered 200 (it was in the inbox); the process dies
while the reply is on its way (the stand-in holds it open). After a restart the answer is in
the database, the seller is asked the question they had reached, once, and goes on to the end.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from bot.i18n import Messages
from bot.workers import bind
from storage.db import Database
from tests.graphapi import GraphApi, MetaSender
from tests.whatsapp_service import APP_SECRET, PHONE_ID, RINA, TOKEN, VERIFY

pytestmark = pytest.mark.slow  # real processes, real time

ROOT = Path(__file__).resolve().parent.parent


class Seller:
    """A WhatsApp user talking to a bot process through the stand-in."""

    def __init__(self, api: GraphApi, sender: MetaSender, session: aiohttp.ClientSession) -> None:
        self.api, self.sender, self.session = api, sender, session

    def said(self) -> int:
        return len(self.api.messages_to(RINA))

    async def post(self, kind: str, content: dict[str, Any]) -> int:
        self.api.open_windows.add(RINA)
        body = self.sender.body([self.sender.message(RINA, kind, content)])
        return await self.sender.post(self.session, body)

    async def says(self, text: str, *, wait: bool = True) -> None:
        before = self.said()
        assert await self.post("text", {"body": text}) == 200
        if wait:
            await until(lambda: self.said() > before)

    async def presses(self, title: str) -> None:
        for message in reversed(self.api.messages_to(RINA)):
            for shown, data in message.choices:
                if title in shown:
                    before = self.said()
                    kind = message.body["interactive"]["type"]
                    reply = "button_reply" if kind == "button" else "list_reply"
                    content = {"type": reply, reply: {"id": data, "title": shown}}
                    assert await self.post("interactive", content) == 200
                    await until(lambda n=before: self.said() > n)
                    return
        raise AssertionError(f"no button {title!r}")


async def until(condition: Any) -> None:
    async with asyncio.timeout(60):
        while not condition():  # noqa: ASYNC110 (the stand-in records; nothing to await)
            await asyncio.sleep(0.05)


class BotProcess:
    def __init__(self, api: GraphApi, db_url: str, workdir: Path) -> None:
        sock = bind("127.0.0.1", 0)
        self.port = sock.getsockname()[1]
        sock.close()
        self.workdir = workdir
        self.env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("TELEGRAM_", "DATABASE_", "WHATSAPP_", "WEBHOOK_"))
        }
        self.env.update(
            DATABASE_URL=db_url,
            DATA_DIR=str(workdir / "data"),
            WEBHOOK_LISTEN=f"127.0.0.1:{self.port}",
            WHATSAPP_TOKEN=TOKEN,
            WHATSAPP_PHONE_NUMBER_ID=PHONE_ID,
            WHATSAPP_APP_SECRET=APP_SECRET,
            WHATSAPP_VERIFY_TOKEN=VERIFY,
            WHATSAPP_API_URL=api.root,
            QUIET_HOURS="",
        )
        self.proc: asyncio.subprocess.Process | None = None
        self.runs = 0

    async def start(self, session: aiohttp.ClientSession) -> None:
        self.runs += 1
        with (self.workdir / f"bot-{self.runs}.log").open("wb") as log:
            self.proc = await asyncio.create_subprocess_exec(
                sys.executable,
                str(ROOT / "run_bot.py"),
                "--webhook",
                cwd=self.workdir,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
            )

        async def healthy() -> bool:
            try:
                async with session.get(f"http://127.0.0.1:{self.port}/healthz") as response:
                    return response.status == 200
            except aiohttp.ClientError:
                return False

        async with asyncio.timeout(60):
            while not await healthy():
                assert self.proc.returncode is None, self.log()
                await asyncio.sleep(0.1)

    def log(self) -> str:
        return (self.workdir / f"bot-{self.runs}.log").read_text("utf-8", "replace")[-3000:]

    async def kill(self) -> None:
        assert self.proc is not None and self.proc.returncode is None
        self.proc.send_signal(signal.SIGKILL)
        assert await self.proc.wait() == -signal.SIGKILL

    async def stop(self) -> None:
        if self.proc is not None and self.proc.returncode is None:
            self.proc.send_signal(signal.SIGKILL)
            await self.proc.wait()


@pytest.fixture
async def world(db_url: str, tmp_path: Path) -> AsyncIterator[tuple[GraphApi, BotProcess, Seller]]:
    async with GraphApi(token=TOKEN, phone_number_id=PHONE_ID) as api:
        process = BotProcess(api, db_url, tmp_path)
        async with aiohttp.ClientSession() as session:
            sender = MetaSender(f"http://127.0.0.1:{process.port}/whatsapp", APP_SECRET, PHONE_ID)
            await process.start(session)
            try:
                yield api, process, Seller(api, sender, session)
            finally:
                await process.stop()


async def test_killed_mid_registration_the_seller_goes_on(
    world: tuple[GraphApi, BotProcess, Seller], db: Database, messages: Messages
) -> None:
    api, process, rina = world
    await rina.says("/start")
    await rina.presses("বাংলা")
    await rina.presses("রাজি")
    business = messages.text("bn", "reg-ask-business")

    # Her name is stored and committed; the reply is held open; the process dies.
    api.hold.add(RINA)
    before = rina.said()
    await rina.says("রিনা দাস", wait=False)  # answered 200: it is in the inbox
    await until(lambda: RINA in api.held)
    await process.kill()
    api.hold.clear()
    assert rina.said() == before

    await process.start(rina.session)
    await until(lambda: rina.said() > before)  # the restarted process answers what it held
    await asyncio.sleep(1.0)  # nothing more comes
    again = [m.text for m in api.messages_to(RINA)[before:]]
    assert sum(business.split("\n")[0][:20] in text for text in again) == 1, again

    async with db.transaction() as repo:
        state = await repo.conversations.of_identity("whatsapp", RINA)
    assert state is not None and state.answers.get("name") == "রিনা দাস"

    await rina.says("দাস হস্তশিল্প")
    await rina.says("বাঁকুড়া")
    await rina.presses("+91")
    await rina.says("টেরাকোটা")
    for _ in range(3):
        await rina.presses("বাদ দিন")
    await rina.presses("হ্যাঁ")
    async with db.transaction() as repo:
        user_id = await repo.users.find("whatsapp", RINA)
        assert user_id is not None
        seller = await repo.sellers.get(user_id)
    assert seller is not None and seller.name == "রিনা দাস" and seller.district == "BNK"
    assert api.violations == []
