"""Routing: an Inbound becomes a command, a button, or an answer to the active flow.

One transaction per update: the update id is claimed, the user and their conversation are
read, the flow moves, its effects are applied, the new state is written, all or nothing.
Commands and buttons are found in the registry of features (handlers/features.py) and the role
each declares is checked here, before its handler runs; staff reads are audited here too.
Replies are rendered in the user's language after the commit.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Any, Protocol

from chat import callbacks
from chat.capabilities import UNLIMITED, Capabilities
from chat.inbound import FetchMedia, FileTooBig, Inbound
from chat.markup import plain
from chat.outbound import Outbound
from chat.replies import Choice, Reply
from content import locale_or_default
from flows.effects import Effect, EffectEnv, Later
from flows.engine import Answer, Engine, FlowContext, Outcome
from flows.registration import REGISTRATION
from handlers.feature import Command, Feature, Role
from handlers.features import FEATURES
from handlers.locks import UserLocks
from handlers.registration import begin as begin_registration
from handlers.registry import Registry
from handlers.render import Catalogue, Renderer, joined
from handlers.turn import Options, Staff, Turn
from services import photos, places
from services.access import scope_of
from services.export_costs import cost_data
from services.exports import DEFAULT_TERMS, MarketTerms
from services.rates import CardRates, RateSource
from services.text import clean, clean_lines
from storage.broadcasts import Segment
from storage.db import APPLICATION_NAME, Database
from storage.unit import Repo

log = logging.getLogger(__name__)

# The id of the user's message the open question refused (state data): an edit of it answers.
REFUSED_MESSAGE = "refused_message"

# Longer typed answers are cut before any parsing: no answer we ask for is near this long.
MAX_INPUT = 1000
# ... except an announcement, which may fill a Telegram message.
MAX_LONG_INPUT = 4096
# Telegram delivers an album as separate updates within about a second; answer it once,
# this long after its last photo.
ALBUM_QUIET = 1.2
# Users whose last answered album, and whose last message and answer, are remembered.
REMEMBERED = 10_000
# The same message again within this many seconds, answered with the same words: not sent
# twice (a seller pressing send five times, five stickers at a question).
REPEAT_WINDOW = 10.0
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


class _Lookups:
    """The reads a flow step may make, on the update's transaction."""

    def __init__(self, repo: Repo) -> None:
        self.repo = repo

    async def coordinator_districts(self, user_id: int) -> frozenset[str]:
        return await self.repo.coordinators.districts_of(user_id)

    async def audience(self, segment: Segment) -> int:
        return await self.repo.broadcasts.count(segment)


class Router:
    def __init__(
        self,
        db: Database,
        catalogue: Catalogue,
        detect_language: LanguageDetector,
        *,
        zone: tzinfo,
        admins: Collection[tuple[str, str]] = frozenset(),
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        data_dir: Path = Path("data"),
        fetch_media: FetchMedia | None = None,
        image_base_url: str = "",
        market: MarketTerms = DEFAULT_TERMS,
        rates: RateSource | None = None,
        features: Sequence[Feature] = FEATURES,
    ) -> None:
        self.db = db
        self.renderer = Renderer(catalogue)
        self.detect_language = detect_language
        self.admins = frozenset(admins)  # (channel, external id) of the administrators
        self.zone = zone
        self.clock = clock
        self.data_dir = data_dir
        self.fetch_media = fetch_media  # the one channel's, or the default
        self.media_fetchers: dict[str, FetchMedia] = {}  # per channel, where there are several
        self.image_base_url = image_base_url
        self.rates: RateSource = rates or CardRates(cost_data())
        self.registry = Registry(features)
        self.engine = Engine(self.registry.flows)
        self.options = Options(
            exports_dir=self.exports_dir,
            image_base_url=image_base_url,
            market=market,
            words=self.words,
        )
        # What each channel can show (a channel adds its own when it is wired up).
        self.capabilities: dict[str, Capabilities] = {}
        self.locks = UserLocks()
        self._albums: dict[tuple[str, str], _PendingAlbum] = {}
        # The last album each user was answered for at once (where no photo was wanted): the
        # rest of its photos get no answer of their own.
        self._answered_albums: dict[tuple[str, str], str] = {}
        self._last_answers: dict[tuple[str, str], tuple[float, object]] = {}
        # Updates whose replies went out, written to the database in batches (once a second
        # at most): a lost batch only means a redelivery gets the question again.
        self._replied: set[tuple[str, str]] = set()
        self._replied_written = time.monotonic()
        self.process = db.process  # which claims are this run's

    def exports_dir(self) -> Path:
        path = self.data_dir / "exports"
        path.mkdir(parents=True, exist_ok=True)
        return path

    def words(self, key: str, locale: str, args: Mapping[str, Any] | None = None) -> str:
        """A message as plain text (a spreadsheet header, a chart label)."""
        return plain(self.renderer.text(Reply(key, args or {}), locale))

    async def handle(self, inbound: Inbound, send: Sender | None = None) -> list[Outbound]:
        """Handle one update and send its replies, in order, before the user's next update is
        looked at. Never raises for anything a user can send."""
        who = (inbound.channel, inbound.sender)
        async with self.locks.hold(who):
            pending = self._albums.pop(who, None)
            if pending is not None:
                pending.timer.cancel()
                if pending.group != inbound.media_group_id and pending.send is not None:
                    await pending.send(pending.outbound)  # the album is over: answer it first
            upload = await self._prepare_upload(inbound)
            outbound, deferred = await self._handle_safely(inbound, upload)
            album = inbound.media_group_id
            if deferred and album:
                self._defer_album(inbound, outbound, send)
            elif album and self._answered_albums.get(who) == album:
                pass  # an album where no photo is wanted: its first photo was answered
            elif self._repeated(who, inbound, outbound):
                pass  # the same message, the same answer, a moment ago: one is enough
            elif send is not None and outbound:
                if album:
                    if len(self._answered_albums) > REMEMBERED:
                        self._answered_albums.clear()  # forgetting one only answers it twice
                    self._answered_albums[who] = album
                await send(outbound)
        if inbound.update_id is not None and (outbound or deferred):  # not an ignored repeat
            await self._note_replied((inbound.channel, inbound.update_id))
        return outbound

    def _repeated(self, who: tuple[str, str], inbound: Inbound, outbound: list[Outbound]) -> bool:
        """Whether this is the same message as the user's last, which got these very words
        less than REPEAT_WINDOW seconds ago (nothing moved: the answer would only repeat)."""
        said = (inbound.kind, inbound.text, inbound.command, inbound.args, tuple(outbound))
        now = time.monotonic()
        last = self._last_answers.get(who)
        if last is not None and last[1] == said and now - last[0] < REPEAT_WINDOW:
            return True
        if len(self._last_answers) > REMEMBERED:
            self._last_answers.clear()  # forgetting one only answers a repeat once more
        self._last_answers[who] = (now, said)
        return False

    async def _unanswered(self, repo: Repo, update_id: tuple[str, str]) -> bool:
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

    async def _note_replied(self, update_id: tuple[str, str]) -> None:
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
        who, group = (inbound.channel, inbound.sender), inbound.media_group_id or ""
        loop = asyncio.get_running_loop()
        timer = loop.call_later(
            ALBUM_QUIET, lambda: asyncio.ensure_future(self._flush_album(who, group))
        )
        self._albums[who] = _PendingAlbum(group, outbound, send, timer)

    async def _flush_album(self, who: tuple[str, str], group: str) -> None:
        async with self.locks.hold(who):
            pending = self._albums.get(who)
            if pending is None or pending.group != group:
                return
            del self._albums[who]
            if pending.send is not None:
                await pending.send(pending.outbound)

    async def flush(self) -> None:
        """Send every album answer still waiting, and record what was answered (at shutdown)."""
        for who, pending in list(self._albums.items()):
            pending.timer.cancel()
            await self._flush_album(who, pending.group)
        await self._write_replied()

    async def _prepare_upload(self, inbound: Inbound) -> dict[str, Any] | None:
        """Fetch, check and store a photo before the transaction, when a photo is wanted.

        Downloading and checking take a while; doing it outside the transaction keeps the
        database free for everyone else meanwhile.
        """
        if inbound.kind not in ("photo", "document") or inbound.media is None:
            return None
        async with self.db.transaction() as repo:
            state = await repo.conversations.of_identity(inbound.channel, inbound.sender)
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
        fetch = self.media_fetchers.get(inbound.channel, self.fetch_media)
        if fetch is None:
            return {"error": "download_failed"}
        try:
            data = await fetch(media)
        except FileTooBig:
            return {"error": "too_big"}
        except Exception:
            log.warning("could not download a file (update %s)", inbound.update_id, exc_info=True)
            return {"error": "download_failed"}
        if step.raw_document:
            return {"bytes": data, "name": media.file_name, "mime_type": media.mime_type}
        main = not state.data.get("photos")
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

    async def mark_blocked_on(self, channel: str, external_id: str) -> None:
        """A channel says this identity blocked the bot (Telegram's "kicked" update)."""
        # What they were last told did not reach them: the same message later is answered.
        self._last_answers.pop((channel, external_id), None)
        async with self.db.transaction() as repo:
            user_id = await repo.users.find(channel, external_id)
            if user_id is not None:
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
            return self.render(replies, inbound, locale), deferred
        except Exception:
            # Only ids and the kind: message text may hold personal data.
            log.exception(
                "update %s:%s (%s) failed", inbound.channel, inbound.update_id, inbound.kind
            )
            locale = locale_or_default(inbound.language_code)
            return self.render([Reply("error-internal")], inbound, locale), False

    def render(self, replies: Sequence[Reply], inbound: Inbound, locale: str) -> list[Outbound]:
        """The replies as messages the inbound's channel can show."""
        caps = self.capabilities.get(inbound.channel, UNLIMITED)
        return joined(
            [
                out
                for reply in replies
                for out in self.renderer.outbound(reply, inbound.chat_id, locale, caps)
            ],
            caps,
        )

    async def _handle(
        self, repo: Repo, inbound: Inbound, upload: dict[str, Any] | None
    ) -> tuple[list[Reply], str, bool, list[Later]]:
        """Move the user's state for one update; returns the replies, the locale to use,
        whether the answer waits for the rest of an album, and the work for after the commit."""
        # First the user's lock (other workers' updates of this user wait for our commit),
        # then who they are, then the update id: a redelivery to another worker then finds it
        # claimed.
        await repo.users.serialise(inbound.channel, inbound.sender)
        default = locale_or_default(inbound.language_code)
        user, state = await repo.users.load(
            inbound.channel, inbound.sender, inbound.language_code, default
        )
        key = (inbound.channel, inbound.update_id) if inbound.update_id is not None else None
        again = key is not None and not await repo.updates.claim(key, user.user_id, self.process)
        if again:
            assert key is not None
            if not await self._unanswered(repo, key):
                log.info("update %s:%s seen before; ignored", *key)
                return [], "bn", False, []
            # Handled, but its replies never went out (the process died between the commit
            # and the send): not handled twice, but told where they are now.
            log.info("update %s:%s seen before, unanswered; asking again", *key)
        if inbound.sender_alias and user.is_new:
            await repo.users.alias(inbound.channel, inbound.sender_alias, user.user_id)
        if user.blocked_at is not None:  # they are back: sending works again
            await repo.users.set_blocked(user.user_id, False)
        admin = (inbound.channel, inbound.sender) in self.admins
        ctx = FlowContext(
            user_id=user.user_id,
            locale=user.locale,
            now=self.clock().astimezone(self.zone),
            zone=self.zone,
            label=self.renderer.label,
            look=_Lookups(repo),
            state=state,
            is_admin=admin,
            language_code=inbound.language_code,
            channel_phone=inbound.sender_phone,
        )
        env = EffectEnv(
            repo,
            user.user_id,
            ctx.now,
            self.zone,
            self.renderer.label,
            ctx.locale,
            rates=self.rates,
        )
        dialogue = Dialogue(self, env)
        turn = Turn(inbound, repo, user, ctx, dialogue, self.options, admin=admin, upload=upload)
        dialogue.turn = turn
        env.later = turn.later
        if again:
            await turn.dialogue.reprompt()
        else:
            await self._route(turn)
        if ctx.state is not None:
            await repo.conversations.save(ctx.state)
        elif state is not None:
            await repo.conversations.delete(user.user_id)
        return turn.replies, ctx.locale, ctx.defer_reply, turn.later

    # --- routing ------------------------------------------------------------------------

    async def _route(self, turn: Turn) -> None:
        inbound = turn.inbound
        dialogue = turn.dialogue
        long_text = self._long_text(turn)
        if inbound.kind == "command":
            await self.run_command(turn, inbound.command or "", clean(inbound.args)[:MAX_INPUT])
        elif inbound.kind == "button":
            await self._button(turn, inbound.button or "")
        elif (
            inbound.kind == "text"
            and not long_text
            and (command := self.registry.command_for_words(inbound.text or "")) is not None
        ):  # "বন্ধ" / "STOP" at any moment, even mid-flow, works like /stop
            await self.run_command(turn, command.name, "")
        elif inbound.kind == "edit":
            await self._edited(turn, long_text)
        elif dialogue.active:
            await self._answer(turn, self._to_answer(inbound, turn.upload, long_text))
        else:
            await self._idle(turn)

    async def _answer(self, turn: Turn, answer: Answer) -> None:
        """An answer to the open question; a typed one the question refused is remembered, so
        that correcting it by editing the message counts as answering again."""
        state = turn.ctx.state
        asked = (state.flow, state.step) if state is not None else None
        await turn.dialogue.answer(answer)
        state = turn.ctx.state
        if state is None:
            return
        refused = asked == (state.flow, state.step) and turn.inbound.kind == "text"
        if refused and turn.inbound.message_id is not None:
            state.data[REFUSED_MESSAGE] = turn.inbound.message_id
        else:
            state.data.pop(REFUSED_MESSAGE, None)

    async def _edited(self, turn: Turn, long_text: bool) -> None:
        """A changed message: the new text answers the open question when the message was the
        answer that question refused; otherwise the edit is not read and the seller is told
        to send it again."""
        state, inbound = turn.ctx.state, turn.inbound
        corrects = (
            turn.dialogue.active
            and state is not None
            and inbound.message_id is not None
            and state.data.get(REFUSED_MESSAGE) == inbound.message_id
            and bool(inbound.text)
        )
        if corrects:
            text = replace(inbound, kind="text")
            await self._answer(turn, self._to_answer(text, None, long_text))
            return
        turn.say(Reply("edit-not-read"))
        if turn.dialogue.active:
            await turn.dialogue.reprompt()

    def _long_text(self, turn: Turn) -> bool:
        """Steps that take a whole announcement, line breaks and all."""
        step = self.engine.current(turn.ctx) if turn.dialogue.active else None
        return step is not None and step.long_text

    def _to_answer(
        self, inbound: Inbound, upload: dict[str, Any] | None, long_text: bool = False
    ) -> Answer:
        if inbound.kind == "contact":
            own = inbound.contact_sender in (None, inbound.sender)
            return Answer(phone=inbound.contact_phone, contact_is_own=own)
        if inbound.kind == "text" and long_text:
            return Answer(text=clean_lines(inbound.text or "")[:MAX_LONG_INPUT] or None)
        if inbound.kind == "text":
            return Answer(text=clean(inbound.text or "")[:MAX_INPUT] or None)
        return Answer(media=inbound.kind, upload=upload, album=inbound.media_group_id)

    async def _idle(self, turn: Turn) -> None:
        """A message while no flow is active."""
        inbound = turn.inbound
        seller = await turn.seller()
        registering = turn.dialogue.flow == REGISTRATION
        # A newcomer is registered; staff are not pushed into a seller's registration.
        if seller is None and not registering and not (await turn.viewer()).is_staff:
            await begin_registration(turn)
            return
        turn.say(Reply("idle-not-understood"), await turn.dialogue.menu())
        if inbound.kind == "text" and inbound.text:
            await self.maybe_offer_language(turn, clean(inbound.text)[:MAX_INPUT])

    async def _button(self, turn: Turn, data: str) -> None:
        prefix, parts = callbacks.split(data)
        dialogue, state = turn.dialogue, turn.ctx.state
        if prefix == callbacks.FLOW:
            flow, step, value = (*parts[:2], ":".join(parts[2:])) if len(parts) >= 3 else ("",) * 3
            if dialogue.active and state is not None and (state.flow, state.step) == (flow, step):
                await dialogue.answer(Answer(value=value))
                return
        elif prefix == callbacks.MENU.prefix and len(parts) == 1:
            await self.run_command(turn, parts[0], "")
            return
        elif prefix == callbacks.MORE.prefix and len(parts) == 1 and parts[0].isdecimal():
            await dialogue.reprompt()  # the same question (or the menu) again, a page on
            page = int(parts[0][:4])
            turn.replies[:] = [replace(r, page=page) if r.pageable else r for r in turn.replies]
            return
        elif (route := self.registry.route(data)) is not None:
            if await self._allowed(turn, route.button.role):
                await route.button.run(turn, route.arguments)
                await self._audit(turn)
            return
        turn.say(Reply("error-stale-button"))
        await dialogue.reprompt()

    async def run_command(self, turn: Turn, name: str, args: str) -> None:
        """A command, typed or from a menu button, once its role allows it."""
        command = self.registry.commands.get(name)
        if command is None:
            turn.say(Reply("unknown-command"))
            await turn.dialogue.reprompt()
            return
        if not await self._allowed(turn, command.role, command, args):
            return
        await command.run(turn, args)
        await self._audit(turn)

    # --- roles, checked once ------------------------------------------------------------

    async def _allowed(
        self, turn: Turn, role: Role, command: Command | None = None, args: str = ""
    ) -> bool:
        """Whether the user holds ``role``; if not, says so politely and asks the current
        question again. Staff get their request's districts (``turn.staff``), the district a
        command names checked against their own."""
        if role == Role.ANYONE:
            return True
        if role == Role.SELLER:
            if await turn.seller() is not None:
                return True
            turn.say(Reply("register-first"))
            await turn.dialogue.reprompt()
            return False
        viewer = await turn.viewer()
        if (role == Role.ADMIN and not viewer.is_admin) or not viewer.is_staff:
            turn.say(Reply("admin-only" if role == Role.ADMIN else "staff-only"))
            await turn.dialogue.reprompt()
            return False
        named = command.district(args).strip() if command and command.district else ""
        districts = scope_of(viewer)
        if named:
            match = places.match_district(named)
            refusal = None
            if match.district is None:
                refusal = Reply("staff-unknown-district")
            elif not viewer.is_admin and match.district.code not in viewer.districts:
                name = match.district.name(turn.locale)
                refusal = Reply("staff-not-your-district", {"district": name})
            if refusal is not None or match.district is None:
                turn.say(refusal or Reply("staff-unknown-district"))
                if command is not None and command.usage:
                    turn.say(Reply(command.usage))
                turn.dialogue.ask_again()
                return False
            districts = frozenset({match.district.code})
        turn.staff = Staff(viewer, districts, asked=bool(named))
        return True

    async def _audit(self, turn: Turn) -> None:
        """Every read of sellers' personal data a staff handler noted, in the audit log."""
        staff = turn.staff
        if staff is None:
            return
        scope = ",".join(sorted(staff.districts)) if staff.districts is not None else "*"
        for read in staff.reads:
            detail = None
            if read.subject is None:
                pieces = [f"districts={scope}", *(f"{k}={v}" for k, v in read.detail)]
                detail = " ".join([*pieces, f"n={read.count}"])
            await turn.repo.audit.write(staff.viewer.user_id, read.subject, read.action, detail)
        staff.reads.clear()

    # --- the language ------------------------------------------------------------------

    async def maybe_offer_language(self, turn: Turn, text: str) -> None:
        """Offer once to switch when a sentence is clearly in another of our languages."""
        if turn.user.lang_offered:
            return
        guess = self.detect_language(text)
        if not guess.confident or guess.lang is None or guess.lang == turn.locale:
            return
        await turn.repo.users.mark_lang_offered(turn.user_id)
        turn.user.lang_offered = True
        language = Reply(f"lang-name-{guess.lang}")
        # Written in the detected language: the person who wrote it reads it.
        turn.say(
            Reply(
                "lang-offer",
                {"language": language},
                choices=(
                    (
                        Choice(
                            callbacks.LANGUAGE.data(guess.lang),
                            key="btn-lang-switch",
                            args={"language": language},
                        ),
                    ),
                    (
                        Choice(
                            callbacks.LANGUAGE.data("keep"),
                            key="btn-lang-keep",
                            args={"language": Reply(f"lang-name-{turn.locale}")},
                        ),
                    ),
                ),
                locale=guess.lang,
            )
        )


class Dialogue:
    """The conversation facade a handler gets (handlers/turn.py): it moves the user's flow
    with the engine and applies the effects the flow calls for, in order."""

    def __init__(self, router: Router, env: EffectEnv) -> None:
        self._router, self._env = router, env
        self._engine = router.engine
        self.turn: Turn | None = None

    @property
    def _turn(self) -> Turn:
        assert self.turn is not None, "the dialogue of a turn not built yet"
        return self.turn

    @property
    def active(self) -> bool:
        state = self._turn.ctx.state
        return state is not None and state.active and self._engine.flow_of(state) is not None

    @property
    def flow(self) -> str | None:
        state = self._turn.ctx.state
        return state.flow if state is not None else None

    async def _emit(self, outcomes: Sequence[Outcome]) -> None:
        turn, env = self._turn, self._env
        env.locale = turn.ctx.locale
        for item in outcomes:
            if isinstance(item, Effect):
                turn.replies += await item.apply(env)
            else:
                turn.replies.append(item)
        turn.ctx.locale = env.locale
        turn.forget_seller()  # an effect may have written the profile

    async def apply(self, effect: Effect) -> None:
        await self._emit([effect])

    def start(
        self,
        flow: str,
        *,
        answers: Mapping[str, Any] | None = None,
        at: str | None = None,
        data: Mapping[str, Any] | None = None,
    ) -> None:
        self._turn.replies += self._engine.start(
            self._turn.ctx, flow, answers=answers, at=at, data=data
        )

    def resume(self) -> None:
        self._turn.replies += self._engine.resume(self._turn.ctx)

    async def answer(self, answer: Answer) -> None:
        step = self._engine.current(self._turn.ctx)
        await self._emit(await self._engine.answer(self._turn.ctx, answer))
        if answer.text and step is not None and step.language_signal:
            await self._router.maybe_offer_language(self._turn, answer.text)

    async def back(self) -> None:
        await self._emit(await self._engine.back(self._turn.ctx))

    async def skip(self) -> None:
        await self._emit(await self._engine.skip(self._turn.ctx))

    async def cancel(self) -> None:
        await self._emit(self._engine.cancel(self._turn.ctx))

    def help(self) -> None:
        self._turn.replies += self._engine.help(self._turn.ctx)

    def pause(self) -> None:
        ctx = self._turn.ctx
        if ctx.state is not None and ctx.state.flow in self._router.registry.resumable:
            ctx.state.active = False
        else:
            ctx.state = None

    def first_unanswered(self, flow: str, answers: Mapping[str, Any]) -> str:
        return self._engine.first_unanswered(flow, answers)

    async def reprompt(self) -> None:
        if self.active:
            self._turn.replies += self._engine.prompt(self._turn.ctx)
        else:
            self._turn.replies.append(await self.menu())

    def ask_again(self) -> None:
        if self.active:
            self._turn.replies += self._engine.prompt(self._turn.ctx)

    async def menu(self) -> Reply:
        return await self._router.registry.menu(self._turn)

    async def commands_help(self) -> list[Reply]:
        return await self._router.registry.help(self._turn)
