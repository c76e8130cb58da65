"""West Bengal districts, towns and crafts (content/data), and forgiving matching of what sellers
type."""

from __future__ import annotations

import functools
import json
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

import regex
from rapidfuzz import fuzz, process

from services.text import lookup_key

DISTRICTS_FILE = "districts.json"
TOWNS_FILE = "towns.json"
CRAFTS_FILE = "crafts.json"
STATEWIDE = "*"
MAX_CRAFTS = 8
MAX_SUGGESTIONS = 3
ID_MAX_BYTES = 16
_KIND_NAMES = "metal terracotta textile mat wood painting leather food tea jute jewellery other"
KINDS = frozenset(_KIND_NAMES.split(" "))

# fuzz.ratio (normalised Indel similarity, 0-100) on the keys below. Measured on the district
# keys: one dropped, swapped or wrong letter in a 5-11 letter name scores 80-95 ("Bankra" 92,
# "Bnakura" 86, "Kolkota" 86, "Hugly" 80, "Murshidabd" 95); unrelated words mostly score 40-67
# ("Paris" 53, "London" 50, "Delhi" 57). 70 keeps the slips and drops most noise; the few
# outside names that pass ("Jaipur" ~ Alipur 83) only cost the user one "no" on a suggestion.
DISTRICT_FUZZY_CUTOFF = 70.0
# A craft is returned without confirmation, so the bar is higher: >= 85 is one extra or missing
# letter in a 6+ letter name, or one wrong letter in 7+ ("dokraa" 91, "baluchory" 89), and the
# winner must lead the next craft by 10 points ("madhur": madur 91 = madhu 91 -> None).
CRAFT_FUZZY_CUTOFF = 85.0
CRAFT_FUZZY_MARGIN = 10.0
# A town is only guessed at (offered as "did you mean", never taken) when the typed name and the
# town's are both 6+ characters and score 85+ (one wrong letter in 7: "asansal" 86, one missing
# in 8: "siligri" 93), and every town within 5 points of the best lies in the same district(s):
# a short name like "Mal", "Para" or "Hili" never swallows an unrelated word, and a slip between
# two towns of different districts guesses nothing.
TOWN_FUZZY_CUTOFF = 85.0
TOWN_FUZZY_MARGIN = 5.0
_TOWN_FUZZY_MIN_CHARS = 6
# Fewer letters than this is too little to guess from ("ko", "24", "১২৩").
_FUZZY_MIN_LETTERS = 3
_CRAFT_FUZZY_MIN_LETTERS = 4

_CODE_RE = regex.compile(r"[A-Z0-9]{3}")
_ID_RE = regex.compile(r"[a-z0-9_]+")
_HS_RE = regex.compile(r"[0-9]{4}")
_LETTER = regex.compile(r"\p{L}")
_DIGIT_EDGE = regex.compile(r"(?<=\d)(?=\p{L})|(?<=[\p{L}\p{M}])(?=\d)")
_DIRECTIONS = frozenset({"north", "south", "east", "west"})

# Word-level spellings of the same thing in district names: directions, "Parganas" and the
# two old names that are spelt many ways. Keys go through lookup_key like the input does.
_DISTRICT_WORDS: dict[str, tuple[str, ...]] = {
    "north": ("north", "uttar", "uttara", "uttor", "n", "উত্তর", "उत्तर"),
    "south": ("south", "dakshin", "dakshina", "dakhin", "dokkhin", "s", "দক্ষিণ", "দক্ষিন", "दक्षिण"),
    "east": ("east", "purba", "purbo", "poorba", "e", "পূর্ব", "পুর্ব", "पूर्व", "पूर्वी"),
    "west": ("west", "paschim", "pashchim", "poschim", "w", "পশ্চিম", "पश्चिम", "पश्चिमी"),
    "parganas": (
        "parganas",
        "pargana",
        "parganah",
        "porgona",
        "pgs",
        "pgns",
        "pg",
        "পরগনা",
        "পরগণা",
        "পরগানা",
        "परगना",
        "परगणा",
    ),
    "24": ("চব্বিশ", "chabbish", "chobbish", "चौबीस"),
    "medinipur": (
        "medinipur",
        "midnapore",
        "midnapur",
        "mednipur",
        "মেদিনীপুর",
        "মেদিনিপুর",
        "मेदिनीपुर",
        "मिदनापुर",
    ),
    "bardhaman": (
        "bardhaman",
        "barddhaman",
        "burdwan",
        "bardwan",
        "বর্ধমান",
        "বর্দ্ধমান",
        "बर्धमान",
        "बर्दवान",
        "वर्धमान",
    ),
}
_DISTRICT_SYNONYMS: dict[str, str] = {
    lookup_key(spelling): word
    for word, spellings in _DISTRICT_WORDS.items()
    for spelling in spellings
}
_DISTRICT_FILLER = frozenset(
    lookup_key(w)
    for w in (
        *("district", "dist", "distt", "jela", "jila", "zila", "zilla", "জেলা"),
        *("जिला", "ज़िला", "जिले"),
    )
)
# The order two districts sharing a name are asked in: "পূর্ব না পশ্চিম", "উত্তর না দক্ষিণ".
_DIRECTION_ORDER = ("north", "south", "east", "west")
PLACE_KINDS = frozenset({"town", "subdivision", "block", "village", "locality"})
# Among places of one name in several districts, a town or subdivision is offered first, then a
# block, then a village or locality; then the file's order.
_KIND_RANK = {"town": 0, "subdivision": 0, "block": 1, "village": 2, "locality": 2}
# Words around a place's name that say what it is, or where: dropped when the whole text names
# nothing ("Kalna 1 no block", "গ্রাম নয়া", "Jalpaiguri town").
_TOWN_WORDS = frozenset(lookup_key(w) for w in ("town", "city", "শহর", "শহরে", "शहर"))
_PLACE_FILLER = _TOWN_WORDS | frozenset(
    lookup_key(w)
    for w in (
        *("block", "blk", "subdivision", "subdiv", "sadar", "municipality", "vill", "village"),
        *("po", "ps", "post", "ব্লক", "মহকুমা", "সদর", "পৌরসভা", "গ্রাম", "থানা", "পোস্ট"),
        *("ডাকঘর", "ब्लॉक", "प्रखंड", "गांव", "गाँव"),
        # "আমি বিষ্ণুপুরে থাকি", "I live in Siliguri", "मेरा घर कालना में है"
        *("আমি", "আমার", "আমাদের", "বাড়ি", "থাকি", "থাকেন", "থেকে", "ami", "amar", "bari"),
        *("thaki", "theke", "i", "live", "living", "in", "from", "my", "home", "is", "at"),
        *("मैं", "मेरा", "मेरी", "घर", "रहता", "रहती", "हूँ", "हूं", "में", "से", "है"),
    )
)
# The state or country after a place ("Kalna, West Bengal", "বর্ধমান পশ্চিমবঙ্গ"): never part
# of a district's name, so "west" here is not Paschim.
_STATE_WORDS = frozenset(lookup_key(w) for w in ("bengal", "banga", "bangla", "bongo", "বঙ্গ"))
_COUNTRY_WORDS = frozenset(
    lookup_key(w) for w in ("wb", "india", "পশ্চিমবঙ্গ", "পশ্চিমবাংলা", "ভারত", "भारत", "बंगाल")
)
# A block's number after its name: "Kalna II", "কালনা ২ নং", "Contai-1".
_BLOCK_NUMBERS = frozenset(
    lookup_key(w) for w in ("i", "ii", "iii", "1", "2", "3", "no", "নং", "নম্বর", "number")
)
# Bengali endings on the last word: "আসানসোলে", "কালনায়", "হুগলিতে", "বর্ধমানের" (nukta
# already folded away by lookup_key).
_PLACE_ENDINGS = ("যের", "ের", "এর", "তে", "য", "ে", "র")
# Letters typed interchangeably in Bengali and Hindi place names, folded for towns only:
# ড়/র (শিলিগুড়ি, শিলিগুরি), ী/ি, ূ/ু, ণ/ন, শ/ষ/স, ঙ/ং, ৎ/ত; Devanagari likewise.
_PLACE_FOLD = str.maketrans(
    {
        "ড": "র",
        "ী": "ি",
        "ূ": "ু",
        "ণ": "ন",
        "ষ": "শ",
        "স": "শ",
        "ঙ": "ং",
        "ৎ": "ত",
        "\u093c": None,
        "\u0901": "\u0902",
        "\u0940": "\u093f",
        "\u0942": "\u0941",
        "ष": "श",
        "स": "श",
        "ण": "न",
    }
)
# Several places in one message: "Bishnupur, Bankura", "Vill Naya, PO Pingla, Dist …".
_PART_SPLIT = regex.compile(r"[,;/|\n\u0964]+")
_MAX_PARTS = 6
_MAX_COVER_TOKENS = 8
_MAX_SPAN = 4
_CRAFT_SYNONYMS: dict[str, str] = {
    lookup_key(k): lookup_key(v)
    for k, v in {"sari": "saree", "saari": "saree", "shari": "saree", "শাড়ী": "শাড়ি"}.items()
}


@dataclass(frozen=True)
class District:
    code: str
    en: str
    bn: str
    hq: str
    aliases: tuple[str, ...]

    def name(self, locale: str) -> str:
        """The district's name for a reader of ``locale`` (Bengali for bn, English otherwise)."""
        return self.bn if locale == "bn" else self.en


@dataclass(frozen=True)
class Craft:
    id: str
    en: str
    bn: str
    kind: str
    districts: tuple[str, ...]
    gi: bool
    gi_name: str | None
    gi_districts: tuple[str, ...]
    hs: str
    aliases: tuple[str, ...]
    # A GI craft's English name without its GI name, for sellers who are not registered
    # authorised users of it ("Darjeeling tea" → "Tea").
    plain_en: str | None = None
    # What this craft usually makes (ids of the glossary's "items"), offered as buttons once the
    # craft is picked, so the product type is never lost.
    items: tuple[str, ...] = ()

    @property
    def statewide(self) -> bool:
        return self.districts == (STATEWIDE,)

    def name(self, locale: str) -> str:
        """The craft's name for a reader of ``locale`` (Bengali for bn, English otherwise)."""
        return self.bn if locale == "bn" else self.en


@dataclass(frozen=True)
class Place:
    """A town, subdivision, block or village (towns.json), or a name two districts share
    ("Bardhaman": ``kinds`` is ``("district",)``), with the districts it lies in, in the order to
    offer them."""

    en: str
    bn: str
    districts: tuple[str, ...]
    kinds: tuple[str, ...]
    aliases: tuple[str, ...] = ()

    @property
    def shared_district_name(self) -> bool:
        return self.kinds == ("district",)

    def name(self, locale: str) -> str:
        """The place's name for a reader of ``locale`` (Bengali for bn, English otherwise)."""
        return self.bn if locale == "bn" else self.en


@dataclass(frozen=True)
class DistrictMatch:
    """What a seller typed for a district: ``district`` when it names one (a district, or a town
    in one district); ``choices`` when the name belongs to several (Bardhaman, a border town:
    ask which, in this order); otherwise ``suggestions``, ranked guesses at a typo. ``place`` is
    the town or shared name that was recognised, if any."""

    district: District | None
    suggestions: tuple[District, ...] = ()
    choices: tuple[District, ...] = ()
    place: Place | None = None


@dataclass(frozen=True)
class _Index:
    exact: Mapping[str, str]
    fuzzy_keys: tuple[str, ...]
    fuzzy_owners: tuple[str, ...]


@dataclass(frozen=True)
class _Districts:
    all: tuple[District, ...]
    by_code: Mapping[str, District]
    index: _Index
    # A name minus its direction word ("24 parganas", "dinajpur") -> the districts sharing it.
    bases: Mapping[str, tuple[str, ...]]
    # The same, as a place to name in a question ("বর্ধমান"), districts in _DIRECTION_ORDER.
    shared: Mapping[str, Place]
    # Headquarters named like a shared name ("medinipur" -> PME): only with "town" ("Medinipur
    # town"); alone the name asks.
    hq_towns: Mapping[str, str]


@dataclass(frozen=True)
class _Towns:
    all: tuple[Place, ...]
    # Key -> the places named so, ranked (_KIND_RANK, then file order).
    exact: Mapping[str, tuple[Place, ...]]
    fuzzy_keys: tuple[str, ...]
    checked_on: str


@dataclass(frozen=True)
class _Crafts:
    all: tuple[Craft, ...]
    by_id: Mapping[str, Craft]
    index: _Index


# --- keys ---------------------------------------------------------------------------------


def _tokens(text: str, synonyms: Mapping[str, str], filler: frozenset[str]) -> list[str]:
    key = _DIGIT_EDGE.sub(" ", lookup_key(text))
    return [synonyms.get(t, t) for t in key.split() if t not in filler]


def _keys(tokens: list[str]) -> tuple[str, ...]:
    """Word order ignored ("24 pgs north"), and spacing ignored ("Coochbehar")."""
    if not tokens:
        return ()
    canonical = " ".join(sorted(tokens))
    compact = "".join(tokens)
    return (canonical,) if canonical == compact else (canonical, compact)


def _district_keys(text: str) -> tuple[str, ...]:
    return _keys(_tokens(text, _DISTRICT_SYNONYMS, _DISTRICT_FILLER))


def _place_tokens(text: str) -> list[str]:
    return _tokens(text, _DISTRICT_SYNONYMS, _DISTRICT_FILLER)


def _folded(tokens: list[str]) -> list[str]:
    return [t.translate(_PLACE_FOLD) for t in tokens]


def _town_keys(text: str) -> tuple[str, ...]:
    return _keys(_folded(_place_tokens(text)))


def _without_state(tokens: list[str]) -> list[str]:
    """The tokens without "West Bengal", "পশ্চিমবঙ্গ", "India" ("west" there is no direction)."""
    out: list[str] = []
    for token in tokens:
        if token in _STATE_WORDS:
            if out and out[-1] == "west":
                out.pop()
            continue
        if token not in _COUNTRY_WORDS:
            out.append(token)
    return out


def _is_filler(token: str) -> bool:
    """A word around a place's name: "block", "গ্রাম", a block's "II", a PIN code."""
    return (
        token in _PLACE_FILLER or token in _BLOCK_NUMBERS or (token.isdigit() and len(token) >= 3)
    )


def _bare(tokens: list[str]) -> list[str]:
    """The name without the state, words like "block" or "town", PIN codes and a trailing block
    number ("কালনা ২ নং ব্লক" -> কালনা)."""
    out = [
        t
        for t in _without_state(tokens)
        if t not in _PLACE_FILLER and not (t.isdigit() and len(t) >= 3)
    ]
    while len(out) > 1 and out[-1] in _BLOCK_NUMBERS:
        out.pop()
    return out


def _without_ending(token: str, endings: tuple[str, ...]) -> tuple[str, ...]:
    """The word without one of these Bengali endings, at least two letters left: a place
    without "in" or "of" (আসানসোলে, কালনায়, হুগলিতে), a craft without its case (ডোকরার)."""
    return tuple(
        token[: -len(ending)]
        for ending in endings
        if token.endswith(ending) and len(token) - len(ending) >= 2
    )


_CASE_ENDINGS = ("য়ের", "ের", "এর", "র", "য়", "ে")


def _craft_keys(text: str) -> tuple[str, ...]:
    return _keys(_tokens(text, _CRAFT_SYNONYMS, frozenset()))


def _letters(key: str) -> int:
    return len(_LETTER.findall(key))


def _fuzzy(keys: tuple[str, ...], index: _Index, cutoff: float) -> list[tuple[str, float]]:
    """Owners scoring at least ``cutoff`` against any of ``keys``, best first, each once."""
    best: dict[str, float] = {}
    for key in keys:
        for _choice, score, i in process.extract(
            key, index.fuzzy_keys, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None
        ):
            owner = index.fuzzy_owners[i]
            best[owner] = max(best.get(owner, 0.0), score)
    return sorted(best.items(), key=lambda item: -item[1])


# --- loading and validation ----------------------------------------------------------------


def _read(name: str) -> list[Any]:
    path = resources.files("content") / "data" / name
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise ValueError(f"{name}: expected a JSON list of objects")
    return data


def _str(source: str, label: str, entry: Mapping[str, Any], field: str) -> str:
    value = entry.get(field)
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{source}: entry {label}: {field!r} must be a non-empty string")
    if unicodedata.normalize("NFC", value) != value:
        raise ValueError(f"{source}: entry {label}: {field!r} is not NFC: {value!r}")
    return value


def _strs(source: str, label: str, entry: Mapping[str, Any], field: str) -> tuple[str, ...]:
    value = entry.get(field)
    if not isinstance(value, list):
        raise ValueError(f"{source}: entry {label}: {field!r} must be a list of strings")
    return tuple(_str(source, label, {field: item}, field) for item in value)


def _build_index(
    source: str,
    owners: Iterable[tuple[str, Iterable[str]]],
    keys_of: Callable[[str], tuple[str, ...]],
) -> _Index:
    exact: dict[str, str] = {}
    for owner, names in owners:
        for name in names:
            keys = keys_of(name)
            if not keys:
                raise ValueError(f"{source}: entry {owner!r}: name {name!r} has no letters")
            for key in keys:
                other = exact.setdefault(key, owner)
                if other != owner:
                    raise ValueError(
                        f"{source}: entry {owner!r}: name {name!r} is also a name of {other!r}"
                    )
    return _Index(exact, tuple(exact), tuple(exact.values()))


def _parse_districts(raw: list[Any], source: str = DISTRICTS_FILE) -> _Districts:
    out: list[District] = []
    by_code: dict[str, District] = {}
    for i, entry in enumerate(raw):
        label = repr(entry.get("code")) if isinstance(entry, dict) else f"#{i}"
        if not isinstance(entry, dict):
            raise ValueError(f"{source}: entry {label}: expected an object")
        code = _str(source, label, entry, "code")
        if not _CODE_RE.fullmatch(code):
            raise ValueError(f"{source}: entry {label}: code must be 3 capitals or digits")
        if code in by_code:
            raise ValueError(f"{source}: entry {label}: duplicate code")
        district = District(
            code=code,
            en=_str(source, label, entry, "en"),
            bn=_str(source, label, entry, "bn"),
            hq=_str(source, label, entry, "hq"),
            aliases=_strs(source, label, entry, "aliases"),
        )
        out.append(district)
        by_code[code] = district

    def names(d: District) -> tuple[str, ...]:
        return (d.en, d.bn, *d.aliases)

    bases: dict[str, list[str]] = {}
    for d in out:
        for name in (*names(d), d.hq):
            tokens = _tokens(name, _DISTRICT_SYNONYMS, _DISTRICT_FILLER)
            rest = [t for t in tokens if t not in _DIRECTIONS]
            if rest and len(rest) < len(tokens):
                codes = bases.setdefault(" ".join(sorted(rest)), [])
                if d.code not in codes:
                    codes.append(d.code)
    shared = {
        key: _shared_place([by_code[c] for c in codes])
        for key, codes in bases.items()
        if len(codes) > 1
    }

    # A name the districts share names neither of them: "Bardhaman" asks, even though it is
    # Purba Bardhaman's headquarters (that one only as "Bardhaman town").
    def shared_by(name: str) -> Place | None:
        keys = _district_keys(name)
        return shared.get(keys[0]) if keys else None

    hq_towns: dict[str, str] = {}
    for d in out:
        for name in names(d):
            if (place := shared_by(name)) is not None:
                raise ValueError(
                    f"{source}: entry {d.code!r}: name {name!r} is shared by "
                    f"{', '.join(place.districts)}, so it cannot name one of them"
                )
        if shared_by(d.hq) is not None:
            hq_towns[_district_keys(d.hq)[0]] = d.code
    index = _build_index(
        source,
        ((d.code, names(d) if shared_by(d.hq) else (*names(d), d.hq)) for d in out),
        _district_keys,
    )
    return _Districts(
        tuple(out), by_code, index, {k: tuple(v) for k, v in bases.items()}, shared, hq_towns
    )


def _direction(d: District) -> int:
    tokens = _tokens(d.en, _DISTRICT_SYNONYMS, _DISTRICT_FILLER)
    found = [_DIRECTION_ORDER.index(t) for t in tokens if t in _DIRECTIONS]
    return found[0] if found else len(_DIRECTION_ORDER)


def _shared_place(sharing: list[District]) -> Place:
    """The name two districts share, as a place: "বর্ধমান" for Purba and Paschim Bardhaman."""
    ordered = sorted(sharing, key=_direction)  # stable: the file's order among equals

    def bare(name: str) -> str:
        kept = [w for w in name.split() if _DISTRICT_SYNONYMS.get(lookup_key(w)) not in _DIRECTIONS]
        return " ".join(kept)

    first = ordered[0]
    return Place(
        en=bare(first.en),
        bn=bare(first.bn),
        districts=tuple(d.code for d in ordered),
        kinds=("district",),
    )


_DATE_RE = regex.compile(r"\d{4}-\d{2}-\d{2}")
_TOWN_FIELDS = frozenset({"en", "bn", "districts", "kinds", "aliases", "note"})


def _parse_towns(raw: Any, districts: _Districts, source: str = TOWNS_FILE) -> _Towns:
    if not isinstance(raw, dict) or not isinstance(raw.get("places"), list):
        raise ValueError(f"{source}: expected an object with a 'places' list")
    checked_on = raw.get("checked_on")
    if not isinstance(checked_on, str) or not _DATE_RE.fullmatch(checked_on):
        raise ValueError(f"{source}: 'checked_on' must be a date, YYYY-MM-DD")
    out: list[Place] = []
    ranked: dict[str, list[tuple[int, int, Place]]] = {}
    for i, entry in enumerate(raw["places"]):
        label = repr(entry.get("en")) if isinstance(entry, dict) else f"#{i}"
        if not isinstance(entry, dict):
            raise ValueError(f"{source}: entry {label}: expected an object")
        if unknown := sorted(set(entry) - _TOWN_FIELDS):
            raise ValueError(f"{source}: entry {label}: unknown fields {unknown}")
        codes = _strs(source, label, entry, "districts")
        if not codes or len(set(codes)) < len(codes):
            raise ValueError(
                f"{source}: entry {label}: districts must be distinct codes, 1 or more"
            )
        if missing := [c for c in codes if c not in districts.by_code]:
            raise ValueError(f"{source}: entry {label}: unknown district codes {missing}")
        kinds = _strs(source, label, entry, "kinds")
        if not kinds or not set(kinds) <= PLACE_KINDS:
            raise ValueError(
                f"{source}: entry {label}: kinds must be some of {sorted(PLACE_KINDS)}"
            )
        if "note" in entry:
            _str(source, label, entry, "note")
        place = Place(
            en=_str(source, label, entry, "en"),
            bn=_str(source, label, entry, "bn"),
            districts=codes,
            kinds=kinds,
            aliases=_strs(source, label, entry, "aliases"),
        )
        rank = min(_KIND_RANK[k] for k in kinds)
        for name in (place.en, place.bn, *place.aliases):
            _check_town_name(source, label, name, codes, districts)
            for key in _town_keys(name):
                places = ranked.setdefault(key, [])
                if all(p is not place for _, _, p in places):
                    places.append((rank, i, place))
        out.append(place)
    exact = {
        key: tuple(p for _, _, p in sorted(places, key=lambda item: item[:2]))
        for key, places in ranked.items()
    }
    fuzzy = tuple(k for k in exact if len(k.replace(" ", "")) >= _TOWN_FUZZY_MIN_CHARS)
    return _Towns(tuple(out), exact, fuzzy, checked_on)


def _check_town_name(
    source: str, label: str, name: str, codes: tuple[str, ...], districts: _Districts
) -> None:
    """A town may carry a district's own name only in that district ("Purulia" the town), and
    a name two districts share only in them ("Bardhaman": Burdwan I and II blocks)."""
    keys = _district_keys(name)
    if not keys:
        raise ValueError(f"{source}: entry {label}: name {name!r} has no letters")
    for key in keys:
        owner = districts.index.exact.get(key)
        if owner is not None and codes != (owner,):
            raise ValueError(
                f"{source}: entry {label}: name {name!r} is the name of district {owner!r}"
            )
    place = districts.shared.get(keys[0])
    if place is not None and not set(codes) <= set(place.districts):
        raise ValueError(
            f"{source}: entry {label}: name {name!r} is shared by {', '.join(place.districts)}"
        )


def _parse_crafts(raw: list[Any], codes: Iterable[str], source: str = CRAFTS_FILE) -> _Crafts:
    known = frozenset(codes)
    out: list[Craft] = []
    by_id: dict[str, Craft] = {}
    for i, entry in enumerate(raw):
        label = repr(entry.get("id")) if isinstance(entry, dict) else f"#{i}"
        if not isinstance(entry, dict):
            raise ValueError(f"{source}: entry {label}: expected an object")
        craft_id = _str(source, label, entry, "id")
        if not _ID_RE.fullmatch(craft_id) or len(craft_id.encode()) > ID_MAX_BYTES:
            raise ValueError(
                f"{source}: entry {label}: id must be a-z, 0-9 or _ and at most "
                f"{ID_MAX_BYTES} bytes (it goes into Telegram callback data)"
            )
        if craft_id in by_id:
            raise ValueError(f"{source}: entry {label}: duplicate id")
        kind = _str(source, label, entry, "kind")
        if kind not in KINDS:
            raise ValueError(f"{source}: entry {label}: unknown kind {kind!r}")
        districts = _strs(source, label, entry, "districts")
        gi_districts = _strs(source, label, entry, "gi_districts")
        for field, values in (("districts", districts), ("gi_districts", gi_districts)):
            if STATEWIDE in values and len(values) > 1:
                raise ValueError(f"{source}: entry {label}: {field} mixes '*' with codes")
            unknown = [c for c in values if c != STATEWIDE and c not in known]
            if unknown:
                raise ValueError(f"{source}: entry {label}: unknown district codes {unknown}")
        if not districts:
            raise ValueError(f"{source}: entry {label}: districts is empty")
        gi = entry.get("gi")
        if not isinstance(gi, bool):
            raise ValueError(f"{source}: entry {label}: 'gi' must be true or false")
        gi_name = _str(source, label, entry, "gi_name") if gi else entry.get("gi_name")
        if gi:
            if not gi_districts or not (
                set(gi_districts) <= set(districts) or districts == (STATEWIDE,)
            ):
                raise ValueError(
                    f"{source}: entry {label}: gi_districts must be a non-empty subset of districts"
                )
        elif gi_name is not None or gi_districts:
            raise ValueError(f"{source}: entry {label}: gi_name/gi_districts set but gi is false")
        hs = _str(source, label, entry, "hs")
        if not _HS_RE.fullmatch(hs):
            raise ValueError(f"{source}: entry {label}: hs must be a 4-digit heading")
        items = _strs(source, label, entry, "items") if "items" in entry else ()
        bad = [i for i in items if not _ID_RE.fullmatch(i) or len(i.encode()) > ID_MAX_BYTES]
        if bad:
            raise ValueError(f"{source}: entry {label}: item ids {bad} must be a-z, 0-9 or _")
        craft = Craft(
            id=craft_id,
            en=_str(source, label, entry, "en"),
            bn=_str(source, label, entry, "bn"),
            kind=kind,
            districts=districts,
            gi=gi,
            gi_name=gi_name,
            gi_districts=gi_districts,
            hs=hs,
            aliases=_strs(source, label, entry, "aliases"),
            items=items,
            plain_en=_str(source, label, entry, "plain_en") if gi else None,
        )
        out.append(craft)
        by_id[craft_id] = craft
    index = _build_index(source, ((c.id, (c.id, c.en, c.bn, *c.aliases)) for c in out), _craft_keys)
    return _Crafts(tuple(out), by_id, index)


@functools.cache
def _district_data() -> _Districts:
    return _parse_districts(_read(DISTRICTS_FILE))


@functools.cache
def _town_data() -> _Towns:
    path = resources.files("content") / "data" / TOWNS_FILE
    return _parse_towns(json.loads(path.read_text(encoding="utf-8")), _district_data())


@functools.cache
def _craft_data() -> _Crafts:
    return _parse_crafts(_read(CRAFTS_FILE), _district_data().by_code)


# --- public API ----------------------------------------------------------------------------


def districts() -> tuple[District, ...]:
    """All 23 districts, alphabetical by English name (the order of the file)."""
    return _district_data().all


def districts_for_reader(locale: str) -> tuple[District, ...]:
    """The districts in the reader's alphabetical order: Bengali names in Bengali order for a
    Bengali reader (Unicode orders the Bengali letters as the alphabet does), English
    otherwise."""
    return tuple(sorted(districts(), key=lambda d: unicodedata.normalize("NFC", d.name(locale))))


def district(code: str) -> District | None:
    return _district_data().by_code.get(code)


def towns() -> tuple[Place, ...]:
    """Every town, subdivision, block and village of towns.json, in the file's order."""
    return _town_data().all


def towns_checked_on() -> str:
    """When towns.json was last checked against its sources (YYYY-MM-DD)."""
    return _town_data().checked_on


def match_district(text: str) -> DistrictMatch:
    """What the seller typed, in Bengali, Latin or Devanagari letters, read as a district.

    A district's name or headquarters, or a town, subdivision or block of one district, gives that
    district. A name of several ("Bardhaman", "Dinajpur", the border town Siliguri, Bishnupur of
    Bankura and of South 24 Parganas) gives them as ``choices`` to ask between. Several places
    named together settle it where they agree ("Bishnupur, Bankura"). Otherwise up to 3 guesses
    at a typo: the districts' names as before, then a town's only when the guess is clear.
    """
    named = _resolve(text)
    if named is not None:
        return _as_match(named)
    data = _district_data()
    keys = _district_keys(text)
    if not keys:
        return DistrictMatch(None)
    found, complete = _named_parts(text)
    if found:
        return _combine(found, complete)
    if _letters(keys[0]) < _FUZZY_MIN_LETTERS:
        return DistrictMatch(None)
    ranked = _fuzzy(keys, data.index, DISTRICT_FUZZY_CUTOFF) + _fuzzy_town(text)
    ranked.sort(key=lambda item: -item[1])  # stable: a district's own name first on a tie
    codes = _codes_of((code,) for code, _ in ranked)
    return DistrictMatch(None, tuple(data.by_code[c] for c in codes[:MAX_SUGGESTIONS]))


@dataclass(frozen=True)
class _Named:
    """The district(s) one name stands for, and the town or shared name it was, if any."""

    codes: tuple[str, ...]
    place: Place | None = None


def _codes_of(groups: Iterable[tuple[str, ...]]) -> tuple[str, ...]:
    """The codes of several places or names, each once, in order."""
    codes: list[str] = []
    for group in groups:
        codes += [c for c in group if c not in codes]
    return tuple(codes)


def _named(tokens: list[str], *, town_word: bool = False) -> _Named | None:
    """What these words name exactly: a district, a name districts share, or a town."""
    if not tokens:
        return None
    data = _district_data()
    keys = _keys(tokens)
    for key in keys:
        if key in data.index.exact:
            return _Named((data.index.exact[key],))
    shared = data.shared.get(keys[0])
    if shared is not None:
        if town_word and keys[0] in data.hq_towns:
            return _Named((data.hq_towns[keys[0]],))
        return _Named(shared.districts, shared)
    found = _town_data().exact
    for key in _keys(_folded(tokens)):
        if key in found:
            # Named in the question as typed where one of them is spelt so ("Jaipur", Purulia's,
            # not Bankura's "Joypur").
            shown = next((p for p in found[key] if key in _town_keys(p.en)), found[key][0])
            return _Named(_codes_of(p.districts for p in found[key]), shown)
    return None


def _variants(text: str) -> Iterator[tuple[list[str], bool]]:
    """The words as typed; then without "block", "town", the state, a block's number; then
    without a Bengali ending on the last word. With whether a word like "town" was there."""
    tokens = _place_tokens(text)
    yield tokens, False
    town_word = any(t in _TOWN_WORDS for t in tokens)
    bare = _bare(tokens)
    if bare and bare != tokens:
        yield bare, town_word
    if bare:
        for form in _without_ending(bare[-1], _PLACE_ENDINGS):
            yield [*bare[:-1], _DISTRICT_SYNONYMS.get(form, form)], town_word


def _resolve(text: str) -> _Named | None:
    for tokens, town_word in _variants(text):
        if (named := _named(tokens, town_word=town_word)) is not None:
            return named
    return None


def _covered(tokens: list[str]) -> list[_Named] | None:
    """Several names one after another with nothing else ("Bishnupur Bankura", "কালনা ২ নং
    ব্লক পূর্ব বর্ধমান"), longest first from the left; None if any word is not part of one."""
    tokens = _without_state(tokens)
    if not 2 <= len(tokens) <= _MAX_COVER_TOKENS:
        return None
    found: list[_Named] = []
    i = 0
    while i < len(tokens):
        for size in range(min(_MAX_SPAN, len(tokens) - i), 0, -1):
            span = tokens[i : i + size]
            forms = [span]
            if size == 1:
                forms += [
                    [_DISTRICT_SYNONYMS.get(f, f)] for f in _without_ending(span[0], _PLACE_ENDINGS)
                ]
            named = next((n for f in forms if (n := _named(f)) is not None), None)
            if named is not None:
                found.append(named)
                i += size
                break
        else:
            if not _is_filler(tokens[i]):
                return None
            i += 1
    return found


def _named_parts(text: str) -> tuple[list[_Named], bool]:
    """The places named in a text of several parts ("Vill Naya, PO Pingla, Dist Paschim
    Medinipur") or of several names in a row, and whether every part was understood (a part
    of only "West Bengal" or a PIN code counts as understood)."""
    parts = [part for part in _PART_SPLIT.split(text) if part.strip()]
    if len(parts) < 2:
        covered = _covered(_place_tokens(text))
        return (covered, True) if covered else ([], False)
    found: list[_Named] = []
    complete = len(parts) <= _MAX_PARTS
    for part in parts[:_MAX_PARTS]:
        tokens = _place_tokens(part)
        named = _resolve(part)
        covered = [named] if named is not None else _covered(tokens)
        if covered:
            found += covered
        elif _bare(tokens):
            complete = False
    return found, complete


def _combine(found: list[_Named], complete: bool) -> DistrictMatch:
    """The district all the names agree on, or the ones they share, to ask between. When they
    disagree ("Kalna, Nadia"), or words around them were not understood ("Bankura <b>"), they
    are only offered as guesses."""
    common = [c for c in found[0].codes if all(c in n.codes for n in found[1:])]
    if complete and len(common) == 1:
        place = next((n.place for n in found if n.codes == (common[0],) and n.place), None)
        return _as_match(_Named((common[0],), place))
    asked = next((n for n in found if n.place is not None and set(n.codes) == set(common)), None)
    if complete and common and asked is not None:
        return _as_match(asked)
    by_code = _district_data().by_code
    codes = common if common else _codes_of(n.codes for n in found)
    return DistrictMatch(None, tuple(by_code[c] for c in codes[:MAX_SUGGESTIONS]))


def _as_match(named: _Named) -> DistrictMatch:
    by_code = _district_data().by_code
    if len(named.codes) == 1:
        return DistrictMatch(by_code[named.codes[0]], place=named.place)
    return DistrictMatch(None, choices=tuple(by_code[c] for c in named.codes), place=named.place)


def _fuzzy_town(text: str) -> list[tuple[str, float]]:
    """The district(s) of the one town the text is a slip for, with its score; or nothing (see
    TOWN_FUZZY_CUTOFF)."""
    bare = _folded(_bare(_place_tokens(text)))
    if len("".join(bare)) < _TOWN_FUZZY_MIN_CHARS:
        return []
    data = _town_data()
    best: dict[str, float] = {}
    for key in _keys(bare):
        for choice, score, _ in process.extract(
            key,
            data.fuzzy_keys,
            scorer=fuzz.ratio,
            score_cutoff=TOWN_FUZZY_CUTOFF - TOWN_FUZZY_MARGIN,
            limit=None,
        ):
            best[choice] = max(best.get(choice, 0.0), score)
    top = max(best.values(), default=0.0)
    if top < TOWN_FUZZY_CUTOFF:
        return []
    near = {
        _codes_of(p.districts for p in data.exact[k])
        for k, score in best.items()
        if score >= top - TOWN_FUZZY_MARGIN
    }
    return [(code, top) for code in near.pop()] if len(near) == 1 else []


def crafts_for(district_code: str | None) -> tuple[Craft, ...]:
    """The district's own crafts (GI ones first), then statewide ones; at most 8.

    ``None`` or an unknown code gives the statewide crafts only.
    """
    every = _craft_data().all
    local = [c for c in every if district_code is not None and district_code in c.districts]
    local.sort(key=lambda c: not c.gi)
    statewide = [c for c in every if c.statewide]
    return tuple((local + statewide)[:MAX_CRAFTS])


def crafts() -> tuple[Craft, ...]:
    """Every craft of the glossary, in the file's order."""
    return _craft_data().all


def craft(craft_id: str) -> Craft | None:
    return _craft_data().by_id.get(craft_id)


def match_craft(text: str) -> Craft | None:
    """A craft named exactly (any spelling in the glossary), or one clear fuzzy winner, or the
    one craft a single word names ("ডোকরার হাতি": Dokra's elephant), or None."""
    data = _craft_data()
    keys = _craft_keys(text)
    for key in keys:
        if key in data.index.exact:
            return data.by_id[data.index.exact[key]]
    # A district's craft named in a few words beats a fuzzy guess at the whole text; a
    # statewide one only when the guess finds nothing ("terracota horse" is Bankura's horse).
    named = _craft_in_a_word(text)
    if named is not None and not named.statewide:
        return named
    return _fuzzy_craft(keys) or named


def _fuzzy_craft(keys: tuple[str, ...]) -> Craft | None:
    data = _craft_data()
    if not keys or _letters(keys[0]) < _CRAFT_FUZZY_MIN_LETTERS:
        return None
    ranked = _fuzzy(keys, data.index, CRAFT_FUZZY_CUTOFF - CRAFT_FUZZY_MARGIN)
    if not ranked or ranked[0][1] < CRAFT_FUZZY_CUTOFF:
        return None
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < CRAFT_FUZZY_MARGIN:
        return None
    return data.by_id[ranked[0][0]]


def _craft_in_a_word(text: str) -> Craft | None:
    """The craft that a few words of the text name exactly, Bengali's possessive ending taken
    off the last ("নকশি কাঁথার কুশন": Nakshi kantha, not plain kantha): the longest naming
    wins; None when nothing or several crafts are named at that length."""
    data = _craft_data()
    tokens = _tokens(text, _CRAFT_SYNONYMS, frozenset())
    named: set[str] = set()
    for size in (3, 2, 1):
        for i in range(len(tokens) - size + 1):
            head, last = tokens[i : i + size - 1], tokens[i + size - 1]
            for form in (last, *_without_ending(last, _CASE_ENDINGS)):
                for key in _keys([*head, form]):
                    if key in data.index.exact:
                        named.add(data.index.exact[key])
    # A district's own craft is the more specific: "Dhonekhali handloom cotton saree" is a
    # Dhaniakhali saree before it is any tant; "নকশি কাঁথা" before kantha.
    local = {c for c in named if not data.by_id[c].statewide}
    found = local or named
    return data.by_id[found.pop()] if len(found) == 1 else None


# --- names as a reader sees them --------------------------------------------------------------


def district_name(code: str | None, locale: str) -> str:
    """A district's name for a reader of ``locale``; an unknown code as it is."""
    found = district(code) if code else None
    return found.name(locale) if found is not None else (code or "")


def district_names(codes: Iterable[str], locale: str) -> str:
    """Several districts, comma-separated, in the order given."""
    return ", ".join(district_name(code, locale) for code in codes)


def craft_name(craft_id: str | None, craft_text: str | None, locale: str) -> str | None:
    """A seller's craft: the glossary's name when it is one we know, else their own words."""
    found = craft(craft_id) if craft_id else None
    return found.name(locale) if found is not None else craft_text


def craft_answer_name(value: Any, locale: str) -> str | None:
    """The name of a craft answer as the flows store it: ``{"id": …}`` or ``{"text": …}``."""
    if not isinstance(value, dict):
        return None
    return craft_name(value.get("id"), value.get("text"), locale)
