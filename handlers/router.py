"""Routing: an Inbound becomes a command, a button, or an answer to the active flow.

One transaction per update: the update id is claimed, the user and their conversation are
read, the flow moves, the new state is written, all or nothing. Replies are rendered in the
user's language after the state change is decided.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Collection
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Protocol

from bot.channels.types import Inbound, Outbound
from flows.delete import deletion
from flows.engine import Answer, Engine, FlowContext
from flows.registration import REGISTRATION, profile_edit, registration
from flows.replies import Choice, Reply
from handlers import commands
from handlers.locks import UserLocks
from handlers.render import Catalogue, Renderer
from services.access import Viewer, viewer_for
from services.text import clean
from storage.db import Database
from storage.records import UserRecord
from storage.repo import Repo

log = logging.getLogger(__name__)

LOCALES = ("bn", "en", "hi")
# Longer typed answers are cut before any parsing: no answer we ask for is near this long.
MAX_INPUT = 1000


class LanguageGuess(Protocol):
    lang: str | None
    confident: bool


LanguageDetector = Callable[[str], LanguageGuess]
Sender = Callable[[list[Outbound]], Awaitable[None]]


@dataclass(slots=True)
class Turn:
    """One update being handled."""

    inbound: Inbound
    repo: Repo
    user: UserRecord
    ctx: FlowContext
    admin_ids: Collection[int]
    replies: list[Reply] = field(default_factory=list)
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
    ) -> None:
        self.db = db
        self.renderer = Renderer(catalogue)
        self.detect_language = detect_language
        self.admin_ids = frozenset(admin_ids)
        self.clock = clock
        self.engine = Engine([registration, profile_edit, deletion])
        self.locks = UserLocks()

    async def handle(self, inbound: Inbound, send: Sender | None = None) -> list[Outbound]:
        """Handle one update and send its replies, in order, before the user's next update is
        looked at. Never raises for anything a user can send."""
        async with self.locks.hold(inbound.user_id):
            outbound = await self._handle_safely(inbound)
            if send is not None and outbound:
                await send(outbound)
            return outbound

    async def mark_blocked(self, user_id: int) -> None:
        """The user blocked the bot: remember it so nobody sends to them again."""
        async with self.db.transaction() as repo:
            await repo.users.set_blocked(user_id, True)

    async def _handle_safely(self, inbound: Inbound) -> list[Outbound]:
        try:
            async with self.db.transaction() as repo:
                replies, locale = await self._handle(repo, inbound)
            # Rendering waits for the commit: nothing is said that was not stored.
            return [self.renderer.outbound(r, inbound.chat_id, locale) for r in replies]
        except Exception:
            # Only ids and the kind: message text may hold personal data.
            log.exception(
                "update %s (%s) from user %s failed",
                inbound.update_id,
                inbound.kind,
                inbound.user_id,
            )
            locale = inbound.language_code if inbound.language_code in LOCALES else "bn"
            return [self.renderer.outbound(Reply("error-internal"), inbound.chat_id, locale)]

    async def _handle(self, repo: Repo, inbound: Inbound) -> tuple[list[Reply], str]:
        """Move the user's state for one update; returns the replies and the locale to use."""
        if inbound.update_id is not None and not await repo.updates.claim(
            inbound.update_id, inbound.user_id
        ):
            log.info("update %s seen before; ignored", inbound.update_id)
            return [], "bn"
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
        turn = Turn(inbound, repo, user, ctx, self.admin_ids)
        await self._route(turn)
        if ctx.state is not None:
            await repo.conversations.save(ctx.state)
        elif state is not None:
            await repo.conversations.delete(inbound.user_id)
        return turn.replies, ctx.locale

    # --- routing ------------------------------------------------------------------------

    async def _route(self, turn: Turn) -> None:
        inbound = turn.inbound
        if inbound.kind == "command":
            await commands.run(self, turn, inbound.command or "", clean(inbound.args)[:MAX_INPUT])
        elif inbound.kind == "button":
            await self._button(turn, inbound.button or "")
        elif self.active(turn):
            await self._answer(turn, self._to_answer(inbound))
        else:
            await self._idle(turn)

    def active(self, turn: Turn) -> bool:
        state = turn.ctx.state
        return state is not None and state.active and self.engine.flow_of(state) is not None

    def _to_answer(self, inbound: Inbound) -> Answer:
        if inbound.kind == "contact":
            own = inbound.contact_user_id in (None, inbound.user_id)
            return Answer(phone=inbound.contact_phone, contact_is_own=own)
        if inbound.kind == "text":
            return Answer(text=clean(inbound.text or "")[:MAX_INPUT] or None)
        return Answer(media=inbound.kind)

    async def _answer(self, turn: Turn, answer: Answer) -> None:
        step = self.engine.current(turn.ctx)
        turn.replies += await self.engine.answer(turn.ctx, answer)
        if answer.text and step is not None and step.language_signal:
            await self._maybe_offer_language(turn, answer.text)

    async def _idle(self, turn: Turn) -> None:
        """A message while no flow is active."""
        inbound = turn.inbound
        seller = await turn.repo.sellers.get(turn.user.user_id)
        if seller is None and not (turn.ctx.state and turn.ctx.state.flow == REGISTRATION):
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
