"""Review fixes of t14-fix12 (review of the place, listing and vocabulary rounds): each test names a kind of
failure, with sentences written for this test (chat without commas, newcomers in an organisation's blurb, family
members' hobbies, districts written with spaces)."""

from __future__ import annotations

import pytest

from nlu.api import categorize, parse_with_rules


def _town(text: str) -> str | None:
    place = parse_with_rules(text).place
    return place.name if place is not None else None


@pytest.mark.parametrize(
    ("text", "town"),
    [
        # chat drops the comma: the second town is a place of its own, and the wish after it is its own
        ("arbeite in Kassel Baunatal wäre mir lieber, Tiere", "Baunatal"),
        ("ich arbeite in Frankfurt Hanau wäre besser Senioren", "Hanau"),
        ("I work in Kassel Baunatal would be nicer, animals", "Baunatal"),
        ("bin grad in Leipzig Markkleeberg wär schön, Kinder", "Markkleeberg"),
    ],
)
def test_a_town_after_another_without_a_comma_keeps_its_own_wish(text: str, town: str) -> None:
    assert _town(text) == town


@pytest.mark.parametrize(
    ("text", "town"),
    [
        # a quarter written right after its city is still the city, with the cue before it
        ("arbeite in Leipzig Gohlis, wohne in Halle, Tiere", "Halle (Saale)"),
        ("ich arbeite in Frankfurt Bornheim wohne aber in Hanau, Kinder", "Hanau"),
        # a choice still shares the cue: "oder" and "/" join
        ("arbeite in Kassel oder Baunatal, wohne in Fulda, Tiere", "Fulda"),
        ("nicht in Kassel/Baunatal, lieber in Fulda, Tiere", "Fulda"),
    ],
)
def test_a_quarter_or_a_choice_still_shares_the_cue(text: str, town: str) -> None:
    assert _town(text) == town


def _listing(title: str, text: str) -> list[str]:
    return list(categorize(title, text).categories)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # the opening sentence says whom the organisation serves; the paperwork of the task is for older people
        ("Formularhilfe", "Der Verein kümmert sich um Geflüchtete und Familien. Aufgaben: Du hilfst älteren Menschen "
         "beim Ausfüllen von Formularen."),
        ("Hilfe mit Behördenpost", "Wir helfen Nachbarn bei Anträgen und Post vom Amt. Im Haus gibt es außerdem ein "
         "Café für Geflüchtete."),
    ],
)
def test_a_newcomer_in_another_sentence_leaves_the_paperwork_neighbourly(title: str, text: str) -> None:
    got = _listing(title, text)
    assert "neighbourhood" in got and got[0] != "refugees_integration"


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Begleitung zu Ämtern", "Wir helfen Geflüchteten bei Anträgen und beim Gang zum Amt."),
        ("Formularlotse", "Aufgaben: Du unterstützt geflüchtete Familien bei Anträgen und Briefen."),
    ],
)
def test_a_newcomer_in_the_paperworks_own_sentence_keeps_it_theirs(title: str, text: str) -> None:
    got = _listing(title, text)
    assert "refugees_integration" in got and "neighbourhood" not in got


@pytest.mark.parametrize(
    ("title", "text", "people"),
    [
        ("Radtour begleiten", "Für unsere Seniorengruppe suchen wir Begleiter für Radtouren am Donnerstag.", "seniors"),
        ("Lead a bike tour", "We need a guide for our seniors group on a bike tour every Friday.", "seniors"),
        ("Radtour begleiten", "Wir suchen Begleitung für den Jugendtreff bei der Radtour im Mai.", "children_youth"),
    ],
)
def test_the_group_served_stays_beside_the_titles_activity(title: str, text: str, people: str) -> None:
    got = _listing(title, text)
    assert people in got and "sports" in got


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Radtour planen", "Unser Verein hat viele Senioren. Du planst die Radtouren im Sommer."),  # another sentence
        ("Radtour planen", "Du planst Radtouren, auch für Kinder und Familien offen."),  # guests, not a group served
    ],
)
def test_people_only_beside_the_titles_activity_do_not_join_it(title: str, text: str) -> None:
    assert _listing(title, text) == ["sports"]


@pytest.mark.parametrize(
    "text",
    [
        "Ich würde gern ältere Leute auf Radtouren mit der Rikscha mitnehmen",
        "I'd like to take elderly people on bike tours in a rickshaw",
        "Radausflüge mit dem Rollstuhlfahrrad für Senioren begleiten",
    ],
)
def test_a_ride_in_a_passenger_vehicle_is_no_sport(text: str) -> None:
    assert "sports" not in parse_with_rules(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "Ich möchte Radtouren mit Senioren organisieren",
        "Ich mache gern Radtouren mit Jugendlichen. Die Rikscha im Verein fahren andere.",  # another sentence
        "Radtouren organisieren, und ich fahre gern Tandem",  # a tandem carries no passenger
    ],
)
def test_a_ride_one_rides_oneself_stays_sport(text: str) -> None:
    assert "sports" in parse_with_rules(text).categories


def test_a_rickshaw_listing_serves_its_passengers() -> None:
    assert "sports" not in _listing("Rikscha fahren", "Nimm ältere Menschen auf Radtouren mit der Rikscha mit.")


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Mein Sohn spielt Geige im Orchester, ich suche was mit Tieren", "culture"),
        ("My daughter plays in a football team, I'd like to help refugees", "sports"),
        ("Meine Kinder machen Hausaufgaben mit mir, ich hätte Zeit für Senioren", "children_youth"),
        ("My wife teaches at a primary school, I want to help in a garden project", "education"),
        ("Mein Mann arbeitet im Tierheim, ich würde gern Senioren vorlesen", "animals"),
        ("my job is at a radio station, something with teens", "culture"),
    ],
)
def test_what_a_relative_does_or_ones_job_is_no_wish(text: str, absent: str) -> None:
    assert absent not in parse_with_rules(text).categories


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("Meine Tochter möchte im Tierheim helfen", "animals"),  # the relative's wish, asked for by a parent
        ("My son and I would love to help at the animal shelter", "animals"),
        ("Mein Mann und ich wollen Fußball für Kinder trainieren", "sports"),
        ("Meine Kinder sind groß, ich möchte mit Kindern basteln", "children_youth"),  # the writer's own clause
        ("Mein Sohn spielt Handball und ich könnte beim Training der Jugend helfen", "sports"),  # a wish later on
        ("Meine Tochter geht zur Grundschule und die suchen Lesepaten, da würde ich helfen", "education"),
        ("I'd love to volunteer at a community radio", "culture"),
    ],
)
def test_a_relatives_wish_or_the_writers_own_clause_stays_a_wish(text: str, field: str) -> None:
    assert field in parse_with_rules(text).categories


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("Ich würde gern beim Straßenfest in unserer Siedlung helfen", "neighbourhood"),
        ("Straßenfeste mitorganisieren wäre toll", "neighbourhood"),
        ("I'd like to help organise a street party", "neighbourhood"),
        ("beim Stadtfest Getränke ausschenken", "culture"),  # a town's festival stays culture
    ],
)
def test_street_festivals_are_the_neighbourhoods_in_both_languages(text: str, field: str) -> None:
    assert field in parse_with_rules(text).categories


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Main Taunus Kreis, Tiere", "Hofheim am Taunus"),  # hyphens dropped
        ("main taunus kreis tiere", "Hofheim am Taunus"),
        ("Lahn Dill Kreis, Kinder", "Wetzlar"),
        ("ich bin aus Herborn Lahn Dill, suche was mit Senioren", "Herborn"),
        ("Ich komme aus Wetzlar Lahn Dill, Kinder", "Wetzlar"),  # the river names no village in the Emsland
        ("im Schwalm Eder Kreis, Senioren", "Homberg (Efze)"),
        ("Kreis Offenbach, Tiere", "Dietzenbach"),  # the district, not the city beside it
        ("Landkreis Offenbach Umwelt", "Dietzenbach"),
    ],
)
def test_districts_written_with_spaces_or_beside_a_city_name_the_district(text: str, town: str) -> None:
    assert _town(text) == town


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Offenbach, Tiere", "Offenbach am Main"),
        ("Kreis Fulda Senioren", "Fulda"),  # the named town lies in its district: it stands for it
        ("Limburg Lahn, Tiere", "Limburg an der Lahn"),
    ],
)
def test_a_city_or_a_district_town_stays_itself(text: str, town: str) -> None:
    assert _town(text) == town


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Ich heiße Jonas Hase und möchte Senioren besuchen", "animals"),  # a surname that is an animal
        ("Ich heiße Tim Vogel, suche was mit Kindern", "animals"),
        ("Kindergarten Waldmäuse sucht Hilfe beim Vorlesen", "environment"),  # a day-care's name
    ],
)
def test_names_are_no_field_words(text: str, absent: str) -> None:
    assert absent not in parse_with_rules(text).categories


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("Ich heiße Jonas und möchte im Tierheim Hasen versorgen", "animals"),  # a first name alone
        ("Mein Lieblingstier ist der Igel, Igelstation wäre toll", "animals"),
        ("In der Kita Tiere füttern mit den Kindern", "animals"),  # a noun after the Kita, not its name
        ("in der Kita Theaterkurse geben", "culture"),  # the work done there
    ],
)
def test_field_words_beside_a_name_stay(text: str, field: str) -> None:
    assert field in parse_with_rules(text).categories
