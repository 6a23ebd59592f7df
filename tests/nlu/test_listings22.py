"""Listing recall round of listings_dev22 (issue 14, branch listings22): the people a listing serves named by their
poverty, which the title's activity outweighed in the sets of several authors, each tested with texts of its own (not
from the labelled sets)."""

from __future__ import annotations

import pytest

from nlu import categorize


@pytest.mark.parametrize(
    ("title", "description"),
    [
        # culture for people with little money: the tickets are the title's, the people are whom it serves
        ("Kinopat*in: Filmabende für alle", "<p>Wir laden Menschen mit wenig Geld zu Filmabenden ins Programmkino "
         "ein und begleiten sie auf Wunsch.</p>"),
        # households named by their income, the noun before the income
        ("Stromsparhelfer*in fürs Klima", "Familien mit geringem Einkommen heizen oft teuer. Du zeigst ihnen, wie "
         "man mit Thermostat und Steckerleiste spart, und tauschst alte Glühbirnen."),
        # English: people named by where they sleep
        ("Cooks for our Friday dinner", "<p>We cook a warm meal for neighbours and for people who live on the "
         "street. We need cooks and people who wash up.</p>"),
    ],
)
def test_people_named_by_their_poverty_in_the_lead_are_served(title: str, description: str) -> None:
    assert "poverty_homelessness" in categorize(title, description).categories


def test_poverty_beside_the_group_the_title_serves_is_that_group_s() -> None:
    categories = categorize(
        "Nähwerkstatt für Geflüchtete",
        "<p>Geflüchtete Frauen nähen bei uns Taschen; die gespendeten Nähmaschinen gehen danach an Geflüchtete und "
        "Menschen mit wenig Geld.</p>",
    ).categories
    assert "refugees_integration" in categories
    assert "poverty_homelessness" not in categories


@pytest.mark.parametrize("title", ["Bewerbungscoach für Arbeitsuchende", "Lebenslauf-Check für arbeitsuchende Eltern"])
def test_job_seekers_spelt_with_one_s_are_job_seekers(title: str) -> None:
    description = "<p>Du übst mit ihnen Vorstellungsgespräche und liest Anschreiben gegen.</p>"
    categories = categorize(title, description).categories
    assert "poverty_homelessness" in categories


def test_an_association_with_little_money_serves_nobody_by_it() -> None:
    categories = categorize(
        "Kassenwart*in für unseren Chor",
        "<p>Wir sind ein kleiner Chor mit wenig Geld und vielen Stimmen. Du führst die Kasse.</p>",
    ).categories
    assert "poverty_homelessness" not in categories
