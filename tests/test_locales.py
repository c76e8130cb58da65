"""Every message exists in bn, en and hi with the same placeables, and every key used exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.i18n import Messages
from content import LOCALES
from services import ids

ROOT = Path(__file__).resolve().parent.parent
CODE_DIRS = ("bot", "handlers", "flows", "services", "run_bot.py")
# Literal keys in code: Reply("key" …), key="key", Step(name, "key" …)
LITERAL = re.compile(
    r'(?:Reply\(|key=|label=|help=|_key=|\bStep\(\s*"[a-z_]+",\s*)"([a-z][a-z0-9_-]+)"'
)


def test_every_locale_has_the_same_keys(messages: Messages) -> None:
    reference = messages.catalogue["bn"]
    for locale in LOCALES:
        missing = set(reference) - set(messages.catalogue[locale])
        extra = set(messages.catalogue[locale]) - set(reference)
        assert not missing, f"{locale} lacks {sorted(missing)}"
        assert not extra, f"{locale} has keys bn lacks: {sorted(extra)}"


@pytest.mark.parametrize("locale", [loc for loc in LOCALES if loc != "bn"])
def test_placeables_are_the_same_in_every_locale(messages: Messages, locale: str) -> None:
    for key, variables in messages.catalogue["bn"].items():
        assert messages.catalogue[locale][key] == variables, f"{locale}:{key}"


def _code_keys() -> set[str]:
    found: set[str] = set()
    for name in CODE_DIRS:
        path = ROOT / name
        files = [path] if path.is_file() else path.rglob("*.py")
        for file in files:
            found |= set(LITERAL.findall(file.read_text(encoding="utf-8")))
    return found


def _dynamic_keys() -> set[str]:
    """Keys built from error codes: reg-phone-<error>, reg-gstin-error-<error>, …"""
    keys = {f"lang-name-{code}" for code in LOCALES}
    keys |= {f"reg-phone-{e}" for e in ("too_short", "too_long", "not_mobile", "foreign")}
    keys.add("reg-phone-not_a_number")
    keys |= {f"reg-gstin-error-{e}" for e in ("length", "format", "state_code", "checksum")}
    keys |= {f"reg-iec-error-{e}" for e in ("length", "format", "serial_zero", "holder_type")}
    keys |= {"reg-iec-error-old_iec", "reg-gstin-note-other_state"}
    keys |= {"reg-udyam-error-format", "reg-udyam-error-state", "reg-udyam-note-other_state"}
    return keys


def test_every_key_used_in_code_exists(messages: Messages) -> None:
    used = _code_keys() | _dynamic_keys()
    assert len(used) > 80, "the scan found too few keys: the pattern is broken"
    missing = sorted(k for k in used if not messages.has(k))
    assert not missing, missing


@pytest.mark.parametrize(
    ("check", "samples"),
    [
        (ids.check_mobile, ["98300", "983001234567", "5830012345", "+14155552671", "abc"]),
        (
            ids.check_gstin,
            ["19AAECF2320D1Z", "19AAECF2320D1Z6", "99AAECF2320D1Z5", "19A@ECF2320D1Z5"],
        ),
        (ids.check_iec, ["ABC", "ABCDE12345", "ABCDE0000F", "ABCXE1234F", "0123456789"]),
        (ids.check_udyam, ["UDYAM-XX-10-0012345", "UDYAM-1"]),
    ],
)
def test_every_validator_error_has_a_message(messages: Messages, check, samples) -> None:
    prefix = {
        ids.check_mobile: "reg-phone-",
        ids.check_gstin: "reg-gstin-error-",
        ids.check_iec: "reg-iec-error-",
        ids.check_udyam: "reg-udyam-error-",
    }[check]
    for sample in samples:
        result = check(sample)
        assert result.error is not None, sample
        assert messages.has(prefix + result.error), (sample, result.error)


def test_messages_render_without_isolation_marks_and_with_bengali_digits(
    messages: Messages,
) -> None:
    text = messages.text("bn", "error-name-long", {"max": 80})
    assert "৮০" in text and "\u2068" not in text
    assert "80" in messages.text("en", "error-name-long", {"max": 80})


def test_arguments_are_html_escaped(messages: Messages) -> None:
    text = messages.text("en", "welcome-back", {"name": "<b>Rina</b> & co"})
    assert "&lt;b&gt;Rina&lt;/b&gt; &amp; co" in text


def test_bengali_is_the_fallback_for_unknown_locales(messages: Messages) -> None:
    assert messages.text("fr", "menu-title") == messages.text("bn", "menu-title")


def _attributes(locale: str) -> dict[str, set[str]]:
    from fluent.syntax import FluentParser, ast

    found: dict[str, set[str]] = {}
    for path in sorted((ROOT / "content" / "locales" / locale).glob("*.ftl")):
        for entry in FluentParser().parse(path.read_text(encoding="utf-8")).body:
            if isinstance(entry, ast.Message) and entry.attributes:
                found[entry.id.name] = {a.id.name for a in entry.attributes}
    return found


def test_short_forms_are_in_every_locale() -> None:
    """A label's ``.short`` (for channels with narrow buttons) is given in every language."""
    reference = _attributes("bn")
    assert reference, "no short forms at all"
    for locale in LOCALES:
        assert _attributes(locale) == reference, locale


# One spelling for each word a seller reads (issue 15): the ones ruled out, and the one kept.
RULED_OUT_SPELLINGS = {"রপ্তানি": "রফতানি", "আমাজন": "অ্যামাজন", "এখনও": "এখনো"}


def test_one_spelling_for_each_word_in_bengali() -> None:
    from importlib import resources

    folder = resources.files("content") / "locales" / "bn"
    found = []
    for entry in folder.iterdir():
        if entry.name.endswith(".ftl"):
            text = entry.read_text(encoding="utf-8")
            for wrong, right in RULED_OUT_SPELLINGS.items():
                # আমাজন inside অ্যামাজন is not a match: the kept form starts with অ
                hits = [m for m in re.finditer(wrong, text) if not text[: m.start()].endswith("অ্য")]
                found += [f"{entry.name}: {wrong} (write {right})" for _ in hits]
    assert not found, found


def test_a_message_never_mixes_digit_scripts() -> None:
    """Bengali messages write Bengali digits and placeables get them too; Hindi and English
    write international digits, placeables included ("1 से 8 तक", not "1 से ८ तक")."""
    from importlib import resources

    from services.text import localise_digits

    assert localise_digits("1 - 8", "hi") == "1 - 8" and localise_digits("8", "bn") == "৮"
    hindi = resources.files("content") / "locales" / "hi"
    for entry in hindi.iterdir():
        if entry.name.endswith(".ftl"):
            assert not re.search("[०-९]", entry.read_text(encoding="utf-8")), entry.name


# Placeables that hold words (a name, a place, a language): a Bengali ending hyphenated onto
# them reads wrong ("কর্মকার-কে", "বাংলা-য়"); numbers and dates take "-এর" as Bengali does.
WORD_PLACEABLES = ("name", "seller", "scope", "language", "district", "districts", "product",
                   "item", "title", "craft")  # fmt: skip


def test_no_ending_is_hyphenated_onto_a_name_in_bengali() -> None:
    suffixed = re.compile(r"\{ ?\$(" + "|".join(WORD_PLACEABLES) + r") ?\}-[\u0980-\u09ff]")
    found = [
        f"{path.name}: {m.group(0)}"
        for path in sorted((ROOT / "content" / "locales" / "bn").glob("*.ftl"))
        for m in suffixed.finditer(path.read_text(encoding="utf-8"))
    ]
    assert not found, found
