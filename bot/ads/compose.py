"""Writing an ad in the guided chat: the text (checked, understood), the suggestions confirmed, place, time.

The ad being written is a row of its own in status DRAFT (editing puts a published ad back into DRAFT until
it is published again), so every step survives restarts and any bot process can take the next one. Which
typed answer the chat waits for is the chat state's `awaiting` (bot.conversation.state), named here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.ads.model import MAX_AD_CHARS, MIN_AD_CHARS, TRAVEL_KM_CHOICES, Ad, AdContent, AdPlace
from bot.ads.personal_data import Finding, personal_data
from bot.categories import categories
from bot.domain import COMMON_LANGUAGES, AdStatus, PlacePrecision, TimeTag
from bot.store.models import Volunteer, VolunteerAd
from nlu.kernel.gazetteer import Place, get_gazetteer, haversine_km
from nlu.kernel.geo import far_apart
from nlu.kernel.place_distances import SAME_TOWN_KM
from nlu.kernel.place_names import typed_place
from nlu.kernel.postal_codes import postal_code_in
from nlu.query import ParsedQuery

# What the chat waits for (ChatState.awaiting, at most 20 characters): the ad's text, its place.
AWAITING_TEXT = "ad_text:"  # + the ad's id being edited, or 0 for a new ad
AWAITING_PLACE = "ad_place:"  # + the ad's id
AWAITING_DRAFT = "ad_draft:"  # + the ad's id: it waits for buttons; only /abbrechen is taken (it drops the ad)
# + the ad's id: a text was searched past the ad waiting for buttons, and the reply said the ad waits; /abbrechen
# next still means that ad (drops it), any other message closes this (the ad keeps waiting for /ichbiete)
AWAITING_LEFT = "ad_left:"
# Drafts nobody finished are dropped after this long (the expiry job).
DRAFT_LIFETIME = timedelta(days=2)
# Languages an ad may name, in button order; German is taken for granted.
LANGUAGE_CHOICES = COMMON_LANGUAGES

# A postal code's or shared point names the city quarter whose centre is nearest, if one lies this close.
QUARTER_KM = 3.0
MAX_TOWNS = 6

Parse = Callable[[str], ParsedQuery]


@dataclass(frozen=True, slots=True)
class PlaceChoice:
    """A place the person named or shared: its town, and the town's quarter where one is known there.

    The person chooses which of the two organisations see; only the chosen one is stored.
    """

    town_id: int
    town: AdPlace
    quarter_id: int | None = None
    quarter: AdPlace | None = None


# Ads an admin took down: no edit brings them back.
TAKEN_DOWN = frozenset({AdStatus.REMOVED.value, AdStatus.REJECTED.value})


class Refused(Exception):
    """The answer cannot be taken: the catalogue key of the reason, and what was found in the text."""

    def __init__(self, key: str, findings: tuple[Finding, ...] = ()) -> None:
        super().__init__(key)
        self.key = key
        self.findings = findings


async def own_ad(session: AsyncSession, volunteer: Volunteer, ad_id: int) -> VolunteerAd | None:
    """Returns one of the person's ads (None for an id that is not theirs: forged or deleted)."""
    ad = await session.get(VolunteerAd, ad_id)
    return ad if ad is not None and ad.volunteer_id == volunteer.id else None


def may_post(volunteer: Volunteer) -> bool:
    """Tells whether the person may write ads (an admin may have stopped them)."""
    return volunteer.ads_blocked_at is None


def checked_text(text: str) -> str:
    """Returns the ad's text tidied, or raises Refused: too short, too long, or holding contact details."""
    tidy = " ".join(text.split())
    if len(tidy) < MIN_AD_CHARS:
        raise Refused("ads.too_short")
    if len(tidy) > MAX_AD_CHARS:
        raise Refused("ads.too_long")
    findings = personal_data(tidy)
    if findings:
        raise Refused("ads.personal_data", findings)
    return tidy


def suggested(text: str, parse: Parse, before: AdContent | None = None) -> AdContent:
    """Returns what the NLU reads in the text: categories, time tags, languages, the newcomer flag, online, place.

    When an ad is edited, a place chosen before stays unless the new text names another.
    """
    parsed = parse(text)
    known = categories()
    place = _town(parsed.place.name, parsed.place.lat, parsed.place.lon) if parsed.place else None
    if place is None and before is not None:
        place = before.place
    return AdContent(
        text=text,
        categories=tuple(key for key in parsed.categories if key in known),
        time_tags=tuple(tag for tag in parsed.time if tag in {t.value for t in TimeTag}),
        languages=tuple(code for code in parsed.languages if code in LANGUAGE_CHOICES),
        newcomer=parsed.needs_little_german,
        place=place,
        remote=parsed.remote,
        travel_km=before.travel_km if before and place == before.place else None,
    )


async def take_text(
    session: AsyncSession, volunteer: Volunteer, text: str, *, ad_id: int, parse: Parse,
) -> VolunteerAd:
    """Takes the ad's text (a new ad when ad_id is 0): checks it, stores a draft with the NLU's suggestions.

    An ad an admin took down while the person was editing it stays down: the text starts a new ad, which goes
    through publishing (and review) like any other, so nothing the person wrote is lost.
    """
    tidy = checked_text(text)
    ad = await own_ad(session, volunteer, ad_id) if ad_id else None
    if ad is not None and ad.status in TAKEN_DOWN:
        ad = None
    before = Ad.from_row(ad).content if ad is not None else None
    content = suggested(tidy, parse, before)
    if ad is None:
        ad = VolunteerAd(volunteer_id=volunteer.id, status=AdStatus.DRAFT.value, **content.columns())
        session.add(ad)
    else:
        _write(ad, content)
        ad.status = AdStatus.DRAFT.value
    await session.flush()
    return ad


def toggle_category(ad: VolunteerAd, key: str) -> None:
    """Adds or removes a category (unknown keys are ignored: forged buttons)."""
    if key in categories():
        _change(ad, categories=_toggled(Ad.from_row(ad).categories, key))


def toggle_time(ad: VolunteerAd, tag: str) -> None:
    """Adds or removes a time tag."""
    if tag in {time.value for time in TimeTag}:
        _change(ad, time_tags=_toggled(Ad.from_row(ad).time_tags, tag))


def toggle_language(ad: VolunteerAd, code: str) -> None:
    """Adds or removes a language the person speaks."""
    if code in LANGUAGE_CHOICES:
        _change(ad, languages=_toggled(Ad.from_row(ad).languages, code))


def toggle_newcomer(ad: VolunteerAd) -> None:
    """Flips "new in Germany, little German"."""
    _change(ad, newcomer=not ad.newcomer_friendly)


def district_named(text: str, parse: Parse) -> PlaceChoice | None:
    """Returns the city district the ad's text names ("in Altona") with its town, to offer beside the town."""
    parsed = parse(text)
    if parsed.place is None:
        return None
    try:
        place = get_gazetteer().get(parsed.place.id)
    except KeyError:
        return None
    choice = _choice(place)
    return choice if choice.quarter is not None else None


def set_online(ad: VolunteerAd) -> None:
    """Makes the ad online only: no place, no distance."""
    _change(ad, place=None, remote=True, travel_km=None)


def set_place(ad: VolunteerAd, place: AdPlace) -> None:
    """Places the ad at a town (remote stays as the text said: someone may help nearby and online)."""
    _change(ad, place=place, travel_km=ad.travel_km or TRAVEL_KM_CHOICES[2])


def set_travel(ad: VolunteerAd, km: int) -> None:
    """Sets how far the person would go (one of the offered distances)."""
    if km in TRAVEL_KM_CHOICES and ad.place_name:
        _change(ad, travel_km=km)


def place_from_location(lat: float, lon: float) -> PlaceChoice | None:
    """Returns the town (and quarter) nearest to a shared location: the ad keeps the town's or the quarter's
    point, never the shared one."""
    if not (47.0 <= lat <= 55.2 and 5.5 <= lon <= 15.5):
        return None
    return _choice(get_gazetteer().nearest(lat, lon), (lat, lon))


async def drop_stale_drafts(session: AsyncSession, *, now: datetime) -> int:
    """Deletes new drafts nobody finished (an edited ad that was published before stays, as a draft)."""
    result = await session.execute(
        delete(VolunteerAd).where(VolunteerAd.status == AdStatus.DRAFT.value, VolunteerAd.published_at.is_(None),
                                  VolunteerAd.updated_at < now - DRAFT_LIFETIME)
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)


async def drafts_of(session: AsyncSession, volunteer: Volunteer) -> list[VolunteerAd]:
    """Returns the person's drafts, newest first."""
    rows = await session.execute(select(VolunteerAd).where(VolunteerAd.volunteer_id == volunteer.id,
                                                           VolunteerAd.status == AdStatus.DRAFT.value)
                                 .order_by(VolunteerAd.id.desc()))
    return list(rows.scalars())


def _town(name: str, lat: float, lon: float) -> AdPlace | None:
    """Returns the town of that name nearest to the point, at the town's own point (never the given one)."""
    gazetteer = get_gazetteer()
    same_name = gazetteer.lookup(name)
    if not same_name:
        return _as_town(gazetteer.nearest(lat, lon))
    best = min(same_name, key=lambda place: (place.lat - lat) ** 2 + (place.lon - lon) ** 2)
    return _as_town(best)


def _as_town(place: Place) -> AdPlace:
    """Returns a gazetteer place as an ad's town, rounded to about a kilometre (a quarter stands for its city)."""
    town = get_gazetteer().city_of(place) or place
    return AdPlace(town.name, round(town.lat, 2), round(town.lon, 2), town.state, town.district,
                   PlacePrecision.TOWN)


def _as_quarter(quarter: Place, city: Place) -> AdPlace:
    """Returns a city quarter as an ad's place: "Hamburg-Altona" at the quarter's centre, rounded like a town."""
    label = quarter.name if quarter.name.startswith(city.name) else f"{city.name}-{quarter.name}"
    return AdPlace(label, round(quarter.lat, 2), round(quarter.lon, 2), city.state, city.district,
                   PlacePrecision.QUARTER)


def _choice(place: Place, point: tuple[float, float] | None = None) -> PlaceChoice:
    """Returns the town of a place and its quarter: the place itself when it is one, else the quarter whose
    centre lies nearest to the given point (a postal code's or a shared location's), if close enough."""
    gazetteer = get_gazetteer()
    city = gazetteer.city_of(place)
    if city is not None:
        return PlaceChoice(city.id, _as_town(city), place.id, _as_quarter(place, city))
    town = _own_point(place)
    quarters = gazetteer.quarters_of(town) if point is not None else []
    if point is None or not quarters:
        return PlaceChoice(town.id, _as_town(town))
    nearest = min(quarters, key=lambda quarter: haversine_km(point[0], point[1], quarter.lat, quarter.lon))
    if haversine_km(point[0], point[1], nearest.lat, nearest.lon) > QUARTER_KM:
        return PlaceChoice(town.id, _as_town(town))
    return PlaceChoice(town.id, _as_town(town), nearest.id, _as_quarter(nearest, town))


def _toggled(values: tuple[str, ...], value: str) -> tuple[str, ...]:
    """Returns the values with one added or removed."""
    return tuple(v for v in values if v != value) if value in values else (*values, value)


def _change(ad: VolunteerAd, **changes: object) -> None:
    """Writes changed content into the row (lists and bitmasks together)."""
    _write(ad, replace(Ad.from_row(ad).content, **changes))  # type: ignore[arg-type]


def _write(ad: VolunteerAd, content: AdContent) -> None:
    """Writes every content column of the row."""
    for name, value in content.columns().items():
        setattr(ad, name, value)


def towns_named(text: str, parse: Parse | None = None) -> list[PlaceChoice]:
    """Returns the places a typed answer names (for buttons): a postal code gives its town and the quarter it
    lies in; "Hamburg-Altona" or "Altona" a city and its quarter; a name that exists far apart gives each of
    them; nothing when no place is named. When the answer is no place name as it stands ("Kassel-Wehlheiden"
    with a quarter the place data lacks, "Raum Fulda", "am liebsten in Marburg"), the place the NLU reads in it
    is taken, as the search would."""
    gazetteer = get_gazetteer()
    code = postal_code_in(text, answer=True)
    if code:
        place = gazetteer.by_postal_code(code.code)
        return [_choice(place, (place.lat, place.lon))] if place else []
    name = typed_place(" ".join(text.split()))
    if not name or len(name) > 80:
        return []
    places = gazetteer.lookup(name)
    if not places and (quarter := gazetteer.quarter(name)) is not None:
        places = [quarter]
    if not places and parse is not None:
        return _read_place(name, parse)
    return [_choice(place) for place in far_apart(places, SAME_TOWN_KM)][:MAX_TOWNS]


def _read_place(text: str, parse: Parse) -> list[PlaceChoice]:
    """Returns the place the NLU reads in a typed answer (its namesakes when it is ambiguous)."""
    parsed = parse(text)
    gazetteer = get_gazetteer()
    ids = [candidate.id for candidate in parsed.place_candidates]
    if not ids and parsed.place is not None:
        ids = [parsed.place.id]
    places: list[Place] = []
    for place_id in ids:
        try:
            places.append(gazetteer.get(place_id))
        except KeyError:
            continue
    return [_choice(place) for place in places][:MAX_TOWNS]


def town_by_id(place_id: int) -> AdPlace | None:
    """Returns the town a place button stands for (None for an id the gazetteer does not know: forged)."""
    try:
        return _as_town(get_gazetteer().get(place_id))
    except KeyError:
        return None


def quarter_by_id(place_id: int) -> AdPlace | None:
    """Returns the city quarter a button stands for (None for an id that is not a known quarter: forged)."""
    gazetteer = get_gazetteer()
    try:
        quarter = gazetteer.get(place_id)
    except KeyError:
        return None
    city = gazetteer.city_of(quarter)
    return _as_quarter(quarter, city) if city is not None else None


def _own_point(place: Place) -> Place:
    """Returns the place at its own point (a postal code's place comes at the code's point)."""
    try:
        return get_gazetteer().get(place.id)
    except KeyError:
        return place
