"""A burst of the same unexpected message gets one answer, not one each (issue 16)."""

from __future__ import annotations

import pytest

from handlers import router as router_module
from tests.chat import ChatUser


async def test_the_same_sticker_three_times_is_answered_once(seller: ChatUser) -> None:
    await seller.says("/start")  # the language question, with buttons
    before = len(seller.sent)
    for _ in range(3):
        await seller.sends("sticker")
    assert len(seller.sent) - before == 1, [o.text for o in seller.sent[before:]]
    # Something else is answered at once, and so is the sticker after it.
    await seller.says("hello")
    await seller.sends("sticker")
    assert len(seller.sent) - before == 3


async def test_the_same_message_later_is_answered_again(
    seller: ChatUser, monkeypatch: pytest.MonkeyPatch
) -> None:
    await seller.says("/start")
    await seller.sends("sticker")
    before = len(seller.sent)
    monkeypatch.setattr(router_module, "REPEAT_WINDOW", 0.0)  # as if the moment had passed
    await seller.sends("sticker")
    assert len(seller.sent) - before == 1


async def test_an_answer_that_moves_on_is_never_held_back(seller: ChatUser) -> None:
    """The same words typed twice where each moves the conversation: both are answered."""
    await seller.says("/start")
    await seller.presses("বাংলা")
    await seller.presses("আমি রাজি")
    before = len(seller.sent)
    await seller.says("রিনা দাস")  # the name
    await seller.says("রিনা দাস")  # the business name: the same words, another question
    assert len(seller.sent) - before == 2
