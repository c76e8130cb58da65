"""Console channel: chat with the bot in a terminal (or a script) through the same router."""

from __future__ import annotations

import asyncio
import contextlib
import html
import itertools
import json
import re
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TextIO

from chat.inbound import Inbound, Media
from chat.outbound import Button, Outbound

Handle = Callable[[Inbound, Callable[[list[Outbound]], Awaitable[None]]], Awaitable[object]]
_TAGS = re.compile(r"<[^>]+>")
CHANNEL = "console"


def plain(text: str) -> str:
    """HTML for Telegram → readable terminal text."""
    return html.unescape(_TAGS.sub("", text))


class ConsoleChannel:
    """Reads lines from standard input; a number presses the button with that number. The
    buttons of one answer are numbered on from message to message, so each number on the screen
    means one button; they are kept in ``state_file`` so a number still works after a restart."""

    def __init__(
        self,
        handle: Handle,
        user_id: int = 1,
        language_code: str | None = None,
        stdin: TextIO | None = None,
        stdout: TextIO | None = None,
        state_file: Path | None = None,
    ) -> None:
        self.handle = handle
        self.user_id = user_id
        self.language_code = language_code
        self.stdin = stdin or sys.stdin
        self.stdout = stdout or sys.stdout
        self.state_file = state_file
        self.buttons: list[Button] = self._load_buttons()
        self._ids = itertools.count(1)

    def _load_buttons(self) -> list[Button]:
        if self.state_file is None:
            return []
        try:
            saved = json.loads(self.state_file.read_text(encoding="utf-8"))
            return [Button(str(b["label"]), str(b["data"])) for b in saved["buttons"]]
        except (OSError, ValueError, KeyError, TypeError):
            return []  # none yet, or unreadable: numbers are text until buttons are shown

    def _save_buttons(self) -> None:
        if self.state_file is None:
            return
        saved = {"buttons": [{"label": b.label, "data": b.data} for b in self.buttons]}
        # A read-only directory: the numbers just do not survive a restart.
        with contextlib.suppress(OSError):
            self.state_file.write_text(json.dumps(saved, ensure_ascii=False), encoding="utf-8")

    def write(self, text: str) -> None:
        self.stdout.write(text + "\n")
        self.stdout.flush()

    async def show(self, messages: list[Outbound], fresh: bool = True) -> None:
        """An answer's messages; ``fresh``: its buttons replace the earlier ones (a reminder
        arriving in between adds its own, numbered on)."""
        if fresh and any(out.buttons for out in messages):
            self.buttons = []
        for out in messages:
            self.write("")
            self.write(plain(out.text))
            if out.buttons:
                first = len(self.buttons) + 1
                self.buttons += [button for row in out.buttons for button in row]
                for number, button in enumerate(self.buttons[first - 1 :], first):
                    self.write(f"  [{number}] {button.label}")
                self._save_buttons()
            if out.request_contact:
                self.write(f"  ({out.request_contact}: /contact NUMBER)")
            for path in out.photos:
                self.write(f"  🖼 {path}")
            if out.document is not None:
                doc = out.document
                if doc.path:
                    self.write(f"  📎 {doc.path}")
                else:
                    self.write(f"  📎 {doc.filename} ({len(doc.content)} bytes)")
                    self.write(doc.content.decode("utf-8", "replace"))

    async def deliver(self, out: Outbound) -> int:
        """The outbox's send: a reminder or broadcast for this console user is shown here;
        one for anyone else is only announced (there is no one else on a terminal)."""
        if str(out.chat_id) == str(self.user_id):
            await self.show([out], fresh=False)
        else:
            self.write(f"\n(→ {out.chat_id}) {plain(out.text)[:120]}")
        return next(self._ids)

    @staticmethod
    async def fetch(media: Media) -> bytes:
        """A "photo" in the console is a file on this machine."""
        if not media.local_path:
            raise FileNotFoundError(media.file_id)
        return await asyncio.to_thread(Path(media.local_path).read_bytes)

    def to_inbound(self, line: str) -> Inbound:
        base = {
            "channel": CHANNEL,
            "sender": str(self.user_id),
            "chat_id": str(self.user_id),
            "language_code": self.language_code,
        }
        text = line.strip()
        if text.isdigit() and self.buttons and 1 <= int(text) <= len(self.buttons):
            return Inbound(kind="button", button=self.buttons[int(text) - 1].data, **base)
        if text.startswith("/contact"):
            return Inbound(
                kind="contact",
                contact_phone=text.removeprefix("/contact").strip(),
                contact_sender=str(self.user_id),
                **base,
            )
        if text.startswith("/photo"):
            path = Path(text.removeprefix("/photo").strip()).expanduser()
            size = path.stat().st_size if path.is_file() else None
            media = Media(f"console:{path}", size, None, path.name, local_path=str(path))
            return Inbound(kind="photo", media=media, **base)
        if text.startswith("/"):
            head, _, args = text[1:].partition(" ")
            return Inbound(kind="command", text=text, command=head.lower(), args=args, **base)
        return Inbound(kind="text", text=line.rstrip("\n"), **base)

    async def run(self, banner: str | None = None) -> None:
        if banner:
            self.write(banner)
        interactive = self.stdin.isatty()
        while True:
            if interactive:
                self.stdout.write("\n> ")
                self.stdout.flush()
            line = await asyncio.to_thread(self.stdin.readline)
            if not line:
                break
            if not line.strip():
                continue
            if not interactive:
                self.write(f"\n> {line.rstrip()}")
            await self.handle(self.to_inbound(line), self.show)
