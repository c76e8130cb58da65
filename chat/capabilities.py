"""What a channel can show. Each channel declares its capabilities; the renderer
(handlers/render.py) adapts every message to them, so a new channel is an adapter, not a
rewrite of the screens: more choices than it can show become pages, a list or several messages;
long labels get their short forms; what it cannot carry is said in words instead."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Capabilities:
    text_limit: int  # characters of one message
    caption_limit: int  # characters of a photo's or a document's caption
    buttons: int  # buttons one message may carry
    per_row: int  # buttons side by side
    label_limit: int  # characters of a button's label
    payload_limit: int  # bytes of a button's payload
    list_rows: int = 0  # rows of a list menu (one button that opens a list); 0: none
    contact_request: bool = False  # a "share my number" key
    editing: bool = False  # a sent message can be changed
    album: int = 1  # photos one message may carry
    documents: frozenset[str] | None = None  # MIME types of the files it takes; None: any
    utf16: bool = False  # counts characters in UTF-16 units (Telegram), else code points

    def length(self, text: str) -> int:
        return len(text.encode("utf-16-le")) // 2 if self.utf16 else len(text)


# A channel that shows everything (the console, tests that are not about a channel's limits).
UNLIMITED = Capabilities(
    text_limit=1_000_000,
    caption_limit=1_000_000,
    buttons=1_000,
    per_row=100,
    label_limit=1_000,
    payload_limit=1_000,
    contact_request=True,
    editing=False,
    album=100,
)
