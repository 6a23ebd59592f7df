"""`ehrenamt-bot search`: the search use case on the command line, for people and (with --json) for tools."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable

from bot.ads.search import AdSearchOutcome, search_ads
from bot.categories import categories
from bot.cli.common import run_with_database
from bot.cli.errors import CommandError
from bot.cli.parsing import CommandParser
from bot.cli.lines import argument_text, input_lines, json_line, too_long, utf8_output
from bot.domain import MAX_QUERY_CHARS, TIME_BITS
from bot.search import PlaceRef, Refinement, SearchOutcome, SearchRequest, search
from bot.search.notes import (
    area_words, asked_time, outside_state_note, soft_time_notes, spoken_languages, unfound_notes,
)
from bot.search.place_doubts import is_city_part, largest_places, named_state
from bot.search.stock import Stock, stock_of, unstocked_key
from bot.settings import Settings
from bot.store.db import Database
from bot.texts import plain, t
from nlu.place_field import state_name


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Adds the search command."""
    parser = subparsers.add_parser(
        "search", help="find opportunities for a free-text request",
        description="Free text plus optional filters. With --json and '-', reads one request per stdin line and "
                    "writes one JSON object per line: {query, widened, results}. With --ads, the results are "
                    "volunteers' own ads (for organisations' tools), without any personal field.",
    )
    # nargs="+": "search Tierheim in Kassel" without quotes is one request, as parse reads it
    parser.add_argument("text", nargs="+",
                        help="what you are looking for, or '-' to read one request per line from stdin")
    parser.add_argument("--json", action="store_true", help="one JSON object per request")
    parser.add_argument("--ads", action="store_true",
                        help="search volunteers' own ads instead of listings (same output shape, no personal fields)")
    parser.add_argument("--limit", type=int, default=5, help="results per request (default 5)")
    parser.add_argument("--offset", type=int, default=0, help="skip this many results (paging)")
    parser.add_argument("--similar", action="store_true",
                        help="the related listings left out of the answer (those sharing only the category or a "
                             "weaker word of what the request names), as the chat's 'Ähnliche anzeigen'")
    parser.add_argument("--category", action="append", choices=list(categories()), help="wanted category (repeatable)")
    parser.add_argument("--exclude", action="append", choices=list(categories()), help="category never to show")
    parser.add_argument("--place", help="centre of the search: place name or postal code; a German state ('Sachsen', "
                                        "'ganz Sachsen', 'Bavaria') searches all of its listings, best matches "
                                        "first, without a radius (Berlin, Hamburg and Bremen are cities: "
                                        "'ganz Berlin' for the state)")
    parser.add_argument("--radius", type=float, help="radius in km (default from settings)")
    parser.add_argument("--time", action="append", choices=list(TIME_BITS), help="time tag (repeatable)")
    parser.add_argument("--language", action="append", help="ISO 639-1 code of a language spoken (repeatable)")
    parser.add_argument("--remote", action="store_true", default=None, help="only remote listings")
    parser.add_argument("--lang", choices=("de", "en", "auto"), default="auto",
                        help="language of the header, notes and why-texts (default: the language of each request)")
    parser.set_defaults(func=run)
    if isinstance(parser, CommandParser):  # "search Tierheim --limit 1 in Kassel" is "Tierheim in Kassel"
        parser.words_around_options = True


def run(args: argparse.Namespace) -> int:
    """Runs one request, or one per stdin line, and prints the outcomes (an error object for a too long line)."""
    if args.limit < 1 or args.offset < 0:  # were taken as 1 and as "from the first" without a word
        raise CommandError("--limit braucht mindestens 1, --offset mindestens 0 / --limit needs at least 1, "
                           "--offset at least 0")
    if "-" in args.text and args.text != ["-"]:
        raise CommandError("'-' reads one request per line from stdin: give it alone, without other words")
    texts: Iterable[str] = input_lines(sys.stdin) if args.text == ["-"] else [argument_text(args.text)]
    if args.text != ["-"] and not argument_text(args.text).strip() and refinement_from(args) == Refinement():
        # search "" would print "überall · 0 Treffer", as if nothing existed: the request is what is missing
        raise CommandError('nothing to search for: write what you are looking for, e.g. search "Tierheim in Kassel", '
                           "or give a filter such as --category or --place")
    utf8_output(sys.stdout)

    async def work(database: Database, settings: Settings) -> None:
        refinement = refinement_from(args)
        if refinement.whole_state is not None and args.radius is not None:  # no centre to measure it from
            said = "en" if args.lang == "en" else "de"
            sys.stderr.write(t(said, "cli_search.radius_whole_state", state=state_name(refinement.whole_state, said))
                             + "\n")
        for text in texts:
            if len(text) > MAX_QUERY_CHARS:
                refusal = too_long(text, MAX_QUERY_CHARS)
                sys.stdout.write(json_line(refusal) if args.json else f"{refusal['message']}\n")
                sys.stdout.flush()
                continue
            request = SearchRequest(text=text, refinement=refinement, limit=args.limit, offset=args.offset,
                                    lang=args.lang, similar=args.similar)
            async with database.read_only() as session:
                if args.ads:
                    ads = await search_ads(session, request, default_radius_km=settings.default_radius_km)
                else:
                    outcome = await search(session, request, default_radius_km=settings.default_radius_km)
                    # nothing published says why (a fresh install, or none now), as the chat does, not "nothing
                    # found" (asked only then)
                    stock = Stock.PUBLISHED if outcome.results or args.json else await stock_of(session)
            if args.json:
                sys.stdout.write(json_line(ads.to_dict() if args.ads else outcome.to_dict()))
            elif args.ads:
                sys.stdout.write(describe_ads(ads, offset=args.offset, lang=args.lang) + "\n")
            else:
                sys.stdout.write(describe(outcome, offset=args.offset, lang=args.lang, stock=stock) + "\n")
            sys.stdout.flush()

    run_with_database(work)
    return 0


def refinement_from(args: argparse.Namespace) -> Refinement:
    """Turns the command's filter options into a Refinement (unset options keep what the text says)."""
    blank = not (args.place and args.place.strip())  # a blank place is no place
    place, state = (None, None) if blank else _place(args.place, args.lang)
    return Refinement(
        categories=tuple(args.category) if args.category else None,
        exclude_categories=tuple(args.exclude) if args.exclude else None,
        place=place, whole_state=state,
        radius_km=args.radius,
        time=tuple(args.time) if args.time else None,
        languages=tuple(args.language) if args.language else None,
        remote=args.remote,
    )


def describe(outcome: SearchOutcome, *, offset: int = 0, lang: str = "de", stock: Stock = Stock.PUBLISHED) -> str:
    """Renders an outcome for a person reading a terminal (the notes in `lang`: "de", "en" or "auto", the
    request's language); when no listing is published at all (`stock`) it says why and how to fill the database,
    in place of the notes and "nothing found" that would blame the request."""
    lang = _reader_lang(outcome, lang)
    lines = [_header(outcome, lang)]
    if stock is not Stock.PUBLISHED and not outcome.results:  # the chat's words to an admin: whoever runs this
        lines.append(plain(t(lang, unstocked_key(stock, admin=True))))  # runs the database
        return "\n".join(lines)
    if outcome.needs_place_choice:
        lines.append(t(lang, "cli_search.which_place"))
        lines += [f"  - {p.name} ({state_name(p.state, lang) if p.state else '?'})" for p in outcome.place_candidates]
        return "\n".join(lines)
    lines += unfound_notes(outcome, lang)
    if "time" in outcome.not_applied:  # as the chat and the web pages say it
        lines.append(t(lang, "search.not_applied_time"))
    lines += soft_time_notes(outcome, lang)
    if outcome.showing_similar:
        lines.append(t(lang, "cli_search.similar_shown"))
    elif outcome.others:
        lines.append(t(lang, "cli_search.similar_left", count=outcome.others))
    if outcome.unknown_postal_code:
        lines.append(t(lang, "cli_search.unknown_postal_code", code=outcome.unknown_place))
    elif outcome.unknown_place:
        said = "cli_search.city_part" if is_city_part(outcome.unknown_place) else "cli_search.unknown_place"
        lines.append(t(lang, said, name=outcome.unknown_place))
    elif (outside := outside_state_note(outcome, lang)) is not None:  # nothing in all of Sachsen fits
        lines.append(outside)
    elif outcome.everywhere and (state := named_state(str((outcome.query or {}).get("text") or ""))) is not None:
        towns = ", ".join(town.name for town in largest_places(state, 3))  # "Tierheim in Sachsen", as the chat asks
        lines.append(t(lang, "cli_search.whole_state", state=state_name(state, lang), towns=towns))
    elif not outcome.results:
        lines.append(t(lang, "cli_search.none_found"))
    for number, hit in enumerate(outcome.results, start=offset + 1):
        lines.append(f"{number}. {hit.title} — {hit.organisation}")
        lines.append(f"   {hit.place or 'online'} · {hit.why} (Score {hit.score:.3f})")
        contact = " · ".join(str(v) for v in (hit.contact.name, hit.contact.phone, hit.contact.email, hit.contact.url)
                             if v)
        if contact:
            lines.append("   " + t(lang, "cli_search.contact", contact=contact))
    return "\n".join(lines)


def _reader_lang(outcome: SearchOutcome, lang: str) -> str:
    """Returns the language of the notes: the one asked for, or with "auto" the request's own."""
    if lang in ("de", "en"):
        return lang
    said = (outcome.query or {}).get("lang")
    return said if said in ("de", "en") else "de"


def describe_ads(found: AdSearchOutcome, *, offset: int = 0, lang: str = "de") -> str:
    """Renders found ads for a person reading a terminal (no way to reach the people: that is the bot's)."""
    outcome = found.outcome
    if outcome.needs_place_choice or outcome.unknown_place:
        return describe(outcome, offset=offset, lang=lang)
    lang = _reader_lang(outcome, lang)
    lines = [_header(outcome, lang)]
    if not found.results:
        lines.append(t(lang, "cli_search.no_ads_found"))
    for number, hit in enumerate(found.results, start=offset + 1):
        where = hit.place or "online"
        if hit.place and hit.travel_km:
            where = t(lang, "cli_search.travel", place=hit.place, km=hit.travel_km)
        lines.append(f"{number}. {hit.text}")
        lines.append(f"   {where} · {hit.why} (Score {hit.score:.3f})")
    return "\n".join(lines)


def _header(outcome: SearchOutcome, lang: str) -> str:
    """Says what was searched: categories, place and radius, time, the languages spoken, widening, and how many
    were found."""
    query = outcome.query
    table = categories()
    parts = [table[key].label(lang) for key in query.get("categories") or () if key in table]
    ruled_out = outcome.understood.ruled_out_places
    if ruled_out:
        parts.append(t(lang, "cli_search.without", places=", ".join(ruled_out)))
    if outcome.place is not None and outcome.radius_km is not None:
        parts.append(f"{outcome.place.name} + {outcome.radius_km:g} km")
    elif outcome.whole_state is not None:
        parts.append(t(lang, "cli_search.whole_state_header", state=state_name(outcome.whole_state, lang)))
    elif outcome.everywhere:
        parts.append(t(lang, "cli_search.everywhere"))
    if outcome.remote:
        parts.append("online")
    # the time asked for, as the chat's header says it ("am Wochenende"), in the tags' usual order
    asked = {str(tag) for tag in outcome.understood.time}
    parts += asked_time([t(lang, f"listing.{tag}") for tag in TIME_BITS if tag in asked], outcome, lang)
    parts += spoken_languages(outcome.understood.languages, lang,  # "auf Arabisch", as chat and web say
                              little_german=outcome.understood.little_german)
    if outcome.widened:
        steps = ", ".join(_widened_step(step, lang) for step in outcome.widened)
        parts.append(t(lang, "cli_search.widened", how=steps))
    parts.append(t(lang, "cli_search.total", count=outcome.total))
    return " · ".join(parts)


_WIDENED_STEPS = {"time": "cli_search.widened_time", "keywords": "cli_search.widened_keywords",
                  "everywhere": "cli_search.widened_everywhere", "nearest": "cli_search.widened_nearest",
                  "remote": "cli_search.widened_remote", "matching": "cli_search.widened_matching",
                  "titled": "cli_search.widened_titled", "titled_only": "cli_search.widened_titled_only",
                  "outside_state": "cli_search.widened_outside_state",
                  "wished_farther": "cli_search.widened_wished_farther"}


def _widened_step(step: str, lang: str) -> str:
    """One step of `widened` in words ("radius:30" -> "Umkreis 30 km"); the codes stay as they are in --json."""
    code, _, value = step.partition(":")
    if code == "radius" and value:
        return t(lang, "cli_search.widened_radius", km=value)
    if code == "area" and value:  # "area:0": the centre is a part of the city no place data outlines
        return t(lang, "cli_search.widened_area", area=area_words(value, lang))
    key = _WIDENED_STEPS.get(code)
    return t(lang, key) if key is not None else step


def _place(name: str, lang: str = "auto") -> tuple[PlaceRef | None, str | None]:
    """Reads a place name or postal code as the chat reads it (nlu.place_field): the place, or the state whose
    listings to search. A state named on the command line is all of it ("Sachsen", "ganz Sachsen"): no buttons
    offer its towns here, and a town is named as easily. A name it only guesses at, or one that exists far
    apart, is asked about, never searched somewhere else in silence."""
    from nlu.place_field import label, read_place_field

    reading = read_place_field(name)
    if reading.place is not None:
        place = reading.place
        return PlaceRef(place.name, place.lat, place.lon, place.state, place.postal_code), None
    if reading.state is not None:
        return None, reading.state
    choices = ", ".join(label(place) for place in reading.places)
    if reading.places and not reading.guessed:
        raise CommandError(_said(lang, "cli_search.place_several", name=name, choices=choices))
    if choices:
        raise CommandError(" / ".join(t(said, "cli_search.place_guess", choices=choices, said=t(
            said, "cli_search.place_not_found", name=name)) for said in _languages(lang)))
    raise CommandError(_said(lang, "cli_search.place_not_found", name=name))


def _languages(lang: str) -> tuple[str, ...]:
    """The languages an error of the command line is written in: the one asked for, else German and English."""
    return (lang,) if lang in ("de", "en") else ("de", "en")


def _said(lang: str, key: str, **values: object) -> str:
    """Returns a catalogue text in the languages of `lang` (both, German first, for "auto")."""
    return " / ".join(t(said, key, **values) for said in _languages(lang))
