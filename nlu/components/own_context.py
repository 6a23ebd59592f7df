"""Whose a mention is: children one brings along are one's own, and learning one wants to do oneself is no wish to
teach. Both make an interest mention a self-description (issue 14, messages side)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from nlu.components.common import clause_around, is_boundary, opens_sentence
from nlu.lexicon import InterestRules
from nlu.listing_rules import listing_rules
from nlu.vocabulary import categories_of

_CHILDREN = "children_youth"
_SENSE_GAP = 3  # words a two-word `[other_sense]` cue may hold between its words ("read picture books to")
_EDUCATION = "education"
_NEWCOMERS = "refugees_integration"
_NEIGHBOURHOOD = "neighbourhood"
_ADVICE_REACH = 3  # "Die Kinder sagen, ich soll ...", "my kids keep telling me": the writer right after the saying
_TAUGHT_REACH = 4  # "teach teenagers to play basketball": the sport three words after the verb


class _Clauses:
    """Clause bounds and running word counts of one Doc, built in one pass and kept in Doc.user_data: each question
    about a mention's clause is then answered in constant time, so a 4,000-character message without punctuation
    (one clause of hundreds of mentions) costs linear, not quadratic, time."""

    def __init__(self, doc: Doc, rules: InterestRules) -> None:
        n = len(doc)
        self.size = n
        self.starts = [0] * (n + 1)  # starts[i]: first token of the clause token i stands in
        self.ends = [n] * (n + 1)  # ends[i]: first boundary at or after i (the clause's end), n if none
        family = [0] * (n + 1)  # family[i]: family verbs ("mitbringen") among the first i tokens
        want = [0] * (n + 1)
        others = [0] * (n + 1)
        subjects = [0] * (n + 1)  # subjects[i]: first-person subjects ("ich", "I") among the first i tokens
        self.owner = [False] * (n + 1)  # owner[i]: walking back from token i - 1, an owner word comes first
        words = rules.own_learning
        start, owner = 0, False
        for token in doc:
            i, norm = token.i, token.norm_
            self.starts[i] = start
            self.owner[i] = owner
            boundary = is_boundary(token)
            family[i + 1] = family[i] + (norm in rules.family_verbs)
            want[i + 1] = want[i] + (norm in words["want"])
            others[i + 1] = others[i] + (norm in words["others"])
            subjects[i + 1] = subjects[i] + (norm in rules.habit_subjects)
            if boundary:
                start, owner = i + 1, False
            elif norm in rules.breakers and not (i and doc[i - 1].norm_ in rules.condition_through):
                owner = False  # "I've been struggling with depression": the owner carries over "with"
            elif norm in rules.condition_owners or norm in rules.possessives:
                owner = True
            elif norm in rules.recovered_from and not _after_noun(doc, i, start, rules):
                owner = True  # "komme nach langer Krankheit zurück"; not "Kinder nach einer Krankheit begleiten"
        self.starts[n] = start
        self.owner[n] = owner
        end = n
        for i in range(n - 1, -1, -1):
            if is_boundary(doc[i]):
                end = i
            self.ends[i] = end
        self.family, self.want, self.others, self.subjects = family, want, others, subjects

    def own_habit(self, start: int, end: int) -> bool:
        """Tells whether a habit said from `start` to `end` is the writer's own doing: a first-person subject before
        it in its clause and no wish word ("ich klettere viel"; not "ich möchte Senioren regelmäßig besuchen")."""
        clause = self.starts[start]
        return self.subjects[start] > self.subjects[clause] and self.want[end] == self.want[clause]

    def of(self, span: Span) -> tuple[int, int]:
        """Returns the token range of the clause a span stands in (between boundaries)."""
        return self.starts[span.start], self.ends[span.end]


_CLAUSES = "own_context_clauses"


def _clauses(doc: Doc, rules: InterestRules) -> _Clauses:
    """Returns the Doc's clause table, built on first use."""
    found = doc.user_data.get(_CLAUSES)
    if not isinstance(found, _Clauses) or found.size != len(doc):
        found = doc.user_data[_CLAUSES] = _Clauses(doc, rules)
    return found


def own_children(doc: Doc, span: Span, rules: InterestRules) -> bool:
    """Tells whether a children mention names the writer's own children: brought along or raised ("wo ich die
    Kinder mitbringen kann", "bring my kids along"), or given with their ages in brackets ("(kids 8 and 11)")."""
    if span.label_ != _CHILDREN:
        return False
    clauses = _clauses(doc, rules)
    start, end = clauses.of(span)
    if clauses.family[end] > clauses.family[start] or _children_idiom(doc, span, end, rules):
        return True
    bracketed = span.start > 0 and doc[span.start - 1].norm_ == "("
    if bracketed and span.end < len(doc) and doc[span.end].like_num:
        return True
    # (t14-cat11) their ages said as a sentence: "Kids are 8 and 11", "die Kinder sind 5 und 7"
    after = doc[span.end:span.end + 2]
    return len(after) == 2 and after[0].norm_ in rules.age_verbs and after[1].like_num


def _children_idiom(doc: Doc, span: Span, end: int, rules: InterestRules) -> bool:
    """Tells whether a saying only one's own children fit follows the children word in its clause (ending at `end`):
    gone from home, closing the clause ("Kinder sind aus dem Haus", "kids all moved out"), or telling the writer
    what to do after an owner word ("Die Kinder sagen, ich soll unter Leute", "my kids keep telling me")."""
    idioms = rules.children_idioms
    if span.start > 0 and doc[span.start - 1].norm_ in idioms.get("owners", ()) and span.end < len(doc) and (
        doc[span.end].norm_ in idioms.get("advice", ())
    ) and any(t.norm_ in idioms.get("writer", ()) for t in doc[span.end + 1:span.end + 1 + _ADVICE_REACH]):
        return True  # ... telling the writer: "the kids said they loved it" speaks of children to help
    i = span.end
    while i < end and doc[i].norm_ in idioms.get("gap", ()):
        i += 1
    for phrase in idioms.get("gone", ()):
        words = phrase.split()
        after = i + len(words)
        if [t.norm_ for t in doc[i:after]] == words and (after >= end or is_boundary(doc[after])):
            return True
    return False


def counted_children(doc: Doc, span: Span, rules: InterestRules) -> bool:
    """Tells whether a children mention counts the writer's own: a number right before it (an adjective may stand
    between) in a clause the writer speaks of themself in, with no wish before the number: "Ich Frau aus Irak 3
    Kinder", "alleinerziehend mit 3 Kindern", "hab zwei kleine Kinder"; not "würde gern zwei Kinder begleiten" or a
    count standing alone ("Ich kann, 2 Kinder")."""
    if span.label_ != _CHILDREN:
        return False
    i = span.start - 1
    if i > 0 and doc[i].norm_ in rules.child_count_adjectives:
        i -= 1
    if i < 0:
        return False
    count = doc[i]
    digits = count.text.isascii() and count.text.isdigit() and len(count.text) <= 2
    if not (digits or count.norm_ in rules.child_counts):
        return False
    start, _ = clause_around(doc, i, i + 1)
    before = {token.norm_ for token in doc[start:i]}
    return bool(before & rules.child_count_owners) and not before & rules.child_count_wishes


def learns_oneself(doc: Doc, span: Span, rules: InterestRules) -> bool:
    """Tells whether an education mention is the writer wanting to learn: "ich will imkern lernen", "I'd love to
    learn pottery"; not "Kindern helfen, Deutsch zu lernen" or "help kids learn English"."""
    words = rules.own_learning
    if span.label_ != _EDUCATION or len(span) != 1 or span[0].norm_ not in words["learn"]:
        return False
    clauses = _clauses(doc, rules)
    start, _ = clauses.of(span)
    wants = clauses.want[span.start] > clauses.want[start]
    return wants and clauses.others[span.start] == clauses.others[start]


def helped_to_learn_oneself(mentions: list[Span], rules: InterestRules) -> list[Span]:
    """Returns the education mentions of a "help ... learn" said of the writer or their own, and those inside it:
    "help me learn to speak German", "help my kids learn English", "help my daughter learn maths"; not "help
    refugees learn German"."""
    own = rules.own_learning.get("own", frozenset())
    helped = [
        span for span in mentions if span.label_ == _EDUCATION and len(span) >= 3 and any(
            token.norm_ in own for token in span.doc[span.start + 1:_learn_word(span, rules)]
        )
    ]
    return [
        span for span in mentions
        if span.label_ == _EDUCATION and any(h.start <= span.start and span.end <= h.end for h in helped)
    ]


def _learn_word(span: Span, rules: InterestRules) -> int:
    """Returns where the learning word of a "help ... learn" mention stands (its start when it holds none)."""
    return next((token.i for token in span if token.norm_ in rules.own_learning["learn"]), span.start)


def paperwork_for_newcomers(mentions: list[Span], rules: InterestRules) -> list[Span]:
    """Returns the neighbourhood mentions that are paperwork when newcomers (or people in poverty) are named too:
    helping them with letters and forms is that field's work ("Geflüchteten bei Anträgen helfen", "Hilfe bei Anträgen
    auf Bürgergeld")."""
    if not any(span.label_ in rules.paperwork_fields for span in mentions):
        return []
    return [
        span for span in mentions
        if span.label_ == _NEIGHBOURHOOD and any(t.norm_.startswith(rules.paperwork) for t in span)
    ]


def newcomer_families(doc: Doc, mentions: list[Span], rules: InterestRules) -> list[Span]:
    """Returns the children mentions of family words that name newcomers: a family described by a newcomer word
    right before it ("geflüchteten Familien", "refugee family") or by being new ("new families", "families who
    come new") is a newcomer household to help settle, not a wish to work with children."""
    newcomers = [span for span in mentions if span.label_ == _NEWCOMERS]
    if not newcomers:
        return []
    starts = {span.start for span in newcomers}
    ends = {span.end for span in newcomers}
    found = []
    for span in mentions:
        if span.label_ != _CHILDREN or len(span) != 1 or not span[0].norm_.startswith(rules.family_words):
            continue
        before = doc[span.start - 1].norm_ if span.start > 0 else ""
        after = span.end + 1 if span.end < len(doc) and doc[span.end].norm_ == "," else span.end  # "Familien, die"
        if span.start in ends or after in starts or before in rules.new_words:
            found.append(span)
    return found


def taught_to_young(doc: Doc, mentions: list[Span], rules: InterestRules) -> list[Span]:
    """Returns the mentions relabelled where a field is shown to children or youth ("Kindern Technik beibringen",
    "Mädchen für Technik begeistern"): then it is taught (education), not the field itself. Keeps the others."""
    if not rules.with_young or not any(span.label_ == _CHILDREN for span in mentions):
        return mentions
    labels = {(span.start, span.end, span.label_) for span in mentions}
    relabelled = []
    for span in mentions:
        first = span[0].norm_
        found = next(
            (to for prefix, key, to in rules.with_young if key == span.label_ and first.startswith(prefix)), None
        )
        if found is None:
            relabelled.append(span)
        elif (span.start, span.end, found) not in labels:
            labels.add((span.start, span.end, found))
            relabelled.append(Span(doc, span.start, span.end, label=found))
    return relabelled


def _after_noun(doc: Doc, i: int, start: int, rules: InterestRules) -> bool:
    """Tells whether the token before i (in the clause from start) names people or things: a German noun, written with
    a capital inside the clause, or a word naming people however written (`recovered_whom`: "people", "menschen"; or
    a word of a field's vocabulary: "senioren nach einer krankheit", written all small)."""
    if i <= start:
        return False
    before = doc[i - 1]
    if not before.is_alpha:
        return False
    if before.text[:1].isupper() and i - 1 > start and before.text != "I":
        return True
    return before.norm_ in rules.recovered_whom or any(categories_of(before.norm_, lang) for lang in ("de", "en"))


def own_condition(doc: Doc, span: Span, rules: InterestRules) -> bool:
    """Tells whether a mention is an illness the writer or a relative has: "ich war lange krank", "da chronisch
    krank", "mein Mann hatte Demenz", "my son has autism". Walking back through its clause, a first-person or
    possessive word comes before any wishing or helping word ("ich möchte Menschen mit Demenz besuchen" wishes)."""
    if len(span) != 1 or span[0].norm_ not in rules.conditions:
        return False
    i = span.start
    if i > 0 and doc[i - 1].norm_ == "(":  # "krank (Depression)": the bracket names what went before
        i -= 1
    return _clauses(doc, rules).owner[i]


def skills_with_company(
    doc: Doc, mentions: list[Span], skills: list[tuple[str, int, int]], rules: InterestRules
) -> list[Span]:
    """Returns the mentions said as a skill or habit one has ("Klettern kann ich gut", "I climb a lot") when another
    field is named too: then they are what one brings, not what one asks for. `skills` are the (label, start, end)
    matches of the skill and habit patterns; a skill match must end its clause, a habit must be the writer's own
    doing ("ich klettere viel"; not "Ich möchte Senioren regelmäßig besuchen")."""
    clauses = _clauses(doc, rules) if any(label == "habit" for label, _, _ in skills) else None
    ends = {
        start for label, start, end in skills
        if (label == "habit" and clauses is not None and clauses.own_habit(start, end))
        or (label == "skill" and (end >= len(doc) or is_boundary(doc[end])))
    }
    found = [span for span in mentions if span.end in ends]
    if not found:
        return []
    labels = {span.label_ for span in found}
    return found if any(span.label_ not in labels for span in mentions) else []


def weak_without_company(mentions: list[Span], rules: InterestRules) -> list[Span]:
    """Returns the mentions of weak words ("training", "hiking") when another field is named too: then they say how,
    not what ("first aid training", "hiking and nature conservation")."""
    weak = [span for span in mentions if len(span) == 1 and rules.weak_words.get(_weak_word(span)) == span.label_]
    if not weak:
        return []
    named = {span.label_ for span in mentions if span not in weak}
    others = named - rules.target_groups - {w.label_ for w in weak}
    if others:
        return weak
    # "einsame ältere Menschen": lonely people whose age is named are seniors, not a second field
    return [span for span in weak if named & rules.weak_yields.get(_weak_word(span), frozenset())]


def _weak_word(span: Span) -> str:
    """Returns the word a one-token mention is, by its last part when hyphenated ("Graffiti-Workshop": "workshop"),
    unless a part before names the mention's field itself ("Rollstuhlbasketball-Training" is basketball)."""
    *first, last = span[0].norm_.split("-")
    if any(span.label_ in categories_of(part, lang) for part in first for lang in ("de", "en")):
        return span[0].norm_
    return last


COURSE = "course"  # Span.kb_id of an education mention read from a course given: negated, it rules nothing out


def course_words(courses: list[Span], rules: InterestRules) -> tuple[list[Span], list[Span]]:
    """Returns the course phrases without overlaps and the course word of each ("Kurse" of "gebe beruflich Kurse",
    "classes" of "give Arabic classes"): the verb and the words between say how, and are no search words."""
    phrases: list[Span] = []
    for span in sorted(courses, key=lambda span: (span.start, -len(span))):
        if not phrases or span.start >= phrases[-1].end:
            phrases.append(span)
    words = []
    for span in phrases:
        token = span[-1] if span[-1].norm_.endswith(rules.course_words) else span[0]
        words.append(Span(span.doc, token.i, token.i + 1, label=_EDUCATION, kb_id=COURSE))
    return phrases, words


def courses_given(kept: list[Span], courses: list[Span], rules: InterestRules) -> list[Span]:
    """Returns an education mention on the first course the writer gives ("Erste-Hilfe-Kurse geben", "Nähkurse
    anbieten", "give Arabic classes"; `courses` holds the course words) unless the message names education already
    or a field whose courses are that field's own (a sport's or an art's: "Yogakurse anbieten", "Malkurse geben")."""
    if not courses or any(span.label_ in rules.offer_fields or span.label_ == _EDUCATION for span in kept):
        return []
    return courses[:1]


def without_needed_company(mentions: list[Span], rules: InterestRules) -> list[Span]:
    """Returns the one-word mentions whose word names its field only beside another field the message does not name:
    reading aloud ("vorlesen", "reading") is education for children only; for old or sick people it is company."""
    if not rules.needs:
        return []
    needy = [
        span for span in mentions
        if len(span) == 1 and span.label_ == _EDUCATION and any(span[0].norm_.startswith(s) for s, _ in rules.needs)
    ]
    named = {span.label_ for span in mentions if span not in needy}  # "mentoring" needs another word of learning
    return [
        span for span in needy
        if any(span[0].norm_.startswith(start) and not named & keys for start, keys in rules.needs)
    ]


def in_other_sense(doc: Doc, mentions: list[Span], rules: InterestRules) -> list[Span]:
    """Returns the one-word mentions whose word the message gives another sense (`[other_sense]`): books read aloud
    are the listeners' ("read picture books to kids"), books kept are accounts ("bookkeeping ... do the books"); and a
    newcomers' country adjective before food (`[cuisine]`) names a cuisine ("cooking Syrian food")."""
    if not rules.other_sense and not rules.cuisine_adjectives:
        return []
    senses = dict(rules.other_sense)
    words = {token.norm_ for token in doc}

    norms = [token.norm_ for token in doc]

    def other(cue: str) -> bool:
        if " " in cue:  # "read to": the first word, then the second within a few words ("read English books to")
            first, second = cue.split(" ", 1)
            return any(norm == first and second in norms[i + 1 : i + 1 + _SENSE_GAP] for i, norm in enumerate(norms))
        if cue.endswith("*"):
            return any(word.startswith(cue[:-1]) for word in words)
        return cue in words

    found = []
    for span in mentions:
        word = span[0].norm_.rsplit("-", 1)[-1]  # "aus Braille-Büchern vorlesen"
        if len(span) == 1 and word in senses and any(other(cue) for cue in senses[word]):
            found.append(span)
        elif (len(span) == 1 and word in rules.cuisine_adjectives and span.end < len(doc)
              and doc[span.end].norm_ in rules.cuisine_food):
            found.append(span)  # "good at cooking Syrian food": a cuisine
    return found


def own_authority(doc: Doc, mentions: list[Span], rules: InterestRules) -> list[Span]:
    """Returns the one-word mentions of an authority (`[own_authority]`, "Jobcenter") said in a sentence about the
    writer ("das Jobcenter sitzt mir im Nacken", "Vom Jobcenter kam der Vorschlag, mich zu engagieren") of a message
    in which nobody is helped: it is where the writer stands, not whom they want to help."""
    if not rules.authority_words or any(token.norm_.startswith(rules.authority_help) for token in doc):
        return []  # "das Jobcenter im Nacken ... möchte anderen helfen, die in so einer Lage sind": a wish
    found = []
    for span in mentions:
        if len(span) != 1 or span[0].norm_ not in rules.authority_words:
            continue
        start = span.start
        while not opens_sentence(doc, start):
            start -= 1
        end = span.end
        while end < len(doc) and not opens_sentence(doc, end):
            end += 1
        if any(token.norm_ in rules.authority_writer for token in doc[start:end]):
            found.append(span)
    return found


def parents_course(doc: Doc, mentions: list[Span], rules: InterestRules) -> list[Span]:
    """Returns the education mentions made of course words when the message minds children during it
    ("Kinderbetreuung während der Deutschkurse", "childcare at a language class"): the course is the parents'. Not
    when the childcare comes with the course ("einen Frauenkurs mit Kinderbetreuung geben": teaching)."""
    if not rules.childcare_course_endings:
        return []
    listing = listing_rules()
    besides = listing.childcare_besides
    if not any(
        token.norm_.startswith(listing.childcare) and not (token.i and doc[token.i - 1].norm_ in besides)
        for token in doc
    ):
        return []
    return [
        span for span in mentions
        if span.label_ == _EDUCATION and all(token.norm_.endswith(rules.childcare_course_endings) for token in span)
    ]


def translation_without_newcomers(doc: Doc, mentions: list[Span], rules: InterestRules) -> list[Span]:
    """Returns the newcomer mentions made only of translating words ("übersetzen", "Dolmetscher", "translation") when
    the message names no newcomers otherwise and no language newcomers speak: translating English or French texts
    for a club, or signing for the deaf, is no integration work."""
    if not rules.translation_words:
        return []
    translating = [
        span for span in mentions
        if span.label_ == _NEWCOMERS and all(t.norm_.startswith(rules.translation_words) for t in span)
    ]
    if not translating or len(translating) < sum(span.label_ == _NEWCOMERS for span in mentions):
        return []
    if any(token.norm_.startswith(rules.newcomer_languages) for token in doc):
        return []
    return translating


def sport_taught(doc: Doc, mentions: list[Span], rules: InterestRules) -> list[Span]:
    """Returns the education mentions made of a teaching verb alone ("beibringen", "teach") when a sport or an art
    (`offer_fields`) is what it teaches, a few words away with no "und" between ("Kindern Schwimmen beibringen", "teach
    kids to swim", "Tanzen unterrichten"): a sport or an art taught is that field, as its course is. A subject taught
    like one (chess, an instrument) keeps education."""
    teach = [
        span for span in mentions
        if span.label_ == _EDUCATION and len(span) == 1 and span[0].norm_ in rules.teach_words
    ]
    sports = [
        span for span in mentions
        if span.label_ in rules.offer_fields and not any(t.norm_.startswith(rules.taught_subjects) for t in span)
    ]
    if not teach or not sports:
        return []

    def joined(a: Span, b: Span) -> bool:
        first, second = (a, b) if a.start < b.start else (b, a)
        between = doc[first.end:second.start]
        return len(between) < _TAUGHT_REACH and not any(
            is_boundary(t) or t.norm_ in rules.teach_breaks for t in between
        )

    return [span for span in teach if any(joined(span, sport) for sport in sports)]
