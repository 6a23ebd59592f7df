"""Children taught to swim are those a swimming teacher serves, however strongly the title names the sport or the
water rescue (issue 14, branch lists23). Texts of their own, not from the labelled sets."""

from __future__ import annotations

from nlu import categorize


def test_a_swimming_teacher_for_children_serves_the_children() -> None:
    text = (
        "<p>Der Schwimmverein bringt seit 1950 Kindern das Schwimmen bei und trainiert Leistungsschwimmer.</p>"
        "<p><strong>Deine Aufgaben:</strong></p><ul><li>Anfängerkurse im Hallenbad leiten</li>"
        "<li>Schwimmabzeichen abnehmen</li><li>Beim Training der Wettkampfgruppe helfen</li></ul>"
        "<p>Du bringst mit: sicheres Schwimmen, Rettungsschwimmabzeichen Silber.</p>"
    )
    categories = categorize("Ehrenamtliche Schwimmtrainer*innen gesucht", text).categories
    assert {"children_youth", "sports"} <= set(categories)


def test_the_first_badge_names_the_children_learning() -> None:
    text = (
        "Viele Kinder lernen heute erst spät schwimmen. Die Ortsgruppe der Wasserwacht sucht deshalb Verstärkung.\n"
        "Aufgaben:\n- Kurse bis zum Seepferdchen begleiten\n- Abzeichen abnehmen\nZeit: samstags vormittags"
    )
    categories = categorize("Ausbilder/in für Schwimmkurse der Wasserwacht", text).categories
    assert "children_youth" in categories


def test_a_swimming_course_for_old_women_serves_no_children() -> None:
    text = (
        "<p>Manche Frauen über 70 haben als Kind nie schwimmen gelernt. In kleinen Gruppen holen sie es nach.</p>"
        "<p>Sie helfen im Becken, machen Mut und begleiten die Übungen.</p>"
    )
    categories = categorize("Helfer*in im Schwimmkurs für Seniorinnen", text).categories
    assert "children_youth" not in categories
    assert "seniors" in categories


def test_a_lifeguard_is_no_swimming_teacher() -> None:
    text = (
        "<p>Neben Schwimmkursen für Kinder bewacht unsere Ortsgruppe im Sommer das Strandbad.</p>"
        "<p>Aufgaben: Wachdienst am Wochenende, Erste Hilfe, Bootsdienst.</p>"
    )
    categories = categorize("Rettungsschwimmer*innen für die Badesaison", text).categories
    assert "children_youth" not in categories
    assert "emergency_services" in categories
