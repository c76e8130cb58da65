"""What a user did, as every channel reports it: typed, pressed, shared or sent."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Literal

InboundKind = Literal[
    "text",
    "command",
    "button",
    "contact",
    "photo",
    "document",
    "sticker",
    "voice",
    "video",
    "location",
    "edit",  # a message the user changed after sending it (its new text in ``text``)
    "other",
]


@dataclass(frozen=True, slots=True)
class Media:
    """A file the user sent; only ids and metadata, the bytes are fetched on demand."""

    file_id: str
    file_size: int | None = None
    mime_type: str | None = None
    file_name: str | None = None
    width: int | None = None
    height: int | None = None
    local_path: str | None = None  # console channel: a file on this machine


@dataclass(frozen=True, slots=True)
class Inbound:
    """One thing a user did: typed, pressed, shared or sent."""

    channel: str  # "telegram", "whatsapp", "console", …
    sender: str  # who, as the channel knows them: a Telegram id, a WhatsApp number
    chat_id: int | str  # where to answer, as the channel addresses it
    kind: InboundKind
    update_id: str | None = None  # the channel's id of this update (for de-duplication)
    text: str | None = None
    command: str | None = None  # without the slash, lower case
    args: str = ""
    button: str | None = None  # callback data
    callback_id: str | None = None
    contact_phone: str | None = None
    contact_sender: str | None = None  # whose contact it is, as the channel knows them
    media: Media | None = None
    media_group_id: str | None = None
    language_code: str | None = None
    message_id: int | None = None
    sender_phone: str | None = None  # the user's own number, where the channel vouches for it
    # Another id the channel knows the sender by (WhatsApp's business-scoped user id beside
    # the number): it reaches the same user when the number is withheld.
    sender_alias: str | None = None


class FileTooBig(Exception):
    """The platform will not hand the file over (Telegram bots: 20 MB)."""


# Fetches the bytes of a file a user sent; given to the router by the channel.
FetchMedia = Callable[[Media], Awaitable[bytes]]
