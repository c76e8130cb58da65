"""Coordinator broadcasts: /broadcast composes, /broadcasts reports, a job tells the sender's
creator when one is done; and the words that mean /stop in any of our languages."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from chat.replies import Choice, Reply, rows
from flows.broadcasts import BROADCAST, LANGUAGE, STAGE, broadcast, format_when
from flows.engine import Flow
from flows.registration import district_label
from handlers.pause import pause
from services import places
from services.ids import parse_id
from services.text import lookup_key
from storage.broadcasts import BroadcastRecord
from storage.outbox import OutboxItem
from storage.unit import Repo

if TYPE_CHECKING:
    from handlers.router import Router, Turn

LIST_LIMIT = 10
REASON_MAX = 80
# Typed alone, these mean "stop sending me announcements" (compared as lookup keys).
STOP_WORDS = frozenset(
    lookup_key(word)
    for word in (
        "বন্ধ",
        "বন্ধ করুন",
        "বন্ধ করো",
        "বন্ধ কর",
        "আর পাঠাবেন না",
        "stop",
        "stop it",
        "unsubscribe",
        "bondho",
        "bondho korun",
        "bondho koro",
        "bando karo",
        "band karo",
        "band karen",
        "रोकें",
        "रोको",
        "रोक दो",
        "बंद",
        "बंद करें",
        "बंद करो",
        "बंद कीजिए",
    )
)


def is_stop_word(text: str) -> bool:
    """Whether a typed message, on its own, asks to stop announcements (like /stop)."""
    return lookup_key(text) in STOP_WORDS


# --- composing ------------------------------------------------------------------------------


async def start(router: Router, turn: Turn, args: str) -> None:
    viewer = await turn.viewer()
    if not viewer.is_staff:
        turn.replies.append(Reply("staff-only"))
        return
    pause(turn)
    data = {"own": sorted(viewer.districts)}
    turn.replies += router.engine.start(turn.ctx, BROADCAST, data=data)


# --- reports --------------------------------------------------------------------------------


def _status(record: BroadcastRecord, counts: dict[str, int], now: datetime) -> Reply:
    waiting = counts.get("pending", 0) + counts.get("sending", 0)
    if not waiting:
        return Reply("bc-status-done")
    return Reply("bc-status-scheduled" if record.due_at > now else "bc-status-sending")


def _numbers(record: BroadcastRecord, counts: dict[str, int], locale: str) -> dict[str, Any]:
    return {
        "id": record.id,
        "when": format_when(record.due_at, locale),
        "recipients": record.recipients,
        "sent": counts.get("sent", 0),
        "pending": counts.get("pending", 0) + counts.get("sending", 0),
        "failed": counts.get("failed", 0),
        "skipped": counts.get("skipped", 0),
    }


async def overview(router: Router, turn: Turn, args: str) -> None:
    """The coordinator's latest broadcasts (an admin's: everybody's) with delivery counts."""
    viewer = await turn.viewer()
    if not viewer.is_staff:
        turn.replies.append(Reply("staff-only"))
        return
    records = await turn.repo.broadcasts.latest(
        None if viewer.is_admin else viewer.user_id, LIST_LIMIT
    )
    if not records:
        turn.replies.append(Reply("bc-list-empty"))
        return
    lines, buttons = [], []
    for record in records:
        counts = await turn.repo.outbox.report(record.id)
        numbers = _numbers(record, counts, turn.ctx.locale)
        text = record.texts.get(record.main_locale) or next(iter(record.texts.values()), "")
        numbers.update(status=_status(record, counts, turn.ctx.now), text=_excerpt(text))
        lines.append(Reply("bc-list-line", numbers))
        buttons.append(Choice(f"bc:view:{record.id}", key="btn-bc-view-id", args={"id": record.id}))
    turn.replies.append(Reply("bc-list-title", parts=tuple(lines), choices=rows(buttons, 3)))


def _excerpt(text: str, room: int = 50) -> str:
    return text if len(text) <= room else text[: room - 1].rstrip() + "…"


def _segment_lines(record: BroadcastRecord, locale: str) -> list[Reply]:
    segment = record.segment
    if segment.districts is None:
        where: str | Reply = Reply("bc-district-all")
    else:
        where = ", ".join(district_label(code, locale) for code in segment.districts)
    craft = places.craft(segment.craft) if segment.craft else None
    return [
        Reply("summary-line", {"label": Reply("field-district"), "value": where}),
        Reply(
            "summary-line",
            {
                "label": Reply("field-craft"),
                "value": craft.name(locale) if craft else Reply("bc-craft-any"),
            },
        ),
        Reply(
            "summary-line",
            {"label": Reply("bc-field-stage"), "value": STAGE.get(segment.stage, STAGE["any"])},
        ),
        Reply(
            "summary-line",
            {
                "label": Reply("bc-field-lang"),
                "value": LANGUAGE.get(segment.locale or "", Reply("bc-lang-any")),
            },
        ),
    ]


def _reason_lines(counts: dict[str, int]) -> list[Reply]:
    known = {
        "skipped:opted_out": Reply("bc-skipped-opted-out"),
        "skipped:blocked": Reply("bc-skipped-blocked"),
        "skipped:expired": Reply("bc-skipped-expired"),
    }
    lines = []
    for key, n in sorted(counts.items()):
        status, _, reason = key.partition(":")
        if not reason:
            continue
        if key in known:
            lines.append(Reply("bc-reason-line", {"reason": known[key], "count": n}))
        elif status == "failed":
            lines.append(Reply("bc-failed-line", {"reason": reason[:REASON_MAX], "count": n}))
        else:
            lines.append(Reply("bc-skipped-line", {"reason": reason[:REASON_MAX], "count": n}))
    return lines


async def view(router: Router, turn: Turn, broadcast_id: int | None) -> None:
    """One broadcast in detail; only its creator and admins may see it."""
    viewer = await turn.viewer()
    record = await turn.repo.broadcasts.get(broadcast_id) if broadcast_id else None
    if (
        record is None
        or not viewer.is_staff
        or not (viewer.is_admin or record.creator == viewer.user_id)
    ):
        turn.replies.append(Reply("bc-not-found"))
        await router.reprompt(turn)
        return
    counts = await turn.repo.outbox.report(record.id)
    numbers = _numbers(record, counts, turn.ctx.locale)
    numbers["status"] = _status(record, counts, turn.ctx.now)
    text = record.texts.get(record.main_locale) or next(iter(record.texts.values()), "")
    parts = [
        Reply("bc-view-text", {"text": _excerpt(text, 300)}),
        *_segment_lines(record, turn.ctx.locale),
        Reply("bc-view-counts", numbers),
        *_reason_lines(counts),
    ]
    turn.replies.append(Reply("bc-view-title", numbers, parts=tuple(parts)))


async def button(router: Router, turn: Turn, rest: str) -> None:
    action, _, target = rest.partition(":")
    if action == "view":
        await view(router, turn, parse_id(target))
    elif action == "new":
        await start(router, turn, "")
    else:
        turn.replies.append(Reply("error-stale-button"))
        await router.reprompt(turn)


# --- the delivery report --------------------------------------------------------------------


async def minutely(repo: Repo, now: datetime) -> None:
    """Tell each creator once when their broadcast is finished (nothing waiting or in flight)."""
    for record in await repo.broadcasts.finished_unreported():
        if not await repo.broadcasts.mark_reported(record.id, now):
            continue
        counts = await repo.outbox.report(record.id)
        notice = Reply(
            "bc-report-notice",
            {
                "id": record.id,
                "total": counts.get("total", 0),
                "sent": counts.get("sent", 0),
                "failed": counts.get("failed", 0),
                "skipped": counts.get("skipped", 0),
            },
        )
        details = Choice(f"bc:view:{record.id}", key="btn-bc-view")
        await repo.outbox.enqueue(
            [
                OutboxItem(
                    recipient=record.creator,
                    kind="notice",
                    message=notice.key,
                    args=notice.args,
                    buttons=(((details.key or "", details.value),),),
                    ref=f"bc:{record.id}:report",
                )
            ]
        )


FLOWS: tuple[Flow, ...] = (broadcast,)
COMMANDS: dict[str, Callable[..., Awaitable[None]]] = {
    "broadcast": start,
    "broadcasts": overview,
}
BUTTONS: dict[str, Callable[..., Awaitable[None]]] = {"bc": button}
STAFF: frozenset[str] = frozenset({"broadcast", "broadcasts"})  # coordinators and admins only
EXTRA: dict[str, Any] = {"minutely": minutely, "is_stop_word": is_stop_word}
