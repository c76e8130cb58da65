"""Turns flow replies into channel messages in the user's language."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any, Protocol

from chat.outbound import Button, Document, Outbound
from chat.replies import Choice, Reply
from services.text import utf16_length

# Telegram's limits (Bot API: sendMessage text 1-4096 characters, callback_data 1-64 bytes).
TEXT_LIMIT = 4096
CALLBACK_LIMIT = 64


class Catalogue(Protocol):
    def text(self, locale: str, key: str, args: Mapping[str, Any] | None = None) -> str: ...

    def safe(self, html: str) -> str:
        """Mark rendered HTML so that it is not escaped again as an argument."""
        ...


class Renderer:
    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue

    def _args(self, args: Mapping[str, Any], locale: str) -> dict[str, Any]:
        """Nested replies are rendered first and passed on as safe HTML."""
        return {
            name: self.catalogue.safe(self.text(value, locale))
            if isinstance(value, Reply)
            else value
            for name, value in args.items()
        }

    def text(self, reply: Reply, locale: str) -> str:
        locale = reply.locale or locale
        args = self._args(reply.args, locale)
        pieces = [self.catalogue.text(locale, reply.key, args)] if reply.key else []
        pieces.extend(self.text(part, locale) for part in reply.parts)
        return "\n".join(piece for piece in pieces if piece)

    def label(self, choice: Choice, locale: str) -> str:
        if choice.key:
            # Labels are plain text on the button, not HTML: undo the argument escaping.
            return html.unescape(
                self.catalogue.text(locale, choice.key, self._args(choice.args, locale))
            )
        return choice.text or choice.value

    def outbound(self, reply: Reply, chat_id: int, locale: str) -> Outbound:
        locale = reply.locale or locale
        text = fit(self.text(reply, locale), TEXT_LIMIT)
        buttons = tuple(
            tuple(Button(self.label(c, locale), c.value) for c in row if _fits(c.value))
            for row in reply.choices
        )
        document = None
        if reply.attachment is not None:
            a = reply.attachment
            document = Document(a.filename, a.content, a.mime_type, a.path)
        contact = self.catalogue.text(locale, "btn-share-phone") if reply.request_contact else None
        return Outbound(
            chat_id=chat_id,
            text=text,
            buttons=tuple(row for row in buttons if row),
            request_contact=contact,
            remove_keyboard=reply.remove_keyboard,
            document=document,
            photos=reply.photos,
        )


def fit(text: str, limit: int) -> str:
    """Cut a rendered message to Telegram's limit at a line break, so no tag or entity is cut
    (our messages close their tags on the line that opens them)."""
    if utf16_length(text) <= limit:
        return text
    kept: list[str] = []
    used = 2  # the closing "\n…"
    for line in text.split("\n"):
        size = utf16_length(line) + 1
        if used + size > limit:
            break
        kept.append(line)
        used += size
    return "\n".join(kept) + "\n…"


def _fits(data: str) -> bool:
    return 0 < len(data.encode("utf-8")) <= CALLBACK_LIMIT
