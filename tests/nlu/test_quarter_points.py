"""City quarters GeoNames lacks (data/places/quarter_points.toml): found with and without their city, at a point
made from their postal codes, and never before a town of the same name."""

from __future__ import annotations

import importlib.util
import sys
import tomllib
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import nlu
from nlu.kernel.gazetteer import Gazetteer, get_gazetteer, haversine_km
from nlu.kernel.place_types import QUARTER_POINT_ID_BASE, quarter_point_id
from nlu.kernel.text import fold
from nlu.place_rules import place_rules

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return get_gazetteer()


@pytest.fixture(scope="module")
def points_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_quarter_points", DATA / "build_quarter_points.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_quarter_points", module)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("written", "city"), [
    ("Köln-Ehrenfeld", "Köln"), ("Köln-Sülz", "Köln"), ("Köln-Lindenthal", "Köln"), ("Köln-Chorweiler", "Köln"),
    ("Köln-Zollstock", "Köln"), ("Köln Südstadt", "Köln"), ("Bonn-Bad Godesberg", "Bonn"), ("Bonn-Beuel", "Bonn"),
    ("Bonn-Poppelsdorf", "Bonn"), ("Bonn-Tannenbusch", "Bonn"), ("Düsseldorf-Bilk", "Düsseldorf"),
    ("Düsseldorf-Flingern", "Düsseldorf"), ("Düsseldorf-Benrath", "Düsseldorf"),
    ("Düsseldorf-Gerresheim", "Düsseldorf"),
    ("Düsseldorf-Derendorf", "Düsseldorf"), ("Düsseldorf-Eller", "Düsseldorf"),
    ("Bergisch Gladbach-Bensberg", "Bergisch Gladbach"), ("München-Schwabing", "München"),
    ("Stuttgart-Bad Cannstatt", "Stuttgart"), ("Essen-Rüttenscheid", "Essen"), ("Duisburg-Rheinhausen", "Duisburg"),
    ("Kassel-Wehlheiden", "Kassel"), ("Leipzig-Connewitz", "Leipzig"), ("Dresden-Striesen", "Dresden"),
])
def test_the_quarters_people_write_are_found_in_their_city(gazetteer: Gazetteer, written: str, city: str) -> None:
    quarter = gazetteer.quarter(written)
    town = gazetteer.lookup(city)[0]
    assert quarter is not None, written
    assert gazetteer.city_of(quarter) == town
    assert haversine_km(quarter.lat, quarter.lon, town.lat, town.lon) <= 12


def test_a_quarter_named_alone_is_found_and_the_larger_citys_comes_first(gazetteer: Gazetteer) -> None:
    bilk = gazetteer.lookup("Bilk")[0]
    assert gazetteer.city_of(bilk) == gazetteer.lookup("Düsseldorf")[0]
    # Bochum has an Ehrenfeld too; Köln's is the one people mean
    ehrenfeld = gazetteer.lookup("Ehrenfeld")
    assert [gazetteer.city_of(place).name for place in ehrenfeld] == ["Köln", "Bochum"]  # type: ignore[union-attr]


def _table() -> list[dict[str, Any]]:
    return list(tomllib.loads((DATA / "places" / "quarter_points.toml").read_text("utf-8"))["city"])


def test_a_town_of_the_same_name_keeps_its_name(gazetteer: Gazetteer) -> None:
    """Every table name that another place bears (a town, or a GeoNames quarter of a city) stays that place's when
    named alone; the table's quarter is found with its city only (Schönefeld by Berlin, not Leipzig's)."""
    aliases = place_rules().quarter_aliases
    checked = 0
    for entry in _table():
        city = gazetteer.get(entry["id"])
        for name in entry["quarters"]:
            quarter = gazetteer.quarter(name, city)
            assert quarter is not None
            if not quarter.is_added:
                continue  # a GeoNames place the table made the quarter: it is that place already
            others = [place for place in gazetteer.lookup(name) if place.id != quarter.id]
            if not any(not place.is_added or gazetteer.city_of(place) is None for place in others):
                continue
            if fold(name) in aliases and max(place.population for place in others) < 3_000:
                continue  # data/nlu/places.toml [quarter_aliases]: a start-region city's quarter before a village
            if (city.population >= 500_000 and max(place.population for place in others)
                    < place_rules().quarter_share * gazetteer.quarter_size(quarter, city)):
                continue  # a large city's quarter outweighs a village of its name (test_quarter_namesakes.py)
            checked += 1
            found = gazetteer.lookup(name)
            assert found and found[0].id != quarter.id, f"{entry['name']}-{name}"
            assert quarter.id not in [place.id for place in found], f"{entry['name']}-{name}"
            parsed = nlu.parse(f"Ehrenamt in {name}").place  # nor does the chat read it as the city first
            assert parsed is None or parsed.id not in (quarter.id, city.id), f"{entry['name']}-{name}"
    assert checked >= 20


def test_names_of_a_part_of_every_city_are_read_only_with_their_city(
    gazetteer: Gazetteer, points_module: ModuleType
) -> None:
    generic = [(entry, name) for entry in _table() for name in entry["quarters"]
               if points_module.GENERIC.match(fold(name).replace(" ", ""))]
    assert {"Bahnhofsviertel", "Europaviertel", "Universitätsviertel", "Südstadt", "Nordend"} <= {n for _, n in generic}
    assert not {"Maxvorstadt", "Ehrenfeld", "Sennestadt"} & {name for _, name in generic}
    for entry, name in generic:
        quarter = gazetteer.quarter(name, gazetteer.get(entry["id"]))
        assert quarter is not None
        assert quarter.id not in [place.id for place in gazetteer.lookup(name)], f"{entry['name']}-{name}"


def test_no_table_name_is_an_ordinary_word_unless_it_needs_its_city(gazetteer: Gazetteer) -> None:
    from nlu.kernel.place_names import is_common_word_name
    from nlu.word_lists import known_words

    needs_city = set(tomllib.loads((DATA / "places" / "quarter_points.toml").read_text("utf-8"))["needs_city"])
    words = known_words()
    for entry in _table():
        for name in entry["quarters"]:
            if fold(name) in words or is_common_word_name(fold(name)):
                assert name in needs_city, f"{entry['name']}-{name} is an ordinary word"
    for name in needs_city:  # a quarter that needs its city is never a place alone ("Erle", "Ziegelstein")
        assert all(not place.is_added or gazetteer.city_of(place) is None for place in gazetteer.lookup(name)), name


@pytest.mark.parametrize(("text", "city"), [
    ("Bahnhofsviertel Köln", "Köln"), ("Tafel im Bahnhofsviertel von Hannover", "Hannover"),
    ("Ich wohne im Europaviertel von Stuttgart", "Stuttgart"), ("Ehrenamt im Bahnhofsviertel", None),
    ("Ehrenamt in Universitätsviertel", None), ("Hilfe beim Tragen von Ziegelstein", None),
    ("Ehrenamt in Kinderhaus", None), ("Erle", None), ("Kinderhaus in Münster", "Münster"),
    ("Nürnberg-Ziegelstein", "Nürnberg"), ("Ehrenamt im Bahnhofsviertel von Frankfurt", "Frankfurt am Main"),
])
def test_a_generic_or_ordinary_quarter_name_is_its_citys_only_with_the_city(text: str, city: str | None) -> None:
    place = nlu.parse(text).place
    assert (place.name if place else None) == city


@pytest.mark.parametrize(("text", "quarter"), [
    ("Würde gern Senioren das Handy zeigen. Wohne in Ziegelstein", "Ziegelstein"),
    ("I live in Ziegelstein and like dogs", "Ziegelstein"), ("bin aus Kinderhaus, Kinder", "Kinderhaus"),
])
def test_an_ordinary_quarter_name_after_where_one_lives_is_the_one_citys_quarter(text: str, quarter: str) -> None:
    # never a place the gazetteer lacks, which searches nothing and asks where (the Nürnberg set's empty answer)
    place = nlu.parse(text).place
    assert place is not None and place.name == quarter
    assert not nlu.parse(text).unknown_places


@pytest.mark.parametrize(("name", "state", "quarter"), [
    ("Schönefeld", "Brandenburg", "Schönefeld (Leipzig)"), ("Bürgel", "Thüringen", "Bürgel (Offenbach)"),
    ("Eberstadt", "Baden-Württemberg", "Eberstadt (Darmstadt)"),
])
def test_a_town_named_alone_comes_before_a_quarter_of_its_name(name: str, state: str, quarter: str) -> None:
    parsed = nlu.parse(f"Ehrenamt in {name}")
    assert parsed.place is not None and parsed.place.name == name and parsed.place.state == state
    assert [c.name for c in parsed.place_candidates][-1] == quarter


def test_every_table_quarter_is_its_citys_and_near_it(gazetteer: Gazetteer) -> None:
    table = tomllib.loads((DATA / "places" / "quarter_points.toml").read_text("utf-8"))["city"]
    for entry in table:
        city = gazetteer.get(entry["id"])
        assert city.name == entry["name"]
        for name in entry["quarters"]:
            quarter = gazetteer.quarter(name, city)
            assert quarter is not None, f"{entry['name']}-{name}"
            assert haversine_km(quarter.lat, quarter.lon, city.lat, city.lon) <= entry["max_km"]


@pytest.mark.parametrize("city", [
    "Berlin", "Hamburg", "München", "Köln", "Frankfurt am Main", "Stuttgart", "Düsseldorf", "Leipzig", "Dortmund",
    "Essen", "Bremen", "Dresden", "Hannover", "Nürnberg", "Duisburg", "Bochum", "Wuppertal", "Bielefeld", "Bonn",
    "Münster", "Mannheim", "Karlsruhe", "Augsburg", "Wiesbaden", "Mönchengladbach", "Gelsenkirchen", "Aachen",
    "Braunschweig", "Kiel", "Chemnitz", "Halle (Saale)", "Magdeburg", "Freiburg im Breisgau", "Krefeld",
    "Kassel", "Darmstadt", "Offenbach am Main",
])
def test_the_large_cities_and_the_kreisfreie_staedte_of_hessen_and_sachsen_have_quarters(
    gazetteer: Gazetteer, city: str
) -> None:
    assert len(gazetteer.quarters_of(gazetteer.lookup(city)[0])) >= 6


@pytest.mark.parametrize(("text", "city"), [
    ("Hunde ausführen in Bilk", "Düsseldorf"), ("Ich will in Sülz helfen", "Köln"), ("was in Zollstock", "Köln"),
    ("Wohne in Bad Godesberg, suche Hausaufgabenhilfe", "Bonn"), ("Bensberg", "Bergisch Gladbach"),
    ("Schwabing Tafel", "München"), ("in Bonn-Bad Godesberg", "Bonn"),
    ("in Bergisch Gladbach-Bensberg", "Bergisch Gladbach"),
])
def test_the_nlu_reads_the_quarter_in_its_city(gazetteer: Gazetteer, text: str, city: str) -> None:
    parsed = nlu.parse(text)
    town = gazetteer.lookup(city)[0]
    assert parsed.place is not None and not parsed.place_uncertain, text
    assert haversine_km(parsed.place.lat, parsed.place.lon, town.lat, town.lon) <= 10, parsed.place
    assert not {"godesberg", "bensberg", "bilk"} & set(parsed.keywords)


def test_a_town_named_like_a_quarter_stays_the_town() -> None:
    parsed = nlu.parse("Garten pflegen in Weiden")
    assert parsed.place is not None and parsed.place.name == "Weiden" and parsed.place.population > 10_000


def test_quarter_point_ids_are_stable_and_apart_from_other_ids() -> None:
    assert quarter_point_id("50823", set()) == QUARTER_POINT_ID_BASE + 5_082_300
    assert quarter_point_id("50823", {QUARTER_POINT_ID_BASE + 5_082_300}) == QUARTER_POINT_ID_BASE + 5_082_301


@pytest.fixture(scope="module")
def place_row() -> Any:
    """The row the build makes (data/build_place_rows.py PlaceRow); data/ is no package, its modules import each
    other by name."""
    if str(DATA) not in sys.path:
        sys.path.append(str(DATA))
    return importlib.import_module("build_place_rows").PlaceRow


def test_the_build_places_a_quarter_at_its_codes_centroid_and_reuses_known_places(
    points_module: ModuleType, place_row: Any
) -> None:
    city = place_row(1, "Stadt", "07", 500_000, 50.0, 7.0)
    known = place_row(2, "Altviertel", "07", 8_000, 50.01, 7.0)
    near_town = place_row(3, "Dorfheim", "07", 3_000, 50.03, 7.02)
    far_town = place_row(4, "Neuhof", "07", 3_000, 51.0, 7.0)
    table = [{"name": "Stadt", "id": 1, "max_km": 8, "quarters": {
        "Altviertel": ["11111"], "Dorfheim": ["11111"], "Neuhof": ["11111", "22222"]},
        "aliases": {"Neuhöfchen": "Neuhof"}}]
    coordinates = {"11111": (50.02, 7.0), "22222": (50.04, 7.02)}
    points = points_module.quarter_points([city, known, near_town, far_town], {2: city}, coordinates, place_row, table)
    assert points.parent[3] is city and 2 not in points.parent  # a known quarter is skipped, a near town reused
    [new] = points.rows
    assert new.name == "Neuhof" and new.population == 0 and (new.lat, new.lon) == pytest.approx((50.03, 7.01))
    assert new.id == QUARTER_POINT_ID_BASE + 1_111_100 and points.parent[new.id] is city
    assert new.alternates == ["Neuhöfchen"]


def test_the_build_refuses_a_quarter_far_from_its_city(points_module: ModuleType, place_row: Any) -> None:
    city = place_row(1, "Stadt", "07", 500_000, 50.0, 7.0)
    table = [{"name": "Stadt", "id": 1, "max_km": 5, "quarters": {"Weitweg": ["11111"]}}]
    with pytest.raises(SystemExit, match="Weitweg lies"):
        points_module.quarter_points([city], {}, {"11111": (50.2, 7.0)}, place_row, table)


@pytest.mark.parametrize(
    ("name", "cities"), [("Fasanenhof", {"Kassel", "Stuttgart"}), ("Stammheim", {"Köln", "Stuttgart"})]
)
def test_a_quarter_name_of_two_cities_named_alone_asks_with_each_city(name: str, cities: set[str]) -> None:
    candidates = [candidate.name for candidate in nlu.parse(f"Ehrenamt in {name}").place_candidates]
    assert sorted(candidates) == sorted(f"{name} ({city})" for city in cities)


# Points published for the quarters (de.wikipedia's infobox coordinates), independent of the postal codes the table
# names: a code written from memory for the wrong part of the city put Werderau 3.2 km and Schoppershof 1.5 km away.
@pytest.mark.parametrize(("written", "lat", "lon"), [
    ("Nürnberg-Werderau", 49.4222, 11.0594), ("Nürnberg-Schoppershof", 49.4694, 11.1097),
    ("Nürnberg-Röthenbach bei Schweinau", 49.4167, 11.0333), ("Nürnberg-Eberhardshof", 49.4578, 11.0278),
    ("Nürnberg-Veilhof", 49.4578, 11.1044), ("Nürnberg-Steinbühl", 49.4406, 11.0703),
    ("Nürnberg-Sündersbühl", 49.4444, 11.0417), ("Nürnberg-Hasenbuck", 49.4333, 11.0833),
])
def test_a_quarter_lies_near_its_published_point(gazetteer: Gazetteer, written: str, lat: float, lon: float) -> None:
    quarter = gazetteer.quarter(written)
    assert quarter is not None, written
    assert haversine_km(quarter.lat, quarter.lon, lat, lon) <= 1.0, written
