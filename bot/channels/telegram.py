"""Telegram channel on python-telegram-bot 22: every Update becomes an Inbound; replies go out.

There is one handler and no ConversationHandler: conversation state is ours, in the database,
read on every update, so a restart (or another worker) never disagrees about where a user is.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import datetime as dt
import functools
import logging
import time
import warnings
from asyncio import FIRST_COMPLETED
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any

from telegram import (
    Bot,
    BotCommand,
    InputMediaPhoto,
    Message,
    Update,
)
from telegram.constants import ChatMemberStatus, ChatType, ParseMode
from telegram.error import (
    BadRequest,
    Conflict,
    EndPointNotFound,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
)
from telegram.ext import Application, ApplicationBuilder, ContextTypes, TypeHandler
from telegram.warnings import PTBDeprecationWarning, PTBUserWarning

from bot import metrics
from bot.channels.bot_api_http import BotApiRequest, proxy_for
from bot.channels.replies import send_reply
from bot.inbox import Arrival, InboxWorker
from chat.capabilities import Capabilities
from chat.inbound import FileTooBig, Inbound, Media
from chat.outbound import (
    Blocked,
    Deliver,
    Delivery,
    Outbound,
    RateLimited,
    Rejected,
    Transient,
)
from chat.pacing import Pacer
from services.text import utf16_length

log = logging.getLogger(__name__)
# Two calls go through PTB's do_api_request, which hands back the Bot API's JSON undecoded:
# getUpdates (most of a batch is in flight already, see Poller) and sendMessage (only the new
# message's id is wanted: decoding the Message PTB's send_message returns was a fifth of a
# reply's cost in PTB). PTB then suggests its own method each time; that is the choice made.
warnings.filterwarnings("ignore", r"Please use 'Bot\.(getUpdates|sendMessage)'", PTBUserWarning)

Handle = Callable[[Inbound, Callable[[list[Outbound]], Awaitable[None]]], Awaitable[object]]
# Attempts for one message when Telegram is slow or says "too many requests".
# Bot API limits: a caption is at most 1024 characters, an album 2 to 10 items.
CAPTION_LIMIT = 1024
ALBUM_LIMIT = 10
# Every update kind, in polling and in setWebhook alike (the bot ignores what it does not use).
ALLOWED_UPDATES = tuple(Update.ALL_TYPES)
CHANNEL = "telegram"
# Telegram's pace for one chat: about a message a second after a short burst. Replies count
# towards it but never wait for it (the person is waiting, and a person answering questions
# does not keep up a message a second); the outbox's messages to that chat wait.
CHAT_INTERVAL = 1.0
CHAT_BURST = 3
# Replies being sent at once, each on a connection of its own (16 at ~0.2 s a round trip to
# Telegram is ~80 messages a second, over the pace), and connections kept beside them for the
# bot's other calls (answers to button presses, file downloads), so a burst never holds those.
SENDS_IN_FLIGHT = 16
OTHER_CALLS = 8
# What a Telegram chat can show (Bot API: text 4096 and captions 1024 UTF-16 units, up to 100
# inline buttons, callback_data 1-64 bytes, albums of 2-10 photos, any document).
CAPABILITIES = Capabilities(
    text_limit=4096,
    caption_limit=CAPTION_LIMIT,
    buttons=100,
    per_row=8,
    label_limit=120,
    payload_limit=64,
    contact_request=True,
    editing=True,
    album=ALBUM_LIMIT,
    utf16=True,
)


def to_inbound(update: Update) -> Inbound | None:
    """The channel-neutral view of an update; None for what the bot ignores (groups, channels)."""
    if update.callback_query is not None:
        query = update.callback_query
        message = query.message
        chat_id = message.chat.id if message is not None else query.from_user.id
        return Inbound(
            channel=CHANNEL,
            sender=str(query.from_user.id),
            chat_id=chat_id,
            kind="button",
            update_id=str(update.update_id),
            button=query.data or "",
            callback_id=query.id,
            language_code=query.from_user.language_code,
            message_id=message.message_id if message is not None else None,
        )
    edited = update.edited_message
    if edited is not None and edited.from_user is not None and edited.chat.type == ChatType.PRIVATE:
        return Inbound(
            channel=CHANNEL,
            sender=str(edited.from_user.id),
            chat_id=edited.chat.id,
            kind="edit",
            update_id=str(update.update_id),
            text=edited.text or edited.caption,
            language_code=edited.from_user.language_code,
            message_id=edited.message_id,
        )
    message = update.message
    if message is None or message.from_user is None or message.chat.type != ChatType.PRIVATE:
        return None
    base = {
        "channel": CHANNEL,
        "sender": str(message.from_user.id),
        "chat_id": message.chat.id,
        "update_id": str(update.update_id),
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
            contact_sender=str(message.contact.user_id) if message.contact.user_id else None,
            **base,
        )
    return Inbound(kind=_media_kind(message), media=_media(message), text=message.caption, **base)


def sender_of(raw: dict[str, Any]) -> str:
    """Who an undecoded update is from (their updates are handled in order), "" when none."""
    for key, value in raw.items():
        if key != "update_id" and isinstance(value, dict):
            person = value.get("from")
            if isinstance(person, dict) and isinstance(person.get("id"), int):
                return str(person["id"])
    return ""


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


def reply_markup(out: Outbound) -> dict[str, object] | None:
    """The keyboard as the Bot API's JSON: made as PTB's objects, every message turned it
    back into this (a twentieth of a reply's cost)."""
    if out.buttons:
        rows = [[{"text": b.label, "callback_data": b.data} for b in row] for row in out.buttons]
        return {"inline_keyboard": rows}
    if out.request_contact:
        return {
            "keyboard": [[{"text": out.request_contact, "request_contact": True}]],
            "resize_keyboard": True,
            "one_time_keyboard": True,
        }
    if out.remove_keyboard:
        return {"remove_keyboard": True}
    return None


def _chat(chat_id: int | str) -> int | str:
    """A chat as PTB takes it: Telegram's numeric ids as numbers."""
    text = str(chat_id)
    return int(text) if text.lstrip("-").isdigit() else text


async def _send(bot: Bot, out: Outbound) -> int:
    """One message: a document, a photo with its caption, an album then the text, or text;
    the id of the last message sent. The one way replies and the outbox both send."""
    chat, markup = _chat(out.chat_id), reply_markup(out)
    if out.document is not None:
        doc = out.document
        # PTB reads a Path itself; bytes go as they are.
        content = Path(doc.path) if doc.path else doc.content
        sent = await bot.send_document(
            chat,
            content,
            filename=doc.filename,
            caption=out.text[:CAPTION_LIMIT] or None,
            parse_mode=ParseMode.HTML,
        )
        return sent.message_id
    if len(out.photos) == 1 and utf16_length(out.text) <= CAPTION_LIMIT:
        sent = await bot.send_photo(
            chat,
            Path(out.photos[0]),
            caption=out.text or None,
            parse_mode=ParseMode.HTML,
            reply_markup=markup,  # type: ignore[arg-type]
        )
        return sent.message_id
    message_id = 0
    if len(out.photos) == 1:  # a caption this long goes as a message of its own
        message_id = (await bot.send_photo(chat, Path(out.photos[0]))).message_id
    elif out.photos:  # an album, numbered like the buttons below it
        album = [
            InputMediaPhoto(Path(path), caption=str(number))
            for number, path in enumerate(out.photos[:ALBUM_LIMIT], 1)
        ]
        message_id = (await bot.send_media_group(chat, album))[-1].message_id
    if out.text:
        text: dict[str, object] = {
            "chat_id": chat,
            "text": out.text,  # the markup is Telegram HTML as it stands
            "parse_mode": ParseMode.HTML,
            "link_preview_options": {"is_disabled": True},
        }
        if markup is not None:
            text["reply_markup"] = markup
        sent = await bot.do_api_request("sendMessage", api_kwargs=text)
        message_id = int(sent["message_id"])
    return message_id


def message_count(out: Outbound) -> int:
    """How many Telegram messages one Outbound becomes (an album is one per photo)."""
    if out.document is not None or not out.photos:
        return 1
    if len(out.photos) == 1:  # a caption too long goes as a message of its own
        return 2 if utf16_length(out.text) > CAPTION_LIMIT else 1
    return min(len(out.photos), ALBUM_LIMIT) + bool(out.text)


def telegram_deliver(bot: Bot) -> Deliver:
    """Sending through a PTB Bot, with Telegram's errors as DeliveryErrors."""

    async def deliver(out: Outbound) -> int:
        try:
            return await _send(bot, out)
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


class UpdateFailed(Exception):
    """Handling an update raised: it was not handled (the webhook answers 500, so Telegram
    delivers it again)."""


# The update being processed failed (set by the error handler in the same task).
_failure: contextvars.ContextVar[BaseException | None] = contextvars.ContextVar(
    "telegram_update_failure", default=None
)


class TelegramChannel:
    """Runs the PTB Application (without its Updater) and bridges it to the router.

    Updates come in through ``process`` (one Update, as the webhook server receives it) or
    the ``Poller`` (long polling); both go through ``Application.process_update`` to the one
    TypeHandler, ``_on_update``, which finishes (replies sent) before ``process`` returns.
    """

    def __init__(
        self,
        token: str,
        api_root: str,
        handle: Handle,
        on_blocked: Callable[[str], Awaitable[None]],
        *,
        rate: float | None = 30.0,
    ) -> None:
        self.handle = handle
        self.on_blocked = on_blocked
        # The bot's one pace on Telegram: replies (first) and the outbox take slots from it.
        self.pacer = Pacer(rate, chat_interval=CHAT_INTERVAL, chat_burst=CHAT_BURST)
        self.proxy = proxy_for(api_root)  # the environment's, for every Bot API connection
        self.app: Application = (
            ApplicationBuilder()
            .token(token)
            .base_url(f"{api_root}/bot")
            .base_file_url(f"{api_root}/file/bot")
            # Updates are fed by our webhook server or our Poller, never PTB's Updater: it
            # confirms updates to Telegram before they are handled (see Poller).
            .updater(None)
            .request(BotApiRequest(SENDS_IN_FLIGHT + OTHER_CALLS, proxy=self.proxy))
            .get_updates_request(BotApiRequest(1, proxy=self.proxy))
            .build()
        )
        self.app.add_handler(TypeHandler(Update, self._on_update))
        self.app.add_error_handler(self._on_error)
        self.poller: Poller | None = None
        # Where polled updates are kept until handled (set by the wiring; without one, the
        # poller holds them in memory and confirms only handled ones).
        self.inbox: InboxWorker | None = None
        self._answers: set[asyncio.Task[None]] = set()
        self._sending = asyncio.Semaphore(SENDS_IN_FLIGHT)
        self._deliver = telegram_deliver(self.app.bot)

    # ------------------------------------------------------------------ lifecycle

    async def start(self) -> None:
        """Connect (getMe) and start the Application; updates may be processed from now on."""
        await self.app.initialize()
        await self.app.start()

    async def stop(self) -> None:
        if self._answers:
            await asyncio.gather(*self._answers, return_exceptions=True)
        if self.app.running:
            await self.app.stop()
        await self.app.shutdown()

    async def start_polling(self, poll_timeout: float = 10.0) -> None:
        """Start the Application and long polling inside a running event loop."""
        await self.start()
        try:
            # Polling and a webhook exclude each other; keep what Telegram holds for us.
            await self.app.bot.delete_webhook(drop_pending_updates=False)
        except TelegramError as exc:
            log.warning("deleteWebhook failed (%s); getUpdates may be refused", exc)
        keep = self._keep if self.inbox is not None else None
        self.poller = Poller(self.app.bot, self.process, timeout=poll_timeout, keep=keep)
        if self.inbox is not None:
            self.inbox.start()  # what a stopped process left is handled first
        self.poller.start()

    async def stop_fetching(self, grace: float = 30.0) -> None:
        """Fetch nothing more; updates in hand finish (up to ``grace`` seconds); what Telegram
        may forget is confirmed (kept in the inbox, or handled)."""
        if self.poller is not None:
            await self.poller.stop(grace)
        if self.inbox is not None:
            await self.inbox.stop(grace)

    async def stop_polling(self, grace: float = 30.0) -> None:
        """``stop_fetching``, then stop the Application."""
        await self.stop_fetching(grace)
        await self.stop()

    # ------------------------------------------------------------------ updates

    async def process(self, update: Update) -> None:
        """Handle one update to the end (replies sent); UpdateFailed when handling raised."""
        token = _failure.set(None)
        try:
            await self.app.process_update(update)
            error = _failure.get()
        finally:
            _failure.reset(token)
        if error is not None:
            raise UpdateFailed(type(error).__name__) from error

    async def _keep(self, raw: list[dict[str, Any]]) -> None:
        """A polled batch into the inbox, undecoded (decoded once, when handled)."""
        assert self.inbox is not None
        arrivals = [
            Arrival(str(item["update_id"]), sender_of(item), item["update_id"], item)
            for item in raw
        ]
        await self.inbox.keep(arrivals)

    async def handle_stored(self, items: list[tuple[int, Any]]) -> None:
        """One user's kept updates, in order (the inbox's handler)."""
        for _, body in items:
            try:
                update = self.decode(body)
            except ValueError:  # not an Update: kept, but nothing to do with it
                log.warning("polling: a kept update could not be read; skipped")
                continue
            # A failure is logged by the error handler; asking again would fail again.
            with contextlib.suppress(UpdateFailed):
                await self.process(update)

    def decode(self, payload: object) -> Update:
        """The Update in a webhook body (ValueError when it is not one)."""
        if not isinstance(payload, dict) or not isinstance(payload.get("update_id"), int):
            raise ValueError("not an Update")
        try:
            update = Update.de_json(payload, self.app.bot)
        except (KeyError, TypeError, AttributeError) as exc:  # a field missing or mistyped
            raise ValueError("not an Update") from exc
        if update is None:
            raise ValueError("not an Update")
        return update

    async def _on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        # The message carries the update id and the error's type; the traceback goes through
        # the personal-data filter (bot/logs.py) like every log line.
        update_id = update.update_id if isinstance(update, Update) else None
        error = context.error
        log.error(
            "update %s failed: %s",
            update_id,
            type(error).__name__,
            exc_info=(type(error), error, error.__traceback__) if error is not None else None,
        )
        _failure.set(error)

    async def _on_update(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        timer = metrics.Timer()
        inbound: Inbound | None = None
        try:
            member = update.my_chat_member
            if member is not None and member.new_chat_member.status == ChatMemberStatus.BANNED:
                await self.on_blocked(str(member.from_user.id))
                return
            inbound = to_inbound(update)
            if inbound is None:
                return
            if inbound.callback_id is not None:
                # Stop the button's spinner at once, beside the handling rather than before
                # it: nothing is awaited before the router takes the user's lock, so one
                # user's updates reach it in the order they were dispatched.
                answer = asyncio.create_task(self._answer(update))
                self._answers.add(answer)
                answer.add_done_callback(self._answers.discard)
            await self.handle(inbound, self.send_all)
        finally:
            timer.done(metrics.update_kind(inbound))

    @staticmethod
    async def _answer(update: Update) -> None:
        # An old query may be refused, which is harmless.
        with contextlib.suppress(TelegramError):
            await update.callback_query.answer()  # type: ignore[union-attr]

    async def download(self, media: Media) -> bytes:
        """The bytes of a file a user sent (Telegram lets bots fetch up to 20 MB)."""
        try:
            file = await self.app.bot.get_file(media.file_id)
        except BadRequest as exc:
            if "too big" in str(exc).lower():
                raise FileTooBig(media.file_id) from exc
            raise
        return bytes(await file.download_as_bytearray())

    # ------------------------------------------------------------------ sending

    async def send_all(self, messages: list[Outbound]) -> None:
        for out in messages:
            if not await self.send(out):
                return

    async def send(self, out: Outbound) -> bool:
        """Send one reply; False when the chat is gone (blocked) so the rest is dropped."""
        return await send_reply(self._paced, out, platform="Telegram", on_blocked=self.on_blocked)

    async def _paced(self, out: Outbound) -> int:
        await self.pacer.acquire(message_count(out), chat=out.chat_id, urgent=True)
        async with self._sending:
            return await self._deliver(out)

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

    async def set_webhook(self, url: str, secret: str) -> None:
        """Point Telegram at our webhook (idempotent); updates it holds are kept."""
        await self.app.bot.set_webhook(
            url,
            secret_token=secret,
            allowed_updates=ALLOWED_UPDATES,
            drop_pending_updates=False,
        )

    def deliverer(self, token: str, api_root: str) -> Delivery:
        """Sends for the outbox, the same way as replies but on a Bot of its own: broadcast
        traffic (and a 429 pausing it) never takes connections from the replies to people
        chatting."""
        bot = Bot(
            token,
            base_url=f"{api_root}/bot",
            base_file_url=f"{api_root}/file/bot",
            request=BotApiRequest(SENDS_IN_FLIGHT, proxy=self.proxy),
        )
        self._outbox_bot = bot
        return Delivery(telegram_deliver(bot), CAPABILITIES, cost=message_count, pacer=self.pacer)

    async def close_deliverer(self) -> None:
        bot = getattr(self, "_outbox_bot", None)
        if bot is not None:
            await bot.shutdown()


class Poller:
    """Long polling whose offset only moves past updates that are safe.

    With ``keep`` (the bot's wiring: the durable inbox), each batch is kept in the database at
    once and confirmed by the next getUpdates, which then long-polls for new updates only:
    nothing in flight is fetched or decoded again, a slow update holds nothing back, and a
    kill loses nothing (the inbox still has it). Without ``keep``, the offset only moves past
    handled updates, as follows.

    PTB's Updater confirms a batch as soon as it is queued (its next getUpdates carries the
    last id + 1), before the updates are handled, and on shutdown it confirms everything it
    fetched: a kill then loses whatever was in flight. Here the offset sent is the lowest
    update id still in flight, so Telegram keeps, and hands out again after a crash, every
    update not finished. Telegram numbers updates in increasing order, so one below the highest
    id seen was seen before (in flight, or finished while a request was under way) and is
    skipped; the router de-duplicates by update id anyway. Updates of different users run side
    by side; the router keeps one user's in order.
    """

    LIMIT = 100  # updates per getUpdates, and at most this many in flight
    # While updates are in flight Telegram hands them back on every call (they are not
    # confirmed yet): poll at most this often then, and decode only the new ones.
    RECHECK = 0.02
    READ_TIMEOUT = 20.0  # on top of the long-polling timeout
    SLOW = 5.0  # seconds after which an unfinished update no longer holds the offset back
    BACKOFF_CAP = 30.0

    def __init__(
        self,
        bot: Bot,
        process: Callable[[Update], Awaitable[None]],
        *,
        timeout: float = 10.0,
        allowed_updates: Sequence[str] | None = None,
        keep: Callable[[list[dict[str, Any]]], Awaitable[None]] | None = None,
    ) -> None:
        self.bot = bot
        self.process = process
        self.keep = keep
        self.timeout = timeout
        self.allowed_updates = list(allowed_updates or ALLOWED_UPDATES)
        self._running: dict[int, asyncio.Task[None]] = {}  # dispatched, not finished
        self._started: dict[int, float] = {}  # when each was dispatched (monotonic)
        self._next = 0  # one above the highest update id seen
        self._task: asyncio.Task[None] | None = None

    @property
    def offset(self) -> int:
        """What getUpdates confirms: every update below it has been handled — except one
        running longer than SLOW (an export, a big download): getUpdates hands out at most
        LIMIT updates from the offset, so holding it would stop everyone else's updates.
        Such an update is committed by then (only its replies may still be lost in a crash)."""
        recent = time.monotonic() - self.SLOW
        waiting = [i for i in self._running if self._started.get(i, 0.0) > recent]
        return min(waiting) if waiting else self._next

    @property
    def task(self) -> asyncio.Task[None] | None:
        return self._task

    def start(self) -> None:
        self._task = asyncio.create_task(self._loop(), name="telegram-polling")

    async def stop(self, grace: float = 30.0) -> None:
        """Fetch nothing more; updates in flight get ``grace`` seconds; confirm the handled."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
        tasks = set(self._running.values())
        if tasks:
            _, late = await asyncio.wait(tasks, timeout=grace)
            for task in late:  # not finished: not confirmed, Telegram hands them out again
                task.cancel()
            await asyncio.gather(*late, return_exceptions=True)
            if late:
                log.warning(
                    "polling: %d updates unfinished at shutdown, left unconfirmed", len(late)
                )
        if self._next:
            try:
                # Strictly below every unfinished one: those cut off now come again.
                offset = min(self._running) if self._running else self._next
                await self.bot.get_updates(
                    offset=offset,
                    limit=1,
                    timeout=dt.timedelta(0),
                    allowed_updates=self.allowed_updates,
                )
            except TelegramError as exc:  # they come again and are recognised as seen
                log.warning("polling: could not confirm the last updates (%s)", exc)

    async def _loop(self) -> None:
        failures = 0
        while True:
            if len(self._running) >= self.LIMIT:
                await asyncio.wait(set(self._running.values()), return_when=FIRST_COMPLETED)
                continue
            try:
                # With updates in flight Telegram answers at once (they are unconfirmed).
                raw = await self._fetch(0 if self._running else self.timeout)
                if self.keep is not None:
                    await self._keep(raw)
                    failures = 0
                    continue
            except InvalidToken:
                raise
            except Exception as exc:
                if not isinstance(exc, TelegramError) and self.keep is None:
                    raise
                failures += 1
                delay = min(self.BACKOFF_CAP, 0.5 * 2 ** min(failures, 6))
                if isinstance(exc, TelegramError):
                    level = logging.ERROR if isinstance(exc, Conflict) else logging.WARNING
                    log.log(level, "getUpdates failed (%s); again in %.0f s", exc, delay)
                else:  # not confirmed: Telegram hands the batch out again
                    log.warning(
                        "polling: the inbox did not take a batch (%s); again in %.0f s",
                        type(exc).__name__,
                        delay,
                    )
                await asyncio.sleep(delay)
                continue
            failures = 0
            for item in raw:
                update_id = item.get("update_id") if isinstance(item, dict) else None
                if not isinstance(update_id, int) or update_id < self._next:
                    continue  # in flight, or finished while this call was under way
                try:
                    update = Update.de_json(item, self.bot)
                except Exception:  # confirmed with the rest: asking again would fail again
                    log.warning("polling: update %s could not be read; skipped", update_id)
                    self._next = max(self._next, update_id + 1)
                    continue
                if update is not None:
                    self._dispatch(update)
            if self._running:
                # Not at each finished update: under load that is a call (and a hundred
                # updates handed back) per update.
                await asyncio.sleep(self.RECHECK)

    async def _keep(self, raw: list[object]) -> None:
        """Keep the new updates of a batch; the next getUpdates confirms them."""
        fresh = [
            item
            for item in raw
            if isinstance(item, dict)
            and isinstance(item.get("update_id"), int)
            and item["update_id"] >= self._next
        ]
        if fresh:
            assert self.keep is not None
            await self.keep(fresh)
            self._next = max(item["update_id"] for item in fresh) + 1

    async def _fetch(self, wait: float) -> list[object]:
        """One getUpdates call, undecoded: most of what comes back is in flight already."""
        try:
            result = await self.bot.do_api_request(  # not get_updates: it decodes everything
                "getUpdates",
                api_kwargs={
                    "offset": self.offset,
                    "limit": self.LIMIT,
                    "timeout": wait,
                    "allowed_updates": self.allowed_updates,
                },
                read_timeout=self.READ_TIMEOUT + wait,
            )
        except EndPointNotFound as exc:  # how a rejected token shows through this call
            raise InvalidToken(str(exc)) from exc
        return result if isinstance(result, list) else []

    def _dispatch(self, update: Update) -> None:
        update_id = update.update_id
        self._next = max(self._next, update_id + 1)
        task = asyncio.create_task(self._handle(update), name=f"update-{update_id}")
        self._running[update_id] = task
        self._started[update_id] = time.monotonic()
        task.add_done_callback(functools.partial(self._finished, update_id))

    async def _handle(self, update: Update) -> None:
        # A failure is logged by the channel, and confirmed all the same: asking again would
        # fail again, and the router recognises an update it already committed.
        with contextlib.suppress(UpdateFailed):
            await self.process(update)

    def _finished(self, update_id: int, task: asyncio.Task[None]) -> None:
        if task.cancelled():
            return  # stays below the offset: unconfirmed
        del self._running[update_id]
        self._started.pop(update_id, None)
