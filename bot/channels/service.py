"""One bot process on Telegram (long polling or webhook) and/or WhatsApp (webhook), and its
graceful stop on SIGTERM/SIGINT.

Stopping, in this order: fetch or accept nothing new; updates in flight finish and are
answered (polling: only handled updates are confirmed to Telegram; webhook: each gets its 200
once handled); album answers still waiting are sent; the outbox sender gives its leased rows
back and the scheduler stops; the leader lock is released; connections are closed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import socket
from collections.abc import Awaitable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from bot.app import Background, Core, build_core, command_menu, start_background
from bot.channels.telegram import CAPABILITIES, CHANNEL, TelegramChannel
from bot.delivery import OUTBOX_TAG
from bot.inbox import InboxWorker
from bot.settings import Settings
from chat.outbound import Delivery

if TYPE_CHECKING:  # aiohttp is imported only in webhook mode (~11 MB a polling bot never needs)
    from bot.channels.webhook import WebhookServer
    from bot.channels.whatsapp import WhatsAppChannel

log = logging.getLogger(__name__)

SHUTDOWN_GRACE = 30.0  # seconds updates in flight get to finish when stopping (polling)


def telegram_channel(core: Core, token: str, api_root: str) -> TelegramChannel:
    """The Telegram channel wired to the core: its updates to the router, its files, what it
    can show, and who blocked the bot."""

    async def blocked(external_id: str) -> None:
        await core.router.mark_blocked_on(CHANNEL, external_id)

    channel = TelegramChannel(
        token,
        api_root,
        handle=core.router.handle,
        on_blocked=blocked,
        rate=core.settings.telegram_rate,
    )
    # Polled updates are kept here until handled (the webhook answers after handling instead).
    # A Telegram update is decoded by the channel, with its Bot: handed over as stored.
    channel.inbox = InboxWorker(core.db, CHANNEL, channel.handle_stored, decode=dict)
    core.router.fetch_media = channel.download
    core.router.capabilities[CHANNEL] = CAPABILITIES
    return channel


def whatsapp_channel(core: Core, settings: Settings) -> WhatsAppChannel:
    """The WhatsApp channel wired to the core, from the WHATSAPP_* settings."""
    from bot.channels import whatsapp

    assert settings.whatsapp_token and settings.whatsapp_phone_number_id
    assert settings.whatsapp_app_secret and settings.whatsapp_verify_token
    client = whatsapp.WhatsAppClient(
        settings.whatsapp_token.get_secret_value(),
        settings.whatsapp_phone_number_id,
        api_root=settings.whatsapp_api_url,
        version=settings.whatsapp_api_version,
    )

    async def blocked(external_id: str) -> None:
        await core.router.mark_blocked_on(whatsapp.CHANNEL, external_id)

    async def statuses(reports: list[whatsapp.Status]) -> None:
        """Delivered and read, per outbox row (the tag the row's message carried); a failed
        one sends the row again later where that can help, else marks it failed."""
        seen = [
            (int(s.tag.removeprefix(OUTBOX_TAG)), s)
            for s in reports
            if s.tag and s.tag.startswith(OUTBOX_TAG) and s.tag.removeprefix(OUTBOX_TAG).isdigit()
        ]
        if not seen:
            return
        now = datetime.now(UTC)
        async with core.db.transaction() as repo:
            for row_id, status in seen:
                if status.status != "failed":
                    at = datetime.fromtimestamp(status.timestamp, UTC)
                    await repo.outbox.seen(row_id, status.status, at)
                    continue
                wait = whatsapp.retry_in(status)
                error = "whatsapp " + ",".join(str(code) for code in status.errors)
                retry_at = now + timedelta(seconds=wait) if wait is not None else None
                await repo.outbox.undelivered(row_id, error, retry_at)

    channel = whatsapp.WhatsAppChannel(
        client,
        app_secret=settings.whatsapp_app_secret.get_secret_value(),
        verify_token=settings.whatsapp_verify_token.get_secret_value(),
        handle=core.router.handle,
        on_blocked=blocked,
        on_statuses=statuses,
        rate=settings.whatsapp_rate,
    )
    channel.inbox = InboxWorker(core.db, whatsapp.CHANNEL, channel.handle_user)
    core.router.media_fetchers[whatsapp.CHANNEL] = client.download
    core.router.capabilities[whatsapp.CHANNEL] = whatsapp.CAPABILITIES
    return channel


class ChatService:
    """Telegram when TELEGRAM_BOT_TOKEN is set, WhatsApp (webhook only) when the WHATSAPP_*
    settings are: either alone, or both in one process."""

    def __init__(self, settings: Settings, *, poll_timeout: float = 10.0) -> None:
        if settings.telegram_bot_token is None and not settings.whatsapp:
            raise ValueError("neither TELEGRAM_BOT_TOKEN nor the WHATSAPP_* settings are set")
        self.settings = settings
        token = settings.telegram_bot_token
        self.token = token.get_secret_value() if token is not None else None
        self.poll_timeout = poll_timeout
        self.core: Core | None = None
        self.channel: TelegramChannel | None = None
        self.whatsapp: WhatsAppChannel | None = None
        self.background: Background | None = None
        self.server: WebhookServer | None = None
        self._stopped = False

    async def _start_core(self) -> tuple[Core, TelegramChannel | None]:
        self.core = core = await build_core(self.settings)
        if self.token is not None:
            api = self.settings.telegram_api_url
            self.channel = telegram_channel(core, self.token, api)
        if self.settings.whatsapp:
            self.whatsapp = whatsapp_channel(core, self.settings)
        return core, self.channel

    def _start_background(self, core: Core) -> None:
        deliveries: dict[str, Delivery] = {}
        if self.channel is not None and self.token is not None:
            api = self.settings.telegram_api_url
            deliveries[CHANNEL] = self.channel.deliverer(self.token, api)
        if self.whatsapp is not None:
            from bot.channels.whatsapp import CHANNEL as WHATSAPP

            deliveries[WHATSAPP] = self.whatsapp.delivery(self.settings.whatsapp_rate)
        self.background = start_background(core, deliveries)

    async def start_polling(self) -> None:
        core, channel = await self._start_core()
        assert channel is not None, "polling is Telegram's"
        await channel.start_polling(poll_timeout=self.poll_timeout)
        await channel.publish_commands(command_menu(core.router, core.messages))
        self._start_background(core)
        log.info("Telegram long polling against %s", self.settings.telegram_api_url)

    async def start_webhook(self, sock: socket.socket, *, register: bool = True) -> None:
        """Serve on ``sock``; ``register``: also setWebhook and the command menu (one process
        of a service start does it: both are idempotent, so a restart repeating them is fine)."""
        from bot.channels.webhook import WebhookServer, webhook_path

        settings = self.settings
        core, channel = await self._start_core()
        telegram: dict[str, Any] = {}
        if channel is not None:
            assert settings.webhook_url is not None and settings.webhook_secret is not None
            secret = settings.webhook_secret.get_secret_value()
            await channel.start()
            telegram = {
                "path": webhook_path(settings.webhook_url),
                "secret": secret,
                "decode": channel.decode,
                "process": channel.process,
            }
        self._start_background(core)
        if self.whatsapp is not None and self.whatsapp.inbox is not None:
            self.whatsapp.inbox.start()  # what a stopped process left is handled first
        self.server = WebhookServer(
            **telegram,
            ping=core.db.ping,
            outbox_depth=self.outbox_depth,
            whatsapp=self.whatsapp,
        )
        await self.server.start(sock)
        if channel is not None and register:  # once listening, so Telegram's first POST finds us
            assert settings.webhook_url is not None
            await channel.set_webhook(settings.webhook_url, telegram["secret"])
            await channel.publish_commands(command_menu(core.router, core.messages))
            log.info("webhook registered")
        log.info("webhook server listening on %s", settings.webhook_listen)

    async def outbox_depth(self) -> int | None:
        if self.core is None:
            return None
        try:
            async with self.core.db.transaction() as repo:
                return await repo.outbox.depth(datetime.now(UTC))
        except Exception as exc:  # the scrape still answers; /healthz reports the database
            log.warning("metrics: outbox depth not read (%s)", type(exc).__name__)
            return None

    async def stop(self) -> None:
        """Graceful stop (see the module docstring); safe after a failed start, and twice."""
        if self._stopped:
            return
        self._stopped = True
        if self.server is not None:
            await self.server.stop()
        channel, core = self.channel, self.core
        if channel is not None and channel.poller is not None:
            await channel.stop_fetching(SHUTDOWN_GRACE)
        if self.whatsapp is not None and self.whatsapp.inbox is not None:
            await self.whatsapp.inbox.stop()
        if core is not None:
            await core.router.flush()
        if self.background is not None:
            await self.background.stop()
        if channel is not None:
            await channel.close_deliverer()
            await channel.stop()
        if self.whatsapp is not None:
            await self.whatsapp.client.close()
        if core is not None:
            await core.close()


async def serve(service: ChatService, start: Awaitable[None]) -> int:
    """Start, run until SIGTERM/SIGINT (or polling dies), stop gracefully; the exit status.

    The signal handlers are in place before ``start`` runs: a stop asked for during the
    start-up (migrations, getMe, a database that does not answer) interrupts it."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    stopping = asyncio.ensure_future(stop.wait())
    status = 0
    try:
        starting = asyncio.ensure_future(start)
        await asyncio.wait({starting, stopping}, return_when=asyncio.FIRST_COMPLETED)
        if not starting.done():
            starting.cancel()
            log.info("stopped during start-up")
            with contextlib.suppress(asyncio.CancelledError):
                await starting
            return status
        starting.result()  # a failed start raises here
        poller = service.channel.poller if service.channel is not None else None
        watched: set[asyncio.Future[Any]] = {stopping}
        if poller is not None and poller.task is not None:
            watched.add(poller.task)
        done, _ = await asyncio.wait(watched, return_when=asyncio.FIRST_COMPLETED)
        if poller is not None and poller.task in done:
            error = poller.task.exception() if not poller.task.cancelled() else None
            log.critical("polling stopped: %s", type(error).__name__ if error else "cancelled")
            status = 1
        else:
            log.info("stopping: updates in flight finish first")
    finally:
        stopping.cancel()
        for sig in (signal.SIGTERM, signal.SIGINT):
            with contextlib.suppress(Exception):
                loop.remove_signal_handler(sig)
        await service.stop()
    return status
