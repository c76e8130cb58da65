"""How good are the English listings composed from what sellers type? On the corpus in
tests/data/listing_corpus.yaml (products typed and picked in Bengali, Banglish, English and
Hindi, with the listing an expert expects), prints:

- the share of titles that name the item in English,
- untranslated tokens in the English fields (other scripts, or Latin words that are neither
  everyday English nor an accepted name such as Dokra or Baluchari), with examples,
- GI and HS agreement with the expectations, with the disagreements,
- composition time per product.

    python benchmarks/listings.py [--show]   # --show: every title
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from services.listing import compose_listing  # noqa: E402
from tests.listing_corpus import load, names_title, untranslated  # noqa: E402

REPEATS = 20  # composition is fast: time many rounds for a stable figure


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", action="store_true", help="print every title")
    args = parser.parse_args()
    cases = load()
    compose_listing(cases[0].facts)  # glossary and word lists loaded outside the timing
    named = gi_ok = hs_ok = 0
    strays: Counter[str] = Counter()
    by_lang: Counter[str] = Counter()
    misses: list[str] = []
    for case in cases:
        listing = compose_listing(case.facts)
        by_lang[case.lang] += 1
        if names_title(listing, case.item):
            named += 1
        else:
            misses.append(f"  item  {case.id}: {listing.title!r} (want {'/'.join(case.item)})")
        if listing.gi_tagged == case.gi:
            gi_ok += 1
        else:
            misses.append(f"  GI    {case.id}: {listing.gi_tagged} (want {case.gi})")
        if listing.hs_heading == case.hs:
            hs_ok += 1
        else:
            misses.append(f"  HS    {case.id}: {listing.hs_heading} (want {case.hs})")
        strays.update(untranslated(listing))
        if args.show:
            print(f"{case.id:40} {listing.title}")
    times: list[float] = []
    for _ in range(REPEATS):
        for case in cases:
            start = time.perf_counter()
            compose_listing(case.facts)
            times.append(time.perf_counter() - start)
    n = len(cases)
    langs = ", ".join(f"{k} {v}" for k, v in sorted(by_lang.items()))
    print(f"products: {n} ({langs})")
    print(f"titles naming the item in English: {named}/{n} = {named / n:.0%}")
    print(f"untranslated tokens in English fields: {sum(strays.values())}", end="")
    print(f" ({', '.join(f'{w}×{c}' for w, c in strays.most_common(12))})" if strays else "")
    print(f"GI agreement: {gi_ok}/{n} = {gi_ok / n:.0%}")
    print(f"HS agreement: {hs_ok}/{n} = {hs_ok / n:.0%}")
    times.sort()
    print(
        f"composition: mean {statistics.mean(times) * 1e3:.2f} ms, "
        f"p99 {times[int(len(times) * 0.99)] * 1e3:.2f} ms per product"
    )
    if misses:
        print("disagreements:")
        print("\n".join(misses))


if __name__ == "__main__":
    main()
