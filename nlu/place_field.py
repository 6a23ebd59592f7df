"""One reading of a place typed into a field: CLI --place and `places`, the web's ort= (search and embed), the
place steps of posting a listing or an ad. It knows what the chat knows, because it is the chat's reading: the
NLU reads the name as it reads "in NAME" in a message (aliases such as "ffm" and "Zwigge", quarters with or without
their city, "Bornheim" asked between the town and Frankfurt's quarter), and a name it only guesses at
("Wehlheide", "Frankfrut") is offered, never searched somewhere else in silence. A whole state ("Sachsen") offers
its largest towns to choose from, as the chat asks where in a state a message names (five towns there too); "ganz
Sachsen" ("all of Saxony") is all of that state, searched by the listings' state column.

A name the gazetteer knows exactly is answered by the gazetteer: the town, or its namesakes far apart to choose
from ("Aken" is never searched in Aachen, though the NLU reads it so); the NLU reads only names it lacks."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from nlu.kernel.gazetteer import Place, get_gazetteer
from nlu.kernel.geo import far_apart
from nlu.kernel.place_distances import SAME_TOWN_KM
from nlu.kernel.place_names import typed_place
from nlu.kernel.text import WORD_TOKEN, fold
from nlu.lexicon import place_rules
from nlu.quarters import quarter_of, shown_with_city, split_city_and_quarter

MAX_GUESSES = 3
STATE_CITIES = 5  # a state named as the place offers this many of its largest cities
_STATE_CITY_MIN = 20_000
_MAX_LENGTH = 80
_QUALIFIER = re.compile(r"\s*\(.*\)$")


@dataclass(frozen=True, slots=True)
class FieldPlace:
    """What a place field names: one place, several to choose from, near misses, a whole state, or nothing."""

    places: tuple[Place, ...] = ()  # best first
    guessed: bool = False  # the places are near misses of a name no place bears: "Meintest du ...?"
    state: str | None = None  # a whole state was named: the places are its largest cities to choose from
    whole: bool = False  # all of the state was asked for ("ganz Sachsen"): its listings, no town to choose

    @property
    def whole_state(self) -> str | None:
        """The state whose listings to search ("ganz Sachsen"), else None."""
        return self.state if self.whole else None

    @property
    def place(self) -> Place | None:
        """The one place meant, or None when the person still has to choose (or nothing is known)."""
        return self.places[0] if len(self.places) == 1 and not self.guessed and self.state is None else None

    @property
    def unknown(self) -> bool:
        """Tells whether no place bears the name (near misses may still be offered)."""
        return (not self.places and not self.whole) or self.guessed


def read_place_field(text: str, *, parse: bool = True) -> FieldPlace:
    """Reads a place name or postal code typed into a field, as the chat reads it after "in".

    A name the gazetteer knows needs no NLU parse unless it has namesakes far apart (the chat's pick comes first);
    without `parse` (the `places` command, which loads no pipeline) a name it lacks is read by the alias table of
    places.toml only, and near spellings are offered."""
    written = typed_place(" ".join(text.split()))
    if not written or len(written) > _MAX_LENGTH:
        return FieldPlace()
    gazetteer = get_gazetteer()
    digits = written.replace(" ", "")
    if digits.isascii() and digits.isdigit():  # "341 27", "1067" (a lost zero; "1990" is a year): shared reading
        code = gazetteer.read_postal_code(written)
        found = gazetteer.by_postal_code(code) if code else None
        return FieldPlace((found,)) if found else FieldPlace()
    quarter = quarter_alias(written)
    if quarter is not None:  # "Wehlheiden", "Kassel-Wehlheiden": the chat searches the city; shown as the quarter
        return FieldPlace((quarter,))
    named = _with_cities(gazetteer.lookup(written))
    if not named and (in_city := gazetteer.quarter(written)) is not None:
        # "Hamburg Altona", "Altona (Hamburg)": the quarter table's own point
        return FieldPlace((shown_with_city(in_city, gazetteer.city_of(in_city)),))
    asked = all_of_state(written)  # "ganz Sachsen", "all of Saxony": the state's listings, no town to choose
    if asked is not None:
        return FieldPlace(state=asked, whole=True)
    state = whole_state(written)  # before the NLU, which reads "Baden-Württemberg" as Baden-Baden
    if state is not None and not city_state(state):  # Berlin, Hamburg and Bremen are places
        return FieldPlace(state_cities(state), state=state)
    if named:  # a name the gazetteer knows: the town, or its namesakes far apart to choose from ("Aken", "Halle")
        return _namesakes(written, named, parse=parse)
    if not parse:
        target = place_rules().aliases.get(fold(written))  # "Zwigge": the chat's alias, read without the pipeline
        if target is not None and (aliased := gazetteer.lookup(target)):
            return FieldPlace((aliased[0],))
        guesses = far_apart(_with_cities(gazetteer.search(written, limit=MAX_GUESSES)), SAME_TOWN_KM)
        return FieldPlace(tuple(guesses), guessed=bool(guesses))
    import nlu  # imported on first use: loading the pipelines takes a moment and the CLI's --help needs none

    parsed = nlu.parse(f"in {written}")  # what the chat reads besides the gazetteer's names ("ffm", "Frankfurt Oder")
    if parsed.place is not None and not parsed.place_uncertain:
        refs = parsed.place_candidates or (parsed.place,)
        places = [_as_place(ref.id, ref.name, ref.lat, ref.lon, ref.population) for ref in refs]
        return FieldPlace(tuple(places))
    guesses = list(far_apart(_with_cities(gazetteer.search(written, limit=MAX_GUESSES)), SAME_TOWN_KM))
    if parsed.place is not None:  # the chat's typo guess ("Frankfrut"), offered first
        guess = _as_place(parsed.place.id, parsed.place.name, parsed.place.lat, parsed.place.lon,
                          parsed.place.population)
        [guess] = _with_cities([guess])
        guesses = [guess, *(other for other in guesses if other.id != guess.id)][:MAX_GUESSES]
    return FieldPlace(tuple(guesses), guessed=bool(guesses))


def _with_cities(places: list[Place]) -> list[Place]:
    """Returns places with the quarters GeoNames lacks named with their city ("Bilk (Düsseldorf)")."""
    return [shown_with_city(place, get_gazetteer().city_of(place)) for place in places]


def _namesakes(written: str, named: list[Place], *, parse: bool) -> FieldPlace:
    """Returns the one town of a name the gazetteer knows, or its namesakes far apart (and a city's quarter of that
    name, "Bornheim (Frankfurt)") to choose from, the chat's pick first: a field names one place exactly, so "Aken"
    is never searched in Aachen and "Langen" in Lower Saxony is offered beside Langen (Hessen). Only a choice
    costs an NLU parse."""
    places = far_apart(named, SAME_TOWN_KM)
    city = place_rules().shared_quarters.get(fold(written))
    if city is not None:
        places.append(quarter_of(written, get_gazetteer().lookup(city)[0]))
    if len(places) == 1 or not parse:
        return FieldPlace(tuple(places))
    import nlu

    parsed = nlu.parse(f"in {written}")
    if parsed.place is not None:
        pick = next((place for place in places
                     if place.id == parsed.place.id and place.name == parsed.place.name), None)
        if pick is not None:
            places = [pick, *(place for place in places if place is not pick)]
    return FieldPlace(tuple(places))


def city_state(state: str) -> bool:
    """Tells whether a state is a city of the same name (Berlin, Hamburg, Bremen): named, it is that city."""
    cities = state_cities(state)
    return bool(cities) and fold(cities[0].name) == fold(state)


def whole_state(text: str) -> str | None:
    """Returns the state a text names by its own word ("Sachsen", "NRW", "Bavaria"), not by a part of it
    ("Vogtland", "Franken": places.toml state_parts), else None."""
    return state_word(fold(typed_place(" ".join(text.split()))))


def all_of_state(text: str) -> str | None:
    """Returns the state a text asks for all of ("ganz Sachsen", "all of Saxony": places.toml whole_state_cues
    before a state's own word), else None."""
    key = fold(typed_place(" ".join(text.split())))
    for cue in place_rules().whole_state_cues:  # longest first: "in ganz" before "ganz"
        if key.startswith(cue + " ") and (state := state_word(key[len(cue) + 1:])) is not None:
            return state
    return None


def all_of_germany(text: str) -> bool:
    """Tells whether a field names all of Germany ("ganz Deutschland", "bundesweit": places.toml whole_country)."""
    return " ".join(fold(typed_place(" ".join(text.split()))).split()) in place_rules().whole_country


def says_all_of_germany(text: str) -> bool:
    """Tells whether a message asks for all of Germany in so many words ("Tiere bundesweit", "in ganz Deutschland",
    "nationwide"): a phrase of places.toml whole_country, but not the country's bare name, which a field may be
    and a message says for other reasons ("neu in Deutschland"); the bare names are the last words of its longer
    phrases ("ganz Deutschland")."""
    tokens = fold(" ".join(WORD_TOKEN.findall(text))).split()
    written = " " + " ".join(tokens) + " "
    return any(f" {phrase} " in written for phrase in _country_phrases())


@functools.cache
def _country_phrases() -> tuple[str, ...]:
    """Returns the whole_country phrases a message may say all of Germany with (see says_all_of_germany)."""
    phrases = {" ".join(phrase.split()) for phrase in place_rules().whole_country}
    bare = {phrase.split()[-1] for phrase in phrases if " " in phrase}
    return tuple(sorted(phrase for phrase in phrases if phrase not in bare))


def state_word(key: str) -> str | None:
    """Returns the state a folded word or name names as a whole ("sachsen", "sachsen anhalt", "lower saxony"), not
    a part of it ("vogtland": places.toml state_parts), else None; a space and a hyphen are one."""
    rules = place_rules()
    key = "-".join(key.replace("-", " ").split())
    return rules.states[key] if key in rules.states and key not in rules.state_parts else None


def state_name(state: str, lang: str) -> str:
    """Returns a state's name as a reply in `lang` says it ("Saxony" in English; places.toml state_names_en)."""
    return place_rules().state_names_en.get(state, state) if lang == "en" else state


@functools.cache
def state_cities(state: str) -> tuple[Place, ...]:
    """Returns a state's largest towns (quarters and namesakes aside), largest first."""
    gazetteer = get_gazetteer()
    towns = sorted((place for place in gazetteer.places_of_at_least(_STATE_CITY_MIN)
                    if place.state == state and gazetteer.city_of(place) is None),
                   key=lambda place: (-place.population, place.name))
    cities: list[Place] = []
    for town in towns:  # "Halle-Neustadt" is a part of Halle (Saale), which comes first
        if not any(fold(town.name).startswith(fold(_QUALIFIER.sub("", city.name)) + "-") for city in cities):
            cities.append(town)
    return tuple(cities[:STATE_CITIES])


def quarter_alias(written: str) -> Place | None:
    """Returns a quarter the quarter table lacks, named alone or with its city, as its city's point under the
    quarter's name ("Wehlheiden (Kassel)"), else None."""
    rules = place_rules()
    gazetteer = get_gazetteer()
    key = fold(written)
    if key in rules.quarter_aliases:
        city = gazetteer.lookup(rules.aliases[key])[0]
        placed = gazetteer.quarter(written, city)  # quarter_points.toml gives many such quarters their own point
        return shown_with_city(placed, city) if placed is not None else quarter_of(written, city)
    for city_name, quarter_name in split_city_and_quarter(written):
        quarter_key = fold(quarter_name)
        target = rules.aliases.get(quarter_key) or rules.shared_quarters.get(quarter_key)
        if target is None or (quarter_key not in rules.quarter_aliases and quarter_key not in rules.shared_quarters):
            continue
        city = gazetteer.lookup(target)[0]
        written_city = gazetteer.lookup(rules.aliases.get(fold(city_name), city_name))
        if any(place.id == city.id for place in written_city):
            placed = gazetteer.quarter(quarter_name, city)
            return shown_with_city(placed, city) if placed is not None else quarter_of(quarter_name, city)
    return None


def _as_place(place_id: int, name: str, lat: float, lon: float, population: int) -> Place:
    """Returns the gazetteer place of an NLU place reference, under the name the NLU gives it ("Bornheim
    (Frankfurt)" for the city as its quarter)."""
    place = get_gazetteer().get(place_id)
    if name == place.name:
        return place
    return replace(place, name=name, lat=lat, lon=lon, population=population)


def label(place: Place) -> str:
    """Returns how a field's place is shown: its name, with its state when it is a town ("Weiden (Bayern)"), a
    quarter's name already holding its city."""
    return place.name if place.name.endswith(")") else f"{place.name} ({place.state})"
