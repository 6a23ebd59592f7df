"""Listing round t14-list12 (issue 14, listings): where a listing's volunteers take people is not what they give
them. Texts of their own, not from the labelled sets."""

from __future__ import annotations

import pytest

from nlu import categorize


@pytest.mark.parametrize(
    ("title", "description"),
    [
        # a visit to the doctor, in a word of its own, is where a ride or an escort goes
        ("Fahrer*in für Arzttermine", "<p>Mit dem Vereinsbus holst du Ältere zu Hause ab und bringst sie hin.</p>"),
        ("Mitfahrdienst zu Arztbesuchen", "<p>Viele Dörfer haben keinen Bus mehr. Fahrten nach Absprache.</p>"),
        ("Begleitung bei Arztbesuchen", "<p>Unsere Nachbarschaftshilfe sucht Menschen mit etwas Zeit.</p>"),
        # interpreting at the doctor's: the doctor beside the errand, also in a shared compound ("Arzt- und ...")
        ("Übersetzen bei Arzt- und Schulterminen", "<p>Du sprichst Farsi oder Dari.</p>"),
        ("Dolmetschpool: Einsätze bei Arzt- und Elterngesprächen", "<p>Du sprichst Tigrinya.</p>"),
        ("Dolmetschen beim Arzt", "<p>Familien aus der Ukraine brauchen Hilfe in der Sprechstunde.</p>"),
        ("Übersetzen bei Arztbesuchen", "<p>Einsätze per Telefon oder vor Ort, nach Absprache.</p>"),
        ("Interpreters for doctor appointments", "<p>Help families from Syria at the doctor.</p>"),
    ],
)
def test_a_visit_to_the_doctor_is_no_health_care(title: str, description: str) -> None:
    assert "health_care" not in categorize(title, description).categories


@pytest.mark.parametrize(
    ("title", "description"),
    [
        # care named beside the doctor keeps the field
        ("Begleitung von Krebspatient*innen zum Arzt", "<p>Du fährst mit und wartest in der Praxis.</p>"),
        ("Fahrdienst zur Dialyse und zu Arztterminen", "<p>Dreimal die Woche in die Dialysepraxis.</p>"),
        # interpreting in a hospital is care, whoever the volunteer talks to there
        ("Dolmetschen im Krankenhaus", "<p>Familien aus Syrien brauchen Hilfe bei Gesprächen mit Ärzten.</p>"),
    ],
)
def test_care_named_beside_the_doctor_stays(title: str, description: str) -> None:
    assert "health_care" in categorize(title, description).categories
