"""Build content/data/romanised.json: romanised Bengali and Hindi word forms with Zipf frequencies.

For each native-script word w (wordfreq's bn / hi lists, plus every word the sources align):
    P(r | w)  from attested romanisations (Dakshina lexicon and sentences, Shibli 5K chat pairs,
              arijitx crowdsourced pairs), smoothed with our rule romaniser (romanise.py);
    f(w)      wordfreq's frequency of w, plus a share of its frequency in the chat pairs.
    f(r) = sum_w f(w) P(r | w);  zipf(r) = log10 f(r) + 9.
Hindi adds the Latin tokens of the Hinglish chat lines (not the English words of their parallel
English text) as a second, chat-register estimate.
"""

from __future__ import annotations

import json
import math
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import regex
from wordfreq import get_frequency_dict, zipf_frequency

sys.path.insert(0, str(Path(__file__).parent))
from romanise import hi_variants, variants

WORK = Path("/work/tmp_lang/work")
OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else WORK / "romanised.json"
_PRECOMPOSE = {"\u09af\u09bc": "\u09df", "\u09a1\u09bc": "\u09dc", "\u09a2\u09bc": "\u09dd"}
BENGALI = regex.compile(r"^[\u0980-\u09ff]+$")
DEVANAGARI = regex.compile(r"^[\u0900-\u097f]+$")
LATIN_WORD = regex.compile(r"^[a-z]+$")
WORD = regex.compile(r"[\p{L}\p{M}]+")
MIN_ZIPF = float(sys.argv[2]) if len(sys.argv) > 2 else 3.0  # rarer forms are not shipped
DICT = {w for w in Path("/usr/share/dict/words").read_text().split() if w.isalpha() and w.islower()}


def norm(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    for a, b in _PRECOMPOSE.items():
        text = text.replace(a, b)
    return text


def fold(r: str) -> str:
    """The detector folds elongation (3+ same letters → 1); store forms the way it looks them up."""
    return regex.sub(r"(\p{L})\1{2,}", r"\1", r.lower())


def build(lang: str) -> dict[str, float]:
    script = BENGALI if lang == "bn" else DEVANAGARI
    gen = variants if lang == "bn" else hi_variants
    native_freq: Counter[str] = Counter()
    for w, f in get_frequency_dict(lang).items():
        w = norm(w)
        if script.match(w):
            native_freq[w] += f
    attested: dict[str, Counter[str]] = defaultdict(Counter)
    chat_native: Counter[str] = Counter()
    for line in (WORK / f"{lang}_pairs.tsv").read_text().splitlines():
        n, r, c, src = line.split("\t")
        r = fold(r)
        if not LATIN_WORD.match(r) or not script.match(n):
            continue
        attested[n][r] += int(c)
        if src == "shibli-5k":
            chat_native[n] += int(c)
    # Attested distributions: drop one-off oddities (a typo in the lexicon) when the word has
    # several well-attested spellings.
    # An English loan spelled the English way ("mobile" for মোবাইল, not the phonetic "mobail"):
    # an English word, not a romanisation of the Bengali one. Dropped.
    for n, counts in attested.items():
        gen_forms = {fold(r) for r, _ in gen(n, 16)}
        for r in list(counts):
            if r in DICT and zipf_frequency(r, "en") >= 3.0 and r not in gen_forms:
                del counts[r]
    attested = {n: c for n, c in attested.items() if c}
    p_att: dict[str, dict[str, float]] = {}
    for n, counts in attested.items():
        total = sum(counts.values())
        kept = {r: c for r, c in counts.items() if c >= 2 or c / total >= 0.2 or total <= 3}
        t2 = sum(kept.values())
        p_att[n] = {r: c / t2 for r, c in kept.items()}
    # Chat frequency of native words (Shibli 5K annotations), without English loans: a word whose
    # chat spelling is a common English word more frequent in English than the word in Bengali.
    chat_total = sum(chat_native.values()) or 1
    for n in list(chat_native):
        if n not in attested:  # all its chat spellings were English loans
            del chat_native[n]
            continue
        top = max(attested[n].items(), key=lambda kv: kv[1])[0]
        zb = math.log10(native_freq.get(n, 1e-9)) + 9
        if zipf_frequency(top, "en") >= 3.5 and zipf_frequency(top, "en") > zb - 0.5:
            del chat_native[n]
    words = set(native_freq) | set(p_att)
    forms: Counter[str] = Counter()
    for n in words:
        f = native_freq.get(n, 0.0) + 0.3 * chat_native.get(n, 0) / chat_total
        if f <= 0:
            f = 10 ** (1.5 - 9)  # attested only: a rare word
        if math.log10(f) + 9 < MIN_ZIPF - 0.5:
            continue
        g = dict(gen(n, 8))
        a = p_att.get(n)
        dist = {r: 0.75 * a.get(r, 0.0) + 0.25 * g.get(r, 0.0) for r in set(a) | set(g)} if a else g
        for r, p in dist.items():
            r = fold(r)
            if LATIN_WORD.match(r) and p > 0:
                forms[r] += f * p
    zipf = {r: math.log10(f) + 9 for r, f in forms.items()}
    if lang == "hi":
        # Hinglish chat lines: every Latin token not in the line's parallel English text.
        # Hinglish-TOP train/validation only (test is held out): a token of the Hinglish query
        # that is also in its English original is an English word the speaker kept.
        chat: Counter[str] = Counter()
        kept: Counter[str] = Counter()
        for split in ("train", "validation"):
            rows = Path(f"/work/tmp_lang/src/htop_{split}.tsv").read_text().splitlines()[1:]
            for row in rows:
                cols = row.split("\t")
                if len(cols) < 2:
                    continue
                en_toks = {fold(t) for t in WORD.findall(cols[0].lower())}
                for t in WORD.findall(cols[1].lower()):
                    t = fold(t)
                    chat[t] += 1
                    if t in en_toks:
                        kept[t] += 1
        total = sum(chat.values())
        for t, c in chat.items():
            if not LATIN_WORD.match(t) or c < 3:
                continue
            if kept[t] >= 0.2 * c or (zipf_frequency(t, "en") >= 4.0 and t not in zipf):
                continue
            z = math.log10(c / total) + 9
            zipf[t] = max(zipf.get(t, 0.0), math.log10(10 ** zipf.get(t, 0) + 10**z))
    if lang == "bn":
        # Code-Mixed-Dialog's own split of its Bengali vocabulary (native words only).
        vocab = json.loads(Path("/work/tmp_lang/src/cmd_bengali_vocab.json").read_text())
        for t in vocab["native_language_vocab"]:
            t = fold(t)
            if LATIN_WORD.match(t):
                zipf.setdefault(t, 3.0)
    if lang == "bn":
        # Chat shorthand drops the inner vowels of common words: onek → onk, amar → amr,
        # kemon → kmn, valo → vlo, korbo → krbo (BanglishRev's own lexicon lists these).
        for r, z in list(zipf.items()):
            if z < 5.0 or len(r) < 4:
                continue
            sk = r[0] + regex.sub("[aeiou]", "", r[1:-1]) + r[-1]
            if sk != r and len(regex.sub("[aeiou]", "", sk)) >= 2 and sk not in DICT:
                zipf[sk] = max(zipf.get(sk, 0.0), z - 1.0)
    # A form no more frequent here than in English says nothing for this language: left out.
    return {r: z for r, z in zipf.items() if z >= MIN_ZIPF and z > zipf_frequency(r, "en")}


if __name__ == "__main__":
    data = {}
    for lang in ("bn", "hi"):
        lex = build(lang)
        data[lang] = dict(sorted(lex.items(), key=lambda kv: (-kv[1], kv[0])))
        print(lang, len(lex), list(data[lang].items())[:40])
    # English look-alikes: a dictionary word that is also common in English ("ache", "hole",
    # "dam", "din", "age"): it can tip a line only together with other romanised words.
    look = sorted(
        r for r in set(data["bn"]) | set(data["hi"]) if r in DICT and zipf_frequency(r, "en") >= 3.3
    )
    print("lookalikes", len(look), look[:200])
    out = {
        "_about": (
            "Romanised Bengali (bn) and Hindi (hi) word forms, as people type them in Latin "
            "letters, with a Zipf frequency (log10 of occurrences per billion words) estimated "
            "for romanised text; en_lookalike: forms that are also common English words. Read "
            "by bot/language.py. Generated; see content/data/README.md."
        ),
        "_sources": [
            "wordfreq 3.1 bn/hi word frequencies (Apache-2.0 code; data CC BY-SA 4.0)",
            "Dakshina dataset v1.0, bn and hi romanisation lexicons and romanised sentences "
            "(Google, CC BY-SA 4.0), as copied in "
            "github.com/mathml42/dakshina-seq2seq-transliteration",
            "Shibli et al. 2022, 5K human-annotated Banglish-Bangla pairs, "
            "github.com/shahariar-shibli/"
            "Automatic-Back-Transliteration-of-Romanized-Bengali-to-Bengali (no licence stated)",
            "arijitx/BanglaNLP crowdsourced Bengali-English transliteration (no licence stated)",
            "Code-Mixed-Dialog (Banerjee et al. 2018), Bengali vocabulary split, Apache-2.0",
            "Hinglish-TOP (google-research-datasets), human-annotated Hinglish queries, Apache-2.0",
        ],
        "bn": {r: round(z, 1) for r, z in data["bn"].items()},
        "hi": {r: round(z, 1) for r, z in data["hi"].items()},
        "en_lookalike": look,
    }
    OUT.write_text(json.dumps(out, ensure_ascii=False, indent=0, separators=(",", ":")) + "\n")
    print(OUT, OUT.stat().st_size)
