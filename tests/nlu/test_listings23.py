"""Listing round of listings_dev23 (issue 14, branch listings23): kinds of wrong or missing categories that recur in the
listing sets of three or more authors, each tested with texts of its own (not from the labelled sets)."""

from __future__ import annotations

from nlu import categorize


def test_food_a_food_bank_saves_from_the_bin_is_its_source_not_environment() -> None:
    categories = categorize(
        "Sortierhilfe am Donnerstag",
        "Unsere Tafel verteilt jede Woche Brot und Gemüse, die sonst weggeworfen würden. Du sortierst die Ware und "
        "packst Kisten.",
    ).categories
    assert categories == ["poverty_homelessness"]


def test_food_savers_who_name_no_poor_people_keep_environment() -> None:
    categories = categorize(
        "Abholer*in für Lebensmittelretter",
        "Wir holen bei Bäckereien ab, was sonst weggeworfen würde, und stellen es in den offenen Kühlschrank im Park.",
    ).categories
    assert "environment" in categories
