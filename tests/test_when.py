"""Table-driven tests for services.when: what people type for a date/time and what we make of it."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

import pytest

from services.when import WhenParsed, next_days, parse_day, parse_when
from tests.conftest import ZONE

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=ZONE)  # a Thursday morning
NIGHT = datetime(2026, 11, 26, 0, 30, tzinfo=ZONE)  # just after midnight: "কাল" is the coming day


def at(day: int, hour: int, minute: int = 0, month: int = 11, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=ZONE)


def verdict(parsed: WhenParsed) -> tuple[datetime | None, str | None, bool]:
    assert parsed.ok == (parsed.error is None)
    assert (parsed.value is None) == (parsed.error is not None)
    if parsed.value is not None:
        assert parsed.value.tzinfo is ZONE
    return parsed.value, parsed.error, parsed.ambiguous


@pytest.mark.parametrize(
    ("text", "expected", "ambiguous"),
    [
        ("28/11 বিকেল ৩টা", at(28, 15), False),
        ("২৮/১১ বিকেল ৩টা", at(28, 15), False),
        ("28 Nov 3pm", at(28, 15), False),
        ("28 November 2026 15:00", at(28, 15), False),
        ("28-11-2026 15:30", at(28, 15, 30), False),
        ("28.11.2026 3 p.m.", at(28, 15), False),
        ("2026-11-28 15:00", at(28, 15), False),
        ("Nov 28, 2026 3:30 pm", at(28, 15, 30), False),
        ("২৮ নভেম্বর বিকেল ৩টে", at(28, 15), False),
        ("২৮শে নভেম্বর সকাল ১১টায়", at(28, 11), False),
        ("১লা ডিসেম্বর দুপুর ১২টা", at(1, 12, month=12), False),
        ("28 नवंबर शाम 4 बजे", at(28, 16), False),
        ("৫ জানুয়ারি সকাল ১০টা", at(5, 10, month=1, year=2027), False),  # next such date
        ("২৮ তারিখ বিকেল ৪টে", at(28, 16), False),
        ("কাল সকাল ১০টা", at(27, 10), False),
        ("কালকে সকালে ১০টায়", at(27, 10), False),
        ("আজ সন্ধ্যা ৭টা", at(26, 19), False),
        ("সন্ধ্যায় ৭টায়", at(26, 19), False),
        ("পরশু দুপুর ২টা", at(28, 14), False),
        ("ভোর ৫টা কাল", at(27, 5), False),
        ("kal 3 baje", at(27, 15), True),
        ("kalke sokale 10 ta", at(27, 10), False),
        ("porshu bikele 4te", at(28, 16), False),
        ("tomorrow 10am", at(27, 10), False),
        ("3 p.m. tomorrow", at(27, 15), False),
        ("noon tomorrow", at(27, 12), False),
        ("day after tomorrow 9 am", at(28, 9), False),
        ("today 6 pm", at(26, 18), False),
        ("tonight 9", at(26, 21), False),
        ("আগামী সোমবার সকাল ১১টা", at(30, 11), False),
        ("next Monday 11am", at(30, 11), False),
        ("পরের শনিবার দুপুর ১টা", at(28, 13), False),
        ("সোমবার সকাল ১১টা", at(30, 11), False),
        ("shukrobar bikele 4te", at(27, 16), False),
        ("বৃহস্পতিবার সকাল ১১টা", at(3, 11, month=12), False),  # today is Thursday: next week's
        ("this thursday 5pm", at(26, 17), False),
        ("कल सुबह 10 बजे", at(27, 10), False),
        ("परसों शाम 5 बजे", at(28, 17), False),
        ("अगले सोमवार दोपहर 2 बजे", at(30, 14), False),
        ("कल रात 9 बजे", at(27, 21), False),
        ("3:30", at(26, 15, 30), True),  # a time alone is today; bare 3 read as 3 pm
        ("১৫:৩০", at(26, 15, 30), False),
        ("09:30 kal", at(27, 9, 30), False),  # a leading zero is a 24-hour clock
        ("3.30 pm kal", at(27, 15, 30), False),
        ("সাড়ে তিনটে", at(26, 15, 30), True),
        ("পৌনে চারটে", at(26, 15, 45), True),
        ("সোয়া দুটো", at(26, 14, 15), True),
        ("কাল বিকেল সাড়ে ৪টে", at(27, 16, 30), False),
        ("কাল দেড়টা", at(27, 13, 30), True),
        ("কাল দুপুর আড়াইটে", at(27, 14, 30), False),
        ("কাল ৩টে ১৫ মিনিট", at(27, 15, 15), True),
        ("kal saare tinte", at(27, 15, 30), True),
        ("kal sat baje", at(27, 19), True),  # "sat" is 7 here, not Saturday
        ("कल साढ़े तीन बजे", at(27, 15, 30), True),
        ("today 9", at(26, 21), True),  # 9 am is past, so the evening
        ("kal 9 baje", at(27, 9), True),  # 8-11 without a day part: morning
        ("kal 12 baje", at(27, 12), False),
        ("রাত ১২টা", at(27, 0), False),  # the midnight that ends today
        ("কাল রাত ১২টা", at(28, 0), False),
        ("আজ রাত ২টা", at(27, 2), False),
        ("28 Nov 12am", at(28, 0), False),
        ("28 Nov 12pm", at(28, 12), False),
        ("২ দিন পরে সকাল ১০টা", at(28, 10), False),
        ("in 3 days 5 pm", at(29, 17), False),
        ("2 दिन बाद शाम 6 बजे", at(28, 18), False),
    ],
)
def test_parse_when(text: str, expected: datetime, ambiguous: bool) -> None:
    assert verdict(parse_when(text, zone=ZONE, now=NOW)) == (expected, None, ambiguous)


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("hello", "not_date"),
        ("", "not_date"),
        ("order 902-1845936-5435065", "not_date"),
        ("May I send it", "not_date"),
        ("28 Nov", "no_time"),
        ("কাল", "no_time"),
        ("আগামী সোমবার সকালে", "no_time"),
        ("today 9am", "past"),
        ("আজ সকাল ৮টা", "past"),
        ("26/11 09:00", "past"),  # a 24-hour clock: no evening reading
        ("20-11-2026 3pm", "past"),
        ("gotokal 3pm", "past"),
        ("yesterday", "past"),
        ("last monday 3pm", "past"),
        ("31/02 3pm", "invalid_date"),
        ("৩১ ফেব্রুয়ারি বিকেল ৩টে", "invalid_date"),
        ("31 April 2027 10am", "invalid_date"),
        ("29/02 3pm", "invalid_date"),  # no 29 February this year or next
        ("13/13 3pm", "invalid_date"),
        ("kal 25:00", "invalid_date"),
        ("kal 10:75", "invalid_date"),
        ("28 November 2027 3pm", "too_far"),
        ("01-01-2030 10:00", "too_far"),
        ("31/12/9999 রাত ১২টা", "too_far"),
        ("99999999999 দিন পরে সকাল ১০টা", "too_far"),
        ("2 din age 3pm", "past"),
    ],
)
def test_parse_when_errors(text: str, error: str) -> None:
    assert verdict(parse_when(text, zone=ZONE, now=NOW)) == (None, error, False)


@pytest.mark.parametrize(
    ("text", "expected", "ambiguous"),
    [
        ("কাল সকাল ১০টা", at(26, 10), True),  # at 00:30 "tomorrow morning" is this morning
        ("kal 3 baje", at(26, 15), True),
        ("tomorrow 9am", at(26, 9), True),
        ("পরশু দুপুর ২টা", at(27, 14), True),
        ("আজ সকাল ১০টা", at(26, 10), False),
        ("রাত ২টা", at(26, 2), False),  # this night's small hours
        ("কাল রাত ২টা", at(27, 2), True),  # the night after the coming day
        ("২ দিন পরে সকাল ১০টা", at(28, 10), False),  # a count of days is not shifted
        ("আজ রাত ১২টা", at(27, 0), False),
        ("28/11 বিকেল ৩টা", at(28, 15), False),
    ],
)
def test_just_after_midnight(text: str, expected: datetime, ambiguous: bool) -> None:
    assert verdict(parse_when(text, zone=ZONE, now=NIGHT)) == (expected, None, ambiguous)


def test_now_in_utc_is_read_in_ist() -> None:
    utc_now = NOW.astimezone(UTC)  # 04:30 UTC on the same day
    parsed = parse_when("কাল সকাল ১০টা", zone=ZONE, now=utc_now)
    assert parsed.value == at(27, 10)
    assert parsed.value is not None and parsed.value.utcoffset() == timedelta(hours=5, minutes=30)
    # 20:00 UTC on the 25th is already 01:30 on the 26th in Kolkata: "kal" is the coming morning.
    late = datetime(2026, 11, 25, 20, 0, tzinfo=UTC)
    assert verdict(parse_when("kal 10am", zone=ZONE, now=late)) == (at(26, 10), None, True)
    assert next_days(late, ZONE, 2) == [date(2026, 11, 26), date(2026, 11, 27)]


def test_naive_now_is_ist() -> None:
    assert parse_when("today 6 pm", zone=ZONE, now=NOW.replace(tzinfo=None)).value == at(26, 18)


def test_need_time_false_and_max_days() -> None:
    assert parse_when("28 Nov", zone=ZONE, now=NOW, need_time=False).value == at(28, 0)
    assert parse_when("আজ", zone=ZONE, now=NOW, need_time=False).value == at(26, 0)
    assert parse_when("5 Dec 3pm", zone=ZONE, now=NOW, max_days=7).error == "too_far"
    assert parse_when("3 Dec 3pm", zone=ZONE, now=NOW, max_days=7).value == at(3, 15, month=12)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("28/11", date(2026, 11, 28)),
        ("২৮ নভেম্বর", date(2026, 11, 28)),
        ("28 Nov 3pm", date(2026, 11, 28)),  # the time is dropped
        ("আজ", date(2026, 11, 26)),
        ("today 9am", date(2026, 11, 26)),  # a ship-by day is not past while the day lasts
        ("kal", date(2026, 11, 27)),
        ("next monday", date(2026, 11, 30)),
        ("5/1", date(2027, 1, 5)),
        ("২ ডিসেম্বর ২০২৬", date(2026, 12, 2)),
    ],
)
def test_parse_day(text: str, expected: date) -> None:
    parsed = parse_day(text, zone=ZONE, now=NOW)
    assert parsed.ok and parsed.value is not None
    assert (parsed.value.date(), parsed.value.hour, parsed.value.minute) == (expected, 0, 0)
    assert parsed.value.tzinfo is ZONE


@pytest.mark.parametrize(
    ("text", "error"),
    [("3pm", "not_date"), ("hello", "not_date"), ("20/11/2026", "past"), ("31/02", "invalid_date")],
)
def test_parse_day_errors(text: str, error: str) -> None:
    assert verdict(parse_day(text, zone=ZONE, now=NOW)) == (None, error, False)


def test_next_days() -> None:
    days = next_days(NOW, ZONE)
    assert len(days) == 7
    assert days[0] == date(2026, 11, 26)
    assert days[-1] == date(2026, 12, 2)
    assert next_days(NOW, ZONE, 3) == [date(2026, 11, 26), date(2026, 11, 27), date(2026, 11, 28)]


def test_never_raises_on_junk() -> None:
    pieces = [*"0123456789০১২৩৪৫৬৭৮৯/:.- ", "kal", "রাত", "সাড়ে", "টা", "pm", "Nov", "9999"]
    pieces += ["নভেম্বর", "দিন", "ago", "৩১", "সোমবার", "sat", "baje", "তারিখ", "24:00", "x" * 500]
    rng = random.Random(7)
    for _ in range(3000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        for parsed in (parse_when(text, zone=ZONE, now=NOW), parse_day(text, zone=ZONE, now=NOW)):
            assert (parsed.value is None) == (parsed.error is not None)
