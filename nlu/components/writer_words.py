"""Words about the writer that are no search words: who they are, where they stand in life, where they come from
and work, their relatives ("seit März in Rente", "Ich bin 34, Tischler", "mein Sohn", "I'm Jonas").

The interest matcher (nlu/components/interests.py) finds them beside the interests and sets them as the WRITER span
group; the keyword collector leaves them out. Categories are not touched here.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from nlu.components.common import is_boundary, is_lowercase_message, pattern_matcher
from nlu.kernel.text import fold
from nlu.lexicon import InterestRules
from nlu.vocabulary import is_category_word

JOB_REACH = 8  # "ich arbeite schon den ganzen Tag in der Kita"
AFTER_AGE_WORDS = 2
JOB_PASSES = frozenset({"in", "im", "bei", "beim", "an", "am", "auf", "zu", "zum", "zur", "mit", "with", "at"})
LIST_REACH = 8  # "für Kinder, Jugendliche und Schüler": how far back a list or a wish may stand
_KIN_SLACK = 3  # "Kindern" is "kinder" plus an ending; "Mannschaft" is no "Mann"


def is_kin(norm: str, rules: InterestRules) -> bool:
    """Tells whether a folded word names a relative: a kinship word with at most an inflection ("Töchter",
    "Kindern"), not a compound of one ("unsere Mannschaft", "unsere Frauengruppe")."""
    return any(norm.startswith(kin) and len(norm) - len(kin) <= _KIN_SLACK for kin in rules.kin)


def job_cue_ends(doc: Doc, matches: list[tuple[int, int, int]], rules: InterestRules) -> list[int]:
    """Returns where the job cues end ("arbeite", "working in", "our company"), but for one right after a word of
    liking or considering: "I'd love working in an animal shelter", "interested in working at a food bank" wish for
    the work; "I'm a nurse, working in a hospital" names one's own."""
    return [end for _, start, end in matches if not start or doc[start - 1].norm_ not in rules.job_wished_after]


class WriterWords:
    """Finds the words about the writer in a message; built once per pipeline with the interest rules."""

    def __init__(self, nlp: Language, rules: InterestRules) -> None:
        self.rules = rules
        self.writer, self.unusable = pattern_matcher(nlp, {key: list(lines) for key, lines in rules.writer.items()})
        self.name_cues = PhraseMatcher(nlp.vocab, attr="NORM")
        self.name_cues.add("name", [nlp.make_doc(fold(cue)) for cue in rules.name_cues])

    def __call__(
        self, doc: Doc, fragments: list[tuple[int, int]], cues: dict[str, list[int]], helped: set[int], *,
        missed: bool,
    ) -> list[Span]:
        """Returns the words that say who the writer is, where they stand in life, where they come from and where
        they work ("seit März in Rente", "Ich bin 34, Tischler", "arbeite Teilzeit im Einzelhandel", "mein Sohn",
        "I'm Jonas"): no search words. The job's place stays a search word for a writer who misses their work."""
        rules = self.rules
        found: list[Span] = []
        job_ends = cues["job"]
        status_ends = set(cues["status"])
        for label, start, end in self.writer(doc):
            whom = label in ("status", "life_stage")
            if whom and self._names_whom_to_help(doc, label, start, end, status_ends, helped):
                continue  # "Nachhilfe für Kinder und Schüler", "Ich möchte Arbeitslose unterstützen"
            if label == "name" and doc[start].norm_ == "hier" and is_category_word(doc[end - 1].norm_, doc.lang_):
                continue  # "hier ist die Tafel doch was für mich": a field, not a name ("hier ist der Klaus")
            if label == "origin" and self._others_origin(doc, start):
                continue  # "Menschen helfen, die aus dem Gefängnis kommen"
            if label == "roles":  # the role word alone, with a role ending ("Lkw-Fahrer" too)
                role = doc[end - 1]
                if missed or not role.text.replace("-", "").isalpha() or not role.norm_.endswith(rules.role_endings):
                    continue
                start = end - 1
            found.append(Span(doc, start, end, label=label))
        found += [Span(doc, start, end, label="fragment") for start, end in fragments]
        found += self._listed_roles(doc, fragments)
        if not missed:
            found += [span for end in job_ends if (span := self._job_context(doc, end)) is not None]
        capitals = not is_lowercase_message(doc)
        for _, _, end in self.name_cues(doc):  # "I'm Jonas", "Ich bin Heike": a name or nationality
            word = doc[end] if end < len(doc) else None
            if capitals and word is not None and word.is_alpha and word.text[0].isupper() and word.text != "I":
                found.append(Span(doc, end, end + 1, label="name"))
        for token in doc:
            if token.norm_ in rules.kin_always:
                found.append(Span(doc, token.i, token.i + 1, label="kin"))
            elif token.norm_ in rules.own_possessives or token.norm_ in rules.kin_possessives:
                found += self._owned_words(doc, token, capitals=capitals)
        return found

    def _others_origin(self, doc: Doc, start: int) -> bool:
        """Tells whether an origin stands in a relative clause about others ("..., die aus der Ukraine kommen",
        "people who came from Ukraine"): a relative word before it in its clause, with no first-person word after
        that word ("die wie ich aus Syrien kommen" is the writer's)."""
        rules = self.rules
        for j in range(start - 1, max(start - LIST_REACH, 0) - 1, -1):
            norm = doc[j].norm_
            if is_boundary(doc[j]) or norm in rules.first_person:
                return False
            if norm in rules.origin_relatives:
                return True
        return False

    def _names_whom_to_help(
        self, doc: Doc, label: str, start: int, end: int, status_ends: set[int], helped: set[int]
    ) -> bool:
        """Tells whether a status word ("Schüler", "Rentner", "Arbeitslose") names people to help, not the writer:
        after a helping preposition, also across a list ("für Kinder und Schüler"); joined to a group to help
        ("Senioren und Rentner"); or in a clause that opens with a wish and has no status cue before it ("Ich möchte
        Witwen und Witwer besuchen"; not "ich möchte als Rentner helfen")."""
        rules = self.rules
        if label == "life_stage" and (end - start != 1 or doc[start].norm_ not in rules.life_stage_people):
            return False
        i = start - 1
        joined = i >= 0 and doc[i].norm_ in rules.status_joiners
        for j in range(i, max(start - LIST_REACH, 0) - 1, -1):  # "für Kinder, Jugendliche und Schüler"
            norm = doc[j].norm_
            if norm in rules.status_keep_after:
                return j == i or joined
            if not joined or (is_boundary(doc[j]) and norm != ",") or norm in rules.breakers or doc[j].like_num:
                break
        if joined and i in helped:  # "Senioren und Rentner": joined to a group to help
            return True
        wants = rules.own_learning["want"]
        for j in range(i, max(start - LIST_REACH, 0) - 1, -1):
            if j + 1 in status_ends or is_boundary(doc[j]):
                return False
            if doc[j].norm_ in wants:
                return True
        return False

    def _listed_roles(self, doc: Doc, fragments: list[tuple[int, int]]) -> list[Span]:
        """Returns the roles listed after a self-description, one short clause each ("Bin 65, Witwer, Ex-Schreiner,
        Schwalmstadt", "Ich bin 34, Tischler, ..."): a clause of at most two words right after a fragment about the
        writer, ending in a role word or a status word."""
        rules = self.rules
        found: list[Span] = []
        ends = {end for _, end in fragments}
        start = 0
        for i in range(len(doc) + 1):
            if i < len(doc) and not is_boundary(doc[i]):
                continue
            words = [t for t in doc[start:i] if not t.is_space]
            last = words[-1].norm_ if words else ""
            if (
                words and len(words) <= AFTER_AGE_WORDS and start - 1 in ends
                and (last.endswith(rules.role_endings) or last.startswith(rules.status_words))
                and not any(t.norm_ in rules.breakers for t in words)
            ):
                found.append(Span(doc, words[0].i, words[-1].i + 1, label="role"))
                ends.add(i)
            start = i + 1
        return found

    def _job_context(self, doc: Doc, end: int) -> Span | None:
        """Returns the words after a job cue in its clause ("arbeite Teilzeit im Einzelhandel", "work at Opel")."""
        stop = end
        while stop < min(len(doc), end + JOB_REACH):
            token = doc[stop]
            if is_boundary(token) or (token.norm_ in self.rules.breakers and token.norm_ not in JOB_PASSES):
                break
            stop += 1
        return Span(doc, end, stop, label="job") if stop > end else None

    def _owned_words(self, doc: Doc, possessive: Token, *, capitals: bool) -> list[Span]:
        """Returns what a possessive owns: for "mein", "my" the next words up to the first noun or list head ("meine
        Skills", "mein alter Job", "my wife", not "Schach" in "meine hobbys schach"); for "unser", "ihrem" and for
        "mein" after a place preposition ("in meiner Kirchengemeinde") only a relative ("unsere Tochter", "bei
        meiner Mutter")."""
        rules = self.rules
        anything = possessive.norm_ in rules.own_possessives
        found = [Span(doc, possessive.i, possessive.i + 1, label="owned")] if anything else []  # dialect "mei"
        if possessive.i > 0 and doc[possessive.i - 1].norm_ in rules.own_place_prepositions:
            anything = False  # "in meiner Kirchengemeinde": where to help; "bei meiner Mutter" still owns her
        for token in doc[possessive.i + 1: possessive.i + 1 + rules.own_window]:
            if is_boundary(token) or token.norm_ in rules.breakers:
                break
            if anything or is_kin(token.norm_, rules):
                found.append(Span(doc, token.i, token.i + 1, label="owned"))
            if (capitals and token.text[:1].isupper()) or token.norm_ in rules.own_list_heads:
                break  # German capitalises the noun: the words after it are the sentence's again
        return found
