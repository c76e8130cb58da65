"""English marketplace listings composed from what sellers said in Bengali, Hindi or English."""

from __future__ import annotations

import functools
import json
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

import regex
from indic_transliteration import sanscript

from services import places
from services.catalogue import Listing, ProductFacts, Size
from services.places import STATEWIDE, Craft, District
from services.text import ascii_digits, clean, english_zipf, lookup_key, words

GLOSSARY_FILE = "glossary.json"
# Amazon listing limits, domain-notes §3.
TITLE_MAX_CHARS = 200  # including spaces
# Amazon recommends under 80; brand + craft + type + material + size + colour rarely fits 80,
# so optional parts are added only while the title stays within 120.
TITLE_TARGET_CHARS = 120
# A longer business name (a cooperative's full registered name) would push the craft out of the
# title; it stays in brand_en and the description instead.
TITLE_BRAND_MAX_CHARS = 50
MAX_REPEATS = 2  # a word may appear at most twice, articles/prepositions/conjunctions excepted
MAX_BULLETS = 5
BULLET_MAX_CHARS = 250  # sources say 250 or 500; 250 is safe everywhere
KEYWORDS_MAX_BYTES = 249  # "under 250 bytes" of UTF-8
CM_PER_INCH = 2.54
GRAMS_PER_POUND = 453.59237
GRAMS_PER_OUNCE = 28.349523125

COUNTRY = "India"
STATE = "West Bengal"
# Words Amazon's rules exempt from the twice-only limit, and that keywords never need.
SMALL_WORDS = frozenset(
    {"a", "an", "the", "and", "or", "nor", "but", "for", "of", "with", "in", "on", "to", "by", "at"}
    | {"from", "x"}
)
# Promotional words Amazon bars from titles; also useless as search terms.
PROMOTIONAL = frozenset(
    {"best", "bestseller", "bestselling", "sale", "offer", "offers", "discount", "discounted"}
    | {"cheap", "cheapest", "free", "deal", "deals", "hot", "guaranteed", "guarantee", "limited"}
    | {"hurry", "amazing", "premium"}
)
# Crafts that are handmade by definition (cast, fired, woven, painted, carved, plaited by hand).
# Jute, leather and jewellery are often partly machine-made, and food is not "handmade".
HANDMADE_KINDS = frozenset({"terracotta", "metal", "mat", "wood", "painting", "textile", "other"})
HANDMADE = "Handmade"
FALLBACK_THING = "Handicraft"  # the title's subject when the seller named neither craft nor thing
# The material a craft is made of when the seller did not say.
KIND_MATERIALS = {"terracotta": "terracotta clay", "leather": "leather", "jute": "jute"}
UNFIRED_CLAY = "clay"  # মাটি: sun-dried (Krishnanagar dolls) unless a terracotta craft fires it
# Words of a craft's name that say nothing once the product type is known ("Jute goods" + bag).
_GENERIC_CRAFT_WORDS = frozenset({"craft", "crafts", "goods", "work", "art"})
# gold and silver jewellery is 7113, imitation jewellery 7117 (HS descriptions, domain-notes §2).
_PRECIOUS = frozenset({"gold", "silver"})
_IMITATION_JEWELLERY, _PRECIOUS_JEWELLERY = "7117", "7113"

_SECTIONS = ("materials", "colours", "colour_modifiers", "features", "product_types", "motifs")
_WHAT_SECTIONS = ("product_types", "materials", "features", "colour_modifiers", "colours")
_SPECIAL_SECTIONS = ("features", "motifs", "materials", "product_types", "colours")
# Proper names buyers search for (Dokra, Baluchari, Himsagar) are found in every answer and kept
# in their one accepted spelling.
_NAMES = "names"
# A Latin word the glossary does not know is kept only when it is an everyday English word
# (Zipf frequency ≥ 3: once per million words or more); "tanter", "garur", "saj" are left out.
ENGLISH_ZIPF = 3.0
_HS = regex.compile(r"[0-9]{4}")
# Inflections stripped from a word that is not in the glossary as typed: পিতলের → পিতল,
# মাটির → মাটি, ঘোড়াটা → ঘোড়া, bags → bag. Longest first; folded like the keys.
_SUFFIXES = tuple(
    lookup_key(s)
    for s in ("য়ের", "গুলো", "গুলি", "খানা", "দের", "ের", "এর", "টি", "টা", "তে", "র", "ে", "es", "s")
)

# --- seller text: markup, contacts, emoji ------------------------------------------------------

_TAG = regex.compile(r"<[^<>]{0,200}>")
_CONTACT = regex.compile(
    r"\S+@\S+|https?://\S+|www\.\S+|\S+\.(?:com|in|net|org|co|shop|store)\b\S*"  # e-mail, web
    r"|(?:(?:call|phone|ph|mobile|mob|tel|whatsapp|contact|ফোন|মোবাইল|যোগাযোগ|ফোন করুন)"
    r"\W{0,3}(?:me|us|at|on|no|number|নম্বর)?\W{0,3})?\+?[0-9][0-9 -]{5,}[0-9]",  # phone
    regex.IGNORECASE,
)
# What may remain of a seller's words in the listing: letters, marks, digits and plain punctuation.
_NOT_ALLOWED = regex.compile(r"[^\p{L}\p{M}\p{N} &'.,\-/()]")
_SPACES = regex.compile(r"\s+")


def _plain(text: str | None) -> str:
    """The seller's words without HTML tags, URLs, e-mails, phone numbers, emoji or symbols."""
    if not text:
        return ""
    s = ascii_digits(clean(text))
    s = _CONTACT.sub(" ", _TAG.sub(" ", s))
    s = _NOT_ALLOWED.sub(" ", s)
    return _SPACES.sub(" ", s).strip(" ,.-/&")


# --- transliteration ---------------------------------------------------------------------------

_BENGALI_RUN = regex.compile(r"[\u0980-\u09ff]+")
_DEVANAGARI_RUN = regex.compile(r"[\u0900-\u0963\u0966-\u097f]+")  # not the dandas
# NFC splits ড় ঢ় য় into letter + nukta (composition exclusions); the package only knows the
# single code points and otherwise emits "ḍa" + a stray nukta (domain-notes §7).
_NUKTA_LETTERS = {"\u09a1\u09bc": "\u09dc", "\u09a2\u09bc": "\u09dd", "\u09af\u09bc": "\u09df"}
_BN_CONSONANT = regex.compile(r"[\u0995-\u09b9\u09dc-\u09df]")
_BN_VOWEL_LETTER = regex.compile(r"[\u0985-\u0994\u09e0\u09e1]")
_BN_VOWEL_SIGN = regex.compile(r"[\u09be-\u09cc\u09d7\u09e2\u09e3]")
_BN_TAIL = "\u0981\u0982\u0983\u09cd"  # candrabindu, anusvara, visarga, a closing hasanta
_KHANDA_TA = "\u09ce"
_DV_CONSONANT = regex.compile(r"[\u0915-\u0939\u0958-\u095f]")
_BN_VIRAMA, _DV_VIRAMA = "\u09cd", "\u094d"
# IAST letters re-spelt the way Bengali and Hindi names are written in English (Shyamal, Chhau,
# Krishna, Bangla): applied to the package's output, in this order.
_IAST_SPELLING = (
    ("~", "n"),  # candrabindu: বাঁকুড়া Bankura, কাঁথা Kantha
    ("ḥ", ""),  # visarga
    ("ś", "sh"),
    ("ṣ", "sh"),
    ("ṛ", "ri"),
    ("ṝ", "ri"),
    ("ñ", "n"),
)
_IAST_CH = regex.compile(r"ch|c")  # IAST c = চ (ch), ch = ছ (chh)
_IAST_NG = regex.compile(r"ṅ(?=[kg])")  # বঙ্গ Banga, not Bangga


@dataclass(slots=True)
class _Syllable:
    consonants: str  # one consonant or a conjunct (with its viramas); "" for a bare vowel
    vowel: str  # a vowel sign or letter; "" when the consonant keeps its inherent a
    tail: str  # candrabindu, anusvara, visarga, or a closing virama
    silent: bool = False  # its inherent a is not said

    @property
    def droppable(self) -> bool:
        return len(self.consonants) == 1 and self.consonants != _KHANDA_TA and not self.vowel

    @property
    def voiced(self) -> bool:
        closed = self.consonants == _KHANDA_TA or self.tail.endswith(_BN_VIRAMA)
        return not self.silent and not closed


def _syllables(run: str) -> list[_Syllable] | None:
    out: list[_Syllable] = []
    i = 0
    while i < len(run):
        if _BN_VOWEL_LETTER.fullmatch(run[i]):
            start, i = i, i + 1
            consonants, vowel = "", run[start]
        elif run[i] == _KHANDA_TA:  # ৎ: a t with no vowel (উৎপল Utpal)
            consonants, vowel, i = run[i], "", i + 1
        elif _BN_CONSONANT.fullmatch(run[i]):
            start, i = i, i + 1
            while i + 1 < len(run) and run[i] == _BN_VIRAMA and _BN_CONSONANT.fullmatch(run[i + 1]):
                i += 2
            consonants, vowel = run[start:i], ""
            if i < len(run) and _BN_VOWEL_SIGN.fullmatch(run[i]):
                vowel, i = run[i], i + 1
        else:
            return None  # a sign we do not expect: leave the word as it is
        tail_start = i
        while i < len(run) and run[i] in _BN_TAIL:
            i += 1
        out.append(_Syllable(consonants, vowel, run[tail_start:i]))
    return out


def _silence_inherent_a(run: str) -> str:
    """Mark the inherent a Bengali does not say with a hasanta, so the package skips it.

    The a of a single consonant is silent at the end of a word (দাস Das) and between two
    voiced syllables (ডোকরা Dokra, সরকার Sarkar, সুন্দরবন Sundarban); conjuncts keep theirs
    (মিত্র Mitra, রবীন্দ্রনাথ Rabindranath). A rule of thumb: কারিগরি comes out Karigri.
    """
    syllables = _syllables(run)
    if not syllables or len(syllables) < 2:
        return run

    last = syllables[-1]
    last.silent = last.droppable and not last.tail
    for i in range(len(syllables) - 2, 0, -1):
        here, before, after = syllables[i], syllables[i - 1], syllables[i + 1]
        here.silent = (
            here.droppable
            and not here.tail
            and before.voiced
            and after.voiced
            and after.consonants not in ("", _KHANDA_TA)
        )
    return "".join(s.consonants + (_BN_VIRAMA if s.silent else s.vowel) + s.tail for s in syllables)


def _romanise_run(run: str, bengali: bool) -> str:
    if bengali:
        for pair, letter in _NUKTA_LETTERS.items():
            run = run.replace(pair, letter)
        run = _silence_inherent_a(run)
        scheme = sanscript.BENGALI
    else:
        scheme = sanscript.DEVANAGARI
    latin = sanscript.transliterate(run, scheme, sanscript.IAST)
    for old, new in _IAST_SPELLING:
        latin = latin.replace(old, new)
    latin = _IAST_NG.sub("n", latin).replace("ṅ", "ng")
    latin = latin.replace("ṃ", "ng" if bengali else "n")
    latin = _IAST_CH.sub(lambda m: "chh" if m[0] == "ch" else "ch", latin)
    if bengali:
        latin = latin.replace("v", "b")  # Bengali has one letter ব for b and v, said b
    # Diacritics off (ā → a, ḍ → d, r̤ → r); the stray nukta is a combining mark too.
    latin = "".join(c for c in unicodedata.normalize("NFD", latin) if not unicodedata.combining(c))
    latin = regex.sub(r"[^A-Za-z0-9]", "", latin)
    # Hindi: the final a of a single consonant is silent (राम Ram), not of a conjunct (मित्र).
    hindi_final = not bengali and len(run) > 1 and _DV_CONSONANT.fullmatch(run[-1])
    if hindi_final and run[-2] != _DV_VIRAMA and latin.endswith("a"):
        latin = latin[:-1]
    return latin[:1].upper() + latin[1:]


def romanise(text: str) -> str:
    """Bengali and Devanagari words in Latin letters ("দাস" → "Das"); Latin text is kept as typed."""
    s = ascii_digits(clean(text)).replace("\u0964", ".").replace("\u0965", ".").replace("৷", ".")
    s = _BENGALI_RUN.sub(lambda m: _romanise_run(m[0], bengali=True), s)
    s = _DEVANAGARI_RUN.sub(lambda m: _romanise_run(m[0], bengali=False), s)
    return _SPACES.sub(" ", s).strip()


def _title_word(word: str) -> str:
    """Capitalise a lower-case word; keep the seller's own capitals (ABC, McKay, iPhone)."""
    if not word.islower():
        return word
    i = next((i for i, c in enumerate(word) if c.isalpha()), 0)
    return word[:i] + word[i].upper() + word[i + 1 :]


def _title_case(text: str) -> str:
    """Amazon style: each word capitalised except articles, conjunctions, prepositions."""
    out = []
    for i, word in enumerate(text.split()):
        small = i > 0 and word.casefold() in SMALL_WORDS
        out.append(word.casefold() if small else _title_word(word))
    return " ".join(out)


# --- glossary ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Glossary:
    phrases: Mapping[str, Mapping[tuple[str, ...], str | None]]  # section → folded words → English
    longest: int
    name_words: Mapping[str, str]
    synonyms: Mapping[str, str]
    kind_keywords: Mapping[str, str]
    use_by_kind: Mapping[str, str]
    care: Mapping[str, str]
    items: Mapping[str, str]  # a craft's item button → its product type
    hs_product_types: Mapping[str, str | None]  # a heading, a class of hs_by_material, or None
    hs_by_material: Mapping[str, Mapping[str, str | None]]  # class → material → heading
    hs_materials: Mapping[str, str]


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [k for k, _ in pairs]
    repeated = sorted({k for k in keys if keys.count(k) > 1})
    if repeated:
        raise ValueError(f"{GLOSSARY_FILE}: duplicate keys {repeated}")
    return dict(pairs)


def _folded(key: str) -> tuple[str, ...]:
    return tuple(lookup_key(key).split())


def _section(raw: Mapping[str, Any], name: str, *, nullable: bool = False) -> dict[str, Any]:
    value = raw.get(name)
    if not isinstance(value, dict):
        raise ValueError(f"{GLOSSARY_FILE}: {name!r} must be an object")
    for key, item in value.items():
        ok = (isinstance(item, str) and item.strip()) or (nullable and item is None)
        if not ok:
            raise ValueError(f"{GLOSSARY_FILE}: {name}[{key!r}] must be a non-empty string")
    return value


def _parse_glossary(raw: Mapping[str, Any]) -> _Glossary:
    text = json.dumps(raw, ensure_ascii=False)
    if unicodedata.normalize("NFC", text) != text:
        raise ValueError(f"{GLOSSARY_FILE}: text is not NFC")
    phrases: dict[str, dict[tuple[str, ...], str | None]] = {}
    for name in (*_SECTIONS, _NAMES):
        table: dict[tuple[str, ...], str | None] = {}
        for key, english in _section(raw, name, nullable=name == "features").items():
            folded = _folded(key)
            if not folded:
                raise ValueError(f"{GLOSSARY_FILE}: {name}[{key!r}] has no letters")
            if table.get(folded, english) != english:
                raise ValueError(f"{GLOSSARY_FILE}: {name}[{key!r}] folds onto another key")
            table[folded] = english
        phrases[name] = table
    stop = raw.get("stopwords")
    if not isinstance(stop, list) or not all(isinstance(w, str) for w in stop):
        raise ValueError(f"{GLOSSARY_FILE}: 'stopwords' must be a list of strings")
    phrases["stopwords"] = {_folded(w): None for w in stop if _folded(w)}
    hs_types = _section(raw, "hs_product_types", nullable=True)
    hs_materials = _section(raw, "hs_materials")
    by_material = raw.get("hs_by_material")
    if not isinstance(by_material, dict):
        raise ValueError(f"{GLOSSARY_FILE}: 'hs_by_material' must be an object")
    classes = {name: _section(by_material, name, nullable=True) for name in by_material}
    headings = [*hs_materials.values(), *(h for t in classes.values() for h in t.values())]
    headings += [h for h in hs_types.values() if h not in classes]
    for heading in headings:
        if heading is not None and not _HS.fullmatch(heading):
            raise ValueError(f"{GLOSSARY_FILE}: HS heading {heading!r} is not 4 digits")
    items = _section(raw, "items")
    types = set(phrases["product_types"].values())
    strays = sorted(k for k, v in items.items() if v not in types)
    if strays:
        raise ValueError(f"{GLOSSARY_FILE}: items {strays} are not product types")
    return _Glossary(
        items=items,
        phrases=phrases,
        longest=max(len(k) for table in phrases.values() for k in table),
        name_words={lookup_key(k): v for k, v in _section(raw, "name_words").items()},
        synonyms=_section(raw, "synonyms"),
        kind_keywords=_section(raw, "kind_keywords"),
        use_by_kind=_section(raw, "use_by_kind"),
        care=_section(raw, "care"),
        hs_product_types=hs_types,
        hs_by_material=classes,
        hs_materials=hs_materials,
    )


@functools.cache
def _glossary() -> _Glossary:
    path = resources.files("content") / "data" / GLOSSARY_FILE
    raw = json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=_no_duplicates)
    if not isinstance(raw, dict):
        raise ValueError(f"{GLOSSARY_FILE}: expected a JSON object")
    return _parse_glossary(raw)


# --- reading the seller's words ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Span:
    section: str | None  # a glossary section, "district", or None for a word we do not know
    english: str | None  # None for an unknown word or a glossary entry that means "ignore"
    typed: str


def _with_suffixes(key: tuple[str, ...]) -> Iterable[tuple[str, ...]]:
    yield key
    last = key[-1]
    for suffix in _SUFFIXES:
        if last.endswith(suffix) and len(last) - len(suffix) >= 2:
            yield (*key[:-1], last[: -len(suffix)])


def _find(key: tuple[str, ...], sections: Sequence[str]) -> tuple[str, str | None] | None:
    tables = _glossary().phrases
    for variant in _with_suffixes(key):
        for name in (*sections, _NAMES, "stopwords"):
            if variant in tables[name]:
                return name, tables[name][variant]
    return None


def _district_named(word: str) -> District | None:
    """A district called by its own name (বাঁকুড়ার → Bankura); towns keep the name typed."""
    for (variant,) in _with_suffixes((lookup_key(word),)):
        found = places.match_district(variant).district
        if found and variant in (lookup_key(found.en), lookup_key(found.bn)):
            return found
    return None


def _scan(text: str | None, sections: Sequence[str], *, places_too: bool = False) -> list[_Span]:
    """The seller's words as glossary phrases (longest first), district names and unknown words."""
    typed = words(_plain(text))
    keys = [lookup_key(w) for w in typed]
    spans: list[_Span] = []
    i = 0
    while i < len(typed):
        for size in range(min(_glossary().longest, len(typed) - i), 0, -1):
            found = _find(tuple(keys[i : i + size]), sections)
            if found:
                spans.append(_Span(found[0], found[1], " ".join(typed[i : i + size])))
                i += size
                break
        else:
            district = _district_named(typed[i]) if places_too else None
            if district:
                spans.append(_Span("district", district.en, typed[i]))
            elif not typed[i].isdigit() and len(typed[i]) > 1:
                spans.append(_Span(None, None, typed[i]))
            i += 1
    return spans


def names_an_item(text: str | None) -> bool:
    """The seller's words say what the thing is ("ডোকরার হাতি"), not only its craft ("Dokra")."""
    return any(span.section == "product_types" for span in _scan(text, _WHAT_SECTIONS))


_NOT_LATIN = regex.compile(r"[^\p{Latin}0-9 &'.,\-/()]")


def _latin(text: str) -> str:
    """Only Latin letters, digits and plain punctuation (other scripts and symbols dropped)."""
    return _SPACES.sub(" ", _NOT_LATIN.sub(" ", unicodedata.normalize("NFC", text))).strip()


def _is_english(word: str) -> bool:
    """An everyday English word typed in Latin letters (not Banglish, not a stray name)."""
    return bool(regex.fullmatch(r"[A-Za-z][A-Za-z'-]+", word)) and (
        english_zipf(word) >= ENGLISH_ZIPF
    )


def _english(span: _Span) -> str | None:
    """The span in English: a glossary term, a typed English word, or None (left out, never
    transliterated into an English field)."""
    if span.english is not None:
        return span.english
    if span.section is None and _is_english(span.typed):
        return span.typed.casefold() if span.typed[:1].islower() else span.typed
    return None


def _terms(spans: Iterable[_Span], section: str) -> list[str]:
    """Distinct English terms of one section, plus unknown words romanised, in typed order."""
    out: list[str] = []
    modifier = ""
    for span in spans:
        if span.section == "colour_modifiers" and span.english:
            modifier = f"{span.english} "
            continue
        english = _english(span) if span.section in (section, _NAMES, None) else None
        if english and span.section is None:  # an English word: it qualifies what follows
            modifier += f"{english} "
        elif english:
            term = modifier + english
            modifier = ""
            if term.casefold() not in {t.casefold() for t in out}:
                out.append(term)
    # English words left over name a material ("recycled cotton" was typed as two), never a
    # colour ("red border": the border is not a colour)
    leftover = modifier.strip()
    if (
        section == "materials"
        and leftover
        and leftover.casefold() not in {t.casefold() for t in out}
    ):
        out.append(leftover)
    return out


def _joined(terms: Sequence[str]) -> str:
    """red · red and white · red, white and black."""
    if len(terms) < 3:
        return " and ".join(terms)
    return f"{', '.join(terms[:-1])} and {terms[-1]}"


def _features(spans: Iterable[_Span]) -> list[str]:
    out: list[str] = []
    for span in spans:
        if span.section == "features" and span.english and span.english not in out:
            out.append(span.english)
    return out


def _brand(text: str | None) -> str | None:
    names = _glossary().name_words
    parts = [names.get(lookup_key(w), w) for w in _plain(text).split()]
    brand = " ".join(_title_word(romanise(p)) if p not in names.values() else p for p in parts)
    return _latin(brand).strip(" ,.-/&") or None


# --- formatting ----------------------------------------------------------------------------------


def _number(value: float) -> str:
    text = f"{round(value, 1):.1f}"
    return text.removesuffix(".0")


def _size_text(size: Size) -> str:
    cm = " x ".join(_number(d) for d in size.dims_cm)
    inches = " x ".join(_number(d / CM_PER_INCH) for d in size.dims_cm)
    return f"{cm} cm ({inches} in)"


def _size_short(size: Size) -> str:
    if size.unit == "in":
        return " x ".join(_number(d / CM_PER_INCH) for d in size.dims_cm) + " in"
    return " x ".join(_number(d) for d in size.dims_cm) + " cm"


def _weight_short(grams: int) -> str:
    return f"{_number(grams / 1000)} kg" if grams >= 1000 else f"{grams} g"


def _weight_text(grams: int) -> str:
    if grams >= GRAMS_PER_POUND:
        return f"{_weight_short(grams)} ({_number(grams / GRAMS_PER_POUND)} lb)"
    return f"{_weight_short(grams)} ({_number(grams / GRAMS_PER_OUNCE)} oz)"


_UNITS = frozenset({"cm", "in", "g", "kg"})
_TRAILING = regex.compile(r"[\s,;:/&(\-–—]+$")


def _cut(text: str, limit: int) -> str:
    """At most ``limit`` characters, cut between words, without a dangling comma, dash or 'and'."""
    if len(text) <= limit:
        return text
    head = text[: limit + 1]
    cut = head.rsplit(" ", 1)[0] if " " in head else text[:limit]
    while True:
        trimmed = _TRAILING.sub("", cut)
        last = trimmed.rsplit(" ", 1)
        if len(last) == 2 and last[1].casefold() in SMALL_WORDS:
            trimmed = last[0]
        if trimmed == cut:
            break
        cut = trimmed
    if cut.count("(") > cut.count(")"):
        cut = _TRAILING.sub("", cut[: cut.rfind("(")])
    return cut


def _word_key(word: str) -> str:
    return regex.sub(r"[^\p{L}\p{N}]", "", word).casefold()


def _limit_repeats(text: str) -> str:
    """Drop the third and later use of a word (numbers, units and small words are exempt)."""
    seen: dict[str, int] = {}
    out: list[str] = []
    for word in text.split(" "):
        key = _word_key(word)
        exempt = not key or key in SMALL_WORDS or key.isdigit() or key in _UNITS
        seen[key] = seen.get(key, 0) + 1
        if exempt or seen[key] <= MAX_REPEATS:
            out.append(word)
        elif word.endswith(",") and out and not out[-1].endswith(","):
            out[-1] += ","
    return " ".join(out)


_TITLE_BANNED = regex.compile(r"[!$?_{}^¬¦~#<>*]")


def _tidy(text: str) -> str:
    text = _SPACES.sub(" ", text)
    text = regex.sub(r"\s+([,.;:])", r"\1", text)
    text = regex.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)
    return text.strip(" ,;:-")


def _drop_promotional(text: str) -> str:
    return " ".join(w for w in text.split(" ") if _word_key(w) not in PROMOTIONAL)


def _finish_title(text: str) -> str:
    text = _tidy(_drop_promotional(_TITLE_BANNED.sub(" ", text)))
    return _cut(_tidy(_limit_repeats(text)), TITLE_MAX_CHARS)


def _singular(key: str) -> str:
    """mangoes → mango, bags → bag (enough to see a word repeated; "glass" stays)."""
    if key.endswith("oes") or key.endswith(("ches", "shes", "xes")):
        return key[:-2]
    if key.endswith("s") and not key.endswith("ss") and len(key) > 3:
        return key[:-1]
    return key


def _new_words(phrase: str, taken: Iterable[str]) -> str:
    """The words of ``phrase`` not already in ``taken`` (case-insensitive)."""
    seen = {_singular(_word_key(w)) for t in taken for w in t.split()}
    kept = []
    for word in phrase.split():
        key = _singular(_word_key(word))
        if key and (key not in seen or key in SMALL_WORDS):
            kept.append(word)
            seen.add(key)
    while kept and _word_key(kept[-1]) in SMALL_WORDS:
        kept.pop()
    while kept and _word_key(kept[0]) in SMALL_WORDS:
        kept.pop(0)
    return " ".join(kept)


# --- the listing -------------------------------------------------------------------------------


def _craft_en(craft: Craft, gi_name: str | None) -> str:
    """The craft's English name: a GI craft's plain name when the GI name may not be used."""
    return craft.plain_en if craft.gi and gi_name is None and craft.plain_en else craft.en


# Words of a GI name that are not the name itself (Bengal Dokra, Darjeeling Tea: "Dokra" stays,
# "Darjeeling" goes).
_GI_COMMON_WORDS = frozenset({"bengal", "of", "and", "the", "craft", "goods"})


def _gi_words(craft: Craft | None, gi_name: str | None) -> frozenset[str]:
    """The words a seller who may not use this craft's GI name must not call it by."""
    if craft is None or not craft.gi or gi_name is not None or not craft.gi_name:
        return frozenset()
    plain = {_word_key(w) for w in (craft.plain_en or "").split()}
    named = {_word_key(w) for w in regex.split(r"[\s(),/]+", craft.gi_name)}
    return frozenset(named - plain - _GI_COMMON_WORDS - {""})


def _craft_phrase(name: str, *, product_known: bool) -> str:
    """The craft's English name minus its parenthesis; "Jute goods" + bag → "Jute" (+ "Bag")."""
    name = regex.sub(r"\s*\([^)]*\)", "", name).strip()
    if product_known:
        kept = [w for w in name.split() if w.casefold() not in _GENERIC_CRAFT_WORDS]
        name = " ".join(kept) or name
    return name


def gi_within_reach(facts: ProductFacts) -> str | None:
    """The GI name this product could carry if its seller were a registered authorised user
    (a GI craft from its GI area), when they have not said they are one; else None."""
    craft = places.craft(facts.craft_id) if facts.craft_id else None
    district = places.district(facts.district) if facts.district else None
    if facts.gi_authorised or craft is None or not _is_gi_tagged(craft, district):
        return None
    return craft.gi_name


def _is_gi_tagged(craft: Craft | None, district: District | None) -> bool:
    """GI is the craft's registration and the seller's district, never the seller's own claim."""
    if craft is None or not craft.gi:
        return False
    if craft.gi_districts == (STATEWIDE,):
        return True
    return district is not None and district.code in craft.gi_districts


def _hs_heading(craft: Craft | None, product_type: str | None, materials: list[str]) -> str | None:
    """The item decides (a kantha quilt is bed linen's 6304 whatever the craft), through its
    material where the item alone does not (a brass plate 7418, a clay one 6912); the craft's
    heading only when the item gives none; then the material's own."""
    g = _glossary()
    heading: str | None = None
    if product_type is not None and product_type in g.hs_product_types:
        rule = g.hs_product_types[product_type]
        if rule is not None and rule in g.hs_by_material:
            table = g.hs_by_material[rule]
            # "neem wood" is wood, "tussar silk" silk: the material's last word when the
            # whole is not in the class
            kinds = [k for m in materials for k in (m, m.rsplit(" ", 1)[-1]) if k in table]
            heading = table[kinds[0]] if kinds else table.get("*")
        else:
            heading = rule
    if heading is None and craft is not None:
        heading = craft.hs
    if heading is None and (product_type is None or product_type not in g.hs_product_types):
        heading = next((g.hs_materials[m] for m in materials if m in g.hs_materials), None)
    if heading == _IMITATION_JEWELLERY and _PRECIOUS & set(materials):
        return _PRECIOUS_JEWELLERY
    return heading


@functools.cache
def _banglish() -> frozenset[str]:
    """Romanised Bengali and Hindi words the glossary translates (pital, ghora, lal): search
    terms no buyer abroad types."""
    out = set()
    for section in ("materials", "colours", "product_types", "features", "motifs"):
        for key, english in _glossary().phrases[section].items():
            if len(key) == 1 and key[0].isascii() and key[0].isalpha():
                meaning = {_word_key(w) for w in (english or "").split()}
                related = any(m[:5] == key[0][:5] for m in meaning)  # bangle: bangles
                if not related and not _is_english(key[0]):
                    out.add(key[0])
    return frozenset(out)


def _keywords(
    craft: Craft | None,
    district: District | None,
    gi_name: str | None,
    terms: Iterable[str],
    kind: str | None,
    exclude: Iterable[str],
) -> str:
    """Search terms Amazon does not already get from the title: aliases, synonyms, places."""
    g = _glossary()
    sources: list[str] = []
    if craft is not None and not _gi_words(craft, gi_name):
        sources += [craft.en, *craft.aliases]
    elif craft is not None:  # not the GI name, nor the aliases that carry it
        sources.append(_craft_en(craft, gi_name))
    if gi_name:
        sources.append(gi_name)
    for term in terms:
        sources += [term, g.synonyms.get(term, "")]
    if kind:
        sources.append(g.kind_keywords.get(kind, ""))
    if district is not None:
        sources += [district.en, district.hq, *district.aliases]
    if kind in HANDMADE_KINDS:
        sources.append("handmade handcrafted handicraft artisan")
    sources.append(f"{STATE} bengal indian {COUNTRY} gift")
    banned = {_word_key(w) for text in exclude for w in regex.split(r"[\s\-/]+", text)}
    banned |= SMALL_WORDS | PROMOTIONAL | _gi_words(craft, gi_name) | _banglish()
    out: list[str] = []
    for source in sources:
        ascii_text = unicodedata.normalize("NFKD", source).encode("ascii", "ignore").decode()
        for word in regex.findall(r"[a-z0-9]+", ascii_text.casefold()):
            if len(word) > 1 and not word.isdigit() and word not in banned:
                banned.add(word)
                out.append(word)
    keywords = ""
    for word in out:
        candidate = f"{keywords} {word}".strip()
        if len(candidate.encode("utf-8")) > KEYWORDS_MAX_BYTES:
            break
        keywords = candidate
    return keywords


@dataclass(frozen=True, slots=True)
class _Parts:
    """What the seller told us, in English, before it is laid out."""

    craft: Craft | None
    district: District | None
    kind: str | None
    gi_name: str | None
    thing: str  # what it is: "Bankura Terracotta Horse Figurine"
    product_type: str | None
    materials: list[str]
    colours: list[str]
    features: list[str]
    motifs: list[str]
    own_text: str | None  # the seller's special feature, when typed in plain English
    brand: str | None


# A product type that qualifies the one named last keeps only its first word ("peacock
# figurine" before "hand fan" is a peacock).
_QUALIFIER_TAILS = frozenset({"figurine", "idol", "lamp", "painting"})


def _own_words(spans: Sequence[_Span], *, craft_known: bool) -> str:
    """The seller's description in English, in their order; materials and colours have their
    own places in the title once a craft names the thing."""
    skip = {"features", "colour_modifiers", "stopwords"}
    if craft_known:
        skip |= {"materials", "colours"}
    last_type = max((i for i, s in enumerate(spans) if s.section == "product_types"), default=-1)
    out: list[str] = []
    for i, span in enumerate(spans):
        english = _english(span) if span.section not in skip else None
        if not english:
            continue
        if span.section == "product_types" and i < last_type:
            head, _, tail = english.rpartition(" ")
            english = head if head and tail in _QUALIFIER_TAILS else english
        out.append(english)
    return " ".join(out)


def _parts(facts: ProductFacts) -> _Parts:
    craft = places.craft(facts.craft_id) if facts.craft_id else None
    district = places.district(facts.district) if facts.district else None
    kind = craft.kind if craft else None
    gi_name = (
        craft.gi_name if craft and facts.gi_authorised and _is_gi_tagged(craft, district) else None
    )
    what = _scan(facts.what_text, _WHAT_SECTIONS, places_too=True)
    item = _glossary().items.get(facts.item_id or "")
    types = [s.english for s in what if s.section == "product_types" and s.english]
    # Bengali, Hindi and English name the thing last ("ময়ূরের পালকের পাখা" is a fan).
    product_type = item or (types[-1] if types else None)
    materials = _terms(_scan(facts.material, ("materials",)), "materials")
    materials = materials or [s.english for s in what if s.section == "materials" and s.english]
    if not materials and kind in KIND_MATERIALS:
        materials = [KIND_MATERIALS[kind]]
    if kind == "terracotta":  # a terracotta craft's clay is fired
        materials = [KIND_MATERIALS[kind] if m == UNFIRED_CLAY else m for m in materials]
    special = _scan(facts.special, _SPECIAL_SECTIONS)
    features = _features([*special, *what])
    motifs: list[str] = []
    for span in special:
        if span.section == "motifs" and span.english and span.english not in motifs:
            motifs.append(span.english)
    if kind in HANDMADE_KINDS and HANDMADE not in features:
        features.insert(0, HANDMADE)
    craft_name = (
        _craft_phrase(_craft_en(craft, gi_name), product_known=product_type is not None)
        if craft
        else ""
    )
    own_words = _own_words(what, craft_known=craft is not None)
    own = _new_words(f"{item} {own_words}" if item else own_words, [craft_name])
    protected = _gi_words(craft, gi_name)
    if protected:  # "দার্জিলিং চা" from a seller who may not use the GI name: "Tea"
        own = " ".join(w for w in own.split() if _word_key(w) not in protected)
    thing = _drop_promotional(_title_case(" ".join(p for p in (craft_name, own) if p)))
    return _Parts(
        craft=craft,
        district=district,
        kind=kind,
        gi_name=gi_name,
        thing=thing or FALLBACK_THING,
        product_type=product_type,
        materials=materials,
        colours=_terms(_scan(facts.colour, ("colours", "colour_modifiers")), "colours"),
        features=features,
        motifs=motifs,
        own_text=_plain_english(facts.special, special, protected),
        brand=_brand(facts.brand),
    )


def _plain_english(
    text: str | None, spans: Sequence[_Span], protected: frozenset[str]
) -> str | None:
    """The seller's own sentence when every word of it is English or a glossary term: an
    English-writing seller's description is kept as written, not cut to keywords. Not when
    it makes a claim the glossary drops ("organic", "best") or uses a GI name they may not."""
    plain = _plain(text)
    if not plain or not regex.search(r"[A-Za-z]", plain) or regex.search(r"[^\x00-\x7f]", plain):
        return None
    for span in spans:
        known = (
            span.english is not None
            or span.section == "stopwords"
            or (span.section is None and _is_english(span.typed))
        )
        if not known or {_word_key(w) for w in span.typed.split()} & protected:
            return None
    return _drop_promotional(plain[:1].upper() + plain[1:])


def _title(p: _Parts, facts: ProductFacts) -> str:
    """[Brand] craft + type, feature + material + use, size, colour: optional parts while ≤ 120."""
    brand = p.brand if p.brand and len(p.brand) <= TITLE_BRAND_MAX_CHARS else None
    head = " ".join(x for x in (brand, p.thing) if x)
    feature = _title_case(next((f for f in p.features if len(f.split()) <= 2), ""))
    material = _title_case(_joined(p.materials)) if p.materials else ""
    use = _glossary().use_by_kind.get(p.kind or "", "")
    optional = [
        _new_words(f"{feature} {material} {use}", [head]),
        _size_short(facts.size) if facts.size else "",
        _weight_short(facts.weight_g) if facts.weight_g and p.kind in ("food", "tea") else "",
        _new_words(_title_case(_joined(p.colours)), [head]),
    ]
    title = head
    for part in optional:
        if part and len(f"{title}, {part}") <= TITLE_TARGET_CHARS:
            title = f"{title}, {part}"
    return _finish_title(title)


def _place(district: District | None) -> str:
    return ", ".join(x for x in (district.en if district else None, STATE, COUNTRY) if x)


def _bullets(p: _Parts, facts: ProductFacts) -> tuple[str, ...]:
    """Origin, features (+ made to order), material, size and weight, colour and care."""
    craft_name = (
        regex.sub(r"\s*\([^)]*\)", "", _craft_en(p.craft, p.gi_name)) if p.craft else p.thing
    )
    origin = f"GI-tagged {p.gi_name}" if p.gi_name else craft_name
    bullets = [f"Craft and origin: {origin} from {_place(p.district)}"]
    made_to_order = ""
    if facts.stock == 0:
        made_to_order = "Made to order"
        if facts.days_to_make:
            made_to_order += f" in about {facts.days_to_make} days"
    features = f"Features: {'; '.join(p.features)}" if p.features else ""
    design = f"Design: {_joined(p.motifs)}" if p.motifs else ""
    bullets.append(". ".join(x for x in (features, design, p.own_text, made_to_order) if x))
    bullets.append(f"Material: {_title_case(_joined(p.materials))}" if p.materials else "")
    bullets.append(
        "; ".join(
            x
            for x in (
                f"Size: {_size_text(facts.size)}" if facts.size else "",
                f"Weight: {_weight_text(facts.weight_g)}" if facts.weight_g else "",
            )
            if x
        )
    )
    colour = f"Color: {_title_case(_joined(p.colours))}." if p.colours else ""
    care = _glossary().care.get(p.kind, "") if p.kind else ""
    bullets.append(" ".join(x for x in (colour, care) if x))
    kept = [_cut(_tidy(_drop_promotional(b)), BULLET_MAX_CHARS) for b in bullets if b]
    return tuple(kept[:MAX_BULLETS])


def _description(p: _Parts, facts: ProductFacts) -> str:
    """Plain paragraphs: what and where from, the facts, features and care, who made it."""
    first = f"{p.thing} made in {_place(p.district)}."
    if p.gi_name:
        first += f" {p.gi_name} is a registered Geographical Indication (GI) of India."
    details = [
        f"Material: {_joined(p.materials)}." if p.materials else "",
        f"Size: {_size_text(facts.size)}." if facts.size else "",
        f"Weight: {_weight_text(facts.weight_g)}." if facts.weight_g else "",
        f"Color: {_joined(p.colours)}." if p.colours else "",
    ]
    features = " ".join(
        x
        for x in (
            f"Features: {', '.join(p.features)}." if p.features else "",
            f"Design: {_joined(p.motifs)}." if p.motifs else "",
            f"{p.own_text.rstrip('.')}." if p.own_text else "",
        )
        if x
    )
    care = _glossary().care.get(p.kind, "") if p.kind else ""
    paragraphs = [
        first,
        " ".join(x for x in details if x),
        " ".join(x for x in (features, care) if x),
        f"Made by {p.brand}." if p.brand else "",
    ]
    return "\n\n".join(_drop_promotional(x) for x in paragraphs if x)


def compose_listing(facts: ProductFacts) -> Listing:
    """The English title, bullets, description, search terms, HS heading and GI status."""
    p = _parts(facts)
    title = _title(p, facts)
    terms = [t for t in (p.product_type, *p.materials) if t]
    return Listing(
        title=title,
        bullets=_bullets(p, facts),
        description=_description(p, facts),
        keywords=_keywords(p.craft, p.district, p.gi_name, terms, p.kind, [title, p.brand or ""]),
        hs_heading=_hs_heading(p.craft, p.product_type, p.materials),
        gi_tagged=p.gi_name is not None,
        gi_name=p.gi_name,
        material_en=_title_case(_joined(p.materials)) if p.materials else None,
        colour_en=_title_case(_joined(p.colours)) if p.colours else None,
        brand_en=p.brand,
    )
