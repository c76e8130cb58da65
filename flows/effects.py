"""Effects: the writes a step or a finish calls for, as values. The router applies them, in
order, inside the update's transaction (goflow's events are the model), so parsers stay pure,
a conversation can be replayed without a database, and a test can say which writes an answer
causes."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from pathlib import Path

from chat.replies import Choice, Reply
from services.export_costs import cost_data
from services.rates import CardRates, RateSource
from storage.unit import Repo

Later = Callable[[], Awaitable[list[Reply]]]


@dataclass(slots=True)
class EffectEnv:
    """What applying an effect may use: the update's transaction and whose update it is."""

    repo: Repo
    user_id: int
    now: datetime
    zone: tzinfo
    label: Callable[[Choice, str], str]
    locale: str  # the user's language; an effect may change it (the language question)
    # Work for after the commit (files on disk): never undone by a rolled-back transaction.
    later: list[Later] = field(default_factory=list)
    # Where shipping prices come from (the rate card unless a live source is configured).
    rates: RateSource = field(default_factory=lambda: CardRates(cost_data()))


class Effect:
    """One write. ``apply`` does it and returns anything it has to say (most say nothing)."""

    async def apply(self, env: EffectEnv) -> list[Reply]:
        raise NotImplementedError


def remove_files(paths: list[str]) -> Later:
    """A job for after the commit: delete photo files that no product uses any more."""

    async def job() -> list[Reply]:
        for path in paths:
            await asyncio.to_thread(Path(path).unlink, missing_ok=True)
        return []

    return job


@dataclass(frozen=True, slots=True)
class SetLanguage(Effect):
    """The user chose the language we talk in."""

    locale: str

    async def apply(self, env: EffectEnv) -> list[Reply]:
        await env.repo.users.set_locale(env.user_id, self.locale)
        env.locale = self.locale
        return []
