"""Guess whether a message is Bengali, English or Hindi, so the bot can offer a language switch.

Bengali or Devanagari script decides at once. Latin text is scored word by word against
romanised Bengali and Hindi word lists (content/data/romanised.json) and English frequencies
(wordfreq): see _score. Text mixing scripts with none dominant goes to langdetect.
"""

from __future__ import annotations

import json
import math
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

import langdetect
import regex
from langdetect.detector_factory import DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

from services.text import ascii_digits, clean, english_zipf, words

Lang = Literal["bn", "en", "hi"]

# Languages the bot speaks; langdetect is restricted to exactly these profiles.
LANGS: tuple[Lang, ...] = ("bn", "en", "hi")
# Share of letters one Indic script must hold for the text to count as written in it.
SCRIPT_DOMINANCE = 0.6
# Share of letters Latin must hold before the text is scored as Latin text (_score).
LATIN_DOMINANCE = 0.6
# Below either of these, the guess is never confident: a name or a one-word reply is no reason
# to offer a language switch. Names, craft names and forms of address do not count as words
# (_signal_words).
MIN_WORDS = 2
MIN_LETTERS = 6

# Things that are never a language signal, removed before anything is counted.
_URL = regex.compile(
    r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|in|org|net|co|io|shop|store|me)\b\S*",
    regex.IGNORECASE,
)
_EMAIL = regex.compile(r"\S+@\S+\.\S+")
_MENTION = regex.compile(r"(?<!\w)@\w+")
_COMMAND = regex.compile(r"(?<!\S)/\w+(?:@\w+)?")
# An alphanumeric run, possibly joined by - _ . / (GSTIN, UDYAM-WB-10-0012345, 2ta, 61gb):
# when it mixes letters and digits it is an identifier or a quantity, not a word.
_CHUNK = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:[-_./][\p{L}\p{M}\p{N}]+)*")
_HAS_DIGIT = regex.compile(r"\p{N}")
_NON_LETTER = regex.compile(r"[^\p{L}\p{M}]+")
# "valooo", "khubbbb": chat elongation folded to one letter before list lookups.
_ELONGATION = regex.compile(r"(\p{L})\1{2,}")

_BENGALI = regex.compile(r"[\u0980-\u09ff]")
_DEVANAGARI = regex.compile(r"[\u0900-\u097f]")
_LATIN = regex.compile(r"\p{Script=Latin}")


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Craft names every one of our languages uses as is: no language signal on their own.
_CRAFT = _wordset("kantha shari sari saree tant jamdani baluchari dokra terracotta sitalpati madur")
# Forms of address that English lines carry too ("Thanks dada", "Hello bhai, price?"): like a
# name, they say nothing about the language and do not count as words.
_ADDRESS = _wordset(
    "dada didi di da bhai bhaiya bhaia vai vaiya boudi boudii kaku kakima mashi masi jethu "
    "apu apa ji sir madam mam bro"
)
# Latin-text scoring (see _score). A romanised form's Zipf frequency z_bn / z_hi comes from
# content/data/romanised.json; an English word's z_en from wordfreq. Romanised chat is
# code-mixed, so a romanised line is modelled as half romanised words, half English ones: a
# token's evidence for Bengali or Hindi over English is log10(0.5 * 10**(z - z_en) + 0.5),
# about -0.3 for an English word, 0 for a word as common in both, up to _TOKEN_MAX for "ami".
_MIX = 0.5
_EN_FLOOR = 1.0  # wordfreq has no word rarer than this: a typo or a name
_TOKEN_MIN = -1.0
_TOKEN_MAX = 2.5
# An English look-alike ("ache", "hole", "dam", "din", "age") tips a line only together with
# other romanised words: its evidence is capped here.
_LOOKALIKE_MAX = 0.7
# A line is romanised when the summed evidence reaches this: two clear romanised words, or one
# with a few look-alikes. Measured on the public sets in benchmarks/language_eval.py: 1.0 calls
# more English lines Indic, 2.0 misses more romanised ones.
ROMANISED_EVIDENCE = 1.5
# Bengali or Hindi: the sum of (z_bn - z_hi) over the romanised-looking tokens, each clipped to
# +-_BN_HI_MAX, plus this head start for Bengali: the bot's users are in West Bengal, and a word
# both languages use about as often ("ki", "na", "bhai") leaves it to Bengali.
_BN_HI_MAX = 2.0
_BENGALI_PRIOR = 1.0
# A token is a romanised word when its evidence is at least this, an English word when wordfreq
# knows it as English (z_en >= _COMMON_EN: "squeaking", "quilts" too) with evidence below
# _ENGLISH_MAX. Romanised spellings the lists miss ("krchi", "kormu") are rarer than that.
_ROMANISED_WORD = 1.0
_COMMON_EN = 2.0
_ENGLISH_MAX = 0.3
# English is confident only when this share of the words are English words ("ami just on
# holam" is not English, and not sure enough to interrupt)...
ENGLISH_SHARE = 0.7
# ...and at most this share are clear romanised words (none in a line under 8 words): a long
# English sentence may carry one look-alike the lists do not know as English ("tale", "lie").
_ROMANISED_IN_ENGLISH = 0.125
# A line in Title Case ("Eta Niye Post Ache") capitalises every word, names or not: from this
# share of capitalised Latin words (and 3 words), a capitalised word is read as a word when it
# is a known one: English (z_en >= _COMMON_EN) or a common romanised form (z >= _KNOWN).
_TITLE_SHARE = 0.6
_TITLE_MIN_WORDS = 3
_KNOWN = 4.0


@cache
def _lexicon() -> tuple[dict[str, float], dict[str, float], frozenset[str]]:
    """content/data/romanised.json, loaded once, on first use."""
    path = resources.files("content") / "data" / "romanised.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return data["bn"], data["hi"], frozenset(data["en_lookalike"])


@dataclass(frozen=True, slots=True)
class Guess:
    lang: Lang | None  # None: no signal (digits, emoji, ids, too short)
    confident: bool  # True only when the text is a real sentence-like signal
    method: str  # "script" | "romanised" | "words" | "langdetect" | "none"


_NO_SIGNAL = Guess(None, False, "none")


@cache
def _factory() -> DetectorFactory:
    """langdetect with only the bn, en and hi profiles, seeded: loaded once, on first use."""
    factory = DetectorFactory()
    profiles = Path(langdetect.__file__).parent / "profiles"
    factory.load_json_profile([(profiles / lang).read_text(encoding="utf-8") for lang in LANGS])
    factory.set_seed(0)
    return factory


def _langdetect(text: str) -> Lang | None:
    detector = _factory().create()
    detector.append(text)
    try:
        lang = detector.detect()
    except LangDetectException:
        return None
    return lang if lang in LANGS else None


def _drop_numbers(match: regex.Match[str]) -> str:
    """A chunk holding a digit is a number, an id or a quantity ("2ta"): never a word."""
    return " " if _HAS_DIGIT.search(match.group()) else match.group()


def _strip(text: str) -> str:
    """Only the words that can carry a language: no URLs, mentions, commands, ids, digits."""
    # NFKC, not only clean()'s NFC: styled 𝖿𝖺𝖻𝗋𝗂𝖼 and fullwidth ｏｋ become plain letters.
    text = unicodedata.normalize("NFKC", clean(text))
    text = _EMAIL.sub(" ", text)  # before URLs, which would take the domain and leave the name
    text = _URL.sub(" ", text)
    text = _MENTION.sub(" ", text)
    text = _COMMAND.sub(" ", text)
    text = ascii_digits(text)
    text = _CHUNK.sub(_drop_numbers, text)
    return " ".join(words(text))


def _fold(token: str) -> str:
    return _ELONGATION.sub(r"\1", token.casefold())


def _title_line(tokens: list[str]) -> bool:
    """Every word capitalised ("Eta Niye Post Ache"): capitals no longer mark names."""
    latin = [t for t in tokens if _LATIN.match(t)]
    titled = sum(t.istitle() for t in latin)
    return len(latin) >= _TITLE_MIN_WORDS and titled >= _TITLE_SHARE * len(latin)


def _no_signal(i: int, token: str, fold: str, title_line: bool) -> bool:
    """A craft name, a form of address, or a name: a capitalised Latin word after the first
    ("Rina Das"), unless the whole line is in Title Case."""
    return (
        fold in _CRAFT
        or fold.removesuffix("s") in _CRAFT
        or fold in _ADDRESS
        or (i > 0 and token.istitle() and not title_line)
    )


def _signal_words(tokens: list[str], folded: list[str]) -> int:
    """Words that say something about the language. In a Title Case line a capitalised word
    counts when it is a known word, English or romanised; "Sumita Pal Bankura" stays a name."""
    bn, hi, _ = _lexicon()
    title_line = _title_line(tokens)
    count = 0
    for i, (token, fold) in enumerate(zip(tokens, folded, strict=True)):
        if not _LATIN.match(token):
            count += 1
        elif not _no_signal(i, token, fold, title_line):
            known = (
                english_zipf(fold) >= _COMMON_EN or max(bn.get(fold, 0), hi.get(fold, 0)) >= _KNOWN
            )
            count += not (title_line and token.istitle()) or known
    return count


@dataclass(frozen=True, slots=True)
class _Score:
    words: int  # tokens scored (names, crafts, forms of address left out)
    evidence: float  # summed evidence for romanised Bengali/Hindi over English
    bn_over_hi: float  # > 0: Bengali; < 0: Hindi (with Bengali's head start)
    romanised: int  # tokens that are clearly romanised words
    english: int  # tokens that are common English words


def _evidence(z: float, z_en: float) -> float:
    if z <= 0:
        return math.log10(1 - _MIX)
    return math.log10(_MIX * 10 ** (z - z_en) + (1 - _MIX))


def _score(tokens: list[str], folded: list[str]) -> _Score:
    """Word-by-word evidence of Latin text: romanised Bengali/Hindi against English.

    Each token adds its evidence (see _MIX) for the better of Bengali and Hindi over English,
    clipped to [_TOKEN_MIN, _TOKEN_MAX] (_LOOKALIKE_MAX for an English look-alike); a Bengali or
    Devanagari word counts fully for its language. The tokens that look romanised also add
    z_bn - z_hi to the Bengali-or-Hindi balance."""
    bn, hi, lookalike = _lexicon()
    title_line = _title_line(tokens)
    words = romanised = english = 0
    evidence = 0.0
    bn_over_hi = _BENGALI_PRIOR
    for i, (token, fold) in enumerate(zip(tokens, folded, strict=True)):
        if _BENGALI.match(token) or _DEVANAGARI.match(token):
            words += 1
            romanised += 1
            evidence += _TOKEN_MAX
            bn_over_hi += _BN_HI_MAX if _BENGALI.match(token) else -_BN_HI_MAX
            continue
        if not _LATIN.match(token) or _no_signal(i, token, fold, title_line):
            continue
        words += 1
        z_en = max(english_zipf(fold), _EN_FLOOR)
        z_bn, z_hi = bn.get(fold, 0.0), hi.get(fold, 0.0)
        top = _LOOKALIKE_MAX if fold in lookalike else _TOKEN_MAX
        e = min(max(_evidence(max(z_bn, z_hi), z_en), _TOKEN_MIN), top)
        evidence += e
        if e >= _ENGLISH_MAX:
            diff = max(z_bn, _EN_FLOOR) - max(z_hi, _EN_FLOOR)
            bn_over_hi += min(max(diff, -_BN_HI_MAX), _BN_HI_MAX)
        romanised += e >= _ROMANISED_WORD
        english += z_en >= _COMMON_EN and e < _ENGLISH_MAX
    return _Score(words, evidence, bn_over_hi, romanised, english)


def _latin(tokens: list[str], folded: list[str], confident: bool) -> Guess:
    """Romanised Bengali or Hindi when the evidence is there; English otherwise, confident only
    when most words are English words and (almost) none a clear romanised word."""
    score = _score(tokens, folded)
    if score.words == 0:
        return Guess("en", False, "words")  # names, crafts, forms of address only
    if score.evidence >= ROMANISED_EVIDENCE:
        return Guess("bn" if score.bn_over_hi >= 0 else "hi", confident, "romanised")
    english = (
        score.english >= ENGLISH_SHARE * score.words
        and score.romanised <= score.words * _ROMANISED_IN_ENGLISH
    )
    return Guess("en", confident and english, "words")


def detect_language(text: str) -> Guess:
    """Which of bn/en/hi the text is in, and whether it is enough of a sentence to act on."""
    stripped = _strip(text)
    if not stripped:
        return _NO_SIGNAL
    tokens = stripped.split()
    folded = [_fold(t) for t in tokens]
    letters = len(_NON_LETTER.sub("", stripped))
    bengali = len(_BENGALI.findall(stripped))
    devanagari = len(_DEVANAGARI.findall(stripped))
    latin = len(_LATIN.findall(stripped))
    confident = (
        len(tokens) >= MIN_WORDS
        and letters >= MIN_LETTERS
        and _signal_words(tokens, folded) >= MIN_WORDS
    )

    if bengali >= SCRIPT_DOMINANCE * letters:
        return Guess("bn", confident, "script")
    if devanagari >= SCRIPT_DOMINANCE * letters:
        return Guess("hi", confident, "script")
    if latin >= LATIN_DOMINANCE * letters:
        return _latin(tokens, folded, confident)
    if bengali + devanagari + latin < SCRIPT_DOMINANCE * letters:
        return _NO_SIGNAL  # another script (Arabic, Tamil...): none of ours
    lang = _langdetect(stripped)
    if lang is None:
        return _NO_SIGNAL
    return Guess(lang, confident, "langdetect")
