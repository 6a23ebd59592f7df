"""Dialect and colloquial names of a group ("Pänz", "Kinner", "Viecher") are carried by its category: no listing writes
them, so as search words they found nothing and the chat said "Zu „Pänz“ habe ich nichts Genaues gefunden"."""

from __future__ import annotations

import pytest

from nlu.api import parse


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Ich möcht gern was mit Pänz machen in Köln", "children_youth"),
        ("am liebsten was mit Kinnern, so Fußball", "children_youth"),
        ("was mit de Kleenen in Dresden", "children_youth"),
        ("Servus, i mog gern wos mit de Viecher macha in Nürnberg", "animals"),
        ("irgendwas mit Vierbeinern", "animals"),
        ("Fellnasen in Leipzig", "animals"),
    ],
)
def test_a_colloquial_name_of_the_group_is_the_category_and_no_search_word(text: str, category: str) -> None:
    query = parse(text)
    assert category in query.categories
    assert not [word for word in query.keywords if word[:4] in {"paen", "kinn", "klee", "viec", "vier", "fell"}]


def test_what_is_done_with_them_stays_a_search_word() -> None:
    query = parse("Fußball mit Kinnern in Kassel")
    assert "fussball" in query.keywords and "kinnern" not in query.keywords
