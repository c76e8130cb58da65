"""Every rule and rate says when it was last checked; what is older than six months is listed
for administrators (/rules) and counted in the coordinators' digest once a month."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from services import staleness
from services.eligibility import load_rules
from services.export_costs import cost_data
from services.staleness import Dated, months_before
from tests.chat import ChatUser


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 12, 4), 6, date(2026, 6, 4)),
        (date(2026, 8, 31), 6, date(2026, 2, 28)),  # February has no 31st
        (date(2028, 8, 31), 6, date(2028, 2, 29)),
        (date(2026, 3, 31), 6, date(2025, 9, 30)),
        (date(2026, 1, 15), 13, date(2024, 12, 15)),
    ],
)
def test_months_before(day: date, months: int, expected: date) -> None:
    assert months_before(day, months) == expected


def test_every_rule_and_rate_is_dated_and_none_is_stale_today() -> None:
    entries = staleness.dated(load_rules(), cost_data())
    names = {e.name for e in entries}
    assert {"ivory", "iec", "iec_update", "eu_gpsr", "carrier dhl_express", "amazon fees"} <= names
    assert not staleness.stale(entries, date(2026, 12, 4))
    later = staleness.stale(entries, date(2027, 6, 5))  # six months and a day after 4 Dec
    assert {e.name for e in later} == {e.name for e in entries if e.checked <= date(2026, 12, 4)}
    assert [e.checked for e in later] == sorted(e.checked for e in later)  # oldest first


def test_only_entries_before_the_limit_are_stale() -> None:
    entries = [
        Dated("a", "rule", date(2026, 6, 3)),
        Dated("b", "rate", date(2026, 6, 4)),
        Dated("c", "rule", date(2026, 12, 1)),
    ]
    assert [e.name for e in staleness.stale(entries, date(2026, 12, 4))] == ["a"]


async def test_rules_lists_what_is_old_for_admins_only(
    admin: ChatUser, seller: ChatUser, monkeypatch: pytest.MonkeyPatch
) -> None:
    await admin.says("/rules")
    assert "All" in admin.text() and "checked after" in admin.text()
    # A year on, with one rule re-checked recently: everything else is listed, oldest first.
    rules = load_rules()
    fresh = replace(rules, _rules=tuple(
        replace(r, source=replace(r.source, checked_on=date(2027, 11, 1))) if r.id == "ivory"
        else r for r in rules._rules
    ))  # fmt: skip
    monkeypatch.setattr("handlers.admin.eligibility_rules", lambda: fresh)
    monkeypatch.setattr("handlers.admin.local_day", lambda now, zone: date(2027, 12, 4))
    await admin.says("/rules")
    text = admin.text()
    total = len(staleness.dated(fresh, cost_data()))
    assert f"of {total} rules or rates were last checked before 4 Jun 2027" in text
    assert "• peacock_feathers (rule) — 26 Nov 2026" in text and "ivory" not in text
    assert f"…and {total - 1 - 40} more" in text  # forty listed, the oldest first
    assert "checked_on" in text  # and how to mark one as checked
    await seller.says("/rules")
    assert "peacock_feathers" not in seller.text()
