"""How an ad reads: the card organisations see (also the person's preview), the list, the flow's questions."""

from __future__ import annotations

from datetime import datetime

from bot.ads.model import Ad
from bot.ads.personal_data import Finding, Kind
from bot.categories import categories
from bot.domain import AdStatus
from bot.local_days import days_left, local_date
from bot.telegram.formatting import esc, line
from bot.texts import language_list, t

# Literal catalogue keys, so the catalogue test sees each one used.
FOUND_LABELS: dict[Kind, str] = {
    Kind.PHONE: "ads.found_phone", Kind.EMAIL: "ads.found_email", Kind.HANDLE: "ads.found_handle",
    Kind.LINK: "ads.found_link",
}
STATUS_LABELS: dict[AdStatus, str] = {
    AdStatus.DRAFT: "ads.status_draft", AdStatus.PENDING: "ads.status_pending",
    AdStatus.PUBLISHED: "ads.status_published", AdStatus.PAUSED: "ads.status_paused",
    AdStatus.EXPIRED: "ads.status_expired", AdStatus.REJECTED: "ads.status_rejected",
    AdStatus.REMOVED: "ads.status_removed",
}


def card(ad: Ad, lang: str) -> str:
    """Returns exactly what organisations see of an ad: its words, what, where (town only), when, languages."""
    lines = [f"🙋 {esc(ad.text, 600)}"]
    names = category_names(ad.categories, lang)
    if names:
        lines.append(t(lang, "ads.card_categories", categories=names))
    if ad.place is not None:
        where = t(lang, "ads.card_place_travel", place=line(ad.place.name, 60), km=ad.travel_km) if ad.travel_km \
            else t(lang, "ads.card_place", place=line(ad.place.name, 60))
        lines.append(where)
    if ad.remote:  # "also online" beside a town; an ad without a town is online only
        lines.append(t(lang, "ads.card_online" if ad.place is not None else "ads.card_online_only"))
    if ad.time_tags:
        lines.append(t(lang, "ads.card_time", time=" · ".join(t(lang, f"listing.{tag}") for tag in ad.time_tags)))
    if ad.languages:
        lines.append(t(lang, "ads.card_languages",
                       languages=language_list(ad.languages, lang)))
    if ad.newcomer:
        lines.append(t(lang, "ads.card_newcomer"))
    return "\n".join(lines)


def category_names(keys: tuple[str, ...], lang: str) -> str:
    """Returns the categories' emoji and names in the reader's language."""
    table = categories()
    return ", ".join(f"{table[key].emoji} {table[key].de if lang == 'de' else table[key].en}"
                     for key in keys if key in table)


def findings_text(findings: tuple[Finding, ...], lang: str) -> str:
    """Says which contact details were found, each as written, so the person knows what to take out."""
    found = "\n".join(t(lang, FOUND_LABELS[finding.kind], text=line(finding.text, 60)) for finding in findings)
    return t(lang, "ads.personal_data", found=found)


def suggestions_text(ad: Ad, lang: str) -> str:
    """Shows what was understood, to confirm with the buttons."""
    understood = category_names(ad.categories, lang) or t(lang, "ads.nothing_understood")
    return t(lang, "ads.ask_confirm", text=esc(ad.text, 600), categories=understood)


def preview_text(ad: Ad, lang: str) -> str:
    """The preview: the card exactly as organisations will see it, and what they never see."""
    return t(lang, "ads.preview", card=card(ad, lang))


def list_text(ads: list[Ad], lang: str, *, now: datetime) -> str:
    """Lists the person's ads with their state and how long they run."""
    if not ads:
        return t(lang, "ads.none_yet")
    entries = []
    for number, ad in enumerate(ads, start=1):
        state = t(lang, STATUS_LABELS[ad.status])
        if ad.status is AdStatus.PUBLISHED and ad.expires_at is not None:
            days = days_left(ad.expires_at, now=now)
            state = t(lang, "ads.runs_until", date=local_date(ad.expires_at), days=days, count=days)
        entries.append(t(lang, "ads.entry", number=number, text=line(ad.text, 80), state=state))
    return t(lang, "ads.list", count=len(ads)) + "\n\n" + "\n".join(entries)
