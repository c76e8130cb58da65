"""Announcements: /broadcast composes one, /broadcasts follows them, a job reports each when
it is done; and /stop (or "বন্ধ", "STOP" typed anywhere) stops them for a seller."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from chat import callbacks
from chat.replies import Choice, Reply, rows
from flows.broadcasts import BROADCAST, LANGUAGE, STAGE, broadcast
from handlers.feature import Button, Command, Feature, Role, Scheduled
from handlers.turn import Turn
from services import broadcasts, places
from services.ids import parse_id
from services.jobs import JobContext
from services.text import lookup_key
from services.when import numeric_when
from storage.broadcasts import BroadcastRecord

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


# --- composing and stopping ----------------------------------------------------------------


async def start(turn: Turn, args: str) -> None:
    viewer = await turn.viewer()
    turn.dialogue.pause()
    turn.dialogue.start(BROADCAST, data={"own": sorted(viewer.districts)})


async def new_button(turn: Turn, parts: tuple[str, ...]) -> None:
    await start(turn, "")


async def stop(turn: Turn, args: str) -> None:
    """No more announcements (reminders one asked for still come); the open question goes on."""
    await turn.repo.users.set_opted_out(turn.user_id, True)
    turn.say(Reply("stop-done"))
    turn.dialogue.ask_again()


# --- reports --------------------------------------------------------------------------------


def _status(record: BroadcastRecord, counts: dict[str, int], now: datetime) -> Reply:
    waiting = counts.get("pending", 0) + counts.get("sending", 0)
    if not waiting:
        return Reply("bc-status-done")
    return Reply("bc-status-scheduled" if record.due_at > now else "bc-status-sending")


def _numbers(turn: Turn, record: BroadcastRecord, counts: dict[str, int]) -> dict[str, Any]:
    return {
        "id": record.id,
        "when": numeric_when(record.due_at, turn.locale, turn.zone),
        "recipients": record.recipients,
        "sent": counts.get("sent", 0),
        "pending": counts.get("pending", 0) + counts.get("sending", 0),
        "failed": counts.get("failed", 0),
        "skipped": counts.get("skipped", 0),
    }


def _seen(counts: dict[str, int]) -> list[Reply]:
    """Delivered and read counts, where a channel reported any (WhatsApp does)."""
    delivered, read = counts.get("delivered", 0), counts.get("read", 0)
    if not delivered and not read:
        return []
    return [Reply("bc-view-seen", {"delivered": delivered, "read": read})]


async def overview(turn: Turn, args: str) -> None:
    """The coordinator's latest broadcasts (an admin's: everybody's) with delivery counts."""
    viewer = await turn.viewer()
    records = await turn.repo.broadcasts.latest(
        None if viewer.is_admin else viewer.user_id, LIST_LIMIT
    )
    if not records:
        turn.say(Reply("bc-list-empty"))
        return
    lines, buttons = [], []
    for record in records:
        counts = await turn.repo.outbox.report(record.id)
        numbers = _numbers(turn, record, counts)
        text = record.texts.get(record.main_locale) or next(iter(record.texts.values()), "")
        numbers.update(status=_status(record, counts, turn.now), text=_excerpt(text))
        lines.append(Reply("bc-list-line", numbers))
        lines.extend(_seen(counts))
        buttons.append(
            Choice(
                callbacks.BROADCAST_VIEW.data(record.id),
                key="btn-bc-view-id",
                args={"id": record.id},
            )
        )
    turn.say(Reply("bc-list-title", parts=tuple(lines), choices=rows(buttons, 3)))


def _excerpt(text: str, room: int = 50) -> str:
    return text if len(text) <= room else text[: room - 1].rstrip() + "…"


def _segment_lines(record: BroadcastRecord, locale: str) -> list[Reply]:
    segment = record.segment
    if segment.districts is None:
        where: str | Reply = Reply("bc-district-all")
    else:
        where = places.district_names(segment.districts, locale)
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


async def view_button(turn: Turn, parts: tuple[str, ...]) -> None:
    """One broadcast in detail; only its creator and admins may see it."""
    viewer = await turn.viewer()
    broadcast_id = parse_id(parts[0]) if len(parts) == 1 else None
    record = await turn.repo.broadcasts.get(broadcast_id) if broadcast_id else None
    if record is None or not (viewer.is_admin or record.creator == viewer.user_id):
        turn.say(Reply("bc-not-found"))
        await turn.dialogue.reprompt()
        return
    counts = await turn.repo.outbox.report(record.id)
    numbers = _numbers(turn, record, counts)
    numbers["status"] = _status(record, counts, turn.now)
    text = record.texts.get(record.main_locale) or next(iter(record.texts.values()), "")
    parts_ = [
        Reply("bc-view-text", {"text": _excerpt(text, 300)}),
        *_segment_lines(record, turn.locale),
        Reply("bc-view-counts", numbers),
        *_seen(counts),
        *_reason_lines(counts),
    ]
    turn.say(Reply("bc-view-title", numbers, parts=tuple(parts_)))


async def report_finished(job: JobContext) -> None:
    await broadcasts.report_finished(job.repo, job.now)


FEATURE = Feature(
    "broadcasts",
    flows=(broadcast,),
    commands=(
        Command("broadcast", start, role=Role.COORDINATOR, help="help-cmd-broadcast"),
        Command("broadcasts", overview, role=Role.COORDINATOR, help="help-cmd-broadcasts"),
        Command("stop", stop, listed=True, help="help-cmd-stop", words=STOP_WORDS),
    ),
    buttons=(
        Button((callbacks.BROADCAST_VIEW,), view_button, Role.COORDINATOR),
        Button((callbacks.BROADCAST_NEW,), new_button, Role.COORDINATOR),
    ),
    jobs=(Scheduled(report_finished, every="minute"),),
)
