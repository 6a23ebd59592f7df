"""Finds interest mentions and keeps those that say what the writer wants to do.

Mentions that describe the writer ("ich bin Rentnerin", "meine Kinder", "ich habe einen Hund") are dropped:
they say who someone is, not what they want to do. Finding the mentions is nlu/components/interest_mentions.py,
telling self-descriptions nlu/components/self_description.py; this module weighs them together.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from nlu.components.common import asks_sentence, covered, opens_sentence, pattern_matcher, set_group
from nlu.components.interest_mentions import MentionFinder, either_age, without_visits_of_things
from nlu.components.own_context import (
    counted_children, course_words, courses_given, helped_to_learn_oneself, in_other_sense, learns_oneself,
    newcomer_families, own_authority, own_children, own_condition, paperwork_for_newcomers, parents_course,
    skills_with_company,
    sport_taught, taught_to_young, translation_without_newcomers, weak_without_company, without_needed_company,
)
from nlu.components.circumstances import (
    around_the_wish, asides_of_described, describes_person, without_names_and_rides,
)
from nlu.components.fragments import status_fragments
from nlu.components.help_taught import help_taught, writer_singulars
from nlu.components.seekers import described_seekers
from nlu.components.self_description import SelfDescription, span_key
from nlu.components.writer_words import WriterWords, job_cue_ends
from nlu.extensions import IF_RULED_OUT, INTERESTS, SELF, WRITER, register_extensions
from nlu.lexicon import InterestRules, interest_rules
from nlu.kernel.text import fold


@Language.factory(
    "ehrenamt_interests",
    assigns=["doc.spans"],
    requires=["token.norm"],
    default_config={"fuzzy": True},
)
def make_interest_matcher(nlp: Language, name: str, fuzzy: bool) -> InterestMatcher:
    """Creates the interest matcher for one pipeline."""
    return InterestMatcher(nlp, name, fuzzy=fuzzy)


class InterestMatcher:
    """Writes doc.spans["interests"]: one span per mention and category (label = category key)."""

    def __init__(self, nlp: Language, name: str, *, fuzzy: bool) -> None:
        if not isinstance(fuzzy, bool):
            raise ValueError(f"{name}: fuzzy must be true or false, got {fuzzy!r}")
        register_extensions()
        self.name = name
        self.rules: InterestRules = interest_rules()
        self.mentions = MentionFinder(nlp, self.rules, fuzzy=fuzzy)
        self.self_description = SelfDescription(self.rules)
        self.self_cues = PhraseMatcher(nlp.vocab, attr="NORM")
        self.self_cues.add("self", [nlp.make_doc(fold(cue)) for cue in self.rules.self_cues])
        self.status_cues = PhraseMatcher(nlp.vocab, attr="NORM")
        self.status_cues.add("status", [nlp.make_doc(fold(cue)) for cue in self.rules.status_cues])
        self.job_cues = PhraseMatcher(nlp.vocab, attr="NORM")
        self.job_cues.add("job", [nlp.make_doc(fold(cue)) for cue in self.rules.job_cues])
        self.requirements, self.unusable = pattern_matcher(
            nlp, {
                "requirement": self.rules.requirement, "longing": self.rules.longing, "role": self.rules.roles,
                "general_longing": self.rules.general_longing,
                "bare_role": self.rules.bare_roles, "offer": self.rules.offers, "school_wish": self.rules.school_wish,
                "wish_after": self.rules.wish_after,
                "course": self.rules.course_offers, "home": self.rules.home_places,
                "asker": self.rules.retiree_askers,
            },
        )
        self.unusable = self.unusable + self.mentions.unusable
        self.skills, unusable = pattern_matcher(
            nlp, {"skill": self.rules.skill_after, "habit": self.rules.habit_after,
                  "others": self.rules.experience_others},
        )
        self.unusable = self.unusable + unusable
        self.writer_words = WriterWords(nlp, self.rules)
        self.unusable = self.unusable + self.writer_words.unusable

    def _asks(self, doc: Doc, start: int, end: int) -> bool:
        """Tells whether a self-description cue is the verb of a question opening its sentence ("Hat das Tierheim in X
        Bedarf?"): what follows is asked about, not the writer's. A statement may drop its subject too ("Haben die
        Kinder aus dem Haus und ..."): only a sentence closed by a question mark asks."""
        rules = self.rules
        return (
            end == start + 1 and doc[start].norm_ in rules.question_verbs and opens_sentence(doc, start)
            and end < len(doc) and doc[end].norm_ in rules.question_subjects and asks_sentence(doc, end)
        )

    def __call__(self, doc: Doc) -> Doc:
        """Finds the mentions and drops self-descriptions."""
        mentions = without_names_and_rides(doc, without_visits_of_things(doc, self.mentions(doc), self.rules))
        if doc.user_data.get("ehrenamt_listing"):  # "Unser Tierheim sucht": a listing speaks for its club
            set_group(doc, INTERESTS, mentions)
            return doc
        # messages only: a listing's groups are its own; negation puts back those it rules out
        either = either_age(doc, mentions, self.rules)
        set_group(doc, IF_RULED_OUT, either)
        mentions = [span for span in mentions if span not in either]
        self_ends = [end for _, start, end in self.self_cues(doc) if not self._asks(doc, start, end)]
        fragments = status_fragments(doc, self_ends, self.rules)
        cues = {
            "self": self_ends + [end for _, end in fragments],
            "fragment": [i for start, end in fragments for i in range(start, end)],
            "status": [end for _, _, end in self.status_cues(doc)],
            "job": job_cue_ends(doc, self.job_cues(doc), self.rules),
        }
        matched = [Span(doc, start, end, label=label) for label, start, end in self.requirements(doc)]
        found = without_general_longing(matched)
        # said of the writer as a longing is ("vermisse es, gebraucht zu werden"): no search words either
        general = [Span(doc, s.start, s.end, label="longing") for s in matched if s.label_ == "general_longing"]
        reasons = [span for span in found if span.label_ == "requirement"]
        writer = self.self_description
        roles = [] if any(span.label_ == "longing" for span in found) else writer.roles(doc, found)
        # a role one has is a job too: "I'm a nurse at the hospital", "bin Erzieherin in einer Kita" name one's work
        cues["job"] += [span.end for span in roles]
        missing = [span for span in found if span.label_ == "longing"]
        longing = bool(missing)  # "vermisse meinen Beruf": the job is wanted
        if longing:
            mentions.extend(writer.missed_jobs(doc, covered(mentions)))
        about_writer = ("requirement", "home", "asker")
        required = {i for span in found if span.label_ in about_writer for i in range(span.start, span.end)}
        wished = {span.end for span in found if span.label_ == "school_wish"}  # "am liebsten in einer Grundschule"
        owned = [
            span for span in mentions
            if required.issuperset(range(span.start, span.end)) or writer.owned(doc, span)
            or (reasons and writer.school_of_requirement(span, wished))
        ]
        owned += described_seekers(doc, mentions)  # "volunteering for someone in a wheelchair": who will help
        owned_keys = {span_key(span) for span in owned}  # sets, not lists: a long message holds hundreds of mentions
        helped_keys = {span_key(span) for span in helped_to_learn_oneself(mentions, self.rules)}
        owned += [
            span for span in mentions
            if span_key(span) not in owned_keys and (
                own_children(doc, span, self.rules) or learns_oneself(doc, span, self.rules)
                or span_key(span) in helped_keys or own_condition(doc, span, self.rules) or describes_person(doc, span)
            )
        ]
        owned_keys = {span_key(span) for span in owned}
        wish_starts = {span.start for span in found if span.label_ == "wish_after"}
        mention_tokens = covered(mentions) if wish_starts else set()
        # "Ich bin Rentnerin, Tiere wären schön": words a wish follows are wanted, no self-description; nor is a gift
        # for a field ("ich habe einen grünen Daumen") one's own thing
        gifts = {span_key(span) for span in mentions if len(span) > 1 and span[-1].norm_ in self.rules.gift_heads}
        owned = [span for span in owned if span_key(span) not in gifts]
        owned_keys -= gifts
        not_said = owned_keys | gifts | {
            span_key(span) for span in mentions
            if wish_starts and writer.wished_after(doc, span, wish_starts, mention_tokens)
        }
        said = [
            span for span in mentions
            if span_key(span) not in not_said and writer.describes_writer(doc, span, cues, missed=longing)
        ]
        # "unsere Omis im Heim" may be a community's; a list after "ich habe" or "ich bin" is the writer's
        listed = writer.coordinated(doc, mentions, said, owned)
        described = owned + said + [span for span in listed if span_key(span) not in not_said]
        # a status listed after one's role is one too ("bin Schreiner und Rentner"); other words after it are not
        described += [
            span for span in writer.coordinated(doc, mentions, roles, described)
            if any(t.norm_.startswith(self.rules.status_words) for t in span) and span_key(span) not in not_said
        ]
        # "Ich Frau aus Irak 3 Kinder", "alleinerziehend mit 3 Kindern": children the writer counts are their own
        described += [
            span for span in mentions if span_key(span) not in not_said and counted_children(doc, span, self.rules)
        ]
        # "haben einen Hund (Therapiehund-Ausbildung)": a bracket after what describes the writer describes it too
        described += asides_of_described(doc, [span for span in mentions if span_key(span) not in not_said], described)
        described += writer_singulars(doc, mentions, self.rules)  # "Hey, 21, Azubi zum Elektroniker": the writer
        skill_matches = self.skills(doc)
        if any(label == "others" for label, _, _ in skill_matches):  # "bin selbst geflüchtet, will anderen helfen"
            described = [span for span in described if not writer.lived_through(span)]
        if any(span.label_ == "offer" for span in found):  # "capoeira teacher, would love to give free classes"
            described = [span for span in described if span.label_ not in self.rules.offer_fields]
        described_keys = {span_key(span) for span in described}
        kept = [span for span in mentions if span_key(span) not in described_keys]
        dropped = paperwork_for_newcomers(kept, self.rules) + weak_without_company(kept, self.rules)
        dropped += newcomer_families(doc, kept, self.rules) + without_needed_company(kept, self.rules)
        dropped += translation_without_newcomers(doc, kept, self.rules) + sport_taught(doc, kept, self.rules)
        dropped += in_other_sense(doc, kept, self.rules)  # "read picture books aloud": the listeners', no culture
        dropped += own_authority(doc, kept, self.rules)  # "das Jobcenter sitzt mir im Nacken": where one stands
        dropped += parents_course(doc, kept, self.rules)  # "Kinderbetreuung beim Sprachkurs": the parents' course
        dropped += around_the_wish(doc, kept, described)  # where one serves, what one needs, how one helps
        skills = skills_with_company(doc, kept, skill_matches, self.rules)  # what one can is who one is: no search word
        dropped += skills
        kept = taught_to_young(doc, [span for span in kept if span not in dropped], self.rules)
        phrases, words = course_words([span for span in found if span.label_ == "course"], self.rules)
        own = [writer.describes_writer(doc, word, cues, missed=longing) for word in words]  # "gebe beruflich Kurse"
        kept += courses_given(kept, [word for word, mine in zip(words, own) if not mine], self.rules)
        shown = {span_key(span) for span in help_taught(kept, self.rules)}  # "Senioren Tablets erklären": no lesson
        kept = [span for span in kept if span_key(span) not in shown]
        set_group(doc, INTERESTS, kept)
        own_courses = [phrase for phrase, mine in zip(phrases, own) if mine]  # none is a search word either:
        set_group(doc, SELF, described + reasons + missing + general + roles + skills + own_courses)
        helped = {span.end for span in kept}
        set_group(doc, WRITER, self.writer_words(doc, fragments, cues, helped, missed=longing))
        return doc


def without_general_longing(found: list[Span]) -> list[Span]:
    """Returns the matches without the longings inside a longing for activity or use as such ("würde gern wieder was
    machen", "I miss being useful"), which name no work to go back to, and without those general longings."""
    general = [span for span in found if span.label_ == "general_longing"]
    return [
        span for span in found if span.label_ != "general_longing" and not (
            span.label_ == "longing" and any(span.start < g.end and g.start < span.end for g in general)
        )
    ]
