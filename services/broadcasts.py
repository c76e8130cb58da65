"""Announcements to a segment of sellers: one text per language, one outbox row per recipient,
and a delivery report to whoever sent it once every row is settled."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta

from chat import callbacks
from chat.markup import escape
from content import DEFAULT_LOCALE, LOCALES
from services.text import utf16_length
from storage.broadcasts import Segment
from storage.outbox import OutboxItem
from storage.unit import Repo

BATCH = 10_000  # recipients per enqueue call
TTL = timedelta(days=7)  # an announcement not delivered within a week is stale: skipped


def markup_length(text: str) -> int:
    """A coordinator's text's length once escaped for the markup, in UTF-16 units (how the
    strictest channel, Telegram, counts)."""
    return utf16_length(escape(text))


def text_locale(text: str, default: str) -> str:
    """The language a text is written in, by its script: Bengali, Devanagari or Latin."""
    counts = dict.fromkeys(LOCALES, 0)
    for char in text:
        point = ord(char)
        if 0x0980 <= point <= 0x09FF:
            counts["bn"] += 1
        elif 0x0900 <= point <= 0x097F:
            counts["hi"] += 1
        elif char.isascii() and char.isalpha():
            counts["en"] += 1
    best = max(counts, key=lambda code: counts[code])
    return best if counts[best] else default


def texts_of(answers: Mapping[str, object], default: str) -> tuple[str, dict[str, str]]:
    """The main text's language and every version by locale (the main text wins its own)."""
    main_text = str(answers.get("text") or "")
    main = text_locale(main_text, default)
    versions = answers.get("versions") or {}
    assert isinstance(versions, Mapping)
    texts = {code: t for code, t in versions.items() if code in LOCALES and code != main and t}
    return main, {main: main_text, **texts}


def pick(texts: Mapping[str, str], main: str, locale: str) -> str:
    """What a seller reading ``locale`` gets: their version, else Bengali, else the main text."""
    return texts.get(locale) or texts.get(DEFAULT_LOCALE) or texts[main]


def due_of(value: object, now: datetime) -> datetime:
    """When the rows fall due: now, or the chosen moment (never in the past)."""
    now = now.astimezone(UTC)
    if value == "now" or not value:
        return now
    return max(datetime.fromisoformat(str(value)).astimezone(UTC), now)


async def queue(
    repo: Repo,
    broadcast_id: int,
    recipients: Sequence[tuple[int, str]],
    main: str,
    texts: Mapping[str, str],
    photo: str | None,
    due_at: datetime,
) -> int:
    """One outbox row per recipient, in their language, enqueued in batches. The ref makes a
    repeated call a no-op."""
    ref = f"bc:{broadcast_id}"
    by_locale: dict[str, dict[str, str]] = {}
    added = 0
    for start in range(0, len(recipients), BATCH):
        items = []
        for user_id, locale in recipients[start : start + BATCH]:
            text = by_locale.get(locale)
            if text is None:
                text = by_locale[locale] = {locale: pick(texts, main, locale)}
            items.append(
                OutboxItem(
                    recipient=user_id,
                    kind="broadcast",
                    text_by_locale=text,
                    photo=photo,
                    ref=ref,
                    broadcast_id=broadcast_id,
                    quiet=True,
                    expires_at=due_at + TTL,
                    due_at=due_at,
                )
            )
        added += await repo.outbox.enqueue(items)
    return added


async def send(
    repo: Repo,
    creator: int,
    segment: Segment,
    answers: Mapping[str, object],
    locale: str,
    now: datetime,
) -> tuple[int, int, datetime] | None:
    """Record a broadcast and queue it for everyone the segment reaches now: its id, how many
    it goes to and when; None when the segment reaches nobody any more."""
    recipients = await repo.broadcasts.recipients(segment)
    if not recipients:
        return None
    main, texts = texts_of(answers, locale)
    photo_answer = answers.get("photo")
    photo = photo_answer.get("path") if isinstance(photo_answer, Mapping) else None
    due = due_of(answers.get("when"), now)
    broadcast_id = await repo.broadcasts.create(
        creator, main, texts, photo, segment, due, len(recipients)
    )
    await queue(repo, broadcast_id, recipients, main, texts, photo, due)
    await repo.audit.write(creator, None, "broadcast", f"id={broadcast_id} n={len(recipients)}")
    return broadcast_id, len(recipients), due


async def report_finished(repo: Repo, now: datetime) -> int:
    """Tell each creator once when their broadcast is finished (nothing waiting or in flight)."""
    told = 0
    for record in await repo.broadcasts.finished_unreported():
        if not await repo.broadcasts.mark_reported(record.id, now):
            continue
        counts = await repo.outbox.report(record.id)
        await repo.outbox.enqueue(
            [
                OutboxItem(
                    recipient=record.creator,
                    kind="notice",
                    message="bc-report-notice",
                    args={
                        "id": record.id,
                        "total": counts.get("total", 0),
                        "sent": counts.get("sent", 0),
                        "failed": counts.get("failed", 0),
                        "skipped": counts.get("skipped", 0),
                    },
                    buttons=((("btn-bc-view", callbacks.BROADCAST_VIEW.data(record.id)),),),
                    ref=f"bc:{record.id}:report",
                )
            ]
        )
        told += 1
    return told
