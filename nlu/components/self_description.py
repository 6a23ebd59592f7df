"""Tells which interest mentions describe the writer rather than what they want to do: a self-description cue
before the mention ("ich bin Rentnerin", "arbeite als Erzieherin"), a possessive ("meine Kinder", "my dog"), a
counted fact ("Ich bin 45, zwei Kinder"), a list after one of these, and the job a writer misses."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from nlu.components.common import closes_clause, is_boundary, is_lowercase_message
from nlu.components.fragments import fragment_of_longer_message
from nlu.components.writer_words import JOB_PASSES, JOB_REACH, is_kin
from nlu.lexicon import InterestRules, radius_rules

_STATUS_REACH = 6  # "Ich bin seit zwei Jahren Rentnerin": the cue may stand a few words before
# Prepositions do not end a job description ("arbeite ... in der Kita"), unlike other self-descriptions.
_APPOSITION_PUNCT = frozenset({",", "(", ")", "-", "–", ":", "/"})
_STATE_JOINERS = frozenset({",", "und", "and", "&"})  # "Ich bin 58, arbeitslos", "I'm 45 and unemployed"


def span_key(span: Span) -> tuple[int, int, int]:
    """Returns what makes two mentions of one Doc the same mention (Span equality, as a hashable key)."""
    return span.start, span.end, span.label


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


class SelfDescription:
    """Reads self-descriptions around mentions with the interest rules (cues come from the matcher's Doc)."""

    def __init__(self, rules: InterestRules) -> None:
        self.rules = rules
        self.number_words = frozenset(radius_rules().numbers)
        self.job_prefixes = tuple(prefix for prefix, _ in rules.occupations)

    def describes_writer(self, doc: Doc, span: Span, cues: dict[str, list[int]], *, missed: bool) -> bool:
        """Tells whether a mention describes the writer rather than an interest.

        When the writer misses their work (`missed`), the job they name ("war Lehrerin", "arbeite in der Pflege")
        is what they want to do again; their family, belongings and stage of life ("meine Kinder", "Rentner",
        "hab einen Hund") still only say who they are.
        """
        rules = self.rules
        if len(span) == 1 and span[0].norm_ in rules.fragment_status and fragment_of_longer_message(doc, span.start):
            return not (missed and self.is_job(span[0].norm_))
        if set(range(span.start, span.end)).issubset(cues["fragment"]):
            return not (missed and any(self.is_job(t.norm_) for t in span))
        if self._counted_fact(doc, span, cues["self"]):
            return True
        if self._cue_before(doc, span.start, cues["job"], JOB_REACH, passes=JOB_PASSES):
            return not missed
        is_job = any(self.is_job(t.norm_) for t in span)
        if missed and is_job:
            return False
        if self._cue_before(doc, span.start, cues["self"], rules.self_window):
            return True
        if self._state_after_age(doc, span, cues["self"]):
            return True
        is_status = any(t.norm_.startswith(rules.status_words) for t in span)
        return is_status and (
            self._cue_before(doc, span.start, cues["status"], _STATUS_REACH) or self._after_ich(doc, span.start)
        )

    def school_of_requirement(self, span: Span, wished: set[int]) -> bool:
        """Tells whether a mention names only the school (or class, university) whose requirement the writer asks
        for: "bin in der 9. Klasse an der Gesamtschule und muss ein Sozialpraktikum machen" wants no education.
        A school right after a wish (`wished`: where such phrases end; one word, say an adjective, may stand
        between) is the place wanted: "muss Sozialstunden machen, am liebsten in einer Grundschule"."""
        if span.start in wished or span.start - 1 in wished:
            return False
        return all(token.norm_.endswith(self.rules.requirement_places) for token in span)

    def lived_through(self, span: Span) -> bool:
        """Tells whether a self-description is something one went through in a field where one may help others
        through it too (fled, had debts, was ill), not one's job ("jetzt bin ich Krankenpfleger")."""
        return span.label_ in self.rules.experience_fields and not any(
            token.norm_.startswith(self.job_prefixes) for token in span
        )

    def wished_after(self, doc: Doc, span: Span, wish_starts: set[int], mention_tokens: set[int]) -> bool:
        """Tells whether a wish said after the mention follows it in its clause ("Ich bin Rentnerin, Tiere wären
        schön", "kids or animals would be great"), with only other mentions and list joiners between."""
        for i in range(span.end, len(doc)):
            if i in wish_starts:
                return True
            token = doc[i]
            if is_boundary(token) or not (i in mention_tokens or token.norm_ in self.rules.coordination):
                return False
        return False

    def roles(self, doc: Doc, found: list[Span]) -> list[Span]:
        """Returns the role words of "ich arbeite als Ingenieur", "bin gelernte Köchin", "ich bin Bäckerin"."""
        roles = []
        for span in found:
            word = span[-1]
            if not word.is_alpha or span.label_ not in ("role", "bare_role"):
                continue
            if span.label_ == "role" or word.norm_.endswith(self.rules.role_endings):
                roles.append(Span(doc, word.i, word.i + 1, label="role"))
        return roles

    def owned(self, doc: Doc, span: Span) -> bool:
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

    def coordinated(self, doc: Doc, mentions: list[Span], described: list[Span], skip: list[Span]) -> list[Span]:
        """Returns mentions listed right after a self-description, joined by "und", a comma or an article only:
        "hab zwei Kinder und einen Hund" describes the writer twice."""
        joiners = self.rules.coordination
        ends = {span.end for span in described}
        found: list[Span] = []
        seen = {span_key(span) for span in described} | {span_key(span) for span in skip}
        for span in sorted(mentions, key=lambda s: s.start):
            if span_key(span) in seen:
                continue
            i = span.start
            while i > 0 and i not in ends and (doc[i - 1].norm_ in joiners or doc[i - 1].like_num):
                i -= 1
            if i < span.start and i in ends:
                found.append(span)
                seen.add(span_key(span))
                ends.add(span.end)
        return found

    def is_job(self, norm: str) -> bool:
        """Tells whether a folded word names a job ("Erzieherin", "Altenpfleger")."""
        return norm.startswith(self.job_prefixes)

    def missed_jobs(self, doc: Doc, taken: set[int]) -> list[Span]:
        """Returns mentions for jobs that are no interest word themselves ("Erzieherin": children), for a writer
        who misses their work."""
        spans: list[Span] = []
        for token in doc:
            if token.i in taken or not self.is_job(token.norm_):
                continue
            keys = next(keys for prefix, keys in self.rules.occupations if token.norm_.startswith(prefix))
            spans.extend(Span(doc, token.i, token.i + 1, label=key) for key in keys)
        return spans

    def _counted_fact(self, doc: Doc, span: Span, self_cues: list[int]) -> bool:
        """Tells whether a mention is a counted fact about the writer standing as a fragment of its own after
        a self-description: "Ich bin 45, zwei Kinder, Teilzeit im Büro", "I'm 38, two kids, one dog"."""
        before, after = span.start - 2, span.end
        count = doc[span.start - 1] if before >= 0 else None
        if count is None or not self._number(count):
            return False
        if not (before == 0 or is_boundary(doc[before])) or not (after == len(doc) or is_boundary(doc[after])):
            return False
        # a counted child standing alone ("zwei Teenager, ...", "2 Kinder,") is one's family even without "ich bin"
        return any(end <= before for end in self_cues) or span.label_ == "children_youth"

    def _state_after_age(self, doc: Doc, span: Span, self_cues: list[int]) -> bool:
        """Tells whether a state ("arbeitslos", "Rentnerin") follows a self-description cue and one's age, joined by a
        comma or "und", and ends its clause: "Ich bin 58, arbeitslos", "ich bin 58 und arbeitslos und will was tun",
        "I'm 45 and unemployed". A plural or a state with words of its own after it names others: "Ich bin 40,
        Arbeitslose brauchen Hilfe", "I'm 45 and unemployed people need help"."""
        if not (self._one_state(span[-1].norm_) and self._closes_state(doc, span.end)):
            return False
        joined = self._back_over(doc, span.start, lambda t: t.norm_ in _STATE_JOINERS)
        first = self._back_over(doc, joined, lambda t: self._number(t) or t.norm_ in self.rules.apposition_fillers)
        return first in self_cues and any(self._number(t) for t in doc[first:joined])

    def _one_state(self, norm: str) -> bool:
        """Tells whether a folded word is a state of one person: a state or status stem with a singular ending."""
        rules = self.rules
        return any(
            norm.startswith(stem) and norm[len(stem):] in rules.age_state_endings
            for stem in rules.status_words + rules.age_states
        )

    def _closes_state(self, doc: Doc, end: int) -> bool:
        """Tells whether a clause ends at `end`, how long follows ("arbeitslos seit März"), or "und" with a verb or
        "ich" after ("arbeitslos und will", "unemployed and I"), not a noun of its own ("Rentnerinnen und Rentner",
        "unemployed people")."""
        if closes_clause(doc, end) or doc[end].norm_ in self.rules.age_state_since:
            return True
        if doc[end].norm_ not in _STATE_JOINERS or end + 1 == len(doc):
            return False
        after = doc[end + 1]
        return after.norm_ in self.rules.apposition_heads or (after.is_alpha and after.text.islower())

    def _number(self, token: Token) -> bool:
        """Tells whether a token is a number, in digits or as a word ("58", "zwei")."""
        return token.like_num or token.norm_ in self.number_words

    @staticmethod
    def _back_over(doc: Doc, start: int, passed: Callable[[Token], bool]) -> int:
        """Returns where the run of tokens that `passed` accepts, ending right before `start`, begins."""
        i = start
        while i > 0 and passed(doc[i - 1]):
            i -= 1
        return i

    def _after_ich(self, doc: Doc, start: int) -> bool:
        """Tells whether "ich" stands before `start` with only an age and punctuation between ("Ich (34, ...")."""
        fillers = self.rules.apposition_fillers
        first = self._back_over(
            doc, start, lambda t: t.norm_ in _APPOSITION_PUNCT or t.like_num or t.norm_ in fillers
        )
        # "möchte ich Senioren helfen" has "ich" right before, but is no apposition
        punctuated = any(t.norm_ in _APPOSITION_PUNCT for t in doc[first:start])
        return punctuated and first > 0 and doc[first - 1].norm_ in self.rules.apposition_heads

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
