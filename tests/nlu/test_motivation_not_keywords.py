"""Why one wants to help is no search word: the phrases the interest rules read as the wish to help others or to give
back (data/nlu/interests.toml experience_others) give no keywords, while what fills their gaps and the gifts named
beside them still do."""

from __future__ import annotations

import pytest

from nlu.api import parse


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Ich möchte der Gesellschaft etwas zurückgeben, Tafel in Kassel", {"tafel"}),
        ("Mir geht es gut und ich möchte etwas an die Gesellschaft zurückgeben. Hospiz in Fulda", {"hospiz"}),
        ("Die Leute im Hospiz waren so gut zu uns. Das möchte ich zurückgeben. Gießen", {"hospiz"}),
        ("war lange drauf, jetzt clean. will was zurückgeben, suchtberatung in zwickau", {"suchtberatung"}),
        ("Ich würde der Allgemeinheit gern ein bisschen zurückgeben, Repair-Café in Jena", {"repair", "cafe"}),
    ],
)
def test_giving_back_is_no_search_word(text: str, kept: set[str]) -> None:
    keywords = set(parse(text).keywords)
    assert not {"zurueckgeben", "gesellschaft", "allgemeinheit"} & keywords
    assert kept <= keywords


def test_keeping_someone_company_keeps_its_words() -> None:
    # "Gesellschaft leisten" says what one wants to do, not why
    assert "gesellschaft" in parse("Ich würde gern im Seniorenheim Gesellschaft leisten, Minden").keywords


def test_a_word_in_the_gap_of_a_motivation_phrase_stays() -> None:
    assert "muetter" in parse("Würde gern andere Mütter unterstützen, Köln").keywords


def test_a_word_one_pattern_names_stays_in_the_gap_of_another() -> None:
    # "eltern" is a word of "Eltern in der gleichen Lage", but fills the gap of "andere ~ begleiten" here
    assert "eltern" in parse("würde gern andere Eltern begleiten, in Kassel").keywords
