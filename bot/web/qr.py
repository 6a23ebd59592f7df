"""QR codes of deep links as small SVG documents: one path of dark modules, crisp at any size, no JavaScript."""

from __future__ import annotations

from functools import lru_cache

import qrcode
import qrcode.constants

BORDER = 4  # the quiet zone the QR standard asks for, in modules


@lru_cache(maxsize=4096)
def qr_svg(link: str, *, title: str) -> str:
    """Returns an SVG of the link's QR code (quartile error correction, as on posters), with a title for readers.

    Finding the best mask pattern takes about 20 ms, so codes are cached: a listing's link never changes.
    """
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_Q, border=BORDER)
    code.add_data(link)
    code.make(fit=True)
    matrix = code.get_matrix()  # includes the border
    size = len(matrix)
    runs = []
    for y, row in enumerate(matrix):
        x = 0
        while x < size:
            if row[x]:
                start = x
                while x < size and row[x]:
                    x += 1
                runs.append(f"M{start} {y}h{x - start}v1h-{x - start}z")
            else:
                x += 1
    safe_title = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" width="{size * 6}" '
        f'height="{size * 6}" shape-rendering="crispEdges" role="img"><title>{safe_title}</title>'
        f'<rect width="{size}" height="{size}" fill="#fff"/><path fill="#000" d="{"".join(runs)}"/></svg>'
    )
