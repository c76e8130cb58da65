"""Parsers for size, weight, price and counts as sellers type them, errors as values."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Generic, Literal, TypeVar

import regex

from services.catalogue import Size
from services.ids import parse_int
from services.text import ascii_digits, clean, lookup_key

T = TypeVar("T")


@dataclass(frozen=True)
class Parsed(Generic[T]):
    """``value`` when the text made sense, else ``error``: a code the flow turns into a hint."""

    value: T | None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def _fail(error: str) -> Parsed[T]:
    return Parsed(None, error)


# --- limits and conversion factors ------------------------------------------------------------

# Exact by definition (international yard and pound agreement, 1959).
CM_PER_INCH = Decimal("2.54")
CM_PER_FOOT = Decimal("30.48")
CM_PER_YARD = Decimal("91.44")
GRAMS_PER_POUND = Decimal("453.59237")
# হাত (haat, cubit) is how Bengal measures sarees and cloth ("১২ হাত শাড়ি"): taken as 18 inches,
# the usual value; it varies locally.
CM_PER_HAAT = Decimal("45.72")
# ভরি/তোলা (bhori, tola) is how gold and silver are weighed in Bengal: 180 grains = 11.6638 g.
GRAMS_PER_TOLA = Decimal("11.6638")

# A courier parcel holding one handmade piece is far below 5 m on any side; anything larger is a
# typo (mm typed as cm) or a furniture/installation piece we cannot ship as e-commerce.
MAX_DIMENSION_CM = Decimal(500)
# Cloth is measured unfolded: a saree is 5.5-6.5 m, a 9-yard saree 8.2 m. The flow passes this
# as ``max_cm`` for textile crafts so a real saree length is not refused.
MAX_FABRIC_CM = Decimal(1000)
HUGE = Decimal(10**9)  # any number past this is too large, before any arithmetic on it
# Courier e-commerce parcels are small (the big couriers cap a piece at 30-70 kg); above 100 kg
# the answer is a typo (g typed as kg) or freight, which this bot does not handle.
MAX_WEIGHT_G = 100_000
# A handmade piece from these crafts sells for hundreds to tens of thousands of rupees; the
# dearest (a fine Baluchari, a large Dokra) reach one or two lakh. ₹5,00,000 leaves room above
# that while catching typed mobile numbers (10 digits) and extra zeros (₹10 crore).
MAX_PRICE_INR = 500_000

# --- vocabulary (keys go through _key, like the typed words) -----------------------------------


def _key(word: str) -> str:
    """Folded like lookup_key, with abbreviation dots and visarga (সেঃমিঃ) dropped."""
    return lookup_key(word.replace(".", "")).replace("\u0983", "").replace(" ", "")


def _table(groups: Mapping[str, str]) -> dict[str, Decimal]:
    """{"1": "এক ek one"} → {"এক": 1, "ek": 1, "one": 1}."""
    return {_key(w): Decimal(value) for value, names in groups.items() for w in names.split()}


def _words(names: str) -> frozenset[str]:
    return frozenset(_key(w) for w in names.split())


_NUMBER_WORDS = _table(
    {
        "0": "শূন্য shunyo zero शून्य",
        "1": "এক ek one एक",
        "2": "দুই দু dui du two दो do",
        "3": "তিন tin three तीन teen",
        "4": "চার char four चार",
        "5": "পাঁচ panch five पांच पाँच paanch",
        "6": "ছয় ছ chhoy choy six छह छः छे chhe",
        "7": "সাত sat seven सात saat",
        "8": "আট aat eight आठ aath",
        "9": "নয় noy nine नौ nau",
        "10": "দশ dosh das ten दस",
        "11": "এগারো এগার egaro eleven ग्यारह",
        "12": "বারো বার baro twelve बारह",
        "13": "তেরো তের thirteen तेरह",
        "14": "চোদ্দ চৌদ্দ fourteen चौदह",
        "15": "পনেরো পনের fifteen पंद्रह",
        "16": "ষোলো ষোল sixteen सोलह",
        "17": "সতেরো সতের seventeen सत्रह",
        "18": "আঠারো আঠার eighteen अठारह",
        "19": "উনিশ nineteen उन्नीस",
        "20": "কুড়ি বিশ kuri bish twenty बीस",
        "25": "পঁচিশ twenty-five पच्चीस",
        "30": "তিরিশ ত্রিশ thirty तीस",
        "40": "চল্লিশ forty चालीस",
        "50": "পঞ্চাশ fifty पचास",
        "60": "ষাট sixty साठ",
        "70": "সত্তর seventy सत्तर",
        "80": "আশি eighty अस्सी",
        "90": "নব্বই ninety नब्बे",
        "100": "একশো একশ hundred सौ",
    }
)
# দেড় and আড়াই are how Bengali says 1½ and 2½ (Hindi डेढ़, ढाई); আধা is a half.
_FRACTION_WORDS = _table(
    {
        "0.5": "আধ আধা adha half आधा",
        "1.5": "দেড় der dedh deRh डेढ़",
        "2.5": "আড়াই arai adai dhai ढाई",
    }
)
# সাড়ে তিন = 3½, সোয়া দুই = 2¼, পৌনে তিন = 2¾.
_SHIFTS = _table(
    {
        "0.5": "সাড়ে sare sarhe साढ़े",
        "0.25": "সোয়া sowa soa सवा",
        "-0.25": "পৌনে poune paune पौने",
    }
)
_MULTIPLIERS = _table(
    {
        "100": "শো শ sho hundred सौ",
        "1000": "হাজার hajar hazar thousand k हज़ार हजार",
        "100000": "লাখ লক্ষ lakh lakhs lac lacs लाख",
        "10000000": "কোটি koti crore crores cr करोड़ करोड",
    }
)
# Bengali counts carry a classifier: দশটা, দুটো, তিনটে, একটি, দুখানা.
_CLASSIFIERS = tuple(_key(s) for s in ("খানা", "খানি", "টা", "টি", "টো", "টে", "জন"))
_HUNDRED_SUFFIXES = tuple(_key(s) for s in ("শো", "শ"))

# A unit: its factor to centimetres, its system ("cm" metric, "in" imperial) and its name.
_SizeUnit = tuple[Decimal, str, str]
_SIZE_UNITS: dict[str, _SizeUnit] = {}
for _names, _factor, _shown, _name in (
    (
        "cm cms centimeter centimeters centimetre centimetres সেমি সেন্টিমিটার সেন্টি সিএম",
        1,
        "cm",
        "cm",
    ),
    ("senti centi सेमी सेंटीमीटर से.मी.", 1, "cm", "cm"),
    (
        "mm millimeter millimeters millimetre millimetres মিমি মিলিমিটার मिमी मिलीमीटर",
        "0.1",
        "cm",
        "mm",
    ),
    ("m meter meters metre metres mtr mtrs মিটার मीटर", 100, "cm", "m"),
    ('in inch inches inchi ইঞ্চি ইঞ্চ इंच " ” ″', CM_PER_INCH, "in", "in"),
    ("ft feet foot fut ফুট फुट फीट फ़ीट ' ’ ′", CM_PER_FOOT, "in", "ft"),
    ("yd yard yards gaj গজ गज", CM_PER_YARD, "in", "yd"),
    ("haat hat হাত", CM_PER_HAAT, "in", "haat"),
):
    for _w in _names.split():
        _SIZE_UNITS[_w if len(_w) == 1 and not _w.isalpha() else _key(_w)] = (
            Decimal(_factor),
            _shown,
            _name,
        )
_INCH = _SIZE_UNITS["in"]
_FEET = _SIZE_UNITS["ft"]
# Words people put around sizes ("size: লম্বা ১০ ইঞ্চি x চওড়া ৫ ইঞ্চি") and the x between dims.
_SIZE_FILLER = _words(
    "x by into বাই ইন্টু size সাইজ মাপ length width breadth height depth long wide high tall "
    "l w h d লম্বা লম্বায় চওড়া চওড়ায় উঁচু উচ্চতা প্রস্থ দৈর্ঘ্য গভীরতা লম্বাই लंबाई चौड़ाई "
    "ऊंचाई साइज approx approximately about around প্রায় আনুমানিক মতো মত"
) | frozenset("x×*✕✖,:;=")

_WEIGHT_UNITS: dict[str, Decimal] = {}
for _names, _grams in (
    ("g gm gms gr gram grams gramme grammes গ্রাম গ্রা ग्राम ग्रा", 1),
    ("kg kgs kilo kilos kilogram kilograms keji কেজি কিলো কিলোগ্রাম किलो किग्रा किलोग्राम", 1000),
    ("lb lbs pound pounds", GRAMS_PER_POUND),
    ("bhori tola ভরি তোলা तोला", GRAMS_PER_TOLA),
):
    for _w in _names.split():
        _WEIGHT_UNITS[_key(_w)] = Decimal(_grams)
_WEIGHT_FILLER = _words(
    "weight ওজন वजन approx approximately about around প্রায় আনুমানিক মতো মত only মাত্র"
) | frozenset(",:=")

_CURRENCY = (
    _words("rs inr rupee rupees rupaye rupiya taka টাকা টাকায় টাকার রুপি রুপী রুপিয়া")
    | (_words("रुपये रुपए रुपया रु रू"))
    | frozenset("₹৳")
)
_FREE = _words("free ফ্রি ফ্রী বিনামূল্যে মুফত फ्री मुफ्त मुफ़्त muft")
_PRICE_FILLER = _words(
    "price দাম মূল্য दाम कीमत only মাত্র matro per piece pc প্রতি পিস প্রতিটা প্রতিটি "
    "approx about around প্রায় মতো মত of cost"
) | frozenset(",:=")

_ITEM_UNITS = _table(
    {
        "1": "pieces piece pcs pc nos units unit items item sets set pairs pair পিস পিচ টা টি "
        "টো টে খানা খানি সেট জোড়া জোড়া পিছ पीस नग सेट जोड़ी",
    }
)
_DAY_UNITS = _table(
    {
        "1": "day days din দিন দিনের দিনে दिन",
        "7": "week weeks saptaho hopta সপ্তাহ হপ্তা সপ্তাহের सप्ताह हफ्ता हफ़्ता",
        "30": "month months mas mash মাস মাসের महीना महीने",
    }
)
_COUNT_FILLER = _words(
    "stock স্টক স্টকে আছে আছেন মোট total available approx about around প্রায় আনুমানিক মতো মত "
    "only মাত্র লাগবে লাগে লাগতে পারে মধ্যে within in बस लगभग लगेंगे है"
) | frozenset(",:=")
_RANGE = _words("to থেকে से se") | frozenset("-–—")
_MINUS = frozenset("-−–")

# --- tokens -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Tok:
    kind: Literal["num", "word", "sym"]
    text: str  # the folded key of a word, the character of a symbol, the digits of a number
    value: Decimal = Decimal(0)


_FRACTION_CHARS = {"½": ".5", "¼": ".25", "¾": ".75"}
_EDGE = regex.compile(r"(?<=[0-9])(?=[\p{L}\p{M}])|(?<=[\p{L}\p{M}])(?=[0-9])")
_TOKEN = regex.compile(
    r"(?P<num>[0-9]+(?:,[0-9]+)*(?:\.[0-9]+)?|\.[0-9]+)"
    r"|(?P<word>[\p{L}\p{M}]+(?:\.[\p{L}\p{M}]+)*\.?)"
    r"|(?P<space>\s+)"
    r"|(?P<sym>.)"
)


def _number(digits: str) -> Decimal | None:
    whole, _, fraction = digits.partition(".")
    if whole:
        value = parse_int(whole)  # also checks the grouping: 1,200 and 1,20,000, not 12,00
        if value is None:
            return None
    else:
        value = 0
    if value > HUGE:  # a run of digits: kept at a size every check calls too large
        return HUGE
    try:
        return Decimal(f"{value}.{fraction or 0}")
    except InvalidOperation:
        return None


def _tokens(text: str) -> list[_Tok] | None:
    """Numbers, folded words and single symbols; None when a number is malformed ("12,00")."""
    s = ascii_digits(clean(text)).casefold().replace("''", '"')
    for char, decimal in _FRACTION_CHARS.items():
        s = regex.sub(rf"(?<=[0-9]){char}", decimal, s).replace(char, f" 0{decimal} ")
    s = _EDGE.sub(" ", s)
    out: list[_Tok] = []
    for m in _TOKEN.finditer(s):
        if m["num"]:
            value = _number(m["num"])
            if value is None:
                return None
            out.append(_Tok("num", m["num"], value))
        elif m["word"]:
            key = _key(m["word"])
            if key:
                out.append(_Tok("word", key))
        elif m["sym"]:
            out.append(_Tok("sym", m["sym"]))
    return out


def _word_number(key: str) -> Decimal | None:
    """দশ, দশটা, দুটো, পাঁচশো, দেড়শো, আড়াই → a number; None for any other word."""
    for suffix in ("", *_CLASSIFIERS):
        stem = key[: -len(suffix)] if suffix and key.endswith(suffix) else key
        if suffix and stem == key:
            continue
        if stem in _NUMBER_WORDS:
            return _NUMBER_WORDS[stem]
        if stem in _FRACTION_WORDS:
            return _FRACTION_WORDS[stem]
        for hundred in _HUNDRED_SUFFIXES:
            head = stem.removesuffix(hundred)
            if head != stem and (head in _NUMBER_WORDS or head in _FRACTION_WORDS):
                return _NUMBER_WORDS.get(head, _FRACTION_WORDS.get(head, Decimal(0))) * 100
    return None


def _read_value(toks: list[_Tok], i: int) -> tuple[Decimal, int] | None:
    """One number at ``i``: digits, a number word or a fraction word, after সাড়ে-style shifts."""
    if i >= len(toks):
        return None
    tok = toks[i]
    if tok.kind == "num":
        return tok.value, i + 1
    if tok.kind != "word":
        return None
    if tok.text in _SHIFTS:
        inner = _read_value(toks, i + 1)
        return None if inner is None else (inner[0] + _SHIFTS[tok.text], inner[1])
    value = _word_number(tok.text)
    return None if value is None else (value, i + 1)


def _read_amount(toks: list[_Tok], i: int) -> tuple[Decimal, int] | None:
    """A number with multipliers: "১০ কোটি", "দেড় হাজার", "১ লাখ ২০ হাজার ৫০০"."""
    total = Decimal(0)
    last: Decimal | None = None
    while True:
        got = _read_value(toks, i)
        if got is None:
            break
        value, j = got
        multiplier = Decimal(1)
        while j < len(toks) and toks[j].kind == "word" and toks[j].text in _MULTIPLIERS:
            multiplier *= _MULTIPLIERS[toks[j].text]
            j += 1
        if last is not None and multiplier >= last:
            break
        total += value * multiplier
        last, i = multiplier, j
        if multiplier == 1:
            break
    return None if last is None else (total, i)


def _drop(toks: list[_Tok], filler: frozenset[str]) -> list[_Tok]:
    return [t for t in toks if t.kind == "num" or t.text not in filler]


def _unit_of(tok: _Tok, units: Mapping[str, T]) -> T | None:
    return None if tok.kind == "num" else units.get(tok.text)


def _negative(toks: list[_Tok]) -> bool:
    return len(toks) > 1 and toks[0].kind == "sym" and toks[0].text in _MINUS


# --- parsers ----------------------------------------------------------------------------------


def parse_size(text: str, *, max_cm: Decimal | int = MAX_DIMENSION_CM) -> Parsed[Size]:
    """One to three dimensions with a unit: "১০ x ২০ সেমি", "12\"", "2 ft 6 in", "30cm x 40cm".

    Errors: not_size (no dimensions, stray words, more than 3), unit (a number without a unit,
    or unit-less numbers beside two different units), zero, too_large (over ``max_cm``).
    """
    toks = _tokens(text)
    if toks is None:
        return _fail("not_size")
    toks = _drop(toks, _SIZE_FILLER)
    dims: list[tuple[Decimal, _SizeUnit | None]] = []
    i = 0
    while i < len(toks):
        got = _read_amount(toks, i)
        if got is None:
            return _fail("not_size")
        value, i = got
        unit = _unit_of(toks[i], _SIZE_UNITS) if i < len(toks) else None
        if unit:
            i += 1
        previous = dims[-1][1] if dims else None
        # 2 ft 6 in, 5'6": one dimension in feet and inches.
        if unit == _INCH and previous == _FEET:
            dims[-1] = (dims[-1][0] * CM_PER_FOOT / CM_PER_INCH + value, _INCH)
            continue
        dims.append((value, unit))
    if not dims or len(dims) > 3:
        return _fail("not_size")
    given = {unit for _v, unit in dims if unit}
    if not given or (len(given) > 1 and any(unit is None for _v, unit in dims)):
        return _fail("unit")
    default = next(unit for _v, unit in dims if unit)
    if any(value > HUGE for value, _unit in dims):
        return _fail("too_large")  # a run of digits: too big even to round
    cm = tuple(
        float((value * (unit or default)[0]).quantize(Decimal("0.1"), ROUND_HALF_UP))
        for value, unit in dims
    )
    if any(d <= 0 for d in cm):
        return _fail("zero")
    if any(d > max_cm for d in cm):
        return _fail("too_large")
    # Shown back as typed when one unit was used (8 in stays 8 in, not 7.99); mixed units in
    # the unit of the first, rounded to what a person would write.
    same = all(unit in (None, default) for _v, unit in dims)
    typed = tuple(
        float(value)
        if same
        else float((value * (unit or default)[0] / default[0]).quantize(Decimal("0.01")))
        for value, unit in dims
    )
    return Parsed(Size(dims_cm=cm, unit=default[1], typed=typed, typed_unit=default[2]))


def parse_weight(text: str) -> Parsed[int]:
    """Grams from "500 g", "৫০০ গ্রাম", "1.5 kg", "দেড় কেজি", "১ কেজি ২০০ গ্রাম", "2 ভরি".

    Errors: not_weight, unit (a number without g or kg), zero, too_large (over 100 kg).
    """
    toks = _tokens(text)
    if toks is None:
        return _fail("not_weight")
    toks = _drop(toks, _WEIGHT_FILLER)
    if not toks:
        return _fail("not_weight")
    grams = Decimal(0)
    i = 0
    while i < len(toks):
        got = _read_amount(toks, i)
        if got is None:
            return _fail("not_weight")
        value, i = got
        if i >= len(toks):
            return _fail("unit")
        factor = _unit_of(toks[i], _WEIGHT_UNITS)
        if factor is None:
            return _fail("not_weight")
        grams += value * factor
        i += 1
    whole = int(grams.quantize(Decimal(1), ROUND_HALF_UP))
    if whole <= 0:
        return _fail("zero")
    if whole > MAX_WEIGHT_G:
        return _fail("too_large")
    return Parsed(whole)


def parse_price(text: str) -> Parsed[int]:
    """Whole rupees from "৫০০ টাকা", "Rs. 1,200", "₹ 1200", "1200/-", "দেড় হাজার", "५०० रुपये".

    Paise are rounded to the nearest rupee (499.50 → 500): nobody prices a handmade piece in
    paise, and the marketplaces convert to dollars anyway.
    Errors: not_price (also "$20": rupees only), zero (0 or "free"), negative,
    too_large (over MAX_PRICE_INR).
    """
    toks = _tokens(regex.sub(r"/\s*[-=]", " ", text))
    if toks is None:
        return _fail("not_price")
    toks = _drop(toks, _CURRENCY | _PRICE_FILLER)
    if toks and all(t.kind == "word" and t.text in _FREE for t in toks):
        return _fail("zero")
    negative = _negative(toks)
    got = _read_amount(toks, 1 if negative else 0)
    if got is None or got[1] != len(toks):
        return _fail("not_price")
    rupees = int(got[0].quantize(Decimal(1), ROUND_HALF_UP))
    if rupees == 0:
        return _fail("zero")
    if negative:
        return _fail("negative")
    if rupees > MAX_PRICE_INR:
        return _fail("too_large")
    return Parsed(rupees)


def parse_count(
    text: str,
    *,
    max_value: int,
    min_value: int = 0,
    unit: Literal["items", "days"] = "items",
) -> Parsed[int]:
    """A whole count: "10", "১০টা", "১০ টি", "10 pieces", "দশ", "দুটো".

    With ``unit="days"`` also "২ সপ্তাহ" (14), "১ মাস" (30), "দেড় সপ্তাহ" (11, rounded up) and
    ranges "৫-৭ দিন" (7: the longer promise is the safe one).
    Errors: not_number (words, decimals of items, ranges of items), negative, too_small (below
    ``min_value``, 0 included: stock may be 0, days to make may not), too_large.
    """
    toks = _tokens(text)
    if toks is None:
        return _fail("not_number")
    toks = _drop(toks, _COUNT_FILLER)
    negative = _negative(toks)
    units = _DAY_UNITS if unit == "days" else _ITEM_UNITS
    values: list[Decimal] = []
    factors: list[Decimal | None] = []
    i = 1 if negative else 0
    while i < len(toks):
        if values and unit == "days" and toks[i].text in _RANGE and toks[i].kind != "num":
            i += 1
        got = _read_amount(toks, i)
        if got is None:
            return _fail("not_number")
        value, i = got
        factor = _unit_of(toks[i], units) if i < len(toks) else None
        if factor is not None:
            i += 1
        values.append(value)
        factors.append(factor)
    if not values or len(values) > 2 or (len(values) == 2 and unit != "days"):
        return _fail("not_number")
    # In a range the unit is usually said once, at the end: "৫-৭ দিন".
    last_factor = factors[-1] or Decimal(1)
    amount = max(v * (f or last_factor) for v, f in zip(values, factors, strict=True))
    if unit == "days":
        count = math.ceil(amount)
    elif amount != amount.to_integral_value():
        return _fail("not_number")
    else:
        count = int(amount)
    if negative and count > 0:
        return _fail("negative")
    if count < min_value:
        return _fail("too_small")
    if count > max_value:
        return _fail("too_large")
    return Parsed(count)
