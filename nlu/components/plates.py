"""Licence-plate letters that people use for their town ("MR", "DD-Neustadt", "tierheim ks am we"), read only where
the message makes them a place (codes in data/nlu/plates.toml)."""

from __future__ import annotations

from spacy.lang.de.stop_words import STOP_WORDS as DE_STOP
from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP
from functools import cache

from spacy.tokens import Doc, Span

from nlu.components.common import is_boundary, is_lowercase_message, opens_time, spans_of, stands_alone
from nlu.extensions import INTERESTS, TIMES
from nlu.kernel.gazetteer import Gazetteer, Place
from nlu.kernel.text import fold
from nlu.lexicon import known_words, place_rules, plate_codes
from nlu.place_like import looks_like_place
from nlu.vocabulary import is_category_word
from nlu.word_lists import folded_set, read_toml

PLATE_LABEL = "plate"
_SHORT_MESSAGE = 4  # "feuerwehr DD", "tierheim KS": a code ending a message this short is where
_SEARCH_BOX = 8  # words at most in a message typed like a search box ("tiere L wochenende", "hu flüchtlingshilfe")
_JOINED_TOWN_MIN = 5_000  # a town joined to a plate by "oder": a real town, not a hamlet that is also a word
_FUNCTION_WORDS = frozenset(fold(w) for w in DE_STOP | EN_STOP)
_CODE_JOINERS = frozenset({"oder", "und", "or", "and", "/", "bzw", "bzw."})  # "KS oder GÖ", "GI/MR"
_COMPUTING = "digital"  # the category whose messages name programming languages with one letter ("in c", "in r")


@cache
def _english_markers() -> frozenset[str]:
    """Returns the function words that mark English (langid.toml): "hi" opens a message, it names no Hildesheim."""
    return frozenset(w for key, words in read_toml("langid.toml").items() if key.startswith("en")
                     for w in folded_set(words if isinstance(words, list) else []))


@cache
def _letter_rules() -> dict[str, frozenset[str]]:
    """Returns the cues and words that decide a one-letter code (plates.toml [letters])."""
    return {key: folded_set(words) for key, words in read_toml("plates.toml")["letters"].items()}


def after_living_cue(doc: Doc, i: int) -> bool:
    """Tells whether token i follows words that say where one lives or comes from: "wohne in", "bin aus", "live in"
    (plates.toml [letters] living_cues before a preposition, or from_cues right before it)."""
    rules = _letter_rules()
    before = doc[i - 1].norm_ if i > 0 else ""
    return before in rules["from_cues"] or (i > 1 and doc[i - 2].norm_ in rules["living_cues"])


@cache
def _not_places() -> dict[str, frozenset[str]]:
    """Returns the codes that are as often something else (plates.toml [not_places]): "capitals" as written ("MS",
    "KI"), "small" folded ("ka", "ne")."""
    table = read_toml("plates.toml")["not_places"]
    return {"capitals": frozenset(table["capitals"]), "small": folded_set(table["small"])}


class PlateReader:
    """Reads licence-plate codes as towns, only written in capitals and where the message makes them a place."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.towns: dict[str, Place] = {}
        for code, (town, state) in plate_codes().items():
            found = [place for place in gazetteer.lookup(town) if place.state == state]
            if not found:
                raise ValueError(f"data/nlu/plates.toml: {code} names {town} ({state}), which the gazetteer lacks")
            self.towns[code] = found[0]

    @staticmethod
    def _alias_with_hyphen(doc: Doc, i: int) -> bool:
        """Tells whether the code at i opens a hyphenated nickname of places.toml's aliases ("K-Town"), as one token
        or split at the hyphen."""
        text = doc[i].text
        if "-" not in text and i + 2 < len(doc) and doc[i + 1].text == "-" and not doc[i].whitespace_:
            text = f"{text}-{doc[i + 2].text}"
        return "-" in text and fold(text) in place_rules().aliases

    def at(
        self, doc: Doc, i: int, cue_ends: set[int], shouting: bool, owned: frozenset[int] = frozenset()
    ) -> Span | None:
        """Returns a place span for a code at token i ("in MR", "..., KS", "DD-Neustadt", "HU oder Umgebung"), else
        None; `shouting` tells whether the whole message is in capitals (computed once per message by the caller),
        `owned` where words start that make the word before them a place ("oder Umgebung", "ist meine Stadt")."""
        text = doc[i].text.rstrip(".")
        if self._alias_with_hyphen(doc, i):
            return None  # "K-Town" is Kaiserslautern's nickname, not Köln's code
        head, _, tail = text.partition("-")
        if (tail and tail[:1].isalpha() and head in self.towns and self._may_be_quarter(tail, doc.lang_)
                and (len(head) > 1 or self.gazetteer.lookup(tail) or i in cue_ends or looks_like_place(fold(tail)))):
            # "E-Rolli", "S-Bahn": no town's quarter; "in L-Plagwitz", "L-Connewitz": a quarter the gazetteer lacks
            return self._span(doc, i, self.towns[head])  # a quarter joined to its town's code
        town = self.towns.get(text)
        if town is None and self._lower_code(text) and (
            i in cue_ends or i + 1 in owned or (self._after_interest(doc, i) and not self._chat_word(text))
        ):
            return self._span(doc, i, self.towns[text.upper()])  # "in ks", "tierheim ks am we?": small, cued
        if town is None and self._lower_code(text) and self._search_box_edge(doc, i):
            return self._span(doc, i, self.towns[text.upper()])  # "hu flüchtlingshilfe", "umweltbildung schulen mr"
        if town is None and i in cue_ends and self._closing_letter(doc, i, text):
            return self._span(doc, i, self.towns[text.upper()])  # "schuldnerberatung in c": the message's last word
        if town is None or shouting:  # a message in capitals has no telling capitals
            return None
        if self._graded_letter(doc, i, text):
            return None  # "Nachhilfe M", "Nachhilfe geben in M": a school subject or grade, no town
        if i in cue_ends or i + 1 in owned or stands_alone(doc, i) or (
            i == len(doc) - 1 and len(doc) <= _SHORT_MESSAGE
        ):
            return self._span(doc, i, town)
        if self._joined_to_code(doc, i):
            return self._span(doc, i, town)  # "KS oder GÖ": two codes offered as a choice are two towns
        if self._after_interest(doc, i):
            return self._span(doc, i, town)  # "Feuerwehr DD? Bin 19", "Tierheim KS. Hab Zeit": the wish's town
        if self._names_a_thing(doc, i, text):
            return None  # "menschen mit MS begleiten", "KI kurs", "plan B wäre tierheim": a thing, no town
        if len(text) == 1 and self._letter_after_interest(doc, i):
            return self._span(doc, i, town)  # "Tierschutz L, am WE": a one-letter code closing the wish's clause
        if self._capital_among_small(doc, i):
            return self._span(doc, i, town)  # "tiere L wochenende", "Z jugend fußball": the one capital is the code
        if i == 0 and len(doc) <= _SHORT_MESSAGE + 2 and doc[1].is_alpha and (
            doc[1].is_title or (len(text) > 1 and (is_category_word(doc[1].norm_, doc.lang_) or opens_time(doc, 1)))
        ):
            return self._span(doc, i, town)  # "KS Tierheim am WE", "GI sport", "GI abends obdachlose": a town heads
        return None

    @staticmethod
    def _search_box(doc: Doc) -> bool:
        """Tells whether a German message is typed like a search box: a few words, no sentence of eight or more."""
        return doc.lang_ == "de" and sum(1 for t in doc if t.is_alpha) <= _SEARCH_BOX

    @staticmethod
    def _in_time(doc: Doc, i: int) -> bool:
        """Tells whether token i belongs to a time mention ("fr abds", "di/do"): a short day is no code."""
        return any(span.start <= i < span.end for span in spans_of(doc, TIMES))

    def _search_box_edge(self, doc: Doc, i: int) -> bool:
        """Tells whether a code written small opens or closes a search-box message written all small: first and
        followed by a field's word ("hu flüchtlingshilfe"), or last, or followed by nothing but a time ("hunde gassi
        gehn dd WE"), with a wish named besides it. No time's short day ("fr", "di"), no English greeting ("hi"), no
        chat word ("ka", "ne", plates.toml [not_places]) and no message's only word is one."""
        if not (self._search_box(doc) and self._others_small(doc, i)):
            return False
        if self._in_time(doc, i) or fold(doc[i].text) in _english_markers() or self._chat_word(doc[i].text):
            return False
        words = [t.i for t in doc if t.is_alpha and not self._in_time(doc, t.i)]
        if len(words) < 2 or i not in (words[0], words[-1]):
            return False  # "fr", "hd": the only word is no town
        wishes = [span for span in spans_of(doc, INTERESTS) if not span.start <= i < span.end]
        if words[-1] == i:
            return bool(wishes)  # "umweltbildung schulen mr"; not "kinder oder so ne" with nothing wished but "ne"
        return any(span.start == i + 1 for span in wishes)

    def _capital_among_small(self, doc: Doc, i: int) -> bool:
        """Tells whether a code in capitals stands among words written small in a search-box message ("tiere L
        wochenende", "hausaufgabenhilfe MR nachmittags"): then the writer capitalised it on purpose. A time's short
        form ("WE") may be in capitals too; a town named as well ("D jugend fußball leipzig") leaves the code alone."""
        if not (self._search_box(doc) and not self._in_time(doc, i) and self._others_small(doc, i)):
            return False
        others = [t for t in doc if t.is_alpha and t.i != i]
        town = self.towns[doc[i].text.rstrip(".")]
        return bool(others) and not any(
            len(t.text) > 3 and self._is_town(t.text) and self.gazetteer.quarter(t.text, town) is None for t in others
        )  # "DD neustadt obdachlose": Dresden's quarter, no other town

    @staticmethod
    def _names_a_thing(doc: Doc, i: int, text: str) -> bool:
        """Tells whether a code in capitals names a thing: an abbreviation ("MS", "KI", plates.toml [not_places]),
        a code right after "mit"/"für" ("Menschen mit MS"), or one letter beside a noun that takes a letter ("Plan B",
        "Vitamin C", "C kurs", "E jugend trainer")."""
        rules = _letter_rules()
        before = fold(doc[i - 1].text) if i > 0 else ""
        if text in _not_places()["capitals"] or before in rules["thing_cues"]:
            return True
        after = fold(doc[i + 1].text) if i + 1 < len(doc) else ""
        if len(text) == 1 and text.lower() in rules["youth_classes"] and after.startswith("jugend"):
            return True  # "E jugend trainer": a football youth class, no Essen
        return len(text) == 1 and any(
            word.startswith(noun) for word in (before, after) if word for noun in rules["letter_nouns"]
        )

    @staticmethod
    def _chat_word(text: str) -> bool:
        """Tells whether a code written small is as often a chat or tech word ("ka", "ne", "ki"; plates.toml)."""
        return fold(text) in _not_places()["small"]

    def _others_small(self, doc: Doc, i: int) -> bool:
        """Tells whether every other word is written small, but for times ("WE") and other codes."""
        return all(
            t.i == i or not t.is_alpha or t.text.islower() or self._in_time(doc, t.i) or t.text in self.towns
            for t in doc
        )

    def _may_be_quarter(self, tail: str, lang: str) -> bool:
        """Tells whether the part after "DD-" may name a quarter: a place name ("Neustadt"), or no ordinary or
        interest word ("F-Jugend", "B-Plan")."""
        folded = fold(tail)
        if self.gazetteer.lookup(tail):
            return True
        return folded not in known_words() and not is_category_word(folded, lang)

    def _joined_to_code(self, doc: Doc, i: int) -> bool:
        """Tells whether another code or a town's name stands right before or after this one, joined by "oder",
        "und" or "/" ("KS oder GÖ", "GI oder wetzlar")."""
        for joiner, other in ((i + 1, i + 2), (i - 1, i - 2)):
            if not 0 <= other < len(doc) or doc[joiner].norm_ not in _CODE_JOINERS:
                continue
            word = doc[other].text.rstrip(".")
            if word in self.towns or (len(word) > 3 and self._is_town(word)):
                return True
        return False

    def _is_town(self, word: str) -> bool:
        """Tells whether a word is a town's name and no ordinary word ("wetzlar" yes, "essen" no)."""
        folded = fold(word)
        places = self.gazetteer.lookup(word)
        return bool(places) and places[0].population >= _JOINED_TOWN_MIN and not self.gazetteer.is_common_word_name(
            folded
        )

    def _lower_code(self, text: str) -> bool:
        """Tells whether a word written small is a plate code and no ordinary word ("ks", "gi"; not "de", "so")."""
        return (
            len(text) >= 2 and text.islower() and text.upper() in self.towns and text.isalpha()
            and fold(text) not in known_words() and fold(text) not in _FUNCTION_WORDS
        )

    def _closing_letter(self, doc: Doc, i: int, text: str) -> bool:
        """Tells whether a single small letter after a location cue is a one-letter code closing a German message
        written all in small letters ("tafel in l", "wohne in c"): nothing but punctuation follows it, and no
        computing is named ("programmieren in c", "Statistik in r" name a programming language). After a bare "in"
        the letter follows no teaching interest nor doing verb ("nachhilfe in m" is Mathe, "sport in a" no town);
        after a place-of-living cue ("wohne in l, ...", "bin aus c") more may follow (plates.toml [letters])."""
        if not (len(text) == 1 and text.islower() and text.upper() in self.towns and doc.lang_ == "de"
                and is_lowercase_message(doc)):
            return False
        rules = _letter_rules()
        labels = {span.label_ for span in spans_of(doc, INTERESTS)}
        if _COMPUTING in labels:
            return False
        if after_living_cue(doc, i):  # "wohne in l, nachhilfe geben", "bin aus c und ...": where one lives
            return i + 1 == len(doc) or is_boundary(doc[i + 1]) or doc[i + 1].norm_ in _CODE_JOINERS
        if any(t.is_alpha or t.like_num for t in doc[i + 1:]):
            return False
        doing = any(t.norm_ in rules["doing_verbs"] for t in doc[:i])
        return not doing and not labels & rules["subject_categories"]

    @staticmethod
    def _after_interest(doc: Doc, i: int) -> bool:
        """Tells whether a code of two or more letters right after an interest word ends its clause or a time
        follows ("Tierheim KS am WE?")."""
        ends = i + 1 == len(doc) or is_boundary(doc[i + 1]) or opens_time(doc, i + 1)
        return len(doc[i].text) >= 2 and i > 0 and ends and any(span.end == i for span in spans_of(doc, INTERESTS))

    @staticmethod
    def _letter_after_interest(doc: Doc, i: int) -> bool:
        """Tells whether a one-letter code in capitals right after an interest word closes its clause or a time
        follows ("Tierschutz L, am WE"), the interest being none that a letter grades or names (plates.toml
        [letters] letter_categories: "Nachhilfe M" is Mathe, "Fußball E" a youth class, "Programmieren C")."""
        ends = i + 1 == len(doc) or is_boundary(doc[i + 1]) or opens_time(doc, i + 1)
        before = [span for span in spans_of(doc, INTERESTS) if span.end == i]
        labels = {span.label_ for span in spans_of(doc, INTERESTS)}
        return ends and bool(before) and not labels & _letter_rules()["letter_categories"]

    @staticmethod
    def _graded_letter(doc: Doc, i: int, text: str) -> bool:
        """Tells whether a one-letter code in capitals grades or names what is wished rather than a town, however
        the message places it (closing a short message, after "in"): right after a teaching or computing interest
        ("Nachhilfe M", "Programmieren C"; plates.toml [letters] subject_categories; after a sport the capital
        among small words stays the town: "rollstuhlbasketball C"), or after a bare "in" that
        follows a teaching interest or a doing verb ("Nachhilfe geben in M", as "nachhilfe in m" written small).
        Where one lives stays a town ("wohne in M, Nachhilfe")."""
        if len(text) != 1 or after_living_cue(doc, i):
            return False
        rules = _letter_rules()
        interests = spans_of(doc, INTERESTS)
        if any(span.end == i and (span.label_ in rules["subject_categories"] or span.label_ == _COMPUTING)
               for span in interests):
            return True
        if i == 0 or doc[i - 1].norm_ != "in":
            return False
        doing = any(t.norm_ in rules["doing_verbs"] for t in doc[: i - 1])
        return doing or any(span.label_ in rules["subject_categories"] for span in interests)

    @staticmethod
    def _span(doc: Doc, i: int, town: Place) -> Span:
        """Returns a one-token place span carrying the code's town."""
        span = Span(doc, i, i + 1, label=PLATE_LABEL)
        span._.value = (town,)
        return span
