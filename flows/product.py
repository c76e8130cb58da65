"""Adding a product: photos (checked), ten short questions, then the English listing to review.

The product row is the draft: every change of the answers is saved to it (``on_change``), so a
draft survives anything and always says what the seller last said, after /back included.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from babel.numbers import format_decimal

from chat import callbacks
from chat.replies import Choice, Reply
from flows.answers import free_text
from flows.effects import Effect, EffectEnv, remove_files
from flows.eligibility import prohibited
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
    payload,
)
from services import places
from services.catalogue import Listing, Size, facts_from
from services.listing import compose_listing, gi_within_reach, names_an_item
from services.measures import (
    MAX_DIMENSION_CM,
    MAX_FABRIC_CM,
    parse_count,
    parse_price,
    parse_size,
    parse_weight,
)
from services.text import localise_digits, lookup_key
from storage.records import ProductRecord, SellerRecord

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


def product_data(
    product: ProductRecord, seller: SellerRecord, *, gi_authorised: bool = False
) -> dict[str, Any]:
    """What the product flow keeps beside the answers: ids, facts from the profile and the
    photos already on the product (by content hash, main first)."""
    return {
        "gi_authorised": gi_authorised,
        "product_id": product.id,
        "sku": product.sku,
        "district": seller.district,
        "brand": seller.business_name or seller.name,
        "seller_craft": seller.craft_id,
        "photos": [p.content_hash for p in product.photos],
    }


def photo_count(data: Any) -> int:
    return len(data.get("photos") or ())


# --- writes --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AddPhoto(Effect):
    product_id: int
    content_hash: str
    path: str
    width: int
    height: int
    problems: tuple[str, ...]

    async def apply(self, env: EffectEnv) -> list[Reply]:
        await env.repo.products.add_photo(
            self.product_id, self.content_hash, self.path, self.width, self.height, self.problems
        )
        return []


@dataclass(frozen=True, slots=True)
class RemovePhotos(Effect):
    product_id: int
    hashes: tuple[str, ...]

    async def apply(self, env: EffectEnv) -> list[Reply]:
        await env.repo.products.remove_photos(self.product_id, self.hashes)
        return []


@dataclass(frozen=True, slots=True)
class SaveDraft(Effect):
    """The product's answers as they are now."""

    product_id: int
    answers: dict[str, Any]

    async def apply(self, env: EffectEnv) -> list[Reply]:
        await env.repo.products.save_answers(self.product_id, self.answers)
        return []


@dataclass(frozen=True, slots=True)
class SaveListing(Effect):
    """The confirmed product: its answers and composed listing; ready to export."""

    product_id: int
    answers: dict[str, Any]
    listing: dict[str, Any]

    async def apply(self, env: EffectEnv) -> list[Reply]:
        await env.repo.products.save_answers(self.product_id, self.answers)
        await env.repo.products.set_listing(self.product_id, self.listing, "ready")
        return []


@dataclass(frozen=True, slots=True)
class DiscardDraft(Effect):
    """A draft given up before it held anything: no product is left behind."""

    product_id: int

    async def apply(self, env: EffectEnv) -> list[Reply]:
        record = await env.repo.products.get(self.product_id)
        empty = record is not None and not record.photos and not _answered(record.answers)
        if record is not None and record.status == "draft" and empty:
            env.later.append(remove_files(await env.repo.products.delete(self.product_id)))
        return []


def _answered(answers: Mapping[str, Any]) -> bool:
    return any(value not in (None, "", [], {}) for value in answers.values())


@dataclass(frozen=True, slots=True)
class DeleteProduct(Effect):
    """A seller's own product goes, with the photo files no other product uses."""

    product_id: int
    seller_id: int

    async def apply(self, env: EffectEnv) -> list[Reply]:
        record = await env.repo.products.get(self.product_id)
        if record is None or record.seller_id != self.seller_id:
            return [Reply("prod-gone")]
        env.later.append(remove_files(await env.repo.products.delete(self.product_id)))
        return [Reply("prod-deleted", {"sku": record.sku})]


# --- photos ---------------------------------------------------------------------------------


def _photo_buttons(count: int, retake: bool) -> tuple[tuple[Choice, ...], ...]:
    rows: list[tuple[Choice, ...]] = []
    if retake:
        rows.append((Choice(payload(PRODUCT, "photos", "retake"), key="btn-photo-retake"),))
    if count:
        rows.append(
            (Choice(payload(PRODUCT, "photos", "done"), key="btn-photos-done", args={"n": count}),)
        )
    return tuple(rows)


def _photo_line(result: dict[str, Any]) -> Reply:
    if result.get("error"):
        return Reply(f"photo-error-{result['error']}")
    problems = result.get("problems") or []
    if not problems:
        return Reply("photo-good", {"n": result["n"]})
    tips = tuple(Reply(f"photo-tip-{code}") for code in problems)
    return Reply("photo-has-tips", {"n": result["n"]}, parts=tips)


def _parse_photos(answer: Answer, ctx: FlowContext) -> Parsed:
    data = ctx.data
    hashes = list(data.get("photos") or ())
    if answer.value == "done":
        if not hashes:
            return Reject(Reply("prod-photos-need-one"))
        return Accept(len(hashes))
    if answer.value == "retake":
        gone = tuple(h for h in data.get("retake") or () if h in hashes)
        left = [h for h in hashes if h not in gone]
        again = Reply("prod-photo-send-again", choices=_photo_buttons(len(left), False))
        return Keep(
            (again,),
            data={"photos": left, "retake": DELETE},
            effects=(RemovePhotos(data["product_id"], gone),) if gone else (),
        )
    upload = answer.upload
    if upload is None:
        if answer.media in ("photo", "document"):
            return Reject(Reply("photo-error-download_failed"))
        return Reject(Reply("prod-photos-not-text" if answer.text else "prod-photos-not-media"))
    result: dict[str, Any] = {"error": upload.get("error")}
    effects: tuple[Effect, ...] = ()
    if not result["error"]:
        if len(hashes) >= MAX_PHOTOS:
            result["error"] = "too_many"
        elif upload["hash"] in hashes:
            result["error"] = "duplicate"
        else:
            hashes.append(upload["hash"])
            effects = (
                AddPhoto(
                    data["product_id"],
                    upload["hash"],
                    upload["path"],
                    upload["width"],
                    upload["height"],
                    tuple(upload["problems"]),
                ),
            )
            result.update(n=len(hashes), problems=upload["problems"], hash=upload["hash"])
    if result["error"] and not answer.album:  # refused: say why and ask again
        return Reject(_photo_line(result))
    album: dict[str, Any] | None = None
    if answer.album:  # one answer for the whole album: summarise every photo of it so far
        earlier = data.get("album") or {}
        same = earlier.get("id") == answer.album
        album = {"id": answer.album, "results": [*(earlier["results"] if same else ()), result]}
        results = album["results"]
    else:
        results = [result]
    retake = [r["hash"] for r in results if r.get("problems") and r.get("hash")]
    lines = tuple(_photo_line(r) for r in results)
    head = Reply("prod-album-received", {"n": len(results)}) if answer.album else None
    summary = Reply(
        head.key if head else None,
        head.args if head else {},
        parts=lines,
        choices=_photo_buttons(len(hashes), bool(retake)),
    )
    changes = {"photos": hashes, "retake": retake, "album": album if album else DELETE}
    deferred = album is not None
    if len(hashes) >= MAX_PHOTOS:
        full = Reply("prod-photos-full", {"n": MAX_PHOTOS})
        return Accept(
            len(hashes), notes=(summary, full), data=changes, effects=effects, defer=deferred
        )
    return Keep((summary,), data=changes, effects=effects, defer=deferred)


def _photos_choices(ctx: FlowContext) -> list[Choice]:
    count = photo_count(ctx.data)
    return [Choice("done", key="btn-photos-done", args={"n": count})] if count else []


def _show_count(value: Any, ctx: FlowContext) -> int:
    return photo_count(ctx.data) or int(value or 0)


# --- the description ------------------------------------------------------------------------


def _what_choices(ctx: FlowContext) -> list[Choice]:
    own = ctx.data.get("seller_craft")
    crafts = list(places.crafts_for(ctx.data.get("district")))
    crafts.sort(key=lambda c: c.id != own)
    return [Choice(c.id, text=c.name(ctx.locale)) for c in crafts]


def _parse_what(answer: Answer, ctx: FlowContext) -> Parsed:
    if answer.value is not None:
        if places.craft(answer.value):
            earlier = ctx.answers.get("what") or {}
            same = earlier.get("id") == answer.value and not earlier.get("text")
            # Another craft: its item is asked again.
            return Accept({"id": answer.value}, answers={} if same else {"item": DELETE})
        return Reject(Reply("error-stale-button"))
    parsed = free_text(answer, TEXT_MAX)
    if not isinstance(parsed, Accept):
        return parsed
    # The seller's words are kept beside the craft they name: "ডোকরার হাতি" is Dokra (its GI,
    # its rules) and an elephant (the listing's item).
    known = places.match_craft(parsed.value)
    value = {"id": known.id, "text": parsed.value} if known else {"text": parsed.value}
    changed = value != ctx.answers.get("what")
    return Accept(value, answers={"item": DELETE} if changed else {})


def _show_what(value: Any, ctx: FlowContext) -> str | None:
    if isinstance(value, dict) and value.get("text"):
        return str(value["text"])
    return places.craft_answer_name(value, ctx.locale)


def _picked_craft(ctx: FlowContext) -> places.Craft | None:
    """The craft the seller named without saying what the item is (its button, or typed
    "Dokra"), when it has items to offer: the item is asked next."""
    what = ctx.answers.get("what") or {}
    if not isinstance(what, dict) or names_an_item(what.get("text")):
        return None
    craft = places.craft(what.get("id") or "")
    return craft if craft is not None and craft.items else None


def _item_choices(ctx: FlowContext) -> list[Choice]:
    craft = _picked_craft(ctx)
    return [Choice(item, key=f"item-{item}") for item in craft.items] if craft else []


def _parse_item(answer: Answer, ctx: FlowContext) -> Parsed:
    craft = _picked_craft(ctx)
    if answer.value is not None:
        if craft is not None and answer.value in craft.items:
            return Accept({"id": answer.value})
        return Reject(Reply("error-stale-button"))
    parsed = free_text(answer, TEXT_MAX)
    return Accept({"text": parsed.value}) if isinstance(parsed, Accept) else parsed


def _show_item(value: Any, ctx: FlowContext) -> str | Reply | None:
    if not isinstance(value, dict):
        return None
    if value.get("id"):
        return Reply(f"item-{value['id']}")
    return value.get("text")


def _item_prompt_args(ctx: FlowContext) -> dict[str, str]:
    craft = _picked_craft(ctx)
    return {"craft": craft.name(ctx.locale) if craft else ""}


def _parse_material(answer: Answer, ctx: FlowContext) -> Parsed:
    return free_text(answer, TEXT_MAX)


def _measure(parse: Any, prefix: str, answer: Answer, **kwargs: Any) -> Parsed:
    parsed = free_text(answer, TEXT_MAX)
    if not isinstance(parsed, Accept):
        return parsed
    result = parse(parsed.value, **kwargs)
    if not result.ok:
        return Reject(Reply(f"{prefix}-error-{result.error}"))
    return Accept(result.value)


# Cloth, measured unfolded (a saree 5.5-6.5 m, a 9-yard saree 8.2 m): up to 10 m.
_CLOTH_WORDS = frozenset(
    lookup_key(word)
    for word in [
        "শাড়ি",
        "শাড়ী",
        "শাড়ি",
        "সাড়ি",
        "শারি",
        "saree",
        "sari",
        "sarees",
        "ধুতি",
        "dhoti",
        "কাপড়",
        "kapor",
        "fabric",
        "cloth",
        "থান",
        "than",
        "ওড়না",
        "orna",
        "dupatta",
        "stole",
        "scarf",
        "চাদর",
        "chador",
        "shawl",
        "শাল",
        "বেডশিট",
        "bedsheet",
        "গামছা",
        "gamchha",
        "gamcha",
        "লুঙ্গি",
        "lungi",
        "মেখলা",
        "mekhela",
        "তাঁত",
        "tant",
        "সাড়ী",
        "साड़ी",
        "धोती",
        "कपड़ा",
        "दुपट्टा",
    ]
)


_CLOTH_ITEMS = frozenset({"saree", "stole", "dupatta", "quilt", "table_runner"})


def _is_cloth(ctx: FlowContext) -> bool:
    what = ctx.answers.get("what") or {}
    craft = places.craft(what.get("id") or "")
    if craft is not None and craft.kind == "textile":
        return True
    item = ctx.answers.get("item") or {}
    if _picked_craft(ctx) is not None and item.get("id") in _CLOTH_ITEMS:
        return True
    typed = " ".join(str(t) for t in (what.get("text"), item.get("text")) if t)
    words = lookup_key(typed).split()
    return any(word in _CLOTH_WORDS or word.rstrip("র") in _CLOTH_WORDS for word in words)


def _parse_size(answer: Answer, ctx: FlowContext) -> Parsed:
    # Cloth up to 10 m unfolded; other things over 5 m do not go by courier.
    limit = MAX_FABRIC_CM if _is_cloth(ctx) else MAX_DIMENSION_CM
    parsed = _measure(parse_size, "prod-size", answer, max_cm=limit)
    if isinstance(parsed, Reject) and parsed.reply.key == "prod-size-error-too_large":
        metres = localise_digits(f"{limit / 100:g}", ctx.locale)
        return Reject(Reply("prod-size-error-too_large", {"metres": metres}))
    if isinstance(parsed, Accept):
        size: Size = parsed.value
        return Accept(
            {
                "dims_cm": list(size.dims_cm),
                "unit": size.unit,
                "typed": list(size.typed),
                "typed_unit": size.typed_unit,
            }
        )
    return parsed


def _unit_word(unit: str, ctx: FlowContext) -> str:
    """A unit in the reader's language and script (সেমি, মিটার, গ্রাম)."""
    return ctx.label(Choice(unit, key=f"unit-{unit}"), ctx.locale)


def _show_size(value: Any, ctx: FlowContext) -> str | None:
    """The size as the seller typed it (8 in stays 8 in), in the reader's script."""
    if not isinstance(value, dict):
        return None
    typed, unit = value.get("typed"), value.get("typed_unit")
    if not typed or not unit:  # answered before sizes kept what was typed
        dims = value.get("dims_cm") or []
        imperial = value.get("unit") == "in"
        typed = [round(d / 2.54, 1) if imperial else d for d in dims]
        unit = "in" if imperial else "cm"
    text = " × ".join(f"{d:g}" for d in typed)
    return localise_digits(text, ctx.locale) + " " + _unit_word(str(unit), ctx)


def _parse_weight(answer: Answer, ctx: FlowContext) -> Parsed:
    return _measure(parse_weight, "prod-weight", answer)


def _show_weight(value: Any, ctx: FlowContext) -> str | None:
    if not isinstance(value, int):
        return None
    number, unit = (f"{value / 1000:g}", "kg") if value >= 1000 else (str(value), "g")
    return localise_digits(number, ctx.locale) + " " + _unit_word(unit, ctx)


def _colour_choices(ctx: FlowContext) -> list[Choice]:
    return [Choice(c, key=f"colour-{c}") for c in COLOURS]


def _parse_colour(answer: Answer, ctx: FlowContext) -> Parsed:
    if answer.value is not None:
        if answer.value in COLOURS:
            return Accept({"id": answer.value})
        return Reject(Reply("error-stale-button"))
    parsed = free_text(answer, TEXT_MAX)
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
    return free_text(answer, SPECIAL_MAX)


def _show_text(value: Any, ctx: FlowContext) -> str | None:
    return str(value) if value else None


# --- the listing ----------------------------------------------------------------------------


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


def _save_draft(ctx: FlowContext) -> Change:
    return Change(effects=(SaveDraft(ctx.data["product_id"], dict(ctx.answers)),))


def _cancel(ctx: FlowContext) -> list[Outcome]:
    """Cancelled before any photo or answer: the empty draft goes (no nameless product)."""
    if ctx.data.get("photos") or _answered(ctx.answers):
        return []
    return [
        DiscardDraft(ctx.data["product_id"]),
        Reply("prod-cancelled-empty", remove_keyboard=True),
    ]


def _finish(ctx: FlowContext) -> list[Outcome]:
    facts = facts_from(ctx.answers, ctx.data)
    listing = compose_listing(facts)
    gi = gi_within_reach(facts)
    product_id = ctx.data["product_id"]
    buttons = (
        (Choice(callbacks.CHECK_PRODUCT.data(product_id), key="btn-check-now"),),
        (Choice(callbacks.PRODUCT_NEW.data(), key="btn-add-another"),),
        (Choice(callbacks.PRODUCT_LIST.data(), key="btn-my-products"),),
    )
    saved: list[Outcome] = [SaveListing(product_id, dict(ctx.answers), asdict(listing))]
    today = ctx.now.astimezone(ctx.zone).date()
    banned = prohibited(ctx.answers, ctx.data.get("district"), today)
    if banned is not None:  # kept in the catalogue, never in a marketplace file
        reason = Reply(banned.reason)
        return [
            *saved,
            Reply(
                "prod-saved-not-exportable",
                {"sku": ctx.data.get("sku", ""), "reason": reason},
                choices=buttons[1:],
            ),
        ]
    parts = (Reply("prod-gi-register", {"gi": gi}),) if gi else ()
    sku = ctx.data.get("sku", "")
    return [*saved, Reply("prod-saved", {"sku": sku}, choices=buttons, parts=parts)]


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
    loop="a photo (up to 8; retake)",
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
            "item",
            "prod-ask-item",
            _parse_item,
            choices=_item_choices,
            per_row=2,
            when=lambda ctx: _picked_craft(ctx) is not None,
            help="prod-help-item",
            label="field-item",
            show=_show_item,
            prompt_args=_item_prompt_args,
            language_signal=True,
            when_label="a craft was picked by its button",
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
    resumable=True,
    on_change=_save_draft,
    on_cancel=_cancel,
    review_parts=_review_parts,
)


# --- deleting a product ---------------------------------------------------------------------


def _parse_delete(answer: Answer, ctx: FlowContext) -> Parsed:
    if answer.value in ("yes", "no"):
        return Accept(answer.value == "yes")
    return Reject(Reply("flow-use-buttons"))


def _finish_delete(ctx: FlowContext) -> list[Outcome]:
    if not ctx.answers.get("confirm"):
        return [Reply("prod-delete-kept")]
    return [DeleteProduct(ctx.data["product_id"], ctx.user_id)]


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
)
