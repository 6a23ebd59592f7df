"""What a message says around its place names: which of several named places is meant ("bin gerade in Köln, wohne
aber in Marburg", "Kassel ist mir zu weit"); quarters joined to their city are in quarter_reader.py, towns' adjectives
("Leipziger Zoo") in place_demonyms.py, plate letters in plates.py."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlu.components.common import closes_clause, is_boundary, pattern_matcher
from nlu.components.place_demonyms import DEMONYM_LABEL
from nlu.kernel.gazetteer import Gazetteer, get_gazetteer
from nlu.lexicon import interest_rules, place_rules
from nlu.patterns import PatternMatcher
from nlu.place_qualifiers import district_words

_TOO_FAR_REACH = 2  # "Kassel ist mir zu weit": the words may follow the name after a comma or "ist"
_BESIDE_REACH = 2  # "near Görlitz now (Niesky)": words between a locating place and the town it locates
RULED_OUT = -3  # Span._.preference of a place ruled out ("nicht in Kassel"): never the search place
CORRECTED = -4  # named before the writer corrects it ("Bielefeld no wait, now Halle"): set aside, and pulls no namesake
_KIN_REACH = 4  # "meine beiden Enkel wohnen": words between the relative and the verb of living
_NEAR_REACH = 6  # "not in Berlin itself but nearby": words after a ruled-out place that keep it as the centre


class PreferenceReader:
    """Marks places the person lives in or would rather go to (+1), areas named before a town in them (-1), and
    passing stays or too-far ones (-2)."""

    def __init__(self, nlp: Language, gazetteer: Gazetteer | None = None) -> None:
        rules = place_rules()
        self.gazetteer = gazetteer or get_gazetteer()
        groups: dict[str, Iterable[str]] = {
            "home": rules.home_cues, "preferred": rules.preference_cues, "temporary": rules.temporary_cues,
            "too_far": rules.too_far, "preferred_after": rules.preferred_after, "region": rules.region_cues,
            "correction": rules.corrections, "ruled_out": rules.ruled_out_cues,
            "ruled_out_after": rules.ruled_out_after, "temporary_after": rules.temporary_after,
            "others_home": rules.others_home_cues, "work": rules.work_cues, "work_wanted": rules.work_wanted,
            "there": rules.there_wishes,
        }
        self.matcher: PatternMatcher
        self.matcher, self.unusable = pattern_matcher(nlp, groups)
        self.areas = rules.areas
        self.near = rules.ruled_out_near
        self.beside, self.beside_then = rules.beside_words, rules.beside_then
        writer = interest_rules()
        self.kin = rules.others_home_subjects
        self.others_moved = rules.others_moved
        self.pronouns = writer.first_person - writer.own_possessives - writer.kin_possessives

    @staticmethod
    def _reaches(doc: Doc, end: int, cue: int, cue_end: int) -> bool:
        """Tells whether "zu weit" at `cue` is said of the place ending at `end`: the words between stay in one
        clause ("Kassel ist mir zu weit"), or the words are an answer of their own right after it ("Fulda? Zu
        weit.")."""
        between = doc[end:cue]
        if len(between) == 1 and is_boundary(between[0]):
            return cue_end == len(doc) or is_boundary(doc[cue_end])
        return all(not is_boundary(t) or t.norm_ == "," for t in between)

    @staticmethod
    def _town_follows(doc: Doc, area: Span, mentions: list[Span]) -> bool:
        """Tells whether another place follows the area as an element of its own ("Kreis Bautzen, Hoyerswerda"),
        not as an alternative ("Raum Wetzlar/Gießen")."""
        later = [m for m in mentions if m.start >= area.end]
        if not later:
            return False
        between = doc[area.end:min(m.start for m in later)]
        return any(t.text == "," for t in between) and not any(t.norm_ in ("oder", "or", "/") for t in between)

    def mark(self, doc: Doc, mentions: list[Span], home_after: set[int]) -> None:
        """Sets Span._.preference on every mention; home_after holds where words naming a place as one's own town
        start ("Gründau hier"), which the place finder's cues own (closing_home_words)."""
        found = self.matcher(doc)
        home = {end for label, _, end in found if label == "home"}
        preferred = {end for label, _, end in found if label == "preferred"}
        temporary = {end for label, _, end in found if label == "temporary"}
        too_far = {start: end for label, start, end in found if label == "too_far"}
        preferred_after = {start: end for label, start, end in found if label == "preferred_after"}
        region = {end for label, _, end in found if label == "region"}
        corrections = [start for label, start, _ in found if label == "correction"]
        ruled_out = {end for label, _, end in found if label == "ruled_out"}
        ruled_out_after = {start: end for label, start, end in found if label == "ruled_out_after"}
        temporary_after = {start for label, start, _ in found if label == "temporary_after"}
        temporary |= {end for label, start, end in found if label == "others_home" and self._said_of_kin(doc, start)}
        temporary |= {m.start for m in mentions if m.end in home_after and self._moved_by_other(doc, m)}
        if any(label == "work_wanted" for label, _, _ in found):  # "arbeite in F ... lieber nah an der Arbeit"
            work = {end for label, _, end in found if label == "work"}
            preferred |= work
            temporary -= work
        for wished in _pointed_back(mentions, [start for label, start, _ in found if label == "there"]):
            preferred.add(wished)  # "bei meinen Eltern in Witzenhausen, da würd ich gern": the wish, not a stay
            temporary.discard(wished)
        for span in sorted(mentions, key=lambda m: m.start):  # in text order: an area hands its wish on
            after = range(span.end, span.end + _TOO_FAR_REACH + 1)
            said_too_far = any(i in too_far and self._reaches(doc, span.end, i, too_far[i]) for i in after)
            if self._said_preferred(doc, span, after, preferred_after):
                preferred.add(span.start)  # "Kassel oder Baunatal, Baunatal wäre mir lieber"
            if span.start in ruled_out or self._ruled_out_after(doc, span, ruled_out_after):
                # "anywhere but Leipzig"; "not in Berlin itself but nearby" is Berlin's surroundings
                span._.preference = -2 if self._near_wanted(doc, span) else RULED_OUT
            elif span.start in temporary or span.end in temporary_after or said_too_far:
                span._.preference = -2
            elif span.start in preferred and self._is_area(span) and self._town_follows(doc, span, mentions):
                span._.preference = -1  # "eher im Erzgebirge, Zschopau oder Thum": the towns named are the wish
                following = min((m for m in mentions if m.start >= span.end), key=lambda m: m.start)
                preferred.add(following.start)
            elif span.start in preferred:
                span._.preference = 2  # "wohne in Fulda, aber lieber was in Kassel": the wish outranks the home
            elif self._locates_next(doc, span, mentions, home=self._is_home(span, home, home_after)):
                # "live near Dresden in Radeberg", also after a verb of living ("wohne bei Kassel, in Baunatal"):
                # the town near the city is meant
                span._.preference = -1
            elif self._is_home(span, home, home_after):  # "Goth hier" is no Gotha
                span._.preference = 1
            elif span.start in region and self._names_region(span) and self._town_follows(doc, span, mentions):
                # an area named before a town in it yields to that town ("Kreis Bautzen, Hoyerswerda"); a town after
                # "Raum" is the centre, and towns after it only name more of its area ("Raum Oschatz, Riesa")
                span._.preference = -1
            elif self._is_area(span) and self._named_with(doc, span, mentions):
                span._.preference = -1  # "im Vogtland? Auerbach, Rodewisch": the town, not the area's stand-in
            elif span.label_ == DEMONYM_LABEL:
                span._.preference = -1  # "wohne in Offenbach, mag den Frankfurter Zoo": a town named outright wins
        _share_with_joined(doc, mentions, self.gazetteer)
        for cue in corrections:  # "Weimar... no wait, Erfurt": a place after the correction replaces those before
            if any(m.start > cue for m in mentions):
                for span in mentions:
                    if span.end <= cue:
                        span._.preference = CORRECTED

    def _said_preferred(self, doc: Doc, span: Span, after: range, cues: dict[int, int]) -> bool:
        """Tells whether words of preference follow the place ("Baunatal wäre mir lieber"), also where its name is
        written again right before them ("Chemnitz oder Zwickau, Zwickau ist mir aber lieber": the repeated name is
        no mention of its own)."""
        if any(i in cues and self._reaches(doc, span.end, i, cues[i]) for i in after):
            return True
        name = [t.norm_ for t in span]
        for cue in cues:
            for again in range(cue - len(name), cue - len(name) - _TOO_FAR_REACH, -1):
                if (span.end < again and [t.norm_ for t in doc[again:again + len(name)]] == name
                        and self._reaches(doc, again + len(name), cue, cues[cue])):
                    return True
        return False

    def _moved_by_other(self, doc: Doc, span: Span) -> bool:
        """Tells whether the clause before a place named as moved to ("nach Münster gezogen") has a third person's
        auxiliary and no first person ("der Jüngste ist ... gezogen"): someone else's move, not the writer's."""
        clause = []
        for token in reversed(doc[:span.start]):
            if is_boundary(token):
                break
            clause.append(token.norm_)
        return bool(self.others_moved.intersection(clause)) and not self.pronouns.intersection(clause)

    def _said_of_kin(self, doc: Doc, verb: int) -> bool:
        """Tells whether the clause before a verb of living names a relative or partner as its subject ("meine Enkel
        wohnen", "my son lives", "mein Mann lebt"), with no "ich" or "wir" between ("meine Frau und ich leben in
        ...": the writer's home)."""
        for token in reversed(doc[max(verb - _KIN_REACH, 0):verb]):
            if is_boundary(token) or token.norm_ in self.pronouns:
                return False
            if token.norm_ in self.kin:
                return True
        return False

    @staticmethod
    def _ruled_out_after(doc: Doc, span: Span, cues: dict[int, int]) -> bool:
        """Tells whether words right after the place rule it out and end their clause: "Kassel auf keinen Fall",
        "Fulda, bitte nicht." ("in Kassel nicht weit vom Bahnhof" says nothing against Kassel)."""
        start = span.end + 1 if span.end < len(doc) and doc[span.end].text == "," else span.end
        end = cues.get(start)
        return end is not None and closes_clause(doc, end)

    def _near_wanted(self, doc: Doc, span: Span) -> bool:
        """Tells whether the words after a ruled-out place want its surroundings ("itself but nearby", "nicht in
        der Innenstadt", "eher drumherum")."""
        for token in doc[span.end:span.end + _NEAR_REACH]:
            if token.norm_ in (".", "!", "?"):
                return False
            if token.norm_ in self.near:
                return True
        return False

    def _is_area(self, span: Span) -> bool:
        """Tells whether a mention names a landscape or a district ("Vogtland", "Vogelsbergkreis")."""
        folded = " ".join(t.norm_ for t in span)
        return folded in self.areas or folded.endswith("kreis") or folded.split(" ")[0] in ("landkreis", "kreis", "lk")

    @staticmethod
    def _is_home(span: Span, home: set[int], home_after: set[int]) -> bool:
        """Tells whether a mention is said as where the writer lives ("wohne in Fulda", "Fulda hier")."""
        return span.start in home or (span.end in home_after and not span._.fuzzy)

    def _locates_next(self, doc: Doc, span: Span, mentions: list[Span], *, home: bool = False) -> bool:
        """Tells whether a place after "near" or "bei" only locates the town named right after it ("near Dresden in
        Radeberg", "living near Görlitz now (Niesky)"); "near Chemnitz" alone is where to look. After a verb of
        living the town needs a word of its own ("wohne bei Kassel, in Baunatal"): a comma alone goes on with the
        next clause ("wohne bei Hünfeld, Fahren ist kein Problem")."""
        if span.start == 0 or doc[span.start - 1].norm_ not in self.beside:
            return False
        end = next((m.start for m in mentions if span.end <= m.start <= span.end + _BESIDE_REACH), None)
        if end is None or (home and all(t.norm_ == "," for t in doc[span.end:end])):
            return False
        return all(t.norm_ in self.beside_then for t in doc[span.end:end])

    def _names_region(self, span: Span) -> bool:
        """Tells whether a mention names a landscape or a district rather than a town ("Vogelsberg", "Kreis Fulda")."""
        return self._is_area(span) or " ".join(t.norm_ for t in span) in district_words()

    @staticmethod
    def _named_with(doc: Doc, area: Span, mentions: list[Span]) -> bool:
        """Tells whether another place is named with the area, not as an alternative to it ("Vogtland oder
        Leipzig")."""
        others = [m for m in mentions if m is not area]
        for other in others:
            lo, hi = (area.end, other.start) if other.start >= area.end else (other.end, area.start)
            # "im Erzgebirge oder so. Irgendwo bei Oberwiesenthal": "oder so" hedges, it offers no alternative
            if not any(t.norm_ in ("oder", "or", "/") and not _hedge_after(doc, t.i) for t in doc[lo:hi]):
                return True
        return False


def _pointed_back(mentions: list[Span], cues: list[int]) -> set[int]:
    """Returns where the places start that a wish with "da", "dort" or "there" points back to: the place named last
    before each such wish ("bei meinen Eltern in Witzenhausen, da würd ich gern", "Could I volunteer there")."""
    wished = set()
    for cue in cues:
        before = [m for m in mentions if m.end <= cue]
        if before:
            wished.add(max(before, key=lambda m: m.end).start)
    return wished


def _share_with_joined(doc: Doc, mentions: list[Span], gazetteer: Gazetteer) -> None:
    """Gives a place joined right to the one before it ("arbeite in Frankfurt Bornheim", "wohne in Kassel oder
    Baunatal", "nicht in Kassel/Baunatal") what was said of that one, unless something was said of it on its own:
    the cue before the first covers both. With nothing between, the second shares only when it lies inside the
    first: chat drops commas, and "arbeite in Frankfurt Offenbach wäre mir lieber" names two towns."""
    ordered = sorted(mentions, key=lambda m: m.start)
    for previous, span in zip(ordered, ordered[1:]):
        between = doc[previous.end:span.start]
        if span._.preference != 0 or previous._.preference in (0, -1):
            continue
        if not all(t.norm_ in place_rules().choice_joiners for t in between):
            continue
        if len(between) or _inside(gazetteer, span, previous):
            span._.preference = previous._.preference


def _inside(gazetteer: Gazetteer, span: Span, outer: Span) -> bool:
    """Tells whether a mention names a quarter of the place named before it ("Frankfurt Bornheim")."""
    outer_ids = {place.id for place in outer._.value or ()}
    for place in span._.value or ():
        city = gazetteer.city_of(place)
        if city is not None and city.id in outer_ids:
            return True
    return any(gazetteer.quarter(span.text, place) is not None for place in outer._.value or ())


def closing_home_words(doc: Doc, found: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Reads "home_after_closing" matches ("Gründau hier") as "home_after" where their clause ends, or a conjunction
    opens the next ("Wettenberg hier und ich ..."); drops them before more words ("in Berlin here for a week",
    "Kassel oder Baunatal hier in der Nähe") or a question ("anything in Munich here?" asks, it names no home)."""
    def closes(end: int) -> bool:
        after = doc[end].norm_ if end < len(doc) else ""
        return after in place_rules().home_after_joiners or (closes_clause(doc, end) and after != "?")
    return [
        ("home_after" if label == "home_after_closing" else label, start, end) for label, start, end in found
        if label != "home_after_closing" or closes(end)
    ]


def _hedge_after(doc: Doc, i: int) -> bool:
    """Tells whether "oder" at i is the hedge "oder so", "or so", "oder ähnlich"."""
    return i + 1 < len(doc) and doc[i + 1].norm_ in ("so", "aehnlich", "sowas", "something", "whatever")
