"""The mentions that count for a listing's categories, as agencies write them: long HTML texts with organisation
blurbs and several tasks (their weighing is nlu.listing_evidence's).

A listing speaks for its organisation ("Unser Tierheim sucht"), so nothing in it is a self-description, and negation
is not read ("Why Not?" is a title, "keine Vorkenntnisse mit Kindern nötig" is still about children). What a listing
offers its volunteers ("Du lernst nette Menschen kennen", "Schulungen") names no category, and care of a thing
("Pflege der Homepage") is no health care."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from nlu.extensions import INTERESTS, spans
from nlu.kernel.text import fold
from nlu.listing_ages import age_groups
from nlu.listing_delivery import names_the_delivery
from nlu.listing_errands import goes_to_the_doctor
from nlu.listing_homonyms import in_other_sense, other_senses
from nlu.listing_newcomers import newcomer_families
from nlu.listing_sections import without_sections_had
from nlu.listing_meeting import title_meeting_place
from nlu.listing_rules import ListingRules, listing_rules
from nlu.listing_schools import title_school_pupils
from nlu.listing_stage import is_stage_technology, titles_a_stage
from nlu.listing_things import (
    cares_for_a_thing, describes_a_thing, joined_care_of_a_thing, repairs_oneself, rescues_a_thing,
)
from nlu.listing_only_words import listing_word_mentions
from nlu.listing_outings import without_outing_places
from nlu.listing_wheelchairs import without_residents_wheelchairs
from nlu.vocabulary import categories_of


def listing_mentions(doc: Doc, title_tokens: int = 0, folded: str | None = None) -> list[Span]:
    """Returns the interest mentions that count for a listing's categories; the title is its first
    `title_tokens` tokens, `folded` the listing's folded text (made from the Doc when not given)."""
    rules = listing_rules()
    found = spans(doc, INTERESTS)
    found = [*found, *listing_word_mentions(doc, found)]  # "Rikscha-Pilot*in": a field in listings only
    starts: dict[int, set[str]] = {}
    for span in found:
        starts.setdefault(span.start, set()).add(span.label_)
    denied = _denied_in_title(doc, title_tokens, rules)
    minding = _minds_children(doc, title_tokens, rules)
    staged = titles_a_stage(doc, title_tokens)
    senses = other_senses(fold(doc.text) if folded is None else folded)  # "Tafel – also die Schreibtafel!"
    kept = []
    for span in found:
        if span.start < denied:
            continue
        if minding and span.label_ == "education" and _is_course(span, rules):
            continue  # "Kinderbetreuung während der Sprachkurse": the parents attend the course
        if span._.neutral or any(t.norm_.startswith(rules.ignore) or t.norm_ in rules.ignore_words for t in span):
            continue
        if _ignored_part(span, rules) or in_other_sense(span, senses):
            continue
        if span.label_ == "health_care" and (
            cares_for_a_thing(doc, span, starts, rules) or joined_care_of_a_thing(span, rules)
            or repairs_oneself(span, rules)  # "Hilfe zur Selbsthilfe bei Reparaturen"
        ):
            continue
        if span.label_ == "emergency_services" and rescues_a_thing(span, starts, rules):
            continue
        if goes_to_the_doctor(span):
            continue  # "Fahrdienst für Arztbesuche": the errand's place
        if staged and is_stage_technology(span):
            continue  # "Technik-Team für unser Theater": light and sound
        if names_the_delivery(span, starts, title_tokens):
            continue  # "Digitale Nachhilfe" is tutoring given online
        if span.label_ in rules.age_categories and describes_a_thing(doc, span, starts, rules):
            continue
        if span.label_ == "neighbourhood" and (
            _festival_of_another(span, rules, span.start < title_tokens) or _quarter_institution(span, rules)
        ):
            continue
        kept.append(span)
    kept = newcomer_families(kept, title_tokens)
    kept = without_sections_had(doc, kept + age_groups(doc, rules), title_tokens)
    kept += _named_besides(doc, kept, rules)
    kept += title_meeting_place(doc, kept, title_tokens)
    taught = [] if minding else _title_courses(doc, kept, title_tokens, rules)
    counted = _corroborated(kept + taught, rules)
    counted += title_school_pupils(doc, counted, title_tokens)  # "Schulimkerei", "Schach-AG": pupils
    counted = without_residents_wheelchairs(counted, title_tokens)  # "mit dem Rollstuhl" in a care home
    counted = without_outing_places(doc, counted, title_tokens)  # "ins Kino, zum Fußball" on an outing
    return _with_company(counted, rules, title_tokens)


def _minds_children(doc: Doc, title_tokens: int, rules: ListingRules) -> bool:
    """Tells whether the title's task is minding children ("Kinderbetreuung beim Sprachkurs"), not a course that
    comes with it ("Deutschlehrer:in für Frauenkurs mit Kinderbetreuung")."""
    return any(
        token.norm_.startswith(rules.childcare) and not (token.i and doc[token.i - 1].norm_ in rules.childcare_besides)
        for token in doc[:title_tokens]
    )


def _is_course(span: Span, rules: ListingRules) -> bool:
    """Tells whether a mention is a course ("Sprachkurs", "Integrationskurs-Begleitung", "Deutschkurse")."""
    return any(part.endswith(rules.course_heads) for token in span for part in token.norm_.split("-"))


def _with_company(mentions: list[Span], rules: ListingRules, title_tokens: int) -> list[Span]:
    """Drops the mentions of words that name their field only for the people the listing names: reading aloud
    ("Vorlesen", "Vorlesepatin") is education for children, but company for the old or the sick, sick children too
    ("Vorlesen im Kinderkrankenhaus")."""
    def needs(span: Span) -> frozenset[str]:  # a title naming its own field is the role ("Grafik für den NABU")
        word = "".join(token.norm_ for token in span)
        keys = next((keys for start, keys in rules.needs if word.startswith(start)), frozenset())
        return frozenset() if span.start < title_tokens and span.label_ in keys else keys

    def barred(span: Span) -> frozenset[str]:  # reading aloud to the sick is company, children's too
        word = "".join(token.norm_ for token in span)
        return next((keys for start, keys in rules.needs_without if word.startswith(start)), frozenset())

    named = {span.label_ for span in mentions if not needs(span)}  # "Grafik" needs digital from another word

    return [
        span for span in mentions if not (needs(span) and not named & needs(span)) and not named & barred(span)
    ]


def _named_besides(doc: Doc, mentions: list[Span], rules: ListingRules) -> list[Span]:
    """Returns a mention for each field a counted word names in a listing besides its own ("Nachhilfe" is for pupils,
    "Sanitätsdienst" is health care too, a "Repair-Café" environment too), unless the word already names that
    field or the listing names a field that keeps the word from it ("pflegende Angehörige" are mostly carers of the
    old, but not where the listing names the children or the disabled people they care for; a word that names its
    field only beside a plainer one, "Familien", does not count for this)."""
    found = []
    present = {
        span.label_ for span in mentions
        if not all(token.norm_.rsplit("-", 1)[-1] in rules.corroborated for token in span)
    }
    for span in mentions:
        labels = {other.label_ for other in mentions if other.start == span.start}
        joined = "".join(token.norm_ for token in span)  # "Repair Café", a phrase, is one word here
        parts = [*joined.split("-"), joined.replace("-", "")]  # "Online-Nachhilfe", "Repair-Café"
        for start, keys in rules.also:
            if any(part.startswith(start) for part in parts) and not present & rules.also_unless.get(start, set()):
                found += [Span(doc, span.start, span.end, label=key) for key in keys if key not in labels]
                labels.update(keys)
    return found


def _denied_in_title(doc: Doc, title_tokens: int, rules: ListingRules) -> int:
    """Returns the number of title tokens a denied question covers ("Seelsorge? Nein, Kassenprüfung!": 1), else 0:
    the title asks about a field only to say the listing is about another."""
    denied = 0
    for token in doc[:title_tokens]:
        if token.text != "?":
            continue
        following = next((t for t in doc[token.i + 1 : title_tokens] if not t.is_punct), None)
        if following is not None and following.norm_ in rules.title_denials:
            denied = token.i
    return denied


def _corroborated(mentions: list[Span], rules: ListingRules) -> list[Span]:
    """Drops the mentions made only of words that name their field just beside a plainer word of it: families and
    schools are where many fields meet ("Umzugshilfe für Familien", "Imkerei an der Schule"), so they name children
    or education only when the listing says so in other words too (a "Hausaufgabenhilfe", "Kinder")."""
    def weak(span: Span) -> bool:
        before = span.doc[span.start - 1].norm_ if span.start else ""
        if before in rules.state_cues and span[0].norm_ in rules.person_states:
            return False  # "Gäste im Rollstuhl" are people with a disability; "Rollstuhl schieben" is help
        return all(token.norm_.rsplit("-", 1)[-1] in rules.corroborated for token in span)
    plain = {span.label_ for span in mentions if not weak(span)}
    return [span for span in mentions if span.label_ in plain or not weak(span)]


def _title_courses(doc: Doc, mentions: list[Span], title_tokens: int, rules: ListingRules) -> list[Span]:
    """Returns an education mention for each course the title says the volunteer gives ("Computerkurs für
    Geflüchtete", "Erste-Hilfe-Kurse für Kinder geben"): teaching is education, whatever is taught, unless it is a
    sport ("Schwimmkurs"). In the text a course is mostly the one volunteers attend, so only the title counts, and
    not a course the listing ignores as one volunteers attend ("Hospizbegleiter*innen – Vorbereitungskurs startet")."""
    if any(span.label_ in rules.course_exempt and span.start < title_tokens for span in mentions):
        return []
    taught = {span.start for span in mentions if span.label_ == "education"}
    return [
        Span(doc, token.i, token.i + 1, label="education")
        for token in doc[:title_tokens]
        if token.norm_.endswith(rules.course_heads)
        and token.i not in taught
        and not token.norm_.startswith(rules.ignore)
    ]


def _ignored_part(span: Span, rules: ListingRules) -> bool:
    """Tells whether a hyphenated word names the span's field only by a part the listing ignores: "Bergwacht-Nachwuchs"
    is the mountain rescue's new members (no children), as "sucht Nachwuchs" alone is."""
    if len(span) != 1 or "-" not in span[0].norm_:
        return False
    parts = [part for part in span[0].norm_.split("-") if part]
    ignored = [part for part in parts if part in rules.ignore_words]
    if not ignored:
        return False
    return not any(span.label_ in categories_of(part, span.doc.lang_) for part in parts if part not in ignored)


def _festival_of_another(span: Span, rules: ListingRules, titled: bool = False) -> bool:
    """Tells whether a festival named in a listing's text is not the neighbourhood's: "Burgfest", "Museumsfest",
    "Erntefest" are the organisation's own day, a "Nachbarschaftsfest" or "Veedelsfest" is the quarter's. In the
    title (`titled`) a festival is the neighbourhood's unless its first part names another field: "Helfer*innen
    beim Sommerfest" is a neighbourly day, "Festausschuss für das Feuerwehrfest" the fire brigade's."""
    if len(span) != 1:
        return False
    word = span[0].norm_
    head = next((head for head in rules.festival_heads if word.endswith(head)), None)
    if head is None:
        return False
    first = word[: -len(head)].rstrip("-")
    named = {*categories_of(first, span.doc.lang_), *categories_of(first.removesuffix("s"), span.doc.lang_)}
    return "neighbourhood" not in named and bool(named or not titled)


def _quarter_institution(span: Span, rules: ListingRules) -> bool:
    """Tells whether a neighbourhood mention is a quarter's institution of another field: "Stadtteilmuseum",
    "Stadtteilbibliothek", "Kiez-Kino" are culture; a "Stadtteilgarten" or a "Stadtteilzeitung" is the quarter's."""
    if len(span) != 1:
        return False
    word = span[0].norm_
    part = next((part for part in sorted(rules.quarter_parts, key=len, reverse=True) if word.startswith(part)), None)
    if part is None:
        return False
    named = set(categories_of(word[len(part):].lstrip("-"), span.doc.lang_))
    return bool(named & rules.institution_fields) and "neighbourhood" not in named
