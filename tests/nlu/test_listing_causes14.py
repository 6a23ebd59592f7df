"""Listing round t14-listings (issue 14, listings): causes of failure that recur across the listing sets' authors,
each tested with texts of its own (not from the labelled sets), the field wanted and the field that must stay out."""

from __future__ import annotations

import pytest

from nlu import categorize


@pytest.mark.parametrize(
    ("title", "description"),
    [
        # errands run for the people served are neighbourly help beside the people and the place the title names
        ("Begleiter*in für gehörlose Menschen", "<p>Du begleitest gehörlose Menschen bei Einkäufen.</p>"),
        ("Ehrenamt auf der Kinderkrebsstation", "<p>Aufgaben:</p><ul><li>Spielen mit kranken Kindern</li>"
         "<li>kleine Besorgungen für die Eltern</li></ul>"),
        ("Helfer*in im Seniorenstift Lindenhof", "<p>Sie leisten den Bewohnerinnen des Seniorenstifts Gesellschaft "
         "und übernehmen Besorgungen.</p>"),
        ("Volunteer at the palliative ward", "<p>You keep patients company and run errands for them.</p>"),
    ],
)
def test_errands_for_the_people_served_are_neighbourly_help(title: str, description: str) -> None:
    assert "neighbourhood" in categorize(title, description).categories


@pytest.mark.parametrize(
    ("title", "description"),
    [
        # shopping as a verb is a kitchen's or a trip's, not an errand for someone
        ("Kochteam im Jugendzentrum", "<p>Du planst das Mittagessen, gehst einkaufen und kochst mit den Jugendlichen."
         "</p>"),
        ("Ferienfreizeit: Betreuer*in", "<p>Wir fahren mit Kindern an die Ostsee. Einkaufen, Spielen, Baden.</p>"),
    ],
)
def test_shopping_for_a_kitchen_is_no_errand(title: str, description: str) -> None:
    assert "neighbourhood" not in categorize(title, description).categories


@pytest.mark.parametrize(
    ("title", "description"),
    [
        # a café the title names, and no other field, is a meeting place, whatever else its text names
        ("Strickcafé: Gastgeber*in gesucht", "<p>Jeden Donnerstag stricken wir Mützen für die Frühchenstation der "
         "Kinderklinik. Du kochst Kaffee und begrüßt die Gäste.</p>"),
        ("Café Lichtblick sucht Thekenhilfe", "<p>Unsere Gemeinde hat eine Jugendgruppe und einen Seniorenkreis. Das "
         "Café öffnet sonntags nach dem Gottesdienst.</p><p>Aufgaben: Kuchen annehmen, Kaffee ausschenken.</p>"),
        ("Hosts for our Sunday café", "<p>Many of our guests are older people living alone. Serve coffee and cake, "
         "tidy up afterwards.</p>"),
    ],
)
def test_a_cafe_the_title_names_alone_is_a_meeting_place(title: str, description: str) -> None:
    assert "neighbourhood" in categorize(title, description).categories


@pytest.mark.parametrize(
    ("title", "description", "field"),
    [
        # a café whose title names its field is that field's; a language café is practising German
        ("Demenzcafé: Betreuer*in gesucht", "<p>Gäste mit Demenz und ihre Angehörigen verbringen einen Nachmittag "
         "bei Kaffee und Kuchen.</p>", "health_care"),
        ("Sprach-Café: Gesprächsleitung", "<p>Geflüchtete üben bei Kaffee und Kuchen ihr Deutsch.</p>",
         "refugees_integration"),
        ("German conversation café", "<p>Newcomers practise German over coffee with volunteers.</p>",
         "refugees_integration"),
    ],
)
def test_a_cafe_of_a_named_field_or_a_language_is_no_meeting_place(title: str, description: str, field: str) -> None:
    found = categorize(title, description).categories
    assert field in found and "neighbourhood" not in found


@pytest.mark.parametrize(
    ("title", "description"),
    [("Spanisch-Café: Gastgeber*in gesucht", "<p>Einmal im Monat sprechen wir bei Kaffee Spanisch.</p>"),
     ("Polnisch-Café: Gastgeber*in", "<p>Wir plaudern auf Polnisch über Bücher und Filme.</p>"),
     ("Volunteers for our Italian Café", "<p>Chat in Italian with learners over coffee.</p>"),
     ("Café Lingua: Tischpat*innen", "<p>An jedem Tisch wird eine andere Sprache gesprochen.</p>"),
     ("Café Russisch sucht Gesprächspartner*innen", "<p>Wir üben Russisch bei Tee und Gebäck.</p>")],
)
def test_a_cafe_named_after_any_language_is_no_meeting_place(title: str, description: str) -> None:
    assert "neighbourhood" not in categorize(title, description).categories
