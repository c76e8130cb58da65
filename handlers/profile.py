"""/profile: the stored profile, and a button per field to change just that one."""

from __future__ import annotations

from chat import callbacks
from chat.replies import Choice, Reply, rows
from flows.registration import PROFILE, PROFILE_STEPS, answers_from, profile_edit
from handlers.feature import Audience, Button, Command, Feature, MenuEntry, Role
from handlers.turn import Turn


async def show(turn: Turn, args: str) -> None:
    seller = await turn.seller()
    assert seller is not None  # the dispatcher lets only sellers in
    if turn.dialogue.active:
        turn.dialogue.pause()
    answers = answers_from(seller)
    lines = []
    for step in PROFILE_STEPS:
        value = answers.get(step.name)
        shown = step.show(value, turn.ctx) if step.show and value else None
        key = "summary-line" if shown else "summary-line-empty"
        assert step.label is not None
        lines.append(Reply(key, {"label": Reply(step.label), "value": shown or ""}))
    buttons = [
        Choice(
            callbacks.EDIT_FIELD.data(step.name),
            key="btn-edit-field",
            args={"field": Reply(step.label or "")},
        )
        for step in PROFILE_STEPS
    ]
    turn.say(Reply("profile-card", parts=tuple(lines), choices=rows(buttons, 2)))


async def edit_field(turn: Turn, parts: tuple[str, ...]) -> None:
    seller = await turn.seller()
    step = next((s for s in PROFILE_STEPS if (s.name,) == parts), None)
    if seller is None or step is None:
        turn.say(Reply("error-stale-button"))
        await turn.dialogue.reprompt()
        return
    turn.dialogue.start(PROFILE, answers=answers_from(seller), at=step.name, data={"single": True})


FEATURE = Feature(
    "profile",
    flows=(profile_edit,),
    commands=(Command("profile", show, role=Role.SELLER, listed=True, help="help-cmd-profile"),),
    buttons=(Button((callbacks.EDIT_FIELD,), edit_field, role=Role.SELLER),),
    menu=(MenuEntry("profile", "menu-profile", Audience.SELLER),),
)
