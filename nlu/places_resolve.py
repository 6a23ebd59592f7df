"""Chooses the place among a message's place mentions and resolves an ambiguous name.

"Neustadt" names 19 places: qualifiers ("Neustadt in Sachsen", "Frankfurt (Oder)", "Halle/Saale"), a state
named anywhere, or another place nearby ("Neustadt bei Coburg") narrow it down; what is left and far apart
becomes the candidates the bot can ask about. Tie-break between places of similar size: the start region.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from nlu.components.place_hints import CORRECTED, RULED_OUT
from nlu.extensions import PLACES_RULED_OUT, TIMES, WATERS
from nlu.kernel.gazetteer import Gazetteer, Place, get_gazetteer, haversine_km
from nlu.lexicon import PlaceRules, known_words, place_rules
from nlu.place_like import looks_like_place
from nlu.quarter_namesakes import weigh_quarters
from nlu.quarters import quarter_of
from nlu.place_qualifiers import QUALIFIER_KM, Qualifier, own_qualifier, qualifier_after
from nlu.kernel.text import fold

_QUALIFIER_SLACK_KM = 20.0  # after a qualifier, namesakes this much further from it than the nearest drop out
_NEIGHBOUR_KM = 50.0  # another place named in the message pulls an ambiguous name towards it
_MAX_CANDIDATES = 8
_CITY = 100_000  # a place this large named right beside a quarter name several cities share is the city meant
_BESIDE_WORDS = frozenset({"von", "in"})
_NAME_PREPOSITIONS = frozenset({"an", "ob", "vor"})  # "X an der Y": part of a place's own name
_NAME_ARTICLES = frozenset({"am", "im"})  # "X am Main", "X im Odenwald": so too
_TOWN = 5_000  # a typo's guess of a place this large is a town misspelt, not a village the gazetteer lacks


def resolve(
    doc: Doc, mentions: list[Span], origin_ends: set[int], gazetteer: Gazetteer, words: frozenset[int] = frozenset()
) -> list[Span]:
    """Returns the mentions with the chosen one first; its value becomes (best, *alternatives). `words` tells where
    mentions start whose name is also an ordinary word and that no cue, no clause of their own made a place ("Wetter
    im Sauerland"): a place named so yields to one named as a place ("..., ich suche was in Arnsberg")."""
    if not mentions:
        return []
    rules = place_rules()
    named: dict[int, list[Span]] = {}
    for span in mentions:
        named.setdefault(span._.value[0].id, []).append(span)
    chosen = min(mentions, key=lambda s: _priority(
        s, origin_ends, named[s._.value[0].id], all(m.start in words for m in named[s._.value[0].id])
    ))
    others = [m for m in mentions if m is not chosen]
    candidates = list(chosen._.value)
    city = _city_named_with_quarter(chosen, others, gazetteer)
    if city is not None:  # "Dresden, am liebsten Neustadt": the quarter of the city named with it
        chosen._.value = (city,)
        return [chosen, *others]
    if len(candidates) > 1:
        candidates = _narrow(doc, chosen, candidates, others, rules)
    chosen._.value = _as_city(chosen, tuple(_plausible(candidates, rules, gazetteer)), gazetteer)
    chosen._.value = _with_shared_quarter(doc, chosen, others, gazetteer, rules)
    if not others and not _qualified(doc, chosen, rules) and not doc.spans.get(PLACES_RULED_OUT):
        chosen._.value = weigh_quarters(chosen.text, chosen._.value, gazetteer, share=rules.quarter_share,
                                        apart_km=rules.ambiguous_km, guessed=bool(chosen._.fuzzy))
    return [chosen, *others]


def _qualified(doc: Doc, chosen: Span, rules: PlaceRules) -> bool:
    """Tells whether the message says more of where a name lies: a qualifier after it, a longer name written out, a
    state named ("Moosach bei Grafing", "Wangen im Allgäu", "Homberg Efze", "Neuhausen, Sachsen")."""
    return (qualifier_after(doc, chosen.end, rules, set()) is not None or written_qualifier(doc, chosen) is not None
            or own_qualifier(doc, chosen) is not None or _state_named(doc, chosen, rules) is not None)


def _with_shared_quarter(
    doc: Doc, chosen: Span, others: list[Span], gazetteer: Gazetteer, rules: PlaceRules
) -> tuple[Place, ...]:
    """Adds the city to a name that is also one of its quarters the quarter table lacks ("Bornheim": the town by
    Bonn, or Frankfurt's quarter). A place named beside it near the city makes it the city alone ("Frankfurt
    oder Hanau, max 15 km von Bornheim"); one nearer the town keeps the town ("Darmstadt ..., Griesheim"), and so
    does a qualifier or state that fits the town and not the city ("Bornheim NRW"); named alone both are offered,
    the town first (a town keeps its name; the quarter is a candidate after it), when they lie as far apart as
    namesakes worth a question (Griesheim by Darmstadt, 30 km from Frankfurt's centre, stays the town).
    A name that is a quarter of another city too ("Westend": Berlin's) is the quarter of a city written right beside
    it ("Westend München", "im Westend von Wiesbaden")."""
    places: tuple[Place, ...] = chosen._.value
    city_name = rules.shared_quarters.get(fold(chosen.text))
    if city_name is None or not places:
        return places
    city = gazetteer.lookup(city_name)[0]
    if any(place.id == city.id for place in places):
        return places
    best = places[0]
    beside = _city_beside(doc, chosen, others, gazetteer)
    if beside is not None and any(gazetteer.city_of(place) is not None for place in places):
        return (beside,)  # "Westend München": a quarter name several cities have is the one of the city beside it
    written = written_qualifier(doc, chosen)
    if written is not None and qualified_so(fold(city.name), written):
        return (city,)  # "Höchst am Main": the city's own qualifier written out
    if written is not None:  # the river of "Bornheim an der Nidder" is part of the name, not Nidderau beside it
        tail_end = written_end(doc, chosen) or chosen.end
        others = [other for other in others if not chosen.end <= other.start < tail_end]
    qualifier = qualifier_after(doc, chosen.end, rules, {o.start for o in others})
    state = (qualifier.state if qualifier else None) or _state_named(doc, chosen, rules)
    if qualifier is None and written is not None and any(qualified_so(fold(place.name), written) for place in places):
        return places  # a longer name one of the towns bears, which the city's quarter does not
    # "Bornheim an der Nidder": a tail that fits none of them tells neither apart, so the bot still asks
    misfit = False  # a point or a district that fits neither place: where it lies decides, else the bot asks
    if qualifier is not None and qualifier.state is None:  # a point or a district: one place is meant
        if qualifier.fits(city) or qualifier.fits(best):
            return (city,) if qualifier.fits(city) and not qualifier.fits(best) else places
        misfit = True
    if state is not None:
        return (city,) if state == city.state and state != best.state else places
    points = [(o._.value[0].lat, o._.value[0].lon) for o in others if o._.preference != CORRECTED and o._.value]
    if misfit and qualifier is not None and (point := _qualifier_point(qualifier, gazetteer)) is not None:
        if _pulls(point, best, city, QUALIFIER_KM):  # "Bornheim Rhein-Sieg": the district lacks the town's entry
            return places
        points.append(point)  # "Bornheim Offenbach": the Kreis Offenbach borders Frankfurt
    if any(_pulls(point, city, best) for point in points):
        return (city,)
    # even a place ruled out tells the area ("not Darmstadt, I live in Griesheim")
    if (others and not misfit) or doc.spans.get(PLACES_RULED_OUT) or _km(city, best) <= rules.ambiguous_km:
        return places
    return (*places, quarter_of(chosen.text, city))  # a town keeps its name: the quarter is asked about after it


def _city_beside(doc: Doc, chosen: Span, others: list[Span], gazetteer: Gazetteer) -> Place | None:
    """Returns a city named right before or after the name, at most "von", "in" or punctuation between ("Westend
    Wiesbaden", "im Westend von Wiesbaden", "Wiesbaden, Westend"), else None."""
    for other in others:
        if other._.preference == CORRECTED or not other._.value:
            continue
        between = doc[chosen.end : other.start] if other.start >= chosen.end else doc[other.end : chosen.start]
        if all(token.is_punct or token.norm_ in _BESIDE_WORDS for token in between):
            city = gazetteer.city_of(other._.value[0]) or other._.value[0]
            if city.population >= _CITY:
                return city
    return None


def written_qualifier(doc: Doc, chosen: Span) -> str | None:
    """Returns how the name goes on as a longer place name written out, folded: "an der", "ob der", "vor der", "am"
    or "im" and a capitalised word that is no known word, or a river or lake ("an der nidder" of "Höchst an der
    Nidder", "am main" of "Höchst am Main"), where "an der Schule" and "im Garten" are only where the help is and "am
    WE" is when; else None."""
    end = written_end(doc, chosen)
    return None if end is None else fold(doc[chosen.end : end].text)


def written_end(doc: Doc, chosen: Span) -> int | None:
    """Returns where the longer place name written out that the name goes on as ends (written_qualifier), else None."""
    waters = doc.spans.get(WATERS, ())
    water = next((int(w.end) for w in waters if w.start == chosen.end and w.end - w.start <= 3), None)
    if water is not None:
        return water
    words = list(doc[chosen.end : chosen.end + 3])
    if len(words) >= 2 and words[0].norm_ in _NAME_ARTICLES:
        named = words[1]
    elif len(words) == 3 and words[0].norm_ in _NAME_PREPOSITIONS and words[1].norm_ == "der":
        named = words[2]
    else:
        return None
    if not (named.text[:1].isupper() and named.is_alpha and fold(named.text) not in known_words()):
        return None
    if any(time.start <= named.i < time.end for time in doc.spans.get(TIMES, ())):
        return None  # "KS am WE", "Z am WE": a code and the weekend, no town "am WE"
    return named.i + 1


def names_another_place(doc: Doc, span: Span, rules: PlaceRules) -> bool:
    """Tells whether a name written out longer names none of the places its short form does: each of them is
    qualified otherwise ("Höchst an der Nidder", a quarter of Altenstadt the gazetteer lacks, is not Höchst im
    Odenwald), and so is the city it is a quarter of (Frankfurt am Main's Höchst is "Höchst am Main"). The full
    name goes first: a place the gazetteer has under it is found as one mention, and a short name of which some
    place is called so alone ("Höchst" of a village) may still be that one. A city written with its quarter
    names that quarter too: "Köln-Porz am Rhein" is Köln's Porz am Rhein."""
    tail = written_qualifier(doc, span)
    if tail is None or not span._.value:
        return False
    short = fold(span.text)
    names = [fold(place.name) for place in span._.value]
    if len(span._.value) == 1 and (quarter := get_gazetteer().quarter(span.text)) is not None:
        names.append(fold(quarter.name))
    city = rules.shared_quarters.get(short)
    if city is not None:
        names.append(fold(city))
    return all(name != short and not qualified_so(name, tail) for name in names)


def qualified_so(name: str, tail: str) -> bool:
    """Tells whether a folded place name says the river or region of a folded qualifier written out: "frankenberg
    (eder)" for "an der eder", "oelsnitz/vogtl." for "im vogtland", "frankfurt am main" for "am main"."""
    said = tail.split()[-1]
    return any(word[:4] == said[:4] for word in re.findall(r"[a-z]+", name)[1:])


def _qualifier_point(qualifier: Qualifier, gazetteer: Gazetteer) -> tuple[float, float] | None:
    """Returns where a point or district qualifier lies: its point, or the mean of its district's places."""
    if qualifier.point is not None:
        return qualifier.point
    places = gazetteer.places_in_district(qualifier.district) if qualifier.district else []
    if not places:
        return None
    return sum(p.lat for p in places) / len(places), sum(p.lon for p in places) / len(places)


def _pulls(point: tuple[float, float], place: Place, other: Place, reach_km: float = _NEIGHBOUR_KM) -> bool:
    """Tells whether a point lies near one of the two places sharing the name and nearer it than the other."""
    to_place = haversine_km(place.lat, place.lon, *point)
    return to_place <= reach_km and to_place < haversine_km(other.lat, other.lon, *point)


def _km(one: Place, other: Place) -> float:
    """Returns the distance between two places."""
    return haversine_km(one.lat, one.lon, other.lat, other.lon)


def _city_named_with_quarter(chosen: Span, others: list[Span], gazetteer: Gazetteer) -> Place | None:
    """Returns the city another mention names when the chosen name is one of its quarters ("Dresden, ideally
    Neustadt area", "Leipzig, gern in Gohlis"), else None."""
    if chosen.text[:1].isdigit():
        return None
    for other in others:
        city = gazetteer.city_of(other._.value[0]) or other._.value[0]
        if gazetteer.quarter(chosen.text, city) is not None:
            return city
    return None


def _as_city(mention: Span, places: tuple[Place, ...], gazetteer: Gazetteer) -> tuple[Place, ...]:
    """Returns a quarter written with its city ("Berlin-Marzahn" split into three tokens, "Berlin Köpenick" as the
    gazetteer spells the quarter) as that city, as QuarterReader reads "Leipzig-Gohlis". A quarter named alone
    ("in Barmbek") keeps its own point: the search then starts where the person is."""
    if len(places) != 1 or places[0].postal_code:
        return places
    city = gazetteer.city_of(places[0])
    if city is None or fold(city.name) not in " ".join(t.norm_ for t in mention):
        return places
    return (city,)


def _priority(span: Span, origin_ends: set[int], same: list[Span], word: bool = False) -> tuple[int, ...]:
    """Orders mentions: postal codes first; origins ("ich komme aus X"), passing stays and places "too far"
    last; a place named again before one named once ("wohne in Görlitz, arbeite in Zittau, suche was in
    Zittau"); where the person would rather go, then where they live, before other places; a name written as it
    is before a typo's guess ("Bäuerin ... bei Ebsdorfergrund" is no Beuern); then earlier first.

    `same` holds every mention of the same place: a place is set aside only when each of its mentions is, or when
    one of them rules it out ("wohne in Kassel, möchte aber nicht in Kassel helfen, sondern in Vellmar").
    A municipality added from postal-code names and never named after a cue comes after every other place: its
    name is as often a word or a person's ("Huy, ich will ... in Kassel", "Karenz: ... in Dresden").
    Of places otherwise alike, a name that is also a word and was made a place only by what follows it (`word`:
    "Wetter im Sauerland") comes after one named as a place ("..., ich suche was in Arnsberg")."""
    is_postal = span.text.rstrip(".").isdigit()
    set_aside = all(m.start in origin_ends or m._.preference <= -2 for m in same) or any(
        m._.preference == RULED_OUT for m in same
    )
    # an area yielding to a town in it keeps its own rank, even when it stands in for that same town
    preference = span._.preference if span._.preference == -1 else max(min(m._.preference, 2) for m in same)
    named_again = sum(m._.preference != -1 for m in same) > 1  # a landscape standing in for its town is no naming
    guessed = all(m._.fuzzy for m in same)
    # a guess of a small place for a word that looks like a village's own name is more likely that village, which
    # the gazetteer lacks, than a typo, so it yields to any name written as it is ("Meißner oder Witzenhausen?
    # Wohne in Germerode": no Gerterode 50 km away); a guess that lands on a town ("Witzenhusen") stays a typo
    village = guessed and all(looks_like_place(m[0].norm_) and m._.value[0].population < _TOWN for m in same)
    uncued_added = all(m._.value[0].is_added and not m._.cued for m in same)
    return (
        0 if is_postal else 1, 1 if uncued_added else 0, 1 if village else 0, 1 if set_aside else 0,
        0 if named_again else 1, 1 - preference, 1 if guessed else 0, 1 if word else 0, span.start,
    )


def _narrow(doc: Doc, chosen: Span, candidates: list[Place], others: list[Span], rules: PlaceRules) -> list[Place]:
    """Applies qualifiers, state names and nearby places to an ambiguous name."""
    own = own_qualifier(doc, chosen)  # "Homberg/Ohm": a word of one namesake's own name
    if own is not None:
        candidates = own[1]
    qualifier = qualifier_after(doc, chosen.end, rules, {o.start for o in others})
    if qualifier is not None and qualifier.district is not None:  # "Frankenberg, Mittelsachsen"
        candidates = [p for p in candidates if qualifier.fits(p)] or candidates
    state = (qualifier.state if qualifier else None) or _state_named(doc, chosen, rules)
    if state:
        candidates = [p for p in candidates if p.state == state] or candidates
    point = qualifier.point if qualifier else None
    if point:
        close = sorted(
            (p for p in candidates if haversine_km(p.lat, p.lon, *point) <= QUALIFIER_KM),
            key=lambda p: haversine_km(p.lat, p.lon, *point),
        )
        if close:  # "Oelsnitz Vogtland": the qualifier settles it; a namesake much further from it is not meant
            nearest = haversine_km(close[0].lat, close[0].lon, *point)
            return [p for p in close if haversine_km(p.lat, p.lon, *point) <= nearest + _QUALIFIER_SLACK_KM]
    # a place named beside it pulls it near; a name whose namesakes are all far smaller counts as one place
    # ("Frankfurt ist zu weit, lieber Friedberg": Friedberg in Hessen)
    # (a place the writer corrected away is not where they are: "Bielefeld no wait I moved, now Halle" is no Halle
    # near Bielefeld)
    anchors = [o._.value[0] for o in others if o._.preference != CORRECTED
               and (len(o._.value) == 1 or len(_plausible(list(o._.value), rules)) == 1)]
    for anchor in anchors:
        near = [p for p in candidates if haversine_km(p.lat, p.lon, anchor.lat, anchor.lon) <= _NEIGHBOUR_KM]
        if near:
            candidates = sorted(near, key=lambda p: haversine_km(p.lat, p.lon, anchor.lat, anchor.lon))
            break
    # Otherwise the largest namesake comes first, in the start region or not: the chat asks between them, and the
    # natural-message authors label a bare "Friedberg" so (README "Ambiguous place"; 8 authors to 3)
    return candidates


def _state_named(doc: Doc, chosen: Span, rules: PlaceRules) -> str | None:
    """Returns a state named anywhere else in the message ("Ich wohne in Hessen, in Neustadt")."""
    for token in doc:
        if not chosen.start <= token.i < chosen.end and token.norm_ in rules.states:
            return rules.states[token.norm_]
    return None


def _first_word(place: Place) -> str:
    """Returns the first word of a place's own name, folded ("neustadt" of "Neustadt (Hessen)")."""
    return fold(re.split(r"[\s(/,-]", place.name, maxsplit=1)[0])


def _plausible(candidates: list[Place], rules: PlaceRules, gazetteer: Gazetteer | None = None) -> list[Place]:
    """Returns the best place and, when the name is ambiguous, its far-apart sizeable namesakes.

    A start-region namesake is offered sooner, but not beside a large city or a quarter of one (`gazetteer` tells
    the quarter's city): "Fürth" is the city of 130,000, not Fürth (Odenwald); "Eppendorf" and "Lichtenberg" are
    Hamburg's and Berlin's quarters, not the villages in Saxony of a fifth and a tenth of their size."""
    best = candidates[0]
    kept = [best]
    city = gazetteer.city_of(best) if gazetteer is not None else None
    large = max(best.population, city.population if city is not None else 0) >= _CITY
    for place in candidates[1:]:
        # A namesake in the start region is offered sooner; one reached by an old alternate name is not
        # ("Freiburg" is Freiburg im Breisgau, although Freiberg in Sachsen was once called so too).
        # ... but only when the largest one lies outside it: beside Königstein im Taunus, the small Königstein in
        # Saxony is not worth a question.
        home = (
            not large and place.state in rules.start_states and best.state not in rules.start_states
            and _first_word(place) == _first_word(best)
        )
        if place.population < (rules.start_candidate_share if home else rules.candidate_share) * best.population:
            continue
        if all(haversine_km(place.lat, place.lon, k.lat, k.lon) > rules.ambiguous_km for k in kept):
            kept.append(place)
        if len(kept) == _MAX_CANDIDATES:
            break
    # The start region's namesakes come right after the best one (sorted() keeps the size order otherwise).
    return [best, *sorted(kept[1:], key=lambda place: place.state not in rules.start_states)]
