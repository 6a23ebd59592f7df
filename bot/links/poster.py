"""A printable A4 poster of a deep link: the listing's title, its organisation and place, a large QR code with a
caption, and a short line saying what happens when it is scanned. PNG or PDF, chosen by the file's ending."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import qrcode
import qrcode.constants
from PIL import Image, ImageDraw, ImageFont
from qrcode.image.pil import PilImage

# A4 at 150 dots per inch: sharp enough for a printer, small enough to send around.
DPI = 150
PAGE = (1240, 1754)
MARGIN = 110
QR_SIDE = 760
INK = (20, 24, 31)
ACCENT = (0, 110, 80)
MUTED = (80, 88, 99)
# Fonts with German letters found on Debian-like systems; Pillow's own scalable font stands in elsewhere.
FONT_FILES = {
    "bold": ("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
             "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"),
    "regular": ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"),
}
FORMATS = {".png": "PNG", ".pdf": "PDF"}


@dataclass(frozen=True, slots=True)
class PosterText:
    """What the poster says, already in the reader's language."""

    title: str
    organisation: str
    place: str
    caption: str  # under the code: "Mit der Handy-Kamera scannen – öffnet das Angebot in Telegram"
    footer: str  # "Ehrenamt in deiner Nähe: @EhrenamtBot"


def write_poster(link: str, text: PosterText, path: str | Path) -> Path:
    """Writes the poster as PNG or PDF (by the file ending); refuses other endings."""
    target = Path(path)
    kind = FORMATS.get(target.suffix.lower())
    if kind is None:
        raise ValueError(f"a poster is a .png or .pdf file, not {target.name!r}")
    page = Image.new("RGB", PAGE, "white")
    draw = ImageDraw.Draw(page)
    width = PAGE[0] - 2 * MARGIN
    y = MARGIN
    draw.rectangle((0, 0, PAGE[0], 28), fill=ACCENT)
    y = _paragraph(draw, text.title, _font("bold", 76), INK, y, width, max_lines=4) + 30
    y = _paragraph(draw, text.organisation, _font("regular", 44), MUTED, y, width, max_lines=2) + 8
    if text.place:
        y = _paragraph(draw, text.place, _font("regular", 40), MUTED, y, width, max_lines=1)
    code = _qr(link).resize((QR_SIDE, QR_SIDE), Image.Resampling.NEAREST)
    top = max(y + 60, PAGE[1] - MARGIN - QR_SIDE - 330)
    page.paste(code, ((PAGE[0] - QR_SIDE) // 2, top))
    y = _paragraph(draw, text.caption, _font("bold", 40), INK, top + QR_SIDE + 30, width, max_lines=2, centre=True)
    y = _paragraph(draw, link, _font("regular", 30), MUTED, y + 10, width, max_lines=1, centre=True)
    _paragraph(draw, text.footer, _font("regular", 34), ACCENT, PAGE[1] - MARGIN - 20, width, max_lines=1,
               centre=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    page.save(target, kind, resolution=DPI)
    return target


def _qr(link: str) -> Image.Image:
    """Returns the link's QR code (quartile error correction survives a crumpled poster)."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_Q, box_size=10, border=2,
                         image_factory=PilImage)
    code.add_data(link)
    code.make(fit=True)
    image: Image.Image = code.make_image().get_image().convert("RGB")
    return image


def _font(weight: str, size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """Returns a font with German letters at a size."""
    for candidate in FONT_FILES[weight]:
        if Path(candidate).exists():
            return ImageFont.truetype(candidate, size)
    return ImageFont.load_default(size=size)


def _paragraph(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont | ImageFont.ImageFont,
               colour: tuple[int, int, int], y: int, width: int, *, max_lines: int, centre: bool = False) -> int:
    """Draws text wrapped to the width (cut with an ellipsis after max_lines); returns the y below it."""
    lines = _wrap(draw, " ".join(text.split()), font, width)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = _fit(draw, lines[-1] + " …", font, width)
    for line in lines:
        left, top, right, bottom = draw.textbbox((0, 0), line, font=font)
        x = MARGIN + (width - (right - left)) // 2 if centre else MARGIN
        draw.text((x, y), line, font=font, fill=colour)
        y += int((bottom - top) * 1.35)
    return y


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont | ImageFont.ImageFont,
          width: int) -> list[str]:
    """Breaks text into lines that fit the width (a word longer than a line is cut to fit)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        attempt = f"{current} {word}".strip()
        if draw.textlength(attempt, font=font) <= width:
            current = attempt
            continue
        if current:
            lines.append(current)
        current = _fit(draw, word, font, width)
    if current:
        lines.append(current)
    return lines


def _fit(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont | ImageFont.ImageFont,
         width: int) -> str:
    """Shortens a text from the end until it fits the width."""
    while text and draw.textlength(text, font=font) > width:
        text = text[:-2] + "…" if len(text) > 2 else ""
    return text
