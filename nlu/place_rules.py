"""The place finder's rule tables from data/nlu/places.toml, typed and loaded once per process. Split from
nlu/lexicon.py (which re-exports them) to keep the place rules apart from the interest rules."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from nlu.kernel.text import fold
from nlu.word_lists import folded_set, read_toml


@dataclass(frozen=True, slots=True)
class PlaceRules:
    """Location cues, qualifiers, state names, aliases and the start region."""

    cues: tuple[str, ...]
    origin_cues: tuple[str, ...]
    trailing: tuple[str, ...]
    qualifiers: dict[str, tuple[float, float]]
    states: dict[str, str]
    aliases: dict[str, str]  # with the quarter aliases: the chat reads a quarter the table lacks as its city
    state_parts: frozenset[str]  # "franken": a [states] word naming only part of its state
    state_negations: frozenset[str]  # "nicht", "außer": before a state's name, not where to look
    whole_state_cues: tuple[str, ...]  # "ganz", "all of": before a state's name in a field, all of the state
    whole_country: frozenset[str]  # "ganz Deutschland", "bundesweit": a field naming all of Germany, no place
    state_names_en: dict[str, str]  # "Sachsen" -> "Saxony", for English replies
    quarter_aliases: frozenset[str]  # "wehlheiden": the aliases that are a city's quarter, shown as such in a field
    shared_quarters: dict[str, str]  # "bornheim" -> Frankfurt am Main: a quarter named like a town elsewhere
    start_states: tuple[str, ...]
    ambiguous_km: float
    candidate_share: float
    start_candidate_share: float
    quarter_share: float  # a town beside a large city's quarter of its name is asked about from this share on
    home_cues: tuple[str, ...]
    preference_cues: tuple[str, ...]  # "lieber in X": where one would rather go outranks where one lives
    temporary_cues: tuple[str, ...]
    temporary_after: tuple[str, ...]  # "in Frankfurt for work": words after a place making it a passing stay
    work_cues: tuple[str, ...]  # "arbeite in X", "I work in X": where one works, a passing stay ...
    work_wanted: tuple[str, ...]  # ... unless the wish is near it: "lieber nah an der Arbeit", "near my office"
    others_home_cues: tuple[str, ...]  # "(meine Tochter) wohnt in X": where someone else lives, said of a relative
    others_home_subjects: frozenset[str]  # "Schwester", "Eltern", "Mann": whose home an others_home cue names
    ruled_out_cues: tuple[str, ...]  # "nicht in X", "anywhere but X": never the search place
    ruled_out_after: tuple[str, ...]  # "X auf keinen Fall"
    ruled_out_near: frozenset[str]  # "not in X itself but nearby": X stays the point to search around
    corrections: tuple[str, ...]  # "no wait", "sorry", "ich meine": the place named after one replaces those before
    too_far: tuple[str, ...]
    preferred_after: tuple[str, ...]
    there_wishes: tuple[str, ...]  # "da würd ich gern", "could I volunteer there": the place named last is wished
    waters: tuple[str, ...]  # "an der Elbe", "am Edersee": a river or lake with its cue; no place, no keyword
    home_after: tuple[str, ...]  # "Halle ist meine Stadt": words after a place naming it as one's town
    others_moved: frozenset[str]  # "der Jüngste ist nach Münster gezogen": a move said of someone else
    home_after_closing: tuple[str, ...]  # "Gründau hier": the same, only where they close the clause
    home_after_joiners: frozenset[str]  # "Wettenberg hier und ich ...": a conjunction closes it as a comma does
    choice_joiners: frozenset[str]  # "Kassel oder Baunatal", "Achim/Verden": a choice between two places
    beside_words: frozenset[str]  # "Langen bei Frankfurt": a town located by a larger one near it
    beside_then: frozenset[str]  # "near Dresden in Radeberg": what may stand between the two
    qualifier_fillers: frozenset[str]  # "Neustadt an der Weinstraße": words between a name and its qualifier
    qualifier_tight: frozenset[str]  # "Wetter/Ruhr": the marks alone that keep a word-like name tight to it
    qualifier_official: frozenset[str]  # "Weiden in der Oberpfalz": joining words of an official long name, as tight
    # "a.d. Aisch", "i.d.OPf.": the letters of an abbreviated joining word -> its long forms; a region's abbreviation
    # -> its qualifier or state word
    abbreviated_joiners: dict[str, tuple[str, ...]]
    abbreviated_regions: dict[str, str]
    area_after: tuple[str, ...]  # "Lahnau oder Umgebung": words after a place naming its area (a cue, no preference)
    region_cues: tuple[str, ...]
    region_nouns: frozenset[str]  # the one-word region cues ("raum", "gegend"): may follow a town's adjective
    areas: frozenset[str]  # folded landscape and district names that give way to a town named with them
    not_demonyms: frozenset[str]  # nouns that look like a town's adjective ("Hammer": not of Hamm)
    noun_ties: frozenset[str]  # "das", "beim", "mit": a word-like name after them is a noun, not a town
    quarter_articles: frozenset[str]  # "im Glockenbachviertel": a city's quarter after them is cued as after "in"
    article_quarters: frozenset[str]  # "im Wedding": word-like quarter names that count after them all the same


@cache
def place_rules() -> PlaceRules:
    """Returns the place cues and helpers."""
    raw = read_toml("places.toml")
    start = raw["start"]
    return PlaceRules(
        cues=tuple(raw["cues"]),
        origin_cues=tuple(raw["origin_cues"]),
        trailing=tuple(raw["trailing"]),
        qualifiers={fold(k): (float(v[0]), float(v[1])) for k, v in raw["qualifiers"].items()},
        states={fold(k): v for k, v in raw["states"].items()},
        aliases={fold(k): v for k, v in (raw["aliases"] | raw["quarter_aliases"]).items()},
        quarter_aliases=frozenset(fold(k) for k in raw["quarter_aliases"]),
        state_parts=folded_set(raw["state_parts"]),
        state_negations=folded_set(raw["state_negations"]),
        whole_state_cues=tuple(sorted((fold(cue) for cue in raw["whole_state_cues"]), key=len, reverse=True)),
        whole_country=frozenset(fold(name) for name in raw["whole_country"]),
        state_names_en=dict(raw["state_names_en"]),
        shared_quarters={fold(k): v for k, v in raw["shared_quarters"].items()},
        start_states=tuple(start["states"]),
        ambiguous_km=float(start["ambiguous_km"]),
        candidate_share=float(start["candidate_share"]),
        start_candidate_share=float(start["start_candidate_share"]),
        quarter_share=float(start["quarter_share"]),
        home_cues=tuple(raw["home_cues"]),
        preference_cues=tuple(raw["preference_cues"]),
        temporary_cues=tuple(raw["temporary_cues"]),
        temporary_after=tuple(raw["temporary_after"]),
        work_cues=tuple(raw["work_cues"]),
        work_wanted=tuple(raw["work_wanted"]),
        others_home_cues=tuple(raw["others_home_cues"]),
        others_home_subjects=folded_set(raw["others_home_subjects"]),
        ruled_out_cues=tuple(raw["ruled_out_cues"]),
        ruled_out_after=tuple(raw["ruled_out_after"]),
        ruled_out_near=folded_set(raw["ruled_out_near"]),
        corrections=tuple(raw["corrections"]),
        too_far=tuple(raw["too_far"]),
        preferred_after=tuple(raw["preferred_after"]),
        there_wishes=tuple(raw["there_wishes"]),
        home_after=tuple(raw["home_after"]),
        others_moved=folded_set(raw["others_moved"]),
        home_after_closing=tuple(raw["home_after_closing"]),
        home_after_joiners=frozenset(raw["home_after_joiners"]),
        choice_joiners=frozenset(raw["choice_joiners"]),
        beside_words=frozenset(raw["beside_words"]),
        beside_then=frozenset(raw["beside_then"]),
        qualifier_fillers=frozenset(raw["qualifier_fillers"]),
        qualifier_tight=frozenset(raw["qualifier_tight"]),
        qualifier_official=frozenset(raw["qualifier_official"]),
        abbreviated_joiners={
            fold(k): tuple(v) for k, v in raw["qualifier_abbreviations"]["joiners"].items()
        },
        abbreviated_regions={fold(k): fold(v) for k, v in raw["qualifier_abbreviations"]["regions"].items()},
        area_after=tuple(raw["area_after"]),
        waters=tuple(f"{cue} {'|'.join(raw['waters'])}" for cue in raw["water_cues"]),
        region_cues=tuple(raw["region_cues"]),
        region_nouns=frozenset(fold(w) for cue in raw["region_cues"] if " " not in cue for w in cue.split("|")),
        areas=frozenset(fold(a) for a in raw["areas"]),
        not_demonyms=folded_set(raw["not_demonyms"]),
        noun_ties=folded_set(raw["noun_ties"]),
        quarter_articles=folded_set(raw["quarter_articles"]),
        article_quarters=folded_set(raw["article_quarters"]),
    )
