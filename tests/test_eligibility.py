"""Eligibility rules: verdicts for real seller wording, the loader's errors, the locales."""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import pytest
from fluent.syntax import FluentParser, ast
from fluent.syntax.visitor import Visitor

from services.eligibility import CheckInput, RulesError, Verdict, load_rules

ROOT = Path(__file__).resolve().parent.parent
IEC, GSTIN = "ABCPD1234F", "19ABCPD1234F1Z5"
AUG = date(2025, 8, 20)
READINESS = ("iec_updated", "lut", "forex_bank", "ad_code", "marketplace")


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
    for _ in range(20):
        needed = rules.questions_needed(inp)
        if not needed:
            break
        for q in needed:
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
     "gi_user quran_text", "animal_parts feathers"),
    ("kantha on old sarees, romanised", Case("kantha stitch stole purono sharir upor", "kantha"),
     "ready", "", "antique", "quran_text", "antique"),
    ("nakshi kantha, Hindi", Case("नक्शी कांथा चादर", "nakshi_kantha", "BIR"),
     "ready", "", "", "quran_text", "wood"),
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
     "steps", "darjeeling_tea fssai uk_food", "us_food", "gi_user", "food wood"),
    ("joynagar moa", Case("নলেন গুড়ের মোয়া", "joynagar_moa", "S24"),
     "steps", "fssai", "sandalwood_raw timber", "", "wood"),
    ("sundarban honey to USA", Case("সুন্দরবনের খাঁটি মধু", "sundarban_honey", "S24", dest='US'),
     "steps", "fssai us_food", "", "gi_user", ""),
    ("malda mangoes", Case("Himsagar aam, Malda", "malda_mango", "MLD"),
     "steps", "fresh_produce fssai", "", "", ""),
    ("honey in Hindi, no craft", Case("शुद्ध शहद"),
     "steps", "fssai", "", "", "food"),
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
     "steps", "sandalwood_craft", "ivory sandalwood_raw timber", "", "sandalwood"),
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
     "steps", "gstin iec", "iec_update lut", "", "iec_updated lut"),
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
    assert verdict.findings[0].source.startswith("Ivory")


def test_unknown_finding_tells_what_to_find_out() -> None:
    verdict, _ = run(Case("পালকের মালা", answers={"feathers": "unknown"}))
    finding = next(f for f in verdict.findings if f.rule_id == "peacock_feathers")
    assert finding.unknown and finding.level == "prohibited"
    assert finding.steps == ("elig-q-feathers-find",)


def test_unanswered_questions_count_as_unknown() -> None:
    rules = load_rules()
    inp = CheckInput("dokra", "ডোকরার হাতি", None, "BNK", IEC, GSTIN, None, {}, AUG)
    assert [q.id for q in rules.questions_needed(inp)] == [
        "wood", "gi_user", "iec_updated", "lut", "forex_bank", "ad_code", "marketplace",
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
    assert [q.id for q in rules.questions][:2] == ["food", "animal_parts"]
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
    source: "test"
  - id: sandal
    level: restricted
    match: ["@sandal"]
    question: wood
    ask_words: [kath]
    reason: r-sandal
    steps: [s-sandal]
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
    ("missing source", (SECOND, "  - id: sandal"), "  - id: pen", "missing 'source'"),
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


# --- locales -----------------------------------------------------------------------------------

FLOW_IDS = {
    "elig-ask-product": set(), "elig-describe": set(), "elig-ask-destination": set(),
    "elig-dest-any": set(), "elig-answer-yes": set(), "elig-answer-no": set(),
    "elig-answer-unknown": set(), "elig-verdict-ready": {"item"}, "elig-verdict-steps": {"item"},
    "elig-verdict-blocked": {"item"}, "elig-reasons": set(), "elig-next-steps": set(),
    "elig-source": {"source"}, "elig-find-out": set(), "elig-step-line": {"n", "text"},
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
