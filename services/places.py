"""West Bengal districts and crafts (content/data), and forgiving matching of what sellers type."""

from __future__ import annotations

import functools
import json
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

import regex
from rapidfuzz import fuzz, process

from services.text import lookup_key

DISTRICTS_FILE = "districts.json"
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
    "north": ("north", "uttar", "uttara", "uttor", "n", "উত্তর"),
    "south": ("south", "dakshin", "dakshina", "dakhin", "dokkhin", "s", "দক্ষিণ", "দক্ষিন"),
    "east": ("east", "purba", "purbo", "poorba", "e", "পূর্ব", "পুর্ব"),
    "west": ("west", "paschim", "pashchim", "poschim", "w", "পশ্চিম"),
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
    ),
    "24": ("চব্বিশ", "chabbish", "chobbish"),
    "medinipur": ("medinipur", "midnapore", "midnapur", "mednipur", "মেদিনীপুর", "মেদিনিপুর"),
    "bardhaman": ("bardhaman", "barddhaman", "burdwan", "bardwan", "বর্ধমান", "বর্দ্ধমান"),
}
_DISTRICT_SYNONYMS: dict[str, str] = {
    lookup_key(spelling): word
    for word, spellings in _DISTRICT_WORDS.items()
    for spelling in spellings
}
_DISTRICT_FILLER = frozenset(
    lookup_key(w) for w in ("district", "dist", "distt", "jela", "jila", "zila", "zilla", "জেলা")
)
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
class DistrictMatch:
    """``district`` when the text names one district exactly; otherwise ranked guesses."""

    district: District | None
    suggestions: tuple[District, ...] = ()


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


_CASE_ENDINGS = ("য়ের", "ের", "এর", "র", "য়", "ে")


def _without_case_ending(token: str) -> tuple[str, ...]:
    """The word without a Bengali possessive or locative ending (ডোকরার → ডোকরা)."""
    return tuple(
        token[: -len(ending)]
        for ending in _CASE_ENDINGS
        if token.endswith(ending) and len(token) - len(ending) >= 2
    )


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
        return (d.en, d.bn, d.hq, *d.aliases)

    index = _build_index(source, ((d.code, names(d)) for d in out), _district_keys)
    bases: dict[str, list[str]] = {}
    for d in out:
        for name in names(d):
            tokens = _tokens(name, _DISTRICT_SYNONYMS, _DISTRICT_FILLER)
            rest = [t for t in tokens if t not in _DIRECTIONS]
            if rest and len(rest) < len(tokens):
                codes = bases.setdefault(" ".join(sorted(rest)), [])
                if d.code not in codes:
                    codes.append(d.code)
    return _Districts(tuple(out), by_code, index, {k: tuple(v) for k, v in bases.items()})


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


def match_district(text: str) -> DistrictMatch:
    """What the seller typed, in Bengali or Latin letters, as one district or up to 3 guesses."""
    data = _district_data()
    keys = _district_keys(text)
    for key in keys:
        if key in data.index.exact:
            return DistrictMatch(data.by_code[data.index.exact[key]])
    if not keys:
        return DistrictMatch(None)
    shared = data.bases.get(keys[0])
    if shared:
        return DistrictMatch(None, tuple(data.by_code[c] for c in shared))
    if _letters(keys[0]) < _FUZZY_MIN_LETTERS:
        return DistrictMatch(None)
    ranked = _fuzzy(keys, data.index, DISTRICT_FUZZY_CUTOFF)
    return DistrictMatch(None, tuple(data.by_code[c] for c, _ in ranked[:MAX_SUGGESTIONS]))


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
            for form in (last, *_without_case_ending(last)):
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
