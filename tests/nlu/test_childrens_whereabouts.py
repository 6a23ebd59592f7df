"""Where one's children are ("wenn die Kinder in der Kita sind", "the kids are at school until 1") says when the
writer is free: the children and their school, day-care or club are no wish (issue 14, messages)."""

from __future__ import annotations

import pytest

from nlu import parse


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Vormittags hab ich Zeit wenn die Kinder in Schule und Kita sind, gern was mit Senioren in Jena", "seniors"),
        ("Während die Kids im Kindergarten sind, hätte ich Zeit fürs Tierheim", "animals"),
        ("Solange meine Kinder in der Schule sind, könnte ich bei der Tafel helfen", "poverty_homelessness"),
        ("The kids are at school until 1, so mornings, something with animals?", "animals"),
        ("When my kids are at football training I could help at the food bank", "poverty_homelessness"),
    ],
)
def test_where_ones_children_are_is_no_wish(text: str, wanted: str) -> None:
    categories = parse(text).categories
    assert wanted in categories
    assert "children_youth" not in categories
    assert "sports" not in categories


@pytest.mark.parametrize(
    "text",
    [
        "Wenn die Kinder im Viertel Hilfe brauchen, bin ich da",
        "Die Kinder in unserem Dorf sind oft allein, ich möchte was für sie tun",
        "the kids in our street would love a homework club, I could run one",
    ],
)
def test_children_in_need_or_wanting_stay_whom_to_help(text: str) -> None:
    assert "children_youth" in parse(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "Die Kinder wohnen längst in Hamburg, ich hätte jetzt Zeit für den Tierschutz",
        "Unsere Enkel leben in Bayern; ich würde gern im Tierheim helfen",
        "the children live abroad now, so I could help at an animal shelter",
    ],
)
def test_where_ones_own_children_live_is_no_wish(text: str) -> None:
    categories = parse(text).categories
    assert "animals" in categories and "children_youth" not in categories


@pytest.mark.parametrize(
    "text",
    [
        "Die Jugendlichen sind abends im Jugendzentrum, da würde ich gern mithelfen",
        "Die Schüler sind nachmittags oft allein in der Bibliothek, da könnte ich Hausaufgaben betreuen",
    ],
)
def test_young_people_who_are_not_the_writers_own_stay_whom_to_help(text: str) -> None:
    assert "children_youth" in parse(text).categories


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # an opener, an owner word and the children, the verb of being last in the clause (about_own_children's
        # opened case: the verb needs not follow the children)
        ("Wenn meine Kinder nachmittags im Hort sind, könnte ich im Tierheim helfen", "children_youth"),
        ("Während unsere Enkel vormittags alle in der Grundschule sind, würde ich gern Hunde ausführen", "education"),
        ("Weil die Kleinen bis drei in der Kita sind, kann ich vormittags Katzen betreuen", "children_youth"),
        ("Da unsere Kinder jeden Nachmittag im Sportverein sind, würde ich gern im Tierheim helfen", "sports"),
    ],
)
def test_ones_own_children_with_the_verb_at_the_clauses_end_are_no_wish(text: str, wrong: str) -> None:
    categories = parse(text).categories
    assert "animals" in categories and wrong not in categories and "children_youth" not in categories
