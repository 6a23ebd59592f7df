"""Places as people say them in chats: city nicknames, dialect words that happen to be town names, home said with the
place after it. Every sentence here is written for this test."""

from __future__ import annotations

import pytest

from nlu import parse


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("elbflorenz, was mit senioren", "Dresden"),
        ("Suche im Elbflorenz ein Tierheim", "Dresden"),
        ("hypezig, nachhilfe geben", "Leipzig"),
        ("wat mit kindern in leipzsch", "Leipzig"),
        ("tafel in dipps?", "Dippoldiswalde"),
    ],
)
def test_a_city_nickname_names_the_city(text: str, town: str) -> None:
    place = parse(text).place
    assert place is not None and place.name == town


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Griaß eich beinand, i such was im Sportverein in Landshut", "Landshut"),
        ("Mir is aach langweilig, gibts was in Bensheim?", "Bensheim"),
        ("Ich dät gern mit de ahlen Leut Kaffee trinken, in Gelnhausen", "Gelnhausen"),
        ("was mit ahle leit in döbeln", "Döbeln"),
    ],
)
def test_a_dialect_word_is_no_town_of_its_spelling(text: str, town: str) -> None:
    place = parse(text).place
    assert place is not None and place.name == town


@pytest.mark.parametrize(
    "text", ["Griaß eich, i hätt gern was mit Viechern", "des mach ich aach gern, was mit Kindern"]
)
def test_a_dialect_word_alone_gives_no_place(text: str) -> None:
    assert parse(text).place is None


def test_the_towns_spelt_so_are_still_found_after_a_cue() -> None:
    assert parse("Ich wohne in Ahlen und würde gern vorlesen").place.name == "Ahlen"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Unter der Woche bin ich in Stuttgart, mein Zuhause ist aber Heilbronn. Was mit Tieren?", "Heilbronn"),
        ("hock grad bei meiner Tante in Kiel, daheim is eigentlich Lübeck, gibts da ne Tafel", "Lübeck"),
        ("Studiere in Halle, in den Ferien bin ich in der Heimat (Zeitz). Gern mit Jugendlichen", "Zeitz"),
        ("ich bin in Erfurt an der Uni, würde aber gern was in meiner Heimat, also in Gotha", "Gotha"),
    ],
)
def test_home_said_before_the_place_beats_where_one_stays(text: str, town: str) -> None:
    place = parse(text).place
    assert place is not None and place.name == town


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Wir suchen als Verein einen Aktionstag, Raum Borna, Geithain", "Borna"),
        ("Gegend Eschwege, Sontra – was mit Jugendlichen?", "Eschwege"),
        ("Kreis Waldeck-Frankenberg, Korbach", "Korbach"),  # a district named first yields to the town in it
        ("Raum Erzgebirge, Marienberg", "Marienberg"),  # so does a landscape
    ],
)
def test_after_raum_a_town_is_the_centre_and_a_district_yields_to_its_town(text: str, town: str) -> None:
    place = parse(text).place
    assert place is not None and place.name == town


def test_a_word_like_town_after_gegend_is_cued() -> None:
    place = parse("Ich suche was mit Kindern, Gegend Schleswig").place
    assert place is not None and place.name == "Schleswig"


def test_a_bare_name_shared_by_two_towns_of_like_size_gives_the_larger_and_asks() -> None:
    query = parse("Tafel in Friedberg, gern samstags")
    assert query.place is not None and query.place.name == "Friedberg"  # Bavaria's, 30,000 people to Hessen's 27,500
    assert [place.name for place in query.place_candidates] == ["Friedberg", "Friedberg (Hessen)"]


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("frankenberg/sa, was mit senioren", "Frankenberg/Sa."),
        ("Homberg/Ohm, Tafel", "Homberg (Ohm)"),
        ("Königstein in der Sächsischen Schweiz, Feuerwehr", "Königstein (Sächsische Schweiz)"),
        ("Neustadt in der Sächsischen Schweiz, was mit Kindern", "Neustadt in Sachsen"),
    ],
)
def test_a_namesake_is_picked_by_its_own_abbreviation_or_its_landscape(text: str, town: str) -> None:
    place = parse(text).place
    assert place is not None and place.name == town


def test_two_letters_without_the_slash_are_no_qualifier() -> None:
    query = parse("Frankenberg Sa vormittags, Kinder")  # Saturday morning, which Frankenberg is still asked
    assert len(query.place_candidates) == 2


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Wir möchten als Familie im Tierheim helfen. Langen bei Frankfurt", "Langen (Hessen)"),
        ("hi, I live near Leipzig in Markkleeberg, anything with kids?", "Markkleeberg"),
        ("retired, living near Kassel now (Baunatal), could teach seniors computers", "Baunatal"),
        ("are there football clubs near Chemnitz that need a youth coach?", "Chemnitz"),  # alone it is where to look
    ],
)
def test_a_town_located_by_a_larger_one_near_it_is_meant(text: str, town: str) -> None:
    place = parse(text).place
    assert place is not None and place.name == town


def test_a_word_before_bei_and_a_town_far_from_it_stays_a_word() -> None:
    place = parse("Mittagessen bei Oma, danach was mit Kindern in Kassel").place
    assert place is not None and place.name == "Kassel"


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("groß umstadt, was mit tieren", "Groß-Umstadt"),
        ("Tafel in Ottendorf Okrilla?", "Ottendorf-Okrilla"),
        ("Suche Nachhilfe-Ehrenamt, Klein Winternheim", "Klein-Winternheim"),
    ],
)
def test_a_double_name_typed_with_a_space_is_the_town(text: str, town: str) -> None:
    place = parse(text).place
    assert place is not None and place.name == town


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Bamberg… nee eigentlich Erlangen, da wohn ich jetzt. Tafel?", "Erlangen"),
        ("Kassel, no actually Baunatal, animals please", "Baunatal"),
        ("thought about Leipzig first but the tram is slow, so rather here in Markkleeberg. kids", "Markkleeberg"),
    ],
)
def test_a_second_place_said_as_a_correction_or_preference_wins(text: str, town: str) -> None:
    place = parse(text).place
    assert place is not None and place.name == town


def test_eigentlich_without_a_place_after_it_corrects_nothing() -> None:
    place = parse("nee, eigentlich hab ich nur sonntags Zeit. In Kassel").place
    assert place is not None and place.name == "Kassel"
