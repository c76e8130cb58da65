"""Assembly: settings → database → catalogue → router, shared by every channel."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Protocol
from zoneinfo import ZoneInfo

from bot import metrics
from bot.delivery import Sender
from bot.i18n import Messages
from bot.language import detect_language
from bot.leader import RETRY_SECONDS, Elector, exclusive, wait_lost
from bot.logs import setup_logging as setup_logging  # re-exported: run_bot and tools use it
from bot.scheduler import Scheduler
from bot.settings import Settings
from bot.shipping import rate_source
from chat.outbound import Delivery
from content import DEFAULT_LOCALE, LOCALES
from flows.eligibility import use_rules
from handlers.feature import Role
from handlers.router import Router
from services.calendar import load_calendar
from services.eligibility import load_rules
from services.export_costs import cost_data
from storage.db import Database

log = logging.getLogger(__name__)


class AsyncClosable(Protocol):
    async def aclose(self) -> None: ...


@dataclass(slots=True)
class Core:
    settings: Settings
    db: Database
    messages: Messages
    router: Router
    http: AsyncClosable | None = None  # the live rate source's client, when one is configured

    async def close(self) -> None:
        if self.http is not None:
            await self.http.aclose()
        await self.db.dispose()


async def prepare(settings: Settings) -> Database:
    """Check the data files and bring the schema up to date; the database, migrated."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    # A malformed rules file stops the start with its file, line and reason (RulesError);
    # so does a malformed compliance calendar.
    use_rules(load_rules(settings.eligibility_rules))
    load_calendar()
    cost_data()  # the export-cost data too: a wrong figure stops the start, named
    db = Database(settings.database)
    try:
        async with exclusive(db.url):  # workers and hosts starting together: one at a time
            await db.migrate()
    except BaseException:
        await db.dispose()
        raise
    return db


async def build_core(settings: Settings) -> Core:
    """Everything but the channel; migrations are applied before any update is handled."""
    db = await prepare(settings)
    messages = Messages()
    rates, http = rate_source(settings)
    router = Router(
        db,
        messages,
        detect_language,
        zone=ZoneInfo(settings.timezone),
        admins=settings.administrators,
        data_dir=settings.data_dir,
        image_base_url=settings.image_base_url,
        market=settings.market,
        rates=rates,
    )
    settle_memory()
    log.info("core ready (database: %s)", db.dialect)
    return Core(settings, db, messages, router, http)


def command_menu(
    router: Router, messages: Messages, role: Role = Role.SELLER
) -> dict[str, list[tuple[str, str]]]:
    """A role's command list (from the features) per language code; "" is the default."""
    names = router.registry.command_list(role)
    menus = {code: [(c, messages.text(code, f"cmd-{c}")) for c in names] for code in LOCALES}
    menus[""] = menus[DEFAULT_LOCALE]
    return menus


def settle_memory() -> None:
    """Load what is loaded lazily, then freeze it out of the garbage collector's scans.

    The language profiles, message catalogues and SQLAlchemy's metadata are hundreds of
    thousands of long-lived objects; without this a full collection pauses every chat for
    tens of milliseconds (measured: 63 ms on this machine).
    """
    detect_language("warm up the romanised word lists and wordfreq")
    detect_language("আমার নাম मेरा नाम")  # mixed scripts: langdetect's profiles
    gc.collect()
    gc.freeze()


class Background:
    """The outbox sender and the scheduler, beside a channel, in the leader process only.

    On SQLite this process is the only one and leads from the start. On PostgreSQL it campaigns
    (bot/leader.py): it starts the jobs when it gets the advisory lock, stops them if it loses
    its session, and tries again every few seconds while another process leads.
    """

    def __init__(
        self,
        core: Core,
        deliveries: Mapping[str, Delivery],
        elector: Elector,
        retry: float = RETRY_SECONDS,
    ) -> None:
        self.core, self.deliveries, self.elector, self.retry = core, deliveries, elector, retry
        self.sender: Sender | None = None
        self.scheduler: Scheduler | None = None
        self._sender_task: asyncio.Task[None] | None = None
        self._campaign_task: asyncio.Task[None] | None = None
        self._leading = asyncio.Event()

    @property
    def leading(self) -> bool:
        return self._leading.is_set()

    async def wait_leading(self) -> None:
        await self._leading.wait()

    def start(self) -> None:
        if self.elector.postgres:
            self._campaign_task = asyncio.create_task(self._campaign(), name="leader-election")
        else:
            self._start_jobs()

    async def stop(self) -> None:
        """Stop timed jobs; the sender hands its unsent claimed rows back (lease released);
        only then is the leadership given up, so no successor overlaps with this sender."""
        if self._campaign_task is not None:
            self._campaign_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._campaign_task
        await self._stop_jobs()
        await self.elector.close()

    async def _campaign(self) -> None:
        said_follower = False
        while True:
            if await self.elector.try_acquire():
                log.info("leader: this process runs the scheduler and the outbox sender")
                self._start_jobs()
                try:
                    await wait_lost(self.elector, self.retry)
                finally:
                    await self._stop_jobs()
                log.warning("leader: lost the lock; scheduler and outbox sender stopped")
                said_follower = False
            elif not said_follower:
                log.info("follower: another process runs the scheduler and the outbox sender")
                said_follower = True
            await asyncio.sleep(self.retry)

    def _start_jobs(self) -> None:
        core, settings = self.core, self.core.settings
        self.sender = Sender(
            core.db,
            core.router.renderer,
            self.deliveries,
            rate=settings.broadcast_rate,
            quiet_hours=settings.quiet_hours,
            timezone=settings.timezone,
            on_blocked=core.router.mark_blocked,
        )
        registry = core.router.registry
        self.scheduler = Scheduler(
            core.db,
            daily=[scheduled.job for scheduled in registry.jobs("day")],
            minutely=[scheduled.job for scheduled in registry.jobs("minute")],
            timezone=settings.timezone,
            data_dir=settings.data_dir,
        )
        self.scheduler.start()
        self._sender_task = asyncio.create_task(self.sender.run(), name="outbox")
        self._leading.set()

    async def _stop_jobs(self) -> None:
        self._leading.clear()
        if self.scheduler is not None:
            await self.scheduler.stop()
        task, self._sender_task = self._sender_task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task


def start_background(
    core: Core, deliveries: Mapping[str, Delivery], *, retry: float = RETRY_SECONDS
) -> Background:
    """The scheduler and the outbox sender, in whichever process leads (see Background)."""
    counted = {
        channel: replace(delivery, deliver=metrics.counting(delivery.deliver))
        for channel, delivery in deliveries.items()
    }
    background = Background(core, counted, Elector(core.db.url), retry)
    background.start()
    return background
