"""Words that name a field in a listing only (issue 14, branch s16-listings): a rickshaw ride takes people out who no
longer get out by themselves, an outing given to them, neighbourly help as a Fahrdienst is. The word keeps its field
but weighs nothing, so the people the ride is for keep theirs. Messages are not read so: their authors disagree.
Texts of their own, not from the labelled sets."""

from __future__ import annotations

from nlu import categorize, parse


def test_a_rickshaw_title_keeps_the_residents_it_takes_out() -> None:
    text = (
        "<p>Zweimal die Woche holen wir Bewohnerinnen und Bewohner des Seniorenheims am Markt zu einer Runde durch die "
        "Altstadt ab.</p><p>Nach einer Probefahrt fährst du selbst, wann es dir passt.</p>"
    )
    assert set(categorize("Rikscha-Fahrer*in gesucht", text).categories) == {"neighbourhood", "seniors"}


def test_a_rickshaw_in_the_text_of_a_senior_title_is_neighbourly_too() -> None:
    text = (
        "Mit unserer E-Rikscha geht es für ältere Menschen aus dem Viertel einmal im Monat zum Eiscafé.\n"
        "Ihre Aufgaben: die Fahrten planen, die Gäste abholen, unterwegs erzählen."
    )
    assert set(categorize("Ausfahrten für Senior*innen", text).categories) == {"neighbourhood", "seniors"}


def test_a_listing_without_a_rickshaw_is_read_as_before() -> None:
    text = "Ihre Aufgaben: mit älteren Menschen Kaffee trinken, spielen und singen."
    assert "neighbourhood" not in categorize("Nachmittage für Senior*innen", text).categories


def test_a_rickshaw_only_offered_to_the_volunteers_names_no_field() -> None:
    text = (
        "Ihre Aufgaben: Kinder beim Basteln anleiten.\n"
        "Wir bieten: einen Ausflug mit der Rikscha zum Sommerfest, Versicherung, Fortbildungen."
    )
    assert "neighbourhood" not in categorize("Bastelnachmittag in der Kita", text).categories


def test_a_message_naming_a_rickshaw_is_not_read_as_a_listing() -> None:
    assert "neighbourhood" not in parse("Ich würde gern Rikscha fahren, in Kassel").categories


def test_a_rickshaw_nobody_rides_in_names_no_neighbourly_outing() -> None:
    repair = "Fahrradwerkstatt: Wir flicken Reifen, stellen Bremsen ein und warten auch die Rikschas des Vereins."
    assert "neighbourhood" not in categorize("Schrauber*in für die Werkstatt", repair).categories
    group = "Lernhilfe für Grundschulkinder in Mathe. Außerdem hat unser Verein eine Rikscha-AG."
    assert "neighbourhood" not in categorize("Lernpat*in gesucht", group).categories
