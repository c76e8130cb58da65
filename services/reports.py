"""Coordinator reports, pure: funnel records, where a seller stands, the chart and the sheet.

The chart is drawn on a bare matplotlib Figure with the Agg canvas (no pyplot, no global
state, safe in a worker thread) and labelled in English: the default fonts have no Bengali
shaping, and broken glyphs are worse than a second language. matplotlib and openpyxl are
imported when first used: together they would add ~40 MB to every idle worker.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from storage.records import CheckRecord, ProductRecord
from storage.reports import MEASURES, STAGES

if TYPE_CHECKING:
    from matplotlib.figure import Figure

# The funnel, top to bottom, as drawn and as counted (verdict counts are part of "checked").
# The chart's bars, in order; their labels (and the axis's, "sellers") come from the caller.
CHART_MEASURES = (
    "registered",
    "products",
    "photos",
    "ready",
    "checked",
    "invited",
    "attended",
    "orders",
)
COLOURS = ("#1b5e20", "#2e7d32", "#43a047", "#66bb6a", "#0277bd", "#ef6c00", "#f9a825", "#6a1b9a")
DPI = 100
MAX_CHART_DISTRICTS = 30
# The sellers sheet's columns, in order (their headers come from the caller).
SHEET_COLUMNS = (
    "name",
    "district",
    "craft",
    "stage",
    "products",
    "ready",
    "check",
    "registered",
    "phone",
)


@dataclass(frozen=True, slots=True)
class FunnelRow:
    """One district's funnel (or the total of several): sellers per measure."""

    district: str
    label: str
    counts: Mapping[str, int] = field(default_factory=dict)

    def __getitem__(self, measure: str) -> int:
        return int(self.counts.get(measure, 0))

    def percent(self, measure: str) -> int:
        registered = self["registered"]
        return round(100 * self[measure] / registered) if registered else 0


def funnel_rows(
    found: Mapping[str, Mapping[str, int]],
    districts: Iterable[str],
    label: Callable[[str], str] | None = None,
) -> list[FunnelRow]:
    """A row per district asked about (zeros where nobody registered) and per district found,
    in the order of their labels."""
    name = label or (lambda code: code)
    codes = set(districts) | set(found)
    rows = [
        FunnelRow(code, name(code), {m: int(found.get(code, {}).get(m, 0)) for m in MEASURES})
        for code in codes
    ]
    return sorted(rows, key=lambda r: (r.label, r.district))


def total(rows: Sequence[FunnelRow], label: str = "Total") -> FunnelRow:
    return FunnelRow("*", label, {m: sum(r[m] for r in rows) for m in MEASURES})


# --- where a seller stands -------------------------------------------------------------------


def has_good_photo(product: ProductRecord) -> bool:
    """The product's main photo (position 0) was accepted without problems."""
    return any(p.position == 0 and not p.problems for p in product.photos)


def stage_of(products: Sequence[ProductRecord], latest: CheckRecord | None) -> str:
    """The first funnel step a seller has not done (the same rules as storage.reports)."""
    if not products:
        return "registered_only"
    if not any(has_good_photo(p) for p in products):
        return "no_good_photo"
    if not any(p.status == "ready" for p in products):
        return "listing_not_ready"
    if latest is None:
        return "not_checked"
    return latest.status if latest.status in ("blocked", "ready") else "steps"


def pending_of(stage: str, trained: bool) -> str | None:
    """The /pending group of a registered seller at this stage (None: not stuck)."""
    return {
        "registered_only": "product",
        "no_good_photo": "photo",
        "listing_not_ready": "draft",
        "not_checked": "check",
    }.get(stage) or (None if stage == "blocked" or trained else "training")


def days_since(moment: datetime | None, now: datetime) -> int:
    if moment is None:
        return 0
    return max(0, (now - moment).days)


def known_stage(text: str) -> str | None:
    text = text.strip().lower().replace("-", "_")
    return text if text in STAGES else None


# --- the chart ----------------------------------------------------------------------------


def funnel_chart(rows: Sequence[FunnelRow], title: str, labels: Mapping[str, str]) -> bytes:
    """A PNG: a funnel for one district, grouped bars per district for several."""
    """``labels``: each measure's label, and "sellers" for the axis."""
    figure = _funnel(rows[0], title, labels) if len(rows) == 1 else _grouped(rows, title, labels)
    buffer = io.BytesIO()
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure).print_png(buffer)
    return buffer.getvalue()


def _funnel(row: FunnelRow, title: str, labels: Mapping[str, str]) -> Figure:
    """Bars centred on one axis, widest on top; each labelled at its right end."""
    values = [row[m] for m in CHART_MEASURES]
    widest = max(values) or 1
    from matplotlib.figure import Figure

    figure = Figure(figsize=(8, 4.8), dpi=DPI, layout="constrained")
    axes = figure.add_subplot()
    for y, (measure, value) in enumerate(zip(CHART_MEASURES, values, strict=True)):
        left = (widest - value) / 2
        axes.barh(y, value, left=left, color=COLOURS[y], height=0.75)
        share = f"  ({row.percent(measure)}%)" if measure != "registered" else ""
        axes.text(left + value + widest * 0.01, y, f"{value:,}{share}", va="center", fontsize=10)
    axes.set_yticks(range(len(values)), [labels[m] for m in CHART_MEASURES])
    axes.set_ylim(len(values) - 0.5, -0.5)
    axes.set_xlim(0, widest * 1.25)
    axes.set_xticks([])
    for side in ("top", "right", "bottom", "left"):
        axes.spines[side].set_visible(False)
    axes.tick_params(axis="y", length=0)
    axes.set_title(title, fontsize=13)
    return figure


def _grouped(rows: Sequence[FunnelRow], title: str, labels: Mapping[str, str]) -> Figure:
    """Bars by district for the districts with any seller (empty rows only make it long);
    whole sellers on the axis."""
    rows = [r for r in rows if any(r[m] for m in CHART_MEASURES)] or list(rows)[:1]
    rows = rows[:MAX_CHART_DISTRICTS]
    n, k = len(rows), len(CHART_MEASURES)
    height = 0.8 / k
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    figure = Figure(figsize=(9, 1.8 + 0.5 * n * max(1, k / 6)), dpi=DPI, layout="constrained")
    axes = figure.add_subplot()
    for i, measure in enumerate(CHART_MEASURES):
        ys = [g + (i - (k - 1) / 2) * height for g in range(n)]
        bars = [r[measure] for r in rows]
        axes.barh(ys, bars, height=height, color=COLOURS[i], label=labels[measure])
    axes.set_yticks(range(n), [r.label for r in rows])
    axes.set_ylim(n - 0.5, -0.5)
    axes.set_xlabel(labels["sellers"])
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.grid(axis="x", alpha=0.3)
    figure.legend(loc="outside lower center", ncols=4, fontsize=8, frameon=False)
    axes.set_title(title, fontsize=13)
    return figure


# --- the sellers sheet ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SheetRow:
    name: str
    district: str
    craft: str
    stage: str
    products: int
    ready: int
    verdict: str
    registered: str
    phone: str


def write_sellers_xlsx(rows: Iterable[SheetRow], path: Path, headers: Sequence[str]) -> int:
    """The sellers sheet (openpyxl write-only: memory stays flat) under ``headers`` (one per
    SHEET_COLUMNS); returns the row count."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Sellers")
    sheet.append(list(headers))
    count = 0
    for row in rows:
        sheet.append(
            [
                row.name,
                row.district,
                row.craft,
                row.stage,
                row.products,
                row.ready,
                row.verdict,
                row.registered,
                row.phone,
            ]
        )
        count += 1
    book.save(path)
    return count
