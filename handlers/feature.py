"""What a feature declares: its flows, commands, buttons, menu entries and scheduled jobs, each
command and button with the role allowed to use it. The one ordered list of features is in
handlers/features.py; dispatch, menus, help, command lists, the resumable flows, the scheduler
and the diagrams are all derived from it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from chat.callbacks import Callback
from chat.replies import Choice
from flows.engine import Flow
from services.jobs import Job

if TYPE_CHECKING:
    from handlers.turn import Turn


class Role(StrEnum):
    """Who may use a command or press a button; the dispatcher checks it before the handler
    runs (handlers/router.py), and refuses politely with the current question again."""

    ANYONE = "anyone"
    SELLER = "seller"  # a registered seller
    COORDINATOR = "coordinator"  # a district coordinator (their districts) or an administrator
    ADMIN = "admin"


class Audience(StrEnum):
    """Who sees a menu entry."""

    EVERYONE = "everyone"
    NEWCOMER = "newcomer"  # not (yet) a registered seller
    SELLER = "seller"
    CONSOLE = "console"  # coordinators and administrators without a seller profile


CommandHandler = Callable[["Turn", str], Awaitable[None]]
ButtonHandler = Callable[["Turn", tuple[str, ...]], Awaitable[None]]
MenuSource = Callable[["Turn"], Awaitable[Sequence[Choice]]]


@dataclass(frozen=True, slots=True)
class Command:
    name: str  # /name, lower case
    run: CommandHandler  # gets the turn and the arguments (cleaned, cut to a sane length)
    role: Role = Role.ANYONE
    listed: bool = False  # in the channel's command list (Telegram's "/" menu) for its role
    help: str | tuple[str, ...] | None = None  # /help's line(s) for those who may use it
    # Coordinator commands: the part of the arguments that names a district (None: none does).
    # The dispatcher matches it and checks it against the coordinator's districts.
    district: Callable[[str], str] | None = None
    usage: str | None = None  # said after a refused district
    pauses: bool = True  # leaving an open flow for it (a resumable one waits)
    words: frozenset[str] = frozenset()  # typed alone, anywhere, these mean this command


@dataclass(frozen=True, slots=True)
class Button:
    """A kind of button and what pressing it does."""

    callbacks: tuple[Callback, ...]  # the payloads it answers (same prefix and action)
    run: ButtonHandler
    role: Role = Role.ANYONE


@dataclass(frozen=True, slots=True)
class MenuEntry:
    """A big button of /menu that runs a command."""

    command: str
    key: str
    audience: Audience = Audience.EVERYONE


@dataclass(frozen=True, slots=True)
class Scheduled:
    """A job the scheduler runs: daily (at 09:00 in TIMEZONE, once a day) or every minute."""

    job: Job
    every: str = "day"  # "day" | "minute"


@dataclass(frozen=True, slots=True)
class Feature:
    name: str
    flows: tuple[Flow, ...] = ()
    commands: tuple[Command, ...] = ()
    buttons: tuple[Button, ...] = ()
    # Menu entries in order; a function gives entries that depend on the user (an unfinished
    # product to continue).
    menu: tuple[MenuEntry | MenuSource, ...] = ()
    jobs: tuple[Scheduled, ...] = ()
    help: tuple[str, ...] = field(default=())  # help lines not tied to one command
