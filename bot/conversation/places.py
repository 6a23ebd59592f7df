"""Reading a place from a message: an answer to "Wo?" (name or postal code) or a shared location."""

from __future__ import annotations

from collections.abc import Callable

from nlu.kernel.text import fold
from nlu.kernel.gazetteer import Place, get_gazetteer
from nlu.kernel.geo import far_apart
from nlu.kernel.place_distances import SAME_TOWN_KM
from nlu.kernel.place_names import typed_place
from nlu.place_like import looks_like_place
from nlu.quarters import shown_with_city
from nlu.kernel.postal_codes import postal_code_in
from nlu.query import ParsedQuery
from nlu.word_lists import known_words

from bot.search.criteria import place_ref
from bot.search.model import PlaceRef
from nlu.place_field import quarter_alias, state_word
from bot.search.smalltalk import without_yes
from bot.search.understanding import parse_text

MAX_CANDIDATES = 6
_NAME_WORDS = 5  # "Höchst an der Nidder" is read by the parse; a name alone is up to three words
# Germany with a margin: a location far outside it cannot be searched around.
_LAT, _LON = (47.0, 55.2), (5.5, 15.5)


def place_answer(text: str, parse: Callable[[str], ParsedQuery] = parse_text) -> list[PlaceRef]:
    """Returns the place(s) a short answer names: one when clear, several when far apart, none if no place.

    A yes before the place is no part of it ("Ja, Baunatal", "yes, Potsdam", "Ja gerne in Baunatal"); four digits
    alone are a postal code whose leading zero was lost ("in 1067"). A postal code beside an interest ("in 34117 was
    mit Kindern") answers nothing: the message is a search of its own, as a town beside an interest is. `parse`:
    the caller's parser, so a message the caller searches is parsed once (bot.search.understanding.reusing).
    """
    gazetteer = get_gazetteer()
    name = typed_place(without_yes(text))
    code = postal_code_in(text, answer=True)  # "34127", "34 127"
    restored = gazetteer.read_postal_code(name)  # "1067": the zero a spreadsheet drops (01067 Dresden); "341 27"
    if code or restored:
        if code and parse(text).categories:
            return []
        place = gazetteer.by_postal_code(code.code if code else restored or "")
        return [as_ref(place)] if place else []
    if not name or len(name) > 80:
        return []
    if not gazetteer.lookup(name) and (quarter := quarter_alias(name)) is not None:  # "Wehlheiden": Kassel's
        return [as_ref(quarter)]
    if not gazetteer.lookup(name) and (in_state := _in_state(name)):  # "Leipzig in Sachsen": Leipzig, not the state
        return [as_ref(place) for place in far_apart(in_state, SAME_TOWN_KM)][:MAX_CANDIDATES]
    named = [shown_with_city(place, gazetteer.city_of(place)) for place in gazetteer.lookup(name)]
    return [as_ref(place) for place in far_apart(named, SAME_TOWN_KM)][:MAX_CANDIDATES]  # "Bilk (Düsseldorf)"


def _in_state(name: str) -> list[Place]:
    """Returns the places a name followed by its state names ("Leipzig in Sachsen", "Freiberg im Erzgebirge" is no
    state): those of that name in that state."""
    head, cue, tail = name.rpartition(" in ")
    state = state_word(fold(tail)) if cue and head else None
    return [place for place in get_gazetteer().lookup(head) if place.state == state] if state else []


def unknown_place_answer(text: str, parse: Callable[[str], ParsedQuery] = parse_text) -> str | None:
    """Returns the name, as written, of a place the gazetteer lacks that a short answer to "Wo soll ich suchen?"
    gives ("Großhinterwaldbach", "in Höchst an der Nidder"), else None.

    Call it only for a text that names no known place (place_answer gave none). A name of words no dictionary
    holds (beside ordinary ones: "Bad", "Ober-"), one of them ending as villages do ("-bach", "-dorf"), with nothing
    else asked (no interest, time, language or "online"), is a place to the person who was just asked where:
    searched as a word, it would find listings all over Germany sharing a few letters. Another unknown word
    ("Nähcafé", "Geocaching") is searched.
    """
    name = typed_place(without_yes(text))
    words = [fold(word) for word in name.replace("-", " ").split()]
    if not name or len(words) > _NAME_WORDS or not all(word.isalpha() for word in words) or all(
            word in known_words() for word in words):  # "weiter", "Klavier spielen": no parse, searched as ever
        return None
    parsed = parse(text)
    if parsed.categories or parsed.time or parsed.languages or parsed.remote or parsed.place is not None:
        return None
    if parsed.unknown_places:  # "in Höchst an der Nidder"
        return parsed.unknown_places[0]
    # Only a name ending as villages do ("-bach", "-dorf": nlu.place_like) is a place the gazetteer lacks; a word
    # such as "Arbeiterwohlfahrt", "Nähcafé" or "Geocaching" is an interest, searched as before.
    evidence = any(looks_like_place(word) for word in words)
    return name if evidence and parsed.keywords and len(words) <= _NAME_WORDS - 2 else None


def home_answer(text: str, parse: Callable[[str], ParsedQuery] = parse_text) -> PlaceRef | str | None:
    """Reads an answer to /standort's "Schreib mir deinen Ort" that names no place the gazetteer knows by that
    spelling (place_answer gave none): the place the chat reads a misspelt name as ("Kasssel": Kassel), or the
    postal code or name as written when no place has it ("99999", "Großhinterwaldbach"), else None (a message
    asking for something else: "Tiere in Kassel", "hilfe")."""
    code = postal_code_in(text, answer=True)
    parsed = parse(text)
    if code is not None and not parsed.categories:  # a code no place has ("99999"): not searched as a word
        return code.code
    if parsed.place is not None and not (parsed.categories or parsed.keywords or parsed.time or parsed.languages
                                         or parsed.remote or parsed.place_candidates):
        return place_ref(parsed.place)
    return unknown_place_answer(text, parse)


def shared_location(lat: float, lon: float) -> PlaceRef | None:
    """Returns a shared location named after the nearest place, or None outside Germany."""
    if not (_LAT[0] <= lat <= _LAT[1] and _LON[0] <= lon <= _LON[1]):
        return None
    nearest = get_gazetteer().nearest(lat, lon)
    return PlaceRef(name=nearest.name, lat=lat, lon=lon, state=nearest.state)


def as_ref(place: Place) -> PlaceRef:
    """Returns a gazetteer place as a search centre."""
    return PlaceRef(name=place.name, lat=place.lat, lon=place.lon, state=place.state, postal_code=place.postal_code)
