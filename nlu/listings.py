"""Categories of a listing as agencies write them: long HTML texts with organisation blurbs and several tasks.

A listing speaks for its organisation ("Unser Tierheim sucht"), so nothing in it is a self-description, and negation
is not read ("Why Not?" is a title, "keine Vorkenntnisse mit Kindern nötig" is still about children). What a listing
offers its volunteers ("Du lernst nette Menschen kennen", "Schulungen") names no category, and care of a thing
("Pflege der Homepage") is no health care."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from nlu.extensions import INTERESTS, spans
from nlu.word_lists import read_toml
from nlu.kernel.text import fold
from nlu.listing_ages import age_groups
from nlu.listing_delivery import names_the_delivery
from nlu.listing_layout import ASIDE_KINDS, ListingLayout, blurb_catalogues, reputation_clauses
from nlu.listing_settings import title_settings
from nlu.listing_things import cares_for_a_thing, describes_a_thing, joined_care_of_a_thing, rescues_a_thing
from nlu.vocabulary import categories_of


@dataclass(frozen=True, slots=True)
class ListingRules:
    """The [listing] section of data/nlu/interests.toml."""

    ignore: tuple[str, ...]
    ignore_words: frozenset[str]
    title_denials: frozenset[str]
    object_care: frozenset[str]
    object_rescue: frozenset[str]
    object_categories: frozenset[str]
    object_reach: int
    bare_care_needs: frozenset[str]
    people_categories: frozenset[str]
    age_categories: frozenset[str]
    volunteer_words: tuple[str, ...]
    volunteer_copulas: frozenset[str]
    volunteer_welcome: frozenset[str]
    served_cues: frozenset[str]
    share: float
    min_evidence: float
    most: int
    catalogue_fields: int
    catalogue_weight: float
    course_heads: tuple[str, ...]
    course_exempt: frozenset[str]
    childcare: tuple[str, ...]
    childcare_besides: frozenset[str]
    corroborated: frozenset[str]
    person_states: frozenset[str]
    state_cues: frozenset[str]
    served: dict[str, frozenset[str]]  # category -> folded first words of a mention naming the people served
    festival_heads: tuple[str, ...]
    age_from: frozenset[str]
    age_plus: frozenset[str]
    age_units: frozenset[str]
    age_not_units: frozenset[str]
    age_nouns: frozenset[str]
    senior_age: int
    also: tuple[tuple[str, tuple[str, ...]], ...]  # (folded word beginning, what it names besides in a listing)
    needs: tuple[tuple[str, frozenset[str]], ...]  # (folded word beginning, fields one of which the listing must name)
    group_heads: tuple[str, ...]  # "gruppe": "für unsere Seniorengruppe" names the group the title's activity is for


@cache
def listing_rules() -> ListingRules:
    """Returns the listing rules."""
    raw = read_toml("interests.toml")["listing"]
    return ListingRules(
        ignore=tuple(fold(word) for word in raw["ignore"]),
        ignore_words=frozenset(fold(word) for word in raw["ignore_words"]),
        title_denials=frozenset(fold(word) for word in raw["title_denials"]),
        object_care=frozenset(fold(word) for word in raw["object_care"]),
        object_rescue=frozenset(fold(word) for word in raw["object_rescue"]),
        object_categories=frozenset(raw["object_categories"]),
        object_reach=int(raw["object_reach"]),
        bare_care_needs=frozenset(raw["bare_care_needs"]),
        people_categories=frozenset(raw["people_categories"]),
        age_categories=frozenset(raw["age_categories"]),
        volunteer_words=tuple(fold(word) for word in raw["volunteer_words"]),
        volunteer_copulas=frozenset(fold(word) for word in raw["volunteer_copulas"]),
        volunteer_welcome=frozenset(fold(word) for word in raw["volunteer_welcome"]),
        served_cues=frozenset(fold(word) for word in raw["served_cues"]),
        share=float(raw["share"]),
        min_evidence=float(raw["min_evidence"]),
        most=int(raw["most"]),
        catalogue_fields=int(raw["catalogue_fields"]),
        catalogue_weight=float(raw["catalogue_weight"]),
        course_heads=tuple(fold(word) for word in raw["course_heads"]),
        course_exempt=frozenset(raw["course_exempt"]),
        childcare=tuple(fold(word) for word in raw["childcare"]),
        childcare_besides=frozenset(fold(word) for word in raw["childcare_besides"]),
        corroborated=frozenset(fold(word) for word in raw["corroborated"]),
        person_states=frozenset(fold(word) for word in raw["person_states"]),
        state_cues=frozenset(fold(word) for word in raw["state_cues"]),
        served={  # folded, and as written: the tokenizer keeps some function words' umlauts ("über")
            key: frozenset({*map(fold, words), *(word.lower() for word in words)})
            for key, words in raw.get("served", {}).items()
        },
        festival_heads=tuple(fold(word) for word in raw["festival_heads"]),
        age_from=frozenset(fold(word) for word in raw["age_from"]),
        age_plus=frozenset(fold(word) for word in raw["age_plus"]),
        age_units=frozenset(fold(word) for word in raw["age_units"]),
        age_not_units=frozenset(fold(word) for word in raw["age_not_units"]),
        age_nouns=frozenset(fold(word) for word in raw["age_nouns"]),
        senior_age=int(raw["senior_age"]),
        also=tuple((fold(start), tuple(keys)) for start, keys in raw.get("also", {}).items()),
        needs=tuple((fold(start), frozenset(keys)) for start, keys in raw.get("needs", {}).items()),
        group_heads=tuple(fold(word) for word in raw["group_heads"]),
    )


_FOR = frozenset({"fuer", "for"})
_THEIR = frozenset({"unsere", "unseren", "unserer", "die", "den", "our", "the", "eine", "einen"})


@dataclass(frozen=True, slots=True)
class Evidence:
    """Each category's weighted mentions in a listing, the categories its title names, those whose people the task
    plainly serves ("Sie begleiten ältere Menschen"), those named only in the offer, wish or contact sections, and
    those among them named only in what the listing offers its volunteers ("Wir bieten: Ehrenamtsnachweis"), and
    those named only in passing: in a catalogue sentence of the organisation's fields or in brackets as examples."""

    scores: dict[str, float]
    titled: frozenset[str]
    served: frozenset[str] = frozenset()
    aside_only: frozenset[str] = frozenset()
    offered_only: frozenset[str] = frozenset()
    passing_only: frozenset[str] = frozenset()
    beside_title: frozenset[str] = frozenset()  # people named in a task sentence with the title's activity


def category_scores(mentions: list[Span], layout: ListingLayout, starts: tuple[int, ...]) -> Evidence:
    """Sums the weights of each category's mentions (`starts`: each token's offset in the cleaned text).

    A sentence that names many fields is the organisation's catalogue ("Kinderchor, Seniorengruppe, Jugendkreis
    und Flüchtlingshilfe", "vermittelt in Sport, Kultur, Umwelt ..."), not the task, and so is one saying what the
    organisation is known for ("Die Malteser sind vor allem für Rettungsdienst und Sanitätsdienst bekannt"): their
    mentions weigh `catalogue_weight` at most. The title counts once for each field it names: "Zirkus: Jonglage &
    Akrobatik" is one field named three times, and counting it thrice would push the people the text names below the
    share.
    """
    rules = listing_rules()
    placed = [(span.label_, starts[span.start]) for span in mentions]
    fields: dict[int, set[str]] = {}
    known = reputation_clauses(mentions[0].doc, layout, starts) if mentions else set()
    known |= blurb_catalogues(mentions, layout, starts)
    for label, offset in placed:
        if offset >= layout.title_length:
            fields.setdefault(layout.sentence(offset), set()).add(label)
    scores: dict[str, float] = {}
    titled: set[str] = set()
    served: set[str] = set()
    outside_asides: set[str] = set()
    outside_offer: set[str] = set()
    outside_passing: set[str] = set()
    people_sentences: set[tuple[str, int]] = set()
    settings = title_settings(mentions, layout.title_length, starts)  # "Hausaufgabenhilfe im Stadtteilzentrum"
    for span, (label, offset) in zip(mentions, placed, strict=True):
        if (span.start, label) in settings:
            scores[label] = scores.get(label, 0.0) + 1.0  # the place the title's task is done at: a word of the text
            continue
        if offset < layout.title_length:
            if label in titled:
                continue  # the title names a field once, however many of its words it uses
            titled.add(label)
        weight = layout.weight(offset, label)
        kind = layout.kind(offset)
        catalogue = kind != "title" and (
            len(fields[layout.sentence(offset)]) >= rules.catalogue_fields or span.start in known
        )
        example = kind != "title" and layout.in_example(offset)
        if catalogue:
            weight = min(weight, rules.catalogue_weight)
        elif kind in ("lead", "task") and not example:
            if ("#" if span[0].like_num else span[0].norm_) in rules.served.get(label, ()):  # "#": "Gruppe 70+"
                served.add(label)
            if label in rules.people_categories and _for_them(span, rules.group_heads):
                people_sentences.add((label, layout.sentence(offset)))
        if not catalogue and not example:
            outside_passing.add(label)
        if kind not in ASIDE_KINDS:
            outside_asides.add(label)
        if kind != "offer":
            outside_offer.add(label)
        scores[label] = scores.get(label, 0.0) + weight
    named = frozenset(scores)
    # "Radtour begleiten | Für unsere Seniorengruppe suchen wir Begleiter für Radtouren": the group the title's
    # activity is done with, named in the sentence that repeats it, is served, however much the title weighs
    beside = {
        label for label, sentence in people_sentences
        if titled and not titled & rules.people_categories and fields[sentence] & titled - {label}
    }
    return Evidence(
        scores, frozenset(titled), frozenset(served), named - outside_asides, named - outside_offer,
        named - outside_passing, frozenset(beside),
    )


def _for_them(span: Span, heads: tuple[str, ...]) -> bool:
    """Tells whether a people mention names a group after "für"/"for" and at most a determiner: "für unsere
    Seniorengruppe", "for our youth group" (not "für Kinder", which a museum or a garden names among its guests)."""
    doc = span.doc
    group = span[-1].norm_.endswith(heads) or (span.end < len(doc) and doc[span.end].norm_.startswith(heads))
    before = [token.norm_ for token in doc[max(span.start - 2, 0):span.start]]
    return group and bool(before) and (
        before[-1] in _FOR or len(before) == 2 and before[0] in _FOR and before[1] in _THEIR
    )


def ranked_categories(evidence: Evidence, order: tuple[str, ...]) -> list[str]:
    """Returns the categories the title names, whose people the lead or the tasks plainly name as those served
    ("Digitalpat*in: ... hilfst Älteren beim Smartphone"), or whose evidence reaches a share of the strongest one and
    more than one plain mention in passing, strongest first: "Trainer*in für Seniorensport" is for seniors however
    often the text says sport. A word in the offer, wish or contact sections alone names no field beside another;
    when nothing else names one, the strongest field the wishes or the contact name is kept ("Das bringst du mit:
    Freude am Umgang mit Kindern"), but never one named only in what the listing offers its volunteers
    ("Wir bieten: Ehrenamtsnachweis für Bewerbungen"). A listing that says little keeps what it says, but not a
    field it names only in passing (a catalogue of the organisation's fields, examples in brackets): such a field
    must reach the evidence floor itself ("Das Kirchencafé ... neben Kinderchor, Seniorengruppe, Jugendkreis und
    Posaunenchor" is no children's listing)."""
    rules = listing_rules()
    scores = evidence.scores
    ranked = sorted(scores, key=lambda key: (-scores[key], order.index(key)))
    best = scores[ranked[0]] if ranked else 0.0
    floor = min(rules.min_evidence, best)  # a listing that says little keeps what it says
    kept = [
        key
        for key in ranked
        if key in evidence.titled
        or key in evidence.served
        or key in evidence.beside_title
        or (
            scores[key] >= max(rules.share * best, rules.min_evidence if key in evidence.passing_only else floor)
            and key not in evidence.aside_only
        )
    ]
    if not kept:
        kept = [key for key in ranked if key not in evidence.offered_only | evidence.passing_only][:1]
    return kept[: rules.most]


def listing_mentions(doc: Doc, title_tokens: int = 0) -> list[Span]:
    """Returns the interest mentions that count for a listing's categories; the title is its first
    `title_tokens` tokens."""
    rules = listing_rules()
    found = spans(doc, INTERESTS)
    starts: dict[int, set[str]] = {}
    for span in found:
        starts.setdefault(span.start, set()).add(span.label_)
    denied = _denied_in_title(doc, title_tokens, rules)
    minding = _minds_children(doc, title_tokens, rules)
    kept = []
    for span in found:
        if span.start < denied:
            continue
        if minding and span.label_ == "education" and _is_course(span, rules):
            continue  # "Kinderbetreuung während der Sprachkurse": the parents attend the course
        if span._.neutral or any(t.norm_.startswith(rules.ignore) or t.norm_ in rules.ignore_words for t in span):
            continue
        if _ignored_part(span, rules):
            continue
        if span.label_ == "health_care" and (
            cares_for_a_thing(doc, span, starts, rules) or joined_care_of_a_thing(span, rules)
        ):
            continue
        if span.label_ == "emergency_services" and rescues_a_thing(span, starts, rules):
            continue
        if names_the_delivery(span, starts, title_tokens):
            continue  # "Digitale Nachhilfe" is tutoring given online
        if span.label_ in rules.age_categories and describes_a_thing(doc, span, starts, rules):
            continue
        if span.label_ == "neighbourhood" and span.start >= title_tokens and _festival_of_another(span, rules):
            continue
        kept.append(span)
    kept += age_groups(doc, rules)
    kept += _named_besides(doc, kept, rules)
    taught = [] if minding else _title_courses(doc, kept, title_tokens, rules)
    return _with_company(_corroborated(kept + taught, rules), rules, title_tokens)


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
    ("Vorlesen", "Vorlesepatin") is education for children, but company for the old or the sick."""
    def needs(span: Span) -> frozenset[str]:  # a title naming its own field is the role ("Grafik für den NABU")
        word = "".join(token.norm_ for token in span)
        keys = next((keys for start, keys in rules.needs if word.startswith(start)), frozenset())
        return frozenset() if span.start < title_tokens and span.label_ in keys else keys

    named = {span.label_ for span in mentions if not needs(span)}  # "Grafik" needs digital from another word

    return [span for span in mentions if not (needs(span) and not named & needs(span))]


def _named_besides(doc: Doc, mentions: list[Span], rules: ListingRules) -> list[Span]:
    """Returns a mention for each field a counted word names in a listing besides its own ("Nachhilfe" is for pupils,
    "Sanitätsdienst" is health care too, a "Repair-Café" environment too), unless the word already names that
    field."""
    found = []
    for span in mentions:
        labels = {other.label_ for other in mentions if other.start == span.start}
        joined = "".join(token.norm_ for token in span)  # "Repair Café", a phrase, is one word here
        parts = [*joined.split("-"), joined.replace("-", "")]  # "Online-Nachhilfe", "Repair-Café"
        for start, keys in rules.also:
            if any(part.startswith(start) for part in parts):
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


def _festival_of_another(span: Span, rules: ListingRules) -> bool:
    """Tells whether a festival named in a listing's text is not the neighbourhood's: "Burgfest", "Museumsfest",
    "Erntefest" are the organisation's own day, a "Nachbarschaftsfest" or "Veedelsfest" is the quarter's."""
    if len(span) != 1:
        return False
    word = span[0].norm_
    head = next((head for head in rules.festival_heads if word.endswith(head)), None)
    if head is None:
        return False
    first = word[: -len(head)].rstrip("-")
    named = {*categories_of(first, span.doc.lang_), *categories_of(first.removesuffix("s"), span.doc.lang_)}
    return "neighbourhood" not in named
