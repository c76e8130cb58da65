"""The export check: which item, where to, the few questions the rules need, then a verdict."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, tzinfo
from typing import Any

from chat import callbacks
from chat.replies import Choice, Reply
from flows import verdict as verdict_text
from flows.answers import free_text
from flows.effects import Effect, EffectEnv
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
from services import places
from services.catalogue import product_label
from services.eligibility import CheckInput, Finding, Question, RuleSet, load_rules
from services.text import lookup_key
from storage.records import ProductRecord, SellerRecord

ELIGIBILITY = "elig"
DESTINATIONS = ("US", "UK", "EU", "AE", "AU", "CA")
ANSWERS = ("yes", "no", "unknown")
# Typed answers people give instead of pressing a button (any of our languages, romanised too).
TYPED_ANSWERS = {
    "yes": ("হ্যাঁ", "হা", "হ্যা", "ha", "haa", "hya", "yes", "y", "haan", "han", "हाँ", "हां", "ji"),
    "no": ("না", "na", "naa", "no", "n", "nahi", "nahin", "नहीं", "नही"),
    "unknown": (
        "জানি না",
        "জানিনা",
        "jani na",
        "janina",
        "don't know",
        "dont know",
        "not sure",
        "pata nahi",
        "पता नहीं",
        "মনে নেই",
    ),
}
_TYPED = {lookup_key(word): answer for answer, words in TYPED_ANSWERS.items() for word in words}
# Seller-level answers (not about one product) carried over from the last check of the same
# financial year, so a seller is not asked again what they told us last week. iec_registered:
# the IEC on the profile (the PAN, maybe from the "Same as my PAN" button) is registered on the
# DGFT portal.
SELLER_QUESTIONS = frozenset(
    {"lut", "ad_code", "forex_bank", "marketplace", "iec_registered", "iec_updated", "gi_user"}
)
DESCRIPTION_MAX = 300


def item_from_product(product: ProductRecord, locale: str) -> dict[str, Any]:
    """What the rules look at in a catalogued product: its craft and the seller's words."""
    return {
        "product_id": product.id,
        "name": product_label(product.answers, product.sku, locale),
        **item_from_answers(product.answers),
    }


def item_from_answers(answers: Mapping[str, Any]) -> dict[str, Any]:
    what = answers.get("what") or {}
    craft = places.craft(what.get("id") or "")
    colour = answers.get("colour") or {}
    words = [
        what.get("text"),
        answers.get("material"),
        answers.get("special"),
        colour.get("text"),
    ]
    if craft is not None:
        words += [craft.en, craft.bn]
    return {
        "craft_id": craft.id if craft else None,
        "kind": craft.kind if craft else None,
        "words": " ".join(w for w in words if w),
    }


def prohibited(answers: Mapping[str, Any], district: str | None, today: date) -> Finding | None:
    """Why a catalogued product may not be exported at all, whatever the answers (peacock
    feathers, ivory), or None: such a product gets no marketplace file."""
    item = item_from_answers(answers)
    verdict = rules().evaluate(
        CheckInput(
            craft_id=item["craft_id"],
            words=item["words"],
            kind=item["kind"],
            district=district,
            iec=None,
            gstin=None,
            destination=None,
            answers={},
            today=today,
        )
    )
    if verdict.status != "blocked":
        return None
    return next((f for f in verdict.findings if f.level == "prohibited"), None)


def item_from_words(text: str) -> dict[str, Any]:
    craft = places.match_craft(text)
    if craft is not None and not rules().craft_fits(craft.id, text):
        craft = None  # "ami export korte chai" names no craft: "chai" is not Darjeeling tea
    return {
        "product_id": None,
        "description": text,
        "name": text,
        "craft_id": craft.id if craft else None,
        "kind": craft.kind if craft else None,
        "words": text,
    }


def start_data(
    seller: SellerRecord,
    products: list[ProductRecord],
    carried: dict[str, str],
    locale: str,
) -> dict[str, Any]:
    return {
        "seller": {"district": seller.district, "iec": seller.iec, "gstin": seller.gstin},
        "products": [item_from_product(p, locale) for p in products[:12]],
        "carried": carried,
    }


def check_input(ctx: FlowContext) -> CheckInput:
    return check_input_of(ctx.answers, ctx)


def check_input_of(answers_so_far: Any, ctx: FlowContext) -> CheckInput:
    """What the rules look at: the item, the seller, where to, and every answer given."""
    item = ctx.data.get("item") or {}
    seller = ctx.data.get("seller") or {}
    destination = answers_so_far.get("destination")
    answers = {**ctx.data.get("carried", {}), **answers_so_far.get("questions", {})}
    return CheckInput(
        craft_id=item.get("craft_id"),
        words=item.get("words", ""),
        kind=item.get("kind"),
        district=seller.get("district"),
        iec=seller.get("iec"),
        gstin=seller.get("gstin"),
        destination=destination if destination in DESTINATIONS else None,
        answers=answers,
        today=ctx.now.astimezone(ctx.zone).date(),
    )


_active: RuleSet | None = None


def use_rules(rules: RuleSet) -> None:
    """The rule set the bot checked at start-up (a file named in ELIGIBILITY_RULES, or ours)."""
    global _active
    _active = rules


def rules() -> RuleSet:
    return _active or load_rules()


def _needed(ctx: FlowContext) -> tuple[Question, ...]:
    return rules().questions_needed(check_input(ctx))


# --- steps ----------------------------------------------------------------------------------


def _product_choices(ctx: FlowContext) -> list[Choice]:
    items = [Choice(f"p{item['product_id']}", text=item["name"]) for item in ctx.data["products"]]
    return [*items, Choice("new", key="elig-describe-button")]


def _parse_product(answer: Answer, ctx: FlowContext) -> Parsed:
    if answer.value == "new":
        return Accept("new", data={"item": DELETE})
    if answer.value and answer.value.startswith("p"):
        for item in ctx.data["products"]:
            if f"p{item['product_id']}" == answer.value:
                return Accept(answer.value, data={"item": item})
        return Reject(Reply("error-stale-button"))
    if answer.media:
        return Reject(Reply("error-not-text", {"kind": answer.media}))
    if answer.text:  # typed straight away: that is the description
        parsed = _parse_describe(answer, ctx)
        if isinstance(parsed, Accept):
            return Accept("typed", data=parsed.data)
        return parsed
    return Reject(Reply("flow-use-buttons"))


def _parse_describe(answer: Answer, ctx: FlowContext) -> Parsed:
    parsed = free_text(answer, DESCRIPTION_MAX, needs="anything")
    if not isinstance(parsed, Accept):
        return parsed
    return Accept(parsed.value, data={"item": item_from_words(parsed.value)})


def _destination_choices(ctx: FlowContext) -> list[Choice]:
    return [
        *(Choice(code, key=f"elig-dest-{code.lower()}") for code in DESTINATIONS),
        Choice("any", key="elig-dest-any"),
    ]


def _parse_destination(answer: Answer, ctx: FlowContext) -> Parsed:
    if answer.value in (*DESTINATIONS, "any"):
        return Accept(answer.value)
    return Reject(Reply("flow-use-buttons"))


def _question_args(ctx: FlowContext) -> dict[str, Any]:
    needed = _needed(ctx)
    return {"question": Reply(needed[0].message)} if needed else {}


def _question_choices(ctx: FlowContext) -> list[Choice]:
    needed = _needed(ctx)
    if not needed:
        return []
    qid = needed[0].id
    return [Choice(f"{a}:{qid}", key=f"elig-answer-{a}") for a in ANSWERS]


def _parse_question(answer: Answer, ctx: FlowContext) -> Parsed:
    needed = _needed(ctx)
    if not needed:
        return Accept(True)
    current = needed[0].id
    if answer.value is not None:
        given, _, qid = answer.value.partition(":")
        if qid != current or given not in ANSWERS:
            return Reject(Reply("error-stale-button"))
    elif answer.text:
        given = _TYPED.get(lookup_key(answer.text), "")
        if not given:
            return Reject(Reply("elig-answer-with-buttons"))
    else:
        return Reject(Reply("elig-answer-with-buttons"))
    questions = {**ctx.answers.get("questions", {}), current: given}
    trial = {**ctx.answers, "questions": questions}
    if rules().questions_needed(check_input_of(trial, ctx)):
        return Keep(ask_again=True, answers={"questions": questions})
    return Accept(True, answers={"questions": questions})


# --- the verdict ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SaveCheck(Effect):
    """The verdict, with the answers and rules version it was made with, then the verdict's
    first message with buttons for its details and sources (they name the saved check). A
    product deleted while its check was open is saved as described, not linked."""

    product_id: int | None
    description: str | None
    destination: str | None
    status: str
    findings: list[dict[str, Any]] = field(default_factory=list)
    answers: dict[str, str] = field(default_factory=dict)
    rules_version: str = ""
    verdict: Reply | None = None
    buttons: tuple[tuple[Choice, ...], ...] = ()

    async def apply(self, env: EffectEnv) -> list[Reply]:
        product_id = self.product_id
        if product_id is not None:
            product = await env.repo.products.get(product_id)
            if product is None or product.seller_id != env.user_id:
                product_id = None
        check_id = await env.repo.checks.save(
            seller_id=env.user_id,
            product_id=product_id,
            description=self.description,
            destination=self.destination,
            status=self.status,
            findings=self.findings,
            answers=self.answers,
            rules_version=self.rules_version,
        )
        if self.verdict is None:
            return []
        choices = (verdict_text.buttons(check_id), *self.buttons)
        return [replace(self.verdict, choices=choices)]


def _finish(ctx: FlowContext) -> list[Outcome]:
    ruleset = rules()
    verdict = ruleset.evaluate(check_input(ctx))
    item = ctx.data.get("item") or {}
    destination = ctx.answers.get("destination")
    buttons = [
        (Choice(callbacks.CHECK_START.data(), key="btn-check-another"),),
        (Choice(callbacks.PRODUCT_LIST.data(), key="btn-my-products"),),
    ]
    product_id = item.get("product_id")
    if product_id is not None and verdict.status != "blocked":  # what it costs to send there
        price = (
            callbacks.PRICE_QUOTE.data(product_id, destination)
            if destination in DESTINATIONS
            else callbacks.PRICE_PRODUCT.data(product_id)
        )
        buttons.insert(0, (Choice(price, key="btn-price"),))
    first = verdict_text.first_message(verdict.status, verdict.findings, item.get("name", ""))
    save = SaveCheck(
        product_id=product_id,
        description=item.get("description"),
        destination=destination if destination in DESTINATIONS else None,
        status=verdict.status,
        findings=[verdict_text.finding_doc(f) for f in verdict.findings],
        answers={**ctx.data.get("carried", {}), **ctx.answers.get("questions", {})},
        rules_version=ruleset.version,
        verdict=first,
        buttons=tuple(buttons),
    )
    return [save]


eligibility = Flow(
    ELIGIBILITY,
    (
        Step(
            "product",
            "elig-ask-product",
            _parse_product,
            choices=_product_choices,
            help="elig-help-product",
            language_signal=True,
        ),
        Step(
            "describe",
            "elig-describe",
            _parse_describe,
            when=lambda ctx: ctx.answers.get("product") == "new",
            help="elig-help-describe",
            language_signal=True,
            when_label="an item not in the catalogue",
        ),
        Step(
            "destination",
            "elig-ask-destination",
            _parse_destination,
            choices=_destination_choices,
            per_row=2,
            help="elig-help-destination",
        ),
        Step(
            "question",
            "elig-question",
            _parse_question,
            choices=_question_choices,
            per_row=3,
            when=lambda ctx: bool(_needed(ctx)),
            prompt_args=_question_args,
            help="elig-help-question",
            when_label="the rules need an answer",
            loop="the next question the rules need",
        ),
    ),
    finish=_finish,
    cancelled_key="elig-cancelled",
)


def carried_answers(
    latest: dict[str, str] | None, checked_at: datetime | None, now: datetime, zone: tzinfo
) -> dict[str, str]:
    """Seller-level "yes" answers from a check in the same financial year (April to March)."""
    if not latest or checked_at is None:
        return {}

    def year(moment: datetime) -> int:
        local = moment.astimezone(zone)
        return local.year if local.month >= 4 else local.year - 1

    if year(checked_at) != year(now):
        return {}
    return {k: v for k, v in latest.items() if k in SELLER_QUESTIONS and v == "yes"}
