"""Proves the fake Bot API behaves like Telegram towards PTB before E2E tests rely on it."""

from __future__ import annotations

import asyncio
import datetime as dtm
import socket
import time
from collections.abc import AsyncIterator

import aiohttp
import pytest
from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    KeyboardButton,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError, TimedOut
from telegram.ext import Application, ApplicationBuilder, ContextTypes, TypeHandler

from tests.fakebot import FakeBotApi, FakeUser

TOKEN = "123456:TEST-token"
KEYBOARD = InlineKeyboardMarkup(
    [
        [
            InlineKeyboardButton("Again", callback_data="again"),
            InlineKeyboardButton("Stop ✋", callback_data="stop"),
        ]
    ]
)


async def on_update(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Tiny bot: echoes text with a keyboard, edits on button presses, names other content."""
    context.bot_data.setdefault("seen", []).append(update)
    if query := update.callback_query:
        await query.answer(f"got {query.data}")
        if query.message is not None and query.message.is_accessible:
            await query.edit_message_text(f"pressed {query.data}")
        return
    msg = update.effective_message
    assert msg is not None
    if msg.text == "/phone":
        button = KeyboardButton("Share my number", request_contact=True)
        await msg.reply_text("Your number?", reply_markup=ReplyKeyboardMarkup([[button]]))
    elif msg.contact:
        await msg.reply_text("got contact", reply_markup=ReplyKeyboardRemove())
    elif msg.text == "/photo":
        await msg.reply_photo(b"\xff\xd8 fake jpeg", caption="look")
    elif msg.text == "/doc":
        await msg.reply_document(
            InputFile(b"a,b\n1,2\n", filename="report.csv"),
            caption="<b>Report</b> &amp; more",
            parse_mode=ParseMode.HTML,
        )
    elif msg.text:
        await msg.reply_text(f"echo: {msg.text}", reply_markup=KEYBOARD)
    else:
        kind = next(
            k for k in ("photo", "document", "contact", "sticker", "voice") if getattr(msg, k)
        )
        await msg.reply_text(f"got {kind}")


@pytest.fixture
async def api() -> AsyncIterator[FakeBotApi]:
    async with FakeBotApi(token=TOKEN, max_poll_timeout=1) as server:
        yield server


@pytest.fixture
async def app(api: FakeBotApi) -> AsyncIterator[Application]:
    application = (
        ApplicationBuilder()
        .token(TOKEN)
        .base_url(api.root + "/bot")
        .base_file_url(api.root + "/file/bot")
        .build()
    )
    application.add_handler(TypeHandler(Update, on_update))
    await application.initialize()
    await application.start()
    assert application.updater is not None
    await application.updater.start_polling(poll_interval=0, timeout=dtm.timedelta(seconds=1))
    yield application
    await application.updater.stop()
    await application.stop()
    await application.shutdown()


@pytest.fixture
def user(api: FakeBotApi) -> FakeUser:
    return FakeUser(api, user_id=1001, first_name="Rina", language_code="bn")


async def test_user_says_something_and_gets_the_echo(
    app: Application, api: FakeBotApi, user: FakeUser
) -> None:
    replies = await user.says("নমস্কার")
    assert user.last_message() == "echo: নমস্কার"
    assert [m.content for m in replies] == ["echo: নমস্কার"]
    assert user.buttons() == ["Again", "Stop ✋"]
    assert api.calls("getMe") and api.calls("deleteWebhook") and api.calls("getUpdates")
    sent = api.calls("sendMessage")[0]
    assert sent.params["chat_id"] == 1001 and sent.params["reply_markup"]["inline_keyboard"]
    assert api.violations == []


async def test_pressing_a_button_delivers_the_callback(
    app: Application, api: FakeBotApi, user: FakeUser
) -> None:
    await user.says("hi")
    replies = await user.presses("Stop")  # substring match
    assert app.bot_data["seen"][-1].callback_query.data == "stop"
    assert user.callback_answer() == {"callback_query_id": user.last_query_id, "text": "got stop"}
    assert user.last_message() == "pressed stop" and user.buttons() == []  # edit dropped keyboard
    assert [m.message_id for m in replies] == [user.messages[-1].message_id]
    assert len(user.messages) == 1 and user.messages[0].history == [
        ("echo: hi", KEYBOARD.to_dict())
    ]
    with pytest.raises(AssertionError, match="no inline keyboard"):
        await user.presses("Again")
    assert api.violations == []


async def test_every_update_kind_parses_in_ptb(
    app: Application, api: FakeBotApi, user: FakeUser
) -> None:
    await user.says("/start ref42")
    await user.presses("Again")
    await user.shares_contact("+919812345678")
    await user.sends_photo(b"\xff\xd8jpeg", caption="my shawl")
    await user.sends_document(b"%PDF-1.4", "invoice.pdf", "application/pdf")
    await user.sends_sticker()
    await user.sends_voice()
    await user.presses_data("forged", message_id=999)
    assert [m.content for m in user.messages[-5:]] == [
        "got contact",
        "got photo",
        "got document",
        "got sticker",
        "got voice",
    ]
    seen: list[Update] = app.bot_data["seen"]
    assert len(seen) == 8 and [u.update_id for u in seen] == sorted(api.updates)
    start = seen[0].message
    assert start.text == "/start ref42" and start.entities[0].type == "bot_command"
    assert (
        start.from_user.language_code == "bn"
        and start.chat.type == "private"
        and start.chat.id == 1001
    )
    assert seen[2].message.contact.user_id == 1001
    assert seen[3].message.photo[-1].width == 1280 and seen[3].message.caption == "my shawl"
    assert seen[4].message.document.file_name == "invoice.pdf"
    assert not seen[7].callback_query.message.is_accessible
    for raw in api.updates.values():  # and the raw JSON as Telegram would send it
        assert Update.de_json(raw, app.bot).to_dict()["update_id"] == raw["update_id"]
    assert api.violations == []


async def test_bot_uploads_a_document(app: Application, api: FakeBotApi, user: FakeUser) -> None:
    await user.says("/doc")
    doc = user.last_document()
    assert doc is not None and doc.document == b"a,b\n1,2\n" and doc.document_name == "report.csv"
    assert doc.caption == "Report & more" and doc.entities[0]["type"] == "bold"
    assert api.calls("sendDocument")[0].files["document"].filename == "report.csv"
    await user.says("/photo")
    assert user.messages[-1].kind == "photo" and user.messages[-1].photo == b"\xff\xd8 fake jpeg"
    assert user.last_message() == "look" and api.violations == []


async def test_reply_keyboard_and_contact(
    app: Application, api: FakeBotApi, user: FakeUser
) -> None:
    await user.says("/phone")
    keyboard = user.reply_keyboard()
    assert keyboard is not None and keyboard[0][0]["request_contact"] is True
    await user.shares_contact("919812345678")
    assert user.last_message() == "got contact" and user.reply_keyboard() is None


async def test_housekeeping_methods(app: Application, api: FakeBotApi, user: FakeUser) -> None:
    bot = app.bot
    sent = await bot.send_message(user.id, "temporary")
    assert await bot.delete_message(user.id, sent.message_id)
    assert user.messages == [] and api.transcript(user.id)[0].deleted
    with pytest.raises(BadRequest, match="Message to delete not found"):
        await bot.delete_message(user.id, sent.message_id)
    assert await bot.send_chat_action(user.id, "typing")
    assert api.chat_actions == [(user.id, "typing")]
    await bot.set_my_commands([("start", "শুরু করুন")], language_code="bn")
    assert [c.command for c in await bot.get_my_commands(language_code="bn")] == ["start"]
    assert await bot.get_my_commands() == ()
    with pytest.raises(BadRequest, match="Bot_command_invalid"):
        await bot.set_my_commands([("Start-Now", "x")])
    assert len(api.violations) == 2


async def test_waiting_for_a_silent_bot_fails_clearly(api: FakeBotApi) -> None:
    user = FakeUser(api, user_id=5, timeout=0.3)
    with pytest.raises(AssertionError, match=r"says 'hello\?': no reply within 0.3s"):
        await user.says("hello?")


async def test_get_file_and_download(app: Application, api: FakeBotApi) -> None:
    api.add_file("PHOTO1", b"\x89PNG data", file_path="photos/p1.png")
    file = await app.bot.get_file("PHOTO1")
    assert file.file_size == 9 and file.file_path.endswith("/photos/p1.png")
    assert await file.download_as_bytearray() == bytearray(b"\x89PNG data")
    api.add_file("HUGE", b"x", file_size=21 * 1024 * 1024)
    with pytest.raises(BadRequest, match="File is too big"):
        await app.bot.get_file("HUGE")
    assert api.violations == []  # a user's oversized file is not the bot's fault


async def test_telegram_rejections_are_400_and_violations(
    app: Application, api: FakeBotApi, user: FakeUser
) -> None:
    bot = app.bot
    await bot.send_message(user.id, "😀" * 2048)  # exactly 4096 UTF-16 code units
    with pytest.raises(BadRequest, match="Message is too long"):
        await bot.send_message(user.id, "😀" * 2048 + "!")
    for bad in ("<b>unclosed", "1 < 2", "<br>", "AT&T", "<b>x</i>"):
        with pytest.raises(BadRequest, match="Can't parse entities"):
            await bot.send_message(user.id, bad, parse_mode=ParseMode.HTML)
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("x", callback_data="x" * 65)]])
    with pytest.raises(BadRequest, match="Button_data_invalid"):
        await bot.send_message(user.id, "hi", reply_markup=markup)
    many = InlineKeyboardMarkup(
        [[InlineKeyboardButton(str(i), callback_data=str(i))] for i in range(101)]
    )
    with pytest.raises(BadRequest, match="Reply markup is too long"):
        await bot.send_message(user.id, "hi", reply_markup=many)
    with pytest.raises(BadRequest, match="Chat not found"):
        await bot.send_message(4242, "hi")
    sent = await bot.send_message(user.id, "same")
    with pytest.raises(BadRequest, match="Message is not modified"):
        await sent.edit_text("same")
    descriptions = [v.description for v in api.violations]
    assert descriptions[0] == "Bad Request: message is too long"
    assert descriptions[1].startswith("Bad Request: can't parse entities: Can't find end tag")
    assert "BUTTON_DATA_INVALID" in descriptions[6] and len(descriptions) == 10
    assert [m.content for m in user.messages] == ["😀" * 2048, "same"]


async def test_redelivery_repeats_the_same_update_id(
    app: Application, api: FakeBotApi, user: FakeUser
) -> None:
    await user.says("once")
    first = user.last_update_id
    await user.redelivers()
    seen = [u.update_id for u in app.bot_data["seen"]]
    assert seen == [first, first]
    assert [m.content for m in user.messages] == [
        "echo: once",
        "echo: once",
    ]  # PTB itself doesn't dedupe
    await user.says("next")
    assert [u.update_id for u in app.bot_data["seen"]][-1] == first + 1


@pytest.mark.filterwarnings(
    "ignore::telegram.warnings.PTBDeprecationWarning"
)  # raised by PTB itself
async def test_429_becomes_retry_after(app: Application, api: FakeBotApi, user: FakeUser) -> None:
    api.fail_next("sendMessage", status=429, retry_after=3)
    with pytest.raises(RetryAfter, match="Retry in 3 seconds"):
        await app.bot.send_message(user.id, "hi")
    await app.bot.send_message(user.id, "hi")  # only the next one failed
    api.rate_limit_per_second = 2
    await app.bot.send_message(user.id, "1")
    await app.bot.send_message(user.id, "2")
    with pytest.raises(RetryAfter):
        await app.bot.send_message(user.id, "3")
    assert api.rate_limited == 1 and api.calls("sendMessage")[0].fault == "429"
    assert api.violations == []


async def test_blocked_chat_raises_forbidden(
    app: Application, api: FakeBotApi, user: FakeUser
) -> None:
    api.blocked_chats.add(user.id)
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await app.bot.send_message(user.id, "hi")
    api.blocked_chats.clear()
    api.fail_next("sendMessage", status=403, chat_id=user.id)
    with pytest.raises(Forbidden):
        await app.bot.send_message(user.id, "hi")


async def test_timeout_malformed_and_500_faults(
    app: Application, api: FakeBotApi, user: FakeUser
) -> None:
    api.fail_next("sendMessage", "timeout", apply=True)
    started = time.monotonic()
    with pytest.raises(TimedOut):
        await app.bot.send_message(user.id, "lost answer", read_timeout=0.3)
    assert time.monotonic() - started < 2
    assert user.last_message() == "lost answer"  # apply=True: delivered, only the answer was lost
    api.fail_next("sendMessage", "malformed")
    with pytest.raises(TelegramError, match="Invalid server response"):
        await app.bot.send_message(user.id, "x")
    api.fail_next("*", 500)
    with pytest.raises(NetworkError):
        await app.bot.send_chat_action(user.id, "typing")
    assert len(user.messages) == 1


async def test_long_poll_semantics_over_raw_http(api: FakeBotApi) -> None:
    user = FakeUser(api, user_id=7)
    url = f"{api.root}/bot{TOKEN}/getUpdates"
    async with aiohttp.ClientSession() as http:
        poll = asyncio.create_task(http.post(url, json={"timeout": 5}))
        await asyncio.sleep(0.1)
        assert not poll.done()
        started = time.monotonic()
        await api.push_update({"message": user.make_message(text="wake up")})
        body = await (await poll).json()
        assert time.monotonic() - started < 0.5
        [update] = body["result"]
        assert update["message"]["text"] == "wake up"
        async with http.get(url, params={"offset": str(update["update_id"] + 1)}) as resp:
            assert (await resp.json()) == {"ok": True, "result": []}
        assert api.is_confirmed(update["update_id"])
        started = time.monotonic()
        async with http.post(url, data={"timeout": "30"}) as resp:  # capped by max_poll_timeout
            assert (await resp.json())["result"] == []
        assert 0.9 < time.monotonic() - started < 2
        async with http.post(f"{api.root}/botWRONG/getMe") as resp:
            assert resp.status == 401
            assert await resp.json() == {
                "ok": False,
                "error_code": 401,
                "description": "Unauthorized",
            }
        async with http.post(f"{api.root}/bot{TOKEN}/sendSticker") as resp:
            assert resp.status == 404 and (await resp.json())["description"] == "Not Found"
        async with http.post(
            f"{api.root}/bot{TOKEN}/sendMessage", json={"chat_id": 7, "text": "json"}
        ) as resp:
            assert (await resp.json())["result"]["text"] == "json"
    assert [m.content for m in user.messages] == ["json"]


async def test_server_binds_loopback_only(api: FakeBotApi) -> None:
    assert api.root.startswith("http://127.0.0.1:")
    assert {addr[0] for addr in api.addresses} == {"127.0.0.1"}
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.255.255.255", 1))
        other = probe.getsockname()[0]
    except OSError:
        other = None
    finally:
        probe.close()
    if other and not other.startswith("127."):
        with pytest.raises(OSError):
            socket.create_connection((other, int(api.root.rsplit(":", 1)[1])), timeout=1).close()
