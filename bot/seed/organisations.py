"""Demo organisations: a name from the type's patterns and the place, a register and fictional contacts."""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from bot.seed import contacts
from bot.seed.corpus import Corpus, OrganisationType
from bot.seed.sites import Site
from bot.seed.texts import fields, fill

FIRST_CLUB_YEAR, LAST_CLUB_YEAR = 1862, 1995
TOWN = 10_000  # from this population on a municipality is a "Stadt", below a "Gemeinde"
_ADJECTIVE_ENDINGS = (
    "burg", "berg", "dorf", "heim", "feld", "hausen", "bach", "stein", "hain", "au", "tal", "rode", "furt",
)


def pick_type(rng: random.Random, types: Mapping[str, OrganisationType], where: Site) -> OrganisationType:
    """Draws an organisation type that exists in a place of this size, by the types' weights."""
    fitting = [t for t in types.values() if t.weight > 0 and t.min_population <= where.population <= t.max_population]
    return rng.choices(fitting, weights=[t.weight for t in fitting])[0]


@dataclass(frozen=True, slots=True)
class DemoOrganisation:
    """An organisation as generated: its row plus what its listings need (place, voice, text context)."""

    external_id: str
    type: OrganisationType
    site: Site
    register: str  # "du" or "sie"
    slug: str
    context: dict[str, str]  # placeholder values shared by its listings: org, school, river ...
    row: dict[str, Any]


def compose_organisation(rng: random.Random, corpus: Corpus, kind: OrganisationType, where: Site, *,
                         source: str, external_id: str, unique: Callable[[str], str] = str) -> DemoOrganisation:
    """Composes one organisation of a type at a site; `unique` turns its slug into one no other org uses."""
    values = name_values(rng, corpus.names, where)
    usable = [pattern for pattern in kind.names if fields(pattern) <= values.keys() | {"landscape"}]  # as ever
    pattern = rng.choice(usable)
    if not fields(pattern) <= values.keys():  # a landscape where none is the place's own: another name, drawn
        # by a generator of its own, so that every other organisation and listing stays as it was
        own_rng = random.Random(f"{source}:{external_id}:name")
        pattern = own_rng.choice([other for other in usable if fields(other) <= values.keys()])
    name = fill(pattern, values)
    slug = unique(contacts.slugify(fill(kind.slug, values), limit=34))
    register = kind.register if kind.register != "any" else rng.choice(["du", "sie"])
    legal_form = "e_v" if kind.kind == "initiative" and name.endswith("e.V.") else kind.kind  # registered by now
    first, last = contacts.person(rng, corpus.names)
    row = {
        "name": name,
        "kind": legal_form,
        "website": contacts.website(slug) if rng.random() < 0.85 else None,
        "contact_name": f"{first} {last}",
        "contact_email": contacts.organisation_email(rng, slug),
        "contact_phone": contacts.office_phone(rng) if rng.random() < 0.6 else contacts.mobile_phone(rng),
        "verified": rng.random() < kind.verified,
        "place_name": where.name,
        "state": where.state,
        "district": where.district,
        "source": source,
        "external_id": external_id,
    }
    context: dict[str, str] = {key: values[key] for key in ("school", "care_home", "river", "landscape", "quarter")
                               if key in values}
    context["org"] = name
    return DemoOrganisation(external_id, kind, where, register, slug, context, row)


def name_values(rng: random.Random, names: Mapping[str, Any], where: Site) -> dict[str, str]:
    """Draws every placeholder value an organisation name may use; 'adj', 'quarter', 'landscape' and the
    rivers only where they fit."""
    own = names["district_landscapes"].get(where.district) or names["city_landscapes"].get(where.short)
    # drawn everywhere (the draws after it stay what they were), named only where it is the place's own
    landscape = rng.choice(own or names["landscapes"][where.state_code])
    values = {
        "place": where.short,
        "colour": rng.choice(names["colours"]),
        "club": rng.choice(names["club_words"]),
        "year": str(rng.randint(FIRST_CLUB_YEAR, LAST_CLUB_YEAR)),
        "saint": rng.choice(names["saints"]),
        "care_home": rng.choice(names["care_home_names"]),
        "school": rng.choice(names["schools"]),
        "scout": rng.choice(names["scout_names"]),
        "town": "Stadt" if where.population >= TOWN else "Gemeinde",
    }
    if own:  # no "Tierhilfe Eifel e.V." in Essen
        values["landscape"] = landscape
    rivers = names["city_rivers"].get(where.short) or names["district_rivers"].get(where.district) or []
    if rivers:  # only where the river is known: "an der Fulda" in Darmstadt would be wrong
        values["river"] = rng.choice(rivers)
    one_word = [river for river in rivers if " " not in river]
    if one_word:
        values["riverword"] = rng.choice(one_word)
    adjective = place_adjective(where, names["adjectives"])
    if adjective:
        values["adj"] = adjective
    if where.big:
        values["quarter"] = rng.choice(names["quarters"])
    return values


def place_adjective(where: Site, known: Mapping[str, str]) -> str | None:
    """Returns the place's adjective (Kasseler, Bensheimer) when it is known or regular, else None."""
    if where.name in known:
        return known[where.name]
    if where.short in known:
        return known[where.short]
    if " " not in where.short and "-" not in where.short and where.short.endswith(_ADJECTIVE_ENDINGS):
        return f"{where.short}er"
    return None
