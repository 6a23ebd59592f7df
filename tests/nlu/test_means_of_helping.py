"""The means of helping are no field of their own when another field is wanted (t14-means): the device or channel
one works through, one's own dog along, the place one takes or accompanies people to. Where the means is what the
help is about, the field stays. Every sentence here is written for this test."""

from __future__ import annotations

import pytest

from nlu.api import parse_with_rules


@pytest.mark.parametrize(
    ("text", "wanted", "means"),
    [
        ("Ich setze mich gern für Inklusion ein, am liebsten abends am Laptop", "disability_inclusion", "digital"),
        ("Ich will was für Geflüchtete tun, gern über den Laptop", "refugees_integration", "digital"),
        ("Umweltschutz liegt mir am Herzen, mitmachen würde ich am Computer von daheim", "environment", "digital"),
        ("I care about animal welfare and would rather contribute on the computer from home", "animals", "digital"),
        ("Für Klimaschutz aktiv werden, gern am Handy unterwegs", "environment", "digital"),
        ("Wenn ich mit dem Hund durch den Park laufe, seh ich Müll, ich will was für die Umwelt tun", "environment",
         "animals"),
        ("I walk with the dog every morning and want to do something for nature", "environment", "animals"),
        ("Darf ich mit dem Hund zu den Bewohnern ins Seniorenheim zum Besuchen kommen?", "seniors", "animals"),
        ("Menschen mit Behinderung ins Konzert begleiten, das wäre was für mich", "disability_inclusion", "culture"),
        ("I could accompany people with disabilities to concerts", "disability_inclusion", "culture"),
        ("Ich würde Senioren gern zu Konzerten fahren", "seniors", "culture"),
        ("Ich möchte Geflüchtete zu ihren Arztterminen begleiten", "refugees_integration", "health_care"),
        ("Patenschaft für eine geflüchtete Familie: Arzttermine, Schulanmeldung, Behörden", "refugees_integration",
         "health_care"),
    ],
)
def test_the_means_of_helping_adds_no_field(text: str, wanted: str, means: str) -> None:
    categories = parse_with_rules(text).categories
    assert wanted in categories
    assert means not in categories


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("Ich erkläre Senioren gern, wie das Handy funktioniert, am Telefon oder vor Ort", "digital"),
        ("älteren Leuten am Computer beim Online-Banking helfen", "digital"),
        ("einen Smartphone-Kurs für Senioren am Tablet geben", "digital"),
        ("I could show older people how to use apps on their phone", "digital"),
        ("Ich möchte älteren Menschen den Umgang mit dem Tablet beibringen", "digital"),
        ("im Tierheim mit Hunden spazieren gehen", "animals"),
        ("Besuchshund-Team im Pflegeheim, mein Hund ist geprüft", "animals"),
        ("Ich würde im Krankenhaus Patienten auf der Station begleiten", "health_care"),
        ("Ich gehe gern ins Konzert und möchte im Kulturverein helfen", "culture"),
        ("I want to volunteer with refugees and with doctors at a health clinic", "health_care"),
    ],
)
def test_a_means_that_is_the_wish_keeps_its_field(text: str, field: str) -> None:
    assert field in parse_with_rules(text).categories


def test_the_means_alone_is_the_field() -> None:
    """With no other field wanted, a device after "am" is what the writer offers ("am Computer arbeiten")."""
    assert "digital" in parse_with_rules("Ich könnte von zu Hause am Computer arbeiten").categories
