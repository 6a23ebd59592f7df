"""Listing precision round of listings_dev21 (issue 14, branch listings21): kinds of false categories that recur
across the listing sets' authors, each tested with texts of its own (not from the labelled sets)."""

from __future__ import annotations

import pytest

from nlu import categorize


@pytest.mark.parametrize(
    ("title", "description"),
    [
        # a family sponsorship for newcomer families is the newcomers' sponsorship
        ("Familienpatenschaften für neu zugewanderte Familien", "<p>Als Familienpatin oder Familienpate begleitest "
         "du eine Familie in ihren ersten Monaten in Gießen: Wege im Stadtteil, Briefe vom Amt, der erste "
         "Elternabend.</p>"),
        ("Familienpat*in für geflüchtete Familien", "<p>Unsere Familienpatinnen treffen sich einmal pro Woche mit "
         "ihrer Familie.</p>"),
    ],
)
def test_a_sponsorship_for_newcomer_families_is_neither_children_nor_neighbourhood(
    title: str, description: str
) -> None:
    categories = categorize(title, description).categories
    assert "refugees_integration" in categories
    assert "children_youth" not in categories
    assert "neighbourhood" not in categories


def test_a_family_sponsorship_without_arrival_keeps_the_children() -> None:
    categories = categorize(
        "Familienpat*in für junge Familien",
        "<p>Du entlastest eine Familie mit einem Baby und spielst mit den Geschwistern.</p>",
    ).categories
    assert "children_youth" in categories


def test_the_old_town_festival_is_the_town_s_festival() -> None:
    categories = categorize(
        "Helfer*innen für das Altstadtfest",
        "<p>Drei Tage Musik, Markt und Gäste aus der ganzen Region. Du hilfst beim Aufbau und am Infostand.</p>",
    ).categories
    assert "culture" in categories
    assert "neighbourhood" not in categories


@pytest.mark.parametrize(
    "cared_for",
    [
        "die ihre Eltern, ihren Partner oder ihre Kinder pflegen",
        "die ein Kind mit Behinderung oder einen alten Vater pflegen",
    ],
)
def test_carers_of_anyone_name_no_seniors(cared_for: str) -> None:
    categories = categorize(
        "Chat-Beratung für pflegende Angehörige",
        f"<p>In unserem Chat schreiben Menschen, {cared_for}. Du antwortest und verweist auf Beratungsstellen.</p>",
    ).categories
    assert "seniors" not in categories


def test_carers_alone_are_still_the_old_s_carers() -> None:
    categories = categorize(
        "Gesprächskreis für pflegende Angehörige",
        "<p>Einmal im Monat treffen sich pflegende Angehörige bei uns. Du bereitest den Raum vor und hörst zu.</p>",
    ).categories
    assert "seniors" in categories
