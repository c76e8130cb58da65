"""Adding a product: photos (checked), ten short questions, then the English listing to review."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from typing import Any

from babel.numbers import format_decimal

from chat.replies import Choice, Reply
from flows.delete import remove_files
from flows.engine import (
    Accept,
    Answer,
    Flow,
    FlowContext,
    Keep,
    Parsed,
    Reject,
    Step,
)
from services import places
from services.catalogue import Listing, ProductFacts, Size
from services.listing import compose_listing
from services.measures import (
    MAX_DIMENSION_CM,
    MAX_FABRIC_CM,
    parse_count,
    parse_price,
    parse_size,
    parse_weight,
)
from services.text import localise_digits, visible_length

PRODUCT = "prod"
PRODUCT_DELETE = "pdel"
# Amazon shows up to 9 images; sellers on a phone manage a handful. 1 to 8, as the programme asks.
MAX_PHOTOS = 8
# Counts a seller may type for stock and for days to make one more.
MAX_STOCK = 100_000
MAX_DAYS = 365
TEXT_MAX = 80
SPECIAL_MAX = 300
COLOURS = ("red", "blue", "green", "yellow", "black", "white", "brown", "multi")


# --- photos ---------------------------------------------------------------------------------


def _photo_buttons(ctx: FlowContext, retake: bool) -> tuple[tuple[Choice, ...], ...]:
    count = ctx.data.get("photo_count", 0)
    rows: list[tuple[Choice, ...]] = []
    if retake:
        rows.append((Choice(payload_for("photos", "retake"), key="btn-photo-retake"),))
    if count:
        rows.append(
            (Choice(payload_for("photos", "done"), key="btn-photos-done", args={"n": count}),)
        )
    return tuple(rows)


def payload_for(step: str, value: str) -> str:
    return f"f:{PRODUCT}:{step}:{value}"


def _photo_line(result: dict[str, Any]) -> Reply:
    if result.get("error"):
        return Reply(f"photo-error-{result['error']}")
    problems = result.get("problems") or []
    if not problems:
        return Reply("photo-good", {"n": result["n"]})
    tips = tuple(Reply(f"photo-tip-{code}") for code in problems)
    return Reply("photo-has-tips", {"n": result["n"]}, parts=tips)


async def _parse_photos(answer: Answer, ctx: FlowContext) -> Parsed:
    data = ctx.data
    count = data.get("photo_count", 0)
    if answer.value == "done":
        if not count:
            return Reject(Reply("prod-photos-need-one"))
        return Accept(count)
    if answer.value == "retake":
        for photo_id in data.pop("retake_ids", []):
            if await ctx.repo.products.remove_photo(data["product_id"], photo_id):
                data["photo_count"] = count = count - 1
        return Keep((Reply("prod-photo-send-again", choices=_photo_buttons(ctx, False)),))
    upload = answer.upload
    if upload is None:
        if answer.media in ("photo", "document"):
            return Reject(Reply("photo-error-download_failed"))
        return Reject(Reply("prod-photos-not-text" if answer.text else "prod-photos-not-media"))
    result: dict[str, Any] = {"error": upload.get("error")}
    if not result["error"]:
        if count >= MAX_PHOTOS:
            result["error"] = "too_many"
        elif await ctx.repo.products.add_photo(
            data["product_id"],
            upload["hash"],
            upload["path"],
            upload["width"],
            upload["height"],
            tuple(upload["problems"]),
        ):
            count += 1
            data["photo_count"] = count
            result.update(n=count, problems=upload["problems"], id=await _last_photo_id(ctx))
        else:
            result["error"] = "duplicate"
    if result["error"] and not answer.album:  # refused: say why and ask again
        return Reject(_photo_line(result))
    if answer.album:  # one answer for the whole album: summarise every photo of it so far
        album = data.get("album") if data.get("album", {}).get("id") == answer.album else None
        album = album or {"id": answer.album, "results": []}
        album["results"].append(result)
        data["album"] = album
        results = album["results"]
        ctx.defer_reply = True
    else:
        data.pop("album", None)
        results = [result]
    data["retake_ids"] = [r["id"] for r in results if r.get("problems") and r.get("id")]
    lines = tuple(_photo_line(r) for r in results)
    head = Reply("prod-album-received", {"n": len(results)}) if answer.album else None
    replies = Reply(
        head.key if head else None,
        head.args if head else {},
        parts=lines,
        choices=_photo_buttons(ctx, bool(data["retake_ids"])),
    )
    if count >= MAX_PHOTOS:
        return Accept(count, notes=(replies, Reply("prod-photos-full", {"n": MAX_PHOTOS})))
    return Keep((replies,))


async def _last_photo_id(ctx: FlowContext) -> int | None:
    photos = await ctx.repo.products.photos(ctx.data["product_id"])
    return photos[-1].id if photos else None


def _photos_choices(ctx: FlowContext) -> list[Choice]:
    count = ctx.data.get("photo_count", 0)
    return [Choice("done", key="btn-photos-done", args={"n": count})] if count else []


def _show_count(value: Any, ctx: FlowContext) -> int:
    return int(ctx.data.get("photo_count", value or 0))


# --- the description ------------------------------------------------------------------------


def _text(answer: Answer, limit: int) -> Parsed:
    if answer.media:
        return Reject(Reply("error-not-text", {"kind": answer.media}))
    if answer.phone:
        return Reject(Reply("error-not-text", {"kind": "contact"}))
    text = answer.text
    if not text:
        return Reject(Reply("error-use-text"))
    if text.startswith("/"):
        return Reject(Reply("error-command-as-answer"))
    if visible_length(text) > limit:
        return Reject(Reply("error-text-long", {"max": limit}))
    if not any(ch.isalnum() for ch in text):
        return Reject(Reply("error-name-letters"))
    return Accept(text)


def _what_choices(ctx: FlowContext) -> list[Choice]:
    own = ctx.data.get("seller_craft")
    crafts = list(places.crafts_for(ctx.data.get("district")))
    crafts.sort(key=lambda c: c.id != own)
    return [Choice(c.id, text=c.name(ctx.locale)) for c in crafts]


def _parse_what(answer: Answer, ctx: FlowContext) -> Parsed:
    if answer.value is not None:
        if places.craft(answer.value):
            return Accept({"id": answer.value})
        return Reject(Reply("error-stale-button"))
    parsed = _text(answer, TEXT_MAX)
    if not isinstance(parsed, Accept):
        return parsed
    known = places.match_craft(parsed.value)
    return Accept({"id": known.id} if known else {"text": parsed.value})


def _show_what(value: Any, ctx: FlowContext) -> str | None:
    if not isinstance(value, dict):
        return None
    craft = places.craft(value.get("id") or "")
    return craft.name(ctx.locale) if craft else value.get("text")


def _parse_material(answer: Answer, ctx: FlowContext) -> Parsed:
    return _text(answer, TEXT_MAX)


def _measure(parse: Any, prefix: str, answer: Answer, **kwargs: Any) -> Parsed:
    parsed = _text(answer, TEXT_MAX)
    if not isinstance(parsed, Accept):
        return parsed
    result = parse(parsed.value, **kwargs)
    if not result.ok:
        return Reject(Reply(f"{prefix}-error-{result.error}"))
    return Accept(result.value)


def _parse_size(answer: Answer, ctx: FlowContext) -> Parsed:
    craft = places.craft((ctx.answers.get("what") or {}).get("id") or "")
    # A saree is 5.5-6.5 m unfolded; other things over 5 m do not go by courier.
    limit = MAX_FABRIC_CM if craft is not None and craft.kind == "textile" else MAX_DIMENSION_CM
    parsed = _measure(parse_size, "prod-size", answer, max_cm=limit)
    if isinstance(parsed, Accept):
        size: Size = parsed.value
        return Accept({"dims_cm": list(size.dims_cm), "unit": size.unit})
    return parsed


def _show_size(value: Any, ctx: FlowContext) -> str | None:
    if not isinstance(value, dict):
        return None
    dims = value.get("dims_cm") or []
    if value.get("unit") == "in":
        text = " × ".join(f"{d / 2.54:.3g}" for d in dims) + " in"
    else:
        text = " × ".join(f"{d:g}" for d in dims) + " cm"
    return localise_digits(text, ctx.locale)


def _parse_weight(answer: Answer, ctx: FlowContext) -> Parsed:
    return _measure(parse_weight, "prod-weight", answer)


def _show_weight(value: Any, ctx: FlowContext) -> str | None:
    if not isinstance(value, int):
        return None
    text = f"{value / 1000:g} kg" if value >= 1000 else f"{value} g"
    return localise_digits(text, ctx.locale)


def _colour_choices(ctx: FlowContext) -> list[Choice]:
    return [Choice(c, key=f"colour-{c}") for c in COLOURS]


def _parse_colour(answer: Answer, ctx: FlowContext) -> Parsed:
    if answer.value is not None:
        if answer.value in COLOURS:
            return Accept({"id": answer.value})
        return Reject(Reply("error-stale-button"))
    parsed = _text(answer, TEXT_MAX)
    return Accept({"text": parsed.value}) if isinstance(parsed, Accept) else parsed


def _show_colour(value: Any, ctx: FlowContext) -> str | Reply | None:
    if not isinstance(value, dict):
        return None
    if value.get("id") in COLOURS:
        return Reply(f"colour-{value['id']}")
    return value.get("text")


def _parse_price(answer: Answer, ctx: FlowContext) -> Parsed:
    return _measure(parse_price, "prod-price", answer)


def _show_price(value: Any, ctx: FlowContext) -> str | None:
    if not isinstance(value, int):
        return None
    return "₹" + localise_digits(format_decimal(value, locale="en_IN"), ctx.locale)


def _parse_stock(answer: Answer, ctx: FlowContext) -> Parsed:
    return _measure(parse_count, "prod-count", answer, max_value=MAX_STOCK)


def _parse_days(answer: Answer, ctx: FlowContext) -> Parsed:
    return _measure(parse_count, "prod-count", answer, max_value=MAX_DAYS, min_value=1, unit="days")


def _show_number(value: Any, ctx: FlowContext) -> int | None:
    return value if isinstance(value, int) else None


def _parse_special(answer: Answer, ctx: FlowContext) -> Parsed:
    return _text(answer, SPECIAL_MAX)


def _show_text(value: Any, ctx: FlowContext) -> str | None:
    return str(value) if value else None


# --- the listing ----------------------------------------------------------------------------


def facts_from(answers: dict[str, Any], data: dict[str, Any]) -> ProductFacts:
    what = answers.get("what") or {}
    colour = answers.get("colour") or {}
    size = answers.get("size")
    return ProductFacts(
        sku=data.get("sku", ""),
        craft_id=what.get("id"),
        what_text=what.get("text"),
        material=answers.get("material"),
        size=Size(tuple(size["dims_cm"]), size["unit"]) if size else None,
        weight_g=answers.get("weight"),
        colour=colour.get("text") or colour.get("id"),
        price_inr=answers.get("price"),
        stock=answers.get("stock"),
        days_to_make=answers.get("days"),
        special=answers.get("special"),
        district=data.get("district"),
        brand=data.get("brand"),
    )


def listing_reply(listing: Listing) -> Reply:
    bullets = "\n".join(f"• {b}" for b in listing.bullets)
    gi = (Reply("prod-listing-gi", {"gi": listing.gi_name or ""}),) if listing.gi_tagged else ()
    return Reply(
        "prod-listing",
        {
            "title": listing.title,
            "bullets": bullets,
            "keywords": listing.keywords,
            "hs": listing.hs_heading or "—",
        },
        parts=gi,
    )


def _review_parts(ctx: FlowContext) -> list[Reply]:
    return [listing_reply(compose_listing(facts_from(ctx.answers, ctx.data)))]


async def _save_draft(ctx: FlowContext) -> None:
    await ctx.repo.products.save_answers(ctx.data["product_id"], ctx.answers)


async def _finish(ctx: FlowContext) -> list[Reply]:
    listing = compose_listing(facts_from(ctx.answers, ctx.data))
    product_id = ctx.data["product_id"]
    await ctx.repo.products.save_answers(product_id, ctx.answers)
    await ctx.repo.products.set_listing(product_id, asdict(listing), "ready")
    buttons = (
        (Choice(f"elig:product:{product_id}", key="btn-check-now"),),
        (Choice("prod:new", key="btn-add-another"),),
        (Choice("prod:list", key="btn-my-products"),),
    )
    return [Reply("prod-saved", {"sku": ctx.data.get("sku", "")}, choices=buttons)]


PHOTOS = Step(
    "photos",
    "prod-ask-photos",
    _parse_photos,
    choices=_photos_choices,
    help="prod-help-photos",
    label="field-photos",
    show=_show_count,
    media=True,
    prompt_args=lambda ctx: {"max": MAX_PHOTOS},
)

product = Flow(
    PRODUCT,
    (
        PHOTOS,
        Step(
            "what",
            "prod-ask-what",
            _parse_what,
            choices=_what_choices,
            per_row=2,
            help="prod-help-what",
            label="field-what",
            show=_show_what,
            language_signal=True,
        ),
        Step(
            "material",
            "prod-ask-material",
            _parse_material,
            help="prod-help-material",
            label="field-material",
            show=_show_text,
            language_signal=True,
        ),
        Step(
            "size",
            "prod-ask-size",
            _parse_size,
            help="prod-help-size",
            label="field-size",
            show=_show_size,
        ),
        Step(
            "weight",
            "prod-ask-weight",
            _parse_weight,
            help="prod-help-weight",
            label="field-weight",
            show=_show_weight,
        ),
        Step(
            "colour",
            "prod-ask-colour",
            _parse_colour,
            choices=_colour_choices,
            per_row=4,
            help="prod-help-colour",
            label="field-colour",
            show=_show_colour,
        ),
        Step(
            "price",
            "prod-ask-price",
            _parse_price,
            help="prod-help-price",
            label="field-price",
            show=_show_price,
        ),
        Step(
            "stock",
            "prod-ask-stock",
            _parse_stock,
            help="prod-help-stock",
            label="field-stock",
            show=_show_number,
        ),
        Step(
            "days",
            "prod-ask-days",
            _parse_days,
            help="prod-help-days",
            label="field-days",
            show=_show_number,
        ),
        Step(
            "special",
            "prod-ask-special",
            _parse_special,
            optional=True,
            help="prod-help-special",
            label="field-special",
            show=_show_text,
            language_signal=True,
        ),
    ),
    finish=_finish,
    review_key="prod-summary",
    cancelled_key="prod-cancelled",
    resumed_key="prod-resumed",
    on_answer=_save_draft,
    review_parts=_review_parts,
)


# --- deleting a product ---------------------------------------------------------------------


def _parse_delete(answer: Answer, ctx: FlowContext) -> Parsed:
    if answer.value in ("yes", "no"):
        return Accept(answer.value == "yes")
    return Reject(Reply("flow-use-buttons"))


async def _finish_delete(ctx: FlowContext) -> list[Reply]:
    product_id = ctx.data["product_id"]
    if not ctx.answers.get("confirm"):
        return [Reply("prod-delete-kept")]
    record = await ctx.repo.products.get(product_id)
    if record is None or record.seller_id != ctx.user_id:
        return [Reply("prod-gone")]
    ctx.later.append(remove_files(await ctx.repo.products.delete(product_id)))
    return [Reply("prod-deleted", {"sku": record.sku})]


product_delete = Flow(
    PRODUCT_DELETE,
    (
        Step(
            "confirm",
            "prod-delete-confirm",
            _parse_delete,
            choices=lambda ctx: [
                Choice("yes", key="btn-prod-delete-yes"),
                Choice("no", key="btn-delete-no"),
            ],
            prompt_args=lambda ctx: {"sku": ctx.data.get("sku", "")},
        ),
    ),
    finish=_finish_delete,
    cancelled_key="prod-delete-kept",
    keep_on_cancel=False,
)


def product_label(
    answers: Mapping[str, Any] | None, sku: str, locale: str, title: str | None = None
) -> str:
    """What the seller calls the item: the craft's name or their own words, else the SKU."""
    what = (answers or {}).get("what") or {}
    if isinstance(what, dict):
        craft = places.craft(what.get("id") or "")
        if craft is not None:
            return craft.name(locale)
        if what.get("text"):
            return str(what["text"])
    return sku or (title or "")[:60]
