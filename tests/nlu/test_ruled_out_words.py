"""What a person rules out is no search word, even where it names no field: searching for it would find exactly
what they do not want. Words after "ohne" describe the people meant and stay."""

from __future__ import annotations

import pytest

from nlu.api import parse


@pytest.mark.parametrize(
    ("text", "unwanted", "wanted"),
    [
        ("Gern was im Naturschutz in Jena, aber keine Vereinsarbeit", "vereinsarbeit", None),
        ("Tafel in Gotha, bloß nix mit Kasse", "kasse", None),
        ("Hospizarbeit in Erfurt? Kein Interesse an Verwaltung", "verwaltung", None),
        ("anything with refugees in Halle, no fundraising please", "fundraising", None),
        ("lieber Bäume pflanzen als Büroarbeit, Zwickau", "bueroarbeit", None),
        ("Im Museum helfen, aber nicht an der Garderobe. Weimar", "garderobe", "museum"),
    ],
)
def test_a_word_ruled_out_is_no_search_word(text: str, unwanted: str, wanted: str | None) -> None:
    keywords = parse(text).keywords
    assert unwanted not in keywords
    if wanted:
        assert wanted in keywords


@pytest.mark.parametrize(
    ("text", "keyword"),
    [
        ("Ich möchte Familien ohne Krankenversicherung in Jena helfen", "krankenversicherung"),
        ("Jugendlichen ohne Lehrstelle bei Bewerbungen helfen, Gera", "lehrstelle"),
        ("Leuten helfen, die ihre Stromrechnung nicht bezahlen können, Halle", "stromrechnung"),
    ],
)
def test_what_the_people_meant_lack_stays_a_search_word(text: str, keyword: str) -> None:
    assert keyword in parse(text).keywords
