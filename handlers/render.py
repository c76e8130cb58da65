"""Turns replies into channel-neutral messages in the user's language, fitted to what the
channel can show (chat/capabilities.py): text cut at a line break to its length, labels to
their short forms, too many choices into pages or a list or several messages, and in words what
it cannot carry (a "share my number" key, a file type)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any, Protocol

from chat import callbacks
from chat.capabilities import UNLIMITED, Capabilities
from chat.markup import Markup, plain
from chat.outbound import Button, Document, Outbound
from chat.replies import Choice, Reply
from services.text import explain_terms

# The most a message may hold on any channel (Telegram's 4096 characters, in UTF-16 units):
# texts people write for others (announcements) are measured against it.
TEXT_LIMIT = 4096
ELLIPSIS = "…"


class Catalogue(Protocol):
    def text(self, locale: str, key: str, args: Mapping[str, Any] | None = None) -> str: ...

    def short(self, locale: str, key: str, args: Mapping[str, Any] | None = None) -> str | None:
        """A message's short form (its ``.short`` attribute), for narrow buttons."""
        ...

    def terms(self, locale: str) -> Sequence[tuple[tuple[str, ...], str]]:
        """Terms a reader may not know, each with its written forms and a short explanation."""
        ...


class Renderer:
    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue

    def _args(self, args: Mapping[str, Any], locale: str) -> dict[str, Any]:
        """Nested replies are rendered first and passed on as markup, not escaped again."""
        return {
            name: Markup(self.text(value, locale)) if isinstance(value, Reply) else value
            for name, value in args.items()
        }

    def text(self, reply: Reply, locale: str) -> str:
        locale = reply.locale or locale
        args = self._args(reply.args, locale)
        pieces = [self.catalogue.text(locale, reply.key, args)] if reply.key else []
        pieces.extend(self.text(part, locale) for part in reply.parts)
        return "\n".join(piece for piece in pieces if piece)

    def label(self, choice: Choice, locale: str, limit: int | None = None) -> str:
        """A button's words as plain text, in its short form where the full one is too long."""
        if not choice.key:
            text = choice.text or choice.value
        else:
            args = self._args(choice.args, locale)
            text = plain(self.catalogue.text(locale, choice.key, args))
            if limit is not None and len(text) > limit:
                short = self.catalogue.short(locale, choice.key, args)
                text = plain(short) if short else text
        if limit is not None and len(text) > limit:
            text = text[: max(limit - 1, 1)].rstrip() + ELLIPSIS
        return text

    def outbound(
        self,
        reply: Reply,
        chat_id: int | str,
        locale: str,
        capabilities: Capabilities = UNLIMITED,
    ) -> list[Outbound]:
        """The reply as the messages this channel can show (one, almost always)."""
        caps = capabilities
        locale = reply.locale or locale
        parts = list(reply.parts)
        if reply.request_contact and not caps.contact_request:
            parts.append(Reply("contact-type-instead"))
        document = None
        if reply.attachment is not None:
            a = reply.attachment
            if caps.documents is None or a.mime_type in caps.documents:
                document = Document(a.filename, a.content, a.mime_type, a.path)
            else:
                parts.append(Reply("file-not-here", {"name": a.filename}))
        text = self.text(replace(reply, parts=tuple(parts)), locale)
        if reply.explain:
            text = explain_terms(text, self.catalogue.terms(locale))
        text = fit(text, caps)
        choices = [c for row in reply.choices for c in row if _fits(c.value, caps)]
        contact = (
            self.catalogue.text(locale, "btn-share-phone")
            if reply.request_contact and caps.contact_request
            else None
        )
        first = Outbound(
            chat_id=chat_id,
            text=text,
            request_contact=contact,
            remove_keyboard=reply.remove_keyboard,
            document=document,
            photos=reply.photos[: max(caps.album, 1)],
            list_label=self.label(Choice("", key="btn-list-open"), locale, caps.label_limit)
            if caps.list_rows
            else "",
        )
        if len(choices) <= caps.buttons:
            return [replace(first, buttons=self._rows(reply.choices, caps, locale))]
        if caps.list_rows and len(choices) <= caps.list_rows:
            return [replace(first, buttons=self._column(choices, caps, locale), as_list=True)]
        listed = caps.list_rows > caps.buttons
        if reply.pageable:
            size = caps.list_rows if listed else caps.buttons
            buttons = self._page(choices, reply.page, size, caps, locale)
            return [replace(first, buttons=buttons, as_list=listed)]
        return self._several(first, choices, caps, locale)

    # --- buttons ------------------------------------------------------------------------------

    def _button(self, choice: Choice, caps: Capabilities, locale: str) -> Button:
        return Button(self.label(choice, locale, caps.label_limit), choice.value)

    def _rows(
        self, rows: Sequence[Sequence[Choice]], caps: Capabilities, locale: str
    ) -> tuple[tuple[Button, ...], ...]:
        """The reply's own layout, rows split where the channel shows fewer side by side."""
        laid: list[tuple[Button, ...]] = []
        for row in rows:
            kept = [self._button(c, caps, locale) for c in row if _fits(c.value, caps)]
            for start in range(0, len(kept), max(caps.per_row, 1)):
                laid.append(tuple(kept[start : start + caps.per_row]))
        return tuple(row for row in laid if row)

    def _column(
        self, choices: Sequence[Choice], caps: Capabilities, locale: str
    ) -> tuple[tuple[Button, ...], ...]:
        return tuple((self._button(c, caps, locale),) for c in choices)

    def _page(
        self, choices: Sequence[Choice], page: int, size: int, caps: Capabilities, locale: str
    ) -> tuple[tuple[Button, ...], ...]:
        """One page of the choices and a "more" button for the next (the last page goes back
        to the first), for a question that can be asked again with another page."""
        room = max(size - 1, 1)
        pages = -(-len(choices) // room)
        page = page % pages
        shown = choices[page * room : (page + 1) * room]
        more = Choice(
            callbacks.MORE.data((page + 1) % pages),
            key="btn-more-choices",
            args={"page": page + 1, "pages": pages},
        )
        return self._column([*shown, more], caps, locale)

    def _several(
        self, first: Outbound, choices: Sequence[Choice], caps: Capabilities, locale: str
    ) -> list[Outbound]:
        """The choices over as many messages as it takes (a list that cannot be paged): list
        menus where the channel has them, else as many buttons as a message holds."""
        listed = caps.list_rows > caps.buttons
        room = max(caps.list_rows if listed else caps.buttons, 1)
        messages = []
        for start in range(0, len(choices), room):
            buttons = self._column(choices[start : start + room], caps, locale)
            if start == 0:
                messages.append(replace(first, buttons=buttons, as_list=listed))
            else:
                more = fit(self.catalogue.text(locale, "choices-continued"), caps)
                messages.append(
                    Outbound(
                        chat_id=first.chat_id,
                        text=more,
                        buttons=buttons,
                        as_list=listed,
                        list_label=first.list_label,
                    )
                )
        return messages


def joined(messages: Sequence[Outbound], caps: Capabilities) -> list[Outbound]:
    """One message per step: a plain message ("✓ saved") goes on top of the one after it (the
    next question) where that one has room and no picture, so a step answers once, not twice.
    A message that removes the reply keyboard joins only one without buttons (a message holds
    one keyboard)."""
    out: list[Outbound] = []
    for message in messages:
        if out and _joins(out[-1], message, caps):
            first = out.pop()
            message = replace(
                message,
                text=f"{first.text}\n\n{message.text}",
                remove_keyboard=message.remove_keyboard or first.remove_keyboard,
            )
        out.append(message)
    return out


def _joins(first: Outbound, then: Outbound, caps: Capabilities) -> bool:
    plain_first = (
        not (first.buttons or first.request_contact or first.document or first.photos)
        and first.template is None
    )
    room = caps.length(first.text) + 2 + caps.length(then.text) <= caps.text_limit
    keyboard_ok = not first.remove_keyboard or not (then.buttons or then.request_contact)
    return (
        plain_first
        and room
        and keyboard_ok
        and not then.photos
        and then.document is None
        and then.template is None
        and first.chat_id == then.chat_id
    )


def fit(text: str, caps: Capabilities) -> str:
    """Cut a message to the channel's length at a line break, so no tag or entity is cut
    (our messages close their tags on the line that opens them)."""
    limit = caps.text_limit
    if caps.length(text) <= limit:
        return text
    kept: list[str] = []
    used = 2  # the closing "\n…"
    for line in text.split("\n"):
        size = caps.length(line) + 1
        if used + size > limit:
            break
        kept.append(line)
        used += size
    return "\n".join(kept) + "\n" + ELLIPSIS


def _fits(data: str, caps: Capabilities) -> bool:
    return 0 < len(data.encode("utf-8")) <= caps.payload_limit
