"""What the generators hand to the writer: organisations and their listings, a batch at a time."""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from bot.seed.corpus import Corpus, OrganisationType
from bot.seed.listings import Listing, compose_listing
from bot.seed.organisations import DemoOrganisation
from bot.seed.sites import PostalCodes, Site

# Share of an organisation's listings that are a club office instead (treasurer, board, press ...), for types
# with a field; agencies list such offices at a few percent.
OFFICE_SHARE = 0.045


@dataclass(slots=True)
class SeedBatch:
    """Organisation rows and the listings that belong to them; written in one unit of work."""

    organisations: list[dict[str, Any]] = field(default_factory=list)
    listings: list[Listing] = field(default_factory=list)


def in_batches(generated: Iterable[tuple[DemoOrganisation, list[Listing]]], size: int) -> Iterator[SeedBatch]:
    """Groups organisations with their listings into batches of about `size` listings."""
    batch = SeedBatch()
    for organisation, listings in generated:
        batch.organisations.append(organisation.row)
        batch.listings.extend(listings)
        if len(batch.listings) >= size:
            yield batch
            batch = SeedBatch()
    if batch.organisations:
        yield batch


def activities_for(rng: random.Random, kind: OrganisationType, count: int) -> list[str]:
    """Picks `count` activities of the type, all different while the type has enough."""
    chosen = rng.sample(kind.activities, k=min(count, len(kind.activities)))
    return chosen + [rng.choice(kind.activities) for _ in range(count - len(chosen))]


def listings_of(rng: random.Random, corpus: Corpus, org: DemoOrganisation, ids: list[str], *, today: date,
                postal: PostalCodes, elsewhere: list[Site] | None = None,
                elsewhere_share: float = 0.0) -> list[Listing]:
    """Composes an organisation's listings, a share of them at other places of its region."""
    listings = []
    keys = activities_for(rng, org.type, len(ids))
    for external_id, key in zip(ids, keys, strict=True):
        where = org.site
        if elsewhere and rng.random() < elsewhere_share:
            where = rng.choices(elsewhere, weights=[s.population ** 0.8 for s in elsewhere])[0]
        listing = compose_listing(rng, corpus, org, corpus.activities[key], where, today=today,
                                  external_id=external_id, postal=postal, neighbours=elsewhere or ())
        listings.append(_office_instead(corpus, org, listing, where, keys, today=today, postal=postal,
                                        neighbours=elsewhere or ()))
    return listings


def _office_instead(corpus: Corpus, org: DemoOrganisation, listing: Listing, where: Site, taken: list[str], *,
                    today: date, postal: PostalCodes, neighbours: list[Site] | tuple[()]) -> Listing:
    """Returns the listing, or now and then a club office of the organisation in its place.

    Drawn from a generator of its own (seeded by the organisation's slug and the listing's id, both from the
    seed), so every other listing stays exactly as it was.
    """
    offices = [key for key in corpus.offices if key not in taken]
    if org.type.field is None or not offices:
        return listing
    aside = random.Random(f"office:{org.slug}:{listing.values['external_id']}")
    if aside.random() >= OFFICE_SHARE:
        return listing
    office = corpus.activities[aside.choice(offices)]
    return compose_listing(aside, corpus, org, office, where, today=today, external_id=listing.values["external_id"],
                           postal=postal, neighbours=neighbours)
