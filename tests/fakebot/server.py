"""Fake Telegram Bot API over real HTTP, so end-to-end tests can drive the real PTB Application."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import math
import re
import socket
import struct
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http import HTTPStatus
from typing import Any, Literal

from aiohttp import ClientError, ClientSession, ClientTimeout, TCPConnector, web

MAX_TEXT = 4096  # UTF-16 code units after entity parsing
MAX_CAPTION = 1024
MAX_CALLBACK_DATA = 64  # bytes
MAX_INLINE_BUTTONS = 100
MAX_DOWNLOAD = 20 * 1024 * 1024  # getFile limit for bots
MAX_UPLOAD = 50 * 1024 * 1024
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup "
    "are exactly the same as a current content and reply markup of the message"
)
BLOCKED = "Forbidden: bot was blocked by the user"
CHAT_ACTIONS = {
    "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
    "upload_document", "choose_sticker", "find_location", "record_video_note", "upload_video_note",
}  # fmt: skip
BUTTON_ACTIONS = {
    "url", "callback_data", "web_app", "login_url", "switch_inline_query",
    "switch_inline_query_current_chat", "switch_inline_query_chosen_chat", "copy_text",
    "callback_game", "pay",
}  # fmt: skip
# Form/multipart values arrive as strings (PTB json-dumps non-str values); restore their types.
_JSON_FIELDS = {
    "reply_markup", "entities", "caption_entities", "commands", "scope", "allowed_updates",
    "reply_parameters", "link_preview_options", "media", "suggested_post_parameters",
}  # fmt: skip
_INT_FIELDS = {
    "chat_id", "message_id", "offset", "limit", "message_thread_id", "cache_time",
    "max_connections", "user_id", "reply_to_message_id", "direct_messages_topic_id",
}  # fmt: skip
_BOOL_FIELDS = {
    "show_alert", "disable_notification", "protect_content", "drop_pending_updates",
    "disable_content_type_detection", "has_spoiler", "allow_sending_without_reply",
    "disable_web_page_preview", "allow_paid_broadcast", "show_caption_above_media",
}  # fmt: skip
# Methods that are not throttled by `rate_limit_per_second` (they are not "sending").
_RATE_EXEMPT = {
    "getupdates", "getme", "deletewebhook", "setwebhook", "getwebhookinfo", "close", "logout",
    "setmycommands", "getmycommands", "getfile",
}  # fmt: skip
_FAULT_DESCRIPTIONS = {
    400: "Bad Request: injected failure",
    401: "Unauthorized",
    403: BLOCKED,
    404: "Not Found",
    409: "Conflict: terminated by other getUpdates request; "
    "make sure that only one bot instance is running",
    500: "Internal Server Error",
    502: "Bad Gateway",
}  # fmt: skip
_TAGS = {
    "b": "bold", "strong": "bold", "i": "italic", "em": "italic", "u": "underline",
    "ins": "underline", "s": "strikethrough", "strike": "strikethrough", "del": "strikethrough",
    "span": "spoiler", "tg-spoiler": "spoiler", "a": "text_link", "code": "code", "pre": "pre",
    "blockquote": "blockquote", "tg-emoji": "custom_emoji",
}  # fmt: skip
_TEXT_BUTTON = (
    "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
)
_ENTITY = re.compile(r"&(?:lt|gt|amp|quot|#[0-9]+|#[xX][0-9a-fA-F]+);")
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}


def utf16_len(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


@dataclass
class UploadedFile:
    filename: str | None
    data: bytes = field(repr=False)
    content_type: str | None = None


@dataclass
class Recorded:
    """One HTTP request the bot made; status/description are filled in once answered."""

    method: str
    params: dict[str, Any]
    files: dict[str, UploadedFile]
    time: float
    status: int = 200
    description: str | None = None
    fault: str | None = None  # set when the answer came from fail_next()


@dataclass
class Violation:
    """A request Telegram would have rejected as a bot bug (400)."""

    method: str
    description: str
    params: dict[str, Any]


@dataclass
class StoredFile:
    file_id: str
    file_unique_id: str
    data: bytes = field(repr=False)
    file_path: str
    file_size: int


@dataclass
class Message:
    """A message the bot sent, as it currently stands in the chat."""

    message_id: int
    chat_id: int
    date: int
    kind: Literal["text", "document", "photo"] = "text"
    text: str | None = None  # what the user sees: HTML tags removed, entities decoded
    raw_text: str | None = None  # text or caption exactly as the bot sent it
    parse_mode: str | None = None
    entities: list[dict[str, Any]] = field(default_factory=list)
    caption: str | None = None
    reply_markup: dict[str, Any] | None = None
    file: StoredFile | None = None
    document_name: str | None = None
    mime_type: str | None = None
    edit_date: int | None = None
    deleted: bool = False
    history: list[tuple[str | None, dict[str, Any] | None]] = field(default_factory=list)
    changed_at: float = field(default_factory=time.monotonic)  # sent or last edited

    @property
    def content(self) -> str:
        return self.text if self.text is not None else (self.caption or "")

    @property
    def document(self) -> bytes | None:
        return self.file.data if self.file and self.kind == "document" else None

    @property
    def photo(self) -> bytes | None:
        return self.file.data if self.file and self.kind == "photo" else None

    @property
    def inline_keyboard(self) -> list[list[dict[str, Any]]]:
        return (self.reply_markup or {}).get("inline_keyboard") or []

    @property
    def buttons(self) -> list[str]:
        return [b.get("text", "") for row in self.inline_keyboard for b in row]

    def callback_data(self, label: str) -> str | None:
        return next(
            (
                b.get("callback_data")
                for r in self.inline_keyboard
                for b in r
                if b.get("text") == label
            ),
            None,
        )


FaultKind = int | Literal["timeout", "malformed", "reset"]


@dataclass
class _Fault:
    method: str
    status: FaultKind
    retry_after: int
    description: str | None
    remaining: int | None  # None: until clear_faults()
    chat_id: int | None
    apply: bool


@dataclass
class _Queued:
    update_id: int
    redelivered: bool = False


class ApiError(Exception):
    """Becomes a Telegram-style error answer; violation=True also records a Violation."""

    def __init__(
        self,
        status: int,
        description: str,
        *,
        violation: bool = False,
        parameters: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(description)
        self.status, self.description = status, description
        self.violation, self.parameters = violation, parameters


def _bad(description: str) -> ApiError:
    return ApiError(400, f"Bad Request: {description}", violation=True)


class _HtmlError(Exception):
    pass


class _TelegramHtml(HTMLParser):
    """Telegram's HTML parse mode: allowed tags only, strict escaping, UTF-16 entity offsets."""

    def __init__(self, source: str, strict_ampersand: bool) -> None:
        super().__init__(convert_charrefs=False)
        self.source, self.strict = source, strict_ampersand
        self.parts: list[str] = []
        self.units = 0
        self.entities: list[dict[str, Any]] = []
        self.stack: list[dict[str, Any]] = []
        self._lines = [0] + [i + 1 for i, ch in enumerate(source) if ch == "\n"]

    def _pos(self, extra: int = 0) -> int:
        line, col = self.getpos()
        index = self._lines[line - 1] + col + extra
        return len(self.source[:index].encode())

    def _fail(self, what: str, extra: int = 0) -> None:
        raise _HtmlError(f"{what} at byte offset {self._pos(extra)}")

    def _emit(self, text: str) -> None:
        self.parts.append(text)
        self.units += utf16_len(text)

    def handle_data(self, data: str) -> None:
        if (lt := data.find("<")) >= 0:
            line, col = self.getpos()
            rest = self.source[self._lines[line - 1] + col + lt + 1 :]
            name = re.split(r"[\s>]", rest, maxsplit=1)[0]
            if name == rest:
                self._fail("Unclosed start tag", lt)
            self._fail(f'Unsupported start tag "{name}"', lt)
        self._emit(data)

    def handle_entityref(self, name: str) -> None:
        if name in _NAMED_ENTITIES:
            self._emit(_NAMED_ENTITIES[name])
        elif self.strict:
            self._fail(f'Unsupported HTML entity "&{name};" (only &lt; &gt; &amp; &quot;)')
        else:
            self._emit(f"&{name}")

    def handle_charref(self, name: str) -> None:
        try:
            code = int(name[1:], 16) if name[:1] in "xX" else int(name)
            self._emit(chr(code))
        except (ValueError, OverflowError):
            self._fail(f'Invalid numeric entity "&#{name};"')

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _TAGS:
            self._fail(f'Unsupported start tag "{tag}"')
        attributes = {k: v or "" for k, v in attrs}
        if tag == "span" and attributes.get("class") != "tg-spoiler":
            self._fail('Tag "span" must have class "tg-spoiler"')
        if tag == "tg-emoji" and not attributes.get("emoji-id", "").isdigit():
            self._fail('Tag "tg-emoji" must have a numeric "emoji-id"')
        self.stack.append(
            {
                "tag": tag,
                "attrs": attributes,
                "start": self.units,
                "text_at": len(self.parts),
                "language": None,
            }
        )

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._fail(f'Unsupported start tag "{tag}/"')

    def handle_endtag(self, tag: str) -> None:
        if not self.stack:
            self._fail("Unexpected end tag")
        top = self.stack.pop()
        if top["tag"] != tag:
            raise _HtmlError(
                f"Unmatched end tag at byte offset {self._pos()}, "
                f'expected "</{top["tag"]}>", found "</{tag}>"'
            )
        length = self.units - top["start"]
        cls = top["attrs"].get("class", "")
        if (
            tag == "code"
            and self.stack
            and self.stack[-1]["tag"] == "pre"
            and cls.startswith("language-")
        ):
            self.stack[-1]["language"] = cls.removeprefix("language-")
            return
        if length <= 0:
            return
        entity: dict[str, Any] = {"type": _TAGS[tag], "offset": top["start"], "length": length}
        if tag == "a":
            entity["url"] = top["attrs"].get("href") or "".join(self.parts[top["text_at"] :])
        elif tag == "pre" and top["language"]:
            entity["language"] = top["language"]
        elif tag == "blockquote" and "expandable" in top["attrs"]:
            entity["type"] = "expandable_blockquote"
        elif tag == "tg-emoji":
            entity["custom_emoji_id"] = top["attrs"]["emoji-id"]
        self.entities.append(entity)

    def _unsupported(self, data: str) -> None:
        self._fail('Unsupported start tag "!"')

    handle_comment = handle_decl = handle_pi = unknown_decl = _unsupported

    def parse(self) -> tuple[str, list[dict[str, Any]]]:
        if self.strict:  # every "&" must start an entity (Telegram itself would keep it as text)
            for m in re.finditer("&", self.source):
                if not _ENTITY.match(self.source, m.start()):
                    at = len(self.source[: m.start()].encode())
                    raise _HtmlError(f'Unescaped "&" (write &amp;) at byte offset {at}')
        self.feed(self.source)
        self.close()
        if self.stack:
            raise _HtmlError(
                f'Can\'t find end tag corresponding to start tag "{self.stack[-1]["tag"]}"'
            )
        self.entities.sort(key=lambda e: (e["offset"], -e["length"]))
        return "".join(self.parts), self.entities


def parse_html(text: str, *, strict_ampersand: bool = True) -> tuple[str, list[dict[str, Any]]]:
    """Plain text and entities of an HTML parse_mode text; raises ValueError like Telegram."""
    try:
        return _TelegramHtml(text, strict_ampersand).parse()
    except _HtmlError as exc:
        raise ValueError(str(exc)) from None


def _coerce(key: str, value: Any) -> Any:
    if not isinstance(value, str):
        return value
    if key in _JSON_FIELDS:
        try:
            return json.loads(value)
        except ValueError:
            return value
    if key in _INT_FIELDS and re.fullmatch(r"-?\d+", value):
        return int(value)
    if key == "timeout":
        try:
            return float(value)
        except ValueError:
            return value
    if key in _BOOL_FIELDS and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return value


Handler = Callable[[dict[str, Any], dict[str, UploadedFile], web.Request], Awaitable[Any]]


class FakeBotApi:
    """In-process Bot API: long polling, message transcripts, Telegram-like validation, faults."""

    def __init__(
        self,
        token: str = "123:ABC",
        *,
        bot_username: str = "export_sathi_bot",
        bot_name: str = "Export Sathi",
        max_poll_timeout: float | None = None,
        strict_ampersand: bool = True,
    ) -> None:
        self.token = token
        head = token.split(":", 1)[0]
        self.bot_user: dict[str, Any] = {
            "id": int(head) if head.isdigit() else 1,
            "is_bot": True,
            "first_name": bot_name,
            "username": bot_username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }
        self.max_poll_timeout = max_poll_timeout
        self.strict_ampersand = strict_ampersand
        self.rate_limit_per_second: float | None = None
        # Which methods the overall limit counts (lower case); None: every sending method.
        # Telegram's "30 messages a second" counts messages, not callback answers.
        self.rate_limit_methods: set[str] | None = None
        # Telegram's per-chat limit (about one message a second, small bursts): off unless set.
        self.chat_rate_per_second: float | None = None
        self.chat_burst = 3.0
        self.chat_rate_methods: set[str] | None = None  # as rate_limit_methods
        self._chat_tokens: dict[str, tuple[float, float]] = {}  # chat -> (tokens, at)
        self.rate_limited = 0
        self.chat_rate_limited = 0
        self.timeout_delay = 30.0  # how long a "timeout" fault holds the request open
        self.blocked_chats: set[int] = set()
        self.requests: list[Recorded] = []
        self.violations: list[Violation] = []
        self.transcripts: dict[int, list[Message]] = defaultdict(list)
        self.callback_answers: dict[str, dict[str, Any]] = {}
        self.chat_actions: list[tuple[int, str]] = []
        self.commands: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.files: dict[str, StoredFile] = {}
        self.updates: dict[int, dict[str, Any]] = {}  # every update ever queued
        self.webhook_url = ""
        self.chats: dict[int, dict[str, Any]] = {}
        self._user_messages: set[tuple[int, int]] = set()
        self._callbacks: dict[str, tuple[int | None, bool]] = {}  # id -> (chat, answered)
        self._msg_ids: dict[int, itertools.count[int]] = defaultdict(lambda: itertools.count(1))
        self._file_ids = itertools.count(1)
        self._update_ids = itertools.count(1000)
        self._queue: list[_Queued] = []
        self._faults: list[_Fault] = []
        self._tokens: float | None = None
        self._tokens_at = 0.0
        self._replies: dict[int, int] = defaultdict(int)
        self._activity: dict[int, float] = {}
        self._poll_generation = 0
        self._cond = asyncio.Condition()
        self._closing = asyncio.Event()
        self._release = asyncio.Event()  # set: requests held by "timeout" faults are let go
        self._runner: web.AppRunner | None = None
        self._port = 0
        # Webhook delivery, only after start_webhook_delivery(): Telegram's side of setWebhook.
        self.webhook_secret: str | None = None
        self.webhook_max_connections = 40  # Telegram's default for setWebhook
        self.webhook_retry_delay = 0.5  # seconds before an unanswered update is POSTed again
        self.webhook_posts: list[tuple[int, int]] = []  # (update_id, HTTP status; 0: no answer)
        self.on_reply: Callable[[int], None] | None = None  # called with each reaction's chat
        self._webhook_session: ClientSession | None = None
        self._webhook_tasks: list[asyncio.Task[None]] = []
        self._webhook_busy: set[int | str] = set()  # chats (or updates) being POSTed now
        self._methods: dict[str, tuple[str, Handler]] = {
            name.lower(): (name, handler)
            for name, handler in {
                "getMe": self._get_me,
                "deleteWebhook": self._delete_webhook,
                "setWebhook": self._set_webhook,
                "getWebhookInfo": self._get_webhook_info,
                "getUpdates": self._get_updates,
                "sendMessage": self._send_message,
                "editMessageText": self._edit_message_text,
                "editMessageReplyMarkup": self._edit_message_reply_markup,
                "deleteMessage": self._delete_message,
                "answerCallbackQuery": self._answer_callback_query,
                "sendDocument": self._send_document,
                "sendPhoto": self._send_photo,
                "sendChatAction": self._send_chat_action,
                "setMyCommands": self._set_my_commands,
                "getMyCommands": self._get_my_commands,
                "getFile": self._get_file,
                "close": self._true,
                "logOut": self._true,
            }.items()
        }

    # ---------------------------------------------------------------- lifecycle

    async def start(self) -> None:
        app = web.Application(client_max_size=MAX_UPLOAD + 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_get("/file/bot{token}/{file_path:.+}", self._download)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        self._port = sock.getsockname()[1]
        await web.SockSite(self._runner, sock).start()

    async def stop(self) -> None:
        self._closing.set()
        async with self._cond:
            self._cond.notify_all()
        for task in self._webhook_tasks:
            task.cancel()
        await asyncio.gather(*self._webhook_tasks, return_exceptions=True)
        self._webhook_tasks = []
        if self._webhook_session is not None:
            await self._webhook_session.close()
            self._webhook_session = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeBotApi:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def root(self) -> str:
        return f"http://127.0.0.1:{self._port}"

    @property
    def addresses(self) -> list[Any]:
        """Socket names the server listens on (for the bind-to-loopback check)."""
        return self._runner.addresses if self._runner else []

    # ---------------------------------------------------------------- test-facing API

    def add_file(
        self,
        file_id: str,
        data: bytes,
        file_path: str | None = None,
        *,
        file_unique_id: str | None = None,
        file_size: int | None = None,
    ) -> StoredFile:
        """Register downloadable bytes; file_size may claim more than len(data) (size limits)."""
        n = next(self._file_ids)
        stored = StoredFile(
            file_id=file_id,
            file_unique_id=file_unique_id or f"U{n:08d}",
            data=data,
            file_path=file_path or f"files/file_{n}",
            file_size=len(data) if file_size is None else file_size,
        )
        self.files[file_id] = stored
        return stored

    def add_chat(self, chat: dict[str, Any]) -> None:
        """Make a chat known; sending to an unknown chat is 'chat not found' like Telegram."""
        self.chats[chat["id"]] = chat

    def next_message_id(self, chat_id: int) -> int:
        return next(self._msg_ids[chat_id])

    def transcript(self, chat_id: int) -> list[Message]:
        """All bot messages to this chat, oldest first, deleted ones included (flagged)."""
        return self.transcripts[chat_id]

    def find_message(self, chat_id: int, message_id: int) -> Message | None:
        return next((m for m in self.transcripts[chat_id] if m.message_id == message_id), None)

    def calls(self, method: str) -> list[Recorded]:
        return [r for r in self.requests if r.method.lower() == method.lower()]

    def reply_count(self, chat_id: int) -> int:
        """Bot reactions in this chat: messages sent/edited/deleted and callback answers."""
        return self._replies[chat_id]

    def last_activity(self, chat_id: int) -> float:
        """monotonic() of the last bot request touching this chat (chat actions included)."""
        return self._activity.get(chat_id, 0.0)

    def is_confirmed(self, update_id: int) -> bool:
        """True once the update was delivered and getUpdates moved past it."""
        return update_id in self.updates and all(q.update_id != update_id for q in self._queue)

    def message_json(self, msg: Message) -> dict[str, Any]:
        """The Telegram Message object for one of the bot's messages."""
        data: dict[str, Any] = {
            "message_id": msg.message_id,
            "from": self.bot_user,
            "chat": self.chats.get(msg.chat_id, {"id": msg.chat_id, "type": "private"}),
            "date": msg.date,
        }
        if msg.kind == "text":
            data["text"] = msg.text
            if msg.entities:
                data["entities"] = msg.entities
        else:
            if msg.caption is not None:
                data["caption"] = msg.caption
                if msg.entities:
                    data["caption_entities"] = msg.entities
            f = msg.file
            assert f is not None
            if msg.kind == "document":
                data["document"] = {
                    "file_id": f.file_id,
                    "file_unique_id": f.file_unique_id,
                    "file_name": msg.document_name,
                    "mime_type": msg.mime_type,
                    "file_size": f.file_size,
                }
            else:
                data["photo"] = [
                    {
                        "file_id": f.file_id,
                        "file_unique_id": f.file_unique_id,
                        "width": 800,
                        "height": 600,
                        "file_size": f.file_size,
                    }
                ]
        if msg.reply_markup and "inline_keyboard" in msg.reply_markup:
            data["reply_markup"] = {"inline_keyboard": msg.reply_markup["inline_keyboard"]}
        if msg.edit_date:
            data["edit_date"] = msg.edit_date
        return data

    async def push_update(self, update: dict[str, Any]) -> int:
        """Queue an update (without update_id) for getUpdates; returns the assigned update_id."""
        update_id = next(self._update_ids)
        update = {"update_id": update_id, **update}
        self.updates[update_id] = update
        if msg := update.get("message"):
            self.add_chat(msg["chat"])
            self._user_messages.add((msg["chat"]["id"], msg["message_id"]))
        if query := update.get("callback_query"):
            chat = (query.get("message") or {}).get("chat", {}).get("id")
            self._callbacks[query["id"]] = (chat, False)
        async with self._cond:
            self._queue.append(_Queued(update_id))
            self._cond.notify_all()
        return update_id

    async def redeliver(self, update_id: int) -> int:
        """Hand an already delivered update out again with the SAME update_id (dedupe tests)."""
        if update_id not in self.updates:
            raise KeyError(f"no update {update_id}")
        if query := self.updates[update_id].get("callback_query"):
            self._callbacks.setdefault(query["id"], (None, False))
        async with self._cond:
            self._queue = [q for q in self._queue if q.update_id != update_id]
            self._queue.append(_Queued(update_id, redelivered=True))
            self._cond.notify_all()
        return update_id

    def fail_next(
        self,
        method: str,
        status: FaultKind = 429,
        *,
        retry_after: int = 1,
        description: str | None = None,
        count: int | None = 1,
        chat_id: int | None = None,
        apply: bool = False,
    ) -> None:
        """Make the next `count` calls of `method` ("*" = any but getUpdates) fail; count=None
        keeps failing them until clear_faults(). Faults are matched in the order they were set.

        status: an HTTP code (429 carries parameters.retry_after), "timeout" (hold the request
        until the client gives up, `timeout_delay` passes or release_held(), then answer 504),
        "malformed" (200 with a body that is not JSON) or "reset" (the connection is torn down
        with a TCP RST, no answer).
        chat_id limits it to requests for that chat. apply=True performs the request first
        (the message IS delivered) and only then fails the answer, like a lost response.
        """
        self._faults.append(
            _Fault(method.lower(), status, retry_after, description, count, chat_id, apply)
        )

    def release_held(self) -> None:
        """Answer every request a "timeout" fault is holding now (504), as a gateway would."""
        self._release.set()
        self._release = asyncio.Event()

    def clear_faults(self, method: str | None = None) -> None:
        """Stop failing: every pending fault, or those set for `method`."""
        self._faults = [
            f for f in self._faults if method is not None and f.method != method.lower()
        ]

    def faulted(self, method: str | None = None, chat_id: int | None = None) -> list[Recorded]:
        """Requests that were answered by an injected fault (optionally of a method / chat)."""
        return [
            r
            for r in self.requests
            if r.fault is not None
            and (method is None or r.method.lower() == method.lower())
            and (chat_id is None or r.params.get("chat_id") == chat_id)
        ]

    def start_webhook_delivery(self, connections: int | None = None) -> None:
        """From now on POST queued updates to the registered webhook, as Telegram does: the
        secret_token in X-Telegram-Bot-Api-Secret-Token, up to `connections` (default: the
        max_connections given to setWebhook, else 40) at a time and one per chat at a time;
        an update is POSTed again after `webhook_retry_delay` until answered with 200.
        Every answer is recorded in `webhook_posts`."""
        count = connections or self.webhook_max_connections
        self._webhook_session = ClientSession(
            connector=TCPConnector(limit=count), timeout=ClientTimeout(total=60)
        )
        dispatcher = self._webhook_dispatcher(asyncio.Semaphore(count))
        self._webhook_tasks = [asyncio.create_task(dispatcher, name="fake-webhook")]

    async def wait_until(
        self, condition: Callable[[], bool], what: str, guard: float = 20.0
    ) -> None:
        """Poll `condition` until it holds; `guard` (seconds) only stops a test hanging."""
        deadline = time.monotonic() + guard
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError(f"not within {guard}s: {what}")
            await asyncio.sleep(0.01)

    # ---------------------------------------------------------------- HTTP plumbing

    @staticmethod
    def _json(status: int, payload: dict[str, Any]) -> web.Response:
        return web.json_response(
            payload, status=status, dumps=lambda o: json.dumps(o, ensure_ascii=False)
        )

    def _error(self, exc: ApiError) -> web.Response:
        payload: dict[str, Any] = {
            "ok": False,
            "error_code": exc.status,
            "description": exc.description,
        }
        if exc.parameters:
            payload["parameters"] = exc.parameters
        return self._json(exc.status, payload)

    async def _read(self, request: web.Request) -> tuple[dict[str, Any], dict[str, UploadedFile]]:
        params: dict[str, Any] = dict(request.query)
        files: dict[str, UploadedFile] = {}
        if request.content_type == "application/json":
            body = await request.read()
            if body.strip():
                params.update(dict(json.loads(body)))
        elif request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
            for key, value in (await request.post()).items():
                if isinstance(value, web.FileField):
                    files[key] = UploadedFile(value.filename, value.file.read(), value.content_type)
                else:
                    params[key] = value
        return {k: _coerce(k, v) for k, v in params.items()}, files

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            return self._json(401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
        try:
            params, files = await self._read(request)
        except (ValueError, TypeError):
            params, files = {}, {}
        raw = request.match_info["method"]
        name, handler = self._methods.get(raw.lower(), (raw, None))
        record = Recorded(name, params, files, time.monotonic())
        self.requests.append(record)
        response = await self._dispatch(name, handler, params, files, request, record)
        record.status = 0 if record.fault == "reset" else response.status
        return response

    async def _dispatch(
        self,
        name: str,
        handler: Handler | None,
        params: dict[str, Any],
        files: dict[str, UploadedFile],
        request: web.Request,
        record: Recorded,
    ) -> web.StreamResponse:
        if handler is None:
            record.description = "Not Found"
            return self._json(404, {"ok": False, "error_code": 404, "description": "Not Found"})
        fault = self._take_fault(name, params)
        try:
            if fault is not None and not fault.apply:
                return await self._fault_response(fault, request, record)
            self._throttle(name)
            self._throttle_chat(name, params)
            chat_id = params.get("chat_id")
            if chat_id in self.blocked_chats and name.lower() != "deletemessage":
                raise ApiError(403, BLOCKED)
            result = await handler(params, files, request)
            if fault is not None:
                return await self._fault_response(fault, request, record)
            if isinstance(result, web.StreamResponse):
                return result
            return self._json(200, {"ok": True, "result": result})
        except ApiError as exc:
            record.description = exc.description
            if exc.violation:
                self.violations.append(Violation(name, exc.description, params))
            return self._error(exc)

    def _take_fault(self, name: str, params: dict[str, Any]) -> _Fault | None:
        for fault in self._faults:
            if fault.method not in (name.lower(), "*") or (
                fault.method == "*" and name == "getUpdates"
            ):
                continue
            if fault.chat_id is not None and params.get("chat_id") != fault.chat_id:
                continue
            if fault.remaining is not None:
                fault.remaining -= 1
                if fault.remaining <= 0:
                    self._faults.remove(fault)
            return fault
        return None

    async def _fault_response(
        self, fault: _Fault, request: web.Request, record: Recorded
    ) -> web.StreamResponse:
        record.fault = str(fault.status)
        if fault.status == "reset":
            record.description = "connection reset"
            self._reset(request)
            return web.Response(status=200)  # never written: the connection is gone
        if fault.status == "malformed":
            return web.Response(
                status=200, body=b'{"ok": true, "result": ', content_type="application/json"
            )
        if fault.status == "timeout":
            deadline, release = time.monotonic() + self.timeout_delay, self._release
            while (
                time.monotonic() < deadline and not self._closing.is_set() and not release.is_set()
            ):
                if request.transport is None or request.transport.is_closing():
                    break
                await asyncio.sleep(0.02)
            return self._error(ApiError(504, "Gateway Timeout"))
        status = int(fault.status)
        parameters = None
        default = _FAULT_DESCRIPTIONS.get(status) or f"{HTTPStatus(status).phrase}"
        if status == 429:
            parameters = {"retry_after": fault.retry_after}
            default = f"Too Many Requests: retry after {fault.retry_after}"
        exc = ApiError(status, fault.description or default, parameters=parameters)
        record.description = exc.description
        return self._error(exc)

    @staticmethod
    def _reset(request: web.Request) -> None:
        """Tear the connection down like a crashed proxy: RST (linger 0), not a clean FIN."""
        transport = request.transport
        if transport is None:
            return
        sock = transport.get_extra_info("socket")
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        transport.abort()

    def _throttle_chat(self, name: str, params: dict[str, Any]) -> None:
        """A token bucket per chat: ``chat_burst`` at once, then ``chat_rate_per_second``."""
        rate = self.chat_rate_per_second
        chat = params.get("chat_id")
        if rate is None or chat is None or name.lower() in _RATE_EXEMPT:
            return
        if self.chat_rate_methods is not None and name.lower() not in self.chat_rate_methods:
            return
        now = time.monotonic()
        tokens, at = self._chat_tokens.get(str(chat), (self.chat_burst, now))
        tokens = min(self.chat_burst, tokens + (now - at) * rate)
        if tokens < 1.0:
            self._chat_tokens[str(chat)] = (tokens, now)
            self.chat_rate_limited += 1
            retry = max(1, math.ceil((1.0 - tokens) / rate))
            raise ApiError(
                429, f"Too Many Requests: retry after {retry}", parameters={"retry_after": retry}
            )
        self._chat_tokens[str(chat)] = (tokens - 1.0, now)

    def _throttle(self, name: str) -> None:
        rate = self.rate_limit_per_second
        if rate is None:
            self._tokens = None
            return
        if name.lower() in _RATE_EXEMPT:
            return
        if self.rate_limit_methods is not None and name.lower() not in self.rate_limit_methods:
            return
        now, burst = time.monotonic(), max(1.0, rate)
        tokens = burst if self._tokens is None else self._tokens
        tokens = min(burst, tokens + (now - self._tokens_at) * rate)
        self._tokens_at = now
        if tokens < 1.0:
            self._tokens = tokens
            self.rate_limited += 1
            retry = max(1, math.ceil((1.0 - tokens) / rate))
            raise ApiError(
                429, f"Too Many Requests: retry after {retry}", parameters={"retry_after": retry}
            )
        self._tokens = tokens - 1.0

    async def _download(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            return self._json(401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
        path = request.match_info["file_path"]
        stored = next((f for f in self.files.values() if f.file_path == path), None)
        if stored is None:
            return self._json(404, {"ok": False, "error_code": 404, "description": "Not Found"})
        return web.Response(body=stored.data, content_type="application/octet-stream")

    # ---------------------------------------------------------------- webhook delivery

    def _delivery_key(self, update_id: int) -> int | str:
        update = self.updates[update_id]
        chat = (update.get("message") or {}).get("chat", {}).get("id")
        if chat is None and (query := update.get("callback_query")):
            chat = query["from"]["id"]
        return chat if chat is not None else f"update {update_id}"

    def _next_for_webhook(self) -> _Queued | None:
        if not self.webhook_url:
            return None
        return next(
            (q for q in self._queue if self._delivery_key(q.update_id) not in self._webhook_busy),
            None,
        )

    async def _webhook_dispatcher(self, connections: asyncio.Semaphore) -> None:
        while True:
            await connections.acquire()
            async with self._cond:
                await self._cond.wait_for(
                    lambda: self._closing.is_set() or self._next_for_webhook() is not None
                )
                queued = self._next_for_webhook()
                if self._closing.is_set() or queued is None:
                    return
                key = self._delivery_key(queued.update_id)
                self._webhook_busy.add(key)
            task = asyncio.create_task(self._webhook_post(queued, key, connections))
            self._webhook_tasks.append(task)
            task.add_done_callback(self._webhook_tasks.remove)

    async def _webhook_post(
        self, queued: _Queued, key: int | str, connections: asyncio.Semaphore
    ) -> None:
        assert self._webhook_session is not None
        headers = {"X-Telegram-Bot-Api-Secret-Token": self.webhook_secret or ""}
        status = 0  # no answer (connection refused or reset, timed out, cancelled)
        try:
            try:
                async with self._webhook_session.post(
                    self.webhook_url,
                    json=self.updates[queued.update_id],
                    headers=headers if self.webhook_secret else {},
                ) as response:
                    await response.read()
                    status = response.status
            except (ClientError, TimeoutError):
                pass
            self.webhook_posts.append((queued.update_id, status))
            if status != 200:
                await asyncio.sleep(self.webhook_retry_delay)
        finally:
            async with self._cond:
                if status == 200:
                    self._queue = [q for q in self._queue if q is not queued]
                self._webhook_busy.discard(key)
                self._cond.notify_all()
            connections.release()

    # ---------------------------------------------------------------- helpers for methods

    def _touch(self, chat_id: int | None, *, reply: bool = True) -> None:
        if chat_id is None:
            return
        self._activity[chat_id] = time.monotonic()
        if reply:
            self._replies[chat_id] += 1
            if self.on_reply is not None:
                self.on_reply(chat_id)

    def _chat_id(self, params: dict[str, Any]) -> int:
        chat_id = params.get("chat_id")
        if chat_id is None or chat_id == "":
            raise _bad("chat_id is empty")
        if chat_id not in self.chats:
            raise _bad("chat not found")
        return chat_id

    def _render(
        self, text: str, parse_mode: str | None, entities: Any
    ) -> tuple[str, list[dict[str, Any]]]:
        mode = (parse_mode or "").lower()
        if mode == "html":
            try:
                return parse_html(text, strict_ampersand=self.strict_ampersand)
            except ValueError as exc:
                raise _bad(f"can't parse entities: {exc}") from None
        if mode in ("", "markdown", "markdownv2"):
            return text, entities if isinstance(entities, list) else []
        raise _bad(f"unsupported parse_mode {parse_mode!r}")

    def _markup(self, markup: Any, *, inline_only: bool = False) -> dict[str, Any] | None:
        if markup is None:
            return None
        if not isinstance(markup, dict):
            raise _bad("can't parse reply keyboard markup JSON object")
        if "inline_keyboard" in markup:
            rows = markup["inline_keyboard"]
            if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
                raise _bad(
                    'field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays'
                )
            buttons = [b for row in rows for b in row]
            if len(buttons) > MAX_INLINE_BUTTONS:
                raise _bad("reply markup is too long")
            for button in buttons:
                if not isinstance(button, dict) or not isinstance(button.get("text"), str):
                    raise _bad(
                        'can\'t parse inline keyboard button: Field "text" must be of type String'
                    )
                if not BUTTON_ACTIONS & button.keys():
                    raise _bad(_TEXT_BUTTON)
                if "callback_data" in button:
                    data = button["callback_data"]
                    if (
                        not isinstance(data, str)
                        or not 1 <= len(data.encode()) <= MAX_CALLBACK_DATA
                    ):
                        raise _bad("BUTTON_DATA_INVALID")
            return markup
        if inline_only:
            raise _bad("inline keyboard expected")
        if "keyboard" in markup or "remove_keyboard" in markup or "force_reply" in markup:
            return markup
        raise _bad('can\'t find field "inline_keyboard"')

    def _store(self, msg: Message) -> dict[str, Any]:
        self.transcripts[msg.chat_id].append(msg)
        self._touch(msg.chat_id)
        return self.message_json(msg)

    def _editable(self, params: dict[str, Any]) -> Message:
        if params.get("inline_message_id"):
            raise _bad("inline messages are not supported by the fake server")
        chat_id = self._chat_id(params)
        msg = self.find_message(chat_id, params.get("message_id", -1))
        if msg is None or msg.deleted:
            raise _bad("message to edit not found")
        return msg

    def _upload(
        self, kind: str, params: dict[str, Any], files: dict[str, UploadedFile]
    ) -> tuple[StoredFile, str | None, str | None]:
        upload = files.get(kind)
        if upload is not None:
            if len(upload.data) > MAX_UPLOAD:
                raise ApiError(413, "Request Entity Too Large")
            n = next(self._file_ids)
            name = upload.filename or f"{kind}_{n}"
            stored = self.add_file(f"BOT{kind[:3].upper()}{n:06d}", upload.data, f"{kind}s/{name}")
            return stored, upload.filename, upload.content_type
        ref = params.get(kind)
        if isinstance(ref, str) and ref in self.files:
            return self.files[ref], None, None
        if isinstance(ref, str) and ref.startswith(("http://", "https://")):
            n = next(self._file_ids)
            return (
                self.add_file(f"URL{n:06d}", b"", f"{kind}s/url_{n}"),
                ref.rsplit("/", 1)[-1],
                None,
            )
        if ref:
            raise _bad("wrong file identifier/HTTP URL specified")
        raise _bad(f"there is no {kind} in the request")

    # ---------------------------------------------------------------- Bot API methods

    async def _true(self, *_: Any) -> bool:
        return True

    async def _get_me(self, *_: Any) -> dict[str, Any]:
        return self.bot_user

    async def _delete_webhook(self, p: dict[str, Any], *_: Any) -> bool:
        self.webhook_url, self.webhook_secret = "", None
        if p.get("drop_pending_updates"):
            async with self._cond:
                self._queue.clear()
        return True

    async def _set_webhook(self, p: dict[str, Any], *_: Any) -> bool:
        self.webhook_url = str(p.get("url") or "")
        self.webhook_secret = str(p.get("secret_token") or "") or None
        if isinstance(p.get("max_connections"), int):
            self.webhook_max_connections = p["max_connections"]
        return True

    async def _get_webhook_info(self, *_: Any) -> dict[str, Any]:
        return {
            "url": self.webhook_url,
            "has_custom_certificate": False,
            "pending_update_count": len(self._queue),
        }

    async def _get_updates(
        self, p: dict[str, Any], _: Any, request: web.Request
    ) -> list[dict[str, Any]]:
        if self.webhook_url:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        offset, limit = p.get("offset"), min(max(int(p.get("limit") or 100), 1), 100)
        timeout = float(p.get("timeout") or 0)
        if self.max_poll_timeout is not None:
            timeout = min(timeout, self.max_poll_timeout)
        self._poll_generation += 1
        generation = self._poll_generation
        async with self._cond:
            if isinstance(offset, int) and offset > 0:
                self._queue = [q for q in self._queue if q.update_id >= offset or q.redelivered]
            elif isinstance(offset, int) and offset < 0:
                self._queue = self._queue[offset:]
            self._cond.notify_all()  # an older long poll is superseded by this one

            def done() -> bool:
                return (
                    bool(self._queue)
                    or self._closing.is_set()
                    or generation != self._poll_generation
                )

            if not done() and timeout > 0:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._cond.wait_for(done), timeout)
            if generation != self._poll_generation:
                raise ApiError(409, _FAULT_DESCRIPTIONS[409])
            if request.transport is None or request.transport.is_closing():
                return []  # client went away; keep the updates for the next poll
            batch = sorted(self._queue, key=lambda q: (not q.redelivered, q.update_id))[:limit]
            for q in batch:
                q.redelivered = False
        return [self.updates[q.update_id] for q in batch]

    async def _send_message(self, p: dict[str, Any], *_: Any) -> dict[str, Any]:
        chat_id = self._chat_id(p)
        raw = p.get("text")
        if not isinstance(raw, str) or not raw.strip():
            raise _bad("message text is empty")
        text, entities = self._render(raw, p.get("parse_mode"), p.get("entities"))
        if not text.strip():
            raise _bad("message text is empty")
        if utf16_len(text) > MAX_TEXT:
            raise _bad("message is too long")
        markup = self._markup(p.get("reply_markup"))
        return self._store(
            Message(
                self.next_message_id(chat_id),
                chat_id,
                int(time.time()),
                text=text,
                raw_text=raw,
                parse_mode=p.get("parse_mode"),
                entities=entities,
                reply_markup=markup,
            )
        )

    async def _send_file(
        self, kind: Literal["document", "photo"], p: dict[str, Any], files: dict[str, UploadedFile]
    ) -> dict[str, Any]:
        chat_id = self._chat_id(p)
        raw = p.get("caption")
        caption, entities = (None, [])
        if isinstance(raw, str) and raw:
            caption, entities = self._render(raw, p.get("parse_mode"), p.get("caption_entities"))
            if utf16_len(caption) > MAX_CAPTION:
                raise _bad("message caption is too long")
        markup = self._markup(p.get("reply_markup"))
        stored, name, mime = self._upload(kind, p, files)
        return self._store(
            Message(
                self.next_message_id(chat_id),
                chat_id,
                int(time.time()),
                kind=kind,
                raw_text=raw,
                parse_mode=p.get("parse_mode"),
                entities=entities,
                caption=caption,
                reply_markup=markup,
                file=stored,
                document_name=name,
                mime_type=mime,
            )
        )

    async def _send_document(
        self, p: dict[str, Any], files: dict[str, UploadedFile], _: Any
    ) -> dict[str, Any]:
        return await self._send_file("document", p, files)

    async def _send_photo(
        self, p: dict[str, Any], files: dict[str, UploadedFile], _: Any
    ) -> dict[str, Any]:
        return await self._send_file("photo", p, files)

    async def _edit_message_text(self, p: dict[str, Any], *_: Any) -> dict[str, Any]:
        msg = self._editable(p)
        if msg.kind != "text":
            raise _bad("there is no text in the message to edit")
        raw = p.get("text")
        if not isinstance(raw, str) or not raw.strip():
            raise _bad("message text is empty")
        text, entities = self._render(raw, p.get("parse_mode"), p.get("entities"))
        if not text.strip():
            raise _bad("message text is empty")
        if utf16_len(text) > MAX_TEXT:
            raise _bad("message is too long")
        markup = self._markup(p.get("reply_markup"), inline_only=True)
        old_markup = msg.reply_markup if msg.inline_keyboard else None
        if (text, entities, markup) == (msg.text, msg.entities, old_markup):
            raise _bad(NOT_MODIFIED.removeprefix("Bad Request: "))
        msg.history.append((msg.text, msg.reply_markup))
        msg.text, msg.raw_text, msg.entities = text, raw, entities
        msg.parse_mode = p.get("parse_mode")
        self._set_markup(msg, markup)
        return self._edited(msg)

    async def _edit_message_reply_markup(self, p: dict[str, Any], *_: Any) -> dict[str, Any]:
        msg = self._editable(p)
        markup = self._markup(p.get("reply_markup"), inline_only=True)
        if markup == (msg.reply_markup if msg.inline_keyboard else None):
            raise _bad(NOT_MODIFIED.removeprefix("Bad Request: "))
        msg.history.append((msg.content, msg.reply_markup))
        self._set_markup(msg, markup)
        return self._edited(msg)

    @staticmethod
    def _set_markup(msg: Message, markup: dict[str, Any] | None) -> None:
        # An edit replaces (or drops) the inline keyboard; a reply keyboard is not editable.
        if markup is not None or msg.inline_keyboard or msg.reply_markup is None:
            msg.reply_markup = markup

    def _edited(self, msg: Message) -> dict[str, Any]:
        msg.edit_date, msg.changed_at = int(time.time()), time.monotonic()
        self._touch(msg.chat_id)
        return self.message_json(msg)

    async def _delete_message(self, p: dict[str, Any], *_: Any) -> bool:
        chat_id = self._chat_id(p)
        message_id = p.get("message_id")
        msg = self.find_message(chat_id, message_id) if isinstance(message_id, int) else None
        if msg is not None and not msg.deleted:
            msg.deleted, msg.changed_at = True, time.monotonic()
        elif (chat_id, message_id) in self._user_messages:
            self._user_messages.discard((chat_id, message_id))
        else:
            raise _bad("message to delete not found")
        self._touch(chat_id)
        return True

    async def _answer_callback_query(self, p: dict[str, Any], *_: Any) -> bool:
        query_id = str(p.get("callback_query_id") or "")
        chat_id, answered = self._callbacks.get(query_id, (None, True))
        if answered:
            raise _bad("query is too old and response timeout expired or query ID is invalid")
        if len(str(p.get("text") or "")) > 200:
            raise _bad("MESSAGE_TOO_LONG")
        self._callbacks[query_id] = (chat_id, True)
        self.callback_answers[query_id] = p
        self._touch(chat_id)
        return True

    async def _send_chat_action(self, p: dict[str, Any], *_: Any) -> bool:
        chat_id = self._chat_id(p)
        if p.get("action") not in CHAT_ACTIONS:
            raise _bad("wrong parameter action in request")
        self.chat_actions.append((chat_id, p["action"]))
        self._touch(chat_id, reply=False)
        return True

    @staticmethod
    def _scope_key(p: dict[str, Any]) -> tuple[str, str]:
        scope = p.get("scope") or {"type": "default"}
        return json.dumps(scope, sort_keys=True), str(p.get("language_code") or "")

    async def _set_my_commands(self, p: dict[str, Any], *_: Any) -> bool:
        commands = p.get("commands")
        if not isinstance(commands, list) or len(commands) > 100:
            raise _bad("commands must be an Array of at most 100 BotCommand")
        for c in commands:
            if not isinstance(c, dict) or not re.fullmatch(
                r"[a-z0-9_]{1,32}", str(c.get("command", ""))
            ):
                raise _bad("BOT_COMMAND_INVALID")
            if not 1 <= len(str(c.get("description", ""))) <= 256:
                raise _bad("BOT_COMMAND_DESCRIPTION_INVALID")
        self.commands[self._scope_key(p)] = commands
        return True

    async def _get_my_commands(self, p: dict[str, Any], *_: Any) -> list[dict[str, Any]]:
        return self.commands.get(self._scope_key(p), [])

    async def _get_file(self, p: dict[str, Any], *_: Any) -> dict[str, Any]:
        stored = self.files.get(str(p.get("file_id") or ""))
        if stored is None:
            raise _bad("invalid file_id")
        if stored.file_size > MAX_DOWNLOAD:
            raise ApiError(400, "Bad Request: file is too big")  # the user's doing, not a bug
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": stored.file_size,
            "file_path": stored.file_path,
        }
