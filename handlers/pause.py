"""Leaving the open flow when a command starts something else (a leaf module: every command
module uses it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from flows.product import PRODUCT
from flows.registration import REGISTRATION

if TYPE_CHECKING:
    from handlers.router import Turn

# Flows whose answers wait to be resumed; any other open flow simply ends.
RESUMABLE = frozenset({REGISTRATION, PRODUCT})


def pause(turn: Turn) -> None:
    """Leave the open flow: a registration or a product waits to be resumed, others end."""
    state = turn.ctx.state
    if state is not None and state.flow in RESUMABLE:
        state.active = False
    else:
        turn.ctx.state = None
