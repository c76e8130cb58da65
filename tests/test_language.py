"""detect_language: script, romanised word lists, English words, langdetect fallback and the
confidence rule. Every sentence here was written for these tests (none is taken from a data set)."""

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


# Romanised Bengali chat lines, as sellers type them: the everyday words the first word lists
# missed (kotha, bole, dekhe, niye, jodi, korar, pore, nijer, darun, sotti, koro, naki, aj, eto),
# chat spellings (valo, bujhini, nichhi) and English words mixed in. All Bengali, all confident.
ROMANISED_BENGALI = [
    "apnar kotha ta valo laglo",
    "ami kal dokane jabo",
    "or sathe kotha bole dekhi",
    "dokan theke niye asbo kal",
    "jodi order ase tahole janaben",
    "ei kaj korar jonno ki lagbe",
    "pore kotha bolchi didi",
    "nijer haate baniyechi sob",
    "darun hoyeche design ta",
    "sotti bolchi eta handmade",
    "tumi ekbar dekhe bolo",
    "aj ar hobe na, kal koro",
    "eto dam keno",
    "naki online e bechbo",
    "ami just on holam",
    "amar meye ei shari ta boneche",
    "koto din lagbe delivery te",
    "ekhon ki korbo bujhte parchi na",
    "photo ta pathiye dilam",
    "kalke market e jete hobe",
    "tomar number ta dao",
    "amra gram e kaj kori",
    "bhalo laglo shune",
    "chobi tulte parchi na phone e",
    "onek din por abar suru korlam",
    "ki bhabe register korbo",
    "kono somossa nei, pore dekhbo",
    "sotti darun kaj apnader",
    "eta ki sobai kinte parbe",
    "ami ekhono taka pai ni",
    "kotha dilam kal pathabo",
    "ki holo bolo to",
    "amake ektu help koro please",
    "jodi pari aj rate pathabo",
    "nijer dokan nei, bari theke bechi",
    "eto kharap network ekhane",
    "ma bolche kal jete",
    "ar kichu lagbe naki",
    "apni ki bangla bujhen",
    "thik ache, ami dekhe nichhi",
    "ki korte hobe ekhon",
    "dam ta ektu komano jabe",
    "puro set ta niye nebo",
    "amader gramer sobai selai kore",
    "price koto porbe",
    "darun laglo dada",
    "ami kintu sob bujhini",
    "eta ki free naki taka lagbe",
    "Eta Niye Ami Pore Kotha Bolbo",
]

# English lines, some with a Bengali form of address or an English word that is also romanised
# Bengali (hole, take, more, dam, age, ache, din): English, and confident but for the first.
ENGLISH = [
    ("Thanks dada", False),  # one English word: the form of address does not count
    ("ok didi thank you", True),
    ("Hello bhai, price?", True),
    ("Thank you dada, I will send the photos tomorrow", True),
    ("Please tell me the price of this saree", True),
    ("How much does shipping to the US cost?", True),
    ("I want to sell my products on Amazon", True),
    ("Can you help me with the GST registration", True),
    ("There is a hole in the packet", True),
    ("I will take more photos later", True),
    ("The dam is far from my village", True),
    ("What is the age limit for this scheme?", True),
    ("Sorry bhai, I was busy", True),
    ("Good morning didi, how are you", True),
    ("yes I have done it", True),
    ("Is the payment done?", True),
    ("Where do I upload the pictures?", True),
    ("I am a weaver from Shantipur", True),
    ("The price is 500 rupees per piece", True),
    ("My back ache is bad today", True),
    ("We sell to customers in Kolkata and Delhi", True),
    ("Can I pay by UPI", True),
    ("The din at the market was too loud", True),
]

# Romanised Hindi: Hindi, never Bengali, although many words are both (ki, na, kal, bhai).
ROMANISED_HINDI = [
    "Bhai itna late kyun",
    "mujhe nahi pata yaar",
    "kya haal hai",
    "main kal dukaan jaunga",
    "aap kahan se ho",
    "mera order kab aayega",
    "yeh kitne ka hai",
    "mujhe apna saman bechna hai",
    "thoda jaldi karo bhai",
    "accha theek hai, kal baat karte hain",
    "kya aap meri madad kar sakte hain",
    "humne naya design banaya hai",
    "paise kab milenge",
    "kuch samajh nahi aa raha",
    "abhi time nahi hai mere paas",
    "tum kya kar rahe ho",
]

# Latin text that is neither clearly English nor clearly romanised: never confident, so the
# bot does not interrupt the seller with an offer to switch.
NOT_SURE = [
    "ok",
    "hmm ok",
    "ok bhai",
    "Thanks dada",
    "Rina Das",
    "Sumita Pal Bankura",
    "asdf qwer",
    "Shantipur Nadia",
    "lol",
    "valo",  # one word, however Bengali
    "Good post, date kobe",  # English words, but a Bengali one too
]


@pytest.mark.parametrize("text", ROMANISED_BENGALI)
def test_romanised_bengali(text: str) -> None:
    assert detect_language(text) == Guess("bn", True, "romanised")


@pytest.mark.parametrize(("text", "confident"), ENGLISH)
def test_english(text: str, confident: bool) -> None:
    guess = detect_language(text)
    assert (guess.lang, guess.confident) == ("en", confident), guess


@pytest.mark.parametrize("text", ROMANISED_HINDI)
def test_romanised_hindi(text: str) -> None:
    assert detect_language(text) == Guess("hi", True, "romanised")


@pytest.mark.parametrize("text", NOT_SURE)
def test_not_sure_is_not_confident(text: str) -> None:
    assert not detect_language(text).confident


def test_single_romanised_word_is_bengali_but_not_confident() -> None:
    assert detect_language("darun") == Guess("bn", False, "romanised")
    assert detect_language("kyun") == Guess("hi", False, "romanised")


def test_words_both_languages_share_go_to_bengali() -> None:
    # ki, na are Bengali and Hindi, about as common in both: a tie is Bengali (the users are in
    # West Bengal); one clearly Hindi word makes it Hindi.
    assert detect_language("ki na").lang == "bn"
    assert detect_language("na ki").lang == "bn"
    assert detect_language("ki na hai").lang == "hi"


def test_script_words_in_latin_text_count_for_their_language() -> None:
    assert detect_language("ok amar দোকান te esho").lang == "bn"
    assert detect_language("ok mera दुकान hai yaar").lang == "hi"


def test_elongation_and_case_are_folded() -> None:
    assert detect_language("VALOOOO LAGLOOO").lang == "bn"
    assert detect_language("Khub valooo hoyeche").lang == "bn"


def test_word_lists_load() -> None:
    from bot.language import _lexicon

    bn, hi, lookalike = _lexicon()
    assert len(bn) > 10_000 and len(hi) > 5_000
    for word in (
        "kotha",
        "bole",
        "dekhe",
        "niye",
        "jodi",
        "korar",
        "pore",
        "nijer",
        "darun",
        "sotti",
        "koro",
        "naki",
        "aj",
        "eto",
        "valo",
        "vlo",
        "onk",
        "korchi",
    ):
        assert bn[word] >= 4.0, word
    for word in ("hai", "nahi", "kya", "mujhe", "kyun"):
        assert hi[word] >= 5.0, word
    assert {"ache", "hole", "dam", "din", "age"} <= lookalike
    assert "ami" not in lookalike and "kotha" not in lookalike


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
        ("I make kantha quilts", "words"),
        ("ami just on holam", "romanised"),
        ("আমি Etsy তে কাঁথা বিক্রি করতে চাই", "script"),
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
