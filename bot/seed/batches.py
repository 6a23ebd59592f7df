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

# Club offices (treasurer, board, press ...) an organisation type with a field lists besides its activities:
# about this many per listing (agencies show such offices at a few percent).
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
    for external_id, key in zip(ids, activities_for(rng, org.type, len(ids)), strict=True):
        where = org.site
        if elsewhere and rng.random() < elsewhere_share:
            where = rng.choices(elsewhere, weights=[s.population ** 0.8 for s in elsewhere])[0]
        listings.append(compose_listing(rng, corpus, org, corpus.activities[key], where, today=today,
                                        external_id=external_id, postal=postal, neighbours=elsewhere or ()))
    return listings


def offices_of(corpus: Corpus, org: DemoOrganisation, listings: list[Listing], *, today: date,
               postal: PostalCodes) -> list[Listing]:
    """Composes the club offices an organisation with a field lists besides `listings` (mostly none).

    Drawn from a generator of their own (seeded by the organisation's id and slug, both from the seed), so the
    other listings stay exactly as they were; their ids continue the organisation's numbering.
    """
    offices = corpus.offices
    if org.type.field is None or not offices:
        return []
    aside = random.Random(f"office:{org.slug}:{org.external_id}")
    count = sum(aside.random() < OFFICE_SHARE for _ in listings)
    keys = aside.sample(offices, k=min(count, len(offices)))
    return [compose_listing(aside, corpus, org, corpus.activities[key], org.site, today=today, postal=postal,
                            external_id=f"{org.external_id}-{len(listings) + number}")
            for number, key in enumerate(keys, start=1)]
