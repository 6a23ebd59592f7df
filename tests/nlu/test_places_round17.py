"""Place causes that recur across the natural sets' authors (README "Places round of the seventeenth session"):
Stadtteile the gazetteer lacked, city nicknames, adjective landscapes in the dative or in English, and a work place
wanted because the wish is near work. Every sentence here is written for this test."""

from __future__ import annotations

import pytest

from nlu import parse
from nlu.kernel.gazetteer import get_gazetteer
from nlu.lexicon import known_words, place_rules


def names(text: str) -> tuple[str | None, list[str]]:
    query = parse(text)
    return (query.place.name if query.place else None), [c.name for c in query.place_candidates]


@pytest.mark.parametrize(
    ("text", "city"),
    [("Suche was mit Senioren in Wiederitzsch", "Leipzig"),
     ("wohne in Gohlis-Nord und hab abends Zeit", "Leipzig"),
     ("Hausaufgabenhilfe in Cossebaude?", "Dresden"),
     ("bin in Kleinzschachwitz zuhause, Tiere", "Dresden"),
     ("Fritz-Heckert-Gebiet, Nachbarschaftshilfe", "Chemnitz"),
     ("Kaßberg oder Altchemnitz, Sport mit Kindern", "Chemnitz"),
     ("Riedberg, Nachhilfe Mathe", "Frankfurt am Main"),
     ("Naurod, Besuchsdienst", "Wiesbaden"),
     ("Wolfsanger, Tierheim am Wochenende", "Kassel"),
     ("Woogsviertel, Lesepatin", "Darmstadt"),
     ("Tempelsee, Tafel", "Offenbach am Main")],
)
def test_a_stadtteil_the_gazetteer_lacked_is_its_city(text: str, city: str) -> None:
    assert names(text) == (city, [])


@pytest.mark.parametrize(
    ("text", "city"),
    [("Dresden-Südvorstadt, Kinder", "Dresden"), ("Leipzig Südvorstadt, Kinder", "Leipzig"),
     ("Markersdorf in Chemnitz, Vorlesen", "Chemnitz"), ("Chemnitz-Sonnenberg, Sprachcafé", "Chemnitz"),
     ("Leipzig Grünau, Jugendtreff", "Leipzig"), ("Berlin-Grünau, Jugendtreff", "Berlin")],
)
def test_a_quarter_with_its_city_is_that_city(text: str, city: str) -> None:
    assert names(text) == (city, [])


@pytest.mark.parametrize(
    ("text", "quarter", "town"),
    [("was für jugendliche in grünau", "Grünau (Leipzig)", "Grünau"),
     ("Markersdorf, Lesepaten", "Markersdorf (Chemnitz)", "Markersdorf")],
)
def test_a_quarter_named_like_a_town_elsewhere_is_asked_about(text: str, quarter: str, town: str) -> None:
    """A town keeps its name first, the city's quarter of that name is asked about after it (Grünau in Berlin,
    Markersdorf by Görlitz; README, shared_quarters)."""
    place, candidates = names(text)
    assert set(candidates) == {quarter, town} and place == candidates[0]


def test_a_town_outside_the_start_region_keeps_its_name_before_the_citys_quarter() -> None:
    # Berlin's Grünau is a place of its own: Leipzig's quarter of that name is asked about after it
    place, candidates = names("was für jugendliche in grünau")
    assert place == "Grünau" and candidates[-1] == "Grünau (Leipzig)"


def test_a_name_of_a_part_of_every_city_alone_is_no_city() -> None:
    # Stuttgart, Hannover and others have a Europaviertel too: alone it names no city (with one it is that city's)
    assert names("Ich wohne im Europaviertel und suche was mit Flüchtlingen")[0] is None


def test_no_new_quarter_alias_is_a_frequent_word() -> None:
    rules, words = place_rules(), known_words()
    added = [name for name, city in rules.aliases.items() if name in rules.quarter_aliases and city != "Berlin"]
    assert added and not [name for name in added if name in words and name != "sachsenhausen"]


@pytest.mark.parametrize(
    ("text", "city"),
    [("Heinerstadt, Tierschutz", "Darmstadt"), ("in Mainhattan was mit Obdachlosen", "Frankfurt am Main"),
     ("Nischel-Stadt, Kinder", "Chemnitz"), ("Klein-Paris, Kultur am Wochenende", "Leipzig")],
)
def test_a_well_known_city_nickname_is_the_city(text: str, city: str) -> None:
    assert names(text) == (city, [])


def test_paris_alone_is_still_no_leipzig() -> None:
    assert names("Paris war toll, jetzt wohne ich in Kassel, Sport") == ("Kassel", [])


@pytest.mark.parametrize(
    "text",
    ["Königstein (Sächs. Schweiz), Wanderwege pflegen", "Königstein, the one in Saxon Switzerland, fire brigade",
     "Königstein in der Sächsischen Schweiz, Senioren"],
)
def test_the_saxon_koenigstein_is_chosen_by_its_landscape_said_otherwise(text: str) -> None:
    assert names(text) == ("Königstein (Sächsische Schweiz)", [])


@pytest.mark.parametrize(
    ("text", "town"),
    [("Naturschutz in der Sächsischen Schweiz", "Pirna"), ("trail work in Saxon Switzerland", "Pirna"),
     ("Tierschutz im Bergischen Land", "Wuppertal")],
)
def test_an_adjective_landscape_in_the_dative_or_in_english_stands_for_its_town(text: str, town: str) -> None:
    assert names(text) == (town, [])
    assert get_gazetteer().lookup("Sächsischen Schweiz")[0].name == "Pirna"


@pytest.mark.parametrize(
    ("text", "place"),
    [("wohne in Hanau, arbeite aber in Offenbach, lieber was nah an der Arbeit", "Offenbach am Main"),
     ("I live in Mainz and work in Wiesbaden, something close to my office please", "Wiesbaden"),
     ("Wohne in Gießen, arbeite in Wetzlar. Nach der Arbeit könnte ich dort helfen", "Wetzlar"),
     ("arbeite in Fulda, wohne in Hünfeld, gern in der Nähe meiner Arbeit", "Fulda")],
)
def test_a_work_place_is_the_wish_when_the_message_wants_it_near_work(text: str, place: str) -> None:
    assert names(text)[0] == place


@pytest.mark.parametrize(
    ("text", "place"),
    [("arbeite in Fulda, wohne in Hünfeld, Tierheim", "Hünfeld"),
     ("I work in Wiesbaden but live in Mainz, after work I have time for kids", "Mainz")],
)
def test_without_such_a_wish_the_home_still_wins_over_work(text: str, place: str) -> None:
    assert names(text)[0] == place


@pytest.mark.parametrize(
    ("code", "state", "town"),
    [("16552", "Brandenburg", "Mühlenbecker Land"), ("97903", "Bayern", "Collenberg"),
     ("55246", "Hessen", "Wiesbaden"), ("12689", "Berlin", "Berlin")],
)
def test_a_postal_code_keeps_the_state_of_the_municipality_the_post_names(code: str, state: str, town: str) -> None:
    """A municipality GeoNames lacks by a border: its code had gone to the town across it (data/build_postal_codes.py
    keep_named_state); a listing's state follows the code (bot.store.states.listing_state)."""
    from bot.store.states import listing_state

    place = get_gazetteer().by_postal_code(code)
    assert place is not None and (place.name, place.state) == (town, state)
    assert listing_state(code, None, None, None) == state
