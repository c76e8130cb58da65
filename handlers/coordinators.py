"""Placeholder: filled by the coordinator console feature (flows, commands, buttons)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from flows.engine import Flow

FLOWS: tuple[Flow, ...] = ()
COMMANDS: dict[str, Callable[..., Awaitable[None]]] = {}
BUTTONS: dict[str, Callable[..., Awaitable[None]]] = {}
STAFF: frozenset[str] = frozenset()  # commands only coordinators and admins may use
EXTRA: dict[str, Any] = {}
