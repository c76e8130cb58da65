"""The coordinator console: district coordinators run the programme from their phones.

/stats (the funnel, text and chart), /sellers (a paged list by stage), /seller (one seller's
card), /pending (who is stuck where, with one-tap nudges), the sellers sheet behind
/export sellers, the admins' /removecoordinator, /coordinators and /audit, and the 09:00
digest. Scope is checked on every command and on every button press, so a coordinator who
loses a district loses it at once, old buttons included. Every read of sellers' personal data
(a card, a list with names and phones) is written to the audit log.
"""

from __future__ import annotations

import asyncio
import logging
import tempfile
import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from chat import callbacks
from chat.replies import Attachment, Choice, Reply, rows
from flows import verdict
from flows.eligibility import rules as eligibility_rules
from handlers.catalogue import XLSX_MIME, export_catalogue
from handlers.feature import Audience, Button, Command, Feature, MenuEntry, Role, Scheduled
from handlers.turn import Turn
from services import digest, places, staleness
from services.access import Viewer, may_see_seller
from services.catalogue import product_name
from services.export_costs import cost_data
from services.ids import check_mobile, format_mobile, mask, parse_int
from services.jobs import JobContext
from services.places import district_name
from services.reports import (
    CHART_MEASURES,
    SHEET_COLUMNS,
    FunnelRow,
    SheetRow,
    days_since,
    funnel_chart,
    funnel_rows,
    has_good_photo,
    known_stage,
    stage_of,
    total,
    write_sellers_xlsx,
)
from services.text import ascii_digits, localise_digits
from services.when import local_day, numeric_day
from storage.outbox import OutboxItem
from storage.reports import PENDING, STAGES, PendingRow, SellerRow
from storage.unit import Repo

log = logging.getLogger(__name__)

PAGE = 10  # sellers a page of /sellers, and of one /pending group
PENDING_FIRST = 5  # sellers shown per group on /pending's first screen
CARD_PRODUCTS = 8
CARD_TRAININGS = 3
SEARCH_LIMIT = 10
QUERY_LIMIT = 100
AUDIT_DEFAULT, AUDIT_MAX = 20, 100
SCOPE_NAMES = 3  # more districts than this are shown as "N districts"
NUDGE_TTL = timedelta(hours=48)
TRAINING_HORIZON = timedelta(days=60)  # a training this far ahead is worth a nudge
MAX_USER_ID = 2**53
ALL = "*"
CHART_LOCALE = "en"

STAGE_KEYS = {
    "registered_only": "cs-stage-registered_only",
    "no_good_photo": "cs-stage-no_good_photo",
    "listing_not_ready": "cs-stage-listing_not_ready",
    "not_checked": "cs-stage-not_checked",
    "blocked": "cs-stage-blocked",
    "steps": "cs-stage-steps",
    "ready": "cs-stage-ready",
}
PENDING_KEYS = {
    "reg": "cs-pending-reg",
    "product": "cs-pending-product",
    "photo": "cs-pending-photo",
    "draft": "cs-pending-draft",
    "check": "cs-pending-check",
    "training": "cs-pending-training",
}
VERDICT_KEYS = {
    "ready": "cs-verdict-ready",
    "steps": "cs-verdict-steps",
    "blocked": "cs-verdict-blocked",
}
# A nudge: the seller's message, and one button that takes them to the next step.
NUDGES: dict[str, tuple[str, str, str]] = {
    "reg": ("cs-nudge-reg", "cs-nudge-btn-reg", callbacks.menu("start")),
    "product": ("cs-nudge-product", "cs-nudge-btn-product", callbacks.menu("addproduct")),
    "photo": ("cs-nudge-photo", "cs-nudge-btn-photo", callbacks.menu("products")),
    "draft": ("cs-nudge-draft", "cs-nudge-btn-draft", callbacks.menu("products")),
    "check": ("cs-nudge-check", "cs-nudge-btn-check", callbacks.menu("check")),
    "training": ("cs-nudge-training", "cs-nudge-btn-training", callbacks.menu("trainings")),
}
assert set(STAGE_KEYS) == set(STAGES) and set(PENDING_KEYS) == set(NUDGES) == set(PENDING)


# --- small helpers --------------------------------------------------------------------------


def _stale(turn: Turn) -> None:
    turn.say(Reply("error-stale-button"))


def _date(turn: Turn, moment: datetime | None) -> str:
    return numeric_day(moment, turn.locale, turn.zone)


def _span(days: int) -> str:
    return "today" if days <= 0 else "one" if days == 1 else "many"


def _scope_name(districts: frozenset[str] | None, locale: str) -> str | Reply:
    if districts is None:
        return Reply("cs-scope-all")
    if len(districts) > SCOPE_NAMES:
        return Reply("cs-scope-many", {"count": len(districts)})
    return ", ".join(sorted(district_name(d, locale) for d in districts))


def _district_token(districts: frozenset[str] | None, asked: bool) -> str:
    """How a button carries the scope: one district's code, or * for "all of mine"."""
    if asked and districts is not None and len(districts) == 1:
        return next(iter(districts))
    return ALL


def _scope_of_token(viewer: Viewer, token: str) -> tuple[frozenset[str] | None, bool]:
    """The districts a button's token stands for now (scope re-checked); False: refused."""
    if token == ALL:
        return (None if viewer.is_admin else viewer.districts), True
    if places.district(token) is None:
        return None, False
    if not viewer.is_admin and token not in viewer.districts:
        return None, False
    return frozenset({token}), True


def _in_scope(viewer: Viewer, district: str | None) -> bool:
    return viewer.is_admin or (district is not None and district in viewer.districts)


def _craft(craft_id: str | None, craft_text: str | None, locale: str) -> str:
    return places.craft_name(craft_id, craft_text, locale) or "—"


# --- /stats ---------------------------------------------------------------------------------


async def funnel(repo: Repo, districts: frozenset[str] | None) -> list[FunnelRow]:
    """The funnel per district of the scope (every district for all of West Bengal)."""
    found = await repo.reports.funnel(districts)
    wanted = districts if districts is not None else [d.code for d in places.districts()]
    return funnel_rows(found, wanted, lambda code: district_name(code, "en"))


def stats_text(
    rows: Sequence[FunnelRow], districts: frozenset[str] | None, locale: str, date: str
) -> list[Reply]:
    """The caption (totals of the scope) and, for several districts, a line per district."""
    whole = total(rows)
    args: dict[str, Any] = {
        "scope": _scope_name(districts, locale),
        "date": date,
        "registered": whole["registered"],
        "products": whole["products"],
        "products_pct": whole.percent("products"),
        "photos": whole["photos"],
        "photos_pct": whole.percent("photos"),
        "ready": whole["ready"],
        "ready_pct": whole.percent("ready"),
        "checked": whole["checked"],
        "v_ready": whole["v_ready"],
        "v_steps": whole["v_steps"],
        "v_blocked": whole["v_blocked"],
        "invited": whole["invited"],
        "attended": whole["attended"],
        "orders": whole["orders"],
    }
    replies = [Reply("cs-stats", args)]
    if len(rows) > 1:
        lines = tuple(
            Reply(
                "cs-stats-line",
                {
                    "district": district_name(r.district, locale),
                    "registered": r["registered"],
                    "products": r["products"],
                    "ready": r["ready"],
                    "checked": r["checked"],
                    "attended": r["attended"],
                    "orders": r["orders"],
                },
            )
            for r in rows
            if r["registered"]
        )
        replies.append(Reply("cs-stats-by-district", parts=lines))
    return replies


async def stats_replies(
    repo: Repo, districts: frozenset[str] | None, locale: str, date: str
) -> list[Reply]:
    """/stats as text only (what the benchmark times): one query per measure."""
    return stats_text(await funnel(repo, districts), districts, locale, date)


def _chart_words(turn: Turn, rows: Sequence[FunnelRow]) -> tuple[str, dict[str, str]]:
    """The chart's title and its labels (each measure's, and "sellers" for the axis): English
    always (the default fonts cannot shape Bengali), as plain text."""

    def english(key: str, args: dict[str, Any] | None = None) -> str:
        return turn.options.words(key, CHART_LOCALE, args)

    day = turn.now.astimezone(turn.zone).strftime("%d %b %Y")
    if len(rows) == 1:
        title = english("cs-chart-title-one", {"district": rows[0].label, "day": day})
    else:
        title = english("cs-chart-title-all", {"day": day})
    labels = {m: english(f"cs-chart-{m}") for m in (*CHART_MEASURES, "sellers")}
    return title, labels


async def stats(turn: Turn, args: str) -> None:
    staff = turn.staff
    assert staff is not None
    districts = staff.districts
    rows = await funnel(turn.repo, districts)
    replies = stats_text(rows, districts, turn.locale, _date(turn, turn.now))
    if not any(r["registered"] for r in rows):
        turn.say(Reply("cs-stats-none", {"scope": _scope_name(districts, turn.locale)}))
        return
    caption = replies[0]
    title, labels = _chart_words(turn, rows)
    exports = turn.options.exports_dir

    async def chart() -> list[Reply]:
        path = exports() / f"stats-{uuid.uuid4().hex}.png"
        try:
            png = await asyncio.to_thread(funnel_chart, rows, title, labels)
            await asyncio.to_thread(path.write_bytes, png)
        except Exception:  # the numbers matter more than the picture
            log.exception("the /stats chart failed")
            return replies
        return [Reply(caption.key, caption.args, photos=(str(path),)), *replies[1:]]

    turn.later.append(chart)


# --- /sellers -------------------------------------------------------------------------------


def _split_sellers_args(args: str) -> tuple[str, str | None]:
    """The district and stage of /sellers' arguments: the stage is the last word if it names
    one, the rest is the district."""
    words = args.split()
    if words and (stage := known_stage(words[-1])) is not None:
        return " ".join(words[:-1]), stage
    return args.strip(), None


def sellers_district(args: str) -> str:
    """The district part of /sellers' arguments (the stage, last, is not)."""
    return _split_sellers_args(args)[0]


async def sellers(turn: Turn, args: str) -> None:
    staff = turn.staff
    assert staff is not None
    _, stage = _split_sellers_args(args)
    token = _district_token(staff.districts, staff.asked)
    await _sellers_page(turn, staff.viewer, staff.districts, token, stage, 1)


async def _sellers_page(
    turn: Turn,
    viewer: Viewer,
    districts: frozenset[str] | None,
    token: str,
    stage: str | None,
    page: int,
) -> None:
    locale = turn.locale
    count, found = await turn.repo.reports.sellers_page(districts, stage, PAGE, (page - 1) * PAGE)
    pages = max(1, -(-count // PAGE))
    if not found and count and page > pages:  # the list shrank since the button was made
        page = pages
        count, found = await turn.repo.reports.sellers_page(
            districts, stage, PAGE, (page - 1) * PAGE
        )
    assert turn.staff is not None
    turn.staff.read("sellers", len(found), stage=stage or ALL, page=page)
    scope_name = _scope_name(districts, locale)
    stage_name: str | Reply = Reply(STAGE_KEYS[stage]) if stage else Reply("cs-stage-any")
    if not found:
        turn.say(Reply("cs-sellers-none", {"scope": scope_name, "stage": stage_name}))
        return
    first = (page - 1) * PAGE + 1
    lines = tuple(
        Reply(
            "cs-seller-line",
            {
                "n": first + i,
                "name": s.name,
                "district": district_name(s.district, locale),
                "stage": Reply(STAGE_KEYS.get(s.stage, "cs-stage-any")),
                "phone": _phone(viewer, s.user_id, s.district, s.phone, full=False),
            },
        )
        for i, s in enumerate(found)
    )
    cards = [
        Choice(
            callbacks.SELLER_CARD.data(s.user_id),
            text=f"{localise_digits(str(first + i), turn.locale)}. {s.name}"[:40],
        )
        for i, s in enumerate(found)
    ]
    nav: list[Choice] = []
    marker = stage or ALL
    if page > 1:
        nav.append(Choice(callbacks.SELLERS_PAGE.data(page - 1, token, marker), key="cs-btn-prev"))
    if page < pages:
        nav.append(Choice(callbacks.SELLERS_PAGE.data(page + 1, token, marker), key="cs-btn-next"))
    turn.say(
        Reply(
            "cs-sellers-title",
            {
                "scope": scope_name,
                "stage": stage_name,
                "count": count,
                "page": page,
                "pages": pages,
            },
            parts=lines,
            choices=(*rows(cards, 2), *((tuple(nav),) if nav else ())),
        )
    )


def _phone(viewer: Viewer, user_id: int, district: str | None, phone: str, full: bool) -> str:
    """The whole number only on a card, and only for who may see the seller."""
    if full and may_see_seller(viewer, user_id, district):
        return format_mobile(phone)
    return mask("".join(ch for ch in phone if ch.isdigit()), 4)


# --- /seller --------------------------------------------------------------------------------


async def seller(turn: Turn, args: str) -> None:
    staff = turn.staff
    assert staff is not None
    viewer = staff.viewer
    query = args.strip()[:QUERY_LIMIT]
    if not query:
        turn.say(Reply("cs-seller-usage"))
        return
    repo = turn.repo
    ids: list[int] = []
    phone = check_mobile(query)
    if phone.ok and phone.value is not None:
        ids += await repo.reports.find_by_phone(phone.value)
    number = parse_int(ascii_digits(query).replace(" ", ""))
    if number is not None and 0 < number < MAX_USER_ID:
        # Our id (on the card), or the seller's id on the coordinator's own channel.
        on_channel = await repo.users.find(turn.inbound.channel, str(number))
        for candidate in (number, on_channel):
            new = candidate is not None and candidate not in ids
            if new and candidate is not None and await repo.sellers.get(candidate) is not None:
                ids.append(candidate)
    if ids:
        if len(ids) == 1:
            await _card(turn, viewer, ids[0])
            return
        found = [(uid, s) for uid in ids if (s := await repo.sellers.get(uid)) is not None]
        matches = [(uid, s.name, s.district) for uid, s in found if _in_scope(viewer, s.district)]
        if not matches:
            turn.say(Reply("cs-not-your-seller"))
            return
        await _choose(turn, viewer, query, matches)
        return
    if number is not None or phone.ok or not any(ch.isalpha() for ch in query):
        turn.say(Reply("cs-seller-not-found", {"query": query}))
        return
    mine = None if viewer.is_admin else viewer.districts
    matches = await repo.reports.find_by_name(query, mine, SEARCH_LIMIT + 1)
    if not matches:
        turn.say(Reply("cs-seller-not-found", {"query": query}))
    elif len(matches) == 1:
        await _card(turn, viewer, matches[0][0])
    else:
        await _choose(turn, viewer, query, matches)


async def _choose(
    turn: Turn, viewer: Viewer, query: str, matches: Sequence[tuple[int, str, str]]
) -> None:
    locale = turn.locale
    shown = matches[:SEARCH_LIMIT]
    assert turn.staff is not None
    turn.staff.read("search", len(shown))
    buttons = [
        Choice(
            callbacks.SELLER_CARD.data(uid), text=f"{name} ({district_name(district, locale)})"[:60]
        )
        for uid, name, district in shown
    ]
    more = (Reply("cs-seller-more"),) if len(matches) > SEARCH_LIMIT else ()
    turn.say(
        Reply(
            "cs-seller-choose",
            {"query": query, "count": len(shown)},
            parts=more,
            choices=rows(buttons),
        )
    )


async def _card(turn: Turn, viewer: Viewer, user_id: int) -> None:
    """One seller's card, when the viewer may see them: profile, products, check, trainings,
    orders, reachability. Read from the audit log's point of view."""
    repo, locale = turn.repo, turn.locale
    profile = await repo.sellers.get(user_id)
    if profile is None:
        turn.say(Reply("cs-seller-not-found", {"query": str(user_id)}))
        return
    if not may_see_seller(viewer, profile.user_id, profile.district):
        turn.say(Reply("cs-not-your-seller"))
        return
    user = await repo.users.get(user_id)
    products = await repo.products.of_seller(user_id)
    latest = await repo.checks.latest_of_seller(user_id)
    trainings = await repo.reports.trainings_of(user_id, CARD_TRAININGS)
    open_orders, overdue = await repo.reports.orders_of(
        user_id, turn.now.astimezone(turn.zone).date()
    )
    _, pending = await repo.reports.stage_of(user_id)
    assert turn.staff is not None
    turn.staff.read("card", 1, subject=user_id)
    parts: list[Reply] = []
    if user is not None and user.blocked_at is not None:
        parts.append(Reply("cs-card-blocked", {"date": _date(turn, user.blocked_at)}))
    if user is not None and user.opted_out_at is not None:
        parts.append(Reply("cs-card-opted-out", {"date": _date(turn, user.opted_out_at)}))
    if products:
        parts.append(Reply("cs-card-products", {"count": len(products)}))
        for product in products[:CARD_PRODUCTS]:
            parts.append(
                Reply(
                    "cs-card-product",
                    {
                        "name": product_name(product, locale),
                        "status": Reply(
                            "cs-product-ready" if product.status == "ready" else "cs-product-draft"
                        ),
                        "photos": len(product.photos),
                        "photo_ok": has_good_photo(product),
                    },
                )
            )
        if len(products) > CARD_PRODUCTS:
            parts.append(Reply("cs-card-more", {"count": len(products) - CARD_PRODUCTS}))
    else:
        parts.append(Reply("cs-card-no-products"))
    if latest is None:
        parts.append(Reply("cs-card-check-none"))
    else:
        missing = verdict.open_items(latest.findings, eligibility_rules().briefs())
        parts.append(
            Reply(
                "cs-card-check",
                {
                    "date": _date(turn, latest.checked_at),
                    "verdict": Reply(VERDICT_KEYS.get(latest.status, "cs-verdict-steps")),
                    "missing": len(missing),
                },
                parts=tuple(missing),
            )
        )
    if trainings:
        for line in trainings:
            answer = (
                "cs-trn-came"
                if line.attended
                else {"yes": "cs-trn-yes", "no": "cs-trn-no"}.get(line.answer or "", "cs-trn-none")
            )
            parts.append(
                Reply(
                    "cs-card-training",
                    {
                        "title": line.title,
                        "date": _date(turn, line.starts_at),
                        "answer": Reply(answer),
                    },
                )
            )
    else:
        parts.append(Reply("cs-card-trainings-none"))
    parts.append(Reply("cs-card-orders", {"open": open_orders, "overdue": overdue}))
    stage = stage_of(products, latest)
    choices = ()
    if pending is not None:
        choices = (
            (
                Choice(
                    callbacks.NUDGE.data(user_id, pending),
                    key="cs-btn-nudge-card",
                    args={"stage": Reply(PENDING_KEYS[pending])},
                ),
            ),
        )
    turn.say(
        Reply(
            "cs-card",
            {
                "name": profile.name,
                "business": profile.business_name or "—",
                "district": district_name(profile.district, locale),
                "craft": _craft(profile.craft_id, profile.craft_text, locale),
                "phone": _phone(
                    viewer, profile.user_id, profile.district, profile.phone, full=True
                ),
                "registered": _date(turn, profile.registered_at),
                "id": str(user_id),
                "stage": Reply(STAGE_KEYS[stage]),
            },
            parts=tuple(parts),
            choices=choices,
        )
    )


# --- /pending -------------------------------------------------------------------------------


async def pending(turn: Turn, args: str) -> None:
    staff = turn.staff
    assert staff is not None
    districts = staff.districts
    found = await turn.repo.reports.pending(districts, PENDING_FIRST)
    staff.read("pending", len(found))
    scope_name = _scope_name(districts, turn.locale)
    if not found:
        turn.say(Reply("cs-pending-none", {"scope": scope_name}))
        return
    turn.say(Reply("cs-pending-title", {"scope": scope_name}))
    token = _district_token(districts, staff.asked)
    scheduled = await _training_districts(turn)
    for stage in PENDING:
        group = [r for r in found if r.stage == stage]
        if group:
            turn.say(_pending_group(turn, stage, group, token, 1, PENDING_FIRST, scheduled))


async def _training_districts(turn: Turn) -> set[str]:
    """Districts with a training coming up: only there does a "come to a training" nudge
    lead anywhere."""
    upcoming = await turn.repo.reports.trainings_between(turn.now, turn.now + TRAINING_HORIZON)
    return {d for t in upcoming for d in t.districts}


def _pending_group(
    turn: Turn,
    stage: str,
    group: Sequence[PendingRow],
    token: str,
    page: int,
    size: int,
    scheduled: set[str],
) -> Reply:
    locale, now = turn.locale, turn.now
    lines, buttons = [], []
    untrainable = False
    for row in group:
        days = days_since(row.since, now)
        name = row.name or f"#{row.user_id}"
        lines.append(
            Reply(
                "cs-pending-line",
                {
                    "name": name,
                    "district": district_name(row.district, locale) if row.district else "—",
                    "days": days,
                    "span": _span(days),
                },
            )
        )
        if stage == "training" and row.district not in scheduled:
            untrainable = True  # no training to invite them to
            continue
        buttons.append(
            Choice(
                callbacks.NUDGE.data(row.user_id, stage),
                key="cs-btn-nudge",
                args={"name": name[:30]},
            )
        )
    if untrainable:
        lines.append(Reply("cs-pending-no-training"))
    count = group[0].total
    nav: list[Choice] = []
    if page == 1 and size == PENDING_FIRST and count > len(group):
        nav.append(
            Choice(
                callbacks.PENDING_PAGE.data(stage, token, 1),
                key="cs-btn-more",
                args={"count": count - len(group)},
            )
        )
    elif size == PAGE:
        if page > 1:
            nav.append(
                Choice(callbacks.PENDING_PAGE.data(stage, token, page - 1), key="cs-btn-prev")
            )
        if page * PAGE < count:
            nav.append(
                Choice(callbacks.PENDING_PAGE.data(stage, token, page + 1), key="cs-btn-next")
            )
    return Reply(
        "cs-pending-group",
        {"stage": Reply(PENDING_KEYS[stage]), "count": count},
        parts=tuple(lines),
        choices=(*rows(buttons, 2), *((tuple(nav),) if nav else ())),
    )


async def _pending_page(turn: Turn, viewer: Viewer, stage: str, token: str, page: int) -> None:
    districts, allowed = _scope_of_token(viewer, token)
    if not allowed:
        turn.say(Reply("cs-not-your-district"))
        return
    found = await turn.repo.reports.pending(districts, PAGE, stage=stage, offset=(page - 1) * PAGE)
    assert turn.staff is not None
    turn.staff.read("pending", len(found), stage=stage, page=page)
    if not found:
        turn.say(Reply("cs-pending-none", {"scope": _scope_name(districts, turn.locale)}))
        return
    scheduled = await _training_districts(turn)
    turn.say(_pending_group(turn, stage, found, token, page, PAGE, scheduled))


async def _nudge(turn: Turn, viewer: Viewer, user_id: int, stage: str) -> None:
    """Queue one friendly reminder (at most one a day per stage), if the seller is still
    stuck there, in the viewer's districts and reachable."""
    repo = turn.repo
    if stage == "reg":
        unfinished, name, district = await repo.reports.unfinished_registration(user_id)
        if not unfinished:
            turn.say(Reply("cs-nudge-moved-on", {"name": name or f"#{user_id}"}))
            return
        if not _in_scope(viewer, district):
            turn.say(Reply("cs-not-your-seller"))
            return
    else:
        profile = await repo.sellers.get(user_id)
        if profile is None:
            turn.say(Reply("cs-seller-not-found", {"query": str(user_id)}))
            return
        if not _in_scope(viewer, profile.district):
            turn.say(Reply("cs-not-your-seller"))
            return
        name = profile.name
        _, current = await repo.reports.stage_of(user_id)
        if current != stage:
            turn.say(Reply("cs-nudge-moved-on", {"name": name}))
            return
        if stage == "training" and profile.district not in await _training_districts(turn):
            turn.say(Reply("cs-pending-no-training"))
            return
    user = await repo.users.get(user_id)
    if user is None or user.blocked_at is not None or user.opted_out_at is not None:
        turn.say(Reply("cs-nudge-unreachable", {"name": name or f"#{user_id}"}))
        return
    message, label, data = NUDGES[stage]
    today = turn.now.astimezone(turn.zone).date().isoformat()
    added = await repo.outbox.enqueue(
        [
            OutboxItem(
                recipient=user_id,
                kind="nudge",
                message=message,
                args={"name": name or ""},
                buttons=[[(label, data)]],
                ref=f"nudge:{stage}:{today}",
                quiet=True,
                expires_at=turn.now + NUDGE_TTL,
            )
        ]
    )
    await repo.audit.write(viewer.user_id, user_id, "nudge", stage)
    key = "cs-nudge-sent" if added else "cs-nudge-already"
    turn.say(Reply(key, {"name": name or f"#{user_id}", "stage": Reply(PENDING_KEYS[stage])}))


# --- buttons: cs:card:<user>, cs:nudge:<user>:<stage>, cs:page:<n>:<district|*>:<stage|*>,
# cs:pend:<stage>:<district|*>:<n>. Scope is checked again on every press. -------------------


def _user_id(text: str) -> int | None:
    number = int(text) if text.isascii() and text.isdigit() and len(text) < 17 else None
    return number if number is not None and 0 < number < MAX_USER_ID else None


def _page(text: str) -> int | None:
    return (
        int(text)
        if text.isascii() and text.isdigit() and 0 < len(text) < 6 and int(text) > 0
        else None
    )


def _staff(turn: Turn) -> Viewer:
    assert turn.staff is not None  # the dispatcher lets only staff press these
    return turn.staff.viewer


async def card_button(turn: Turn, parts: tuple[str, ...]) -> None:
    if len(parts) == 1 and (uid := _user_id(parts[0])) is not None:
        await _card(turn, _staff(turn), uid)
    else:
        _stale(turn)


async def nudge_button(turn: Turn, parts: tuple[str, ...]) -> None:
    if len(parts) == 2 and (uid := _user_id(parts[0])) is not None and parts[1] in PENDING:
        await _nudge(turn, _staff(turn), uid, parts[1])
    else:
        _stale(turn)


async def sellers_page_button(turn: Turn, parts: tuple[str, ...]) -> None:
    if len(parts) != 3 or (page := _page(parts[0])) is None:
        _stale(turn)
        return
    viewer = _staff(turn)
    stage = None if parts[2] == ALL else known_stage(parts[2])
    if parts[2] != ALL and stage is None:
        _stale(turn)
        return
    districts, allowed = _scope_of_token(viewer, parts[1])
    if not allowed:
        turn.say(Reply("cs-not-your-district"))
        return
    await _sellers_page(turn, viewer, districts, parts[1], stage, page)


async def pending_page_button(turn: Turn, parts: tuple[str, ...]) -> None:
    if len(parts) == 3 and parts[0] in PENDING and (page := _page(parts[2])) is not None:
        await _pending_page(turn, _staff(turn), parts[0], parts[1], page)
    else:
        _stale(turn)


# --- /export [sellers] [district] ---------------------------------------------------------------


def export_district(args: str) -> str:
    """The district part of /export's arguments: after the word "sellers", if it is there."""
    words = args.split()
    if words and words[0].casefold() == "sellers":
        return " ".join(words[1:])
    return args


async def export(turn: Turn, args: str) -> None:
    """`/export sellers [district]` is the sellers sheet; anything else the catalogue files."""
    if args.strip().partition(" ")[0].casefold() == "sellers":
        await export_sellers(turn)
    else:
        await export_catalogue(turn)


async def export_sellers(turn: Turn) -> None:
    """The sellers sheet (xlsx): name, district, craft, stage, products, ready, latest check,
    registered; the phone only where the viewer may see the seller."""
    staff = turn.staff
    assert staff is not None
    viewer, districts = staff.viewer, staff.districts
    found = await turn.repo.reports.all_sellers(districts)
    staff.read("export_sellers", len(found))
    if not found:
        turn.say(Reply("cs-export-empty"))
        return
    locale, words = turn.locale, turn.options.words
    stages = {s: words(k, locale, None) for s, k in STAGE_KEYS.items()}
    verdicts = {v: words(k, locale, None) for v, k in VERDICT_KEYS.items()}
    sheet = [_sheet_row(turn, viewer, s, stages, verdicts) for s in found]
    headers = [words(f"cs-sheet-{c}", locale, None) for c in SHEET_COLUMNS]
    day = turn.now.astimezone(turn.zone).strftime("%Y-%m-%d")
    exports = turn.options.exports_dir

    async def build() -> list[Reply]:
        directory = Path(tempfile.mkdtemp(prefix="sellers-", dir=exports()))
        path = directory / f"sellers-{day}.xlsx"
        await asyncio.to_thread(write_sellers_xlsx, sheet, path, headers)
        return [
            Reply(
                "cs-export-file",
                attachment=Attachment(path.name, mime_type=XLSX_MIME, path=str(path)),
            )
        ]

    turn.later.append(build)
    turn.say(
        Reply("cs-export-started", {"count": len(sheet), "scope": _scope_name(districts, locale)})
    )


def _sheet_row(
    turn: Turn, viewer: Viewer, s: SellerRow, stages: dict[str, str], verdicts: dict[str, str]
) -> SheetRow:
    locale = turn.locale
    registered = (
        s.registered_at.astimezone(turn.zone).strftime("%Y-%m-%d") if s.registered_at else ""
    )
    return SheetRow(
        name=s.name,
        district=district_name(s.district, locale),
        craft=_craft(s.craft_id, s.craft_text, locale),
        stage=stages.get(s.stage, s.stage),
        products=s.products,
        ready=s.ready,
        verdict=verdicts.get(s.verdict or "", ""),
        registered=registered,
        phone=format_mobile(s.phone) if may_see_seller(viewer, s.user_id, s.district) else "",
    )


# --- the 09:00 digest ---------------------------------------------------------------------------


async def send_digest(job: JobContext) -> None:
    today = local_day(job.now, job.zone)
    old = staleness.stale(staleness.dated(eligibility_rules(), cost_data()), today)
    await digest.send(job.repo, job.now, job.zone, stale=len(old))


def whole(args: str) -> str:
    return args


FEATURE = Feature(
    "console",
    commands=(
        Command("stats", stats, Role.COORDINATOR, help="help-cmd-stats", district=whole),
        Command("pending", pending, Role.COORDINATOR, help="help-cmd-pending", district=whole),
        Command(
            "sellers",
            sellers,
            Role.COORDINATOR,
            help="help-cmd-sellers",
            district=sellers_district,
            usage="cs-sellers-usage",
        ),
        Command("seller", seller, Role.COORDINATOR, help="help-cmd-seller"),
        Command(
            "export",
            export,
            Role.COORDINATOR,
            help=("help-cmd-export", "help-cmd-export-sellers"),
            district=export_district,
        ),
    ),
    buttons=(
        Button((callbacks.SELLER_CARD,), card_button, Role.COORDINATOR),
        Button((callbacks.NUDGE,), nudge_button, Role.COORDINATOR),
        Button((callbacks.SELLERS_PAGE,), sellers_page_button, Role.COORDINATOR),
        Button((callbacks.PENDING_PAGE,), pending_page_button, Role.COORDINATOR),
    ),
    menu=(
        MenuEntry("stats", "menu-stats", Audience.CONSOLE),
        MenuEntry("pending", "menu-pending", Audience.CONSOLE),
        MenuEntry("sellers", "menu-sellers", Audience.CONSOLE),
    ),
    jobs=(Scheduled(send_digest),),
)
