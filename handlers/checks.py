"""/check for sellers (also offered after registration and new products); /checks for staff."""

from __future__ import annotations

from chat import callbacks
from chat.replies import Reply
from flows import verdict
from flows.eligibility import (
    ELIGIBILITY,
    carried_answers,
    eligibility,
    item_from_product,
    rules,
    start_data,
)
from handlers.feature import Audience, Button, Command, Feature, MenuEntry, Role
from handlers.turn import Turn
from services.catalogue import product_label
from services.eligibility import Finding
from services.ids import parse_id
from services.places import district_name
from services.when import numeric_day

STATUS_MARK = {"ready": "✅", "steps": "🟡", "blocked": "⛔"}
# Staff list: one message, one line a seller; the newest registrations first.
STAFF_LIST_LIMIT = 40


async def start(turn: Turn, product_id: int | None = None) -> None:
    seller = await turn.seller()
    assert seller is not None
    turn.dialogue.pause()
    repo = turn.repo
    products = await repo.products.of_seller(seller.user_id)
    latest = await repo.checks.latest_of_seller(seller.user_id)
    carried = carried_answers(
        latest.answers if latest else None,
        latest.checked_at if latest else None,
        turn.now,
        turn.zone,
    )
    data = start_data(seller, products, carried, turn.locale)
    by_product = await repo.checks.latest_by_product(seller.user_id)
    for item, product in zip(data["products"], products, strict=False):
        check = by_product.get(product.id)
        changed = check is not None and (
            (product.updated_at and product.updated_at > check.checked_at)
            or (seller.updated_at and seller.updated_at > check.checked_at)
        )
        if check is not None:
            item["name"] += " · " + ("🔁" if changed else STATUS_MARK.get(check.status, ""))
    chosen = next((p for p in products if p.id == product_id), None)
    if chosen is not None:
        data["item"] = item_from_product(chosen, turn.locale)
        answers = {"product": f"p{chosen.id}"}
        turn.dialogue.start(ELIGIBILITY, answers=answers, at="destination", data=data)
        return
    turn.dialogue.start(ELIGIBILITY, data=data)


async def check_command(turn: Turn, args: str) -> None:
    await start(turn)


async def start_button(turn: Turn, parts: tuple[str, ...]) -> None:
    await start(turn)


async def product_button(turn: Turn, parts: tuple[str, ...]) -> None:
    await start(turn, parse_id(parts[0]) if len(parts) == 1 else None)


async def _own_check(turn: Turn, parts: tuple[str, ...]) -> tuple[str, list[Finding], str] | None:
    """A saved check of this seller: its status, findings and the item's name; None (and a
    word to the seller) when it is not theirs, gone, or saved before checks kept their words."""
    check_id = parse_id(parts[0]) if len(parts) == 1 else None
    check = await turn.repo.checks.get(check_id) if check_id is not None else None
    if check is None or check.seller_id != turn.user_id:
        turn.say(Reply("elig-check-gone"))
        return None
    findings = [verdict.finding_of(doc) for doc in check.findings]
    if any(f is None for f in findings):
        turn.say(Reply("elig-check-old"))
        return None
    name = check.description or ""
    if check.product_id is not None:
        product = await turn.repo.products.get(check.product_id)
        if product is not None:
            name = product_label(product.answers, product.sku, turn.locale)
    return check.status, [f for f in findings if f is not None], name


async def details_button(turn: Turn, parts: tuple[str, ...]) -> None:
    found = await _own_check(turn, parts)
    if found is not None:
        turn.say(*verdict.details(*found))


async def sources_button(turn: Turn, parts: tuple[str, ...]) -> None:
    found = await _own_check(turn, parts)
    if found is not None:
        turn.say(verdict.sources(*found, turn.locale))


async def overview(turn: Turn, args: str) -> None:
    """Per seller of the staff member's districts: the latest verdict and what is missing."""
    staff = turn.staff
    assert staff is not None
    sellers = await turn.repo.sellers.in_districts(staff.districts, STAFF_LIST_LIMIT)
    checks = await turn.repo.checks.latest_for_sellers(s.user_id for s in sellers)
    lines = []
    briefs = rules().briefs()
    for seller in sellers:
        check = checks.get(seller.user_id)
        district = district_name(seller.district, turn.locale)
        if check is None:
            lines.append(Reply("checks-line-none", {"name": seller.name, "district": district}))
            continue
        missing = verdict.open_items(check.findings, briefs)
        args = {
            "mark": STATUS_MARK.get(check.status, ""),
            "name": seller.name,
            "district": district,
            "date": numeric_day(check.checked_at, turn.locale, turn.zone),
            "missing": len(missing),
        }
        if missing:  # the first thing to do (the card shows them all)
            lines.append(Reply("checks-line", {**args, "first": missing[0].args["text"]}))
        else:
            lines.append(Reply("checks-line-done", args))
    staff.read("checks", len(sellers))
    if not lines:
        turn.say(Reply("checks-none"))
        return
    turn.say(Reply("checks-title", {"count": len(sellers)}, parts=tuple(lines)))


def whole(args: str) -> str:
    """The whole of a command's arguments names its district (or nothing)."""
    return args


FEATURE = Feature(
    "eligibility",
    flows=(eligibility,),
    commands=(
        Command("check", check_command, role=Role.SELLER, listed=True, help="help-cmd-check"),
        Command("checks", overview, role=Role.COORDINATOR, help="help-cmd-checks", district=whole),
    ),
    buttons=(
        Button((callbacks.CHECK_START,), start_button, Role.SELLER),
        Button((callbacks.CHECK_PRODUCT,), product_button, Role.SELLER),
        Button((callbacks.CHECK_DETAILS,), details_button, Role.SELLER),
        Button((callbacks.CHECK_SOURCES,), sources_button, Role.SELLER),
    ),
    menu=(MenuEntry("check", "menu-check", Audience.SELLER),),
)
