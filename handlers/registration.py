"""/start: registration for a newcomer, where they stopped for one who paused, the menu for a
seller; coordinators and administrators without a seller profile get their console."""

from __future__ import annotations

from collections.abc import Sequence

from chat import callbacks
from chat.replies import Choice, Reply
from flows.registration import REGISTRATION, registration
from handlers.feature import Button, Command, Feature
from handlers.turn import Turn
from services import places
from services.ids import check_mobile
from storage.records import SellerRecord


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
        await begin(turn)
        return
    turn.say(Reply("welcome-back", {"name": seller.name}), await turn.dialogue.menu())


async def begin(turn: Turn) -> None:
    """A newcomer: when their channel vouches for their number (WhatsApp) and a seller with
    that number registered on another channel, they are offered that profile; otherwise
    registration starts."""
    other = await _same_number(turn)
    if other is None:
        turn.dialogue.start(REGISTRATION)
        return
    turn.say(
        Reply(
            "link-offer",
            {"name": other.name, "district": places.district_name(other.district, turn.locale)},
            choices=(
                (Choice(callbacks.LINK_YES.data(), key="btn-link-yes"),),
                (Choice(callbacks.LINK_NO.data(), key="btn-link-no"),),
            ),
        )
    )


async def _same_number(turn: Turn) -> SellerRecord | None:
    """The seller registered elsewhere under the number this channel vouches for, if this
    user is not a seller and that seller cannot be reached on this channel yet."""
    phone = turn.inbound.sender_phone
    if phone is None or await turn.seller() is not None:
        return None
    checked = check_mobile(phone)
    if not checked.ok:
        return None
    for user_id in await turn.repo.reports.find_by_phone(checked.value):
        if user_id == turn.user_id:
            continue
        channels = {channel for channel, _ in await turn.repo.users.identities(user_id)}
        if turn.inbound.channel not in channels:
            return await turn.repo.sellers.get(user_id)
    return None


async def link_yes(turn: Turn, _: tuple[str, ...]) -> None:
    """One profile on both channels: this identity now reaches the seller, the newcomer goes."""
    other = await _same_number(turn)
    if other is None:  # pressed twice, or the profile went meanwhile
        turn.say(Reply("error-stale-button"))
        await turn.dialogue.reprompt()
        return
    await turn.repo.users.merge_into(turn.user_id, other.user_id)
    await turn.repo.audit.write(other.user_id, other.user_id, "link", turn.inbound.channel)
    turn.ctx.state = None
    turn.say(
        Reply(
            "link-done",
            {"name": other.name},
            choices=((Choice(callbacks.menu("menu"), key="btn-link-menu"),),),
        )
    )


async def link_no(turn: Turn, _: tuple[str, ...]) -> None:
    if await turn.seller() is not None or turn.dialogue.flow == REGISTRATION:
        await turn.dialogue.reprompt()
        return
    turn.dialogue.start(REGISTRATION)


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
    buttons=(
        Button((callbacks.LINK_YES,), link_yes),
        Button((callbacks.LINK_NO,), link_no),
    ),
    menu=(register_entry,),
)
