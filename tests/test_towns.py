"""Towns, subdivisions and blocks at the district question (issue 15, "Places"): what a seller
types is read as a district, a name shared by several districts is asked about, and the data
file's integrity."""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest

from bot.i18n import Messages
from services import places
from services.places import DistrictMatch, match_district
from storage.db import Database
from tests.chat import ChatUser
from tests.test_places import _raw, _strings

ALL_CODES = {d.code for d in places.districts()}

# What the seller typed -> what comes of it:
#   "BNK"            that district, taken without a question;
#   ["BBR", "PBR"]   a name of several districts: asked, buttons in this order;
#   "~BNK"           not found exactly: "did you mean", this district first;
#   None             nothing at all.
CASES: list[tuple[str, Any]] = [
    # The old districts' names, in every script and spelling: asked, never filed.
    ("বর্ধমান", ["BBR", "PBR"]),
    ("Bardhaman", ["BBR", "PBR"]),
    ("Burdwan", ["BBR", "PBR"]),
    ("বর্ধমানের", ["BBR", "PBR"]),
    ("बर्धमान", ["BBR", "PBR"]),
    ("মেদিনীপুর", ["EME", "PME"]),
    ("Medinipur", ["EME", "PME"]),
    ("Midnapore", ["EME", "PME"]),
    ("দিনাজপুর", ["UDN", "DDN"]),
    ("Dinajpur", ["UDN", "DDN"]),
    ("২৪ পরগনা", ["N24", "S24"]),
    ("24 Parganas", ["N24", "S24"]),
    ("চব্বিশ পরগনা", ["N24", "S24"]),
    # ... but with the direction, or as the headquarters town, one district.
    ("পশ্চিম বর্ধমান", "PBR"),
    ("Purba Bardhaman", "BBR"),
    ("Burdwan town", "BBR"),
    ("Medinipur town", "PME"),
    ("Medinipur Sadar", "PME"),
    ("पश्चिम बर्धमान", "PBR"),
    # Towns, subdivisions and blocks in English or romanised spellings.
    ("Asansol", "PBR"),
    # Said in a sentence: the words around the place are not part of it.
    ("আমার বাড়ি তমলুক", "EME"),
    ("থাকি শান্তিপুরে", "NDA"),
    ("मेरा घर कालना में है", "BBR"),
    ("আমি বিষ্ণুপুরে থাকি", ["BNK", "S24"]),
    ("I live in Siliguri", ["DJL", "JPG"]),
    ("Durgapur", "PBR"),
    ("Raniganj", "PBR"),
    ("Tamluk", "EME"),
    ("Haldia", "EME"),
    ("Contai", "EME"),
    ("Kanthi", "EME"),
    ("Shantipur", "NDA"),
    ("Santipur", "NDA"),
    ("Krishnanagar", "NDA"),
    ("Ranaghat", "NDA"),
    ("Nabadwip", "NDA"),
    ("Phulia", "NDA"),
    ("Nakashipara", "NDA"),
    ("Kalna", "BBR"),
    ("Katwa", "BBR"),
    ("Natungram", "BBR"),
    ("Dariapur", "BBR"),
    ("Bolpur", "BIR"),
    ("Santiniketan", "BIR"),
    ("Shantiniketan", "BIR"),
    ("Rampurhat", "BIR"),
    ("Baharampur", "MSD"),
    ("Berhampore", "MSD"),
    ("Jangipur", "MSD"),
    ("Raiganj", "UDN"),
    ("Balurghat", "DDN"),
    ("Gangarampur", "DDN"),
    ("Kushmandi", "DDN"),
    ("Kharagpur", "PME"),
    ("Ghatal", "PME"),
    ("Chandrakona", "PME"),
    ("Pingla", "PME"),
    ("Naya", "PME"),
    ("Dhaniakhali", "HGL"),
    ("Serampore", "HGL"),
    ("Chinsurah", "HGL"),
    ("Chuchura", "HGL"),
    ("Arambagh", "HGL"),
    ("Uluberia", "HWH"),
    ("Diamond Harbour", "S24"),
    ("Baruipur", "S24"),
    ("Basirhat", "N24"),
    ("Barasat", "N24"),
    ("Bangaon", "N24"),
    ("Barrackpore", "N24"),
    ("Habra", "N24"),
    ("Salt Lake", "N24"),
    ("Dinhata", "COB"),
    ("Mathabhanga", "COB"),
    ("Jalpaiguri town", "JPG"),
    ("Mal", "JPG"),
    ("Malbazar", "JPG"),
    ("Kurseong", "DJL"),
    ("Mirik", "DJL"),
    ("Alipurduar town", "APD"),
    ("Kalimpong town", "KPG"),
    ("Purulia town", "PRL"),
    ("Raghunathpur", "PRL"),
    ("Jhargram town", "JGM"),
    ("English Bazar", "MLD"),
    ("Malda town", "MLD"),
    ("Chanchal", "MLD"),
    ("Sonamukhi", "BNK"),
    ("Panchmura", "BNK"),
    # Bengali script, with its endings, and Devanagari.
    ("আসানসোল", "PBR"),
    ("আসানসোলে", "PBR"),
    ("দুর্গাপুর", "PBR"),
    ("কাঁথি", "EME"),
    ("শান্তিপুর", "NDA"),
    ("কালনায়", "BBR"),
    ("খড়গপুর", "PME"),
    ("খরগপুর", "PME"),  # র for ড়
    ("বোলপুর", "BIR"),
    ("চুঁচুড়া", "HGL"),
    ("নবদ্বীপ", "NDA"),
    ("আসনসোল", "~PBR"),  # a letter short: a guess, not an answer
    ("दुर्गापुर", "PBR"),
    ("खड़गपुर", "PME"),
    # A block's number and words around the name.
    ("Kalna 1", "BBR"),
    ("Kalna-II block", "BBR"),
    ("কালনা ২ নং ব্লক", "BBR"),
    ("Contai III", "EME"),
    ("Kalna, West Bengal", "BBR"),
    # Names of places in two districts, and a town on a district border: asked.
    ("Siliguri", ["DJL", "JPG"]),
    ("শিলিগুড়ি", ["DJL", "JPG"]),
    ("सिलीगुड़ी", ["DJL", "JPG"]),
    ("Bishnupur", ["BNK", "S24"]),
    ("বিষ্ণুপুর", ["BNK", "S24"]),
    ("Sankrail", ["HWH", "JGM"]),
    ("Jaipur", ["BNK", "PRL"]),
    ("জয়পুর", ["BNK", "PRL"]),
    # Two names together settle it, or ask among what they share, or offer both.
    ("Bishnupur, Bankura", "BNK"),
    ("Bishnupur 24 Parganas", "S24"),
    ("বিষ্ণুপুর বাঁকুড়া", "BNK"),
    ("Siliguri, Jalpaiguri", "JPG"),
    ("Asansol, Burdwan", "PBR"),
    ("Vill Naya, PO Pingla, Dist Paschim Medinipur", "PME"),
    ("Bardhaman, West Bengal", ["BBR", "PBR"]),
    ("Kalna, Nadia", "~BBR"),
    # District names with typos still get their guesses, towns only when clear.
    ("Bnakura", "~BNK"),
    ("Purulya", "~PRL"),
    ("Kolkota", "~KOL"),
    ("Murshidabd", "~MSD"),
    ("Krisnanagar", "~NDA"),
    ("Durgapure", "~PBR"),
    ("Kharagpure", "~PME"),
    ("Siliguru", "~DJL"),
    # District names as before.
    ("Bankura", "BNK"),
    ("বাঁকুড়া", "BNK"),
    ("24 pgs north", "N24"),
    ("South Dinajpur", "DDN"),
    # Junk.
    ("আমি জানি না", None),
    ("hello", None),
    ("১২৩", None),
    ("Paris", None),
    ("I live in Mal", "JPG"),  # Mal, Jalpaiguri: the sentence around it is dropped
    ("Burwan", None),  # a Murshidabad block's spelling, one letter from Burdwan: left out
    ("", None),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_what_a_seller_types_at_the_district_question(text: str, expected: Any) -> None:
    match = match_district(text)
    if expected is None:
        assert match == DistrictMatch(None), match
    elif isinstance(expected, list):
        assert match.district is None and match.suggestions == ()
        assert [d.code for d in match.choices] == expected
        assert match.place is not None
    elif expected.startswith("~"):
        assert match.district is None and match.choices == ()
        assert match.suggestions and match.suggestions[0].code == expected[1:], match
        assert len(match.suggestions) <= places.MAX_SUGGESTIONS
    else:
        assert match.district is not None and match.district.code == expected, match
        assert match.choices == () and match.suggestions == ()


def test_the_table_is_big_enough() -> None:
    assert len(CASES) >= 60


def test_a_town_says_which_town_it_was() -> None:
    match = match_district("Asansol")
    assert match.district is not None and match.district.code == "PBR"
    match = match_district("খড়গপুর")
    assert match.place is not None and match.place.en == "Kharagpur"
    shared = match_district("বর্ধমান").place
    assert shared is not None and shared.shared_district_name
    assert (shared.name("bn"), shared.name("en")) == ("বর্ধমান", "Bardhaman")
    border = match_district("Siliguri").place
    assert border is not None and not border.shared_district_name


# --- the data file ---------------------------------------------------------------------------


def _towns_raw() -> dict[str, Any]:
    return _raw(places.TOWNS_FILE)  # type: ignore[return-value]


def test_towns_file_has_its_sources_and_date() -> None:
    raw = _towns_raw()
    assert raw["checked_on"] == places.towns_checked_on() == "2026-12-04"
    sources = " ".join(raw["_sources"])
    assert "Census of India 2011" in sources and "2017" in sources
    assert raw["_how_to_add"]


def test_every_string_is_nfc() -> None:
    for s in _strings(_towns_raw()):
        assert unicodedata.normalize("NFC", s) == s, s


def test_every_block_subdivision_and_district_is_covered() -> None:
    towns = places.towns()
    blocks = {code: 0 for code in ALL_CODES}
    for place in towns:
        assert set(place.districts) <= ALL_CODES, place.en
        assert any("\u0980" <= ch <= "\u09ff" for ch in place.bn), place.en
        if "block" in place.kinds:
            for code in place.districts:
                blocks[code] += 1
    assert blocks.pop("KOL") == 0  # Kolkata has no blocks
    assert all(count >= 4 for count in blocks.values()), blocks
    # 269 names; with their I, II and III, the 345 blocks of 2026 (341 in the 2011 census).
    assert sum(1 for p in towns if "block" in p.kinds) >= 260
    assert sum(1 for p in towns if "subdivision" in p.kinds) >= 60


@pytest.mark.parametrize("place", places.towns(), ids=lambda p: f"{p.en}-{p.districts[0]}")
def test_every_name_of_a_place_finds_its_district(place: places.Place) -> None:
    for name in (place.en, place.bn, *place.aliases):
        match = match_district(name)
        if match.district is not None:
            assert match.district.code in place.districts, name
        else:  # a name of several districts: this one is among them
            assert set(place.districts) <= {d.code for d in match.choices}, name


def _entry(en: str = "Aaa", **extra: Any) -> dict[str, Any]:
    entry = {"en": en, "bn": "আআ", "districts": ["BNK"], "kinds": ["town"], "aliases": []}
    return {**entry, **extra}


@pytest.mark.parametrize(
    ("raw", "needle"),
    [
        ({"checked_on": "2026-12-04", "places": [_entry(districts=["ZZZ"])]}, "ZZZ"),
        ({"checked_on": "2026-12-04", "places": [_entry(kinds=["city"])]}, "kinds"),
        ({"checked_on": "2026-12-04", "places": [_entry(en="Purulia")]}, "'PRL'"),
        ({"checked_on": "2026-12-04", "places": [_entry(en="Dinajpur")]}, "shared"),
        ({"checked_on": "2026-12-04", "places": [_entry(bn="ব\u09c7\u09beলপুর")]}, "NFC"),
        ({"checked_on": "2026-12-04", "places": [_entry(district="BNK")]}, "unknown fields"),
        ({"places": [_entry()]}, "checked_on"),
        ([_entry()], "places"),
    ],
)
def test_bad_towns_raise(raw: Any, needle: str) -> None:
    with pytest.raises(ValueError, match=r"towns\.json") as info:
        places._parse_towns(raw, places._district_data())
    assert needle in str(info.value)


def test_a_district_may_not_take_a_name_the_districts_share() -> None:
    raw = [
        {"code": "AAA", "en": "East Xpur", "bn": "আ", "hq": "Xpur", "aliases": []},
        {"code": "BBB", "en": "West Xpur", "bn": "ব", "hq": "Ypur", "aliases": ["Xpur"]},
    ]
    with pytest.raises(ValueError, match="shared"):
        places._parse_districts(raw)


@pytest.mark.parametrize("locale", ["bn", "en", "hi"])
def test_the_questions_render_in_every_language(messages: Messages, locale: str) -> None:
    args = {"place": "<b>X</b>", "first": "A", "second": "B"}
    for key in ("places-which-district", "places-which-town"):
        text = messages.text(locale, key, args)
        assert "&lt;b&gt;X&lt;/b&gt;" in text and "A" in text and "B" in text
    assert "&lt;b&gt;" in messages.text(locale, "places-which-many", {"place": "<b>"})


# --- through the registration ----------------------------------------------------------------


async def _at_the_district_question(user: ChatUser) -> None:
    await user.says("/start")
    await user.presses("বাংলা")
    await user.presses("আমি রাজি")
    await user.says("রিনা দাস")
    await user.presses("বাদ দিন")
    assert "কোন জেলায়" in user.text()


async def _answers(db: Database, user_id: int) -> dict[str, Any]:
    async with db.transaction() as repo:
        state = await repo.conversations.get(user_id)
    assert state is not None
    return state.answers


async def test_bardhaman_asks_purba_or_paschim_and_the_button_files_it(
    seller: ChatUser, db: Database
) -> None:
    await _at_the_district_question(seller)
    await seller.says("বর্ধমান")
    asked = seller.last[0]
    assert "বর্ধমান দুটো জেলা: পূর্ব বর্ধমান না পশ্চিম বর্ধমান?" in asked.text
    assert [b.label for row in asked.buttons for b in row] == ["পূর্ব বর্ধমান", "পশ্চিম বর্ধমান"]
    # The district question is still there, with all 23 districts.
    assert "কোন জেলায়" in seller.last[-1].text and len(seller.buttons()) >= 23
    assert "district" not in await _answers(db, seller.user_id)
    paschim = asked.buttons[1][0]
    await seller.presses_data(paschim.data)
    assert "মোবাইল নম্বর" in seller.text()
    assert (await _answers(db, seller.user_id))["district"] == "PBR"


async def test_after_the_question_another_district_can_be_typed(
    seller: ChatUser, db: Database
) -> None:
    await _at_the_district_question(seller)
    await seller.says("মেদিনীপুর")
    assert "পূর্ব মেদিনীপুর না পশ্চিম মেদিনীপুর?" in seller.text()
    await seller.says("বাঁকুড়া")
    assert (await _answers(db, seller.user_id))["district"] == "BNK"


async def test_asansol_is_filed_in_paschim_bardhaman_and_shown_in_the_summary(
    seller: ChatUser, db: Database
) -> None:
    await _at_the_district_question(seller)
    await seller.says("Asansol")
    assert "মোবাইল নম্বর" in seller.text()  # taken without a question
    assert "দুটো জেলা" not in seller.text()
    await seller.says("৯৮৩০০ ১২৩৪৫")
    await seller.presses("পাটের জিনিস")  # Paschim Bardhaman's crafts are offered
    await seller.presses("বাদ দিন")
    await seller.presses("বাদ দিন")
    await seller.presses("বাদ দিন")
    assert "মিলিয়ে নিন" in seller.text() and "পশ্চিম বর্ধমান" in seller.text()
    await seller.presses("হ্যাঁ, সব ঠিক আছে")
    async with db.transaction() as repo:
        saved = await repo.sellers.get(seller.user_id)
    assert saved is not None and saved.district == "PBR"


async def test_a_border_town_asks_in_english(router, db: Database) -> None:
    user = ChatUser(router, 7007, language_code="en")
    await user.says("/start")
    await user.presses("English")
    await user.presses("I agree")
    await user.says("Rina Das")
    await user.presses("Skip")
    await user.says("Siliguri")
    assert "Which district is Siliguri in: Darjeeling or Jalpaiguri?" in user.last[0].text
    jalpaiguri = user.last[0].buttons[1][0]
    assert jalpaiguri.label == "Jalpaiguri"
    await user.presses_data(jalpaiguri.data)
    assert (await _answers(db, user.user_id))["district"] == "JPG"
