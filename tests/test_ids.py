"""Table-driven tests for services.ids: each row is what a seller might type and the verdict."""

from __future__ import annotations

import pytest
from stdnum.in_ import gstin as stdnum_gstin

from services.ids import (
    IdCheck,
    check_gstin,
    check_iec,
    check_mobile,
    check_pan,
    check_udyam,
    gstin_pan,
    gstin_state_code,
    mask,
    parse_int,
)


def verdict(check: IdCheck) -> tuple[str | None, str | None, str | None]:
    return check.value, check.error, check.note


# --- Mobile ------------------------------------------------------------------------------------

MOBILE = "+919830012345"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9830012345", (MOBILE, None, None)),
        ("৯৮৩০০১২৩৪৫", (MOBILE, None, None)),
        ("৯৮৩০০ ১২৩৪৫", (MOBILE, None, None)),
        ("९८३००१२३४५", (MOBILE, None, None)),
        ("+91 98300-12345", (MOBILE, None, None)),
        ("098300 12345", (MOBILE, None, None)),
        ("91 98300 12345", (MOBILE, None, None)),
        ("0091 98300 12345", (MOBILE, None, None)),
        ("+91 (0) 98300 12345", (MOBILE, None, None)),
        ("(+91) 98300.12345", (MOBILE, None, None)),
        ("\u200b 98300\u00a012345 ", (MOBILE, None, None)),
        ("6290012345", ("+916290012345", None, None)),
        ("983001234", (None, "too_short", None)),
        ("+91 98300", (None, "too_short", None)),
        ("+9", (None, "too_short", None)),
        ("98300123456", (None, "too_long", None)),
        ("+91 98300 123456", (None, "too_long", None)),
        ("5830012345", (None, "not_mobile", None)),
        ("1234567890", (None, "not_mobile", None)),
        ("033 2248 1234", (None, "not_mobile", None)),  # Kolkata landline
        ("+1 650 253 0000", (None, "foreign", None)),
        ("+44 20 7946 0958", (None, "foreign", None)),
        ("001 650 253 0000", (None, "foreign", None)),
        ("abc", (None, "not_a_number", None)),
        ("98300abc45", (None, "not_a_number", None)),
        ("", (None, "not_a_number", None)),
        ("98300/12345", (None, "not_a_number", None)),
    ],
)
def test_check_mobile(text: str, expected: tuple[str | None, str | None, str | None]) -> None:
    assert verdict(check_mobile(text)) == expected


# --- GSTIN -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Public examples: python-stdnum's doctest, and two WB-prefixed strings from public code.
        ("27AAPFU0939F1ZV", ("27AAPFU0939F1ZV", None, "other_state")),
        ("19AAECF2320D1Z5", ("19AAECF2320D1Z5", None, None)),
        ("19AABAT0010H2ZY", ("19AABAT0010H2ZY", None, None)),
        ("27aapfu0939f1zv", ("27AAPFU0939F1ZV", None, "other_state")),
        ("27 AAPFU 0939F 1ZV", ("27AAPFU0939F1ZV", None, "other_state")),
        ("19-aaecf-2320d-1z5 ", ("19AAECF2320D1Z5", None, None)),
        ("১৯AAECF২৩২০D১Z৫", ("19AAECF2320D1Z5", None, None)),
        ("27AAPFU0939F1ZW", (None, "checksum", None)),
        ("19AAECF2320D1Z6", (None, "checksum", None)),
        ("27AAPFU0939F1Z", (None, "length", None)),
        ("27AAPFU0939F1ZVV", (None, "length", None)),
        ("", (None, "length", None)),
        ("00AAPFU0939F1ZV", (None, "state_code", None)),
        ("99AAPFU0939F1ZV", (None, "state_code", None)),
        ("369296450896540", (None, "format", None)),
        ("27AAPFU0939F1AA", (None, "format", None)),  # 14th character must be Z
        ("27AAPFU0939F0ZV", (None, "format", None)),  # entity number 0
        ("27AAPXU0939F1ZV", (None, "format", None)),  # embedded PAN: holder type X
        ("27AAPFU0000F1ZV", (None, "format", None)),  # embedded PAN: serial 0000
    ],
)
def test_check_gstin(text: str, expected: tuple[str | None, str | None, str | None]) -> None:
    assert verdict(check_gstin(text)) == expected


def test_gstin_parts() -> None:
    assert gstin_state_code("27AAPFU0939F1ZV") == "27"
    assert gstin_pan("27AAPFU0939F1ZV") == "AAPFU0939F"
    assert gstin_state_code("19aaecf2320d1z5") == "19"
    with pytest.raises(ValueError):
        gstin_pan("27AAPFU")


_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def luhn36_check_char(first14: str) -> str:
    """Luhn mod 36 as written out in the domain notes: weights 1,2,1,2… from the left."""
    total = 0
    for i, ch in enumerate(first14, start=1):
        p = _ALPHABET.index(ch) * (2 if i % 2 == 0 else 1)
        total += p // 36 + p % 36
    return _ALPHABET[(36 - total % 36) % 36]


def test_luhn36_reference_matches_worked_example() -> None:
    assert luhn36_check_char("27AAPFU0939F1Z") == "V"
    assert luhn36_check_char("19AAECF2320D1Z") == "5"
    assert luhn36_check_char("19AABAT0010H2Z") == "Y"


_GENERATED = [
    state + pan_ + entity + "Z"
    for state, pan_, entity in [
        ("19", "ABCPD1234K", "1"),
        ("19", "AAKFS0042M", "2"),
        ("19", "BQRPS7788C", "A"),
        ("10", "AACCB9001F", "1"),
        ("33", "AAGHT3141T", "9"),
        ("38", "AAJCL2718L", "1"),  # Ladakh: not in stdnum's state table
        ("07", "AALTK5566G", "Z"),
    ]
]


@pytest.mark.parametrize("first14", _GENERATED)
def test_gstin_check_digit_is_enforced(first14: str) -> None:
    good = first14 + luhn36_check_char(first14)
    check = check_gstin(good)
    assert check.ok, check
    assert check.note == (None if good.startswith("19") else "other_state")
    if not good.startswith("38"):
        assert stdnum_gstin.is_valid(good)
    for wrong in _ALPHABET:
        if wrong != good[-1]:
            assert check_gstin(first14 + wrong).error == "checksum"


# --- PAN and IEC -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("AAPFU0939F", ("AAPFU0939F", None, None)),
        ("ACUPA7085R", ("ACUPA7085R", None, None)),
        ("aapfu 0939 f", ("AAPFU0939F", None, None)),
        ("AAPFU০৯৩৯F", ("AAPFU0939F", None, None)),
        ("ACUPA0000R", (None, "serial_zero", None)),
        ("ABMXA3211G", (None, "holder_type", None)),
        ("ABMPA32111", (None, "format", None)),
        ("AAPF10939F", (None, "format", None)),
        ("12345ABCDE", (None, "format", None)),
        ("AAPFU0939", (None, "length", None)),
        ("AAPFU0939FF", (None, "length", None)),
    ],
)
def test_check_pan(text: str, expected: tuple[str | None, str | None, str | None]) -> None:
    assert verdict(check_pan(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("AAPFU0939F", ("AAPFU0939F", None, None)),
        ("aapfu-0939-f", ("AAPFU0939F", None, None)),
        ("0304012345", (None, "old_iec", None)),
        ("০৩০৪০১২৩৪৫", (None, "old_iec", None)),
        ("AAPFU0000F", (None, "serial_zero", None)),
        ("AAPXU0939F", (None, "holder_type", None)),
        ("030401234", (None, "length", None)),
        ("AAPF10939F", (None, "format", None)),
    ],
)
def test_check_iec(text: str, expected: tuple[str | None, str | None, str | None]) -> None:
    assert verdict(check_iec(text)) == expected


# --- Udyam -------------------------------------------------------------------------------------

UDYAM_WB = "UDYAM-WB-10-0012345"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("UDYAM-WB-10-0012345", (UDYAM_WB, None, None)),
        ("udyam-wb-10-0012345", (UDYAM_WB, None, None)),
        ("UDYAM WB 10 0012345", (UDYAM_WB, None, None)),
        ("UDYAMWB100012345", (UDYAM_WB, None, None)),
        (" Udyam - WB - ১০ - ০০১২৩৪৫ ", (UDYAM_WB, None, None)),
        ("UDYAM-UP-00-0123456", ("UDYAM-UP-00-0123456", None, "other_state")),
        ("UDYAM-KR-03-0647480", ("UDYAM-KR-03-0647480", None, "other_state")),
        ("UDYAM-XX-10-0012345", (None, "state", None)),
        ("UDYAM-ZZ-10-0012345", (None, "state", None)),
        ("UDYAM-WB-10-001234", (None, "format", None)),
        ("UDYAM-WB-1-0012345", (None, "format", None)),
        ("UDYAM-W1-10-0012345", (None, "format", None)),
        ("UDYOG-WB-10-0012345", (None, "format", None)),
        ("WB-10-0012345", (None, "format", None)),
        ("", (None, "format", None)),
    ],
)
def test_check_udyam(text: str, expected: tuple[str | None, str | None, str | None]) -> None:
    assert verdict(check_udyam(text)) == expected


# --- parse_int and mask ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("১,২৩,৪৫৬", 123456),
        ("1,200", 1200),
        ("৫০০", 500),
        ("१२००", 1200),
        ("1,00,000", 100000),
        ("12,34,56,789", 123456789),
        ("1,234,567", 1234567),
        (" 42 ", 42),
        ("0", 0),
        ("12.5", None),
        ("-5", None),
        ("1,2,3", None),
        ("12,34", None),
        ("1 200", None),
        ("abc", None),
        ("", None),
        ("٣", None),  # Arabic-Indic digits are not one of our scripts
    ],
)
def test_parse_int(text: str, expected: int | None) -> None:
    assert parse_int(text) == expected


@pytest.mark.parametrize(
    ("value", "keep", "expected"),
    [
        ("AAPFU0939F", 4, "••••••939F"),
        ("9830012345", 4, "••••••2345"),
        ("+919830012345", 4, "•••••••••2345"),
        ("AAPFU0939F", 2, "••••••••9F"),
        ("123", 4, "•••"),
        ("1234", 0, "••••"),
        ("", 4, ""),
    ],
)
def test_mask(value: str, keep: int, expected: str) -> None:
    assert mask(value, keep) == expected


def test_idcheck_ok() -> None:
    assert IdCheck("X").ok
    assert not IdCheck(None, "format").ok
