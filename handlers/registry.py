"""What the list of features adds up to: the flows, the commands and buttons to dispatch, the
words that stand for a command, the menus, /help and the command lists, and the timed jobs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from chat import callbacks
from chat.replies import Choice, Reply, rows
from flows.engine import Flow
from handlers.feature import Audience, Button, Command, Feature, MenuEntry, Role, Scheduled
from handlers.turn import Turn
from services.text import lookup_key

# Who sees which commands in a channel's command list and in /help, by role.
ROLES_SHOWN: dict[Role, tuple[Role, ...]] = {
    Role.SELLER: (Role.ANYONE, Role.SELLER),
    Role.COORDINATOR: (Role.ANYONE, Role.SELLER, Role.COORDINATOR),
    Role.ADMIN: (Role.ANYONE, Role.SELLER, Role.COORDINATOR, Role.ADMIN),
}
HELP_SECTIONS = (
    (Role.SELLER, "help-title-seller", (Role.ANYONE, Role.SELLER)),
    (Role.COORDINATOR, "help-title-staff", (Role.COORDINATOR,)),
    (Role.ADMIN, "help-title-admin", (Role.ADMIN,)),
)


@dataclass(frozen=True, slots=True)
class Route:
    """A button pressed: what handles it, and the payload's arguments."""

    button: Button
    arguments: tuple[str, ...]


class Registry:
    def __init__(self, features: Sequence[Feature]) -> None:
        self.features = tuple(features)
        self.flows: tuple[Flow, ...] = tuple(f for feature in features for f in feature.flows)
        self.resumable = frozenset(f.name for f in self.flows if f.resumable)
        self.commands: dict[str, Command] = {}
        self.buttons: dict[tuple[str, str | None], Button] = {}
        self.words: dict[str, Command] = {}
        for feature in features:
            for command in feature.commands:
                if command.name in self.commands:
                    raise ValueError(f"/{command.name} is declared twice")
                self.commands[command.name] = command
                for word in command.words:
                    self.words[lookup_key(word)] = command
            for button in feature.buttons:
                for callback in button.callbacks:
                    key = (callback.prefix, callback.action)
                    if self.buttons.get(key, button) is not button:
                        raise ValueError(f"button {key} is declared twice")
                    self.buttons[key] = button
        names = [flow.name for flow in self.flows]
        if len(names) != len(set(names)):
            raise ValueError(f"a flow is declared twice: {names}")

    # --- dispatch ----------------------------------------------------------------------------

    def route(self, payload: str) -> Route | None:
        prefix, parts = callbacks.split(payload)
        if parts and (button := self.buttons.get((prefix, parts[0]))) is not None:
            return Route(button, parts[1:])
        if (button := self.buttons.get((prefix, None))) is not None:
            return Route(button, parts)
        return None

    def command_for_words(self, text: str) -> Command | None:
        """The command a message typed alone stands for ("বন্ধ" is /stop), if any."""
        return self.words.get(lookup_key(text)) if self.words else None

    def jobs(self, every: str) -> list[Scheduled]:
        return [job for feature in self.features for job in feature.jobs if job.every == every]

    # --- what a user is shown ------------------------------------------------------------------

    async def menu(self, turn: Turn) -> Reply:
        """The main menu: only what this user can do, big buttons."""
        seller = await turn.seller()
        staff = (await turn.viewer()).is_staff
        audiences = {Audience.EVERYONE, Audience.SELLER if seller else Audience.NEWCOMER}
        if seller is None and staff:
            audiences.add(Audience.CONSOLE)
        items: list[Choice] = []
        for feature in self.features:
            for entry in feature.menu:
                if isinstance(entry, MenuEntry):
                    if entry.audience in audiences:
                        items.append(Choice(callbacks.menu(entry.command), key=entry.key))
                else:
                    items.extend(await entry(turn))
        return Reply("menu-title", choices=rows(items, 1), pageable=True)

    async def help(self, turn: Turn) -> list[Reply]:
        """What each command the user may use does, a section per role."""
        viewer = await turn.viewer()
        held = {Role.SELLER}
        if viewer.is_staff:
            held.add(Role.COORDINATOR)
        if viewer.is_admin:
            held.add(Role.ADMIN)
        replies = []
        for role, title, shown in HELP_SECTIONS:
            if role not in held:
                continue
            lines = [
                Reply(key)
                for feature in self.features
                for command in feature.commands
                if command.role in shown
                for key in _keys(command.help)
            ]
            if role == Role.SELLER:
                lines += [Reply(key) for feature in self.features for key in feature.help]
            replies.append(Reply(title, parts=tuple(lines)))
        return replies

    def command_list(self, role: Role) -> list[str]:
        """The commands a channel lists for someone of ``role`` (Telegram's "/" menu)."""
        shown, seller_roles = ROLES_SHOWN[role], ROLES_SHOWN[Role.SELLER]
        return [
            command.name
            for feature in self.features
            for command in feature.commands
            if command.role in shown and (command.listed or command.role not in seller_roles)
        ]

    def command_lists(self) -> dict[Role, list[str]]:
        return {role: self.command_list(role) for role in ROLES_SHOWN}


def _keys(help: str | tuple[str, ...] | None) -> tuple[str, ...]:
    if help is None:
        return ()
    return (help,) if isinstance(help, str) else help
