"""/newtraining: a coordinator schedules a training, and its invitations go out in one batch."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from chat import callbacks
from chat.replies import Choice, Reply
from flows.answers import free_text
from flows.effects import Effect, EffectEnv
from flows.eligibility import TYPED_ANSWERS
from flows.engine import (
    DELETE,
    Accept,
    Answer,
    Flow,
    FlowContext,
    Keep,
    Outcome,
    Parsed,
    Reject,
    Step,
)
from services import places, trainings
from services.measures import parse_count
from services.text import lookup_key
from services.when import clock_reply, day_text, next_days, parse_day, parse_when, when_text

NEW_TRAINING = "trn"
TITLE_MAX = 80
PLACE_MAX = 200
MAX_CAPACITY = 10_000
DAYS_OFFERED = 7
# Trainings are planned weeks ahead, not a year: a date further than this is refused, which
# also catches a day just gone typed without a year ("25/11" on 27 Nov reads as next year's).
MAX_DAYS_AHEAD = 180
# Hours most district trainings start at (local time); anything else can be typed.
TIMES = ((10, 0), (11, 0), (14, 0), (15, 0), (16, 0))
_ALL_WORDS = frozenset(lookup_key(w) for w in ("all", "সব", "সবাই", "sob", "sab", "सब", "सभी"))
_YES_NO = {lookup_key(w): a for a in ("yes", "no") for w in TYPED_ANSWERS[a]}


def start_of(answers: dict[str, Any]) -> datetime | None:
    value = answers.get("when")
    return datetime.fromisoformat(value) if isinstance(value, str) else None


# --- title, place, capacity -------------------------------------------------------------------


def _text(answer: Answer, limit: int) -> Parsed:
    return free_text(answer, limit)


def _parse_title(answer: Answer, ctx: FlowContext) -> Parsed:
    return _text(answer, TITLE_MAX)


def _parse_place(answer: Answer, ctx: FlowContext) -> Parsed:
    return _text(answer, PLACE_MAX)


def _parse_capacity(answer: Answer, ctx: FlowContext) -> Parsed:
    parsed = _text(answer, TITLE_MAX)
    if not isinstance(parsed, Accept):
        return parsed
    result = parse_count(parsed.value, max_value=MAX_CAPACITY, min_value=1)
    if not result.ok:
        return Reject(Reply("trn-capacity-error", {"max": MAX_CAPACITY}))
    return Accept(result.value)


def _show_text(value: Any, ctx: FlowContext) -> str | None:
    return str(value) if value else None


def _show_number(value: Any, ctx: FlowContext) -> int | None:
    return value if isinstance(value, int) else None


# --- districts --------------------------------------------------------------------------------


def _mine(ctx: FlowContext) -> list[str]:
    return list(ctx.data.get("mine") or [])


def _asks_districts(ctx: FlowContext) -> bool:
    return bool(ctx.data.get("admin")) or len(_mine(ctx)) > 1


def _district_choices(ctx: FlowContext) -> list[Choice]:
    if ctx.data.get("admin"):
        return [Choice("all", key="trn-btn-all-districts")]
    mine = [Choice(c, text=places.district_name(c, ctx.locale)) for c in _mine(ctx)]
    return [*mine, Choice("mine", key="trn-btn-all-mine")]


def _parse_districts(answer: Answer, ctx: FlowContext) -> Parsed:
    admin, mine = bool(ctx.data.get("admin")), _mine(ctx)
    if answer.value is not None:
        if answer.value == "all" and admin:
            return Accept([d.code for d in places.districts()])
        if answer.value == "mine" and mine:
            return Accept(mine)
        if answer.value in mine:
            return Accept([answer.value])
        return Reject(Reply("error-stale-button"))
    parsed = _text(answer, PLACE_MAX)
    if not isinstance(parsed, Accept):
        return parsed
    if lookup_key(parsed.value) in _ALL_WORDS:
        return Accept([d.code for d in places.districts()] if admin else mine)
    codes: list[str] = []
    for part in parsed.value.replace("،", ",").replace(";", ",").split(","):
        if not part.strip():
            continue
        match = places.match_district(part)
        if match.district is None:
            return Reject(Reply("trn-district-unknown", {"name": part.strip()}))
        if not admin and match.district.code not in mine:
            name = match.district.name(ctx.locale)
            return Reject(Reply("staff-not-your-district", {"district": name}))
        if match.district.code not in codes:
            codes.append(match.district.code)
    return Accept(codes) if codes else Reject(Reply("error-use-text"))


def show_districts(value: Any, ctx: FlowContext) -> str | Reply | None:
    if not isinstance(value, list) or not value:
        return None
    if len(set(value)) >= len(places.districts()):
        return Reply("trn-all-districts")
    return places.district_names(value, ctx.locale)


# --- when: a day button then a time button, or typed; ambiguous readings confirmed ------------


def _today(ctx: FlowContext) -> date:
    return ctx.now.astimezone(ctx.zone).date()


def _chosen_day(ctx: FlowContext) -> date | None:
    value = ctx.data.get("day")
    return date.fromisoformat(value) if isinstance(value, str) else None


def _times(ctx: FlowContext, day: date) -> list[time]:
    return [time(h, m) for h, m in TIMES if datetime.combine(day, time(h, m), ctx.zone) > ctx.now]


def _when_stage(ctx: FlowContext) -> str:
    if ctx.data.get("maybe"):
        return "confirm"
    return "time" if _chosen_day(ctx) else "day"


def _when_choices(ctx: FlowContext) -> list[Choice]:
    stage = _when_stage(ctx)
    if stage == "confirm":
        return [Choice("yes", key="trn-btn-yes"), Choice("no", key="trn-btn-no")]
    day = _chosen_day(ctx)
    if day is not None:
        times = [
            Choice(f"h{t:%H%M}", key="trn-btn-time", args={"clock": clock_reply(t, ctx.locale)})
            for t in _times(ctx, day)
        ]
        return [*times, Choice("days", key="trn-btn-other-day")]
    today = _today(ctx)
    days = next_days(ctx.now, ctx.zone, DAYS_OFFERED)
    if not _times(ctx, today):
        days = days[1:]
    choices = []
    for day in days:
        key = {0: "trn-btn-today", 1: "trn-btn-tomorrow"}.get((day - today).days, "trn-btn-day")
        text = day_text(day, ctx.locale)
        choices.append(Choice(f"d{day:%Y%m%d}", key=key, args={"day": text}))
    return choices


def _when_args(ctx: FlowContext) -> dict[str, Any]:
    stage = _when_stage(ctx)
    if stage == "confirm":
        moment = datetime.fromisoformat(ctx.data["maybe"])
        return {"stage": stage, "day": when_text(moment, ctx.locale, ctx.zone, ctx.label)}
    day = _chosen_day(ctx)
    return {"stage": stage, "day": day_text(day, ctx.locale) if day else ""}


def _in_range(moment: datetime, ctx: FlowContext) -> Parsed | None:
    """A refusal when the moment is past or too far ahead; None when it is fine."""
    if moment <= ctx.now:
        return Reject(Reply("trn-when-past"))
    if moment - ctx.now > timedelta(days=MAX_DAYS_AHEAD):
        return Reject(Reply("trn-when-too-far"))
    return None


def _accept_when(moment: datetime, ctx: FlowContext) -> Parsed:
    refused = _in_range(moment, ctx)
    if refused is not None:
        return refused
    return Accept(moment.astimezone(UTC).isoformat(), data={"day": DELETE, "maybe": DELETE})


def _parse_when(answer: Answer, ctx: FlowContext) -> Parsed:
    value, data = answer.value, ctx.data
    if value is None and answer.text and data.get("maybe"):
        value = _YES_NO.get(lookup_key(answer.text))  # "হ্যাঁ" typed to the confirm question
    if value is not None:
        return _when_button(value, ctx)
    if answer.media or answer.phone or not answer.text:
        return Reject(Reply("trn-when-not-understood"))
    forget = {"maybe": DELETE}  # a new answer replaces a reading waiting to be confirmed
    day = _chosen_day(ctx)
    # With a day chosen, a bare time ("3pm", "বিকেল ৩টা") is for that day; a typed date wins.
    anchor, zone = ctx.now, ctx.zone
    names_day = parse_day(answer.text, now=ctx.now, zone=zone, max_days=MAX_DAYS_AHEAD).ok
    if day is not None and day > _today(ctx) and not names_day:
        anchor = datetime.combine(day, time(4, 0), zone)
    parsed = parse_when(answer.text, now=anchor, zone=zone, max_days=MAX_DAYS_AHEAD)
    if parsed.error == "no_time":
        only_day = parse_day(answer.text, now=anchor, zone=zone, max_days=MAX_DAYS_AHEAD)
        if only_day.value is not None:
            return Keep(ask_again=True, data={**forget, "day": only_day.value.date().isoformat()})
    if parsed.value is None:
        key = {
            "past": "trn-when-past",
            "invalid_date": "trn-when-invalid",
            "too_far": "trn-when-too-far",
        }.get(parsed.error or "", "trn-when-not-understood")
        return Reject(Reply(key), data=forget)
    refused = _in_range(parsed.value, ctx)
    if refused is not None:
        return Reject(refused.reply, data=forget) if isinstance(refused, Reject) else refused
    if parsed.ambiguous:
        return Keep(ask_again=True, data={"maybe": parsed.value.astimezone(UTC).isoformat()})
    return _accept_when(parsed.value, ctx)


def _when_button(value: str, ctx: FlowContext) -> Parsed:
    data = ctx.data
    if value == "yes" and data.get("maybe"):
        return _accept_when(datetime.fromisoformat(data["maybe"]), ctx)
    if value == "no" and data.get("maybe"):
        return Reject(Reply("trn-when-say-clearer"), data={"maybe": DELETE})
    if value == "days":
        return Keep(ask_again=True, data={"day": DELETE})
    if value.startswith("d") and value[1:].isdigit() and len(value) == 9:
        try:
            day = datetime.strptime(value[1:], "%Y%m%d").date()
        except ValueError:
            return Reject(Reply("error-stale-button"))
        if day < _today(ctx):
            return Reject(Reply("trn-when-past"))
        return Keep(ask_again=True, data={"day": day.isoformat(), "maybe": DELETE})
    day = _chosen_day(ctx)
    digits = value[1:]
    if value.startswith("h") and digits.isascii() and digits.isdigit() and len(value) == 5 and day:
        hour, minute = int(value[1:3]), int(value[3:5])
        if hour < 24 and minute < 60:
            return _accept_when(datetime.combine(day, time(hour, minute), ctx.zone), ctx)
    return Reject(Reply("error-stale-button"))


def show_when(value: Any, ctx: FlowContext) -> str | None:
    if not isinstance(value, str):
        return None
    return when_text(datetime.fromisoformat(value), ctx.locale, ctx.zone, ctx.label)


# --- finishing: the training and its invitations ----------------------------------------------


@dataclass(frozen=True, slots=True)
class CreateTraining(Effect):
    """The training, its invitations in each seller's language, and the audit entry."""

    title: str
    place: str
    starts_at: datetime
    capacity: int | None
    districts: tuple[str, ...]

    async def apply(self, env: EffectEnv) -> list[Reply]:
        training, invited = await trainings.create(
            env.repo,
            title=self.title,
            place=self.place,
            starts_at=self.starts_at,
            capacity=self.capacity,
            districts=self.districts,
            creator=env.user_id,
            zone=env.zone,
            label=env.label,
        )
        return [
            Reply(
                "trn-created",
                {
                    "title": training.title,
                    "when": when_text(training.starts_at, env.locale, env.zone, env.label),
                    "count": invited,
                },
                choices=((Choice(callbacks.TRAINING_LIST.data(), key="trn-btn-my-trainings"),),),
            )
        ]


def _finish(ctx: FlowContext) -> list[Outcome]:
    answers = ctx.answers
    start = start_of(answers)
    if start is None or start <= ctx.now:
        return [Reply("trn-when-passed")]
    districts = answers.get("districts") or _mine(ctx)
    return [
        CreateTraining(
            title=answers["title"],
            place=answers["place"],
            starts_at=start,
            capacity=answers.get("capacity"),
            districts=tuple(districts),
        )
    ]


def start_data(districts: Iterable[str], is_admin: bool) -> dict[str, Any]:
    return {"mine": sorted(districts), "admin": is_admin}


new_training = Flow(
    NEW_TRAINING,
    (
        Step(
            "title",
            "trn-ask-title",
            _parse_title,
            help="trn-help-title",
            label="trn-field-title",
            show=_show_text,
        ),
        Step(
            "districts",
            "trn-ask-districts",
            _parse_districts,
            choices=_district_choices,
            help="trn-help-districts",
            label="trn-field-districts",
            show=show_districts,
            when=_asks_districts,
            when_label="an administrator, or more than one district",
            prompt_args=lambda ctx: {"admin": "yes" if ctx.data.get("admin") else "no"},
        ),
        Step(
            "when",
            "trn-ask-when",
            _parse_when,
            choices=_when_choices,
            help="trn-help-when",
            label="trn-field-when",
            show=show_when,
            prompt_args=_when_args,
            loop="a day, then a time (or confirm what was typed)",
        ),
        Step(
            "place",
            "trn-ask-place",
            _parse_place,
            help="trn-help-place",
            label="trn-field-place",
            show=_show_text,
        ),
        Step(
            "capacity",
            "trn-ask-capacity",
            _parse_capacity,
            optional=True,
            help="trn-help-capacity",
            label="trn-field-capacity",
            show=_show_number,
        ),
    ),
    finish=_finish,
    review_key="trn-summary",
    cancelled_key="trn-new-cancelled",
)
