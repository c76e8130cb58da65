"""Table-driven tests for services.measures: what a seller might type and what we make of it."""

from __future__ import annotations

import pytest

from services.catalogue import Size
from services.measures import (
    MAX_FABRIC_CM,
    MAX_PRICE_INR,
    Parsed,
    parse_count,
    parse_price,
    parse_size,
    parse_weight,
)


def verdict(parsed: Parsed[object]) -> tuple[object, str | None]:
    assert parsed.ok == (parsed.error is None)
    assert (parsed.value is None) == (parsed.error is not None)
    return parsed.value, parsed.error


# --- size --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "dims", "unit"),
    [
        ("10x20 সেমি", (10.0, 20.0), "cm"),
        ("১০ x ২০ cm", (10.0, 20.0), "cm"),
        ("10 × 20 × 5 cm", (10.0, 20.0, 5.0), "cm"),
        ("12 inch", (30.5,), "in"),
        ('12"', (30.5,), "in"),
        ("12”", (30.5,), "in"),  # a phone's smart quote
        ("৩০ সেমি", (30.0,), "cm"),
        ("30cm x 40cm", (30.0, 40.0), "cm"),
        ("2 ft", (61.0,), "in"),  # 60.96 cm, rounded to 0.1
        ("10 by 20 inches", (25.4, 50.8), "in"),
        ("১০ ইঞ্চি", (25.4,), "in"),
        ("২০ সেন্টিমিটার", (20.0,), "cm"),
        ("৩ ফুট", (91.4,), "in"),
        ("१० सेमी", (10.0,), "cm"),
        ("५ इंच", (12.7,), "in"),
        ("১০ সে.মি.", (10.0,), "cm"),
        ("১২.৫ x ৮ cm", (12.5, 8.0), "cm"),
        ("250 mm", (25.0,), "cm"),
        ("1.2 মিটার", (120.0,), "cm"),
        ("2 ft 6 in", (76.2,), "in"),
        ("5'6\"", (167.6,), "in"),
        ("10 cm x 20", (10.0, 20.0), "cm"),
        ("লম্বায় ১০ ইঞ্চি চওড়ায় ৫ ইঞ্চি", (25.4, 12.7), "in"),
        ("size: 10 x 20 cm", (10.0, 20.0), "cm"),
        ("সাড়ে তিন ফুট", (106.7,), "in"),
    ],
)
def test_size_valid(text: str, dims: tuple[float, ...], unit: str) -> None:
    size, error = verdict(parse_size(text))
    assert error is None and size is not None
    assert (size.dims_cm, size.unit) == (dims, unit)


@pytest.mark.parametrize(
    ("text", "typed", "unit"),
    [
        ("৮ ইঞ্চি", (8.0,), "in"),  # shown back as 8 in, not 7.99
        ("৫.৫ মিটার", (5.5,), "m"),
        ("১২ হাত", (12.0,), "haat"),
        ("250 mm", (250.0,), "mm"),
        ("2 ft 6 in", (30.0,), "in"),
        ("30 cm x 2 in", (30.0, 5.08), "cm"),  # mixed: in the first unit
    ],
)
def test_size_keeps_what_was_typed(text: str, typed: tuple[float, ...], unit: str) -> None:
    size = parse_size(text, max_cm=MAX_FABRIC_CM).value
    assert size is not None and (size.typed, size.typed_unit) == (typed, unit)


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("big", "not_size"),
        ("বড়", "not_size"),
        ("", "not_size"),
        ("10 x 20 x 30 x 40 cm", "not_size"),
        ("-5 cm", "not_size"),
        ("10 x 20", "unit"),  # no safe default: 10 could be cm or inches
        ("৩০", "unit"),
        ("2 ft x 30 cm x 10", "unit"),  # which unit is the 10?
        ("0 cm", "zero"),
        ("0.01 cm", "zero"),
        ("10 x 0 cm", "zero"),
        ("600 cm", "too_large"),
        ("10 x 501 cm", "too_large"),
        ("5.5 মিটার", "too_large"),
        ("10 x 20 cm০১২৩৪৫৬৭৮৯০১২৩৪৫৬৭৮৯০১২৩৪৫৬৭৮৯", "too_large"),  # found by the fuzzer
    ],
)
def test_size_errors(text: str, error: str) -> None:
    assert verdict(parse_size(text)) == (None, error)


def test_size_fabric_ceiling_lets_a_saree_through() -> None:
    assert parse_size("5.5 মিটার", max_cm=MAX_FABRIC_CM).value == Size((550.0,), "cm", (5.5,), "m")
    assert parse_size("১২ হাত", max_cm=MAX_FABRIC_CM).value == Size((548.6,), "in", (12.0,), "haat")


# --- weight ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "grams"),
    [
        ("500 g", 500),
        ("৫০০ গ্রাম", 500),
        ("1.5 kg", 1500),
        ("দেড় কেজি", 1500),
        ("আড়াই কেজি", 2500),
        ("2 কেজি", 2000),
        ("500gm", 500),
        ("1 kilo", 1000),
        ("५०० ग्राम", 500),
        ("২ কিলো", 2000),
        ("১ কেজি ২০০ গ্রাম", 1200),
        ("সাড়ে তিন কেজি", 3500),
        ("আধ কেজি", 500),
        ("ওজন ৭৫০ গ্রাম", 750),
        ("2 ভরি", 23),
        ("100 kg", 100_000),
    ],
)
def test_weight_valid(text: str, grams: int) -> None:
    assert verdict(parse_weight(text)) == (grams, None)


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("heavy", "not_weight"),
        ("ভারী", "not_weight"),
        ("", "not_weight"),
        ("500 টাকা", "not_weight"),
        ("500", "unit"),
        ("দেড়", "unit"),
        ("0 g", "zero"),
        ("0", "unit"),
        ("0.2 g", "zero"),
        ("101 kg", "too_large"),
        ("১০০০ কেজি", "too_large"),
    ],
)
def test_weight_errors(text: str, error: str) -> None:
    assert verdict(parse_weight(text)) == (None, error)


# --- price -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rupees"),
    [
        ("500", 500),
        ("৫০০ টাকা", 500),
        ("Rs. 1,200", 1200),
        ("₹ 1200", 1200),
        ("1200/-", 1200),
        ("₹1,200/-", 1200),
        ("১,২০০ টাকা", 1200),
        ("500 rupees", 500),
        ("५०० रुपये", 500),
        ("INR 750", 750),
        ("Rs500 only", 500),
        ("499.50", 500),  # paise rounded to the nearest rupee
        ("499.49", 499),
        ("দেড় হাজার", 1500),
        ("পাঁচশো টাকা", 500),
        ("আড়াইশো", 250),
        ("1 lakh 20 thousand", 120_000),
        ("১,২০,০০০", 120_000),
        ("5 লাখ", MAX_PRICE_INR),
    ],
)
def test_price_valid(text: str, rupees: int) -> None:
    assert verdict(parse_price(text)) == (rupees, None)


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("free", "zero"),
        ("ফ্রি", "zero"),
        ("free of cost", "zero"),
        ("0", "zero"),
        ("০ টাকা", "zero"),
        ("-5", "negative"),
        ("−500 টাকা", "negative"),
        ("জানি না", "not_price"),
        ("", "not_price"),
        ("500-600", "not_price"),
        ("12,00", "not_price"),  # not a valid grouping
        ("500 টাকা কেজি", "not_price"),  # a rate, not a price
        ("$20", "not_price"),  # rupees only
        ("20 dollars", "not_price"),
        ("₹10 কোটি", "too_large"),
        ("100000000", "too_large"),
        ("9830012345", "too_large"),  # a mobile number in the wrong box
        ("500001", "too_large"),
    ],
)
def test_price_errors(text: str, error: str) -> None:
    assert verdict(parse_price(text)) == (None, error)


# --- counts ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("10", 10),
        ("১০টা", 10),
        ("১০ টি", 10),
        ("10 pieces", 10),
        ("10 pcs", 10),
        ("দশ", 10),
        ("দশটা", 10),
        ("দুটো", 2),
        ("একটা", 1),
        ("পনেরো", 15),
        ("five", 5),
        ("पांच", 5),
        ("স্টকে ২০টা আছে", 20),
        ("0", 0),  # out of stock
        ("1,000", 1000),
    ],
)
def test_count_valid(text: str, count: int) -> None:
    assert verdict(parse_count(text, max_value=10_000)) == (count, None)


@pytest.mark.parametrize(
    ("text", "kwargs", "error"),
    [
        ("many", {}, "not_number"),
        ("অনেক", {}, "not_number"),
        ("", {}, "not_number"),
        ("2.5", {}, "not_number"),
        ("৫-৭", {}, "not_number"),  # a range is fine for days, not for stock
        ("-5", {}, "negative"),
        ("1000", {}, "too_large"),
        ("0", {"min_value": 1}, "too_small"),
        ("2", {"min_value": 3}, "too_small"),
        ("৪০০ দিন", {"unit": "days"}, "too_large"),
    ],
)
def test_count_errors(text: str, kwargs: dict[str, object], error: str) -> None:
    assert verdict(parse_count(text, max_value=365, **kwargs)) == (None, error)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("7", 7),
        ("10 days", 10),
        ("১০ দিন", 10),
        ("৫-৭ দিন", 7),  # the longer promise is the safe one
        ("৫ থেকে ৭ দিন", 7),
        ("২ সপ্তাহ", 14),
        ("১ মাস", 30),
        ("দেড় সপ্তাহ", 11),  # 10.5 days, rounded up
        ("১০ দিনের মধ্যে", 10),
    ],
)
def test_count_days(text: str, days: int) -> None:
    assert verdict(parse_count(text, max_value=365, min_value=1, unit="days")) == (days, None)


@pytest.mark.parametrize("digits", ["০১২৩৪৫৬৭৮৯" * 4, "9" * 60])
def test_a_run_of_digits_is_too_large_not_a_crash(digits: str) -> None:
    assert parse_weight(f"{digits} কেজি").error == "too_large"
    assert parse_price(f"{digits} টাকা").error == "too_large"
    assert parse_size(f"{digits} সেমি").error == "too_large"
