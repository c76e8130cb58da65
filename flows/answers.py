"""The typed answer every flow's text questions share: refused kindly when it is not text, a
command, too long, or without a letter; accepted as typed (NFC, trimmed) otherwise."""

from __future__ import annotations

from typing import Literal

from chat.replies import Reply
from flows.engine import Accept, Answer, Parsed, Reject
from services.text import visible_length

Needs = Literal["letter", "letter_or_digit", "anything"]


def not_text(answer: Answer) -> Reject | None:
    """A photo, sticker, voice note or shared contact where words were asked for."""
    if answer.media:
        return Reject(Reply("error-not-text", {"kind": answer.media}))
    if answer.phone is not None:
        return Reject(Reply("error-not-text", {"kind": "contact"}))
    return None


def free_text(
    answer: Answer,
    limit: int,
    *,
    needs: Needs = "letter_or_digit",
    shortest: int = 1,
    too_long: str = "error-text-long",
    commands: bool = False,
) -> Parsed:
    """The text of an answer, or why it will not do. ``needs``: what it must contain at least
    one of; ``shortest``: fewest visible characters; ``commands``: a "/…" may be the answer."""
    if (refused := not_text(answer)) is not None:
        return refused
    text = answer.text
    if not text:
        return Reject(Reply("error-use-text"))
    if text.startswith("/") and not commands:
        return Reject(Reply("error-command-as-answer"))
    length = visible_length(text)
    if length > limit:
        return Reject(Reply(too_long, {"max": limit}))
    if needs == "letter" and not any(ch.isalpha() for ch in text):
        return Reject(Reply("error-name-letters"))
    if needs == "letter_or_digit" and not any(ch.isalnum() for ch in text):
        return Reject(Reply("error-name-letters"))
    if length < shortest:
        return Reject(Reply("error-name-short"))
    return Accept(text)
