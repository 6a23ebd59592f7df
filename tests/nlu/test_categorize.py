"""nlu.categorize suggests categories and time tags for listings (imports, clubs posting)."""

from __future__ import annotations

from nlu import categorize


def test_title_words_rank_first() -> None:
    tags = categorize("Lesepatin für Grundschulkinder gesucht", "Wir sind eine Schule im Stadtteil und freuen uns.")
    assert set(tags.categories[:2]) == {"children_youth", "education"}


def test_a_club_speaking_of_its_own_animals_is_still_about_animals() -> None:
    tags = categorize("Gassigeher gesucht", "Unser Tierheim sucht Menschen, die mit unseren Hunden spazieren gehen.")
    assert tags.categories == ["animals"]


def test_time_tags_come_from_the_description() -> None:
    tags = categorize("Tafel: Lebensmittelausgabe", "Jeden Samstagvormittag, ca. 3 Stunden.")
    assert tags.categories == ["poverty_homelessness"]
    assert tags.time == ["weekend", "daytime", "regular"]


def test_negated_requirements_are_no_category() -> None:
    tags = categorize("Fahrdienst für Senioren", "Keine Vorkenntnisse nötig, kein Sport, einfach Freude am Fahren.")
    assert "sports" not in tags.categories and tags.categories[0] == "seniors"


def test_listing_without_any_interest_word_gets_no_category() -> None:
    assert categorize("Helfer gesucht", "Bitte melden Sie sich bei uns.").categories == []


def test_categorize_many_gives_what_categorize_gives_in_order() -> None:
    from nlu.api import categorize, categorize_many

    listings = [
        ("Lesepate gesucht", "Du liest jeden Dienstag nachmittags mit Grundschulkindern."),
        ("Gassigehen im Tierheim", "Am Wochenende mit Hunden spazieren gehen."),
        ("Lesepate gesucht", "Du liest jeden Dienstag nachmittags mit Grundschulkindern."),  # the same text twice
        ("Sprachcafé", "Wir unterhalten uns abends mit Geflüchteten, keine Kinderbetreuung."),
        ("Help at the food bank", "Sort donations on weekday mornings."),
        ("", ""),
    ]
    many = categorize_many(listings, batch_size=2)
    assert [(tags.categories, tags.time) for tags in many] == [
        (categorize(title, text).categories, categorize(title, text).time) for title, text in listings
    ]
    assert many[0].categories and many[0].time


def test_categorize_many_weighs_sections_and_drops_offers_as_categorize_does() -> None:
    from nlu.api import categorize, categorize_many

    agency = (
        "Begleitung beim Einkaufen",
        "<p><strong>Über uns:</strong> Der Verein betreibt Kitas und eine Jugendwerkstatt.</p>"
        "<p><strong>Deine Aufgaben:</strong></p><ul><li>ältere Nachbarinnen zum Markt begleiten</li></ul>"
        "<p><strong>Wir bieten:</strong> Schulungen, Fortbildungen und ein herzliches Willkommen.</p>",
    )
    assert categorize_many([agency])[0] == categorize(*agency)
    assert "children_youth" not in categorize(*agency).categories  # only the blurb names children
