"""The bot's HTTP layer under PTB: JSON bodies, files as forms, one call per connection."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from aiohttp import web
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import NetworkError, TimedOut

from bot.channels.bot_api_http import BotApiRequest, proxy_for

TOKEN = "123456:TEST-token"
MESSAGE = {"message_id": 7, "date": 0, "chat": {"id": 42, "type": "private"}}


@dataclass
class Seen:
    content_types: list[str] = field(default_factory=list)
    bodies: list[bytes] = field(default_factory=list)
    peers: set[int] = field(default_factory=set)
    running: int = 0
    most: int = 0
    delay: float = 0.0


@pytest.fixture
async def server() -> AsyncIterator[tuple[str, Seen]]:
    seen = Seen()

    async def handle(request: web.Request) -> web.Response:
        seen.content_types.append(request.content_type)
        seen.bodies.append(await request.read())
        seen.peers.add(request.transport.get_extra_info("peername")[1])  # type: ignore[union-attr]
        seen.running += 1
        seen.most = max(seen.most, seen.running)
        try:
            await asyncio.sleep(seen.delay)
        finally:
            seen.running -= 1
        method = request.path.rsplit("/", 1)[1]
        result: Any = MESSAGE if method != "getMe" else {"id": 1, "is_bot": True, "first_name": "B"}
        return web.json_response({"ok": True, "result": result})

    app = web.Application()
    app.router.add_post("/{path:.*}", handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        yield f"http://127.0.0.1:{port}", seen
    finally:
        await runner.cleanup()


def bot(root: str, request: BotApiRequest) -> Bot:
    return Bot(TOKEN, base_url=f"{root}/bot", request=request)


async def test_a_text_goes_as_json_with_its_words_as_they_are(
    server: tuple[str, Seen],
) -> None:
    root, seen = server
    sender = bot(root, BotApiRequest(2))
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("হ্যাঁ", callback_data="yes")]])
    sent = await sender.send_message(42, "আপনার নাম কী?", reply_markup=markup)
    await sender.shutdown()

    assert sent.message_id == 7
    assert seen.content_types == ["application/json"]
    body = seen.bodies[0]
    assert "আপনার নাম কী?".encode() in body  # UTF-8, not percent- or \\u-escaped
    assert json.loads(body) == {
        "chat_id": 42,
        "text": "আপনার নাম কী?",
        "reply_markup": {"inline_keyboard": [[{"text": "হ্যাঁ", "callback_data": "yes"}]]},
    }


async def test_a_file_goes_as_a_multipart_form(server: tuple[str, Seen]) -> None:
    root, seen = server
    sender = bot(root, BotApiRequest(2))
    await sender.send_document(42, b"%PDF-1.4 catalogue", filename="c.pdf", caption="ক্যাটালগ")
    await sender.shutdown()

    assert seen.content_types == ["multipart/form-data"]
    assert b"%PDF-1.4 catalogue" in seen.bodies[0]


async def test_calls_beyond_the_connections_wait_for_one_and_all_go(
    server: tuple[str, Seen],
) -> None:
    root, seen = server
    seen.delay = 0.05
    sender = bot(root, BotApiRequest(2))
    sent = await asyncio.gather(*(sender.send_message(42, f"n{i}") for i in range(7)))
    await sender.shutdown()

    assert [m.message_id for m in sent] == [7] * 7
    assert seen.most == 2  # never more at once than connections
    assert len(seen.peers) == 2  # and the connections are kept, not made per call


async def test_a_call_that_finds_no_free_connection_in_time_is_not_sent(
    server: tuple[str, Seen],
) -> None:
    root, seen = server
    seen.delay = 0.5
    sender = bot(root, BotApiRequest(1, pool_timeout=0.05))
    first = asyncio.create_task(sender.send_message(42, "first"))
    await asyncio.sleep(0.1)
    with pytest.raises(TimedOut):
        await sender.send_message(42, "second")
    assert (await first).message_id == 7
    await sender.shutdown()
    assert len(seen.bodies) == 1


async def test_a_slow_answer_is_a_timeout_and_no_server_a_network_error(
    server: tuple[str, Seen],
) -> None:
    root, seen = server
    seen.delay = 0.5
    sender = bot(root, BotApiRequest(1, read_timeout=0.05))
    with pytest.raises(TimedOut):
        await sender.send_message(42, "slow")
    seen.delay = 0
    assert (await sender.send_message(42, "then quick")).message_id == 7  # connection freed
    await sender.shutdown()

    nowhere = bot("http://127.0.0.1:9", BotApiRequest(1))
    with pytest.raises(NetworkError):
        await nowhere.send_message(42, "x")
    await nowhere.shutdown()


async def test_a_request_shut_down_and_initialised_again_works(server: tuple[str, Seen]) -> None:
    root, _ = server
    request = BotApiRequest(1)
    sender = bot(root, request)
    await sender.send_message(42, "one")
    await request.shutdown()
    with pytest.raises(NetworkError, match="shut down"):
        await sender.send_message(42, "while shut")
    await request.initialize()
    assert (await sender.send_message(42, "two")).message_id == 7
    await request.shutdown()


def test_the_proxy_is_the_environments_as_httpx_would_take_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy", "NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    assert proxy_for("https://api.telegram.org") is None
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.district.local:3128")
    assert proxy_for("https://api.telegram.org") == "http://proxy.district.local:3128"
    monkeypatch.setenv("NO_PROXY", "api.telegram.org")
    assert proxy_for("https://api.telegram.org") is None


async def test_calls_go_through_the_proxy_when_given_one(server: tuple[str, Seen]) -> None:
    root, seen = server  # our server as the proxy: an http:// call reaches it in full
    sender = bot("http://api.telegram.invalid", BotApiRequest(1, proxy=root))
    assert (await sender.send_message(42, "through the proxy")).message_id == 7
    await sender.shutdown()
    assert json.loads(seen.bodies[0])["text"] == "through the proxy"
