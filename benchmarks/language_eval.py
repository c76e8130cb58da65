"""Accuracy and speed of bot.language.detect_language on real text nobody on this project wrote.

Run from the repository root:

    .venv/bin/python benchmarks/language_eval.py [--eval-dir ../shared/eval] [--misses N]
        [--heldout FILE.tsv]

For each lingua_{sentences,word-pairs,single-words}_{bn,en,hi}.txt file it reports the share of
lines answered (lang is not None), the accuracy over answered lines and over all lines; for
banglishrev_sample.tsv the same per label (romanised Bengali counts as bn; mixed_script is only
reported). conf% is the share of lines marked confident (what would offer a language switch).
--heldout adds a section for a TSV of label<TAB>source<TAB>text lines (label bn, en or hi; bn and
hi in Latin letters), one row per source: the held-out part of the public data the romanised
word lists were built from (kept outside the repository; see content/data/README.md). Then
three rates over all Latin-script lines: romanised Bengali recall (answered bn), English called
Bengali or Hindi, romanised Hindi called Bengali; each also "confident", the cases that would
interrupt a seller with a wrong offer. Then the mean and p99 time per call over every line,
first call (word lists and profile load) excluded. --misses N prints up to N wrong answers per
file, to see what goes wrong.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import regex  # noqa: E402

from bot.language import Guess, detect_language  # noqa: E402

_LATIN = regex.compile(r"\p{Script=Latin}")
_INDIC = regex.compile(r"[\u0900-\u09ff]")

LINGUA_KINDS = ("sentences", "word-pairs", "single-words")
LINGUA_LANGS = ("bn", "en", "hi")
# BanglishRev label → the language the bot should hear (None: report the answers only).
BANGLISHREV_EXPECTED: dict[str, str | None] = {
    "bangla_script": "bn",
    "english": "en",
    "romanized": "bn",
    "romanized_codemixed": "bn",
    "mixed_script": None,
}


@dataclass
class Row:
    name: str
    expected: str | None
    total: int = 0
    answered: int = 0
    correct: int = 0
    confident: int = 0
    answers: Counter[str] = field(default_factory=Counter)
    misses: list[tuple[str, str]] = field(default_factory=list)
    latin: list[Guess] = field(default_factory=list)  # guesses for Latin-script lines

    def add(self, text: str, guess: Guess) -> None:
        self.total += 1
        if _LATIN.search(text) and not _INDIC.search(text):
            self.latin.append(guess)
        self.answers[guess.lang or "-"] += 1
        self.confident += guess.confident
        if guess.lang is None:
            return
        self.answered += 1
        if guess.lang == self.expected:
            self.correct += 1
        elif self.expected is not None:
            self.misses.append((f"{guess.lang}/{guess.method}", text))


# (what, label of the lines, answers that count): over Latin-script lines only.
RATES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("romanised Bengali answered bn", "bn", ("bn",)),
    ("English answered bn or hi", "en", ("bn", "hi")),
    ("romanised Hindi answered bn", "hi", ("bn",)),
    ("romanised Bengali answered en", "bn", ("en",)),
)


def _rates(rows: list[Row]) -> None:
    """The rates above per group of files; "confident" ones would offer a language switch."""
    print(f"\n{'Latin-script lines only':<44}{'lines':>6}{'rate%':>8}{'confident%':>11}")
    for group in ("lingua", "banglishrev", "heldout"):
        for name, label, answers in RATES:
            guesses = [
                g for row in rows if row.name.startswith(group) and row.expected == label
                for g in row.latin
            ]  # fmt: skip
            if not guesses:
                continue
            hits = [g for g in guesses if g.lang in answers]
            sure = sum(g.confident for g in hits)
            print(
                f"{group + ' ' + name:<44}{len(guesses):>6}{_pct(len(hits), len(guesses)):>8}"
                f"{_pct(sure, len(guesses)):>11}"
            )


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:6.1f}" if whole else "     -"


def _timed(text: str, timings: list[float]) -> Guess:
    start = time.perf_counter()
    guess = detect_language(text)
    timings.append(time.perf_counter() - start)
    return guess


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=REPO.parent / "shared" / "eval")
    parser.add_argument("--misses", type=int, default=0, help="print up to N misses per file")
    parser.add_argument("--heldout", type=Path, help="label<TAB>source<TAB>text lines to add")
    args = parser.parse_args()
    eval_dir: Path = args.eval_dir

    detect_language("warm up: load the langdetect profiles")
    timings: list[float] = []
    rows: list[Row] = []
    for kind in LINGUA_KINDS:
        for lang in LINGUA_LANGS:
            row = Row(f"lingua {kind} {lang}", lang)
            path = eval_dir / f"lingua_{kind}_{lang}.txt"
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    row.add(line, _timed(line, timings))
            rows.append(row)
    by_label = {
        label: Row(f"banglishrev {label}", exp) for label, exp in BANGLISHREV_EXPECTED.items()
    }
    for line in (eval_dir / "banglishrev_sample.tsv").read_text(encoding="utf-8").splitlines():
        label, _, text = line.partition("\t")
        if label in by_label and text.strip():
            by_label[label].add(text, _timed(text, timings))
    rows.extend(by_label.values())
    if args.heldout:
        by_source: dict[str, Row] = {}
        for line in args.heldout.read_text(encoding="utf-8").splitlines():
            label, source, text = line.split("\t", 2)
            row = by_source.setdefault(source, Row(f"heldout {source}", label))
            row.add(text, _timed(text, timings))
        rows.extend(by_source.values())

    print(
        f"{'file':<34}{'lines':>6}{'answered%':>10}{'acc%':>7}{'acc/all%':>9}{'conf%':>7}  answers"
    )
    for row in rows:
        answers = " ".join(f"{k}:{v}" for k, v in sorted(row.answers.items()))
        acc = _pct(row.correct, row.answered) if row.expected else "     -"
        acc_all = _pct(row.correct, row.total) if row.expected else "     -"
        print(
            f"{row.name:<34}{row.total:>6}{_pct(row.answered, row.total):>10}{acc:>7}"
            f"{acc_all:>9}{_pct(row.confident, row.total):>7}  {answers}"
        )
    _rates(rows)
    micros = sorted(t * 1e6 for t in timings)
    p99 = micros[min(len(micros) - 1, int(0.99 * len(micros)))]
    print(
        f"\n{len(micros)} calls: mean {statistics.fmean(micros):.0f} µs, "
        f"median {statistics.median(micros):.0f} µs, p99 {p99:.0f} µs, max {micros[-1]:.0f} µs"
    )
    if args.misses:
        for row in rows:
            for answer, text in row.misses[: args.misses]:
                print(f"[{row.name}] {answer}: {text[:110]}")


if __name__ == "__main__":
    main()
