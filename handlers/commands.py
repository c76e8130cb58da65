"""Commands and menu actions, grouped by who may use them: everyone, sellers, staff, admins."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from chat.replies import Attachment, Choice, Reply, rows
from content import LOCALES
from flows.delete import DELETE
from flows.engine import Answer
from flows.registration import (
    PROFILE,
    PROFILE_STEPS,
    REGISTRATION,
    answers_from,
    district_label,
    show_craft,
)
from handlers import broadcasts, checks, coordinators, orders, products, staff, trainings
from handlers.pause import pause
from services import places
from services.ids import format_mobile, parse_int
from services.text import ascii_digits

if TYPE_CHECKING:
    from handlers.router import Router, Turn


async def run(router: Router, turn: Turn, command: str, args: str) -> None:
    """Dispatch a command (from a slash command or a menu button)."""
    handler = _COMMANDS.get(command) or _feature_command(command)
    if command in _FEATURE_STAFF and not (await turn.viewer()).is_staff:
        turn.replies.append(Reply("staff-only"))
        await router.reprompt(turn)
    elif handler is not None:
        await handler(router, turn, args)
    else:
        turn.replies.append(Reply("unknown-command"))
        await router.reprompt(turn)


async def menu(router: Router, turn: Turn) -> Reply:
    """The main menu: only what the bot can do today, big buttons."""
    seller = await turn.repo.sellers.get(turn.user.user_id)
    state = turn.ctx.state
    items: list[Choice] = []
    if seller is None and (await turn.viewer()).is_staff:
        # Coordinators and admins get their console first (an artisan among them may still
        # register as a seller, last).
        items += [
            Choice("menu:stats", key="menu-stats"),
            Choice("menu:pending", key="menu-pending"),
            Choice("menu:sellers", key="menu-sellers"),
        ]
    if seller is None:
        paused = state is not None and state.flow == REGISTRATION
        items.append(Choice("menu:start", key="menu-continue" if paused else "menu-register"))
    else:
        drafts = [
            p for p in await turn.repo.products.of_seller(seller.user_id) if p.status == "draft"
        ]
        items += [
            Choice(
                f"prod:resume:{p.id}",
                key="menu-finish-draft",
                args={"name": products.product_name(p, turn.ctx.locale)},
            )
            for p in drafts[:2]
        ]
        items += [
            Choice("menu:addproduct", key="menu-addproduct"),
            Choice("menu:products", key="menu-products"),
            Choice("menu:check", key="menu-check"),
            Choice("menu:orders", key="menu-orders"),
            Choice("menu:trainings", key="menu-trainings"),
            Choice("menu:profile", key="menu-profile"),
        ]
    items += [
        Choice("menu:language", key="menu-language"),
        Choice("menu:help", key="menu-help"),
    ]
    if seller is not None:
        items += [
            Choice("menu:mydata", key="menu-mydata"),
            Choice("menu:delete", key="menu-delete"),
        ]
    return Reply("menu-title", choices=rows(items, 1))


# --- everyone -------------------------------------------------------------------------------


async def _start(router: Router, turn: Turn, args: str) -> None:
    repo, ctx = turn.repo, turn.ctx
    if turn.user.opted_out_at is not None:
        await repo.users.set_opted_out(turn.user.user_id, False)
        turn.replies.append(Reply("stop-resumed"))
    state = ctx.state
    if state is not None and state.flow == REGISTRATION:
        turn.replies += router.engine.resume(ctx)
        return
    if state is not None:  # another flow (an edit, a deletion) is abandoned by /start
        ctx.state = None
    seller = await repo.sellers.get(turn.user.user_id)
    if seller is None and (await turn.viewer()).is_staff:
        # Coordinators and admins are not pushed into a seller registration.
        await _help(router, turn, "")
        turn.replies.append(await menu(router, turn))
        return
    if seller is None:
        turn.replies += router.engine.start(ctx, REGISTRATION)
        return
    turn.replies.append(Reply("welcome-back", {"name": seller.name}))
    turn.replies.append(await menu(router, turn))


async def _menu(router: Router, turn: Turn, args: str) -> None:
    if router.active(turn):
        pause(turn)
    turn.replies.append(await menu(router, turn))


async def _help(router: Router, turn: Turn, args: str) -> None:
    if router.active(turn):
        turn.replies += router.engine.help(turn.ctx)
        return
    viewer = await turn.viewer()
    turn.replies.append(Reply("help-seller"))
    if viewer.is_staff:
        turn.replies.append(Reply("help-staff"))
    if viewer.is_admin:
        turn.replies.append(Reply("help-admin"))


async def _flow_command(router: Router, turn: Turn, args: str, name: str) -> None:
    if not router.active(turn):
        turn.replies.append(Reply("flow-none-active"))
        turn.replies.append(await menu(router, turn))
        return
    engine, ctx = router.engine, turn.ctx
    if name == "cancel" and ctx.state is not None and ctx.state.flow == DELETE:
        turn.replies += await engine.answer(ctx, Answer(value="no"))  # restores what was paused
    elif name == "back":
        turn.replies += engine.back(ctx)
    elif name == "skip":
        turn.replies += await engine.skip(ctx)
    else:
        turn.replies += engine.cancel(ctx)


async def _back(router: Router, turn: Turn, args: str) -> None:
    await _flow_command(router, turn, args, "back")


async def _skip(router: Router, turn: Turn, args: str) -> None:
    await _flow_command(router, turn, args, "skip")


async def _cancel(router: Router, turn: Turn, args: str) -> None:
    await _flow_command(router, turn, args, "cancel")


async def _language(router: Router, turn: Turn, args: str) -> None:
    wanted = args.strip().lower()[:2]
    if wanted in LOCALES:
        await set_language(router, turn, wanted)
        return
    choices = tuple((Choice(f"lang:{code}", key=f"lang-name-{code}"),) for code in LOCALES)
    turn.replies.append(Reply("language-choose", choices=choices))


async def set_language(router: Router, turn: Turn, code: str) -> None:
    if code in LOCALES:
        turn.ctx.locale = code
        await turn.repo.users.set_locale(turn.user.user_id, code)
        turn.replies.append(Reply("language-set", {"language": Reply(f"lang-name-{code}")}))
    elif code != "keep":
        turn.replies.append(Reply("error-stale-button"))
    state = turn.ctx.state
    if not router.active(turn) or state is None:
        turn.replies.append(await menu(router, turn))
    elif state.step == "language" and code in LOCALES:  # the registration's own first question
        turn.replies += await router.engine.answer(turn.ctx, Answer(value=code))
    else:
        turn.replies += router.engine.prompt(turn.ctx)


async def _stop(router: Router, turn: Turn, args: str) -> None:
    await turn.repo.users.set_opted_out(turn.user.user_id, True)
    turn.replies.append(Reply("stop-done"))
    if router.active(turn):
        turn.replies += router.engine.prompt(turn.ctx)


# --- sellers --------------------------------------------------------------------------------


async def _profile(router: Router, turn: Turn, args: str) -> None:
    seller = await turn.repo.sellers.get(turn.user.user_id)
    if seller is None:
        turn.replies.append(Reply("not-registered"))
        return
    if router.active(turn):
        pause(turn)
    answers = answers_from(seller)
    lines = []
    for step in PROFILE_STEPS:
        value = answers.get(step.name)
        shown = step.show(value, turn.ctx) if step.show and value else None
        key = "summary-line" if shown else "summary-line-empty"
        assert step.label is not None
        lines.append(Reply(key, {"label": Reply(step.label), "value": shown or ""}))
    buttons = [
        Choice(f"edit:{step.name}", key="btn-edit-field", args={"field": Reply(step.label or "")})
        for step in PROFILE_STEPS
    ]
    turn.replies.append(Reply("profile-card", parts=tuple(lines), choices=rows(buttons, 2)))


async def edit_field(router: Router, turn: Turn, field_name: str) -> None:
    seller = await turn.repo.sellers.get(turn.user.user_id)
    step = next((s for s in PROFILE_STEPS if s.name == field_name), None)
    if seller is None or step is None:
        turn.replies.append(Reply("error-stale-button"))
        await router.reprompt(turn)
        return
    turn.replies += router.engine.start(
        turn.ctx, PROFILE, answers=answers_from(seller), at=step.name, data={"single": True}
    )


async def _mydata(router: Router, turn: Turn, args: str) -> None:
    repo, user_id = turn.repo, turn.user.user_id
    seller = await repo.sellers.get(user_id)
    user = await repo.users.get(user_id)
    state = turn.ctx.state
    export: dict[str, Any] = {
        "telegram_user_id": user_id,
        "language": turn.ctx.locale,
        "first_seen": user.created_at.isoformat() if user and user.created_at else None,
        "broadcasts_stopped": bool(user and user.opted_out_at),
        "profile": None,
        "unfinished_conversation": None,
        "coordinator_of_districts": sorted(await repo.coordinators.districts_of(user_id)),
        "who_read_your_data": [
            {"by": a.actor_id, "action": a.action, "at": a.at.isoformat()}
            for a in await repo.audit.about(user_id)
            if a.actor_id != user_id
        ],
    }
    if seller is not None:
        export["profile"] = {
            "name": seller.name,
            "business_name": seller.business_name,
            "district": seller.district,
            "district_name": district_label(seller.district, "en"),
            "phone": seller.phone,
            "craft_id": seller.craft_id,
            "craft_text": seller.craft_text,
            "gstin": seller.gstin,
            "iec": seller.iec,
            "udyam": seller.udyam,
            "consent_given_at": _iso(seller.consent_at),
            "registered_at": _iso(seller.registered_at),
            "updated_at": _iso(seller.updated_at),
        }
    export["products"] = [
        {
            "sku": p.sku,
            "status": p.status,
            "answers": p.answers,
            "listing": p.listing,
            "photos": len(p.photos),
            "created_at": _iso(p.created_at),
        }
        for p in await repo.products.of_seller(user_id)
    ]
    export["orders"] = [
        {
            "sku": o.sku,
            "quantity": o.quantity,
            "ship_by": o.ship_by.isoformat() if o.ship_by else None,
            "status": o.status,
        }
        for o in await repo.orders.of_seller(user_id)
    ]
    if state is not None:
        export["unfinished_conversation"] = {
            "flow": state.flow,
            "step": state.step,
            "answers": state.answers,
        }
    content = json.dumps(export, ensure_ascii=False, indent=2).encode("utf-8")
    key = "mydata-summary" if seller else "mydata-summary-unregistered"
    args_: dict[str, Any] = {}
    if seller is not None:
        args_ = {
            "name": seller.name,
            "district": district_label(seller.district, turn.ctx.locale),
            "phone": format_mobile(seller.phone),
            "craft": show_craft(answers_from(seller)["craft"], turn.ctx) or "",
        }
    turn.replies.append(Reply(key, args_))
    turn.replies.append(
        Reply("mydata-file", attachment=Attachment(f"export-sathi-{user_id}.json", content))
    )
    await repo.audit.write(user_id, user_id, "mydata")


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


async def _delete(router: Router, turn: Turn, args: str) -> None:
    state = turn.ctx.state
    stash = None
    if state is not None and state.flow != DELETE:
        stash = {
            "flow": state.flow,
            "step": state.step,
            "answers": state.answers,
            "data": state.data,
        }
    turn.replies += router.engine.start(turn.ctx, DELETE, data={"stash": stash})


# --- admins ---------------------------------------------------------------------------------


async def _add_coordinator(router: Router, turn: Turn, args: str) -> None:
    viewer = await turn.viewer()
    if not viewer.is_admin:
        turn.replies.append(Reply("admin-only"))
        return
    target_text, _, rest = ascii_digits(args).strip().partition(" ")
    target = parse_int(target_text) if target_text else None
    districts = _districts_in(rest)
    if target is None or target <= 0 or not districts:
        turn.replies.append(Reply("addcoordinator-usage"))
        return
    codes = [d for d in districts if d is not None]
    if len(codes) != len(districts):
        turn.replies.append(Reply("addcoordinator-unknown-district"))
        return
    await turn.repo.coordinators.add(target, codes, added_by=viewer.user_id)
    await turn.repo.audit.write(viewer.user_id, target, "add_coordinator", ",".join(codes))
    names = ", ".join(district_label(c, turn.ctx.locale) for c in codes)
    turn.replies.append(Reply("addcoordinator-done", {"user": str(target), "districts": names}))


def _districts_in(text: str) -> list[str | None]:
    """Districts named in a command: comma-separated, or one per word when that is all."""
    text = text.strip()
    if not text:
        return []
    parts = [p.strip() for p in text.split(",") if p.strip()]
    found: list[str | None] = []
    for part in parts:
        match = places.match_district(part)
        if match.district is not None:
            found.append(match.district.code)
            continue
        words = [places.match_district(w).district for w in part.split()]
        found.extend(d.code if d else None for d in words)
    return found


async def _addproduct(router: Router, turn: Turn, args: str) -> None:
    await products.add_product(router, turn, args.strip().lower())


async def _products(router: Router, turn: Turn, args: str) -> None:
    if router.active(turn):
        pause(turn)
    await products.list_products(router, turn)


async def _export(router: Router, turn: Turn, args: str) -> None:
    """`/export sellers [district]` is the sellers sheet; anything else the catalogue."""
    if args.strip().partition(" ")[0].casefold() == "sellers":
        await coordinators.export_sellers(router, turn, args)
    else:
        await staff.export(router, turn, args)


async def _check(router: Router, turn: Turn, args: str) -> None:
    await checks.start(router, turn)


async def _checks(router: Router, turn: Turn, args: str) -> None:
    await checks.staff_overview(router, turn, args)


def _feature_command(command: str) -> Any:
    for module in FEATURE_MODULES:
        if command in module.COMMANDS:
            return module.COMMANDS[command]
    return None


FEATURE_MODULES = (trainings, orders, broadcasts, coordinators)
_FEATURE_STAFF = frozenset().union(*(m.STAFF for m in FEATURE_MODULES))

_COMMANDS = {
    "start": _start,
    "export": _export,
    "check": _check,
    "checks": _checks,
    "addproduct": _addproduct,
    "products": _products,
    "menu": _menu,
    "help": _help,
    "back": _back,
    "skip": _skip,
    "cancel": _cancel,
    "language": _language,
    "stop": _stop,
    "profile": _profile,
    "mydata": _mydata,
    "delete": _delete,
    "addcoordinator": _add_coordinator,
}
