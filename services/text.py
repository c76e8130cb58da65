"""Text normalisation for Bengali, Hindi and English input: NFC, digits, lookup keys."""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Sequence

import regex
from wordfreq import zipf_frequency

_DIGITS = str.maketrans("০১২৩৪৫৬৭৮৯०१२३४५६७८९", "01234567890123456789")
_TO_BENGALI = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")
# Zero-width characters and bidi marks survive NFC and str.strip(); they never carry meaning here.
# Nor do control characters other than whitespace, and PostgreSQL cannot store U+0000 at all.
_INVISIBLE = regex.compile(
    r"[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u00ad"
    r"\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]"
)
_SPACES = regex.compile(r"\s+")
_KEY_DROP = regex.compile(r"[^\p{L}\p{M}\p{N} ]+")
# Candrabindu and nukta vary freely in typed Bengali (বাঁকুড়া / বাকুড়া / বাকুরা).
_KEY_FOLD = str.maketrans({"\u0981": None, "\u09bc": None, "\u0964": " ", "\u09f7": " "})


def clean(text: str) -> str:
    """NFC, invisible characters removed, whitespace collapsed: how every typed answer is stored."""
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    return _SPACES.sub(" ", text).strip()


def clean_lines(text: str) -> str:
    """Like clean(), but keeps the line breaks: for announcements written over several lines."""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", text))
    lines = [_SPACES.sub(" ", line).strip() for line in text.splitlines()]
    return "\n".join(lines).strip()


def ascii_digits(text: str) -> str:
    """Bengali (০-৯) and Devanagari (०-९) digits become 0-9; everything else is kept."""
    return text.translate(_DIGITS)


def localise_digits(text: str, locale: str) -> str:
    """Digits as the reader's messages write them: Bengali digits for Bengali; Hindi, like
    English, uses the international digits (the form the Constitution's Article 343 gives for
    official use, and the one our Hindi messages are written in), so one message never mixes
    "1 से ८ तक"."""
    if locale == "bn":
        return text.translate(_TO_BENGALI)
    return text


def lookup_key(text: str) -> str:
    """A forgiving comparison key: NFD-folded marks, case, punctuation and spacing removed."""
    text = unicodedata.normalize("NFD", clean(text))
    text = text.translate(_KEY_FOLD)
    text = unicodedata.normalize("NFC", text)
    text = ascii_digits(text).casefold()
    text = _KEY_DROP.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def visible_length(text: str) -> int:
    """Characters as a reader counts them (grapheme clusters), not code points."""
    return len(regex.findall(r"\X", text))


def words(text: str) -> list[str]:
    """Whole words, Bengali vowel signs included (``re``'s \\w splits কাঁথা)."""
    return regex.findall(r"[\p{L}\p{M}\p{N}]+", text)


def utf16_length(text: str) -> int:
    """Telegram counts message and caption lengths in UTF-16 code units (an emoji is two)."""
    return len(text.encode("utf-16-le")) // 2


# What people type to leave an optional question unanswered, in our languages and romanised
# (compared by lookup_key): never stored as the answer.
SKIP_WORDS = frozenset(
    lookup_key(word)
    for word in (
        "বাদ দিন",
        "বাদ দাও",
        "বাদ",
        "বাদ থাক",
        "না",
        "নাহ",
        "নেই",
        "নাই",
        "কিছু নেই",
        "কিছু না",
        "দরকার নেই",
        "পরে",
        "পরে দেব",
        "জানি না",
        "skip",
        "skip it",
        "no",
        "none",
        "nothing",
        "nil",
        "n/a",
        "na",
        "nope",
        "not now",
        "later",
        "-",
        "bad din",
        "baad din",
        "bad",
        "baad",
        "nei",
        "nai",
        "nahi",
        "kichu nei",
        "छोड़ें",
        "छोड़ो",
        "छोड़ दें",
        "नहीं",
        "नही",
        "कुछ नहीं",
        "बाद में",
    )
)


def is_skip(text: str) -> bool:
    """Whether typed text asks to skip the question ("বাদ দিন", "no", "নেই")."""
    return lookup_key(text) in SKIP_WORDS


@functools.lru_cache(maxsize=65_536)
def english_zipf(word: str) -> float:
    """wordfreq's Zipf frequency of a word in English, case-folded (about 9 µs, cached): is a
    Latin word everyday English, or romanised Bengali?"""
    return zipf_frequency(word.casefold(), "en")


def explain_terms(text: str, terms: Sequence[tuple[tuple[str, ...], str]]) -> str:
    """Each term's first appearance gets its explanation in brackets ("LUT (a letter that…)"),
        unless it is explained there already (a bracket right before or after it). Terms are whole
        words, case as written, so "dgft.gov.in" is not the acronym DGFT; a Bengali or Hindi ending
    stays with its word ("DGFT-তে (…)")."""
    for forms, explanation in terms:
        found = _term_pattern(forms).search(text)
        if found is None:
            continue
        before = text[: found.start()].rstrip()
        after = text[found.end() :].lstrip()
        if before.endswith("(") or after.startswith("("):
            continue
        text = f"{text[: found.end()]} ({explanation}){text[found.end() :]}"
    return text


@functools.lru_cache(maxsize=256)
def _term_pattern(forms: tuple[str, ...]) -> regex.Pattern[str]:
    return regex.compile(
        r"(?<![\p{L}\p{M}\p{N}.\-/])(?:"
        + "|".join(regex.escape(f) for f in sorted(forms, key=len, reverse=True))
        + r")(?:-[\p{Bengali}\p{Devanagari}][\p{L}\p{M}]*)?(?![\p{L}\p{M}\p{N}\-]|\.[\p{L}])"
    )
