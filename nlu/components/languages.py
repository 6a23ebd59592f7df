"""Finds the languages someone speaks besides German ("ich spreche Arabisch", "Farsi", "I speak Arabic")."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlu.components.common import closes_clause, is_boundary, matched_spans, opens_clause, pattern_matcher, set_group
from nlu.components.language_words import learned_language
from nlu.extensions import INTERESTS, LANGUAGES, LITTLE_GERMAN, OTHERS_GERMAN, register_extensions
from nlu.lexicon import language_names

_NEWCOMERS = "refugees_integration"


@lru_cache(maxsize=16384)
def language_code(folded: str) -> str | None:
    """Returns the ISO 639-1 code a folded word names, "de" for German, or None (LanguageNames.code_of, cached)."""
    return language_names().code_of(folded)


@Language.factory("ehrenamt_languages", assigns=["doc.spans"], requires=["token.norm"])
def make_language_matcher(nlp: Language, name: str) -> LanguageMatcher:
    """Creates the spoken-language matcher for one pipeline."""
    return LanguageMatcher(nlp, name)


_GREETING_WORDS = 2
_LIST_GAP = 2  # "Somali, Arabic": a language listed with another one token or a joiner away
_CODE_JOINERS = frozenset({"/", "-", "+"})  # "EN/FR", "DE-EN": language codes written as a pair or list
_CODE_SPLIT = re.compile(r"[/+-]")
_CODE_PAIR = re.compile(r"\b[A-Z]{2} ?[/+-] ?[A-Z]{2}\b")
_SENTENCE_END = frozenset({".", "!", "?"})
_LIST_JOINERS = frozenset({"und", "oder", "and", "or", "&", "/", ",", "+"})


class LanguageMatcher:
    """Writes doc.spans["languages"] (label = ISO 639-1 code); German mentions are kept with label "de".

    Also writes doc.spans["little_german"]: where the writer says they speak little or no German. That is a
    need (listings that work without much German), never an interest or a keyword: "Deutsch lernen" inside it
    ("I'm still learning German") is not teaching German to refugees.
    """

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name
        names = language_names()
        self.blockers = names.blockers
        self.only = names.only
        self.only_reach = names.only_reach
        self.peoples = names.peoples
        self.lessons = names.lessons
        self.names = names
        self.others = names.others
        self.others_reach = names.others_reach
        self.helping = names.helping
        self.little_german, self.unusable = pattern_matcher(nlp, {"little_german": names.little_german})
        # asked only of messages that name another language: "ist", "geht", "ok" start many clauses
        self.enough, unusable = pattern_matcher(nlp, {"enough": names.enough, "enough_before": names.enough_before})
        self.unusable += unusable
        self.codes = frozenset({*names.words.values(), *(code for _, code in names.prefixes), "de"})
        self.levels = names.levels

    def __call__(self, doc: Doc) -> Doc:
        """Finds language names that are not about learning or teaching the language."""
        codes: dict[int, str] = {}
        levels: list[int] = []
        code_like = False  # "EN/FR", "DE-EN": capitals and a joiner in a token or beside it
        for token in doc:
            text, norm = token.text, token.norm_
            code = language_code(norm) if token.is_alpha or "-" in text else None
            if code:
                codes[token.i] = code
            if norm[:1] in "a(" and self._is_level(norm):
                levels.append(token.i)
            code_like = code_like or text in _CODE_JOINERS or (text.isupper() and _CODE_SPLIT.search(text) is not None)
        # "kein Deutschunterricht bitte" rules out lessons; it says nothing of the writer's German
        statements = [s for s in matched_spans(doc, self.little_german)
                      if not any(t.norm_.startswith(self.lessons) for t in s) and self._own_level(doc, s)]
        if any(code != "de" for code in codes.values()):
            statements += matched_spans(doc, self.enough)
        enough = [
            Span(doc, s.start - 1, s.end, label="enough") for s in statements
            if s.label_ == "enough" and s.start > 0 and self._alone_enough(doc, s.start - 1)
        ]
        asked = [  # "Reicht Englisch?": the language after the words, alone before its clause ends
            Span(doc, s.start, s.end + 1, label="enough") for s in statements
            if s.label_ == "enough_before" and s.end < len(doc) and language_code(doc[s.end].norm_) not in (None, "de")
            and (s.end + 1 == len(doc) or is_boundary(doc[s.end + 1]))
        ]
        listing_language = {s.start for s in enough} | {s.end - 1 for s in asked}  # the listing's language
        enough += asked
        spans = []
        for i, code in codes.items():
            people = i + 1 < len(doc) and doc[i + 1].norm_ in self.peoples  # "Ukrainian refugees"
            if (not people and i not in listing_language and not self._blocked(doc, i)
                    and not self._nationality(doc, i)):
                spans.append(Span(doc, i, i + 1, label=code))
        if code_like:
            spans += self._code_lists(doc, {s.start for s in spans})
        spans += [span for span in self._greeting(doc) if not any(s.label_ == span.label_ for s in spans)]
        spans += [span for span in self._dual_heritage(doc) if not any(s.label_ == span.label_ for s in spans)]
        set_group(doc, LANGUAGES, spans)
        self._without_spoken_peoples(doc, spans)
        statements = [s for s in statements if s.label_ == "little_german"] + enough
        self._little_german(doc, spans, statements + self._levels(doc, spans, levels))
        return doc

    def _own_level(self, doc: Doc, span: Span) -> bool:
        """Tells whether a statement of little German says a level: after a colon or dash the level ends its clause
        ("Deutsch - wenig", not "Deutsch - wenig Erfahrung", "German - little kids")."""
        return not any(t.norm_ in {":", "-", "–"} for t in span) or closes_clause(doc, span.end)

    def _is_level(self, norm: str) -> bool:
        """Tells whether a folded token is a beginner's level: "a2", "(a2).", "a2-niveau"."""
        level = norm.strip("().,;:!?")
        return level in self.levels or level.split("-", 1)[0] in self.levels

    @staticmethod
    def _alone_enough(doc: Doc, i: int) -> bool:
        """Tells whether token i names a language other than German said to be enough on its own ("English is
        OK"), not with German in a list ("Deutsch und Englisch geht")."""
        if language_code(doc[i].norm_) in (None, "de"):
            return False
        return i == 0 or doc[i - 1].norm_ not in _LIST_JOINERS

    def _code_lists(self, doc: Doc, taken: set[int]) -> list[Span]:
        """Returns the languages of ISO codes written in capitals as a pair or list: "EN/FR", "DE-EN", "AR / EN".
        A code alone ("IT", "EN") is too often another word or an abbreviation to count."""
        if not _CODE_PAIR.search(doc.text):  # capitals are common ("THW", "DRK"); a code pair is rare
            return []
        found: list[Span] = []
        run: list[tuple[int, str]] = []

        def close() -> None:
            if len(run) >= 2:
                found.extend(Span(doc, i, i + 1, label=code) for i, code in run if code != "de")
            run.clear()

        for token in doc:
            if token.text in _CODE_JOINERS and run and run[-1][0] == token.i - 1:
                continue
            parts = _CODE_SPLIT.split(token.text)
            codes = [part.lower() for part in parts if len(part) == 2 and part.isupper() and part.lower() in self.codes]
            if token.i in taken or len(codes) != len(parts):
                close()
                continue
            if run and run[-1][0] != token.i - 2:
                close()
            if len(codes) > 1:
                close()
                run.extend((token.i, code) for code in codes)
                close()
            else:
                run.append((token.i, codes[0]))
        close()
        return found

    def _dual_heritage(self, doc: Doc) -> list[Span]:
        """Returns the other language of a German double nationality one says of oneself with both languages: "I'm
        German-American, fully bilingual", "German-American, native in both" speak English."""
        names = self.names
        found = []
        for token in doc[1:-1]:
            left, right = doc[token.i - 1], doc[token.i + 1]
            if token.text != "-" or not (opens_clause(doc, left.i) or doc[left.i - 1].norm_ in names.heritage_self):
                continue
            for german, other in ((left, right), (right, left)):
                code = names.nationalities.get(other.norm_) or language_code(other.norm_)
                if language_code(german.norm_) == "de" and code not in (None, "de") and self._both_after(doc, right.i):
                    found.append(Span(doc, other.i, other.i + 1, label=code))
        return found

    def _both_after(self, doc: Doc, i: int) -> bool:
        """Tells whether a word of both languages follows token i closely in its sentence and ends its clause
        ("fully bilingual, and", "fluent in both."), not "both my kids" or "bilingual kids"."""
        names = self.names
        for j in range(i + 1, min(i + 1 + names.heritage_reach, len(doc))):
            if doc[j].norm_ in _SENTENCE_END:
                return False
            if doc[j].norm_ in names.both and (closes_clause(doc, j + 1) or doc[j + 1].norm_ in names.both_joiners):
                return True
        return False

    def _greeting(self, doc: Doc) -> list[Span]:
        """Returns the language of a greeting that opens the message ("Merhaba, bin Friseurin ...")."""
        words = [t.norm_ for t in doc[:_GREETING_WORDS]]
        for greeting, code in self.names.greetings.items():
            n = len(greeting)
            if tuple(words[:n]) == greeting and (n == len(doc) or is_boundary(doc[n]) or not doc[n].is_alpha):
                return [Span(doc, 0, n, label=code)]
        return []

    @staticmethod
    def _without_spoken_peoples(doc: Doc, languages: list[Span]) -> None:
        """Drops newcomer mentions on a word listed among the languages the writer speaks ("I speak Somali, Arabic,
        English"): a language in such a list names no people to help, even where the word also names a people
        ("help other Ukrainians" stands alone and keeps its people)."""
        starts = sorted(span.start for span in languages if len(span) == 1)
        spoken = {
            i for i in starts if any(0 < abs(i - j) <= _LIST_GAP for j in starts)
        }
        if not spoken or INTERESTS not in doc.spans:
            return
        doc.spans[INTERESTS] = [
            s for s in doc.spans[INTERESTS] if not (s.label_ == _NEWCOMERS and len(s) == 1 and s.start in spoken)
        ]

    def _little_german(self, doc: Doc, languages: list[Span], statements: list[Span]) -> None:
        """Marks statements of speaking little German and drops interest words inside them."""
        others = [span for span in statements if self._said_of_others(doc, span.start, span.end)
                  or self._others_to_help(doc, span.start)]
        found = [Span(doc, s.start, s.end, label=LITTLE_GERMAN) for s in statements if s not in others]
        found += [
            span for span in self._only_spoken(doc, languages) if not self._said_of_others(doc, span.start, span.end)
        ]
        set_group(doc, LITTLE_GERMAN, found)
        set_group(doc, OTHERS_GERMAN, others)
        if (found or others) and INTERESTS in doc.spans:
            taken = {i for s in found + others for i in range(s.start, s.end)}
            kept = [s for s in doc.spans[INTERESTS] if not taken.issuperset(range(s.start, s.end))]
            # People who do not speak German yet are newcomers: helping them is integration work.
            doc.spans[INTERESTS] = kept + [Span(doc, s.start, s.end, label=_NEWCOMERS) for s in others]

    def _others_to_help(self, doc: Doc, start: int) -> bool:
        """Tells whether the German at `start` is others' ("their German is poor") in a message about helping: the
        people to help. Without a helping verb it is whom the writer writes for ("Her German is basic. She'd love
        ...")."""
        owned = start > 0 and doc[start - 1].norm_ in self.names.others_owners
        return owned and any(token.norm_.startswith(self.helping) for token in doc)

    def _only_spoken(self, doc: Doc, languages: list[Span]) -> list[Span]:
        """Returns "nur Englisch", "only speak Arabic", "English and Farsi only": the writer speaks only languages
        other than German. Not when German is in the list ("German and English only") or the clause names another
        speaker ("Mein Sohn spricht Arabisch nur")."""
        found: list[Span] = []
        for span in languages:
            if span.label_ == "de":
                continue
            for i in range(span.start - 1, max(span.start - 1 - self.only_reach, -1), -1):
                if is_boundary(doc[i]):
                    break
                if doc[i].norm_ in self.only:
                    found.append(Span(doc, i, span.end, label=LITTLE_GERMAN))
                    break
            after = span.end
            if after < len(doc) and doc[after].norm_ in self.only and (
                after + 1 == len(doc) or is_boundary(doc[after + 1])
            ) and not self._german_listed_before(doc, span.start):
                found.append(Span(doc, span.start, after + 1, label=LITTLE_GERMAN))
        return [span for span in found if not self._other_speaker_before(doc, span.start)]

    @staticmethod
    def _german_listed_before(doc: Doc, start: int) -> bool:
        """Tells whether German stands in the list of languages that ends at `start`: "German and English only"."""
        i = start - 1
        while i >= 0 and (doc[i].norm_ in _LIST_JOINERS or language_code(doc[i].norm_) is not None):
            if language_code(doc[i].norm_) == "de":
                return True
            i -= 1
        return False

    def _other_speaker_before(self, doc: Doc, start: int) -> bool:
        """Tells whether the clause before `start` names another speaker: "Mein Sohn spricht", "my wife speaks"."""
        for i in range(start - 1, max(start - 1 - self.names.other_speakers_reach, -1), -1):
            if is_boundary(doc[i]):
                return False
            if doc[i].norm_ in self.names.other_speakers:
                return True
        return False

    def _levels(self, doc: Doc, languages: list[Span], levels: list[int]) -> list[Span]:
        """Returns "German ... A2" statements: a beginner's level (at the positions `levels`) whose nearest language
        named before it in its sentence is German ("My German is A2", "Deutsch A1.", "German is coming along slowly
        (A2)"), or, with none before it, the first one named after it ("I have A2 in German")."""
        if not levels:
            return []
        named = {span.start: span.label_ for span in languages}
        before = self._nearest_languages(doc, named, range(len(doc)))
        after = self._nearest_languages(doc, named, range(len(doc) - 1, -1, -1))
        found: list[Span] = []
        for i in levels:
            graded = before[i] or after[i]
            if graded is not None and graded[1] == "de":
                start, end = sorted((graded[0], i))
                found.append(Span(doc, start, end + 1, label=LITTLE_GERMAN))
        return found

    @staticmethod
    def _nearest_languages(doc: Doc, named: dict[int, str], order: range) -> list[tuple[int, str] | None]:
        """Returns, for every token, the position and code of the nearest language named before it in `order`
        within its sentence: one pass over the message, however many levels it names."""
        nearest: list[tuple[int, str] | None] = [None] * len(doc)
        last: tuple[int, str] | None = None
        for j in order:
            nearest[j] = last
            if doc[j].norm_ in _SENTENCE_END:
                last = None
            elif j in named:
                last = (j, named[j])
        return nearest

    def _said_of_others(self, doc: Doc, start: int, end: int) -> bool:
        """Tells whether a relative pronoun or a people word stands right before `start` (commas skipped) and a
        helping verb in the sentence: "Leuten helfen, die kein Deutsch können", or after the statement (`end`), as
        German puts its verb last: "Menschen ohne Deutschkenntnisse helfen"."""
        seen = 0
        for i in range(start - 1, -1, -1):
            if doc[i].norm_ in {",", "-", "–"}:
                continue
            if doc[i].norm_ in self.others:
                if self._after_a_group(doc, i):
                    return not self._writer_role_before(doc, i)  # "Nachhilfe für Kinder, die schlecht in Deutsch sind"
                helps = self._helps_before(doc, i) or self._helps_after(doc, end)
                return helps and not self._writer_role_before(doc, i)
            seen += 1
            if seen >= self.others_reach or is_boundary(doc[i]):
                return False
        return False

    def _after_a_group(self, doc: Doc, i: int) -> bool:
        """Tells whether the relative pronoun at i follows a word for a group of others, a comma between allowed
        ("Kinder, die"; not "people who", who may include the writer)."""
        relatives = self.names.others_relatives
        j = i - 1 if i > 0 and doc[i - 1].norm_ != "," else i - 2
        groups = self.others - relatives - self.names.people_in_general
        return doc[i].norm_ in relatives and j >= 0 and doc[j].norm_ in groups

    def _writer_role_before(self, doc: Doc, end: int) -> bool:
        """Tells whether "as"/"als" opens the words before a relative word: "as an older guy who ...", "als
        jemand, der ...": the writer's role, so the statement is the writer's."""
        names = self.names
        for i in range(end - 1, max(end - 1 - names.self_as_reach, -1), -1):
            if doc[i].norm_ in names.self_as:
                return True
            if is_boundary(doc[i]) and doc[i].norm_ != ",":
                return False
        return False

    def _helps_before(self, doc: Doc, end: int) -> bool:
        """Tells whether a helping verb stands in the sentence before `end`."""
        for i in range(end - 1, -1, -1):
            if doc[i].is_sent_start or doc[i].norm_ in {".", "!", "?"}:
                return False
            if doc[i].norm_.startswith(self.helping):
                return True
        return False

    def _helps_after(self, doc: Doc, start: int) -> bool:
        """Tells whether a German helping verb follows `start` in its sentence (German puts it last: "Leuten ohne
        Deutsch helfen") before a relative or purpose clause opens: "Leute mit wenig Deutsch, die helfen wollen",
        "für Leute ohne Deutsch, um zu helfen" are people who help, the writer's kind. English puts the verb first:
        "for people who don't speak German to help" are helpers too."""
        if doc.lang_ != "de":
            return False
        for i in range(start, len(doc)):
            token = doc[i]
            if token.norm_ in {".", "!", "?"} or (i > start and token.is_sent_start):
                return False
            if token.norm_ in self.names.purpose_openers or (
                token.norm_ in self.names.others_relatives and doc[i - 1].norm_ == ","
            ):
                return False
            if token.norm_.startswith(self.helping):
                return True
        return False

    def _nationality(self, doc: Doc, i: int) -> bool:
        """Tells whether a language name says who someone is ("I'm Dutch, ...") or what others speak ("an English
        speaking group"), not what the writer speaks."""
        names = self.names
        after = doc[i + 1] if i + 1 < len(doc) else None
        if i >= 2 and doc[i - 1].norm_ in names.nationality_after and doc[i - 2].norm_ in ("i", "we"):
            return after is None or is_boundary(after) or after.norm_ in ("and", "und")
        if after is not None and after.norm_ in names.speaking:
            return not any(t.norm_ in ("i", "ich", "'m", "am", "bin") for t in doc[max(i - 3, 0):i])
        return False

    def _blocked(self, doc: Doc, i: int) -> bool:
        """Tells whether a learning/teaching word stands next to the mention in the same clause."""
        return learned_language(doc, i)
