"""A children's side corner at a café or a festival for grown-ups names no children (issue 14, listing round
listing-cats): the children come along, the field is the café's or the festival's. Texts of their own, not from the
labelled sets."""

from __future__ import annotations

import pytest

from nlu import categorize


@pytest.mark.parametrize(
    ("title", "description"),
    [
        ("Gastgeberinnen für unser Frauenfrühstück",
         "<p>Jeden Dienstag frühstücken bei uns Frauen aus dem Viertel.</p>"
         "<ul><li>Tische decken und Kaffee kochen</li><li>die Kinderecke betreuen</li></ul>"),
        ("Helfende Hände für den Adventsbasar",
         "<p>Unser Bürgerverein lädt zum Adventsbasar auf dem Dorfplatz ein.</p>"
         "<ul><li>Stände aufbauen</li><li>Punsch ausschenken</li><li>Basteln mit Kindern in der Bastelecke</li></ul>"),
    ],
)
def test_a_childrens_corner_beside_a_grown_ups_task_names_no_children(title: str, description: str) -> None:
    assert "children_youth" not in categorize(title, description).categories


def test_the_corner_leaves_the_children_of_its_other_clauses() -> None:
    got = categorize(
        "Helfer*innen für unser Kitafest",
        "<p>Die Kita Sonnenschein feiert Geburtstag. Für Kinderschminken, Hüpfburg-Aufsicht und das Kuchenbuffet "
        "suchen wir Helfer*innen – gern auch Großeltern und ehemalige Kita-Eltern.</p>",
    ).categories
    assert "children_youth" in got


def test_a_title_naming_children_keeps_them_in_the_corner() -> None:
    got = categorize(
        "Kinderbetreuung im Elterncafé",
        "<p>Während die Eltern reden, spielst du mit den Kleinen in der Spielecke.</p>",
    ).categories
    assert "children_youth" in got
