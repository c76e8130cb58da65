"""Guess whether a message is Bengali, English or Hindi, so the bot can offer a language switch."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

import langdetect
import regex
from langdetect.detector_factory import DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

from services.text import ascii_digits, clean, words

Lang = Literal["bn", "en", "hi"]

# Languages the bot speaks; langdetect is restricted to exactly these profiles.
LANGS: tuple[Lang, ...] = ("bn", "en", "hi")
# Share of letters one Indic script must hold for the text to count as written in it.
SCRIPT_DOMINANCE = 0.6
# Share of letters Latin must hold before the romanised word lists are consulted.
LATIN_DOMINANCE = 0.6
# Share of tokens that must be common romanised Bengali / Hindi words. On BanglishRev reviews
# 0.4 finds 60 % of romanised Bengali (code-mixed: 32 %), 0.3 finds 77 % (53 %), 0.2 83 % (74 %);
# no English line (lingua, BanglishRev) crosses even 0.2. 0.3 keeps a margin for a stray hit.
ROMANISED_SHARE = 0.3
# A romanised verdict needs at least this many tokens: one word alone ("ki") decides nothing.
ROMANISED_MIN_TOKENS = 2
# Below either of these, the guess is never confident: a name or a one-word reply is no reason
# to offer a language switch. Names and craft names do not count as words (_signal_words).
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


# Common romanised Bengali function words, pronouns and verbs, with their usual chat spellings
# (bhalo/valo/vlo). No English look-alikes (a, to, me, and, more, hole, take, age, dam, din).
_ROMAN_BN_CORE = _wordset(
    """
    ami amar amake amader amra apni apnar apnara apnake tumi tomar tomake tui tor tar
    ei eta eita ota oita seta sei ekhane okhane
    keno kemon kothay kobe koto kon kono kivabe kibhabe kichu kisu
    onek anek ektu aktu ekta akta ekti shob sob sobai khub kub beshi besi kom
    ache achhe ase achi achen chilo chhilo cilo nai nei hobe hoy hoye hoyeche hoyni holo hoto
    hocche hochhe chai chay dite nite dibo nibo debo diben niben
    kore kori korchi korchhi korbo koren korte korun kora banai baniye banano banay
    jabe jay gelo geche pabo pelam peyechi paini lage lagbe laglo
    bolo bolun bolchi bolbo dekhi dekhun dekhte jani janina janen thake thaki
    bhalo valo vlo kharap sundor notun
    jonno theke kintu kinto ar ebong tobe tai moto sathe songe kache mone abar aro
    ekhon ekhono akhon ajke aaj kalke ekdom shudhu sudhu te
    ta ti gulo guli er amr onk chara chhara korle dile kichhu gechhe dichhi diyechi
    niyechi bujhi bujhte lagche lagchhe bhabe vabe pari parbo paren dao nao
    dhonnobad nomoskar dada didi vai
    """
)
# Craft names every one of our languages uses as is: no language signal on their own.
_CRAFT = _wordset("kantha shari sari saree tant jamdani baluchari dokra terracotta sitalpati madur")
# Craft and trade nouns: they add to the Bengali share only next to a core word, because
# English sentences use them too ("I make kantha quilts").
_ROMAN_BN_NOUNS = _CRAFT | _wordset("kaj kaaj dokan taka bikri daam haat")
# Common romanised Hindi function words and verbs (no English look-alikes: main, the, par, do).
_ROMAN_HI = _wordset(
    """
    mera meri mere hamara humara tumhara aap aapka aapki aapke hum tum ye yeh wo woh
    hai hain hoon hun tha thi ho hota hoti kya kyun kyon kaise kaisa kab kahan kitna kitne
    nahi nahin haan ji accha acha theek chahiye bahut kuch sab lekin aur bhi liye wala wali
    abhi ka ko jo karta karti karte karna karo kijiye raha rahi rahe gaya gayi diya liya
    sakta sakti batao bataiye dijiye banata banati bechta bechti kaam dukaan paisa rupaye
    """
)
# Words both romanised Bengali and Hindi use; they count for both lists.
_ROMAN_SHARED = _wordset("ki ke se na bhai thik")


@dataclass(frozen=True, slots=True)
class Guess:
    lang: Lang | None  # None: no signal (digits, emoji, ids, too short)
    confident: bool  # True only when the text is a real sentence-like signal
    method: str  # "script" | "romanised" | "langdetect" | "none"


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


def _signal_words(tokens: list[str], folded: list[str]) -> int:
    """Words that say something about the language: a capitalised Latin word after the first
    reads as a name ("Rina Das"); craft names ("kantha saree") are the same in every language."""
    return sum(
        1
        for i, (token, fold) in enumerate(zip(tokens, folded, strict=True))
        if not _LATIN.match(token)
        or not ((i and token.istitle()) or fold in _CRAFT or fold.removesuffix("s") in _CRAFT)
    )


def _romanised(tokens: list[str], folded: list[str]) -> Lang | None:
    """bn or hi when enough tokens are common romanised words; script words count for theirs."""
    core_bn = shared = nouns = hi_only = 0
    for token, fold in zip(tokens, folded, strict=True):
        if fold in _ROMAN_BN_CORE or _BENGALI.match(token):
            core_bn += 1
        elif fold in _ROMAN_SHARED:
            shared += 1
        elif fold in _ROMAN_BN_NOUNS:
            nouns += 1
        elif fold in _ROMAN_HI or _DEVANAGARI.match(token):
            hi_only += 1
    bn = core_bn + shared + (nouns if core_bn + shared else 0)
    hi = hi_only + shared
    # Ties go to Bengali: "ki na" is both, and the bot's users are in West Bengal.
    lang, hits = ("hi", hi) if hi > bn else ("bn", bn)
    return lang if hits >= ROMANISED_SHARE * len(tokens) else None


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
        if len(tokens) >= ROMANISED_MIN_TOKENS:
            lang = _romanised(tokens, folded)
            if lang is not None:
                return Guess(lang, confident, "romanised")
    elif bengali + devanagari + latin < SCRIPT_DOMINANCE * letters:
        return _NO_SIGNAL  # another script (Arabic, Tamil...): none of ours
    lang = _langdetect(stripped)
    if lang is None:
        return _NO_SIGNAL
    return Guess(lang, confident, "langdetect")
