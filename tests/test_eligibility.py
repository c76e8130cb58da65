"""Eligibility rules: verdicts for real seller wording, the loader's errors, the locales."""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import pytest
import regex
from fluent.syntax import FluentParser, ast
from fluent.syntax.visitor import Visitor

from bot.i18n import Messages
from services.eligibility import RULES_FILE, CheckInput, RulesError, Verdict, load_rules

ROOT = Path(__file__).resolve().parent.parent
IEC, GSTIN = "ABCPD1234F", "19ABCPD1234F1Z5"
AUG = date(2025, 8, 20)
DEC = date(2026, 12, 4)  # the rules update of 2026-12-04
READINESS = ("iec_registered", "iec_updated", "lut", "forex_bank", "ad_code", "marketplace")


@dataclass(frozen=True)
class Case:
    words: str
    craft: str | None = None
    district: str | None = None
    dest: str | None = None
    answers: dict[str, str] = field(default_factory=dict)
    today: date = AUG
    iec: str | None = IEC
    gstin: str | None = GSTIN
    kind: str | None = None


def run(case: Case) -> tuple[Verdict, list[str]]:
    """Like the chat: ask what the rules need (the case's answer, else yes for readiness and GI
    registration, no for the rest) until nothing is left; then the verdict and what was asked."""
    rules = load_rules()
    answers: dict[str, str] = {}
    asked: list[str] = []
    inp = CheckInput(
        case.craft, case.words, case.kind, case.district, case.iec, case.gstin, case.dest,
        answers, case.today,
    )  # fmt: skip
    for _ in range(40):
        needed = rules.questions_needed(inp)
        if not needed:
            break
        q = needed[0]  # one at a time, as the chat asks: an answer may make others moot
        asked.append(q.id)
        default = "yes" if q.id in (*READINESS, "gi_user") else "no"
        answers[q.id] = case.answers.get(q.id, default)
        inp = replace(inp, answers=dict(answers))
    else:
        pytest.fail("questions never ran out")
    return rules.evaluate(inp), asked


def ids(verdict: Verdict) -> set[str]:
    return {f.rule_id for f in verdict.findings}


# Each case: name, the product, the expected status, then space-separated ids: rules that must be
# found, rules that must not, questions that must be asked, questions that must not.
# fmt: off
CASES: list[tuple[str, Case, str, str, str, str, str]] = [
    # --- crafts from the notes, as sellers write them -----------------------------------------
    ("dokra bn", Case("ডোকরার হাতি, পিতলের", "dokra", "BNK"),
     "ready", "craftmark", "gi_authorised gi_other_district", "gi_user wood", "food quran_text"),
    ("dokra antique finish is a finish",
     Case("Dokra brass owl with antique finish", "dokra", "BBR"),
     "ready", "", "antique", "", "antique"),
    ("dokra gi not registered", Case("dhokra ghoda", "dokra", "BNK", answers={"gi_user": "no"}),
     "steps", "gi_authorised", "", "gi_user", ""),
    ("dokra made in Kolkata: no GI name", Case("ডোকরার পেঁচা", "dokra", "KOL"),
     "ready", "gi_other_district", "gi_authorised", "", "gi_user"),
    ("terracotta horse in a wooden crate",
     Case("পাঁচমুড়ার পোড়ামাটির ঘোড়া", "bankura_horse", "BNK", answers={"wood": "yes"}),
     "steps", "ispm15", "timber wood_fumigation", "wood", ""),
    ("terracotta clay pot is not bone", Case("মাটির হাঁড়ি", "terracotta"),
     "ready", "", "animal_origin wild_animal", "", "animal_parts"),
    ("baluchari with peacock motif", Case("বালুচরী রেশমের শাড়ি, ময়ূরের নকশা", "baluchari", "MSD"),
     "ready", "handloom_mark silk_mark", "peacock_feathers",
     "gi_user", "animal_parts feathers quran_text"),
    ("kantha on old sarees, romanised", Case("kantha stitch stole purono sharir upor", "kantha"),
     "ready", "", "antique", "", "antique quran_text"),
    ("nakshi kantha, Hindi", Case("नक्शी कांथा चादर", "nakshi_kantha", "BIR"),
     "ready", "", "", "", "wood quran_text"),
    # The verse question only where there is writing on the cloth.
    ("calligraphy on a silk stole", Case("আরবি ক্যালিগ্রাফি করা রেশমের স্টোল", "kantha"),
     "ready", "", "quran_textile", "quran_text", ""),
    ("lettered kantha, romanised", Case("kantha stole with arabic lettering", "kantha"),
     "ready", "", "quran_textile", "quran_text", ""),
    ("sitalpati to Australia", Case("শীতলপাটি মাদুর", "sitalpati", "COB", dest='AU'),
     "ready", "au_wood_plant", "", "", "wood"),
    ("madur mats to the USA", Case("Madurkathi table mats", "madur", "PME", dest='US'),
     "ready", "us_wood_plant", "au_wood_plant", "gi_user", ""),
    ("jute bag", Case("পাটের ব্যাগ", "jute"),
     "ready", "jute_mark", "", "", "wood"),
    ("jute bag, romanised, no craft", Case("paater bag hate banano"),
     "ready", "jute_mark", "", "", "food"),
    ("wooden mask to Australia", Case("কাঠের মুখোশ", "kushmandi_mask", "DDN", dest='AU'),
     "steps", "au_wood_plant ispm15 wood_fumigation", "timber", "animal_parts sandalwood", "wood"),
    ("chhau mask with peacock feathers",
     Case("ছৌ নাচের মুখোশ, মাথায় ময়ূরের পালক লাগানো", "chhau_mask", "PRL"),
     "blocked", "peacock_feathers", "", "", ""),
    ("chhau mask of paper and clay",
     Case("chhau mask of Durga, paper and clay", "chhau_mask", "PRL"),
     "ready", "", "peacock_feathers", "animal_parts gi_user wood", "feathers"),
    ("Baghmundi is not a tiger", Case("Baghmundi chhau mukhosh", "chhau_mask", "PRL"),
     "ready", "", "endangered_parts", "", "wild_animal"),
    ("sholapith topor", Case("শোলার টোপর", "sholapith", "BBR"),
     "ready", "", "", "animal_parts", "gi_user"),
    ("darjeeling tea to UK", Case("first flush Darjeeling tea", "darjeeling_tea", "DJL", dest='UK'),
     "steps", "darjeeling_tea tea_board fssai uk_food", "us_food", "gi_user", "food wood is_tea"),
    ("joynagar moa", Case("নলেন গুড়ের মোয়া", "joynagar_moa", "S24"),
     "steps", "fssai apeda_rcmc", "sandalwood_raw timber tea_board", "", "wood"),
    ("sundarban honey to USA", Case("সুন্দরবনের খাঁটি মধু", "sundarban_honey", "S24", dest='US'),
     "steps", "fssai us_food apeda_rcmc", "", "gi_user", ""),
    ("malda mangoes", Case("Himsagar aam, Malda", "malda_mango", "MLD"),
     "steps", "fresh_produce fssai apeda_rcmc", "", "", ""),
    ("honey in Hindi, no craft", Case("शुद्ध शहद"),
     "steps", "fssai apeda_rcmc", "", "", "food"),
    # --- prohibited items hidden in the description -------------------------------------------
    ("peacock feather fan bn", Case("ময়ূরের পালকের পাখা"),
     "blocked", "peacock_feathers", "", "", ""),
    ("peacock feather fan en", Case("peacock feather fan"),
     "blocked", "peacock_feathers", "", "", ""),
    ("morpankh romanised Hindi", Case("morpankh wala pankha"),
     "blocked", "peacock_feathers", "", "", ""),
    ("ivory comb bn", Case("হাতির দাঁতের চিরুনি"),
     "blocked", "ivory", "", "", ""),
    ("ivory bangle romanised", Case("hatir daater churi"),
     "blocked", "ivory", "", "", ""),
    ("shahtoosh shawl", Case("shahtoosh shawl, very soft"),
     "blocked", "shahtoosh", "", "", ""),
    ("raw sandalwood log", Case("চন্দন কাঠের গুঁড়ি"),
     "blocked", "sandalwood_raw", "sandalwood_craft timber", "", ""),
    ("carved sandalwood elephant", Case("চন্দন কাঠের খোদাই করা হাতি"),
     "steps", "sandalwood_craft", "ivory sandalwood_raw timber sandalwood_oil", "", "sandalwood"),
    ("150-year-old manuscript", Case("150 বছরের পুরনো পুঁথি"),
     "blocked", "manuscript", "antique", "", ""),
    ("80-year-old manuscript", Case("৮০ বছরের পুরোনো তালপাতার পুঁথি"),
     "blocked", "manuscript", "", "", ""),
    ("lamp from 1890", Case("1890 সালের পিতলের প্রদীপ"),
     "blocked", "antique", "", "", ""),
    ("tiger skin", Case("আসল বাঘছাল"),
     "blocked", "endangered_parts", "", "", ""),
    ("tortoise shell comb", Case("tortoise shell comb"),
     "blocked", "endangered_parts", "", "", ""),
    ("sal wood logs", Case("শাল কাঠের গুঁড়ি বিক্রি"),
     "blocked", "timber", "", "", ""),
    ("red sanders mala", Case("রক্তচন্দনের মালা"),
     "steps", "red_sanders", "sandalwood_craft", "", "sandalwood"),
    ("quran verses on a stole", Case("Quran ayat printed silk stole"),
     "steps", "quran_textile", "", "", "quran_text"),
    ("rudraksha mala", Case("rudraksha mala", answers={"plants": "yes"}),
     "steps", "seeds_plants", "", "plants", ""),
    ("leather bag from a wild animal",
     Case("চামড়ার ব্যাগ", "santi_leather", "BIR", answers={"wild_animal": "yes"}),
     "blocked", "wild_animal", "", "wild_animal", "animal_parts feathers"),
    ("cow leather bag",
     Case("Santiniketan leather bag, cow leather", "santi_leather", "BIR", dest="EU"),
     "ready", "animal_origin eu_cites", "wild_animal", "wild_animal", "feathers"),
    # --- words that must not trigger ----------------------------------------------------------
    ("peacock motif printed on cotton", Case("peacock design printed on cotton"),
     "ready", "", "peacock_feathers", "", "animal_parts feathers"),
    ("ivory colour saree", Case("ivory colour saree", "tant"),
     "ready", "", "ivory", "", "wild_animal"),
    ("peacock-blue saree", Case("ময়ূরকণ্ঠী রঙের শাড়ি", "tant"),
     "ready", "", "peacock_feathers", "", "feathers"),
    # A fragrance is not wood, but incense may hold sandalwood powder: ask, don't block.
    ("chandan-scented agarbatti", Case("chandan-scented agarbatti"),
     "ready", "", "sandalwood_craft sandalwood_raw", "sandalwood", ""),
    ("chandan agarbatti, real sandalwood",
     Case("chandan-scented agarbatti", answers={"sandalwood": "yes"}),
     "steps", "sandalwood_craft", "", "sandalwood", ""),
    ("shellac is not shell", Case("shellac polished box", "wood_carving"),
     "steps", "wood_fumigation", "animal_origin", "animal_parts", ""),
    ("old-style lamp", Case("old style brass lamp", "dokra", "BNK"),
     "ready", "", "antique", "", "antique"),
    ("snake-skin print is asked about", Case("snake skin print cotton bag"),
     "ready", "", "endangered_parts", "wild_animal", ""),
    # --- readiness ----------------------------------------------------------------------------
    ("no IEC, no GSTIN", Case("টেরাকোটা ঘোড়া", "terracotta", iec=None, gstin=None),
     "steps", "gstin iec", "iec_update lut", "", "iec_registered iec_updated lut"),
    ("LUT unknown", Case("kantha stole", "kantha", answers={"lut": "unknown"}),
     "steps", "lut", "", "lut", ""),
    ("no AD code, no bank, no account",
     Case("পাটের ব্যাগ", "jute",
          answers={"ad_code": "no", "forex_bank": "no", "marketplace": "no"}),
     "steps", "ad_code forex_bank marketplace", "", "", ""),
    # --- unknown answers make steps, never ready ----------------------------------------------
    ("feathers unknown", Case("পালকের মালা", answers={"feathers": "unknown"}),
     "steps", "peacock_feathers", "", "feathers", ""),
    ("antique unknown", Case("ঠাকুরদার আমলের পুরনো পিতলের বাক্স", answers={"antique": "unknown"}),
     "steps", "antique", "", "antique", ""),
    ("animal parts yes, then the follow-ups",
     Case("কাঠের পুতুল", "natungram_doll", "BBR", answers={"animal_parts": "yes"}),
     "steps", "animal_origin", "", "animal_parts feathers wild_animal", ""),
    # --- 1. tea: a Tea Board licence for all tea; bare চা / cha / chai / चाय only ask --------
    ("Assam tea needs the Tea Board", Case("Assam CTC tea, 1 kg", today=DEC),
     "steps", "tea_board fssai", "darjeeling_tea apeda_rcmc", "", "is_tea"),
    ("Darjeeling tea: Darjeeling and Tea Board steps",
     Case("first flush Darjeeling tea", "darjeeling_tea", "DJL", today=DEC),
     "steps", "darjeeling_tea tea_board fssai", "", "", "is_tea"),
    ("Darjeeling craft without the word tea",
     Case("second flush, 100 g packet", "darjeeling_tea", "DJL", today=DEC),
     "steps", "darjeeling_tea tea_board fssai", "", "", "is_tea"),
    ("bare চা asks, tea leaves: yes", Case("চা", answers={"is_tea": "yes"}, dest="US", today=DEC),
     "steps", "tea_board fssai us_food", "darjeeling_tea", "is_tea", ""),
    ("bare cha asks, not tea: no", Case("cha", answers={"is_tea": "no"}, today=DEC),
     "ready", "", "tea_board fssai", "is_tea", ""),
    ("bare chai asks", Case("chai", answers={"is_tea": "yes"}, today=DEC),
     "steps", "tea_board", "", "is_tea", ""),
    ("bare चाय asks", Case("चाय", answers={"is_tea": "unknown"}, today=DEC),
     "steps", "tea_board", "", "is_tea", ""),
    ("cha pata to sell, romanised: tea at once",
     Case("ami cha pata bikri korte chai", today=DEC),
     "steps", "tea_board fssai", "", "", "is_tea"),
    ("ami export korte chai is not tea", Case("ami export korte chai", today=DEC),
     "ready", "", "tea_board darjeeling_tea fssai", "", "is_tea"),
    ("করতে চাই is not tea", Case("আমি আমেরিকায় পাঠাতে চাই", today=DEC),
     "ready", "", "tea_board fssai apeda_rcmc fresh_produce", "", "is_tea"),
    ("চার (four) is not tea", Case("চারটা প্রদীপ", today=DEC),
     "ready", "", "tea_board", "", "is_tea"),
    ("a terracotta tea cup is not tea", Case("terracotta tea cup", today=DEC),
     "ready", "", "tea_board fssai", "", "is_tea food"),
    ("a tea cup is not tea", Case("চায়ের কাপ", today=DEC),
     "ready", "", "tea_board fssai", "", "is_tea"),
    ("a Dokra bell with chai is not tea", Case("dokra ghanti, chai pathate", "dokra", "BNK",
     today=DEC), "ready", "", "tea_board", "", "is_tea"),
    # --- 2. APEDA registration (RCMC) for scheduled food ----------------------------------
    ("mango by variety only: APEDA from the craft",
     Case("হিমসাগর, ৫ কেজির বাক্স", "malda_mango", "MLD", today=DEC),
     "steps", "apeda_rcmc fresh_produce fssai", "", "", ""),
    ("gobindabhog rice", Case("গোবিন্দভোগ চাল", "gobindabhog", today=DEC),
     "steps", "apeda_rcmc rice_policy fssai", "", "", ""),
    ("tulaipanji rice, no word rice", Case("Tulaipanji 1 kg", "tulaipanji", "UDN", today=DEC),
     "steps", "apeda_rcmc rice_policy", "", "", ""),
    ("basmati, no craft", Case("basmati chal 5 kg", today=DEC),
     "steps", "apeda_rcmc rice_policy fssai", "", "", ""),
    ("rasogolla tin", Case("rosogolla tin, 1 kg", today=DEC),
     "steps", "apeda_rcmc fssai", "", "", ""),
    ("sitabhog and mihidana", Case("সীতাভোগ আর মিহিদানা", "sitabhog", "BBR", today=DEC),
     "steps", "apeda_rcmc fssai", "", "", ""),
    ("sandesh, Hindi mithai", Case("सन्देश मिठाई", today=DEC),
     "steps", "apeda_rcmc fssai", "", "", ""),
    ("nolen gur patali", Case("নলেন গুড়ের পাটালি", today=DEC),
     "steps", "apeda_rcmc fssai", "", "", ""),
    ("mango pickle", Case("আমের আচার", today=DEC),
     "steps", "apeda_rcmc fssai", "", "", ""),
    ("আমরা (we) is not mango", Case("আমরা পাটের ব্যাগ বানাই", today=DEC),
     "ready", "jute_mark", "apeda_rcmc fresh_produce", "", ""),
    ("a sweet colour is not sweets", Case("মিষ্টি রঙের তাঁতের শাড়ি", "tant", today=DEC),
     "ready", "", "apeda_rcmc fssai", "", ""),
    ("a sweet smell is not sweets", Case("মিষ্টি গন্ধের ধূপকাঠি", today=DEC),
     "ready", "", "apeda_rcmc fssai", "", ""),
    ("mango wood is wood", Case("mango wood bowl", today=DEC),
     "steps", "wood_fumigation", "apeda_rcmc fresh_produce fssai", "", ""),
    # --- 3. conch shell: asked as shell, never as a "wild animal" --------------------------
    ("shankha bangles of the common conch",
     Case("শাঁখা পলা চুড়ি", answers={"conch_real": "yes", "conch_rare": "no"}, today=DEC),
     "ready", "conch_shell", "protected_shell wild_animal animal_origin",
     "conch_real conch_rare", "wild_animal"),
    ("conch shell bangle, English",
     Case("conch shell bangle", answers={"conch_real": "yes", "conch_rare": "no"}, today=DEC),
     "ready", "conch_shell", "protected_shell wild_animal", "conch_real conch_rare",
     "wild_animal"),
    ("shankh from a rare shell",
     Case("পুজোর শঙ্খ", answers={"conch_real": "yes", "conch_rare": "yes"}, today=DEC),
     "blocked", "protected_shell", "conch_shell", "conch_real conch_rare", ""),
    ("shankh of an unknown shell",
     Case("shankha", answers={"conch_real": "yes", "conch_rare": "unknown"}, today=DEC),
     "steps", "protected_shell", "conch_shell", "conch_rare", ""),
    ("plastic shankha is no shell",
     Case("শাঁখা", answers={"conch_real": "no"}, today=DEC),
     "ready", "", "conch_shell protected_shell", "conch_real", "conch_rare"),
    ("a triton shell is blocked at once", Case("triton shell shankh for puja", today=DEC),
     "blocked", "protected_shell", "", "", "conch_real conch_rare"),
    ("a nautilus print is asked about", Case("nautilus print", today=DEC),
     "ready", "", "protected_shell", "conch_rare", ""),
    ("শাখা অফিস is not a conch", Case("শাখা অফিসের জন্য হাতে বানানো ফাইল কভার", today=DEC),
     "ready", "", "conch_shell protected_shell", "", "conch_real conch_rare"),
    ("a bank branch is not a conch", Case("ব্যাংকের শাখা থেকে ঋণ নিয়ে বানানো ঝুড়ি", today=DEC),
     "ready", "", "conch_shell protected_shell", "", "conch_real"),
    ("a brass Dokra conch is not shell", Case("Dokra shankha", "dokra", "BNK", today=DEC),
     "ready", "", "conch_shell protected_shell", "", "conch_real"),
    # --- 4. sandalwood: oil restricted, a carving as before ------------------------------
    ("sandalwood oil, Bengali", Case("চন্দন তেল, ৫০ মিলি", today=DEC),
     "steps", "sandalwood_oil", "sandalwood_craft sandalwood_raw", "", "sandalwood"),
    ("sandalwood oil, English", Case("pure sandalwood oil", today=DEC),
     "steps", "sandalwood_oil", "sandalwood_craft", "", ""),
    ("sandalwood attar: asked, real", Case("chandan attar", answers={"sandalwood": "yes"},
     today=DEC), "steps", "sandalwood_oil", "sandalwood_craft", "sandalwood", ""),
    ("sandalwood carving is not oil", Case("carved sandalwood Ganesh", today=DEC),
     "steps", "sandalwood_craft", "sandalwood_oil sandalwood_raw", "", ""),
    ("oil-polished sandalwood box is a carving",
     Case("chandan kather baksho, oil polish", answers={"sandalwood": "yes"}, today=DEC),
     "steps", "sandalwood_craft", "sandalwood_oil", "sandalwood", ""),
    ("sandalwood-scented hair oil is asked about", Case("chandan hair oil", today=DEC),
     "ready", "", "sandalwood_oil sandalwood_craft", "sandalwood", ""),
    # --- 7.–9. destinations -----------------------------------------------------------------
    ("India Post to the USA: duty at booking", Case("পাটের ব্যাগ", "jute", dest="US", today=DEC),
     "ready", "us_post_ddp", "eu_gpsr", "", ""),
    ("India Post to the USA before 15 Oct 2025", Case("পাটের ব্যাগ", "jute", dest="US"),
     "ready", "", "us_post_ddp", "", ""),
    ("kantha to the EU: GPSR", Case("kantha stole", "kantha", dest="EU", today=DEC),
     "ready", "eu_gpsr eu_textile_label", "eu_eudr", "", ""),
    ("honey to the EU: no GPSR", Case("সুন্দরবনের মধু", "sundarban_honey", "S24", dest="EU",
     today=DEC), "steps", "eu_food apeda_rcmc", "eu_gpsr eu_eudr", "", ""),
    ("wooden mask to the EU: EUDR",
     Case("কাঠের মুখোশ", "kushmandi_mask", "DDN", dest="EU", today=DEC),
     "steps", "eu_eudr eu_gpsr eu_wood_plant", "", "", ""),
    ("wooden mask to the EU before the EUDR note",
     Case("কাঠের মুখোশ", "kushmandi_mask", "DDN", dest="EU", today=date(2026, 9, 1)),
     "steps", "eu_gpsr", "eu_eudr", "", ""),
    ("cow leather to the EU: EUDR",
     Case("Santiniketan leather bag, cow leather", "santi_leather", "BIR", dest="EU", today=DEC),
     "ready", "eu_eudr eu_gpsr", "", "", ""),
    ("a jute bag is not EUDR", Case("পাটের ব্যাগ", "jute", dest="EU", today=DEC),
     "ready", "eu_gpsr", "eu_eudr", "", ""),
    # --- 11. an IEC on the profile counts once it is registered on the DGFT portal ----------
    ("IEC not registered on DGFT",
     Case("পাটের ব্যাগ", "jute", answers={"iec_registered": "no"}, today=DEC),
     "steps", "iec", "iec_update", "iec_registered", "iec_updated"),
    ("IEC registered? don't know",
     Case("পাটের ব্যাগ", "jute", answers={"iec_registered": "unknown"}, today=DEC),
     "steps", "iec", "iec_update", "iec_registered", "iec_updated"),
    ("IEC registered: then the yearly update",
     Case("পাটের ব্যাগ", "jute", answers={"iec_registered": "yes"}, today=date(2026, 5, 1)),
     "ready", "", "iec", "iec_registered iec_updated", ""),
]
# fmt: on


@pytest.mark.parametrize(
    ("case", "status", "has", "lacks", "asks", "never"),
    [pytest.param(*c[1:], id=c[0]) for c in CASES],
)
def test_verdict(case: Case, status: str, has: str, lacks: str, asks: str, never: str) -> None:
    verdict, asked = run(case)
    assert verdict.status == status, [(f.rule_id, f.level, f.unknown) for f in verdict.findings]
    assert set(has.split()) <= ids(verdict), ids(verdict)
    assert not set(lacks.split()) & ids(verdict), ids(verdict)
    assert set(asks.split()) <= set(asked), asked
    assert not set(never.split()) & set(asked), asked


def test_at_least_forty_cases() -> None:
    assert len(CASES) >= 40


def test_blocked_needs_no_more_questions_and_comes_first() -> None:
    rules = load_rules()
    inp = CheckInput(None, "হাতির দাঁতের চিরুনি", None, None, None, None, "US", {}, AUG)
    assert rules.questions_needed(inp) == ()
    verdict = rules.evaluate(inp)
    assert verdict.findings[0].level == "prohibited" and verdict.findings[0].rule_id == "ivory"
    ranks = ["prohibited", "restricted", "certificate", "readiness", "note"]
    levels = [ranks.index(f.level) for f in verdict.findings]
    assert levels == sorted(levels)
    assert verdict.findings[0].source.citation.startswith("Wild Life (Protection) Act 1972")
    assert verdict.findings[0].source.confidence == "official"


def test_unknown_finding_tells_what_to_find_out() -> None:
    verdict, _ = run(Case("পালকের মালা", answers={"feathers": "unknown"}))
    finding = next(f for f in verdict.findings if f.rule_id == "peacock_feathers")
    assert finding.unknown and finding.level == "prohibited"
    assert finding.steps == ("elig-q-feathers-find",)


def test_unanswered_questions_count_as_unknown() -> None:
    rules = load_rules()
    inp = CheckInput("dokra", "ডোকরার হাতি", None, "BNK", IEC, GSTIN, None, {}, AUG)
    # iec_updated only once the IEC is confirmed registered (iec_registered "yes").
    assert [q.id for q in rules.questions_needed(inp)] == [
        "wood", "gi_user", "iec_registered", "lut", "forex_bank", "ad_code", "marketplace",
    ]  # fmt: skip
    verdict = rules.evaluate(inp)
    assert verdict.status == "steps"
    assert {"ispm15", "gi_authorised", "lut"} <= {f.rule_id for f in verdict.findings if f.unknown}


def test_steps_are_deduplicated_in_order() -> None:
    verdict, _ = run(Case("রক্তচন্দনের মালা", answers={"ad_code": "no"}))
    steps = verdict.steps()
    assert len(steps) == len(set(steps))
    assert steps[:2] == ("elig-r-red-sanders-do", "elig-r-cites-do")
    assert steps.index("elig-ready-ad-code-how") < steps.index("elig-r-dnk-do")


def test_readiness_finding_carries_why_how_cost_where() -> None:
    verdict, _ = run(Case("টেরাকোটা ঘোড়া", "terracotta", iec=None))
    iec = next(f for f in verdict.findings if f.rule_id == "iec")
    assert (iec.level, iec.reason, iec.steps, iec.cost, iec.where) == (
        "readiness", "elig-ready-iec-why", ("elig-ready-iec-how",), "elig-ready-iec-cost",
        "elig-ready-iec-where",
    )  # fmt: skip
    gstin = next(
        f for f in run(Case("x", "terracotta", gstin=None))[0].findings if f.rule_id == "gstin"
    )
    assert gstin.level == "note", "GSTIN is advice: small handicraft makers may be exempt"


@pytest.mark.parametrize(
    ("today", "present", "absent"),
    [
        (date(2026, 3, 15), "courier_cap", "courier_no_cap"),
        (date(2026, 11, 26), "courier_no_cap", "courier_cap"),
    ],
)
def test_value_rules_follow_their_dates(today: date, present: str, absent: str) -> None:
    verdict, _ = run(Case("পাটের ব্যাগ", "jute", today=today))
    assert present in ids(verdict) and absent not in ids(verdict)
    assert {"postal_limits", "dnk"} <= ids(verdict)
    assert verdict.status == "ready", "value notes never change the status"


@pytest.mark.parametrize(
    ("today", "answer", "asked", "reason"),
    [
        (date(2026, 2, 10), "no", False, None),  # before the window: nothing to do yet
        (date(2026, 4, 1), "no", True, "elig-ready-iec-update-why"),
        (date(2026, 5, 10), "yes", True, None),
        (date(2026, 6, 30), "unknown", True, "elig-ready-iec-update-why"),
        (date(2026, 7, 1), "no", True, "elig-ready-iec-late-why"),
        (date(2026, 11, 26), "no", True, "elig-ready-iec-late-why"),
        (date(2026, 11, 26), "yes", True, None),
    ],
)
def test_iec_yearly_update(today: date, answer: str, asked: bool, reason: str | None) -> None:
    case = Case("পাটের ব্যাগ", "jute", today=today, answers={"iec_updated": answer})
    verdict, questions = run(case)
    assert ("iec_updated" in questions) is asked
    found = [f for f in verdict.findings if f.rule_id == "iec_update"]
    assert [f.reason for f in found] == ([reason] if reason else [])
    if found:
        assert found[0].level == "readiness" and verdict.status == "steps"
        assert found[0].unknown is (answer == "unknown")


def test_iec_update_not_asked_without_iec() -> None:
    _, asked = run(Case("পাটের ব্যাগ", "jute", today=date(2026, 5, 1), iec=None))
    assert "iec_updated" not in asked


@pytest.mark.parametrize(
    ("answer", "unknown", "steps"),
    [("no", False, ("elig-ready-iec-how",)), ("unknown", True, ("elig-q-iec-registered-find",))],
)
def test_an_iec_not_registered_on_dgft_gets_how_cost_where(
    answer: str, unknown: bool, steps: tuple[str, ...]
) -> None:
    """The IEC on the profile is the PAN (maybe from "Same as my PAN"): until the seller says
    it is registered on the DGFT portal, the readiness list says how to register it."""
    verdict, asked = run(Case("পাটের ব্যাগ", "jute", answers={"iec_registered": answer}))
    iec = next(f for f in verdict.findings if f.rule_id == "iec")
    assert (iec.level, iec.unknown, iec.reason, iec.steps, iec.cost, iec.where) == (
        "readiness", unknown, "elig-ready-iec-why", steps, "elig-ready-iec-cost",
        "elig-ready-iec-where",
    )  # fmt: skip
    assert "ANF-2A" in (iec.source.citation or "") and iec.source.confidence == "secondary"
    assert verdict.status == "steps"
    assert asked.count("iec_registered") == 1 and "iec_updated" not in asked


def test_iec_registered_is_asked_before_its_update_and_only_with_an_iec() -> None:
    rules = load_rules()
    inp = CheckInput("jute", "পাটের ব্যাগ", None, None, IEC, GSTIN, None, {}, date(2026, 5, 1))
    needed = [q.id for q in rules.questions_needed(inp)]
    assert "iec_registered" in needed and "iec_updated" not in needed
    inp = replace(inp, answers={"iec_registered": "yes"})
    needed = [q.id for q in rules.questions_needed(inp)]
    assert "iec_registered" not in needed and "iec_updated" in needed
    inp = replace(inp, iec=None, answers={})
    assert "iec_registered" not in [q.id for q in rules.questions_needed(inp)]


def test_a_conch_is_asked_about_as_shell_first() -> None:
    """শাঁখা: the first question is about the shell, not about animals; once it is real conch,
    no "wild animal" question follows, only which shell it is."""
    rules = load_rules()
    inp = CheckInput(None, "শাঁখা", None, None, IEC, GSTIN, None, {}, DEC)
    assert rules.questions_needed(inp)[0].id == "conch_real"
    inp = replace(inp, answers={"conch_real": "yes"})
    needed = [q.id for q in rules.questions_needed(inp)]
    assert needed[0] == "conch_rare"
    assert not {"animal_parts", "wild_animal"} & set(needed)
    conch = next(
        f
        for f in rules.evaluate(
            replace(inp, answers={"conch_real": "yes", "conch_rare": "no"})
        ).findings
        if f.rule_id == "conch_shell"
    )
    assert conch.level == "note" and "S.O. 1197(E)" in (conch.source.citation or "")
    assert conch.source.confidence == "secondary"


def test_described_items_name_a_craft_only_with_its_words() -> None:
    """A described item: "chai" or "tea" alone names the Darjeeling tea craft in crafts.json,
    but must not here (ami export korte chai = I want to export; Assam tea is not Darjeeling)."""
    from flows.eligibility import item_from_words

    assert item_from_words("ami export korte chai")["craft_id"] is None
    assert item_from_words("Assam tea")["craft_id"] is None
    assert item_from_words("Darjeeling first flush")["craft_id"] == "darjeeling_tea"
    assert item_from_words("দার্জিলিঙের চা")["craft_id"] == "darjeeling_tea"
    assert item_from_words("সুন্দরবনের মধু")["craft_id"] == "sundarban_honey"
    rules = load_rules()
    assert rules.craft_fits("dokra", "anything") and not rules.craft_fits("darjeeling_tea", "chai")


# Each rule of the 2026-12-04 update: (rule id, texts its source must name).
# fmt: off
SOURCES = [
    ("tea_board", ("Tea (Distribution and Export) Control Order 2005", "[2°]", "[?]")),
    ("apeda_rcmc", ("APEDA Act 1985", "apeda.gov.in/apeda-act", "[?]")),
    ("conch_shell", ("S.O. 665(E)", "S.O. 1197(E)", "10(RE-2004)/2004-09", "[?]")),
    ("protected_shell", ("Charonia tritonis", "Nautilus pompilius", "ITC(HS) Sch 2 Table A")),
    ("sandalwood_oil", ("15/2015-20", "05-07-2017", "[2°]")),
    ("sandalwood_raw", ("Restricted since DGFT Notif. 15/2015-20",)),
    ("courier_no_cap", ("1 Apr 2026", "PIB 31 Mar 2026", "[2°]")),
    ("us_post_ddp", ("15 Oct 2025", "Delivery Duty Paid", "current rate (Dec 2026) not seen [?]")),
    ("eu_gpsr", ("(EU) 2023/988", "Art. 16", "[2°]")),
    ("eu_eudr", ("(EU) 2025/2650", "30 Dec 2026", "30 Jun 2027", "[2°]")),
    ("iec_update", ("Notif. 58/2015-2020 dt 12.02.2021", "Trade Notices 18/2021-22")),
    ("iec", ("ANF-2A", "authorises the PAN as IEC", "[2°]")),
]
# fmt: on


@pytest.mark.parametrize(("rule_id", "needles"), SOURCES)
def test_updated_rules_carry_their_sources(rule_id: str, needles: tuple[str, ...]) -> None:
    """The research behind each updated rule stays in the file, as comments above its source."""
    research = _research_notes()
    for needle in needles:
        assert needle in research[rule_id], (rule_id, needle)
    assert "oil Free under quantitative ceilings" not in research["sandalwood_raw"]
    assert "verify" not in research["courier_no_cap"]
    assert load_rules().label == "1 (2026-12-04)"


def _research_notes() -> dict[str, str]:
    """Each entry's `# research:` comment, joined into one line, by the entry's id."""
    text = (ROOT / "content" / "data" / RULES_FILE).read_text(encoding="utf-8")
    notes: dict[str, str] = {}
    current, lines = None, []
    for line in text.splitlines():
        entry = regex.match(r"\s*(?:- )?id: (\w+)", line)
        if entry:
            current = entry.group(1)
        elif current and line.strip().startswith("# research:"):
            lines = [line.strip().removeprefix("# research:").strip()]
        elif current and lines and line.strip().startswith("#   "):
            lines.append(line.strip().removeprefix("#").strip())
        elif current and lines:
            notes[current] = " ".join(lines)
            lines = []
    return notes


def test_sources_shown_to_sellers_are_clean_and_dated() -> None:
    """A seller reads document names only: no web addresses, no research marks; a source is
    left out only when nothing can be cited, and then it says it is unverified."""
    dirty = regex.compile(r"\[|2°|https?:|www\.|\.(com|in|org|net)\b|truncated|via ")
    for rule_id, source in load_rules().sources():
        assert source.citation is None or not dirty.search(source.citation), rule_id
        assert source.citation is not None or source.confidence == "unverified", rule_id
        assert date(2026, 1, 1) <= source.checked_on <= date(2026, 12, 31), rule_id


def test_courier_cap_is_gone_in_the_sellers_words(messages: Messages) -> None:
    text = messages.text("en", "elig-r-courier-no-cap-why", {})
    assert "no value limit" in text and "confirm" not in text


def test_evaluate_is_fast() -> None:
    rules = load_rules()
    inputs = [
        CheckInput(craft, words, None, "BNK", IEC, None, dest, {}, AUG)
        for _, c, *_ in CASES
        for craft, words in [(c.craft, c.words)]
        for dest in ("US", "AU", None)
    ]
    start = time.perf_counter()
    for inp in inputs:
        rules.evaluate(inp)
    assert (time.perf_counter() - start) / len(inputs) < 0.005


def test_default_rules_are_cached_and_versioned_by_content() -> None:
    rules = load_rules()
    assert load_rules() is rules
    assert len(rules.version) == 16 and int(rules.version, 16) >= 0
    order = [q.id for q in rules.questions]
    assert order[0] == "food"
    # A conch is asked about as shell before any "animal" question.
    assert order.index("conch_real") < order.index("animal_parts") < order.index("wild_animal")
    assert order.index("iec_registered") < order.index("iec_updated")
    assert {"US", "UK", "EU", "AE", "AU", "CA"} <= {key for key, _ in rules.destinations}


# --- the loader ------------------------------------------------------------------------------

MINIMAL = """\
version: "t"
updated: 2025-01-01
words:
  sandal: [chandan, sandalwood]
year_words: [years]
questions:
  - id: wood
    message: q-wood
    find_out: q-wood-find
readiness: []
product_rules:
  - id: pen
    level: prohibited
    match: [pen, hatir dat]
    reason: r-pen
    steps: [s-pen]
    confidence: official
    checked_on: 2026-01-01
    source: "test"
  - id: sandal
    level: restricted
    match: ["@sandal"]
    question: wood
    ask_words: [kath]
    reason: r-sandal
    steps: [s-sandal]
    confidence: official
    checked_on: 2026-01-01
    source: "test"
certificates: []
destinations: []
value_rules: []
"""


def _load(tmp_path: Path, text: str):
    path = tmp_path / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    return load_rules(path)


def _line(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def _verdict(rules, words: str, **answers: str) -> Verdict:
    return rules.evaluate(CheckInput(None, words, "other", None, IEC, GSTIN, None, answers, AUG))


def test_minimal_file_loads_and_matches_word_starts_with_endings(tmp_path: Path) -> None:
    rules = _load(tmp_path, MINIMAL)
    assert rules.message_ids() == {
        "q-wood",
        "q-wood-find",
        "r-pen",
        "s-pen",
        "r-sandal",
        "s-sandal",
        "q-wood-brief",  # each reason and question has a one-line form, named after it
        "r-pen-brief",
        "r-sandal-brief",
    }
    assert "pen" in ids(_verdict(rules, "a pen"))
    assert "pen" in ids(_verdict(rules, "two pens"))
    assert "pen" not in ids(_verdict(rules, "silver pendant"))
    assert "pen" not in ids(_verdict(rules, "open box"))
    assert "pen" in ids(_verdict(rules, "Hatir-Dater chiruni"))
    assert "sandal" in ids(_verdict(rules, "chandaner baksho"))
    assert "sandal" not in ids(_verdict(rules, "chandana"))
    other = _load(tmp_path, MINIMAL.replace('version: "t"', 'version: "u"'))
    assert other.version != rules.version


# (name, (text to replace, replacement), text of the line the error must name, part of the reason)
SECOND = '    source: "test"\n  - id: sandal'  # the end of the first rule, the start of the second
# fmt: off
BROKEN = [
    ("unclosed list", ("    match: [pen, hatir dat]", "    match: [pen, hatir dat"),
     "match: [pen, hatir dat", "not valid YAML"),
    ("missing colon", ("    level: prohibited", "    level prohibited"), "level prohibited",
     "not valid YAML"),
    ("bad indentation", ("    steps: [s-pen]", "   steps: [s-pen]"), "   steps: [s-pen]",
     "not valid YAML"),
    ("unknown key", (SECOND, SECOND.replace("\n", "\n    colour: red\n", 1)), "colour: red",
     "unknown key 'colour'"),
    ("duplicate id", ("  - id: sandal", "  - id: pen  # again"), "# again",
     "duplicate rule id 'pen'"),
    ("unknown question", ("    question: wood", "    question: timber"), "question: timber",
     "unknown question 'timber'"),
    ("bad date", ("updated: 2025-01-01", "updated: 2025-02-30"), "updated:", "updated"),
    ("empty keywords", ("    match: [pen, hatir dat]", "    match: []"), "match: []",
     "must not be empty"),
    ("empty word list", ("  sandal: [chandan, sandalwood]", "  sandal: []"), "sandal: []",
     "must not be empty"),
    ("unknown level", ("    level: prohibited", "    level: banned"), "level: banned", "level"),
    ("unknown word list", ('    match: ["@sandal"]', '    match: ["@wood"]'), 'match: ["@wood"]',
     "unknown word list '@wood'"),
    ("dates in the wrong order",
     (SECOND, SECOND.replace("\n", "\n    valid_from: 2026-04-01\n    valid_until: 2026-03-31\n")),
     "valid_from: 2026-04-01", "valid_from is after valid_until"),
    ("missing source", (SECOND, "  - id: sandal"), "  - id: pen",
     "a source may only be left out when confidence is unverified"),
    ("missing checked_on", ("    checked_on: 2026-01-01\n    source: \"test\"\n  - id: sandal",
                            "    source: \"test\"\n  - id: sandal"), "  - id: pen",
     "missing 'checked_on'"),
    ("id too long", ("  - id: pen", "  - id: a_very_long_rule_identifier_x"), "a_very_long", "id"),
    ("duplicate key", ("    level: prohibited", "    level: prohibited\n    level: note"),
     "level: note", "duplicate key 'level'"),
]
# fmt: on


@pytest.mark.parametrize(
    ("change", "line_of", "reason"), [pytest.param(*b[1:], id=b[0]) for b in BROKEN]
)
def test_broken_files_name_file_line_and_reason(
    tmp_path: Path, change: tuple[str, str], line_of: str, reason: str
) -> None:
    old, new = change
    assert old in MINIMAL
    text = MINIMAL.replace(old, new, 1)
    with pytest.raises(RulesError) as caught:
        _load(tmp_path, text)
    error = caught.value
    assert error.file == "rules.yaml"
    assert error.line == _line(text, line_of), str(error)
    assert reason in error.reason, str(error)
    assert str(error) == f"rules.yaml:{error.line}: {error.reason}"


def test_the_real_file_loads() -> None:
    assert load_rules().label.startswith("1 (")


@pytest.mark.parametrize(
    ("text", "line_of", "reason"),
    [
        ("    match_crafts: [no_such_craft]\n", "no_such_craft", "unknown craft 'no_such_craft'"),
    ],
)
def test_unknown_craft_in_match_crafts_names_its_line(
    tmp_path: Path, text: str, line_of: str, reason: str
) -> None:
    broken = MINIMAL.replace(SECOND, SECOND.replace("\n", "\n" + text, 1))
    with pytest.raises(RulesError) as caught:
        _load(tmp_path, broken)
    assert caught.value.line == _line(broken, line_of) and reason in caught.value.reason


def test_confirm_needs_a_profile_item(tmp_path: Path) -> None:
    text = MINIMAL.replace(
        "readiness: []",
        "readiness:\n  - {id: lut, required: true, question: wood, confirm: wood, why: a, how: b,"
        " cost: c, where: d, source: s, confidence: official, checked_on: 2026-01-01}",
    )
    with pytest.raises(RulesError, match="confirm needs a profile item"):
        _load(tmp_path, text)


# --- locales -----------------------------------------------------------------------------------

FLOW_IDS = {
    "elig-ask-product": set(), "elig-describe": set(), "elig-ask-destination": set(),
    "elig-dest-any": set(), "elig-answer-yes": set(), "elig-answer-no": set(),
    "elig-answer-unknown": set(), "elig-verdict-ready": {"item"}, "elig-verdict-steps": {"item"},
    "elig-verdict-blocked": {"item"}, "elig-reasons": set(), "elig-next-steps": set(),
    "elig-find-out": set(), "elig-step-line": {"n", "text"},
    "elig-where": {"text"}, "elig-cost": {"text"},
}  # fmt: skip


class _Variables(Visitor):
    def __init__(self) -> None:
        self.names: set[str] = set()

    def visit_VariableReference(self, node: ast.VariableReference) -> None:
        self.names.add(node.id.name)


def _catalogue(locale: str) -> dict[str, set[str]]:
    source = (ROOT / "content" / "locales" / locale / "eligibility.ftl").read_text(encoding="utf-8")
    found: dict[str, set[str]] = {}
    for entry in FluentParser().parse(source).body:
        assert not isinstance(entry, ast.Junk), f"{locale}: {entry.content[:80]!r}"
        if isinstance(entry, ast.Message):
            assert entry.id.name not in found, f"{locale}: {entry.id.name} twice"
            names = _Variables()
            names.visit(entry)
            found[entry.id.name] = names.names
    return found


def test_every_rule_message_exists_in_all_locales_with_the_same_placeables() -> None:
    catalogues = {locale: _catalogue(locale) for locale in ("bn", "en", "hi")}
    assert catalogues["bn"].keys() == catalogues["en"].keys() == catalogues["hi"].keys()
    for key, names in catalogues["en"].items():
        assert catalogues["bn"][key] == names == catalogues["hi"][key], key
    missing = load_rules().message_ids() - catalogues["en"].keys()
    assert not missing, sorted(missing)
    for key, names in FLOW_IDS.items():
        assert catalogues["en"].get(key) == names, key
