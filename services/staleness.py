"""Which rules and rates nobody has checked for a while: every one carries the day it was last
checked, and an entry older than six months is listed for the administrators."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from services.eligibility import RuleSet
from services.export_costs import CostData

STALE_AFTER_MONTHS = 6


@dataclass(frozen=True, slots=True)
class Dated:
    name: str  # a rule's id, or a rate card entry ("carrier dhl")
    kind: str  # "rule" or "rate"
    checked: date


def months_before(day: date, months: int) -> date:
    """The same day ``months`` calendar months earlier (the month's last day if it has fewer)."""
    month0 = day.year * 12 + day.month - 1 - months
    year, month = divmod(month0, 12)
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month + 1, d)
        except ValueError:
            continue
    raise AssertionError("every month has 28 days")


def dated(rules: RuleSet, costs: CostData) -> list[Dated]:
    found = [Dated(rule_id, "rule", source.checked_on) for rule_id, source in rules.sources()]
    found += [Dated(name, "rate", checked) for name, checked in costs.dated()]
    return found


def stale(entries: list[Dated], today: date) -> list[Dated]:
    """Entries last checked before the limit, the oldest first."""
    limit = months_before(today, STALE_AFTER_MONTHS)
    return sorted((e for e in entries if e.checked < limit), key=lambda e: (e.checked, e.name))
