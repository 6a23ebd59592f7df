"""Saved searches and alerts: save a search, match newly published listings against all saved searches,
send each match once (immediately or in a daily digest).

The edge's flow: a listing is published -> alerts_for_published_listing (commit) -> send each AlertDue ->
mark_alerts_sent (commit). A daily job: due_digests -> send -> mark_alerts_sent, repeated until empty.
"""

from bot.alerts.criteria import AmbiguousPlace, EmptySearch
from bot.alerts.digests import Digest, DigestEntry, due_digests, mark_alerts_sent
from bot.alerts.matching import AlertDue, alerts_for_published_listing, anyone_watching, published_since
from bot.alerts.rules import listing_matches
from bot.alerts.saved import (
    MAX_SAVED_SEARCHES,
    SavedSearchLimit,
    count_saved_searches,
    criteria_of,
    list_saved_searches,
    save_search,
    stop_all_alerts,
    stop_saved_search,
)

__all__ = [
    "MAX_SAVED_SEARCHES",
    "AmbiguousPlace",
    "AlertDue",
    "anyone_watching",
    "published_since",
    "Digest",
    "DigestEntry",
    "EmptySearch",
    "SavedSearchLimit",
    "alerts_for_published_listing",
    "count_saved_searches",
    "criteria_of",
    "due_digests",
    "list_saved_searches",
    "listing_matches",
    "mark_alerts_sent",
    "save_search",
    "stop_all_alerts",
    "stop_saved_search",
]
