"""A stand-in of the WhatsApp Cloud API (Graph API) and of Meta's webhook sender, on 127.0.0.1.

It checks every request against the limits in Meta's reference (a message that breaks one gets
Meta's error shape and is recorded in ``violations``), keeps what each user received, serves
uploaded and user media, and signs webhook bodies as Meta does (HMAC-SHA256 of the raw body,
which is JSON with non-ASCII escaped).
"""

from __future__ import annotations

import asyncio
import collections
import hashlib
import hmac
import itertools
import json
import socket
import time
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from aiohttp import web

# What the upload takes (Meta refuses text/csv and application/zip, among others).
UPLOADABLE = {
    "image/jpeg",
    "image/png",
    "text/plain",
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.ms-excel",
}


@dataclass
class Received:
    """A message as the user's phone shows it."""

    to: str
    type: str
    body: dict[str, Any]
    quick_replies: tuple[tuple[str, str], ...] = ()  # a template's buttons: (words, payload)

    @property
    def text(self) -> str:
        if self.type == "text":
            return str(self.body["text"]["body"])
        if self.type == "interactive":
            return str(self.body["interactive"]["body"]["text"])
        if self.type == "template":
            parameters = self.body["template"]["components"][0]["parameters"]
            return " ".join(p["text"] for p in parameters)
        media = self.body.get(self.type, {})
        return str(media.get("caption", ""))

    @property
    def choices(self) -> list[tuple[str, str]]:
        """(title, id) of its reply buttons or list rows, or a template's quick replies."""
        if self.type == "template":
            return list(self.quick_replies)
        if self.type != "interactive":
            return []
        interactive = self.body["interactive"]
        action = interactive["action"]
        if interactive["type"] == "button":
            return [(b["reply"]["title"], b["reply"]["id"]) for b in action["buttons"]]
        return [(r["title"], r["id"]) for s in action["sections"] for r in s["rows"]]


@dataclass
class GraphApi:
    token: str
    phone_number_id: str
    version: str = "v25.0"
    received: dict[str, list[Received]] = field(default_factory=dict)
    read: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    uploads: dict[str, tuple[str, str, bytes]] = field(default_factory=dict)  # id: mime, name
    user_media: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    fail_next: list[int] = field(default_factory=list)  # error codes for the next sends
    # The 24-hour window: users who wrote lately (the test opens and closes it); outside it,
    # only approved templates (name, language) go.
    open_windows: set[str] = field(default_factory=set)
    approved: set[tuple[str, str]] = field(default_factory=set)
    buttons: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # their words
    # Meta's pace (None: not enforced): messages per second from our number (130429 past it)
    # and, per user, a bucket of ``pair_burst`` refilled one per ``pair_interval`` s (131056).
    throughput: float | None = None
    pair_burst: int | None = None
    pair_interval: float = 6.0
    refused: dict[int, int] = field(default_factory=dict)  # pace errors answered, by code
    # Sends to these users are held open (never answered): a process killed meanwhile.
    hold: set[str] = field(default_factory=set)
    held: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._ids = itertools.count(1)
        self._sent_at: collections.deque[float] = collections.deque()
        self._pairs: dict[str, tuple[float, float]] = {}  # user: (tokens, when counted)
        app = web.Application(client_max_size=200 * 1024 * 1024)
        base = f"/{self.version}"
        app.router.add_post(f"{base}/{self.phone_number_id}/messages", self._messages)
        app.router.add_post(f"{base}/{self.phone_number_id}/media", self._upload)
        app.router.add_get(f"{base}/{{media_id}}", self._media_url)
        app.router.add_get("/download/{media_id}", self._download)
        self._runner = web.AppRunner(app, access_log=None)
        self._closing = asyncio.Event()
        self.root = ""

    async def __aenter__(self) -> GraphApi:
        await self._runner.setup()
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        site = web.SockSite(self._runner, sock)
        await site.start()
        self.root = f"http://127.0.0.1:{sock.getsockname()[1]}"
        return self

    async def __aexit__(self, *exc: object) -> None:
        self._closing.set()
        await self._runner.cleanup()

    # ------------------------------------------------------------------ what users got

    def approve(self, definitions: list[dict[str, Any]]) -> None:
        """Templates as submitted to Meta (bot.channels.templates.definitions), approved."""
        for template in definitions:
            key = (template["name"], template["language"])
            self.approved.add(key)
            self.buttons[key] = [
                button["text"]
                for component in template["components"]
                if component["type"] == "BUTTONS"
                for button in component["buttons"]
            ]

    def messages_to(self, wa_id: str) -> list[Received]:
        return self.received.get(wa_id, [])

    def add_user_media(self, data: bytes, mime_type: str = "image/jpeg") -> str:
        media_id = f"user-media-{next(self._ids)}"
        self.user_media[media_id] = (mime_type, data)
        return media_id

    # ------------------------------------------------------------------ the API

    def _authorised(self, request: web.Request) -> bool:
        return request.headers.get("Authorization") == f"Bearer {self.token}"

    @staticmethod
    def _error(code: int, message: str, status: int = 400) -> web.Response:
        body = {"error": {"message": f"(#{code}) {message}", "type": "OAuthException"}}
        body["error"]["code"] = code  # type: ignore[index]
        return web.json_response(body, status=status)

    def _refuse(self, problem: str, code: int = 131009) -> web.Response:
        self.violations.append(problem)
        return self._error(code, f"Parameter value is not valid: {problem}")

    async def _messages(self, request: web.Request) -> web.Response:
        if not self._authorised(request):
            return self._error(190, "Error validating access token", status=401)
        body = await request.json()
        if body.get("messaging_product") != "whatsapp":
            return self._refuse("messaging_product", 100)
        if body.get("status") == "read":
            self.read.append(str(body.get("message_id")))
            return web.json_response({"success": True})
        if self.fail_next:
            code = self.fail_next.pop(0)
            return self._error(code, "failure asked for by the test")
        to = str(body.get("to", ""))
        if body.get("recipient"):  # a business-scoped user id, for a withheld number
            user = str(body["recipient"])
        elif to.startswith("+") and to[1:].isdigit():
            user = to[1:]
        else:
            return self._refuse(f"recipient {to!r}", 100)
        if user in self.hold:
            self.held.append(user)
            await self._closing.wait()  # until the stand-in stops
            return self._error(2, "Service temporarily unavailable", status=503)
        paced = self._pace(user)
        if paced is not None:
            self.refused[paced] = self.refused.get(paced, 0) + 1
            return self._error(paced, "Rate limit hit")
        quick: list[tuple[str, str]] = []  # a template's quick replies: (words, payload)
        if body.get("type") == "template":
            template = body.get("template", {})
            approved = (template.get("name"), template.get("language", {}).get("code"))
            if approved not in self.approved:
                return self._refuse(f"template {approved} not approved", 132001)
            words = self.buttons.get(approved, [])
            for component in template.get("components", []):
                if component.get("type") == "button":
                    index = int(component.get("index", -1))
                    (payload,) = component.get("parameters", [{}])
                    if not 0 <= index < len(words) or not payload.get("payload"):
                        return self._refuse(f"quick reply {index} of {approved}", 132000)
                    quick.append((words[index], payload["payload"]))
                    continue
                for parameter in component.get("parameters", []):
                    text = parameter.get("text", "")
                    if "\n" in text or "\t" in text or "     " in text or not text:
                        return self._refuse("Param text cannot have new-line/tab", 132000)
        elif user not in self.open_windows:
            return self._error(131047, "Re-engagement message")
        else:
            problem = self._check(body)
            if problem:
                return self._refuse(problem)
        self.received.setdefault(user, []).append(Received(user, body["type"], body, tuple(quick)))
        wamid = f"wamid.out{next(self._ids)}"
        return web.json_response(
            {
                "messaging_product": "whatsapp",
                "contacts": [{"input": to or user, "wa_id": user}],
                "messages": [{"id": wamid}],
            }
        )

    def _pace(self, user: str) -> int | None:
        """130429 past the number's throughput, 131056 past one user's pair rate."""
        now = time.monotonic()
        if self.throughput is not None:
            while self._sent_at and self._sent_at[0] <= now - 1.0:
                self._sent_at.popleft()
            if len(self._sent_at) >= self.throughput:
                return 130429
        if self.pair_burst is not None:
            tokens, then = self._pairs.get(user, (float(self.pair_burst), now))
            tokens = min(float(self.pair_burst), tokens + (now - then) / self.pair_interval)
            if tokens < 1.0:
                self._pairs[user] = (tokens, now)
                return 131056
            self._pairs[user] = (tokens - 1.0, now)
        if self.throughput is not None:
            self._sent_at.append(now)
        return None

    def _check(self, body: dict[str, Any]) -> str | None:
        """Meta's limits for what the bot sends; the first broken one, or None."""
        kind = body.get("type")
        if kind == "text":
            text = body.get("text", {}).get("body", "")
            if not 1 <= len(text) <= 4096:
                return f"text of {len(text)} characters"
            if "<b>" in text or "</b>" in text:
                return "HTML in a WhatsApp text"
            return None
        if kind in ("image", "document"):
            media = body.get(kind, {})
            if media.get("id") not in self.uploads:
                return f"{kind} with an unknown media id"
            if len(media.get("caption", "")) > 1024:
                return "caption over 1024"
            return None
        if kind != "interactive":
            return f"unknown type {kind!r}"
        interactive = body["interactive"]
        text = interactive.get("body", {}).get("text", "")
        action = interactive.get("action", {})
        if interactive.get("type") == "button":
            buttons = action.get("buttons", [])
            titles = [b["reply"]["title"] for b in buttons]
            ids = [b["reply"]["id"] for b in buttons]
            if not 1 <= len(buttons) <= 3:
                return f"{len(buttons)} reply buttons"
            if any(not 1 <= len(t) <= 20 for t in titles):
                return f"Button title length invalid: {titles}"
            if len(set(titles)) != len(titles) or len(set(ids)) != len(ids):
                return "duplicate button"
            if any(not 1 <= len(i) <= 256 for i in ids):
                return "button id length"
            if not 1 <= len(text) <= 1024:
                return f"button body of {len(text)}"
            return None
        if interactive.get("type") == "list":
            rows = [r for s in action.get("sections", []) for r in s.get("rows", [])]
            if not 1 <= len(rows) <= 10:
                return f"{len(rows)} rows"
            if not 1 <= len(action.get("button", "")) <= 20:
                return "list button label"
            if any(not 1 <= len(r["title"]) <= 24 for r in rows):
                return "row title length"
            if any(not 1 <= len(r["id"]) <= 200 for r in rows):
                return "row id length"
            if len({r["id"] for r in rows}) != len(rows):
                return "duplicate row id"
            if any(len(s.get("title", "")) > 24 for s in action.get("sections", [])):
                return "section title length"
            if not 1 <= len(text) <= 4096:
                return f"list body of {len(text)}"
            return None
        return f"interactive type {interactive.get('type')!r}"

    async def _upload(self, request: web.Request) -> web.Response:
        if not self._authorised(request):
            return self._error(190, "Error validating access token", status=401)
        form = await request.post()
        mime = str(form.get("type", ""))
        upload = form.get("file")
        if form.get("messaging_product") != "whatsapp" or not hasattr(upload, "file"):
            return self._refuse("upload form", 100)
        if mime not in UPLOADABLE:
            return self._refuse(f"Received file of type '{mime}'", 100)
        media_id = f"media-{next(self._ids)}"
        self.uploads[media_id] = (mime, upload.filename, upload.file.read())  # type: ignore[union-attr]
        return web.json_response({"id": media_id})

    async def _media_url(self, request: web.Request) -> web.Response:
        if not self._authorised(request):
            return self._error(190, "Error validating access token", status=401)
        media_id = request.match_info["media_id"]
        if media_id not in self.user_media:
            return self._error(100, "Unsupported get request", status=400)
        mime, data = self.user_media[media_id]
        url = f"{self.root}/download/{media_id}?expires={int(time.time()) + 300}"
        return web.json_response(
            {"url": url, "mime_type": mime, "file_size": len(data), "id": media_id}
        )

    async def _download(self, request: web.Request) -> web.Response:
        if not self._authorised(request):  # Meta's media URLs need the token too
            return web.Response(status=401)
        if int(request.query.get("expires", "0")) < time.time():
            return web.Response(status=404)
        mime, data = self.user_media[request.match_info["media_id"]]
        return web.Response(body=data, content_type=mime)


def _contact(message: dict[str, Any], name: str) -> dict[str, Any]:
    """The sender as Meta lists them: the number (wa_id) unless withheld, and the
    business-scoped user id where the message has one."""
    contact: dict[str, Any] = {"profile": {"name": name}}
    if "from" in message:
        contact["wa_id"] = message["from"]
    if "from_user_id" in message:
        contact["user_id"] = message["from_user_id"]
    return contact


class MetaSender:
    """Meta's side of the webhook: builds bodies for what a user does, signs and POSTs them."""

    def __init__(self, url: str, app_secret: str, phone_number_id: str) -> None:
        self.url, self.secret, self.phone_number_id = url, app_secret.encode(), phone_number_id
        self._ids = itertools.count(1)
        self.clock = int(time.time())  # messages written now (older ones are replays)

    def message(self, wa_id: str, kind: str, content: dict[str, Any]) -> dict[str, Any]:
        self.clock += 1
        return {
            "from": wa_id,
            "id": f"wamid.in{next(self._ids)}",
            "timestamp": str(self.clock),
            "type": kind,
            kind: content,
        }

    def body(
        self,
        messages: list[dict[str, Any]],
        *,
        phone_number_id: str | None = None,
        statuses: list[dict[str, Any]] | None = None,
        name: str = "রিনা",
    ) -> bytes:
        value: dict[str, Any] = {
            "messaging_product": "whatsapp",
            "metadata": {
                "display_phone_number": "919800000000",
                "phone_number_id": phone_number_id or self.phone_number_id,
            },
            "contacts": [_contact(m, name) for m in messages[:1]],
        }
        if messages:
            value["messages"] = messages
        if statuses:
            value["statuses"] = statuses
        payload = {
            "object": "whatsapp_business_account",
            "entry": [{"id": "WABA", "changes": [{"field": "messages", "value": value}]}],
        }
        return json.dumps(payload).encode()  # ensure_ascii: "\\u09xx", as Meta signs

    def sign(self, body: bytes) -> str:
        return "sha256=" + hmac.new(self.secret, body, hashlib.sha256).hexdigest()

    async def post(
        self, session: aiohttp.ClientSession, body: bytes, signature: str | None = ""
    ) -> int:
        headers = {"Content-Type": "application/json"}
        if signature is not None:
            headers["X-Hub-Signature-256"] = signature or self.sign(body)
        async with session.post(self.url, data=body, headers=headers) as response:
            return response.status
