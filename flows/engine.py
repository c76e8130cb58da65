"""The step engine: runs any declared flow one answer at a time, channel-agnostic.

A flow is data: steps with a prompt key, a parser, choices and conditions. A parser is a pure
function of the answer, the conversation state and read-only look-ups: it returns what should
happen (Accept, Reject, Keep, Stop), and any write it calls for is an ``Effect`` in that result,
never done by the parser. The engine moves the user's ``ConversationState`` and returns the
replies and effects in order; whoever calls it (handlers/router.py) applies the effects inside
the update's transaction and renders the replies. The engine never sends, renders or stores.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from types import MappingProxyType
from typing import Any, Protocol

from chat import callbacks
from chat.replies import Choice, Reply, Rows, rows
from flows.effects import Effect
from services.text import is_skip, lookup_key
from storage.broadcasts import Segment
from storage.records import ConversationState

REVIEW = "_review"
EDIT = "_edit"
CONFIRM = "_ok"
SKIP, BACK, CANCEL = "_skip", "_back", "_cancel"
# Typed at a summary instead of pressing its buttons (our languages, romanised too).
_TYPED_CONFIRM = frozenset(
    lookup_key(w)
    for w in (
        "হ্যাঁ",
        "হ্যা",
        "হা",
        "হুম",
        "ঠিক আছে",
        "সব ঠিক আছে",
        "ঠিক",
        "ha",
        "haa",
        "hya",
        "yes",
        "y",
        "ok",
        "okay",
        "thik ache",
        "sob thik ache",
        "हाँ",
        "हां",
        "ठीक है",
        "सब ठीक है",
    )
)
_TYPED_EDIT = frozenset(
    lookup_key(w)
    for w in ("না", "বদলাব", "বদলান", "ভুল আছে", "no", "na", "edit", "change", "नहीं", "बदलें")
)
DELETE = object()  # a data change that removes the key

# What the engine hands back, in order: messages to say and effects to apply.
Outcome = Reply | Effect


@dataclass(frozen=True, slots=True)
class Answer:
    """What the user gave for the current question, already normalised by the handler."""

    text: str | None = None  # typed text (NFC, invisible characters removed)
    value: str | None = None  # payload of a pressed button of this step
    phone: str | None = None  # a shared contact's number
    contact_is_own: bool = True
    media: str | None = None  # "photo", "sticker", "voice", … when that is what came
    upload: Any = None  # a photo already fetched, checked and stored by the handler
    album: str | None = None  # the album (media group) the photo belongs to


@dataclass(frozen=True, slots=True)
class Accept:
    """The answer is taken: ``value`` is stored under the step's name and the flow goes on."""

    value: Any
    notes: tuple[Reply, ...] = ()
    data: Mapping[str, Any] = field(default_factory=dict)  # changes to the state's data
    effects: tuple[Effect, ...] = ()
    defer: bool = False  # part of an album: the answer waits for its last photo
    answers: Mapping[str, Any] = field(default_factory=dict)  # other answers it settles


@dataclass(frozen=True, slots=True)
class Reject:
    """A wrong answer: what was expected; the engine repeats the question after it."""

    reply: Reply
    data: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Stop:
    """The user ended the flow by their answer (e.g. declined consent)."""

    reply: Reply


@dataclass(frozen=True, slots=True)
class Keep:
    """Taken, and the same step stays open (one more photo, the next of several questions).
    With ``ask_again`` the step's prompt follows (it may have changed with the answer); with
    ``goto`` the flow moves to that step instead (asked at once)."""

    replies: tuple[Reply, ...] = ()
    ask_again: bool = False
    data: Mapping[str, Any] = field(default_factory=dict)
    answers: Mapping[str, Any] = field(default_factory=dict)  # partial answers to keep
    effects: tuple[Effect, ...] = ()
    goto: str | None = None
    defer: bool = False


Parsed = Accept | Reject | Stop | Keep


@dataclass(frozen=True, slots=True)
class Handover:
    """A finish that leaves the user in another conversation (a paused one put back)."""

    state: ConversationState


@dataclass(frozen=True, slots=True)
class Change:
    """What a flow's ``on_change`` adds after any change of its answers."""

    data: Mapping[str, Any] = field(default_factory=dict)
    effects: tuple[Effect, ...] = ()


class Lookups(Protocol):
    """The reads a step may make (nothing here writes)."""

    async def coordinator_districts(self, user_id: int) -> frozenset[str]: ...

    async def audience(self, segment: Segment) -> int: ...


@dataclass(slots=True)
class FlowContext:
    """Everything a step may look at while one update is handled. Steps read ``answers`` and
    ``data`` (read-only views); only the engine changes the state."""

    user_id: int
    locale: str
    now: datetime  # aware, in ``zone``
    zone: tzinfo
    label: Callable[[Choice, str], str]  # renders a button label, for matching typed text
    look: Lookups
    state: ConversationState | None = None
    is_admin: bool = False
    language_code: str | None = None
    defer_reply: bool = False  # the answer waits for the rest of an album
    channel_phone: str | None = None  # the user's number as their channel knows it (WhatsApp)

    @property
    def answers(self) -> Mapping[str, Any]:
        return MappingProxyType(self.state.answers) if self.state else MappingProxyType({})

    @property
    def data(self) -> Mapping[str, Any]:
        return MappingProxyType(self.state.data) if self.state else MappingProxyType({})


Finished = Sequence[Outcome | Handover]
Finish = Callable[[FlowContext], Finished | Awaitable[Finished]]


@dataclass(frozen=True, slots=True)
class Step:
    name: str
    prompt: str
    parse: Callable[[Answer, FlowContext], Parsed | Awaitable[Parsed]]
    choices: Callable[[FlowContext], Sequence[Choice]] | None = None
    per_row: int = 1
    optional: bool = False
    skipped: Any = None  # what a skip stores
    help: str | None = None
    when: Callable[[FlowContext], bool] | None = None
    label: str | None = None  # field name in the summary; None: not shown there
    show: Callable[[Any, FlowContext], str | int | Reply | None] | None = None
    prompt_args: Callable[[FlowContext], Mapping[str, Any]] | None = None
    request_contact: bool = False
    language_signal: bool = False  # typed answers here may tell us the user's language
    media: bool = False  # expects photos: the handler fetches and checks them first
    raw_document: bool = False  # expects a file: answer.upload = {"bytes", "name", "mime_type"}
    long_text: bool = False  # takes a whole announcement: line breaks kept, up to 4096
    # For the diagrams (flows/diagram.py): why the step may be skipped, what answer keeps it
    # open, what answer ends the flow.
    when_label: str | None = None
    loop: str | None = None
    exit: str | None = None


@dataclass(frozen=True, slots=True)
class Flow:
    name: str
    steps: tuple[Step, ...]
    finish: Finish
    review_key: str | None = None  # summary with confirm / edit before finishing
    cancelled_key: str = "flow-cancelled"
    resumed_key: str = "flow-resumed"
    # Left (another command, /cancel): the answers wait for /start or its command to resume it;
    # otherwise the flow simply ends.
    resumable: bool = False
    on_change: Callable[[FlowContext], Change | Awaitable[Change]] | None = None
    # On /cancel: what to undo. Anything returned (effects) means nothing was worth keeping,
    # so even a resumable flow is dropped rather than kept for later (an empty product draft).
    on_cancel: Callable[[FlowContext], Sequence[Outcome]] | None = None
    review_parts: Callable[[FlowContext], Sequence[Reply]] | None = None  # more summary
    by_name: dict[str, Step] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_name", {step.name: step for step in self.steps})

    def step(self, name: str) -> Step | None:
        return self.by_name.get(name)


def payload(flow: Flow | str, step: str, value: str) -> str:
    """Button payload of an answer: ``f:<flow>:<step>:<value>`` (short ASCII only)."""
    name = flow if isinstance(flow, str) else flow.name
    return callbacks.SEPARATOR.join((callbacks.FLOW, name, step, value))


def answer_payload(ctx: FlowContext, value: str) -> str:
    """Payload of an extra button (e.g. a suggestion) answering the current step."""
    assert ctx.state is not None
    return payload(ctx.state.flow, ctx.state.step, value)


def _apply_data(state: ConversationState, changes: Mapping[str, Any]) -> None:
    for key, value in changes.items():
        if value is DELETE:
            state.data.pop(key, None)
        else:
            state.data[key] = value


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

    def first_unanswered(self, flow_name: str, answers: Mapping[str, Any]) -> str:
        """Where to resume a flow whose answers are these: the first step without one."""
        flow = self.flows[flow_name]
        for step in flow.steps:
            if step.name not in answers:
                return step.name
        return REVIEW if flow.review_key else flow.steps[-1].name

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
                pageable=True,
            )
        ]

    def _extras(self, flow: Flow, ctx: FlowContext, step: Step) -> tuple[Choice, ...]:
        extras = []
        if step.optional:
            extras.append(Choice(payload(flow, step.name, SKIP), key="btn-skip"))
        if ctx.data.get("single"):
            extras.append(Choice(payload(flow, step.name, CANCEL), key="btn-cancel"))
        elif self._previous(flow, ctx, step) is not None:
            extras.append(Choice(payload(flow, step.name, BACK), key="btn-back"))
        return tuple(extras)

    def help(self, ctx: FlowContext) -> list[Reply]:
        step = self.current(ctx)
        key = step.help if step and step.help else "flow-help-generic"
        return [Reply(key), *self.prompt(ctx)]

    # --- answers ----------------------------------------------------------------------

    async def answer(self, ctx: FlowContext, answer: Answer) -> list[Outcome]:
        flow = self._flow(ctx)
        assert ctx.state is not None
        if answer.value == BACK:
            return await self.back(ctx)
        if answer.value == SKIP:
            return await self.skip(ctx)
        if answer.value == CANCEL:
            return self.cancel(ctx)
        if ctx.state.step == REVIEW:
            return await self._on_review(flow, ctx, answer)
        if ctx.state.step == EDIT:
            return self._on_edit(flow, ctx, answer)
        step = flow.by_name[ctx.state.step]
        if answer.text is not None and answer.value is None and step.choices:
            answer = self._match_label(step, ctx, answer)
        # "বাদ দিন", "নেই", "no" typed at an optional question: a skip, never the answer.
        if step.optional and answer.value is None and answer.text and is_skip(answer.text):
            return await self.skip(ctx)
        parsed = step.parse(answer, ctx)
        if inspect.isawaitable(parsed):
            parsed = await parsed
        if isinstance(parsed, Reject) and answer.value is None and answer.text and step.choices:
            # Refused as typed: the words of exactly one button press it instead.
            partial = self._match_label(step, ctx, answer, partial=True)
            if partial.value is not None:
                parsed = step.parse(partial, ctx)
                if inspect.isawaitable(parsed):
                    parsed = await parsed
        if isinstance(parsed, Reject):
            _apply_data(ctx.state, parsed.data)
            return [parsed.reply, *self.prompt(ctx)]
        if isinstance(parsed, Stop):
            ctx.state = None
            return [parsed.reply]
        if isinstance(parsed, Keep):
            return await self._keep(flow, ctx, parsed)
        return await self._accept(flow, ctx, step, parsed)

    async def skip(self, ctx: FlowContext) -> list[Outcome]:
        flow = self._flow(ctx)
        step = self.current(ctx)
        if step is None or not step.optional:
            return [Reply("flow-cannot-skip"), *self.prompt(ctx)]
        return await self._accept(flow, ctx, step, Accept(step.skipped))

    async def back(self, ctx: FlowContext) -> list[Outcome]:
        """One question back. The answers stay (the question shows the current one), and the
        flow's stored draft, if it keeps one, is brought in line with them."""
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
        return [*await self._changed(flow, ctx), *self.prompt(ctx)]

    def cancel(self, ctx: FlowContext) -> list[Outcome]:
        """Leave the flow; a resumable one keeps every answer for /start to resume it."""
        flow = self._flow(ctx)
        assert ctx.state is not None
        undo = list(flow.on_cancel(ctx)) if flow.on_cancel is not None else []
        if flow.resumable and not undo:
            ctx.state.active = False
        else:
            ctx.state = None
        if any(isinstance(item, Reply) for item in undo):
            return undo  # the flow says itself what became of it
        return [*undo, Reply(flow.cancelled_key, remove_keyboard=True)]

    # --- internals --------------------------------------------------------------------

    async def _changed(self, flow: Flow, ctx: FlowContext) -> list[Outcome]:
        """The flow's own follow-up to any change of its answers (a draft saved, a count)."""
        if flow.on_change is None or ctx.state is None:
            return []
        change = flow.on_change(ctx)
        if inspect.isawaitable(change):
            change = await change
        _apply_data(ctx.state, change.data)
        return list(change.effects)

    async def _keep(self, flow: Flow, ctx: FlowContext, kept: Keep) -> list[Outcome]:
        assert ctx.state is not None
        ctx.state.answers.update(kept.answers)
        _apply_data(ctx.state, kept.data)
        if kept.defer:
            ctx.defer_reply = True
        out: list[Outcome] = [*kept.effects, *await self._changed(flow, ctx), *kept.replies]
        if kept.goto is not None:
            ctx.state.step = kept.goto
            ctx.state.data.pop("editing", None)
            return [*out, *self.prompt(ctx)]
        return [*out, *(self.prompt(ctx) if kept.ask_again else ())]

    async def _accept(self, flow: Flow, ctx: FlowContext, step: Step, ok: Accept) -> list[Outcome]:
        assert ctx.state is not None
        for name, value in ok.answers.items():
            if value is DELETE:
                ctx.state.answers.pop(name, None)
            else:
                ctx.state.answers[name] = value
        ctx.state.answers[step.name] = ok.value
        _apply_data(ctx.state, ok.data)
        if ok.defer:
            ctx.defer_reply = True
        out: list[Outcome] = [*ok.effects, *await self._changed(flow, ctx), *ok.notes]
        if ctx.state.data.get("single"):
            return [*out, *await self._finish(flow, ctx)]
        following = self._next(flow, ctx, step)
        if ctx.state.data.pop("editing", None):
            # An edit goes back to the summary, unless it made a question apply that has no
            # answer yet (a craft picked now asks which item): that is asked first.
            if following is not None and following.name not in ctx.state.answers:
                ctx.state.data["editing"] = True
            else:
                following = None
        if following is not None:
            ctx.state.step = following.name
        elif flow.review_key:
            ctx.state.step = REVIEW
        else:
            return [*out, *await self._finish(flow, ctx)]
        return [*out, *self.prompt(ctx)]

    async def _finish(self, flow: Flow, ctx: FlowContext) -> list[Outcome]:
        result = flow.finish(ctx)
        if inspect.isawaitable(result):
            result = await result
        ctx.state = None
        out: list[Outcome] = []
        for item in result:
            if isinstance(item, Handover):
                ctx.state = item.state
            else:
                out.append(item)
        return out

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
        return Reply("flow-edit-which", choices=laid, pageable=True)

    async def _on_review(self, flow: Flow, ctx: FlowContext, answer: Answer) -> list[Outcome]:
        assert ctx.state is not None
        typed = lookup_key(answer.text) if answer.value is None and answer.text else ""
        if answer.value == CONFIRM or typed in _TYPED_CONFIRM:
            return await self._finish(flow, ctx)
        if answer.value == "edit" or typed in _TYPED_EDIT:
            ctx.state.step = EDIT
            return list(self.prompt(ctx))
        return [Reply("flow-use-buttons"), *self.prompt(ctx)]

    def _on_edit(self, flow: Flow, ctx: FlowContext, answer: Answer) -> list[Outcome]:
        assert ctx.state is not None
        step = flow.step(answer.value or "")
        if answer.value == "_none":
            ctx.state.step = REVIEW
            return list(self.prompt(ctx))
        if step is None or step.label is None:
            return [Reply("flow-use-buttons"), *self.prompt(ctx)]
        ctx.state.step = step.name
        ctx.state.data["editing"] = True
        return list(self.prompt(ctx))

    def _match_label(
        self, step: Step, ctx: FlowContext, answer: Answer, *, partial: bool = False
    ) -> Answer:
        """Typed text equal to a button's label counts as pressing it ("English", "হ্যাঁ")."""
        assert step.choices is not None and answer.text is not None
        typed = lookup_key(answer.text)
        if not typed:
            return answer
        choices = step.choices(ctx)
        labels = [(choice, lookup_key(ctx.label(choice, ctx.locale))) for choice in choices]
        for choice, label in labels:
            if label == typed:
                return Answer(text=answer.text, value=choice.value)
        # ``partial`` (for text the step refused): the label's words in part, when only one
        # label has them all: "রাজি" for "✅ আমি রাজি".
        words = set(typed.split())
        if partial and sum(len(word) for word in words) >= 2:
            having = [choice for choice, label in labels if words <= set(label.split())]
            if len(having) == 1:
                return Answer(text=answer.text, value=having[0].value)
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
