"""The interest matcher's exceptions and context cues from data/nlu/interests.toml, typed and loaded once per
process. Split from nlu/lexicon.py (which re-exports them), as the place rules were, to keep the slots apart."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from nlu.kernel.text import fold
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
    adjective_people: frozenset[str]  # folded dialect adjectives naming children as nouns ("kleene"), not before one
    self_cues: tuple[str, ...]
    job_cues: tuple[str, ...]
    job_wished_after: frozenset[str]  # "I'd love working in ...": a job cue after these is the wish
    self_window: int
    question_verbs: frozenset[str]  # "hat", "haben": opening a sentence before ...
    question_subjects: frozenset[str]  # ... one of these ("Hat das Tierheim ...?") they ask, no self-description cue
    possessives: frozenset[str]
    possessive_window: int
    status_cues: tuple[str, ...]
    status_words: tuple[str, ...]
    apposition_heads: frozenset[str]
    apposition_fillers: frozenset[str]
    fragment_status: frozenset[str]
    age_states: tuple[str, ...]  # folded stems: "ich bin 58, arbeitslos" (after one's age) describes the writer
    age_state_endings: frozenset[str]  # ... with one of these endings after the stem (singular: not "Arbeitslose")
    age_state_since: frozenset[str]  # ... ending its clause or going on with these ("arbeitslos seit März")
    intro_words: frozenset[str]  # "wheelchair user here, ...": a short opening clause ending so introduces the writer
    intro_fans: frozenset[str]  # "animal lover here": an introduction by what one loves names the wish
    gift_heads: frozenset[str]  # "grüner Daumen": a phrase ending so is a gift for a field, no self-description
    possessive_exempt: frozenset[str]  # categories, and folded first words of mentions, never owned
    breakers: frozenset[str]
    broad_stems: frozenset[str]
    group_nouns: frozenset[str]  # "Leute", "Menschen": a category phrase holding one names a group; no keyword
    group_joiners: frozenset[str]  # "ohne", "mit": what such a noun's group is ("Leute ohne Wohnung")
    outdoors: tuple[str, ...]  # "an der frischen Luft": where one likes to be; no category, no keyword
    letter_formulas: tuple[str, ...]  # "Sehr geehrte Damen und Herren", "Mit freundlichen Grüßen": no keyword
    requirement: tuple[str, ...]
    requirement_places: tuple[str, ...]  # folded endings: with a requirement, the school it names is the writer's
    school_wish: tuple[str, ...]  # patterns of a wish just before a school: then it is the place wanted
    wish_after: tuple[str, ...]  # patterns of a wish said after what is wished ("Tiere wären schön")
    home_places: tuple[str, ...]  # patterns of the writer's own village ("bei uns im Dorf"): home, no wish
    retiree_askers: tuple[str, ...]  # "Ehrenamt für Rentner?", "Rentnerin aus Borna sucht": the writer, no wish
    age_verbs: frozenset[str]  # "Kids are 8 and 11": a children word, one of these, a number gives their ages
    child_counts: frozenset[str]  # "zwei", "two": a number word right before a children word counts one's own
    child_count_adjectives: frozenset[str]  # "kleine", "small": may stand between the number and the children
    child_count_owners: frozenset[str]  # "ich", "hab": the writer named before the count in its clause ...
    child_count_wishes: frozenset[str]  # ... and no wish ("würde gern zwei Kinder begleiten")
    teach_words: frozenset[str]  # teaching verbs that name no education when a sport or an art is taught
    taught_subjects: tuple[str, ...]  # sports and arts taught as a subject (chess, piano): education stays
    teach_breaks: frozenset[str]  # words that part a teaching verb from a sport ("Englisch beibringen und Fußball")
    longing: tuple[str, ...]
    general_longing: tuple[str, ...]  # a longing for activity or use as such names no job ("wieder was machen")
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
    refused_verbs: dict[str, tuple[str, ...]]  # folded verb -> categories it names only when refused ("nicht pflegen")
    refusal_words: frozenset[str]  # folded: the negation words such a verb must follow ...
    refusal_gap: frozenset[str]  # ... with only these between ("nicht wieder", "auf keinen Fall auch noch")
    refused_object_articles: frozenset[str]  # ... and no thing after one of these in its clause ("meine Kontakte")
    refused_object_prepositions: frozenset[str]  # ... unless a preposition stands before it ("in der Freizeit")
    visit_people_categories: frozenset[str]
    visit_people_words: frozenset[str]
    either_adults: frozenset[str]  # "kids or adults": the young offered as a choice with these name no age group
    either_joiners: frozenset[str]
    either_category: str
    own_learning: dict[str, frozenset[str]]  # "learn", "want", "others": wanting to learn oneself is no education
    family_verbs: frozenset[str]  # "die Kinder mitbringen": children one brings along are one's own
    children_idioms: dict[str, frozenset[str]]  # "Kinder sind aus dem Haus", "die Kinder sagen": one's own
    paperwork: tuple[str, ...]  # folded beginnings: with newcomers, paperwork is integration, not neighbourhood
    paperwork_fields: frozenset[str]  # the categories whose people's paperwork is their field's work
    skill_after: tuple[str, ...]  # patterns after a mention that make it a skill one has ("Klettern kann ich gut")
    experience_fields: frozenset[str]  # a self-description of these is wanted when one helps others through it
    experience_others: tuple[str, ...]  # patterns of helping others ("möchte anderen helfen", "help new people")
    habit_after: tuple[str, ...]  # the same said as a habit ("ich klettere viel"), with no clause end needed
    habit_subjects: frozenset[str]  # "ich", "I": a habit is one's own only after one of these and no wish word
    conditions: frozenset[str]  # illnesses: said of oneself or a relative, who one is
    condition_owners: frozenset[str]  # "ich", "da", "weil": a condition after these is the writer's
    condition_through: frozenset[str]  # "struggling": the breaker right after ("with") keeps the owner
    recovered_from: frozenset[str]  # "nach langer Krankheit": an owner unless a noun (whom one helps) stands before
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
    help_taught_fields: frozenset[str] = frozenset()  # a skill of these fields taught to `help_taught_people` ...
    help_taught_people: frozenset[str] = frozenset()  # ... is help with it, no education ("Senioren Tablets erklären")
    help_taught_unless: frozenset[str] = frozenset()  # unless the message names one of these ("teach kids coding")
    writer_singulars: tuple[str, ...] = ()  # folded singular nouns that name the writer in a message ("Azubi")
    writer_singular_before: frozenset[str] = frozenset()  # words before one that make it another person ("für einen")
    # (nlu23) folded mention word -> folded words of the message that give it another sense ("books" beside "read")
    other_sense: tuple[tuple[str, tuple[str, ...]], ...] = ()
    cuisine_adjectives: frozenset[str] = frozenset()  # (nlu23) "Syrian" ... before `cuisine_food` ("Syrian food") ...
    cuisine_food: frozenset[str] = frozenset()  # ... names a cuisine, no people to help
    authority_words: frozenset[str] = frozenset()  # (nlu23) "Jobcenter" in a sentence of `authority_writer` words ...
    authority_writer: frozenset[str] = frozenset()  # ... ("mir", "mich") and no helping word (`authority_help`) ...
    authority_help: tuple[str, ...] = ()  # ... is the writer's own authority, no wish
    childcare_course_endings: tuple[str, ...] = ()  # (nlu23) "Kinderbetreuung beim Sprachkurs": the parents' course
    recovered_whom: frozenset[str] = frozenset()  # (review23) "people", "senioren": whom one helps before "after"


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
        adjective_people=folded_set(context.get("adjective_people", ())),
        self_cues=tuple(context["self_cues"]),
        job_cues=tuple(context["job_cues"]),
        job_wished_after=folded_set(context.get("job_wished_after", ())),
        self_window=int(context["self_window"]),
        question_verbs=folded_set(context["question_verbs"]),
        question_subjects=folded_set(context["question_subjects"]),
        possessives=folded_set(context["possessives"]),
        possessive_window=int(context["possessive_window"]),
        status_cues=tuple(context["status_cues"]),
        status_words=tuple(fold(w) for w in context["status_words"]),
        apposition_heads=folded_set(context["apposition_heads"]),
        apposition_fillers=folded_set(context["apposition_fillers"]),
        fragment_status=folded_set(context["fragment_status"]),
        age_states=tuple(fold(w) for w in context.get("age_states", ())),
        age_state_endings=frozenset(context.get("age_state_endings", ())),
        age_state_since=folded_set(context.get("age_state_since", ())),
        intro_words=folded_set(context.get("intro_words", ())),
        intro_fans=folded_set(context.get("intro_fans", ())),
        gift_heads=folded_set(context.get("gift_heads", ())),
        possessive_exempt=frozenset(context["possessive_exempt"]) | folded_set(context["possessive_exempt_words"]),
        requirement=tuple(context["requirement"]),
        requirement_places=tuple(fold(w) for w in context.get("requirement_places", ())),
        school_wish=tuple(context.get("school_wish", ())),
        wish_after=tuple(context.get("wish_after", ())),
        home_places=tuple(context.get("home_places", ())),
        retiree_askers=tuple(context.get("retiree_askers", ())),
        age_verbs=frozenset(context.get("age_verbs", ())),
        child_counts=folded_set(context.get("child_counts", ())),
        child_count_adjectives=folded_set(context.get("child_count_adjectives", ())),
        child_count_owners=folded_set(context.get("child_count_owners", ())),
        child_count_wishes=folded_set(context.get("child_count_wishes", ())),
        teach_words=frozenset(context.get("teach_words", ())),
        taught_subjects=tuple(context.get("taught_subjects", ())),
        teach_breaks=frozenset(context.get("teach_breaks", ())),
        longing=tuple(context["longing"]),
        general_longing=tuple(context.get("general_longing", ())),
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
        group_nouns=folded_set(context["group_nouns"]),
        group_joiners=folded_set(context["group_joiners"]),
        outdoors=tuple(context["outdoors"]),
        letter_formulas=tuple(context["letter_formulas"]),
        visit_words=folded_set(raw["visits"]["words"]),
        gapped={key: tuple(lines) for key, lines in raw["gapped"].items()},
        refused_verbs={fold(k): tuple(v) for k, v in raw.get("refused_verbs", {}).get("verbs", {}).items()},
        refusal_words=folded_set(raw.get("refused_verbs", {}).get("after", ())),
        refusal_gap=folded_set(raw.get("refused_verbs", {}).get("between", ())),
        refused_object_articles=folded_set(raw.get("refused_verbs", {}).get("object_articles", ())),
        refused_object_prepositions=folded_set(raw.get("refused_verbs", {}).get("prepositions", ())),
        own_learning={key: folded_set(words) for key, words in raw["own_learning"].items()},
        family_verbs=folded_set(context["family_verbs"]),
        children_idioms={key: folded_set(words) for key, words in context.get("own_children_idioms", {}).items()},
        paperwork=tuple(fold(w) for w in raw["paperwork"]["prefixes"]),
        paperwork_fields=frozenset(raw["paperwork"].get("fields", ["refugees_integration"])),
        skill_after=tuple(context.get("skill_after", ())),
        habit_after=tuple(context.get("habit_after", ())),
        habit_subjects=folded_set(context.get("habit_subjects", ())),
        experience_fields=frozenset(context.get("experience_fields", ())),
        experience_others=tuple(context.get("experience_others", ())),
        conditions=folded_set(raw["conditions"]["words"]),
        condition_owners=folded_set(raw["conditions"]["owners"]),
        condition_through=folded_set(raw["conditions"]["through"]),
        recovered_from=folded_set(raw["conditions"]["recovered_from"]),
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
        either_adults=folded_set(raw["either_age"]["adults"]),
        either_joiners=folded_set(raw["either_age"]["joiners"]),
        either_category=str(raw["either_age"]["category"]),
        with_young=tuple((fold(k), v[0], v[1]) for k, v in raw.get("with_young", {}).items()),
        needs=tuple((fold(k), frozenset(v)) for k, v in raw.get("needs", {}).items()),
        translation_words=tuple(fold(w) for w in raw.get("translation", {}).get("words", ())),
        newcomer_languages=tuple(fold(w) for w in raw.get("translation", {}).get("newcomer_languages", ())),
        help_taught_fields=frozenset(raw.get("help_taught", {}).get("fields", ())),
        help_taught_people=frozenset(raw.get("help_taught", {}).get("people", ())),
        help_taught_unless=frozenset(raw.get("help_taught", {}).get("unless", ())),
        writer_singulars=tuple(fold(w) for w in raw.get("writer_singulars", {}).get("words", ())),
        writer_singular_before=folded_set(raw.get("writer_singulars", {}).get("before", ())),
        other_sense=tuple((fold(k), tuple(fold(w) for w in v)) for k, v in raw.get("other_sense", {}).items()),
        cuisine_adjectives=folded_set(raw.get("cuisine", {}).get("adjectives", ())),
        cuisine_food=folded_set(raw.get("cuisine", {}).get("food", ())),
        authority_words=folded_set(raw.get("own_authority", {}).get("words", ())),
        authority_writer=folded_set(raw.get("own_authority", {}).get("writer", ())),
        authority_help=tuple(fold(w) for w in raw.get("own_authority", {}).get("help", ())),
        childcare_course_endings=tuple(fold(w) for w in raw.get("childcare_course", {}).get("endings", ())),
        recovered_whom=folded_set(raw["conditions"].get("recovered_whom", ())),
    )
