"""The console channel as a person at a terminal uses it: each number on the screen is one
button, and a number typed first after a restart still presses the button last shown."""

from __future__ import annotations

import io
from pathlib import Path

from bot.channels.console import ConsoleChannel
from chat.inbound import Inbound
from chat.outbound import Button, Outbound

DID_YOU_MEAN = Outbound(chat_id="1", text="Did you mean?", buttons=((Button("Purulia", "d:PRL"),),))
DISTRICTS = Outbound(
    chat_id="1",
    text="Which district?",
    buttons=((Button("Alipurduar", "d:APD"),), (Button("Bankura", "d:BNK"),)),
)


def _console(tmp_path: Path, pressed: list[Inbound]) -> tuple[ConsoleChannel, io.StringIO]:
    out = io.StringIO()

    async def handle(inbound: Inbound, show) -> None:  # type: ignore[no-untyped-def]
        pressed.append(inbound)
        if inbound.kind == "text":
            await show([DID_YOU_MEAN, DISTRICTS])

    state = tmp_path / "console-1.json"
    return ConsoleChannel(handle, stdin=io.StringIO(), stdout=out, state_file=state), out


async def test_numbers_run_on_across_the_messages_of_one_answer(tmp_path: Path) -> None:
    pressed: list[Inbound] = []
    console, out = _console(tmp_path, pressed)
    await console.handle(console.to_inbound("Purulya"), console.show)
    screen = out.getvalue()
    assert "[1] Purulia" in screen and "[2] Alipurduar" in screen and "[3] Bankura" in screen
    assert console.to_inbound("1").button == "d:PRL"  # the number shown next to Purulia
    assert console.to_inbound("3").button == "d:BNK"
    assert console.to_inbound("4").kind == "text"  # no such button: it is text


async def test_a_reminder_in_between_numbers_its_buttons_on(tmp_path: Path) -> None:
    console, out = _console(tmp_path, [])
    await console.handle(console.to_inbound("Purulya"), console.show)
    reminder = Outbound(chat_id="1", text="Training!", buttons=((Button("Yes", "trn:yes:1"),),))
    await console.deliver(reminder)
    assert "[4] Yes" in out.getvalue() and console.to_inbound("1").button == "d:PRL"
    assert console.to_inbound("4").button == "trn:yes:1"


async def test_after_a_restart_a_number_still_presses_the_last_buttons(tmp_path: Path) -> None:
    console, _ = _console(tmp_path, [])
    await console.handle(console.to_inbound("Purulya"), console.show)
    again, _ = _console(tmp_path, [])  # the same data directory, a new process
    assert again.to_inbound("2").button == "d:APD"
    (tmp_path / "console-1.json").write_text("not json", encoding="utf-8")
    broken, _ = _console(tmp_path, [])
    assert broken.to_inbound("2").kind == "text"  # unreadable state: nothing is guessed
