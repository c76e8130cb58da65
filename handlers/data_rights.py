"""A user's rights over their data: /mydata (a copy of everything stored) and /delete."""

from __future__ import annotations

import json
from typing import Any

from chat.replies import Attachment, Reply
from flows.delete import DELETE, deletion
from flows.registration import answers_from, show_craft
from handlers.feature import Audience, Command, Feature, MenuEntry
from handlers.turn import Turn
from services.ids import format_mobile
from services.places import district_name


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


async def mydata(turn: Turn, args: str) -> None:
    repo, user_id = turn.repo, turn.user_id
    seller = await turn.seller()
    user = await repo.users.get(user_id)
    state = turn.ctx.state
    export: dict[str, Any] = {
        "user_id": user_id,
        "identities": [
            {"channel": channel, "id": external}
            for channel, external in await repo.users.identities(user_id)
        ],
        "language": turn.locale,
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
            "district_name": district_name(seller.district, "en"),
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
    export["export_checks"] = [
        {
            "checked_at": _iso(c.checked_at),
            "product_id": c.product_id,
            "item": c.description,
            "destination": c.destination,
            "verdict": c.status,
            "findings": c.findings,
            "answers": c.answers,
            "rules_version": c.rules_version,
        }
        for c in await repo.checks.of_seller(user_id)
    ]
    export["trainings"] = await repo.trainings.replies_of(user_id)
    export["messages_to_you"] = await repo.outbox.received_by(user_id, turn.locale)
    if state is not None:
        export["unfinished_conversation"] = {
            "flow": state.flow,
            "step": state.step,
            "answers": state.answers,
        }
    content = json.dumps(export, ensure_ascii=False, indent=2).encode("utf-8")
    key = "mydata-summary" if seller else "mydata-summary-unregistered"
    summary: dict[str, Any] = {}
    if seller is not None:
        summary = {
            "name": seller.name,
            "district": district_name(seller.district, turn.locale),
            "phone": format_mobile(seller.phone),
            "craft": show_craft(answers_from(seller)["craft"], turn.ctx) or "",
        }
    turn.say(
        Reply(key, summary),
        Reply("mydata-file", attachment=Attachment(f"export-sathi-{user_id}.json", content)),
    )
    await repo.audit.write(user_id, user_id, "mydata")


async def delete(turn: Turn, args: str) -> None:
    """Erase everything after one confirmation; what the user was doing waits, paused, in
    case they say no."""
    state = turn.ctx.state
    stash = None
    if state is not None and state.flow != DELETE:
        stash = {
            "flow": state.flow,
            "step": state.step,
            "answers": state.answers,
            "data": state.data,
        }
    turn.dialogue.start(DELETE, data={"stash": stash})


FEATURE = Feature(
    "data rights",
    flows=(deletion,),
    commands=(
        Command("mydata", mydata, listed=True, help="help-cmd-mydata"),
        Command("delete", delete, listed=True, help="help-cmd-delete"),
    ),
    menu=(
        MenuEntry("mydata", "menu-mydata", Audience.SELLER),
        MenuEntry("delete", "menu-delete", Audience.SELLER),
    ),
)
