"""Finds interest mentions: taxonomy phrases, stems, compounds, colloquial words and typos.

Mentions that describe the writer ("ich bin Rentnerin", "meine Kinder", "ich habe einen Hund") are dropped:
they say who someone is, not what they want to do.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from nlu.components.common import covered, is_boundary, is_lowercase_message, matched_spans, pattern_matcher, set_group
from nlu.components.own_context import (
    course_words, courses_given, helped_to_learn_oneself, learns_oneself, newcomer_families, own_children,
    own_condition, paperwork_for_newcomers, skills_with_company, sport_taught, taught_to_young,
    translation_without_newcomers, weak_without_company, without_needed_company,
)
from nlu.components.circumstances import around_the_wish, describes_person, without_names_and_rides
from nlu.components.fragments import fragment_of_longer_message, status_fragments
from nlu.components.separable import joined_verbs
from nlu.components.writer_words import JOB_PASSES, JOB_REACH, WriterWords, is_kin, job_cue_ends
from nlu.extensions import INTERESTS, SELF, WRITER, register_extensions
from nlu.lexicon import InterestRules, interest_rules, radius_rules
from nlu.kernel.taxonomy import categories
from nlu.kernel.text import fold
from nlu.place_index import PlaceIndex, place_index
from nlu.vocabulary import cased_categories, categories_of, fuzzy_categories, is_category_word

_STATUS_REACH = 6  # "Ich bin seit zwei Jahren Rentnerin": the cue may stand a few words before
# Prepositions do not end a job description ("arbeite ... in der Kita"), unlike other self-descriptions.
_APPOSITION_PUNCT = frozenset({",", "(", ")", "-", "–", ":", "/"})


@Language.factory(
    "ehrenamt_interests",
    assigns=["doc.spans"],
    requires=["token.norm"],
    default_config={"fuzzy": True},
)
def make_interest_matcher(nlp: Language, name: str, fuzzy: bool) -> InterestMatcher:
    """Creates the interest matcher for one pipeline."""
    return InterestMatcher(nlp, name, fuzzy=fuzzy)


def _outside_brackets(tokens: Span) -> list[Token]:
    """Returns the tokens outside complete bracketed asides: an aside does not end the clause around it."""
    kept: list[Token] = []
    depth = 0
    for token in tokens:
        if token.text == "(":
            depth += 1
        elif token.text == ")" and depth:
            depth -= 1
        elif not depth:
            kept.append(token)
    return kept if not depth or (depth == 1 and tokens[0].text == "(") else list(tokens)  # "our company (IT, ..."


def _with_plurals(phrases: tuple[str, ...]) -> list[str]:
    """Returns the phrases and, for English ones ending in a noun, their plural ("animal shelter" ->
    "animal shelters", "food bank" -> "food banks"): the taxonomy names one form, people write either."""
    found = list(phrases)
    for phrase in phrases:
        words = phrase.split()
        last = words[-1] if words else ""
        if len(words) > 1 and last.isascii() and last.isalpha() and not last.endswith(("s", "ing", "y")):
            found.append(f"{phrase}s")
    return found


class InterestMatcher:
    """Writes doc.spans["interests"]: one span per mention and category (label = category key)."""

    def __init__(self, nlp: Language, name: str, *, fuzzy: bool) -> None:
        if not isinstance(fuzzy, bool):
            raise ValueError(f"{name}: fuzzy must be true or false, got {fuzzy!r}")
        register_extensions()
        self.name = name
        self.lang = nlp.lang
        self.fuzzy = fuzzy
        self.rules: InterestRules = interest_rules()
        self.phrases = PhraseMatcher(nlp.vocab, attr="NORM")
        for category in categories():
            if category.phrases:
                self.phrases.add(category.key, [nlp.make_doc(phrase) for phrase in _with_plurals(category.phrases)])
        self.self_cues = PhraseMatcher(nlp.vocab, attr="NORM")
        self.self_cues.add("self", [nlp.make_doc(fold(cue)) for cue in self.rules.self_cues])
        self.status_cues = PhraseMatcher(nlp.vocab, attr="NORM")
        self.status_cues.add("status", [nlp.make_doc(fold(cue)) for cue in self.rules.status_cues])
        self.job_cues = PhraseMatcher(nlp.vocab, attr="NORM")
        self.job_cues.add("job", [nlp.make_doc(fold(cue)) for cue in self.rules.job_cues])
        self.places: PlaceIndex = place_index()
        self.number_words = frozenset(radius_rules().numbers)
        self.job_prefixes = tuple(prefix for prefix, _ in self.rules.occupations)
        self.requirements, self.unusable = pattern_matcher(
            nlp, {
                "requirement": self.rules.requirement, "longing": self.rules.longing, "role": self.rules.roles,
                "bare_role": self.rules.bare_roles, "offer": self.rules.offers, "school_wish": self.rules.school_wish,
                "course": self.rules.course_offers, "home": self.rules.home_places,
            },
        )
        self.gapped, unusable = pattern_matcher(nlp, {key: list(lines) for key, lines in self.rules.gapped.items()})
        self.unusable = self.unusable + unusable
        self.skills, unusable = pattern_matcher(
            nlp, {"skill": self.rules.skill_after, "habit": self.rules.habit_after,
                  "others": self.rules.experience_others},
        )
        self.unusable = self.unusable + unusable
        self.writer_words = WriterWords(nlp, self.rules)
        self.unusable = self.unusable + self.writer_words.unusable

    def __call__(self, doc: Doc) -> Doc:
        """Finds the mentions and drops self-descriptions."""
        mentions = matched_spans(doc, self.phrases)
        taken = covered(mentions)
        for token in doc:
            if token.i not in taken:
                mentions.extend(self._token_mentions(doc, token))
        if self.lang == "de":
            mentions.extend(self._separable_mentions(doc, covered(mentions)))
        mentions.extend(matched_spans(doc, self.gapped))  # the word between keeps its own mention
        mentions = without_names_and_rides(doc, self._without_visits_of_things(doc, mentions))
        if doc.user_data.get("ehrenamt_listing"):  # "Unser Tierheim sucht": a listing speaks for its club
            set_group(doc, INTERESTS, mentions)
            return doc
        self_ends = [end for _, _, end in self.self_cues(doc)]
        fragments = status_fragments(doc, self_ends, self.rules)
        cues = {
            "self": self_ends + [end for _, end in fragments],
            "fragment": [i for start, end in fragments for i in range(start, end)],
            "status": [end for _, _, end in self.status_cues(doc)],
            "job": job_cue_ends(doc, self.job_cues(doc), self.rules),
        }
        found = [Span(doc, start, end, label=label) for label, start, end in self.requirements(doc)]
        reasons = [span for span in found if span.label_ == "requirement"]
        roles = [] if any(span.label_ == "longing" for span in found) else self._roles(doc, found)
        # a role one has is a job too: "I'm a nurse at the hospital", "bin Erzieherin in einer Kita" name one's work
        cues["job"] += [span.end for span in roles]
        missing = [span for span in found if span.label_ == "longing"]
        longing = bool(missing)  # "vermisse meinen Beruf": the job is wanted
        if longing:
            mentions.extend(self._missed_jobs(doc, covered(mentions)))
        required = {i for span in found if span.label_ in ("requirement", "home") for i in range(span.start, span.end)}
        wished = {span.end for span in found if span.label_ == "school_wish"}  # "am liebsten in einer Grundschule"
        owned = [
            span for span in mentions
            if required.issuperset(range(span.start, span.end)) or self._owned(doc, span)
            or (reasons and self._school_of_requirement(span, wished))
        ]
        owned_keys = {_key(span) for span in owned}  # sets, not lists: a long message holds hundreds of mentions
        helped_keys = {_key(span) for span in helped_to_learn_oneself(mentions, self.rules)}
        owned += [
            span for span in mentions
            if _key(span) not in owned_keys and (
                own_children(doc, span, self.rules) or learns_oneself(doc, span, self.rules)
                or _key(span) in helped_keys or own_condition(doc, span, self.rules) or describes_person(doc, span)
            )
        ]
        owned_keys = {_key(span) for span in owned}
        said = [
            span for span in mentions
            if _key(span) not in owned_keys and self._describes_writer(doc, span, cues, missed=longing)
        ]
        # "unsere Omis im Heim" may be a community's; a list after "ich habe" or "ich bin" is the writer's
        described = owned + said + self._coordinated(doc, mentions, said, owned)
        # a status listed after one's role is one too ("bin Schreiner und Rentner"); other words after it are not
        described += [
            span for span in self._coordinated(doc, mentions, roles, described)
            if any(t.norm_.startswith(self.rules.status_words) for t in span)
        ]
        skill_matches = self.skills(doc)
        if any(label == "others" for label, _, _ in skill_matches):  # "bin selbst geflüchtet, will anderen helfen"
            described = [span for span in described if not self._lived_through(span)]
        if any(span.label_ == "offer" for span in found):  # "capoeira teacher, would love to give free classes"
            described = [span for span in described if span.label_ not in self.rules.offer_fields]
        described_keys = {_key(span) for span in described}
        kept = [span for span in mentions if _key(span) not in described_keys]
        dropped = paperwork_for_newcomers(kept, self.rules) + weak_without_company(kept, self.rules)
        dropped += newcomer_families(doc, kept, self.rules) + without_needed_company(kept, self.rules)
        dropped += translation_without_newcomers(doc, kept, self.rules) + sport_taught(doc, kept, self.rules)
        dropped += around_the_wish(doc, kept, described)  # where one serves, what one needs, how one helps
        skills = skills_with_company(doc, kept, skill_matches, self.rules)  # what one can is who one is: no search word
        dropped += skills
        kept = taught_to_young(doc, [span for span in kept if span not in dropped], self.rules)
        phrases, words = course_words([span for span in found if span.label_ == "course"], self.rules)
        own = [self._describes_writer(doc, word, cues, missed=longing) for word in words]  # "gebe beruflich Kurse"
        kept += courses_given(kept, [word for word, mine in zip(words, own) if not mine], self.rules)
        set_group(doc, INTERESTS, kept)
        own_courses = [phrase for phrase, mine in zip(phrases, own) if mine]  # none is a search word either:
        set_group(doc, SELF, described + reasons + missing + roles + skills + own_courses)
        helped = {span.end for span in kept}
        set_group(doc, WRITER, self.writer_words(doc, fragments, cues, helped, missed=longing))
        return doc

    def _school_of_requirement(self, span: Span, wished: set[int]) -> bool:
        """Tells whether a mention names only the school (or class, university) whose requirement the writer asks
        for: "bin in der 9. Klasse an der Gesamtschule und muss ein Sozialpraktikum machen" wants no education.
        A school right after a wish (`wished`: where such phrases end; one word, say an adjective, may stand
        between) is the place wanted: "muss Sozialstunden machen, am liebsten in einer Grundschule"."""
        if span.start in wished or span.start - 1 in wished:
            return False
        return all(token.norm_.endswith(self.rules.requirement_places) for token in span)

    def _lived_through(self, span: Span) -> bool:
        """Tells whether a self-description is something one went through in a field where one may help others
        through it too (fled, had debts, was ill), not one's job ("jetzt bin ich Krankenpfleger")."""
        return span.label_ in self.rules.experience_fields and not any(
            token.norm_.startswith(self.job_prefixes) for token in span
        )

    def _without_visits_of_things(self, doc: Doc, mentions: list[Span]) -> list[Span]:
        """Drops a visit word's neighbourhood when no people are named: "ich besuche gern Museen" visits a thing."""
        rules = self.rules
        visits = [
            span for span in mentions
            if span.label_ == "neighbourhood" and len(span) == 1 and span[0].norm_ in rules.visit_words
        ]
        if not visits:
            return mentions
        if any(span.label_ in rules.visit_people_categories for span in mentions) or any(
            token.norm_ in rules.visit_people_words for token in doc
        ):
            return mentions
        return [span for span in mentions if span not in visits]

    def _token_mentions(self, doc: Doc, token: Token) -> list[Span]:
        """Returns one span per category a single token signals."""
        if not any(ch.isalpha() for ch in token.text):
            return []
        norm = token.norm_
        keys = cased_categories(token) or categories_of(norm, self.lang)
        # "Greifswald" ends in "wald" but is a town; "Fernwald" (a municipality added from postal-code names) or
        # "Rosengarten" keeps its word unless the place finder reads it as the place ("in Fernwald")
        is_place = self.places.is_town_name(norm)
        if keys and is_place and not is_category_word(norm, self.lang):
            keys = ()
        fuzzy = False
        # Listings are edited texts: a long compound there ("Küchenhilfe") is no typo of an interest word ("Kühe").
        if (
            not keys and self.fuzzy and len(token.text) >= 5 and not self.places.is_name(norm)  # no typo of a name
            and not doc.user_data.get("ehrenamt_listing")
        ):
            keys = fuzzy_categories(norm)
            fuzzy = bool(keys)
        spans = [Span(doc, token.i, token.i + 1, label=key) for key in keys]
        for span in spans:
            span._.fuzzy = fuzzy
        return spans

    def _separable_mentions(self, doc: Doc, taken: set[int]) -> list[Span]:
        """Returns mentions of split verbs ("ich lese gern vor"), placed on the verb."""
        spans: list[Span] = []
        found: set[int] = set()
        for i, infinitive in joined_verbs(doc, taken):
            if i not in found and is_category_word(infinitive, self.lang):
                found.add(i)
                spans.extend(Span(doc, i, i + 1, label=key) for key in categories_of(infinitive, self.lang))
        return spans

    def _describes_writer(self, doc: Doc, span: Span, cues: dict[str, list[int]], *, missed: bool) -> bool:
        """Tells whether a mention describes the writer rather than an interest.

        When the writer misses their work (`missed`), the job they name ("war Lehrerin", "arbeite in der Pflege")
        is what they want to do again; their family, belongings and stage of life ("meine Kinder", "Rentner",
        "hab einen Hund") still only say who they are.
        """
        rules = self.rules
        if len(span) == 1 and span[0].norm_ in rules.fragment_status and fragment_of_longer_message(doc, span.start):
            return not (missed and self._is_job(span[0].norm_))
        if set(range(span.start, span.end)).issubset(cues["fragment"]):
            return not (missed and any(self._is_job(t.norm_) for t in span))
        if self._counted_fact(doc, span, cues["self"]):
            return True
        if self._cue_before(doc, span.start, cues["job"], JOB_REACH, passes=JOB_PASSES):
            return not missed
        is_job = any(self._is_job(t.norm_) for t in span)
        if missed and is_job:
            return False
        if self._cue_before(doc, span.start, cues["self"], rules.self_window):
            return True
        is_status = any(t.norm_.startswith(rules.status_words) for t in span)
        return is_status and (
            self._cue_before(doc, span.start, cues["status"], _STATUS_REACH) or self._after_ich(doc, span.start)
        )

    def _counted_fact(self, doc: Doc, span: Span, self_cues: list[int]) -> bool:
        """Tells whether a mention is a counted fact about the writer standing as a fragment of its own after
        a self-description: "Ich bin 45, zwei Kinder, Teilzeit im Büro", "I'm 38, two kids, one dog"."""
        before, after = span.start - 2, span.end
        count = doc[span.start - 1] if before >= 0 else None
        if count is None or not (count.like_num or count.norm_ in self.number_words):
            return False
        if not (before == 0 or is_boundary(doc[before])) or not (after == len(doc) or is_boundary(doc[after])):
            return False
        # a counted child standing alone ("zwei Teenager, ...", "2 Kinder,") is one's family even without "ich bin"
        return any(end <= before for end in self_cues) or span.label_ == "children_youth"

    def _roles(self, doc: Doc, found: list[Span]) -> list[Span]:
        """Returns the role words of "ich arbeite als Ingenieur", "bin gelernte Köchin", "ich bin Bäckerin"."""
        roles = []
        for span in found:
            word = span[-1]
            if not word.is_alpha or span.label_ not in ("role", "bare_role"):
                continue
            if span.label_ == "role" or word.norm_.endswith(self.rules.role_endings):
                roles.append(Span(doc, word.i, word.i + 1, label="role"))
        return roles

    def _owned(self, doc: Doc, span: Span) -> bool:
        """Tells whether a possessive stands right before the mention ("meine Kinder", "my dog", "meine alten Hunde"),
        with no noun of its own between ("in meinem Dorf Senioren") and not after a place preposition unless the
        mention is a relative ("in meiner Kirchengemeinde" is where; "bei meinen Enkeln" one's own)."""
        rules = self.rules
        if span.label_ in rules.possessive_exempt or span[0].norm_ in rules.possessive_exempt:
            return False
        capitals = not is_lowercase_message(doc)
        between: list[Token] = []
        for word in self._gap(doc, span.start, rules.possessive_window):
            if word.norm_ in rules.possessives:
                # "in meinem Dorf Senioren": the noun "Dorf" (or a list head) is what the possessive owns
                if any((capitals and t.text[:1].isupper()) or t.norm_ in rules.own_list_heads for t in between):
                    return False
                before = doc[word.i - 1].norm_ if word.i > 0 else ""
                # "in meiner Kirchengemeinde": a place to help; "bei meinen Enkeln" stays one's own
                return before not in rules.own_place_prepositions or is_kin(span[0].norm_, rules)
            between.append(word)
        return False

    def _coordinated(self, doc: Doc, mentions: list[Span], described: list[Span], skip: list[Span]) -> list[Span]:
        """Returns mentions listed right after a self-description, joined by "und", a comma or an article only:
        "hab zwei Kinder und einen Hund" describes the writer twice."""
        joiners = self.rules.coordination
        ends = {span.end for span in described}
        found: list[Span] = []
        seen = {_key(span) for span in described} | {_key(span) for span in skip}
        for span in sorted(mentions, key=lambda s: s.start):
            if _key(span) in seen:
                continue
            i = span.start
            while i > 0 and i not in ends and (doc[i - 1].norm_ in joiners or doc[i - 1].like_num):
                i -= 1
            if i < span.start and i in ends:
                found.append(span)
                seen.add(_key(span))
                ends.add(span.end)
        return found

    def _is_job(self, norm: str) -> bool:
        """Tells whether a folded word names a job ("Erzieherin", "Altenpfleger")."""
        return norm.startswith(self.job_prefixes)

    def _missed_jobs(self, doc: Doc, taken: set[int]) -> list[Span]:
        """Returns mentions for jobs that are no interest word themselves ("Erzieherin": children), for a writer
        who misses their work."""
        spans: list[Span] = []
        for token in doc:
            if token.i in taken or not self._is_job(token.norm_):
                continue
            keys = next(keys for prefix, keys in self.rules.occupations if token.norm_.startswith(prefix))
            spans.extend(Span(doc, token.i, token.i + 1, label=key) for key in keys)
        return spans

    def _after_ich(self, doc: Doc, start: int) -> bool:
        """Tells whether "ich" stands before `start` with only an age and punctuation between ("Ich (34, ...")."""
        fillers = self.rules.apposition_fillers
        i = start - 1
        punctuated = False  # "möchte ich Senioren helfen" has "ich" right before, but is no apposition
        while i >= 0 and (doc[i].norm_ in _APPOSITION_PUNCT or doc[i].like_num or doc[i].norm_ in fillers):
            punctuated = punctuated or doc[i].norm_ in _APPOSITION_PUNCT
            i -= 1
        return punctuated and i >= 0 and doc[i].norm_ in self.rules.apposition_heads

    def _cue_before(
        self, doc: Doc, start: int, cue_ends: list[int], window: int, passes: frozenset[str] = frozenset()
    ) -> bool:
        """Tells whether a cue ends at most `window` filler words before `start`, in the same clause."""
        for end in cue_ends:
            if end <= start and start - end <= window:
                between = _outside_brackets(doc[end:start])  # "I'm a nurse (nights) at the hospital"
                breakers = self.rules.breakers
                if not any(is_boundary(t) or (t.norm_ in breakers and t.norm_ not in passes) for t in between):
                    return True
        return False

    def _gap(self, doc: Doc, start: int, window: int) -> list[Token]:
        """Returns up to `window` tokens right before `start`, stopping at a clause boundary or breaker."""
        found: list[Token] = []
        for i in range(start - 1, max(start - window, 0) - 1, -1):
            token = doc[i]
            if is_boundary(token) or token.norm_ in self.rules.breakers:
                break
            found.append(token)
        return found


def _key(span: Span) -> tuple[int, int, int]:
    """Returns what makes two mentions of one Doc the same mention (Span equality, as a hashable key)."""
    return span.start, span.end, span.label
