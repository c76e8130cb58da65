"""Export Sathi entry point: `python run_bot.py [--console [--as ID]] [--webhook [--workers N]]`.

With TELEGRAM_BOT_TOKEN set it runs the Telegram bot (long polling, or the webhook server with
--webhook). Without one it opens the console chat on a terminal, and refuses to start (exit 2)
when there is no terminal, so a misconfigured service never idles silently.

The heavy modules are imported where they are used: the parent of several webhook workers
only binds the port and supervises, and stays small.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import shutil
import socket
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from bot.logs import setup_logging
from bot.settings import WEBHOOK_SECRET_FORMAT, Settings

if TYPE_CHECKING:
    from bot.i18n import Messages

log = logging.getLogger("export_sathi")

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"  # read by prometheus_client when it is imported
CONFIG_ERROR = 2
TOKEN_REFUSED = "Telegram refused TELEGRAM_BOT_TOKEN (revoked or mistyped? ask @BotFather)"


class ConfigError(Exception):
    """The settings cannot work; the message says which and why (never a secret's value)."""


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Export Sathi chat assistant")
    parser.add_argument("--console", action="store_true", help="chat in this terminal")
    parser.add_argument(
        "--as", dest="as_user", type=int, default=1, help="console: the user id to chat as"
    )
    parser.add_argument(
        "--lang", default=None, help="console: the Telegram language_code to pretend (bn/en/hi)"
    )
    parser.add_argument(
        "--webhook",
        action="store_true",
        help="serve Telegram's webhook on WEBHOOK_LISTEN (with /healthz and /metrics)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="webhook: worker processes sharing the port (more than 1 needs PostgreSQL)",
    )
    return parser.parse_args(argv)


async def run_console(settings: Settings, user_id: int, language_code: str | None) -> None:
    from bot.app import build_core, start_background
    from bot.channels.console import CHANNEL, ConsoleChannel
    from chat.capabilities import UNLIMITED
    from chat.outbound import Delivery

    core = await build_core(settings)
    try:
        channel = ConsoleChannel(
            core.router.handle,
            user_id=user_id,
            language_code=language_code,
            state_file=settings.data_dir / f"console-{user_id}.json",
        )
        core.router.fetch_media = channel.fetch
        # On a shared PostgreSQL the console must not become the leader: the outbox (other
        # people's reminders) would be "delivered" to this terminal.
        background = (
            start_background(core, {CHANNEL: Delivery(channel.deliver, UNLIMITED)})
            if core.db.dialect == "sqlite"
            else None
        )
        try:
            await channel.run(banner=_banner(core.messages))
            await core.router.flush()
        finally:
            if background is not None:
                await background.stop()
    finally:
        await core.close()


def _banner(messages: Messages) -> str:
    return messages.text("en", "console-banner") + "\n" + messages.text("bn", "console-banner")


def run_telegram(settings: Settings) -> int:
    """Long polling until SIGTERM/SIGINT."""
    from bot.channels.service import ChatService, serve

    service = ChatService(settings)
    return asyncio.run(serve(service, service.start_polling()))


def check_webhook(settings: Settings, workers: int) -> tuple[str, int]:
    """What --webhook needs, or ConfigError; returns the address to listen on."""
    from bot.workers import parse_listen

    check_whatsapp(settings)
    if settings.telegram_bot_token is None and not settings.whatsapp:
        raise ConfigError(
            "--webhook needs TELEGRAM_BOT_TOKEN (the token from @BotFather) or the WHATSAPP_* "
            "settings (WhatsApp Cloud API)"
        )
    if settings.telegram_bot_token is not None:
        check_telegram_webhook(settings)
    if workers < 1:
        raise ConfigError("--workers must be at least 1")
    if workers > 1 and not settings.postgres:
        raise ConfigError(
            "--workers above 1 needs PostgreSQL (DATABASE_URL=postgresql://…): SQLite is one "
            "process's database"
        )
    try:
        return parse_listen(settings.webhook_listen)
    except ValueError as exc:
        raise ConfigError(str(exc)) from None


def check_telegram_webhook(settings: Settings) -> None:
    """What Telegram's webhook needs besides the token."""
    if not settings.webhook_url:
        raise ConfigError(
            "--webhook needs WEBHOOK_URL: the public https address Telegram posts updates to"
        )
    if settings.webhook_secret is None:
        raise ConfigError(
            "--webhook needs WEBHOOK_SECRET: a random string Telegram sends back with every "
            "update (e.g. `openssl rand -hex 32`)"
        )
    if not WEBHOOK_SECRET_FORMAT.fullmatch(settings.webhook_secret.get_secret_value()):
        raise ConfigError(
            "WEBHOOK_SECRET may only hold A-Z, a-z, 0-9, _ and - (1 to 256 characters)"
        )


def check_whatsapp(settings: Settings) -> None:
    """All WHATSAPP_* settings or none: half of them is a mistake, named (never a value)."""
    missing = settings.whatsapp_missing
    if missing and len(missing) < 4:
        raise ConfigError(
            "WhatsApp is half configured; also set " + ", ".join(missing) + " (or unset the rest)"
        )


def webhook_worker(index: int, sock: socket.socket) -> int:
    """One worker process (also the only process when --workers is 1)."""
    settings = Settings()
    setup_logging(settings.log_level, settings.log_format)
    from bot.channels.service import ChatService, serve

    service = ChatService(settings)
    # The first worker registers the webhook (see README "Deployment").
    start = service.start_webhook(sock, register=index == 0)
    return _guarded(lambda: asyncio.run(serve(service, start)))


def run_webhook(settings: Settings, workers: int) -> int:
    from bot.workers import bind, supervise

    host, port = check_webhook(settings, workers)
    try:
        sock = bind(host, port)
    except OSError as exc:
        raise ConfigError(f"cannot listen on {settings.webhook_listen}: {exc.strerror}") from None
    if workers == 1:
        return webhook_worker(0, sock)
    own_dir = not os.environ.get(MULTIPROC_ENV)
    metrics_dir = Path(os.environ.get(MULTIPROC_ENV) or tempfile.mkdtemp(prefix="export-sathi-"))
    for stale in metrics_dir.glob("*.db"):  # counters of a previous run must not add up
        stale.unlink()
    os.environ[MULTIPROC_ENV] = str(metrics_dir)
    # glibc gives each thread (aiosqlite, asyncio.to_thread) its own malloc arena; two
    # arenas keep a worker's resident memory lower at no measurable cost here.
    os.environ.setdefault("MALLOC_ARENA_MAX", "2")
    try:
        log.info("starting %d webhook workers on %s", workers, settings.webhook_listen)
        return supervise(webhook_worker, sock, workers)
    finally:
        if own_dir:
            shutil.rmtree(metrics_dir, ignore_errors=True)


def _guarded(run: Callable[[], int]) -> int:
    """Run; a configuration problem found on the way is a message and exit status 2."""
    try:
        return run()
    except Exception as exc:
        reason = _config_problem(exc)
        if reason is None:
            raise
        sys.stderr.write(f"not started: {reason}\n")
        return CONFIG_ERROR


def _config_problem(exc: BaseException) -> str | None:
    """What to tell the operator when ``exc`` is a configuration problem, else None."""
    if isinstance(exc, ConfigError):
        return str(exc)
    # Only modules already loaded can have raised: look there instead of importing them.
    eligibility = sys.modules.get("services.eligibility")
    if eligibility is not None and isinstance(exc, eligibility.RulesError):
        return f"export rules not loaded: {exc}"
    errors = sys.modules.get("telegram.error")
    if errors is not None and isinstance(exc, errors.InvalidToken):
        return TOKEN_REFUSED
    return None


def main(argv: list[str] | None = None) -> int:
    return _guarded(lambda: _main(argv))


def _main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        settings = Settings()
    except ValidationError as exc:  # names and reasons only: the values may be secrets
        reasons = "; ".join(
            f"{'.'.join(map(str, e['loc'])).upper()}: {e['msg']}" for e in exc.errors()
        )
        raise ConfigError(reasons) from None
    if args.webhook:
        setup_logging(settings.log_level, settings.log_format)
        return run_webhook(settings, args.workers)
    if args.workers != 1:
        raise ConfigError("--workers only applies to --webhook (polling is one process)")
    if not args.console:
        check_whatsapp(settings)
    level = settings.log_level if settings.telegram_bot_token else "WARNING"
    setup_logging(level, settings.log_format)
    if args.console:
        asyncio.run(run_console(settings, args.as_user, args.lang))
        return 0
    if settings.telegram_bot_token is not None:
        return run_telegram(settings)
    if sys.stdin.isatty():
        asyncio.run(run_console(settings, args.as_user, args.lang))
        return 0
    if settings.whatsapp:
        raise ConfigError("WhatsApp is served by the webhook server: run with --webhook")
    from bot.i18n import Messages

    sys.stderr.write(Messages().text("en", "console-no-token") + "\n")
    return CONFIG_ERROR


if __name__ == "__main__":
    sys.exit(main())
