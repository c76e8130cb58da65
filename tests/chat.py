"""A test client that talks to the router as a user would: says, presses, shares, sends."""

from __future__ import annotations

import itertools
import re

from chat.inbound import Inbound, Media
from chat.outbound import Outbound
from content import locale_or_default
from handlers.router import Router
from storage.db import Database

_update_ids = itertools.count(1)
_TAGS = re.compile(r"<[^>]+>")


class FileShelf:
    """Files users "uploaded", by id: the router fetches them as it would from Telegram."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.fetched: list[str] = []

    def put(self, data: bytes) -> str:
        file_id = f"file-{len(self.files) + 1}"
        self.files[file_id] = data
        return file_id

    async def fetch(self, media: Media) -> bytes:
        self.fetched.append(media.file_id)
        return self.files[media.file_id]


CHANNEL = "test"


class ChatUser:
    """A user of the test channel. Unless ``seated`` is False, their identity is made before
    their first message, with our user id equal to the number they write as, so that a test
    can name them in the database (a newcomer on a real channel gets a fresh id instead)."""

    def __init__(
        self,
        router: Router,
        user_id: int,
        language_code: str | None = "bn",
        shelf: FileShelf | None = None,
        *,
        seated: bool = True,
    ) -> None:
        self.router = router
        self.user_id = user_id
        self.channel = CHANNEL
        self._seat = seated
        self.language_code = language_code
        self.shelf = shelf or FileShelf()
        self.transcript: list[Outbound] = []
        self.last: list[Outbound] = []
        self.sent: list[Outbound] = []  # what the router sent through the channel callback

    async def seat(self) -> None:
        """Make this user's identity (once), with our id equal to their number."""
        if not self._seat:
            return
        self._seat = False
        await seat(self.router.db, self.user_id, self.language_code)

    async def send(self, **fields: object) -> list[Outbound]:
        await self.seat()
        update_id = fields.pop("update_id", None) or next(_update_ids)
        inbound = Inbound(
            channel=self.channel,
            sender=str(self.user_id),
            chat_id=self.user_id,
            update_id=str(update_id),
            language_code=self.language_code,
            **fields,  # type: ignore[arg-type]
        )
        self.last = await self.router.handle(inbound, self._deliver)
        self.transcript += self.last
        return self.last

    async def _deliver(self, outbound: list[Outbound]) -> None:
        self.sent += outbound

    async def says(self, text: str) -> list[Outbound]:
        if text.startswith("/"):
            head, _, args = text[1:].partition(" ")
            return await self.send(kind="command", text=text, command=head.lower(), args=args)
        return await self.send(kind="text", text=text)

    async def presses(self, label: str) -> list[Outbound]:
        """Press the button with this label (exact, else containing it) on the latest keyboard."""
        for out in reversed(self.transcript):
            buttons = [b for row in out.buttons for b in row]
            if not buttons:
                continue
            exact = [b for b in buttons if b.label == label]
            found = exact or [b for b in buttons if label in b.label]
            if not found:
                raise AssertionError(f"no button {label!r}; have {[b.label for b in buttons]}")
            return await self.send(kind="button", button=found[0].data)
        raise AssertionError("no message with buttons so far")

    async def presses_data(self, data: str) -> list[Outbound]:
        return await self.send(kind="button", button=data)

    async def shares_contact(self, phone: str, own: bool = True) -> list[Outbound]:
        owner = self.user_id if own else self.user_id + 1
        return await self.send(kind="contact", contact_phone=phone, contact_sender=str(owner))

    async def sends_photo(
        self,
        data: bytes,
        *,
        album: str | None = None,
        as_file: bool = False,
        size: int | None = None,
    ) -> list[Outbound]:
        file_id = self.shelf.put(data)
        media = Media(file_id=file_id, file_size=size if size is not None else len(data))
        kind = "document" if as_file else "photo"
        return await self.send(kind=kind, media=media, media_group_id=album)

    async def sends(self, kind: str) -> list[Outbound]:
        media = Media(file_id=f"file-{kind}") if kind in ("photo", "document") else None
        return await self.send(kind=kind, media=media)

    # --- what the bot said -----------------------------------------------------------------

    def text(self) -> str:
        """Everything the bot said in answer to the last action, as plain text."""
        return "\n".join(_TAGS.sub("", o.text) for o in self.last)

    def html(self) -> str:
        return "\n".join(o.text for o in self.last)

    def buttons(self) -> list[str]:
        for out in reversed(self.last):
            if out.buttons:
                return [b.label for row in out.buttons for b in row]
        return []

    def button_data(self) -> list[str]:
        for out in reversed(self.last):
            if out.buttons:
                return [b.data for row in out.buttons for b in row]
        return []


async def seat(db: Database, user_id: int, language_code: str | None = "bn") -> None:
    """A test-channel identity for ``user_id`` whose user has that same id (see ChatUser)."""
    async with db.transaction() as repo:
        if await repo.users.find(CHANNEL, str(user_id)) is None:
            await repo.users.touch(user_id, language_code, locale_or_default(language_code))
            await repo.users.attach(CHANNEL, str(user_id), user_id)


async def our_id(db: Database, external_id: int | str, channel: str = "telegram") -> int:
    """Our user id of someone who wrote on a channel (a newcomer gets a fresh one)."""
    async with db.transaction() as repo:
        found = await repo.users.find(channel, str(external_id))
    assert found is not None, f"{channel}:{external_id} never wrote"
    return found


def text_update(user_id: int, update_id: int, text: str, language_code: str = "en") -> Inbound:
    """A text message as one update, for tests that hand the same update to several routers."""
    return Inbound(
        channel=CHANNEL,
        sender=str(user_id),
        chat_id=user_id,
        update_id=str(update_id),
        language_code=language_code,
        kind="text",
        text=text,
    )


async def at_the_name_question(router: Router, user_id: int) -> ChatUser:
    """A newcomer who chose English and agreed: the registration now asks their name."""
    user = ChatUser(router, user_id, language_code="en")
    await user.says("/start")
    await user.presses("English")
    await user.presses("I agree")
    assert "name" in user.text().lower()
    return user
