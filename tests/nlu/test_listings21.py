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


@pytest.mark.parametrize(
    ("title", "description"),
    [
        ("Rollstuhl-Spaziergänge im Seniorenzentrum", "<p>Viele unserer Bewohnerinnen und Bewohner sind auf den "
         "Rollstuhl angewiesen. Du schiebst sie durch den Kurpark, die Pflegekräfte zeigen dir, wie es geht.</p>"),
        ("Schiebedienst mit dem Rollstuhl im Krankenhaus", "<p>Patientinnen und Patienten, die nicht gut laufen "
         "können, bringst du im Rollstuhl zur Untersuchung und zurück auf die Station.</p>"),
    ],
)
def test_wheelchairs_in_a_care_home_or_hospital_are_no_disability_work(title: str, description: str) -> None:
    assert "disability_inclusion" not in categorize(title, description).categories


@pytest.mark.parametrize(
    ("title", "description"),
    [
        # people named by their chair in the title are whom the listing is for
        ("Begleitung für Menschen im Rollstuhl", "<p>Im Seniorenheim Lindenhof wohnen Menschen, die im Rollstuhl "
         "sitzen. Du begleitest sie zum Markt.</p>"),
        # a word of disability besides the chair keeps it
        ("Rollstuhl-Ausflüge mit dem Pflegeheim", "<p>Unsere Bewohner mit Behinderung und ihre Angehörigen "
         "freuen sich über Begleitung im Rollstuhl.</p>"),
        # without old people or care the chair is disability work
        ("Ausflüge mit dem Rollstuhl", "<p>Du begleitest Rollstuhlfahrer*innen ins Kino und zum Fußball.</p>"),
    ],
)
def test_other_wheelchairs_stay_disability_work(title: str, description: str) -> None:
    assert "disability_inclusion" in categorize(title, description).categories


def test_crafts_for_visitors_children_at_a_stall_are_a_side_job() -> None:
    categories = categorize(
        "Standdienst auf dem Adventsmarkt",
        "<p>Jedes Jahr zeigen wir in unserer Holzwerkstatt, wie Räuchermännchen gedrechselt werden.</p><ul><li>Gästen "
        "die Drechselbank erklären</li><li>beim Kinderbasteln (Strohsterne) helfen</li></ul><p>Kontakt: Heimatverein "
        "Oberwiesa</p>",
    ).categories
    assert "children_youth" not in categories
