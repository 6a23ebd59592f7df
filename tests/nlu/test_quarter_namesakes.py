"""A quarter named alone against towns of its name elsewhere, weighed by size (nlu/quarter_namesakes.py): its own
population, else a typical quarter's of its city (the city's population, carried by data/places/quarters.tsv).
Every sentence here is written for this test."""

from __future__ import annotations

import pytest

from nlu import parse
from nlu.kernel.gazetteer import get_gazetteer, haversine_km
from nlu.kernel.resources import data_path
from nlu.lexicon import place_rules
from nlu.quarter_namesakes import weigh_quarters


def names(text: str) -> tuple[str | None, list[str]]:
    query = parse(text)
    return (query.place.name if query.place else None), [c.name for c in query.place_candidates]


@pytest.mark.parametrize(
    ("text", "quarter", "city"),
    [("Gibt es in Moosach eine Tafel, bei der ich samstags helfen kann?", "Moosach (München)", "München"),
     ("neuhausen, was mit senioren", "Neuhausen (München)", "München")],
)
def test_a_quarter_of_a_large_city_beats_a_village_of_its_name(text: str, quarter: str, city: str) -> None:
    query = parse(text)
    assert query.place is not None and query.place.name == quarter and not query.place_candidates
    centre = get_gazetteer().lookup(city)[0]
    assert haversine_km(query.place.lat, query.place.lon, centre.lat, centre.lon) < 10


@pytest.mark.parametrize(
    ("text", "town"),
    [("Tierschutz in Hamm, am liebsten am Wochenende", "Hamm"), ("Plauen, Lesepatin in der Grundschule", "Plauen"),
     ("Ich wohne in Waldheim und kann gut backen", "Waldheim")],
)
def test_a_town_of_its_own_beats_a_quarter_of_its_name(text: str, town: str) -> None:
    assert names(text) == (town, [])


def test_a_name_guessed_from_a_typo_yields_to_the_quarters_called_exactly_so() -> None:
    place, candidates = names("Ich wohne in der Südvorstadt und suche was mit Büchern")
    assert place is not None and place.startswith("Südvorstadt")
    assert set(candidates) == {"Südvorstadt (Dresden)", "Südvorstadt (Leipzig)"}


def test_a_town_as_heavy_as_the_quarter_stays_first_and_the_quarter_is_asked_about() -> None:
    assert names("suche was mit jugendlichen in bornheim") == ("Bornheim", ["Bornheim", "Bornheim (Frankfurt)"])


@pytest.mark.parametrize("text", ["Moosach bei Grafing, Tafel", "Neuhausen in Sachsen, Kleiderkammer",
                                  "Ich wohne in Grafing und suche was in Moosach"])
def test_a_qualifier_state_or_place_beside_the_name_decides_instead(text: str) -> None:
    place, candidates = names(text)
    assert place in {"Moosach", "Neuhausen"} and not candidates


def test_a_kind_of_quarter_many_cities_have_is_no_one_quarter() -> None:
    place, _ = names("Neustadt, was mit Tieren")
    assert place is not None and "(" not in place  # the towns called Neustadt, as before


def test_weighing_without_a_quarter_of_the_name_changes_nothing() -> None:
    towns = tuple(get_gazetteer().lookup("Freiberg")[:2])
    rules = place_rules()
    assert weigh_quarters("Freiberg", towns, get_gazetteer(), share=rules.quarter_share,
                          apart_km=rules.ambiguous_km) == towns


def test_the_quarter_table_carries_each_citys_population() -> None:
    header = next(line for line in data_path("places", "quarters.tsv").read_text("utf-8").splitlines()
                  if not line.startswith("#"))
    assert header.split("\t") == ["city_id", "city_population", "key", "quarter_ids"]
    gazetteer = get_gazetteer()
    munich = gazetteer.lookup("München")[0]
    [(quarter, city)] = gazetteer.quarters_named("Moosach")
    assert city == munich and gazetteer.quarter_size(quarter, city) > 10 * gazetteer.lookup("Moosach")[0].population
