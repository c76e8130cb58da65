"""The step engine: runs any declared flow one answer at a time, channel-agnostic.

A flow is data (steps with a prompt key, a parser, choices and conditions); the engine
moves a user's `ConversationState` through it and returns `Reply` objects. It never sends,
never renders text and never opens a transaction: handlers do that around it.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from chat.replies import Choice, Reply, Rows, rows
from services.text import lookup_key
from storage.records import ConversationState
from storage.unit import Repo

REVIEW = "_review"
EDIT = "_edit"
CONFIRM = "_ok"


@dataclass(frozen=True, slots=True)
class Answer:
    """What the user gave for the current question, already normalised by the handler."""

    text: str | None = None  # typed text (NFC, invisible characters removed)
    value: str | None = None  # payload of a pressed button of this step
    phone: str | None = None  # a shared contact's number
    contact_is_own: bool = True
    media: str | None = None  # "photo", "sticker", "voice", … when that is what came
    upload: Any = None  # a photo already fetched, checked and stored by the handler
    album: str | None = None  # Telegram media_group_id when the photo is part of an album


@dataclass(frozen=True, slots=True)
class Accept:
    value: Any
    notes: tuple[Reply, ...] = ()


@dataclass(frozen=True, slots=True)
class Reject:
    """A wrong answer: what was expected; the engine repeats the question after it."""

    reply: Reply


@dataclass(frozen=True, slots=True)
class Stop:
    """The user ended the flow by their answer (e.g. declined consent)."""

    reply: Reply


@dataclass(frozen=True, slots=True)
class Keep:
    """Taken, and the same step stays open (one more photo, the next of several questions).
    With ``ask_again`` the step's prompt follows (it may have changed with the answer)."""

    replies: tuple[Reply, ...]
    ask_again: bool = False


Parsed = Accept | Reject | Stop | Keep


@dataclass(slots=True)
class FlowContext:
    """Everything a step may look at while one update is handled."""

    repo: Repo
    user_id: int
    locale: str
    now: datetime
    label: Callable[[Choice, str], str]  # renders a button label, for matching typed text
    state: ConversationState | None = None
    is_admin: bool = False
    language_code: str | None = None
    defer_reply: bool = False  # set by a step: answer the album once, after its last photo
    # Work for after the commit (files on disk): never undone by a rolled-back transaction.
    later: list[Callable[[], Awaitable[list[Reply]]]] = field(default_factory=list)

    @property
    def answers(self) -> dict[str, Any]:
        return self.state.answers if self.state else {}

    @property
    def data(self) -> dict[str, Any]:
        return self.state.data if self.state else {}


@dataclass(frozen=True, slots=True)
class Step:
    name: str
    prompt: str
    parse: Callable[[Answer, FlowContext], Parsed | Awaitable[Parsed]]
    choices: Callable[[FlowContext], Sequence[Choice]] | None = None
    per_row: int = 1
    optional: bool = False
    help: str | None = None
    when: Callable[[FlowContext], bool] | None = None
    label: str | None = None  # field name in the summary; None: not shown there
    show: Callable[[Any, FlowContext], str | int | Reply | None] | None = None
    prompt_args: Callable[[FlowContext], Mapping[str, Any]] | None = None
    request_contact: bool = False
    language_signal: bool = False  # typed answers here may tell us the user's language
    after: Callable[[FlowContext, Any], Awaitable[None]] | None = None
    media: bool = False  # expects photos: the handler fetches and checks them first
    raw_document: bool = False  # expects a file: answer.upload = {"bytes", "name", "mime_type"}


@dataclass(frozen=True, slots=True)
class Flow:
    name: str
    steps: tuple[Step, ...]
    finish: Callable[[FlowContext], Awaitable[list[Reply]]]
    review_key: str | None = None  # summary with confirm / edit before finishing
    cancelled_key: str = "flow-cancelled"
    resumed_key: str = "flow-resumed"
    keep_on_cancel: bool = True  # a cancelled flow's answers wait for /start to resume it
    on_answer: Callable[[FlowContext], Awaitable[None]] | None = None  # after each answer
    review_parts: Callable[[FlowContext], Sequence[Reply]] | None = None  # more summary
    by_name: dict[str, Step] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_name", {step.name: step for step in self.steps})

    def step(self, name: str) -> Step | None:
        return self.by_name.get(name)


def payload(flow: Flow, step: str, value: str) -> str:
    """Button payload of an answer: ``f:<flow>:<step>:<value>`` (short ASCII only)."""
    return f"f:{flow.name}:{step}:{value}"


def answer_payload(ctx: FlowContext, value: str) -> str:
    """Payload of an extra button (e.g. a suggestion) answering the current step."""
    assert ctx.state is not None
    return f"f:{ctx.state.flow}:{ctx.state.step}:{value}"


class Engine:
    """Moves a conversation through a flow. One instance serves every user."""

    def __init__(self, flows: Sequence[Flow]) -> None:
        self.flows = {flow.name: flow for flow in flows}

    def flow_of(self, state: ConversationState | None) -> Flow | None:
        return self.flows.get(state.flow) if state else None

    # --- starting and resuming -------------------------------------------------------

    def start(
        self,
        ctx: FlowContext,
        flow_name: str,
        *,
        answers: Mapping[str, Any] | None = None,
        at: str | None = None,
        data: Mapping[str, Any] | None = None,
    ) -> list[Reply]:
        flow = self.flows[flow_name]
        ctx.state = ConversationState(
            user_id=ctx.user_id,
            flow=flow.name,
            step="",
            answers=dict(answers or {}),
            data=dict(data or {}),
            version=ctx.state.version if ctx.state else 0,
        )
        if at == REVIEW and flow.review_key:
            ctx.state.step = REVIEW
            return self.prompt(ctx)
        first = flow.step(at) if at else self._next(flow, ctx, -1)
        if first is None:
            raise ValueError(f"flow {flow_name} has no step {at!r}")
        ctx.state.step = first.name
        return self.prompt(ctx)

    def resume(self, ctx: FlowContext) -> list[Reply]:
        flow = self._flow(ctx)
        assert ctx.state is not None
        ctx.state.active = True
        return [Reply(flow.resumed_key), *self.prompt(ctx)]

    # --- the current question --------------------------------------------------------

    def current(self, ctx: FlowContext) -> Step | None:
        flow = self.flow_of(ctx.state)
        return flow.step(ctx.state.step) if flow and ctx.state else None

    def prompt(self, ctx: FlowContext) -> list[Reply]:
        """The current question with its buttons (back / skip included where they apply)."""
        flow = self._flow(ctx)
        assert ctx.state is not None
        name = ctx.state.step
        if name == REVIEW:
            return [self._review(flow, ctx)]
        if name == EDIT:
            return [self._edit_menu(flow, ctx)]
        step = flow.by_name[name]
        buttons = [
            Choice(value=payload(flow, step.name, c.value), key=c.key, text=c.text, args=c.args)
            for c in (step.choices(ctx) if step.choices else ())
        ]
        laid = list(rows(buttons, step.per_row))
        # A message carries one keyboard; the "send my number" key wins (/back still works).
        if not step.request_contact and (extras := self._extras(flow, ctx, step)):
            laid.append(extras)
        args = dict(step.prompt_args(ctx)) if step.prompt_args else {}
        parts: tuple[Reply, ...] = ()
        if step.name in ctx.answers and ctx.answers[step.name] is not None and step.show:
            shown = step.show(ctx.answers[step.name], ctx)
            if shown is not None and shown != "":
                parts = (Reply("flow-current-value", {"value": shown}),)
        return [
            Reply(
                step.prompt,
                args,
                choices=tuple(laid),
                parts=parts,
                request_contact=step.request_contact,
            )
        ]

    def _extras(self, flow: Flow, ctx: FlowContext, step: Step) -> tuple[Choice, ...]:
        extras = []
        if step.optional:
            extras.append(Choice(payload(flow, step.name, "_skip"), key="btn-skip"))
        if ctx.data.get("single"):
            extras.append(Choice(payload(flow, step.name, "_cancel"), key="btn-cancel"))
        elif self._previous(flow, ctx, step) is not None:
            extras.append(Choice(payload(flow, step.name, "_back"), key="btn-back"))
        return tuple(extras)

    def help(self, ctx: FlowContext) -> list[Reply]:
        step = self.current(ctx)
        key = step.help if step and step.help else "flow-help-generic"
        return [Reply(key), *self.prompt(ctx)]

    # --- answers ----------------------------------------------------------------------

    async def answer(self, ctx: FlowContext, answer: Answer) -> list[Reply]:
        flow = self._flow(ctx)
        assert ctx.state is not None
        if answer.value == "_back":
            return self.back(ctx)
        if answer.value == "_skip":
            return await self.skip(ctx)
        if answer.value == "_cancel":
            return self.cancel(ctx)
        if ctx.state.step == REVIEW:
            return await self._on_review(flow, ctx, answer)
        if ctx.state.step == EDIT:
            return self._on_edit(flow, ctx, answer)
        step = flow.by_name[ctx.state.step]
        if answer.text is not None and answer.value is None and step.choices:
            answer = self._match_label(step, ctx, answer)
        parsed = step.parse(answer, ctx)
        if inspect.isawaitable(parsed):
            parsed = await parsed
        if isinstance(parsed, Reject):
            return [parsed.reply, *self.prompt(ctx)]
        if isinstance(parsed, Stop):
            ctx.state = None
            return [parsed.reply]
        if isinstance(parsed, Keep):
            if flow.on_answer:
                await flow.on_answer(ctx)
            return [*parsed.replies, *(self.prompt(ctx) if parsed.ask_again else ())]
        return await self._accept(flow, ctx, step, parsed)

    async def skip(self, ctx: FlowContext) -> list[Reply]:
        flow = self._flow(ctx)
        step = self.current(ctx)
        if step is None or not step.optional:
            return [Reply("flow-cannot-skip"), *self.prompt(ctx)]
        return await self._accept(flow, ctx, step, Accept(None))

    def back(self, ctx: FlowContext) -> list[Reply]:
        flow = self._flow(ctx)
        assert ctx.state is not None
        if ctx.state.step in (REVIEW, EDIT):
            previous = self._last(flow, ctx)
        else:
            step = flow.by_name[ctx.state.step]
            previous = self._previous(flow, ctx, step)
        if previous is None:
            return [Reply("flow-at-first"), *self.prompt(ctx)]
        ctx.state.step = previous.name
        ctx.state.data.pop("editing", None)
        return self.prompt(ctx)

    def cancel(self, ctx: FlowContext) -> list[Reply]:
        """Leave the flow but keep every answer, so /start can resume it later."""
        flow = self._flow(ctx)
        assert ctx.state is not None
        if flow.keep_on_cancel:
            ctx.state.active = False
        else:
            ctx.state = None
        return [Reply(flow.cancelled_key, remove_keyboard=True)]

    # --- internals --------------------------------------------------------------------

    async def _accept(self, flow: Flow, ctx: FlowContext, step: Step, ok: Accept) -> list[Reply]:
        assert ctx.state is not None
        ctx.state.answers[step.name] = ok.value
        if step.after:
            await step.after(ctx, ok.value)
        if flow.on_answer:
            await flow.on_answer(ctx)
        replies = list(ok.notes)
        if ctx.state.data.get("single"):
            return [*replies, *await self._finish(flow, ctx)]
        following = None if ctx.state.data.pop("editing", None) else self._next(flow, ctx, step)
        if following is not None:
            ctx.state.step = following.name
        elif flow.review_key:
            ctx.state.step = REVIEW
        else:
            return [*replies, *await self._finish(flow, ctx)]
        return [*replies, *self.prompt(ctx)]

    async def _finish(self, flow: Flow, ctx: FlowContext) -> list[Reply]:
        finishing = ctx.state
        replies = await flow.finish(ctx)
        if ctx.state is finishing:  # a finish may hand over to another state (e.g. a restore)
            ctx.state = None
        return replies

    def _review(self, flow: Flow, ctx: FlowContext) -> Reply:
        assert flow.review_key
        lines = []
        for step in flow.steps:
            if step.label is None or not self._applies(step, ctx):
                continue
            value = ctx.answers.get(step.name)
            shown = step.show(value, ctx) if step.show and value is not None else value
            if shown is None or shown == "":
                lines.append(Reply("summary-line-empty", {"label": Reply(step.label)}))
            else:
                lines.append(Reply("summary-line", {"label": Reply(step.label), "value": shown}))
        buttons: Rows = (
            (Choice(payload(flow, REVIEW, CONFIRM), key="btn-confirm"),),
            (Choice(payload(flow, REVIEW, "edit"), key="btn-edit"),),
        )
        if flow.review_parts:
            lines.extend(flow.review_parts(ctx))
        return Reply(flow.review_key, choices=buttons, parts=tuple(lines))

    def _edit_menu(self, flow: Flow, ctx: FlowContext) -> Reply:
        fields = [
            Choice(payload(flow, EDIT, step.name), key=step.label)
            for step in flow.steps
            if step.label and self._applies(step, ctx)
        ]
        laid = (*rows(fields, 2), (Choice(payload(flow, EDIT, "_none"), key="btn-back"),))
        return Reply("flow-edit-which", choices=laid)

    async def _on_review(self, flow: Flow, ctx: FlowContext, answer: Answer) -> list[Reply]:
        assert ctx.state is not None
        if answer.value == CONFIRM:
            return await self._finish(flow, ctx)
        if answer.value == "edit":
            ctx.state.step = EDIT
            return self.prompt(ctx)
        return [Reply("flow-use-buttons"), *self.prompt(ctx)]

    def _on_edit(self, flow: Flow, ctx: FlowContext, answer: Answer) -> list[Reply]:
        assert ctx.state is not None
        step = flow.step(answer.value or "")
        if answer.value == "_none":
            ctx.state.step = REVIEW
            return self.prompt(ctx)
        if step is None or step.label is None:
            return [Reply("flow-use-buttons"), *self.prompt(ctx)]
        ctx.state.step = step.name
        ctx.state.data["editing"] = True
        return self.prompt(ctx)

    def _match_label(self, step: Step, ctx: FlowContext, answer: Answer) -> Answer:
        """Typed text equal to a button's label counts as pressing it ("English", "হ্যাঁ")."""
        assert step.choices is not None and answer.text is not None
        typed = lookup_key(answer.text)
        if not typed:
            return answer
        for choice in step.choices(ctx):
            if lookup_key(ctx.label(choice, ctx.locale)) == typed:
                return Answer(text=answer.text, value=choice.value)
        return answer

    def _applies(self, step: Step, ctx: FlowContext) -> bool:
        return step.when is None or step.when(ctx)

    def _next(self, flow: Flow, ctx: FlowContext, after: Step | int) -> Step | None:
        start = after + 1 if isinstance(after, int) else flow.steps.index(after) + 1
        return next((s for s in flow.steps[start:] if self._applies(s, ctx)), None)

    def _previous(self, flow: Flow, ctx: FlowContext, before: Step) -> Step | None:
        index = flow.steps.index(before)
        earlier = [s for s in flow.steps[:index] if self._applies(s, ctx)]
        return earlier[-1] if earlier else None

    def _last(self, flow: Flow, ctx: FlowContext) -> Step | None:
        applicable = [s for s in flow.steps if self._applies(s, ctx)]
        return applicable[-1] if applicable else None

    def _flow(self, ctx: FlowContext) -> Flow:
        flow = self.flow_of(ctx.state)
        if flow is None:
            raise LookupError("no active flow")
        return flow
