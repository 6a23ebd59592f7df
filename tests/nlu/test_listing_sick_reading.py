"""Reading aloud is education for children (reading promotion) and company for the sick, for sick children too
(issue 14, branch t14-list): a listing that names health care reads aloud as a visit. Texts of their own, not from the
labelled sets."""

from __future__ import annotations

from nlu import categorize


def test_reading_to_children_on_a_paediatric_ward_is_no_education() -> None:
    text = (
        "<p>Auf unserer Kinderstation liegen Kinder oft mehrere Wochen. Als Vorlesepat*in bringst du Bücher mit "
        "und liest am Bett vor, damit die Zeit in der Klinik schneller vergeht.</p>"
    )
    categories = categorize("Vorlesen in der Kinderklinik", text).categories
    assert "education" not in categories
    assert {"children_youth", "health_care"} <= set(categories)


def test_reading_to_children_in_a_nursery_stays_education() -> None:
    text = "<p>Einmal in der Woche liest du den Kindern unserer Kita Bilderbücher vor und sprichst mit ihnen.</p>"
    categories = categorize("Vorlesen in der Kita Regenbogen", text).categories
    assert {"children_youth", "education"} <= set(categories)
