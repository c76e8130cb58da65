"""Seller registration (and single-field profile edits): language, consent, then eight questions."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from chat import callbacks
from chat.replies import Choice, Reply
from content import LOCALES
from flows.answers import free_text, not_text
from flows.effects import Effect, EffectEnv, SetLanguage
from flows.engine import (
    Accept,
    Answer,
    Flow,
    FlowContext,
    Outcome,
    Parsed,
    Reject,
    Step,
    Stop,
    answer_payload,
)
from services import places
from services.ids import (
    check_gstin,
    check_iec,
    check_mobile,
    check_udyam,
    format_mobile,
    gstin_pan,
)
from storage.records import SellerRecord

REGISTRATION = "reg"
PROFILE = "profile"
# Limits on typed names: long enough for any real name, short enough for a listing header.
NAME_MAX = 80
BUSINESS_MAX = 120
CRAFT_TEXT_MAX = 100


def _name_like(answer: Answer, limit: int) -> Parsed:
    return free_text(answer, limit, needs="letter", shortest=2, too_long="error-name-long")


# --- language and consent ------------------------------------------------------------------


def _language_choices(ctx: FlowContext) -> list[Choice]:
    preferred = ctx.language_code if ctx.language_code in LOCALES else ctx.locale
    ordered = sorted(LOCALES, key=lambda code: code != preferred)
    return [Choice(code, key=f"lang-name-{code}") for code in ordered]


def _parse_language(answer: Answer, ctx: FlowContext) -> Parsed:
    if answer.value in LOCALES:
        return Accept(answer.value, effects=(SetLanguage(answer.value),))
    return Reject(Reply("flow-use-buttons"))


def _parse_consent(answer: Answer, ctx: FlowContext) -> Parsed:
    if answer.value == "yes":
        return Accept(ctx.now.isoformat())
    if answer.value == "no":
        return Stop(Reply("reg-consent-declined", remove_keyboard=True))
    return Reject(Reply("flow-use-buttons"))


# --- profile fields ------------------------------------------------------------------------


def _parse_name(answer: Answer, ctx: FlowContext) -> Parsed:
    return _name_like(answer, NAME_MAX)


def _parse_business(answer: Answer, ctx: FlowContext) -> Parsed:
    return _name_like(answer, BUSINESS_MAX)


def _district_choices(ctx: FlowContext) -> list[Choice]:
    return [
        Choice(d.code, text=d.name(ctx.locale)) for d in places.districts_for_reader(ctx.locale)
    ]


def _parse_district(answer: Answer, ctx: FlowContext) -> Parsed:
    if answer.value is not None:
        if places.district(answer.value):
            return Accept(answer.value)
        return Reject(Reply("error-stale-button"))
    if (refused := not_text(answer)) is not None:
        return refused
    if not answer.text:
        return Reject(Reply("error-use-text"))
    match = places.match_district(answer.text[:200])
    if match.district is not None:
        return Accept(match.district.code)
    if match.choices:
        return Reject(_which_district(match, ctx))
    if match.suggestions:
        suggestions = tuple(
            (Choice(answer_payload(ctx, d.code), text=d.name(ctx.locale)),)
            for d in match.suggestions
        )
        return Reject(Reply("reg-district-did-you-mean", choices=suggestions))
    return Reject(Reply("reg-district-unknown"))


def _which_district(match: places.DistrictMatch, ctx: FlowContext) -> Reply:
    """A name several districts share ("বর্ধমান", a border town): which one, a button each. The
    district question follows, so the seller can still type or pick another."""
    names = [d.name(ctx.locale) for d in match.choices]
    buttons = tuple(
        (Choice(answer_payload(ctx, d.code), text=name),)
        for d, name in zip(match.choices, names, strict=True)
    )
    if match.place is None:  # not made by match_district; asked as a guess
        return Reply("reg-district-did-you-mean", choices=buttons)
    place = match.place.name(ctx.locale)
    if len(names) != 2:
        return Reply("places-which-many", {"place": place}, choices=buttons)
    args = {"place": place, "first": names[0], "second": names[1]}
    if match.place.shared_district_name:
        return Reply("places-which-district", args, choices=buttons)
    return Reply("places-which-town", args, choices=buttons)


OWN_NUMBER = "own"  # the button with the number the user's channel gave (WhatsApp)


def _phone_choices(ctx: FlowContext) -> list[Choice]:
    """On WhatsApp the number is known already: one tap confirms it (or type another)."""
    if ctx.channel_phone is None or not check_mobile(ctx.channel_phone).ok:
        return []
    number = format_mobile(check_mobile(ctx.channel_phone).value)
    return [Choice(OWN_NUMBER, key="btn-phone-own", args={"number": number})]


def _parse_phone(answer: Answer, ctx: FlowContext) -> Parsed:
    if answer.value is not None:
        if answer.value != OWN_NUMBER or not _phone_choices(ctx):
            return Reject(Reply("error-stale-button"))
        assert ctx.channel_phone is not None
        raw = ctx.channel_phone
    elif answer.phone is not None:
        if not answer.contact_is_own:
            return Reject(Reply("reg-phone-not-own"))
        raw = answer.phone
    elif answer.media:
        return Reject(Reply("error-not-text", {"kind": answer.media}))
    elif answer.text:
        raw = answer.text
    else:
        return Reject(Reply("error-use-text"))
    checked = check_mobile(raw[:64])
    if not checked.ok:
        return Reject(Reply(f"reg-phone-{checked.error}"))
    return Accept(checked.value, notes=(Reply("reg-phone-saved", remove_keyboard=True),))


def _craft_choices(ctx: FlowContext) -> list[Choice]:
    district = ctx.answers.get("district")
    return [Choice(craft.id, text=craft.name(ctx.locale)) for craft in places.crafts_for(district)]


def _parse_craft(answer: Answer, ctx: FlowContext) -> Parsed:
    if answer.value is not None:
        if places.craft(answer.value):
            return Accept({"id": answer.value})
        return Reject(Reply("error-stale-button"))
    parsed = free_text(answer, CRAFT_TEXT_MAX, needs="letter", shortest=2)
    if not isinstance(parsed, Accept):
        return parsed
    known = places.match_craft(parsed.value)
    return Accept({"id": known.id} if known else {"text": parsed.value})


def show_craft(value: Any, ctx: FlowContext) -> str | None:
    return places.craft_answer_name(value, ctx.locale)


def _id_parser(check: Any, prefix: str) -> Any:
    def parse(answer: Answer, ctx: FlowContext) -> Parsed:
        if answer.value == "same_pan" and prefix == "reg-iec":
            gstin = ctx.answers.get("gstin")
            if gstin:
                # The IEC is the PAN, but only once registered on the DGFT portal: the export
                # check asks before counting it (readiness `iec`, confirm: iec_registered).
                return Accept(gstin_pan(gstin), notes=(Reply("reg-iec-note-from_pan"),))
        if (refused := not_text(answer)) is not None:
            return refused
        if not answer.text:
            return Reject(Reply("error-use-text"))
        checked = check(answer.text[:64])
        if not checked.ok:
            return Reject(Reply(f"{prefix}-error-{checked.error}"))
        notes = (Reply(f"{prefix}-note-{checked.note}"),) if checked.note else ()
        return Accept(checked.value, notes=notes)

    return parse


def _iec_choices(ctx: FlowContext) -> list[Choice]:
    gstin = ctx.answers.get("gstin")
    if not gstin:
        return []
    return [Choice("same_pan", key="btn-iec-same-pan", args={"pan": gstin_pan(gstin)})]


def _show_text(value: Any, ctx: FlowContext) -> str | None:
    return str(value) if value else None


def _show_phone(value: Any, ctx: FlowContext) -> str | None:
    return format_mobile(value) if value else None


def _show_district(value: Any, ctx: FlowContext) -> str | None:
    return places.district_name(value, ctx.locale) if value else None


NAME = Step(
    "name", "reg-ask-name", _parse_name, help="reg-help-name", label="field-name", show=_show_text
)
BUSINESS = Step(
    "business",
    "reg-ask-business",
    _parse_business,
    optional=True,
    help="reg-help-business",
    label="field-business",
    show=_show_text,
)
DISTRICT = Step(
    "district",
    "reg-ask-district",
    _parse_district,
    choices=_district_choices,
    per_row=2,
    help="reg-help-district",
    label="field-district",
    show=_show_district,
)
PHONE = Step(
    "phone",
    "reg-ask-phone",
    _parse_phone,
    choices=_phone_choices,
    help="reg-help-phone",
    label="field-phone",
    show=_show_phone,
    request_contact=True,
)
CRAFT = Step(
    "craft",
    "reg-ask-craft",
    _parse_craft,
    choices=_craft_choices,
    per_row=2,
    help="reg-help-craft",
    label="field-craft",
    show=show_craft,
    language_signal=True,
)
GSTIN = Step(
    "gstin",
    "reg-ask-gstin",
    _id_parser(check_gstin, "reg-gstin"),
    optional=True,
    help="reg-help-gstin",
    label="field-gstin",
    show=_show_text,
)
IEC = Step(
    "iec",
    "reg-ask-iec",
    _id_parser(check_iec, "reg-iec"),
    choices=_iec_choices,
    optional=True,
    help="reg-help-iec",
    label="field-iec",
    show=_show_text,
)
UDYAM = Step(
    "udyam",
    "reg-ask-udyam",
    _id_parser(check_udyam, "reg-udyam"),
    optional=True,
    help="reg-help-udyam",
    label="field-udyam",
    show=_show_text,
)
PROFILE_STEPS = (NAME, BUSINESS, DISTRICT, PHONE, CRAFT, GSTIN, IEC, UDYAM)


def seller_from(user_id: int, answers: Any) -> SellerRecord:
    craft = answers.get("craft") or {}
    return SellerRecord(
        user_id=user_id,
        name=answers["name"],
        business_name=answers.get("business"),
        district=answers["district"],
        phone=answers["phone"],
        craft_id=craft.get("id"),
        craft_text=craft.get("text"),
        gstin=answers.get("gstin"),
        iec=answers.get("iec"),
        udyam=answers.get("udyam"),
    )


def answers_from(seller: SellerRecord) -> dict[str, Any]:
    craft = {"id": seller.craft_id} if seller.craft_id else {"text": seller.craft_text}
    return {
        "name": seller.name,
        "business": seller.business_name,
        "district": seller.district,
        "phone": seller.phone,
        "craft": craft if (seller.craft_id or seller.craft_text) else None,
        "gstin": seller.gstin,
        "iec": seller.iec,
        "udyam": seller.udyam,
    }


@dataclass(frozen=True, slots=True)
class SaveSeller(Effect):
    """Create or change the profile; an edit keeps when they registered and consented."""

    record: SellerRecord
    edit: bool = False

    async def apply(self, env: EffectEnv) -> list[Reply]:
        record = self.record
        if self.edit and (existing := await env.repo.sellers.get(record.user_id)) is not None:
            record = replace(
                record, registered_at=existing.registered_at, consent_at=existing.consent_at
            )
        await env.repo.sellers.save(record)
        return []


def _finish_registration(ctx: FlowContext) -> list[Outcome]:
    offers = (
        (Choice(callbacks.menu("addproduct"), key="menu-addproduct"),),
        (Choice(callbacks.CHECK_START.data(), key="btn-check-now"),),
    )
    return [
        SaveSeller(seller_from(ctx.user_id, ctx.answers)),
        Reply("reg-done", {"name": ctx.answers["name"]}, remove_keyboard=True),
        Reply("reg-next", choices=offers),
    ]


def _finish_profile_edit(ctx: FlowContext) -> list[Outcome]:
    return [
        SaveSeller(seller_from(ctx.user_id, ctx.answers), edit=True),
        Reply("profile-saved", remove_keyboard=True),
    ]


registration = Flow(
    REGISTRATION,
    (
        Step(
            "language",
            "reg-welcome",
            _parse_language,
            choices=_language_choices,
            language_signal=True,
        ),
        Step(
            "consent",
            "reg-consent",
            _parse_consent,
            choices=lambda ctx: [Choice("yes", key="btn-agree"), Choice("no", key="btn-disagree")],
            help="reg-help-consent",
            language_signal=True,
            exit="declined: nothing kept",
        ),
        *PROFILE_STEPS,
    ),
    finish=_finish_registration,
    review_key="reg-summary",
    cancelled_key="reg-cancelled",
    resumed_key="reg-resumed",
    resumable=True,
)

profile_edit = Flow(
    PROFILE,
    PROFILE_STEPS,
    finish=_finish_profile_edit,
    cancelled_key="profile-edit-cancelled",
)
