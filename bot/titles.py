"""Titles told apart in a list: listings often share a title ("Fahrdienst und Begleitung zu Arztterminen" of an
agency in three towns), and a list that shows titles alone (/meineangebote, the buttons an organisation picks the
listing a contact is about from) then shows the same line twice. A title that several entries of one list share
is followed by its place there; one of its own stays as it is."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable


def title_key(title: str) -> str:
    """Returns a title as compared for sameness: case and spacing free."""
    return " ".join(title.casefold().split())


def shared_titles(titles: Iterable[str]) -> frozenset[str]:
    """Returns the keys (title_key) of the titles that more than one entry of a list carries."""
    counts = Counter(title_key(title) for title in titles)
    return frozenset(key for key, count in counts.items() if count > 1)


def place_needed(title: str, place: str | None, shared: frozenset[str]) -> str | None:
    """Returns the place to show beside a title that others in its list share; None when the title is its own or
    the listing has no place (online)."""
    return place if place and title_key(title) in shared else None
