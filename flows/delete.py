"""Erasing a seller's personal data, after one explicit confirmation."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

from chat.replies import Choice, Reply
from flows.engine import Accept, Answer, Flow, FlowContext, Parsed, Reject, Step
from storage.records import ConversationState


def remove_files(paths: list[str]) -> Callable[[], Awaitable[list[Reply]]]:
    """A job for after the commit: delete photo files that no product uses any more."""

    async def job() -> list[Reply]:
        for path in paths:
            await asyncio.to_thread(Path(path).unlink, missing_ok=True)
        return []

    return job


DELETE = "del"


def _parse(answer: Answer, ctx: FlowContext) -> Parsed:
    if answer.value in ("yes", "no"):
        return Accept(answer.value == "yes")
    return Reject(Reply("flow-use-buttons"))


async def _finish(ctx: FlowContext) -> list[Reply]:
    stash = ctx.data.get("stash")
    if not ctx.answers.get("confirm"):
        if stash:  # put back whatever the user was doing, paused
            ctx.state = ConversationState(user_id=ctx.user_id, active=False, **stash)
        return [Reply("delete-kept")]
    repo = ctx.repo
    await repo.checks.delete_of_seller(ctx.user_id)
    await repo.trainings.forget(ctx.user_id)
    await repo.orders.delete_of_seller(ctx.user_id)
    ctx.later.append(remove_files(await repo.products.delete_of_seller(ctx.user_id)))
    await repo.sellers.delete(ctx.user_id)
    await repo.conversations.delete(ctx.user_id)
    await repo.users.delete(ctx.user_id)
    await repo.audit.write(ctx.user_id, ctx.user_id, "delete")
    return [Reply("delete-done", locale=ctx.locale, remove_keyboard=True)]


deletion = Flow(
    DELETE,
    (
        Step(
            "confirm",
            "delete-confirm",
            _parse,
            choices=lambda ctx: [
                Choice("yes", key="btn-delete-yes"),
                Choice("no", key="btn-delete-no"),
            ],
        ),
    ),
    finish=_finish,
    cancelled_key="delete-kept",
    keep_on_cancel=False,
)
