"""Patterns of everyday language that a second, independently written message set showed to matter."""

from __future__ import annotations

import pytest

from nlu import parse
from nlu.components.separable import infinitives


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ich lese in der Kita gern vor", {"children_youth", "education"}),  # reading aloud teaches only children
        ("Ich lese Kindern gerne Geschichten vor", {"children_youth", "education"}),
        ("Ich kaufe für ältere Nachbarn ein", {"seniors", "neighbourhood"}),
        ("ich helfe bei Mathe nach", {"education"}),
        ("Er liest im Altenheim vor", {"seniors"}),
    ],
)
def test_separable_verbs_count_like_their_infinitive(text: str, expected: set[str]) -> None:
    assert set(parse(text).categories) == expected


@pytest.mark.parametrize("text", ["ich bringe mich gern ein", "ich helfe gerne mit", "Ich stelle mir das gut vor"])
def test_separable_verbs_without_a_field_add_nothing(text: str) -> None:
    assert parse(text).categories == ()


def test_a_negated_separable_verb_is_ruled_out() -> None:
    query = parse("Ich lese Kindern nicht gern vor, lieber Sport")
    assert query.categories == ("sports",) and set(query.exclude_categories) == {"children_youth", "education"}


def test_verb_forms_lead_to_their_infinitives() -> None:
    assert infinitives("lese", {}) == ("lesen",)
    assert infinitives("kauft", {}) == ("kaufen",)
    assert infinitives("helf", {}) == ("helfen",)
    assert infinitives("liest", {"liest": "lesen"}) == ("lesen",)


@pytest.mark.parametrize(
    "text",
    [
        "Hallo! Ich (34, Krankenschwester) suche etwas ganz anderes",
        "Ich, 72, Rentner, suche eine Aufgabe",
        "Handwerklich begabt, Rentner, suche was",
        "Krankenpfleger, möchte in der Freizeit helfen",
        "frisch pensionierter Lehrer, suche eine Aufgabe",
    ],
)
def test_who_the_writer_is_is_no_interest(text: str) -> None:
    assert parse(text).categories == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Weil ich viel Zeit habe, möchte ich Senioren helfen", ("seniors",)),
        ("Tiere, Senioren, Kinder", ("children_youth", "seniors", "animals")),
        ("Rentner besuchen", ("seniors", "neighbourhood")),  # visiting people is neighbourly help too
        ("Ich möchte meinen Nachbarn helfen", ("neighbourhood",)),
        ("I want to help in my neighbourhood", ("neighbourhood",)),
    ],
)
def test_interests_near_self_descriptions_are_kept(text: str, expected: tuple[str, ...]) -> None:
    assert parse(text).categories == expected


@pytest.mark.parametrize(
    "text", ["beim Sortieren von Spenden", "wir diskutieren gern", "I love it", "bitte beachten", "Transport"]
)
def test_ordinary_words_that_end_or_start_like_interest_words_are_none(text: str) -> None:
    assert parse(text).categories == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trainer für die F-Jugend", {"sports", "children_youth"}),
        ("a beach clean-up", {"environment"}),
        ("IT support for a club", {"digital"}),
        ("walk shelter dogs", {"animals"}),
        ("Umweltbildung mit Schulklassen", {"environment", "education", "children_youth"}),
    ],
)
def test_hyphenated_and_everyday_words_are_understood(text: str, expected: set[str]) -> None:
    assert set(parse(text).categories) == expected


@pytest.mark.parametrize(
    ("text", "excluded"),
    [
        ("Anything but animals please", ("animals",)),
        ("weder Sport noch Kultur", ("sports", "culture")),
        ("Umwelt gern, Sport nö", ("sports",)),
    ],
)
def test_more_ways_of_ruling_out(text: str, excluded: tuple[str, ...]) -> None:
    assert parse(text).exclude_categories == excluded


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("jeden zweiten Samstag", ("weekend", "regular")),
        ("every other week", ("regular",)),
        ("einmal im Quartal", ("regular",)),
        ("frühmorgens", ("daytime",)),
        ("just once", ("one_off",)),
    ],
)
def test_more_time_expressions(text: str, slots: tuple[str, ...]) -> None:
    assert parse(text).time == slots


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("visiting patients", "en"),
        ("dog walking Berlin", "en"),
        ("soup kitchen Leipzig", "en"),
        ("Tierheim Hundeschule", "de"),
        ("Kinderbetreuung Hamburg", "de"),
        ("Social Media", "de"),  # a loan word or two in a German message stay German
        ("Bad Hersfeld, Tierheim", "de"),
    ],
)
def test_keyword_style_messages_get_their_language(text: str, lang: str) -> None:
    assert parse(text).lang == lang


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("feuerwehr in st. wendel", "Sankt Wendel"),
        ("Ehrenamt in Neustadt a. d. Aisch", "Neustadt an der Aisch"),
        ("Tiere in Bremen", "Bremen"),
        ("Ehrenamt in Sachsen", None),  # the state, not the village Sachsen bei Ansbach
        ("Hessen", None),  # the state, not the village Hessen in Sachsen-Anhalt
        # Regions stand in as their best-known or most central town (data/places/curated.toml).
        ("im Erzgebirge mit Kindern", "Annaberg-Buchholz"),
        ("was im Vogtland", "Plauen"),
        ("in Nordhessen", "Kassel"),
        ("in der Rhön", "Fulda"),
        ("im Odenwald helfen", "Michelstadt"),
        ("im Allgäu was mit Natur", "Kempten (Allgäu)"),
        ("Tafel im Ruhrgebiet", "Essen"),
    ],
)
def test_place_spellings(text: str, place: str | None) -> None:
    found = parse(text).place
    assert (found.name if found else None) == place


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wir (Familie mit 2 Kindern) würden gern etwas für die Natur tun", ("environment",)),
        ("Familien unterstützen", ("children_youth",)),
        ("eine Jugendmannschaft trainieren", ("children_youth", "sports")),
        ("Menschen bei Behördengängen begleiten", ("refugees_integration",)),
    ],
)
def test_patterns_found_by_held_out_set_c(text: str, expected: tuple[str, ...]) -> None:
    assert parse(text).categories == expected


def test_pm_times_are_evening() -> None:
    assert parse("Tuesdays after 5pm").time == ("weekday", "evening")


def test_a_postal_code_ending_the_message_with_a_full_stop_is_found() -> None:
    place = parse("Am liebsten was mit Kindern. In 24937.").place
    assert place is not None and place.postal_code == "24937"


@pytest.mark.parametrize(
    ("text", "slots", "lang"),
    [("mo+mi abends", ("weekday", "evening"), "de"), ("Di/Do nachmittags", ("weekday", "daytime"), "de")],
)
def test_abbreviated_days_in_pairs(text: str, slots: tuple[str, ...], lang: str) -> None:
    query = parse(text)
    assert query.time == slots and query.lang == lang


def test_with_and_without_rules_nothing_out() -> None:
    query = parse("Sport für Menschen mit und ohne Behinderung")
    assert query.categories == ("sports", "disability_inclusion") and query.exclude_categories == ()
