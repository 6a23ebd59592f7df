"""Which place a message means when it names a town indirectly or names several (issue 14, slots round): a town's
adjective, a quarter named alone, a river after an ambiguous name, a word that is also a village, a plate after a
wish, a name that is also a word joined to another town, going home and where one was before. Every sentence here
is written for this test."""

from __future__ import annotations

import pytest

from nlu import parse
from tests.factories.parsed import place_name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Würde gern im Kasseler Tierheim Katzen streicheln", "Kassel"),
        ("Sucht die Dresdner Tafel noch Fahrer?", "Dresden"),
        ("kann man beim Leipziger Zoo mithelfen", "Leipzig"),
        ("Darmstädter Kinderschutzbund, geht da was?", "Darmstadt"),
        ("Gibt es beim Bremer Roten Kreuz Schichten am Wochenende?", "Bremen"),
    ],
)
def test_a_towns_adjective_before_a_noun_names_the_town(text: str, expected: str) -> None:
    assert place_name(text) == expected


def test_a_town_named_outright_wins_over_an_adjective() -> None:
    assert place_name("Ich wohne in Hanau, kenne aber nur den Frankfurter Zoo") == "Hanau"


@pytest.mark.parametrize(
    "text",
    [
        "Hammer Idee, so ein Ehrenamt",  # a noun, not Hamm's adjective
        "Berliner sind nett, ich suche was mit Kunst",  # people, before a verb
        "Wir Lehrer haben im Sommer Zeit",
    ],
)
def test_words_that_only_look_like_a_towns_adjective_name_noplace_name(text: str) -> None:
    assert place_name(text) is None


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("Umweltgruppe in Berlin-Marzahn gesucht", "Berlin"),
        ("volunteering in Berlin-Köpenick with kids", "Berlin"),
    ],
)
def test_a_quarter_written_with_its_city_counts_as_the_city(text: str, city: str) -> None:
    assert place_name(text) == city


def test_a_quarter_named_alone_keeps_its_own_point() -> None:
    # the search starts where the person is, not at the city's centre
    place = parse("Nachhilfe geben in Barmbek").place
    assert place is not None and place.name != "Hamburg" and place.name.startswith("Barmbek")


def test_a_postal_code_keeps_its_own_point_not_the_city_centre() -> None:
    place = parse("Tierheim in der Nähe von 01099").place
    assert place is not None and place.postal_code == "01099"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Schuldnerberatung in Oelsnitz im Vogtland", "Oelsnitz/Vogtl."),
        ("Tafel in Oelsnitz im Erzgebirge", "Oelsnitz/Erzgeb."),
        ("Lesepatin im Raum Frankenberg an der Eder", "Frankenberg (Eder)"),
    ],
)
def test_a_region_or_river_after_an_ambiguous_name_settles_it(text: str, expected: str) -> None:
    parsed = parse(text)
    assert parsed.place is not None and parsed.place.name == expected
    assert parsed.place_candidates == ()


def test_a_name_written_out_beats_a_word_read_as_a_misspelt_village() -> None:
    # "Bäuerin" is close to the village Beuern; the written-out Ebsdorfergrund is meant
    assert place_name("Ich bin Bäuerin bei Ebsdorfergrund und hab Platz für Ferienkinder") == "Ebsdorfergrund"


def test_a_compound_of_an_animal_and_a_word_is_no_town() -> None:
    # Igel is a village too; "Igel-Station" is a hedgehog station, and the town comes after
    assert place_name("Am liebsten eine Igel-Station. Baunatal") == "Baunatal"


def test_a_town_with_its_quarter_after_a_hyphen_still_counts() -> None:
    assert place_name("Frankfurt-Höchst, Sportverein") == "Frankfurt am Main"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jugendfeuerwehr DD? Ich bin 17", "Dresden"),
        ("Tierheim KS. Zeit hätte ich samstags", "Kassel"),
    ],
)
def test_a_plate_ending_a_clause_right_after_a_wish_is_its_town(text: str, expected: str) -> None:
    assert place_name(text) == expected


def test_a_weekday_abbreviation_ending_a_clause_is_no_plate() -> None:
    assert place_name("Zeit habe ich DI und DO. Gern Sport") is None


def test_a_name_that_is_a_word_joined_to_a_town_is_a_place_too() -> None:
    # "Essen" alone is food; named with Bochum by "oder" it is the first of two towns
    assert place_name("Ich möchte Fußball für Kinder anbieten. Essen oder Bochum.") == "Essen"


def test_a_word_joined_to_no_town_stays_a_word() -> None:
    assert place_name("Essen und Getränke ausgeben in Bochum") == "Bochum"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Studiere in Jena, fahre aber jedes Wochenende heim nach Gera, dort hätte ich Zeit", "Gera"),
        ("I was stationed in Grafenwöhr before, now a student in Marburg, any animal shelter?", "Marburg"),
        ("Ich war früher in Kassel, suche jetzt was in Fulda", "Fulda"),
    ],
)
def test_home_and_now_win_over_a_place_of_study_or_of_the_past(text: str, expected: str) -> None:
    assert place_name(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gießen? Zu weit. Lieber was in Lich", "Lich"),
        ("nicht in Erfurt, sondern in Arnstadt bitte", "Arnstadt"),
        ("not in Leipzig itself but somewhere near Markkleeberg", "Markkleeberg"),
        ("Marburg is a bit far, rather something in Cölbe", "Cölbe"),
    ],
)
def test_a_place_answered_as_too_far_or_ruled_out_gives_way(text: str, expected: str) -> None:
    assert place_name(text) == expected


def test_too_far_said_of_a_later_place_leaves_the_first() -> None:
    assert place_name("Lich! Zu weit ist mir Gießen") == "Lich"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hunde ausführen, am liebsten near Fürth", "Fürth"),
        ("ich könnte Nachhilfe in Mathe geben, eppendorf", "Eppendorf"),
        ("I live in Lichtenberg and would like to cook for others", "Lichtenberg"),
    ],
)
def test_a_small_start_region_namesake_is_no_question_beside_a_large_city_or_its_quarter(
    text: str, expected: str
) -> None:
    parsed = parse(text)
    assert place_name(text) == expected
    assert not parsed.place_candidates


def test_a_name_of_towns_of_like_size_is_still_asked_about() -> None:
    assert len(parse("Ich suche was mit Kindern in Neustadt").place_candidates) > 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Erste Hilfe kann ich, wohn in SC", "Schwabach"),
        ("Raum LAU, was mit Tieren", "Lauf an der Pegnitz"),
        ("Kinder betreuen in ER", "Erlangen"),
        ("I bin aus Färth und koch gern", "Fürth"),
        ("Was gibts in Nämberch für Rentner?", "Nürnberg"),
    ],
)
def test_franconian_plates_and_spoken_names_name_their_town(text: str, expected: str) -> None:
    assert place_name(text) == expected
