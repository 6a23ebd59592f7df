"""Towns written as they are spoken in dialect: "Frankfodd", "Drääsdn", "Leipzsch", "Offebach"; quarters too
("Giasing", "Ehrefeld").

Hessian drops the "n" of "-en" and the "r" before a consonant ("Offebach", "Frankfodd"), Saxon softens the hard
consonants and merges the hissing sounds ("Leipzsch", "Drääsdn"). A sound key in the manner of the Kölner Phonetik
forgets exactly these differences: consonants by class (b/p, d/t, g/k, s/z/sch/ch), no vowels after the first
letter, no "n" before a consonant or at the end, no "r" after a vowel before a consonant, "-ig" spoken "-ich". Only
towns of the start region (Hessen, Sachsen) with `DIALECT_TOWN_MIN` people and cities of `DIALECT_CITY_MIN`
elsewhere get a key: a coarse key over every small town would take a name the gazetteer lacks for another town
("Pohlheim" is no Pulheim).
"""

from __future__ import annotations

import re
from functools import cache

from rapidfuzz import fuzz, process

from nlu.kernel.gazetteer import Place, get_gazetteer
from nlu.kernel.place_names import surface_key
from nlu.kernel.place_types import STARTING_STATES
from nlu.kernel.text import fold
from nlu.lexicon import place_rules

DIALECT_TOWN_MIN = 20_000
DIALECT_CITY_MIN = 100_000
_MIN_KEY = 3  # "Gieße" and "Gießen" share a two-sound key with too many words; the typo guess covers them
_MIN_SIMILARITY = 60.0  # the written forms must still look alike ("Frankfodd" 78 to "frankfurt")
_FIRST_WORD = re.compile(r"[\s(/,]")
_SOUNDS = (
    ("sch", "8"), ("ch", "8"), ("ck", "4"), ("ph", "3"), ("tz", "8"), ("qu", "4"),
)
_LETTERS = {
    **dict.fromkeys("bp", "1"), **dict.fromkeys("dt", "2"), **dict.fromkeys("fvw", "3"),
    **dict.fromkeys("gkcq", "4"), "l": "5", **dict.fromkeys("mn", "6"), "r": "7", **dict.fromkeys("szx", "8"),
}
_VOWELS = frozenset("aeiouyj")
_NASAL_BEFORE_CONSONANT = re.compile(r"(?<=.)n(?=[^aeiouy]|$)")  # "Dresdn", "Gieße", "Offebach"
_R_BEFORE_CONSONANT = re.compile(r"(?<=[aeiouy])r(?=[^aeiouy])")
_FINAL_IG = re.compile(r"ig$")


def sound_key(word: str) -> str:
    """Returns the dialect-blind sound key of one folded word ("frankfodd" and "frankfurt" -> "37432")."""
    text = _FINAL_IG.sub("ich", word)
    if text.startswith("ch"):  # "Chemnitz", "Chur": an initial "ch" is spoken "k"
        text = "k" + text[2:]
    text = _R_BEFORE_CONSONANT.sub("", _NASAL_BEFORE_CONSONANT.sub("", text))
    for group, code in _SOUNDS:
        text = text.replace(group, code)
    codes = []
    for index, ch in enumerate(text):
        if ch in _VOWELS or ch == "h":
            codes.append("0" if index == 0 and ch in _VOWELS else "")
        else:
            codes.append(_LETTERS.get(ch, ch if ch.isdigit() else ""))
    key = ""
    for code in codes:
        if code and (not key or key[-1] != code):
            key += code
    return key


@cache
def dialect_index() -> dict[str, tuple[str, tuple[int, ...]]]:
    """Sound key -> (the town's folded first word, its place ids best first), for the towns described above; of
    towns sharing a key the larger keeps it."""
    gazetteer = get_gazetteer()
    index: dict[str, tuple[str, tuple[int, ...]]] = {}
    towns = sorted(
        (p for p in gazetteer.places_of_at_least(min(DIALECT_TOWN_MIN, DIALECT_CITY_MIN))
         if p.population >= (DIALECT_TOWN_MIN if p.state_code in STARTING_STATES else DIALECT_CITY_MIN)),
        key=lambda p: -p.population,
    )
    for town in towns:
        head = fold(_FIRST_WORD.split(town.name, maxsplit=1)[0])
        ids = tuple(place.id for place in gazetteer.lookup(head)) or (town.id,)
        key = sound_key(head)
        if len(key) >= _MIN_KEY and key not in index:
            index[key] = (head, ids)
    return index


# A quarter's name (places.toml aliases: "Sachsenhausen" for Frankfurt) written as spoken must stay this close to it,
# and be this long: the sound key is too coarse for long names of many hissing sounds ("sachsenhausen" keys to one
# sound), so letters are compared after undoing what dialect does to a quarter's name: Hessian "-haim" for "-heim"
# and a dropped final "n" ("Bockenhaim", "Sachsehause"), Saxon "-itsch" for "-itz" ("Connewitsch").
_QUARTER_SIMILARITY, _QUARTER_MIN_LETTERS = 88.0, 7
_SPOKEN = ((re.compile(r"ai"), "ei"), (re.compile(r"(?:tzsch|tsch|tz)$"), "tz"), (re.compile(r"(?<=[^e])e$"), "en"))


def _unspoken(word: str) -> str:
    """Returns a folded quarter's name with the dialect forms above written out ("sachsehause" -> "sachsehausen")."""
    for pattern, written in _SPOKEN:
        word = pattern.sub(written, word)
    return word


@cache
def quarter_aliases() -> dict[str, int]:
    """The folded one-word aliases of places.toml that name a city of `DIALECT_CITY_MIN` people (mostly its
    quarters the quarter table lacks), with the dialect forms written out -> that city's place id."""
    gazetteer = get_gazetteer()
    aliases: dict[str, int] = {}
    for alias, target in place_rules().aliases.items():
        places = gazetteer.lookup(target)
        if alias.isalpha() and len(alias) >= _QUARTER_MIN_LETTERS and places and (
            places[0].population >= DIALECT_CITY_MIN
        ):
            aliases[_unspoken(alias)] = places[0].id
    return aliases


def spoken_quarter(folded: str) -> tuple[Place, float] | None:
    """Returns the city whose quarter a word names as spoken ("sachsehause": Frankfurt, "connewitsch": Leipzig) with
    the closeness of the two names, else None. Only a word that shows a dialect form above is one: undoing it must
    change the word, so a plain typo of a town ("Sindlfingen", "Heddersheim") is left to the typo guess. The name as
    written is the name index's."""
    if len(folded) < _QUARTER_MIN_LETTERS or folded in place_rules().aliases:
        return None
    written = _unspoken(folded)
    if written == folded:
        return None
    aliases = quarter_aliases()
    hit = process.extractOne(written, aliases.keys(), scorer=fuzz.ratio, score_cutoff=_QUARTER_SIMILARITY)
    return (get_gazetteer().get(aliases[hit[0]]), round(hit[1], 1)) if hit is not None else None


# A large city's quarter the gazetteer has by name, written as spoken: Bavarian "ia" for "ie" ("Giasing": Giesing) and
# the "n" of "-en-" dropped inside a compound, as Hessian and Kölsch speak it ("Ehrefeld": Ehrenfeld). One change
# at one place must give the quarter's name exactly: a typo guess would take a town of like letters elsewhere
# ("Giasing" is as close to Geising in the Erzgebirge).
_SPOKEN_IN_NAMES = ((re.compile(r"ia"), "ie"), (re.compile(r"(?<=[^e])e(?=[bdfgklmpstvwz])"), "en"))


def spoken_city_quarter(word: str) -> tuple[Place, ...]:
    """Returns the quarters of cities of `DIALECT_CITY_MIN` people that a word names as spoken (best first), or ()."""
    folded = surface_key(word)
    if len(folded) < _QUARTER_MIN_LETTERS or not folded.isalpha():
        return ()
    gazetteer = get_gazetteer()
    for pattern, written in _SPOKEN_IN_NAMES:
        for found in pattern.finditer(folded):
            name = folded[:found.start()] + written + folded[found.end():]
            quarters = tuple(place for place in gazetteer.lookup(name) if _in_large_city(place))
            if quarters:
                return quarters
    return ()


def _in_large_city(place: Place) -> bool:
    """Tells whether a place is a quarter of a city of `DIALECT_CITY_MIN` people."""
    city = get_gazetteer().city_of(place)
    return city is not None and city.population >= DIALECT_CITY_MIN


def dialect_town(word: str) -> tuple[Place, ...]:
    """Returns the town a dialect spelling of one word names (best first), or () when it names none. A quarter's
    name spoken so (spoken_quarter) is weighed against the typo guess by the caller."""
    folded = surface_key(word)
    key = sound_key(folded)
    hit = dialect_index().get(key) if len(key) >= _MIN_KEY else None
    if hit is None or folded == hit[0] or fuzz.ratio(folded, hit[0]) < _MIN_SIMILARITY:
        return ()
    gazetteer = get_gazetteer()
    return tuple(gazetteer.get(place_id) for place_id in hit[1])


# A village outside the start region written like a large city of it is the city misheard ("kemnitz": Chemnitz,
# "Kasel": Kassel): the village must be this small, the city this large and the two spellings this close.
HOMOPHONE_VILLAGE_MAX = 2_000
HOMOPHONE_CITY_MIN = 100_000
_HOMOPHONE_SIMILARITY = 80.0


def misheard_city(word: str, places: tuple[Place, ...]) -> tuple[Place, ...]:
    """Returns the start region's large city that a village's name (`places`, all it may mean) sounds like, or ()."""
    if not places or any(p.population >= HOMOPHONE_VILLAGE_MAX or p.state_code in STARTING_STATES for p in places):
        return ()
    folded = surface_key(word)
    hit = dialect_index().get(sound_key(folded))
    if hit is None or fuzz.ratio(folded, hit[0]) < _HOMOPHONE_SIMILARITY:
        return ()
    gazetteer = get_gazetteer()
    city = gazetteer.get(hit[1][0])
    if city.state_code not in STARTING_STATES or city.population < HOMOPHONE_CITY_MIN:
        return ()
    return tuple(gazetteer.get(place_id) for place_id in hit[1])

