"""Dates and times as artisans type them (Bengali, Hindi, English, romanised), read in the
bot's time zone (TIMEZONE), and days and times written back to them."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

import regex
from babel.dates import format_date

from chat.replies import Choice, Reply
from services.text import ascii_digits, clean, localise_digits

# Between midnight and this hour a person who has not slept yet says "কাল"/"kal"/"tomorrow" for
# the coming morning, which is already today's date: we read it so and ask them to confirm.
NIGHT_OWL_UNTIL = 4


@dataclass(frozen=True, slots=True)
class WhenParsed:
    """A local moment, or an error code the flow turns into a hint; ``ambiguous``: confirm it."""

    value: datetime | None
    error: str | None = None  # "not_date" | "no_time" | "past" | "invalid_date" | "too_far"
    ambiguous: bool = False

    @property
    def ok(self) -> bool:
        return self.error is None


def _fail(error: str) -> WhenParsed:
    return WhenParsed(None, error)


# --- vocabulary ----------------------------------------------------------------------------------

# Spelling that varies freely in typing: candrabindu, nukta, anusvara dropped; long ī/ū read short.
_FOLD = str.maketrans(
    {
        "\u0981": None,
        "\u09bc": None,
        "\u0901": None,
        "\u0902": None,
        "\u093c": None,
        "\u09c0": "\u09bf",
        "\u09c2": "\u09c1",
        "\u0940": "\u093f",
        "\u0942": "\u0941",
    }
)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text).translate(_FOLD)
    return unicodedata.normalize("NFC", text).casefold()


def _table(kind: str, groups: dict[int, str]) -> dict[str, tuple[str, int]]:
    return {_fold(w): (kind, value) for value, names in groups.items() for w in names.split()}


_MONTHS = _table(
    "month",
    {
        1: "january jan জানুয়ারি জানুয়ারী জানুআরি জানুয়ারি जनवरी",
        2: "february feb ফেব্রুয়ারি ফেব্রুয়ারী ফেব্রুআরি फरवरी फ़रवरी",
        3: "march mar মার্চ मार्च",
        4: "april apr এপ্রিল अप्रैल अप्रेल",
        5: "may মে मई",
        6: "june jun জুন जून",
        7: "july jul জুলাই जुलाई",
        8: "august aug আগস্ট আগষ্ট অগাস্ট অগস্ট अगस्त",
        9: "september sep sept সেপ্টেম্বর সেপ্টেমবর सितंबर सितम्बर",
        10: "october oct অক্টোবর অক্টোবার अक्टूबर अक्तूबर",
        11: "november nov নভেম্বর নভেম্বার नवंबर नवम्बर",
        12: "december dec ডিসেম্বর ডিসেম্বার दिसंबर दिसम्बर",
    },
)
# Only the "-বার" forms of Bengali weekdays: bare সোম/রবি/শনি are also people's names.
_WEEKDAYS = _table(
    "weekday",
    {
        0: "monday mon সোমবার sombar shombar somvar somwar सोमवार",
        1: "tuesday tue tues মঙ্গলবার mongolbar mangalbar mongalbar mangalvar मंगलवार",
        2: "wednesday wed বুধবার budhbar budhvar budhwar बुधवार",
        3: "thursday thu thur thurs বৃহস্পতিবার বিষ্যুদবার বেস্পতিবার brihospotibar "
        "brihaspatibar bishyudbar guruvar guruwar brihaspativar गुरुवार बृहस्पतिवार",
        4: "friday fri শুক্রবার shukrobar sukrobar shukrabar shukravar sukravar शुक्रवार",
        5: "saturday sat শনিবার shonibar sonibar shanibar shanivar शनिवार",
        6: "sunday sun রবিবার robibar rabibar robivar ravivar itvar रविवार इतवार",
    },
)
# Days from today. "কাল"/"kal"/"कल" also means yesterday; in an answer about when, it is tomorrow.
_RELATIVE = _table(
    "rel",
    {
        0: "today আজ aj aaj आज",
        1: "tomorrow tmrw tmr tomorow tommorow tommorrow কাল আগামীকাল kal kaal agamikal कल",
        2: "overmorrow পরশু porshu porsu parshu porshudin parso parson परसों",
    },
)
# "৩ দিন পরে", "3 din por", "in 3 days", "3 दिन बाद"; followed by আগে/ago it is the past.
_DAYS = _table("days", {0: "দিন din days day दिन"})
_AGO = _table("ago", {0: "আগে age ago पहले pehle"})
_PAST = _table("past", {0: "yesterday গতকাল gotokal gatokal"})
_LAST = _table("last", {0: "last গত previous pichhle pichle पिछले पिछला"})
_NEXT = _table(
    "next", {0: "next coming আগামী আসছে পরের সামনের agami asche porer samner agle agla अगले अगला"}
)
_THIS = _table("this", {0: "this এই ei is इस"})
# Day parts: how each one turns a 12-hour clock reading into a 24-hour one, see _to_24.
DAWN, MORNING, NOON, AFTERNOON, EVENING, NIGHT = range(6)
_PARTS = _table(
    "part",
    {
        DAWN: "ভোর bhor bhorbela",
        MORNING: "সকাল sokal sakal shokal morning सुबह subah subha सवेरे savere",
        NOON: "দুপুর dupur dopahar dopehar dophar दोपहर afternoon",
        AFTERNOON: "বিকেল বিকাল bikel bikal",
        EVENING: "সন্ধ্যা সন্ধে সন্ধ্যে sondhya sandhya sondhe shondha shondhya sondha "
        "evening शाम sham shaam",
        NIGHT: "রাত রাত্রি রাত্তির rat raat ratre ratri night रात",
    },
)
_MERIDIEM = _table("mer", {0: "am", 12: "pm"})
_NOON = _table("noon", {12: "noon midday"})
_MIDNIGHT = _table("midnight", {0: "midnight মাঝরাত মাঝরাতে মধ্যরাত मध्यरात्रि"})
# After a number: "৩টা", "3 baje", "३ बजे", "3 oclock" make it an hour.
_MARKS = _table("mark", {0: "টা টে টো টায় টার বাজে বাজলে baje bje baja bajay ta te tay बजे oclock"})
# After a number: "২৮শে", "১লা", "৪ঠা", "৫ই", "28th", "২৮ তারিখ" make it a day of the month.
_ORDINALS = _table("ord", {0: "শে লা রা ঠা ই এ th st nd rd তারিখ তাং tarikh tarik tareekh तारीख"})
_MINUTES = _table("minute", {0: "মিনিট minute minutes min mins मिनट"})
# "সাড়ে তিনটে" 3:30, "পৌনে চারটে" 3:45, "সোয়া দুটো" 2:15: minutes added to (or taken from) the hour.
_FRACTIONS = _table(
    "frac",
    {
        30: "সাড়ে sare saare sade saade sadhe साढ़े sadhe",
        -15: "পৌনে poune pone paune पौने",
        15: "সোয়া soya sowa shoa shoya sawa सवा",
    },
)
# Whole words for a time with the half hour built in: দেড়টা 1:30, আড়াইটে 2:30.
_HALVES = _table("half", {1: "দেড় der derh dedh डेढ़", 2: "আড়াই arai adai arhai adhai dhai ढाई"})
# Hour words; they count as an hour only next to a mark (তিনটে, "tin baje") or a fraction word.
_HOUR_WORDS = _table(
    "numword",
    {
        1: "এক ek one एक",
        2: "দুই দু dui du do two दो",
        3: "তিন tin teen three तीन",
        4: "চার char chaar four चार",
        5: "পাঁচ panch paanch pach five पाँच पांच",
        6: "ছয় ছ choy chhoy chhe chhah six छह छः छै",
        7: "সাত sat saat seven सात",
        8: "আট aat aath eight आठ",
        9: "নয় ন noy nou nau nine नौ",
        10: "দশ dosh dos das ten दस",
        11: "এগারো এগার egaro gyarah gyara eleven ग्यारह",
        12: "বারো বার baro barah bara twelve बारह",
    },
)
_WORDS: dict[str, tuple[str, int]] = {
    **_HOUR_WORDS,
    **_MONTHS,
    **_WEEKDAYS,
    **_RELATIVE,
    **_PAST,
    **_DAYS,
    **_AGO,
    **_LAST,
    **_NEXT,
    **_THIS,
    **_PARTS,
    **_MERIDIEM,
    **_NOON,
    **_MIDNIGHT,
    **_MARKS,
    **_ORDINALS,
    **_MINUTES,
    **_FRACTIONS,
    **_HALVES,
}
# Word endings that glue a mark onto an hour word: তিনটে, দুটো, একটায়, tinte, charta.
_HOUR_SUFFIXES = tuple(map(_fold, ("টায়", "টার", "টা", "টে", "টো", "tay", "ta", "te", "to")))
# Case endings on day and day-part words: সকালে, সন্ধ্যায়, বিকেলবেলা, আজকে, kalke, sokale, রাতের.
_CASE_SUFFIXES = tuple(map(_fold, ("বেলায়", "বেলা", "কে", "ের", "ে", "য়", "র", "ke", "e")))
_CASE_KINDS = frozenset({"part", "rel", "weekday", "past", "midnight"})

_PHRASES = (
    (regex.compile(r"day after tomorrow"), " overmorrow "),
    (regex.compile(r"\btonight\b"), " today night "),
    (regex.compile(r"(?<!\p{L})([ap])\.\s?m(?:\.|(?!\p{L}))"), r" \1m "),
    (regex.compile(r"[\u0027\u2018\u2019`]"), ""),  # ছ'টা, o'clock
)
_TOKEN = regex.compile(
    r"(?P<ymd>[0-9]{4}[/.\-][0-9]{1,2}[/.\-][0-9]{1,2})"
    r"|(?P<dmy>[0-9]{1,2}[/.\-][0-9]{1,2}(?:[/.\-][0-9]{2,4})?)(?![0-9])"
    r"|(?P<clock>[0-9]{1,2}:[0-9]{2})(?::[0-9]{2})?"
    r"|(?P<num>[0-9]+)"
    r"|(?P<word>[\p{L}\p{M}]+)"
)


@dataclass(slots=True)
class _Tok:
    kind: str  # "num", "clock", "date", a table's kind above, or "word" when unknown
    raw: str
    n: int = 0  # the number, the hour of a clock, or the word's value in its table
    minute: int = 0  # of a clock
    ymd: tuple[int | None, int, int] = (None, 0, 0)  # of a date; year None when not typed
    used: bool = False


def _classify(word: str) -> _Tok:
    if word in _WORDS:
        kind, value = _WORDS[word]
        return _Tok(kind, word, value)
    for suffix in _HOUR_SUFFIXES:
        stem = word.removesuffix(suffix)
        if stem != word and stem in _WORDS and _WORDS[stem][0] in ("numword", "half"):
            kind, value = _WORDS[stem]
            return _Tok("hourword" if kind == "numword" else "half", word, value)
    for suffix in _CASE_SUFFIXES:
        stem = word.removesuffix(suffix)
        if stem != word and stem in _WORDS and _WORDS[stem][0] in _CASE_KINDS:
            kind, value = _WORDS[stem]
            return _Tok(kind, word, value)
    return _Tok("word", word)


def _tokens(text: str) -> list[_Tok]:
    text = _fold(ascii_digits(clean(text)))
    for pattern, replacement in _PHRASES:
        text = pattern.sub(replacement, text)
    out: list[_Tok] = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "word"
        raw = m.group(kind)
        if kind == "word":
            out.append(_classify(raw))
        elif kind == "num":
            out.append(_Tok("num", raw, int(raw)))
        elif kind == "clock":
            h, mm = raw.split(":")
            out.append(_Tok("clock", raw, int(h), int(mm)))
        else:
            parts = [int(p) for p in regex.split(r"[/.\-]", raw)]
            if kind == "ymd":
                out.append(_Tok("date", raw, ymd=(parts[0], parts[1], parts[2])))
            elif "." in raw and len(parts) == 2 and _looks_like_clock(raw):
                out.append(_Tok("clock", raw, parts[0], parts[1]))  # 3.30 is a time, 28.11 a date
            else:
                year = parts[2] if len(parts) == 3 else None
                if year is not None and year < 100:
                    year += 2000
                out.append(_Tok("date", raw, ymd=(year, parts[1], parts[0])))
    return out


def _looks_like_clock(raw: str) -> bool:
    h, mm = raw.split(".")
    return int(h) <= 23 and len(mm) == 2 and int(mm) <= 59


# --- reading the tokens -------------------------------------------------------------------------


@dataclass(slots=True)
class _Reading:
    dates: list[tuple[int | None, int, int]] = field(default_factory=list)  # (year, month, day)
    day_of_month: int | None = None  # "২৮ তারিখ": the next 28th
    rel: int | None = None
    counted: bool = False  # rel came from "৩ দিন পরে", not from a word like কাল
    weekday: int | None = None
    this_week: bool = False
    past: bool = False
    hour: int | None = None
    minute: int = 0
    explicit_24h: bool = False  # "15:30", "09:00": no am/pm guess
    meridiem: int | None = None
    part: int | None = None
    stray: bool = False

    @property
    def has_date(self) -> bool:
        named = (self.day_of_month, self.rel, self.weekday)
        return bool(self.dates) or any(x is not None for x in named)


def _at(toks: list[_Tok], i: int) -> _Tok | None:
    return toks[i] if 0 <= i < len(toks) and not toks[i].used else None


def _is(tok: _Tok | None, *kinds: str) -> bool:
    return tok is not None and tok.kind in kinds


def _day_num(tok: _Tok | None) -> bool:
    return tok is not None and _is(tok, "num") and len(tok.raw) <= 2 and 1 <= tok.n <= 31


def _year_num(tok: _Tok | None) -> bool:
    return tok is not None and _is(tok, "num") and len(tok.raw) == 4


def _use(*toks: _Tok | None) -> None:
    for tok in toks:
        if tok is not None:
            tok.used = True


def _read_dates(toks: list[_Tok], r: _Reading) -> None:
    for i, tok in enumerate(toks):
        if tok.used:
            continue
        if tok.kind == "date":
            r.dates.append(tok.ymd)
            _use(tok)
        elif tok.kind == "month":
            _read_month(toks, i, r)
        elif tok.kind == "rel":
            r.rel = tok.n
            _use(tok)
        elif tok.kind == "past":
            r.past = True
            _use(tok)
        elif tok.kind == "weekday" and not _is(_at(toks, i + 1), "mark"):  # "sat baje" is 7 o'clock
            r.weekday = tok.n
            before = _at(toks, i - 1)
            r.past = r.past or _is(before, "last")
            r.this_week = _is(before, "this")
            _use(tok, before if _is(before, "last", "next", "this") else None)
    for i, tok in enumerate(toks):
        after = _at(toks, i + 1)
        if tok.used or tok.kind != "num":
            continue
        if _day_num(tok) and _is(after, "ord"):
            r.day_of_month = tok.n
            _use(tok, after)
        elif _is(after, "days") and r.rel is None:
            r.rel, r.counted = tok.n, True
            r.past = r.past or _is(_at(toks, i + 2), "ago")
            _use(tok, after)


def _read_month(toks: list[_Tok], i: int, r: _Reading) -> None:
    month = toks[i].n
    day_tok: _Tok | None = None
    before, before2, after = _at(toks, i - 1), _at(toks, i - 2), _at(toks, i + 1)
    end = i
    if _day_num(before):
        day_tok = before
    elif _is(before, "ord") and _day_num(before2):
        day_tok = before2
        _use(before)
    elif _day_num(after) and not _is(_at(toks, i + 2), "mer", "mark", "minute"):
        day_tok = after
        end = i + 1
        if _is(_at(toks, i + 2), "ord"):
            end = i + 2
            _use(toks[end])
    if day_tok is None:
        return  # "May" alone is not a date (and often not a month at all)
    year_tok = _at(toks, end + 1)
    year = year_tok.n if year_tok is not None and _year_num(year_tok) else None
    r.dates.append((year, month, day_tok.n))
    _use(toks[i], day_tok, year_tok if year is not None else None)


def _read_time(toks: list[_Tok], r: _Reading) -> None:
    for i, tok in enumerate(toks):
        if tok.used:
            continue
        before, after = _at(toks, i - 1), _at(toks, i + 1)
        frac = before.n if before is not None and _is(before, "frac") else None
        if tok.kind == "part":
            r.part = tok.n
        elif tok.kind == "mer":
            r.meridiem = tok.n
        elif tok.kind == "noon":
            _set_hour(r, 12, 0, explicit=True)
        elif tok.kind == "midnight":
            r.part = NIGHT
            _set_hour(r, 12, 0)
        elif tok.kind == "half":
            _set_hour(r, tok.n, 30)
        elif tok.kind == "clock":
            explicit = tok.n == 0 or tok.n >= 13 or tok.raw.startswith("0")
            _set_hour(r, tok.n, tok.minute, explicit=explicit)
        elif tok.kind == "hourword":
            _set_hour(r, tok.n, 0, frac)
        elif tok.raw in _HOUR_WORDS and (frac is not None or _is(after, "mark")):
            _set_hour(r, _HOUR_WORDS[tok.raw][1], 0, frac)  # "tin baje", "sat baje", "সাড়ে তিন"
        elif tok.kind == "num":
            _read_number(toks, i, r, frac)
        else:
            continue
        _use(tok, before if frac is not None else None)


def _read_number(toks: list[_Tok], i: int, r: _Reading, frac: int | None) -> None:
    n = toks[i].n
    after = _at(toks, i + 1)
    if _is(after, "minute") or (r.hour is not None and r.minute == 0 and n < 60 and frac is None):
        r.minute = n  # "৩টে ১৫ মিনিট", "3 baje 15"
    elif r.hour is None and n <= 24:
        _set_hour(r, n, 0, frac)
    else:
        r.stray = True


def _set_hour(
    r: _Reading, h: int, minute: int, frac: int | None = None, explicit: bool = False
) -> None:
    if r.hour is not None:
        r.stray = True
        return
    if frac is not None:
        h, minute = (h - 1, 60 + frac) if frac < 0 else (h, frac)
        h = h or 12  # পৌনে একটা: 12:45
    r.hour, r.minute, r.explicit_24h = h, minute, explicit


def _to_24(r: _Reading) -> tuple[int, int, bool, int | None] | None:
    """(hour, days to add, ambiguous, the other reading's hour) or None for an impossible time."""
    h = r.hour
    assert h is not None
    if r.minute > 59 or h > 24 or (h == 24 and r.minute):
        return None
    if h == 24:
        return 0, 1, False, None
    if r.explicit_24h or h == 0 or h >= 13:
        return h, 0, False, None
    if r.meridiem is not None:
        return h % 12 + r.meridiem, 0, False, None
    part = r.part
    if part == DAWN:
        return h % 12, 0, False, None
    if part == MORNING:
        return h, 0, False, None  # সকাল ১২টা is noon
    if part == NOON:
        return (h + 12 if h <= 6 else h), 0, False, None
    if part in (AFTERNOON, EVENING):
        return h % 12 + 12, 0, False, None
    if part == NIGHT:
        # রাত ১২টা is the midnight that ends the day named; রাত ২টা is in the small hours after it.
        if h == 12 or h <= 4:
            return h % 12, 1, False, None
        return h + 12, 0, False, None
    if h == 12:
        return 12, 0, False, None
    # A bare 1-11: artisans' day runs 8 am to 8 pm, so 1-7 is afternoon/evening and 8-11 morning.
    # Either reading is possible, so the caller confirms.
    return (h + 12, 0, True, h) if h <= 7 else (h, 0, True, h + 12)


# --- putting it together -----------------------------------------------------------------------


def _local(moment: datetime, zone: tzinfo) -> datetime:
    return moment.replace(tzinfo=zone) if moment.tzinfo is None else moment.astimezone(zone)


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _resolve_date(r: _Reading, today: date) -> date | str | None:
    """The day the text names, an error code, or None when it names none."""
    if r.dates:
        year, month, day = r.dates[0]
        if year is not None:
            return _valid(year, month, day) or "invalid_date"
        for y in (today.year, today.year + 1):
            found = _valid(y, month, day)
            if found is not None and found >= today:
                return found
        return "invalid_date"
    if r.day_of_month is not None:
        for k in range(13):
            y, m = divmod(today.month - 1 + k, 12)
            found = _valid(today.year + y, m + 1, r.day_of_month)
            if found is not None and found >= today:
                return found
        return "invalid_date"
    if r.rel is not None:
        return today + timedelta(days=r.rel)
    if r.weekday is not None:
        ahead = (r.weekday - today.weekday()) % 7
        if ahead == 0 and not r.this_week:
            ahead = 7  # "সোমবার" said on a Monday is next week's; today is "আজ"
        return today + timedelta(days=ahead)
    return None


def parse_when(
    text: str, *, now: datetime, zone: tzinfo, need_time: bool = True, max_days: int = 366
) -> WhenParsed:
    """A date and time typed by a person, read in ``zone``; ``now`` may be in any zone (naive
    means ``zone``)."""
    return _parse(text, _local(now, zone), need_time=need_time, max_days=max_days, date_only=False)


def parse_day(text: str, *, now: datetime, zone: tzinfo, max_days: int = 366) -> WhenParsed:
    """A date only (ship-by dates): value at 00:00 in ``zone``; any time typed is ignored."""
    return _parse(text, _local(now, zone), need_time=False, max_days=max_days, date_only=True)


def next_days(now: datetime, zone: tzinfo, n: int = 7) -> list[date]:
    """Today and the n-1 days after it, in ``zone``: the choices of a "pick a day" keyboard."""
    today = _local(now, zone).date()
    return [today + timedelta(days=k) for k in range(n)]


def local_day(moment: datetime, zone: tzinfo) -> date:
    """The calendar day a moment falls on where the sellers live."""
    return _local(moment, zone).date()


def _parse(
    text: str, now: datetime, *, need_time: bool, max_days: int, date_only: bool
) -> WhenParsed:
    toks = _tokens(text)
    r = _Reading()
    _read_dates(toks, r)
    if not date_only:
        _read_time(toks, r)
    today = now.date()
    ambiguous = len(set(r.dates)) > 1
    night_owl = now.hour < NIGHT_OWL_UNTIL
    this_night = night_owl and (r.rel == 0 or not r.has_date)  # "(আজ) রাত ২টা" at 00:30
    if r.rel and night_owl and not r.counted:
        r.rel -= 1  # "কাল সকালে" at 00:30 is the coming morning
        ambiguous = True
    if not r.has_date and r.hour is None:
        return _fail("past" if r.past else "not_date")
    if r.past:
        return _fail("past")
    if r.stray:
        return _fail("not_date")
    if r.rel is not None and r.rel > max_days:
        return _fail("too_far")  # "9999 দিন পরে"
    resolved = _resolve_date(r, today) if r.has_date else today  # a time alone is for today
    if isinstance(resolved, str):
        return _fail(resolved)
    assert resolved is not None
    if resolved < today:
        return _fail("past")
    if (resolved - today).days > max_days:
        return _fail("too_far")
    if r.hour is None:
        if need_time and not date_only:
            return _fail("no_time")
        moment = datetime.combine(resolved, time(), now.tzinfo)
    else:
        clock = _to_24(r)
        if clock is None:
            return _fail("invalid_date")
        hour, shift, guessed, other = clock
        if hour and shift and r.part == NIGHT and this_night:
            shift = 0  # the small hours of the night already begun, not of the next one
        day = resolved + timedelta(days=shift)
        moment = datetime.combine(day, time(hour, r.minute), now.tzinfo)
        if guessed and other is not None and moment <= now:
            flipped = datetime.combine(day, time(other, r.minute), now.tzinfo)
            moment = flipped if flipped > now else moment  # "today 9" at 10 am: 9 pm
        ambiguous = ambiguous or guessed
        if moment <= now:
            return _fail("past")
    if (moment.date() - today).days > max_days:
        return _fail("too_far")
    return WhenParsed(moment, None, ambiguous)


# --- written back to the reader ------------------------------------------------------------------

DAY_PATTERN = {"en": "EEE d MMM", "bn": "EEEE d MMMM", "hi": "EEEE d MMMM"}
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
Label = Callable[[Choice, str], str]


def day_text(day: date, locale: str) -> str:
    """ "Thu 27 Nov" / "বৃহস্পতিবার ২৭ নভেম্বর": month and weekday names from CLDR (Babel)."""
    pattern = DAY_PATTERN.get(locale, DAY_PATTERN["en"])
    return localise_digits(format_date(day, pattern, locale=locale), locale)


def date_text(day: date, locale: str) -> str:
    """ "4 Dec 2026" / "৪ ডিসেম্বর ২০২৬": a date with its year (a rate's, a rule's)."""
    pattern = "d MMM y" if locale == "en" else "d MMMM y"
    return localise_digits(format_date(day, pattern, locale=locale), locale)


def _part(hour: int) -> str:
    """The part of the day a clock reading is said with (সকাল ১০টা, বিকেল ৩টা, 3 pm)."""
    if hour < 4:
        return "late"
    if hour < 6:
        return "dawn"
    if hour < 12:
        return "morning"
    if hour < 15:
        return "noon"
    if hour < 17:
        return "afternoon"
    if hour < 20:
        return "evening"
    return "night"


def clock_reply(moment: time | datetime, locale: str) -> Reply:
    """A clock reading as people say it ("বিকেল ৩:০০", "3:00 pm")."""
    text = f"{moment.hour % 12 or 12}:{moment.minute:02d}"
    return Reply("trn-clock", {"part": _part(moment.hour), "time": localise_digits(text, locale)})


def when_text(moment: datetime, locale: str, zone: tzinfo, label: Label) -> str:
    """A start time as plain text in ``locale`` ("Thu 27 Nov, 3:00 pm"), in ``zone``."""
    local = _local(moment, zone)
    args = {"day": day_text(local.date(), locale), "clock": clock_reply(local, locale)}
    return label(Choice("", key="trn-when", args=args), locale)


def numeric_when(moment: datetime, locale: str, zone: tzinfo) -> str:
    """A moment as day/month/year and 24-hour time, in the reader's digits."""
    return localise_digits(_local(moment, zone).strftime("%d/%m/%Y %H:%M"), locale)


def numeric_day(moment: datetime | None, locale: str, zone: tzinfo) -> str:
    """A day as day/month/year in the reader's digits; "—" for none."""
    if moment is None:
        return "—"
    return localise_digits(_local(moment, zone).strftime("%d/%m/%Y"), locale)


def short_stamp(moment: datetime | None, locale: str, zone: tzinfo) -> str:
    """day/month hour:minute, for lists of events."""
    if moment is None:
        return "—"
    return localise_digits(_local(moment, zone).strftime("%d/%m %H:%M"), locale)


def date_args(day: date) -> dict[str, Any]:
    """Arguments of every message that shows a day: { ord-weekday } { $day }/{ $month }."""
    return {"day": day.day, "month": day.month, "weekday": WEEKDAYS[day.weekday()]}
