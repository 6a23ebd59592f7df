"""What the search engine searches: the organisations' listings, or volunteers' own ads.

Both corpora have the same search columns and the same kind of full-text index (migrations 0003 and 0011),
so one engine ranks them alike; each names its own table, index objects and the columns of a found page.
A search is of listings unless a caller passes ADS explicitly: the chat, the web pages, the feeds and the
alerts never do, so an ad structurally cannot reach volunteers (bot.ads.search is the one caller of ADS).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.store.models import Opportunity, VolunteerAd
from bot.store.types import UTCDateTime

_LISTING_PAGE = (
    "o.title, o.description, o.categories, o.place_name, o.lat, o.lon, o.time_tags, o.languages, o.remote, "
    "o.newcomer_friendly, o.place_precision, o.contact_name, o.contact_phone, o.contact_email, o.contact_url, "
    "g.name AS organisation, g.contact_name AS organisation_contact, g.contact_phone AS organisation_phone, "
    "g.contact_email AS organisation_email, g.website AS organisation_website"
)
# Nothing that names or reaches the person: not the volunteer id, not the timestamps of its edits.
_AD_PAGE = (
    "o.text, o.categories, o.place_name, o.lat, o.lon, o.time_tags, o.languages, o.remote, o.newcomer_friendly, "
    "o.place_precision, o.travel_km, o.published_at"
)


@dataclass(frozen=True, slots=True)
class Corpus:
    """The tables and index objects of one searchable collection (names are fixed words, never input)."""

    name: str
    table: str
    fts: str  # SQLite: the FTS5 table over the folded text (title column: the main text)
    fts_vocabulary: str  # SQLite: its fts5vocab table
    terms: str  # PostgreSQL: the table of words of published rows
    index_prefix: str  # covering indexes <prefix>_geo, _recent, _remote (SQLite hints)
    page_columns: str  # what a found page reads of the row `o` (and its joins)
    page_join: str  # joins the page needs beyond `o`
    column_types: dict[str, Any]  # result types of the page's JSON (and datetime) columns

    def index(self, kind: str) -> str:
        """Returns the name of one of the corpus's covering indexes (geo, recent, remote)."""
        return f"{self.index_prefix}_{kind}"


def _json_types(model: type[Opportunity] | type[VolunteerAd]) -> dict[str, Any]:
    """Returns the types of the JSON columns a page reads, so they come back as lists on both databases."""
    return {name: model.__table__.c[name].type for name in ("categories", "time_tags", "languages")}


LISTINGS = Corpus(
    name="listings",
    table="opportunities",
    fts="opportunity_search",
    fts_vocabulary="opportunity_search_vocabulary",
    terms="search_terms",
    index_prefix="ix_opportunities_search",
    page_columns=_LISTING_PAGE,
    page_join="JOIN organisations g ON g.id = o.organisation_id",
    column_types=_json_types(Opportunity),
)
ADS = Corpus(
    name="ads",
    table="volunteer_ads",
    fts="volunteer_ad_search",
    fts_vocabulary="volunteer_ad_search_vocabulary",
    terms="volunteer_ad_search_terms",
    index_prefix="ix_volunteer_ads_search",
    page_columns=_AD_PAGE,
    page_join="",
    column_types=_json_types(VolunteerAd) | {"published_at": UTCDateTime()},
)
