"""The ad card says where an ad's person helps: a town, a town and online, or online only."""

from __future__ import annotations

from bot.ads.model import Ad, AdPlace
from bot.domain import AdStatus, PlacePrecision
from bot.telegram.ads.render import card

TOWN = AdPlace("Marburg", 50.81, 8.77, "Hessen", None, PlacePrecision.TOWN)


def _ad(place: AdPlace | None, *, remote: bool) -> Ad:
    return Ad(id=1, text="Ich helfe gern beim Bewerbungen schreiben.", categories=("education",), time_tags=(),
              languages=(), newcomer=False, place=place, remote=remote, travel_km=None, status=AdStatus.PUBLISHED,
              published_at=None, expires_at=None)


def test_an_ad_without_a_town_is_online_only() -> None:
    assert "💻 nur online" in card(_ad(None, remote=True), "de")
    assert "💻 online only" in card(_ad(None, remote=True), "en")
    assert "auch online" not in card(_ad(None, remote=True), "de")


def test_an_ad_with_a_town_that_also_works_online_says_so_beside_the_town() -> None:
    text = card(_ad(TOWN, remote=True), "de")
    assert "📍 in Marburg" in text and "💻 auch online" in text and "nur online" not in text
    assert "online" not in card(_ad(TOWN, remote=False), "de")


def test_an_ads_times_are_set_apart_as_the_listings_are() -> None:
    ad = _ad(TOWN, remote=False)
    timed = Ad(**{**{name: getattr(ad, name) for name in ad.__dataclass_fields__}, "time_tags": ("weekday", "daytime")})
    assert "unter der Woche · tagsüber" in card(timed, "de") and "," not in card(timed, "de").split("\n")[-1]
