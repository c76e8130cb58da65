"""What Telegram's Bot API accepts, checked on the channel-neutral Outbound before any channel
sends it: the fuzz and forged-input tests assert every answer of the bot against these rules."""

from __future__ import annotations

from collections.abc import Iterable
from html.parser import HTMLParser

from bot.channels.telegram import CAPTION_LIMIT
from chat.outbound import Outbound
from tests.fakebot import parse_html, utf16_len

TEXT_LIMIT = 4096  # sendMessage text, UTF-16 code units after entity parsing
CALLBACK_LIMIT = 64  # callback_data, bytes
KEYBOARD_LIMIT = 100  # buttons in one inline keyboard
ROW_LIMIT = 8  # buttons in one row


class _Links(HTMLParser):
    """The <a> tags of a text: Telegram needs an href on each (parse_html accepts none)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.without_href = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a" and not dict(attrs).get("href"):
            self.without_href += 1


def _html_problems(text: str, limit: int, what: str, *, may_be_empty: bool) -> list[str]:
    try:
        plain, _ = parse_html(text)  # allowed tags only, balanced, strict escaping
    except ValueError as exc:
        return [f"{what}: HTML parse mode would fail: {exc}"]
    links = _Links()
    links.feed(text)
    links.close()
    found = []
    if links.without_href:
        found.append(f"{what}: <a> without href")
    if not may_be_empty and not plain.strip():
        found.append(f"{what}: empty after entity parsing")
    if utf16_len(plain) > limit:
        found.append(f"{what}: {utf16_len(plain)} UTF-16 units, limit {limit}")
    return found


def problems(out: Outbound) -> list[str]:
    """Every reason Telegram would refuse (or silently mangle) this message; [] when none.

    Mirrors what bot/channels/telegram.py sends (keep the two in step): a document takes the
    text as its caption, cut at CAPTION_LIMIT characters; one photo takes it as caption when
    it is at most CAPTION_LIMIT UTF-16 units long; else the text goes as a message of its
    own. Telegram counts both limits in UTF-16 code units after entity parsing."""
    found: list[str] = []
    if out.document is not None:
        caption = out.text[:CAPTION_LIMIT]
        found += _html_problems(caption, CAPTION_LIMIT, "document caption", may_be_empty=True)
        if caption != out.text:
            found.append(f"document caption of {len(out.text)} characters is cut")
        if out.buttons:
            found.append("buttons on a document are never sent")
    elif len(out.photos) == 1 and utf16_len(out.text) <= CAPTION_LIMIT:
        found += _html_problems(out.text, CAPTION_LIMIT, "photo caption", may_be_empty=True)
    elif out.text or not out.photos:
        found += _html_problems(out.text, TEXT_LIMIT, "text", may_be_empty=False)
    if len(out.photos) > 10:
        found.append(f"{len(out.photos)} photos; an album holds 10")
    count = 0
    for row in out.buttons:
        if not row:
            found.append("an empty keyboard row")
        if len(row) > ROW_LIMIT:
            found.append(f"{len(row)} buttons in a row")
        for button in row:
            count += 1
            if not button.label.strip():
                found.append(f"button {button.data!r} has no text")
            size = len(button.data.encode("utf-8"))
            if not 1 <= size <= CALLBACK_LIMIT:
                found.append(f"callback_data {button.data!r} is {size} bytes")
    if count > KEYBOARD_LIMIT:
        found.append(f"{count} buttons in one keyboard")
    if out.request_contact is not None and not out.request_contact.strip():
        found.append("the share-contact key has no text")
    return found


def assert_valid(outbound: Iterable[Outbound], chat_id: int | None = None) -> None:
    """Fail with every problem of every message, and the message, when any is invalid."""
    bad = []
    for out in outbound:
        found = problems(out)
        if chat_id is not None and str(out.chat_id) != str(chat_id):
            found.append(f"sent to chat {out.chat_id}, not {chat_id}")
        if found:
            bad.append(f"{found}\n  in {out.text[:300]!r}")
    assert not bad, "invalid for the Bot API:\n" + "\n".join(bad)
