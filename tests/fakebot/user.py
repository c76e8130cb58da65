"""A simulated Telegram user, so end-to-end tests read like a conversation with the bot."""

from __future__ import annotations

import asyncio
import itertools
import re
import time
from collections.abc import Callable
from typing import Any

from .server import FakeBotApi, Message, utf16_len

_ids = itertools.count(1)
_COMMAND = re.compile(r"/[A-Za-z0-9_]{1,32}(@[A-Za-z0-9_]{3,32})?")


def _uid(prefix: str) -> str:
    return f"{prefix}{next(_ids):010d}"


class FakeUser:
    """One private-chat user; every action waits until the bot has answered and gone quiet
    (expect_reply=False: until the update is confirmed; None: it does not wait at all)."""

    def __init__(
        self,
        api: FakeBotApi,
        user_id: int = 1001,
        first_name: str = "Rina",
        language_code: str | None = "bn",
        *,
        last_name: str | None = None,
        username: str | None = None,
        timeout: float = 10.0,
        quiet: float = 0.15,
    ) -> None:
        self.api, self.id, self.first_name = api, user_id, first_name
        self.last_name, self.username, self.language_code = last_name, username, language_code
        self.timeout, self.quiet = timeout, quiet
        self.last_update_id: int | None = None
        self.last_query_id: str | None = None
        self._mark = time.monotonic()
        self._actions: list[str] = []
        api.add_chat(self.chat)

    # ---------------------------------------------------------------- identity

    @property
    def user(self) -> dict[str, Any]:
        """The Telegram User object (message.from / callback_query.from)."""
        data: dict[str, Any] = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        for key in ("last_name", "username", "language_code"):
            if (value := getattr(self, key)) is not None:
                data[key] = value
        return data

    @property
    def chat(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "type": "private", "first_name": self.first_name}
        for key in ("last_name", "username"):
            if (value := getattr(self, key)) is not None:
                data[key] = value
        return data

    def make_message(self, **content: Any) -> dict[str, Any]:
        """A Telegram Message from this user with the given content fields (fresh message_id)."""
        return {
            "message_id": self.api.next_message_id(self.id),
            "from": self.user,
            "chat": self.chat,
            "date": int(time.time()),
            **content,
        }

    # ---------------------------------------------------------------- actions

    async def says(self, text: str, *, expect_reply: bool | None = True) -> list[Message]:
        """Send a text message; a leading /command gets its bot_command entity like Telegram."""
        content: dict[str, Any] = {"text": text}
        if match := _COMMAND.match(text):
            content["entities"] = [
                {"type": "bot_command", "offset": 0, "length": utf16_len(match.group())}
            ]
        return await self._act(
            f"says {text!r}", [{"message": self.make_message(**content)}], expect_reply
        )

    async def sends(self, *, expect_reply: bool | None = True, **content: Any) -> list[Message]:
        """Any other message, e.g. ``sends(location={"latitude": 22.57, "longitude": 88.36})``."""
        update = {"message": self.make_message(**content)}
        return await self._act(f"sends {sorted(content)}", [update], expect_reply)

    async def presses(self, label: str, *, expect_reply: bool | None = True) -> list[Message]:
        """Press the button labelled `label` (exact, else substring) on the latest keyboard."""
        msg = next((m for m in reversed(self.messages) if m.inline_keyboard), None)
        if msg is None:
            raise AssertionError(f"no inline keyboard to press {label!r} on\n{self._tail()}")
        buttons = [b for row in msg.inline_keyboard for b in row]
        found = [b for b in buttons if b.get("text") == label] or [
            b for b in buttons if label in b.get("text", "")
        ]
        if len(found) != 1:
            problem = "no button" if not found else "ambiguous button"
            raise AssertionError(f"{problem} {label!r}; available: {msg.buttons}\n{self._tail()}")
        if "callback_data" not in found[0]:
            raise AssertionError(f"button {found[0]['text']!r} has no callback_data: {found[0]}")
        return await self._press(found[0]["callback_data"], msg, f"presses {label!r}", expect_reply)

    async def presses_data(
        self, data: str, message_id: int | None = None, *, expect_reply: bool | None = True
    ) -> list[Message]:
        """A raw (possibly forged) callback. Unknown message_id -> an inaccessible message."""
        if message_id is None:
            msg = next((m for m in reversed(self.messages) if m.inline_keyboard), None)
            msg = msg or (self.messages[-1] if self.messages else None)
        else:
            msg = self.api.find_message(self.id, message_id)
        return await self._press(data, msg, f"presses_data {data!r}", expect_reply, message_id)

    async def shares_contact(
        self, phone: str, own: bool = True, *, expect_reply: bool | None = True
    ) -> list[Message]:
        """Share a contact; own=False shares somebody else's (contact.user_id != from.id)."""
        contact: dict[str, Any] = {
            "phone_number": phone,
            "first_name": self.first_name if own else "Somebody",
            "user_id": self.id if own else self.id + 1_000_000,
        }
        if own and self.last_name:
            contact["last_name"] = self.last_name
        update = {"message": self.make_message(contact=contact)}
        return await self._act(f"shares contact {phone!r}", [update], expect_reply)

    async def sends_photo(
        self,
        data: bytes,
        caption: str | None = None,
        media_group_id: str | None = None,
        width: int = 1280,
        height: int = 960,
        *,
        expect_reply: bool | None = True,
    ) -> list[Message]:
        """Send a photo (two PhotoSize entries, largest last, both serving `data`)."""
        update = {"message": self._photo_message(data, caption, media_group_id, width, height)}
        return await self._act(f"sends photo ({len(data)} bytes)", [update], expect_reply)

    async def sends_album(
        self, photos: list[bytes], caption: str | None = None, *, expect_reply: bool | None = True
    ) -> list[Message]:
        """Send several photos as one media group (caption on the first) and wait once."""
        group = _uid("")
        updates = [
            {"message": self._photo_message(d, caption if i == 0 else None, group, 1280, 960)}
            for i, d in enumerate(photos)
        ]
        return await self._act(f"sends album of {len(photos)}", updates, expect_reply)

    async def sends_document(
        self,
        data: bytes,
        file_name: str,
        mime_type: str = "application/octet-stream",
        *,
        caption: str | None = None,
        file_size: int | None = None,
        expect_reply: bool | None = True,
    ) -> list[Message]:
        """Send a file; file_size may claim more than len(data) to test the 20 MB limit."""
        stored = self.api.add_file(
            _uid("BQAC"), data, f"documents/{file_name}", file_size=file_size
        )
        document = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_name": file_name,
            "mime_type": mime_type,
            "file_size": stored.file_size,
        }
        content: dict[str, Any] = {"document": document}
        if caption is not None:
            content["caption"] = caption
        update = {"message": self.make_message(**content)}
        return await self._act(f"sends document {file_name!r}", [update], expect_reply)

    async def sends_sticker(
        self, emoji: str = "👍", *, expect_reply: bool | None = True
    ) -> list[Message]:
        stored = self.api.add_file(_uid("CAAC"), b"RIFF\x00\x00\x00\x00WEBPVP8 ", "stickers/s.webp")
        sticker = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": emoji,
            "file_size": stored.file_size,
        }
        update = {"message": self.make_message(sticker=sticker)}
        return await self._act("sends sticker", [update], expect_reply)

    async def sends_voice(
        self,
        data: bytes = b"OggS\x00\x02" + bytes(64),
        duration: int = 3,
        *,
        expect_reply: bool | None = True,
    ) -> list[Message]:
        stored = self.api.add_file(_uid("AwAC"), data, f"voice/{_uid('v')}.oga")
        voice = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "duration": duration,
            "mime_type": "audio/ogg",
            "file_size": stored.file_size,
        }
        update = {"message": self.make_message(voice=voice)}
        return await self._act("sends voice", [update], expect_reply)

    async def redelivers(
        self, update_id: int | None = None, *, expect_reply: bool | None = True
    ) -> list[Message]:
        """Telegram hands the bot an update again with the same update_id (default: the last)."""
        update_id = update_id if update_id is not None else self.last_update_id
        if update_id is None:
            raise AssertionError("nothing to redeliver yet")
        return await self._act(f"redelivery of update {update_id}", [update_id], expect_reply)

    async def settle(self) -> list[Message]:
        """Wait for the bot to go quiet (e.g. after a scheduled job); returns what changed."""
        self._mark = time.monotonic()
        self._actions.append("waits")
        await self._wait(lambda: True, "waits", [])
        return self.replies_since_last()

    # ---------------------------------------------------------------- observations

    @property
    def messages(self) -> list[Message]:
        """Bot messages in this chat, oldest first (deleted ones left out)."""
        return [m for m in self.api.transcript(self.id) if not m.deleted]

    def last_message(self) -> str:
        """What the user sees in the latest bot message (text, or caption for files)."""
        if not self.messages:
            raise AssertionError(f"the bot has not said anything to {self.first_name}")
        return self.messages[-1].content

    def replies_since_last(self) -> list[Message]:
        """Bot messages sent or edited since the last action began."""
        return sorted(
            (m for m in self.messages if m.changed_at >= self._mark), key=lambda m: m.message_id
        )

    def buttons(self) -> list[str]:
        """Labels of the latest inline keyboard."""
        msg = next((m for m in reversed(self.messages) if m.inline_keyboard), None)
        return msg.buttons if msg else []

    def reply_keyboard(self) -> list[list[dict[str, Any]]] | None:
        """Rows of the reply keyboard currently shown (None after ReplyKeyboardRemove)."""
        for msg in reversed(self.api.transcript(self.id)):
            markup = msg.reply_markup or {}
            if "keyboard" in markup:
                return [
                    [b if isinstance(b, dict) else {"text": b} for b in row]
                    for row in markup["keyboard"]
                ]
            if markup.get("remove_keyboard"):
                return None
        return None

    def last_document(self) -> Message | None:
        return next((m for m in reversed(self.messages) if m.kind == "document"), None)

    def callback_answer(self) -> dict[str, Any] | None:
        """The bot's answerCallbackQuery params for the last press (text, show_alert), if any."""
        return self.api.callback_answers.get(self.last_query_id or "")

    # ---------------------------------------------------------------- internals

    def _photo_message(
        self, data: bytes, caption: str | None, group: str | None, width: int, height: int
    ) -> dict[str, Any]:
        big = self.api.add_file(_uid("AgAC"), data, f"photos/{_uid('p')}.jpg")
        small = self.api.add_file(_uid("AgAC"), data, f"photos/{_uid('p')}.jpg")
        scale = min(1.0, 320 / max(width, height, 1))
        sizes = [
            (small, max(1, round(width * scale)), max(1, round(height * scale))),
            (big, width, height),
        ]
        photo = [
            {
                "file_id": f.file_id,
                "file_unique_id": f.file_unique_id,
                "width": w,
                "height": h,
                "file_size": f.file_size,
            }
            for f, w, h in sizes
        ]
        content: dict[str, Any] = {"photo": photo}
        if caption is not None:
            content["caption"] = caption
        if group is not None:
            content["media_group_id"] = group
        return self.make_message(**content)

    async def _press(
        self,
        data: str,
        msg: Message | None,
        what: str,
        expect_reply: bool | None,
        message_id: int | None = None,
    ) -> list[Message]:
        query: dict[str, Any] = {
            "id": _uid("cb"),
            "from": self.user,
            "chat_instance": f"ci{self.id}",
            "data": data,
        }
        if msg is not None:
            query["message"] = self.api.message_json(msg)
        elif message_id is not None:  # Telegram's InaccessibleMessage has date 0
            query["message"] = {"message_id": message_id, "chat": self.chat, "date": 0}
        self.last_query_id = query["id"]
        return await self._act(what, [{"callback_query": query}], expect_reply)

    async def _act(
        self, what: str, updates: list[dict[str, Any] | int], expect_reply: bool | None
    ) -> list[Message]:
        self._actions.append(what)
        self._mark = time.monotonic()
        baseline = self.api.reply_count(self.id)
        ids = []
        for update in updates:
            if isinstance(update, int):
                ids.append(await self.api.redeliver(update))
            else:
                ids.append(await self.api.push_update(update))
        self.last_update_id = ids[-1]
        if expect_reply is None:  # only hand the update over (the bot may be held up)
            return []
        if expect_reply:
            await self._wait(lambda: self.api.reply_count(self.id) > baseline, what, ids)
        else:
            await self._wait(lambda: all(map(self.api.is_confirmed, ids)), what, ids)
        return self.replies_since_last()

    async def _wait(self, ready: Callable[[], bool], what: str, ids: list[int]) -> None:
        """Poll until `ready()` holds, then until the chat has been quiet for `self.quiet`."""
        start = time.monotonic()
        ready_at: float | None = None
        while True:
            now = time.monotonic()
            if ready_at is None and ready():
                ready_at = now
            if (
                ready_at is not None
                and now - max(ready_at, self.api.last_activity(self.id)) >= self.quiet
            ):
                return
            if now - start > self.timeout:
                state = "no reply" if ready_at is None else "the bot never went quiet"
                raise AssertionError(
                    f"{self.first_name} ({self.id}) {what}: {state} within {self.timeout}s "
                    f"(updates {ids})\n{self._tail()}"
                )
            await asyncio.sleep(0.01)

    def _tail(self, n: int = 6) -> str:
        lines = [f"  user: {a}" for a in self._actions[-3:]]
        for m in self.api.transcript(self.id)[-n:]:
            flag = " [deleted]" if m.deleted else ""
            lines.append(f"  bot #{m.message_id}{flag}: {m.content[:200]!r} buttons={m.buttons}")
        for v in self.api.violations[-3:]:
            lines.append(f"  violation: {v.method}: {v.description}")
        failed = [r for r in self.api.requests if r.status != 200][-3:]
        lines += [f"  failed request: {r.method} {r.status} {r.description}" for r in failed]
        return "transcript tail:\n" + "\n".join(lines)
