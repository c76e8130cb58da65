"""Checks a seller's product photo against marketplace rules, with one fixable problem per tip."""

from __future__ import annotations

import functools
import hashlib
import io
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageChops, ImageFilter, ImageOps, ImageStat, UnidentifiedImageError

PROBLEMS = (
    "unreadable",
    "not_image_format",
    "too_small",
    "small",
    "blurry",
    "dark",
    "bright",
    "background",
)
REFUSED = frozenset({"unreadable", "not_image_format", "too_small"})
# What we take. Amazon's own list is JPEG/PNG/TIFF/GIF, but phones send HEIC and WebP: we convert
# those to JPEG ourselves (normalised_jpeg). "MPO" is the multi-picture JPEG many phone cameras
# write (Pillow names it MPO); it is reported as JPEG.
ACCEPTED_FORMATS = frozenset({"JPEG", "PNG", "WEBP", "HEIF"})
_FORMAT_ALIASES = {"MPO": "JPEG"}

ORIENTATION_TAG = 0x0112  # EXIF Orientation
MAX_BYTES = 20 * 1024 * 1024  # Telegram Bot API getFile download limit (20 MB)
# Decompression-bomb bound; covers 108 MP phone sensors (12000x9000). Pillow raises
# DecompressionBombError at twice this; we refuse anything above it ourselves.
MAX_PIXELS = 110_000_000
Image.MAX_IMAGE_PIXELS = MAX_PIXELS

MIN_SIDE = 500  # Amazon: absolute minimum on the longest side (domain notes §3) -> refused
ZOOM_SIDE = 1000  # Amazon: >= 1000 px on the longest side enables zoom (domain notes §3)

# Analysis runs on a copy whose longest side is WORK_SIDE (never upscaled), so the measures do
# not depend on the camera resolution; 800 px is about what a listing page shows.
WORK_SIDE = 800
# Laplacian (4-neighbour) with offset 128 so negative responses survive in an 8-bit image.
LAPLACIAN = ImageFilter.Kernel((3, 3), [0, 1, 0, 1, -4, 1, 0, 1, 0], scale=1, offset=128)
# Sharpness = the highest Laplacian variance over a 3x3 grid of tiles: the tile holding the
# product, so a sharp product on a plain white sheet is not called blurry.
SHARP_GRID = 3
# Calibrated on generated JPEGs (products: checkerboard, text, lines, colour noise, flat
# ellipses; on white at 30-80% fill and on cloth; 1000-4000 px wide), blur radius at 800 px:
#   sharp, textured: >= 550; sharp flat pale ellipse (the least detail): 40-86;
#   blur r=1: 4-700; r=1.5: 1.5-175; r=2: 0.8-63; r=3 (must be caught): <= 11.4.
# 20 is the geometric middle between r=3 and the flattest sharp product (2x margin each side).
BLURRY_BELOW = 20.0

# Exposure, on the luminance (0-255) of the working copy, calibrated on the same images with
# tone curves: x0.5 (1 stop under), x0.35, v*1.5+40 (+1 stop), v*2+60 (+2 stops).
# Correctly exposed scenes measure a mean of 87-250; one stop under 43-65 on cloth, so:
DARK_MEAN = 70.0
DARK_LEVEL = 40  # luminance below this is "near black"
# ... or half the frame near black with a dim mean (a dark room with a bright window in it);
# the mean cap spares a black product on a mid-grey cloth. A white-bordered photo is never
# called dark: an under-exposed white sheet reads grey (black pot on white: mean 106, fine).
DARK_SHARE = 0.5
DARK_SHARE_MEAN = 100.0
CLIP_LEVEL = 250  # luminance at or above this is clipped (a blown highlight)
# Clipping is counted in the central 50% x 50% box only: on a main photo that is the product,
# so the white background around it is not mistaken for over-exposure.
CENTRE = 0.5
BRIGHT_SHARE = 0.25  # over-exposed when a quarter of the centre is clipped ...
# ... and what is left of the centre is washed out too. Correctly exposed products average
# 21-203 here (203: a cream cloth with black print, alone on white); over-exposed (+2 stops)
# 158-255. 210 flags washed-out products; a pale product with dark print, over-exposed, is missed.
BRIGHT_REST_MEAN = 210.0
# ... or, when the border is not white, a mean above this: correctly exposed scenes on cloth
# average 87-184, +1 stop 170-195, +2 stops 216-228 (channels clip before luminance does).
BRIGHT_MEAN = 205.0

BORDER = 0.08  # the outer 8% of the frame on each side is the background of a main photo
# All channels >= 235 reads as white on a phone screen and bounds the saturation too:
# max - min <= 20 of 255, so cream or tinted paper fails.
WHITE_LEVEL = 235
# Amazon wants RGB 255,255,255 behind the product and the product filling >= 85% of the frame
# (domain notes §3): a product that fills the frame may cut into the border strips and cast a
# soft shadow, so up to 15% of the border may be non-white. Measured: white sheet with the
# product at 30-80% fill 0.99-1.00; at 90% fill (product inside the strips) 0.65;
# coloured cloth 0.00-0.01; white sheet one stop under-exposed (grey) 0.00.
BACKGROUND_WHITE_MIN = 0.85


class PhotoError(ValueError):
    """A photo that cannot be used at all; `code` is one of PROBLEMS."""

    def __init__(self, code: str, fmt: str | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.format = fmt


@dataclass(frozen=True, slots=True)
class PhotoCheck:
    format: str | None  # Pillow format: "JPEG", "PNG", "WEBP", "HEIF", ...; None when unreadable
    width: int  # after EXIF orientation
    height: int
    problems: tuple[str, ...]  # codes from PROBLEMS, most important first
    metrics: dict[str, float] = field(default_factory=dict)

    @property
    def usable(self) -> bool:
        return not REFUSED.intersection(self.problems)


@functools.cache
def _heif() -> None:
    """HEIC/HEIF support, registered on first use (pillow-heif costs ~12 MB of an idle bot)."""
    import pillow_heif

    pillow_heif.register_heif_opener()


def _open(data: bytes, target: int) -> tuple[Image.Image, str, tuple[int, int]]:
    """RGB, EXIF-rotated, longest side <= target; also the format and the full oriented size."""
    if len(data) > MAX_BYTES:
        raise PhotoError("unreadable")
    _heif()
    try:
        img = Image.open(io.BytesIO(data))
    except UnidentifiedImageError:  # not a picture at all: PDF, .exe, random bytes
        raise PhotoError("not_image_format") from None
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise PhotoError("unreadable") from None
    fmt = _FORMAT_ALIASES.get(img.format or "", img.format or "")
    if fmt not in ACCEPTED_FORMATS:  # refused before any pixel is decoded
        raise PhotoError("not_image_format", img.format)
    w, h = img.size
    if w * h > MAX_PIXELS:
        raise PhotoError("unreadable")
    icc = img.info.get("icc_profile")
    try:
        size = (h, w) if img.getexif().get(ORIENTATION_TAG) in (5, 6, 7, 8) else (w, h)
        if fmt == "JPEG":  # DCT scaling: decode at 1/2, 1/4 or 1/8 of the size, cheaply
            ratio = min(1.0, target / max(w, h))
            img.draft("RGB", (max(1, int(w * ratio)), max(1, int(h * ratio))))
        img.load()
        if img.mode not in ("RGB", "RGBA", "L"):  # palette, 16-bit, CMYK: resize needs RGB(A)
            alpha = "transparency" in img.info or "A" in img.getbands()
            img = img.convert("RGBA" if alpha else "RGB")
        img.thumbnail((target, target), Image.Resampling.BILINEAR)
        img = _flatten(ImageOps.exif_transpose(img))
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise PhotoError("unreadable") from None
    # Keep the colour profile (phones shoot Display P3) only if it describes RGB: a CMYK or
    # grey profile on the converted pixels would shift the colours.
    img.info = {"icc_profile": icc} if icc and icc[16:20] == b"RGB " else {}
    return img, fmt, size


def _flatten(img: Image.Image) -> Image.Image:
    """RGB; transparency (cut-out PNGs) becomes white, as the marketplace shows it."""
    if img.mode == "RGBA":
        white = Image.new("RGB", img.size, (255, 255, 255))
        white.paste(img, mask=img.getchannel("A"))
        return white
    return img if img.mode == "RGB" else img.convert("RGB")


def _sharpness(gray: Image.Image) -> float:
    edges = gray.filter(LAPLACIAN)
    edges = edges.crop((1, 1, edges.width - 1, edges.height - 1))  # Pillow copies edge rows raw
    w, h = edges.size
    tiles = [
        (
            w * i // SHARP_GRID,
            h * j // SHARP_GRID,
            w * (i + 1) // SHARP_GRID,
            h * (j + 1) // SHARP_GRID,
        )
        for i in range(SHARP_GRID)
        for j in range(SHARP_GRID)
    ]
    return max(ImageStat.Stat(edges.crop(box)).var[0] for box in tiles)


def _background_white(rgb: Image.Image) -> float:
    r, g, b = rgb.split()
    white = ImageChops.darker(ImageChops.darker(r, g), b).point(
        lambda v: 255 if v >= WHITE_LEVEL else 0
    )
    w, h = white.size
    bx, by = max(1, round(w * BORDER)), max(1, round(h * BORDER))
    strips = [(0, 0, w, by), (0, h - by, w, h), (0, by, bx, h - by), (w - bx, by, w, h - by)]
    total = sum((x1 - x0) * (y1 - y0) for x0, y0, x1, y1 in strips)
    return sum(ImageStat.Stat(white.crop(box)).sum[0] for box in strips) / 255 / total


def _exposure(gray: Image.Image) -> dict[str, float]:
    hist = gray.histogram()
    n = sum(hist)
    w, h = gray.size
    cx, cy = round(w * (1 - CENTRE) / 2), round(h * (1 - CENTRE) / 2)
    centre = gray.crop((cx, cy, w - cx, h - cy)).histogram()
    rest, rest_n = centre[:CLIP_LEVEL], sum(centre[:CLIP_LEVEL])
    return {
        "brightness": sum(i * c for i, c in enumerate(hist)) / n,
        "dark_share": sum(hist[:DARK_LEVEL]) / n,
        "bright_share": sum(centre[CLIP_LEVEL:]) / sum(centre),
        "unclipped_brightness": (
            sum(i * c for i, c in enumerate(rest)) / rest_n if rest_n else 255.0
        ),
    }


def check_photo(data: bytes, *, main: bool) -> PhotoCheck:
    """Problems of one photo, most important first; `main` adds the white-background rule."""
    try:
        img, fmt, (width, height) = _open(data, WORK_SIDE)
    except PhotoError as e:
        return PhotoCheck(e.format, 0, 0, (e.code,), {})
    gray = img.convert("L")
    m = {"sharpness": _sharpness(gray), **_exposure(gray)}
    white = _background_white(img)
    if main:
        m["background_white"] = white
    metrics = {k: round(v, 4) for k, v in m.items()}
    if max(width, height) < MIN_SIDE:  # refused: the one tip is "send a bigger photo"
        return PhotoCheck(fmt, width, height, ("too_small",), metrics)
    mean, framed = m["brightness"], white >= BACKGROUND_WHITE_MIN
    dark = not framed and (
        mean < DARK_MEAN or (m["dark_share"] >= DARK_SHARE and mean < DARK_SHARE_MEAN)
    )
    bright = (
        m["bright_share"] >= BRIGHT_SHARE and m["unclipped_brightness"] >= BRIGHT_REST_MEAN
    ) or (not framed and mean >= BRIGHT_MEAN)
    flags = {
        "small": max(width, height) < ZOOM_SIDE,
        "blurry": m["sharpness"] < BLURRY_BELOW,
        "dark": dark,
        "bright": bright and not dark,
        "background": main and white < BACKGROUND_WHITE_MIN,
    }
    problems = tuple(p for p in PROBLEMS if flags.get(p))
    return PhotoCheck(fmt, width, height, problems, metrics)


def _jpeg(data: bytes, side: int, quality: int) -> bytes:
    img, _, _ = _open(data, side)
    out = io.BytesIO()
    img.save(out, "JPEG", quality=quality, icc_profile=img.info.get("icc_profile"))
    return out.getvalue()


def normalised_jpeg(data: bytes, max_side: int = 3000) -> bytes:
    """EXIF-rotated RGB JPEG (q=90), longest side <= max_side, never upscaled, metadata dropped."""
    return _jpeg(data, max_side, 90)


def thumbnail_jpeg(data: bytes, side: int = 320) -> bytes:
    return _jpeg(data, side, 80)


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def store_photo(data_dir: Path, data: bytes) -> tuple[str, Path]:
    """Store the normalised JPEG under photos/ by the hash of the original bytes; idempotent."""
    h = content_hash(data)
    path = data_dir / "photos" / h[:2] / h[2:4] / f"{h}.jpg"
    if path.exists():
        return h, path
    jpeg = normalised_jpeg(data)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{h[:8]}-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(jpeg)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return h, path


THUMB_SUFFIX = ".thumb.jpg"


def ensure_thumbnail(path: Path, side: int = 320) -> Path:
    """A small copy beside a stored photo, for lists on slow connections; made once."""
    thumb = path.with_name(path.stem + THUMB_SUFFIX)
    if not thumb.exists():
        data = thumbnail_jpeg(path.read_bytes(), side)
        temporary = thumb.with_name(thumb.name + ".tmp")
        temporary.write_bytes(data)
        os.replace(temporary, thumb)
    return thumb


def thumbnail_for(path: str) -> str:
    """The thumbnail of a stored photo when there is one, else the photo itself."""
    candidate = Path(path)
    thumb = candidate.with_name(candidate.stem + THUMB_SUFFIX)
    return str(thumb) if thumb.exists() else path
