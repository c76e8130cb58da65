"""Photos made in the tests: a product on white, and the ways a phone photo goes wrong."""

from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw, ImageFilter


def _product(size: tuple[int, int] = (1200, 900), background: str = "white") -> Image.Image:
    """A detailed 'product' (stripes, dots, lines) in the middle of a plain background."""
    width, height = size
    image = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(image)
    rng = random.Random(7)
    box = (width // 4, height // 4, 3 * width // 4, 3 * height // 4)
    draw.rectangle(box, fill=(150, 60, 30))
    for x in range(box[0], box[2], 12):
        draw.line([(x, box[1]), (x, box[3])], fill=(240, 200, 80), width=3)
    for _ in range(400):
        x, y = rng.randrange(box[0], box[2]), rng.randrange(box[1], box[3])
        draw.ellipse((x, y, x + 5, y + 5), fill=(20, 20, 90))
    return image


def jpeg(image: Image.Image, quality: int = 90) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality)
    return buffer.getvalue()


def good_photo(seed: int = 0) -> bytes:
    image = _product()
    if seed:  # a different photo of the same product (different content hash)
        ImageDraw.Draw(image).rectangle((10, 10, 10 + seed, 12), fill=(250, 250, 250))
    return jpeg(image)


def blurry_photo() -> bytes:
    return jpeg(_product().filter(ImageFilter.GaussianBlur(12)))


def dark_photo() -> bytes:
    return jpeg(_product().point(lambda v: v // 6))


def busy_background_photo() -> bytes:
    image = _product(background="darkgreen")
    return jpeg(image)


def tiny_photo() -> bytes:
    return jpeg(_product((40, 40)))


def pdf_bytes() -> bytes:
    return b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
