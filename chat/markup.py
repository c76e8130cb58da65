"""The one small markup of everything the bot says, which each channel renders its own way.

A message is plain text in which ``&``, ``<`` and ``>`` are written ``&amp;``, ``&lt;`` and
``&gt;``, and which may hold two things more:

- ``<b>…</b>``: bold (a title, a name to notice);
- ``<a href="https://…">…</a>``: a link.

Nothing else (no italics, no nesting of a tag in itself). Locale files are written in it and
every argument is escaped into it (``escape``), so a seller's ``<b>`` is text, never markup.
Channels render it: Telegram as HTML (it is valid Telegram HTML as it stands), WhatsApp as
``*bold*`` and "text (link)", the console as plain text (``plain``). The renderer measures
and cuts messages in markup, which is never shorter than what any channel shows.
"""

from __future__ import annotations

import html
import re

_TAG = re.compile(r'<(/?)(b|a)(?: href="([^"<>]*)")?>')
_ANY_TAG = re.compile(r"<[^>]*>")


class Markup(str):
    """Text already in the markup (rendered from our own messages): never escaped again."""


def escape(text: str) -> str:
    """Plain text (a name, a typed answer) as markup: it shows exactly as typed."""
    return html.escape(text, quote=False)


def bold(text: str) -> Markup:
    return Markup(f"<b>{escape(text)}</b>")


def plain(markup: str) -> str:
    """What the markup says, without the markup: tags dropped, entities read."""
    return html.unescape(_ANY_TAG.sub("", markup))


def whatsapp(markup: str) -> str:
    """WhatsApp's own formatting: ``*bold*``, a link's address written after its text."""
    links: list[str] = []

    def render(match: re.Match[str]) -> str:
        closing, name, href = match.groups()
        if name == "b":
            return "*"
        if not closing:
            links.append(href or "")
            return ""
        return f" ({html.unescape(links.pop())})" if links else ""

    return html.unescape(_TAG.sub(render, markup))


def problems(markup: str) -> list[str]:
    """What is wrong with a piece of markup (an unknown tag, a tag left open or not opened,
    a stray ``<`` or ``&``): empty when it is fine."""
    found: list[str] = []
    open_tags: list[str] = []
    position = 0
    for match in _ANY_TAG.finditer(markup):
        _stray(markup[position : match.start()], found)
        position = match.end()
        known = _TAG.fullmatch(match.group(0))
        if known is None:
            found.append(f"unknown tag {match.group(0)!r}")
            continue
        closing, name, href = known.groups()
        if closing:
            if not open_tags or open_tags[-1] != name:
                found.append(f"</{name}> without <{name}>")
            else:
                open_tags.pop()
        elif name in open_tags:
            found.append(f"<{name}> inside <{name}>")
        elif name == "a" and not (href or "").startswith(("https://", "http://")):
            found.append("a link without an http(s) address")
        else:
            open_tags.append(name)
    _stray(markup[position:], found)
    found += [f"<{name}> not closed" for name in open_tags]
    return found


_ENTITY = re.compile(r"&(amp|lt|gt|quot|#\d+|#x[0-9a-fA-F]+);")


def _stray(text: str, found: list[str]) -> None:
    if "<" in text or ">" in text:
        found.append(f"an unescaped < or > in {text[:40]!r}")
    if "&" in _ENTITY.sub("", text):
        found.append(f"an unescaped & in {text[:40]!r}")
