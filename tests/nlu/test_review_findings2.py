"""A reviewer's findings on upper bounds, "only" after a list of languages and "hier" after a place, with the
reviewer's reproducers and sentences written for this test."""

from __future__ import annotations

import pytest
import spacy

from nlu import parse
from nlu.components.common import closes_clause, stands_alone


@pytest.mark.parametrize(
    "text",
    [
        "Ich kann maximal 2 mal im Monat, Tierheim Kassel",
        "max 10 Leute in der Gruppe wär gut, Senioren Marburg",
        "höchstens 3 Abende im Monat, gern Tafel in Gießen",
        "max 5 Kinder pro Gruppe bitte, Marburg",
        "at most 4 hours a month, animals in Kassel",
    ],
)
def test_an_upper_bound_without_a_unit_is_no_radius(text: str) -> None:
    query = parse(text)
    assert query.radius_km is None and not {"max", "maximal", "hoechstens"} & set(query.keywords)


@pytest.mark.parametrize(
    ("text", "km"),
    [
        ("max 20 km, Tiere in Kassel", 20.0),
        ("maximal 15 Kilometer von Marburg, Senioren", 15.0),
        ("höchstens 10 km weg von Gießen, Kinder", 10.0),
        ("Im Umkreis von maximal 20 um Kassel, Tiere", 20.0),
        ("max. 30km rund um Fulda, Sport", 30.0),
    ],
)
def test_an_upper_bound_with_a_unit_or_a_radius_word_stays_a_radius(text: str, km: float) -> None:
    query = parse(text)
    assert query.radius_km == km and not {"max", "maximal", "hoechstens"} & set(query.keywords)


@pytest.mark.parametrize(
    "text",
    [
        "I speak German and English only, animals in Berlin",
        "Ich spreche Deutsch und Englisch nur, Tierheim Kassel",
        "Mein Sohn spricht Arabisch nur, Hausaufgabenhilfe Kassel",
        "Mein Sohn spricht nur Arabisch, Hausaufgabenhilfe Kassel",
        "my wife speaks Farsi only, I would like to help with animals in Kassel",
        "I speak German, Turkish and English only, kids in Hamburg",
        "Ich helfe gern Leuten, die nur Arabisch sprechen, Kassel",
    ],
)
def test_only_with_german_listed_or_said_of_someone_else_is_no_little_german(text: str) -> None:
    assert parse(text).needs_little_german is False


@pytest.mark.parametrize(
    "text",
    [
        "I speak English and Farsi only, animals in Berlin",
        "Ich spreche Arabisch und Englisch nur, Tiere in Kassel",
        "Ich spreche nur Englisch und Französisch, Kassel",
    ],
)
def test_only_after_the_writers_own_languages_is_little_german(text: str) -> None:
    assert parse(text).needs_little_german is True


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("I'm in Berlin here for a week, but I live in Potsdam, kids", "Potsdam"),
        ("Is there anything in Munich here? I live in Augsburg, animals", "Augsburg"),
        ("Kassel oder Baunatal hier in der Nähe", "Kassel"),
        ("bin in Leipzig hier auf Besuch, wohne aber in Halle, Tiere", "Halle"),
        ("Gründau hier", "Gründau"),
        ("Gründau hier, suche was mit Tieren", "Gründau"),
        ("Lahntal here. anything with kids?", "Lahntal"),
        ("Urlaub in Kassel, Baunatal hier. Was mit Senioren?", "Baunatal"),
        ("Arbeit in Kassel, Baunatal hier und ich suche was mit Tieren", "Baunatal"),
    ],
)
def test_hier_names_the_home_only_where_it_closes_the_clause(text: str, place: str) -> None:
    query = parse(text)
    assert query.place is not None and query.place.name.startswith(place)


def test_one_rule_tells_a_word_standing_as_its_own_clause() -> None:
    doc = spacy.blank("de")("Tiere, MR  Senioren, Gründau")
    assert stands_alone(doc, 2)  # "MR" before a run of spaces
    assert stands_alone(doc, 0) and stands_alone(doc, 6) and not stands_alone(doc, 4)
    assert stands_alone(doc, 6, 7) and not stands_alone(doc, 4, 6)
    assert closes_clause(doc, len(doc)) and not closes_clause(doc, 4)
