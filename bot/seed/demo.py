"""The demo data set: every district of Hessen and Sachsen, the large cities elsewhere, a few online offers.

Deterministic: the same seed and seed day give the same rows (random.Random per region, stable external ids
"demo-<region>-<n>" and "<organisation id>-<k>"). Dates are relative to the seed day (see bot.seed.listings).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from bot.seed.batches import SeedBatch, in_batches, listings_of, offices_of
from bot.seed.contacts import slugify
from bot.seed.corpus import Corpus, OrganisationType, load_corpus
from bot.seed.listings import Listing
from bot.seed.organisations import DemoOrganisation, compose_organisation, pick_type
from bot.seed.sites import PostalCodes, Site, city_site, district_sites, postal_codes, site
from nlu.kernel.gazetteer import get_gazetteer

DEMO_SOURCE = "demo"
DEMO_SEED = 2024
STARTING_STATES = ("05", "13")  # Hessen, Sachsen: every district gets organisations
STARTING_STATE_ORGANISATIONS = 720  # shared by the districts by population
MIN_ORGANISATIONS_PER_DISTRICT = 6
OTHER_CITIES = ("Berlin", "Hamburg", "München", "Köln", "Stuttgart", "Düsseldorf", "Nürnberg", "Hannover",
                "Bremen", "Dortmund", "Essen", "Mainz", "Erfurt", "Magdeburg")
OTHER_CITY_ORGANISATIONS = 200  # about as many per person as the large cities below
MIN_ORGANISATIONS_PER_CITY = 3
# Every other city of Germany ("Großstadt": 100,000 people or more) gets organisations too, from a budget of its
# own so that the regions above draw what they drew: people write from Münster, Rostock or Freiburg as well, and
# a big city's staples (its Tafel, fire brigade, animal shelter ...) come with it.
LARGE_CITY_POPULATION = 100_000
LARGE_CITY_ORGANISATIONS = 200
MIN_ORGANISATIONS_PER_LARGE_CITY = 2
ONLINE_ORGANISATIONS = 6  # their listings are remote and have no place
ELSEWHERE_SHARE = 0.15  # listings of a district's organisation held in another place of the district


@dataclass(frozen=True, slots=True)
class Region:
    """A district or city and how many demo organisations it gets."""

    key: str
    sites: list[Site]
    organisations: int
    spread: bool  # listings may lie in other places of the region
    online: bool = False


def demo_batches(*, today: date, seed: int = DEMO_SEED, batch_size: int = 1000,
                 only: Collection[str] | None = None) -> Iterator[SeedBatch]:
    """Yields the demo data set in batches of about `batch_size` listings (`only`: these region keys)."""
    return in_batches(demo_organisations(today=today, seed=seed, only=only), batch_size)


def demo_organisations(*, today: date, seed: int = DEMO_SEED,
                       only: Collection[str] | None = None) -> Iterator[tuple[DemoOrganisation, list[Listing]]]:
    """Yields every demo organisation with its listings, region by region (or only the regions named).

    Organisations are drawn by the types' weights; then every place big enough for a staple type (a Tafel, an
    animal shelter ...) that the draws gave none gets one, in the starting states' districts and in the large
    cities elsewhere alike (Hamburg has its Tafel too), composed with a random generator of its own so that the
    draws stay what they were.
    """
    corpus, postal = load_corpus(), postal_codes()
    used: set[str] = set()
    for region in regions():
        if only is not None and region.key not in only:
            continue
        rng = random.Random(f"{DEMO_SOURCE}:{seed}:{region.key}")
        present: set[tuple[int, str]] = set()
        for number in range(1, region.organisations + 1):
            where = rng.choices(region.sites, weights=[s.population ** 0.8 for s in region.sites])[0]
            types = corpus.organisation_types
            kind = types["online"] if region.online else pick_type(rng, types, where)
            present.add((where.place_id, kind.key))
            yield _with_listings(rng, corpus, kind, where, region, f"demo-{region.key}-{number:03d}", used,
                                 today=today, postal=postal)
        if region.online:
            continue
        staple_rng = random.Random(f"{DEMO_SOURCE}:{seed}:{region.key}:staples")
        missing = [(where, kind) for where, kind in _staples(region, corpus.organisation_types.values())
                   if (where.place_id, kind.key) not in present]
        for number, (where, kind) in enumerate(missing, start=1):
            yield _with_listings(staple_rng, corpus, kind, where, region, f"demo-{region.key}-s{number:02d}", used,
                                 today=today, postal=postal)


def _with_listings(rng: random.Random, corpus: Corpus, kind: OrganisationType, where: Site, region: Region,
                   external_id: str, used: set[str], *, today: date,
                   postal: PostalCodes) -> tuple[DemoOrganisation, list[Listing]]:
    """Composes one organisation and its listings (some in other places of a district)."""
    org = compose_organisation(rng, corpus, kind, where, source=DEMO_SOURCE, external_id=external_id,
                               unique=_unique(used))
    count = rng.randint(*kind.listings)
    ids = [f"{org.external_id}-{k}" for k in range(1, count + 1)]
    elsewhere = region.sites if region.spread else None
    listings = listings_of(rng, corpus, org, ids, today=today, postal=postal, elsewhere=elsewhere,
                           elsewhere_share=ELSEWHERE_SHARE)
    return org, listings + offices_of(corpus, org, listings, today=today, postal=postal)


def _staples(region: Region, types: Iterable[OrganisationType]) -> list[tuple[Site, OrganisationType]]:
    """Returns the organisations every place of the region has by its size (largest places first)."""
    staple_types = [kind for kind in types if kind.staple is not None]
    return [(site, kind) for site in sorted(region.sites, key=lambda site: -site.population)
            for kind in staple_types if site.population >= (kind.staple or 0)]


def regions() -> list[Region]:
    """Returns the demo's regions in a fixed order: districts of Hessen, of Sachsen, other cities, online, then
    the other large cities (added last, so the regions before them draw as they did)."""
    result = _district_regions()
    cities = [city_site(name) for name in OTHER_CITIES]
    total = sum(city.population for city in cities)
    for city in cities:
        share = max(MIN_ORGANISATIONS_PER_CITY, round(OTHER_CITY_ORGANISATIONS * city.population / total))
        result.append(Region(f"city-{slugify(city.short)}", [city], share, spread=False))
    result.append(Region("online", cities[:4], ONLINE_ORGANISATIONS, spread=False, online=True))
    result += _large_city_regions(exclude={city.place_id for city in cities})
    return result


def _large_city_regions(*, exclude: Collection[int]) -> list[Region]:
    """Gives every other German city of LARGE_CITY_POPULATION people outside the starting states organisations by
    population (a city's quarters, such as Hamburg-Altona, are not cities of their own), largest first."""
    gazetteer = get_gazetteer()
    cities = sorted((site(place) for place in gazetteer.places()
                     if (place.population or 0) >= LARGE_CITY_POPULATION and place.state_code not in STARTING_STATES
                     and place.id not in exclude and gazetteer.city_of(place) is None),
                    key=lambda city: (-city.population, city.name))
    total = sum(city.population for city in cities) or 1
    return [Region(f"city-{slugify(city.short)}", [city],
                   max(MIN_ORGANISATIONS_PER_LARGE_CITY, round(LARGE_CITY_ORGANISATIONS * city.population / total)),
                   spread=False)
            for city in cities]


def _district_regions() -> list[Region]:
    """Gives each district of the starting states organisations by population, never fewer than six."""
    districts = [(state, name, sites) for state in STARTING_STATES for name, sites in district_sites(state).items()]
    everyone = sum(s.population for _, _, sites in districts for s in sites)
    result = []
    for state, name, sites in districts:
        share = round(STARTING_STATE_ORGANISATIONS * sum(s.population for s in sites) / everyone)
        result.append(Region(f"{state}-{slugify(name)}", sites, max(MIN_ORGANISATIONS_PER_DISTRICT, share),
                             spread=True))
    return result


def _unique(used: set[str]) -> Callable[[str], str]:
    """Returns a function that makes slugs unique within one generation run ("tafel-kassel-2")."""

    def unique(slug: str) -> str:
        candidate, number = slug, 1
        while candidate in used:
            number += 1
            candidate = f"{slug}-{number}"
        used.add(candidate)
        return candidate

    return unique
