"""Word lists and patterns from data/nlu/, typed and loaded once per process."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from nlu.kernel.text import fold
from nlu.interest_rules import InterestRules as InterestRules
from nlu.interest_rules import interest_rules as interest_rules
from nlu.place_rules import PlaceRules as PlaceRules
from nlu.place_rules import place_rules as place_rules
from nlu.word_lists import filler_words as filler_words
from nlu.word_lists import known_words as known_words
from nlu.word_lists import langid_content as langid_content
from nlu.word_lists import langid_loanwords as langid_loanwords
from nlu.word_lists import langid_words as langid_words
from nlu.word_lists import langid_weekend_short_after as langid_weekend_short_after
from nlu.word_lists import place_words as place_words
from nlu.word_lists import plate_codes as plate_codes
from nlu.word_lists import stopwords as stopwords
from nlu.word_lists import folded_set, read_toml


@dataclass(frozen=True, slots=True)
class SeparableRules:
    """German separable verbs: the particles, what may follow them, and irregular verb forms."""

    particles: frozenset[str]
    clause_ends: frozenset[str]
    irregular: dict[str, str]  # folded verb form -> folded infinitive


@cache
def separable_rules() -> SeparableRules:
    """Returns the separable-verb settings."""
    raw = read_toml("interests.toml")["separable"]
    return SeparableRules(
        particles=folded_set(raw["particles"]), clause_ends=folded_set(raw["clause_ends"]),
        irregular={fold(k): fold(v) for k, v in raw["irregular"].items()},
    )


@dataclass(frozen=True, slots=True)
class NegationRules:
    """Cue patterns and scope rules for negation."""

    cues: tuple[str, ...]
    answers: tuple[str, ...]
    pseudo: tuple[str, ...]
    time_cues: tuple[str, ...]
    neutral: tuple[str, ...]
    terminators: frozenset[str]
    phrase_openers: frozenset[str]  # right after a negated mention, a new phrase: "nicht am WE was mit Kindern"
    conjunctions: frozenset[str]
    skippable: frozenset[str]
    forward_window: int
    backward_window: int
    relatives: frozenset[str]
    available: frozenset[str]
    objects: frozenset[str]  # "not with paperwork": a cue with its own object after one of these negates only that
    colon_clauses: tuple[str, ...] = ()  # "What I don't like: seeing animals suffer": such a cue rules nothing out
    contrasts: frozenset[str] = frozenset()  # "X but not Y": a cue opening with these and a word after names its own
    contrast_adverbs: frozenset[str] = frozenset()  # "aber nicht mehr": an adverb after the contrast is no object
    getting_on_verbs: frozenset[str] = frozenset()  # "ich kann mit Kindern nicht so gut": not getting on
    getting_on_with: frozenset[str] = frozenset()
    too_much: tuple[str, ...] = ()  # "die Feuerwehr ist mir zu viel": closing its clause, rules out what came before
    wished_things: frozenset[str] = frozenset()  # "etwas, das nichts mit Pflege zu tun hat": the clause is the wish's
    unrelated_cues: frozenset[str] = frozenset()  # ... when its cue is one of these
    unrelated_verbs: tuple[tuple[str, ...], ...] = ()  # ... and these words follow it in the clause ("zu tun")
    describing_cues: frozenset[str] = frozenset()  # "Menschen ohne Krankenversicherung": its words are no ruling out
    interjections: frozenset[str] = frozenset()  # "nö", "nein danke": an answer whose next words are no ruling out


@cache
def negation_rules() -> NegationRules:
    """Returns the negation cues and scope settings."""
    raw = read_toml("negation.toml")
    return NegationRules(
        cues=tuple(raw["cues"]), answers=tuple(raw["answers"]), pseudo=tuple(raw["pseudo"]),
        time_cues=tuple(raw["time_cues"]),
        neutral=tuple(raw["neutral"]), terminators=folded_set(raw["terminators"]),
        phrase_openers=folded_set(raw["phrase_openers"]),
        conjunctions=folded_set(raw["conjunctions"]), skippable=folded_set(raw["skippable"]),
        forward_window=int(raw["forward_window"]), backward_window=int(raw["backward_window"]),
        relatives=folded_set(raw["relatives"]), available=folded_set(raw["available"]),
        objects=folded_set(raw.get("objects", ())), colon_clauses=tuple(raw.get("colon_clauses", ())),
        contrasts=folded_set(raw.get("contrasts", ())), contrast_adverbs=folded_set(raw.get("contrast_adverbs", ())),
        getting_on_verbs=folded_set(raw["getting_on_verbs"]), getting_on_with=folded_set(raw["getting_on_with"]),
        too_much=tuple(raw.get("too_much", ())),
        wished_things=folded_set(raw.get("wished_things", ())),
        unrelated_cues=folded_set(raw.get("unrelated_cues", ())),
        unrelated_verbs=tuple(tuple(fold(w) for w in v.split()) for v in raw.get("unrelated_verbs", ())),
        describing_cues=folded_set(raw.get("describing_cues", ())),
        interjections=folded_set(raw.get("interjections", ())),
    )


@dataclass(frozen=True, slots=True)
class TimeRules:
    """Availability patterns per slot and each slot's counterpart for negation."""

    slots: dict[str, tuple[str, ...]]
    opposites: dict[str, str]
    ignore: tuple[str, ...]
    when: tuple[str, ...]  # months, seasons, holidays, durations: when, no slot and no search word
    single_days: tuple[str, ...]  # folded day names: one of them ruled out leaves the other days of its kind
    time_words: frozenset[str] = frozenset()  # folded words that are a time by themselves ("abend", "samstag")
    stints: tuple[str, ...] = ()  # patterns: a stint of days or weeks ("2 Wochen im März"), one-off
    placements: tuple[str, ...] = ()  # patterns: a school or study placement, whose stint is no time of the wish
    day_names: tuple[str, ...] = ()  # folded day names ending in a time word ("sonnabend"): the day, no evening
    guest_events: tuple[str, ...] = ()  # folded first parts: "Seniorennachmittag" is an event's time, not the writer's
    corrections: tuple[str, ...] = ()  # patterns: "nee doch lieber" replaces the times said before it
    typo_words: tuple[str, ...] = ()  # folded time words whose slips are mended ("nachmittgas": "nachmittags")


@cache
def time_rules() -> TimeRules:
    """Returns the time-slot patterns."""
    raw = read_toml("time.toml")
    return TimeRules(
        slots={k: tuple(v) for k, v in raw["slots"].items()}, opposites=dict(raw["opposites"]),
        ignore=tuple(raw.get("ignore", ())), when=tuple(raw.get("when", {}).get("words", ())),
        single_days=tuple(fold(day) for day in raw.get("single_days", ())),
        time_words=frozenset(fold(word) for word in raw.get("time_words", ())),
        stints=tuple(raw.get("stints", {}).get("patterns", ())),
        placements=tuple(raw.get("stints", {}).get("placements", ())),
        day_names=tuple(fold(day) for day in raw.get("day_names", ())),
        guest_events=tuple(fold(guests) for guests in raw.get("guest_events", ())),
        corrections=tuple(raw.get("corrections", ())),
        typo_words=tuple(fold(word) for word in raw.get("typo_words", ())),
    )


@dataclass(frozen=True, slots=True)
class LanguageNames:
    """Spoken-language names: prefixes (seven letters or more) and whole words, by ISO 639-1 code."""

    prefixes: tuple[tuple[str, str], ...]  # (folded prefix, code), longest first
    words: dict[str, str]
    german: tuple[str, ...]
    blockers: frozenset[str]
    little_german: tuple[str, ...]  # patterns: the writer speaks little or no German
    only: frozenset[str]  # "nur", "only": before another language, little German too
    only_reach: int
    other_speakers: frozenset[str]  # "Mein Sohn spricht nur Arabisch": the "only" is another speaker's
    other_speakers_reach: int
    peoples: frozenset[str]  # "Ukrainian refugees": the word before names people, not a language
    nationality_after: frozenset[str]  # "I'm Dutch,": the name after these, ending its clause, is a nationality
    speaking: frozenset[str]  # "english speaking group": others speak it, unless the writer says "I"
    others: frozenset[str]  # "Leute, die kein Deutsch können": little German said of others
    others_relatives: frozenset[str]  # "Kinder, die ...": a relative right after a people word
    others_owners: frozenset[str]  # "their German is poor": the German of others, not the writer's
    purpose_openers: frozenset[str]  # "um" of "um zu helfen": a purpose clause tells what the people do
    people_in_general: frozenset[str]  # "people who don't speak German" may be the writer: no group of others
    others_reach: int
    self_as: frozenset[str]  # "as a guy who doesn't speak German": a relative clause on the writer's role
    self_as_reach: int
    helping: tuple[str, ...]  # folded beginnings of helping verbs: with one, a statement about others is theirs
    greetings: dict[tuple[str, ...], str]  # folded words of a greeting opening a message -> the language it is in
    levels: frozenset[str]  # beginner's levels ("a2"): said of German, little German
    enough: tuple[str, ...]  # patterns: another language said to be enough ("where English is OK")
    enough_before: tuple[str, ...]  # the same with the language after the words ("Reicht Englisch?")
    lessons: tuple[str, ...] = ()  # folded beginnings: "kein Deutschunterricht" rules out lessons, no German level
    both: frozenset[str] = frozenset()  # "German-American, bilingual": a double nationality speaks both languages
    nationalities: dict[str, str] = field(default_factory=dict)  # folded nationality -> code ("american" -> "en")
    heritage_self: frozenset[str] = frozenset()  # "I'm German-American": said of oneself after these ...
    heritage_reach: int = 0  # ... with a both-word this many tokens after, in the sentence ...
    both_joiners: frozenset[str] = frozenset()  # ... ending its clause or followed by one of these ("bilingual and")
    proficiency: frozenset[str] = frozenset()  # "fluent", "speaker": how well one speaks, no search word

    def code_of(self, folded: str) -> str | None:
        """Returns the ISO 639-1 code of the language a folded word names or begins with ("arabisch",
        "arabischsprachig", "arabic"), "de" for German, or None."""
        if folded.startswith(self.german):
            return "de"
        if folded in self.words:
            return self.words[folded]
        return next((code for prefix, code in self.prefixes if folded.startswith(prefix)), None)

    def code_of_whole(self, folded: str) -> str | None:
        """Returns the code of the language a folded word names as a whole ("englisch", "arabic"), else None: a
        compound naming a thing of the language ("englischunterricht") names none, nor does German."""
        return self.words.get(folded) or next((code for name, code in self.prefixes if name == folded), None)


@cache
def language_names() -> LanguageNames:
    """Returns the language names table."""
    raw = read_toml("languages.toml")
    prefixes: list[tuple[str, str]] = []
    words: dict[str, str] = {}
    for code, names in raw["codes"].items():
        for name in names:
            folded = fold(name)
            if len(folded) >= 7:
                prefixes.append((folded, code))
            else:
                words[folded] = code
    prefixes.sort(key=lambda item: -len(item[0]))
    return LanguageNames(
        prefixes=tuple(prefixes), words=words, german=tuple(fold(g) for g in raw["german"]),
        blockers=folded_set(raw["blockers"]),
        little_german=tuple(raw["little_german"]["patterns"]), only=folded_set(raw["little_german"]["only"]),
        only_reach=int(raw["little_german"]["only_reach"]),
        other_speakers=folded_set(raw["little_german"]["other_speakers"]),
        other_speakers_reach=int(raw["little_german"]["other_speakers_reach"]),
        peoples=folded_set(raw["little_german"]["peoples"]),
        nationality_after=folded_set(raw["little_german"]["nationality_after"]),
        speaking=folded_set(raw["little_german"]["speaking"]),
        others=folded_set(raw["little_german"]["others"]),
        others_reach=int(raw["little_german"]["others_reach"]),
        others_relatives=folded_set(raw["little_german"]["relatives"]),
        others_owners=folded_set(raw["little_german"]["others_owners"]),
        purpose_openers=folded_set(raw["little_german"].get("purpose_openers", ())),
        people_in_general=folded_set(raw["little_german"]["people_in_general"]),
        self_as=folded_set(raw["little_german"]["self_as"]), self_as_reach=int(raw["little_german"]["self_as_reach"]),
        helping=tuple(fold(w) for w in raw["little_german"]["helping"]),
        greetings={tuple(fold(greeting).split()): code for greeting, code in raw["greetings"].items()},
        levels=folded_set(raw["little_german"]["levels"]), enough=tuple(raw["little_german"]["enough"]),
        enough_before=tuple(raw["little_german"]["enough_before"]),
        lessons=tuple(fold(w) for w in raw["little_german"].get("lessons", ())),
        both=folded_set(raw["dual_heritage"]["both"]),
        nationalities={fold(k): v for k, v in raw["dual_heritage"]["nationalities"].items()},
        heritage_self=folded_set(raw["dual_heritage"]["self_cues"]), heritage_reach=int(raw["dual_heritage"]["reach"]),
        both_joiners=folded_set(raw["dual_heritage"]["both_joiners"]),
        proficiency=folded_set(raw.get("proficiency", ())),
    )


@dataclass(frozen=True, slots=True)
class RemoteRules:
    """Patterns for helping online and for wanting to be on site."""

    remote: tuple[str, ...]
    on_site: tuple[str, ...]
    topic: tuple[str, ...]  # "online banking": what someone helps with, not how
    near: tuple[str, ...] = ()  # "in der Nähe von zu Hause": where, not from home


@cache
def remote_rules() -> RemoteRules:
    """Returns the remote/on-site patterns."""
    raw = read_toml("remote.toml")
    return RemoteRules(
        remote=tuple(raw["remote"]), on_site=tuple(raw["on_site"]), topic=tuple(raw["topic"]),
        near=tuple(raw.get("near", ())),
    )


@dataclass(frozen=True, slots=True)
class RadiusRules:
    """Distance units, radius words, number words and the plausible range."""

    units: dict[str, float]
    radius_words: frozenset[str]
    bound_words: frozenset[str]
    numbers: dict[str, int]
    min_km: float
    max_km: float


@cache
def radius_rules() -> RadiusRules:
    """Returns the radius settings."""
    raw = read_toml("radius.toml")
    return RadiusRules(
        units={fold(k): float(v) for k, v in raw["units"].items()}, radius_words=folded_set(raw["radius_words"]),
        bound_words=folded_set(raw["bound_words"]),
        numbers={fold(k): int(v) for k, v in raw["numbers"].items()},
        min_km=float(raw["min_km"]), max_km=float(raw["max_km"]),
    )
