"""The coordinator's broadcast composer: text per language, photo, segment, when, preview, queue."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from chat import callbacks
from chat.replies import Choice, Reply
from content import DEFAULT_LOCALE, LOCALES
from flows.effects import Effect, EffectEnv
from flows.engine import (
    DELETE,
    Accept,
    Answer,
    Change,
    Flow,
    FlowContext,
    Keep,
    Outcome,
    Parsed,
    Reject,
    Step,
)
from flows.engine import answer_payload as _payload
from services import broadcasts, places
from services.broadcasts import markup_length, text_locale, texts_of
from services.when import numeric_when, parse_when
from storage.broadcasts import STAGES, Segment

BROADCAST = "bcast"
FALLBACK = DEFAULT_LOCALE
VERSION_ORDER = ("en", "hi", "bn")  # the "add … version" buttons
# Telegram allows 4096 characters (UTF-16 units) a message, the strictest of the channels. The
# text is escaped into the markup and cut if longer, so the escaped text is measured, with a
# margin to spare.
TEXT_LIMIT = 4000
PREVIEW_ROOM = 3200  # characters of text the preview shows in all (the review is one message)
EXCERPT = 60
SEGMENT_STEPS = ("district", "craft", "stage", "lang")

LANGUAGE = {"bn": Reply("lang-name-bn"), "en": Reply("lang-name-en"), "hi": Reply("lang-name-hi")}
STAGE = {
    "any": Reply("bc-stage-any"),
    "noprod": Reply("bc-stage-noprod"),
    "ready": Reply("bc-stage-ready"),
    "checked": Reply("bc-stage-checked"),
    "unchecked": Reply("bc-stage-unchecked"),
}
WHEN_ERROR = {
    "not_date": Reply("bc-when-not-date"),
    "no_time": Reply("bc-when-no-time"),
    "past": Reply("bc-when-past"),
    "invalid_date": Reply("bc-when-invalid"),
    "too_far": Reply("bc-when-too-far"),
}
PHOTO_ERROR = {
    "too_big": Reply("photo-error-too_big"),
    "download_failed": Reply("photo-error-download_failed"),
    "not_image_format": Reply("photo-error-not_image_format"),
    "too_small": Reply("photo-error-too_small"),
}
assert tuple(STAGE) == STAGES


# --- texts ----------------------------------------------------------------------------------


def _excerpt(text: str, room: int = EXCERPT) -> str:
    return text if len(text) <= room else text[: room - 1].rstrip() + "…"


def _text(answer: Answer) -> Parsed:
    if answer.media:
        return Reject(Reply("bc-text-not-text"))
    if answer.phone:
        return Reject(Reply("error-not-text", {"kind": "contact"}))
    text = (answer.text or "").strip()
    if not text:
        return Reject(Reply("error-use-text"))
    length = markup_length(text)
    if length > TEXT_LIMIT:
        return Reject(Reply("bc-text-long", {"max": TEXT_LIMIT, "length": length}))
    return Accept(text)


def _parse_text(answer: Answer, ctx: FlowContext) -> Parsed:
    return _text(answer)


def _show_text(value: Any, ctx: FlowContext) -> str | None:
    return _excerpt(str(value)) if value else None


def _main(ctx: FlowContext) -> str:
    return text_locale(ctx.answers.get("text") or "", ctx.locale)


def _versions_choices(ctx: FlowContext) -> list[Choice]:
    main = _main(ctx)
    have = ctx.data.get("versions") or {}
    choices = [
        Choice(
            f"add_{code}",
            key="btn-bc-change-version" if code in have else "btn-bc-add-version",
            args={"language": LANGUAGE[code]},
        )
        for code in VERSION_ORDER
        if code != main
    ]
    return [*choices, Choice("done", key="btn-bc-versions-done")]


def _versions_args(ctx: FlowContext) -> dict[str, Any]:
    adding = ctx.data.get("adding")
    return {
        "mode": "add" if adding in LANGUAGE else "menu",
        "language": LANGUAGE.get(adding, ""),
        "main": LANGUAGE[_main(ctx)],
    }


def _parse_versions(answer: Answer, ctx: FlowContext) -> Parsed:
    data = ctx.data
    # A version in the main text's own language is dropped (the main text was changed).
    versions: dict[str, str] = {
        code: text for code, text in (data.get("versions") or {}).items() if code != _main(ctx)
    }
    value = answer.value
    if value == "done":
        return Accept(dict(versions), data={"versions": versions, "adding": DELETE})
    if value is not None:
        code = value.removeprefix("add_")
        if not value.startswith("add_") or code not in LANGUAGE or code == _main(ctx):
            return Reject(Reply("error-stale-button"), data={"versions": versions})
        return Keep(ask_again=True, data={"versions": versions, "adding": code})
    adding = data.get("adding")
    if adding not in LANGUAGE:
        return Reject(Reply("flow-use-buttons"), data={"versions": versions})
    parsed = _text(answer)
    if not isinstance(parsed, Accept):
        return (
            Reject(parsed.reply, data={"versions": versions})
            if isinstance(parsed, Reject)
            else parsed
        )
    versions[adding] = parsed.value
    saved = Reply("bc-version-saved", {"language": LANGUAGE[adding]})
    return Keep((saved,), ask_again=True, data={"versions": versions, "adding": DELETE})


def _show_versions(value: Any, ctx: FlowContext) -> str:
    main, texts = texts_of(ctx.answers, ctx.locale)
    codes = [main, *(code for code in LOCALES if code in texts and code != main)]
    return ", ".join(ctx.label(Choice(code, key=LANGUAGE[code].key), ctx.locale) for code in codes)


# --- photo ----------------------------------------------------------------------------------


def _parse_photo(answer: Answer, ctx: FlowContext) -> Parsed:
    upload = answer.upload
    if upload is None:
        if answer.media in ("photo", "document"):
            return Reject(Reply("photo-error-download_failed"))
        return Reject(Reply("bc-photo-not-photo"))
    error = upload.get("error")
    if error:
        return Reject(PHOTO_ERROR.get(error, Reply("photo-error-unreadable")))
    return Accept({"path": str(upload["path"])})


def _show_photo(value: Any, ctx: FlowContext) -> Reply | None:
    return Reply("bc-photo-yes") if isinstance(value, dict) and value.get("path") else None


# --- the segment ----------------------------------------------------------------------------


def districts_of(value: str | None, own: Any) -> tuple[str, ...] | None:
    """The districts a district answer stands for (None: all of West Bengal)."""
    if value == "all":
        return None
    if value == "mine":
        return tuple(own or ())
    return (value,) if value else ()


def segment_of(answers: Mapping[str, Any], own: Any) -> Segment:
    craft, lang = answers.get("craft"), answers.get("lang")
    return Segment(
        districts=districts_of(answers.get("district"), own),
        craft=None if craft in (None, "any") else craft,
        stage=answers.get("stage") or "any",
        locale=None if lang in (None, "any") else lang,
    )


async def _checked(ctx: FlowContext, name: str, value: Any, own: Any = None) -> Parsed:
    """Accept a segment answer, unless the whole segment then matches nobody: say so plainly
    and ask the segment again from its first question."""
    own = ctx.data.get("own") if own is None else own
    trial = {**ctx.answers, name: value}
    if any(trial.get(step) is None for step in SEGMENT_STEPS):
        return Accept(value, data={"own": list(own or ())})
    if await ctx.look.audience(segment_of(trial, own)):
        return Accept(value, data={"own": list(own or ())})
    return Keep((Reply("bc-nobody"),), goto=SEGMENT_STEPS[0], data={"own": list(own or ())})


def _district_choices(ctx: FlowContext) -> list[Choice]:
    own = ctx.data.get("own") or []
    choices = []
    if ctx.is_admin:
        choices.append(Choice("all", key="bc-district-all"))
    if own:
        choices.append(Choice("mine", key="bc-district-mine"))
    codes = [d.code for d in places.districts()] if ctx.is_admin else own
    choices += [Choice(code, text=places.district_name(code, ctx.locale)) for code in codes]
    return choices


async def _parse_district(answer: Answer, ctx: FlowContext) -> Parsed:
    # The coordinator's districts, fresh: an admin may have changed them mid-flow.
    own = sorted(await ctx.look.coordinator_districts(ctx.user_id))
    fresh = {"own": own}
    value = answer.value
    if value is None:
        if not answer.text:
            return Reject(Reply("flow-use-buttons"), data=fresh)
        match = places.match_district(answer.text)
        if match.district is None:
            return Reject(Reply("staff-unknown-district"), data=fresh)
        value = match.district.code
    if value == "all":
        allowed = ctx.is_admin
    elif value == "mine":
        allowed = bool(own)
    else:
        district = places.district(value)
        if district is None:
            return Reject(Reply("error-stale-button"), data=fresh)
        allowed = ctx.is_admin or value in own
        if not allowed:
            refusal = Reply("staff-not-your-district", {"district": district.name(ctx.locale)})
            return Reject(refusal, data=fresh)
    if not allowed:
        return Reject(Reply("error-stale-button"), data=fresh)
    return await _checked(ctx, "district", value, own)


def _show_district(value: Any, ctx: FlowContext) -> str | Reply | None:
    if value == "all":
        return Reply("bc-district-all")
    codes = districts_of(value, ctx.data.get("own")) or ()
    return places.district_names(codes, ctx.locale) or None


def _craft_choices(ctx: FlowContext) -> list[Choice]:
    chosen = districts_of(ctx.answers.get("district"), ctx.data.get("own"))
    codes = [d.code for d in places.districts()] if chosen is None else chosen
    crafts = {c.id: c for code in codes for c in places.crafts_for(code)}
    return [Choice(c.id, text=c.name(ctx.locale)) for c in crafts.values()]


async def _parse_craft(answer: Answer, ctx: FlowContext) -> Parsed:
    if answer.value is not None:
        if places.craft(answer.value) is None:
            return Reject(Reply("error-stale-button"))
        return await _checked(ctx, "craft", answer.value)
    craft = places.match_craft(answer.text or "") if answer.text else None
    if craft is None:
        return Reject(Reply("bc-craft-unknown"))
    return await _checked(ctx, "craft", craft.id)


def _show_craft(value: Any, ctx: FlowContext) -> str | Reply | None:
    if value == "any":
        return Reply("bc-craft-any")
    craft = places.craft(str(value))
    return craft.name(ctx.locale) if craft else None


def _stage_choices(ctx: FlowContext) -> list[Choice]:
    return [Choice(code, key=reply.key) for code, reply in STAGE.items()]


async def _parse_stage(answer: Answer, ctx: FlowContext) -> Parsed:
    if answer.value in STAGE:
        return await _checked(ctx, "stage", answer.value)
    return Reject(Reply("error-stale-button" if answer.value else "flow-use-buttons"))


def _show_stage(value: Any, ctx: FlowContext) -> Reply | None:
    return STAGE.get(str(value))


def _lang_choices(ctx: FlowContext) -> list[Choice]:
    return [
        Choice("any", key="bc-lang-any"),
        *(Choice(code, key=LANGUAGE[code].key) for code in LOCALES),
    ]


async def _parse_lang(answer: Answer, ctx: FlowContext) -> Parsed:
    if answer.value == "any" or answer.value in LANGUAGE:
        return await _checked(ctx, "lang", answer.value)
    return Reject(Reply("error-stale-button" if answer.value else "flow-use-buttons"))


def _show_lang(value: Any, ctx: FlowContext) -> Reply | None:
    return Reply("bc-lang-any") if value == "any" else LANGUAGE.get(str(value))


# --- when -----------------------------------------------------------------------------------


def format_when(moment: datetime, ctx: FlowContext) -> str:
    return numeric_when(moment, ctx.locale, ctx.zone)


def _parse_when(answer: Answer, ctx: FlowContext) -> Parsed:
    pending = ctx.data.get("when_pending")
    done = {"when_pending": DELETE}  # a reading waiting to be confirmed is answered by now
    if answer.value == "now":
        return Accept("now", data=done)
    if answer.value == "yes" and pending:
        return Accept(pending, data=done)
    if answer.value == "no" and pending:
        return Keep((Reply("bc-when-again"),), ask_again=True, data=done)
    if answer.value is not None:
        return Reject(Reply("error-stale-button"), data=done)
    if not answer.text:
        return Reject(Reply("bc-when-not-date"), data=done)
    parsed = parse_when(answer.text, now=ctx.now, zone=ctx.zone)
    if parsed.value is None:
        return Reject(WHEN_ERROR.get(parsed.error or "", Reply("bc-when-not-date")), data=done)
    iso = parsed.value.astimezone(UTC).isoformat()
    if not parsed.ambiguous:
        return Accept(iso, data=done)
    buttons = (
        (Choice(_payload(ctx, "yes"), key="bc-when-yes"),),
        (Choice(_payload(ctx, "no"), key="bc-when-no"),),
    )
    confirm = Reply("bc-when-confirm", {"when": format_when(parsed.value, ctx)}, choices=buttons)
    return Keep((confirm,), data={"when_pending": iso})


def _show_when(value: Any, ctx: FlowContext) -> str | Reply | None:
    if value == "now":
        return Reply("bc-when-immediately")
    return format_when(datetime.fromisoformat(str(value)), ctx) if value else None


# --- preview and finish ---------------------------------------------------------------------


async def _count(ctx: FlowContext) -> Change:
    """How many the segment reaches, for the preview (counted again after every change)."""
    if not all(ctx.answers.get(step) is not None for step in SEGMENT_STEPS):
        return Change()
    count = await ctx.look.audience(segment_of(ctx.answers, ctx.data.get("own")))
    return Change(data={"count": count})


def _review_parts(ctx: FlowContext) -> list[Reply]:
    main, texts = texts_of(ctx.answers, ctx.locale)
    parts = [Reply("bc-preview-count", {"count": int(ctx.data.get("count") or 0)})]
    room = PREVIEW_ROOM // max(1, len(texts))
    ordered = [main, *(code for code in LOCALES if code in texts and code != main)]
    parts += [
        Reply("bc-preview-text", {"language": LANGUAGE[code], "text": _excerpt(texts[code], room)})
        for code in ordered
    ]
    if len(texts) < len(LOCALES):
        fallback = FALLBACK if FALLBACK in texts else main
        parts.append(Reply("bc-preview-fallback", {"language": LANGUAGE[fallback]}))
    return parts


@dataclass(frozen=True, slots=True)
class SendBroadcast(Effect):
    """Queue the announcement for everyone the segment reaches now, if the coordinator still
    covers its districts."""

    segment: Segment
    answers: dict[str, Any]
    is_admin: bool

    async def apply(self, env: EffectEnv) -> list[Reply]:
        own = await env.repo.coordinators.districts_of(env.user_id)
        districts = self.segment.districts
        allowed = self.is_admin or (districts is not None and bool(own) and set(districts) <= own)
        if not allowed:
            return [Reply("bc-scope-changed")]
        sent = await broadcasts.send(
            env.repo, env.user_id, self.segment, self.answers, env.locale, env.now
        )
        if sent is None:
            return [Reply("bc-nobody-now")]
        broadcast_id, count, due = sent
        key = "bc-queued-now" if self.answers.get("when") == "now" else "bc-queued-later"
        when = numeric_when(due, env.locale, env.zone)
        view = Choice(callbacks.BROADCAST_VIEW.data(broadcast_id), key="btn-bc-view")
        args = {"id": broadcast_id, "count": count, "when": when}
        return [Reply(key, args, choices=((view,),))]


def _finish(ctx: FlowContext) -> list[Outcome]:
    segment = segment_of(ctx.answers, ctx.data.get("own"))
    return [SendBroadcast(segment, dict(ctx.answers), ctx.is_admin)]


broadcast = Flow(
    BROADCAST,
    (
        Step(
            "text",
            "bc-ask-text",
            _parse_text,
            help="bc-help-text",
            label="bc-field-text",
            show=_show_text,
            prompt_args=lambda ctx: {"max": TEXT_LIMIT},
            long_text=True,
        ),
        Step(
            "versions",
            "bc-ask-versions",
            _parse_versions,
            choices=_versions_choices,
            help="bc-help-versions",
            label="bc-field-versions",
            show=_show_versions,
            prompt_args=_versions_args,
            long_text=True,
            loop="a version in another language",
        ),
        Step(
            "photo",
            "bc-ask-photo",
            _parse_photo,
            optional=True,
            help="bc-help-photo",
            label="bc-field-photo",
            show=_show_photo,
            media=True,
        ),
        Step(
            "district",
            "bc-ask-district",
            _parse_district,
            choices=_district_choices,
            per_row=2,
            help="bc-help-district",
            label="field-district",
            show=_show_district,
        ),
        Step(
            "craft",
            "bc-ask-craft",
            _parse_craft,
            choices=_craft_choices,
            per_row=2,
            optional=True,
            help="bc-help-craft",
            label="field-craft",
            show=_show_craft,
            skipped="any",
        ),
        Step(
            "stage",
            "bc-ask-stage",
            _parse_stage,
            choices=_stage_choices,
            help="bc-help-stage",
            label="bc-field-stage",
            show=_show_stage,
        ),
        Step(
            "lang",
            "bc-ask-lang",
            _parse_lang,
            choices=_lang_choices,
            per_row=2,
            help="bc-help-lang",
            label="bc-field-lang",
            show=_show_lang,
        ),
        Step(
            "when",
            "bc-ask-when",
            _parse_when,
            choices=lambda ctx: [Choice("now", key="bc-when-now")],
            help="bc-help-when",
            label="bc-field-when",
            show=_show_when,
        ),
    ),
    finish=_finish,
    review_key="bc-preview",
    cancelled_key="bc-cancelled",
    on_change=_count,
    review_parts=_review_parts,
)
