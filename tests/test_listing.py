"""Listing composer: Amazon's limits, the GI rule, HS headings, glossary terms and romanisation."""

from __future__ import annotations

import dataclasses
import json
import unicodedata
from importlib import resources

import pytest
import regex
from wordfreq import top_n_list

from services import listing, places
from services.catalogue import Listing, ProductFacts, Size
from services.listing import (
    BULLET_MAX_CHARS,
    KEYWORDS_MAX_BYTES,
    MAX_BULLETS,
    TITLE_MAX_CHARS,
    compose_listing,
    romanise,
)

CRAFT_IDS = [
    c["id"]
    for c in json.loads((resources.files("content") / "data" / "crafts.json").read_text("utf-8"))
]
SMALL = {"a", "an", "the", "and", "or", "for", "of", "with", "in", "on", "x"}
BENGALI = regex.compile(r"[\u0980-\u09ff]")
EMOJI = regex.compile(r"[\p{So}\p{Cs}\p{Co}\p{Cn}\U0001F000-\U0001FAFF\u2600-\u27bf\ufe0f\u200d]")
TITLE_BANNED = set("!$?_{}^¬¦~#<>*")

HORSE = ProductFacts(
    sku="BH-1",
    craft_id="bankura_horse",
    what_text="ঘোড়া",
    material="মাটি",
    size=Size((30.0,), "cm"),
    weight_g=800,
    colour="লাল",
    price_inr=1200,
    stock=5,
    special="হাতে তৈরি",
    district="BNK",
    brand="দাস হ্যান্ডিক্রাফটস",
    gi_authorised=True,
)
LONG_BENGALI_NAME = ("মা দুর্গা হস্তশিল্প ও কুটির শিল্প সমবায় সমিতি লিমিটেড " * 4)[:150]
LONG_FACTS = ProductFacts(
    sku="LONG",
    craft_id="malda_mango",  # the craft with the most aliases
    what_text="অসাধারণ সুন্দর হাতে তৈরি জিনিস যা গ্রামের মানুষ বানায় খুব যত্ন করে " * 3,
    material="পিতল তামা কাঁসা রেশম সুতি পাট বাঁশ বেত কাঠ শোলা অজানা অদ্ভুত উপাদান " * 3,
    colour="লাল নীল সবুজ হলুদ কালো সাদা বাদামি গোলাপি কমলা বেগুনি মেরুন অচেনা রং " * 3,
    size=Size((10.0, 20.0, 30.0), "cm"),
    weight_g=1500,
    special="হাতে তৈরি, প্রাকৃতিক রং, হাতে আঁকা, পরিবেশবান্ধব, ঐতিহ্যবাহী, সূক্ষ্ম কাজ, "
    "উপহার, পুজো, বিয়ে, টেকসই, ইউনিক, জিআই",
    district="MLD",
    brand=LONG_BENGALI_NAME,
)
NASTY = ProductFacts(
    sku="X<1>",
    what_text="<b>পিতলের</b> হাতি 😍🔥 <script>alert(1)</script> best offer!!!",
    material="পিতল 👍",
    colour="<i>লাল</i> ❤️",
    special="হাতে তৈরি ✨ call 98300 12345 www.example.com",
    district="HWH",
    brand="Roy's 🙂 <b>Crafts</b>! call +91 98300 12345, roy@example.com",
    stock=0,
    days_to_make=10,
)


def _texts(item: Listing) -> list[str]:
    fields = [item.title, *item.bullets, item.description, item.keywords]
    extra = (item.material_en, item.colour_en, item.brand_en, item.gi_name)
    return fields + [f for f in extra if f]


def _word_counts(title: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for word in regex.findall(r"[\p{L}\p{N}]+", title.casefold()):
        if word not in SMALL and not word.isdigit():
            counts[word] = counts.get(word, 0) + 1
    return counts


# --- the shape of a listing --------------------------------------------------------------------


def test_bankura_horse_reads_like_an_amazon_title() -> None:
    item = compose_listing(HORSE)
    assert item.title == (
        "Das Handicrafts Bankura Terracotta Horse Figurine, Handmade Clay Decor, 30 cm, Red"
    )
    assert item.bullets[0] == (
        "Craft and origin: GI-tagged Bankura Panchmura Terracotta Craft from Bankura, "
        "West Bengal, India"
    )
    assert "Size: 30 cm (11.8 in); Weight: 800 g (1.8 lb)" in item.bullets
    assert item.material_en == "Terracotta Clay"
    assert (item.colour_en, item.brand_en) == ("Red", "Das Handicrafts")
    assert (item.hs_heading, item.gi_tagged) == ("6913", True)


def test_composing_is_deterministic() -> None:
    assert compose_listing(HORSE) == compose_listing(HORSE)
    assert compose_listing(LONG_FACTS) == compose_listing(LONG_FACTS)


@pytest.mark.parametrize("facts", [HORSE, LONG_FACTS, NASTY, ProductFacts(sku="EMPTY")])
def test_limits_hold(facts: ProductFacts) -> None:
    item = compose_listing(facts)
    assert 0 < len(item.title) <= TITLE_MAX_CHARS
    assert len(item.bullets) <= MAX_BULLETS
    assert all(0 < len(b) <= BULLET_MAX_CHARS for b in item.bullets)
    assert len(item.keywords.encode("utf-8")) <= KEYWORDS_MAX_BYTES
    assert not TITLE_BANNED & set(item.title)
    assert all(n <= 2 for n in _word_counts(item.title).values())
    for text in _texts(item):
        assert not BENGALI.search(text), text
        assert not EMOJI.search(text), text
        assert not set("™®©€<>") & set(text), text
        assert "N/A" not in text and "TBD" not in text
        assert unicodedata.normalize("NFC", text) == text


def test_long_bengali_name_and_long_answers_still_fit() -> None:
    item = compose_listing(LONG_FACTS)
    assert len(LONG_BENGALI_NAME) == 150
    assert item.brand_en and item.brand_en.isascii()
    assert item.brand_en not in item.title  # too long for a title; it stays in brand_en
    assert len(item.title) <= TITLE_MAX_CHARS
    assert not item.title.endswith((",", "-", " and"))
    assert len(item.keywords.encode()) <= KEYWORDS_MAX_BYTES


def test_an_overlong_name_is_cut_between_words() -> None:
    # 60 everyday English words (kept: the seller wrote English), far over 200 characters
    words = [w.capitalize() for w in top_n_list("en", 2000) if regex.fullmatch("[a-z]{7,}", w)]
    words = words[:60]
    item = compose_listing(ProductFacts(sku="W", what_text=" ".join(words)))
    assert len(item.title) <= TITLE_MAX_CHARS
    assert item.title.split() == words[: len(item.title.split())]
    assert len(item.title) > TITLE_MAX_CHARS - 10  # it used the room it had


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("Bankura Terracotta Horse", 200, "Bankura Terracotta Horse"),
        ("Bankura Terracotta Horse", 18, "Bankura Terracotta"),
        ("Bankura Terracotta, Horse", 19, "Bankura Terracotta"),  # no dangling comma
        ("Red and White", 10, "Red"),  # no dangling "and"
        ("Red - White", 8, "Red"),
        ("Mat (murta cane)", 12, "Mat"),  # no unclosed parenthesis
    ],
)
def test_cut_at_a_word_boundary(text: str, limit: int, expected: str) -> None:
    assert listing._cut(text, limit) == expected


def test_banned_characters_and_promotional_words_are_stripped() -> None:
    item = compose_listing(
        ProductFacts(
            sku="B",
            craft_id="dokra",
            brand="Das!! $Crafts? {Best} ^_^ ~#<>* ¬¦",
            what_text="best sale offer horse",
            district="BNK",
        )
    )
    assert not TITLE_BANNED & set(item.title)
    assert not {"best", "sale", "offer"} & set(item.title.casefold().split())
    assert item.title.startswith("Das Crafts Dokra")


def test_no_word_appears_three_times() -> None:
    item = compose_listing(
        ProductFacts(
            sku="R",
            craft_id="dokra",
            brand="Dokra Dokra Arts",
            what_text="dokra dokra ঘোড়া horse horse horse",
            material="dokra",
            district="BNK",
        )
    )
    assert all(n <= 2 for n in _word_counts(item.title).values()), item.title


# --- GI: the craft's registration and the seller's district ------------------------------------


@pytest.mark.parametrize(
    ("craft_id", "district", "gi_name"),
    [
        ("dokra", "BNK", "Bengal Dokra"),
        ("dokra", "BBR", "Bengal Dokra"),
        ("dokra", "HWH", None),  # Dokra made in Howrah is not the GI
        ("dokra", None, None),
        ("darjeeling_tea", "DJL", "Darjeeling Tea"),
        ("darjeeling_tea", "JPG", None),
        ("baluchari", "BNK", "Baluchari Saree"),
        ("baluchari", "MSD", "Baluchari Saree"),
        ("baluchari", "KOL", None),
        ("chhau_mask", "PRL", "Purulia Chau Mask"),
        ("gobindabhog", "HGL", "Gobindabhog Rice"),  # statewide GI
        ("gobindabhog", None, "Gobindabhog Rice"),
        ("sitalpati", "COB", None),  # not a GI
        ("terracotta", "BNK", None),  # the statewide craft is not the Panchmura GI
    ],
)
def test_gi_rule(craft_id: str, district: str | None, gi_name: str | None) -> None:
    facts = ProductFacts(sku="G", craft_id=craft_id, district=district, gi_authorised=True)
    item = compose_listing(facts)
    assert (item.gi_tagged, item.gi_name) == (gi_name is not None, gi_name)
    gi_said = any("GI" in text for text in (*item.bullets, item.description))
    assert gi_said == (gi_name is not None)
    # A seller who has not said they are a registered authorised user: no GI name at all.
    plain = compose_listing(dataclasses.replace(facts, gi_authorised=False))
    assert not plain.gi_tagged and plain.gi_name is None
    texts = (plain.title, *plain.bullets, plain.description, plain.keywords)
    assert not any("GI" in text or "Geographical" in text for text in texts)


def test_a_seller_saying_gi_does_not_make_it_gi() -> None:
    item = compose_listing(
        ProductFacts(sku="G", craft_id="dokra", district="HWH", special="জিআই ট্যাগ, GI tagged")
    )
    assert not item.gi_tagged
    assert not any("GI" in text for text in (item.title, *item.bullets, item.description))


# --- HS headings ---------------------------------------------------------------------------------


@pytest.mark.parametrize("craft_id", CRAFT_IDS)
def test_every_glossary_craft_has_its_heading_and_fits(craft_id: str) -> None:
    craft = places.craft(craft_id)
    assert craft is not None
    district = None if craft.statewide else craft.districts[0]
    item = compose_listing(ProductFacts(sku="C", craft_id=craft_id, district=district))
    assert item.hs_heading == craft.hs
    assert len(item.keywords.encode()) <= KEYWORDS_MAX_BYTES
    assert len(item.title) <= TITLE_MAX_CHARS
    assert item.keywords == item.keywords.casefold()
    kw = item.keywords.split()
    assert len(kw) == len(set(kw))
    assert not set(kw) & {w.casefold() for w in regex.findall(r"[\p{L}]+", item.title)}


@pytest.mark.parametrize(
    ("what", "material", "heading"),
    [
        ("পিতলের হাতি", None, "8306"),
        ("হাতি", "কাঁসা", "8306"),
        ("পাটের ব্যাগ", None, "4202"),
        ("কাঠের মুখোশ", None, "4420"),
        ("পোড়ামাটির ঘোড়া", None, "6913"),
        ("মাটির পুতুল", None, "6815"),  # sun-dried clay: Chapter 69 is only for fired goods
        ("বেডশিট", "সুতি", "6302"),  # bed linen, not 6304
        ("পাটের মাদুর", None, "5702"),  # a jute mat is a floor covering, not a bag's 4202
        ("মাদুর", None, None),  # a mat of what? the material decides
        ("বাঁশের ঝুড়ি", None, "4602"),
        ("সিল্কের শাড়ি", None, "5007"),
        ("শাড়ি", "সুতি", "5208"),
        ("কাঁথা", None, "6304"),
        ("দুল", None, "7117"),
        ("সোনার দুল", None, "7113"),
        ("পিতলের বাটি", None, "7418"),  # copper-alloy household articles
        ("মাটির থালা", "পোড়ামাটি", "6912"),
        ("থালা", None, None),  # tableware of unknown material
        ("প্রদীপ", "পিতল", "9405"),
        ("কিছু একটা", None, None),
    ],
)
def test_hs_heading_inferred_without_a_craft(
    what: str, material: str | None, heading: str | None
) -> None:
    item = compose_listing(ProductFacts(sku="H", what_text=what, material=material))
    assert item.hs_heading == heading


# --- glossary terms ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("material", "english"),
    [
        ("মাটি", "Clay"),
        ("পোড়ামাটি", "Terracotta Clay"),
        ("পিতলের", "Brass"),
        ("কাঁসা", "Bell Metal"),
        ("তসর", "Tussar Silk"),
        ("শীতলপাটি", "Murta Cane (Sitalpati)"),
        ("পিতল ও তামা", "Brass and Copper"),
        ("Cotton", "Cotton"),
        ("शाँख", None),  # unknown: left out, never transliterated into an English field
        ("pata", None),  # Banglish, not English: left out
        ("recycled cotton", "Recycled Cotton"),  # an everyday English word is kept
    ],
)
def test_material_terms(material: str, english: str | None) -> None:
    assert compose_listing(ProductFacts(sku="M", material=material)).material_en == english


@pytest.mark.parametrize(
    ("colour", "english"),
    [
        ("লাল", "Red"),
        ("লাল-সাদা", "Red and White"),
        ("লাল, সাদা আর কালো", "Red, White and Black"),
        ("গাঢ় নীল", "Dark Blue"),
        ("ঘিয়ে রং", "Off-white"),
        ("ধানী", None),  # not in the glossary: left out
        ("नीला", "Blue"),
        ("sky blue", "Sky Blue"),
        ("multi", "Multicolor"),  # the product flow's colour button ids are English
        ("brown", "Brown"),
    ],
)
def test_colour_terms(colour: str, english: str | None) -> None:
    assert compose_listing(ProductFacts(sku="C", colour=colour)).colour_en == english


def test_special_words_become_features_and_made_to_order_is_said() -> None:
    item = compose_listing(
        ProductFacts(
            sku="F",
            craft_id="patachitra",
            special="হাতে আঁকা, প্রাকৃতিক রং; সেরা মানের",
            stock=0,
            days_to_make=12,
            district="PME",
        )
    )
    features = item.bullets[1]
    assert features.startswith("Features: Handmade; Hand-painted; Natural dyes")
    assert features.endswith("Made to order in about 12 days")
    assert "best" not in item.description.casefold()
    in_stock = compose_listing(ProductFacts(sku="F", craft_id="patachitra", stock=3))
    assert not any("Made to order" in b for b in in_stock.bullets)


def test_food_is_not_called_handmade() -> None:
    item = compose_listing(ProductFacts(sku="T", craft_id="darjeeling_tea", district="DJL"))
    assert "handmade" not in (item.title + " ".join(item.bullets) + item.keywords).casefold()


# --- romanisation --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bengali", "latin"),
    [
        ("দাস", "Das"),
        ("শ্যামল কুমার পাল", "Shyamal Kumar Pal"),
        ("বাঁকুড়া", "Bankura"),  # ড় as NFC gives it: letter + nukta
        ("জয়া মুখোপাধ্যায়", "Jaya Mukhopadhyay"),
        ("রবীন্দ্রনাথ", "Rabindranath"),
        ("মিত্র", "Mitra"),  # conjunct at the end keeps its a
        ("বিকনা ডোকরা শিল্পী", "Bikna Dokra Shilpi"),  # silent medial a
        ("সরকার", "Sarkar"),
        ("সুন্দরবন", "Sundarban"),
        ("শীতলপাটি", "Shitalpati"),
        ("উৎপল", "Utpal"),
        ("বাঁকুড়ার", "Bankurar"),
        ("राम", "Ram"),
        ("ছৌ", "Chhau"),
        ("বাংলা", "Bangla"),
        ("क्षेत्र", "Kshetra"),
        ("Das & Sons", "Das & Sons"),
    ],
)
def test_romanise(bengali: str, latin: str) -> None:
    assert romanise(bengali) == latin


@pytest.mark.parametrize(
    ("brand", "english"),
    [
        ("দাস হ্যান্ডিক্রাফটস", "Das Handicrafts"),
        ("শ্রী দুর্গা ক্রাফটস", "Sri Durga Crafts"),
        ("পাল ও সন্স", "Pal and Sons"),
        ("ABC crafts", "ABC Crafts"),
        ("  das   handicrafts  ", "Das Handicrafts"),
    ],
)
def test_brand(brand: str, english: str) -> None:
    item = compose_listing(ProductFacts(sku="B", brand=brand, craft_id="dokra"))
    assert item.brand_en == english
    assert item.title.startswith(english)
    assert not set(english.casefold().split()) - SMALL & set(item.keywords.split())


def test_a_bengali_brand_comes_out_in_ascii_latin_letters() -> None:
    item = compose_listing(ProductFacts(sku="B", brand="ঝুমা বন্দ্যোপাধ্যায়ের কারিগরি"))
    assert item.brand_en is not None
    assert regex.fullmatch(r"[A-Za-z ]+", item.brand_en), item.brand_en


# --- hostile input -------------------------------------------------------------------------------


def test_emoji_html_and_contacts_never_reach_the_listing() -> None:
    item = compose_listing(NASTY)
    for text in _texts(item):
        assert not EMOJI.search(text), text
        assert "<" not in text and ">" not in text, text
        assert "98300" not in text and "example" not in text and "@" not in text, text
    assert item.brand_en == "Roy's Crafts"
    assert item.title.startswith("Roy's Crafts Brass Elephant Figurine")
    assert item.colour_en == "Red"


def test_description_is_plain_and_has_no_price_or_stock() -> None:
    item = compose_listing(HORSE)
    assert "1200" not in item.description and "₹" not in item.description
    assert "stock" not in item.description.casefold()
    assert "http" not in item.description and "<" not in item.description
    assert item.description.split("\n\n")[0].startswith("Bankura Terracotta Horse Figurine")


# --- the glossary file ---------------------------------------------------------------------------


def test_glossary_loads_and_is_nfc() -> None:
    raw = (resources.files("content") / "data" / "glossary.json").read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", raw) == raw
    glossary = listing._glossary()
    assert len(glossary.phrases["features"]) >= 25
    assert glossary.phrases["features"][("জিআই",)] is None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"materials": {"পিতল": "brass", "পিতল!": "bronze"}}, "folds onto"),
        ({"hs_materials": {"brass": "83"}}, "4 digits"),
        ({"colours": {"red": ""}}, "non-empty"),
        ({"stopwords": "ও"}, "list of strings"),
    ],
)
def test_glossary_errors_are_caught(change: dict[str, object], message: str) -> None:
    raw = json.loads(
        (resources.files("content") / "data" / "glossary.json").read_text(encoding="utf-8")
    )
    raw.update(change)
    with pytest.raises(ValueError, match=message):
        listing._parse_glossary(raw)


@pytest.mark.parametrize(
    ("craft_id", "district", "what", "protected"),
    [
        ("darjeeling_tea", "DJL", "দার্জিলিং চা", "darjeeling"),
        ("baluchari", "BNK", "বালুচরী শাড়ি", "baluchari"),
        ("bankura_horse", "BNK", None, "panchmura"),
        ("malda_mango", "MLD", "হিমসাগর আম", "himsagar"),
    ],
)
def test_a_gi_name_is_not_used_by_a_seller_who_may_not(
    craft_id: str, district: str, what: str | None, protected: str
) -> None:
    """Not a registered authorised user: the item is described without its GI name, in the
    title, bullets, description and search terms; an authorised user gets it."""
    facts = ProductFacts(sku="G", craft_id=craft_id, what_text=what, district=district)
    plain = compose_listing(facts)
    fields = (plain.title, *plain.bullets, plain.description, plain.keywords)
    assert protected not in " ".join(fields).casefold().replace("-", " ").split(" ")
    assert not plain.gi_tagged and plain.title
    named = compose_listing(dataclasses.replace(facts, gi_authorised=True))
    assert named.gi_tagged and protected in " ".join((named.title, *named.bullets)).casefold()


def test_every_craft_item_has_a_product_type_and_a_label_in_each_locale() -> None:
    from bot.i18n import Messages

    messages = Messages()
    items = listing._glossary().items
    for craft in places.crafts():
        for item in craft.items:
            assert item in items, f"{craft.id}: item {item!r} not in the glossary's items"
            for locale in ("bn", "en", "hi"):
                text = messages.text(locale, f"item-{item}")
                assert text and text != f"item-{item}", (locale, item)
        if craft.kind not in ("food", "tea"):
            assert craft.items, f"{craft.id}: a craft picked by its button must offer items"
