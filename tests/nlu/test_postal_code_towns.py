"""A postal code names the town the post gives it, also where the nearest gazetteer point lies across a border
(data/build_postal_codes.py: named_postal_place). Every sentence here is written for this test."""

from __future__ import annotations

import pytest

from nlu import parse
from nlu.kernel.gazetteer import Gazetteer, get_gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return get_gazetteer()


def town(gazetteer: Gazetteer, code: str) -> tuple[str, str]:
    place = gazetteer.by_postal_code(code)
    assert place is not None and place.postal_code == code
    return place.name, place.state


@pytest.mark.parametrize("code", ["55116", "55118", "55120", "55122", "55131"])
def test_mainz_codes_stay_in_mainz_although_wiesbadens_quarters_are_nearer(gazetteer: Gazetteer, code: str) -> None:
    assert town(gazetteer, code) == ("Mainz", "Rheinland-Pfalz")


@pytest.mark.parametrize("code", ["55246", "55252"])
def test_the_right_bank_quarters_named_after_mainz_belong_to_wiesbaden(gazetteer: Gazetteer, code: str) -> None:
    assert town(gazetteer, code) == ("Wiesbaden", "Hessen")  # Mainz-Kostheim and Mainz-Kastel


@pytest.mark.parametrize(
    ("code", "name", "state"),
    [("89073", "Ulm", "Baden-Württemberg"), ("89081", "Ulm", "Baden-Württemberg"), ("89231", "Neu-Ulm", "Bayern"),
     ("89233", "Neu-Ulm", "Bayern"), ("68159", "Mannheim", "Baden-Württemberg"),
     ("68199", "Mannheim", "Baden-Württemberg"), ("68219", "Mannheim", "Baden-Württemberg"),
     ("67059", "Ludwigshafen am Rhein", "Rheinland-Pfalz"), ("67071", "Ludwigshafen am Rhein", "Rheinland-Pfalz"),
     ("15230", "Frankfurt (Oder)", "Brandenburg"), ("15236", "Frankfurt (Oder)", "Brandenburg"),
     ("14480", "Potsdam", "Brandenburg"), ("12689", "Berlin", "Berlin"), ("22115", "Hamburg", "Hamburg"),
     ("28357", "Bremen", "Bremen"), ("27572", "Bremerhaven", "Bremen")],
)
def test_a_code_at_a_river_or_state_border_names_its_own_town(
    gazetteer: Gazetteer, code: str, name: str, state: str
) -> None:
    assert town(gazetteer, code) == (name, state)


@pytest.mark.parametrize(
    ("code", "name"),
    [("60311", "Frankfurt am Main"), ("34117", "Kassel"), ("01067", "Dresden"), ("04109", "Leipzig"),
     ("35444", "Biebertal"), ("65462", "Ginsheim-Gustavsburg"), ("89250", "Senden"), ("22848", "Norderstedt")],
)
def test_an_ordinary_code_keeps_its_town(gazetteer: Gazetteer, code: str, name: str) -> None:
    assert town(gazetteer, code)[0] == name


def test_a_quarter_the_post_files_under_its_city_gives_the_city(gazetteer: Gazetteer) -> None:
    assert town(gazetteer, "81243")[0] == "München"  # Pasing
    assert town(gazetteer, "18119")[0] == "Rostock"  # Warnemünde


def test_a_message_with_a_mainz_code_is_about_mainz() -> None:
    query = parse("Hospizbegleitung in Mainz, PLZ 55116")
    assert query.place is not None and query.place.name == "Mainz" and query.place.postal_code == "55116"
    alone = parse("55118, Hospiz").place
    assert alone is not None and alone.name == "Mainz"


@pytest.mark.parametrize(
    ("code", "name"),
    [("36251", "Bad Hersfeld"), ("04668", "Grimma"), ("04720", "Döbeln"), ("04860", "Torgau"),
     ("09456", "Annaberg-Buchholz"), ("65510", "Idstein")],
)
def test_a_code_a_town_shares_with_villages_is_the_towns(gazetteer: Gazetteer, code: str, name: str) -> None:
    assert town(gazetteer, code)[0] == name  # not Ludwigsau, Parthenstein, ... whose point is the code's centroid


@pytest.mark.parametrize(("code", "name"), [("40472", "Düsseldorf"), ("71111", "Waldenbuch"), ("34233", "Fuldatal")])
def test_a_village_or_town_of_its_own_keeps_a_code_a_larger_town_only_reaches_into(
        gazetteer: Gazetteer, code: str, name: str) -> None:
    assert town(gazetteer, code)[0] == name
