"""Telegram channel on python-telegram-bot 22: every Update becomes an Inbound; replies go out.

There is one handler and no ConversationHandler: conversation state is ours, in the database,
read on every update, so a restart (or another worker) never disagrees about where a user is.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import warnings
from collections.abc import Awaitable, Callable
from pathlib import Path

from telegram import (
    Bot,
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputMediaPhoto,
    KeyboardButton,
    Message,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    Update,
)
from telegram.constants import ChatMemberStatus, ChatType, ParseMode
from telegram.error import (
    BadRequest,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegram.ext import Application, ApplicationBuilder, ContextTypes, TypeHandler
from telegram.request import HTTPXRequest
from telegram.warnings import PTBDeprecationWarning

from bot.channels.types import (
    Blocked,
    FileTooBig,
    Inbound,
    Media,
    Outbound,
    RateLimited,
    Rejected,
    Transient,
)

log = logging.getLogger(__name__)

Handle = Callable[[Inbound, Callable[[list[Outbound]], Awaitable[None]]], Awaitable[object]]
# Attempts for one message when Telegram is slow or says "too many requests".
SEND_ATTEMPTS = 4
# Bot API limits: a caption is at most 1024 characters, an album 2 to 10 items.
CAPTION_LIMIT = 1024
ALBUM_LIMIT = 10


def to_inbound(update: Update) -> Inbound | None:
    """The channel-neutral view of an update; None for what the bot ignores (edits, groups)."""
    if update.callback_query is not None:
        query = update.callback_query
        message = query.message
        chat_id = message.chat.id if message is not None else query.from_user.id
        return Inbound(
            channel="telegram",
            user_id=query.from_user.id,
            chat_id=chat_id,
            kind="button",
            update_id=update.update_id,
            button=query.data or "",
            callback_id=query.id,
            language_code=query.from_user.language_code,
            message_id=message.message_id if message is not None else None,
        )
    message = update.message
    if message is None or message.from_user is None or message.chat.type != ChatType.PRIVATE:
        return None
    base = {
        "channel": "telegram",
        "user_id": message.from_user.id,
        "chat_id": message.chat.id,
        "update_id": update.update_id,
        "language_code": message.from_user.language_code,
        "message_id": message.message_id,
        "media_group_id": message.media_group_id,
    }
    if message.text is not None:
        text = message.text
        if text.startswith("/"):
            head, _, args = text[1:].partition(" ")
            command = head.split("@", 1)[0].lower()
            return Inbound(kind="command", text=text, command=command, args=args, **base)
        return Inbound(kind="text", text=text, **base)
    if message.contact is not None:
        return Inbound(
            kind="contact",
            contact_phone=message.contact.phone_number,
            contact_user_id=message.contact.user_id,
            **base,
        )
    return Inbound(kind=_media_kind(message), media=_media(message), text=message.caption, **base)


def _media_kind(message: Message) -> str:
    if message.photo:
        return "photo"
    if message.document is not None:
        return "document"
    if message.sticker is not None:
        return "sticker"
    if message.voice is not None or message.audio is not None:
        return "voice"
    if message.video is not None or message.video_note is not None or message.animation:
        return "video"
    if message.location is not None or message.venue is not None:
        return "location"
    return "other"


def _media(message: Message) -> Media | None:
    if message.photo:
        size = message.photo[-1]  # the largest
        return Media(size.file_id, size.file_size, "image/jpeg", None, size.width, size.height)
    if message.document is not None:
        d = message.document
        return Media(d.file_id, d.file_size, d.mime_type, d.file_name)
    return None


def retry_after_seconds(exc: RetryAfter) -> float:
    with warnings.catch_warnings():  # PTB 22: an int now, a timedelta in a later major version
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = exc.retry_after
    return float(value.total_seconds() if isinstance(value, dt.timedelta) else value)


def reply_markup(out: Outbound) -> object | None:
    if out.buttons:
        return InlineKeyboardMarkup(
            [
                [InlineKeyboardButton(b.label, callback_data=b.data) for b in row]
                for row in out.buttons
            ]
        )
    if out.request_contact:
        return ReplyKeyboardMarkup(
            [[KeyboardButton(out.request_contact, request_contact=True)]],
            resize_keyboard=True,
            one_time_keyboard=True,
        )
    if out.remove_keyboard:
        return ReplyKeyboardRemove()
    return None


def telegram_deliver(bot: Bot) -> Callable[[Outbound], Awaitable[int]]:
    """One outbox message through a PTB Bot, with Telegram's errors as DeliveryErrors."""

    async def deliver(out: Outbound) -> int:
        markup = reply_markup(out)
        try:
            if out.photos and len(out.text) <= CAPTION_LIMIT:
                sent = await bot.send_photo(
                    out.chat_id,
                    Path(out.photos[0]),
                    caption=out.text or None,
                    parse_mode=ParseMode.HTML,
                    reply_markup=markup,  # type: ignore[arg-type]
                )
                return sent.message_id
            if out.photos:  # too long for a caption: the photo, then the text
                await bot.send_photo(out.chat_id, Path(out.photos[0]))
            sent = await bot.send_message(
                out.chat_id,
                out.text,
                parse_mode=ParseMode.HTML,
                reply_markup=markup,  # type: ignore[arg-type]
                disable_web_page_preview=True,
            )
            return sent.message_id
        except RetryAfter as exc:
            raise RateLimited(retry_after_seconds(exc), str(exc)) from exc
        except Forbidden as exc:
            raise Blocked(str(exc)) from exc
        except BadRequest as exc:  # before NetworkError: BadRequest is one in PTB
            if "chat not found" in str(exc).lower():
                raise Blocked(str(exc)) from exc
            raise Rejected(str(exc)) from exc
        except NetworkError as exc:  # TimedOut included
            raise Transient(f"{type(exc).__name__}: {exc}") from exc
        except TelegramError as exc:  # e.g. an answer that is not JSON
            raise Transient(f"{type(exc).__name__}: {exc}") from exc

    return deliver


class TelegramChannel:
    """Runs the PTB Application and bridges it to the router."""

    def __init__(
        self,
        token: str,
        api_root: str,
        handle: Handle,
        on_blocked: Callable[[int], Awaitable[None]],
        post_init: Callable[[Application], Awaitable[None]] | None = None,
        post_shutdown: Callable[[Application], Awaitable[None]] | None = None,
    ) -> None:
        self.handle = handle
        self.on_blocked = on_blocked
        builder = (
            ApplicationBuilder()
            .token(token)
            .base_url(f"{api_root}/bot")
            .base_file_url(f"{api_root}/file/bot")
            # Updates of different users run side by side; the router keeps one user's in order.
            .concurrent_updates(64)
            .connect_timeout(10)
            .read_timeout(20)
            .write_timeout(20)
        )
        if post_init is not None:
            builder = builder.post_init(post_init)
        if post_shutdown is not None:
            builder = builder.post_shutdown(post_shutdown)
        self.app: Application = builder.build()
        self.app.add_handler(TypeHandler(Update, self._on_update))

    async def _on_update(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        member = update.my_chat_member
        if member is not None and member.new_chat_member.status == ChatMemberStatus.BANNED:
            await self.on_blocked(member.from_user.id)
            return
        inbound = to_inbound(update)
        if inbound is None:
            return
        if inbound.callback_id is not None:
            # Stop the button's spinner at once; an old query may be refused, which is harmless.
            with contextlib.suppress(BadRequest, NetworkError):
                await update.callback_query.answer()  # type: ignore[union-attr]
        await self.handle(inbound, self.send_all)

    async def download(self, media: Media) -> bytes:
        """The bytes of a file a user sent (Telegram lets bots fetch up to 20 MB)."""
        try:
            file = await self.app.bot.get_file(media.file_id)
        except BadRequest as exc:
            if "too big" in str(exc).lower():
                raise FileTooBig(media.file_id) from exc
            raise
        return bytes(await file.download_as_bytearray())

    async def send_all(self, messages: list[Outbound]) -> None:
        for out in messages:
            if not await self.send(out):
                return

    async def send(self, out: Outbound) -> bool:
        """Send one message; False when the chat is gone (blocked) so the rest is dropped."""
        for attempt in range(SEND_ATTEMPTS):
            try:
                await self._send_once(out)
                return True
            except RetryAfter as exc:
                await asyncio.sleep(retry_after_seconds(exc))
            except Forbidden:
                await self.on_blocked(out.chat_id)
                return False
            except BadRequest as exc:  # our fault, not the network's: retrying won't help
                log.error("Telegram refused a message to chat %s: %s", out.chat_id, exc)
                return True
            except (TimedOut, NetworkError):
                await asyncio.sleep(0.5 * 2**attempt)
        log.error("gave up sending a message to chat %s", out.chat_id)
        return True

    async def publish_commands(self, menus: dict[str, list[tuple[str, str]]]) -> None:
        """Telegram's command menu, in each user's language ("" = everyone else)."""
        for language, commands in menus.items():
            try:
                await self.app.bot.set_my_commands(
                    [BotCommand(name, description) for name, description in commands],
                    language_code=language or None,
                )
            except TelegramError as exc:  # cosmetic: never a reason not to start
                log.warning("could not set the command menu for %r: %s", language, exc)

    async def _send_once(self, out: Outbound) -> None:
        bot = self.app.bot
        markup = reply_markup(out)
        if out.document is not None:
            doc = out.document
            # PTB reads a Path itself; bytes go as they are.
            content = Path(doc.path) if doc.path else doc.content
            await bot.send_document(
                out.chat_id,
                content,
                filename=doc.filename,
                caption=out.text[:CAPTION_LIMIT] or None,
                parse_mode=ParseMode.HTML,
            )
            return
        if len(out.photos) == 1 and len(out.text) <= CAPTION_LIMIT:
            await bot.send_photo(
                out.chat_id,
                Path(out.photos[0]),
                caption=out.text or None,
                parse_mode=ParseMode.HTML,
                reply_markup=markup,  # type: ignore[arg-type]
            )
            return
        if out.photos:
            album = [
                InputMediaPhoto(Path(path), caption=str(number))
                for number, path in enumerate(out.photos[:ALBUM_LIMIT], 1)
            ]
            if len(album) == 1:
                await bot.send_photo(out.chat_id, album[0].media)
            else:
                await bot.send_media_group(out.chat_id, album)
        if out.text:
            await bot.send_message(
                out.chat_id,
                out.text,
                parse_mode=ParseMode.HTML,
                reply_markup=markup,  # type: ignore[arg-type]
                disable_web_page_preview=True,
            )

    def deliverer(self, token: str, api_root: str) -> Callable[[Outbound], Awaitable[int]]:
        """Sends for the outbox on a Bot of its own: broadcast traffic (and a 429 pausing it)
        never takes connections from the replies to people chatting."""
        bot = Bot(
            token,
            base_url=f"{api_root}/bot",
            base_file_url=f"{api_root}/file/bot",
            request=HTTPXRequest(connection_pool_size=64, read_timeout=20, write_timeout=20),
        )
        self._outbox_bot = bot
        return telegram_deliver(bot)

    async def close_deliverer(self) -> None:
        bot = getattr(self, "_outbox_bot", None)
        if bot is not None:
            await bot.shutdown()

    def run_polling(self) -> None:
        """Block until SIGINT/SIGTERM; PTB confirms the offset of handled updates on the way out."""
        self.app.run_polling(allowed_updates=Update.ALL_TYPES, drop_pending_updates=False)

    async def start_polling(self, poll_timeout: float = 10.0) -> None:
        """Poll inside an already running event loop (tests, embedding)."""
        await self.app.initialize()
        await self.app.start()
        assert self.app.updater is not None
        await self.app.updater.start_polling(
            poll_interval=0,
            timeout=dt.timedelta(seconds=poll_timeout),
            allowed_updates=Update.ALL_TYPES,
        )

    async def stop_polling(self) -> None:
        assert self.app.updater is not None
        await self.app.updater.stop()
        await self.app.stop()
        await self.app.shutdown()
