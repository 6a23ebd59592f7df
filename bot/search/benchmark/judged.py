"""Precision of the top five on judged sets: natural messages against the demo data, and natural requests
against real-style agency listings (tests/search/fixtures). Run: `python -m bot.search.benchmark.judged`.

Natural messages (tests/nlu/data/*.jsonl) carry what the writer meant: categories, exclusions, place, radius,
time. A result is relevant when it is in one of the meant categories and none of the excluded ones, lies
within the radius around the meant place (the asked one, or the default 15 km; "within reported radius"
also accepts what the search said it widened to) and fits the time or says nothing about it. The labels write the
evening and the weekend together only for a choice ("abends oder am Wochenende"): such a label admits either time,
as the search does for a choice the NLU reads (bot.search.time_wish); a label may say so itself ("time_either").

The agency sets (Hamburg, written by the team; Leipzig, written by an independent author) are judged by their own
labels: every listing names the topics it offers, every request the topics that answer it and where it means
(tests/search/fixtures/README.md).
"""

from __future__ import annotations

import argparse
import asyncio
import html
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from bot.domain import TimeTag
from bot.search import SearchOutcome, SearchRequest, VocabularyCache, search
from bot.search.model import Hit, PlaceRef, Refinement
from bot.search.time_wish import time_fits
from bot.store.db import Database
from bot.store.listings import opportunity_row, organisation_row
from bot.store.models import Opportunity, Organisation
from bot.store.scratch import scratch_sqlite
from nlu.api import categorize
from nlu.blind_sets import any_blind
from nlu.kernel.gazetteer import haversine_km

ROOT = Path(__file__).resolve().parents[3]
NATURAL_SETS = ("messages.jsonl", "dev_messages.jsonl", "heldout_b.jsonl", "heldout_c.jsonl", "heldout_d.jsonl")
FIXTURES = ROOT / "tests" / "search" / "fixtures"
AGENCY_LISTINGS = FIXTURES / "agency_listings.jsonl"
AGENCY_REQUESTS = FIXTURES / "agency_requests.jsonl"


@dataclass(frozen=True, slots=True)
class AgencySet:
    """A judged set of agency listings and requests for them, named for the command line."""

    listings: Path
    requests: Path


# "agency" is the Hamburg set's older name; Leipzig is the one written by an author who never saw the search
# (tests/search/fixtures/README.md).
AGENCY_SETS = {
    "hamburg": AgencySet(AGENCY_LISTINGS, AGENCY_REQUESTS),
    "agency": AgencySet(AGENCY_LISTINGS, AGENCY_REQUESTS),
    "leipzig": AgencySet(FIXTURES / "leipzig_listings.jsonl", FIXTURES / "leipzig_requests.jsonl"),
    # the held-out half of the Leipzig requests: scored only, its failures never listed (fixtures/README.md)
    "leipzig-blind": AgencySet(FIXTURES / "leipzig_listings.jsonl", FIXTURES / "leipzig_requests_blind.jsonl"),
    # Rhein-Main (thirteenth session, another independent author), split as Leipzig's
    "rheinmain": AgencySet(FIXTURES / "rheinmain_listings.jsonl", FIXTURES / "rheinmain_requests.jsonl"),
    "rheinmain-blind": AgencySet(FIXTURES / "rheinmain_listings.jsonl", FIXTURES / "rheinmain_requests_blind.jsonl"),
    # Sachsen (fourteenth session: Dresden, Chemnitz, Zwickau and towns around; another independent author)
    "sachsen": AgencySet(FIXTURES / "sachsen_listings.jsonl", FIXTURES / "sachsen_requests.jsonl"),
    "sachsen-blind": AgencySet(FIXTURES / "sachsen_listings.jsonl", FIXTURES / "sachsen_requests_blind.jsonl"),
    # North and Middle Hessen (fifteenth session: Kassel, Fulda, Marburg, Gießen and towns around; another author)
    "hessen": AgencySet(FIXTURES / "hessen_listings.jsonl", FIXTURES / "hessen_requests.jsonl"),
    "hessen-blind": AgencySet(FIXTURES / "hessen_listings.jsonl", FIXTURES / "hessen_requests_blind.jsonl"),
    # Berlin with Potsdam and towns around (sixteenth session: quarters, districts, nicknames; another author)
    "berlin": AgencySet(FIXTURES / "berlin_listings.jsonl", FIXTURES / "berlin_requests.jsonl"),
    "berlin-blind": AgencySet(FIXTURES / "berlin_listings.jsonl", FIXTURES / "berlin_requests_blind.jsonl"),
    # Köln, Bonn, Düsseldorf and towns around (seventeenth session: Veedel, Kölsch, quarters; another author)
    "koeln": AgencySet(FIXTURES / "koeln_listings.jsonl", FIXTURES / "koeln_requests.jsonl"),
    "koeln-blind": AgencySet(FIXTURES / "koeln_listings.jsonl", FIXTURES / "koeln_requests_blind.jsonl"),
    # Nürnberg, Fürth, Erlangen and towns around (eighteenth session: Franconian quarters and dialect; another author)
    "nuernberg": AgencySet(FIXTURES / "nuernberg_listings.jsonl", FIXTURES / "nuernberg_requests.jsonl"),
    "nuernberg-blind": AgencySet(FIXTURES / "nuernberg_listings.jsonl", FIXTURES / "nuernberg_requests_blind.jsonl"),
    "stuttgart": AgencySet(FIXTURES / "stuttgart_listings.jsonl", FIXTURES / "stuttgart_requests.jsonl"),
    "stuttgart-blind": AgencySet(FIXTURES / "stuttgart_listings.jsonl", FIXTURES / "stuttgart_requests_blind.jsonl"),
    # twentieth session: Dresden with East Saxony, and the Ruhr area (two more independent authors)
    "dresden": AgencySet(FIXTURES / "dresden_listings.jsonl", FIXTURES / "dresden_requests.jsonl"),
    "dresden-blind": AgencySet(FIXTURES / "dresden_listings.jsonl", FIXTURES / "dresden_requests_blind.jsonl"),
    "ruhr": AgencySet(FIXTURES / "ruhr_listings.jsonl", FIXTURES / "ruhr_requests.jsonl"),
    "ruhr-blind": AgencySet(FIXTURES / "ruhr_listings.jsonl", FIXTURES / "ruhr_requests_blind.jsonl"),
    # twenty-first session: München with Upper Bavaria (another independent author)
    "muenchen": AgencySet(FIXTURES / "muenchen_listings.jsonl", FIXTURES / "muenchen_requests.jsonl"),
    "muenchen-blind": AgencySet(FIXTURES / "muenchen_listings.jsonl", FIXTURES / "muenchen_requests_blind.jsonl"),
    # twenty-second session: Hannover with Lower Saxony (another independent author; the blind half is scored only)
    "hannover": AgencySet(FIXTURES / "hannover_listings.jsonl", FIXTURES / "hannover_requests.jsonl"),
    "hannover-blind": AgencySet(FIXTURES / "hannover_listings.jsonl", FIXTURES / "hannover_requests_blind.jsonl"),
    # twenty-third session: Thüringen (another independent author; the blind half is scored only)
    "thueringen": AgencySet(FIXTURES / "thueringen_listings.jsonl", FIXTURES / "thueringen_requests.jsonl"),
    "thueringen-blind": AgencySet(FIXTURES / "thueringen_listings.jsonl",
                                  FIXTURES / "thueringen_requests_blind.jsonl"),
}
DEFAULT_RADIUS_KM = 15.0
_TAG = re.compile(r"<[^>]+>")


@dataclass(slots=True)
class Score:
    """Precision of the top five over many requests, and the requests that found nothing."""

    name: str
    precisions: list[float] = field(default_factory=list)
    empty: list[str] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)  # answered with a question (which place?), not judged
    failures: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        """Returns the mean precision of the top five over requests with results."""
        return sum(self.precisions) / len(self.precisions) if self.precisions else 0.0

    def add(self, text: str, judged: Sequence[bool], titles: Sequence[str]) -> None:
        """Records one request's judged top five."""
        if not judged:
            self.empty.append(text)
            return
        self.precisions.append(sum(judged) / len(judged))
        if not all(judged):
            wrong = [title for title, good in zip(titles, judged) if not good]
            self.failures.append(f"{text!r}: {len(wrong)} of {len(judged)} off: {wrong}")

    def summary(self) -> str:
        """Returns 'name: P@5 0.953 over 153 requests, 0 empty'."""
        total = len(self.precisions) + len(self.empty)
        asked = f", {len(self.asked)} asked back which place" if self.asked else ""
        return f"{self.name}: P@5 {self.precision:.3f} over {total} requests, {len(self.empty)} empty{asked}"


# ---------------------------------------------------------------- natural messages against the demo data


def natural_messages(files: Iterable[Path]) -> list[dict[str, Any]]:
    """Reads labelled messages (one JSON object per line)."""
    messages = []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                messages.append(json.loads(line))
    return messages


def judge_natural(label: dict[str, Any], hit: Hit, reported_radius_km: float | None) -> bool:
    """Tells whether a result answers a labelled natural message (see the module docstring)."""
    wanted = set(label.get("categories") or ())
    if wanted and not wanted & set(hit.categories):
        return False
    if set(label.get("exclude_categories") or ()) & set(hit.categories):
        return False
    place = label.get("place")
    if place and not label.get("remote"):
        if hit.lat is None or hit.lon is None:
            return False
        radius = max(float(label.get("radius_km") or DEFAULT_RADIUS_KM), reported_radius_km or 0.0)
        if haversine_km(place["lat"], place["lon"], hit.lat, hit.lon) > radius + 0.05:
            return False
    asked = label.get("time") or ()
    return time_fits(asked, hit.time, either=labelled_choice(asked, label.get("time_either")))


# The labels' convention: the evening and the weekend, and neither daytime nor weekdays, are a choice.
_LABELLED_CHOICE = frozenset({TimeTag.EVENING.value, TimeTag.WEEKEND.value})
_WORKING_TIME = frozenset({TimeTag.WEEKDAY.value, TimeTag.DAYTIME.value})


def labelled_choice(time: Sequence[str], said: object) -> bool:
    """Tells whether a label's times are a choice: as it says, else by the labels' convention."""
    if isinstance(said, bool):
        return said
    return _LABELLED_CHOICE <= set(time) and not _WORKING_TIME & set(time)


async def score_natural(database: Database, messages: Sequence[dict[str, Any]], *, strict: bool) -> Score:
    """Runs each message through the search (the real NLU) and judges its top five."""
    score = Score("natural messages / demo data" + (" (asked radius)" if strict else " (reported radius)"))
    vocabularies = VocabularyCache(max_age=3600)
    for label in messages:
        if label.get("ambiguous") or not (label.get("categories") or label.get("place")):
            continue  # the bot asks back (which place? which interest?) instead of listing
        outcome = await _search(database, label["text"], vocabularies)
        if outcome.needs_place_choice:
            score.asked.append(label["text"])
            continue
        reported = None if strict else outcome.radius_km
        top = outcome.results[:5]
        score.add(label["text"], [judge_natural(label, hit, reported) for hit in top], [h.title for h in top])
    return score


# ---------------------------------------------------------------- agency listings


@dataclass(frozen=True, slots=True)
class AgencyRequest:
    """One judged request: the text, the topics that answer it, where it means and how far."""

    text: str
    topics: frozenset[str]
    lat: float | None
    lon: float | None
    radius_km: float


def agency_requests(path: Path = AGENCY_REQUESTS) -> list[AgencyRequest]:
    """Reads the judged requests."""
    requests = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            data = json.loads(line)
            place = data.get("place") or {}
            requests.append(AgencyRequest(data["text"], frozenset(data["topics"]), place.get("lat"),
                                          place.get("lon"), float(data.get("radius_km") or DEFAULT_RADIUS_KM)))
    return requests


async def load_agency_listings(
    database: Database, path: Path = AGENCY_LISTINGS, *, now: datetime, inferred: bool = False
) -> dict[int, dict[str, Any]]:
    """Stores the agency listings (one organisation each, as a feed gives them); returns them by id.

    `inferred`: the categories and time tags are the NLU's reading of title and description, as an import of an
    export without those columns stores them, instead of the file's labels.
    """
    stored: dict[int, dict[str, Any]] = {}
    organisations: dict[str, int] = {}
    async with database.unit_of_work() as session:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            listing = json.loads(line)
            name = listing["organisation"]
            if name not in organisations:
                result = await session.execute(
                    insert(Organisation).values(organisation_row({
                        "name": name, "contact_email": "kontakt@example.org", "website": "https://example.org",
                    })).returning(Organisation.id)
                )
                organisations[name] = int(result.scalar_one())
            categories, times = listing["categories"], listing.get("time_tags", [])
            if inferred:
                tags = categorize(listing["title"], listing["description"])
                categories, times = tags.categories, tags.time
            row = {
                "organisation_id": organisations[name],
                "title": listing["title"],
                "description": plain_text(listing["description"]),
                "categories": categories,
                "time_tags": times,
                "languages": listing.get("languages", []),
                "remote": _online(listing),
                "place_name": listing["place_name"],
                "lat": listing["lat"],
                "lon": listing["lon"],
                "status": "published",
                "published_at": now - timedelta(days=int(listing.get("age_days", 10))),
            }
            result = await session.execute(
                insert(Opportunity).values(opportunity_row(row, now=now)).returning(Opportunity.id))
            stored[int(result.scalar_one())] = listing
    return stored


def _online(listing: dict[str, Any]) -> bool:
    """Tells whether an agency listing is done from anywhere: said so, or an export's online offer without a point."""
    return bool(listing.get("remote", listing.get("lat") is None))


def plain_text(markup: str) -> str:
    """Returns an export's HTML description as the text an importer stores (tags out, entities decoded)."""
    return " ".join(html.unescape(_TAG.sub(" ", markup)).split())


def judge_agency(request: AgencyRequest, listing: dict[str, Any], reported_radius_km: float | None = None) -> bool:
    """Tells whether a listing answers a judged request: one of its topics, and within the radius (or the
    radius the search said it widened to)."""
    if not request.topics & set(listing["topics"]):
        return False
    if request.lat is None or request.lon is None or _online(listing):
        return True
    radius = max(request.radius_km, reported_radius_km or 0.0)
    return haversine_km(request.lat, request.lon, listing["lat"], listing["lon"]) <= radius + 0.05


async def score_agency(database: Database, listings: dict[int, dict[str, Any]],
                       requests: Sequence[AgencyRequest], *, strict: bool = True, name: str = "agency") -> Score:
    """Runs each judged request through the search (the real NLU) and judges its top five.

    A request the search answers with a question (which of two places?) is not judged: it is no list.
    """
    score = Score(f"{name} requests / {name} listings" + (" (asked radius)" if strict else " (reported radius)"))
    vocabularies = VocabularyCache(max_age=3600)
    for request in requests:
        outcome = await _search(database, request.text, vocabularies)
        if outcome.nowhere and request.lat is not None and request.lon is not None:
            # The text names no place ("Can I help at a food bank?"): the chat searches around the person's home
            # place (bot.conversation.searches), here the place the request means.
            home = PlaceRef("home", request.lat, request.lon)
            outcome = await _search(database, request.text, vocabularies, Refinement(place=home))
        if outcome.needs_place_choice or outcome.unknown_place:  # "Südstadt" alone: which city? (no empty answer)
            score.asked.append(request.text)
            continue
        reported = None if strict else outcome.radius_km
        top = outcome.results[:5]
        score.add(request.text, [judge_agency(request, listings[hit.id], reported) for hit in top],
                  [h.title for h in top])
    return score


async def _search(database: Database, text: str, vocabularies: VocabularyCache,
                  refinement: Refinement | None = None) -> SearchOutcome:
    """Runs one request as the chat does, in its own read-only session."""
    request = SearchRequest(text=text, refinement=refinement or Refinement())
    async with database.read_only() as session:
        return await search(session, request, vocabularies=vocabularies)


# ---------------------------------------------------------------- command line


async def _main(arguments: argparse.Namespace) -> None:
    now = datetime.now(timezone.utc)
    scores: list[Score] = []
    if arguments.set in ("natural", "both"):
        from bot.seed.writer import seed_demo

        files = [Path(f) for f in arguments.messages] or [ROOT / "tests" / "nlu" / "data" / n for n in NATURAL_SETS]
        async with scratch_sqlite(prefix="judged-demo") as database:
            await seed_demo(database)
            messages = natural_messages(files)
            scores += [await score_natural(database, messages, strict=True),
                       await score_natural(database, messages, strict=False)]
    named = "agency" if arguments.set == "both" else arguments.set
    agency = AGENCY_SETS.get(named)
    if agency is not None:
        async with scratch_sqlite(prefix="judged-agency") as database:
            listings = await load_agency_listings(database, Path(arguments.agency_listings or agency.listings),
                                                  now=now, inferred=arguments.inferred)
            requests = agency_requests(Path(arguments.agency_requests or agency.requests))
            scores += [await score_agency(database, listings, requests, strict=True, name=named),
                       await score_agency(database, listings, requests, strict=False, name=named)]
    for score in scores:
        print(score.summary())
        if arguments.failures:
            for line in [*score.failures, *(f"{text!r}: nothing" for text in score.empty)]:
                print("  " + line)


def main() -> None:
    """Prints P@5 and empty answers of the judged sets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("natural", *AGENCY_SETS, "both"), default="both",
                        help="natural messages, an agency set (agency is hamburg), or natural and hamburg")
    parser.add_argument("--messages", nargs="*", default=[], help="labelled message files (default: tests/nlu/data)")
    parser.add_argument("--failures", action="store_true", help="print the requests with an off result")
    parser.add_argument("--agency-listings", help="judged agency listings (JSON lines), instead of the set's")
    parser.add_argument("--agency-requests", help="judged requests for them, instead of the set's")
    parser.add_argument("--inferred", action="store_true",
                        help="categorise the agency listings with the NLU, as an import of an export without "
                             "category columns does, instead of using their labels")
    arguments = parser.parse_args()
    named = [arguments.set, arguments.agency_requests or "", *arguments.messages]
    if arguments.failures and any_blind(named):
        parser.error("a blind set is scored only; its failures are never listed (tests/search/fixtures/README.md)")
    asyncio.run(_main(arguments))


if __name__ == "__main__":
    main()
