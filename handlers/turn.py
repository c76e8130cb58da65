"""One update being handled, as a command or button handler sees it: the user, the transaction,
what to answer, and a small facade over the conversation (``Dialogue``), never the router."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any, Protocol

from chat.inbound import Inbound
from chat.replies import Reply
from flows.effects import Effect, Later
from flows.engine import Answer, FlowContext
from services.access import Viewer, viewer_for
from services.exports import MarketTerms
from storage.records import SellerRecord, UserRecord
from storage.unit import Repo


class Dialogue(Protocol):
    """The conversation of this update's user: the flow they are in, and moving it."""

    @property
    def active(self) -> bool:
        """A flow is open and waiting for an answer."""
        ...

    @property
    def flow(self) -> str | None:
        """The flow the user is in, open or paused (None: none)."""
        ...

    def start(
        self,
        flow: str,
        *,
        answers: Mapping[str, Any] | None = None,
        at: str | None = None,
        data: Mapping[str, Any] | None = None,
    ) -> None:
        """Start a flow and ask its first question (or ``at`` that step)."""
        ...

    def resume(self) -> None: ...

    async def apply(self, effect: Effect) -> None:
        """Apply an effect as a flow's finish would (its replies are said)."""
        ...

    async def answer(self, answer: Answer) -> None: ...

    async def back(self) -> None: ...

    async def skip(self) -> None: ...

    async def cancel(self) -> None: ...

    def help(self) -> None: ...

    def pause(self) -> None:
        """Leave the open flow: a resumable one waits to be resumed, any other ends."""
        ...

    def first_unanswered(self, flow: str, answers: Mapping[str, Any]) -> str: ...

    async def reprompt(self) -> None:
        """The current question again, or the menu when there is none."""
        ...

    def ask_again(self) -> None:
        """The open question again below a button that answered something else (if any)."""
        ...

    async def menu(self) -> Reply: ...

    async def commands_help(self) -> list[Reply]: ...


@dataclass(frozen=True, slots=True)
class Read:
    """A staff member's read of sellers' data, for the audit log."""

    action: str
    count: int
    subject: int | None = None
    detail: tuple[tuple[str, object], ...] = ()


@dataclass(slots=True)
class Staff:
    """A coordinator's (or administrator's) request: who, and which districts it covers."""

    viewer: Viewer
    districts: frozenset[str] | None  # None: all of West Bengal (administrators)
    asked: bool = False  # a district was named in the command
    reads: list[Read] = field(default_factory=list)

    def read(self, action: str, count: int, subject: int | None = None, **detail: object) -> None:
        """Note a read of sellers' personal data; the dispatcher writes it to the audit log."""
        self.reads.append(Read(action, count, subject, tuple(detail.items())))


@dataclass(frozen=True, slots=True)
class Options:
    """What handlers need of the bot's set-up."""

    exports_dir: Callable[[], Path]
    image_base_url: str
    market: MarketTerms
    words: Callable[[str, str, Mapping[str, Any] | None], str]  # key, locale, args: plain text


@dataclass(slots=True)
class Turn:
    inbound: Inbound
    repo: Repo
    user: UserRecord
    ctx: FlowContext
    dialogue: Dialogue
    options: Options
    admin: bool = False
    upload: dict[str, Any] | None = None  # a photo or file fetched before the transaction
    replies: list[Reply] = field(default_factory=list)
    # Slow work (building files) that runs after the commit, outside the transaction.
    later: list[Later] = field(default_factory=list)
    staff: Staff | None = None
    _viewer: Viewer | None = None
    _seller: SellerRecord | None = None
    _seller_read: bool = False

    def __post_init__(self) -> None:
        if self.user.is_new:  # made by this very update: no profile, no districts to read
            self._seller_read = True
            self._viewer = Viewer(self.user_id, self.admin)

    @property
    def user_id(self) -> int:
        return self.user.user_id

    @property
    def locale(self) -> str:
        return self.ctx.locale

    @property
    def now(self) -> datetime:
        return self.ctx.now

    @property
    def zone(self) -> tzinfo:
        return self.ctx.zone

    def say(self, *replies: Reply) -> None:
        self.replies.extend(replies)

    def say_all(self, replies: Sequence[Reply]) -> None:
        self.replies.extend(replies)

    async def viewer(self) -> Viewer:
        if self._viewer is None:
            self._viewer = await viewer_for(self.repo, self.user_id, self.admin)
        return self._viewer

    async def seller(self) -> SellerRecord | None:
        """The user's seller profile (read once per update)."""
        if not self._seller_read:
            self._seller = await self.repo.sellers.get(self.user_id)
            self._seller_read = True
        return self._seller

    def forget_seller(self) -> None:
        """The profile changed in this update: read it again when asked."""
        self._seller_read = False
