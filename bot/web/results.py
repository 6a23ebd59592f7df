"""A search outcome as the pages show it: rows with links, notes in the chat's words, and paging."""

from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import quote

from bot.categories import categories
from bot.domain import TIME_BITS
from bot.links import LinkTooLong, carries_whole, deep_link, start_payload_for_search
from nlu.place_field import all_of_germany, state_name
from bot.search.model import Hit, Refinement
from bot.texts import t
from bot.web.finder import Found
from bot.web.query import RADIUS_CHOICES_KM, WebQuery
from bot.search.model import SearchOutcome
from bot.search.notes import similar_notes, unfound_notes
from bot.search.place_doubts import is_city_part
from bot.search.stock import Stock, unstocked_key
from bot.web.wording import category_labels, count_text, distance_text, summary, time_labels, widening_notes

EMBED_PATH = "/embed"  # the results embedded in another site: no search form around them


@dataclass(frozen=True, slots=True)
class ResultRow:
    """One found listing on a results page."""

    url: str
    title: str
    organisation: str
    place: str  # the place text as the search gives it, or the remote note
    distance: str
    time: tuple[str, ...]
    areas: str
    online: str = ""  # the remote note beside a place: the listing can also be done from home


@dataclass(frozen=True, slots=True)
class ResultsView:
    """Everything a results page or the embed shows below the form."""

    summary: str
    notes: tuple[str, ...]
    count: str
    rows: tuple[ResultRow, ...]
    previous_url: str | None
    next_url: str | None
    page: int
    pages: int
    first: int  # the number of the first row on this page
    nothing: bool
    # Nothing published anywhere: the catalogue key that says why (a fresh install, or none published now), said
    # instead of "nothing found"; empty when there are listings to find.
    no_listings: str = ""
    first_page_url: str | None = None  # a page past the last one (an old link, a typed number): where to go
    # The related listings left out of the answer (bot.search.tiers), or the way back from them to the answer.
    similar_url: str | None = None
    similar_label: str = ""


@dataclass(frozen=True, slots=True)
class Option:
    """One choice of a select field."""

    value: str
    label: str
    selected: bool


def as_answered(query: WebQuery, found: Found) -> WebQuery:
    """Returns the query as the page answered it: asked for the related listings where none were left out (an old
    or forged link), the answer was shown, and its links (pages, form, feed) go on in the answer."""
    if query.aehnliche and found.outcome is not None and not found.outcome.showing_similar:
        return replace(query, aehnliche=False)
    return query


def results_view(found: Found, query: WebQuery, *, lang: str, path: str, default_radius_km: float,
                 lang_param: str | None) -> ResultsView | None:
    """Returns the results part of a page, or None when nothing was searched."""
    outcome = found.outcome
    if outcome is None:
        return None
    origin = outcome.place.name if outcome.place is not None and not outcome.everywhere else None
    rows = tuple(_row(hit, lang, origin, lang_param) for hit in outcome.results)
    notes = [t(lang, key) for key in query.problems]
    if outcome.unread_words:  # "asdfgh qwertz": said, with examples, instead of listings that "roughly fit"
        notes.append(t(lang, "web.words_unread", words=" ".join(outcome.unread_words)))
    notes += widening_notes(outcome, asked_radius_km=query.umkreis or default_radius_km, lang=lang,
                            embedded=path == EMBED_PATH)
    notes += unfound_notes(outcome, lang)
    if found.place.unknown or outcome.unread_words or all_of_germany(query.ort):
        # the page says the place is unknown, or that it could not read the words and searched nothing: "you named
        # no place, so all of Germany" would contradict it
        notes = [note for note in notes if note != t(lang, "search.everywhere")]
    if found.text_state is not None and outcome.whole_state is not None and path != EMBED_PATH:
        # "Tierheim in Sachsen" named a place, only a large one: all of it, and its towns are offered above (the
        # embed, with no field, keeps its plain "all of Sachsen" note)
        state = state_name(outcome.whole_state, lang)
        said = t(lang, "web.whole_state", state=state)
        notes = [t(lang, "web.state_everywhere", state=state) if note == said else note for note in notes]
    # what the request itself holds that could not be used (an odd parameter, a place none is) is said even when
    # nothing is published
    told = [t(lang, key) for key in query.problems]
    if outcome.unknown_place and not found.place.unknown:  # the text named a place none is, as the chat says
        told.append(t(lang, "web.postal_code_unknown", code=outcome.unknown_place) if outcome.unknown_postal_code
                    else t(lang, "web.city_part" if is_city_part(outcome.unknown_place) else "web.place_unknown",
                           name=outcome.unknown_place))
        notes.append(told[-1])
    notes += similar_notes(outcome, lang)
    unstocked = found.stock is not Stock.PUBLISHED
    if unstocked:  # nothing anywhere: notes on widening, words or similar ones would blame the search, as would
        notes = told  # "nothing found"
    shown = len(rows)
    pages = found.pages
    similar_url, similar_label = _similar_link(outcome, query, path=path, lang=lang, lang_param=lang_param)
    return ResultsView(
        summary=summary(outcome, lang),
        notes=tuple(notes),
        count=count_text(outcome.total, found.offset, shown, lang) if shown else "",
        rows=rows,
        previous_url=query.url(path, seite=query.seite - 1 if query.seite > 2 else None, lang=lang_param)
        if query.seite > 1 else None,
        next_url=query.url(path, seite=query.seite + 1, lang=lang_param) if query.seite < pages else None,
        page=query.seite,
        pages=pages,
        first=found.offset + 1,
        # unread words or a place none is (in the text or the place field): the note asks again, no "nothing found"
        nothing=not rows and not outcome.unread_words and not outcome.unknown_place and not found.place.unknown
        and not unstocked,
        no_listings=unstocked_key(found.stock) if unstocked else "",
        first_page_url=query.url(path, seite=None, lang=lang_param) if not rows and outcome.total else None,
        similar_url=similar_url,
        similar_label=similar_label,
    )


def _similar_link(outcome: SearchOutcome, query: WebQuery, *, path: str, lang: str,
                  lang_param: str | None) -> tuple[str | None, str]:
    """Returns the link to the related listings the answer left out and its label, or back from them to the answer
    (each from its first page); none when the answer left nothing out."""
    if outcome.showing_similar:
        return query.url(path, seite=None, aehnliche=None, lang=lang_param), t(lang, "web.strong")
    if outcome.others:
        return (query.url(path, seite=None, aehnliche=1, lang=lang_param),
                t(lang, "web.similar", count=outcome.others))
    return None, ""


def area_options(query: WebQuery, lang: str) -> list[Option]:
    """Returns the taxonomy's areas for the form, the asked one selected."""
    return [Option(key, category.label(lang), key in query.bereich) for key, category in categories().items()]


def time_options(query: WebQuery, lang: str) -> list[Option]:
    """Returns the time tags for the form."""
    return [Option(tag, t(lang, f"listing.{tag}"), tag in query.zeit) for tag in TIME_BITS]


def radius_options(query: WebQuery, default_radius_km: float) -> list[Option]:
    """Returns the radius choices for the form, the asked (or default) one selected."""
    chosen = query.umkreis or default_radius_km
    values = sorted({*RADIUS_CHOICES_KM, int(chosen) if chosen == int(chosen) else chosen})
    return [Option(f"{value:g}", f"{value:g} km", value == chosen) for value in values]


def telegram_search(query: WebQuery, found: Found) -> tuple[str, Refinement]:
    """Returns the text and refinement of the search the page's "In Telegram öffnen" link runs in the bot."""
    place = found.outcome.place if found.outcome is not None else None
    # "Ganz Sachsen zeigen" pressed: the state, also when nothing in it fit and the rest of Germany's are shown
    asked = found.outcome.query.get("whole_state") if found.outcome is not None else None
    state = asked if isinstance(asked, str) else None
    refinement = Refinement(categories=query.bereich or None, place=place,
                            radius_km=query.umkreis if place is not None else None, time=query.zeit or None,
                            whole_state=state)
    text = query.text
    if place is None and state is None and found.place.state is not None:
        # "ort=Sachsen": the page asks which town in it; the chat asks the same for the state in the text, where
        # the bare words would be searched all over Germany (or around the saved place)
        text = " ".join([text, "in", state_name(found.place.state, "de")]).strip()
    return text, refinement


def telegram_search_link(bot_username: str, query: WebQuery, found: Found) -> str | None:
    """Returns a deep link that runs this search in the bot; None when its words do not survive the link's
    alphabet ("Arabisch عربي Flüchtlinge", "🐶🐱") and the search is to be stored (bot.links.search_payload); the
    bot's start when it does not fit in a link."""
    text, refinement = telegram_search(query, found)
    if text.strip() and not carries_whole(text):
        return None
    try:
        return deep_link(bot_username, start_payload_for_search(text, refinement))
    except (LinkTooLong, ValueError):
        return f"https://t.me/{bot_username}"


def _row(hit: Hit, lang: str, origin: str | None, lang_param: str | None) -> ResultRow:
    """Builds one result row; the link carries the search's place so the page can say how far it is."""
    params = "&".join(part for part in (f"ort={_quote(origin)}" if origin else "",
                                        f"lang={lang_param}" if lang_param else "") if part)
    return ResultRow(
        url=f"/angebote/{hit.id}" + (f"?{params}" if params else ""),
        title=hit.title,
        organisation=hit.organisation,
        place=hit.place or t(lang, "web.remote_short"),
        distance=distance_text(hit.distance_km, lang) if hit.place else "",
        time=tuple(time_labels(hit.time, lang)),
        areas=", ".join(category_labels(hit.categories, lang)),
        online=t(lang, "web.remote_short") if hit.remote and hit.place else "",
    )


def _quote(value: str) -> str:
    """URL-encodes a parameter value."""
    return quote(value, safe="")
