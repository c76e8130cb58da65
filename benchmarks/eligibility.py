"""How fast the eligibility rules check products: per evaluation, and re-checking a whole catalogue.

Run from the repo root:  .venv/bin/python benchmarks/eligibility.py [--products 100000]

1. Times ``RuleSet.evaluate`` (and ``questions_needed``) on generated products: mean and p99 per
   evaluation (goal <= 5 ms).
2. Simulates a rule change: loads eligibility.yaml again (uncached, as after an edit) and
   re-evaluates every generated product (goal <= 60 s for 100,000).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import argparse  # noqa: E402
import random  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
from datetime import date, timedelta  # noqa: E402

from services import places  # noqa: E402
from services.eligibility import CheckInput, load_rules  # noqa: E402

RULES = ROOT / "content" / "data" / "eligibility.yaml"
# Words sellers use, by craft kind (Bengali, romanised Bengali, English, Hindi).
KIND_WORDS: dict[str, list[str]] = {
    "metal": ["পিতলের হাতি", "dokra ghoda", "brass owl", "bell metal lamp", "পেঁচা", "पीतल"],
    "terracotta": ["পোড়ামাটির ঘোড়া", "terracotta horse", "matir putul", "মাটির হাঁড়ি"],
    "textile": ["সুতির শাড়ি", "silk saree", "kantha stole", "হাতে বোনা", "ময়ূরের নকশা", "साड़ी"],
    "mat": ["শীতলপাটি", "madur mat", "table mat", "মাদুর"],
    "wood": ["কাঠের মুখোশ", "wooden owl", "kather putul", "carved box"],
    "painting": ["পটচিত্র", "scroll painting", "pot er chobi"],
    "leather": ["চামড়ার ব্যাগ", "leather purse", "chamrar bag"],
    "food": ["নলেন গুড়ের মোয়া", "khati modhu", "honey jar", "Himsagar aam", "শহদ"],
    "tea": ["first flush tea", "দার্জিলিং চা পাতা", "chai patti"],
    "jute": ["পাটের ব্যাগ", "jute bag", "paater shikey"],
    "jewellery": ["রুপোর হার", "silver necklace", "kaner dul"],
    "other": ["শোলার টোপর", "chhau mask", "bamboo basket", "বেতের ঝুড়ি"],
}
EXTRA = [
    "হাতে তৈরি",
    "handmade",
    "red and white",
    "লাল",
    "নীল রঙের",
    "gift",
    "antique finish",
    "old style",
    "purono sharir upor",
    "peacock design",
    "ivory colour",
    "chandan scented",
    "ময়ূরের পালক",
    "hatir dater",
    "150 বছরের পুরনো",
    "rudraksha",
    "kather baksho",
]
DESTINATIONS = ["US", "UK", "EU", "AE", "AU", "CA", None]
ANSWERS = ["yes", "no", "unknown"]


def products(n: int, seed: int = 7) -> list[CheckInput]:
    rng = random.Random(seed)
    crafts = list({c.id: c for d in places.districts() for c in places.crafts_for(d.code)}.values())
    districts = [d.code for d in places.districts()]
    rules = load_rules()
    question_ids = [q.id for q in rules.questions]
    out = []
    for _ in range(n):
        craft = rng.choice(crafts) if rng.random() < 0.8 else None
        kind = craft.kind if craft else rng.choice(list(KIND_WORDS))
        words = [rng.choice(KIND_WORDS[kind]) for _ in range(rng.randint(1, 3))]
        words += rng.sample(EXTRA, rng.randint(0, 2))
        if craft:
            words.append(rng.choice((craft.en, craft.bn, *craft.aliases)))
        rng.shuffle(words)
        answers = {q: rng.choice(ANSWERS) for q in rng.sample(question_ids, rng.randint(0, 8))}
        out.append(
            CheckInput(
                craft_id=craft.id if craft else None,
                words=", ".join(words),
                kind=None,
                district=rng.choice(districts),
                iec="ABCPD1234F" if rng.random() < 0.7 else None,
                gstin="19ABCPD1234F1Z5" if rng.random() < 0.5 else None,
                destination=rng.choice(DESTINATIONS),
                answers=answers,
                today=date(2025, 1, 1) + timedelta(days=rng.randint(0, 700)),
            )
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=100_000)
    parser.add_argument("--sample", type=int, default=20_000, help="evaluations timed one by one")
    args = parser.parse_args()

    start = time.perf_counter()
    rules = load_rules(RULES)
    loaded = time.perf_counter() - start
    print(f"load (uncached, incl. crafts): {loaded:.3f} s, version {rules.version}")
    catalogue = products(args.products)
    print(f"generated {len(catalogue):,} products")

    times = []
    for inp in catalogue[: args.sample]:
        t = time.perf_counter()
        rules.questions_needed(inp)
        rules.evaluate(inp)
        times.append(time.perf_counter() - t)
    times.sort()
    mean, p99 = statistics.fmean(times) * 1000, times[int(len(times) * 0.99)] * 1000
    ok = "OK" if p99 <= 5 else "SLOW"
    print(f"questions_needed + evaluate, {len(times):,} products: mean {mean:.3f} ms, "
          f"p99 {p99:.3f} ms, max {times[-1] * 1000:.3f} ms (goal <= 5 ms) {ok}")  # fmt: skip

    start = time.perf_counter()
    changed = load_rules(RULES)  # a coordinator edited the file: load it again, re-check all
    statuses: dict[str, int] = {}
    for inp in catalogue:
        status = changed.evaluate(inp).status
        statuses[status] = statuses.get(status, 0) + 1
    total = time.perf_counter() - start
    ok = "OK" if total <= 60 else "SLOW"
    print(f"rule change: reload + re-check {len(catalogue):,} products: {total:.1f} s "
          f"(goal <= 60 s) {ok}; verdicts {statuses}")  # fmt: skip


if __name__ == "__main__":
    main()
