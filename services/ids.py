"""Validators for the IDs a seller types (mobile, GSTIN, PAN/IEC, Udyam), errors as values."""

from __future__ import annotations

from dataclasses import dataclass

import phonenumbers
import regex
from phonenumbers import PhoneNumberType
from stdnum import luhn
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidLength, ValidationError
from stdnum.in_ import pan as stdnum_pan

from services.text import ascii_digits, clean


@dataclass(frozen=True, slots=True)
class IdCheck:
    value: str | None  # the canonical form when valid, else None
    error: str | None = None  # a short machine code when invalid
    note: str | None = None  # a code for a non-blocking remark when valid

    @property
    def ok(self) -> bool:
        return self.value is not None


def _fail(error: str) -> IdCheck:
    return IdCheck(None, error)


# --- Mobile ----------------------------------------------------------------------------------

# India's national significant number is 10 digits (phonenumbers metadata for region IN).
MOBILE_NSN_LENGTH = 10
INDIA_COUNTRY_CODE = "91"
_MOBILE_TYPES = frozenset({PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE})
# What people put between digits; anything else (letters, slashes) means "not a number".
_PHONE_TEXT = regex.compile(r"\(?\+?[0-9 ().\-]*")


def check_mobile(text: str) -> IdCheck:
    """An Indian mobile number, canonical E.164 ("+919830012345")."""
    s = ascii_digits(clean(text))
    digits = "".join(ch for ch in s if ch.isascii() and ch.isdigit())
    if not digits or not _PHONE_TEXT.fullmatch(s):
        return _fail("not_a_number")
    plus = s.lstrip("(").startswith("+")
    if plus or digits.startswith("00"):
        if not plus:
            digits = digits[2:]  # "00" is the international call prefix dialled from India
        if not digits.startswith(INDIA_COUNTRY_CODE) and not INDIA_COUNTRY_CODE.startswith(digits):
            try:
                phonenumbers.parse("+" + digits, None)
            except phonenumbers.NumberParseException as exc:
                if exc.error_type == phonenumbers.NumberParseException.INVALID_COUNTRY_CODE:
                    return _fail("not_a_number")
            return _fail("foreign")
        national = digits[2:]
    elif len(digits) == MOBILE_NSN_LENGTH + 2 and digits.startswith(INDIA_COUNTRY_CODE):
        national = digits[2:]  # "91 98300 12345" typed without the plus
    else:
        national = digits
    if len(national) == MOBILE_NSN_LENGTH + 1 and national.startswith("0"):
        national = national[1:]  # trunk prefix: "098300 12345", "+91 (0) 98300 12345"
    if len(national) < MOBILE_NSN_LENGTH:
        return _fail("too_short")
    if len(national) > MOBILE_NSN_LENGTH:
        return _fail("too_long")
    number = phonenumbers.parse(f"+{INDIA_COUNTRY_CODE}{national}", None)
    if (
        not phonenumbers.is_valid_number(number)
        or phonenumbers.number_type(number) not in _MOBILE_TYPES
    ):
        return _fail("not_mobile")
    return IdCheck(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


# --- PAN and IEC -----------------------------------------------------------------------------

PAN_LENGTH = 10
# 4th character of a PAN = holder type (python-stdnum stdnum/in_/pan.py; domain-notes §1 PAN row).
PAN_HOLDER_TYPES = frozenset("ABCFGHLJPTK")
_SEPARATORS = regex.compile(r"[\s\-–—_./]+")


def _compact(text: str) -> str:
    """Upper case, Bengali/Devanagari digits as 0-9, spaces and dashes dropped."""
    return _SEPARATORS.sub("", ascii_digits(clean(text))).upper()


def _pan_error(number: str) -> str | None:
    try:
        stdnum_pan.validate(number)
    except InvalidLength:
        return "length"
    except InvalidComponent:
        # stdnum raises the same exception for both; it checks the holder type first.
        return "holder_type" if number[3] not in PAN_HOLDER_TYPES else "serial_zero"
    except ValidationError:
        return "format"
    return None


def check_pan(text: str) -> IdCheck:
    """A PAN: format, holder type, non-zero serial (the check letter's algorithm is unpublished)."""
    number = _compact(text)
    error = _pan_error(number)
    return _fail(error) if error else IdCheck(number)


def check_iec(text: str) -> IdCheck:
    """An Importer-Exporter Code, which today is the holder's PAN."""
    number = _compact(text)
    # Before GST (2017) IECs were 10-digit numbers; DGFT replaced them with the holder's PAN
    # (domain-notes §1 IEC row), so an all-digit code is out of date, not a typo.
    if len(number) == PAN_LENGTH and number.isascii() and number.isdigit():
        return _fail("old_iec")
    return check_pan(number)


# --- GSTIN -----------------------------------------------------------------------------------

GSTIN_LENGTH = 15
WEST_BENGAL_GST_CODE = "19"
# GST state codes: 01-37 as in python-stdnum stdnum/in_/gstin.py (25 and 28 are pre-merger and
# pre-division codes still carried by old registrations), plus 38 Ladakh and 97 Other Territory
# from the GST portal state-code list (domain-notes §1 GSTIN row marks codes above 37 [?]).
# 99 (Centre Jurisdiction) is left out: those IDs do not embed a PAN.
GST_STATE_CODES = frozenset({f"{n:02d}" for n in range(1, 39)} | {"97"})
# Layout after the state code: PAN, entity number 1-9/A-Z, "Z", check character
# (python-stdnum gstin.py; domain-notes §1 GSTIN row).
_GSTIN_FORMAT = regex.compile(r"[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]")
# Luhn mod 36 alphabet for the check character (python-stdnum luhn.py + gstin.py).
GSTIN_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def check_gstin(text: str) -> IdCheck:
    """A GSTIN: layout, state code, embedded PAN and Luhn mod 36 check character."""
    number = _compact(text)
    if len(number) != GSTIN_LENGTH:
        return _fail("length")
    if not _GSTIN_FORMAT.fullmatch(number):
        return _fail("format")
    if number[:2] not in GST_STATE_CODES:
        return _fail("state_code")
    # stdnum.in_.gstin.validate does these two steps too, but its state table stops at 37.
    if _pan_error(number[2:12]):
        return _fail("format")
    try:
        luhn.validate(number, GSTIN_ALPHABET)
    except InvalidChecksum:
        return _fail("checksum")
    note = None if number[:2] == WEST_BENGAL_GST_CODE else "other_state"
    return IdCheck(number, note=note)


def _gstin_part(gstin: str, start: int, end: int) -> str:
    number = _compact(gstin)
    if len(number) != GSTIN_LENGTH:
        raise ValueError(f"not a 15-character GSTIN: {gstin!r}")
    return number[start:end]


def gstin_state_code(gstin: str) -> str:
    """The two-digit GST state code ("19" for West Bengal) of a validated GSTIN."""
    return _gstin_part(gstin, 0, 2)


def gstin_pan(gstin: str) -> str:
    """The holder's PAN embedded in a validated GSTIN (characters 3-12)."""
    return _gstin_part(gstin, 2, 12)


# --- Udyam -----------------------------------------------------------------------------------

WEST_BENGAL_UDYAM_CODE = "WB"
# Udyam state/UT abbreviations. The format is domain-notes §1 Udyam row; the set is the 36
# states and UTs as seen in published Udyam numbers, which differ from vehicle codes for some
# (KR Karnataka, TS Telangana, OD Odisha, CG Chhattisgarh, UK Uttarakhand, DD Dadra and Nagar
# Haveli and Daman and Diu). KA, TG, OR, DN are accepted as aliases so a real number is never
# rejected over an abbreviation we have not seen. [?] no official list found.
UDYAM_STATE_CODES = frozenset(
    {
        "AN", "AP", "AR", "AS", "BR", "CH", "CG", "DD", "DL", "GA", "GJ", "HP", "HR", "JH",
        "JK", "KL", "KR", "LA", "LD", "MH", "ML", "MN", "MP", "MZ", "NL", "OD", "PB", "PY",
        "RJ", "SK", "TN", "TR", "TS", "UK", "UP", "WB",
        "KA", "TG", "OR", "DN",
    }
)  # fmt: skip
_UDYAM = regex.compile(r"UDYAM([A-Z]{2})([0-9]{2})([0-9]{7})")


def check_udyam(text: str) -> IdCheck:
    """A Udyam (MSME) registration number, canonical "UDYAM-WB-10-0012345"."""
    match = _UDYAM.fullmatch(_compact(text))
    if not match:
        return _fail("format")
    state, district, serial = match.groups()
    if state not in UDYAM_STATE_CODES:
        return _fail("state")
    note = None if state == WEST_BENGAL_UDYAM_CODE else "other_state"
    return IdCheck(f"UDYAM-{state}-{district}-{serial}", note=note)


# --- Numbers and display ---------------------------------------------------------------------

# Plain digits, Indian grouping (1,23,45,678) or Western grouping (1,234,567).
_WHOLE_NUMBER = regex.compile(r"[0-9]+|[0-9]{1,2}(?:,[0-9]{2})*,[0-9]{3}|[0-9]{1,3}(?:,[0-9]{3})+")


def parse_int(text: str) -> int | None:
    """A whole number typed in any of our scripts ("১,২৩,৪৫৬" → 123456); None otherwise."""
    s = ascii_digits(clean(text))
    if not _WHOLE_NUMBER.fullmatch(s):
        return None
    return int(s.replace(",", ""))


def mask(value: str, keep: int = 4) -> str:
    """Hide all but the last ``keep`` characters ("••••••2345"); short values are hidden whole."""
    if keep <= 0 or len(value) <= keep:
        return "•" * len(value)
    return "•" * (len(value) - keep) + value[-keep:]


def format_mobile(e164: str) -> str:
    """A stored number as people read it: "+91 98300 12345"."""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


# Ids in button payloads are database integers (PostgreSQL INTEGER: up to 2**31 - 1).
MAX_DB_ID = 2**31 - 1


def parse_id(text: str) -> int | None:
    """A database id from a button payload; None for anything forged ("²", "-1", 10**12)."""
    if not text or not text.isascii() or not text.isdigit() or len(text) > 10:
        return None
    value = int(text)
    return value if 0 < value <= MAX_DB_ID else None
