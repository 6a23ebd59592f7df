"""A place typed into a field is read as the chat reads it (nlu.place_field): quarters with or without their
city, aliases, a whole state, and a name only guessed at offered instead of searched somewhere else."""

from __future__ import annotations

import json

import pytest

from bot.cli import main
from bot.conversation.places import place_answer
from nlu.kernel.gazetteer import get_gazetteer, haversine_km
from nlu.place_field import read_place_field, says_all_of_germany


def test_a_quarter_the_chat_knows_is_its_city_shown_as_the_quarter() -> None:
    kassel = get_gazetteer().lookup("Kassel")[0]
    for written in ("Wehlheiden", "wehlheiden", "Kassel-Wehlheiden", "Wehlheiden (Kassel)", "in Wehlheiden"):
        place = read_place_field(written).place
        assert place is not None and place.name == "Wehlheiden (Kassel)", written
        # its own point (data/places/quarter_points.toml: the centroid of 34121), no longer the city's
        assert (place.lat, place.lon) != (kassel.lat, kassel.lon)
        assert haversine_km(place.lat, place.lon, kassel.lat, kassel.lon) < 4
    assert (read_place_field("Connewitz").place or kassel).name == "Connewitz (Leipzig)"
    assert (read_place_field("Kaßberg").place or kassel).name == "Kaßberg (Chemnitz)"
    assert (read_place_field("Leipzig-Connewitz").place or kassel).name == "Connewitz (Leipzig)"
    assert (read_place_field("Bockenheim").place or kassel).name == "Bockenheim (Frankfurt)"


def test_aliases_and_known_quarters_read_as_in_a_message() -> None:
    assert read_place_field("ffm").place.name == "Frankfurt am Main"  # type: ignore[union-attr]
    assert read_place_field("Zwigge").place.name == "Zwickau"  # type: ignore[union-attr]
    assert read_place_field("Hamburg Altona").place.name == "Altona"  # type: ignore[union-attr]


def test_a_quarter_named_like_a_town_elsewhere_is_asked_about() -> None:
    reading = read_place_field("Bornheim")
    assert reading.place is None and not reading.guessed
    assert {place.name for place in reading.places} >= {"Bornheim (Frankfurt)", "Bornheim"}
    assert read_place_field("Frankfurt-Bornheim").place.name == "Bornheim (Frankfurt)"  # type: ignore[union-attr]


def test_a_name_only_guessed_at_is_offered_never_taken() -> None:
    for written in ("Weihlheiden", "Xyzdorf", "Frankfrut"):
        reading = read_place_field(written)
        assert reading.place is None and reading.unknown, written
    assert read_place_field("Frankfrut").places[0].name == "Frankfurt am Main"  # the chat's guess first


def test_a_whole_state_offers_its_largest_cities_not_a_village_of_the_name() -> None:
    reading = read_place_field("Sachsen")
    assert reading.state == "Sachsen" and reading.place is None and not reading.guessed
    assert [place.name for place in reading.places[:3]] == ["Dresden", "Leipzig", "Chemnitz"]
    assert all(place.state == "Sachsen" for place in reading.places)
    assert read_place_field("NRW").state == "Nordrhein-Westfalen"
    assert read_place_field("Franken").state is None  # a part of Bavaria, not all of it
    assert read_place_field("Hamburg").place.name == "Hamburg"  # type: ignore[union-attr]


def test_the_answer_to_where_reads_a_quarter_as_the_field_does() -> None:
    assert [place.name for place in place_answer("Wehlheiden")] == ["Wehlheiden (Kassel)"]


def test_the_places_command_knows_what_the_chat_knows(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["places", "--json", "Wehlheiden"]) == 0
    assert [place["name"] for place in json.loads(capsys.readouterr().out)] == ["Wehlheiden (Kassel)"]
    assert main(["places", "--json", "Sachsen"]) == 0
    names = [place["name"] for place in json.loads(capsys.readouterr().out)]
    assert names[:2] == ["Dresden", "Leipzig"] and names[-1] == "Sachsen bei Ansbach"
    assert main(["places", "Weihlheiden"]) == 1
    assert "Weiden" not in capsys.readouterr().out


def test_a_name_that_exists_far_apart_is_offered_never_read_as_another_town() -> None:
    # the NLU reads "in Aken" as Aachen and "in Munster" as Münster; a field names the town typed, or asks
    for written, typed_state in (("Aken", "Sachsen-Anhalt"), ("Munster", "Niedersachsen"),
                                 ("Langen", "Niedersachsen"), ("Kasel", "Rheinland-Pfalz")):
        reading = read_place_field(written)
        assert reading.place is None and not reading.guessed and not reading.unknown, written
        assert any(place.state == typed_state and place.name == written for place in reading.places), written
    frankfurt = read_place_field("Frankfurt")
    assert [place.name for place in frankfurt.places] == ["Frankfurt am Main", "Frankfurt (Oder)"]  # chat's pick first
    assert {place.name for place in read_place_field("Halle").places} >= {"Halle (Saale)", "Halle (Westf.)"}
    assert read_place_field("Kassel").place.name == "Kassel"  # type: ignore[union-attr]


def test_a_whole_state_the_nlu_reads_as_a_town_is_still_the_state() -> None:
    reading = read_place_field("Baden-Württemberg")  # the NLU reads Baden-Baden
    assert reading.state == "Baden-Württemberg" and reading.places[0].name == "Stuttgart"
    for city in ("Berlin", "Hamburg", "Bremen"):  # a city state is the city
        assert read_place_field(city).place.name == city  # type: ignore[union-attr]


def test_a_quarter_after_its_city_or_the_city_in_brackets_keeps_its_name() -> None:
    for written in ("wehlheiden kassel", "Kassel (Wehlheiden)", "Wehlheiden, Kassel"):
        assert read_place_field(written).place.name == "Wehlheiden (Kassel)", written  # type: ignore[union-attr]
    assert read_place_field("Altona Hamburg").place.name == "Altona"  # type: ignore[union-attr]


def test_a_name_the_gazetteer_knows_needs_no_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    import nlu

    def no_parse(text: str) -> None:
        raise AssertionError(f"parsed {text}")

    monkeypatch.setattr(nlu, "parse", no_parse)
    assert read_place_field("Kassel").place.name == "Kassel"  # type: ignore[union-attr]
    assert read_place_field("Sachsen").state == "Sachsen"
    assert read_place_field("Zwigge", parse=False).place.name == "Zwickau"  # type: ignore[union-attr]
    assert read_place_field("Xyzdorf", parse=False).unknown
    assert {place.name for place in read_place_field("Aken", parse=False).places} == {"Aachen", "Aken"}


def test_the_places_command_lists_a_city_state_once(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["places", "--json", "Berlin"]) == 0
    assert [place["name"] for place in json.loads(capsys.readouterr().out)] == ["Berlin"]


def test_a_message_says_all_of_germany_in_so_many_words_not_by_the_country_name_alone() -> None:
    for text in ("was mit tieren bundesweit", "Tierheim in ganz Deutschland", "animals nationwide",
                 "deutschlandweit online", "helping across Germany"):
        assert says_all_of_germany(text), text
    for text in ("neu in Deutschland, Tiere", "Deutschkurs geben", "Tierheim in Kassel", "ganz Hessen"):
        assert not says_all_of_germany(text), text
