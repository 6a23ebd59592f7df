"""Scoped negation for interests, times, languages and remote (in the manner of NegEx / negspacy).

A cue negates the mentions that follow it in its clause ("kein Sport", "aber nicht mit Kindern", "no kids"),
carried over "und/oder" only to further mentions ("keine Kinder oder Tiere"); with nothing to negate ahead it
negates what came just before ("Sport eher nicht", "Kinder sind nichts für mich"). Pseudo-negations
("keine Erfahrung mit Kindern") negate nothing; neutralisers ("muss nicht unbedingt Sport sein") make a
mention neither wanted nor ruled out.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from nlu.components.common import SENTENCE_ENDS, is_boundary, pattern_matcher, set_group, spans_of
from nlu.components.own_context import COURSE
from nlu.extensions import (
    CUES, IF_RULED_OUT, INTERESTS, LITTLE_GERMAN, MENTION_GROUPS, OTHERS_GERMAN, PLACES_RULED_OUT, RULED_OUT_WORDS,
    register_extensions,
)
from nlu.lexicon import NegationRules, negation_rules, time_rules

_COMPARATIVE = frozenset({"lieber", "eher", "rather", "prefer", "bevorzuge"})
_REPLY_MARKS = frozenset({"?", "-", "–", "—", ":"})  # after these a "Nein" answers what came before
_PEOPLE_RELATIVES = frozenset({"who", "whose", "denen"})
_TOO_MUCH = "too_much"  # a burden said after the thing: "die Feuerwehr ist mir zu viel"


@dataclass(frozen=True, slots=True)
class _Cue:
    """One negation cue: where it stands and what it does."""

    start: int
    end: int
    kind: str  # cue, answer, neutral, time_cue, too_much or than (the "als" of "lieber ... als")


@Language.factory("ehrenamt_negation", assigns=["doc.spans", "span._.negated", "span._.neutral"],
                  requires=["doc.spans"])
def make_negation(nlp: Language, name: str) -> Negation:
    """Creates the negation component for one pipeline."""
    return Negation(nlp, name)


class Negation:
    """Marks mentions as negated or neutral and writes the cues to doc.spans["negation_cues"]."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name
        self.rules: NegationRules = negation_rules()
        self.time_slots = frozenset(time_rules().slots)
        rules = self.rules
        self.matcher, self.unusable = pattern_matcher(
            nlp, {"cue": rules.cues, "answer": rules.answers, "pseudo": rules.pseudo, "neutral": rules.neutral,
                  "time_cue": rules.time_cues, "clause": rules.colon_clauses, _TOO_MUCH: rules.too_much}
        )

    def __call__(self, doc: Doc) -> Doc:
        """Finds the cues and applies each to its scope."""
        mentions = [s for g in (*MENTION_GROUPS, IF_RULED_OUT) for s in spans_of(doc, g) if s.label_ != "on_site"]
        found = self.matcher(doc)
        cues = self._cues(doc, mentions, found)
        # a mention opening with its own negation ("nicht nach 16 Uhr" as the day) is said as meant
        own = {s for kind, s, _ in found if kind == "cue"}
        starts: dict[int, list[Span]] = {}
        for span in mentions:
            if span.start not in own:
                starts.setdefault(span.start, []).append(span)
        mentions = [span for span in mentions if span.start not in own]
        ruled_out_places = {span.start for span in spans_of(doc, PLACES_RULED_OUT)}
        for cue in cues:
            if self._rules_out_a_place(doc, cue, starts, ruled_out_places):
                continue  # "was mit Kindern aber nicht in Berlin": the cue is about Berlin, not the children
            for span in self._scope_mentions(doc, cue, mentions, starts, cues):
                # "keine Kurse geben" rules no field out; "lieber Tiere als Kinder" prefers, and rules nothing out
                if cue.kind in ("neutral", "than") or span.kb_id_ == COURSE:
                    span._.neutral = True
                else:
                    span._.negated = True
        doc.spans[CUES] = [Span(doc, c.start, c.end, label=c.kind) for c in cues]
        words = [self._ruled_out_words(doc, cue, starts) for cue in cues]
        doc.spans[RULED_OUT_WORDS] = [span for span in words if span is not None]
        ruled_out = [span for span in spans_of(doc, IF_RULED_OUT) if span._.negated]
        if ruled_out:  # "keine Kinder oder Erwachsene": the choice ruled out rules the field out
            set_group(doc, INTERESTS, spans_of(doc, INTERESTS) + ruled_out)
        return doc

    def _cues(self, doc: Doc, mentions: list[Span], found: list[tuple[str, int, int]]) -> list[_Cue]:
        """Returns the active cues among those found: pseudo-negations and cues inside a mention cancel a cue."""
        # a pseudo-negation inside a longer cue yields to it ("mit Kindern kann ich nicht so gut" holds "nicht so gut")
        longer = [(s, e) for kind, s, e in found if kind == "cue"]
        # "ich kann mit Kindern nicht so gut": a pseudo "nicht so gut" after a field one does not get on with
        getting_on = [(s, e) for kind, s, e in found if kind == "pseudo" and self._not_getting_on(doc, s, mentions)]
        longer += getting_on
        blocked = {i for kind, s, e in found if kind == "pseudo"
                   and not any(cs <= s and e <= ce and ce - cs > e - s for cs, ce in longer) for i in range(s, e)}
        blocked |= {i for span in mentions for i in range(span.start, span.end)}
        # "kein Deutsch", "don't speak German" negate the German, which is a need, not a wish ruled out
        statements = [span for g in (LITTLE_GERMAN, OTHERS_GERMAN) for span in spans_of(doc, g)]
        blocked |= {i for span in statements for i in range(span.start, span.end)}
        answers = {(s, e) for kind, s, e in found if kind == "answer"}
        # "What I don't like: seeing animals suffer": a clause after the colon is what one cannot bear, no exclusion
        clauses = {s for kind, s, e in found if kind == "clause"}
        cues = {
            (s, e, kind): _Cue(s, e, kind) for kind, s, e in found
            if kind not in ("pseudo", "clause") and not blocked.intersection(range(s, e))
            and not (e in clauses and doc[e - 1].text in _REPLY_MARKS)
            and not (kind == "cue" and (s, e) in answers)  # "nein" is an answer cue where both match
            and not self._in_relative_clause(doc, s, {span.end for span in spans_of(doc, INTERESTS)})
        }
        cues.update({(s, e, "cue"): _Cue(s, e, "cue") for s, e in getting_on})
        cues.update({  # "nichts lieber als mit Tieren": a pseudo-cue blocks the comparative too
            (c.start, c.end, c.kind): c for c in self._comparatives(doc)
            if not blocked.intersection(range(c.start, c.end))
        })
        return _outermost(list(cues.values()))

    def _not_getting_on(self, doc: Doc, start: int, mentions: list[Span]) -> bool:
        """Tells whether a pseudo cue at `start` follows, in its clause, a verb of getting on and a mention after
        "mit" ("ich kann mit Kindern nicht so gut", "mit Kindern komm ich nicht so gut klar")."""
        rules = self.rules
        if doc[start].norm_ not in ("nicht", "nich", "net"):
            return False
        after_with = {s.start for s in mentions if s.start > 0 and doc[s.start - 1].norm_ in rules.getting_on_with}
        verb = mention = False
        for j in range(start - 1, max(start - 1 - 2 * rules.backward_window, -1), -1):
            if is_boundary(doc[j]):
                break
            mention = mention or j in after_with
            verb = verb or doc[j].norm_ in rules.getting_on_verbs
        return verb and mention

    def _in_relative_clause(self, doc: Doc, start: int, interest_ends: set[int]) -> bool:
        """Tells whether a cue stands in a clause that describes people: "Leuten, die mit ihren Schulden nicht
        klarkommen", "Kinder, die sich keine Nachhilfe leisten können", "families who can't afford it". What
        those people lack or cannot do is who the writer wants to help, not something ruled out; a clause about the
        thing sought ("etwas, das nichts mit Pflege zu tun hat") is the writer's own."""
        for i in range(start - 1, -1, -1):
            if is_boundary(doc[i]):
                return (doc[i].norm_ == "," and i + 1 < start and doc[i + 1].norm_ in self.rules.relatives
                        and not self._unrelated_to_thing_sought(doc, i, start))
            if doc[i].norm_ in _PEOPLE_RELATIVES:  # English writes "kids who can't" without a comma
                return True
            if doc[i].norm_ in self.rules.relatives and i in interest_ends:  # chat German: "Kinder die sich"
                return True
        return False

    def _unrelated_to_thing_sought(self, doc: Doc, comma: int, start: int) -> bool:
        """Tells whether the relative clause after `comma` says the thing sought has nothing to do with something
        ("ein Ehrenamt, das nichts mit Kindern zu tun hat"), unlike one describing it ("etwas, wo Kinder nicht
        allein sind")."""
        rules = self.rules
        if comma == 0 or doc[comma - 1].norm_ not in rules.wished_things:
            return False
        if doc[start].norm_ not in rules.unrelated_cues:
            return False
        words: list[str] = []
        for token in doc[start + 1:]:
            if is_boundary(token):
                break
            words.append(token.norm_)
        return any(words[k:k + len(verb)] == list(verb) for verb in rules.unrelated_verbs for k in range(len(words)))

    def _comparatives(self, doc: Doc) -> list[_Cue]:
        """Treats "als" in "lieber Tiere als Kinder" as a cue for what follows it."""
        found = []
        for token in doc:
            if token.norm_ in ("als", "than") and self._comparative_before(doc, token.i):
                found.append(_Cue(token.i, token.i + 1, "than"))
        return found

    @staticmethod
    def _comparative_before(doc: Doc, i: int) -> bool:
        """Tells whether "lieber"/"eher"/"rather" stands earlier in the same clause."""
        for j in range(i - 1, -1, -1):
            if is_boundary(doc[j]):
                return False
            if doc[j].norm_ in _COMPARATIVE:
                return True
        return False

    def _scope_mentions(
        self, doc: Doc, cue: _Cue, mentions: list[Span], starts: dict[int, list[Span]], cues: list[_Cue]
    ) -> list[Span]:
        """Returns the mentions a cue applies to: ahead in its scope, else just before it."""
        if cue.kind == _TOO_MUCH:  # "die Feuerwehr ist mir zu viel, also lieber Tiere": back, and closing its clause
            return self._backward(doc, cue, mentions) if self._closes_clause(doc, cue.end) else []
        only_time = cue.kind == "time_cue"  # "unter der Woche keine Zeit" negates times, not interests
        # "egal was, außer Kinder", "anything, except kids": the exception is ruled out, not left open
        stops = {c.start for c in cues if c.kind != "neutral"} if cue.kind == "neutral" else set()
        ahead = [s for s in self._forward(doc, cue, starts, stops) if not only_time or s.label_ in self.time_slots]
        if ahead or cue.kind == "than":  # "lieber mit Tieren als mit Menschen" rules out only what follows "als"
            return ahead
        if not only_time and self._own_object(doc, cue):  # "help refugees but not with paperwork": not the refugees
            return []
        return [s for s in self._backward(doc, cue, mentions) if not only_time or s.label_ in self.time_slots]

    def _ruled_out_words(self, doc: Doc, cue: _Cue, starts: dict[int, list[Span]]) -> Span | None:
        """Returns the words a cue rules out ahead of it in its clause ("keine Kirche", "no meetings", "als Büro"),
        as far as a mention, a conjunction or the end of the scope; none for a cue that does not rule out, nor for an
        answer said as an interjection, whose words are what one offers instead ("nö Fahrradwerkstatt")."""
        rules = self.rules
        if cue.kind not in ("cue", "answer", "than") or doc[cue.start].norm_ in rules.describing_cues:
            return None
        if cue.kind == "answer" and doc[cue.end - 1].norm_ in rules.interjections:
            return None
        end = cue.end
        while end < len(doc) and end - cue.end <= rules.forward_window and end not in starts:
            token = doc[end]
            if is_boundary(token) or token.norm_ in rules.terminators or token.norm_ in rules.conjunctions:
                break
            end += 1
        return Span(doc, cue.end, end) if end > cue.end else None

    def _closes_clause(self, doc: Doc, i: int) -> bool:
        """Tells whether the clause ends at token i (its end, a boundary or a word that ends a scope)."""
        return i >= len(doc) or is_boundary(doc[i]) or doc[i].norm_ in self.rules.terminators

    def _rules_out_a_place(self, doc: Doc, cue: _Cue, starts: dict[int, list[Span]], places: set[int]) -> bool:
        """Tells whether a ruled-out place, not a mention, is the next thing in the cue's clause."""
        i = cue.end
        while i < len(doc) and i - cue.end <= self.rules.forward_window:
            if i in places:
                return True
            if i in starts or is_boundary(doc[i]) or doc[i].norm_ in self.rules.terminators:
                return False
            i += 1
        return False

    def _own_object(self, doc: Doc, cue: _Cue) -> bool:
        """Tells whether the cue is followed by its own object: "nicht mit Papierkram", "nothing with paperwork",
        "but not party politics"."""
        objects = self.rules.objects
        end = cue.end
        if doc[cue.start].norm_ in self.rules.contrasts and end < len(doc) and doc[end].is_alpha:
            while end < len(doc) and doc[end].norm_ in self.rules.contrast_adverbs:
                end += 1  # "aber nicht mehr, hab das 10 Jahre gemacht": adverbs ending the clause name no object
            if end == len(doc) or is_boundary(doc[end]):
                return False
            return doc[end].norm_ not in self.rules.terminators  # "but NOT party politics", not "aber nicht, lieber"
        if end < len(doc) and doc[end].norm_ in objects:
            end += 1
        elif doc[end - 1].norm_ not in objects:
            return False
        return end < len(doc) and doc[end].is_alpha

    def _forward(self, doc: Doc, cue: _Cue, starts: dict[int, list[Span]], stops: set[int]) -> list[Span]:
        """Walks from the cue to the end of its scope (or to a cue in `stops`), collecting mentions."""
        rules = self.rules
        found: list[Span] = []
        filler = 0
        i = cue.end
        while i < len(doc) and filler <= rules.forward_window and i not in stops:
            token = doc[i]
            if i in starts:
                end = max(s.end for s in starts[i])
                # the mentions inside a longer one are negated with it: "nicht mit Senioren telefonieren" holds
                # "Senioren" inside the call's phrase, and a wish for the seniors would survive it
                found.extend(s for k in range(i, end) for s in starts.get(k, ()))
                i = end
                continue
            if is_boundary(token) or token.norm_ in rules.terminators:
                break
            if found and token.norm_ in rules.phrase_openers and i == found[-1].end:
                break  # "nicht am Wochenende was mit Kindern": the negated phrase ended, a wish begins
            if token.norm_ in rules.conjunctions and not self._mention_follows(doc, i + 1, starts):
                break
            filler += 1
            i += 1
        return found

    def _mention_follows(self, doc: Doc, i: int, starts: dict[int, list[Span]]) -> bool:
        """Tells whether a mention comes next, skipping articles and prepositions ("oder mit Tieren")."""
        while i < len(doc) and doc[i].norm_ in self.rules.skippable and i not in starts:
            i += 1
        return i in starts

    def _backward(self, doc: Doc, cue: _Cue, mentions: list[Span]) -> list[Span]:
        """Returns the mentions shortly before a cue in the same clause ("Kinder eher nicht")."""
        rules = self.rules
        first = cue.start
        steps = 0
        i = cue.start - 1
        crossing = cue.kind == "answer" and i >= 0 and _answers(doc, cue, doc[i])
        while i >= 0 and steps < rules.backward_window:
            token = doc[i]
            # A remark in brackets comments on what stands before it: "mit Kindern (nicht so meins)".
            if token.norm_ == "(" and first == i + 1:
                i -= 1
                continue
            if crossing and is_boundary(token):
                crossing = False
                i -= 1
                continue
            if is_boundary(token) or token.norm_ in rules.terminators or token.norm_ in rules.conjunctions:
                break
            if cue.kind == "time_cue" and token.norm_ in rules.available:
                break  # "dienstags frei (arbeite im Handel)": the work is the reason for the free day
            first = i
            steps += 1
            i -= 1
        return [s for s in mentions if s.end > first and s.end <= cue.start]


def _answers(doc: Doc, cue: _Cue, before: Token) -> bool:
    """Tells whether an answer cue replies to what stands before the boundary just ahead of it.

    After a question mark, dash or colon it does ("Sport? Nein danke.", "Kinder – lieber nicht, Tiere");
    after a comma or full stop only when it closes its sentence ("Pflege, bloß nicht."), since "Tiere in
    Kassel. Nein, nicht am Wochenende" rules out the weekend, not the animals, and "the climate, no
    meetings" no climate.
    """
    if not is_boundary(before):
        return False
    if before.text in _REPLY_MARKS:
        return True
    after = doc[cue.end] if cue.end < len(doc) else None
    return after is None or after.text in SENTENCE_ENDS


def _outermost(cues: list[_Cue]) -> list[_Cue]:
    """Keeps the longest of overlapping cues ("lieber nicht" over "nicht"), in text order."""
    kept: list[_Cue] = []
    taken: set[int] = set()
    for cue in sorted(cues, key=lambda c: (-(c.end - c.start), c.start)):
        if not taken.intersection(range(cue.start, cue.end)):
            kept.append(cue)
            taken.update(range(cue.start, cue.end))
    return sorted(kept, key=lambda c: c.start)
