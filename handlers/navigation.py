"""Finding one's way: /menu, /help, /language, and /back, /skip, /cancel inside a question."""

from __future__ import annotations

from chat import callbacks
from chat.replies import Choice, Reply
from content import LOCALES
from flows.delete import DELETE
from flows.engine import Answer
from flows.registration import REGISTRATION
from handlers.feature import Button, Command, Feature, MenuEntry
from handlers.turn import Turn


async def show_menu(turn: Turn, args: str) -> None:
    if turn.dialogue.active:
        turn.dialogue.pause()
    turn.say(await turn.dialogue.menu())


async def show_help(turn: Turn, args: str) -> None:
    """Inside a question: what it expects. Otherwise: what each of my commands does."""
    if turn.dialogue.active:
        turn.dialogue.help()
        return
    turn.say_all(await turn.dialogue.commands_help())


async def _outside_a_question(turn: Turn) -> bool:
    if turn.dialogue.active:
        return False
    turn.say(Reply("flow-none-active"), await turn.dialogue.menu())
    return True


async def back(turn: Turn, args: str) -> None:
    if not await _outside_a_question(turn):
        await turn.dialogue.back()


async def skip(turn: Turn, args: str) -> None:
    if not await _outside_a_question(turn):
        await turn.dialogue.skip()


async def cancel(turn: Turn, args: str) -> None:
    if await _outside_a_question(turn):
        return
    if turn.dialogue.flow == DELETE:  # "keep my data": what was paused for it comes back
        await turn.dialogue.answer(Answer(value="no"))
    else:
        await turn.dialogue.cancel()


async def language(turn: Turn, args: str) -> None:
    wanted = args.strip().lower()[:2]
    if wanted in LOCALES:
        await set_language(turn, wanted)
        return
    choices = tuple(
        (Choice(callbacks.LANGUAGE.data(code), key=f"lang-name-{code}"),) for code in LOCALES
    )
    turn.say(Reply("language-choose", choices=choices))


async def set_language(turn: Turn, code: str) -> None:
    if code in LOCALES:
        turn.ctx.locale = code
        await turn.repo.users.set_locale(turn.user_id, code)
        turn.say(Reply("language-set", {"language": Reply(f"lang-name-{code}")}))
    elif code != "keep":
        turn.say(Reply("error-stale-button"))
    state = turn.ctx.state
    if not turn.dialogue.active or state is None:
        turn.say(await turn.dialogue.menu())
    elif state.flow == REGISTRATION and state.step == "language" and code in LOCALES:
        await turn.dialogue.answer(Answer(value=code))  # the registration's own first question
    else:
        turn.dialogue.ask_again()


async def language_button(turn: Turn, parts: tuple[str, ...]) -> None:
    await set_language(turn, parts[0] if len(parts) == 1 else "")


FEATURE = Feature(
    "navigation",
    commands=(
        Command("menu", show_menu, listed=True, help="help-cmd-menu"),
        Command("help", show_help, listed=True),
        Command("language", language, listed=True, help="help-cmd-language"),
        Command("back", back, listed=True),
        Command("skip", skip),
        Command("cancel", cancel, listed=True),
    ),
    buttons=(Button((callbacks.LANGUAGE,), language_button),),
    menu=(MenuEntry("language", "menu-language"), MenuEntry("help", "menu-help")),
    help=("help-while-answering",),
)
