"""Render text as a scanned page, the way a stamped directive reaches a portal.

Used by the OCR tests and benchmarks/ocr.py: a 200-dpi A4 page in DejaVu Serif,
tilted a little, with paper noise and JPEG grain. Deterministic (seeded).
"""

from __future__ import annotations

import io
import random
from pathlib import Path

DPI = 200
A4 = (round(8.27 * DPI), round(11.69 * DPI))  # 1654 x 2338 px
MARGIN = round(0.8 * DPI)
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT = FONT_DIR / "DejaVuSerif.ttf"
FONT_PT = 11


def fonts_available() -> bool:
    return FONT.exists()


def _wrap(text: str, font, width: int) -> list[str]:
    lines: list[str] = []
    for para in text.split("\n"):
        words = para.split()
        if not words:
            lines.append("")
            continue
        line = words[0]
        for w in words[1:]:
            if font.getlength(line + " " + w) <= width:
                line += " " + w
            else:
                lines.append(line)
                line = w
        lines.append(line)
    return lines


def paginate(text: str, *, font_pt: int = FONT_PT) -> list[list[str]]:
    """The text's lines, page by page, as they will be drawn."""
    from PIL import ImageFont

    font = ImageFont.truetype(str(FONT), round(font_pt * DPI / 72))
    line_h = round(font.size * 1.45)
    per_page = (A4[1] - 2 * MARGIN) // line_h
    lines = _wrap(text, font, A4[0] - 2 * MARGIN)
    # blank runs collapse to one: a page holds text, not gaps
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return [out[i:i + per_page] for i in range(0, len(out), per_page)] or [[]]


def render_page(lines: list[str], *, seed: int = 0, tilt: float = 0.4, font_pt: int = FONT_PT):
    """One page as a greyscale PIL image, scanned-looking."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    rnd = random.Random(seed)
    font = ImageFont.truetype(str(FONT), round(font_pt * DPI / 72))
    line_h = round(font.size * 1.45)
    page = Image.new("L", A4, 255)
    draw = ImageDraw.Draw(page)
    y = MARGIN
    for line in lines:
        draw.text((MARGIN, y), line, font=font, fill=rnd.randint(10, 40))
        y += line_h
    angle = rnd.choice((-1, 1)) * tilt * (0.6 + 0.4 * rnd.random())
    page = page.rotate(angle, resample=Image.BICUBIC, fillcolor=255)
    page = page.filter(ImageFilter.GaussianBlur(0.5))
    # paper: grey speckle and a faint uneven tone
    noise = Image.effect_noise(A4, 18).point(lambda v: 255 - max(0, 128 - v) // 3)
    page = Image.composite(page, noise, page.point(lambda v: 255 if v < 200 else 0))
    return page


def to_jpeg(image, quality: int = 60) -> bytes:
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=quality)
    return buf.getvalue()


def to_png(image) -> bytes:
    buf = io.BytesIO()
    image.save(buf, "PNG")
    return buf.getvalue()


def pdf_of_images(jpegs: list[bytes]) -> bytes:
    """A PDF with one full-page JPEG per page and no text layer (what a scanner writes)."""
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format=(A4[0] * 72 / DPI, A4[1] * 72 / DPI))
    pdf.set_auto_page_break(False)
    for jpeg in jpegs:
        pdf.add_page()
        pdf.image(io.BytesIO(jpeg), x=0, y=0, w=pdf.w, h=pdf.h)
    return bytes(pdf.output())


def scan_text(text: str, *, seed: int = 0) -> list[bytes]:
    """The text as JPEG pages (scan grain included)."""
    from PIL import Image

    pages = []
    for i, lines in enumerate(paginate(text)):
        img = render_page(lines, seed=seed * 100 + i)
        jpeg = to_jpeg(img)
        pages.append(jpeg)
    return pages


def load_image(data: bytes):
    from PIL import Image

    return Image.open(io.BytesIO(data))
