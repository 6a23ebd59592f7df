"""What the NLU makes of a message, reduced to what a test compares."""

from __future__ import annotations

from nlu import parse


def place_name(text: str) -> str | None:
    """Returns the name of the place the NLU reads in the text, or None."""
    place = parse(text).place
    return place.name if place is not None else None
