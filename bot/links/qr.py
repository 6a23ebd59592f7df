"""Deep-link URLs for t.me and QR codes of them for posters and flyers."""

from __future__ import annotations

import re
from pathlib import Path

import qrcode
import qrcode.constants
from qrcode.image.pil import PilImage

from bot.links.payload import PAYLOAD_ALPHABET

# Telegram usernames: 5-32 characters, letters, digits and underscores (bots end in "bot").
_USERNAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{3,31}")


def deep_link(bot_username: str, payload: str) -> str:
    """Returns https://t.me/<bot>?start=<payload>, refusing names and payloads Telegram would not accept."""
    username = bot_username.strip().removeprefix("@")
    if not _USERNAME.fullmatch(username):
        raise ValueError(f"not a Telegram bot username: {bot_username!r}")
    if not PAYLOAD_ALPHABET.fullmatch(payload):
        raise ValueError(f"not a valid start parameter: {payload!r}")
    return f"https://t.me/{username}?start={payload}"


def write_qr_png(link: str, path: str | Path, *, box_size: int = 10) -> Path:
    """Writes a QR code of the link as a PNG (quartile error correction survives a crumpled poster)."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_Q, box_size=box_size, border=4,
                         image_factory=PilImage)
    code.add_data(link)
    code.make(fit=True)
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    code.make_image().save(target)
    return target
