"""Chat-style romanisations of a Bengali-script word, with rough probabilities (a beam)."""

from __future__ import annotations

import heapq

V_INDEP = {
    "অ": [("o", 0.6), ("a", 0.4)],
    "আ": [("a", 0.85), ("aa", 0.15)],
    "ই": [("i", 0.9), ("e", 0.1)],
    "ঈ": [("i", 0.8), ("ee", 0.2)],
    "উ": [("u", 0.85), ("oo", 0.1), ("o", 0.05)],
    "ঊ": [("u", 0.8), ("oo", 0.2)],
    "ঋ": [("ri", 1.0)],
    "এ": [("e", 0.7), ("a", 0.3)],
    "ঐ": [("oi", 0.8), ("ai", 0.2)],
    "ও": [("o", 1.0)],
    "ঔ": [("ou", 0.6), ("ow", 0.2), ("au", 0.2)],
}
V_SIGN = {
    "া": [("a", 0.9), ("aa", 0.1)],
    "ি": [("i", 0.92), ("e", 0.08)],
    "ী": [("i", 0.85), ("ee", 0.15)],
    "ু": [("u", 0.9), ("o", 0.05), ("oo", 0.05)],
    "ূ": [("u", 0.8), ("oo", 0.2)],
    "ৃ": [("ri", 1.0)],
    "ে": [("e", 0.8), ("a", 0.2)],
    "ৈ": [("oi", 0.8), ("ai", 0.2)],
    "ো": [("o", 1.0)],
    "ৌ": [("ou", 0.6), ("ow", 0.2), ("au", 0.2)],
}
CONS = {
    "ক": [("k", 1.0)],
    "খ": [("kh", 0.85), ("k", 0.15)],
    "গ": [("g", 1.0)],
    "ঘ": [("gh", 0.8), ("g", 0.2)],
    "ঙ": [("ng", 1.0)],
    "চ": [("ch", 0.7), ("c", 0.3)],
    "ছ": [("ch", 0.55), ("chh", 0.15), ("s", 0.15), ("c", 0.15)],
    "জ": [("j", 0.85), ("z", 0.15)],
    "ঝ": [("jh", 0.8), ("j", 0.2)],
    "ঞ": [("n", 1.0)],
    "ট": [("t", 1.0)],
    "ঠ": [("th", 0.8), ("t", 0.2)],
    "ড": [("d", 1.0)],
    "ঢ": [("dh", 0.8), ("d", 0.2)],
    "ণ": [("n", 1.0)],
    "ত": [("t", 1.0)],
    "থ": [("th", 0.9), ("t", 0.1)],
    "দ": [("d", 1.0)],
    "ধ": [("dh", 0.85), ("d", 0.15)],
    "ন": [("n", 1.0)],
    "প": [("p", 1.0)],
    "ফ": [("f", 0.6), ("ph", 0.4)],
    "ব": [("b", 1.0)],
    "ভ": [("bh", 0.55), ("v", 0.45)],
    "ম": [("m", 1.0)],
    "য": [("j", 0.85), ("z", 0.1), ("y", 0.05)],
    "র": [("r", 1.0)],
    "ল": [("l", 1.0)],
    "শ": [("sh", 0.6), ("s", 0.4)],
    "ষ": [("sh", 0.6), ("s", 0.4)],
    "স": [("s", 0.7), ("sh", 0.3)],
    "হ": [("h", 1.0)],
    "ড়": [("r", 1.0)],
    "ঢ়": [("r", 0.8), ("rh", 0.2)],
    "য়": [("y", 0.6), ("", 0.4)],
}
VIRAMA = "্"
SIGNS_OTHER = {"ং": [("ng", 0.8), ("n", 0.2)], "ঃ": [("", 1.0)], "ঁ": [("", 1.0)], "ৎ": [("t", 1.0)]}
NUKTA = "়"


def _units(word: str) -> list[tuple[str, list[tuple[str, float]]]]:
    """Split into syllable-ish units with their options."""
    out: list[tuple[str, list[tuple[str, float]]]] = []
    chars = list(word)
    i = 0
    n = len(chars)
    while i < n:
        c = chars[i]
        if i + 1 < n and chars[i + 1] == NUKTA:
            c = {"য": "য়", "ড": "ড়", "ঢ": "ঢ়"}.get(c, c)
            i += 1
        if c in V_INDEP:
            out.append(("V", V_INDEP[c]))
        elif c in V_SIGN:
            out.append(("S", V_SIGN[c]))
        elif c in SIGNS_OTHER:
            out.append(("O", SIGNS_OTHER[c]))
        elif c == VIRAMA:
            out.append(("H", [("", 1.0)]))
        elif c in CONS:
            out.append(("C", CONS[c]))
        else:
            return []
        i += 1
    return out


def variants(word: str, k: int = 8) -> list[tuple[str, float]]:
    units = _units(word)
    if not units:
        return []
    # Decide inherent vowels: a consonant not followed by a sign/virama gets an inherent vowel.
    seq: list[list[tuple[str, float]]] = []
    for idx, (kind, opts) in enumerate(units):
        nxt = units[idx + 1][0] if idx + 1 < len(units) else None
        prev = units[idx - 1][0] if idx else None
        if kind == "C":
            # ya-phala / ba-phala after virama
            if prev == "H" and opts == CONS["য"]:
                seq.append([("y", 0.45), ("", 0.55)])
            elif prev == "H" and opts == CONS["ব"]:
                seq.append([("", 0.5), ("b", 0.3), ("w", 0.2)])
            elif opts == CONS["য়"] and prev in ("S", "V"):
                seq.append([("y", 0.55), ("", 0.45)])
            else:
                seq.append(opts)
            if nxt in ("S", "H"):
                continue
            final = idx == len(units) - 1 or (idx == len(units) - 2 and nxt == "O")
            if opts == CONS["য়"]:
                # য় with no vowel sign: "hoy", "jay", "dey"
                seq.append([("", 0.85), ("a", 0.1), ("o", 0.05)])
            elif final:
                conj = prev == "H"
                seq.append([("o", 0.6), ("", 0.4)] if conj else [("", 0.8), ("o", 0.2)])
            elif idx == 0 or prev in ("S", "V"):
                seq.append([("o", 0.6), ("a", 0.3), ("", 0.1)])
            else:
                seq.append([("o", 0.4), ("", 0.35), ("a", 0.25)])
        elif kind == "H":
            continue
        else:
            seq.append(opts)
    # Beam search over options
    beam: list[tuple[float, str]] = [(1.0, "")]
    for opts in seq:
        nb = [(p * q, s + o) for p, s in beam for o, q in opts]
        merged: dict[str, float] = {}
        for p, s in nb:
            merged[s] = merged.get(s, 0.0) + p
        beam = heapq.nlargest(max(k * 4, 32), ((p, s) for s, p in merged.items()))
    total = sum(p for p, _ in beam)
    res = [(s, p / total) for p, s in heapq.nlargest(k, beam) if s]
    return res


if __name__ == "__main__":
    for w in [
        "আমি",
        "করছি",
        "ভালো",
        "কথা",
        "বলে",
        "দেখে",
        "নিয়ে",
        "যদি",
        "করার",
        "পরে",
        "নিজের",
        "দারুণ",
        "সত্যি",
        "করো",
        "নাকি",
        "আজ",
        "এত",
        "হয়",
        "যায়",
        "আর",
        "সে",
        "কে",
        "তাই",
        "কেউ",
        "থাকে",
        "বিশ্বাস",
        "ব্যবসা",
        "হয়েছে",
        "শুধু",
        "দোকানে",
    ]:
        print(w, variants(w, 6))


HI_V = {
    "अ": [("a", 1.0)],
    "आ": [("a", 0.8), ("aa", 0.2)],
    "इ": [("i", 1.0)],
    "ई": [("i", 0.7), ("ee", 0.3)],
    "उ": [("u", 1.0)],
    "ऊ": [("u", 0.7), ("oo", 0.3)],
    "ए": [("e", 1.0)],
    "ऐ": [("ai", 0.8), ("ae", 0.2)],
    "ओ": [("o", 1.0)],
    "औ": [("au", 0.8), ("ou", 0.2)],
    "ऋ": [("ri", 1.0)],
}
HI_S = {
    "ा": [("a", 0.8), ("aa", 0.2)],
    "ि": [("i", 1.0)],
    "ी": [("i", 0.7), ("ee", 0.3)],
    "ु": [("u", 1.0)],
    "ू": [("u", 0.7), ("oo", 0.3)],
    "े": [("e", 0.9), ("ay", 0.1)],
    "ै": [("ai", 0.8), ("ae", 0.2)],
    "ो": [("o", 1.0)],
    "ौ": [("au", 0.8), ("ou", 0.2)],
    "ृ": [("ri", 1.0)],
}
HI_C = {
    "क": "k",
    "ख": "kh",
    "ग": "g",
    "घ": "gh",
    "ङ": "n",
    "च": "ch",
    "छ": "chh",
    "ज": "j",
    "झ": "jh",
    "ञ": "n",
    "ट": "t",
    "ठ": "th",
    "ड": "d",
    "ढ": "dh",
    "ण": "n",
    "त": "t",
    "थ": "th",
    "द": "d",
    "ध": "dh",
    "न": "n",
    "प": "p",
    "फ": "ph",
    "ब": "b",
    "भ": "bh",
    "म": "m",
    "य": "y",
    "र": "r",
    "ल": "l",
    "व": "v",
    "श": "sh",
    "ष": "sh",
    "स": "s",
    "ह": "h",
    "क़": "q",
    "ख़": "kh",
    "ग़": "g",
    "ज़": "z",
    "फ़": "f",
    "ड़": "d",
    "ढ़": "dh",
}
HI_ALT = {
    "छ": [("chh", 0.5), ("ch", 0.5)],
    "व": [("v", 0.6), ("w", 0.4)],
    "फ": [("ph", 0.5), ("f", 0.5)],
    "क़": [("k", 0.6), ("q", 0.4)],
    "ड़": [("d", 0.6), ("r", 0.4)],
    "श": [("sh", 0.8), ("s", 0.2)],
}


def hi_variants(word: str, k: int = 6) -> list[tuple[str, float]]:
    import unicodedata

    word = unicodedata.normalize("NFC", word)
    chars = list(word)
    units: list[tuple[str, list[tuple[str, float]]]] = []
    i = 0
    while i < len(chars):
        c = chars[i]
        if i + 1 < len(chars) and chars[i + 1] == "\u093c":
            c = c + "\u093c"
            i += 1
        if c in HI_V:
            units.append(("V", HI_V[c]))
        elif c in HI_S:
            units.append(("S", HI_S[c]))
        elif c == "्":
            units.append(("H", [("", 1.0)]))
        elif c in ("ं", "ँ"):
            units.append(("O", [("n", 0.8), ("", 0.1), ("m", 0.1)]))
        elif c == "ः":
            units.append(("O", [("h", 1.0)]))
        elif c in HI_C:
            units.append(("C", HI_ALT.get(c, [(HI_C[c], 1.0)])))
        else:
            return []
        i += 1
    seq = []
    for idx, (kind, opts) in enumerate(units):
        nxt = units[idx + 1][0] if idx + 1 < len(units) else None
        if kind == "C":
            seq.append(opts)
            if nxt in ("S", "H"):
                continue
            final = idx == len(units) - 1 or (idx == len(units) - 2 and nxt == "O")
            if final:
                seq.append([("", 0.85), ("a", 0.15)])
            elif idx == 0:
                seq.append([("a", 0.9), ("", 0.1)])
            else:
                seq.append([("a", 0.5), ("", 0.5)])
        elif kind == "H":
            continue
        else:
            seq.append(opts)
    beam = [(1.0, "")]
    for opts in seq:
        merged: dict[str, float] = {}
        for p, s in beam:
            for o, q in opts:
                merged[s + o] = merged.get(s + o, 0.0) + p * q
        beam = heapq.nlargest(32, ((p, s) for s, p in merged.items()))
    total = sum(p for p, _ in beam)
    return [(s, p / total) for p, s in heapq.nlargest(k, beam) if s]
