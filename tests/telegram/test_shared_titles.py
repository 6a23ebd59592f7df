"""Listings sharing a title are told apart by their place in lists that show titles alone: /meineangebote and the
buttons an organisation picks the listing a contact is about from."""

from __future__ import annotations

from bot.ads.contacts import ListingChoice
from bot.posting.manage import OwnListing
from bot.telegram.ad_search.keyboards import listing_choice
from bot.telegram.posting.render import own_listings_text
from bot.titles import shared_titles

RIDES = "Fahrdienst und Begleitung zu Arztterminen"


def _own(number: int, title: str, place: str | None) -> OwnListing:
    return OwnListing(id=number, title=title, status="published", place=place, expires_at=None,
                      organisation_id=1, organisation="Ehrenamtsbüro Frankfurt")


def test_a_title_is_shared_whatever_its_case_and_spacing() -> None:
    assert shared_titles([RIDES, "fahrdienst und  Begleitung zu arztterminen", "Tierheim"]) == {RIDES.casefold()}
    assert shared_titles([RIDES, "Tierheim"]) == frozenset()


def test_my_listings_say_where_a_shared_title_is() -> None:
    text = own_listings_text([_own(1, RIDES, "Maintal"), _own(2, RIDES, "Mühlheim am Main"),
                              _own(3, "Lesepat:in", "Maintal"), _own(4, RIDES, None)], "de")
    assert f"1. {RIDES} (Maintal) · " in text and f"2. {RIDES} (Mühlheim am Main) · " in text
    assert "3. Lesepat:in · " in text  # a title of its own stays as it is
    assert f"4. {RIDES} · " in text  # online: no place to say


def test_the_listing_buttons_of_a_contact_say_where_a_shared_title_is() -> None:
    choices = [ListingChoice(1, RIDES, "Maintal"), ListingChoice(2, RIDES, "Mühlheim am Main"),
               ListingChoice(3, "Lesepat:in", "Maintal")]
    labels = [row[0].text for row in listing_choice(7, 9, choices, [], "de").inline_keyboard]
    assert labels[0].endswith(" (Maintal)") and labels[1].endswith(" (Mühlheim am Main)")
    assert labels[0] != labels[1] and all(len(label) <= 40 for label in labels[:2])
    assert labels[2] == "Lesepat:in"
