"""Export Sathi entry point: `python run_bot.py [--console [--as ID]]`.

With TELEGRAM_BOT_TOKEN set it runs the Telegram bot (long polling). Without one it opens the
console chat on a terminal, and refuses to start (exit 2) when there is no terminal, so a
misconfigured service never idles silently.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys

from bot.app import build_core, command_menu, setup_logging, start_background
from bot.i18n import Messages
from bot.settings import Settings
from services.eligibility import RulesError

log = logging.getLogger("export_sathi")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Export Sathi chat assistant")
    parser.add_argument("--console", action="store_true", help="chat in this terminal")
    parser.add_argument(
        "--as", dest="as_user", type=int, default=1, help="console: the user id to chat as"
    )
    parser.add_argument(
        "--lang", default=None, help="console: the Telegram language_code to pretend (bn/en/hi)"
    )
    return parser.parse_args(argv)


async def run_console(settings: Settings, user_id: int, language_code: str | None) -> None:
    from bot.channels.console import ConsoleChannel

    core = await build_core(settings)
    try:
        channel = ConsoleChannel(core.router.handle, user_id=user_id, language_code=language_code)
        core.router.fetch_media = channel.fetch
        background = start_background(core, channel.deliver)
        try:
            await channel.run(banner=_banner(core.messages))
            await core.router.flush()
        finally:
            await background.stop()
    finally:
        await core.close()


def _banner(messages: Messages) -> str:
    return messages.text("en", "console-banner") + "\n" + messages.text("bn", "console-banner")


def run_telegram(settings: Settings) -> None:
    from bot.channels.telegram import TelegramChannel

    assert settings.telegram_bot_token is not None
    token = settings.telegram_bot_token.get_secret_value()
    holder: dict[str, object] = {}

    async def post_init(app: object) -> None:
        holder["core"] = core = await build_core(settings)
        channel.handle = core.router.handle
        channel.on_blocked = core.router.mark_blocked
        core.router.fetch_media = channel.download
        await channel.publish_commands(command_menu(core.messages))
        deliver = channel.deliverer(token, settings.telegram_api_url)
        holder["background"] = start_background(core, deliver)

    async def post_shutdown(app: object) -> None:
        background = holder.get("background")
        if background is not None:
            await background.stop()  # type: ignore[attr-defined]
            await channel.close_deliverer()
        core = holder.get("core")
        if core is not None:
            await core.router.flush()  # type: ignore[attr-defined]
            await core.close()  # type: ignore[attr-defined]

    async def not_ready(*_: object) -> None:
        raise RuntimeError("core not initialised")

    channel = TelegramChannel(
        token,
        settings.telegram_api_url,
        handle=not_ready,
        on_blocked=not_ready,
        post_init=post_init,
        post_shutdown=post_shutdown,
    )
    log.info("starting Telegram long polling against %s", settings.telegram_api_url)
    channel.run_polling()


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except RulesError as exc:  # a coordinator's edit broke the rules: say where, do not start
        sys.stderr.write(f"export rules not loaded: {exc}\n")
        return 2


def _main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    settings = Settings()
    setup_logging(settings.log_level if settings.telegram_bot_token else "WARNING")
    if args.console:
        asyncio.run(run_console(settings, args.as_user, args.lang))
        return 0
    if settings.telegram_bot_token is not None:
        run_telegram(settings)
        return 0
    if sys.stdin.isatty():
        asyncio.run(run_console(settings, args.as_user, args.lang))
        return 0
    sys.stderr.write(Messages().text("en", "console-no-token") + "\n")
    return 2


if __name__ == "__main__":
    sys.exit(main())
