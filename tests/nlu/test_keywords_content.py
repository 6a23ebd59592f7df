"""A compound whose first part says how one helps ("Telefon-", "Online-") still names a thing to search for."""

from __future__ import annotations

import pytest

from nlu.api import parse


@pytest.mark.parametrize(
    ("text", "keyword"),
    [
        ("Telefonpatenschaft gegen Einsamkeit, Hamburg", "telefonpatenschaft"),
        ("Onlineberatung für Jugendliche", "onlineberatung"),
    ],
)
def test_a_compound_of_how_and_what_is_a_search_word_and_still_remote(text: str, keyword: str) -> None:
    query = parse(text)
    assert keyword in query.keywords
    assert query.remote


@pytest.mark.parametrize(
    "text", ["telefonisch helfen in Kassel", "online in Leipzig", "digitales Ehrenamt von zuhause"]
)
def test_a_word_that_only_says_how_is_no_search_word(text: str) -> None:
    query = parse(text)
    assert query.remote
    assert query.keywords == ()
