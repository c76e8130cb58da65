"""Time and peak memory of the marketplace exports (Amazon xlsx, eBay CSV, photos zip) at scale.

N synthetic products (default 10,000) with 3 photos each, generated lazily; the photos are
300 distinct real JPEGs of about 100 KB reused across products (the zip still gets 3 entries
per product, about 3 GB for 10,000). Everything goes to a temporary directory, removed after.
Goal: total <= 30 s and peak resident memory <= 300 MB.

    python benchmarks/catalogue_export.py
    python benchmarks/catalogue_export.py --products 2000
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psutil
from PIL import Image

from services.catalogue import ExportRow, Listing, ProductFacts, Size
from services.exports import write_amazon_xlsx, write_ebay_csv, write_photos_zip

DISTINCT_PHOTOS = 300
PHOTOS_PER_PRODUCT = 3
PHOTO_SIDE = 330  # random pixels at this side and quality give JPEGs of about 100 KB
GOAL_SECONDS = 30.0
GOAL_MB = 300.0
MB = 1024 * 1024


class PeakRss:
    """Resident memory sampled every 50 ms in a background thread; the peak since reset()."""

    def __init__(self) -> None:
        self._proc = psutil.Process()
        self._stop = threading.Event()
        self.peak = self._proc.memory_info().rss
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.05):
            self.peak = max(self.peak, self._proc.memory_info().rss)

    def reset(self) -> None:
        self.peak = self._proc.memory_info().rss

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def make_photos(folder: Path) -> list[Path]:
    folder.mkdir()
    paths = []
    for i in range(DISTINCT_PHOTOS):
        im = Image.frombytes("RGB", (PHOTO_SIDE, PHOTO_SIDE), os.urandom(PHOTO_SIDE**2 * 3))
        path = folder / f"p{i:03d}.jpg"
        im.save(path, "JPEG", quality=90)
        paths.append(path)
    return paths


def products(n: int, photos: list[Path]) -> Iterator[ExportRow]:
    for i in range(n):
        first = (i * PHOTOS_PER_PRODUCT) % len(photos)
        facts = ProductFacts(
            sku=f"ES-{i:06d}",
            craft_id="dokra",
            material="brass",
            size=Size((12.0 + i % 7, 8.5, 20.25), "cm"),
            weight_g=450 + i % 100,
            colour="golden",
            price_inr=1200 + i % 900,
            stock=i % 5,
            days_to_make=7 + i % 10,
            district="BNK",
            brand="Bikna Dokra Shilpa",
        )
        listing = Listing(
            title=f"Handmade Dokra Brass Elephant Figurine {i}, Lost-Wax Cast Tribal Art "
            "from Bankura, West Bengal, India - Home Decor Gift",
            bullets=(
                "Made by hand by Dokra artisans of Bikna village using the lost-wax method",
                "Brass alloy, antique golden finish; each piece is unique",
                "Size about 12 x 8.5 x 20 cm, weight about 450 g",
                "GI-tagged craft of West Bengal",
                "Gift-wrapped and shipped from India",
            ),
            description="A Dokra elephant cast in brass by the lost-wax process.\n" * 3,
            keywords="dokra brass elephant tribal art handmade bengal figurine decor",
            hs_heading="8306",
            gi_tagged=True,
            gi_name="Dokra of Bankura",
            material_en="Brass",
            colour_en="Golden",
            brand_en="Bikna Dokra Shilpa",
        )
        yield ExportRow(
            facts=facts,
            listing=listing,
            seller_id=1000 + i // 40,
            seller_name="Bikna Dokra Shilpa",
            photos=tuple(photos[(first + k) % len(photos)] for k in range(PHOTOS_PER_PRODUCT)),
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=10_000)
    args = parser.parse_args()
    n: int = args.products

    def url(p: Path) -> str:
        return f"https://photos.example.com/{p.name}"

    with tempfile.TemporaryDirectory(prefix="es-export-") as tmp, PeakRss() as rss:
        root = Path(tmp)
        t0 = time.perf_counter()
        photos = make_photos(root / "photos")
        avg_kb = sum(p.stat().st_size for p in photos) / len(photos) / 1024
        print(
            f"{n} products, {len(photos)} distinct photos of {avg_kb:.0f} KB on average "
            f"(made in {time.perf_counter() - t0:.1f} s)"
        )
        jobs: list[tuple[str, Path, Callable[[Path], int]]] = [
            (
                "amazon xlsx",
                root / "amazon.xlsx",
                lambda p: write_amazon_xlsx(products(n, photos), p, image_url=url),
            ),
            (
                "ebay csv",
                root / "ebay.csv",
                lambda p: write_ebay_csv(products(n, photos), p, image_url=url),
            ),
            ("photos zip", root / "photos.zip", lambda p: write_photos_zip(products(n, photos), p)),
        ]
        total = 0.0
        peak = 0
        print(f"{'file':<12} {'items':>7} {'seconds':>8} {'MB':>9} {'peak RSS MB':>12}")
        for label, path, job in jobs:
            rss.reset()
            start = time.perf_counter()
            items = job(path)
            took = time.perf_counter() - start
            total += took
            peak = max(peak, rss.peak)
            size = path.stat().st_size / MB
            print(f"{label:<12} {items:>7} {took:>8.2f} {size:>9.1f} {rss.peak / MB:>12.1f}")
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    ok = total <= GOAL_SECONDS and max(peak / MB, maxrss) <= GOAL_MB
    print(
        f"total {total:.2f} s (goal {GOAL_SECONDS:.0f}); peak RSS {peak / MB:.1f} MB sampled, "
        f"{maxrss:.1f} MB ru_maxrss (goal {GOAL_MB:.0f}) -> {'OK' if ok else 'OVER'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
