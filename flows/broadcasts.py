"""The coordinator's broadcast composer: text per language, photo, segment, when, preview, queue."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from chat.replies import Choice, Reply
from content import LOCALES
from flows.engine import Accept, Answer, Flow, FlowContext, Keep, Parsed, Reject, Step
from flows.engine import answer_payload as _payload
from flows.registration import district_label
from services import places
from services.text import localise_digits, utf16_length
from services.when import IST, parse_when
from storage.broadcasts import STAGES, Segment
from storage.outbox import OutboxItem
from storage.unit import Repo

BROADCAST = "bcast"
FALLBACK = "bn"
VERSION_ORDER = ("en", "hi", "bn")  # the "add … version" buttons
# Telegram allows 4096 characters (UTF-16 units) a message. The sender escapes the text for
# HTML and cuts what is longer, so the escaped text is measured, with a margin to spare.
TEXT_LIMIT = 4000
PREVIEW_ROOM = 3200  # characters of text the preview shows in all (the review is one message)
EXCERPT = 60
SEGMENT_STEPS = ("district", "craft", "stage", "lang")
BATCH = 10_000  # recipients per enqueue call
TTL = timedelta(days=7)  # an announcement not delivered within a week is stale: skipped
# Steps whose typed answer is the coordinator's own text: the router is to pass it with its
# line breaks and at full length (up to Telegram's 4096), not cut to its usual MAX_INPUT.
LONG_TEXT_STEPS = frozenset({(BROADCAST, "text"), (BROADCAST, "versions")})

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


def telegram_length(text: str) -> int:
    """The text's length as Telegram counts it once the sender has escaped it (UTF-16 units)."""
    return utf16_length(html.escape(text, quote=False))


def text_locale(text: str, default: str) -> str:
    """The language a text is written in, by its script: Bengali, Devanagari or Latin."""
    counts = dict.fromkeys(LOCALES, 0)
    for char in text:
        point = ord(char)
        if 0x0980 <= point <= 0x09FF:
            counts["bn"] += 1
        elif 0x0900 <= point <= 0x097F:
            counts["hi"] += 1
        elif char.isascii() and char.isalpha():
            counts["en"] += 1
    best = max(counts, key=lambda code: counts[code])
    return best if counts[best] else default


def texts_of(answers: Mapping[str, Any], default: str) -> tuple[str, dict[str, str]]:
    """The main text's language and every version by locale (the main text wins its own)."""
    main_text = answers.get("text") or ""
    main = text_locale(main_text, default)
    versions = answers.get("versions") or {}
    texts = {code: t for code, t in versions.items() if code in LOCALES and code != main and t}
    return main, {main: main_text, **texts}


def pick(texts: Mapping[str, str], main: str, locale: str) -> str:
    """What a seller reading ``locale`` gets: their version, else Bengali, else the main text."""
    return texts.get(locale) or texts.get(FALLBACK) or texts[main]


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
    length = telegram_length(text)
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
    versions: dict[str, str] = {
        code: text for code, text in (data.get("versions") or {}).items() if code != _main(ctx)
    }
    data["versions"] = versions
    value = answer.value
    if value == "done":
        data.pop("adding", None)
        return Accept(dict(versions))
    if value is not None:
        code = value.removeprefix("add_")
        if not value.startswith("add_") or code not in LANGUAGE or code == _main(ctx):
            return Reject(Reply("error-stale-button"))
        data["adding"] = code
        return Keep((), ask_again=True)
    adding = data.get("adding")
    if adding not in LANGUAGE:
        return Reject(Reply("flow-use-buttons"))
    parsed = _text(answer)
    if not isinstance(parsed, Accept):
        return parsed
    versions[adding] = parsed.value
    data.pop("adding")
    return Keep((Reply("bc-version-saved", {"language": LANGUAGE[adding]}),), ask_again=True)


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


async def _own(ctx: FlowContext) -> list[str]:
    """The coordinator's districts, fresh (an admin may have changed them mid-flow)."""
    own = sorted(await ctx.repo.coordinators.districts_of(ctx.user_id))
    ctx.data["own"] = own
    return own


def districts_of(value: str | None, ctx: FlowContext) -> tuple[str, ...] | None:
    """The districts a district answer stands for (None: all of West Bengal)."""
    if value == "all":
        return None
    if value == "mine":
        return tuple(ctx.data.get("own") or ())
    return (value,) if value else ()


def segment_of(answers: Mapping[str, Any], ctx: FlowContext) -> Segment:
    craft, lang = answers.get("craft"), answers.get("lang")
    return Segment(
        districts=districts_of(answers.get("district"), ctx),
        craft=None if craft in (None, "any") else craft,
        stage=answers.get("stage") or "any",
        locale=None if lang in (None, "any") else lang,
    )


async def _checked(ctx: FlowContext, name: str, value: Any) -> Parsed:
    """Accept a segment answer, unless the whole segment then matches nobody: say so plainly
    and ask the segment again from its first question."""
    trial = {**ctx.answers, name: value}
    if any(trial.get(step) is None for step in SEGMENT_STEPS):
        return Accept(value)
    if await ctx.repo.broadcasts.count(segment_of(trial, ctx)):
        return Accept(value)
    assert ctx.state is not None
    ctx.state.step = SEGMENT_STEPS[0]
    ctx.state.data.pop("editing", None)
    return Keep((Reply("bc-nobody"),), ask_again=True)


def _district_choices(ctx: FlowContext) -> list[Choice]:
    own = ctx.data.get("own") or []
    choices = []
    if ctx.is_admin:
        choices.append(Choice("all", key="bc-district-all"))
    if own:
        choices.append(Choice("mine", key="bc-district-mine"))
    codes = [d.code for d in places.districts()] if ctx.is_admin else own
    choices += [Choice(code, text=district_label(code, ctx.locale)) for code in codes]
    return choices


async def _parse_district(answer: Answer, ctx: FlowContext) -> Parsed:
    own = await _own(ctx)
    value = answer.value
    if value is None:
        if not answer.text:
            return Reject(Reply("flow-use-buttons"))
        match = places.match_district(answer.text)
        if match.district is None:
            return Reject(Reply("staff-unknown-district"))
        value = match.district.code
    if value == "all":
        allowed = ctx.is_admin
    elif value == "mine":
        allowed = bool(own)
    else:
        district = places.district(value)
        if district is None:
            return Reject(Reply("error-stale-button"))
        allowed = ctx.is_admin or value in own
        if not allowed:
            return Reject(Reply("staff-not-your-district", {"district": district.name(ctx.locale)}))
    if not allowed:
        return Reject(Reply("error-stale-button"))
    return await _checked(ctx, "district", value)


def _show_district(value: Any, ctx: FlowContext) -> str | Reply | None:
    if value == "all":
        return Reply("bc-district-all")
    codes = districts_of(value, ctx) or ()
    return ", ".join(district_label(code, ctx.locale) for code in codes) or None


def _craft_choices(ctx: FlowContext) -> list[Choice]:
    chosen = districts_of(ctx.answers.get("district"), ctx)
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


async def _any_craft(ctx: FlowContext, value: Any) -> None:
    if value is None and ctx.state is not None:  # skipped: every craft
        ctx.state.answers["craft"] = "any"


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


def format_when(moment: datetime, locale: str) -> str:
    """A moment as a person in West Bengal reads it: IST, day/month/year and 24-hour time."""
    return localise_digits(moment.astimezone(IST).strftime("%d/%m/%Y %H:%M"), locale)


def _parse_when(answer: Answer, ctx: FlowContext) -> Parsed:
    pending = ctx.data.pop("when_pending", None)
    if answer.value == "now":
        return Accept("now")
    if answer.value == "yes" and pending:
        return Accept(pending)
    if answer.value == "no" and pending:
        return Keep((Reply("bc-when-again"),), ask_again=True)
    if answer.value is not None:
        return Reject(Reply("error-stale-button"))
    if not answer.text:
        return Reject(Reply("bc-when-not-date"))
    parsed = parse_when(answer.text, now=ctx.now)
    if parsed.value is None:
        return Reject(WHEN_ERROR.get(parsed.error or "", Reply("bc-when-not-date")))
    iso = parsed.value.astimezone(UTC).isoformat()
    if not parsed.ambiguous:
        return Accept(iso)
    ctx.data["when_pending"] = iso
    buttons = (
        (Choice(_payload(ctx, "yes"), key="bc-when-yes"),),
        (Choice(_payload(ctx, "no"), key="bc-when-no"),),
    )
    confirm = Reply(
        "bc-when-confirm", {"when": format_when(parsed.value, ctx.locale)}, choices=buttons
    )
    return Keep((confirm,))


def _show_when(value: Any, ctx: FlowContext) -> str | Reply | None:
    if value == "now":
        return Reply("bc-when-immediately")
    return format_when(datetime.fromisoformat(str(value)), ctx.locale) if value else None


def due_of(value: Any, now: datetime) -> datetime:
    """When the rows fall due: now, or the typed moment (never in the past)."""
    now = now.astimezone(UTC)
    if value == "now" or not value:
        return now
    return max(datetime.fromisoformat(str(value)).astimezone(UTC), now)


# --- preview and finish ---------------------------------------------------------------------


async def _count(ctx: FlowContext) -> None:
    if all(ctx.answers.get(step) is not None for step in SEGMENT_STEPS):
        ctx.data["count"] = await ctx.repo.broadcasts.count(segment_of(ctx.answers, ctx))


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


async def queue(
    repo: Repo,
    broadcast_id: int,
    recipients: Sequence[tuple[int, str]],
    main: str,
    texts: Mapping[str, str],
    photo: str | None,
    due_at: datetime,
) -> int:
    """One outbox row per recipient, in their language, enqueued in batches. The ref makes a
    repeated call a no-op."""
    ref = f"bc:{broadcast_id}"
    by_locale: dict[str, dict[str, str]] = {}
    added = 0
    for start in range(0, len(recipients), BATCH):
        items = []
        for user_id, locale in recipients[start : start + BATCH]:
            text = by_locale.get(locale)
            if text is None:
                text = by_locale[locale] = {locale: pick(texts, main, locale)}
            items.append(
                OutboxItem(
                    recipient=user_id,
                    kind="broadcast",
                    text_by_locale=text,
                    photo=photo,
                    ref=ref,
                    broadcast_id=broadcast_id,
                    quiet=True,
                    expires_at=due_at + TTL,
                    due_at=due_at,
                )
            )
        added += await repo.outbox.enqueue(items)
    return added


async def _finish(ctx: FlowContext) -> list[Reply]:
    own = await _own(ctx)
    segment = segment_of(ctx.answers, ctx)
    allowed = ctx.is_admin or (
        segment.districts is not None and set(segment.districts) <= set(own) and bool(own)
    )
    if not allowed:
        return [Reply("bc-scope-changed")]
    recipients = await ctx.repo.broadcasts.recipients(segment)
    if not recipients:
        return [Reply("bc-nobody-now")]
    main, texts = texts_of(ctx.answers, ctx.locale)
    photo = (ctx.answers.get("photo") or {}).get("path")
    due = due_of(ctx.answers.get("when"), ctx.now)
    broadcast_id = await ctx.repo.broadcasts.create(
        ctx.user_id, main, texts, photo, segment, due, len(recipients)
    )
    await queue(ctx.repo, broadcast_id, recipients, main, texts, photo, due)
    detail = f"id={broadcast_id} n={len(recipients)}"
    await ctx.repo.audit.write(ctx.user_id, None, "broadcast", detail)
    key = "bc-queued-now" if ctx.answers.get("when") == "now" else "bc-queued-later"
    return [
        Reply(
            key,
            {"id": broadcast_id, "count": len(recipients), "when": format_when(due, ctx.locale)},
            choices=((Choice(f"bc:view:{broadcast_id}", key="btn-bc-view"),),),
        )
    ]


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
            after=_any_craft,
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
    keep_on_cancel=False,
    on_answer=_count,
    review_parts=_review_parts,
)
