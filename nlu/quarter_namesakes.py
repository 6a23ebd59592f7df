"""A quarter named alone against the towns of its name elsewhere, weighed by size.

"Moosach" is a village of 1,300 people by Ebersberg and a quarter of München; "Neuhausen" a town of 11,000 on the
Fildern and a quarter of München too. Named alone, with nothing else in the message to tell them apart, the larger
is meant. A quarter weighs its own population where the gazetteer knows it, else that of a typical quarter of its
city (the city's population, which the quarter table carries, shared over the quarters it lists: München's about
48,000), so a quarter of a large city beats a village, and a town of its own beats the quarter (Hamm, 180,000, is not
Hamburg's Hamm; Plauen is not Dresden's). Where neither weighs `share` of the other the bot asks, the place the
lookup chose first ("Südvorstadt": Dresden's or Leipzig's; "Bornheim": the town or Frankfurt's).
"""

from __future__ import annotations

from dataclasses import replace

from nlu.kernel.gazetteer import Gazetteer, Place, haversine_km
from nlu.kernel.text import fold
from nlu.quarters import short_city_name

__all__ = ["weigh_quarters"]

_MAX_CANDIDATES = 8
_KIND_OF_QUARTER = 2  # a name the quarters of more cities share is a kind of quarter ("Neustadt", "Mitte")
# Only a large city's quarters are weighed so, and added beside the lookup's places: the table lists theirs nearly
# all, so a typical quarter's size is fair; of a smaller city it lists a few (Offenbach: 7), which would make each
# look far too large ("Waldheim" is the Saxon town, not a question about Offenbach's quarter)
_LARGE_CITY = 500_000


def weigh_quarters(
    written: str, places: tuple[Place, ...], gazetteer: Gazetteer, *, share: float, apart_km: float,
    guessed: bool = False,
) -> tuple[Place, ...]:
    """Returns the places a name written alone may mean, best first, with the quarters of that name the lookup
    left out. A place that weighs less than `share` of the heaviest is dropped; in between, the heaviest quarter
    is asked about after the lookup's choice. A name guessed from a typo (`guessed`) yields to the quarters called
    exactly so: "Südvorstadt" is no "Südstadt". Without a quarter of the name the places come back as they were."""
    named = gazetteer.quarters_named(written)
    if len(named) > _KIND_OF_QUARTER or (not named and not any(_is_quarter(p, gazetteer) for p in places)):
        return places
    present = {place.id for place in places} | {city.id for place in places if (city := gazetteer.city_of(place))}
    quarters = [(_with_city(quarter, city), gazetteer.quarter_size(quarter, city)) for quarter, city in named
                if quarter.id not in present and city.id not in present]
    weighed = [] if guessed else [(place, _weight(place, gazetteer)) for place in places]
    if weighed:  # beside a town only a large city's quarter weighs fairly; quarters alone are all asked about
        quarters = [(quarter, size) for quarter, size in quarters if _is_quarter(quarter, gazetteer)]
    options = [*weighed, *quarters]
    if not quarters and all(gazetteer.city_of(place) is not None for place in places):
        return places  # quarters of several cities, no town: the question stays as the lookup asks it
    if not options:
        return places
    heaviest = max(weight for _, weight in options)
    if weighed and weighed[0][1] >= share * heaviest:  # comparable or heavier: the choice stays, the rest is asked
        kept = [place for place, weight in options if weight >= share * heaviest or (place, weight) in weighed]
    else:  # one outweighs the lookup's choice: it is meant, and what is comparable to it is asked about
        kept = [place for place, weight in sorted(options, key=lambda option: -option[1])
                if weight >= share * heaviest]
    return tuple(_far_apart(kept, apart_km))


def _far_apart(places: list[Place], apart_km: float) -> list[Place]:
    """The places without one within `apart_km` of a place before it, at most _MAX_CANDIDATES."""
    kept: list[Place] = []
    for place in places:
        if all(haversine_km(place.lat, place.lon, other.lat, other.lon) > apart_km for other in kept):
            kept.append(place)
    return kept[:_MAX_CANDIDATES]


def _is_quarter(place: Place, gazetteer: Gazetteer) -> bool:
    """Tells whether a place is a large city's quarter, or such a city named as its quarter ("Bornheim
    (Frankfurt)")."""
    city = gazetteer.city_of(place) or gazetteer.get(place.id)
    return city.population >= _LARGE_CITY and (city.id != place.id or fold(city.name) != fold(place.name))


def _weight(place: Place, gazetteer: Gazetteer) -> int:
    """A town's population; a quarter's size (Gazetteer.quarter_size), also of a city named as its quarter
    ("Bornheim (Frankfurt)", nlu.quarters.quarter_of: the quarter table lacks it)."""
    city = gazetteer.city_of(place)
    if city is not None and city.population >= _LARGE_CITY:
        return gazetteer.quarter_size(place, city)
    own = gazetteer.get(place.id)
    if fold(own.name) != fold(place.name) and own.population >= _LARGE_CITY:
        return gazetteer.quarter_size(replace(place, population=0), own)
    return place.population  # a smaller city's quarter: its own count, as the lookup weighed it


def _with_city(quarter: Place, city: Place) -> Place:
    """The quarter under its name with its city ("Moosach (München)"): a town elsewhere bears the bare name."""
    return replace(quarter, name=f"{quarter.name} ({short_city_name(city)})")
