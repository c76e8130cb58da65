"""The webhook HTTP server: Telegram's POSTs (secret checked), WhatsApp's at /whatsapp
(handshake and signature checked), /healthz and /metrics.

aiohttp.web serves it: it is already what python-telegram-bot's HTTP stack sits beside in this
process (one event loop, no ASGI layer to add), and it takes a listening socket bound by a
parent process, which is how several workers share one port.

Telegram gets its 200 only once the update has been handled and the replies sent: if the
process dies first, Telegram delivers the update again (the router does not handle one it
already committed twice). A POST without the right X-Telegram-Bot-Api-Secret-Token gets 403
and nothing is read or processed.

WhatsApp's POSTs are signed (X-Hub-Signature-256 over the raw body): a wrong or missing
signature gets 403 before anything is parsed. A body gets its 200 once its messages are
stored in the inbox (bot/inbox.py), and is handled from there: Meta redelivers anything not
answered 200, for days, so what it is told is safe must be; a retry of a stored message is
stored once, and the router handles a wamid once. A body that is not for our number, or holds
nothing but statuses and reactions, gets a quiet 200.
"""

from __future__ import annotations

import hmac
import json
import logging
import socket
from collections.abc import Awaitable, Callable
from http import HTTPStatus
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from aiohttp import web
from telegram import Update

from bot import metrics
from bot.channels.telegram import UpdateFailed

if TYPE_CHECKING:
    from bot.channels.whatsapp import WhatsAppChannel

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
SHUTDOWN_GRACE = 30.0  # seconds updates in flight get to finish on SIGTERM
MAX_BODY = 4 * 1024 * 1024  # a Telegram Update is a few kB; Meta's bodies are at most 3 MB
WHATSAPP_PATH = "/whatsapp"


def webhook_path(url: str) -> str:
    """The path Telegram POSTs to: the one in WEBHOOK_URL ("/" when it has none)."""
    return urlsplit(url).path or "/"


class WebhookServer:
    """Routes: POST <path of WEBHOOK_URL> (Telegram), GET and POST /whatsapp, GET /healthz,
    GET /metrics; each channel's routes only when it is configured."""

    def __init__(
        self,
        *,
        path: str = "/",
        secret: str = "",
        decode: Callable[[object], Update] | None = None,
        process: Callable[[Update], Awaitable[None]] | None = None,
        ping: Callable[[], Awaitable[bool]],
        outbox_depth: Callable[[], Awaitable[int | None]],
        whatsapp: WhatsAppChannel | None = None,
        grace: float = SHUTDOWN_GRACE,
    ) -> None:
        self.secret = secret.encode()
        self.decode, self.process = decode, process
        self.ping, self.outbox_depth = ping, outbox_depth
        self.whatsapp = whatsapp
        app = web.Application(client_max_size=MAX_BODY)
        if decode is not None and process is not None:
            app.router.add_post(path, self._update)
        if whatsapp is not None:
            app.router.add_get(WHATSAPP_PATH, self._whatsapp_handshake)
            app.router.add_post(WHATSAPP_PATH, self._whatsapp_update)
        app.router.add_get("/healthz", self._health)
        app.router.add_get("/metrics", self._metrics)
        # No access log: scrapes and updates would flood it, and it adds nothing to ours.
        self.runner = web.AppRunner(app, access_log=None, shutdown_timeout=grace)

    async def start(self, sock: socket.socket) -> None:
        await self.runner.setup()
        await web.SockSite(self.runner, sock).start()

    async def stop(self) -> None:
        """Stop accepting; requests in flight finish (up to the grace) and are answered."""
        await self.runner.cleanup()

    def _authorised(self, request: web.Request) -> bool:
        given = request.headers.get(SECRET_HEADER, "").encode()
        return hmac.compare_digest(given, self.secret)

    async def _update(self, request: web.Request) -> web.Response:
        assert self.decode is not None and self.process is not None
        if not self._authorised(request):
            log.warning("webhook: refused a request without the right secret token")
            return web.Response(status=HTTPStatus.FORBIDDEN)
        try:
            update = self.decode(await request.json(loads=json.loads))
        except ValueError:  # bad JSON (JSONDecodeError is one) or not an Update
            return web.Response(status=HTTPStatus.BAD_REQUEST)
        try:
            await self.process(update)
        except UpdateFailed:
            # Not handled: Telegram will deliver it again.
            return web.Response(status=HTTPStatus.INTERNAL_SERVER_ERROR)
        return web.Response(status=HTTPStatus.OK)

    async def _whatsapp_handshake(self, request: web.Request) -> web.Response:
        assert self.whatsapp is not None
        query = request.query
        if self.whatsapp.verify(query.get("hub.mode"), query.get("hub.verify_token")):
            return web.Response(text=query.get("hub.challenge", ""))
        log.warning("whatsapp: refused a subscription handshake with the wrong verify token")
        return web.Response(status=HTTPStatus.FORBIDDEN)

    async def _whatsapp_update(self, request: web.Request) -> web.Response:
        assert self.whatsapp is not None
        body = await request.read()
        if not self.whatsapp.authentic(body, request.headers.get("X-Hub-Signature-256")):
            log.warning("whatsapp: refused a POST without a valid signature")
            return web.Response(status=HTTPStatus.FORBIDDEN)
        try:
            batch = self.whatsapp.decode(json.loads(body))
        except ValueError:  # not JSON (UnicodeDecodeError is one too), or not a webhook
            return web.Response(status=HTTPStatus.BAD_REQUEST)
        try:
            await self.whatsapp.process(batch)
        except Exception:
            log.exception("whatsapp: a webhook body was not handled; Meta will send it again")
            return web.Response(status=HTTPStatus.INTERNAL_SERVER_ERROR)
        return web.Response(status=HTTPStatus.OK)

    async def _health(self, _: web.Request) -> web.Response:
        if self.whatsapp is not None and not self.whatsapp.healthy:
            return web.Response(
                status=HTTPStatus.SERVICE_UNAVAILABLE, text="WHATSAPP_TOKEN refused\n"
            )
        if await self.ping():
            return web.Response(text="ok\n")
        return web.Response(status=HTTPStatus.SERVICE_UNAVAILABLE, text="database unreachable\n")

    async def _metrics(self, _: web.Request) -> web.Response:
        body = await metrics.exposition(self.outbox_depth)
        return web.Response(body=body, headers={"Content-Type": metrics.CONTENT_TYPE})
