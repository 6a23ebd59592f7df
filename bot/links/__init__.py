"""Deep links into the bot (t.me/<bot>?start=...) for listings and prepared searches, and their QR codes."""

from bot.links.payload import (
    MAX_PAYLOAD,
    DeepLink,
    LinkTooLong,
    ListingLink,
    SearchLink,
    StoredSearchLink,
    carries_whole,
    decode_start_payload,
    link_text,
    start_payload_for_listing,
    start_payload_for_search,
)
from bot.links.qr import deep_link, write_qr_png
from bot.links.stored import resolve_start_payload, search_payload, stored_search_payload

__all__ = [
    "MAX_PAYLOAD",
    "DeepLink",
    "LinkTooLong",
    "ListingLink",
    "SearchLink",
    "StoredSearchLink",
    "carries_whole",
    "decode_start_payload",
    "link_text",
    "deep_link",
    "resolve_start_payload",
    "search_payload",
    "stored_search_payload",
    "start_payload_for_listing",
    "start_payload_for_search",
    "write_qr_png",
]
