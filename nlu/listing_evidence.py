"""A listing's evidence for each category and the categories it keeps: mentions weigh by where they stand (title,
lead, tasks, blurb, offer and wish sections, catalogues of the organisation's fields, examples in brackets), and a
category is kept when the title names it, the task plainly serves its people, or its weight reaches a share of the
strongest."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from nlu.listing_layout import ASIDE_KINDS, ListingLayout, blurb_catalogues, reputation_clauses
from nlu.listing_rules import ListingRules, listing_rules
from nlu.listing_settings import title_settings
from nlu.listing_only_words import is_listing_word

_FOR = frozenset({"fuer", "for"})
_LISTING = frozenset({",", "und", "oder", "and", "or", "/"})  # the nouns a preposition governs may be a list
_SENTENCE_ENDS = frozenset({".", "!", "?", ";", ":", "•"})
_ERRAND_LIST = 5  # tokens of a list before an errand noun, back to the preposition governing it
_ERRAND_SENTENCE = 15  # tokens before an errand noun in which a person it is run for may be named
_INTERVIEW_REACH = 3  # tokens before a people mention in which a word of interviewing makes them the interviewed
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
    # "Rikscha-Pilot*in": a word naming how the task is done keeps its field, but weighs nothing and makes no catalogue
    tools = {
        span.label_ for span in mentions
        if is_listing_word(span) and layout.kind(starts[span.start]) not in ASIDE_KINDS
    }
    mentions = [span for span in mentions if not is_listing_word(span)]
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
    people = frozenset(span.start for span in mentions if span.label_ in rules.people_categories)
    titled_people = {label for label, offset in placed if offset < layout.title_length} & rules.people_categories
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
            if _interviewed(span, rules):
                pass  # "Interviews mit älteren Menschen führen": they are asked for what they know, not served
            elif ("#" if span[0].like_num else span[0].norm_) in rules.served.get(label, ()) and (
                label not in rules.errand_categories or _errand_for_someone(span, people, rules)
            ) and not (label in rules.served_after_title and titled_people - {label}):  # "#": "Gruppe 70+"
                served.add(label)
            elif kind == "task" and label in rules.task_served and _after_a_cue(span, rules.served_cues):
                served.add(label)  # "Ihre Aufgaben: Backen mit Senioren aus dem Viertel"
            if label in rules.people_categories and _for_them(span, rules.group_heads):
                people_sentences.add((label, layout.sentence(offset)))
        if not catalogue and not example:
            outside_passing.add(label)
        if kind not in ASIDE_KINDS:
            outside_asides.add(label)
        if kind != "offer":
            outside_offer.add(label)
        scores[label] = scores.get(label, 0.0) + weight
    for label in tools:
        scores.setdefault(label, 0.0)
    served |= tools
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


def _interviewed(span: Span, rules: ListingRules) -> bool:
    """Tells whether a people mention names those the volunteer interviews: a word of interviewing at most
    `_INTERVIEW_REACH` tokens before it in its sentence ("Interviews mit älteren Einwohnern", "interviewing older
    residents") or right after it ("ältere Menschen befragen")."""
    doc = span.doc
    before = [doc[i] for i in _sentence_before(span)][-_INTERVIEW_REACH:]
    after = doc[span.end : span.end + 1]
    return any(token.norm_.startswith(rules.interview_words) for token in [*before, *after])


def _errand_for_someone(span: Span, people: frozenset[int], rules: ListingRules) -> bool:
    """Tells whether an errand noun is run for a person: before a preposition of the people served and a person
    ("Besorgungen für ältere Menschen", "Einkäufe für Nachbarn"), or, when no owner or thing follows it ("die
    Einkäufe des Vereins", "bei den Einkäufen für die Küche"), after such a preposition, maybe at the end of a list
    ("Begleitung bei Spaziergängen und Einkäufen", "für Ausflüge, Einkäufe"), or after a person in its sentence
    ("besuchen Patientinnen und Patienten, erledigen kleine Besorgungen")."""
    doc = span.doc
    after = doc[span.end].norm_ if span.end < len(doc) else ""
    if after in rules.served_cues:
        return any(i in people or doc[i].norm_ in rules.errand_people for i in range(span.end + 1, span.end + 4)
                   if i < len(doc))
    if after in rules.errand_owners:
        return False
    listed = span.start
    while listed > max(span.start - _ERRAND_LIST, 0) and (
        doc[listed - 1].norm_ in _LISTING or doc[listed - 1].text[:1].isupper()
    ) and doc[listed - 1].norm_ not in rules.served_cues:
        listed -= 1
    return _after_a_cue(doc[listed:span.end], rules.served_cues) or any(
        doc[i].norm_ in rules.errand_people for i in _sentence_before(span)
    )


def _sentence_before(span: Span) -> range:
    """Returns the indices of the tokens of a mention's sentence before it, at most `_ERRAND_SENTENCE` of them."""
    doc = span.doc
    start = span.start
    while start > max(span.start - _ERRAND_SENTENCE, 0) and not (
        doc[start - 1].text in _SENTENCE_ENDS or "\n" in doc[start - 1].text
    ):
        start -= 1
    return range(start, span.start)


def _after_a_cue(span: Span, cues: frozenset[str]) -> bool:
    """Tells whether a mention follows a preposition of the people served, with at most a determiner between: "mit
    Senioren", "für geflüchtete Frauen", "an die Familien", "for the refugees"; a group named by what its people live
    with follows it after their noun ("für Menschen mit Behinderung")."""
    doc = span.doc
    before = span.start - (2 if span[0].norm_ in cues else 1)
    if before >= 0 and doc[before].norm_ in _THEIR:
        before -= 1
    return before >= 0 and doc[before].norm_ in cues


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
