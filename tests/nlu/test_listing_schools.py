"""A school or a school club the title names is where pupils are, the youngest footballers are children, and first aid
given is health care too (issue 14, listing round listings19). Texts of their own, not from the labelled sets."""

from __future__ import annotations

import pytest

from nlu import categorize
from nlu.evaluate_listings import DEV_SETS


@pytest.mark.parametrize(
    ("title", "description"),
    [
        ("Schulsanitätsdienst unterstützen", "<p>Du hilfst bei der Ausbildung der Ersthelfer und bei Einsätzen.</p>"),
        ("Helfer*in für die Foto-AG", "<p>Wir fotografieren, bearbeiten Bilder und stellen sie im Foyer aus.</p>"),
        ("Schulimkerei sucht Unterstützung", "<p>Bienenvölker betreuen, Honig schleudern, Wachs verarbeiten.</p>"),
        ("Trainer*in für die Bambini", "<p>Fußballtraining samstags auf dem Vereinsplatz, 10 bis 11 Uhr.</p>"),
    ],
)
def test_a_school_word_or_the_bambini_in_the_title_name_children(title: str, description: str) -> None:
    assert "children_youth" in categorize(title, description).categories


@pytest.mark.parametrize(
    ("title", "description"),
    [
        ("Schuldnerberatung begleiten", "<p>Du sortierst Unterlagen und begleitest Ratsuchende zu Terminen.</p>"),
        ("Schulungen für neue Ehrenamtliche organisieren", "<p>Räume buchen, Material vorbereiten.</p>"),
        ("Infostand für Märkte und Schulen", "<p>Du informierst über Klimaschutz und Energiesparen.</p>"),
        ("Helfer*in in der Hundeschule", "<p>Welpengruppen begleiten und Übungsplätze vorbereiten.</p>"),
        # "AG" alone: a company's legal form, an adults' working group (only "Schach-AG" and the like name a club)
        ("Aktionstag mit der Stadtwerke AG", "<p>Wir pflanzen Bäume im Stadtwald und räumen den Bach auf.</p>"),
        ("Mitarbeit in der AG Asyl", "<p>Unsere Arbeitsgruppe begleitet Geflüchtete zu Ämtern.</p>"),
    ],
)
def test_debts_trainings_a_partner_school_a_dog_school_a_lone_ag_name_no_children(title: str, description: str) -> None:
    assert "children_youth" not in categorize(title, description).categories


def test_every_listing_dev_set_is_scored_by_default() -> None:
    names = [path.stem for path in DEV_SETS]
    assert names[0] == "listings_dev"
    assert "listings_dev20" in names
    assert not any("blind" in name for name in names)
    assert names == sorted(names, key=lambda name: int(name.removeprefix("listings_dev") or 1))


@pytest.mark.parametrize(
    ("title", "description"),
    [
        ("Ersthelfer*innen für das Sommerfest", "<p>Du versorgst kleine Verletzungen und rufst im Notfall Hilfe.</p>"),
        ("Erste-Hilfe-Ausbilder*in", "<p>Du gibst Kurse in Herz-Lungen-Wiederbelebung und Wundversorgung.</p>"),
    ],
)
def test_first_aid_given_is_health_care_beside_the_rescue_service(title: str, description: str) -> None:
    got = categorize(title, description).categories
    assert "emergency_services" in got
    assert "health_care" in got
