"""When a search finds too little: the order in which its constraints are relaxed, each step named."""

from __future__ import annotations

from dataclasses import dataclass

from bot.search.criteria import Criteria

RADIUS_STEPS_KM = (15.0, 30.0, 50.0)
# Beyond 50 km a search only goes when it found nothing at all, and then says so: the nearest listings, with
# their true distance, are more use than an empty answer (a town far from any listing, a rare word).
NEAREST_STEPS_KM = (100.0, 200.0, 400.0, 800.0)
NEAREST = "nearest"
# Beside a wider radius: only listings holding a word that names what was asked came from beyond the asked one.
MATCHING = "matching"
# A time wished as a preference that nothing near fits: listings at that time from farther away were added beside the
# nearer ones at other times (soft_time_farther).
WISHED_FARTHER = "wished_farther"
# Nothing that can be done from home fit a wish for it: listings on site are shown instead, said as such.
REMOTE = "remote"
# Nothing in the whole state asked for fits, even widened: the matching ones from the rest of Germany, said so.
OUTSIDE_STATE = "outside_state"
# Listings titled with the request's words joined from beyond the categories read (bot.search.titled, which uses
# them from here: it imports this module, so they cannot live there).
TITLED = "titled"  # the listings titled so come first, the categories' rows follow
TITLED_ONLY = "titled_only"  # no row of the categories read is listed beside them
# Every step a search names by a word of its own, without a value (radius:30 and area:0 carry one): the chat's and
# the web's sentence is search.widened_<step> (bot.search.notes; "everywhere" is said by whoever shows the results),
# the command line's short words cli_search.widened_<step>. One table, so a new step is worded everywhere or nowhere.
WORDED_STEPS = (REMOTE, "time", "keywords", "everywhere", NEAREST, MATCHING, TITLED, TITLED_ONLY, OUTSIDE_STATE,
                WISHED_FARTHER)
MIN_RESULTS = 3  # fewer listings than this and the search widens
# How far the nearest listings naming what was asked are looked for when loose ones fill the page nearby.
NAMED_FAR_KM = 100.0
# The scale on which closeness ranks online listings for a from-home wish that named a place (they come from
# anywhere; a listing of the person's own region ranks before one from across the country).
REMOTE_NEAR_KM = 100.0


@dataclass(frozen=True, slots=True)
class Attempt:
    """One try: the radius (None: anywhere), whether time and the free words still filter, what was relaxed."""

    radius_km: float | None
    strict_time: bool
    text_required: bool
    widened: tuple[str, ...]
    only_if_nothing: bool = False  # taken only when every earlier try found nothing at all
    # Online listings from anywhere beside the nearest ones (bot.search.sources.online_too); set only once a
    # nearest try was taken, so that online ones never stop the search for the nearest ones.
    online: bool = False
    # Only listings holding a word that names what was asked (bot.search.widening.farther_matches): the others
    # would be left out of the list anyway, and the index finds the few that hold one.
    named_only: bool = False
    # Beyond this radius only listings at the wished time (soft_time_farther); None: the same rule everywhere.
    wished_beyond_km: float | None = None


def attempts(
    criteria: Criteria, *, has_text: bool, widen: bool = True, words_dropped: bool = False, ordinary: bool = False,
) -> list[Attempt]:
    """Returns the tries in order: as asked, then wider radii, then any time, then (only when nothing was
    found) the nearest listings farther away, then without the free words.

    The free words (when no category was understood) are dropped only when nothing at all holds them, or, when
    they are all ordinary words of the language (ordinary: "Ahnung" of "keine Ahnung"), nothing within the widest
    radius: such words are most likely no thing to look for, and the listings around the place come before the
    nearest ones far away holding them, which are looked for only where nothing at all is near. A word of its own
    ("Telefonseelsorge", a compound) names a thing: a single listing far away holding it is worth more than a page
    of unrelated ones nearby. Such ordinary words are also let go before a wished time is: a time the person can
    give says more than "Projekt" or "project" ("irgendein Projekt fürs Wochenende"), so when fewer than
    MIN_RESULTS listings within the widest radius hold them at that time, the listings around the place at that
    time come next (said as `keywords`), and only then the words at any time.

    A radius the person chose (Criteria.radius_chosen) is never widened: only when nothing at all lies within it
    are the nearest ones beyond it shown, said as such.
    """
    widened: list[str] = ["keywords"] if words_dropped else []  # no listing anywhere holds the words
    radius: float | None = criteria.radius_km
    if criteria.place is None or criteria.remote:
        radius = None  # remote listings can be done from anywhere; no place means all of Germany
        if not criteria.remote and criteria.whole_state is None:  # a whole state is no widening to Germany
            widened.append("everywhere")
    # A time wished as a preference ("am liebsten abends") never filters: it only ranks (bot.search.ranking).
    strict_time = bool(criteria.time) and not criteria.time_soft
    # Free words filter only when no category was understood; otherwise they only rank.
    text_required = has_text and not criteria.categories
    plan = [Attempt(radius, strict_time, text_required, tuple(widened))]
    if not widen:
        return plan
    chosen = criteria.radius_chosen  # an asked radius is kept: farther ones only when nothing lies within it
    if radius is not None and not chosen:
        for step in RADIUS_STEPS_KM:
            if step > radius:
                radius = step
                widened.append(f"radius:{step:g}")
                plan.append(Attempt(radius, strict_time, text_required, tuple(widened)))
    if strict_time and radius is not None and text_required and ordinary:
        # Ordinary words no category was read from ("irgendein Projekt", "any project for a newcomer")
        # that too few listings within the widest radius hold at the asked time name no thing: the time the person
        # can give says more, so the words are let go around the place before the time is (said as such).
        plan += _without_words(criteria, strict_time, widened, first_only_if_nothing=False, widen_radius=not chosen)
    if strict_time:
        strict_time = False
        widened.append("time")
        plan.append(Attempt(radius, strict_time, text_required, tuple(widened)))
    if radius is not None and text_required and ordinary:
        # Ordinary words no category was read from, which no listing within the widest radius holds, are most
        # likely no thing to look for ("keine Ahnung ..."): the listings around the place are shown, said as such,
        # before the nearest ones far away holding the words (those only when nothing at all is near).
        plan += _without_words(criteria, strict_time, widened, widen_radius=not chosen)
    if radius is not None:
        far = [*widened, NEAREST]
        # Beyond an asked radius with nothing in it, the nearest ones from the next step on, said as such: up to
        # the widest radius until a few are found (one 9 km away is no list of the nearest).
        near = [step for step in RADIUS_STEPS_KM if step > radius] if chosen else []
        plan += [Attempt(step, strict_time, text_required, tuple(far), only_if_nothing=not number)
                 for number, step in enumerate(near)]
        plan += [Attempt(step, strict_time, text_required, tuple(far), only_if_nothing=True)
                 for step in NEAREST_STEPS_KM if step > radius]
    if text_required:
        widened.append("keywords")
        plan.append(Attempt(radius, strict_time, False, tuple(widened), only_if_nothing=True))
    return plan


def _without_words(
    criteria: Criteria, strict_time: bool, widened: list[str], *, first_only_if_nothing: bool = True,
    widen_radius: bool = True,
) -> list[Attempt]:
    """Returns the tries without the free words around the place: from the asked radius (taken only when the
    words found nothing within the widest one, unless first_only_if_nothing is false: then when it finds more than
    the words did) out to the widest radius (not beyond a radius asked for: widen_radius false), each said as
    such."""
    wider = (step for step in RADIUS_STEPS_KM if step > criteria.radius_km) if widen_radius else ()
    steps = [criteria.radius_km, *wider]
    said = [step for step in widened if not step.startswith("radius:")] + ["keywords"]
    tries = []
    for number, step in enumerate(steps):
        if number:
            said.append(f"radius:{step:g}")
        tries.append(Attempt(step, strict_time, False, tuple(said),
                             only_if_nothing=first_only_if_nothing and not number))
    return tries


def farther_matches(attempt: Attempt, *, chosen: bool = False) -> list[Attempt]:
    """Returns the tries that look for listings naming what was asked farther away: up to the widest radius,
    then (for the caller to take only when none within it names the thing) the nearest ones up to NAMED_FAR_KM.

    Taken when the request names something ("Hospizbegleitung", "Gitarre") and too few listings within the
    radius hold it: a person is better served by the few listings that fit nearby, followed by those that fit
    a little farther away (said as such, with their distance), than by nearby ones in the same category that
    fit only loosely. Beyond the asked radius only listings holding such a word are listed
    (bot.search.retrieval._listed leaves the others out once three hold one). Never after the nearest listings
    far away or after the words were let go: there the words did not decide. Never beyond a radius the person
    chose (`chosen`): there the listings within it are the answer.
    """
    if attempt.radius_km is None or NEAREST in attempt.widened or "keywords" in attempt.widened or chosen:
        return []
    widened = [step for step in attempt.widened if step != MATCHING]
    widest = RADIUS_STEPS_KM[-1]
    if attempt.radius_km >= widest:
        tries = []
    else:  # one step to the widest radius: the closeness still puts the nearer ones first
        widened += [f"radius:{step:g}" for step in RADIUS_STEPS_KM if step > attempt.radius_km]
        tries = [Attempt(widest, attempt.strict_time, attempt.text_required, (*widened, MATCHING), named_only=True)]
    # An asked radius beyond NAMED_FAR_KM already holds the nearest ones: no narrower try after it.
    tries += [Attempt(step, attempt.strict_time, attempt.text_required, (*widened, NEAREST), named_only=True)
              for step in NEAREST_STEPS_KM if attempt.radius_km < step <= NAMED_FAR_KM]
    return tries


def soft_time_farther(attempt: Attempt, *, chosen: bool = False) -> list[Attempt]:
    """Returns the tries that look farther for listings at a time wished as a preference ("am liebsten abends"),
    when nothing within the try's radius that fits the request is held at it: up to each wider radius, the listings
    at the wished time beside those within the try's radius at any time, said as such (WISHED_FARTHER).

    A preference ranks; it never left a listing out, and it still does not: the nearer ones at other times stay.
    Never beyond a radius the person chose, after the nearest ones far away or after the words were let go (there
    the request itself was not found nearby, and the time is no reason to look farther).
    """
    if (attempt.radius_km is None or chosen or attempt.strict_time or NEAREST in attempt.widened
            or "keywords" in attempt.widened or attempt.named_only):
        return []
    widened = list(attempt.widened)
    tries = []
    for step in RADIUS_STEPS_KM:
        if step > attempt.radius_km:
            widened.append(f"radius:{step:g}")
            tries.append(Attempt(step, False, attempt.text_required, (*widened, WISHED_FARTHER),
                                 wished_beyond_km=attempt.radius_km))
    return tries
