"""Interests and needs people state indirectly (issue 14): a job they miss, little German said of others."""

from __future__ import annotations

import pytest

from nlu import parse


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Bin seit einem Jahr raus aus dem Beruf, war Altenpflegerin und das fehlt mir. Bad Hersfeld", "health_care"),
        ("ich hab 20 jahre als erzieher gearbeitet und vermisse die arbeit, Eisenach", "children_youth"),
        ("Früher Lehrer, jetzt in Rente, würde gern wieder unterrichten", "education"),
        ("I worked as a firefighter for years and I miss it. Anything in Gera?", "emergency_services"),
    ],
)
def test_a_job_one_misses_is_what_one_wants_to_do_again(text: str, category: str) -> None:
    assert category in parse(text).categories


@pytest.mark.parametrize(
    ("text", "not_wanted"),
    [
        ("Ich bin Lehrerin und such was mit Tieren in Jena", "education"),
        ("Ich arbeite in der Kita und suche was mit Tieren, Gotha", "children_youth"),
        # missing one's work does not turn one's family or dog into a wish
        ("hab zwei Kinder und einen Hund, vermisse meine Arbeit im Büro, suche was mit Senioren", "animals"),
        ("Meine Kinder sind aus dem Haus, mir fehlt eine Aufgabe. Was mit Tieren?", "children_youth"),
    ],
)
def test_who_one_is_stays_no_interest_without_longing(text: str, not_wanted: str) -> None:
    assert not_wanted not in parse(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "Deutsch nur wenig, ich spreche Tigrinya. Gießen",
        "mein Deutsch ist erst A2, spreche Dari",
        "Deutschkenntnisse leider kaum, ich kann Englisch und Farsi",
    ],
)
def test_little_german_said_after_the_word_german(text: str) -> None:
    assert parse(text).needs_little_german


@pytest.mark.parametrize(
    "text",
    [
        "ich würde gern für Leute dolmetschen, die kein Deutsch können. Offenbach",
        "Möchte Familien unterstützen, die kaum Deutsch sprechen, in Erfurt",
        "I would like to help people who don't speak German with forms, Leipzig",
    ],
)
def test_little_german_of_the_people_one_helps_is_their_need_and_means_integration(text: str) -> None:
    query = parse(text)
    assert not query.needs_little_german
    assert "refugees_integration" in query.categories and not query.exclude_categories


def test_asking_for_volunteering_for_people_without_german_means_oneself() -> None:
    assert parse("Is there volunteering for people who don't speak German? I live in Fulda").needs_little_german


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Ich blicke bei Bürgergeld und Wohngeld durch und könnte andere beraten. Gera", "poverty_homelessness"),
        ("würde Leuten helfen, die überschuldet sind, in Kassel", "poverty_homelessness"),
        ("Begleitung zum Jobcenter, Offenbach", "poverty_homelessness"),
        ("ich kann gut mit Amtsdeutsch und helfe beim Antrag, Fulda", "neighbourhood"),
        ("Hilfe bei der Post vom Amt, Gießen", "neighbourhood"),
        ("ich würde Nachbarn zu Terminen begleiten, Jena", "neighbourhood"),
        ("Menschen unterstützen, die vor dem Krieg geflohen sind, Gotha", "refugees_integration"),
        ("Familien mit Fluchterfahrung im Alltag helfen, Plauen", "refugees_integration"),
        ("people who recently came to Germany, help them settle, Hanau", "refugees_integration"),
        ("im Weltladen mithelfen, Marburg", "environment"),
        ("Mitarbeit bei einer Solawi in der Nähe von Leipzig", "environment"),
    ],
)
def test_interests_said_without_the_category_word(text: str, category: str) -> None:
    assert category in parse(text).categories


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("Fledermäuse zählen im Sommer, Witzenhausen", "refugees_integration"),  # no "fled" inside a bat
        ("ich will kein Geld dafür, nur was mit Tieren, Kassel", "poverty_homelessness"),
        ("animal welfare, dogs or cats, Darmstadt", "poverty_homelessness"),
    ],
)
def test_false_friends_of_the_new_words(text: str, wrong: str) -> None:
    assert wrong not in parse(text).categories


def test_a_town_that_is_also_a_word_counts_when_it_stands_alone_and_capitalised() -> None:
    query = parse("Ich würde gern mit Jugendlichen malen. Halle, abends")
    assert query.place is not None and query.place.name == "Halle (Saale)"
    assert parse("wir brauchen eine halle für sport").place is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Igelhilfe im Vogtland? Auerbach, Rodewisch, egal", "Auerbach/Vogtl."),
        ("Vogelsbergkreis, bei Schotten, was mit Kindern", "Schotten"),
        ("im Odenwald was mit Tieren", "Michelstadt"),  # alone, the area still stands for its town
        ("Odenwald oder Darmstadt, Tiere", "Michelstadt"),  # an alternative does not replace it
    ],
)
def test_a_town_named_with_its_landscape_is_meant(text: str, place: str) -> None:
    query = parse(text)
    assert query.place is not None and query.place.name == place


@pytest.mark.parametrize(
    "text", ["Fahrten zur Dialyse übernehmen, Gießen", "could give lifts to elderly people, Jena"]
)
def test_driving_people_to_appointments_is_neighbourly_help(text: str) -> None:
    assert "neighbourhood" in parse(text).categories
