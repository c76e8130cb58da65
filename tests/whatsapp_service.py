"""The WhatsApp service for tests: running on the Graph API stand-in, with Meta's webhook
sender, as the ``meta`` fixture (registered in conftest.py), and a registered seller."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from bot.channels.service import ChatService
from bot.settings import Settings
from bot.workers import bind
from tests.graphapi import GraphApi, MetaSender, Received

TOKEN = "EAAG-test-token"
PHONE_ID = "106540352242922"
APP_SECRET = "app-secret-for-tests"
VERIFY = "verify-me"
RINA = "919830012345"


class Meta:
    """The running service, the Graph API stand-in and Meta's webhook sender."""

    def __init__(
        self, service: ChatService, api: GraphApi, base: str, session: aiohttp.ClientSession
    ) -> None:
        self.service, self.api, self.base, self.session = service, api, base, session
        self.sender = MetaSender(f"{base}/whatsapp", APP_SECRET, PHONE_ID)

    async def post(self, *messages: dict[str, Any], signature: str | None = "") -> int:
        """POST a body and wait until what it stored has been handled."""
        self.api.open_windows.update(m.get("from") or m["from_user_id"] for m in messages)
        status = await self.sender.post(self.session, self.sender.body(list(messages)), signature)
        await self.settled()
        return status

    async def settled(self) -> None:
        assert self.service.whatsapp is not None and self.service.whatsapp.inbox is not None
        async with asyncio.timeout(20):
            await self.service.whatsapp.inbox.settled()

    async def says(self, wa_id: str, text: str) -> list[Received]:
        return await self._do(wa_id, "text", {"body": text})

    async def presses(self, wa_id: str, title: str) -> list[Received]:
        """Taps the button or list row of that title in the last message that has it."""
        for message in reversed(self.api.messages_to(wa_id)):
            for shown, data in message.choices:
                if title in shown:
                    if message.type == "template":  # a quick reply: Meta's "button" type
                        return await self._do(wa_id, "button", {"payload": data, "text": shown})
                    kind = (
                        "button_reply"
                        if message.body["interactive"]["type"] == "button"
                        else "list_reply"
                    )
                    return await self._do(
                        wa_id, "interactive", {"type": kind, kind: {"id": data, "title": shown}}
                    )
        raise AssertionError(
            f"no button {title!r} in {[m.choices for m in self.api.messages_to(wa_id)]}"
        )

    async def _do(self, wa_id: str, kind: str, content: dict[str, Any]) -> list[Received]:
        before = len(self.api.messages_to(wa_id))
        status = await self.post(self.sender.message(wa_id, kind, content))
        assert status == 200
        return self.api.messages_to(wa_id)[before:]


@pytest.fixture
async def meta(db_url: str, tmp_path: Path) -> AsyncIterator[Meta]:
    async with GraphApi(token=TOKEN, phone_number_id=PHONE_ID) as api:
        sock = bind("127.0.0.1", 0)
        port = sock.getsockname()[1]
        settings = Settings(
            _env_file=None,
            database_url=db_url,
            data_dir=tmp_path,
            webhook_listen=f"127.0.0.1:{port}",
            whatsapp_token=TOKEN,
            whatsapp_phone_number_id=PHONE_ID,
            whatsapp_app_secret=APP_SECRET,
            whatsapp_verify_token=VERIFY,
            whatsapp_api_url=api.root,
            admin_whatsapp_numbers="+91 70000 00001",
            quiet_hours="",  # invitations go at once, whatever the hour the tests run
        )
        service = ChatService(settings)  # no Telegram token: WhatsApp alone
        await service.start_webhook(sock)
        try:
            async with aiohttp.ClientSession() as session:
                yield Meta(service, api, f"http://127.0.0.1:{port}", session)
        finally:
            await service.stop()
            sock.close()


async def until(condition: Any, seconds: float = 15) -> None:
    """Wait for the outbox sender (a background task) to get something done."""
    async with asyncio.timeout(seconds):
        while not condition():  # noqa: ASYNC110 (the stand-in records; nothing to await)
            await asyncio.sleep(0.05)


async def registered(meta: Meta, wa_id: str) -> None:
    await meta.says(wa_id, "/start")
    await meta.presses(wa_id, "বাংলা")
    await meta.presses(wa_id, "রাজি")
    await meta.says(wa_id, "রিনা দাস")
    await meta.says(wa_id, "দাস হস্তশিল্প")
    await meta.says(wa_id, "বাঁকুড়া")
    await meta.presses(wa_id, "+91")
    await meta.says(wa_id, "টেরাকোটা")
    for _ in range(3):
        await meta.presses(wa_id, "বাদ দিন")
    await meta.presses(wa_id, "হ্যাঁ")
