"""detect_language: script, romanised word lists, langdetect fallback and the confidence rule."""

from __future__ import annotations

import pytest

from bot.language import Guess, detect_language

# (text, expected lang, expected confident)
CASES: list[tuple[str, str | None, bool]] = [
    # Bengali script, with Bengali digits and the danda
    ("আমি কাঁথা সেলাই করি", "bn", True),
    ("আমার দোকানে ২৫টা শাড়ি আছে।", "bn", True),
    ("বিষ্ণুপুরে আমাদের টেরাকোটার কাজ হয়, দাম ৳৩৫০ থেকে শুরু", "bn", True),
    ("কাঁথা", "bn", False),
    # Hindi (Devanagari)
    ("मैं हाथ से साड़ी बुनती हूँ", "hi", True),
    ("हमारी दुकान कोलकाता में है।", "hi", True),
    # English
    ("I would like to sell my handloom sarees abroad", "en", True),
    ("How do I register for an export licence?", "en", True),
    ("Thank you very much", "en", True),
    # English sentences with Bengali craft words stay English
    ("I make kantha quilts", "en", True),
    ("We weave tant and jamdani sarees in Nadia", "en", True),
    # romanised Bengali
    ("ami kantha sari banai", "bn", True),
    ("amar dokan bankura te", "bn", True),
    ("apni kemon achen", "bn", True),
    ("amar kache onek notun design ache", "bn", True),
    ("ekhon ki korte hobe bolun", "bn", True),
    ("khub bhalo, dhonnobad dada", "bn", True),
    ("valooooo achheee", "bn", True),
    # romanised Hindi
    ("mera naam Sunita hai aur main saree bechti hoon", "hi", True),
    ("aap kaise ho bhai", "hi", True),
    ("mujhe kya karna chahiye", "hi", True),
    # names and one-word replies: never confident
    ("Rina Das", "en", False),
    ("Sumita Pal Bankura", "en", False),
    ("kantha saree", "en", False),
    ("ok", "en", False),
    # numbers, ids, emoji, empty: no signal at all
    ("9830012345", None, False),
    ("+91 98300 12345", None, False),
    ("১২৩৪৫", None, False),
    ("19AAECF2320D1Z5", None, False),
    ("UDYAM-WB-10-0012345", None, False),
    ("🙏🙏😊", None, False),
    ("🧵🪡 👍", None, False),
    ("", None, False),
    ("   \u200b  ", None, False),
    ("/start", None, False),
    ("@export_sathi_bot", None, False),
    ("https://www.example.in/shop/kantha-2024", None, False),
    ("rina.das@example.com", None, False),
    # URLs, emails and ids around real words do not change the answer
    ("amar shop er link https://example.com/rina ekhane ache", "bn", True),
    ("my GSTIN is 19AAECF2320D1Z5, please check", "en", True),
    ("আমার ইমেল rina.das@example.com দেখুন", "bn", True),
    # mixed Bengali and English
    ("আমি Etsy তে কাঁথা বিক্রি করতে চাই", "bn", True),
    ("ok ঠিক আছে thanks bhai", "bn", True),
    # another script is none of ours
    ("நான் புடவை நெய்கிறேன்", None, False),
]


@pytest.mark.parametrize(("text", "lang", "confident"), CASES)
def test_detect_language(text: str, lang: str | None, confident: bool) -> None:
    guess = detect_language(text)
    assert (guess.lang, guess.confident) == (lang, confident), guess


@pytest.mark.parametrize(
    ("text", "method"),
    [
        ("আমি কাঁথা সেলাই করি", "script"),
        ("मैं हाथ से साड़ी बुनती हूँ", "script"),
        ("apni kemon achen", "romanised"),
        ("aap kaise ho bhai", "romanised"),
        ("I make kantha quilts", "langdetect"),
        ("9830012345", "none"),
    ],
)
def test_method(text: str, method: str) -> None:
    assert detect_language(text).method == method


def test_no_signal_is_never_confident() -> None:
    for text, _, _ in CASES:
        guess = detect_language(text)
        assert guess.lang is not None or not guess.confident


def test_deterministic() -> None:
    texts = ["I make kantha quilts", "Rina Das", "amar dokan bankura te", "ok ঠিক আছে thanks"]
    for text in texts:
        first = detect_language(text)
        assert all(detect_language(text) == first for _ in range(20))


def test_guess_is_frozen() -> None:
    guess = detect_language("apni kemon achen")
    assert isinstance(guess, Guess)
    with pytest.raises(AttributeError):
        guess.lang = "en"  # type: ignore[misc]
