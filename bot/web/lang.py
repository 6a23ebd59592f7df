"""Which language a page is written in: ?lang= first, then the browser's Accept-Language, German by default."""

from __future__ import annotations

from bot.texts import LANGUAGES

DEFAULT = "de"


def negotiate(asked: str | None, accept_language: str | None) -> str:
    """Returns "de" or "en" for a request: an explicit ?lang= wins, then the best-weighted known language."""
    if asked in LANGUAGES:
        return asked
    best, best_weight = DEFAULT, 0.0
    for position, part in enumerate((accept_language or "").split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        primary = tag.strip().lower().split("-")[0]
        weight = _weight(params) - position * 1e-6  # equal weights: the earlier one wins
        if primary in LANGUAGES and weight > best_weight:
            best, best_weight = primary, weight
    return best


def _weight(params: str) -> float:
    """Reads the q= weight of one Accept-Language entry (1 when absent, 0 when malformed)."""
    params = params.strip()
    if not params:
        return 1.0
    name, _, value = params.partition("=")
    if name.strip() != "q":
        return 1.0
    try:
        weight = float(value)
    except ValueError:
        return 0.0
    return weight if 0.0 <= weight <= 1.0 else 0.0
