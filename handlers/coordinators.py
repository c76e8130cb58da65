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
import html
import logging
import tempfile
import uuid
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from chat.replies import Attachment, Choice, Reply, rows
from flows.engine import Flow
from flows.registration import district_label
from handlers.products import product_name
from handlers.staff import XLSX_MIME, audit_read, scope, staff_request
from services import places
from services.access import Viewer, may_see_seller
from services.ids import check_mobile, format_mobile, mask, parse_int
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
from services.when import IST
from storage.outbox import OutboxItem
from storage.reports import PENDING, STAGES, PendingRow, SellerRow

if TYPE_CHECKING:
    from handlers.router import Router, Turn
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
STUCK_DAYS = 7  # the digest's "newly stuck": a week at the same step, reached since yesterday
DIGEST_TRAINING_DAYS = 3
NUDGE_TTL = timedelta(hours=48)
MAX_USER_ID = 2**53
ALL = "*"
CHART_LOCALE = "en"
# The audit log's read actions that /audit shows.
READ_ACTIONS = ("card", "sellers", "search", "pending", "export", "export_sellers", "checks")

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
    "reg": ("cs-nudge-reg", "cs-nudge-btn-reg", "menu:start"),
    "product": ("cs-nudge-product", "cs-nudge-btn-product", "menu:addproduct"),
    "photo": ("cs-nudge-photo", "cs-nudge-btn-photo", "menu:products"),
    "draft": ("cs-nudge-draft", "cs-nudge-btn-draft", "menu:products"),
    "check": ("cs-nudge-check", "cs-nudge-btn-check", "menu:check"),
    "training": ("cs-nudge-training", "cs-nudge-btn-training", "menu:trainings"),
}
AUDIT_KEYS = {
    "card": "cs-audit-card",
    "sellers": "cs-audit-sellers",
    "search": "cs-audit-search",
    "pending": "cs-audit-pending",
    "export": "cs-audit-export",
    "export_sellers": "cs-audit-export_sellers",
    "checks": "cs-audit-checks",
}
assert set(STAGE_KEYS) == set(STAGES) and set(PENDING_KEYS) == set(NUDGES) == set(PENDING)


# --- small helpers --------------------------------------------------------------------------


async def _staff(turn: Turn) -> Viewer | None:
    """The viewer when staff; otherwise the polite refusal is already added."""
    viewer = await turn.viewer()
    if viewer.is_staff:
        return viewer
    turn.replies.append(Reply("staff-only"))
    return None


async def _admin(turn: Turn) -> Viewer | None:
    viewer = await turn.viewer()
    if viewer.is_admin:
        return viewer
    turn.replies.append(Reply("admin-only"))
    return None


def _stale(turn: Turn) -> None:
    turn.replies.append(Reply("error-stale-button"))


def _date(moment: datetime | None, locale: str) -> str:
    """A day in IST, dd/mm/yyyy, in the reader's digits."""
    if moment is None:
        return "—"
    return localise_digits(moment.astimezone(IST).strftime("%d/%m/%Y"), locale)


def _stamp(moment: datetime | None, locale: str) -> str:
    if moment is None:
        return "—"
    return localise_digits(moment.astimezone(IST).strftime("%d/%m %H:%M"), locale)


def _span(days: int) -> str:
    return "today" if days <= 0 else "one" if days == 1 else "many"


def _scope_name(districts: frozenset[str] | None, locale: str) -> str | Reply:
    if districts is None:
        return Reply("cs-scope-all")
    if len(districts) > SCOPE_NAMES:
        return Reply("cs-scope-many", {"count": len(districts)})
    return ", ".join(sorted(district_label(d, locale) for d in districts))


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
    craft = places.craft(craft_id or "") if craft_id else None
    return craft.name(locale) if craft is not None else (craft_text or "—")


# --- /stats ---------------------------------------------------------------------------------


async def funnel(repo: Repo, districts: frozenset[str] | None) -> list[FunnelRow]:
    """The funnel per district of the scope (every district for all of West Bengal)."""
    found = await repo.reports.funnel(districts)
    wanted = districts if districts is not None else [d.code for d in places.districts()]
    return funnel_rows(found, wanted, lambda code: district_label(code, "en"))


def stats_text(
    rows: Sequence[FunnelRow], districts: frozenset[str] | None, locale: str, now: datetime
) -> list[Reply]:
    """The caption (totals of the scope) and, for several districts, a line per district."""
    whole = total(rows)
    args: dict[str, Any] = {
        "scope": _scope_name(districts, locale),
        "date": _date(now, locale),
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
                    "district": district_label(r.district, locale),
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


async def stats_replies(repo: Repo, districts: frozenset[str] | None, locale: str) -> list[Reply]:
    """/stats as text only (what the benchmark times): one query per measure."""
    return stats_text(await funnel(repo, districts), districts, locale, datetime.now(IST))


def _english(router: Router, key: str, args: dict[str, Any] | None = None) -> str:
    """Chart words: English always (the default fonts cannot shape Bengali), as plain text."""
    return html.unescape(router.renderer.text(Reply(key, args or {}), CHART_LOCALE))


def _chart_words(
    router: Router, rows: Sequence[FunnelRow], now: datetime
) -> tuple[str, dict[str, str]]:
    """The chart's title and its labels (each measure's, and "sellers" for the axis)."""
    day = now.astimezone(IST).strftime("%d %b %Y")
    if len(rows) == 1:
        title = _english(router, "cs-chart-title-one", {"district": rows[0].label, "day": day})
    else:
        title = _english(router, "cs-chart-title-all", {"day": day})
    labels = {m: _english(router, f"cs-chart-{m}") for m in (*CHART_MEASURES, "sellers")}
    return title, labels


async def stats(router: Router, turn: Turn, args: str) -> None:
    if (request := await staff_request(turn, args)) is None:
        return
    _, districts = request
    rows = await funnel(turn.repo, districts)
    now = turn.ctx.now
    replies = stats_text(rows, districts, turn.ctx.locale, now)
    if not any(r["registered"] for r in rows):
        turn.replies.append(
            Reply("cs-stats-none", {"scope": _scope_name(districts, turn.ctx.locale)})
        )
        return
    caption = replies[0]
    title, labels = _chart_words(router, rows, now)

    async def chart() -> list[Reply]:
        path = router.exports_dir() / f"stats-{uuid.uuid4().hex}.png"
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


async def sellers(router: Router, turn: Turn, args: str) -> None:
    viewer = await _staff(turn)
    if viewer is None:
        return
    district_text, stage = _split_sellers_args(args)
    districts, refusal = scope(viewer, district_text, turn.ctx.locale)
    if refusal is not None:
        turn.replies += [refusal, Reply("cs-sellers-usage")]
        return
    token = _district_token(districts, bool(district_text))
    await _sellers_page(turn, viewer, districts, token, stage, 1)


async def _sellers_page(
    turn: Turn,
    viewer: Viewer,
    districts: frozenset[str] | None,
    token: str,
    stage: str | None,
    page: int,
) -> None:
    locale = turn.ctx.locale
    count, found = await turn.repo.reports.sellers_page(districts, stage, PAGE, (page - 1) * PAGE)
    pages = max(1, -(-count // PAGE))
    if not found and count and page > pages:  # the list shrank since the button was made
        page = pages
        count, found = await turn.repo.reports.sellers_page(
            districts, stage, PAGE, (page - 1) * PAGE
        )
    await audit_read(turn, viewer, "sellers", districts, len(found), stage=stage or ALL, page=page)
    scope_name = _scope_name(districts, locale)
    stage_name: str | Reply = Reply(STAGE_KEYS[stage]) if stage else Reply("cs-stage-any")
    if not found:
        turn.replies.append(Reply("cs-sellers-none", {"scope": scope_name, "stage": stage_name}))
        return
    first = (page - 1) * PAGE + 1
    lines = tuple(
        Reply(
            "cs-seller-line",
            {
                "n": first + i,
                "name": s.name,
                "district": district_label(s.district, locale),
                "stage": Reply(STAGE_KEYS.get(s.stage, "cs-stage-any")),
                "phone": _phone(viewer, s.user_id, s.district, s.phone, full=False),
            },
        )
        for i, s in enumerate(found)
    )
    cards = [
        Choice(f"cs:card:{s.user_id}", text=f"{first + i}. {s.name}"[:40])
        for i, s in enumerate(found)
    ]
    nav: list[Choice] = []
    marker = stage or ALL
    if page > 1:
        nav.append(Choice(f"cs:page:{page - 1}:{token}:{marker}", key="cs-btn-prev"))
    if page < pages:
        nav.append(Choice(f"cs:page:{page + 1}:{token}:{marker}", key="cs-btn-next"))
    turn.replies.append(
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


async def seller(router: Router, turn: Turn, args: str) -> None:
    viewer = await _staff(turn)
    if viewer is None:
        return
    query = args.strip()[:QUERY_LIMIT]
    if not query:
        turn.replies.append(Reply("cs-seller-usage"))
        return
    repo = turn.repo
    ids: list[int] = []
    phone = check_mobile(query)
    if phone.ok and phone.value is not None:
        ids += await repo.reports.find_by_phone(phone.value)
    number = parse_int(ascii_digits(query).replace(" ", ""))
    known = number is not None and 0 < number < MAX_USER_ID and number not in ids
    if known and number is not None and await repo.sellers.get(number) is not None:
        ids.append(number)
    if ids:
        if len(ids) == 1:
            await _card(turn, viewer, ids[0])
            return
        found = [(uid, s) for uid in ids if (s := await repo.sellers.get(uid)) is not None]
        matches = [(uid, s.name, s.district) for uid, s in found if _in_scope(viewer, s.district)]
        if not matches:
            turn.replies.append(Reply("cs-not-your-seller"))
            return
        await _choose(turn, viewer, query, matches)
        return
    if number is not None or phone.ok or not any(ch.isalpha() for ch in query):
        turn.replies.append(Reply("cs-seller-not-found", {"query": query}))
        return
    mine = None if viewer.is_admin else viewer.districts
    matches = await repo.reports.find_by_name(query, mine, SEARCH_LIMIT + 1)
    if not matches:
        turn.replies.append(Reply("cs-seller-not-found", {"query": query}))
    elif len(matches) == 1:
        await _card(turn, viewer, matches[0][0])
    else:
        await _choose(turn, viewer, query, matches)


async def _choose(
    turn: Turn, viewer: Viewer, query: str, matches: Sequence[tuple[int, str, str]]
) -> None:
    locale = turn.ctx.locale
    shown = matches[:SEARCH_LIMIT]
    await turn.repo.audit.write(viewer.user_id, None, "search", f"n={len(shown)}")
    buttons = [
        Choice(f"cs:card:{uid}", text=f"{name} ({district_label(district, locale)})"[:60])
        for uid, name, district in shown
    ]
    more = (Reply("cs-seller-more"),) if len(matches) > SEARCH_LIMIT else ()
    turn.replies.append(
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
    repo, locale = turn.repo, turn.ctx.locale
    profile = await repo.sellers.get(user_id)
    if profile is None:
        turn.replies.append(Reply("cs-seller-not-found", {"query": str(user_id)}))
        return
    if not may_see_seller(viewer, profile.user_id, profile.district):
        turn.replies.append(Reply("cs-not-your-seller"))
        return
    user = await repo.users.get(user_id)
    products = await repo.products.of_seller(user_id)
    latest = await repo.checks.latest_of_seller(user_id)
    trainings = await repo.reports.trainings_of(user_id, CARD_TRAININGS)
    open_orders, overdue = await repo.reports.orders_of(
        user_id, turn.ctx.now.astimezone(IST).date()
    )
    _, pending = await repo.reports.stage_of(user_id)
    await repo.audit.write(viewer.user_id, user_id, "card")
    parts: list[Reply] = []
    if user is not None and user.blocked_at is not None:
        parts.append(Reply("cs-card-blocked", {"date": _date(user.blocked_at, locale)}))
    if user is not None and user.opted_out_at is not None:
        parts.append(Reply("cs-card-opted-out", {"date": _date(user.opted_out_at, locale)}))
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
        missing = [
            str(f.get("rule"))
            for f in latest.findings
            if isinstance(f, dict) and f.get("level") != "note"
        ]
        parts.append(
            Reply(
                "cs-card-check",
                {
                    "date": _date(latest.checked_at, locale),
                    "verdict": Reply(VERDICT_KEYS.get(latest.status, "cs-verdict-steps")),
                    "missing": ", ".join(missing) or "—",
                },
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
                        "date": _date(line.starts_at, locale),
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
                    f"cs:nudge:{user_id}:{pending}",
                    key="cs-btn-nudge-card",
                    args={"stage": Reply(PENDING_KEYS[pending])},
                ),
            ),
        )
    turn.replies.append(
        Reply(
            "cs-card",
            {
                "name": profile.name,
                "business": profile.business_name or "—",
                "district": district_label(profile.district, locale),
                "craft": _craft(profile.craft_id, profile.craft_text, locale),
                "phone": _phone(
                    viewer, profile.user_id, profile.district, profile.phone, full=True
                ),
                "registered": _date(profile.registered_at, locale),
                "id": str(user_id),
                "stage": Reply(STAGE_KEYS[stage]),
            },
            parts=tuple(parts),
            choices=choices,
        )
    )


# --- /pending -------------------------------------------------------------------------------


async def pending(router: Router, turn: Turn, args: str) -> None:
    if (request := await staff_request(turn, args)) is None:
        return
    viewer, districts = request
    found = await turn.repo.reports.pending(districts, PENDING_FIRST)
    await audit_read(turn, viewer, "pending", districts, len(found))
    scope_name = _scope_name(districts, turn.ctx.locale)
    if not found:
        turn.replies.append(Reply("cs-pending-none", {"scope": scope_name}))
        return
    turn.replies.append(Reply("cs-pending-title", {"scope": scope_name}))
    token = _district_token(districts, bool(args.strip()))
    for stage in PENDING:
        group = [r for r in found if r.stage == stage]
        if group:
            turn.replies.append(_pending_group(turn, stage, group, token, 1, PENDING_FIRST))


def _pending_group(
    turn: Turn, stage: str, group: Sequence[PendingRow], token: str, page: int, size: int
) -> Reply:
    locale, now = turn.ctx.locale, turn.ctx.now
    lines, buttons = [], []
    for row in group:
        days = days_since(row.since, now)
        name = row.name or f"#{row.user_id}"
        lines.append(
            Reply(
                "cs-pending-line",
                {
                    "name": name,
                    "district": district_label(row.district, locale) if row.district else "—",
                    "days": days,
                    "span": _span(days),
                },
            )
        )
        buttons.append(
            Choice(f"cs:nudge:{row.user_id}:{stage}", key="cs-btn-nudge", args={"name": name[:30]})
        )
    count = group[0].total
    nav: list[Choice] = []
    if page == 1 and size == PENDING_FIRST and count > len(group):
        nav.append(
            Choice(
                f"cs:pend:{stage}:{token}:1", key="cs-btn-more", args={"count": count - len(group)}
            )
        )
    elif size == PAGE:
        if page > 1:
            nav.append(Choice(f"cs:pend:{stage}:{token}:{page - 1}", key="cs-btn-prev"))
        if page * PAGE < count:
            nav.append(Choice(f"cs:pend:{stage}:{token}:{page + 1}", key="cs-btn-next"))
    return Reply(
        "cs-pending-group",
        {"stage": Reply(PENDING_KEYS[stage]), "count": count},
        parts=tuple(lines),
        choices=(*rows(buttons, 2), *((tuple(nav),) if nav else ())),
    )


async def _pending_page(turn: Turn, viewer: Viewer, stage: str, token: str, page: int) -> None:
    districts, allowed = _scope_of_token(viewer, token)
    if not allowed:
        turn.replies.append(Reply("cs-not-your-district"))
        return
    found = await turn.repo.reports.pending(districts, PAGE, stage=stage, offset=(page - 1) * PAGE)
    await turn.repo.audit.write(
        viewer.user_id, None, "pending", f"stage={stage} page={page} n={len(found)}"
    )
    if not found:
        turn.replies.append(
            Reply("cs-pending-none", {"scope": _scope_name(districts, turn.ctx.locale)})
        )
        return
    turn.replies.append(_pending_group(turn, stage, found, token, page, PAGE))


async def _nudge(turn: Turn, viewer: Viewer, user_id: int, stage: str) -> None:
    """Queue one friendly reminder (at most one a day per stage), if the seller is still
    stuck there, in the viewer's districts and reachable."""
    repo = turn.repo
    if stage == "reg":
        unfinished, name, district = await repo.reports.unfinished_registration(user_id)
        if not unfinished:
            turn.replies.append(Reply("cs-nudge-moved-on", {"name": name or f"#{user_id}"}))
            return
        if not _in_scope(viewer, district):
            turn.replies.append(Reply("cs-not-your-seller"))
            return
    else:
        profile = await repo.sellers.get(user_id)
        if profile is None:
            turn.replies.append(Reply("cs-seller-not-found", {"query": str(user_id)}))
            return
        if not _in_scope(viewer, profile.district):
            turn.replies.append(Reply("cs-not-your-seller"))
            return
        name = profile.name
        _, current = await repo.reports.stage_of(user_id)
        if current != stage:
            turn.replies.append(Reply("cs-nudge-moved-on", {"name": name}))
            return
    user = await repo.users.get(user_id)
    if user is None or user.blocked_at is not None or user.opted_out_at is not None:
        turn.replies.append(Reply("cs-nudge-unreachable", {"name": name or f"#{user_id}"}))
        return
    message, label, data = NUDGES[stage]
    today = turn.ctx.now.astimezone(IST).date().isoformat()
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
                expires_at=turn.ctx.now + NUDGE_TTL,
            )
        ]
    )
    await repo.audit.write(viewer.user_id, user_id, "nudge", stage)
    key = "cs-nudge-sent" if added else "cs-nudge-already"
    turn.replies.append(
        Reply(key, {"name": name or f"#{user_id}", "stage": Reply(PENDING_KEYS[stage])})
    )


# --- buttons --------------------------------------------------------------------------------


def _user_id(text: str) -> int | None:
    number = int(text) if text.isascii() and text.isdigit() and len(text) < 17 else None
    return number if number is not None and 0 < number < MAX_USER_ID else None


def _page(text: str) -> int | None:
    return (
        int(text)
        if text.isascii() and text.isdigit() and 0 < len(text) < 6 and int(text) > 0
        else None
    )


async def button(router: Router, turn: Turn, rest: str) -> None:
    """cs:page:<n>:<district|*>:<stage|*>, cs:card:<user>, cs:nudge:<user>:<stage>,
    cs:pend:<stage>:<district|*>:<n>. Scope is checked again on every press."""
    viewer = await _staff(turn)
    if viewer is None:
        return
    action, *parts = rest.split(":")
    if action == "card" and len(parts) == 1 and (uid := _user_id(parts[0])) is not None:
        await _card(turn, viewer, uid)
    elif (
        action == "nudge"
        and len(parts) == 2
        and (uid := _user_id(parts[0])) is not None
        and parts[1] in PENDING
    ):
        await _nudge(turn, viewer, uid, parts[1])
    elif action == "page" and len(parts) == 3 and (page := _page(parts[0])) is not None:
        stage = None if parts[2] == ALL else known_stage(parts[2])
        if parts[2] != ALL and stage is None:
            _stale(turn)
            return
        districts, allowed = _scope_of_token(viewer, parts[1])
        if not allowed:
            turn.replies.append(Reply("cs-not-your-district"))
            return
        await _sellers_page(turn, viewer, districts, parts[1], stage, page)
    elif (
        action == "pend"
        and len(parts) == 3
        and parts[0] in PENDING
        and (page := _page(parts[2])) is not None
    ):
        await _pending_page(turn, viewer, parts[0], parts[1], page)
    else:
        _stale(turn)


# --- /export sellers ----------------------------------------------------------------------------


async def export_sellers(router: Router, turn: Turn, args: str) -> None:
    """The sellers sheet (xlsx): name, district, craft, stage, products, ready, latest check,
    registered; the phone only where the viewer may see the seller."""
    words = args.split()
    if words and words[0].lower() == "sellers":
        args = " ".join(words[1:])
    if (request := await staff_request(turn, args)) is None:
        return
    viewer, districts = request
    found = await turn.repo.reports.all_sellers(districts)
    await audit_read(turn, viewer, "export_sellers", districts, len(found))
    if not found:
        turn.replies.append(Reply("cs-export-empty"))
        return
    locale = turn.ctx.locale
    label = router.renderer.text
    stages = {s: html.unescape(label(Reply(k), locale)) for s, k in STAGE_KEYS.items()}
    verdicts = {v: html.unescape(label(Reply(k), locale)) for v, k in VERDICT_KEYS.items()}
    sheet = [_sheet_row(viewer, s, stages, verdicts, locale) for s in found]
    headers = [html.unescape(label(Reply(f"cs-sheet-{c}"), locale)) for c in SHEET_COLUMNS]
    day = turn.ctx.now.astimezone(IST).strftime("%Y-%m-%d")

    async def build() -> list[Reply]:
        directory = Path(tempfile.mkdtemp(prefix="sellers-", dir=router.exports_dir()))
        path = directory / f"sellers-{day}.xlsx"
        await asyncio.to_thread(write_sellers_xlsx, sheet, path, headers)
        return [
            Reply(
                "cs-export-file",
                attachment=Attachment(path.name, mime_type=XLSX_MIME, path=str(path)),
            )
        ]

    turn.later.append(build)
    turn.replies.append(
        Reply("cs-export-started", {"count": len(sheet), "scope": _scope_name(districts, locale)})
    )


def _sheet_row(
    viewer: Viewer, s: SellerRow, stages: dict[str, str], verdicts: dict[str, str], locale: str
) -> SheetRow:
    return SheetRow(
        name=s.name,
        district=district_label(s.district, locale),
        craft=_craft(s.craft_id, s.craft_text, locale),
        stage=stages.get(s.stage, s.stage),
        products=s.products,
        ready=s.ready,
        verdict=verdicts.get(s.verdict or "", ""),
        registered=s.registered_at.astimezone(IST).strftime("%Y-%m-%d") if s.registered_at else "",
        phone=format_mobile(s.phone) if may_see_seller(viewer, s.user_id, s.district) else "",
    )


# --- admins ---------------------------------------------------------------------------------


def _district_codes(text: str) -> list[str | None]:
    """Districts named in a command: comma-separated, or one per word (None: not a district)."""
    found: list[str | None] = []
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        match = places.match_district(part)
        if match.district is not None:
            found.append(match.district.code)
            continue
        found.extend(
            d.code if (d := places.match_district(w).district) else None for w in part.split()
        )
    return found


async def remove_coordinator(router: Router, turn: Turn, args: str) -> None:
    viewer = await _admin(turn)
    if viewer is None:
        return
    first, _, rest = ascii_digits(args).strip().partition(" ")
    target = parse_int(first) if first else None
    codes = _district_codes(rest)
    if target is None or not 0 < target < MAX_USER_ID:
        turn.replies.append(Reply("cs-removecoordinator-usage"))
        return
    if any(c is None for c in codes):
        turn.replies.append(Reply("addcoordinator-unknown-district"))
        return
    removed = await turn.repo.coordinators.remove(target, [c for c in codes if c] or None)
    if not removed:
        turn.replies.append(Reply("cs-removecoordinator-none", {"user": str(target)}))
        return
    await turn.repo.audit.write(viewer.user_id, target, "remove_coordinator", ",".join(removed))
    names = ", ".join(district_label(c, turn.ctx.locale) for c in removed)
    left = await turn.repo.coordinators.districts_of(target)
    turn.replies.append(
        Reply(
            "cs-removecoordinator-done",
            {"user": str(target), "districts": names, "left": len(left)},
        )
    )


async def list_coordinators(router: Router, turn: Turn, args: str) -> None:
    if await _admin(turn) is None:
        return
    locale = turn.ctx.locale
    found = await turn.repo.coordinators.all()
    if not found:
        turn.replies.append(Reply("cs-coordinators-none"))
        return
    lines = tuple(
        Reply(
            "cs-coordinators-line",
            {
                "user": str(c.user_id),
                "districts": ", ".join(district_label(d, locale) for d in c.districts),
                "date": _date(c.added_at, locale),
            },
        )
        for c in found
    )
    turn.replies.append(Reply("cs-coordinators-title", {"count": len(found)}, parts=lines))


async def audit(router: Router, turn: Turn, args: str) -> None:
    if await _admin(turn) is None:
        return
    asked = parse_int(args) if args.strip() else AUDIT_DEFAULT
    limit = max(1, min(AUDIT_MAX, asked if asked is not None else AUDIT_DEFAULT))
    found = await turn.repo.audit.reads(READ_ACTIONS, limit)
    if not found:
        turn.replies.append(Reply("cs-audit-none"))
        return
    locale = turn.ctx.locale
    lines = tuple(
        Reply(
            "cs-audit-line",
            {
                "when": _stamp(a.at, locale),
                "actor": str(a.actor_id),
                "subject": (
                    f"{a.subject_name} ({a.subject_id})"
                    if a.subject_name
                    else str(a.subject_id)
                    if a.subject_id is not None
                    else "—"
                ),
                "action": Reply(AUDIT_KEYS.get(a.action, "cs-audit-other")),
                "detail": a.detail or "",
            },
        )
        for a in found
    )
    turn.replies.append(Reply("cs-audit-title", {"count": len(found)}, parts=lines))


# --- the 09:00 digest -------------------------------------------------------------------------


async def daily(repo: Repo, now: datetime) -> None:
    """One digest a day to each coordinator (ref digest:<day>, so a rerun adds nothing): new
    registrations since yesterday, sellers newly stuck a week at one step, trainings in the
    next three days and overdue orders, in their districts. Six grouped queries in all."""
    coordinators = await repo.coordinators.all()
    if not coordinators:
        return
    today = now.astimezone(IST).date()
    new = await repo.reports.registrations_since(now - timedelta(days=1))
    stuck_until = now - timedelta(days=STUCK_DAYS)
    stuck = await repo.reports.newly_stuck(stuck_until - timedelta(days=1), stuck_until)
    upcoming = await repo.reports.trainings_between(now, now + timedelta(days=DIGEST_TRAINING_DAYS))
    overdue = await repo.reports.overdue_orders(today)
    items = []
    for coordinator in coordinators:
        mine = set(coordinator.districts)
        soon = [t for t in upcoming if t.districts & mine]
        args: dict[str, Any] = {
            "new": sum(new.get(d, 0) for d in mine),
            "stuck": sum(stuck.get(d, 0) for d in mine),
            "days": STUCK_DAYS,
            "window": DIGEST_TRAINING_DAYS,
            "trainings": len(soon),
            "has_next": bool(soon),
            "next_title": soon[0].title if soon else "",
            "next_when": soon[0].starts_at.astimezone(IST).strftime("%d/%m %H:%M")
            if soon and soon[0].starts_at
            else "",
            "overdue": sum(overdue.get(d, 0) for d in mine),
        }
        items.append(
            OutboxItem(
                recipient=coordinator.user_id,
                kind="digest",
                message="cs-digest",
                args=args,
                buttons=[
                    [("cs-btn-digest-pending", "menu:pending")],
                    [("cs-btn-digest-stats", "menu:stats")],
                ],
                ref=f"digest:{today.isoformat()}",
                quiet=True,
                expires_at=now + timedelta(hours=20),
            )
        )
    await repo.outbox.enqueue(items)


FLOWS: tuple[Flow, ...] = ()
COMMANDS: dict[str, Callable[..., Awaitable[None]]] = {
    "stats": stats,
    "sellers": sellers,
    "seller": seller,
    "pending": pending,
    "removecoordinator": remove_coordinator,
    "coordinators": list_coordinators,
    "audit": audit,
}
BUTTONS: dict[str, Callable[..., Awaitable[None]]] = {"cs": button}
# Commands only coordinators and admins may use (the admin-only ones refuse coordinators too).
STAFF: frozenset[str] = frozenset({"stats", "sellers", "seller", "pending"})
EXTRA: dict[str, Any] = {"daily": daily, "export_sellers": export_sellers}
