"""Behaviour of nlu.parse on the kinds of messages people send (German and English)."""

from __future__ import annotations

import pytest

from nlu import parse


def test_interest_and_place_and_weekend_are_read_from_a_plain_request() -> None:
    query = parse("Ich suche was mit Tieren in Kassel am Wochenende")
    assert query.categories == ("animals",)
    assert query.place is not None and query.place.name == "Kassel" and query.place.state == "Hessen"
    assert query.time == ("weekend",)
    assert query.lang == "de"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hausaufgabenhilfe", {"children_youth", "education"}),
        ("Tierheim", {"animals"}),
        ("Seniorenbegleitung", {"seniors"}),
        ("Flüchtlingshilfe", {"refugees_integration"}),
        ("Jugendfeuerwehr", {"emergency_services", "children_youth"}),
        ("Kleiderkammer", {"poverty_homelessness"}),
        ("Sterbebegleitung", {"health_care"}),
        ("mit Geflüchteten", {"refugees_integration"}),
        ("mit Älteren", {"seniors"}),
        ("Kids", {"children_youth"}),
        ("Omas", {"seniors"}),
        ("Gassi gehen", {"animals"}),
        ("Haustierbetreuung", {"animals"}),
        ("volunteering with dogs", {"animals"}),
    ],
)
def test_compounds_inflections_and_colloquial_words_map_to_categories(text: str, expected: set[str]) -> None:
    assert set(parse(text).categories) == expected


@pytest.mark.parametrize("text", ["präsentiert", "hundert Leute", "natürlich gerne", "Kindergeld", "Baumarkt"])
def test_false_friends_of_stems_are_no_interest(text: str) -> None:
    assert parse(text).categories == ()


def test_typo_in_an_interest_word_is_corrected() -> None:
    assert parse("Kidner und Senoiren").categories == ("children_youth", "seniors")


def test_negation_is_scoped_to_what_it_negates() -> None:
    query = parse("Kein Sport, lieber Kultur")
    assert query.categories == ("culture",)
    assert query.exclude_categories == ("sports",)
    query = parse("Umwelt oder Tiere, aber keine Feuerwehr")
    assert query.categories == ("environment", "animals")
    assert query.exclude_categories == ("emergency_services",)


def test_negation_after_the_mention_and_across_or() -> None:
    assert parse("Mit Kindern eher nicht, lieber Tiere").exclude_categories == ("children_youth",)
    assert set(parse("bitte keine Kinder oder Jugendlichen").exclude_categories) == {"children_youth"}
    assert parse("Ich hab kein Auto und suche was mit Tieren").categories == ("animals",)


@pytest.mark.parametrize(
    ("text", "wanted", "ruled_out"),
    [
        ("Sport? Nein danke.", (), ("sports",)),
        ("Sport? No thanks.", (), ("sports",)),
        ("Kinder – lieber nicht, Tiere gern in Kassel", ("animals",), ("children_youth",)),
        ("Kinder? Nein, lieber Tiere", ("animals",), ("children_youth",)),
        ("Senioren besuchen? Auf keinen Fall. Sport schon", ("sports",), ("seniors", "neighbourhood")),
        ("Nein danke, ich suche Umwelt in Leipzig", ("environment",), ()),  # nothing before the answer
        ("Hast du was mit Tieren? Ja gerne", ("animals",), ()),
        ("i want to help with the climate, no meetings, just doing stuff", ("environment",), ()),  # not alone
        ("Pflege, bloß nicht.", (), ("health_care",)),
        ("Suche was mit Tieren in Kassel. Nein, nicht am Wochenende.", ("animals",), ()),  # rules out the time
        ("Tiere in Kassel. Nein danke, keine Kinder", ("animals",), ("children_youth",)),
        ("nicht mehr in der Pflege arbeiten, lieber was mit Tieren in Jena", ("animals",), ("health_care",)),
    ],
)
def test_an_answer_rules_out_what_was_just_named(
    text: str, wanted: tuple[str, ...], ruled_out: tuple[str, ...]
) -> None:
    query = parse(text)
    assert (query.categories, query.exclude_categories) == (wanted, ruled_out)


def test_pseudo_negation_and_neutral_phrases_rule_nothing_out() -> None:
    query = parse("Ich habe keine Erfahrung mit Kindern, würde es aber gern probieren")
    assert query.categories == ("children_youth",) and query.exclude_categories == ()
    query = parse("Muss nicht unbedingt mit Kindern sein, Hauptsache Natur")
    assert query.categories == ("environment",) and query.exclude_categories == ()


def test_self_descriptions_are_not_interests() -> None:
    assert parse("Ich bin Rentnerin und suche was mit Tieren").categories == ("animals",)
    visiting = parse("Meine Kinder sind aus dem Haus, ich würde gern Senioren besuchen").categories
    assert visiting == ("seniors", "neighbourhood")  # the children are the writer's; visiting is neighbourly help
    assert parse("I'm a retired teacher and love gardening").categories == ("environment",)


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("am Wochenende", ("weekend",)),
        ("samstags", ("weekend",)),
        ("abends nach Feierabend", ("evening",)),
        ("vormittags", ("daytime",)),
        ("tagsüber unter der Woche", ("weekday", "daytime")),
        ("werktags", ("weekday",)),
        ("einmalig", ("one_off",)),
        ("regelmäßig, einmal pro Woche", ("regular",)),
        ("ein paar Stunden im Monat", ("regular",)),
        ("jeden Samstagvormittag", ("weekend", "daytime", "regular")),
        ("on weekday evenings", ("weekday", "evening")),
        ("now and then", ("one_off",)),
        ("nicht am Wochenende", ("weekday",)),
        ("Unter der Woche habe ich keine Zeit, nur sonntags", ("weekend",)),
        ("Guten Abend, ich suche was mit Tieren", ()),
    ],
)
def test_time_expressions(text: str, slots: tuple[str, ...]) -> None:
    assert parse(text).time == slots


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("ich spreche Arabisch", ("ar",)),
        ("I speak Arabic and Farsi", ("ar", "fa")),
        ("übersetzen auf Ukrainisch", ("uk",)),
        ("Englischkenntnisse vorhanden", ("en",)),
        ("Ich spreche kein Russisch, aber Polnisch", ("pl",)),
        ("Ich möchte Arabisch lernen", ()),
        ("ich spreche Deutsch", ()),
        ("Ich wohne in Thailand-Nähe darin", ()),
    ],
)
def test_spoken_languages_beyond_german(text: str, codes: tuple[str, ...]) -> None:
    assert parse(text).languages == codes


@pytest.mark.parametrize(
    ("text", "remote"),
    [
        ("online helfen", True),
        ("von zu Hause aus", True),
        ("remote volunteering", True),
        ("digitales Ehrenamt", True),
        ("I can help from home", True),
        ("nicht online, lieber vor Ort", False),
        ("Smartphone-Kurs für Senioren", False),
    ],
)
def test_remote(text: str, remote: bool) -> None:
    assert parse(text).remote is remote


@pytest.mark.parametrize(
    ("text", "km"),
    [
        ("im Umkreis von 20 km um Kassel", 20.0),
        ("max. 10 km von Fulda", 10.0),
        ("within 10 km of Leipzig", 10.0),
        ("20km", 20.0),
        ("10-15 km", 15.0),
        ("zehn Kilometer", 10.0),
        ("within 5 miles", 8.0),
        ("Umkreis 25", 25.0),
        ("2 mal pro Woche", None),
    ],
)
def test_radius(text: str, km: float | None) -> None:
    assert parse(text).radius_km == km


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Tierheim in Frankfrut", "Frankfurt am Main"),
        ("Drseden", "Dresden"),
        ("Leipizg Umwelt", "Leipzig"),
        ("goerlitz", "Görlitz"),
        ("giessen", "Gießen"),
        ("MUENCHEN", "München"),
        ("Ffm", "Frankfurt am Main"),
        ("Frankfurt/Main", "Frankfurt am Main"),
        ("Frankfurt (Oder)", "Frankfurt (Oder)"),
        ("Raum Kassel", "Kassel"),
        ("in der Nähe von Marburg", "Marburg"),
        ("bei Fulda", "Fulda"),
        ("Leipzig-Connewitz", "Leipzig"),
        ("Annaberg", "Annaberg-Buchholz"),
        ("in Essen", "Essen"),
        ("Neustadt in Sachsen", "Neustadt in Sachsen"),
    ],
)
def test_places(text: str, name: str) -> None:
    query = parse(text)
    assert query.place is not None and query.place.name == name


def test_an_ambiguous_name_offers_the_start_regions_namesakes_right_after_the_largest() -> None:
    names = [place.name for place in parse("Ich möchte helfen in Neustadt").place_candidates]
    assert names[0] == "Neustadt an der Weinstraße"
    assert set(names[1:3]) == {"Neustadt (Hessen)", "Neustadt in Sachsen"}  # smaller, but where we start
    assert "Neustadt am Rübenberge" in names[3:]
    assert parse("Freiburg, Umweltgruppe").place_candidates == ()  # Freiberg (Sachsen) was Freiburg long ago


@pytest.mark.parametrize("text", ["essen gehen mit Senioren", "Weil ich Zeit habe", "Kinder", "Tiere", "im Wald"])
def test_ordinary_words_are_not_places_without_a_cue(text: str) -> None:
    assert parse(text).place is None


def test_postal_code_gives_the_place_and_the_code() -> None:
    query = parse("34117 Tierheim")
    assert query.place is not None and query.place.name == "Kassel" and query.place.postal_code == "34117"


def test_ambiguous_name_keeps_the_best_place_and_lists_far_apart_candidates() -> None:
    query = parse("Tierheim in Frankenberg")
    assert query.place is not None
    names = [c.name for c in query.place_candidates]
    assert names[0] == query.place.name and {"Frankenberg (Eder)", "Frankenberg/Sa."} <= set(names)


def test_unambiguous_place_has_no_candidates() -> None:
    assert parse("Tierheim Kassel").place_candidates == ()


def test_origin_place_loses_to_the_place_to_help_in() -> None:
    query = parse("Ich komme aus Kiel, wohne jetzt in Leipzig")
    assert query.place is not None and query.place.name == "Leipzig"


def test_keywords_keep_specific_words_and_drop_fillers_and_category_names() -> None:
    assert "telefonseelsorge" in parse("Ich suche was bei der Telefonseelsorge").keywords
    assert parse("Repair Café in Kassel").keywords == ("repair", "cafe")
    assert "vorlesen" in parse("Vorlesen für Kinder").keywords
    query = parse("Ich möchte gern mit Kindern helfen in Kassel")
    assert query.keywords == ()


def test_english_messages_are_recognised() -> None:
    assert parse("I would like to help with animals on weekends").lang == "en"
    assert parse("Hospiz Begleitung in Wiesbaden, hat jemand Infos?").lang == "de"


def test_contract_shape_of_to_dict() -> None:
    data = parse("Umkreis 20 km um Neustadt, abends, ich spreche Arabisch, gern online").to_dict()
    assert {"categories", "exclude_categories", "place", "place_candidates", "radius_km", "time", "languages",
            "remote", "lang", "keywords", "text"} <= set(data)
    assert set(data["place"]) >= {"name", "lat", "lon", "state", "postal_code"}
    assert all(set(c) >= {"name", "lat", "lon", "state", "postal_code"} for c in data["place_candidates"])
    assert data["radius_km"] == 20.0 and data["time"] == ["evening"] and data["languages"] == ["ar"]
    assert data["remote"] is True


@pytest.mark.parametrize(
    ("text", "keyword"),
    [("Nachtcafé in Gießen", "nachtcafe"), ("Spieleabend in Frankfurt", "spieleabend"),
     ("beim Vorlesenachmittag helfen", "vorlesenachmittag")],
)
def test_a_compound_holding_a_time_word_still_names_the_thing(text: str, keyword: str) -> None:
    # the time word says when ("abends"), the compound what: without the keyword the chat asked for a field instead
    assert keyword in parse(text).keywords


def test_a_word_made_of_time_words_alone_is_no_keyword() -> None:
    assert parse("samstagvormittags im Tierheim in Kassel").keywords == ("tierheim",)
