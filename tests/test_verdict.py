"""How a verdict reads (issue 14): the first message fits one phone screen, research notes never
reach a seller, every term is explained where it first appears, sources are clean and dated."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
import regex

from bot.i18n import Messages
from chat.markup import plain
from flows import verdict
from handlers.render import Renderer
from services.eligibility import CheckInput, Finding, Source, load_rules

LOCALES = ("bn", "en", "hi")
DEC = date(2026, 12, 4)
# A screen of a small phone: about 12 lines, none much longer than two rows of text.
SCREEN_LINES, LINE_CHARS = 12, 100
RESEARCH = regex.compile(r"\[\?\]|\[2°\]|2°|truncated|https?:|www\.|\bvia\b")
# Terms a seller may not know; the verdict explains each where it first appears.
TERMS = ("IEC", "LUT", "GSTIN", "GST", "ICEGATE", "DGFT", "CITES", "WCCB", "ASI", "ISPM-15",
         "APEDA", "FSSAI", "RCMC", "FDA", "e-FIRC", "e-BRC", "IOSS", "RoDTEP")  # fmt: skip

# (words, craft, district, iec, gstin, destination): typical sellers, most with nothing yet.
# fmt: off
TYPICAL = [
    ("পিতলের ডোকরা হাতি", "dokra", "BNK", None, None, "US"),
    ("পাটের ব্যাগ", "jute", "HWH", "ABCPD1234F", "19ABCPD1234F1Z5", "EU"),
    ("চা", None, "DAR", None, None, "UK"),
    ("Himsagar mango", None, "MLD", None, None, "AE"),
    ("kantha stitch silk stole with arabic calligraphy", "kantha", "BIR", None, None, "US"),
    ("ময়ূরের পালকের পাখা", None, "PUR", None, None, "AU"),
    ("শাঁখা", None, "NAD", None, None, "CA"),
    ("sandalwood carved box", None, "KOL", None, None, None),
    ("মাদুরকাঠির মাদুর", "madur", "PME", None, None, "AU"),
]
# fmt: on


def _verdicts(answer: str) -> list[tuple[str, object]]:
    """Every typical item, each question answered ``answer``, as (item, verdict)."""
    rules = load_rules()
    out = []
    for words, craft, district, iec, gstin, dest in TYPICAL:
        inp = CheckInput(craft, words, None, district, iec, gstin, dest, {}, DEC)
        for _ in range(30):
            needed = rules.questions_needed(inp)
            if not needed:
                break
            inp = replace(inp, answers={**inp.answers, needed[0].id: answer})
        v = rules.evaluate(inp)
        out.append((words, v))
    return out


def _text(renderer: Renderer, reply, locale: str) -> str:
    [out] = renderer.outbound(reply, 1, locale)
    return plain(out.text)


@pytest.mark.parametrize("answer", ["no", "unknown", "yes"])
@pytest.mark.parametrize("locale", LOCALES)
def test_the_first_message_fits_one_screen(messages: Messages, locale: str, answer: str) -> None:
    renderer = Renderer(messages)
    for item, v in _verdicts(answer):
        text = _text(renderer, verdict.first_message(v.status, v.findings, item), locale)
        lines = text.split("\n")
        assert len(lines) <= SCREEN_LINES, (item, text)
        assert max(len(line) for line in lines) <= LINE_CHARS, (item, text)
        assert not RESEARCH.search(text), (item, text)
        for f in verdict.decided_of(v.status, v.findings)[: verdict.FIRST_MESSAGE_ITEMS]:
            assert f.brief, f.rule_id  # each thing to do has its one-line form


def _every_finding() -> list[Finding]:
    """One finding for each rule, readiness item and yearly update in the rules file."""
    rules = load_rules()
    found = [
        Finding(r.id, r.level, r.reason, r.steps, r.where, r.source, brief=r.brief)
        for r in (*rules._rules, *(n for ns in rules._by_destination.values() for n in ns))
    ]
    for item in rules._readiness:
        level = "readiness" if item.required else "note"
        found.append(
            Finding(item.id, level, item.why, (item.how,), item.where, item.source, False,
                    item.cost, item.brief)
        )  # fmt: skip
        if (u := item.update) is not None:
            for reason, steps, brief in ((u.reason, u.steps, u.brief),
                                         (u.late_reason, u.late_steps, u.late_brief)):  # fmt: skip
                found.append(Finding(u.id, "readiness", reason, steps, None, u.source, brief=brief))
    for q in rules._questions.values():
        src = Source(None, "unverified", DEC)
        found.append(Finding(q.question.id, "certificate", q.question.message, (q.find_out,),
                             None, src, True, brief=q.brief))  # fmt: skip
    return found


@pytest.mark.parametrize("locale", LOCALES)
def test_details_and_sources_hold_no_research_notes(messages: Messages, locale: str) -> None:
    renderer = Renderer(messages)
    findings = _every_finding()
    for part in (
        *verdict.details("steps", findings, "x"),
        verdict.sources("steps", findings, "x", locale),
    ):
        text = _text(renderer, part, locale)
        assert not RESEARCH.search(text), RESEARCH.search(text)


@pytest.mark.parametrize("locale", LOCALES)
def test_every_term_is_explained_where_it_first_appears(messages: Messages, locale: str) -> None:
    """Each finding alone (its first message, its details): the first IEC, LUT, AD code…
    carries its explanation in brackets, right after it or around it."""
    renderer = Renderer(messages)
    forms = {f for names, _ in messages.terms(locale) for f in names}
    assert set(TERMS) <= forms  # every term has an explanation in every locale
    for f in _every_finding():
        for reply in (
            verdict.first_message("steps", [f], "x"),
            *verdict.details("steps", [f], "x"),
        ):
            text = _text(renderer, reply, locale)
            for term in (*TERMS, "AD কোড" if locale == "bn" else "AD code"):
                at = regex.search(
                    rf"(?<![\w.\-/]){regex.escape(term)}(?:-\w+)?(?![\w\-]|\.\w)", text
                )
                if at is None:
                    continue
                before = text[: at.start()].rstrip()
                after = text[at.end() :].lstrip()
                assert before.endswith("(") or after.startswith("("), (f.rule_id, term, text)


def test_sources_name_documents_with_how_sure_and_when(messages: Messages) -> None:
    renderer = Renderer(messages)
    rules = load_rules()
    v = rules.evaluate(CheckInput(None, "হাতির দাঁতের চিরুনি", None, None, None, None, "US", {}, DEC))
    text = _text(renderer, verdict.sources(v.status, v.findings, "চিরুনি", "bn"), "bn")
    assert "Wild Life (Protection) Act 1972" in text and "সরকারি নথি" in text
    assert "দেখা হয়েছে ২৬ নভেম্বর ২০২৬" in text
    assert "IEC" not in text  # a blocked item: only why it cannot go
    en = _text(renderer, verdict.sources(v.status, v.findings, "comb", "en"), "en")
    assert "official document · checked 26 Nov 2026" in en


def test_a_saved_finding_reads_back_the_same() -> None:
    for f in _every_finding():
        assert verdict.finding_of(verdict.finding_doc(f)) == f
    assert verdict.finding_of({"rule": "iec", "level": "readiness", "steps": []}) is None
