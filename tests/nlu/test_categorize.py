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
