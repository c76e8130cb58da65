"""Photo checks on images generated here with Pillow, so the thresholds stay honest."""

from __future__ import annotations

import hashlib
import io
import random
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image, ImageCms, ImageDraw, ImageFilter, ImageFont

from services import photos
from services.photos import check_photo, content_hash, normalised_jpeg, store_photo, thumbnail_jpeg

SIZE = (1600, 1200)  # working size is 800 px, so a blur radius r here is r/2 there
WHITE = (255, 255, 255)


def product(size: tuple[int, int], kind: str, seed: int = 1) -> Image.Image:
    """A product-like patch: checkerboard, text, lines, a pale surface, noise or a flat colour."""
    w, h = size
    img = Image.new("RGB", size, (150, 80, 40))  # terracotta
    draw = ImageDraw.Draw(img)
    if kind == "checker":
        s = max(4, w // 24)
        for y in range(0, h, s):
            for x in range(0, w, s):
                if (x // s + y // s) % 2:
                    draw.rectangle((x, y, x + s - 1, y + s - 1), fill=(230, 200, 120))
    elif kind == "text":
        img.paste((235, 225, 200), (0, 0, w, h))
        font = ImageFont.load_default(size=max(10, h // 14))
        for i in range(10):
            draw.text((w // 20, i * h // 10), "Nakshi Kantha, Bolpur", fill=(30, 30, 30), font=font)
    elif kind == "lines":
        for x in range(0, w, max(3, w // 60)):
            draw.line((x, 0, x + w // 3, h), fill=(20, 40, 90), width=max(1, w // 300))
    elif kind == "pale":  # shola pith, white marble: light but not blown
        img.paste((232, 222, 205), (0, 0, w, h))
        draw.rectangle((w // 4, h // 4, w // 2, h // 2), outline=(120, 100, 80), width=3)
    elif kind == "noise":
        rnd = random.Random(seed)
        small = Image.frombytes("RGB", (w // 4, h // 4), rnd.randbytes((w // 4) * (h // 4) * 3))
        img = small.resize(size, Image.Resampling.NEAREST)
    return img


def on_white(kind: str, fill: float = 0.8, size: tuple[int, int] = SIZE) -> Image.Image:
    """A main-photo style shot: the product centred on a pure white sheet."""
    img = Image.new("RGB", size, WHITE)
    pw, ph = int(size[0] * fill), int(size[1] * fill)
    mask = None
    if kind == "flat":  # a plain pot: the least detail a sharp photo can have
        mask = Image.new("L", (pw, ph), 0)
        ImageDraw.Draw(mask).ellipse((0, 0, pw, ph), fill=255)
    img.paste(product((pw, ph), kind), ((size[0] - pw) // 2, (size[1] - ph) // 2), mask)
    return img


def on_cloth(kind: str, size: tuple[int, int] = SIZE) -> Image.Image:
    """A typical phone shot: the product on a plum cloth with a soft weave."""
    w, h = size
    rnd = random.Random(2)
    weave = Image.frombytes("L", (w // 8, h // 8), rnd.randbytes((w // 8) * (h // 8)))
    weave = weave.resize(size, Image.Resampling.BICUBIC).convert("RGB")
    img = Image.blend(Image.new("RGB", size, (120, 60, 90)), weave, 0.15)
    pw, ph = int(w * 0.6), int(h * 0.6)
    img.paste(product((pw, ph), kind), ((w - pw) // 2, (h - ph) // 2))
    return img


def busy(size: tuple[int, int] = SIZE) -> Image.Image:
    """Random coloured noise everywhere: the worst background."""
    w, h = size
    rnd = random.Random(3)
    return Image.frombytes("RGB", (w // 2, h // 2), rnd.randbytes(w // 2 * h // 2 * 3)).resize(size)


def encode(img: Image.Image, fmt: str = "JPEG", **kwargs: object) -> bytes:
    buf = io.BytesIO()
    img.save(buf, fmt, **({"quality": 90} if fmt == "JPEG" else {}) | kwargs)
    return buf.getvalue()


def jpeg_size(data: bytes) -> tuple[int, int]:
    with Image.open(io.BytesIO(data)) as img:
        assert img.format == "JPEG" and img.mode == "RGB"
        return img.size


# --- sharpness -------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["checker", "text", "lines", "noise", "flat"])
@pytest.mark.parametrize("blur", [0, 6, 10])  # Gaussian radius at 1600 px = 0, 3, 5 at 800 px
def test_blur_is_caught_and_sharp_products_on_white_pass(kind: str, blur: int) -> None:
    img = on_white(kind, fill=0.3 if kind == "flat" else 0.8)
    if blur:
        img = img.filter(ImageFilter.GaussianBlur(blur))
    check = check_photo(encode(img), main=True)
    assert ("blurry" in check.problems) == bool(blur), check.metrics
    if not blur:  # a white-background main photo with a sharp product has nothing to fix
        assert check.problems == (), check.metrics


@pytest.mark.parametrize("kind", ["checker", "text", "noise"])
def test_blur_on_cloth(kind: str) -> None:
    sharp = check_photo(encode(on_cloth(kind)), main=False)
    blurred = check_photo(encode(on_cloth(kind).filter(ImageFilter.GaussianBlur(6))), main=False)
    assert "blurry" not in sharp.problems and "blurry" in blurred.problems
    assert sharp.metrics["sharpness"] > 20 * blurred.metrics["sharpness"]


@pytest.mark.parametrize("size", [(1000, 750), (2400, 1800), (4000, 3000)])
def test_sharpness_does_not_depend_on_resolution(size: tuple[int, int]) -> None:
    """The same picture at any camera resolution scores alike (measured 1590-1840)."""
    ref = check_photo(encode(on_white("text")), main=False).metrics["sharpness"]
    other = check_photo(encode(on_white("text", size=size)), main=False).metrics["sharpness"]
    assert 0.75 < other / ref < 1.33


# --- exposure --------------------------------------------------------------------------------

CURVES: dict[str, Callable[[int], float]] = {
    "normal": lambda v: v,
    "one stop under": lambda v: v // 2,
    "very dark": lambda v: v * 0.3,
    "two stops over": lambda v: min(255, v * 2 + 60),
}


@pytest.mark.parametrize(
    ("kind", "curve", "expected"),
    [
        ("checker", "normal", None),
        ("text", "normal", None),
        ("lines", "normal", None),
        ("checker", "one stop under", "dark"),
        ("noise", "one stop under", "dark"),
        ("text", "very dark", "dark"),
        ("checker", "two stops over", "bright"),
        ("lines", "two stops over", "bright"),
        ("noise", "two stops over", "bright"),
    ],
)
def test_exposure(kind: str, curve: str, expected: str | None) -> None:
    check = check_photo(encode(on_cloth(kind).point(CURVES[curve])), main=False)
    exposure = [p for p in check.problems if p in ("dark", "bright")]
    assert exposure == ([expected] if expected else []), check.metrics


@pytest.mark.parametrize(
    ("kind", "fill"), [("noise", 0.8), ("checker", 0.3), ("text", 0.3), ("pale", 0.8)]
)
def test_white_border_is_not_over_exposure(kind: str, fill: float) -> None:
    check = check_photo(encode(on_white(kind, fill)), main=True)
    assert check.metrics["bright_share"] < 1  # the centre is clipped where the sheet shows
    assert "bright" not in check.problems and "dark" not in check.problems, check.metrics


def test_black_product_on_white_is_not_dark() -> None:
    img = on_white("lines", 0.8).point(lambda v: v // 4 if v < 250 else v)
    check = check_photo(encode(img), main=True)
    assert check.metrics["dark_share"] > 0.5 and check.problems == (), check.metrics


def test_over_exposed_main_photo_is_bright() -> None:
    check = check_photo(encode(on_white("checker").point(CURVES["two stops over"])), main=True)
    assert check.problems == ("bright",), check.metrics


# --- background ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "main", "problem"),
    [
        (lambda: on_white("noise"), True, False),
        (lambda: busy(), True, True),
        (lambda: on_cloth("noise"), True, True),
        (lambda: Image.new("RGB", SIZE, (240, 228, 200)), True, True),  # cream paper
        (lambda: on_white("noise").point(lambda v: v * 0.8), True, True),  # grey: under-exposed
        (lambda: busy(), False, False),  # only the main photo needs a white background
    ],
)
def test_background(make: Callable[[], Image.Image], main: bool, problem: bool) -> None:
    check = check_photo(encode(make()), main=main)
    assert ("background" in check.problems) == problem
    assert ("background_white" in check.metrics) == main
    if main:
        assert (check.metrics["background_white"] < 0.5) == problem


def test_transparent_cut_out_counts_as_white() -> None:
    img = on_white("noise").convert("RGBA")
    img.putalpha(Image.new("L", SIZE, 0))
    img.paste(product((1200, 900), "noise"), (200, 150))
    check = check_photo(encode(img, "PNG"), main=True)
    assert check.format == "PNG" and check.problems == (), check.metrics
    with Image.open(io.BytesIO(normalised_jpeg(encode(img, "PNG")))) as out:
        assert out.getpixel((5, 5)) == pytest.approx(WHITE, abs=3)


# --- size ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("size", "problems", "usable"),
    [
        ((40, 40), ("too_small",), False),
        ((499, 300), ("too_small",), False),
        ((300, 500), ("small",), True),
        ((800, 600), ("small",), True),
        ((999, 999), ("small",), True),
        ((1000, 750), (), True),
        ((2000, 1500), (), True),
    ],
)
def test_size(size: tuple[int, int], problems: tuple[str, ...], usable: bool) -> None:
    img = on_white("noise", size=size)
    check = check_photo(encode(img), main=True)
    assert (check.width, check.height) == size
    assert check.problems == problems and check.usable is usable, check.metrics


# --- formats and broken files ----------------------------------------------------------------


def _heif() -> bytes:
    try:
        return encode(on_white("noise"), "HEIF", quality=90)
    except (OSError, ValueError, KeyError) as e:  # libheif built without an encoder
        pytest.skip(f"HEIF saving unsupported: {e}")


@pytest.mark.parametrize(
    ("make", "fmt"),
    [
        (lambda: encode(on_white("noise"), "PNG"), "PNG"),
        (lambda: encode(on_white("noise"), "WEBP", quality=90), "WEBP"),
        (_heif, "HEIF"),
        (lambda: encode(on_white("noise").convert("L")), "JPEG"),
        (lambda: encode(on_white("noise").convert("CMYK")), "JPEG"),
        (lambda: encode(on_white("noise").convert("P"), "PNG"), "PNG"),
        (lambda: encode(on_white("noise"), "MPO", save_all=True, append_images=[busy()]), "JPEG"),
    ],
)
def test_accepted_formats(make: Callable[[], bytes], fmt: str) -> None:
    data = make()
    check = check_photo(data, main=True)
    assert check.format == fmt and check.usable and (check.width, check.height) == SIZE
    assert "background" not in check.problems, check.metrics
    assert jpeg_size(normalised_jpeg(data)) == SIZE


@pytest.mark.parametrize(
    ("data", "problem", "fmt"),
    [
        (lambda: encode(on_white("noise"), "GIF"), "not_image_format", "GIF"),
        (lambda: encode(on_white("noise"), "BMP"), "not_image_format", "BMP"),
        (lambda: encode(on_white("noise"), "TIFF"), "not_image_format", "TIFF"),
        (
            lambda: b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n",
            "not_image_format",
            None,
        ),
        (lambda: b"MZ\x90\x00" + bytes(200), "not_image_format", None),  # a .exe renamed .jpg
        (lambda: random.Random(5).randbytes(50_000), "not_image_format", None),
        (lambda: b"", "not_image_format", None),
        (lambda: (d := encode(on_white("noise")))[: len(d) // 2], "unreadable", None),
        (lambda: encode(on_white("noise"))[:-2000] + bytes(2000), "unreadable", None),
        (lambda: b"\xff\xd8\xff\xe0" + bytes(photos.MAX_BYTES), "unreadable", None),
    ],
)
def test_refused(data: Callable[[], bytes], problem: str, fmt: str | None) -> None:
    check = check_photo(data(), main=True)
    assert check.problems == (problem,) and not check.usable and check.format == fmt
    with pytest.raises(photos.PhotoError) as e:
        normalised_jpeg(data())
    assert e.value.code == problem


def test_decompression_bomb_is_refused() -> None:
    bomb = encode(Image.new("1", (12_000, 9_500)), "PNG")  # 114 MP in a few kB
    assert len(bomb) < 100_000
    with pytest.warns(Image.DecompressionBombWarning):
        check = check_photo(bomb, main=False)
    assert check.problems == ("unreadable",)


# --- orientation and conversion ------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "orientation", "size"),
    [
        ("JPEG", 1, (1200, 800)),
        ("JPEG", 3, (1200, 800)),
        ("JPEG", 6, (800, 1200)),
        ("JPEG", 8, (800, 1200)),
        ("HEIF", 6, (800, 1200)),
    ],
)
def test_exif_orientation(fmt: str, orientation: int, size: tuple[int, int]) -> None:
    img = on_white("noise", size=(1200, 800))
    img.paste((0, 0, 0), (0, 0, 100, 100))  # a black mark in the stored top-left corner
    exif = Image.Exif()
    exif[0x0112] = orientation
    try:
        data = encode(img, fmt, exif=exif.tobytes())
    except (OSError, ValueError, KeyError) as e:
        pytest.skip(f"{fmt} saving unsupported: {e}")
    check = check_photo(data, main=False)
    assert (check.width, check.height) == size
    with Image.open(io.BytesIO(normalised_jpeg(data))) as out:
        assert out.size == size and not out.getexif().get(0x0112, 1) > 1
        corners = {
            1: (10, 10),
            3: (size[0] - 10, size[1] - 10),
            6: (size[0] - 10, 10),
            8: (10, size[1] - 10),
        }
        assert max(out.getpixel(corners[orientation])) < 40


@pytest.mark.parametrize(("profile", "kept"), [("sRGB", True), ("LAB", False)])
def test_colour_profile_kept_only_if_rgb(profile: str, kept: bool) -> None:
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile(profile)).tobytes()
    out = normalised_jpeg(encode(on_white("noise"), "PNG", icc_profile=icc))
    with Image.open(io.BytesIO(out)) as img:
        assert (img.info.get("icc_profile") == icc) is kept


@pytest.mark.parametrize(
    ("size", "max_side", "expected"),
    [
        ((600, 400), 3000, (600, 400)),
        ((4000, 1000), 3000, (3000, 750)),
        ((1000, 2000), 1000, (500, 1000)),
    ],
)
def test_normalised_jpeg_size(
    size: tuple[int, int], max_side: int, expected: tuple[int, int]
) -> None:
    assert (
        jpeg_size(normalised_jpeg(encode(on_white("noise", size=size), "PNG"), max_side))
        == expected
    )


def test_normalised_jpeg_drops_metadata() -> None:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make; a GPS block would leak the artisan's home the same way
    out = normalised_jpeg(encode(on_white("noise"), exif=exif.tobytes()))
    with Image.open(io.BytesIO(out)) as img:
        assert "exif" not in img.info and img.format == "JPEG"


@pytest.mark.parametrize(
    ("size", "expected"),
    [((2000, 1500), (320, 240)), ((1500, 3000), (160, 320)), ((200, 100), (200, 100))],
)
def test_thumbnail(size: tuple[int, int], expected: tuple[int, int]) -> None:
    assert jpeg_size(thumbnail_jpeg(encode(on_white("noise", size=size), "WEBP"))) == expected


# --- storage -------------------------------------------------------------------------------


def test_content_hash() -> None:
    assert content_hash(b"kantha") == hashlib.sha256(b"kantha").hexdigest()


def test_store_photo_is_idempotent(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = encode(on_white("noise", size=(4000, 3000)), "PNG")
    calls: list[int] = []
    real = photos.normalised_jpeg
    monkeypatch.setattr(photos, "normalised_jpeg", lambda d: calls.append(1) or real(d))
    h, path = store_photo(tmp_path, data)
    assert h == hashlib.sha256(data).hexdigest()
    assert path == tmp_path / "photos" / h[:2] / h[2:4] / f"{h}.jpg"
    assert jpeg_size(path.read_bytes()) == (3000, 2250)
    stat = path.stat()
    assert store_photo(tmp_path, data) == (h, path)
    assert calls == [1] and path.stat().st_mtime_ns == stat.st_mtime_ns
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temp file left behind
    other, other_path = store_photo(tmp_path, encode(busy(), "PNG"))
    assert other != h and other_path.exists() and len(calls) == 2


def test_store_photo_refuses_junk(tmp_path: Path) -> None:
    with pytest.raises(photos.PhotoError):
        store_photo(tmp_path, b"%PDF-1.4 not a photo")
    assert not list(tmp_path.rglob("*.*"))


def test_problem_order_and_usable() -> None:
    img = busy((800, 600)).filter(ImageFilter.GaussianBlur(8)).point(lambda v: v // 3)
    check = check_photo(encode(img), main=True)
    assert check.problems == ("small", "blurry", "dark", "background") and check.usable
    assert set(check.problems) <= set(photos.PROBLEMS)
