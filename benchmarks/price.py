"""How long one /price answer takes with the rate cards: the packed parcel, every carrier's
quote, the listing prices and the rendered Bengali message, for every product of the listing
corpus to every destination. Goal: ≤ 20 ms an answer.

    python benchmarks/price.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.i18n import Messages  # noqa: E402
from flows.pricing import DESTINATIONS, summary_reply  # noqa: E402
from handlers.render import Renderer  # noqa: E402
from services.export_costs import card_quotes, cost_data, costing, packed  # noqa: E402
from services.listing import compose_listing  # noqa: E402
from tests.listing_corpus import load  # noqa: E402

REPEATS = 5


def main() -> None:
    data = cost_data()
    renderer = Renderer(Messages())
    cases = [c for c in load() if c.facts.weight_g]
    listings = {c.id: compose_listing(c.facts) for c in cases}
    times: list[float] = []
    for _ in range(REPEATS):
        for case in cases:
            facts = case.facts
            for destination in DESTINATIONS:
                start = time.perf_counter()
                dims = facts.size.dims_cm if facts.size else None
                parcel = packed(dims, facts.weight_g or 0, data.packing)
                quotes = card_quotes(parcel, destination, data)
                result = costing(
                    price_inr=1500,
                    kind=None,
                    hs=listings[case.id].hs_heading,
                    parcel=parcel,
                    destination=destination,
                    quotes=quotes,
                    data=data,
                )
                renderer.text(summary_reply(result, case.id, "bn", 1, fallback=None), "bn")
                times.append(time.perf_counter() - start)
    times.sort()
    n = len(times)
    print(
        f"/price answers with the rate cards: {n} ({len(cases)} products × 6 countries × {REPEATS})"
    )
    print(
        f"per answer: mean {statistics.mean(times) * 1e3:.2f} ms, p50 {times[n // 2] * 1e3:.2f} ms,"
        f" p99 {times[int(n * 0.99)] * 1e3:.2f} ms (goal ≤ 20 ms)"
    )


if __name__ == "__main__":
    main()
