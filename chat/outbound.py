"""What the bot sends, as every channel takes it, and how a send can fail."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime

from chat.capabilities import Capabilities
from chat.pacing import Pacer


@dataclass(frozen=True, slots=True)
class Button:
    """An inline button: a label to show and a short payload (≤ 64 bytes) to send back."""

    label: str
    data: str


@dataclass(frozen=True, slots=True)
class Document:
    """A file to send, e.g. the /mydata JSON export: bytes, or a file on disk."""

    filename: str
    content: bytes = b""
    mime_type: str = "application/octet-stream"
    path: str | None = None


@dataclass(frozen=True, slots=True)
class Outbound:
    """One message to send. ``text`` is in the markup (chat/markup.py): what users typed is
    escaped; each channel renders it its own way."""

    chat_id: int | str  # the channel's address of the chat
    text: str
    buttons: tuple[tuple[Button, ...], ...] = ()
    request_contact: str | None = None  # label of a one-time "share my number" key
    remove_keyboard: bool = False
    document: Document | None = None
    photos: tuple[str, ...] = ()  # image files: one is sent with text as caption, more as an album
    as_list: bool = False  # the buttons are one list menu (a channel with few buttons a message)
    list_label: str = ""  # the words on the button that opens the list menu
    # (outbox kind, locale) of a message sent unasked: where a channel takes only pre-approved
    # templates at that moment (WhatsApp, 24 hours after the user last wrote), that kind's.
    template: tuple[str, str] | None = None
    tag: str | None = None  # ours, given back with the channel's delivery reports ("outbox:12")
    # When the recipient last wrote on this channel, where known (the outbox's messages): a
    # channel with a reply window (WhatsApp) sends a template at once when it has closed.
    last_seen: datetime | None = None


class DeliveryError(Exception):
    """A message could not be delivered; the subclass says what to do about it."""


class RateLimited(DeliveryError):
    """429: too many requests; wait ``retry_after`` seconds. ``per_chat``: too many to this one
    chat (WhatsApp's pair rate), so only this chat waits, not every send."""

    def __init__(self, retry_after: float, message: str = "", *, per_chat: bool = False) -> None:
        super().__init__(message or f"retry after {retry_after}")
        self.retry_after = float(retry_after)
        self.per_chat = per_chat


class Blocked(DeliveryError):
    """The user blocked the bot, or the chat is gone."""


class Transient(DeliveryError):
    """Timeout, connection reset, 5xx, malformed answer: may work later."""


class Rejected(DeliveryError):
    """400: our message is wrong; retrying won't help."""


# Sends one message and returns its message id; raises the DeliveryError classes above.
Deliver = Callable[[Outbound], Awaitable[int]]


@dataclass(frozen=True, slots=True)
class Delivery:
    """How messages nobody is waiting for (the outbox) reach one channel: what it can show,
    and how to send there."""

    deliver: Deliver
    capabilities: Capabilities
    # The platform's pace for messages nobody waits for: messages per second (None: the
    # sender's own rate, within Telegram's), seconds between sends to one chat, and how many
    # messages of one row may go back to back before that interval applies.
    rate: float | None = None
    chat_interval: float | None = None
    chat_burst: int = 1
    # How many of the platform's messages one Outbound becomes (a photo and its text are two
    # on WhatsApp): what it takes of the rate. None: one.
    cost: Callable[[Outbound], int] | None = None
    # The channel's one pace, shared with the replies (chat/pacing.py): the outbox takes its
    # slots after the replies'. None: the outbox's own limits only.
    pacer: Pacer | None = None
