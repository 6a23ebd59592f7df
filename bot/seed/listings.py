"""Demo opportunities: one activity of an organisation at a site, with time, place, flags and status."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from bot.domain import OpportunityStatus
from bot.seed import contacts
from bot.seed.corpus import Activity, Corpus
from bot.seed.organisations import DemoOrganisation
from bot.seed.schedule import plan_schedule
from bot.seed.sites import PostalCodes, Site, jitter, real_quarter
from bot.seed.texts import description, requirements, title

LISTING_TTL = timedelta(days=90)  # as the bot's default: a listing is shown for 90 days after publishing
PUBLISHED_WITHIN_DAYS = 80  # published_at is spread over the 80 days before the seed day
# A few listings in other states than published, so tests of "only published and fresh ones are shown" have
# data: shares of all listings (pending ones come from unverified organisations, see _status).
PAUSED_SHARE, EXPIRED_SHARE, OVERDUE_SHARE, PENDING_SHARE_UNVERIFIED = 0.012, 0.012, 0.006, 0.3


@dataclass(frozen=True, slots=True)
class Listing:
    """One generated opportunity: the organisation it belongs to (by external id) and its column values."""

    organisation_key: str
    values: dict[str, Any]


def compose_listing(rng: random.Random, corpus: Corpus, org: DemoOrganisation, activity: Activity, where: Site, *,
                    today: date, external_id: str, postal: PostalCodes, neighbours: Sequence[Site] = ()) -> Listing:
    """Composes one opportunity of an organisation; `today` anchors dates so the same day gives the same rows."""
    phrases = corpus.phrases
    remote = org.type.remote or rng.random() < activity.remote
    schedule = plan_schedule(rng, activity, today, phrases)
    context = {**org.context, "place": where.short}
    if where.big:
        # A quarter the city has (Darmstadt-Bessungen), never an invented one ("Darmstadt-Hafenviertel"); drawn from
        # the generic list either way, so the demo's stream of draws (and every other row) stays as it was.
        drawn = corpus.names["quarters"].index(rng.choice(corpus.names["quarters"]))
        context["quarter"] = real_quarter(where, drawn)
    languages = _languages(rng, activity)
    newcomer = rng.random() < activity.newcomer
    needs = requirements(rng, activity, phrases, context, org.register, languages=languages, newcomer=newcomer)
    text = description(rng, activity, schedule, rng.choice(activity.requirements) if activity.requirements else "",
                       context, phrases, org.register)
    values: dict[str, Any] = {
        "title": title(rng, activity, schedule, context, phrases["titles"], big_city=where.big),
        "description": text,
        "requirements": needs,
        "categories": _categories(rng, activity, org.type.field),
        "remote": remote,
        "time_tags": schedule.time_tags,
        "hours_per_month": schedule.hours_per_month,
        "start_date": schedule.start_date,
        "end_date": schedule.end_date,
        "languages": languages,
        "newcomer_friendly": newcomer,
        "source": org.row["source"],
        "external_id": external_id,
        **_place(rng, where, postal, neighbours, corpus.names["streets"], online_only=org.type.remote),
        **_accessibility(rng, activity, phrases, remote=remote),
        **_contact(rng, corpus, org),
        **_status(rng, org, today),
    }
    return Listing(org.external_id, values)


def _categories(rng: random.Random, activity: Activity, field: str | None) -> list[str]:
    """Returns the activity's categories (an office without any: the organisation's field) plus occasional extras."""
    extra = [key for key, share in activity.also if rng.random() < share]
    own = activity.categories or ((field,) if field else ())
    if not own:
        raise ValueError(f"office {activity.key!r} offered by an organisation without a field")
    return [*own, *extra]


def _languages(rng: random.Random, activity: Activity) -> list[str]:
    """Returns the languages (besides German) a listing asks for: none mostly, one to three for some."""
    if not activity.languages or rng.random() >= activity.language_share:
        return []
    count = min(len(activity.languages), rng.choice([1, 1, 2, 2, 3]))
    return rng.sample(activity.languages, k=count)


def _place(rng: random.Random, where: Site, postal: PostalCodes, neighbours: Sequence[Site],
           streets: Sequence[str], *, online_only: bool) -> dict[str, Any]:
    """Returns place columns: a point near the site, a street address and the nearest postal code."""
    if online_only:
        return {"place_name": None, "lat": None, "lon": None, "address": None, "postal_code": None,
                "state": None, "district": None}
    lat, lon = jitter(rng, where)
    return {
        "place_name": where.name,
        "lat": lat,
        "lon": lon,
        "address": f"{rng.choice(streets)} {min(rng.randint(1, 40), rng.randint(1, 140))}",
        "postal_code": postal.nearest(where, lat, lon, fallback=neighbours),
        "state": where.state,
        "district": where.district,
    }


def _accessibility(rng: random.Random, activity: Activity, phrases: dict[str, Any], *, remote: bool) -> dict[str, Any]:
    """Returns the accessible flag and, mostly when set, a note about access (work from home is accessible)."""
    if remote:
        return {"accessible": True, "accessibility_notes": phrases["accessibility"]["remote"]}
    accessible = rng.random() < activity.accessible
    notes = rng.choice(phrases["accessibility"]["notes"]) if accessible and rng.random() < 0.7 else None
    return {"accessible": accessible, "accessibility_notes": notes}


def _contact(rng: random.Random, corpus: Corpus, org: DemoOrganisation) -> dict[str, Any]:
    """Returns a contact person for the listing: the organisation's own or a coordinator for this task."""
    if rng.random() < 0.5:
        first, last = org.row["contact_name"].split(" ", 1)
    else:
        first, last = contacts.person(rng, corpus.names)
    email = contacts.person_email(first, last, org.slug) if rng.random() < 0.5 else org.row["contact_email"]
    return {
        "contact_name": f"{first} {last}",
        "contact_phone": contacts.mobile_phone(rng) if rng.random() < 0.5 else org.row["contact_phone"],
        "contact_email": email,
        "contact_url": org.row["website"],
    }


def _status(rng: random.Random, org: DemoOrganisation, today: date) -> dict[str, Any]:
    """Returns status and dates: mostly published within the last 80 days, a few paused, expired or pending."""
    midnight = datetime.combine(today, time(0, 0), tzinfo=timezone.utc)
    moment = timedelta(hours=rng.randint(7, 21), minutes=rng.randrange(60))
    if not org.row["verified"] and rng.random() < PENDING_SHARE_UNVERIFIED:
        created = midnight - timedelta(days=rng.randint(0, 6)) + moment
        return {"status": OpportunityStatus.PENDING.value, "published_at": None, "expires_at": None,
                "created_at": created, "updated_at": created}
    roll = rng.random()
    status = OpportunityStatus.PUBLISHED
    if roll < EXPIRED_SHARE:
        status, age = OpportunityStatus.EXPIRED, rng.randint(95, 200)
    elif roll < EXPIRED_SHARE + OVERDUE_SHARE:
        age = rng.randint(91, 99)  # still marked published, but past its expiry: the expiry job's work
    else:
        age = rng.randint(0, PUBLISHED_WITHIN_DAYS)
        if roll < EXPIRED_SHARE + OVERDUE_SHARE + PAUSED_SHARE:
            status = OpportunityStatus.PAUSED
    published = midnight - timedelta(days=age) + moment
    created = published - timedelta(days=rng.randint(0, 3), hours=rng.randint(0, 5))
    return {"status": status.value, "published_at": published, "expires_at": published + LISTING_TTL,
            "created_at": created, "updated_at": published}
