"""Errands run for someone are neighbourly help in a listing however strongly its title names another field; the
same nouns for a kitchen's or a club's own purchases are not (review finding 2)."""

from __future__ import annotations

import pytest

from nlu import categorize


@pytest.mark.parametrize(
    ("title", "description"),
    [("Kochgruppe im Jugendtreff", "<p>Deine Aufgaben:</p><ul><li>Du machst die Einkäufe für den Kochabend</li>"
                                   "<li>Kochen und Backen mit Jugendlichen</li></ul>"),
     ("Kassenwart*in für unseren Kleingartenverein", "<p>Deine Aufgaben:</p><ul><li>Du prüfst die Einkäufe des "
                                                      "Vereins</li><li>Jahresabschluss vorbereiten</li></ul>"),
     ("Lagerküche im Sommerzeltlager", "<p>Das erwartet dich:</p><ul><li>Hilfe bei den Einkäufen fürs Zeltlager</li>"
                                       "<li>Kochen für 60 Kinder</li></ul>"),
     ("Tierheim-Kasse", "<p>Ihre Aufgaben:</p><ul><li>Besorgungen für das Katzenhaus abrechnen</li>"
                        "<li>Spendenquittungen schreiben</li></ul>")],
)
def test_an_organisations_own_purchases_are_no_neighbourly_help(title: str, description: str) -> None:
    assert "neighbourhood" not in categorize(title, description).categories


@pytest.mark.parametrize(
    ("title", "description"),
    [("Seniorenbegleitung im Quartier", "<p>Ihre Aufgaben:</p><ul><li>Besorgungen für ältere Nachbarinnen erledigen"
                                        "</li><li>Gespräche und Spaziergänge</li></ul>"),
     ("Besuchsdienst für Menschen mit Sehbehinderung", "<p>Was Sie tun:</p><ul><li>Begleitung bei Einkäufen</li>"
                                                      "<li>Briefe vorlesen</li></ul>"),
     ("Alltagshilfe für Menschen im Rollstuhl", "<p>Ihre Aufgaben:</p><ul><li>Hilfe bei Gartenarbeit, Papierkram "
                                               "und Einkäufen</li></ul>"),
     ("Besuchsdienst im Seniorenstift", "<p>Du besuchst Bewohnerinnen und Bewohner im Stift, erledigst kleine "
                                        "Besorgungen und liest vor.</p>")],
)
def test_errands_run_for_people_stay_neighbourly_help(title: str, description: str) -> None:
    assert "neighbourhood" in categorize(title, description).categories
