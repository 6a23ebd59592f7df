"""The NLU's entry points: parse a volunteer's message, categorize a listing."""

from __future__ import annotations

import html
from bisect import bisect_left
import re
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlu.components.time_choice import time_either
from nlu.dialect import dialect_index
from nlu.extensions import (
    INTERESTS, LANGUAGES, LITTLE_GERMAN, PLACES, PLACES_RULED_OUT, PLACES_UNKNOWN, RADIUS, REMOTE, TIMES, spans,
)
from nlu.kinds import narrows_only
from nlu.langid import detect_language
from nlu.learned.component import LEARNED
from nlu.lexicon import langid_content, time_rules
from nlu.listing_model.features import ListingFeatures
from nlu.listing_model.features import listing_features as listing_features_of
from nlu.listing_layout import ListingLayout, listing_layout, without_addresses
from nlu.listing_corners import without_corners
from nlu.listing_swimming import with_children_taught_to_swim
from nlu.listing_paperwork import without_paperwork_of_those_served
from nlu.listing_volunteers import without_volunteers
from nlu.listing_clock_times import single_clock_times
from nlu.listing_office_hours import without_office_hours
from nlu.listing_evidence import Evidence, category_scores, ranked_categories
from nlu.listings import listing_mentions
from nlu.pipeline import pipelines, rule_pipelines
from nlu.place_rules import place_rules
from nlu.quarters import shown_with_city
from nlu.query import TIME_SLOTS, ListingTags, ParsedQuery, PlaceRef
from nlu.kernel.taxonomy import category_keys
from nlu.kernel.gazetteer import get_gazetteer
from nlu.kernel.loaded import settle
from nlu.kernel.text import fold
from nlu.writer_query import writer_words

MAX_CHARS = 5000  # a Telegram message has at most 4,096; anything longer is cut, not refused
LISTING_MODE = "ehrenamt_listing"  # doc.user_data flag: a listing's text, not a person's self-description
_TAG = re.compile(r"<[^<>]{0,300}>")
# spaCy's tokenizer strips prefixes and suffixes off a space-free run one at a time, searching the rest each time:
# quadratic in the run's length (4,000 emoji took 6.8 s). No word, address or link a person writes is this long,
# so a longer run gets a space after every _LONG_RUN characters, which bounds the cost and changes no real word.
_LONG_RUN = 64
_SPACE_FREE_RUN = re.compile(r"\S{%d}(?=\S)" % _LONG_RUN)
_BLOCK_TAG = re.compile(r"<(?:/?(?:p|div|ul|ol|li|h[1-6]|tr|table|section)\b[^<>]{0,200}|br\s*/?)>", re.IGNORECASE)
_LISTING_WORD = re.compile(r"\w+(?:[-'’.]\w+)*|\S")
_LISTING_SOURCE = "ehrenamt_listing_source"  # doc.user_data: the cleaned text and each token's offset in it
# A listing's categories and times need only these; places, negation and keywords would cost most of the time
# on long agency texts (the import categorises hundreds of listings per second).
_LISTING_COMPONENTS = frozenset({"ehrenamt_interests", "ehrenamt_times"})


def load() -> None:
    """Builds both pipelines and the gazetteer now, so the first message is not slow.

    Afterwards the loaded objects are moved out of the garbage collector's view (nlu.kernel.loaded.settle): scanning
    the gazetteer's hundred thousand objects in a full collection otherwise stalls a message by 30-70 ms.
    """
    pipelines()
    langid_content()  # read on the first keyword-style message otherwise, which would then wait ~20 ms
    dialect_index()  # the towns' sound keys, built on the first unknown capitalised word otherwise (~0.1 s)
    settle()


def clean(text: str) -> str:
    """Removes HTML tags and entities, control characters and excess length; breaks up endless space-free runs."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    text = html.unescape(_TAG.sub(" ", text[: MAX_CHARS * 2]))
    if not text.replace("\n", "").replace("\t", "").replace(" ", "").isprintable():  # the slow path only when needed
        text = "".join(ch if ch in "\n\t" or unicodedata.category(ch)[0] != "C" else " " for ch in text)
    return _SPACE_FREE_RUN.sub(r"\g<0> ", text[:MAX_CHARS])


@contextmanager
def analysed(text: str, *, listing: bool = False, nlps: dict[str, Language] | None = None) -> Iterator[Doc]:
    """Runs the pipeline of the text's language over cleaned text and yields the Doc.

    The Doc is valid only inside the block: spaCy's memory zone forgets the words this text added to the
    vocabulary afterwards, so a bot that reads millions of messages does not grow without bound.
    """
    cleaned = clean(text)
    nlp = (nlps or pipelines())[detect_language(cleaned)]
    with nlp.memory_zone():
        doc = _listing_doc(nlp, cleaned) if listing else nlp.make_doc(cleaned)
        if listing:
            doc.user_data[LISTING_MODE] = True
        for name, component in nlp.pipeline:
            if not listing or name in _LISTING_COMPONENTS:
                doc = component(doc)
        yield doc


def _listing_doc(nlp: Language, text: str) -> Doc:
    """Splits a listing into words with one regular expression: spaCy's tokenizer costs ~4 ms on a long agency
    text, this ~1 ms, and word boundaries are all the interest and time matchers need."""
    words: list[str] = []
    spaces: list[bool] = []
    starts: list[int] = []
    for match in _LISTING_WORD.finditer(text):
        words.append(match.group())
        spaces.append(match.end() < len(text) and text[match.end()].isspace())
        starts.append(match.start())
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    # The Doc keeps one space between words, so line breaks (where section headings start) live only in the text.
    doc.user_data[_LISTING_SOURCE] = (text, tuple(starts))
    return doc


def parse(text: str) -> ParsedQuery:
    """Reads a volunteer's free-text message into slots (categories, place, radius, time, ...)."""
    with analysed(text) as doc:
        return _query(text, doc)


def parse_with_rules(text: str) -> ParsedQuery:
    """Reads a message as parse() does with the rules alone, without the trained category component: what the
    model learns from, and what tests guard so a rule regression is not hidden by the model."""
    with analysed(text, nlps=rule_pipelines()) as doc:
        return _query(text, doc)


def _query(text: str, doc: Doc) -> ParsedQuery:
    """Builds the typed query from an analysed Doc."""
    wanted, ruled_out = _interests(doc)
    place, candidates, uncertain = _place(doc)
    times, ruled_out_times = _times_ruled_out(doc)
    return ParsedQuery(
        text=text,
        lang=doc.lang_,
        categories=wanted,
        exclude_categories=ruled_out,
        place=place,
        place_candidates=candidates,
        place_uncertain=uncertain,
        radius_km=_radius(doc),
        time=times,
        languages=_languages(doc),
        remote=_remote(doc),
        keywords=tuple(doc._.keywords or ()),
        needs_little_german=bool(spans(doc, LITTLE_GERMAN)),
        ruled_out_places=_ruled_out_places(doc),
        writer_words=writer_words(doc),
        time_either=time_either(doc, times),
        unknown_places=_unknown_places(doc),
        ruled_out_time=ruled_out_times,
        time_soft=bool(times) and bool(doc._.time_soft),
    )


def categorize(title: str, description: str = "") -> ListingTags:
    """Suggests categories (most telling first) and time tags for a listing."""
    title = clean(title or "").strip()
    with analysed(_listing_text(title, description), listing=True) as doc:
        return _listing_tags(doc, len(title))


def _listing_text(title: str, description: str) -> str:
    """Joins a cleaned title and a raw description; block tags become line breaks, so section headings
    ("Über uns:", "Ihre Aufgaben:") start their lines."""
    return f"{title}.\n{without_addresses(_BLOCK_TAG.sub(chr(10), description or ''))}"


def categorize_many(listings: Iterable[tuple[str, str]], *, batch_size: int = 256) -> list[ListingTags]:
    """Categorizes many listings (title, description) as categorize() does, in the same order, faster.

    Each distinct text is analysed once; a batch shares one memory zone (its words enter the vocabulary
    once, not once per listing); only the listing components run.
    """
    pairs = list(listings)
    texts = {(clean(title or "").strip(), description or ""): None for title, description in pairs}
    distinct = list(texts)
    found: dict[tuple[str, str], ListingTags] = {}
    for start in range(0, len(distinct), batch_size):
        found.update(_categorize_batch(distinct[start : start + batch_size]))
    return [found[(clean(title or "").strip(), description or "")] for title, description in pairs]


def _categorize_batch(batch: list[tuple[str, str]]) -> dict[tuple[str, str], ListingTags]:
    """Analyses one batch per language as categorize() does, one memory zone per language."""
    by_language: dict[str, list[tuple[tuple[str, str], str]]] = {}
    for title, description in batch:
        cleaned = clean(_listing_text(title, description))
        by_language.setdefault(detect_language(cleaned), []).append(((title, description), cleaned))
    found = {}
    for lang, items in by_language.items():
        nlp = pipelines()[lang]
        components = [component for name, component in nlp.pipeline if name in _LISTING_COMPONENTS]
        with nlp.memory_zone():
            for key, cleaned in items:
                doc = _listing_doc(nlp, cleaned)
                doc.user_data[LISTING_MODE] = True
                for component in components:
                    doc = component(doc)
                found[key] = _listing_tags(doc, len(key[0]))
    return found


def listing_features(title: str, description: str = "") -> ListingFeatures:
    """Returns what the listing model sees of a listing (for training and tests)."""
    title = clean(title or "").strip()
    with analysed(_listing_text(title, description), listing=True) as doc:
        return _listing_evidence(doc, len(title))


def _listing_evidence(doc: Doc, title_length: int) -> ListingFeatures:
    """Returns the model's features of an analysed listing, the rules' decision among them."""
    scored = _listing_scored(doc, title_length)
    return listing_features_of(doc, *scored, category_keys())


ListingScored = tuple[list[Span], ListingLayout, tuple[int, ...], Evidence, list[str]]


def _listing_scored(doc: Doc, title_length: int) -> ListingScored:
    """Returns an analysed listing's mentions, layout, token starts, category scores and the categories kept."""
    text, starts = doc.user_data[_LISTING_SOURCE]
    layout = listing_layout(text, title_length)
    folded = fold(text)
    mentions = without_volunteers(listing_mentions(doc, bisect_left(starts, title_length), folded), layout, starts)
    mentions = without_paperwork_of_those_served(mentions, layout, starts)
    mentions = without_corners(mentions, layout, starts, folded)  # "die Kinderecke betreuen" at a women's café
    scores = category_scores(mentions, layout, starts)
    scores = with_children_taught_to_swim(doc, mentions, layout, starts, scores)  # "Anfängerschwimmkurse für Kinder"
    return mentions, layout, starts, scores, ranked_categories(scores, category_keys())


def _listing_tags(doc: Doc, title_length: int) -> ListingTags:
    """Returns a listing's categories and time tags: mentions in the title weigh most, those in the organisation
    blurb, the offer/wish sections, bracketed examples and catalogues of fields least; a category must reach a share
    of the best one."""
    kept = _listing_scored(doc, title_length)[-1]
    text, starts = doc.user_data[_LISTING_SOURCE]
    times = list(doc.spans.get(TIMES, ()))
    times += single_clock_times(doc, times)  # "Probe donnerstags um 19 Uhr": the evening
    doc.spans[TIMES] = without_office_hours(times, text, starts)
    return ListingTags(categories=kept, time=list(_times(doc)))


def _interests(doc: Doc) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Returns wanted and ruled-out categories; a category both wanted and ruled out counts as wanted."""
    wanted: dict[str, None] = {}
    ruled_out: dict[str, None] = {}
    for span in spans(doc, INTERESTS):
        if span._.neutral or (span._.negated and narrows_only(span, doc)):
            continue  # "ohne Hunde" rules out dogs, not animals: the search lowers the listings naming them
        (ruled_out if span._.negated else wanted)[span.label_] = None
    learned = doc._.get(LEARNED) if doc.has_extension(LEARNED) else None
    if learned:  # the trained component's revision of the rules' answer (nlu/learned)
        added, dropped = learned
        wanted = {key: None for key in wanted if key not in dropped} | dict.fromkeys(added)
    order = category_keys()
    keep = [key for key in order if key in wanted]
    drop = [key for key in order if key in ruled_out and key not in wanted]
    return tuple(keep), tuple(drop)


def _place(doc: Doc) -> tuple[PlaceRef | None, tuple[PlaceRef, ...], bool]:
    """Returns the chosen place, its candidates when ambiguous, and whether a typo was corrected."""
    found = spans(doc, PLACES)
    if not found:
        return None, (), False
    chosen = found[0]
    values = list(chosen._.value)
    if len(values) > 1:  # a question: quarters GeoNames lacks shown with their city ("Stammheim (Köln)")
        gazetteer = get_gazetteer()
        values = [shown_with_city(p, gazetteer.city_of(p)) for p in values]
    places = [PlaceRef.from_place(p) for p in values]
    return places[0], tuple(places) if len(places) > 1 else (), bool(chosen._.fuzzy)


def _ruled_out_places(doc: Doc) -> tuple[PlaceRef, ...]:
    """Returns the places the person rules out ("nicht in Kassel"), each once, in the order they were named."""
    found: dict[int, PlaceRef] = {}
    for span in spans(doc, PLACES_RULED_OUT):
        if span._.value:
            place = span._.value[0]
            found.setdefault(place.id, PlaceRef.from_place(place))
    return tuple(found.values())


def _unknown_places(doc: Doc) -> tuple[str, ...]:
    """Returns the places named that the gazetteer lacks, each once as written ("Höchst an der Nidder"); a state or
    region by its own word ("in Sachsen") names where, but no one place to ask about; nor does a span opening with
    a word of one or two letters ("in Z am WE"): an abbreviation or a licence plate's letters, not a village's name."""
    regions = place_rules().states
    found: dict[str, str] = {}
    for span in spans(doc, PLACES_UNKNOWN):
        if len(span[0].text) > 2 and not (len(span) == 1 and span[0].norm_ in regions):
            found.setdefault(fold(span.text), span.text)
    return tuple(found.values())


def _radius(doc: Doc) -> float | None:
    """Returns the radius in km, if one was stated."""
    found = spans(doc, RADIUS)
    return float(found[0]._.value) if found and found[0]._.value is not None else None


_PARTS_OF_DAY = frozenset({"daytime", "evening"})


def _times(doc: Doc) -> tuple[str, ...]:
    """Returns the time slots (_times_ruled_out)."""
    return _times_ruled_out(doc)[0]


def _times_ruled_out(doc: Doc) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Returns the time slots and those ruled out as a whole; a ruled-out slot turns into its opposite unless that
    was said anyway.

    A part of the day ruled out beside a wanted weekend ("tagsüber im Büro, aber samstags") is the working week's:
    the weekend says when, and the other part of the day is not implied."""
    rules = time_rules()
    opposites = rules.opposites
    wanted: set[str] = set()
    ruled_out: set[str] = set()
    whole: set[str] = set()  # slots ruled out as a whole, not one named day of them
    negated = [span for span in spans(doc, TIMES) if span._.negated and not span._.neutral]
    for span in spans(doc, TIMES):
        if not span._.neutral:
            (ruled_out if span._.negated else wanted).add(span.label_)
            if span._.negated and not (len(span) == 1 and span[0].norm_.startswith(rules.single_days)):
                whole.add(span.label_)
    if any(_frequency_of_a_ruled_out_day(span, negated) for span in negated):
        whole.discard("regular")  # "I go home every weekend": how often one is away, not how often one would help
    for slot in (ruled_out & whole) - wanted:
        opposite = opposites[slot]
        if slot in _PARTS_OF_DAY and "weekend" in wanted:
            continue
        if opposite not in ruled_out:
            wanted.add(opposite)
    return (tuple(slot for slot in TIME_SLOTS if slot in wanted),
            tuple(slot for slot in TIME_SLOTS if slot in (ruled_out & whole) - wanted))


def _frequency_of_a_ruled_out_day(span: Span, negated: list[Span]) -> bool:
    """Tells whether a ruled-out frequency holds a ruled-out day or week ("every weekend" one is away)."""
    return span.label_ == "regular" and any(
        other.label_ in ("weekday", "weekend") and span.start <= other.start and other.end <= span.end
        for other in negated
    )


def _languages(doc: Doc) -> tuple[str, ...]:
    """Returns the spoken languages besides German, in order of mention."""
    codes = [s.label_ for s in spans(doc, LANGUAGES) if s.label_ != "de" and not (s._.negated or s._.neutral)]
    return tuple(dict.fromkeys(codes))


def _remote(doc: Doc) -> bool:
    """Tells whether the person wants to help online or from home; "online oder vor Ort" leaves it open."""
    found = spans(doc, REMOTE)
    return any(s.label_ == "remote" and not s._.negated for s in found) and not any(
        s.label_ == "on_site" for s in found
    )
