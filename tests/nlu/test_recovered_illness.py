"""An illness the writer comes back from is who they are, not a wish for health care (branch nlu33); helping people
after an illness stays one. Little German said as "English only tho"."""

from __future__ import annotations

import pytest

from nlu.api import parse_with_rules


@pytest.mark.parametrize("text", [
    "Ich komme gerade nach langer Krankheit wieder auf die Beine und suche was Ruhiges mit Büchern in Gotha",
    "Nach einem Jahr Burnout geht es mir besser, vielleicht was mit Hunden? Kassel",
    "after my illness last year I'd like something quiet with animals in Jena",
])
def test_an_illness_one_recovered_from_is_no_health_wish(text: str) -> None:
    assert "health_care" not in parse_with_rules(text).categories


@pytest.mark.parametrize("text", [
    "Ich würde gern Kinder nach einer Krankheit begleiten, in Erfurt",
    "Besuchsdienst für Menschen nach Krankheit in Leipzig",
    "Ich möchte Menschen mit Depression begleiten",
    # written all small, as chats often are: whom one helps is still named before "nach" (review23)
    "würde gern senioren nach einer krankheit begleiten, in erfurt",
    "möchte menschen nach einer krankheit besuchen in leipzig",
])
def test_helping_people_after_an_illness_stays_health_care(text: str) -> None:
    assert "health_care" in parse_with_rules(text).categories


@pytest.mark.parametrize("text", [
    "Anything outdoors in Gotha? English only tho.", "any sports club in Suhl, english only tho",
])
def test_english_only_tho_is_little_german(text: str) -> None:
    assert parse_with_rules(text).needs_little_german
