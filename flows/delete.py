"""Erasing a seller's personal data, after one explicit confirmation."""

from __future__ import annotations

from dataclasses import dataclass

from chat.replies import Choice, Reply
from flows.effects import Effect, EffectEnv, remove_files
from flows.engine import Accept, Answer, Flow, FlowContext, Handover, Parsed, Reject, Step
from storage.records import ConversationState

DELETE = "del"


@dataclass(frozen=True, slots=True)
class EraseSeller(Effect):
    """Everything stored about a user goes: profile, products and their photo files, checks,
    training answers, orders, conversation, the user row. The audit log keeps that it happened."""

    user_id: int

    async def apply(self, env: EffectEnv) -> list[Reply]:
        repo, user_id = env.repo, self.user_id
        await repo.checks.delete_of_seller(user_id)
        await repo.trainings.forget(user_id)
        await repo.orders.delete_of_seller(user_id)
        env.later.append(remove_files(await repo.products.delete_of_seller(user_id)))
        await repo.sellers.delete(user_id)
        await repo.conversations.delete(user_id)
        await repo.users.delete(user_id)
        await repo.audit.write(user_id, user_id, "delete")
        return []


def _parse(answer: Answer, ctx: FlowContext) -> Parsed:
    if answer.value in ("yes", "no"):
        return Accept(answer.value == "yes")
    return Reject(Reply("flow-use-buttons"))


def _finish(ctx: FlowContext) -> list[Effect | Reply | Handover]:
    if not ctx.answers.get("confirm"):
        stash = ctx.data.get("stash")
        kept: list[Effect | Reply | Handover] = [Reply("delete-kept")]
        if stash:  # put back whatever the user was doing, paused
            kept.append(Handover(ConversationState(user_id=ctx.user_id, active=False, **stash)))
        return kept
    # Said in the language chosen so far: there is no user left to look it up from.
    return [EraseSeller(ctx.user_id), Reply("delete-done", locale=ctx.locale, remove_keyboard=True)]


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
)
