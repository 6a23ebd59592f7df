"""Word lists and patterns from data/nlu/, typed and loaded once per process."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from nlu.kernel.text import fold
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
class InterestRules:
    """Exceptions and context for the interest matcher."""

    compound_heads: tuple[str, ...]
    head_exceptions: tuple[str, ...]
    animal_care_parts: tuple[str, ...]  # "Pflegehund", "Igelpflegestation": caring for animals is no health care
    min_inner_stem: int
    prefix_overrides: tuple[tuple[str, tuple[str, ...]], ...]  # longest prefix first
    exact: dict[str, dict[str, tuple[str, ...]]]  # lang -> folded word -> keys
    cased: dict[str, tuple[str, ...]]  # exact spelling -> keys
    cased_people: frozenset[str]  # of those, adjectives written as nouns of people ("Kleinen"): need a determiner
    people_determiners: frozenset[str]  # folded: "die", "den", "unsere" make such an adjective a noun of people
    self_cues: tuple[str, ...]
    job_cues: tuple[str, ...]
    job_wished_after: frozenset[str]  # "I'd love working in ...": a job cue after these is the wish
    self_window: int
    possessives: frozenset[str]
    possessive_window: int
    status_cues: tuple[str, ...]
    status_words: tuple[str, ...]
    apposition_heads: frozenset[str]
    apposition_fillers: frozenset[str]
    fragment_status: frozenset[str]
    intro_words: frozenset[str]  # "wheelchair user here, ...": a short opening clause ending so introduces the writer
    intro_fans: frozenset[str]  # "animal lover here": an introduction by what one loves names the wish
    possessive_exempt: frozenset[str]  # categories, and folded first words of mentions, never owned
    breakers: frozenset[str]
    broad_stems: frozenset[str]
    outdoors: tuple[str, ...]  # "an der frischen Luft": where one likes to be; no category, no keyword
    requirement: tuple[str, ...]
    requirement_places: tuple[str, ...]  # folded endings: with a requirement, the school it names is the writer's
    school_wish: tuple[str, ...]  # patterns of a wish just before a school: then it is the place wanted
    wish_after: tuple[str, ...]  # patterns of a wish said after what is wished ("Tiere wären schön")
    home_places: tuple[str, ...]  # patterns of the writer's own village ("bei uns im Dorf"): home, no wish
    age_verbs: frozenset[str]  # "Kids are 8 and 11": a children word, one of these, a number gives their ages
    teach_words: frozenset[str]  # teaching verbs that name no education when a sport or an art is taught
    taught_subjects: tuple[str, ...]  # sports and arts taught as a subject (chess, piano): education stays
    teach_breaks: frozenset[str]  # words that part a teaching verb from a sport ("Englisch beibringen und Fußball")
    longing: tuple[str, ...]
    offers: tuple[str, ...]  # patterns of offering classes: the sport or art one teaches is then wanted
    offer_fields: frozenset[str]
    course_offers: tuple[str, ...]  # patterns of giving a course: education unless the course is an offer field's
    course_words: tuple[str, ...]  # folded endings of the course word in such a phrase: the mention itself
    roles: tuple[str, ...]
    bare_roles: tuple[str, ...]
    role_endings: tuple[str, ...]
    coordination: frozenset[str]
    occupations: tuple[tuple[str, tuple[str, ...]], ...]  # (folded job beginning, categories), longest first
    visit_words: frozenset[str]
    gapped: dict[str, tuple[str, ...]]  # category -> patterns of a group named with a word between
    visit_people_categories: frozenset[str]
    visit_people_words: frozenset[str]
    own_learning: dict[str, frozenset[str]]  # "learn", "want", "others": wanting to learn oneself is no education
    family_verbs: frozenset[str]  # "die Kinder mitbringen": children one brings along are one's own
    paperwork: tuple[str, ...]  # folded beginnings: with newcomers, paperwork is integration, not neighbourhood
    paperwork_fields: frozenset[str]  # the categories whose people's paperwork is their field's work
    skill_after: tuple[str, ...]  # patterns after a mention that make it a skill one has ("Klettern kann ich gut")
    experience_fields: frozenset[str]  # a self-description of these is wanted when one helps others through it
    experience_others: tuple[str, ...]  # patterns of helping others ("möchte anderen helfen", "help new people")
    habit_after: tuple[str, ...]  # the same said as a habit ("ich klettere viel"), with no clause end needed
    habit_subjects: frozenset[str]  # "ich", "I": a habit is one's own only after one of these and no wish word
    conditions: frozenset[str]  # illnesses: said of oneself or a relative, who one is
    condition_owners: frozenset[str]  # "ich", "da", "weil": a condition after these is the writer's
    family_words: tuple[str, ...]  # folded beginnings of family words ("famili"): with newcomers, no children
    writer: dict[str, tuple[str, ...]]  # label -> patterns of words about the writer (life stage, status, name, origin)
    status_keep_after: frozenset[str]  # "Nachhilfe für Schüler": a status word after these names whom to help
    status_joiners: frozenset[str]  # "für Kinder und Schüler": the protection above carries across these
    origin_relatives: frozenset[str]  # "die", "who": an origin in a relative clause is of others
    first_person: frozenset[str]  # "ich", "my": after the relative word, the origin is the writer's again
    own_place_prepositions: frozenset[str]  # "in meinem Dorf": after these "mein" owns a relative only
    own_list_heads: frozenset[str]  # "meine Hobbys": what follows is listed, not owned
    life_stage_people: frozenset[str]  # "Arbeitslose": a life stage naming people, whom one may wish to help
    name_cues: tuple[str, ...]  # "I'm", "ich bin": a capitalised word right after is a name or a nationality
    kin: tuple[str, ...]  # folded beginnings of relatives' words: after a possessive, one's own family
    kin_always: frozenset[str]  # relatives' words that never name a group one helps ("Sohn", "Mama")
    own_possessives: frozenset[str]  # "mein", "my": whatever noun follows is the writer's own
    kin_possessives: frozenset[str]  # "unser", "ihrem": only a relative after them is someone's own
    own_window: int
    new_words: frozenset[str]  # "new families": a family described by being new is a newcomer household
    weak_words: dict[str, str]  # "training" -> sports, only when no other field is named
    target_groups: frozenset[str]  # categories that do not count as another field for weak words
    weak_yields: dict[str, frozenset[str]]  # "einsam" -> seniors: the weak word is dropped beside these fields too
    with_young: tuple[tuple[str, str, str], ...]  # (folded beginning, category, category it names with the young)
    needs: tuple[tuple[str, frozenset[str]], ...]  # (folded beginning, fields one of which the message must name)
    translation_words: tuple[str, ...]  # folded beginnings: translating is newcomers' work only with ...
    newcomer_languages: tuple[str, ...]  # ... a language newcomers speak (or newcomers) named in the message


@cache
def interest_rules() -> InterestRules:
    """Returns the interest exceptions and context cues."""
    raw = read_toml("interests.toml")
    context = raw["context"]
    overrides = sorted(((fold(k), tuple(v)) for k, v in raw["prefix_overrides"].items()), key=lambda kv: -len(kv[0]))
    return InterestRules(
        compound_heads=tuple(sorted({fold(h) for h in raw["compound_heads"]}, key=len, reverse=True)),
        head_exceptions=tuple(fold(h) for h in raw.get("head_exceptions", ())),
        animal_care_parts=tuple(fold(h) for h in raw.get("animal_care_parts", ())),
        min_inner_stem=int(raw["min_inner_stem"]),
        prefix_overrides=tuple(overrides),
        exact={lang: {fold(k): tuple(v) for k, v in table.items()} for lang, table in raw["exact"].items()},
        cased={k: tuple(v) for k, v in raw["cased"].items()},
        cased_people=frozenset(context.get("cased_people", ())),
        people_determiners=folded_set(context.get("people_determiners", ())),
        self_cues=tuple(context["self_cues"]),
        job_cues=tuple(context["job_cues"]),
        job_wished_after=folded_set(context.get("job_wished_after", ())),
        self_window=int(context["self_window"]),
        possessives=folded_set(context["possessives"]),
        possessive_window=int(context["possessive_window"]),
        status_cues=tuple(context["status_cues"]),
        status_words=tuple(fold(w) for w in context["status_words"]),
        apposition_heads=folded_set(context["apposition_heads"]),
        apposition_fillers=folded_set(context["apposition_fillers"]),
        fragment_status=folded_set(context["fragment_status"]),
        intro_words=folded_set(context.get("intro_words", ())),
        intro_fans=folded_set(context.get("intro_fans", ())),
        possessive_exempt=frozenset(context["possessive_exempt"]) | folded_set(context["possessive_exempt_words"]),
        requirement=tuple(context["requirement"]),
        requirement_places=tuple(fold(w) for w in context.get("requirement_places", ())),
        school_wish=tuple(context.get("school_wish", ())),
        wish_after=tuple(context.get("wish_after", ())),
        home_places=tuple(context.get("home_places", ())),
        age_verbs=frozenset(context.get("age_verbs", ())),
        teach_words=frozenset(context.get("teach_words", ())),
        taught_subjects=tuple(context.get("taught_subjects", ())),
        teach_breaks=frozenset(context.get("teach_breaks", ())),
        longing=tuple(context["longing"]),
        offers=tuple(context.get("offers", ())),
        offer_fields=frozenset(context.get("offer_fields", ())),
        course_offers=tuple(context.get("course_offers", ())),
        course_words=tuple(fold(w) for w in context.get("course_words", ())),
        roles=tuple(context["roles"]),
        bare_roles=tuple(context["bare_roles"]),
        role_endings=tuple(context["role_endings"]),
        coordination=folded_set(context["coordination"]),
        occupations=tuple(
            sorted(((fold(k), tuple(v)) for k, v in raw["occupations"].items()), key=lambda kv: -len(kv[0]))
        ),
        breakers=folded_set(context["breakers"]),
        broad_stems=folded_set(context["broad_stems"]),
        outdoors=tuple(context["outdoors"]),
        visit_words=folded_set(raw["visits"]["words"]),
        gapped={key: tuple(lines) for key, lines in raw["gapped"].items()},
        own_learning={key: folded_set(words) for key, words in raw["own_learning"].items()},
        family_verbs=folded_set(context["family_verbs"]),
        paperwork=tuple(fold(w) for w in raw["paperwork"]["prefixes"]),
        paperwork_fields=frozenset(raw["paperwork"].get("fields", ["refugees_integration"])),
        skill_after=tuple(context.get("skill_after", ())),
        habit_after=tuple(context.get("habit_after", ())),
        habit_subjects=folded_set(context.get("habit_subjects", ())),
        experience_fields=frozenset(context.get("experience_fields", ())),
        experience_others=tuple(context.get("experience_others", ())),
        conditions=folded_set(raw["conditions"]["words"]),
        condition_owners=folded_set(raw["conditions"]["owners"]),
        family_words=tuple(fold(w) for w in raw["newcomer_families"]["family_prefixes"]),
        writer={key: tuple(raw["writer"][key]) for key in ("life_stage", "status", "name", "origin", "home", "roles")},
        status_keep_after=folded_set(raw["writer"]["status_keep_after"]),
        status_joiners=folded_set(raw["writer"].get("status_joiners", ())),
        origin_relatives=folded_set(raw["writer"].get("origin_relatives", ())),
        first_person=folded_set(raw["writer"].get("first_person", ())),
        own_place_prepositions=folded_set(raw["writer"].get("own_place_prepositions", ())),
        own_list_heads=folded_set(raw["writer"].get("own_list_heads", ())),
        life_stage_people=folded_set(raw["writer"].get("life_stage_people", ())),
        name_cues=tuple(raw["writer"]["name_cues"]),
        kin=tuple(fold(w) for w in raw["writer"]["kin"]),
        kin_always=folded_set(raw["writer"]["kin_always"]),
        own_possessives=folded_set(raw["writer"]["own_possessives"]),
        kin_possessives=folded_set(raw["writer"]["kin_possessives"]),
        own_window=int(raw["writer"]["own_window"]),
        new_words=folded_set(raw["newcomer_families"]["new_words"]),
        weak_words={fold(k): v for k, v in raw["weak"]["words"].items()},
        target_groups=frozenset(raw["weak"]["target_groups"]),
        weak_yields={fold(k): frozenset(v) for k, v in raw["weak"].get("yields_to", {}).items()},
        visit_people_categories=frozenset(raw["visits"]["people_categories"]),
        visit_people_words=folded_set(raw["visits"]["people_words"]),
        with_young=tuple((fold(k), v[0], v[1]) for k, v in raw.get("with_young", {}).items()),
        needs=tuple((fold(k), frozenset(v)) for k, v in raw.get("needs", {}).items()),
        translation_words=tuple(fold(w) for w in raw.get("translation", {}).get("words", ())),
        newcomer_languages=tuple(fold(w) for w in raw.get("translation", {}).get("newcomer_languages", ())),
    )


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


@cache
def negation_rules() -> NegationRules:
    """Returns the negation cues and scope settings."""
    raw = read_toml("negation.toml")
    return NegationRules(
        cues=tuple(raw["cues"]), answers=tuple(raw["answers"]), pseudo=tuple(raw["pseudo"]),
        time_cues=tuple(raw["time_cues"]),
        neutral=tuple(raw["neutral"]), terminators=folded_set(raw["terminators"]),
        conjunctions=folded_set(raw["conjunctions"]), skippable=folded_set(raw["skippable"]),
        forward_window=int(raw["forward_window"]), backward_window=int(raw["backward_window"]),
        relatives=folded_set(raw["relatives"]), available=folded_set(raw["available"]),
        objects=folded_set(raw.get("objects", ())), colon_clauses=tuple(raw.get("colon_clauses", ())),
        contrasts=folded_set(raw.get("contrasts", ())), contrast_adverbs=folded_set(raw.get("contrast_adverbs", ())),
        getting_on_verbs=folded_set(raw["getting_on_verbs"]), getting_on_with=folded_set(raw["getting_on_with"]),
        too_much=tuple(raw.get("too_much", ())),
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
        purpose_openers=folded_set(raw["little_german"].get("purpose_openers", ())),
        people_in_general=folded_set(raw["little_german"]["people_in_general"]),
        self_as=folded_set(raw["little_german"]["self_as"]), self_as_reach=int(raw["little_german"]["self_as_reach"]),
        helping=tuple(fold(w) for w in raw["little_german"]["helping"]),
        greetings={tuple(fold(greeting).split()): code for greeting, code in raw["greetings"].items()},
        levels=folded_set(raw["little_german"]["levels"]), enough=tuple(raw["little_german"]["enough"]),
        enough_before=tuple(raw["little_german"]["enough_before"]),
        lessons=tuple(fold(w) for w in raw["little_german"].get("lessons", ())),
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
