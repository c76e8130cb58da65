"""/check for sellers (and its offers after registration and new products); /checks for staff."""

from __future__ import annotations

from typing import TYPE_CHECKING

from chat.replies import Reply
from flows.eligibility import ELIGIBILITY, carried_answers, item_from_product, start_data
from flows.registration import district_label
from handlers.pause import pause
from handlers.staff import staff_request
from services.ids import parse_id

if TYPE_CHECKING:
    from handlers.router import Router, Turn

STATUS_MARK = {"ready": "✅", "steps": "🟡", "blocked": "⛔"}
# Staff list: one message, one line a seller; the newest registrations first.
STAFF_LIST_LIMIT = 40


async def start(router: Router, turn: Turn, product_id: int | None = None) -> None:
    seller = await turn.repo.sellers.get(turn.user.user_id)
    if seller is None:
        turn.replies.append(Reply("prod-register-first"))
        return
    pause(turn)
    products = await turn.repo.products.of_seller(seller.user_id)
    latest = await turn.repo.checks.latest_of_seller(seller.user_id)
    carried = carried_answers(
        latest.answers if latest else None, latest.checked_at if latest else None, turn.ctx.now
    )
    data = start_data(seller, products, carried, turn.ctx.locale)
    by_product = await turn.repo.checks.latest_by_product(seller.user_id)
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
        data["item"] = item_from_product(chosen, turn.ctx.locale)
        answers = {"product": f"p{chosen.id}"}
        turn.replies += router.engine.start(
            turn.ctx, ELIGIBILITY, answers=answers, at="destination", data=data
        )
        return
    turn.replies += router.engine.start(turn.ctx, ELIGIBILITY, data=data)


async def button(router: Router, turn: Turn, rest: str) -> None:
    action, _, target = rest.partition(":")
    if action == "product" and (product_id := parse_id(target)) is not None:
        await start(router, turn, product_id)
    else:
        await start(router, turn)


async def staff_overview(router: Router, turn: Turn, args: str) -> None:
    """Per seller of the staff member's districts: the latest verdict and what is missing."""
    if (request := await staff_request(turn, args)) is None:
        return
    viewer, districts = request
    sellers = await turn.repo.sellers.in_districts(districts, STAFF_LIST_LIMIT)
    checks = await turn.repo.checks.latest_for_sellers(s.user_id for s in sellers)
    lines = []
    for seller in sellers:
        check = checks.get(seller.user_id)
        if check is None:
            lines.append(
                Reply(
                    "checks-line-none",
                    {
                        "name": seller.name,
                        "district": district_label(seller.district, turn.ctx.locale),
                    },
                )
            )
            continue
        missing = len({f["rule"] for f in check.findings if f.get("level") != "note"})
        lines.append(
            Reply(
                "checks-line",
                {
                    "mark": STATUS_MARK.get(check.status, ""),
                    "name": seller.name,
                    "district": district_label(seller.district, turn.ctx.locale),
                    "date": check.checked_at.date().isoformat(),
                    "missing": missing,
                },
            )
        )
    await turn.repo.audit.write(viewer.user_id, None, "checks", f"n={len(sellers)}")
    if not lines:
        turn.replies.append(Reply("checks-none"))
        return
    turn.replies.append(Reply("checks-title", {"count": len(sellers)}, parts=tuple(lines)))
