"""/start: registration for a newcomer, where they stopped for one who paused, the menu for a
seller; coordinators and administrators without a seller profile get their console."""

from __future__ import annotations

from collections.abc import Sequence

from chat import callbacks
from chat.replies import Choice, Reply
from flows.registration import REGISTRATION, registration
from handlers.feature import Command, Feature
from handlers.turn import Turn


async def start(turn: Turn, args: str) -> None:
    if turn.user.opted_out_at is not None:
        await turn.repo.users.set_opted_out(turn.user_id, False)
        turn.say(Reply("stop-resumed"))
    if turn.dialogue.flow == REGISTRATION:
        turn.dialogue.resume()
        return
    turn.ctx.state = None  # another flow (an edit, a deletion) is abandoned by /start
    seller = await turn.seller()
    if seller is None and (await turn.viewer()).is_staff:
        # Coordinators and admins are not pushed into a seller registration.
        turn.say_all(await turn.dialogue.commands_help())
        turn.say(await turn.dialogue.menu())
        return
    if seller is None:
        turn.dialogue.start(REGISTRATION)
        return
    turn.say(Reply("welcome-back", {"name": seller.name}), await turn.dialogue.menu())


async def register_entry(turn: Turn) -> Sequence[Choice]:
    """ "Register" in the menu of someone not registered ("Continue" when they began)."""
    if await turn.seller() is not None:
        return ()
    paused = turn.dialogue.flow == REGISTRATION
    return (Choice(callbacks.menu("start"), key="menu-continue" if paused else "menu-register"),)


FEATURE = Feature(
    "registration",
    flows=(registration,),
    commands=(Command("start", start, listed=True, help="help-cmd-start"),),
    menu=(register_entry,),
)
