"""The compliance calendar (content/data/calendar.yaml): the yearly duties of exporters (IEC
update, LUT renewal, the US FDA food facility renewal of even years) and the reminders sent to
the sellers they concern."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from importlib import resources
from pathlib import Path
from typing import Any

import regex
import yaml

from services import places
from storage.outbox import OutboxItem
from storage.unit import Repo

CALENDAR_FILE = "calendar.yaml"
DAILY_AT = time(9, 0)  # local: compliance reminders never go out before this
_ID = regex.compile(r"[a-z][a-z0-9_]{0,11}")
_MESSAGE = regex.compile(r"cal-[a-z0-9-]{1,40}")
_MONTH_DAY = regex.compile(r"(\d\d)-(\d\d)")
WHO = ("iec", "gstin", "food", "all")
YEARS = ("every", "even", "odd")
FOOD_KINDS = frozenset({"food", "tea"})
# Export-check answers that make a seller a food seller (content/data/eligibility.yaml).
FOOD_ANSWERS = ("food", "is_tea")
_PAGE = 1000


class CalendarError(ValueError):
    """calendar.yaml is wrong: names the file, the entry and the reason."""


@dataclass(frozen=True, slots=True)
class CalendarReminder:
    obligation: str
    id: str
    who: str
    on: tuple[int, int]  # (month, day)
    until: tuple[int, int]
    message: str
    deadline: tuple[int, int]
    opens: tuple[int, int] | None
    source: str = field(repr=False)
    years: str = "every"  # "even" / "odd": a duty of every second year

    def ref(self, year: int) -> str:
        return f"{self.obligation}:{year}:{self.id}"

    def in_year(self, year: int) -> bool:
        return self.years == "every" or (year % 2 == 0) == (self.years == "even")

    def window(self, year: int) -> tuple[date, date]:
        return date(year, *self.on), date(year, *self.until)

    def args(self, year: int) -> dict[str, Any]:
        args: dict[str, Any] = {"day": self.deadline[1], "month": self.deadline[0], "year": year}
        if self.opens is not None:
            args |= {"from_day": self.opens[1], "from_month": self.opens[0]}
        return args


def _month_day(value: Any, where: str, file: str) -> tuple[int, int]:
    match = _MONTH_DAY.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        raise CalendarError(f'{file}: {where}: write the date as "MM-DD" in quotes')
    month, day = int(match.group(1)), int(match.group(2))
    try:
        date(2027, month, day)  # not a leap year: 29 February does not come every year
    except ValueError:
        raise CalendarError(f"{file}: {where}: {value} is not a date every year") from None
    return month, day


def _text(entry: Mapping[str, Any], name: str, where: str, file: str) -> str:
    value = entry.get(name)
    if not isinstance(value, str) or not value.strip():
        raise CalendarError(f"{file}: {where}: `{name}` is missing")
    return value.strip()


def parse_calendar(raw: str, file: str = CALENDAR_FILE) -> tuple[CalendarReminder, ...]:
    """Every reminder of a calendar file, checked; raises CalendarError on any mistake."""
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as e:
        raise CalendarError(f"{file}: not valid YAML: {e}") from None
    if not isinstance(data, dict) or not isinstance(data.get("obligations"), list):
        raise CalendarError(f"{file}: needs a list `obligations:`")
    reminders: list[CalendarReminder] = []
    seen: set[str] = set()
    for n, entry in enumerate(data["obligations"], 1):
        if not isinstance(entry, dict):
            raise CalendarError(f"{file}: obligation {n} is not a mapping")
        oid = entry.get("id")
        if not isinstance(oid, str) or not _ID.fullmatch(oid) or oid in seen:
            raise CalendarError(f"{file}: obligation {n}: a missing, bad or repeated id")
        seen.add(oid)
        where = f"obligation {oid}"
        who = entry.get("who")
        if who not in WHO:
            raise CalendarError(f"{file}: {where}: `who` must be one of {', '.join(WHO)}")
        deadline = _month_day(entry.get("deadline"), f"{where}, deadline", file)
        opens = entry.get("opens")
        opened = _month_day(opens, f"{where}, opens", file) if opens is not None else None
        if opened is not None and opened > deadline:
            raise CalendarError(f"{file}: {where}: opens after its deadline")
        source = _text(entry, "source", where, file)
        years = entry.get("years", "every")
        if years not in YEARS:
            raise CalendarError(f"{file}: {where}: `years` must be one of {', '.join(YEARS)}")
        listed = entry.get("reminders")
        if not isinstance(listed, list) or not listed:
            raise CalendarError(f"{file}: {where}: needs a list `reminders:`")
        ids: set[str] = set()
        for item in listed:
            rid = item.get("id") if isinstance(item, dict) else None
            if not isinstance(rid, str) or not _ID.fullmatch(rid) or rid in ids:
                raise CalendarError(f"{file}: {where}: a reminder with a missing or bad id")
            ids.add(rid)
            at = f"{where}, reminder {rid}"
            on = _month_day(item.get("from"), f"{at}, from", file)
            until = _month_day(item.get("until"), f"{at}, until", file)
            if not on <= until <= deadline:
                raise CalendarError(f"{file}: {at}: needs from ≤ until ≤ the deadline")
            message = _text(item, "message", at, file)
            if not _MESSAGE.fullmatch(message):
                raise CalendarError(f"{file}: {at}: a message name looks like cal-…")
            reminders.append(
                CalendarReminder(oid, rid, who, on, until, message, deadline, opened, source, years)
            )
    return tuple(reminders)


@functools.cache
def _default_calendar() -> tuple[CalendarReminder, ...]:
    resource = resources.files("content") / "data" / CALENDAR_FILE
    return parse_calendar(resource.read_text(encoding="utf-8"))


def load_calendar(path: Path | None = None) -> tuple[CalendarReminder, ...]:
    """content/data/calendar.yaml (read and checked once), or another file (tests)."""
    if path is None:
        return _default_calendar()
    return parse_calendar(Path(path).read_text(encoding="utf-8"), Path(path).name)


def due_reminders(
    today: date, calendar: Iterable[CalendarReminder] | None = None
) -> list[tuple[CalendarReminder, int]]:
    """The reminders whose sending window (from … until, this year) includes ``today``."""
    due = []
    for reminder in load_calendar() if calendar is None else calendar:
        if not reminder.in_year(today.year):
            continue
        start, end = reminder.window(today.year)
        if start <= today <= end:
            due.append((reminder, today.year))
    return due


async def remind(
    repo: Repo,
    now: datetime,
    zone: tzinfo,
    calendar: Iterable[CalendarReminder] | None = None,
) -> int:
    """Queue the calendar's reminders that are due today for the sellers they concern, once per
    seller and year (the ref makes a second run add nothing). How many were queued."""
    local = now.astimezone(zone)
    today = local.date()
    due_at = max(now, datetime.combine(today, DAILY_AT, tzinfo=zone))
    items: list[OutboxItem] = []
    for reminder, year in due_reminders(today, calendar):
        ref = reminder.ref(year)
        expires = datetime.combine(reminder.window(year)[1] + timedelta(days=1), time(0), zone)
        args = reminder.args(year)
        items += [
            OutboxItem(
                recipient=seller_id,
                kind="reminder",
                message=reminder.message,
                args=args,
                ref=ref,
                quiet=False,
                due_at=due_at,
                expires_at=expires,
            )
            for seller_id in await _recipients(repo, reminder.who, ref)
        ]
    return await repo.outbox.enqueue(items)


async def _recipients(repo: Repo, who: str, ref: str) -> list[int]:
    """Sellers the reminder concerns who have not had it. ``food``: a food or tea craft on the
    profile, or a latest export check that found food or tea (asked or clear from the item)."""
    if who != "food":
        return await repo.sellers.not_reminded(who, ref)
    waiting = await repo.sellers.not_reminded("all", ref)
    if not waiting:
        return []
    checks = await repo.checks.latest_for_sellers(waiting)
    food = {
        seller_id
        for seller_id, check in checks.items()
        if any(check.answers.get(q) == "yes" for q in FOOD_ANSWERS)
        or any(
            isinstance(f, dict) and f.get("rule") == "fssai" and not f.get("unknown")
            for f in check.findings
        )
    }
    wanted = set(waiting)
    offset = 0
    while True:
        page = await repo.sellers.in_districts(None, _PAGE, offset)
        for seller in page:
            craft = places.craft(seller.craft_id) if seller.craft_id else None
            if seller.user_id in wanted and craft is not None and craft.kind in FOOD_KINDS:
                food.add(seller.user_id)
        if len(page) < _PAGE:
            break
        offset += _PAGE
    return sorted(food & wanted)
