"""The WhatsApp Cloud API channel: webhook bodies in, Graph API requests out, on httpx.

Hand-written rather than pywa: pywa 4.5 cannot change its API root (WHATSAPP_API_URL points at a
stand-in in tests and could point at a proxy) and reads only the first message of a batched
webhook. The API is a handful of JSON shapes and one error shape; facts and limits are from
Meta's pages, listed in the README's WhatsApp section.

Who a user is: their ``wa_id`` (the phone number in digits, "919830012345"), or the
business-scoped user id Meta sends when the number is withheld. Replies go ``to`` "+" and the
wa_id.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import hashlib
import hmac
import logging
import time
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from bot import metrics
from bot.channels.replies import send_reply
from bot.inbox import InboxWorker
from chat import callbacks
from chat.capabilities import Capabilities
from chat.inbound import FileTooBig, Inbound, Media
from chat.markup import whatsapp as render_markup
from chat.outbound import (
    Blocked,
    Button,
    Deliver,
    Delivery,
    Outbound,
    RateLimited,
    Rejected,
    Transient,
)
from chat.pacing import Pacer

log = logging.getLogger(__name__)

CHANNEL = "whatsapp"
SIGNATURE_HEADER = "X-Hub-Signature-256"

# Meta's limits (characters): text 4096; reply buttons 1-3, title 20 (unique), id 256;
# interactive body with buttons 1024; list: button label 20, 10 rows in all, row title 24,
# description 72, row id 200, body 4096; captions 1024.
TEXT_LIMIT = 4096
BUTTON_BODY_LIMIT = 1024
CAPTION_LIMIT = 1024
REPLY_BUTTONS = 3
BUTTON_TITLE_LIMIT = 20
LIST_ROWS = 10
ROW_TITLE_LIMIT = 24
ROW_ID_LIMIT = 200
# Files WhatsApp takes as documents. CSV is refused as text/csv and goes as text/plain with its
# .csv name; a zip is not taken at all (the renderer says so in words).
DOCUMENT_TYPES = frozenset(
    {
        "text/plain",
        "text/csv",
        "application/pdf",
        "application/json",
        "application/msword",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.ms-excel",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.ms-powerpoint",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    }
)
# Sent under another type than their own (the upload refuses theirs).
UPLOAD_AS = {"text/csv": "text/plain", "application/json": "text/plain"}
# The largest file a user sends that the bot fetches (as Telegram lets bots fetch): a photo
# check needs far less, and WhatsApp documents go up to 100 MB.
DOWNLOAD_LIMIT = 20 * 1024 * 1024
PART_ATTEMPTS = 3  # tries of a message's later part refused for the pace
MEDIA_REUSE = 20 * 24 * 3600.0  # seconds an uploaded photo's id is reused (Meta keeps 30 days)
UPLOADS_KEPT = 1000
IMAGE_TYPES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png"}

CAPABILITIES = Capabilities(
    text_limit=TEXT_LIMIT,
    caption_limit=CAPTION_LIMIT,
    buttons=REPLY_BUTTONS,
    per_row=REPLY_BUTTONS,
    label_limit=BUTTON_TITLE_LIMIT,
    payload_limit=ROW_ID_LIMIT,
    list_rows=LIST_ROWS,
    contact_request=False,
    editing=False,
    album=1,
    documents=DOCUMENT_TYPES,
)

# Error codes (Meta's error-code reference) and what they mean for a send.
THROUGHPUT = {130429, 4, 80007}  # too many messages from this number: wait and retry
PAIR_RATE = 131056  # too many to this one user: wait longer
UNREACHABLE = {131026}  # not on WhatsApp, an old app, terms not accepted
OUTSIDE_WINDOW = {131047, 470}  # more than 24 hours since the user wrote: a template only
TOKEN_EXPIRED = 190
RETRY_THROUGHPUT = 1.0  # seconds; Meta gives no Retry-After
# The customer-service window (24 h after the user last wrote), less the grain of our record
# of that moment (10 minutes) and a margin: past it the outbox sends the template at once.
WINDOW = timedelta(hours=23, minutes=30)
# Messages written longer ago than this are replays (Meta retries for up to a week; handled ids
# are kept 7 days): ignored, never handled a second time.
STALE = timedelta(days=6)
RETRY_PAIR = 6.0  # one message per 6 s to one user
# The outbox's pace to one user: a row every 6 s, its parts (photo, text) back to back; Meta
# lets a short burst borrow from the next minutes (up to 45), a turn of 3 bubbles fits.
PAIR_INTERVAL, PAIR_BURST = 6.0, 3
# Images from one user this close together (by WhatsApp's timestamps, seconds) are one album
# even when Meta posts them in separate bodies: WhatsApp has no albums, people send a few
# photos at once.
ALBUM_GAP = 10


def retry_in(status: Status) -> float | None:
    """After a failed status for a message we sent: seconds before sending it again, or None
    when trying again would not help."""
    codes = set(status.errors)
    if codes & THROUGHPUT:
        return RETRY_THROUGHPUT
    if PAIR_RATE in codes:
        return RETRY_PAIR
    if codes & OUTSIDE_WINDOW:
        return 0.0  # again at once, as a template (the client now knows the window closed)
    if codes & {131052, 131053} or not codes:  # media not fetched by Meta; no reason given
        return 30.0
    return None


class OutsideWindow(Rejected):
    """131047: the user last wrote more than 24 hours ago; only a template may go."""


class TokenExpired(Transient):
    """190: WHATSAPP_TOKEN expired or revoked; nothing goes until it is replaced."""


def signature_ok(secret: bytes, body: bytes, header: str | None) -> bool:
    """Meta's X-Hub-Signature-256: "sha256=" and the hex HMAC-SHA256 of the raw body."""
    if not header or not header.startswith("sha256="):
        return False
    return hmac.compare_digest(sign(secret, body), "sha256=" + header[7:].lower())


def sign(secret: bytes, body: bytes) -> str:
    """The header value Meta would send with ``body`` (tests and tools)."""
    return "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()


# ---------------------------------------------------------------------------------- webhooks


@dataclass(frozen=True, slots=True)
class Status:
    """What became of a message we sent: sent, delivered, read or failed (with codes)."""

    message_id: str
    status: str
    recipient: str
    timestamp: int
    errors: tuple[int, ...] = ()
    tag: str | None = None  # the Outbound's tag, sent as biz_opaque_callback_data


@dataclass(frozen=True, slots=True)
class Batch:
    """What one webhook body holds for our number: messages in the order they were written,
    and statuses of messages we sent."""

    messages: tuple[tuple[int, Inbound], ...]
    statuses: tuple[Status, ...]


def decode(payload: object, phone_number_id: str) -> Batch:
    """Every entry, change, message and status of a webhook body addressed to our number;
    ValueError when it is not a WhatsApp webhook at all. What is not for us (another number,
    another field) and what is not a user's message (reactions) is left out."""
    if not isinstance(payload, dict) or not isinstance(payload.get("entry"), list):
        raise ValueError("not a WhatsApp webhook")
    messages: list[tuple[int, Inbound]] = []
    statuses: list[Status] = []
    for entry in payload["entry"]:
        for change in _dicts(entry.get("changes") if isinstance(entry, dict) else None):
            value = change.get("value")
            if change.get("field") != "messages" or not isinstance(value, dict):
                continue
            metadata = value.get("metadata")
            if not isinstance(metadata, dict) or metadata.get("phone_number_id") != phone_number_id:
                log.warning("whatsapp: a webhook for another phone number id; ignored")
                continue
            contacts = {
                str(c.get("wa_id") or c.get("user_id")): c for c in _dicts(value.get("contacts"))
            }
            for message in _dicts(value.get("messages")):
                inbound = to_inbound(message, contacts)
                if inbound is not None:
                    messages.append((_int(message.get("timestamp")), inbound))
            for status in _dicts(value.get("statuses")):
                statuses.append(
                    Status(
                        message_id=str(status.get("id", "")),
                        status=str(status.get("status", "")),
                        recipient=str(status.get("recipient_id", "")),
                        timestamp=_int(status.get("timestamp")),
                        errors=tuple(_int(e.get("code")) for e in _dicts(status.get("errors"))),
                        tag=str(status["biz_opaque_callback_data"])
                        if status.get("biz_opaque_callback_data")
                        else None,
                    )
                )
    messages.sort(key=lambda pair: pair[0])  # Meta does not promise the order; the clock does
    return Batch(tuple(_albums(messages)), tuple(statuses))


def _dicts(value: object) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _int(value: object) -> int:
    try:
        return int(str(value))
    except ValueError:
        return 0


def _albums(messages: list[tuple[int, Inbound]]) -> Iterable[tuple[int, Inbound]]:
    """Several images in a row from one user in one body are one album, as on Telegram (the
    product's photo step then answers them once)."""
    run: list[tuple[int, Inbound]] = []

    def flush() -> Iterable[tuple[int, Inbound]]:
        if len(run) > 1:
            group = f"wa-{run[0][1].update_id}"
            yield from ((at, replace(inbound, media_group_id=group)) for at, inbound in run)
        else:
            yield from run
        run.clear()

    for at, inbound in messages:
        if run and (inbound.kind != "photo" or inbound.sender != run[-1][1].sender):
            yield from flush()
        if inbound.kind == "photo":
            run.append((at, inbound))
        else:
            yield at, inbound
    yield from flush()


def to_inbound(message: Mapping[str, Any], contacts: Mapping[str, Any] = {}) -> Inbound | None:
    """The channel-neutral view of one message; None for what is not a user's message to us
    (a reaction, a message without a sender or an id)."""
    sender = message.get("from") or message.get("from_user_id")
    wamid = message.get("id")
    kind = message.get("type")
    if not sender or not wamid or kind == "reaction":
        return None
    contact = contacts.get(str(sender))
    scoped = message.get("from_user_id") or (contact.get("user_id") if contact else None)
    base: dict[str, Any] = {
        "channel": CHANNEL,
        "sender": str(sender),
        "chat_id": str(sender),
        "update_id": str(wamid),
        # A wa_id is the user's number; a business-scoped id (usernames) is not.
        "sender_phone": "+" + str(sender) if str(sender).isdigit() else None,
        # Kept beside the number, so the user is still theirs when Meta withholds it.
        "sender_alias": str(scoped) if scoped and str(scoped) != str(sender) else None,
    }
    body = message.get(kind) if isinstance(kind, str) else None
    body = body if isinstance(body, dict) else {}
    if kind == "text":
        text = str(body.get("body", ""))
        if text.startswith("/"):
            head, _, args = text[1:].partition(" ")
            return Inbound(kind="command", text=text, command=head.lower(), args=args, **base)
        return Inbound(kind="text", text=text, **base)
    if kind == "interactive":
        reply = body.get(body.get("type", "")) if isinstance(body.get("type"), str) else None
        if isinstance(reply, dict) and reply.get("id"):
            return Inbound(kind="button", button=str(reply["id"]), **base)
        return Inbound(kind="other", **base)
    if kind == "button":  # a template's quick-reply button
        return Inbound(kind="button", button=str(body.get("payload", "")), **base)
    if kind in ("image", "document", "audio", "video", "sticker"):
        media = Media(
            file_id=str(body.get("id", "")),
            mime_type=body.get("mime_type"),
            file_name=body.get("filename"),
            file_size=body.get("file_size") if isinstance(body.get("file_size"), int) else None,
        )
        neutral = {"image": "photo", "audio": "voice"}.get(kind, kind)
        if kind == "document" and str(body.get("mime_type", "")).startswith("image/"):
            neutral = "document"  # a photo sent as a file: full quality, as on Telegram
        return Inbound(kind=neutral, media=media, text=body.get("caption"), **base)  # type: ignore[arg-type]
    if kind == "location":
        return Inbound(kind="location", **base)
    if kind == "contacts":
        shared = _dicts(message.get("contacts"))
        phones = _dicts(shared[0].get("phones")) if shared else []
        if phones:
            return Inbound(
                kind="contact",
                contact_phone=str(phones[0].get("phone", "")),
                contact_sender=str(phones[0]["wa_id"]) if phones[0].get("wa_id") else None,
                **base,
            )
    return Inbound(kind="other", **base)


# ---------------------------------------------------------------------------------- sending


def _unique(titles: list[str], limit: int) -> list[str]:
    """Meta refuses two buttons with one title: a repeated one gets a number."""
    seen: set[str] = set()
    result = []
    for title in titles:
        candidate, n = title, 2
        while candidate in seen:
            suffix = f" {n}"
            candidate = title[: limit - len(suffix)] + suffix
            n += 1
        seen.add(candidate)
        result.append(candidate)
    return result


def message_bodies(out: Outbound, media_ids: Mapping[str, str] = {}) -> list[dict[str, Any]]:
    """The Graph API message bodies (without ``to``) for one Outbound, in order: photos, then
    the text with its buttons or list. ``media_ids``: uploaded ids of the photo and document
    files. Checked against Meta's limits: what would be refused raises Rejected here."""
    bodies: list[dict[str, Any]] = []
    text = render_markup(out.text).strip()
    buttons = [button for row in out.buttons for button in row]
    if out.document is not None:
        doc = out.document
        document: dict[str, Any] = {"id": media_ids[doc.path or doc.filename]}
        document["filename"] = doc.filename
        if text and len(text) <= CAPTION_LIMIT and not buttons:
            document["caption"] = text
            text = ""
        bodies.append({"type": "document", "document": document})
    for number, path in enumerate(out.photos, 1):
        image: dict[str, Any] = {"id": media_ids[path]}
        if len(out.photos) == 1 and text and len(text) <= CAPTION_LIMIT and not buttons:
            image["caption"], text = text, ""
        elif len(out.photos) > 1:
            image["caption"] = str(number)  # numbered like the buttons below
        bodies.append({"type": "image", "image": image})
    if buttons:
        bodies.append(_interactive(text or "…", buttons, out.as_list, out.list_label))
    elif text:
        if len(text) > TEXT_LIMIT:
            raise Rejected(f"text of {len(text)} characters")
        bodies.append({"type": "text", "text": {"body": text, "preview_url": False}})
    return bodies


def _interactive(text: str, buttons: list[Button], as_list: bool, label: str) -> dict[str, Any]:
    if len(buttons) > LIST_ROWS:
        raise Rejected(f"{len(buttons)} choices in one message")
    for button in buttons:
        if not 0 < len(button.data) <= ROW_ID_LIMIT:
            raise Rejected("a button id of the wrong length")
    if len(buttons) <= REPLY_BUTTONS and not as_list and len(text) <= BUTTON_BODY_LIMIT:
        titles = _unique([b.label[:BUTTON_TITLE_LIMIT] for b in buttons], BUTTON_TITLE_LIMIT)
        replies = [
            {"type": "reply", "reply": {"id": b.data, "title": title}}
            for b, title in zip(buttons, titles, strict=True)
        ]
        return {
            "type": "interactive",
            "interactive": {
                "type": "button",
                "body": {"text": text},
                "action": {"buttons": replies},
            },
        }
    if len(text) > TEXT_LIMIT:
        raise Rejected(f"text of {len(text)} characters")
    titles = _unique([b.label[:ROW_TITLE_LIMIT] for b in buttons], ROW_TITLE_LIMIT)
    rows = [{"id": b.data, "title": t} for b, t in zip(buttons, titles, strict=True)]
    return {
        "type": "interactive",
        "interactive": {
            "type": "list",
            "body": {"text": text},
            "action": {
                "button": (label or "☰")[:BUTTON_TITLE_LIMIT],
                "sections": [{"title": (label or "☰")[:ROW_TITLE_LIMIT], "rows": rows}],
            },
        },
    }


def message_count(out: Outbound) -> int:
    """How many WhatsApp messages an Outbound becomes (a photo, then its text): what it costs
    of the number's throughput."""
    try:
        return max(1, len(message_bodies(out, collections.defaultdict(str))))
    except Rejected:
        return 1


def error_of(response: httpx.Response) -> Exception:
    """A Graph API error answer as a DeliveryError (by Meta's code, not the HTTP status)."""
    try:
        error = response.json().get("error") or {}
    except ValueError:
        error = {}
    code = _int(error.get("code")) if isinstance(error, dict) else 0
    title = f"({code}) {error.get('message', '')}" if isinstance(error, dict) else str(code)
    if code in THROUGHPUT:
        return RateLimited(RETRY_THROUGHPUT, title)
    if code == PAIR_RATE:
        return RateLimited(RETRY_PAIR, title, per_chat=True)
    if code in UNREACHABLE:
        return Blocked(title)
    if code in OUTSIDE_WINDOW:
        return OutsideWindow(title)
    if code == TOKEN_EXPIRED or response.status_code == 401:
        return TokenExpired(title)
    if response.status_code >= 500 or response.status_code == 429 or code == 0:
        return Transient(f"HTTP {response.status_code} {title}")
    return Rejected(title)


class WhatsAppClient:
    """The Graph API for one business phone number."""

    def __init__(
        self,
        token: str,
        phone_number_id: str,
        *,
        api_root: str = "https://graph.facebook.com",
        version: str = "v25.0",
        timeout: float = 20.0,
    ) -> None:
        self.base = f"{api_root.rstrip('/')}/{version}"
        self.phone_number_id = phone_number_id
        self.http = httpx.AsyncClient(
            headers={"Authorization": f"Bearer {token}"},
            timeout=timeout,
            limits=httpx.Limits(max_connections=64),
        )
        self.token_expired = False
        # Users whose 24-hour window Meta said (in a failed status) is closed: the outbox
        # sends them templates until they write again.
        self.closed_windows: set[str] = set()
        self._uploads: dict[tuple[str, int, int], tuple[str, float]] = {}  # photo: id, when

    async def close(self) -> None:
        await self.http.aclose()

    async def _post(self, path: str, **kwargs: Any) -> dict[str, Any]:
        try:
            response = await self.http.post(f"{self.base}/{path}", **kwargs)
        except httpx.HTTPError as exc:
            raise Transient(type(exc).__name__) from exc
        return self._answer(response)

    def _answer(self, response: httpx.Response) -> dict[str, Any]:
        if response.is_success:
            try:
                answer = response.json()
            except ValueError as exc:
                raise Transient("an answer that is not JSON") from exc
            return answer if isinstance(answer, dict) else {}
        error = error_of(response)
        if isinstance(error, TokenExpired) and not self.token_expired:
            log.error("whatsapp: WHATSAPP_TOKEN expired or revoked; nothing can be sent")
        self.token_expired = isinstance(error, TokenExpired)
        raise error

    async def send(self, out: Outbound) -> str:
        """Send one Outbound (uploads first); the wamid of the last message."""
        media: dict[str, str] = {}
        if out.document is not None:
            doc = out.document
            content = doc.content
            if doc.path:
                content = await asyncio.to_thread(Path(doc.path).read_bytes)
            mime = UPLOAD_AS.get(doc.mime_type, doc.mime_type)
            media[doc.path or doc.filename] = await self.upload(content, mime, doc.filename)
        for path in out.photos:
            media[path] = await self._photo_id(path)
        wamid = ""
        tag = {"biz_opaque_callback_data": out.tag[:512]} if out.tag else {}
        for number, body in enumerate(message_bodies(out, media)):
            request = {
                "messaging_product": "whatsapp",
                "recipient_type": "individual",
                **_to(out.chat_id),
                **body,
                **tag,
            }
            for attempt in range(PART_ATTEMPTS):
                try:
                    answer = await self._post(f"{self.phone_number_id}/messages", json=request)
                    break
                except RateLimited as exc:
                    # A later part refused for the pace: the earlier ones went, so this one
                    # waits and goes, rather than the whole message going again (a photo twice).
                    if number == 0 or attempt == PART_ATTEMPTS - 1:
                        raise
                    await asyncio.sleep(exc.retry_after)
            sent = _dicts(answer.get("messages"))
            wamid = str(sent[0].get("id", "")) if sent else wamid
        self.token_expired = False
        return wamid

    async def _photo_id(self, path: str) -> str:
        """A photo's media id: uploaded once and reused while Meta keeps it (30 days); a
        broadcast's one photo is not uploaded once per user."""
        stat = await asyncio.to_thread(Path(path).stat)
        key = (path, stat.st_mtime_ns, stat.st_size)
        cached = self._uploads.get(key)
        if cached is not None and time.monotonic() - cached[1] < MEDIA_REUSE:
            return cached[0]
        data = await asyncio.to_thread(Path(path).read_bytes)
        mime = IMAGE_TYPES.get(Path(path).suffix.lower(), "image/jpeg")
        media_id = await self.upload(data, mime, Path(path).name)
        if len(self._uploads) >= UPLOADS_KEPT:
            self._uploads.clear()
        self._uploads[key] = (media_id, time.monotonic())
        return media_id

    async def send_template(
        self,
        chat_id: int | str,
        name: str,
        locale: str,
        text: str,
        tag: str | None = None,
        payloads: Sequence[str] = (),
    ) -> str:
        """An approved template with one body parameter, and the payloads of its quick-reply
        buttons (what comes back when one is tapped)."""
        buttons = [
            {
                "type": "button",
                "sub_type": "quick_reply",
                "index": str(index),
                "parameters": [{"type": "payload", "payload": payload}],
            }
            for index, payload in enumerate(payloads)
        ]
        answer = await self._post(
            f"{self.phone_number_id}/messages",
            json={
                "messaging_product": "whatsapp",
                "recipient_type": "individual",
                **_to(chat_id),
                **({"biz_opaque_callback_data": tag[:512]} if tag else {}),
                "type": "template",
                "template": {
                    "name": name,
                    "language": {"code": locale},
                    "components": [
                        {"type": "body", "parameters": [{"type": "text", "text": text}]},
                        *buttons,
                    ],
                },
            },
        )
        sent = _dicts(answer.get("messages"))
        return str(sent[0].get("id", "")) if sent else ""

    async def upload(self, content: bytes, mime_type: str, filename: str) -> str:
        answer = await self._post(
            f"{self.phone_number_id}/media",
            data={"messaging_product": "whatsapp", "type": mime_type},
            files={"file": (filename, content, mime_type)},
        )
        if not answer.get("id"):
            raise Transient("an upload without a media id")
        return str(answer["id"])

    async def download(self, media: Media) -> bytes:
        """A user's file: its URL (valid 5 minutes), then the bytes with the token; a file
        larger than DOWNLOAD_LIMIT is FileTooBig, found out before or while it comes (a
        document may be 100 MB), never held whole."""
        try:
            response = await self.http.get(
                f"{self.base}/{media.file_id}", params={"phone_number_id": self.phone_number_id}
            )
            answer = self._answer(response)
            url = answer.get("url")
            if not url:
                raise Transient("no media URL")
            size = answer.get("file_size")
            if isinstance(size, int) and size > DOWNLOAD_LIMIT:
                raise FileTooBig(media.file_id)
            async with self.http.stream("GET", str(url)) as data:
                if data.status_code == 413:
                    raise FileTooBig(media.file_id)
                if not data.is_success:
                    await data.aread()
                    raise error_of(data)
                chunks, received = [], 0
                async for chunk in data.aiter_bytes():
                    received += len(chunk)
                    if received > DOWNLOAD_LIMIT:
                        raise FileTooBig(media.file_id)
                    chunks.append(chunk)
                return b"".join(chunks)
        except httpx.HTTPError as exc:
            raise Transient(type(exc).__name__) from exc

    async def mark_read(self, wamid: str, typing: bool = False) -> None:
        """Blue ticks for the user's message (and everything before it); with ``typing``,
        the typing dots until the reply (at most 25 s)."""
        body: dict[str, Any] = {"messaging_product": "whatsapp", "status": "read"}
        body["message_id"] = wamid
        if typing:
            body["typing_indicator"] = {"type": "text"}
        with contextlib.suppress(Exception):  # a courtesy: never a reason to fail an update
            await self._post(f"{self.phone_number_id}/messages", json=body)


def _to(chat_id: int | str) -> dict[str, str]:
    """The addressee: a number ("to", with its +) or a business-scoped user id
    ("recipient"), for a user whose number Meta withholds."""
    text = str(chat_id)
    if text.startswith("+") or text.isdigit():
        return {"to": "+" + text.lstrip("+")}
    return {"recipient": text}


def whatsapp_deliver(client: WhatsAppClient) -> Deliver:
    """Sends for the outbox: as any reply while the user's 24-hour window is open; when
    WhatsApp answers that it is closed (131047), as the template of the message's kind, with
    the message as its parameter (its buttons come back when the user answers)."""
    from bot.channels.templates import parameter, payloads, templates

    async def deliver(out: Outbound) -> int:
        try:
            if str(out.chat_id).lstrip("+") in client.closed_windows:
                raise OutsideWindow("the window closed (a failed status said so)")
            if out.last_seen is not None and datetime.now(UTC) - out.last_seen > WINDOW:
                raise OutsideWindow("the user last wrote more than a day ago")
            await client.send(out)
        except OutsideWindow:
            template = templates().get(out.template[0]) if out.template else None
            if template is None or out.template is None:
                raise
            text = render_markup(out.text).strip() or "…"
            locale = out.template[1]
            choices = [button.data for row in out.buttons for button in row]
            await client.send_template(
                out.chat_id,
                template.name,
                locale,
                parameter(text),
                out.tag,
                payloads(template, choices, callbacks.menu("menu")),
            )
        return 0  # WhatsApp's ids are strings (wamid); statuses come by webhook

    return deliver


Handle = Callable[[Inbound, Callable[[list[Outbound]], Awaitable[None]]], Awaitable[object]]


class WhatsAppChannel:
    """Bridges webhook bodies to the router and its replies back to the Graph API."""

    def __init__(
        self,
        client: WhatsAppClient,
        *,
        app_secret: str,
        verify_token: str,
        handle: Handle,
        on_blocked: Callable[[str], Awaitable[None]],
        on_statuses: Callable[[list[Status]], Awaitable[None]] | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        rate: float | None = None,
    ) -> None:
        self.on_statuses = on_statuses
        # The number's throughput (WHATSAPP_RATE), shared by replies (first) and the outbox.
        self.pacer = Pacer(rate)
        self.client = client
        self.secret = app_secret.encode()
        self.verify_token = verify_token
        self.handle = handle
        self.on_blocked = on_blocked
        self.sleep = sleep
        self._runs: dict[str, tuple[str, int]] = {}  # user: (album, timestamp of its last image)
        self.inbox: InboxWorker | None = None  # where bodies are kept until handled

    def delivery(self, rate: float = 80.0) -> Delivery:
        """The outbox's way to WhatsApp: ``rate`` messages a second (WHATSAPP_RATE), a row
        to one user every 6 s (the pair rate)."""
        return Delivery(
            whatsapp_deliver(self.client),
            CAPABILITIES,
            rate=rate,
            chat_interval=PAIR_INTERVAL,
            chat_burst=PAIR_BURST,
            cost=message_count,
            pacer=self.pacer,
        )

    @property
    def healthy(self) -> bool:
        return not self.client.token_expired

    def verify(self, mode: str | None, token: str | None) -> bool:
        """Meta's subscription handshake: the verify token we chose, compared safely."""
        return mode == "subscribe" and hmac.compare_digest(
            (token or "").encode(), self.verify_token.encode()
        )

    def authentic(self, body: bytes, header: str | None) -> bool:
        return signature_ok(self.secret, body, header)

    def decode(self, payload: object) -> Batch:
        return decode(payload, self.client.phone_number_id)

    async def process(self, batch: Batch) -> None:
        """Take a body in: statuses recorded, messages stored in the inbox (handled from
        there, each user's in the order written) or, without an inbox, handled now. Raises
        when they could not be kept (the webhook then answers 500 and Meta sends it again)."""
        oldest = int(time.time() - STALE.total_seconds())
        if any(at < oldest for at, _ in batch.messages):
            # Older than the record of handled ids goes back: a replay, never handled again.
            log.info("whatsapp: ignored messages written more than %d days ago", STALE.days)
            batch = replace(batch, messages=tuple(m for m in batch.messages if m[0] >= oldest))
        for _, inbound in batch.messages:
            self.client.closed_windows.discard(inbound.sender)  # they wrote: it is open again
        for status in batch.statuses:
            if status.status == "failed" and set(status.errors) & UNREACHABLE:
                await self.on_blocked(status.recipient)
            if status.status == "failed" and set(status.errors) & OUTSIDE_WINDOW:
                self.client.closed_windows.add(status.recipient)
        if batch.statuses and self.on_statuses is not None:
            await self.on_statuses(list(batch.statuses))
        if self.inbox is not None:
            await self.inbox.store(batch.messages)
            return
        by_user: dict[str, list[tuple[int, Inbound]]] = {}
        for at, inbound in batch.messages:
            by_user.setdefault(inbound.sender, []).append((at, inbound))
        results = await asyncio.gather(
            *(self.handle_user(items) for items in by_user.values()), return_exceptions=True
        )
        failed = [r for r in results if isinstance(r, BaseException)]
        if failed:
            raise failed[0]

    async def handle_user(self, items: list[tuple[int, Inbound]]) -> None:
        """One user's messages, in the order written (the inbox's handler)."""
        await self._one_user([self._album(at, inbound) for at, inbound in items])

    def _album(self, at: int, inbound: Inbound) -> Inbound:
        """An image close after the user's last one joins its album, across bodies."""
        if inbound.kind != "photo":
            self._runs.pop(inbound.sender, None)
            return inbound
        run = self._runs.get(inbound.sender)
        if run is not None and 0 <= at - run[1] <= ALBUM_GAP:
            group = run[0]
        else:
            group = inbound.media_group_id or f"wa-{inbound.update_id}"
        if len(self._runs) > 10_000:  # forget old runs; a lost one only splits an album
            self._runs.clear()
        self._runs[inbound.sender] = (group, at)
        return replace(inbound, media_group_id=group)

    async def _one_user(self, items: list[Inbound]) -> None:
        for inbound in items:
            timer = metrics.Timer()
            if inbound.update_id:  # blue ticks, and typing dots while a photo is checked or
                await self.client.mark_read(inbound.update_id, typing=True)  # a file built
            try:
                await self.handle(inbound, self.send_all)
            finally:
                timer.done(metrics.update_kind(inbound))

    async def send_all(self, messages: list[Outbound]) -> None:
        for out in messages:
            if not await self.send(out):
                return

    async def send(self, out: Outbound) -> bool:
        """Send one reply; False when the user cannot be reached, so the rest is dropped."""
        return await send_reply(
            self._paced,
            out,
            platform="WhatsApp",
            on_blocked=self.on_blocked,
            sleep=self.sleep,
            fatal=(TokenExpired,),
        )

    async def _paced(self, out: Outbound) -> object:
        await self.pacer.acquire(message_count(out), urgent=True)
        return await self.client.send(out)
