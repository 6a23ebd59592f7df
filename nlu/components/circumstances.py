"""The circumstances a message states around what the writer wants (issue 14, messages; category round 5): the
place a duty is done at ("Sanitätsdienst bei Konzerten"), an access the writer needs beside their own disability
("bin Rollstuhlfahrer, barrierefreier Zugang wäre wichtig"), children described as one's own ("die Kinder sind aus
dem Haus", "kids 6 and 9") and a bracketed aside describing the person before it ("Ich (34, Pflegefachkraft im
Schichtdienst)", "my son (7, autistic)"). Each names who one is or where one helps, not the field one asks for."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from nlu.components.common import clause_around, is_boundary, opens_clause, opens_sentence
from nlu.components.means import means_of_helping
from nlu.components.own_arrival import own_arrival
from nlu.lexicon import known_words
from nlu.word_lists import read_toml, word_rules

_CHILDREN = "children_youth"
_DISABILITY = "disability_inclusion"
_SPORTS = "sports"
_COMMA = frozenset({","})  # a comma does not end the sentence a passenger vehicle is named in
_SETTING_REACH = 6  # "first aid at football matches or at the theatre": the setting may be a short list on
_WHEREABOUTS_REACH = 6  # "wenn die Kinder in der Schule und Kita sind": the place and the verb follow closely
_CARE_GAP = 2  # "meinen Mann jahrelang gepflegt": a word or two between the relative and the verb
_CHILD_AGE_LIMIT = 30  # "kids 6 and 9", "Kinder 19 und 23": ages; a postal code or a year is no age


@dataclass(frozen=True, slots=True)
class CircumstanceRules:
    """Word lists of data/nlu/interests.toml's [circumstances] section (folded)."""

    duties: frozenset[str]  # the fields of duties whose setting follows ("emergency_services")
    duty_prepositions: frozenset[str]  # "bei", "beim", "at": the setting preposition after the duty
    duty_stops: frozenset[str]  # "und", "mit", "machen": a verb, or a new phrase, ends the list of settings
    joiners: frozenset[str]  # "und", "and": a new phrase may follow one (duty_new_phrase)
    setting_fields: frozenset[str]  # the fields a setting word names ("culture", "sports") that the duty makes place
    duty_new_phrase: frozenset[str]  # "und nebenbei im Chor": after a joiner, a new phrase, no further setting
    access_words: tuple[str, ...]  # folded beginnings of access adjectives ("barrierefrei", "accessible")
    access_after: frozenset[str]  # "-friendly" after a disability word ("deaf-friendly") is an access need too
    access_causes: frozenset[str]  # "für barrierefreie Schulen": the access word after these is a cause
    children_states: frozenset[str]  # "sind", "wohnen", "are": ... said where they are or live
    children_needs: tuple[str, ...]  # "brauch", "bored": ... unless the clause names a need of theirs
    children_scan_stops: frozenset[str]  # "ich", "i": the writer's own clause begins
    whereabouts_openers: frozenset[str]  # "wenn", "while": open a clause on where one's children are ...
    children_owners: frozenset[str]  # "die", "meine", "the", "my": ... then the children's owner word ...
    children_subjects: frozenset[str]  # "kinder", "kids": ... and the children as its subject
    children_pronouns: frozenset[str]  # "die", "sie", "they": the children named before, right after an opener
    children_place_prepositions: frozenset[str]  # "at", "im": "Kids are at school" without an owner word ...
    children_plights: tuple[str, ...]  # ... unless a plight follows ("Kinder sind in Not")
    aside_heads: frozenset[str]  # "ich", "me": a bracket right after describes the writer
    kin: tuple[str, ...]  # folded beginnings of relatives' words: a bracket right after one describes them ...
    owners: frozenset[str]  # ... when one of these stands right before the word ("my son (7, autistic)")
    subject_kin: tuple[str, ...]  # "Tochter", "kids": a relative opening a clause after an owner is its subject ...
    relative_breakers: frozenset[str]  # ... unless a wish or the writer stands in it ("möchte", "ich", "would")
    name_cues: frozenset[str]  # "heiße", "named": a capitalised first and last name follow ("Anna Igel") ...
    named_places: frozenset[str]  # ... or a day-care's name follows its noun ("Kita Igelnest"): no field words
    named_place_fields: frozenset[str]  # the fields a day-care's name borrows its words from ("animals")
    passenger_vehicles: tuple[str, ...]  # "rikscha": a ride in it is an outing for its passengers ...
    ride_words: tuple[str, ...]  # ... so a sports word of riding ("Radtouren") in its sentence is no sport
    care_words: frozenset[str]  # "pflege", "caring": caring for one's own relative ("meine Mutter pflege") ...
    care_gap: frozenset[str]  # ... with only these between the verb and the relative ("care for my mum")
    care_noun_markers: frozenset[str]  # "der", "in": the care word after these is the noun ("in der Pflege helfen")
    kin_comparisons: frozenset[str]  # "wie", "with": a relative after these is a model or company, not the cared-for
    group_words: tuple[str, ...]  # "klasse", "familie": an owned group's bracket describes the group ...
    group_owners: frozenset[str]  # ... owned by the writer ("meine", "our"): "ihre Familie (...)" is whom to help
    aside_ages: frozenset[str]  # "und", ",": children with a list of ages in brackets are one's own
    apposition_openers: frozenset[str]  # "die", "eine", "the": "Wir, die B-Jugend vom FC, ..." names the writer
    relative_openers: frozenset[str]  # "die": opens a relative clause too, its verb last


@cache
def circumstance_rules() -> CircumstanceRules:
    """Returns the [circumstances] word lists."""
    raw = read_toml("interests.toml")["circumstances"]
    return word_rules(CircumstanceRules, raw, as_written=("duties", "setting_fields", "named_place_fields"), keys={
        "whereabouts_openers": "children_whereabouts_openers", "kin": "aside_kin", "owners": "aside_owners",
        "care_words": "own_care_words", "care_gap": "own_care_gap", "group_words": "aside_groups",
        "care_noun_markers": "own_care_noun_markers",
        "group_owners": "aside_group_owners", "relative_openers": "apposition_relative_openers",
        "kin_comparisons": "own_care_kin_comparisons"})


def around_the_wish(doc: Doc, mentions: list[Span], described: list[Span]) -> list[Span]:
    """Returns the mentions that name a circumstance of the wish, not a field: the setting of a duty, an access the
    writer needs, the means of helping (nlu/components/means.py)."""
    found = duty_settings(doc, mentions) + access_needs(doc, mentions, described)
    return found + means_of_helping(doc, [span for span in mentions if span not in found])  # another field is wanted


def without_names_and_rides(doc: Doc, mentions: list[Span]) -> list[Span]:
    """Returns the mentions without those that name no field where they stand: a person's or a day-care's name
    ("Ich heiße Anna Igel", "Kita Igelnest") and sports of passenger rides (`without_passenger_rides`)."""
    rules = circumstance_rules()
    words = known_words()  # a day-care's name is a coined compound ("Igelnest"); "Kita Tiere füttern" says what
    people = {i for i in range(2, len(doc)) if doc[i].is_title and doc[i - 1].is_title
              and doc[i - 2].norm_ in rules.name_cues}
    # a day-care's name is an animal or a bit of nature ("Igelnest", "Waldmäuse"); "in der Kita Malkurse geben" works
    places = {i for i in range(1, len(doc)) if doc[i].is_title and doc[i - 1].norm_ in rules.named_places
              and doc[i].norm_ not in words}
    return without_passenger_rides(doc, [
        span for span in mentions
        if not (len(span) == 1 and (span.start in people
                                    or span.start in places and span.label_ in rules.named_place_fields))
    ])


def without_passenger_rides(doc: Doc, mentions: list[Span]) -> list[Span]:
    """Returns the mentions without sports made of a ride word in a sentence naming a vehicle that carries its
    passengers: "Senioren auf Radtouren mit der Rikscha begleiten", "rickshaw bike tours for the elderly" are outings
    for the people carried ("Radtouren mit dem Verein" stays sports)."""
    rules = circumstance_rules()
    vehicles = [t.i for t in doc if t.norm_.startswith(rules.passenger_vehicles)]
    if not vehicles:
        return mentions
    carried = {clause_around(doc, i, i, _COMMA) for i in vehicles}
    return [
        span for span in mentions
        if not (span.label_ == _SPORTS and any(t.norm_.startswith(rules.ride_words) for t in span)
                and any(start <= span.start < end for start, end in carried))
    ]


def duty_settings(doc: Doc, mentions: list[Span]) -> list[Span]:
    """Returns the mentions that name where a duty is done: a culture or sports word after a duty of the rescue
    services and a setting preposition, in the same clause and a few words on ("Sanitätsdienst bei Konzerten und
    Fußballspielen", "first aid at concerts", "sanitätsdienst beim fußball", "first aid at matches or at the
    theatre"), is the event one serves at, not a wish for culture or sport."""
    rules = circumstance_rules()
    placed = {span.end for span in mentions if span.label_ in rules.duties}  # a preposition right after a duty
    placed = {i for i in placed if i < len(doc) and doc[i].norm_ in rules.duty_prepositions}
    if not placed:
        return []
    found = []
    listed = {span.start for span in mentions if span.label_ in rules.setting_fields}  # "bei Konzerten, Festivals"
    for span in mentions:
        if span.label_ not in rules.setting_fields:
            continue
        for i in range(span.start - 1, max(span.start - _SETTING_REACH, 0) - 1, -1):
            if i in placed:
                found.append(span)
                break
            new_phrase = doc[i].norm_ in rules.joiners and doc[i + 1].norm_ in rules.duty_new_phrase
            if (is_boundary(doc[i]) and not (doc[i].text == "," and i + 1 in listed)) or new_phrase:
                break
            if doc[i].norm_ in rules.duty_stops:
                break
    return found


def access_needs(doc: Doc, mentions: list[Span], described: list[Span]) -> list[Span]:
    """Returns the disability mentions that are an access the writer needs, when the writer (or a relative) has a
    disability named as who they are: "bin Rollstuhlfahrer ... Barrierefreier Zugang wäre wichtig", "I'm a deaf
    student ... volunteering that's deaf-friendly?". An access word alone ("barrierefreie Stadtführungen anbieten")
    or the cause ("für Barrierefreiheit engagieren", a noun) stays the field."""
    if not any(span.label_ == _DISABILITY for span in described):
        return []
    rules = circumstance_rules()
    found = []
    for span in mentions:
        if span.label_ != _DISABILITY or len(span) != 1:
            continue
        if span.start and doc[span.start - 1].norm_ in rules.access_causes:
            continue  # "mich für barrierefreie Schulen einsetzen": the cause one works for
        norm = span[0].norm_
        adjective = norm.startswith(rules.access_words) and not norm.endswith(("heit", "keit", "ity"))
        hyphen = span.end + 1 < len(doc) and doc[span.end].norm_ == "-"
        friendly = hyphen and doc[span.end + 1].norm_ in rules.access_after
        if adjective or friendly:
            found.append(span)
    return found


def describes_person(doc: Doc, span: Span) -> bool:
    """Tells whether a mention describes the writer or a relative by its circumstances (see the three below, and
    the writer's own arrival in nlu/components/own_arrival.py)."""
    return (
        about_own_children(doc, span) or in_described_aside(doc, span) or relatives_doing(doc, span)
        or own_arrival(doc, span) or caring_for_own(doc, span) or in_apposition_to_writer(doc, span)
    )


def in_apposition_to_writer(doc: Doc, span: Span) -> bool:
    """Tells whether a mention stands in an apposition to the writer opening a sentence, between commas: "Wir, die
    B-Jugend vom FC, wollen ...", "Wir, eine Gruppe Studierender, möchten ...", "We, the staff of a day-care, would
    like ...": it names who the writer is."""
    rules = circumstance_rules()
    i = span.start - 1
    while i > 0 and doc[i].text != ",":
        if is_boundary(doc[i]):
            return False
        i -= 1
    if i < 1 or doc[i].text != "," or doc[i - 1].norm_ not in rules.aside_heads or not opens_sentence(doc, i - 1):
        return False
    if i + 1 >= len(doc) or doc[i + 1].norm_ not in rules.apposition_openers:
        return False
    closing = next((k for k in range(span.end, len(doc)) if is_boundary(doc[k])), None)
    if closing is None or doc[closing].text != ",":
        return False
    # German puts a relative clause's verb last ("Wir, die gern mit Kindern arbeiten würden, ..."): an apposition
    # ends in its noun, capitalised ("Wir, die B-Jugend vom FC, ...")
    last = doc[closing - 1]
    return doc[i + 1].norm_ not in rules.relative_openers or not (last.is_alpha and last.is_lower)


def caring_for_own(doc: Doc, span: Span) -> bool:
    """Tells whether a mention is the writer caring for a relative of their own: "weil ich meine Mutter pflege", "Ich
    pflege meinen Vater", "hab meinen Mann jahrelang gepflegt", "Pflege meiner Mutter", "caring for my husband". With
    the relative first the care word is a verb ("meine Mutter pflege", not "meine Mutter in der Pflege"), and a
    relative after "wie" or "mit" is a model or company ("wie meine Mutter pflegen"). That
    is why one has little time or can help only from home, not the field one asks for; caring for others ("Menschen
    pflegen", "ältere Menschen betreuen", "pflegende Angehörige entlasten") stays the wish."""
    rules = circumstance_rules()
    if len(span) != 1 or span[0].norm_ not in rules.care_words:
        return False
    start, end = clause_around(doc, span.start, span.end)
    for i in range(start + 1, end):
        if doc[i - 1].norm_ not in rules.owners or not _is_kin(doc[i].norm_, rules):
            continue
        if i < span.start and (
            doc[span.start - 1].norm_ in rules.care_noun_markers
            or i >= 2 and doc[i - 2].norm_ in rules.kin_comparisons
        ):
            continue  # "wie meine Mutter in der Pflege helfen": a model before the noun, no relative cared for
        gap = doc[i + 1:span.start] if i < span.start else doc[span.end:i - 1]
        if len(gap) <= _CARE_GAP and not any(is_boundary(t) or t.norm_ in rules.relative_breakers for t in gap) and (
            i < span.start or all(t.norm_ in rules.care_gap for t in gap)
        ):
            return True
    return False


def _is_kin(norm: str, rules: CircumstanceRules) -> bool:
    """Tells whether a folded word names a relative ("Mutter", "Vaters", "husband"): a kin word and an ending."""
    return any(norm.startswith(kin) and len(norm) - len(kin) <= 2 for kin in rules.kin)


def about_own_children(doc: Doc, span: Span) -> bool:
    """Tells whether a mention stands where the writer says how old their children are ("..., kids 6 and 9") or
    where they are or live, in a clause from the children on: "Die Kinder sind aus dem Haus", "die Kinder wohnen in
    München", "wenn die Kids in Schule+Kita sind", "während die Kinder im Kindergarten sind", "the kids are at
    school until 1" (the last three tell when the writer is free). Without an opener ("wenn", "while") the verb must
    follow the children ("die Kinder sind in der Kita"), as "Die Kinder im Viertel sind oft allein" names whom to
    help. The clause ends at the writer or a wish ("When my kids are at football I could help"); a need of theirs
    keeps the words ("wenn die Kinder Hilfe brauchen", "die Kinder leben im Heim und brauchen jemanden")."""
    if _children_with_ages(doc, span):
        return True
    rules = circumstance_rules()
    start, end = clause_around(doc, span.start, span.end)
    for i in range(span.start, start - 1, -1):
        # "kann nur, wenn die in der Kita sind": the pronoun stands for the children named before
        pronoun = (i > start and doc[i].norm_ in rules.children_pronouns and span.start > i
                   and doc[i - 1].norm_ in rules.whereabouts_openers)
        if doc[i].norm_ not in rules.children_subjects and not pronoun:
            continue
        owned = pronoun or (i > start and doc[i - 1].norm_ in rules.children_owners)
        bare = i == start and i + 3 < end and doc[i + 1].norm_ in rules.children_states and (
            doc[i + 2].norm_ in rules.children_place_prepositions
            and not doc[i + 3].norm_.startswith(rules.children_plights)
        )  # "Kids are at school 8-1", not "Kinder sind in Not"
        if not (owned or bare):
            continue
        if i + 1 >= end:
            return False
        opened = pronoun or (i - 2 >= start and doc[i - 2].norm_ in rules.whereabouts_openers)
        if not (opened or i - 1 == start or doc[i + 1].norm_ in rules.children_states):
            continue
        rest = []
        for token in doc[i + 1:min(end, i + 1 + _WHEREABOUTS_REACH)]:
            if token.norm_ in rules.relative_breakers or token.text.endswith("."):  # "die Kinder sind 4 und 10."
                break
            rest.append(token)
        if span.end > i + 1 + len(rest) or _children_need(doc, i + 1, rules):
            return False
        states = [t.norm_ in rules.children_states for t in rest]
        return any(states) and (opened or states[0])
    return False


def relatives_doing(doc: Doc, span: Span) -> bool:
    """Tells whether a mention says what a relative does, in a clause the relative opens as its subject: "Meine
    Tochter tanzt Ballett, ich suche was im Umweltschutz", "my kids do homework with me", "meine Frau arbeitet im
    Waldkindergarten" describe the family, not the writer's wish. A wish or the writer anywhere in that clause keeps
    the mention: "Meine Tochter möchte ins Tierheim", "my son plays hockey and I could help the youth team"."""
    rules = circumstance_rules()
    start, end = clause_around(doc, span.start, span.end)
    if start + 1 >= span.start or doc[start].norm_ not in rules.owners:
        return False
    if not any(doc[start + 1].norm_.startswith(kin) for kin in rules.subject_kin):
        return False
    # the whole clause: "my son plays hockey and I could help the youth team" wishes with the relative's doing
    return not any(token.norm_ in rules.relative_breakers for token in doc[start + 2:end])


def _children_with_ages(doc: Doc, span: Span) -> bool:
    """Tells whether a children mention opens its clause with their ages after it ("..., kids 6 and 9"), or has a list
    of ages in brackets right after it ("Mit den Kindern (7, 9) zusammen", "drei Kindern (2, 5 und 8)"); a range names
    whom to help ("Kinder (6-10 Jahre)")."""
    if span.label_ != _CHILDREN or len(span) != 1 or span.end >= len(doc):
        return False
    if _child_age(doc[span.end].text) and opens_clause(doc, span.start):
        return True
    ages = doc[span.end:span.end + 4]
    return (
        len(ages) == 4 and ages[0].text == "(" and _child_age(ages[1].text)
        and ages[2].norm_ in circumstance_rules().aside_ages and _child_age(ages[3].text)
    )


def _children_need(doc: Doc, start: int, rules: CircumstanceRules) -> bool:
    """Tells whether the clause from `start` names a need of the children before the writer speaks of themself:
    "Die Kinder leben im Heim und brauchen jemanden", "the kids are bored": then they are whom to help."""
    for token in doc[start:]:
        if is_boundary(token) or token.norm_ in rules.children_scan_stops:
            return False
        if token.norm_.startswith(rules.children_needs):
            return True
    return False


def _child_age(text: str) -> bool:
    """Tells whether a token is a child's age ("kids 6 and 9"), not a postal code ("Jugendarbeit 01067")."""
    return text.isascii() and text.isdigit() and 0 < int(text) < _CHILD_AGE_LIMIT and not text.startswith("0")


def in_described_aside(doc: Doc, span: Span) -> bool:
    """Tells whether a mention stands in a bracketed aside right after the writer or a relative: "Ich (34,
    alleinerziehend, Pflegefachkraft im Schichtdienst) ...", "Me (38) and my son (7, autistic)": the aside says who
    that person is."""
    rules = circumstance_rules()
    i = _bracket_around(doc, span)
    if i is None:
        return False
    head = doc[i - 1].norm_
    if head in rules.aside_heads:
        return True
    # a relative's word needs its owner right before it ("my son (7, autistic)", "meine Mutter (55)"): "Frauen
    # (Geflüchtete) unterstützen" names the people to help
    if i >= 2 and doc[i - 2].norm_ in rules.owners and _is_kin(head, rules):
        return True
    # one's own group, its number between at most ("meine Klasse (...)", "meine 9. Klasse (24 Schüler)")
    owner = next((k for k in range(i - 2, max(i - 4, -1), -1) if doc[k].norm_ in rules.group_owners), None)
    return owner is not None and head.endswith(rules.group_words) and not any(
        is_boundary(t) for t in doc[owner + 1:i - 1] if t.text != "."
    )


def _bracket_around(doc: Doc, span: Span) -> int | None:
    """Returns where the complete bracket around a mention opens ("(" right before its words, no bracket between)."""
    i = span.start - 1
    while i >= 0 and doc[i].text not in "()":
        i -= 1
    if i <= 0 or doc[i].text != "(":
        return None
    closed = next((k for k in range(span.end, len(doc)) if doc[k].text in "()"), None)
    return i if closed is not None and doc[closed].text == ")" else None


def asides_of_described(doc: Doc, mentions: list[Span], described: list[Span]) -> list[Span]:
    """Returns the mentions in a bracketed aside right after a group word that describes the writer's group: "Wir sind
    eine Familie (2 Erwachsene, 3 Kinder zwischen 11 und 17)" says more of the family, not the field wanted. (A dog's
    aside is left: "mit meinem Hund (Therapiehund-Ausbildung)" is mostly the dog's work wanted.)"""
    rules = circumstance_rules()
    ends = {span.end for span in described if span[-1].norm_.endswith(rules.group_words)}
    if not ends:
        return []
    keys = {(span.start, span.end, span.label) for span in described}
    return [
        span for span in mentions
        if (span.start, span.end, span.label) not in keys and _bracket_around(doc, span) in ends
    ]
