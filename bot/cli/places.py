"""`ehrenamt-bot places NAME|PLZ`: look places up in the German gazetteer (nlu.kernel.gazetteer)."""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import sys
from typing import TextIO

from nlu.kernel.gazetteer import Place, get_gazetteer

from nlu.kernel.text import fold
from nlu.lexicon import place_rules
from nlu.place_field import city_state, read_place_field, state_cities, whole_state
from nlu.quarters import quarter_of, shown_with_city

_COLUMNS = ("name", "state", "district", "population", "lat", "lon")
# "Lauterbach (Hessen)": a name with its state or district in brackets, as the suggestions print it
_QUALIFIED = re.compile(r"^(?P<name>.+?)\s*\((?P<qualifier>[^()]+)\)$")


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Adds the places command."""
    parser = subparsers.add_parser(
        "places", help="list the German places with a name (or the place of a postal code)",
        description="Lists the places called NAME, largest first, or the place of a 5-digit postal code. "
                    "Any case; umlauts optional (goerlitz = Görlitz).",
    )
    parser.add_argument("query", nargs="+", help='a place name ("Neustadt", "Frankfurt am Main") or a postal code')
    parser.add_argument("--json", action="store_true", help="print a JSON array of places")
    parser.add_argument("--limit", type=int, default=25, help="show at most this many places (default: 25)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Prints the matching places; exit code 1 with suggestions when nothing matches."""
    if args.limit < 1:  # none shown would read "no place called Kassel. Did you mean: Kassel (Hessen)?"
        raise SystemExit("--limit braucht mindestens 1 / needs at least 1")
    query = " ".join(args.query).strip()
    places = find_places(query)[: args.limit]
    if args.json:
        json.dump([dataclasses.asdict(place) for place in places], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print_table(places, sys.stdout)
    if not places:
        print(not_found_message(query), file=sys.stderr)
        return 1
    return 0


def find_places(query: str) -> list[Place]:
    """Returns the place of a postal code, or every place with exactly this name."""
    gazetteer = get_gazetteer()
    digits = query.replace(" ", "")  # "341 27"; "1067" from a spreadsheet that dropped the zero of 01067
    if digits.isdigit():
        code = gazetteer.read_postal_code(query)  # the reading chat, web and posting share ("1990" is a year)
        place = gazetteer.by_postal_code(code) if code else None
        return [place] if place else []
    places = [shown_with_city(place, gazetteer.city_of(place)) for place in gazetteer.lookup(query)]
    state = whole_state(query)
    if state is not None and not city_state(state):  # "Sachsen": the state's largest towns before the village
        # Sachsen bei Ansbach; Berlin, Hamburg and Bremen are the city itself, listed once
        cities = state_cities(state)
        return [*cities, *(place for place in places if all(place.id != city.id for city in cities))]
    city = place_rules().shared_quarters.get(fold(query))
    if city is not None:  # a quarter the quarter table lacks, as the chat offers it: "Bornheim (Frankfurt)"
        places = [*places, quarter_of(query, gazetteer.lookup(city)[0])]
    if not places:  # what the chat reads besides the gazetteer's names ("Wehlheiden", "Zwigge"), from places.toml
        # without the NLU pipeline, so that "places Kassel" and "places Xyzdorf" load no spaCy
        reading = read_place_field(query, parse=False)
        places = [] if reading.guessed else list(reading.places)
    qualified = _QUALIFIED.match(query)
    if places or not qualified:
        return places
    qualifier = qualified["qualifier"].strip().casefold()
    return [
        place for place in gazetteer.lookup(qualified["name"])
        if qualifier in (place.state.casefold(), place.state_code.casefold(), (place.district or "").casefold())
    ]


def not_found_message(query: str) -> str:
    """Says kindly that nothing matched and offers the closest names."""
    if query.replace(" ", "").isdigit():
        if len(query.replace(" ", "")) != 5:
            return f'"{query}" is no German postal code: they have 5 digits, e.g. 34117.'
        return f"No place known for the postal code {query}."
    reading = read_place_field(query, parse=False)  # near spellings, read without the NLU pipeline
    suggestions = list(reading.places) if reading.guessed else get_gazetteer().search(query, limit=5)
    if not suggestions:
        return f'No place called "{query}" found.'
    names = ", ".join(f"{place.name} ({place.state})" for place in suggestions)
    return f'No place called "{query}". Did you mean: {names}?'


def print_table(places: list[Place], out: TextIO) -> None:
    """Prints one aligned line per place, best first."""
    rows = [_cells(place) for place in places]
    if not rows:
        return
    widths = [max(len(row[i]) for row in rows) for i in range(len(_COLUMNS))]
    numeric = {3, 4, 5}  # population and coordinates align right
    for row in rows:
        cells = [cell.rjust(widths[i]) if i in numeric else cell.ljust(widths[i]) for i, cell in enumerate(row)]
        out.write("  ".join(cells).rstrip() + "\n")


def _cells(place: Place) -> list[str]:
    """Formats one place for the table."""
    name = f"{place.name} (PLZ {place.postal_code})" if place.postal_code else place.name
    return [name, place.state, place.district or "", f"{place.population:,}", f"{place.lat:.5f}", f"{place.lon:.5f}"]
