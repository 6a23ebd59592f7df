"""Help with applications for adult job seekers is no schooling; for young people it is; an Erzählcafé with
witnesses of history is culture, not a neighbourly café (listkinds20)."""

from __future__ import annotations

from nlu import categorize


def test_application_help_for_adult_job_seekers_is_no_education() -> None:
    got = categorize(
        "Mentor*in für Menschen auf Jobsuche",
        "<p>Du unterstützt Langzeitarbeitslose bei Bewerbungsunterlagen und Vorstellungsgesprächen.</p>",
    )
    assert "poverty_homelessness" in got.categories
    assert "education" not in got.categories


def test_application_help_for_young_people_stays_education() -> None:
    got = categorize(
        "Mentor/in für Jugendliche auf Jobsuche",
        "<p>Du hilfst Jugendlichen bei Bewerbungsunterlagen und Vorstellungsgesprächen, auch mit dem Jobcenter.</p>",
    )
    assert {"children_youth", "education"} <= set(got.categories)


def test_an_application_training_stays_education() -> None:
    got = categorize(
        "Bewerbungstraining für Langzeitarbeitslose", "<p>Du leitest Bewerbungstrainings für Erwerbslose.</p>"
    )
    assert "education" in got.categories


def test_a_story_cafe_with_witnesses_of_history_is_culture_not_neighbourhood() -> None:
    witnesses = categorize(
        "Erzählcafé mit Zeitzeugen", "<p>Ältere Menschen erzählen im Erzählcafé von der Ortsgeschichte.</p>"
    )
    plain = categorize("Erzählcafé", "<p>Im Erzählcafé treffen sich Nachbarinnen und Nachbarn bei Kaffee.</p>")
    assert "culture" in witnesses.categories
    assert "neighbourhood" not in witnesses.categories
    assert "neighbourhood" in plain.categories
