"""Every content word of a request, for ranking: also the words the NLU turned into a category or a place.

The NLU's keywords are the words beyond the taxonomy ("Telefonseelsorge"); the words that named a category
("Feuerwehr", "Senioren", "Gitarre unterrichten") became filters and left the keywords. For ranking they
still count: "Freiwillige Feuerwehr" should bring up the listing titled so before the category's other rows,
and "Hausaufgaben für Kinder mit Migrationshintergrund" the rows naming that group. This module reads them
back from the text, without the words that said where, how far, what not, or only that someone wants to help.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import replace
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

from bot.search.areas import area_words, beside_city
from bot.search.criteria import MAX_KEYWORDS, Criteria
from bot.search.model import PlaceRef
from bot.search.english import german_words
from bot.search.separable import CLAUSE_TOKEN, split_verbs
from bot.search.vocabulary import STOP_WORDS
from nlu.kernel.gazetteer import Place, get_gazetteer, haversine_km
from nlu.kernel.place_distances import TOWN_BESIDE_KM
from nlu.lexicon import filler_words, known_words, langid_content, place_words, stopwords
from nlu.kernel.text import fold

FROM_HOME = Path(__file__).resolve().parents[2] / "data" / "search" / "from_home.toml"
# Words as written (before folding), and what ends a sentence: German writes nouns with a capital.
_WRITTEN = re.compile(r"[^\W_]+|[.!?:\n]")
_SENTENCE_ENDS = frozenset(".!?:\n")
_LETTERS = re.compile(r"[^\W_]+")
# A negation cue makes the words after it, up to the end of its clause, things not wanted ("ohne Kinder").
_NEGATION_CUES = frozenset(
    "kein keine keinen keinem keiner keines nicht nichts ohne ausser ausgenommen statt anstatt weder noch "
    "no not never without except excluding nor".split()
)
# "kein Problem", "nicht nur Tiere", "keine Erfahrung mit Kindern": a cue followed by these negates nothing.
_PSEUDO_NEGATED = frozenset("problem problemo erfahrung ahnung nur unbedingt so sehr mehr lange schlimm weit".split())
MAX_UNWANTED = 3
SHORT_NOUN = 2  # the length of an abbreviation that counts although content words have at least three letters
_CLAUSE_ENDS = frozenset(",.;:!?()") | {"aber", "sondern", "but", "dafuer", "lieber"}
NEGATION_SCOPE = 4
# Words of when: the listings' time tags rank them; as words they found descriptions that mention a weekday.
TIME_WORDS = frozenset(
    "wochenende wochenenden montag montags dienstag dienstags mittwoch mittwochs donnerstag donnerstags freitag "
    "freitags samstag samstags sonntag sonntags abend abends morgen morgens vormittag vormittags nachmittag "
    "nachmittags mittags tagsueber werktags wochentags feierabend regelmaessig einmalig ab und zu spontan "
    "flexibel unregelmaessig monat monatlich woechentlich taeglich nachts uhr".split()
)
# District areas of a city ("Hamburg Nord", "Frankfurt-Mitte") say where, not what.
AREA_WORDS = frozenset(
    "nord sued ost west mitte nordost nordwest suedost suedwest zentrum innenstadt stadtmitte north south east "
    "west centre center city".split()
)
# Words that usually only say "I want to volunteer", but name a thing before a noun ("Freiwillige Feuerwehr").
NAMING_WORDS = frozenset({"freiwillige", "freiwilligen"})
# A known word naming a town at least this big near the searched place is that town ("Marburg"), not an ordinary
# word that a village is called by ("Garten").
TOWN_POPULATION = 10_000
MAX_TOWNS_BESIDE = 2
# Nouns that say the place is an area ("Kreis Hersfeld-Rotenburg", "Raum Pirna"): no word of the wish.
PLACE_NOUNS = frozenset(
    "stadt stadtteil quartier ort gegend region raum kreis landkreis hansestadt umgebung bezirk".split()
)
# Filler the NLU's stop words leave in because they matter for its other components. "frei" is when the writer is
# free ("hab dienstags frei", "bin abends frei"), as "Zeit" is: no thing to look for. Ranked as a word, it named
# what was asked, so a request whose place has no listing writing "frei" widened to the three 50 km away that do.
_FILLER = PLACE_NOUNS | frozenset(
    "was etwas sowas bisschen paar leute gerne gern bitte hallo hi moin servus wochen woche stunden stunde zeit mal "
    "frei ding dinge sache sachen lust bock interesse fall".split()
)


def content_words(text: str, criteria: Criteria) -> tuple[str, ...]:
    """Returns the request's content words (folded), the NLU's keywords first, at most MAX_KEYWORDS.

    Left out: negated words, stop words and filler, words of time (the time tags rank those), numbers, and
    words naming the searched place or an area of it.
    """
    words = [*free_words(text, criteria), *german_words(text, phrases_only=criteria.lang == "de")]
    if criteria.lang != "de":
        # The listings are German: an English word found in them is mostly a false friend ("bank" in
        # "Online-Banking"); the German words for what the request names rank instead. Only a word English
        # alone has ("gardening", "clean-up": never a German word) and that carries content is a loan the
        # listings may write as it is ("Urban Gardening", "Clean-up im Park"); those rank too.
        return _distinct(words + [token for token in CLAUSE_TOKEN.findall(fold(text)) if _english_loan(token)])
    verbs = split_verbs(text)
    tokens = CLAUSE_TOKEN.findall(fold(text))
    short = abbreviations(text)
    # "im Leipziger Osten": a part of the searched city (bot.search.areas), said with the city's adjective.
    # The adjective only right before the part's word: "Leipziger Tafel im Leipziger Osten" keeps the Tafel's.
    where = area_words(text, criteria.place) if criteria.place is not None else frozenset()
    parts = beside_city(text, criteria.place) if where and criteria.place is not None else frozenset()
    for index, token, negated in _scoped(tokens):
        said_where = token in where and (
            token in parts or index + 1 < len(tokens) and tokens[index + 1] in parts
        )
        if negated or token in verbs.particles or said_where:
            continue
        token = verbs.joined.get(token, token)
        if criteria.remote and token in from_home_words():
            continue  # the wish to help from home, read already ("von zuhause"): no thing to look for
        if (is_content(token) or token in short) and not _names_place(token, criteria):
            words.append(token)
        elif token in NAMING_WORDS and index + 1 < len(tokens) and is_content(tokens[index + 1]):
            words.append(token)
    return _distinct(words)


def writer_free(text: str, criteria: Criteria) -> str:
    """Returns the text without the words it says only about the writer (Criteria.writer_words: "Ich bin 34,
    Tischler", "I speak English"): what is left says what they want. Each such word becomes a space."""
    if not criteria.writer_words:
        return text
    return _LETTERS.sub(lambda match: " " if fold(match.group()) in criteria.writer_words else match.group(), text)


def writer_content(text: str, criteria: Criteria) -> tuple[str, ...]:
    """Returns the content words among those said only about the writer (Criteria.writer_words), in the order the
    text has them, as content_words() reads them (an English message's in German: "German" of "I speak German" is
    "deutsch")."""
    if not criteria.writer_words:
        return ()
    said = " ".join(dict.fromkeys(word for word in CLAUSE_TOKEN.findall(fold(text)) if word in criteria.writer_words))
    return content_words(said, replace(criteria, keywords=()))


def _distinct(words: list[str]) -> tuple[str, ...]:
    """Returns the words without repeats, at most MAX_KEYWORDS."""
    return tuple(dict.fromkeys(words))[:MAX_KEYWORDS]


def manner_words(text: str, criteria: Criteria) -> frozenset[str]:
    """Returns the folded words a German request writes in lower case while it writes its nouns with a capital.

    Such words are verbs and adjectives ("Gitarre unterrichten", "Lebensmittel ausgeben", "Sport mit älteren
    Menschen"): they say how, while the nouns say what. Matched in a title ("Deutsch unterrichten",
    "Kleiderkammer: Sortieren und Ausgeben") they put another subject first. A request written all in lower
    case (or whose only capitals start a sentence or name the place) tells nothing: then no word is one.
    """
    if criteria.lang != "de":
        return frozenset()
    lower: set[str] = set()
    joined = split_verbs(text).joined  # "lese ... vor" is ranked as vorlesen: a verb like the form it replaces
    capitals = False
    opening = False  # a sentence opens with a capitalised content word ("Gitarre unterrichten")
    starts_sentence = True
    for token in _WRITTEN.findall(text):
        if token in _SENTENCE_ENDS:
            starts_sentence = True
            continue
        folded = fold(token)
        if token[0].islower():
            lower.add(joined.get(folded, folded))
        elif token[0].isupper():
            telling = not (_names_place(folded, criteria) or folded in _stop_words())
            if starts_sentence:
                opening = opening or (telling and is_content(folded))
            else:
                capitals = capitals or telling
        starts_sentence = False
    # A capital opening a sentence tells something only beside a lower-case content word: the writer wrote
    # that one small ("Gitarre unterrichten"), so lower case is how they write verbs, not all their words.
    capitals = capitals or (opening and any(is_content(word) for word in lower))
    return frozenset(lower) if capitals else frozenset()


def unwanted_words(text: str, criteria: Criteria) -> tuple[str, ...]:
    """Returns the content words a request negates ("Tierheim, aber nicht mit Katzen": katzen); an English one's
    as the German words the listings use ("no dogs": hunde).

    The NLU excludes negated categories; a negated word beyond them ("Katzen", "Müllsammeln", a kind within a field
    the NLU leaves the field to: "ohne Hunde") lowers the listings holding it instead of dropping them.
    """
    if criteria.lang not in ("de", "en"):
        return ()
    tokens = CLAUSE_TOKEN.findall(fold(text))
    found = [token for _, token, negated in _scoped(tokens)
             if negated and len(token) >= 4 and is_content(token) and not _names_place(token, criteria)]
    if criteria.lang == "en":  # only what the glossary knows: an English word stands in no German listing
        found = [german for token in found for german in german_words(token)]
    return tuple(dict.fromkeys(found))[:MAX_UNWANTED]


def _scoped(tokens: list[str]) -> Iterator[tuple[int, str, bool]]:
    """Yields (position, token, negated) for the words of a text (cues and clause ends left out).

    A cue negates up to NEGATION_SCOPE words up to its clause's end, unless a pseudo-negation follows
    it ("kein Problem", "nicht nur", "keine Erfahrung mit Kindern").
    """
    negated = 0
    for index, token in enumerate(tokens):
        if token in _CLAUSE_ENDS:
            negated = 0
        elif token in _NEGATION_CUES:
            following = tokens[index + 1] if index + 1 < len(tokens) else ""
            negated = 0 if following in _PSEUDO_NEGATED else NEGATION_SCOPE
        elif negated:
            negated -= 1
            yield index, token, True
        else:
            yield index, token, False


def free_words(text: str, criteria: Criteria) -> tuple[str, ...]:
    """Returns the NLU's free words as the search ranks by them: without those naming an area of the searched
    place (place_free), a German split verb joined ("lese ... vor": vorlesen, bot.search.separable), and
    a joined verb that only says "take part" (mitmachen) left out."""
    words = place_free(criteria)
    if criteria.remote:
        words = tuple(word for word in words if word not in from_home_words())
    if criteria.lang != "de":
        return words
    verbs = split_verbs(text)
    if not verbs.joined:
        return words
    return tuple(word for word in verbs.replace(words) if word not in verbs.joined.values() or is_content(word))


def place_free(criteria: Criteria) -> tuple[str, ...]:
    """Returns the NLU's free words without those naming an area of the searched place.

    "Hamburg Nord" is Hamburg's district, not a listing holding the word "Nord": searched around the city
    (its radius covers the district), the word would only filter out listings that do not repeat it.
    """
    if criteria.place is None:
        return criteria.keywords
    return tuple(word for word in criteria.keywords
                 if word not in AREA_WORDS and word not in PLACE_NOUNS and not _names_place(word, criteria))


def _english_loan(token: str) -> bool:
    """Tells whether a folded word is English only (no German word, no filler) and could name what is asked."""
    content = langid_content()
    return token in content["en"] and token not in content["de"] and token not in filler_words() and is_content(token)


@cache
def from_home_words() -> frozenset[str]:
    """Returns the words that say one helps from home (data/search/from_home.toml), folded."""
    with FROM_HOME.open("rb") as handle:
        return frozenset(fold(word) for word in tomllib.load(handle)["words"])


def abbreviations(text: str) -> frozenset[str]:
    """Returns the two-letter words the text writes in capitals ("am PC", "IT-Hilfe", "KI"), folded: an
    abbreviation names a thing as a longer noun does, while other two-letter words are particles ("zu", "am")."""
    return frozenset(fold(word) for word in _LETTERS.findall(text)
                     if len(word) == SHORT_NOUN and word.isupper() and word.isalpha() and fold(word) not in STOP_WORDS)


def is_content(token: str) -> bool:
    """Tells whether a folded token could say what someone wants to do."""
    return (
        len(token) >= 3 and not token.isdigit() and token not in STOP_WORDS and token not in _FILLER
        and token not in TIME_WORDS
        and token not in AREA_WORDS and token not in _stop_words()
    )


def _names_place(token: str, criteria: Criteria) -> bool:
    """Tells whether a token is (part of) the searched place's name or another name of it."""
    if criteria.place is None:
        return False
    if token in _name_tokens(criteria.place.name, *(c.name for c in criteria.place_candidates)):
        return True
    if token in _city_tokens(criteria.place.name, criteria.place.lat, criteria.place.lon):
        return True  # "Hamburg" of "Hamburg Hamm", searched around the quarter
    if token in known_words():
        return _town_beside(token, criteria)
    return bool(_nearby(token, criteria.place))


def towns_beside(text: str, criteria: Criteria) -> tuple[str, ...]:
    """Returns the folded names of towns a German request names beside the searched place ("Ausflüge nach Weimar
    ..., Erfurt", "zwischen Gießen und Marburg"): no words of the wish, yet a listing naming one is likely near where
    the person means, so they may order the results (never counted as naming what was asked)."""
    if criteria.place is None or criteria.lang != "de":
        return ()
    found = [token for _, token, negated in _scoped(CLAUSE_TOKEN.findall(fold(text)))
             if not negated and is_content(token) and token in known_words() and _town_beside(token, criteria)
             and token not in _name_tokens(criteria.place.name, *(c.name for c in criteria.place_candidates))
             and token not in _city_tokens(criteria.place.name, criteria.place.lat, criteria.place.lon)]
    return tuple(dict.fromkeys(found))[:MAX_TOWNS_BESIDE]


def _town_beside(token: str, criteria: Criteria) -> bool:
    """Tells whether a known word names a town near the searched place: an ordinary word ("Garten", "Kirche") is
    what was asked, even if a village is called so; a town's name is known too ("Marburg" of "zwischen Gießen und
    Marburg", "Görlitz" of "wohne in Görlitz"), unless the NLU knows it as an ordinary word as well ("Essen",
    "Halle")."""
    if criteria.place is None or token in place_words():
        return False
    return any(other.population >= TOWN_POPULATION for other in _nearby(token, criteria.place))


def _nearby(token: str, place: PlaceRef) -> list[Place]:
    """Returns the gazetteer's places named so within TOWN_BESIDE_KM of the searched place."""
    return [other for other in get_gazetteer().lookup(token)
            if haversine_km(place.lat, place.lon, other.lat, other.lon) <= TOWN_BESIDE_KM]


@cache
def _city_tokens(name: str, lat: float, lon: float) -> frozenset[str]:
    """Returns the folded words of the city a quarter lies in (Hamm -> hamburg); none for a town of its own."""
    gazetteer = get_gazetteer()
    for place in gazetteer.lookup(name):
        if haversine_km(lat, lon, place.lat, place.lon) <= 1.0 and (city := gazetteer.city_of(place)) is not None:
            return _name_tokens(city.name)
    return frozenset()


def _name_tokens(*names: str) -> frozenset[str]:
    """Returns the folded words of place names."""
    return frozenset(token for name in names for token in CLAUSE_TOKEN.findall(fold(name)))


@cache
def _stop_words() -> frozenset[str]:
    """Returns spaCy's German and English stop words (folded) with the NLU's extra ones."""
    from spacy.lang.de.stop_words import STOP_WORDS as GERMAN
    from spacy.lang.en.stop_words import STOP_WORDS as ENGLISH

    return frozenset(_folded(GERMAN)) | frozenset(_folded(ENGLISH)) | stopwords()


def _folded(words: Iterable[str]) -> Iterable[str]:
    """Folds each word."""
    return (fold(word) for word in words)
