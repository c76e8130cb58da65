"""What flows answer with: message keys and choices, never finished text (handlers render them)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Choice:
    """A button: a label (a message key, or literal content text such as a district name) and
    a short payload. The payload must stay well under Telegram's 64-byte limit."""

    value: str
    key: str | None = None
    text: str | None = None
    args: Mapping[str, Any] = field(default_factory=dict)


Rows = tuple[tuple[Choice, ...], ...]


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file to send: bytes in memory, or a file on disk (exports can be large)."""

    filename: str
    content: bytes = b""
    mime_type: str = "application/json"
    path: str | None = None


@dataclass(frozen=True, slots=True)
class Reply:
    """One message. ``parts`` (rendered and joined by newlines) come after ``key``'s text."""

    key: str | None = None
    args: Mapping[str, Any] = field(default_factory=dict)
    choices: Rows = ()
    parts: tuple[Reply, ...] = ()
    request_contact: bool = False
    remove_keyboard: bool = False
    attachment: Attachment | None = None
    locale: str | None = None  # render in this locale instead of the user's (e.g. after /delete)
    photos: tuple[str, ...] = ()  # image files to show with this message (one: its caption)
    # The choices may be shown a page at a time (a "more" button asks the question again with
    # the next page) where a channel cannot show them all; otherwise they go in several messages.
    pageable: bool = False
    page: int = 0
    # Explain each term (content/locales/*/terms.ftl: IEC, LUT, AD code…) where it first appears.
    explain: bool = False


def rows(choices: list[Choice], per_row: int = 1) -> Rows:
    """Lay buttons out ``per_row`` to a row: one per row reads best on a small phone."""
    return tuple(tuple(choices[i : i + per_row]) for i in range(0, len(choices), per_row))
