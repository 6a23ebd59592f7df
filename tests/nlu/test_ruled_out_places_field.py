"""The parse carries the places a person rules out (issue 14): resolved, with their point, and in the JSON."""

from __future__ import annotations

import pytest

from nlu import parse


@pytest.mark.parametrize(
    ("text", "ruled_out"),
    [
        ("Tiere, aber nicht in Kassel", ["Kassel"]),
        ("anywhere but Leipzig, something with kids", ["Leipzig"]),
        ("Tiere, aber nicht in Kassel, lieber in Baunatal", ["Kassel"]),
        ("Tierheim in Kassel", []),
    ],
)
def test_ruled_out_places_are_carried_with_their_point(text: str, ruled_out: list[str]) -> None:
    parsed = parse(text)
    assert [place.name for place in parsed.ruled_out_places] == ruled_out
    assert all(47 < place.lat < 56 and 5 < place.lon < 16 for place in parsed.ruled_out_places)
    assert parsed.place is None or parsed.place.name not in ruled_out


def test_the_json_keeps_its_keys_and_adds_the_ruled_out_places() -> None:
    data = parse("Tiere, aber nicht in Kassel").to_dict()
    assert list(data) == [
        "text", "lang", "categories", "exclude_categories", "place", "place_candidates", "place_uncertain",
        "radius_km", "time", "languages", "remote", "keywords", "needs_little_german", "ruled_out_places",
        "writer_words", "time_either", "unknown_places", "time_soft",
    ]
    assert data["place"] is None
    assert [place["name"] for place in data["ruled_out_places"]] == ["Kassel"]
    assert {"lat", "lon", "state"} <= set(data["ruled_out_places"][0])


def test_a_place_only_ruled_out_is_still_something_understood() -> None:
    assert not parse("bloß nicht in Fulda").is_empty
