"""Districts and crafts: the data files' integrity and the forgiving matchers the flows rely on."""

from __future__ import annotations

import dataclasses
import json
import unicodedata
from importlib import resources
from typing import Any

import pytest

from services import places
from services.places import (
    Craft,
    DistrictMatch,
    craft,
    crafts_for,
    district,
    districts,
    match_craft,
    match_district,
)

ALL_CODES = [d.code for d in districts()]


def _raw(name: str) -> list[dict[str, Any]]:
    return json.loads((resources.files("content") / "data" / name).read_text(encoding="utf-8"))


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    return []


# --- match_district ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("বাঁকুড়া", "BNK"),
        ("বাকুড়া", "BNK"),
        ("Bankura", "BNK"),
        ("bankura", "BNK"),
        (" BANKURA ", "BNK"),
        (unicodedata.normalize("NFD", "বাঁকুড়া"), "BNK"),
        ("বাঁকু\u200dড়া", "BNK"),
        ("24 pgs north", "N24"),
        ("North 24 Parganas", "N24"),
        ("উত্তর ২৪ পরগনা", "N24"),
        ("উত্তর চব্বিশ পরগনা", "N24"),
        ("uttar 24 pgs", "N24"),
        ("N 24 Parganas", "N24"),
        ("24pgs (N)", "N24"),
        ("দক্ষিণ ২৪ পরগনা", "S24"),
        ("South 24 Pgs", "S24"),
        ("Maldah", "MLD"),
        ("মালদহ", "MLD"),
        ("English Bazar", "MLD"),
        ("নদিয়া", "NDA"),
        ("নদীয়া", "NDA"),
        ("East Burdwan", "BBR"),
        ("West Burdwan", "PBR"),
        ("Asansol", "PBR"),
        ("Durgapur", "PBR"),
        ("West Midnapore", "PME"),
        ("Medinipur West", "PME"),
        ("পশ্চিম মেদিনীপুর", "PME"),
        ("East Midnapore", "EME"),
        ("Purba Medinipur", "EME"),
        ("Calcutta", "KOL"),
        ("Darjiling", "DJL"),
        ("Coochbehar", "COB"),
        ("Koch Bihar", "COB"),
        ("Hugli", "HGL"),
        ("Hoogly", "HGL"),
        ("South Dinajpur", "DDN"),
        ("উত্তর দিনাজপুর", "UDN"),
        ("Suri", "BIR"),
        ("Murshidabad district", "MSD"),
        ("হাওরা", "HWH"),  # a common typed spelling, kept as an alias: exact, not a suggestion
    ],
)
def test_match_district_exact(text: str, code: str) -> None:
    match = match_district(text)
    assert match.district is not None and match.district.code == code
    assert match.suggestions == ()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Bankra", "BNK"),
        ("Bnakura", "BNK"),
        ("Purulya", "PRL"),
        ("Murshidabd", "MSD"),
        ("Kolkota", "KOL"),
        ("Hugly", "HGL"),
        ("Krisnanagar", "NDA"),
    ],
)
def test_match_district_typo_suggests(text: str, code: str) -> None:
    match = match_district(text)
    assert match.district is None
    assert 1 <= len(match.suggestions) <= places.MAX_SUGGESTIONS
    assert match.suggestions[0].code == code
    assert len({d.code for d in match.suggestions}) == len(match.suggestions)


@pytest.mark.parametrize("text", ["Paris", "xyz", "১২৩", "", "   ", "24", "London", "hello"])
def test_match_district_nothing(text: str) -> None:
    assert match_district(text) == DistrictMatch(None, ())


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("24 parganas", ["N24", "S24"]),
        ("২৪ পরগনা", ["N24", "S24"]),
        ("Dinajpur", ["UDN", "DDN"]),
        ("দিনাজপুর", ["UDN", "DDN"]),
        ("Burdwan", ["BBR", "PBR"]),
        ("বর্ধমান", ["BBR", "PBR"]),
        ("Midnapore", ["EME", "PME"]),
    ],
)
def test_match_district_ambiguous(text: str, codes: list[str]) -> None:
    """A name two districts share is asked about (north before south, east before west)."""
    match = match_district(text)
    assert match.district is None and match.suggestions == ()
    assert [d.code for d in match.choices] == codes


# --- districts ---------------------------------------------------------------------------------


def test_districts_are_the_23_in_alphabetical_order() -> None:
    names = [d.en for d in districts()]
    assert len(names) == 23
    assert names == sorted(names)
    assert len(set(ALL_CODES)) == 23


@pytest.mark.parametrize("code", ALL_CODES)
def test_district_lookup_and_own_names_match(code: str) -> None:
    d = district(code)
    assert d is not None and d.code == code
    for name in (d.en, d.bn, *d.aliases):
        assert match_district(name).district == d, name
    # A headquarters named like the two districts (Bardhaman, Medinipur) asks between them.
    at_hq = match_district(d.hq)
    assert at_hq.district == d or d in at_hq.choices, d.hq


def test_district_unknown_code() -> None:
    assert district("XXX") is None
    assert district("") is None


def test_loaded_once_and_frozen() -> None:
    assert districts() is districts()
    with pytest.raises(dataclasses.FrozenInstanceError):
        districts()[0].code = "ZZZ"  # type: ignore[misc]


def test_district_name_by_locale() -> None:
    d = district("BNK")
    assert d is not None
    assert (d.name("bn"), d.name("en"), d.name("hi")) == ("বাঁকুড়া", "Bankura", "Bankura")


# --- crafts_for ---------------------------------------------------------------------------------


@pytest.mark.parametrize("code", ALL_CODES)
def test_every_district_has_three_to_eight_crafts(code: str) -> None:
    crafts = crafts_for(code)
    assert 3 <= len(crafts) <= places.MAX_CRAFTS
    assert len({c.id for c in crafts}) == len(crafts)


@pytest.mark.parametrize("code", ALL_CODES)
def test_crafts_for_orders_local_gi_then_local_then_statewide(code: str) -> None:
    ranks = [(0 if c.gi else 1) if code in c.districts else 2 for c in crafts_for(code)]
    assert ranks == sorted(ranks)
    assert all(code in c.districts or c.statewide for c in crafts_for(code))


@pytest.mark.parametrize(
    ("code", "first"),
    [
        ("BNK", ["bankura_horse", "dokra", "baluchari"]),
        ("PRL", ["chhau_mask"]),
        ("COB", ["sitalpati"]),
        ("DDN", ["kushmandi_mask"]),
        ("BIR", ["garad", "santi_leather", "nakshi_kantha", "sholapith"]),
        ("BBR", ["dokra", "tangail", "sitabhog", "mihidana", "sholapith", "natungram_doll"]),
        ("PBR", ["jute", "kantha", "tant"]),
    ],
)
def test_crafts_for_known_districts(code: str, first: list[str]) -> None:
    assert [c.id for c in crafts_for(code)][: len(first)] == first


@pytest.mark.parametrize("code", [None, "XXX"])
def test_crafts_for_no_district_is_statewide_only(code: str | None) -> None:
    crafts = crafts_for(code)
    assert crafts and all(c.statewide for c in crafts)
    assert len(crafts) <= places.MAX_CRAFTS


# --- match_craft / craft ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "craft_id"),
    [
        ("dokra", "dokra"),
        ("Dhokra", "dokra"),
        ("ডোকরা", "dokra"),
        ("ডোকরা শিল্প", "dokra"),
        ("kantha", "kantha"),
        ("katha", "kantha"),
        ("কাঁথা", "kantha"),
        ("Nakshi Kantha", "nakshi_kantha"),
        ("নকশি কাঁথা", "nakshi_kantha"),
        ("sital pati", "sitalpati"),
        ("Sitalpati", "sitalpati"),
        ("শীতলপাটি", "sitalpati"),
        ("madur", "madur"),
        ("মাদুর", "madur"),
        ("chau", "chhau_mask"),
        ("chhou", "chhau_mask"),
        ("ছৌ মুখোশ", "chhau_mask"),
        ("patachitra", "patachitra"),
        ("pattachitra", "patachitra"),
        ("pot", "patachitra"),
        ("পটচিত্র", "patachitra"),
        ("tera kota", "terracotta"),
        ("Bankura horse", "bankura_horse"),
        ("Baluchari sari", "baluchari"),
        ("টাঙ্গাইল শাড়ী", "tangail"),
        ("Darjeeling tea", "darjeeling_tea"),
        ("চা", "darjeeling_tea"),
        ("জয়নগরের মোয়া", "joynagar_moa"),
        ("মধু", "sundarban_honey"),
        ("Himsagar", "malda_mango"),
        ("তুলাইপাঞ্জি চাল", "tulaipanji"),
        ("paat", "jute"),
        ("santi_leather", "santi_leather"),
        ("bankura_horse", "bankura_horse"),
    ],
)
def test_match_craft_exact(text: str, craft_id: str) -> None:
    found = match_craft(text)
    assert found is not None and found.id == craft_id


@pytest.mark.parametrize(
    ("text", "craft_id"),
    [
        ("dokraa", "dokra"),
        ("patachitro", "patachitra"),
        ("potochitra", "patachitra"),
        ("sitalpattii", "sitalpati"),
        ("baluchory", "baluchari"),
        ("kushmondi", "kushmandi_mask"),
        ("rasgolla", "rasogolla"),
        ("terracota horse", "bankura_horse"),
    ],
)
def test_match_craft_fuzzy_clear_winner(text: str, craft_id: str) -> None:
    found = match_craft(text)
    assert found is not None and found.id == craft_id


@pytest.mark.parametrize(
    "text",
    [
        "xyz",
        "",
        "saree",  # many sarees: no single winner
        "mask",  # Chhau or Kushmandi
        "madhur",  # madur (mat) or madhu (honey)
        "jamdani",
        "১২৩",
    ],
)
def test_match_craft_none(text: str) -> None:
    assert match_craft(text) is None


def test_craft_by_id() -> None:
    dokra = craft("dokra")
    assert isinstance(dokra, Craft)
    assert dokra.gi and dokra.gi_name == "Bengal Dokra" and dokra.hs == "8306"
    assert set(dokra.districts) == {"BNK", "BBR"}
    assert craft("nope") is None


# --- data integrity -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["districts.json", "crafts.json"])
def test_every_string_is_nfc(name: str) -> None:
    for s in _strings(_raw(name)):
        assert unicodedata.normalize("NFC", s) == s, s


def test_every_district_has_bengali_name() -> None:
    for d in districts():
        assert any("\u0980" <= ch <= "\u09ff" for ch in d.bn), d.code


def test_craft_ids_fit_callback_data() -> None:
    for c in places._craft_data().all:
        assert c.id.isascii() and len(c.id.encode()) <= places.ID_MAX_BYTES, c.id


def test_gi_districts_within_districts() -> None:
    for c in places._craft_data().all:
        assert c.kind in places.KINDS
        assert len(c.hs) == 4 and c.hs.isdigit(), c.id
        if c.gi:
            assert c.gi_name and c.gi_districts, c.id
            assert set(c.gi_districts) <= set(c.districts) or c.statewide, c.id
        else:
            assert c.gi_name is None and c.gi_districts == (), c.id
        for code in c.districts:
            assert code == places.STATEWIDE or district(code) is not None, c.id


def test_every_row_of_the_gi_table_is_covered() -> None:
    expected = {
        "bankura_horse",
        "dokra",
        "baluchari",
        "chhau_mask",
        "patachitra",
        "madur",
        "kushmandi_mask",
        "sitalpati",
        "shantipur_saree",
        "tangail",
        "dhaniakhali",
        "korial",
        "garad",
        "santi_leather",
        "nakshi_kantha",
        "sholapith",
        "sitabhog",
        "mihidana",
        "natungram_doll",
        "darjeeling_tea",
        "dalle_khursani",
        "malda_mango",
        "tulaipanji",
        "kalonunia",
        "joynagar_moa",
        "sundarban_honey",
        "gobindabhog",
        "rasogolla",
        "howrah_jewellery",
        "jute",
    }
    assert expected <= {c.id for c in places._craft_data().all}


# --- load-time validation ------------------------------------------------------------------------


def _district_entry(code: str = "AAA", en: str = "Aa", **extra: Any) -> dict[str, Any]:
    return {"code": code, "en": en, "bn": "আ", "hq": en, "aliases": [], **extra}


def _craft_entry(craft_id: str = "aa", **extra: Any) -> dict[str, Any]:
    entry = {
        "id": craft_id,
        "en": craft_id,
        "bn": "আ",
        "kind": "other",
        "districts": ["BNK"],
        "gi": False,
        "gi_name": None,
        "gi_districts": [],
        "hs": "4420",
        "aliases": [],
    }
    return {**entry, **extra}


@pytest.mark.parametrize(
    ("raw", "needle"),
    [
        ([_district_entry("AAA", "Aa"), _district_entry("AAA", "Bb")], "'AAA'"),
        ([_district_entry("AAA", "Aa"), _district_entry("BBB", "Aa")], "'BBB'"),
        ([_district_entry("aa")], "'aa'"),
        ([_district_entry(bn="ব\u09c7\u09beলপুর")], "NFC"),  # ো as two code points
    ],
)
def test_bad_districts_raise(raw: list[dict[str, Any]], needle: str) -> None:
    with pytest.raises(ValueError, match=r"districts\.json") as info:
        places._parse_districts(raw)
    assert needle in str(info.value)


@pytest.mark.parametrize(
    ("raw", "needle"),
    [
        ([_craft_entry("aa"), _craft_entry("aa")], "'aa'"),
        ([_craft_entry("a_very_long_craft_id")], "'a_very_long_craft_id'"),
        ([_craft_entry("aa", districts=["ZZZ"])], "ZZZ"),
        ([_craft_entry("aa", kind="plastic")], "plastic"),
        ([_craft_entry("aa", hs="44")], "'aa'"),
        ([_craft_entry("aa", gi=True, gi_name="X", gi_districts=["KOL"])], "gi_districts"),
        ([_craft_entry("aa"), _craft_entry("bb", aliases=["AA"])], "'bb'"),
    ],
)
def test_bad_crafts_raise(raw: list[dict[str, Any]], needle: str) -> None:
    with pytest.raises(ValueError, match=r"crafts\.json") as info:
        places._parse_crafts(raw, ALL_CODES)
    assert needle in str(info.value)
