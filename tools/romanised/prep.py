"""Collect the public sources into build material and a held-out set (outside the repo).

Outputs in /work/tmp_lang/work:
  bn_pairs.tsv   native<TAB>roman<TAB>count<TAB>source   (training part only)
  hi_pairs.tsv   same for Hindi
  bn_lines.txt   romanised Bengali (code-mixed) lines, training part
  hi_lines.txt   romanised Hindi (code-mixed) lines, training part
  en_lines.txt   English lines, training part
  heldout.tsv    label<TAB>source<TAB>text   (never used to build anything)
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections import Counter
from pathlib import Path

import openpyxl
import regex as re

SRC = Path("/work/tmp_lang/src")
OUT = Path("/work/tmp_lang/work")
OUT.mkdir(exist_ok=True)

_PRECOMPOSE = {"\u09af\u09bc": "\u09df", "\u09a1\u09bc": "\u09dc", "\u09a2\u09bc": "\u09dd"}


def norm_native(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    for a, b in _PRECOMPOSE.items():
        text = text.replace(a, b)
    return text.replace("\u200c", "").replace("\u200d", "")


def held(key: str, share: int = 20) -> bool:
    """Deterministic split: share % of items go to the held-out part."""
    return int(hashlib.sha1(key.encode()).hexdigest()[:8], 16) % 100 < share


_WORD = re.compile(r"[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)?")


def words(text: str) -> list[str]:
    return _WORD.findall(text)


bn_pairs: Counter[tuple[str, str, str]] = Counter()
hi_pairs: Counter[tuple[str, str, str]] = Counter()
bn_lines: list[str] = []
hi_lines: list[str] = []
en_lines: list[str] = []
heldout: list[tuple[str, str, str]] = []


def align(native: str, roman: str, source: str, into: Counter) -> None:
    nw = [norm_native(w) for w in words(native)]
    rw = [w.lower() for w in words(roman)]
    if len(nw) != len(rw):
        return
    for n, r in zip(nw, rw, strict=True):
        if r.isascii() and not n.isascii():
            into[(n, r, source)] += 1


# --- Dakshina (CC BY-SA 4.0): romanisation lexicons and romanised Wikipedia sentences ----------
for lang, pairs in (("bn", bn_pairs), ("hi", hi_pairs)):
    for line in (SRC / f"dak_{lang}_lex_train.tsv").read_text().splitlines():
        n, r, c = line.split("\t")
        pairs[(norm_native(n), r.lower(), "dakshina-lex")] += int(c)
    test_native = set((SRC / f"dak_{lang}_nat_test.txt").read_text().splitlines())
    rejoined = [
        ln.split("\t") for ln in (SRC / f"dak_{lang}_rejoined.tsv").read_text().splitlines()
    ]
    sentences: list[list[tuple[str, str]]] = [[]]
    for line in (SRC / f"dak_{lang}_aligned.tsv").read_text().splitlines():
        if line.startswith("</s>"):
            sentences.append([])
            continue
        n, _, r = line.partition("\t")
        sentences[-1].append((n, r))
    sentences = [s for s in sentences if s]
    assert len(sentences) == len(rejoined), (lang, len(sentences), len(rejoined))
    for (native, roman), toks in zip(rejoined, sentences, strict=True):
        if native in test_native:
            heldout.append((lang, f"dakshina-{lang}-sentences", roman))
            continue
        for n, r in toks:
            for nw, rw in zip(words(n), words(r), strict=False):
                if rw.isascii() and not nw.isascii():
                    pairs[(norm_native(nw), rw.lower(), "dakshina-sent")] += 1
        (bn_lines if lang == "bn" else hi_lines).append(roman)

# --- Shibli et al. 5K Banglish→Bangla, human annotated (Bangladesh social media) -------------
wb = openpyxl.load_workbook(SRC / "5k.xlsx", read_only=True)
for i, (roman, native) in enumerate(wb.worksheets[0].iter_rows(values_only=True)):
    if i == 0 or not roman or not native:
        continue
    roman, native = str(roman), str(native)
    if held(roman):
        heldout.append(("bn", "shibli-5k", roman))
        continue
    bn_lines.append(roman)
    align(native, roman, "shibli-5k", bn_pairs)

# --- arijitx/BanglaNLP crowdsourced transliteration (West Bengal) ----------------------------
for f in sorted(SRC.glob("arijit_*.json")):
    for line in f.read_text().splitlines():
        if not line.strip():
            continue
        for item in json.loads(line)["words"]:
            r, n = item.get("en", "").strip().lower(), item.get("bn", "").strip()
            if r and n and r.isascii() and " " not in r and r.isalpha():
                bn_pairs[(norm_native(n), r, "arijitx")] += 1


# --- Code-Mixed-Dialog (Apache-2.0): DSTC2 in code-mixed Bengali / Hindi / English ----------------
def dialog_turns(path: Path) -> list[str]:
    out = []
    for line in path.read_text().splitlines():
        if "\t" not in line:
            continue
        _, _, rest = line.partition(" ")
        user, _, system = rest.partition("\t")
        for t in (user, system):
            t = t.strip()
            if t and t != "<SILENCE>" and not t.startswith("api_call") and "R_" not in t:
                out.append(t)
    return list(dict.fromkeys(out))


for lang, code, lines in (
    ("bengali", "bn", bn_lines),
    ("hindi", "hi", hi_lines),
    ("english", "en", en_lines),
):
    for split in ("trn", "dev"):
        lines.extend(dialog_turns(SRC / f"cmd_{lang}_{split}.txt"))
    seen = set(lines)
    for t in dialog_turns(SRC / f"cmd_{lang}_tst.txt"):
        if t not in seen:
            heldout.append((code, f"code-mixed-dialog-{lang}", t))

# --- Hinglish-TOP (Apache-2.0): Hinglish queries with their English originals -------------------
for split in ("train", "validation", "test"):
    rows = (SRC / f"htop_{split}.tsv").read_text().splitlines()[1:]
    for row in rows:
        cols = row.split("\t")
        if len(cols) < 2:
            continue
        en, cs = cols[0], cols[1]
        if split == "test":
            heldout.append(("hi", "hinglish-top", cs))
            heldout.append(("en", "hinglish-top-en", en))
        else:
            hi_lines.append(cs)
            en_lines.append(en)

(OUT / "bn_pairs.tsv").write_text(
    "".join(f"{n}\t{r}\t{c}\t{s}\n" for (n, r, s), c in sorted(bn_pairs.items()))
)
(OUT / "hi_pairs.tsv").write_text(
    "".join(f"{n}\t{r}\t{c}\t{s}\n" for (n, r, s), c in sorted(hi_pairs.items()))
)
for name, lines in (("bn", bn_lines), ("hi", hi_lines), ("en", en_lines)):
    (OUT / f"{name}_lines.txt").write_text("".join(ln.replace("\n", " ") + "\n" for ln in lines))
heldout = list(
    dict.fromkeys((lab, src, " ".join(t.split())) for lab, src, t in heldout if t.strip())
)
(OUT / "heldout.tsv").write_text("".join(f"{a}\t{b}\t{c}\n" for a, b, c in heldout))
print(
    {
        k: len(v)
        for k, v in (
            ("bn_pairs", bn_pairs),
            ("hi_pairs", hi_pairs),
            ("bn_lines", bn_lines),
            ("hi_lines", hi_lines),
            ("en_lines", en_lines),
        )
    }
)
print(Counter(src for _, src, _ in heldout))
