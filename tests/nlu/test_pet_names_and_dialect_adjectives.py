"""Pet names of speech are the animals field, no search keyword; a dialect adjective that names children as a noun
("die Kleene") is only an adjective before another noun ("Kleenes Tierheim")."""

from __future__ import annotations

import pytest

from nlu.api import parse


@pytest.mark.parametrize("text", ["Miezen streicheln", "Was mit Doggos", "Wauwaus Gassi führen", "mit Fellnasen"])
def test_pet_names_are_animals_and_no_keywords(text: str) -> None:
    query = parse(text)
    assert "animals" in query.categories
    assert not {"miezen", "doggos", "wauwaus", "fellnasen"} & set(query.keywords)


@pytest.mark.parametrize("text", ["Kleenes Tierheim", "kleenes tierheim", "Im kleenen Verein helfen"])
def test_a_dialect_adjective_before_a_noun_names_no_children(text: str) -> None:
    assert "children_youth" not in parse(text).categories


@pytest.mark.parametrize("text", ["was mit de Kleenen", "Mit de Lütten basteln"])
def test_a_dialect_adjective_as_a_noun_still_names_children(text: str) -> None:
    assert "children_youth" in parse(text).categories
