"""Assembly: settings → database → catalogue → router, shared by every channel."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.channels.types import Deliver
from bot.delivery import Sender
from bot.i18n import DEFAULT_LOCALE, LOCALES, Messages
from bot.language import detect_language
from bot.scheduler import Scheduler
from bot.settings import Settings
from flows.eligibility import use_rules
from flows.orders import load_calendar
from handlers.router import FEATURES, Router
from services.eligibility import load_rules
from storage.db import Database
from storage.unit import Repo

log = logging.getLogger(__name__)


@dataclass(slots=True)
class Core:
    settings: Settings
    db: Database
    messages: Messages
    router: Router

    async def close(self) -> None:
        await self.db.dispose()


async def build_core(settings: Settings) -> Core:
    """Everything but the channel; migrations are applied before any update is handled."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    # A malformed rules file stops the start with its file, line and reason (RulesError);
    # so does a malformed compliance calendar.
    use_rules(load_rules(settings.eligibility_rules))
    load_calendar()
    db = Database(settings.database)
    await db.migrate()
    messages = Messages()
    router = Router(
        db,
        messages,
        detect_language,
        admin_ids=settings.admin_ids,
        data_dir=settings.data_dir,
        image_base_url=settings.image_base_url,
    )
    settle_memory()
    log.info("core ready (database: %s)", db.dialect)
    return Core(settings, db, messages, router)


# Commands shown in Telegram's command menu, in this order (the others still work).
MENU_COMMANDS = (
    "start",
    "menu",
    "addproduct",
    "products",
    "check",
    "orders",
    "trainings",
    "profile",
    "language",
    "help",
    "back",
    "cancel",
    "mydata",
    "delete",
    "stop",
)


def command_menu(messages: Messages) -> dict[str, list[tuple[str, str]]]:
    """The command menu per language code; "" is the default (Bengali)."""
    menus = {
        code: [(c, messages.text(code, f"cmd-{c}")) for c in MENU_COMMANDS] for code in LOCALES
    }
    menus[""] = menus[DEFAULT_LOCALE]
    return menus


def settle_memory() -> None:
    """Load what is loaded lazily, then freeze it out of the garbage collector's scans.

    The language profiles, message catalogues and SQLAlchemy's metadata are hundreds of
    thousands of long-lived objects; without this a full collection pauses every chat for
    tens of milliseconds (measured: 63 ms on this machine).
    """
    detect_language("warm up the language profiles")
    gc.collect()
    gc.freeze()


@dataclass(slots=True)
class Background:
    """The outbox sender and the scheduler, running beside a channel."""

    sender: Sender
    scheduler: Scheduler
    task: asyncio.Task[None]

    async def stop(self) -> None:
        """Stop timed jobs; the sender hands its unsent claimed rows back (lease released)."""
        self.scheduler.shutdown()
        self.task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self.task


# Update ids are kept this long to spot redeliveries (Telegram redelivers within a day).
PROCESSED_UPDATES_KEPT = timedelta(days=7)


async def housekeeping(repo: Repo, now: datetime) -> None:
    await repo.updates.prune(now - PROCESSED_UPDATES_KEPT)


def start_background(core: Core, deliver: Deliver) -> Background:
    settings = core.settings
    sender = Sender(
        core.db,
        core.router.renderer,
        deliver,
        rate=settings.broadcast_rate,
        quiet_hours=settings.quiet_hours,
        timezone=settings.timezone,
        on_blocked=core.router.mark_blocked,
    )
    jobs = [module.EXTRA for module in FEATURES]
    scheduler = Scheduler(
        core.db,
        daily=[housekeeping, *(extra["daily"] for extra in jobs if "daily" in extra)],
        minutely=[extra["minutely"] for extra in jobs if "minutely" in extra],
        timezone=settings.timezone,
    )
    scheduler.start()
    return Background(sender, scheduler, asyncio.create_task(sender.run(), name="outbox"))


def setup_logging(level: str) -> None:
    logging.basicConfig(
        level=level.upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    # httpx logs every request URL at INFO, and Bot API URLs contain the bot token; at DEBUG
    # python-telegram-bot logs URLs and whole updates (message text, phone numbers). Neither
    # is lowered by LOG_LEVEL=DEBUG.
    for noisy in ("httpx", "httpcore", "telegram", "aiosqlite", "alembic", "apscheduler"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
