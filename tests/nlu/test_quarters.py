"""City quarters: a feed's `ortsteil` or a person's "Hamburg-Altona" resolves inside the right city."""

from __future__ import annotations

import pytest

from nlu.kernel.gazetteer import Gazetteer, get_gazetteer, haversine_km
from nlu.quarters import split_city_and_quarter
from nlu.kernel.resources import data_path


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return get_gazetteer()


def within_km(gazetteer: Gazetteer, quarter_name: str, city_name: str, km: float) -> bool:
    quarter = gazetteer.quarter(quarter_name, city_name)
    city = gazetteer.lookup(city_name)[0]
    assert quarter is not None, f"{quarter_name} not found in {city_name}"
    return haversine_km(quarter.lat, quarter.lon, city.lat, city.lon) <= km


@pytest.mark.parametrize(("quarter", "city"), [
    ("Altona", "Hamburg"), ("Eimsbüttel", "Hamburg"), ("St. Pauli", "Hamburg"), ("Sankt Pauli", "Hamburg"),
    ("Barmbek", "Hamburg"), ("Wilhelmsburg", "Hamburg"), ("Eppendorf", "Hamburg"), ("Neustadt", "Hamburg"),
    ("Kreuzberg", "Berlin"), ("Prenzlauer Berg", "Berlin"), ("Friedrichshain-Kreuzberg", "Berlin"),
    ("Neustadt", "Dresden"), ("Gorbitz", "Dresden"), ("Gohlis", "Leipzig"), ("Gallus", "Frankfurt am Main"),
    ("Niederrad", "Frankfurt"), ("Deutz", "Köln"), ("Nippes", "Köln"), ("Bogenhausen", "München"),
])
def test_a_quarter_resolves_inside_its_city(gazetteer: Gazetteer, quarter: str, city: str) -> None:
    assert within_km(gazetteer, quarter, city, 20)
    found = gazetteer.quarter(quarter, city)
    assert found is not None and gazetteer.city_of(found) == gazetteer.lookup(city)[0]


def test_same_named_places_elsewhere_never_win(gazetteer: Gazetteer) -> None:
    # Eppendorf is also a town in Sachsen, Neustadt a dozen towns, Wilhelmsburg a village in Mecklenburg.
    for quarter, city in [("Eppendorf", "Hamburg"), ("Neustadt", "Dresden"), ("Wilhelmsburg", "Hamburg")]:
        assert len(gazetteer.lookup(quarter)) > 1
        assert within_km(gazetteer, quarter, city, 15)


@pytest.mark.parametrize("written", ["Hamburg-Altona", "Hamburg Altona", "Hamburg/Altona", "Altona (Hamburg)",
                                     "Altona, Hamburg", "hamburg-altona"])
def test_a_name_that_carries_its_city_finds_the_quarter(gazetteer: Gazetteer, written: str) -> None:
    found = gazetteer.quarter(written)
    assert found is not None and found.name == "Altona" and found.state == "Hamburg"


def test_dresden_neustadt_and_multi_word_cities(gazetteer: Gazetteer) -> None:
    assert gazetteer.quarter("Dresden-Neustadt").name == "Äußere Neustadt"  # type: ignore[union-attr]
    assert gazetteer.quarter("Frankfurt am Main-Gallus").name == "Gallus"  # type: ignore[union-attr]
    assert gazetteer.quarter("Köln-Deutz").name == "Deutz"  # type: ignore[union-attr]


def test_an_unknown_quarter_or_a_quarter_of_another_city_is_none(gazetteer: Gazetteer) -> None:
    assert gazetteer.quarter("Altona", "Dresden") is None
    assert gazetteer.quarter("Neustadt") is None  # no city named: ambiguous, the caller decides
    assert gazetteer.quarter("Gibtesnicht", "Hamburg") is None
    assert gazetteer.quarter("Altona", "Kassel") is None  # a city without known quarters
    assert gazetteer.quarter("", "Hamburg") is None


def test_a_quarter_named_as_city_stands_for_its_city(gazetteer: Gazetteer) -> None:
    altona = gazetteer.quarter("Altona", "Hamburg")
    assert gazetteer.quarter("Ottensen", "Altona") == gazetteer.quarter("Ottensen", "Hamburg")
    assert altona is not None and gazetteer.quarter("Eimsbüttel", altona) is not None


def test_towns_of_their_own_are_no_quarters(gazetteer: Gazetteer) -> None:
    for town in ["Offenbach am Main", "Unterföhring", "Markkleeberg", "Radebeul", "Kassel"]:
        assert gazetteer.city_of(gazetteer.lookup(town)[0]) is None, town


def test_the_large_cities_have_quarters(gazetteer: Gazetteer) -> None:
    counts = {city: len(gazetteer.quarters_of(gazetteer.lookup(city)[0]))
              for city in ["Hamburg", "Berlin", "Dresden", "Leipzig", "Frankfurt am Main", "Köln", "München"]}
    assert counts["Hamburg"] >= 80 and counts["Berlin"] >= 95 and counts["Dresden"] >= 10
    assert all(count >= 2 for count in counts.values()), counts


def test_every_quarter_id_is_a_gazetteer_place(gazetteer: Gazetteer) -> None:
    lines = [line for line in data_path("places", "quarters.tsv").read_text("utf-8").splitlines()
             if not line.startswith("#")][1:]
    assert len(lines) > 500
    for line in lines:
        city_id, population, key, ids = line.split("\t")
        assert gazetteer.get(int(city_id)).population == int(population), key  # the city's, as places.tsv has it
        for quarter_id in ids.split(","):
            assert gazetteer.city_of(gazetteer.get(int(quarter_id))) == gazetteer.get(int(city_id)), key


def test_split_city_and_quarter_tries_every_joint() -> None:
    pairs = split_city_and_quarter("Frankfurt am Main-Bornheim")
    assert ("Frankfurt am Main", "Bornheim") in pairs and ("Frankfurt", "am Main-Bornheim") in pairs
    assert split_city_and_quarter("Altona (Hamburg)")[0] == ("Hamburg", "Altona")
    assert split_city_and_quarter("Hamburg") == []
