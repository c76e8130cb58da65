"""Routing: an Inbound becomes a command, a button, or an answer to the active flow.

One transaction per update: the update id is claimed, the user and their conversation are
read, the flow moves, the new state is written, all or nothing. Replies are rendered in the
user's language after the state change is decided.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Collection
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from chat.inbound import FetchMedia, FileTooBig, Inbound
from chat.outbound import Outbound
from chat.replies import Choice, Reply
from content import LOCALES
from flows.broadcasts import LONG_TEXT_STEPS
from flows.delete import deletion
from flows.eligibility import eligibility
from flows.engine import Answer, Engine, FlowContext
from flows.product import product, product_delete
from flows.registration import REGISTRATION, profile_edit, registration
from handlers import broadcasts, checks, commands, coordinators, orders, products, trainings
from handlers.broadcasts import is_stop_word
from handlers.locks import UserLocks
from handlers.render import Catalogue, Renderer
from services import photos
from services.access import Viewer, viewer_for
from services.text import clean, clean_lines
from storage.db import APPLICATION_NAME, Database
from storage.records import UserRecord
from storage.unit import Repo

log = logging.getLogger(__name__)

# Feature modules that declare their flows, commands and buttons (see handlers/trainings.py).
FEATURES = (trainings, orders, broadcasts, coordinators)
FEATURE_BUTTONS = {kind: handler for module in FEATURES for kind, handler in module.BUTTONS.items()}
# Longer typed answers are cut before any parsing: no answer we ask for is near this long.
MAX_INPUT = 1000
# ... except an announcement, which may fill a Telegram message.
MAX_LONG_INPUT = 4096
# Telegram delivers an album as separate updates within about a second; answer it once,
# this long after its last photo.
ALBUM_QUIET = 1.2
# Replied update ids are written with the first update a second after the last write (or
# after 200), and at stop.
REPLIED_BATCH, REPLIED_EVERY = 200, 1.0


class LanguageGuess(Protocol):
    lang: str | None
    confident: bool


LanguageDetector = Callable[[str], LanguageGuess]
Sender = Callable[[list[Outbound]], Awaitable[None]]


@dataclass(slots=True)
class _PendingAlbum:
    group: str
    outbound: list[Outbound]
    send: Sender | None
    timer: asyncio.TimerHandle


@dataclass(slots=True)
class Turn:
    """One update being handled."""

    inbound: Inbound
    repo: Repo
    user: UserRecord
    ctx: FlowContext
    admin_ids: Collection[int]
    upload: dict[str, Any] | None = None
    replies: list[Reply] = field(default_factory=list)
    # Slow work (building files) that runs after the commit, outside the transaction.
    later: list[Callable[[], Awaitable[list[Reply]]]] = field(default_factory=list)
    _viewer: Viewer | None = None

    async def viewer(self) -> Viewer:
        if self._viewer is None:
            self._viewer = await viewer_for(self.repo, self.user.user_id, self.admin_ids)
        return self._viewer


class Router:
    def __init__(
        self,
        db: Database,
        catalogue: Catalogue,
        detect_language: LanguageDetector,
        admin_ids: Collection[int] = frozenset(),
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        data_dir: Path = Path("data"),
        fetch_media: FetchMedia | None = None,
        image_base_url: str = "",
    ) -> None:
        self.db = db
        self.renderer = Renderer(catalogue)
        self.detect_language = detect_language
        self.admin_ids = frozenset(admin_ids)
        self.clock = clock
        self.data_dir = data_dir
        self.fetch_media = fetch_media
        self.image_base_url = image_base_url
        self.engine = Engine(
            [
                registration,
                profile_edit,
                deletion,
                product,
                product_delete,
                eligibility,
                *(flow for module in FEATURES for flow in module.FLOWS),
            ]
        )
        self.locks = UserLocks()
        self._albums: dict[int, _PendingAlbum] = {}
        # Update ids whose replies went out, written to the database in batches (once a
        # second at most): a lost batch only means a redelivery gets the question again.
        self._replied: set[int] = set()
        self._replied_written = time.monotonic()
        self.process = db.process  # which claims are this run's

    def exports_dir(self) -> Path:
        path = self.data_dir / "exports"
        path.mkdir(parents=True, exist_ok=True)
        return path

    async def handle(self, inbound: Inbound, send: Sender | None = None) -> list[Outbound]:
        """Handle one update and send its replies, in order, before the user's next update is
        looked at. Never raises for anything a user can send."""
        async with self.locks.hold(inbound.user_id):
            pending = self._albums.pop(inbound.user_id, None)
            if pending is not None:
                pending.timer.cancel()
                if pending.group != inbound.media_group_id and pending.send is not None:
                    await pending.send(pending.outbound)  # the album is over: answer it first
            upload = await self._prepare_upload(inbound)
            outbound, deferred = await self._handle_safely(inbound, upload)
            if deferred and inbound.media_group_id:
                self._defer_album(inbound, outbound, send)
            elif send is not None and outbound:
                await send(outbound)
        if inbound.update_id is not None and (outbound or deferred):  # not an ignored repeat
            await self._note_replied(inbound.update_id)
        return outbound

    async def _unanswered(self, repo: Repo, update_id: int) -> bool:
        """A claimed update whose handler died before its replies went out: not marked
        replied, and claimed by another process that is gone — on SQLite an earlier run of
        this one; on PostgreSQL one with no session open any more (a live worker may be
        sending the replies right now)."""
        if update_id in self._replied:
            return False
        claim = await repo.updates.claimed(update_id)
        if claim is None or claim.replied or claim.process in (None, self.process):
            return False
        if repo.dialect == "sqlite":
            return True
        return not await repo.updates.claimer_alive(f"{APPLICATION_NAME} {claim.process}")

    async def _note_replied(self, update_id: int) -> None:
        self._replied.add(update_id)
        if (
            len(self._replied) >= REPLIED_BATCH
            or time.monotonic() - self._replied_written >= REPLIED_EVERY
        ):
            await self._write_replied()

    async def _write_replied(self) -> None:
        ids, self._replied = self._replied, set()
        self._replied_written = time.monotonic()
        if not ids:
            return
        try:
            async with self.db.transaction() as repo:
                await repo.updates.mark_replied(ids)
        except Exception:  # a redelivery of one of them gets the question again; no harm
            log.warning("could not record %d replied updates", len(ids), exc_info=True)

    def _defer_album(self, inbound: Inbound, outbound: list[Outbound], send: Sender | None) -> None:
        user_id, group = inbound.user_id, inbound.media_group_id or ""
        loop = asyncio.get_running_loop()
        timer = loop.call_later(
            ALBUM_QUIET, lambda: asyncio.ensure_future(self._flush_album(user_id, group))
        )
        self._albums[user_id] = _PendingAlbum(group, outbound, send, timer)

    async def _flush_album(self, user_id: int, group: str) -> None:
        async with self.locks.hold(user_id):
            pending = self._albums.get(user_id)
            if pending is None or pending.group != group:
                return
            del self._albums[user_id]
            if pending.send is not None:
                await pending.send(pending.outbound)

    async def flush(self) -> None:
        """Send every album answer still waiting, and record what was answered (at shutdown)."""
        for user_id, pending in list(self._albums.items()):
            pending.timer.cancel()
            await self._flush_album(user_id, pending.group)
        await self._write_replied()

    async def _prepare_upload(self, inbound: Inbound) -> dict[str, Any] | None:
        """Fetch, check and store a photo before the transaction, when a photo is wanted.

        Downloading and checking take a while; doing it outside the transaction keeps the
        database free for everyone else meanwhile.
        """
        if inbound.kind not in ("photo", "document") or inbound.media is None:
            return None
        async with self.db.transaction() as repo:
            state = await repo.conversations.get(inbound.user_id)
        flow = self.engine.flow_of(state)
        step = flow.step(state.step) if flow and state and state.active else None
        if step is None or not (step.media or step.raw_document):
            return None
        if step.raw_document and inbound.kind != "document":
            return None
        assert state is not None
        media = inbound.media
        if media.file_size and media.file_size > photos.MAX_BYTES:
            return {"error": "too_big"}
        if self.fetch_media is None:
            return {"error": "download_failed"}
        try:
            data = await self.fetch_media(media)
        except FileTooBig:
            return {"error": "too_big"}
        except Exception:
            log.warning("could not download a file from user %s", inbound.user_id, exc_info=True)
            return {"error": "download_failed"}
        if step.raw_document:
            return {"bytes": data, "name": media.file_name, "mime_type": media.mime_type}
        main = not state.data.get("photo_count")
        check = await asyncio.to_thread(photos.check_photo, data, main=main)
        if not check.usable:
            return {"error": check.problems[0] if check.problems else "unreadable"}
        digest, path = await asyncio.to_thread(photos.store_photo, self.data_dir, data)
        await asyncio.to_thread(photos.ensure_thumbnail, path)
        return {
            "hash": digest,
            "path": str(path),
            "width": check.width,
            "height": check.height,
            "problems": list(check.problems),
        }

    async def mark_blocked(self, user_id: int) -> None:
        """The user blocked the bot: remember it so nobody sends to them again."""
        async with self.db.transaction() as repo:
            await repo.users.set_blocked(user_id, True)

    async def _handle_safely(
        self, inbound: Inbound, upload: dict[str, Any] | None = None
    ) -> tuple[list[Outbound], bool]:
        try:
            async with self.db.transaction() as repo:
                replies, locale, deferred, later = await self._handle(repo, inbound, upload)
            for job in later:
                replies += await job()
            # Rendering waits for the commit: nothing is said that was not stored.
            return [self.renderer.outbound(r, inbound.chat_id, locale) for r in replies], deferred
        except Exception:
            # Only ids and the kind: message text may hold personal data.
            log.exception(
                "update %s (%s) from user %s failed",
                inbound.update_id,
                inbound.kind,
                inbound.user_id,
            )
            locale = inbound.language_code if inbound.language_code in LOCALES else "bn"
            return [self.renderer.outbound(Reply("error-internal"), inbound.chat_id, locale)], False

    async def _handle(
        self, repo: Repo, inbound: Inbound, upload: dict[str, Any] | None
    ) -> tuple[list[Reply], str, bool, list[Callable[[], Awaitable[list[Reply]]]]]:
        """Move the user's state for one update; returns the replies, the locale to use and
        whether the answer waits for the rest of an album."""
        # First the user's lock (other workers' updates of this user wait for our commit),
        # then the update id: a redelivery to another worker then finds it claimed.
        await repo.users.serialise(inbound.user_id)
        again = inbound.update_id is not None and not await repo.updates.claim(
            inbound.update_id, inbound.user_id, self.process
        )
        if again:
            assert inbound.update_id is not None
            if not await self._unanswered(repo, inbound.update_id):
                log.info("update %s seen before; ignored", inbound.update_id)
                return [], "bn", False, []
            # Handled, but its replies never went out (the process died between the commit
            # and the send): not handled twice, but told where they are now.
            log.info("update %s seen before, unanswered; asking again", inbound.update_id)
        default = inbound.language_code if inbound.language_code in LOCALES else "bn"
        user, state = await repo.users.load(inbound.user_id, inbound.language_code, default)
        if user.blocked_at is not None:  # they are back: sending works again
            await repo.users.set_blocked(inbound.user_id, False)
        ctx = FlowContext(
            repo=repo,
            user_id=inbound.user_id,
            locale=user.locale,
            now=self.clock(),
            label=self.renderer.label,
            state=state,
            is_admin=inbound.user_id in self.admin_ids,
            language_code=inbound.language_code,
        )
        turn = Turn(inbound, repo, user, ctx, self.admin_ids, upload=upload)
        if again:
            await self.reprompt(turn)
        else:
            await self._route(turn)
        if ctx.state is not None:
            await repo.conversations.save(ctx.state)
        elif state is not None:
            await repo.conversations.delete(inbound.user_id)
        return turn.replies, ctx.locale, ctx.defer_reply, [*turn.later, *ctx.later]

    # --- routing ------------------------------------------------------------------------

    async def _route(self, turn: Turn) -> None:
        inbound = turn.inbound
        if inbound.kind == "command":
            await commands.run(self, turn, inbound.command or "", clean(inbound.args)[:MAX_INPUT])
        elif inbound.kind == "button":
            await self._button(turn, inbound.button or "")
        elif (
            inbound.kind == "text"
            and is_stop_word(inbound.text or "")
            and not (self.active(turn) and self._long_text(turn))
        ):  # "বন্ধ" / "STOP" at any moment, even mid-flow, works like /stop
            await commands.run(self, turn, "stop", "")
        elif self.active(turn):
            answer = self._to_answer(inbound, turn.upload, self._long_text(turn))
            await self._answer(turn, answer)
        else:
            await self._idle(turn)

    def active(self, turn: Turn) -> bool:
        state = turn.ctx.state
        return state is not None and state.active and self.engine.flow_of(state) is not None

    def _long_text(self, turn: Turn) -> bool:
        """Steps that take a whole announcement, line breaks and all."""
        state = turn.ctx.state
        return state is not None and (state.flow, state.step) in LONG_TEXT_STEPS

    def _to_answer(
        self, inbound: Inbound, upload: dict[str, Any] | None, long_text: bool = False
    ) -> Answer:
        if inbound.kind == "contact":
            own = inbound.contact_user_id in (None, inbound.user_id)
            return Answer(phone=inbound.contact_phone, contact_is_own=own)
        if inbound.kind == "text" and long_text:
            return Answer(text=clean_lines(inbound.text or "")[:MAX_LONG_INPUT] or None)
        if inbound.kind == "text":
            return Answer(text=clean(inbound.text or "")[:MAX_INPUT] or None)
        return Answer(media=inbound.kind, upload=upload, album=inbound.media_group_id)

    async def _answer(self, turn: Turn, answer: Answer) -> None:
        step = self.engine.current(turn.ctx)
        turn.replies += await self.engine.answer(turn.ctx, answer)
        if answer.text and step is not None and step.language_signal:
            await self._maybe_offer_language(turn, answer.text)

    async def _idle(self, turn: Turn) -> None:
        """A message while no flow is active."""
        inbound = turn.inbound
        seller = await turn.repo.sellers.get(turn.user.user_id)
        registering = turn.ctx.state is not None and turn.ctx.state.flow == REGISTRATION
        # A newcomer is registered; staff are not pushed into a seller's registration.
        if seller is None and not registering and not (await turn.viewer()).is_staff:
            turn.replies += self.engine.start(turn.ctx, REGISTRATION)
            return
        turn.replies.append(Reply("idle-not-understood"))
        turn.replies.append(await commands.menu(self, turn))
        if inbound.kind == "text" and inbound.text:
            await self._maybe_offer_language(turn, clean(inbound.text)[:MAX_INPUT])

    async def _button(self, turn: Turn, data: str) -> None:
        kind, _, rest = data.partition(":")
        if kind == "f":
            flow_name, _, rest = rest.partition(":")
            step, _, value = rest.partition(":")
            state = turn.ctx.state
            if (
                self.active(turn)
                and state is not None
                and state.flow == flow_name
                and state.step == step
            ):
                await self._answer(turn, Answer(value=value))
                return
        elif kind == "lang":
            await commands.set_language(self, turn, rest)
            return
        elif kind == "menu":
            await commands.run(self, turn, rest, "")
            return
        elif kind == "edit":
            await commands.edit_field(self, turn, rest)
            return
        elif kind == "prod":
            await products.button(self, turn, rest)
            return
        elif kind == "elig":
            await checks.button(self, turn, rest)
            return
        elif (handler := FEATURE_BUTTONS.get(kind)) is not None:
            await handler(self, turn, rest)
            return
        turn.replies.append(Reply("error-stale-button"))
        await self.reprompt(turn)

    async def reprompt(self, turn: Turn) -> None:
        """Repeat the current question, or show the menu when there is none."""
        if self.active(turn):
            turn.replies += self.engine.prompt(turn.ctx)
        else:
            turn.replies.append(await commands.menu(self, turn))

    async def _maybe_offer_language(self, turn: Turn, text: str) -> None:
        """Offer once to switch when a sentence is clearly in another of our languages."""
        if turn.user.lang_offered:
            return
        guess = self.detect_language(text)
        if not guess.confident or guess.lang is None or guess.lang == turn.ctx.locale:
            return
        await turn.repo.users.mark_lang_offered(turn.user.user_id)
        turn.user.lang_offered = True
        # Written in the detected language: the person who wrote it reads it.
        turn.replies.append(
            Reply(
                "lang-offer",
                {"language": Reply(f"lang-name-{guess.lang}")},
                choices=(
                    (
                        Choice(
                            f"lang:{guess.lang}",
                            key="btn-lang-switch",
                            args={"language": Reply(f"lang-name-{guess.lang}")},
                        ),
                    ),
                    (
                        Choice(
                            "lang:keep",
                            key="btn-lang-keep",
                            args={"language": Reply(f"lang-name-{turn.ctx.locale}")},
                        ),
                    ),
                ),
                locale=guess.lang,
            )
        )
