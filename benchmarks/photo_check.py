"""Time to check one phone photo (target: 12 MP JPEG in <= 150 ms median), so sellers never wait.

Generates photo-like JPEGs in memory (product shapes, cloth, sensor noise; quality 90) and runs
`check_photo(..., main=True)` on each; from the repo root:

    python benchmarks/photo_check.py              # 30 runs per size
    python benchmarks/photo_check.py --runs 100
"""

from __future__ import annotations

import argparse
import io
import random
import statistics
import sys
import time
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from services.photos import check_photo  # noqa: E402

TARGET_MS = 150.0  # for the 12 MP photo


def photo(size: tuple[int, int], seed: int = 7) -> bytes:
    """A product on a cloth, with texture and sensor noise, so it compresses like a photo."""
    w, h = size
    rnd = random.Random(seed)
    weave = Image.frombytes("L", (w // 16, h // 16), rnd.randbytes((w // 16) * (h // 16)))
    img = Image.blend(
        Image.new("RGB", size, (120, 60, 90)),
        weave.resize(size, Image.Resampling.BICUBIC).convert("RGB"),
        0.2,
    )
    draw = ImageDraw.Draw(img)
    draw.ellipse((w // 5, h // 6, 4 * w // 5, 5 * h // 6), fill=(170, 90, 45))  # a pot
    for i in range(40):  # painted pattern on it
        x, y = w // 4 + i * w // 80, h // 4 + (i % 7) * h // 14
        draw.arc((x, y, x + w // 10, y + h // 10), 0, 270, fill=(240, 220, 160), width=w // 400)
    img = img.filter(ImageFilter.GaussianBlur(1))  # lens softness
    noise = Image.effect_noise(size, 40).convert("RGB")
    img = Image.blend(img, noise, 0.15)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=90)
    return buf.getvalue()


def bench(label: str, size: tuple[int, int], runs: int) -> float:
    data = photo(size)
    check_photo(data, main=True)  # warm-up
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        check = check_photo(data, main=True)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    median = statistics.median(times)
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    print(
        f"{label}: {size[0]}x{size[1]} JPEG {len(data) / 1e6:.1f} MB, {runs} runs: "
        f"median {median:.0f} ms, p95 {p95:.0f} ms; problems {check.problems}"
    )
    return median


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    median = bench("12 MP", (4000, 3000), args.runs)
    bench("2 MP", (1600, 1200), args.runs)
    print(f"12 MP target <= {TARGET_MS:.0f} ms median: {'ok' if median <= TARGET_MS else 'SLOW'}")


if __name__ == "__main__":
    main()
