"""Short lists: the Merkliste, saved searches, alerts and digests, settings."""

from __future__ import annotations

from collections.abc import Sequence

from bot.alerts import AlertDue, Digest, DigestEntry
from bot.categories import categories
from bot.search.criteria import Criteria
from bot.store.models import SavedSearch, Volunteer
from bot.telegram.search.render import place_line
from bot.telegram.formatting import join_lines, line
from bot.texts.catalogue import decimal
from bot.texts import t
from nlu.place_field import state_name
from bot.volunteers import FavouriteEntry, home_place

_QUERY_LIMIT = 80
SUMMARY_LIMIT = 150  # twenty saved searches (the most a person may keep) in one message
DIGEST_SHOWN = 8  # listings written out in a digest; the rest are counted (message length)


def entry_line(number: int, title: str, organisation: str, place: str | None, distance_km: float | None,
               lang: str, *, remote: bool = False) -> str:
    """Returns one listing as a compact list entry with its number, marked online when it can be done from home."""
    organisation_line = t(lang, "listing.organisation", organisation=line(organisation, 90))
    return join_lines([
        t(lang, "listing.title", number=number, title=line(title, 110)),
        f"{organisation_line} · {place_line(place, distance_km, lang, remote=remote)}",
    ])


def favourites_text(entries: Sequence[FavouriteEntry], *, offset: int, total: int, lang: str) -> str:
    """Returns one page of the Merkliste."""
    if not entries:
        return t(lang, "favourites.empty")
    blocks = [t(lang, "favourites.header", total=total)]
    for index, entry in enumerate(entries):
        block = entry_line(offset + index + 1, entry.title, entry.organisation, entry.place, None, lang,
                           remote=entry.remote)
        if not entry.active:
            block = f"{block}\n{t(lang, 'favourites.reviewing' if entry.revised else 'favourites.gone')}"
        blocks.append(block)
    return "\n\n".join(blocks)


def saved_search_summary(saved: SavedSearch, criteria: Criteria | None, lang: str) -> str:
    """Returns what a saved search looks for: 'Tiere · Kassel + 15 km · am Wochenende' (its text if no category).

    Built as plain text, then clipped and escaped as a whole, so twenty of them always fit one message.
    """
    table = categories()
    labels = [table[key].label(lang) for key in criteria.categories if key in table] if criteria else []
    parts = labels or [f"„{' '.join(saved.query_text.split())}“"]
    if criteria is not None:
        if criteria.remote:
            parts.append(t(lang, "search.summary_remote"))
        elif criteria.place is not None:
            parts.append(t(lang, "search.summary_place", place=criteria.place.name,
                           radius=decimal(criteria.radius_km, lang)))
        elif criteria.whole_state is not None:
            parts.append(t(lang, "search.summary_whole_state", state=state_name(criteria.whole_state, lang)))
        else:
            parts.append(t(lang, "search.summary_everywhere"))
        parts += [t(lang, f"listing.{tag}") for tag in criteria.time]
    return line(" · ".join(parts), SUMMARY_LIMIT)


def saved_searches_text(summaries: Sequence[tuple[str, str]], lang: str) -> str:
    """Returns the list of saved searches: (summary, mode) each."""
    if not summaries:
        return t(lang, "alerts.empty")
    items = [t(lang, "alerts.item", number=index + 1, summary=summary, mode=t(lang, f"alerts.mode_{mode}"))
             for index, (summary, mode) in enumerate(summaries)]
    return "\n".join([t(lang, "alerts.header"), "", *items])


def alert_text(alert: AlertDue) -> str:
    """Returns the message for one new listing that matches a saved search."""
    lang = alert.lang
    header = t(lang, "alerts.new_listing", summary=line(f"„{alert.query_text}“", _QUERY_LIMIT))
    entry = entry_line(1, alert.title, alert.organisation, alert.place, alert.distance_km, lang,
                       remote=alert.remote)
    return f"{header}\n\n{entry}"


def digest_text(digest: Digest) -> str:
    """Returns one person's daily digest, the listings grouped by the saved search they matched."""
    lang = digest.lang
    shown = digest_order(digest)
    blocks = [t(lang, "alerts.digest", count=len(digest.delivery_ids))]
    current = None
    for number, entry in enumerate(shown, start=1):
        if entry.saved_search_id != current:
            current = entry.saved_search_id
            blocks.append(t(lang, "alerts.digest_section", summary=line(f"„{entry.query_text}“", _QUERY_LIMIT)))
        blocks.append(entry_line(number, entry.title, entry.organisation, entry.place, entry.distance_km, lang,
                                  remote=entry.remote))
    hidden = len(digest.delivery_ids) - len(shown)
    if hidden:
        blocks.append(t(lang, "alerts.digest_more", count=hidden))
    return "\n\n".join(blocks)


def digest_order(digest: Digest) -> list[DigestEntry]:
    """Returns the listings a digest writes out, grouped by saved search (numbers and buttons follow this order)."""
    return sorted(digest.entries[:DIGEST_SHOWN], key=lambda entry: entry.saved_search_id)


def settings_text(volunteer: Volunteer, lang: str) -> str:
    """Returns the settings overview in `lang` (the conversation's language; the setting is one line of it)."""
    home = home_place(volunteer)
    return t(
        lang, "settings.text",
        language=t(lang, f"settings.language_{volunteer.language}"),
        alerts=t(lang, f"alerts.mode_{volunteer.alert_mode}"),
        announcements=t(lang, "settings.on" if volunteer.announcements else "settings.off"),
        home=line(home.name, 60) if home else t(lang, "settings.no_home"),
    )
