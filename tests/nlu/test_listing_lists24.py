"""Kinds of listing categories found with listings_dev24 and recurring in at least three authors' dev sets (issue 14,
branch lists24). Texts of their own, not from the labelled sets."""

from __future__ import annotations

import pytest

from nlu import categorize
from nlu.listing_outings import outing_rules


@pytest.mark.parametrize(
    ("title", "description"),
    [
        ("Übungsleitung Herzsport", "<p>Die Gruppe trainiert einmal pro Woche in der Sporthalle.</p>"),
        ("Herzsportgruppe sucht Leitung", "<p>Gymnastik und leichte Ausdauerübungen anleiten.</p>"),
        ("Übungsleiter*in Lungensport", "<p>Atemübungen und Bewegung mit einer kleinen Gruppe.</p>"),
    ],
)
def test_rehabilitation_sport_by_illness_is_health_care_and_sport(title: str, description: str) -> None:
    got = categorize(title, description).categories
    assert "health_care" in got
    assert "sports" in got


def test_plain_sport_groups_stay_sport_only() -> None:
    got = categorize("Übungsleitung Volleyball", "<p>Training der Hobbygruppe am Montagabend.</p>").categories
    assert "sports" in got
    assert "health_care" not in got


@pytest.mark.parametrize(
    ("title", "description"),
    [
        ("Freizeitbegleitung gesucht", "<p>Unsere Bewohner mit geistiger Behinderung wollen raus: ins Kino, zum "
         "Handball, ins Hallenbad.</p>"),
        ("Ausflüge mit Menschen mit Behinderung", "<p>Sie begleiten zwei Bewohnerinnen zu Heimspielen, Konzerten "
         "oder ins Stadion.</p>"),
        ("Assistenz in der Freizeit", "<p>Mit Menschen mit Behinderung zum Fußball oder ins Freibad gehen.</p>"),
    ],
)
def test_places_of_an_outing_are_not_the_field(title: str, description: str) -> None:
    got = categorize(title, description).categories
    assert "disability_inclusion" in got
    assert "sports" not in got


@pytest.mark.parametrize(
    ("title", "description", "kept"),
    [
        # the outing's place is the only field: it is the task
        ("Begleitung zum Fußballtraining", "<p>Die F-Jugend braucht Fahrer zum Auswärtsspiel.</p>", "sports"),
        # no direction: the sport is done there
        ("Schwimmbegleitung für Menschen mit Behinderung", "<p>Schwimmtraining im Hallenbad anleiten.</p>",
         "sports"),
    ],
)
def test_sport_done_or_alone_stays(title: str, description: str, kept: str) -> None:
    assert kept in categorize(title, description).categories


def test_outing_rules_read_from_the_word_lists() -> None:
    rules = outing_rules()
    assert "sports" in rules.fields and "disability_inclusion" not in rules.fields
    assert "in" not in rules.prepositions
    assert "," in rules.joiners
