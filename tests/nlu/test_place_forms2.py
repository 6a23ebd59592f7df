"""Place and language forms of issue 14's slots round 2: a city misspelt before its quarter's hyphen, a quarter with
its city in brackets, two licence plates offered as a choice, "online" as the topic of a form rather than the way to
help, learning German said without the pronoun. Every sentence here is written for this test."""

from __future__ import annotations

import pytest

from nlu import parse
from tests.factories.parsed import place_name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bärlin-Neukölln, was mit Obdachlosen", "Berlin"),
        ("Frankfort-Bockenheim, Senioren", "Frankfurt am Main"),
        ("Berlin-Neukölln, was mit Obdachlosen", "Berlin"),
    ],
)
def test_a_misspelt_city_before_its_quarters_hyphen_is_the_city(text: str, expected: str) -> None:
    assert place_name(text) == expected


def test_a_first_name_with_a_hyphen_stays_no_place() -> None:
    assert place_name("Karl-Heinz hier, Tiere in Kassel") == "Kassel"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ich wohne in Bornheim (Frankfurt)", "Frankfurt am Main"),
        ("Neustadt (Dresden), Kinder", "Dresden"),
        ("Gohlis (Leipzig), Senioren", "Leipzig"),
        ("Hanau (Frankfurt), Kinder", "Hanau"),  # a town of its own next to the city stays itself
        ("Marburg (Lahn), Tiere", "Marburg"),
    ],
)
def test_a_quarter_with_its_city_in_brackets_is_the_city(text: str, expected: str) -> None:
    assert place_name(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("KS oder GÖ, Umwelt", "Kassel"), ("GI/MR, Tiere", "Gießen"), ("Tierheim KS oder Baunatal", "Kassel"),
     ("GI oder wetzlar, egal was", "Gießen")],
)
def test_licence_plates_offered_as_a_choice_are_towns(text: str, expected: str) -> None:
    parsed = parse(text)
    assert parsed.place is not None and parsed.place.name == expected
    assert "goe" not in parsed.keywords


@pytest.mark.parametrize(
    ("text", "remote"),
    [
        ("Hilfe beim Ausfüllen von Online-Formularen für Geflüchtete in Kassel", False),
        ("Ich möchte Senioren bei Online-Terminbuchungen helfen, Fulda", False),
        ("Online Nachhilfe in Mathe, Kassel", True),
    ],
)
def test_online_as_the_topic_of_a_form_is_no_remote_wish(text: str, remote: bool) -> None:
    assert parse(text).remote is remote


@pytest.mark.parametrize(
    ("text", "little"),
    [
        ("Deutsch lerne ich noch, bin bei A2", True),
        ("Ich bin neu in Deutschland und lerne Deutsch", True),
        ("Deutsch lerne ich seit 2 Jahren, inzwischen B2", False),
        ("Ich spreche gut Deutsch und lerne Spanisch", False),
    ],
)
def test_learning_german_said_without_the_pronoun_is_little_german(text: str, little: bool) -> None:
    assert parse(text).needs_little_german is little


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ich suche Essen oder Bochum", "Essen"),  # after a verb the choice is one of towns
        ("Ich würde Essen oder Gelsenkirchen nehmen", "Essen"),
        ("Ich verteile warmes Essen oder Bochum wäre auch gut", "Bochum"),  # an adjective makes it the meal
        ("Helfe gern beim Essen oder Vorlesen, Bochum", "Bochum"),
        ("Wir verteilen Essen oder Kleidung in Bochum", "Bochum"),  # no second town after "oder"
    ],
)
def test_essen_after_a_verb_and_before_oder_and_a_town_is_the_town(text: str, expected: str) -> None:
    assert place_name(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I commute from Bad Nauheim to Frankfurt every day, volunteering near home", "Bad Nauheim"),
        ("Ich pendle von Bad Nauheim nach Frankfurt, Tiere", "Bad Nauheim"),
        ("I'm in Frankfurt for work but want to volunteer in my town Bad Homburg", "Bad Homburg vor der Höhe"),
        ("Bin beruflich in Kassel, wohne in Fulda", "Fulda"),
        ("I'm working in Frankfurt, living in Hanau", "Hanau"),
        ("I live in Offenbach but want to volunteer in Frankfurt", "Frankfurt am Main"),  # the place to help in
        ("Dresden, ideally Neustadt area", "Dresden"),  # a quarter of the city named with it
        ("Dresden, am liebsten Neustadt, Kinder", "Dresden"),
    ],
)
def test_home_work_and_wish_among_several_places(text: str, expected: str) -> None:
    assert place_name(text) == expected


@pytest.mark.parametrize(
    "text", ["Frankfurt is too far for me, maybe Friedberg", "Friedberg oder Frankfurt, Tiere"]
)
def test_a_town_named_beside_an_ambiguous_one_settles_it(text: str) -> None:
    parsed = parse(text)
    assert parsed.place is not None and parsed.place.name == "Friedberg (Hessen)"
    assert not parsed.place_candidates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("jetzt studium in ks, will was mit menschen mit behinderung machen", "Kassel"),  # a plate written small
        ("wohne in hh, suche was mit kindern", "Hamburg"),
        ("ich wohne in de stadt, tiere", None),  # dialect "de" is no plate
        ("Ich sitze im E-Rolli und möchte Boccia spielen", None),  # one letter before a hyphen is no town
        ("F-Höchst, Senioren", "Frankfurt am Main"),
        ("Bergwiesen mähen im Erzgebirge oder so. Irgendwo bei Oberwiesenthal.", "Kurort Oberwiesenthal"),
        ("ehemals Filialleiter in Biedenkopf. Wohne jetzt bei meiner Tochter in Gladenbach.", "Gladenbach"),
        ("I live with my son in Fulda, I was a teacher in Kassel", "Fulda"),
    ],
)
def test_plates_written_small_hedges_and_living_with_someone(text: str, expected: str | None) -> None:
    assert place_name(text) == expected


@pytest.mark.parametrize(
    ("text", "remote"),
    [
        ("Ich arbeite im Homeoffice und hab mittags eine lange Pause, Karben", False),
        ("seit ich im Homeoffice bin fehlt mir Kontakt. Wohne in Freital", False),
        ("Seit Corona arbeite ich nur noch im Homeoffice, Dresden", False),
        ("Hello, I live in Erbach and work from home. Something with animals", False),
        ("I am an IT guy in Berlin, working remote. Can help NGOs", False),
        ("Can I work from home for an NGO?", True),
        ("ich arbeite gern von zuhause, Website für Verein", True),
        ("I would like to work remotely", True),
    ],
)
def test_a_job_done_from_home_is_no_remote_wish(text: str, remote: bool) -> None:
    assert parse(text).remote is remote
