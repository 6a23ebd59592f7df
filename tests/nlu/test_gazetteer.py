"""The German gazetteer: names, alternates, postal codes, districts, typo tolerance and odd input."""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from collections import Counter
from types import SimpleNamespace

import pytest

from pathlib import Path
from bot.cli import places as places_cli
from nlu.kernel.gazetteer import Gazetteer, Place, get_gazetteer, haversine_km
from nlu.kernel.place_names import is_common_word_name, surface_key
from nlu.kernel.place_types import QUARTER_POINT_ID_BASE
from nlu.kernel.resources import data_path

HESSEN, SACHSEN = "05", "13"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return get_gazetteer()


def names(places: list[Place]) -> list[str]:
    return [place.name for place in places]


def test_holds_every_german_place_of_geonames_cities500(gazetteer: Gazetteer) -> None:
    # GeoNames, the municipalities it lacks (build_postal_towns.py) and the city quarters it lacks
    # (build_quarter_points.py)
    assert len(gazetteer) == 11_870 + 969 + 554
    assert set(gazetteer.states().values()) >= {"Hessen", "Sachsen", "Bayern", "Berlin"}
    assert len(gazetteer.states()) == 16


@pytest.mark.parametrize("name", ["München", "Munich", "muenchen", "MÜNCHEN", "Muenchen"])
def test_munich_in_any_spelling_is_muenchen_in_bayern(gazetteer: Gazetteer, name: str) -> None:
    best = gazetteer.lookup(name)[0]
    assert (best.name, best.state) == ("München", "Bayern")


@pytest.mark.parametrize(("exonym", "german"), [("Cologne", "Köln"), ("Nuremberg", "Nürnberg"),
                                                ("Hanover", "Hannover"), ("Brunswick", "Braunschweig")])
def test_english_exonyms_find_the_german_name(gazetteer: Gazetteer, exonym: str, german: str) -> None:
    assert gazetteer.lookup(exonym)[0].name == german


def test_plain_frankfurt_is_frankfurt_am_main_first_and_oder_second(gazetteer: Gazetteer) -> None:
    found = gazetteer.lookup("Frankfurt")
    assert found[0].name == "Frankfurt am Main"
    assert found[0].state == "Hessen"
    assert "Frankfurt (Oder)" in names(found)


@pytest.mark.parametrize("name", ["Frankfurt (Oder)", "Frankfurt/Oder", "frankfurt an der oder", "Frankfurt Oder"])
def test_frankfurt_oder_spellings_name_only_frankfurt_oder(gazetteer: Gazetteer, name: str) -> None:
    found = gazetteer.lookup(name)
    assert names(found) == ["Frankfurt (Oder)"]
    assert found[0].state == "Brandenburg"


@pytest.mark.parametrize(
    "name", ["Ffm", "FFM", "Frankfurt/Main", "Frankfurt / Main", "Frankfurt a.M.", "frankfurt am main"]
)
def test_frankfurt_am_main_abbreviations(gazetteer: Gazetteer, name: str) -> None:
    assert gazetteer.lookup(name)[0].name == "Frankfurt am Main"


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Halle/Saale", "Halle (Saale)"), ("Offenbach/Main", "Offenbach am Main"), ("Offenbach", "Offenbach am Main"),
     ("Halle", "Halle (Saale)")],
)
def test_slash_forms_and_short_forms_of_qualified_names(gazetteer: Gazetteer, name: str, expected: str) -> None:
    assert gazetteer.lookup(name)[0].name == expected


@pytest.mark.parametrize(("name", "expected"), [("St. Ingbert", "Sankt Ingbert"), ("Wehlen", "Stadt Wehlen"),
                                                ("Oybin", "Kurort Oybin"), ("Stade", "Hansestadt Stade")])
def test_how_people_shorten_official_names(gazetteer: Gazetteer, name: str, expected: str) -> None:
    assert gazetteer.lookup(name)[0].name == expected


def test_display_names_of_well_known_places_are_unambiguous(gazetteer: Gazetteer) -> None:
    well_known = [place for place in gazetteer.places() if place.population >= 50_000]
    counts = Counter(place.name for place in well_known)
    assert [name for name, count in counts.items() if count > 1] == []


def test_neustadt_names_several_places_in_different_states(gazetteer: Gazetteer) -> None:
    found = gazetteer.lookup("Neustadt")
    assert len(found) >= 10
    assert len({place.state for place in found}) >= 6
    assert {"Neustadt (Hessen)", "Neustadt in Sachsen"} <= set(names(found))
    assert [p.population for p in found] == sorted((p.population for p in found), reverse=True)


@pytest.mark.parametrize("name", ["Görlitz", "goerlitz", "GOERLITZ", "gorlitz", "  Görlitz "])
def test_goerlitz_without_umlaut_in_any_case(gazetteer: Gazetteer, name: str) -> None:
    best = gazetteer.lookup(name)[0]
    assert (best.name, best.state, best.district) == ("Görlitz", "Sachsen", "Landkreis Görlitz")


@pytest.mark.parametrize("name", ["Meißen", "Meissen", "MEISSEN"])
def test_meissen_is_spelled_with_sharp_s(gazetteer: Gazetteer, name: str) -> None:
    assert gazetteer.lookup(name)[0].name == "Meißen"


@pytest.mark.parametrize(
    ("code", "name", "state"),
    [("34117", "Kassel", "Hessen"), ("01067", "Dresden", "Sachsen"), ("60311", "Frankfurt am Main", "Hessen"),
     ("04109", "Leipzig", "Sachsen"), ("10115", "Berlin", "Berlin"), ("35390", "Gießen", "Hessen"),
     ("34246", "Vellmar", "Hessen"), ("65396", "Walluf", "Hessen"), ("01445", "Radebeul", "Sachsen"),
     ("01737", "Tharandt", "Sachsen")],
)
def test_postal_code_gives_its_town_neither_a_suburb_nor_the_big_neighbour(
    gazetteer: Gazetteer, code: str, name: str, state: str
) -> None:
    place = gazetteer.by_postal_code(code)
    assert place is not None
    assert (place.name, place.state, place.postal_code) == (name, state, code)
    assert haversine_km(place.lat, place.lon, *_coordinates(gazetteer, name)) < 10


@pytest.mark.parametrize("code", ["", "3411", "341170", "abcde", "00000", " "])
def test_unknown_or_malformed_postal_codes_give_none(gazetteer: Gazetteer, code: str) -> None:
    assert gazetteer.by_postal_code(code) is None


@pytest.mark.parametrize(("written", "code"), [("1067", "01067"), ("4109", "04109"), (" 9111 ", "09111"),
                                               ("3412", None), ("34117", "34117"), ("0106", None), ("1O67", None)])
def test_a_postal_code_that_lost_its_leading_zero_is_restored_only_when_that_code_exists(
    gazetteer: Gazetteer, written: str, code: str | None
) -> None:
    assert gazetteer.read_postal_code(written, year_possible=False) == code


def test_postal_code_lookup_uses_the_codes_own_coordinates(gazetteer: Gazetteer) -> None:
    plz, town = gazetteer.by_postal_code("34131"), gazetteer.lookup("Kassel")[0]
    assert plz is not None and plz.name == "Kassel"
    assert (plz.lat, plz.lon) != (town.lat, town.lon)


@pytest.mark.parametrize(("typo", "expected"), [("Frankfrut", "Frankfurt am Main"), ("Drseden", "Dresden"),
                                                ("Leipizg", "Leipzig"), ("Kasel", "Kassel"), ("Gießn", "Gießen")])
def test_typos_of_one_or_two_letters_find_the_place(gazetteer: Gazetteer, typo: str, expected: str) -> None:
    assert gazetteer.search(typo)[0].name == expected
    assert gazetteer.fuzzy(typo)[0][0].name == expected


def test_fuzzy_scores_and_cut_off(gazetteer: Gazetteer) -> None:
    hits = gazetteer.fuzzy("Drseden")
    assert hits and 85 <= hits[0][1] < 100
    assert gazetteer.fuzzy("Drseden", min_score=95) == []
    assert gazetteer.fuzzy("Dresden")[0] == (gazetteer.lookup("Dresden")[0], 100.0)


def test_fuzzy_is_cheap_enough_for_every_unknown_token(gazetteer: Gazetteer) -> None:
    gazetteer.fuzzy("Warmup")
    start = time.perf_counter()
    for _ in range(50):
        gazetteer.fuzzy("Leipizg")
    assert (time.perf_counter() - start) / 50 < 0.01  # about 0.3 ms measured; 10 ms is a broken bucket


def test_search_finds_prefixes_quarters_and_postal_codes(gazetteer: Gazetteer) -> None:
    assert gazetteer.search("Frankf")[0].name == "Frankfurt am Main"
    assert gazetteer.search("Kassel-Wilhelmshöhe")[0].name == "Kassel"
    assert gazetteer.search("Frankfurt am Mian")[0].name == "Frankfurt am Main"
    assert names(gazetteer.search("34117")) == ["Kassel"]
    assert len(gazetteer.search("Neu", limit=7)) == 7


@pytest.mark.parametrize(
    "text", ["", " ", "🙂🙂", "x" * 4000, "Kinder " * 600, "\x00\x1b", "Дрезден", "<b>Essen</b>", "12"]
)
def test_odd_input_gives_nothing_quickly(gazetteer: Gazetteer, text: str) -> None:
    start = time.perf_counter()
    assert gazetteer.lookup(text) == []
    assert gazetteer.fuzzy(text) == []
    gazetteer.search(text)  # may suggest something for short text, but must not fail
    assert time.perf_counter() - start < 0.5


def test_unknown_names_give_empty_lists(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Atlantis") == []
    assert gazetteer.lookup("Kinder") == []
    assert gazetteer.lookup("Tiere") == []


def test_nearest_place(gazetteer: Gazetteer) -> None:
    assert gazetteer.nearest(51.3167, 9.5).name == "Kassel"
    assert gazetteer.nearest(51.0509, 13.7383).name == "Dresden"
    assert gazetteer.nearest(54.18, 7.89).name == "Helgoland"  # open sea: the island is still nearest
    assert gazetteer.nearest(40.0, -3.7).state_code  # Madrid: far away, but still an answer


def test_nearest_agrees_with_scanning_every_place(gazetteer: Gazetteer) -> None:
    every = gazetteer.places()
    for lat, lon in [(50.5, 9.0), (47.6, 7.6), (53.9, 14.2), (52.0, 11.3), (49.0, 12.9), (51.9, 6.7)]:
        expected = min(every, key=lambda p: haversine_km(lat, lon, p.lat, p.lon))
        assert gazetteer.nearest(lat, lon) == expected


def test_every_district_of_hessen_and_sachsen_has_places(gazetteer: Gazetteer) -> None:
    hessen, sachsen = gazetteer.districts(HESSEN), gazetteer.districts(SACHSEN)
    assert (len(hessen), len(sachsen)) == (26, 13)
    assert Counter(d.kind for d in hessen) == {"Landkreis": 21, "kreisfreie Stadt": 5}
    assert Counter(d.kind for d in sachsen) == {"Landkreis": 10, "kreisfreie Stadt": 3}
    for district in hessen + sachsen:
        places = gazetteer.places_in_district(district.name)
        assert places, district.name
        assert {p.state_code for p in places} == {district.state_code}
        assert min(haversine_km(district.lat, district.lon, p.lat, p.lon) for p in places) < 15


@pytest.mark.parametrize(
    ("place", "district"),
    [("Kassel", "Kassel"), ("Baunatal", "Landkreis Kassel"), ("Bad Vilbel", "Wetteraukreis"),
     ("Neu-Isenburg", "Kreis Offenbach"), ("Gorbitz", "Dresden"), ("Radebeul", "Landkreis Meißen"),
     ("Markkleeberg", "Landkreis Leipzig"), ("Eschborn", "Main-Taunus-Kreis"), ("Hörnsheim", "Lahn-Dill-Kreis")],
)
def test_places_lie_in_their_district(gazetteer: Gazetteer, place: str, district: str) -> None:
    assert gazetteer.lookup(place)[0].district == district


def test_only_hessen_and_sachsen_have_districts(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("München")[0].district is None
    assert gazetteer.places_in_district("landkreis goerlitz") == gazetteer.places_in_district("Landkreis Görlitz")


def test_surface_forms_cover_names_and_alternates(gazetteer: Gazetteer) -> None:
    forms = dict(gazetteer.surface_forms())
    assert forms["frankfurt"][0] == gazetteer.lookup("Frankfurt am Main")[0].id
    assert {"muenchen", "munich", "ffm", "goerlitz", "meissen"} <= forms.keys()
    assert all(key == surface_key(key) for key in forms)
    assert "fra" not in forms and "gerne" not in forms  # airport code and Herne's dialect name are gone


def test_common_word_names_are_place_names(gazetteer: Gazetteer) -> None:
    forms = dict(gazetteer.surface_forms())
    listed = [line.strip() for line in data_path("places", "common_word_names.txt").read_text("utf-8").splitlines()
              if line.strip() and not line.startswith("#")]
    assert len(listed) >= 80
    assert [word for word in listed if word not in forms] == []
    assert is_common_word_name("essen") and is_common_word_name("Weil") and gazetteer.is_common_word_name("halle")
    assert not is_common_word_name("kassel")


def test_name_index_matches_the_place_file() -> None:
    """names.tsv is generated; a change to surface_key without a rebuild would break look-ups silently. The city
    quarters read only with their city (data/build_quarter_points.py bare_name_ids) are left out of it."""
    folder = data_path("places")
    rows = []
    for line in (folder / "places.tsv").read_text("utf-8").splitlines():
        if line.startswith("#") or line.startswith("id\t"):
            continue
        fields = line.split("\t")
        alternates = list(filter(None, fields[7].split("|")))
        rows.append(SimpleNamespace(id=int(fields[0]), name=fields[1], alternates=alternates))
    spec = importlib.util.spec_from_file_location("build_quarter_points", folder.parent / "build_quarter_points.py")
    assert spec is not None and spec.loader is not None
    points = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, points)
    spec.loader.exec_module(sys.modules[spec.name])
    points = sys.modules[spec.name]
    quarters = [row for row in rows if row.id >= QUARTER_POINT_ID_BASE]
    tied = points.bare_name_ids(quarters, [row for row in rows if row.id < QUARTER_POINT_ID_BASE])
    assert len(tied) >= 20
    expected: dict[str, set[int]] = {}
    for row in rows:
        for form in [row.name, *row.alternates] if row.id not in tied else []:
            expected.setdefault(surface_key(form), set()).add(row.id)
    assert {key: set(ids) for key, ids in Gazetteer.load(folder).surface_forms()} == expected


def test_gazetteer_is_shared_and_a_missing_folder_fails_loudly(tmp_path: Path) -> None:
    assert get_gazetteer() is get_gazetteer()
    with pytest.raises(FileNotFoundError):
        Gazetteer.load(tmp_path)


def test_cli_lists_places_with_state_and_population(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run_cli("Neustadt") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Neustadt an der Weinstraße") and "Rheinland-Pfalz" in lines[0] and "53,984" in lines[0]
    assert any("Neustadt (Hessen)" in line and "Landkreis Marburg-Biedenkopf" in line for line in lines)


def test_cli_postal_code_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run_cli("--json", "34117") == 0
    [place] = json.loads(capsys.readouterr().out)
    assert (place["name"], place["state"], place["postal_code"]) == ("Kassel", "Hessen", "34117")


@pytest.mark.parametrize(("written", "code"), [("1067", "01067"), ("341 27", "34127")])
def test_cli_reads_a_postal_code_without_its_zero_or_with_a_space(capsys: pytest.CaptureFixture[str], written: str,
                                                                   code: str) -> None:
    assert _run_cli("--json", written) == 0
    [place] = json.loads(capsys.readouterr().out)
    assert place["postal_code"] == code
    assert _run_cli("3412") == 1 and "5 digits" in capsys.readouterr().err


def test_cli_unknown_name_suggests_and_fails(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run_cli("Frankfrt") == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "Frankfurt am Main" in captured.err


def test_cli_name_nothing_is_near_fails_with_a_line_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    # exit 1 is "not found", as for a postal code no place has; the table stays empty, --json an empty array
    assert _run_cli("Xyzzyville") == 1
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.strip() == 'No place called "Xyzzyville" found.'
    assert _run_cli("--json", "Xyzzyville") == 1
    captured = capsys.readouterr()
    assert json.loads(captured.out) == [] and "Xyzzyville" in captured.err


def test_cli_accepts_a_name_written_as_its_suggestions_print_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run_cli("Lauterbach", "(Hessen)", "--json") == 0
    places = json.loads(capsys.readouterr().out)
    assert places and {place["state"] for place in places} == {"Hessen"}
    assert _run_cli("Lauterbach (Sachsen)", "--json") in (0, 1)
    assert all(place["state"] == "Sachsen" for place in json.loads(capsys.readouterr().out))
    assert _run_cli("Kassel (Bayern)") == 1


def _run_cli(*argv: str) -> int:
    parser = argparse.ArgumentParser()
    places_cli.register(parser.add_subparsers())
    args = parser.parse_args(["places", *argv])
    return int(args.func(args))


def _coordinates(gazetteer: Gazetteer, name: str) -> tuple[float, float]:
    place = gazetteer.lookup(name)[0]
    return place.lat, place.lon


def test_a_renamed_town_has_its_current_name_and_no_second_place(gazetteer: Gazetteer) -> None:
    # GeoNames still says Kötzting; the post says Bad Kötzting (curated.toml): one town, named as today
    coded = gazetteer.by_postal_code("93444")
    assert coded is not None and coded.name == "Bad Kötzting" and coded.population > 0
    assert [place.name for place in gazetteer.lookup("Bad Kötzting")] == ["Bad Kötzting"]
    assert gazetteer.lookup("Kötzting")[0].id == coded.id
